"""Re-import of exported files: a faithful round trip, and hostile or broken uploads refused."""

import io
import json
import zipfile

import pytest
from openpyxl import Workbook, load_workbook

from assessment.bundle import bundle_of, restore
from assessment.store import Store
from exports.importer import MAX_UPLOAD_BYTES, ImportRejected, read_export
from exports.json_backup import build_json
from exports.workbook import build_workbook
from tests.hostile import rezipped
from tests.samples import QUESTIONNAIRE, QUESTIONS, answers, bundle

INSTALLED = [QUESTIONNAIRE]


@pytest.fixture
def store(tmp_path):
    opened = Store(f"sqlite:///{tmp_path / 'import.db'}")
    yield opened
    opened.dispose()


def assessments_in(store: Store) -> int:
    with store.engine.connect() as conn:
        return conn.exec_driver_sql("SELECT count(*) FROM assessments").scalar()


@pytest.mark.parametrize("kind", ["xlsx", "json"])
def test_export_then_import_restores_an_identical_assessment(store, kind):
    original = bundle("fr")
    data = build_workbook(QUESTIONNAIRE, original) if kind == "xlsx" else build_json(original)
    questionnaire, read = read_export(data, f"export.{kind}", INSTALLED)
    token = restore(store, questionnaire, read)
    restored = bundle_of(store, store.find(token))
    assert restored.answers == original.answers
    assert restored.comments == original.comments
    assert restored.profile == original.profile
    assert restored.language == "fr"


def test_a_committee_members_edit_of_a_level_is_taken(store):
    data = build_workbook(QUESTIONNAIRE, bundle())
    book = load_workbook(io.BytesIO(data))
    book["Answers"]["D5"] = 1
    edited = io.BytesIO()
    book.save(edited)
    _, read = read_export(edited.getvalue(), "edited.xlsx", INSTALLED)
    assert read.answers[QUESTIONS[0].id] == 1


def broken_level(value) -> bytes:
    book = load_workbook(io.BytesIO(build_workbook(QUESTIONNAIRE, bundle())))
    book["Answers"]["D5"] = value
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def zip_bomb() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"<a>" + b"0" * 60_000_000 + b"</a>")
    return buffer.getvalue()


def plain_workbook() -> bytes:
    buffer = io.BytesIO()
    Workbook().save(buffer)
    return buffer.getvalue()


XXE = (
    b'<?xml version="1.0"?><!DOCTYPE lol [<!ENTITY a "aaaaaaaaaa">'
    b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><sst>&b;</sst>'
)


def json_with(**changes) -> bytes:
    document = json.loads(build_json(bundle()))
    document.update(changes)
    return json.dumps(document).encode()


HOSTILE = {
    "not an export at all": (b"%PDF-1.7 not a workbook", "neither an .xlsx workbook nor a .json"),
    "truncated workbook": (
        build_workbook(QUESTIONNAIRE, bundle())[:3000],
        "damaged or truncated",
    ),
    "zip bomb": (zip_bomb(), "zip bomb"),
    "XML entity attack": (
        rezipped(
            build_workbook(QUESTIONNAIRE, bundle()),
            lambda name, content: XXE if name == "xl/workbook.xml" else content,
        ),
        "declares XML entities",
    ),
    "over the size limit": (b"{" + b" " * MAX_UPLOAD_BYTES + b"}", "over the"),
    "other questionnaire version": (
        json_with(questionnaire_version="0.9"),
        "made with 'transformation' version 0.9",
    ),
    "unknown questionnaire": (json_with(questionnaire_id="other"), "'other' is not installed"),
    "level out of range in the workbook": (broken_level(7), "7 is outside the scale (1–5)"),
    "level that is text in the workbook": (broken_level("high"), "'high' is not a whole number"),
    "level out of range in JSON": (
        json_with(answers={**answers(), QUESTIONS[0].id: 9}),
        "9 is outside the scale",
    ),
    "future export format": (json_with(schema_version=2), "export format version 2"),
    "broken JSON": (b'{"schema_version": 1,', "not valid JSON"),
    "a workbook not made by the toolkit": (
        plain_workbook(),
        "not a workbook exported by this toolkit",
    ),
}


@pytest.mark.parametrize("case", HOSTILE, ids=list(HOSTILE))
def test_hostile_or_broken_upload_is_refused_clearly_and_saves_nothing(store, case):
    data, message = HOSTILE[case]
    with pytest.raises(ImportRejected, match="upload") as error:
        questionnaire, read = read_export(data, "upload", INSTALLED)
        restore(store, questionnaire, read)
    assert message in str(error.value)
    assert assessments_in(store) == 0
