"""Small openpyxl helpers shared by the workbook sheets: safe text, styled tables, print set-up."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

NAVY = "1F3A5F"
HEADER_FILL = PatternFill("solid", fgColor=NAVY)
HEADER_FONT = Font(bold=True, color="FFFFFF")
TITLE_FONT = Font(bold=True, size=16, color=NAVY)
SUBTITLE_FONT = Font(bold=True, size=12, color=NAVY)
BOLD = Font(bold=True)
ITALIC = Font(italic=True)
NOTE_FONT = Font(italic=True, color="5A6B7F")  # a sheet's subtitle, a caveat
ALERT_FONT = Font(bold=True, color="B03A2E")
WRAP = Alignment(wrap_text=True, vertical="top")
LEFT = Alignment(wrap_text=True, vertical="top", horizontal="left")
THIN = Border(bottom=Side(style="thin", color="D0D7E2"))

# Text that a spreadsheet would read as a formula (or a DDE payload) when it starts with these.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def put(ws: Worksheet, row: int, column: int, value: Any, **style: Any):
    """Write a value; user text that looks like a formula is stored as plain text, never run."""
    cell = ws.cell(row=row, column=column)
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        cell.value = value
        cell.data_type = "s"
        cell.quotePrefix = True
    else:
        cell.value = value
    if style:
        _apply(cell, style)
    return cell


def _apply(cell, style: dict[str, Any]) -> None:
    """Set the cell's style attributes. openpyxl hashes every font, fill, border… it is given to
    find it in the workbook's lists, which was most of a workbook's build time; a cell styled as
    an earlier one gets that one's style indices copied instead. The cache is keyed by the
    style objects' ids and lives on the workbook with the objects, so no id can be reused."""
    cache = cell.parent.parent.__dict__.setdefault("_toolkit_styles", {})
    styled = b"" if cell._style is None else cell._style.tobytes()  # None: never styled
    key = (styled, tuple(style), tuple(map(id, style.values())))
    known = cache.get(key)
    if known is None:
        for name, setting in style.items():
            setattr(cell, name, setting)
        cache[key] = (StyleArray(cell._style), tuple(style.values()))
    else:
        cell._style = StyleArray(known[0])


def title(ws: Worksheet, text: str, subtitle: str | None = None) -> int:
    """Sheet title (and subtitle); returns the next free row."""
    put(ws, 1, 1, text, font=TITLE_FONT)
    if subtitle:
        put(ws, 2, 1, subtitle, font=NOTE_FONT)
    return 4


def table(
    ws: Worksheet,
    first_row: int,
    headers: Sequence[str],
    rows: Iterable[Sequence[Any]],
    number_formats: dict[int, str] | None = None,
) -> int:
    """A header row and data rows from column A; returns the last row written."""
    ws.__dict__.setdefault("_toolkit_headers", set()).add(first_row)  # sized by print_setup
    for column, header in enumerate(headers, start=1):
        put(ws, first_row, column, header, font=HEADER_FONT, fill=HEADER_FILL, alignment=WRAP)
    row = first_row
    formats = number_formats or {}
    for row, values in enumerate(rows, start=first_row + 1):
        for column, value in enumerate(values, start=1):
            if column in formats:
                put(ws, row, column, value, alignment=WRAP, border=THIN,
                    number_format=formats[column])  # fmt: skip
            else:
                put(ws, row, column, value, alignment=WRAP, border=THIN)
    return row


def widths(ws: Worksheet, sizes: Sequence[float]) -> None:
    for column, size in enumerate(sizes, start=1):
        ws.column_dimensions[get_column_letter(column)].width = size


# Characters of a wrapped line per unit of column width: LibreOffice and Excel fit fewer than
# the width (a unit is one "0"), so rows are given room for a little more text than they hold.
CHARACTERS_PER_WIDTH = 1.0


def fit_row_heights(ws: Worksheet, first_row: int, last_row: int, line_height: float = 15) -> None:
    """Wrapped text needs explicit row heights: spreadsheets do not grow rows when opening.
    Only the cells written are read (``ws[row]`` would create every empty one up to the last
    column, each then saved), and each column's width is looked up once."""
    lines = dict.fromkeys(range(first_row, last_row + 1), 1)
    per_line: dict[str, int] = {}
    for (row, _), cell in ws._cells.items():
        if row in lines and isinstance(cell.value, str) and cell.value and cell.data_type != "f":
            lines[row] = max(lines[row], _lines(ws, cell, per_line))
    for row, count in lines.items():
        ws.row_dimensions[row].height = line_height * count


def _lines(ws: Worksheet, cell, per_line: dict[str, int] | None = None) -> int:
    """How many lines a cell's text wraps onto in its column."""
    per_line = {} if per_line is None else per_line
    letter = cell.column_letter
    if letter not in per_line:
        width = ws.column_dimensions[letter].width or 10
        per_line[letter] = max(1, int(width * CHARACTERS_PER_WIDTH))
    chars = per_line[letter]
    return sum(-(-len(part) // chars) for part in cell.value.split("\n"))


def print_setup(ws: Worksheet, header_row: int | None = None) -> None:
    """Landscape A4, fit to one page wide, header row repeated on every printed page."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.5
    if header_row:
        ws.print_title_rows = f"{header_row}:{header_row}"
        ws.freeze_panes = ws.cell(row=header_row + 1, column=1)
    _fit_unset_rows(ws)


def _fit_unset_rows(ws: Worksheet) -> None:
    """Table headers no writer sized get the height their wrapped words need, so that a
    header such as "Percentile" or "Point de départ" is never cut when printed."""
    merged = {cell for area in ws.merged_cells.ranges for cell in _cells(area)}
    for number in sorted(ws.__dict__.get("_toolkit_headers", ())):
        if ws.row_dimensions[number].height is not None:
            continue
        lines = max(
            (
                _lines(ws, cell)
                for cell in ws[number]
                if isinstance(cell.value, str) and cell.coordinate not in merged
            ),
            default=1,
        )
        if lines > 1:
            ws.row_dimensions[number].height = 15 * lines


def _cells(area) -> list[str]:
    return [
        f"{get_column_letter(column)}{row}"
        for row in range(area.min_row, area.max_row + 1)
        for column in range(area.min_col, area.max_col + 1)
    ]
