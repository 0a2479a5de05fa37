from pathlib import Path

import pytest

from assessment.models import Questionnaire
from assessment.questionnaire import load_questionnaire

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def minimal() -> Questionnaire:
    """Two dimensions; culture: share (w1), sponsor (w3); cx (customer side): ambition, and
    equipped (internal side). Linear 5-level scale: 1→0, 2→25, 3→50, 4→75, 5→100."""
    return load_questionnaire(FIXTURES / "minimal.yaml")
