"""A workbook read back as a questionnaire, every problem located at its Sheet!Cell."""

from __future__ import annotations

import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import yaml
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from assessment.i18n import Message
from assessment.models import Questionnaire
from assessment.questionnaire.loader import check_data
from assessment.yaml_document import Location, Problem
from exports.authoring.layout import (
    COLUMNS,
    DIAGNOSES,
    DIMENSIONS,
    LEVELS,
    LISTS,
    MAX_BYTES,
    OPTIONS,
    QUESTIONS,
    REFERENCES,
    SCALE,
    SCHEMA_LINE,
    SETTINGS,
    SETTINGS_TEXTS,
    THEMES,
    WorkbookProblem,
)
from exports.importer import ImportRejected
from exports.importer import _check_container as check_container


@dataclass
class _Read:
    source: str
    data: dict = field(default_factory=dict)
    cells: dict[Location, str] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def cell_of(self, location: Location) -> str | None:
        for end in range(len(location), -1, -1):
            found = self.cells.get(location[:end])
            if found:
                return found
        return None

    def problem(self, location: Location, message: str | Message, cell: str | None = None):
        where = cell or self.cell_of(location)
        source = f"{self.source}:{where}" if where else self.source
        self.problems.append(Problem(source, location, message))


def read_workbook(data: bytes, source: str = "<workbook>") -> tuple[Questionnaire, dict]:
    """The questionnaire a workbook describes and its data (to write as YAML), or
    WorkbookProblem listing every problem, each at its Sheet!Cell."""
    if len(data) > MAX_BYTES:
        raise WorkbookProblem([Problem(source, (), _said("too_big", limit=MAX_BYTES))])
    try:  # the importer's bounds: parts, expansion, ratio, no XML entities
        check_container(data, source)
    except ImportRejected as refused:
        problem = _said("not_a_workbook", reason=refused.message)
        raise WorkbookProblem([Problem(source, (), problem)]) from None
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # a zip, XML or format problem: not a workbook at all
        raise WorkbookProblem(
            [Problem(source, (), _said("not_a_workbook", reason=type(error).__name__))]
        ) from None
    read = _Read(source)
    sheets = {ws.title: ws for ws in book.worksheets}
    for required in (SETTINGS, LEVELS, DIMENSIONS, QUESTIONS):
        if required not in sheets:
            read.problem((), _said("missing_sheet", sheet=required))
    if read.problems:
        raise WorkbookProblem(read.problems)
    rows = {name: _rows(sheets[name], name, read) for name in COLUMNS if name in sheets}
    _settings(rows[SETTINGS], read)
    if SCALE in rows:
        read.data["scale"] = {
            "levels": [
                _located(read, row, ("scale", "levels", i)) for i, row in enumerate(rows[SCALE])
            ],
        }
        if "dont_know" in read.data:
            read.data["scale"]["dont_know"] = read.data.pop("dont_know")
            read.cells[("scale", "dont_know")] = read.cells.pop(("dont_know",), "")
    read.data["maturity_levels"] = _all(read, rows[LEVELS], ("maturity_levels",))
    for name in (THEMES, REFERENCES):
        if name in rows:
            read.data[name] = _all(read, rows[name], (name,))
    if DIAGNOSES in rows:
        read.data["diagnoses"] = _all(read, rows[DIAGNOSES], ("diagnoses",))
    options = _option_lists(rows.get(OPTIONS, []), read)
    _dimensions(rows[DIMENSIONS], rows[QUESTIONS], options, read)
    questionnaire, found = check_data(read.data)
    for location, message in found:
        read.problem(location, message)
    if read.problems:
        raise WorkbookProblem(_once_per_cell(read.problems))
    return questionnaire, read.data


def _once_per_cell(problems: list[Problem]) -> list[Problem]:
    """A problem of an option list shared by many questions, said once at its cell."""
    seen: set[tuple[str, str]] = set()
    kept = []
    for problem in problems:
        key = (problem.source, str(problem.location[-1:]), problem.message)
        if "!" in problem.source and key in seen:
            continue
        seen.add(key)
        kept.append(problem)
    return kept


def yaml_of(data: dict) -> str:
    """The questionnaire's data as the YAML file the app reads."""
    return SCHEMA_LINE + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)


@dataclass
class _Row:
    sheet: str
    number: int
    values: dict[str, Any]
    cells: dict[str, str]


def _rows(ws: Worksheet, name: str, read: _Read) -> list[_Row]:
    lines = ws.iter_rows(values_only=True)
    header = next(lines, None) or ()
    plain, texts = COLUMNS[name]
    named = texts + (SETTINGS_TEXTS if name == SETTINGS else [])

    def anchor(key: str) -> bool:
        return name == QUESTIONS and key.startswith("anchor_")

    columns = []
    for i, title in enumerate(header):
        title = str(title).strip() if title is not None else ""
        key, _, code = title.partition("::")
        letter = get_column_letter(i + 1)
        if not title:
            columns.append(None)
        elif key in plain if not code else key in named or anchor(key):
            columns.append((key, code, letter))
        else:
            read.problem((), _said("unknown_column", column=title), f"{name}!{letter}1")
            columns.append(None)
    rows = []
    for number, line in enumerate(lines, start=2):
        values: dict[str, Any] = {}
        cells: dict[str, str] = {}
        for column, value in zip(columns, line, strict=False):
            if column is None or value is None or (isinstance(value, str) and not value.strip()):
                continue
            key, code, letter = column
            cells[f"{key}::{code}" if code else key] = f"{name}!{letter}{number}"
            cells.setdefault(key, f"{name}!{letter}{number}")
            value = value.strip() if isinstance(value, str) else value
            if code:
                values.setdefault(key, {})[code] = value
            elif key in LISTS and isinstance(value, str):
                values[key] = [part.strip() for part in value.split(",") if part.strip()]
            else:
                values[key] = value
        if values:
            rows.append(_Row(name, number, values, cells))
    return rows


