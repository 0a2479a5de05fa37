"""Published benchmark datasets: read, validate, report every problem located.

Two kinds of dataset live in ``benchmarks/``, each a CSV with a provenance YAML of the same name:
- ``reference``: single published figures, each attached to a question or a dimension;
- ``distribution``: a published breakdown (shares of organisations by level, per group).

Every problem names the file, the line and the column, and all of them are reported at once.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Literal

import yaml
from pydantic import Field

from assessment.i18n import Message
from assessment.models import LANGUAGES, Frozen, Questionnaire, Text
from assessment.questionnaire.texts import language_problems
from assessment.settings import PROJECT_DIR
from assessment.yaml_document import Unbounded, load_bounded

BENCHMARKS_DIR = PROJECT_DIR / "benchmarks"
Status = Literal["P", "S"]  # P: read at the publisher; S: only seen quoted second-hand

REFERENCE_COLUMNS = (
    "id",
    "target",
    "value",
    "unit",
    "year",
    "statement_fr",
    "statement_en",
    "population_fr",
    "population_en",
    "status",
    "seen_at",
)
DISTRIBUTION_COLUMNS = ("group", "level", "share", "status", "derived", "seen_at")
PROVENANCE_KEYS = {
    "kind",
    "publisher",
    "title",
    "year",
    "url",
    "population",
    "sample_size",
    "licence",
    "mapping",
    "transformation",
    "status",
    "checked",
}
SHARE_TOLERANCE = 0.6  # published shares are rounded: a group may add up to 99.4-100.6


class BenchmarkError(ValueError):
    """Files that cannot be used; ``problems`` lists every one, located."""

    def __init__(self, problems: list[Message]):
        self.problems = problems
        super().__init__("\n".join(map(str, problems)))


class Provenance(Frozen):
    kind: Literal["reference", "distribution"]
    publisher: str
    title: str
    year: int
    url: str
    population: Text
    sample_size: str
    licence: str
    mapping: str
    transformation: str
    status: Literal["P", "S", "mixed"]
    checked: dt.date
    questionnaire: str | None = None
    measure: str | None = None
    levels: list[str] = Field(default_factory=list)
    groups: dict[str, DistributionGroup] = Field(default_factory=dict)
    notes: str | None = None


class DistributionGroup(Frozen):
    label: Text
    size_classes: list[str]


class ReferenceFigure(Frozen):
    """A single published figure: shown beside its question, never as a distribution."""

    id: str
    target: str  # a question id or a dimension id
    value: float
    unit: str
    year: int
    statement: Text
    population: Text
    status: Status
    seen_at: str | None
    dataset: str
    publisher: str
    title: str
    url: str


class Distribution(Frozen):
    """Shares of organisations by level, per group (e.g. DII levels by size class)."""

    name: str
    provenance: Provenance
    shares: dict[str, dict[str, float]]  # group -> level -> percent
    status: dict[str, dict[str, Status]]
    derived: dict[str, list[str]]  # group -> levels computed as 100 - the others

    def group_of(self, size_class: str) -> str | None:
        return next(
            (g for g, spec in self.provenance.groups.items() if size_class in spec.size_classes),
            None,
        )


class BenchmarkLibrary(Frozen):
    references: list[ReferenceFigure]
    distributions: dict[str, Distribution]
    provenance: dict[str, Provenance]

    def references_for(self, target: str) -> list[ReferenceFigure]:
        return [r for r in self.references if r.target == target]


Provenance.model_rebuild()


# --- shipped datasets ----------------------------------------------------------------------


def load_benchmarks(
    questionnaire: Questionnaire, folder: str | Path = BENCHMARKS_DIR
) -> BenchmarkLibrary:
    """Every dataset in the folder that applies to this questionnaire (distributions apply to
    all); BenchmarkError listing every problem of every file."""
    problems: list[Message] = []
    references: list[ReferenceFigure] = []
    distributions: dict[str, Distribution] = {}
    provenances: dict[str, Provenance] = {}
    for path in sorted(Path(folder).glob("*.csv")):
        provenance = _provenance(path, problems)
        if provenance is None:
            continue
        provenances[path.stem] = provenance
        if provenance.kind == "distribution":
            distribution = _distribution(path, provenance, problems)
            if distribution is not None:
                distributions[path.stem] = distribution
        elif provenance.questionnaire in (None, questionnaire.id):
            references += _references(path, provenance, questionnaire, problems)
    for figure_id, count in Counter(r.id for r in references).items():
        if count > 1:
            values = {"id": repr(figure_id), "count": str(count)}
            problems.append(said("reused_id", where=str(folder), **values))
    if problems:
        raise BenchmarkError(problems)
    return BenchmarkLibrary(
        references=references, distributions=distributions, provenance=provenances
    )


def said(reason: str, /, **values: object) -> Message:
    """The problem ``dataset.<reason>``, its location a ``where`` value, said later in the
    reader's language."""
    return Message(f"dataset.{reason}", values)


