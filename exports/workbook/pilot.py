"""The pilot measured, on the workbook's KPI sheet: the values entered in the app (who, when,
why) and one native line chart per measured KPI, drawn from cells of the sheet (the latest value
of each month against the baseline and the target), so that it follows edits made in Excel."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from openpyxl.chart import LineChart, Reference
from openpyxl.chart.series import SeriesLabel
from openpyxl.chart.text import RichText, Text
from openpyxl.chart.title import Title
from openpyxl.drawing.text import (
    CharacterProperties,
    Paragraph,
    ParagraphProperties,
    RegularTextRun,
)
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

from assessment.i18n import say
from assessment.models import Language
from assessment.roadmap import Actual, KpiProgress, PilotRecord, Roadmap
from exports.workbook.style import SUBTITLE_FONT, fit_row_heights, put, table

SERIES_COLOURS = ("1F4E79", "6B7280", "2F7D4F")  # measured, baseline, target
SERIES_DASHES = (None, "dash", "sysDot")
CHART_WIDTH, CHART_HEIGHT = 12.5, 7  # cm: two side by side on a landscape page
CHART_ROWS = 15  # rows a chart takes, at the default row height


def latest_by_month(actuals: Sequence[Actual], months: Sequence[date]) -> list[float | None]:
    """Per month, the last value measured in it (None when nothing was)."""
    values: list[float | None] = []
    for month in months:
        inside = [a for a in actuals if (a.on.year, a.on.month) == (month.year, month.month)]
        values.append(max(inside, key=lambda a: a.on).value if inside else None)
    return values


def status_of(progress: KpiProgress, lang: Language) -> str | None:
    """The status the app gave when the workbook was made; empty for a KPI it has no value
    of, whose row stays a grid to fill in (its progress formula follows what is typed)."""
    if progress.status == "no_data":
        return None
    return say(f"pilot.status_{progress.status}", lang)


def actuals_block(
    ws: Worksheet,
    row: int,
    roadmap: Roadmap,
    record: PilotRecord,
    progress: dict[str, KpiProgress],
    months: Sequence[date],
    first_month: int,
    lang: Language,
) -> int:
    """The values entered, then the charts with their data (under the table's month
    columns, starting at ``first_month``); the next free row."""
    if not record.actuals:
        return row
    put(ws, row, 1, say("pilot.values_title", lang), font=SUBTITLE_FONT)
    kpis = {kpi.id: kpi for kpi in roadmap.kpis}
    keys = ("kpi", "date", "value", "entered", "by", "comment")
    rows = [
        (
            kpis[a.kpi].name(lang) if a.kpi in kpis else a.kpi,
            a.on,
            a.value,
            a.entered_at.date(),
            a.entered_by,
            a.comment,
        )
        for a in sorted(record.actuals, key=lambda a: (kpis_order(kpis, a.kpi), a.on))
    ]
    headers = [say(f"pilot.column_{k}", lang) for k in keys]
    last = table(ws, row + 1, headers, rows, {2: "yyyy-mm-dd", 4: "yyyy-mm-dd"})
    fit_row_heights(ws, row + 2, last)
    measured = [progress[k] for k in kpis if progress[k].actuals]
    return _charts(ws, last + 2, measured, months, first_month, lang)


def kpis_order(kpis: dict, kpi_id: str) -> int:
    """The KPI's place in the roadmap (an unknown one last)."""
    return list(kpis).index(kpi_id) if kpi_id in kpis else len(kpis)


def _charts(
    ws: Worksheet,
    row: int,
    measured: list[KpiProgress],
    months: Sequence[date],
    first_month: int,
    lang: Language,
) -> int:
    """Per KPI, three rows of data (measured, baseline, target by month) and a line chart
    of them; the charts are laid two by two below the data."""
    put(ws, row, 1, say("pilot.chart_data", lang), font=SUBTITLE_FONT)
    put(ws, row + 1, 1, say("pilot.column_kpi", lang))
    for column, month in enumerate(months, start=first_month):
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
            for column, value in enumerate(values, start=first_month):
                put(ws, data_row, column, value)
            data_row += 1
        where = (first, first_month, first_month + len(months) - 1, row + 1)
        chart = _chart(ws, kpi.name(lang), where, [label for label, _ in series], lang, kpi.unit)
        charts.append(chart)
    anchor = data_row + 1
    ws.row_breaks.append(Break(id=anchor - 1))  # the charts print together, on a page of their own
    for index, chart in enumerate(charts):
        column = 1 if index % 2 == 0 else 4
        ws.add_chart(chart, f"{get_column_letter(column)}{anchor + (index // 2) * CHART_ROWS}")
    return anchor + ((len(charts) + 1) // 2) * CHART_ROWS


def _chart(
    ws: Worksheet, name: str, where: tuple[int, int, int, int], labels: list[str], lang, unit
):
    """A line chart of three rows (measured, baseline, target) over the month columns."""
    first, low, high, header = where
    chart = LineChart()
    chart.title = _title(name)
    chart.width, chart.height = CHART_WIDTH, CHART_HEIGHT
    chart.y_axis.title = say(f"kpi_unit.{unit}", lang)
    chart.y_axis.majorGridlines = None  # the baseline and target lines stand out alone
    chart.legend.position = "b"
    data = Reference(ws, min_col=low, max_col=high, min_row=first, max_row=first + 2)
    chart.add_data(data, from_rows=True, titles_from_data=False)
    chart.set_categories(Reference(ws, min_col=low, max_col=high, min_row=header))
    for line, label in zip(chart.series, labels, strict=True):
        line.tx = SeriesLabel(v=label)
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


def _title(text: str) -> Title:
    """A chart title in 11 pt bold: the default 18 pt would wrap a KPI's name."""
    font = CharacterProperties(sz=1100, b=True)
    paragraph = Paragraph(
        pPr=ParagraphProperties(defRPr=font), r=[RegularTextRun(rPr=font, t=text)]
    )
    return Title(tx=Text(rich=RichText(p=[paragraph])), overlay=False)