def _located(read: _Read, row: _Row, at: Location, skip: Iterable[str] = ()) -> dict:
    """The row's values as the YAML would hold them, each location mapped to its cell."""
    skip = set(skip)
    read.cells[at] = next(iter(row.cells.values()), f"{row.sheet}!A{row.number}")
    out = {}
    for key, value in row.values.items():
        if key in skip:
            continue
        out[key] = value
        read.cells[at + (key,)] = row.cells[key]
        if isinstance(value, dict):
            for code in value:
                read.cells[at + (key, code)] = row.cells[f"{key}::{code}"]
    return out


def _all(read: _Read, rows: list[_Row], at: Location) -> list[dict]:
    return [_located(read, row, at + (i,)) for i, row in enumerate(rows)]


def _settings(rows: list[_Row], read: _Read) -> None:
    if not rows:
        read.problem((), _said("empty_settings"), f"{SETTINGS}!A2")
        return
    settings = _located(read, rows[0], (), skip=("stall_threshold", "midpoint"))
    symmetry = {
        k: rows[0].values[k] for k in ("stall_threshold", "midpoint") if k in rows[0].values
    }
    if symmetry:
        settings["symmetry"] = symmetry
        for key in symmetry:
            read.cells[("symmetry", key)] = rows[0].cells[key]
    if isinstance(settings.get("version"), int | float):
        settings["version"] = str(settings["version"])
    read.data.update(settings)


def _option_lists(rows: list[_Row], read: _Read) -> dict[str, list[tuple[_Row, dict]]]:
    lists: dict[str, list[tuple[_Row, dict]]] = {}
    for row in rows:
        name = row.values.get("list")
        if not isinstance(name, str | int):
            read.problem(
                (),
                _said("option_without_list"),
                row.cells.get("value") or f"{OPTIONS}!A{row.number}",
            )
            continue
        option = {k: v for k, v in row.values.items() if k != "list"}
        lists.setdefault(str(name), []).append((row, option))
    return lists


def _dimensions(
    dimension_rows: list[_Row],
    question_rows: list[_Row],
    options: dict[str, list[tuple[_Row, dict]]],
    read: _Read,
) -> None:
    dimensions = _all(read, dimension_rows, ("dimensions",))
    index = {d.get("id"): i for i, d in enumerate(dimensions)}
    for d in dimensions:
        d["questions"] = []
    used: set[str] = set()
    for row in question_rows:
        dimension = row.values.get("dimension")
        if dimension not in index:
            cell = row.cells.get("dimension") or f"{QUESTIONS}!A{row.number}"
            read.problem((), _said("unknown_dimension", dimension=repr(dimension)), cell)
            continue
        i = index[dimension]
        j = len(dimensions[i]["questions"])
        at = ("dimensions", i, "questions", j)
        question = _located(read, row, at, skip=("dimension", "options"))
        question.setdefault("order", j + 1)
        anchors = {}
        for key in [k for k in question if k.startswith("anchor_")]:
            level = key.removeprefix("anchor_")
            value = question.pop(key)
            level = int(level) if level.isdigit() else level
            anchors[level] = value
            read.cells[at + ("anchors", level)] = row.cells[key]
            for code in value if isinstance(value, dict) else ():
                read.cells[at + ("anchors", level, code)] = row.cells[f"{key}::{code}"]
        if anchors:
            question["anchors"] = anchors
            read.cells[at + ("anchors",)] = next(
                c for k, c in row.cells.items() if k.startswith("anchor_")
            )
        listed = row.values.get("options")
        if listed is not None:
            read.cells[at + ("options",)] = row.cells["options"]
            if str(listed) not in options:
                read.problem(at + ("options",), _said("unknown_list", list=repr(str(listed))))
            else:
                used.add(str(listed))
                question["options"] = []
                for k, (option_row, option) in enumerate(options[str(listed)]):
                    question["options"].append(option)
                    _map_option(read, at + ("options", k), option_row)
        dimensions[i]["questions"].append(question)
    read.data["dimensions"] = dimensions


def _map_option(read: _Read, at: Location, row: _Row) -> None:
    read.cells[at] = f"{row.sheet}!A{row.number}"
    for key, cell in row.cells.items():
        name, _, code = key.partition("::")
        read.cells[at + ((name, code) if code else (name,))] = cell


def _said(reason: str, /, **values: object) -> Message:
    return Message(f"model.workbook_{reason}", values)
