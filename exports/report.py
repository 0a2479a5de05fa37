"""The complete steering-committee workbook: assessment sheets plus the roadmap when one applies."""

from __future__ import annotations

from datetime import date

from assessment.bundle import AssessmentBundle, roadmap_of
from assessment.models import Questionnaire
from assessment.roadmap_library import DEFAULT_LIBRARY, LibraryError, load_library
from exports.xlsx import build_workbook
from exports.xlsx_roadmap import roadmap_sheets


def full_workbook(questionnaire: Questionnaire, bundle: AssessmentBundle, today: date) -> bytes:
    """Workbook bytes; the Roadmap and Pilot KPIs sheets appear once something is answered and
    the action library fits the questionnaire."""
    try:
        library = load_library(DEFAULT_LIBRARY, questionnaire)
    except LibraryError:
        library = None
    roadmap = roadmap_of(questionnaire, bundle, library, today) if library else None
    extra = roadmap_sheets(roadmap, bundle.language) if roadmap else None
    return build_workbook(questionnaire, bundle, extra_sheets=extra)
