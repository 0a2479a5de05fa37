"""The progress sheet: an organisation's waves side by side (date, kind, people, coverage,
level), each dimension's score wave by wave with the change judged and the target against the
actual, a native bar chart drawn from the sheet's cells, what changed in words and the
questions that could not be compared."""

from __future__ import annotations

from io import BytesIO

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from assessment import formatting as fmt
from assessment.i18n import say
from assessment.models import Language
from assessment.waves import ERRORS, MIN_CHANGE, MIN_COVERAGE, Comparison
from assessment.waves.text import verdict_text, what_changed
from exports.workbook.sheets import SheetWriter
from exports.workbook.style import (
    LEFT,
    SUBTITLE_FONT,
    fit_row_heights,
    print_setup,
    put,
    table,
    title,
    widths,
)

WAVE_FILLS = ("B7C7D9", "8AA6C4", "5D84AD", "3A6893", "1F4E79")


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
    put(ws, row, 1, say("waves.sheet_waves", lang), font=SUBTITLE_FONT)
    keys = ("wave", "date", "kind", "people", "version", "overall", "level", "coverage")
    rows = [
        (
            wave.label,
            wave.held_on,
            _kind(wave, lang),
            wave.participants,
            wave.questionnaire_version,
            _rounded(wave.score("overall")),
            f"{wave.level} · {wave.level_name(lang)}" if wave.level else None,
            wave.coverage["overall"],
        )
        for wave in waves
    ]
    headers = [say(f"waves.sheet_{k}", lang) for k in keys]
    last = table(ws, row + 1, headers, rows, {2: "yyyy-mm-dd", 6: "0.0", 8: "0%"})
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
    chart.y_axis.delete = chart.x_axis.delete = False
    chart.add_data(
        Reference(ws, min_col=2, max_col=count + 1, min_row=first, max_row=last),
        titles_from_data=True,
    )
    chart.set_categories(Reference(ws, min_col=1, min_row=first + 1, max_row=last))
    for series, fill in zip(chart.series, WAVE_FILLS[-count:], strict=False):
        series.graphicalProperties.solidFill = fill
        series.graphicalProperties.line.solidFill = fill
    chart.height, chart.width = 8, 18
    chart.legend.position = "b"
    ws.add_chart(chart, f"A{last + 2}")

    row = last + 19
    put(ws, row, 1, say("waves.what_changed", lang), font=SUBTITLE_FONT)
    for offset, paragraph in enumerate(what_changed(comparison, lang), start=1):
        put(ws, row + offset, 1, _plain(paragraph), alignment=LEFT)
        ws.merge_cells(
            start_row=row + offset, start_column=1, end_row=row + offset, end_column=count + 5
        )
        ws.row_dimensions[row + offset].height = 15 * max(1, -(-len(paragraph) // 120))
    row += len(what_changed(comparison, lang)) + 2
    if comparison.not_comparable:
        put(ws, row, 1, say("waves.sheet_not_comparable", lang), font=SUBTITLE_FONT)
        rows = [
            (item.text(lang), ", ".join(waves[i].label for i in item.asked_in))
            for item in comparison.not_comparable
        ]
        last = table(
            ws,
            row + 1,
            [say("waves.sheet_question", lang), say("waves.sheet_asked_in", lang)],
            rows,
        )
        fit_row_heights(ws, row + 2, last)
        row = last + 2
    put(
        ws,
        row,
        1,
        say(
            "waves.rule",
            lang,
            points=fmt.points(5, lang),
            coverage=fmt.percent(0.6, lang),
            errors=fmt.number(2, lang),
        ),
        font=Font(italic=True, color="5A6B7F"),
    )
    widths(ws, [34, *([14] * count), 11, 30, 10, 12])
    print_setup(ws)


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
