"""Roadmap and pilot-KPI sheets of the workbook (pure: a Roadmap in, cells out).

The KPI sheet is a tracking tool for the pilot: one column per month, holding the latest value
measured that month when the pilot is measured in the app, a progress formula towards the
target, data validation on the inputs and a colour scale on progress; then the values entered
(who, when, why) and one native line chart per measured KPI against its baseline and target.
The Roadmap sheet says where the diffusion phase stands (the pilot's gate).
"""

from __future__ import annotations

from datetime import date

from openpyxl.formatting.rule import ColorScaleRule
from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from assessment.i18n import say
from assessment.models import Language
from assessment.roadmap import (
    UNIT_RANGES,
    PilotRecord,
    Roadmap,
    gate_explanation,
    gate_headline,
    pilot_status,
)
from exports.workbook.pilot import actuals_block, latest_by_month, status_of
from exports.workbook.sheets import SheetWriter
from exports.workbook.style import WRAP, fit_row_heights, print_setup, put, table, title, widths
from exports.workbook.timeline import timeline

KPI_HEADER_ROW = 6
CENTRED = Alignment(wrap_text=True, vertical="top", horizontal="center")


def roadmap_sheets(
    roadmap: Roadmap, lang: Language, pilot: PilotRecord | None = None
) -> dict[str, SheetWriter]:
    """The two sheets, by title, for `build_workbook(..., extra_sheets=…)`."""
    pilot = pilot or PilotRecord()
    return {
        say("workbook.sheet_roadmap", lang): lambda ws: _roadmap(ws, roadmap, lang, pilot),
        say("workbook.sheet_kpis", lang): lambda ws: _kpis(ws, roadmap, lang, pilot),
    }


def _roadmap(ws: Worksheet, roadmap: Roadmap, lang: Language, pilot: PilotRecord) -> None:
    subtitle = say(
        "workbook.roadmap_subtitle",
        lang,
        start=roadmap.start.isoformat(),
        end=roadmap.end.isoformat(),
    )
    row = title(ws, say("workbook.sheet_roadmap", lang), subtitle)
    gate = pilot_status(roadmap, pilot)[1]
    put(
        ws,
        3,
        1,
        f"{gate_headline(gate, lang)}{say('core.colon', lang)}{gate_explanation(gate, lang)}",
    )
    numbers = {action.id: action.number for action in roadmap.actions()}
    rows = [
        (
            phase.title(lang),
            action.number,
            action.title(lang),
            " ".join(reason.text(lang) for reason in action.reasons),
            action.owner(lang),
            say(f"workbook.effort_{action.effort}", lang),
            action.start,
            action.end,
            ", ".join(numbers[d] for d in action.depends_on if d in numbers),
        )
        for phase in roadmap.phases
        for action in phase.actions
    ]
    keys = ("phase", "number", "action", "reasons", "owner", "effort", "start", "end", "after")
    last = table(
        ws,
        row,
        [say(f"workbook.{k}", lang) for k in keys],
        rows,
        {7: "yyyy-mm-dd", 8: "yyyy-mm-dd"},
    )
    widths(ws, [16, 7, 40, 60, 24, 10, 12, 12, 14])
    for r in range(row + 1, last + 1):  # short columns centred, so that neighbours never touch
        for column in (2, 6, 7, 8, 9):
            ws.cell(row=r, column=column).alignment = CENTRED
    fit_row_heights(ws, row + 1, last)
    timeline(ws, roadmap, lang, row, last)
    print_setup(ws, header_row=row)


