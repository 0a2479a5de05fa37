"""The consultant's pool as a file: a CSV of past clients (sector, size class, dimension
scores) imported with every problem located, and the pool exported in the same format."""

from __future__ import annotations

import csv
import io
from collections import Counter

from assessment.benchmark.sources import BenchmarkError, csv_rows, number_cell
from assessment.i18n import Message
from assessment.models import Questionnaire
from assessment.profile import SECTORS, SIZE_CLASSES
from assessment.store import ScoreRow

MAX_IMPORT_BYTES = 1_000_000
MAX_IMPORT_ROWS = 5_000


def parse_import(
    data: bytes, questionnaire: Questionnaire, name: str = "import.csv"
) -> list[ScoreRow]:
    """Rows of past clients' scores: ``sector,size_class,<dimension id>…``; a score may be left
    empty. Comma- or semicolon-separated (with decimal commas, as French spreadsheets export).
    BenchmarkError listing every problem, located; nothing is returned unless all rows are valid."""
    if len(data) > MAX_IMPORT_BYTES:
        raise BenchmarkError([_said("too_big", file=name, size=len(data), limit=MAX_IMPORT_BYTES)])
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise BenchmarkError([_said("not_utf8", file=name, byte=error.start + 1)]) from error
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    unreadable: list = []
    header = [cell.strip() for cell in next(csv_rows(reader, name, unreadable), [])]
    if unreadable:
        raise BenchmarkError(unreadable)
    dimensions = {d.id for d in questionnaire.dimensions}
    problems = _import_header(name, header, dimensions)
    if problems:
        raise BenchmarkError(problems)
    # Identical rows are kept: two anonymous clients may well have the same scores, and an
    # exported pool must import again as it is.
    rows: list[ScoreRow] = []
    for row in csv_rows(reader, name, problems):
        if not any(cell.strip() for cell in row):
            continue
        line = reader.line_num
        if len(rows) >= MAX_IMPORT_ROWS:
            problems.append(_said("too_many_rows", where=f"{name}:{line}", rows=MAX_IMPORT_ROWS))
            break
        parsed = _import_row(f"{name}:{line}", header, row, delimiter, problems)
        if parsed is not None:
            rows.append(parsed)
    if not rows and not problems:
        problems.append(_said("no_rows", file=name))
    if problems:
        raise BenchmarkError(problems)
    return rows


def _import_header(name: str, header: list[str], dimensions: set[str]) -> list[str]:
    problems = []
    for required in ("sector", "size_class"):
        if required not in header:
            problems.append(_said("missing_column", where=f"{name}:1", column=repr(required)))
    for column in header:
        if column not in ("sector", "size_class") and column not in dimensions:
            problems.append(
                _said(
                    "unknown_column",
                    where=f"{name}:1",
                    column=repr(column),
                    dimensions=", ".join(sorted(dimensions)),
                )
            )
    for column, count in Counter(header).items():
        if count > 1:
            problems.append(
                _said("repeated_column", where=f"{name}:1", column=repr(column), count=count)
            )
    if not problems and len(header) < 3:
        problems.append(_said("no_dimension", where=f"{name}:1"))
    return problems


def _import_row(
    where: str, header: list[str], row: list[str], delimiter: str, problems: list[str]
) -> ScoreRow | None:
    if len(row) != len(header):
        problems.append(_said("cells", where=where, cells=len(row), expected=len(header)))
        return None
    cells = {column: cell.strip() for column, cell in zip(header, row, strict=True)}
    before = len(problems)
    sector, size_class = cells["sector"].upper(), cells["size_class"]
    if sector not in SECTORS:
        problems.append(_said("not_a_sector", where=where, value=repr(cells["sector"])))
    if size_class not in SIZE_CLASSES:
        problems.append(
            _said(
                "not_a_size", where=where, value=repr(size_class), expected=", ".join(SIZE_CLASSES)
            )
        )
    scores = {}
    for column, text in cells.items():
        if column in ("sector", "size_class") or not text:
            continue
        number = text.replace(",", ".") if delimiter == ";" else text
        value = number_cell(where, column, number, problems)
        if value is not None and not 0 <= value <= 100:
            problems.append(
                _said("out_of_range", where=where, column=repr(column), value=f"{value:g}")
            )
        elif value is not None:
            scores[column] = round(value, 6)
    if len(problems) == before and not scores:
        problems.append(_said("no_score", where=where))
    if len(problems) > before:
        return None
    return ScoreRow(sector=sector, size_class=size_class, scores=scores)


def exportable(rows: list[ScoreRow], min_peers: int) -> tuple[list[ScoreRow], int]:
    """The rows whose peer group (sector and size class) has at least ``min_peers`` members,
    and how many were held back: a group of one in a file is that organisation's scores."""
    groups = Counter((row.sector, row.size_class) for row in rows)
    kept = [row for row in rows if groups[row.sector, row.size_class] >= min_peers]
    return kept, len(rows) - len(kept)


def export_rows(rows: list[ScoreRow], dimension_ids: list[str], min_peers: int) -> str:
    """The pool as CSV in the import format: peer-group keys and scores, nothing else, and
    only of peer groups of at least ``min_peers``. Rows are sorted so that their order tells
    nothing (when an assessment was made, by whom)."""
    rows, _ = exportable(rows, min_peers)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["sector", "size_class", *dimension_ids])
    lines = [
        [row.sector, row.size_class]
        + [f"{row.scores[d]:.1f}" if d in row.scores else "" for d in dimension_ids]
        for row in rows
    ]
    writer.writerows(sorted(lines))
    return out.getvalue()


def _said(reason: str, **values: object) -> Message:
    return Message(f"pool_file.{reason}", values)
