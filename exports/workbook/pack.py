"""The complete steering-committee workbook: assessment sheets plus the roadmap when one applies."""

from __future__ import annotations

from datetime import date

from assessment.benchmark import (
    BenchmarkError,
    BenchmarkLibrary,
    DimensionPosition,
    load_benchmarks,
)
from assessment.bundle import AssessmentBundle, roadmap_of
from assessment.models import Questionnaire
from assessment.roadmap import DEFAULT_LIBRARY, ActionLibrary, LibraryError, load_library
from exports.workbook.benchmark import benchmark_sheet
from exports.workbook.roadmap import roadmap_sheets
from exports.workbook.sheets import build_workbook
from exports.workbook.workshop import workshop_sheet


def full_workbook(
    questionnaire: Questionnaire,
    bundle: AssessmentBundle,
    today: date,
    positions: list[DimensionPosition] | None = None,
) -> bytes:
    """Workbook bytes. Roadmap and Pilot KPIs appear once something is answered and the action
    library fits the questionnaire; Benchmark shows the peer positions given (from the pool,
    which lives in the database) and every published reference point."""
    lang = bundle.language
    extra = {}
    roadmap = roadmap_of(questionnaire, bundle, _library(questionnaire), today)
    if roadmap is not None:
        extra |= roadmap_sheets(roadmap, lang)
    extra |= benchmark_sheet(questionnaire, positions or [], _benchmarks(questionnaire), lang)
    if bundle.workshop:
        extra |= workshop_sheet(questionnaire, bundle.workshop, lang)
    return build_workbook(questionnaire, bundle, extra_sheets=extra)


def _library(questionnaire: Questionnaire) -> ActionLibrary | None:
    try:
        return load_library(DEFAULT_LIBRARY, questionnaire)
    except LibraryError:
        return None  # a library written for another questionnaire: no roadmap sheets


def _benchmarks(questionnaire: Questionnaire) -> BenchmarkLibrary | None:
    try:
        return load_benchmarks(questionnaire)
    except BenchmarkError:
        return None  # datasets for another questionnaire: the seed reference points only
