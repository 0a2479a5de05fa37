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
import zlib
from collections.abc import Iterable
from typing import Any

from openpyxl import load_workbook
from pydantic import ValidationError

from assessment.bundle import BUNDLE_SCHEMA_VERSION, AssessmentBundle
from assessment.i18n import Message
from assessment.json_document import MAX_DEPTH, BadNumber, TooDeep, load_json
from assessment.models import Questionnaire
from assessment.profile import Profile
from assessment.questionnaire import dont_know_texts, format_location
from assessment.scoring import AnswerError, check_answers
from exports.workbook import ANSWERS_HEADER_ROW, META_SHEET

MAX_UPLOAD_BYTES = 5_000_000
MAX_ZIP_ENTRIES = 200
MAX_UNZIPPED_BYTES = 50_000_000
MAX_RATIO = 100  # a legitimate xlsx part compresses maybe 10–20×; bombs go far beyond


# The kinds of pydantic error the catalogues put into words; others keep pydantic's English.
SAID_FIELD_ERRORS = (
    "missing",
    "extra_forbidden",
    "string_type",
    "int_type",
    "int_parsing",
    "dict_type",
    "bool_type",
    "datetime_parsing",
    "datetime_type",
)


class ImportRejected(ValueError):
    """An upload that cannot be imported; the message says what is wrong and where, in the
    reader's language (``error.message(lang)``; ``str(error)`` is English)."""

    def __init__(self, reason: str, **values: object):
        key = reason if "." in reason else f"upload_error.{reason}"
        self.message = Message(key, values)
        super().__init__(str(self.message))


def field_problem(error: Any) -> Message:
    """A pydantic error as a located message: the common kinds in the reader's language, any
    other in pydantic's own (English) words."""
    where = format_location(error["loc"])
    if error["type"] in SAID_FIELD_ERRORS:
        return Message(f"field_error.{error['type']}", {"where": where})
    return Message("field_error.other", {"where": where, "detail": error["msg"]})


def read_export(
    data: bytes,
    filename: str,
    questionnaires: Iterable[Questionnaire],
    profile: Profile | None = None,
) -> tuple[Questionnaire, AssessmentBundle]:
    """The questionnaire and the bundle of a previously exported file, or ImportRejected.
    ``profile`` stands in for the organisation of a file exported without one (from the
    command line); a file's own profile is kept."""
    if len(data) > MAX_UPLOAD_BYTES:
        raise ImportRejected("too_big", file=filename, size=len(data), limit=MAX_UPLOAD_BYTES)
    questionnaires = list(questionnaires)
    if data.startswith(b"PK"):
        dont_know = {text for q in questionnaires for text in dont_know_texts(q)}
        raw = _read_workbook(data, filename, dont_know)
    elif data.lstrip()[:1] == b"{":
        raw = _read_json(data, filename)
    else:
        raise ImportRejected("unknown_kind", file=filename)
    bundle = _bundle(raw, filename)
    if bundle.profile is None and profile is not None:
        bundle = bundle.model_copy(update={"profile": profile})
    if bundle.profile is None:
        raise ImportRejected("no_profile", file=filename)
    return check_bundle(bundle, questionnaires, filename), bundle


def check_bundle(
    bundle: AssessmentBundle, questionnaires: Iterable[Questionnaire], filename: str
) -> Questionnaire:
    """The installed questionnaire of an assessment read from a file, once its answers and
    comments are checked against it; ImportRejected otherwise."""
    questionnaire = _questionnaire_of(bundle, questionnaires, filename)
    try:
        check_answers(questionnaire, bundle.answers)
    except AnswerError as error:
        raise ImportRejected("answers", file=filename, problems=error.problems) from error
    unknown = set(bundle.comments) - {q.id for _, q in questionnaire.questions()}
    if unknown:
        raise ImportRejected("unknown_comments", file=filename, questions=str(sorted(unknown)))
    return questionnaire


def _read_json(data: bytes, filename: str) -> Any:
    try:
        return load_json(data.decode("utf-8"))
    except UnicodeDecodeError as error:
        raise ImportRejected("not_utf8", file=filename) from error
    except json.JSONDecodeError as error:
        raise ImportRejected(
            "not_json", file=filename, line=str(error.lineno), detail=error.msg
        ) from error
    except TooDeep as error:
        raise ImportRejected("hardening.import_too_deep", file=filename, depth=MAX_DEPTH) from error
    except BadNumber as error:
        raise ImportRejected("hardening.bad_number", file=filename, detail=str(error)) from error


def _bundle(raw: Any, filename: str) -> AssessmentBundle:
    if not isinstance(raw, dict):
        raise ImportRejected("not_an_export", file=filename)
    version = raw.get("schema_version")
    if type(version) is not int or version != BUNDLE_SCHEMA_VERSION:
        raise ImportRejected(
            "format_version", file=filename, version=repr(version), reads=BUNDLE_SCHEMA_VERSION
        )
    try:
        return AssessmentBundle.model_validate(raw)
    except ValidationError as error:
        problems = [field_problem(e) for e in error.errors()]
        raise ImportRejected("answers", file=filename, problems=problems) from error


