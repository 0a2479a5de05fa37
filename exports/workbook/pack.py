"""The complete steering-committee workbook: assessment sheets plus the roadmap when one applies."""

from __future__ import annotations

from datetime import date

from assessment.benchmark import (
    BenchmarkError,
    DimensionPosition,
)
from assessment.bundle import AssessmentBundle
from assessment.models import Questionnaire
from assessment.roadmap import LibraryError
from assessment.services import action_library, benchmark_library, bundle_roadmap
from assessment.waves import Comparison
from exports.workbook.benchmark import benchmark_sheet
from exports.workbook.progress import progress_sheet
from exports.workbook.roadmap import roadmap_sheets
from exports.workbook.sheets import build_workbook
from exports.workbook.workshop import workshop_sheet


def full_workbook(
    questionnaire: Questionnaire,
    bundle: AssessmentBundle,
    today: date,
    positions: list[DimensionPosition] | None = None,
    progress: Comparison | None = None,
) -> bytes:
    """Workbook bytes. Roadmap and Pilot KPIs appear once something is answered and the action
    library fits the questionnaire; Benchmark shows the peer positions given (from the pool,
    which lives in the database) and every published reference point."""
    lang = bundle.language
    extra = {}
    library = action_library(questionnaire)
    if isinstance(library, LibraryError):
        library = None  # a library written for another questionnaire: no roadmap sheets
    roadmap = bundle_roadmap(questionnaire, bundle, library, today)
    if roadmap is not None:
        extra |= roadmap_sheets(roadmap, lang, bundle.pilot)
    benchmarks = benchmark_library(questionnaire)
    if isinstance(benchmarks, BenchmarkError):
        benchmarks = None  # datasets for another questionnaire: the seed reference points only
    extra |= benchmark_sheet(questionnaire, positions or [], benchmarks, lang)
    if bundle.workshop:
        extra |= workshop_sheet(questionnaire, bundle.workshop.document(), lang)
    if progress is not None:  # the assessment is a wave of an organisation's transformation
        extra |= progress_sheet(progress, lang)
    return build_workbook(questionnaire, bundle, extra_sheets=extra, roadmap=roadmap)
