"""The pilot measured, on the workbook's KPI sheet: the values entered in the app (who, when,
why) and one native line chart per measured KPI, drawn from cells of the sheet (the latest value
of each month against the baseline and the target), so that it follows edits made in Excel."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from openpyxl.chart import LineChart, Reference
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from assessment import formatting as fmt
from assessment.i18n import say
from assessment.models import Language
from assessment.roadmap import Actual, KpiProgress, PilotRecord, Roadmap
from exports.workbook.style import SUBTITLE_FONT, fit_row_heights, put, table

SERIES_COLOURS = ("1F4E79", "6B7280", "2F7D4F")  # measured, baseline, target
SERIES_DASHES = (None, "dash", "sysDot")
CHART_WIDTH, CHART_HEIGHT = 15, 7  # cm
CHART_ROWS = 15  # rows a chart takes, at the default row height


def latest_by_month(actuals: Sequence[Actual], months: Sequence[date]) -> list[float | None]:
    """Per month, the last value measured in it (None when nothing was)."""
    values: list[float | None] = []
    for month in months:
        inside = [a for a in actuals if (a.on.year, a.on.month) == (month.year, month.month)]
        values.append(max(inside, key=lambda a: a.on).value if inside else None)
    return values


def status_of(progress: KpiProgress, lang: Language) -> str:
    return say(f"pilot.status_{progress.status}", lang)


def actuals_block(
    ws: Worksheet,
    row: int,
    roadmap: Roadmap,
    record: PilotRecord,
    progress: dict[str, KpiProgress],
    months: Sequence[date],
    lang: Language,
) -> int:
    """The values entered, then the charts with their data; the next free row."""
    if not record.actuals:
        return row
    put(ws, row, 1, say("pilot.values_title", lang), font=SUBTITLE_FONT)
    kpis = {kpi.id: kpi for kpi in roadmap.kpis}
    keys = ("kpi", "date", "value", "by", "entered", "comment")
    rows = [
        (
            kpis[a.kpi].name(lang) if a.kpi in kpis else a.kpi,
            a.on,
            a.value,
            a.entered_by,
            fmt.date(a.entered_at.date(), lang),
            a.comment,
        )
        for a in sorted(record.actuals, key=lambda a: (a.kpi, a.on))
    ]
    headers = [say(f"pilot.column_{k}", lang) for k in keys]
    last = table(ws, row + 1, headers, rows, {2: "yyyy-mm-dd", 3: "0.0"})
    fit_row_heights(ws, row + 2, last)
    return _charts(ws, last + 2, [progress[k] for k in kpis if progress[k].actuals], months, lang)


def _charts(
    ws: Worksheet,
    row: int,
    measured: list[KpiProgress],
    months: Sequence[date],
    lang: Language,
) -> int:
    """Per KPI, three rows of data (measured, baseline, target by month) and a line chart
    of them; the charts are laid two by two below the data."""
    put(ws, row, 1, say("pilot.chart_data", lang), font=SUBTITLE_FONT)
    put(ws, row + 1, 1, say("pilot.column_kpi", lang))
    for column, month in enumerate(months, start=2):
        put(ws, row + 1, column, month.strftime("%Y-%m"))
    data_row, charts = row + 2, []
    for item in measured:
        kpi = item.kpi
        series = [
            (say("pilot.chart_measured", lang), latest_by_month(item.actuals, months)),
            (say("pilot.chart_baseline", lang), [kpi.baseline] * len(months)),
            (say("pilot.chart_target", lang), [kpi.target] * len(months)),
        ]
        first = data_row
        for label, values in series:
            put(ws, data_row, 1, f"{kpi.name(lang)} · {label}")
            for column, value in enumerate(values, start=2):
                cell = put(ws, data_row, column, value)
                cell.number_format = "0.0"
            data_row += 1
        charts.append(_chart(ws, kpi.name(lang), first, len(months), row + 1, lang, kpi.unit))
    anchor = data_row + 1
    for index, chart in enumerate(charts):
        column = 1 if index % 2 == 0 else 7
        ws.add_chart(chart, f"{get_column_letter(column)}{anchor + (index // 2) * CHART_ROWS}")
    return anchor + ((len(charts) + 1) // 2) * CHART_ROWS


def _chart(ws: Worksheet, name: str, first: int, months: int, header: int, lang: Language, unit):
    chart = LineChart()
    chart.title = name
    chart.width, chart.height = CHART_WIDTH, CHART_HEIGHT
    chart.y_axis.title = say(f"kpi_unit.{unit}", lang)
    chart.y_axis.majorGridlines = None
    chart.legend.position = "b"
    data = Reference(ws, min_col=1, max_col=months + 1, min_row=first, max_row=first + 2)
    chart.add_data(data, from_rows=True, titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=2, max_col=months + 1, min_row=header))
    for line, colour, dash in zip(chart.series, SERIES_COLOURS, SERIES_DASHES, strict=True):
        line.graphicalProperties.line.solidFill = colour
        line.graphicalProperties.line.width = 28000
        if dash:
            line.graphicalProperties.line.dashStyle = dash
        line.smooth = False
    chart.series[0].marker.symbol = "circle"
    chart.series[0].marker.size = 7
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    return chart
