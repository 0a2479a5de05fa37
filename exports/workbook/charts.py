"""The workbook's native charts, built on its cells so that they follow a committee member's
edits: the radar of the dimensions (labels kept inside the frame by a smaller plot area and
small labels) and the ambition / capability map (a scatter chart: the organisation, the balance
line, the stall threshold and the midpoint cross); both go on the Summary's first page too."""

from __future__ import annotations

from functools import cache

from openpyxl.chart import RadarChart, Reference, ScatterChart, Series
from openpyxl.chart.data_source import StrRef
from openpyxl.chart.layout import Layout, ManualLayout
from openpyxl.chart.marker import Marker
from openpyxl.chart.series import SeriesLabel
from openpyxl.chart.shapes import GraphicalProperties
from openpyxl.chart.text import RichText
from openpyxl.drawing.line import LineProperties
from openpyxl.drawing.spreadsheet_drawing import AnchorMarker, OneCellAnchor
from openpyxl.drawing.text import CharacterProperties, Paragraph, ParagraphProperties
from openpyxl.drawing.xdr import XDRPositiveSize2D
from openpyxl.utils import quote_sheetname
from openpyxl.utils.units import cm_to_EMU
from openpyxl.worksheet.worksheet import Worksheet

from assessment.i18n import say
from assessment.models import Language
from exports.workbook.style import put

NAVY, STALL, MUTED, GRID = "1F4E79", "B03A2E", "6B7280", "9AA1AB"
MAP_COLUMN = 5  # E: the map's helper cells on the Symmetry sheet (hidden)


@cache  # one text style per size, shared by every chart (it is only read when saved)
def _small(size: int = 800) -> RichText:
    properties = ParagraphProperties(defRPr=CharacterProperties(sz=size))
    return RichText(p=[Paragraph(pPr=properties, endParaRPr=CharacterProperties(sz=size))])


def radar(scores: Worksheet, header: int, last: int, lang: Language) -> RadarChart:
    """The dimensions' scores (column B of the Scores sheet) on a radar, 0-100."""
    chart = RadarChart(radarStyle="marker")
    chart.title = say("workbook.radar_title", lang)
    chart.y_axis.scaling.min, chart.y_axis.scaling.max = 0, 100
    chart.y_axis.majorUnit = 25
    chart.y_axis.delete = False
    chart.y_axis.txPr = _small(700)
    chart.x_axis.txPr = _small(800)
    chart.add_data(
        Reference(scores, min_col=2, min_row=header, max_row=last), titles_from_data=True
    )
    chart.set_categories(Reference(scores, min_col=1, min_row=header + 1, max_row=last))
    # A plot in the middle of the frame leaves the long axis labels room on every side.
    chart.plot_area.layout = Layout(
        manualLayout=ManualLayout(x=0.24, y=0.16, w=0.52, h=0.68, xMode="edge", yMode="edge")
    )
    chart.legend = None
    chart.height, chart.width = 9, 16
    return chart


def map_cells(symmetry: Worksheet, midpoint: float, threshold: float, first: int) -> None:
    """The map's lines as cells beside the Symmetry table, hidden: every series two points
    (LibreOffice drops a series shorter than a later one). The organisation's point reads the
    scores themselves (B of the customer and internal rows)."""
    customer, internal = f"B{first}", f"B{first + 1}"
    lines = [
        ("=" + internal, "=" + customer, "=" + internal, "=" + customer),  # the organisation
        (0, 0, 100, 100),  # balance
        (0, threshold, 100 - threshold, 100),  # stall threshold
        (midpoint, 0, midpoint, 100),
        (0, midpoint, 100, midpoint),
    ]
    for n, (x1, y1, x2, y2) in enumerate(lines):
        row = first + 2 * n
        for offset, (x, y) in enumerate(((x1, y1), (x2, y2))):
            symmetry.cell(row=row + offset, column=MAP_COLUMN, value=x)
            symmetry.cell(row=row + offset, column=MAP_COLUMN + 1, value=y)
    for column in ("E", "F", "G"):  # the points, then the series' names (see ambition_map)
        symmetry.column_dimensions[column].hidden = True


def ambition_map(
    symmetry: Worksheet, first: int, organisation: str, lang: Language
) -> ScatterChart:
    chart = ScatterChart(scatterStyle="lineMarker")
    chart.title = say("report.map", lang)
    names = [
        organisation or say("deck.organisation", lang),
        say("deck.balance", lang),
        say("deck.stall_line", lang),
        say("deck.midpoint", lang),
        say("deck.midpoint", lang),
    ]
    colours = [NAVY, MUTED, STALL, GRID, GRID]
    for n, (name, colour) in enumerate(zip(names, colours, strict=True)):
        row = first + 2 * n
        xs = Reference(symmetry, min_col=MAP_COLUMN, min_row=row, max_row=row + 1)
        ys = Reference(symmetry, min_col=MAP_COLUMN + 1, min_row=row, max_row=row + 1)
        # Each name from a hidden cell, as text: a name written into the chart itself is read
        # by LibreOffice as a formula string, cut at a double quote ("Column F" for a whole
        # formula).
        label = put(symmetry, row, MAP_COLUMN + 2, name)
        series = Series(ys, xs)
        where = f"{quote_sheetname(symmetry.title)}!${label.column_letter}${row}"
        series.tx = SeriesLabel(strRef=StrRef(where))
        if n == 0:
            series.marker = Marker(symbol="circle", size=11)
            series.marker.graphicalProperties = GraphicalProperties(solidFill=colour)
            series.graphicalProperties = GraphicalProperties(ln=LineProperties(noFill=True))
        else:
            series.marker = Marker(symbol="none")
            line = LineProperties(solidFill=colour, w=19050, prstDash="dash" if n == 2 else None)
            series.graphicalProperties = GraphicalProperties(ln=line)
        chart.series.append(series)
    for axis, key in ((chart.x_axis, "chart.internal_axis"), (chart.y_axis, "chart.customer_axis")):
        axis.scaling.min, axis.scaling.max, axis.majorUnit = 0, 100, 25
        axis.title = say(key, lang)
        axis.delete = False
        axis.txPr = _small(800)
        axis.majorGridlines = None
    chart.legend.position = "r"
    chart.visible_cells_only = False  # its helper cells are hidden
    chart.height, chart.width = 9, 17
    return chart


def beside(chart, row: int, left_cm: float) -> None:
    """Anchor a chart at ``row`` of column A, ``left_cm`` to the right of the column's edge."""
    chart.anchor = OneCellAnchor(
        _from=AnchorMarker(col=0, colOff=cm_to_EMU(left_cm), row=row - 1, rowOff=0),
        ext=XDRPositiveSize2D(cm_to_EMU(chart.width), cm_to_EMU(chart.height)),
    )
