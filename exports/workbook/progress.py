"""The progress sheet: an organisation's waves side by side (date, kind, people, coverage,
level), each dimension's score wave by wave with the change judged and the target against the
actual, a native bar chart drawn from the sheet's cells, what changed in words and the
questions that could not be compared."""

from __future__ import annotations

from io import BytesIO

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

from assessment import formatting as fmt
from assessment.i18n import say
from assessment.models import Language
from assessment.waves import ERRORS, MIN_CHANGE, MIN_COVERAGE, Comparison
from assessment.waves.chart import wave_colours
from assessment.waves.text import verdict_text, what_changed
from exports.workbook.sheets import SheetWriter
from exports.workbook.style import (
    LEFT,
    NOTE_FONT,
    SUBTITLE_FONT,
    fit_row_heights,
    print_setup,
    put,
    table,
    title,
    widths,
)


def progress_sheet(
    comparison: Comparison, lang: Language, name: str = ""
) -> dict[str, SheetWriter]:
    sheet = say("waves.sheet_progress", lang)
    return {sheet: lambda ws: _progress(ws, comparison, lang, name)}


def progress_workbook(comparison: Comparison, lang: Language, name: str) -> bytes:
    """A workbook of the progress sheet alone (the waves page's download)."""
    workbook = Workbook()
    ws = workbook.active
    ws.title = say("waves.sheet_progress", lang)
    _progress(ws, comparison, lang, name)
    out = BytesIO()
    workbook.save(out)
    return out.getvalue()


def _progress(ws: Worksheet, comparison: Comparison, lang: Language, name: str) -> None:
    row = title(ws, say("waves.sheet_progress", lang), name or None)
    waves = comparison.waves
    sizes = [34, *([14] * len(waves)), 11, 30, 10, 14]
    widths(ws, sizes)
    put(ws, row, 1, say("waves.sheet_waves", lang), font=SUBTITLE_FONT)
    # One column per wave, as in the scores below, so that a wave's facts sit above its scores.
    facts = {
        "date": [w.held_on for w in waves],
        "kind": [_kind(w, lang) for w in waves],
        "people": [w.participants for w in waves],
        "version": [w.questionnaire_version for w in waves],
        "overall": [_rounded(w.score("overall")) for w in waves],
        "level": [f"{w.level} · {w.level_name(lang)}" if w.level else None for w in waves],
        "coverage": [w.coverage["overall"] for w in waves],
    }
    rows = [(say(f"waves.sheet_{key}", lang), *values) for key, values in facts.items()]
    headers = [say("waves.sheet_wave", lang), *(w.label for w in waves)]
    last = table(ws, row + 1, headers, rows)
    for column in range(2, len(waves) + 2):  # each fact's own format, down a wave's column
        ws.cell(row=row + 2, column=column).number_format = "yyyy-mm-dd"
        ws.cell(row=row + 6, column=column).number_format = "0.0"
        ws.cell(row=row + 8, column=column).number_format = "0%"
    fit_row_heights(ws, row + 2, last)

    row = last + 2
    put(ws, row, 1, say("waves.sheet_scores", lang), font=SUBTITLE_FONT)
    step = comparison.total
    questionnaire = comparison.questionnaire
    changes = [*step.dimensions, step.overall]
    header = [say("waves.column_dimension", lang), *(w.label for w in waves)]
    header += [say(f"waves.sheet_{k}", lang) for k in ("change", "verdict", "target", "met")]
    met = {True: say("waves.target_met", lang), False: say("waves.target_missed", lang), None: None}
    score_rows = [
        (
            say("waves.overall", lang)
            if change.key == "overall"
            else questionnaire.dimension(change.key).title(lang),
            *(_rounded(w.score(change.key)) for w in waves),
            _rounded(change.delta),
            verdict_text(change, lang),
            change.target,
            met[change.target_met],
        )
        for change in changes
    ]
    count = len(waves)
    formats = {c: "0.0" for c in range(2, count + 2)} | {count + 2: "+0.0;-0.0;0", count + 4: "0"}
    first = row + 1
    last = table(ws, first, header, score_rows, formats)
    fit_row_heights(ws, first + 1, last)
    chart = BarChart()
    chart.type, chart.grouping = "col", "clustered"
    chart.title = say("waves.chart_dimensions", lang)
    chart.y_axis.scaling.min, chart.y_axis.scaling.max = 0, 100
    chart.y_axis.majorUnit, chart.y_axis.number_format = 25, "0"
    chart.y_axis.delete = chart.x_axis.delete = False
    chart.add_data(
        Reference(ws, min_col=2, max_col=count + 1, min_row=first, max_row=last),
        titles_from_data=True,
    )
    chart.set_categories(Reference(ws, min_col=1, min_row=first + 1, max_row=last))
    for series, colour in zip(chart.series, wave_colours(count), strict=True):
        series.graphicalProperties.solidFill = colour.lstrip("#").upper()
        series.graphicalProperties.line.solidFill = colour.lstrip("#").upper()
    chart.height, chart.width = 8, 18
    chart.legend.position = "b"
    ws.row_breaks.append(Break(id=last))  # the chart and the words on a page of their own
    ws.add_chart(chart, f"A{last + 2}")

    row = last + 19
    put(ws, row, 1, say("waves.what_changed", lang), font=SUBTITLE_FONT)
    span = count + 5
    paragraphs = [_plain(p) for p in what_changed(comparison, lang)]
    for offset, paragraph in enumerate(paragraphs, start=1):
        _paragraph(ws, row + offset, span, paragraph)
    row += len(paragraphs) + 2
    if comparison.not_comparable:
        put(ws, row, 1, say("waves.sheet_not_comparable", lang), font=SUBTITLE_FONT)
        rows = [
            (item.text(lang), ", ".join(waves[i].label for i in item.asked_in))
            for item in comparison.not_comparable
        ]
        headers = [say("waves.sheet_question", lang), say("waves.sheet_asked_in", lang)]
        last = table(ws, row + 1, headers, rows)
        fit_row_heights(ws, row + 2, last)
        row = last + 2
    _paragraph(ws, row, span, rule_text(lang), font=NOTE_FONT)
    print_setup(ws)


def _paragraph(ws: Worksheet, row: int, span: int, text: str, **style) -> None:
    """A paragraph across the table's width, wrapped, its row as tall as its lines."""
    put(ws, row, 1, text, alignment=LEFT, **style)
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=span)
    characters = sum(ws.column_dimensions[get_column_letter(c)].width for c in range(1, span + 1))
    ws.row_dimensions[row].height = 15 * max(1, -(-len(text) // int(characters * 1.1)))


def rule_text(lang: Language) -> str:
    """The rule that calls a change progress or decline, in words."""
    return say(
        "waves.rule",
        lang,
        points=fmt.points(MIN_CHANGE, lang),
        coverage=fmt.percent(MIN_COVERAGE, lang),
        errors=fmt.number(ERRORS, lang),
    )


def _kind(wave, lang: Language) -> str:
    if wave.kind == "pool":
        return say("waves.kind_pool", lang, rooms=len(wave.rooms))
    return say("waves.kind_room" if wave.kind == "room" else "waves.kind_assessment", lang)


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def _plain(text: str) -> str:
    """The written paragraphs without their markdown emphasis."""
    return text.replace("**", "")