def _provenance(path: Path, problems: list[Message]) -> Provenance | None:
    meta = path.with_suffix(".yaml")
    if not meta.exists():
        problems.append(said("no_provenance", where=path.name, meta=meta.name))
        return None
    try:
        data, _ = load_bounded(meta.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError, Unbounded) as error:
        problems.append(said("cannot_read", where=meta.name, error=str(error)))
        return None
    if not isinstance(data, dict):
        problems.append(said("not_a_mapping", where=meta.name))
        return None
    missing = sorted(PROVENANCE_KEYS - set(data))
    if missing:
        problems.append(said("missing_keys", where=meta.name, keys=", ".join(missing)))
        return None
    untranslated = language_problems(data, Provenance, required=LANGUAGES)
    for location, message in untranslated:  # its texts speak French and English, as before
        where = ".".join(str(part) for part in location)
        problems.append(
            said("invalid_provenance", where=f"{meta.name}: {where}", detail=str(message))
        )
    if untranslated:
        return None
    try:
        return Provenance.model_validate(data)
    except ValueError as error:
        for item in getattr(error, "errors", lambda: [])():
            where = ".".join(str(part) for part in item["loc"])
            # pydantic's own words, inside the reader's sentence
            problems.append(
                said("invalid_provenance", where=f"{meta.name}: {where}", detail=item["msg"])
            )
        return None


