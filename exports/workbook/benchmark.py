"""Benchmark sheet: position against the peer group, then every reference point with its source.

Reference points are single published figures, labelled as such, never as a distribution.
"""

from __future__ import annotations

from openpyxl.worksheet.worksheet import Worksheet

from assessment.benchmark import BenchmarkLibrary, DimensionPosition
from assessment.i18n import say
from assessment.models import Language, Questionnaire
from exports.workbook.sheets import SheetWriter
from exports.workbook.style import (
    ITALIC,
    SUBTITLE_FONT,
    fit_row_heights,
    print_setup,
    put,
    table,
    title,
    widths,
)


def benchmark_sheet(
    questionnaire: Questionnaire,
    positions: list[DimensionPosition],
    library: BenchmarkLibrary | None,
    lang: Language,
) -> dict[str, SheetWriter]:
    return {
        say("workbook.sheet_benchmark", lang): lambda ws: _benchmark(
            ws, questionnaire, positions, library, lang
        )
    }


def _benchmark(
    ws: Worksheet,
    questionnaire: Questionnaire,
    positions: list[DimensionPosition],
    library: BenchmarkLibrary | None,
    lang: Language,
) -> None:
    row = title(ws, say("workbook.sheet_benchmark", lang), say("workbook.benchmark_subtitle", lang))
    put(ws, row, 1, say("workbook.peer_position", lang), font=SUBTITLE_FONT)
    rows = [
        (
            questionnaire.dimension(p.dimension_id).title(lang),
            p.score,
            say(f"workbook.scope_{p.scope}", lang)
            if p.scope
            else say("workbook.not_enough_peers", lang),
            len(p.peers) if p.enough else None,
            p.percentile / 100 if p.percentile is not None else None,
            p.quartiles.median if p.quartiles else None,
        )
        for p in positions
    ]
    keys = ("dimension", "score", "peer_group", "peers", "percentile", "peer_median")
    last = table(
        ws, row + 1, [say(f"workbook.{k}", lang) for k in keys], rows, {2: "0.0", 5: "0%", 6: "0.0"}
    )
    row = last + 2
    put(ws, row, 1, say("workbook.reference_points", lang), font=SUBTITLE_FONT)
    put(ws, row + 1, 1, say("workbook.reference_caveat", lang), font=ITALIC)
    references = _reference_rows(questionnaire, library, lang)
    keys = ("applies_to", "figure", "statement", "population", "year", "source", "status")
    last = table(ws, row + 2, [say(f"workbook.{k}", lang) for k in keys], references)
    widths(ws, [34, 10, 60, 26, 11, 40, 12])  # "Percentile" and "Année" fit their column
    fit_row_heights(ws, row + 3, last)
    print_setup(ws)


def _reference_rows(
    questionnaire: Questionnaire, library: BenchmarkLibrary | None, lang: Language
) -> list[tuple]:
    def subject(target: str) -> str:
        for dimension, question in questionnaire.questions():
            if question.id == target:
                return question.text(lang)
            if dimension.id == target:
                return dimension.title(lang)
        return target

    seed = say("workbook.status_seed", lang)
    rows = [
        (question.text(lang), f"{r.value:g} {r.unit}", r.statement(lang), r.population(lang),
         r.year, r.source, seed)
        for _, question in questionnaire.questions()
        for r in map(questionnaire.reference, question.references)
    ]  # fmt: skip
    for figure in library.references if library else []:
        rows.append(
            (
                subject(figure.target),
                f"{figure.value:g} {figure.unit}",
                figure.statement(lang),
                figure.population(lang),
                figure.year,
                f"{figure.publisher}, {figure.title}. {figure.url}",
                say(f"workbook.status_{figure.status}", lang),
            )
        )
    return rows
