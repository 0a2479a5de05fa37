"""Read back an exported .xlsx or .json, refusing anything broken or hostile before it is used.

Checks, in order: size; kind (by content, not by name); for a workbook, the zip container
(truncation, entry count, total and per-entry expansion to stop zip bombs, XML DTDs and entities
to stop entity attacks, on top of openpyxl parsing through defusedxml); then the content:
schema version, a known questionnaire of the same version, and every answer on the scale.
Nothing here writes anywhere: the caller saves the bundle only once it is returned whole.
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Iterable
from typing import Any

from openpyxl import load_workbook
from pydantic import ValidationError

from assessment.bundle import BUNDLE_SCHEMA_VERSION, AssessmentBundle
from assessment.models import Questionnaire
from assessment.questionnaire import format_location
from assessment.scoring import AnswerError, check_answers
from exports.workbook import ANSWERS_HEADER_ROW, META_SHEET

MAX_UPLOAD_BYTES = 5_000_000
MAX_ZIP_ENTRIES = 200
MAX_UNZIPPED_BYTES = 50_000_000
MAX_RATIO = 100  # a legitimate xlsx part compresses maybe 10–20×; bombs go far beyond


class ImportRejected(ValueError):
    """An upload that cannot be imported; the message says what is wrong and where."""


def read_export(
    data: bytes, filename: str, questionnaires: Iterable[Questionnaire]
) -> tuple[Questionnaire, AssessmentBundle]:
    """The questionnaire and the bundle of a previously exported file, or ImportRejected."""
    if len(data) > MAX_UPLOAD_BYTES:
        raise ImportRejected(
            f"{filename}: {len(data):,} bytes, over the {MAX_UPLOAD_BYTES:,} limit"
        )
    questionnaires = list(questionnaires)
    if data.startswith(b"PK"):
        dont_know = {
            text for q in questionnaires for text in (q.scale.dont_know.fr, q.scale.dont_know.en)
        }
        raw = _read_workbook(data, filename, dont_know)
    elif data.lstrip()[:1] == b"{":
        raw = _read_json(data, filename)
    else:
        raise ImportRejected(f"{filename}: neither an .xlsx workbook nor a .json export")
    bundle = _bundle(raw, filename)
    if bundle.profile is None:
        raise ImportRejected(
            f"{filename}: no organisation profile in this export (made from the command line?); "
            "only exports from the app can be restored"
        )
    questionnaire = _questionnaire_of(bundle, questionnaires, filename)
    try:
        check_answers(questionnaire, bundle.answers)
    except AnswerError as error:
        raise ImportRejected(f"{filename}: " + "; ".join(error.problems)) from error
    unknown = set(bundle.comments) - {q.id for _, q in questionnaire.questions()}
    if unknown:
        raise ImportRejected(f"{filename}: comments on unknown questions {sorted(unknown)}")
    return questionnaire, bundle


def _read_json(data: bytes, filename: str) -> Any:
    try:
        return json.loads(data.decode("utf-8"))
    except UnicodeDecodeError as error:
        raise ImportRejected(f"{filename}: not UTF-8 text") from error
    except json.JSONDecodeError as error:
        raise ImportRejected(f"{filename}:{error.lineno}: not valid JSON ({error.msg})") from error


def _bundle(raw: Any, filename: str) -> AssessmentBundle:
    if not isinstance(raw, dict):
        raise ImportRejected(f"{filename}: not an export of this toolkit")
    version = raw.get("schema_version")
    if version != BUNDLE_SCHEMA_VERSION:
        raise ImportRejected(
            f"{filename}: export format version {version!r}; this version reads "
            f"{BUNDLE_SCHEMA_VERSION}"
        )
    try:
        return AssessmentBundle.model_validate(raw)
    except ValidationError as error:
        problems = [f"{format_location(e['loc'])}: {e['msg']}" for e in error.errors()]
        raise ImportRejected(f"{filename}: " + "; ".join(problems)) from error


def _questionnaire_of(
    bundle: AssessmentBundle, questionnaires: Iterable[Questionnaire], filename: str
) -> Questionnaire:
    same_id = [q for q in questionnaires if q.id == bundle.questionnaire_id]
    if not same_id:
        raise ImportRejected(
            f"{filename}: questionnaire {bundle.questionnaire_id!r} is not installed"
        )
    for questionnaire in same_id:
        if questionnaire.version == bundle.questionnaire_version:
            return questionnaire
    installed = ", ".join(q.version for q in same_id)
    raise ImportRejected(
        f"{filename}: made with {bundle.questionnaire_id!r} version "
        f"{bundle.questionnaire_version}, but version {installed} is installed"
    )


# --- workbooks -----------------------------------------------------------------------------


def _read_workbook(data: bytes, filename: str, dont_know: set[str]) -> dict:
    _check_container(data, filename)
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds on damaged files
        raise ImportRejected(f"{filename}: the workbook cannot be read ({error})") from error
    try:
        if META_SHEET not in workbook.sheetnames:
            raise ImportRejected(f"{filename}: not a workbook exported by this toolkit")
        raw = _meta_facts(workbook[META_SHEET])
        answers_sheet = raw.pop("answers_sheet", None)
        if answers_sheet not in workbook.sheetnames:
            raise ImportRejected(f"{filename}: the answers sheet {answers_sheet!r} is missing")
        raw["answers"], raw["comments"] = _answers_and_comments(
            workbook[answers_sheet], filename, dont_know
        )
        return raw
    finally:
        workbook.close()


def _check_container(data: bytes, filename: str) -> None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = archive.infolist()
    except (zipfile.BadZipFile, EOFError) as error:
        raise ImportRejected(f"{filename}: damaged or truncated, not a readable .xlsx") from error
    if len(entries) > MAX_ZIP_ENTRIES:
        raise ImportRejected(f"{filename}: {len(entries)} parts, too many for an export")
    if sum(e.file_size for e in entries) > MAX_UNZIPPED_BYTES:
        raise ImportRejected(f"{filename}: expands beyond {MAX_UNZIPPED_BYTES:,} bytes (zip bomb?)")
    for entry in entries:
        if entry.compress_size and entry.file_size / entry.compress_size > MAX_RATIO:
            raise ImportRejected(f"{filename}: {entry.filename} expands suspiciously (zip bomb?)")
        if entry.filename.endswith((".xml", ".rels")):
            content = archive.read(entry).upper()  # small: the total was bounded above
            if b"<!DOCTYPE" in content or b"<!ENTITY" in content:
                raise ImportRejected(
                    f"{filename}: {entry.filename} declares XML entities, refused (XXE)"
                )


def _meta_facts(sheet) -> dict:
    facts = {
        str(key): value for key, value, *_ in sheet.iter_rows(values_only=True) if key is not None
    }
    profile = {
        key.removeprefix("profile."): value
        for key, value in facts.items()
        if key.startswith("profile.")
    }
    return {
        "schema_version": facts.get("schema_version"),
        "questionnaire_id": facts.get("questionnaire_id"),
        "questionnaire_version": str(facts.get("questionnaire_version")),
        "language": facts.get("language"),
        "profile": profile or None,
        "created_at": facts.get("created_at") or None,
        "answers_sheet": facts.get("answers_sheet"),
    }


def _answers_and_comments(sheet, filename: str, dont_know: set[str]) -> tuple[dict, dict]:
    """Question id (column B), level (D: empty = not answered or don't know), comment (F).
    A committee member's edits count; a level outside the scale is refused later."""
    answers: dict[str, Any] = {}
    comments: dict[str, str] = {}
    rows = sheet.iter_rows(min_row=ANSWERS_HEADER_ROW + 1, values_only=True)
    for row_number, row in enumerate(rows, start=ANSWERS_HEADER_ROW + 1):
        if not row or row[1] is None:
            continue
        question_id, level, description, comment = row[1], row[3], row[4], row[5]
        if level is not None:
            if isinstance(level, float) and level.is_integer():
                level = int(level)
            if not isinstance(level, int) or isinstance(level, bool):
                raise ImportRejected(
                    f"{filename}: row {row_number}, question {question_id!r}: level {level!r} "
                    "is not a whole number"
                )
            answers[str(question_id)] = level
        elif description in dont_know:
            answers[str(question_id)] = None
        if comment:
            comments[str(question_id)] = str(comment)
    return answers, comments