def _rows(path: Path, columns: tuple[str, ...], problems: list[Message]):
    """(line, row) for each data row, after checking the header names exactly these columns."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        problems.append(said("not_utf8", where=path.name, error=str(error)))
        return
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(csv_rows(reader, path.name, problems), None)
    if header is None and problems:
        return
    if header is None:
        problems.append(said("empty_file", where=f"{path.name}:1"))
        return
    header = [name.strip() for name in header]
    if header != list(columns):
        for name in header:
            if name not in columns:
                problems.append(
                    said("unexpected_column", where=f"{path.name}:1", column=repr(name))
                )
        for name in columns:
            if name not in header:
                # the same sentence as a consultant's pool file
                values = {"where": f"{path.name}:1", "column": repr(name)}
                problems.append(Message("pool_file.missing_column", values))
        if set(header) == set(columns):
            problems.append(said("column_order", where=f"{path.name}:1", columns=",".join(columns)))
        return
    for row in csv_rows(reader, path.name, problems):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(columns):
            values = {"cells": str(len(row)), "expected": str(len(columns))}
            where = f"{path.name}:{reader.line_num}"
            problems.append(Message("pool_file.cells", {"where": where, **values}))
            continue
        yield reader.line_num, {name: cell.strip() for name, cell in zip(columns, row, strict=True)}


def csv_rows(reader, name: str, problems: list) -> Iterator[list[str]]:
    """The reader's rows, stopping at the first the csv module refuses (a cell beyond its
    field limit, a stray quote in strict mode), which becomes a located problem."""
    while True:
        try:
            yield next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            where = f"{name}:{reader.line_num}"
            problems.append(Message("hardening.csv_error", {"where": where, "reason": str(error)}))
            return


def number_cell(where: str, column: str, text: str, problems: list[Message]) -> float | None:
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not math.isfinite(value):
        problems.append(
            Message(
                "pool_file.not_a_number",
                {"where": where, "column": repr(column), "value": repr(text)},
            )
        )
        return None
    return value


def _status(where: str, text: str, seen_at: str, problems: list[Message]) -> Status | None:
    if text not in ("P", "S"):
        problems.append(said("bad_status", where=where, value=repr(text)))
        return None
    if text == "S" and not seen_at:
        problems.append(said("no_seen_at", where=where))
    return text


def _references(
    path: Path, provenance: Provenance, questionnaire: Questionnaire, problems: list[Message]
) -> list[ReferenceFigure]:
    known = {q.id for _, q in questionnaire.questions()} | {d.id for d in questionnaire.dimensions}
    figures, seen = [], {}
    for line, row in _rows(path, REFERENCE_COLUMNS, problems):
        where = f"{path.name}:{line}"
        before = len(problems)
        if not row["id"]:
            problems.append(said("empty_cell", where=where, column="'id'"))
        elif row["id"] in seen:
            values = {"id": repr(row["id"]), "line": str(seen[row["id"]])}
            problems.append(said("duplicate_id_row", where=where, **values))
        seen.setdefault(row["id"], line)
        if row["target"] not in known:
            values = {"target": repr(row["target"]), "questionnaire": repr(questionnaire.id)}
            problems.append(said("unknown_target", where=where, **values))
        value = number_cell(where, "value", row["value"], problems)
        if value is not None and row["unit"] == "%" and not 0 <= value <= 100:
            problems.append(said("value_not_a_percentage", where=where, value=f"{value:g}"))
        year = number_cell(where, "year", row["year"], problems)
        if year is not None and (year != int(year) or not 1900 <= year <= 2100):
            problems.append(said("not_a_year", where=where, value=repr(row["year"])))
        for column in ("unit", "statement_fr", "statement_en", "population_fr", "population_en"):
            if not row[column]:
                problems.append(said("empty_cell", where=where, column=repr(column)))
        status = _status(where, row["status"], row["seen_at"], problems)
        if len(problems) > before:
            continue
        figures.append(
            ReferenceFigure(
                id=row["id"],
                target=row["target"],
                value=value,
                unit=row["unit"],
                year=int(year),
                statement=Text(fr=row["statement_fr"], en=row["statement_en"]),
                population=Text(fr=row["population_fr"], en=row["population_en"]),
                status=status,
                seen_at=row["seen_at"] or None,
                dataset=path.stem,
                publisher=provenance.publisher,
                title=provenance.title,
                url=provenance.url,
            )
        )
    return figures


def _distribution(
    path: Path, provenance: Provenance, problems: list[Message]
) -> Distribution | None:
    shares: dict[str, dict[str, float]] = {}
    statuses: dict[str, dict[str, Status]] = {}
    derived: dict[str, list[str]] = {}
    seen: dict[tuple[str, str], int] = {}
    before = len(problems)
    for line, row in _rows(path, DISTRIBUTION_COLUMNS, problems):
        where = f"{path.name}:{line}"
        group, level = row["group"], row["level"]
        if group not in provenance.groups:
            problems.append(said("unknown_group", where=where, group=repr(group)))
        if level not in provenance.levels:
            problems.append(said("unknown_level", where=where, level=repr(level)))
        if (group, level) in seen:
            values = {"group": group, "level": level, "line": str(seen[group, level])}
            problems.append(said("duplicate_share_row", where=where, **values))
        seen.setdefault((group, level), line)
        share = number_cell(where, "share", row["share"], problems)
        if share is not None and not 0 <= share <= 100:
            problems.append(said("share_not_a_percentage", where=where, share=f"{share:g}"))
        status = _status(where, row["status"], row["seen_at"], problems)
        if row["derived"] not in ("yes", "no"):
            problems.append(said("bad_derived", where=where, value=repr(row["derived"])))
        if share is None or status is None:
            continue
        shares.setdefault(group, {})[level] = share
        statuses.setdefault(group, {})[level] = status
        if row["derived"] == "yes":
            derived.setdefault(group, []).append(level)
    for group, by_level in shares.items():
        missing = [level for level in provenance.levels if level not in by_level]
        total = sum(by_level.values())
        if missing:
            values = {"group": repr(group), "levels": ", ".join(missing)}
            problems.append(said("group_incomplete", where=path.name, **values))
        elif abs(total - 100) > SHARE_TOLERANCE:
            values = {"group": repr(group), "total": f"{total:g}"}
            problems.append(said("shares_total", where=path.name, **values))
    if len(problems) > before:
        return None
    return Distribution(
        name=path.stem, provenance=provenance, shares=shares, status=statuses, derived=derived
    )


# --- a consultant's import -------------------------------------------------------------------