def _questionnaire_of(
    bundle: AssessmentBundle, questionnaires: Iterable[Questionnaire], filename: str
) -> Questionnaire:
    same_id = [q for q in questionnaires if q.id == bundle.questionnaire_id]
    if not same_id:
        raise ImportRejected(
            "questionnaire_missing", file=filename, questionnaire=repr(bundle.questionnaire_id)
        )
    for questionnaire in same_id:
        if questionnaire.version == bundle.questionnaire_version:
            return questionnaire
    installed = ", ".join(q.version for q in same_id)
    raise ImportRejected(
        "questionnaire_version",
        file=filename,
        questionnaire=repr(bundle.questionnaire_id),
        version=bundle.questionnaire_version,
        installed=installed,
    )


# --- workbooks -----------------------------------------------------------------------------


def _read_workbook(data: bytes, filename: str, dont_know: set[str]) -> dict:
    _check_container(data, filename)
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds on damaged files
        raise ImportRejected("unreadable_workbook", file=filename, detail=str(error)) from error
    try:
        return _workbook_facts(workbook, filename, dont_know)
    except ImportRejected:
        raise
    except Exception as error:  # a sheet is parsed as it is read: damage shows up here too
        raise ImportRejected("unreadable_workbook", file=filename, detail=str(error)) from error
    finally:
        workbook.close()


def _workbook_facts(workbook, filename: str, dont_know: set[str]) -> dict:
    if META_SHEET not in workbook.sheetnames:
        raise ImportRejected("not_our_workbook", file=filename)
    raw = _meta_facts(workbook[META_SHEET])
    answers_sheet = raw.pop("answers_sheet", None)
    if answers_sheet not in workbook.sheetnames:
        raise ImportRejected("no_answers_sheet", file=filename, sheet=repr(answers_sheet))
    raw["answers"], raw["comments"] = _answers_and_comments(
        workbook[answers_sheet], filename, dont_know
    )
    for key, text in raw.pop("sections").items():  # the roadmap's edits, the pilot, the room
        raw[key] = _read_json(text.encode("utf-8"), filename)
    return raw


# What zipfile raises on a damaged container or part: a bad checksum or header, damaged
# compressed data, an offset outside the file, an unknown compression, a password.
ZIP_DAMAGE = (
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    ValueError,
    OSError,
    NotImplementedError,
    RuntimeError,
)


def _check_container(data: bytes, filename: str) -> None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = archive.infolist()
    except ZIP_DAMAGE as error:
        raise ImportRejected("damaged", file=filename) from error
    if len(entries) > MAX_ZIP_ENTRIES:
        raise ImportRejected("too_many_parts", file=filename, parts=len(entries))
    if sum(e.file_size for e in entries) > MAX_UNZIPPED_BYTES:
        raise ImportRejected("expands", file=filename, limit=MAX_UNZIPPED_BYTES)
    for entry in entries:
        if entry.compress_size and entry.file_size / entry.compress_size > MAX_RATIO:
            raise ImportRejected("suspicious_part", file=filename, part=entry.filename)
        if entry.filename.endswith((".xml", ".rels")):
            content = _part(archive, entry, filename).upper()  # small: the total is bounded
            if b"<!DOCTYPE" in content or b"<!ENTITY" in content:
                raise ImportRejected("xml_entities", file=filename, part=entry.filename)


def _part(archive: zipfile.ZipFile, entry: zipfile.ZipInfo, filename: str) -> bytes:
    """One part's bytes; any damage is a damaged file."""
    try:
        return archive.read(entry)
    except ZIP_DAMAGE as error:
        raise ImportRejected("damaged", file=filename) from error


SECTIONS = ("roadmap", "workshop", "pilot")


def _meta_facts(sheet) -> dict:
    facts, sections = {}, {}
    for key, value, *more in sheet.iter_rows(values_only=True):
        if key in SECTIONS:  # one JSON document, cut across the cells of its row
            sections[key] = "".join(str(part) for part in (value, *more) if part is not None)
        elif key is not None:
            facts[str(key)] = value
    profile = {
        key.removeprefix("profile."): value
        for key, value in facts.items()
        if key.startswith("profile.")
    }
    return {
        "schema_version": facts.get("schema_version"),
        "questionnaire_id": facts.get("questionnaire_id"),
        "questionnaire_version": facts.get("questionnaire_version"),
        "language": facts.get("language"),
        "profile": profile or None,
        "created_at": facts.get("created_at") or None,
        "answers_sheet": facts.get("answers_sheet"),
        "sections": sections,
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
                    "level_not_whole",
                    file=filename,
                    row=str(row_number),
                    question=repr(question_id),
                    level=repr(level),
                )
            answers[str(question_id)] = level
        elif description in dont_know:
            answers[str(question_id)] = None
        if comment:
            comments[str(question_id)] = str(comment)
    return answers, comments
