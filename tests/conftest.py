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


@pytest.fixture(scope="session")
def postgres_cluster():
    """One throwaway PostgreSQL server for the whole run (or a skip/fail if not installed)."""
    from tests import postgres

    cluster = postgres.started_cluster()
    yield cluster
    cluster.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path):
    """The same test on the embedded SQLite file and on a real PostgreSQL server."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'test.db'}"
    return request.getfixturevalue("postgres_cluster").new_database()