def _kpis(ws: Worksheet, roadmap: Roadmap, lang: Language, record: PilotRecord) -> None:
    pilot = roadmap.pilot
    title(ws, say("workbook.sheet_kpis", lang), say("workbook.kpis_subtitle", lang))
    days = [a.on for a in record.actuals]
    months = _months(min([pilot.start, *days]), max([pilot.end, *days]))
    progress = {p.kpi.id: p for p in pilot_status(roadmap, record)[0].kpis}
    pilot_line = (
        f"{say('workbook.pilot', lang)}{say('core.colon', lang)}"
        f"{pilot.team_label(lang)} · {pilot.scope(lang)}"
    )
    put(ws, 3, 1, pilot_line, alignment=WRAP)
    ws.merge_cells(start_row=3, start_column=1, end_row=4, end_column=6 + len(months) + 1)
    fixed = ["kpi", "unit", "baseline", "target", "frequency", "owner"]
    headers = [say(f"workbook.{k}", lang) for k in fixed] + [m.strftime("%Y-%m") for m in months]
    headers += [say("workbook.progress", lang), say("pilot.column_status_exported", lang)]
    rows = [
        (
            kpi.name(lang),
            say(f"workbook.unit_{kpi.unit}", lang),
            kpi.baseline,
            kpi.target,
            kpi.frequency(lang),
            kpi.owner(lang),
            *latest_by_month(record.of(kpi.id), months),
            None,
            status_of(progress[kpi.id], lang),
        )
        for kpi in roadmap.kpis
    ]
    row = KPI_HEADER_ROW
    last = table(ws, row, headers, rows, {3: "0.0", 4: "0.0"})
    for r in range(row + 1, last + 1):  # baseline and target centred, clear of the next column
        for column in (3, 4):
            ws.cell(row=r, column=column).alignment = CENTRED
    first_month, last_month = len(fixed) + 1, len(fixed) + len(months)
    way = last_month + 1
    for r in range(row + 1, last + 1):
        ws.cell(row=r, column=way, value=_progress_formula(r, first_month, last_month))
        ws.cell(row=r, column=way).number_format = "0%"
    for index, kpi in enumerate(roadmap.kpis, start=row + 1):
        low, high = UNIT_RANGES[kpi.unit]
        _validate_numbers(ws, f"C{index}:{get_column_letter(last_month)}{index}", low, high, lang)
    letter = get_column_letter(way)
    ws.conditional_formatting.add(
        f"{letter}{row + 1}:{letter}{last}",
        ColorScaleRule(
            start_type="num",
            start_value=0,
            start_color="F8D7DA",
            mid_type="num",
            mid_value=0.5,
            mid_color="FFF3CD",
            end_type="num",
            end_value=1,
            end_color="D4EDDA",
        ),
    )
    widths(ws, [30, 12, 10, 10, 16, 22] + [10] * len(months) + [11, 14])
    fit_row_heights(ws, row + 1, last)
    actuals_block(ws, last + 2, roadmap, record, progress, months, first_month, lang)
    print_setup(ws, header_row=row)


def _progress_formula(row: int, first_month: int, last_month: int) -> str:
    """Share of the way from baseline to target reached by the latest month filled in."""
    months = f"{get_column_letter(first_month)}{row}:{get_column_letter(last_month)}{row}"
    latest = f'LOOKUP(2,1/({months}<>""),{months})'
    return (
        f'=IF(OR(C{row}="",D{row}="",D{row}=C{row},COUNT({months})=0),"",'
        f"({latest}-C{row})/(D{row}-C{row}))"
    )


def _validate_numbers(ws: Worksheet, cells: str, low: float, high: float, lang: Language) -> None:
    rule = DataValidation(type="decimal", operator="between", formula1=str(low), formula2=str(high))
    rule.error = say("workbook.validation_error", lang, low=f"{low:g}", high=f"{high:g}")
    rule.errorTitle = say("workbook.validation_title", lang)
    rule.showErrorMessage = True
    rule.allow_blank = True
    ws.add_data_validation(rule)
    rule.add(cells)


def _months(start: date, end: date) -> list[date]:
    months, current = [], date(start.year, start.month, 1)
    while current <= end:
        months.append(current)
        current = date(current.year + current.month // 12, current.month % 12 + 1, 1)
    return months
