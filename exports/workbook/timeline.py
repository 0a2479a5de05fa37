"""The roadmap as a native timeline (a Gantt chart of stacked bars) under the Roadmap sheet's
table: each action a bar from its start to its end, in days from the roadmap's start. The bars
read two hidden helper columns beside the table, so that the chart follows the cells."""

from __future__ import annotations

from openpyxl.chart import BarChart, Reference
from openpyxl.chart.shapes import GraphicalProperties
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

from assessment.i18n import say
from assessment.models import Language
from assessment.roadmap import Roadmap
from exports.workbook.style import put

OFFSET_COLUMN, DAYS_COLUMN = 11, 12  # K and L, hidden
NAVY = "1F4E79"


def timeline(ws: Worksheet, roadmap: Roadmap, lang: Language, header: int, last: int) -> None:
    actions = roadmap.actions()
    if not actions:
        return
    put(ws, header, OFFSET_COLUMN, say("report.timeline_offset", lang))
    put(ws, header, DAYS_COLUMN, say("report.timeline_days", lang))
    for row, action in enumerate(actions, start=header + 1):
        ws.cell(row=row, column=OFFSET_COLUMN, value=(action.start - roadmap.start).days)
        ws.cell(row=row, column=DAYS_COLUMN, value=(action.end - action.start).days + 1)
    for column in ("K", "L"):
        ws.column_dimensions[column].hidden = True

    chart = BarChart()
    chart.type, chart.grouping, chart.overlap, chart.gapWidth = "bar", "stacked", 100, 40
    chart.title = say("report.timeline_title", lang, start=roadmap.start.isoformat())
    data = Reference(ws, min_col=OFFSET_COLUMN, max_col=DAYS_COLUMN, min_row=header, max_row=last)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=2, min_row=header + 1, max_row=last))
    waiting, doing = chart.series
    waiting.graphicalProperties = GraphicalProperties(noFill=True)
    waiting.graphicalProperties.line.noFill = True
    doing.graphicalProperties = GraphicalProperties(solidFill=NAVY)
    chart.x_axis.scaling.orientation = "maxMin"  # the first action at the top
    chart.x_axis.delete = chart.y_axis.delete = False
    chart.y_axis.title = say("report.timeline_axis", lang)
    chart.y_axis.scaling.min = 0
    chart.legend = None
    chart.visible_cells_only = False  # the helper columns are hidden
    chart.height, chart.width = 3 + 0.45 * len(actions), 30
    ws.add_chart(chart, f"A{last + 3}")
    ws.row_breaks.append(Break(id=last + 1))  # the timeline prints whole, on a page of its own
