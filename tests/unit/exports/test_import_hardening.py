"""Re-imported files a user could craft: every one refused whole with a located reason in the
reader's language (never a traceback, never accepted to break later), and the database left
byte-identical; every section validated by its model, with strict types."""

import hashlib
import json
import time
from datetime import date

import pytest

from assessment.bundle import bundle_of, restore
from assessment.store import DocumentKind, Store
from exports.importer import ImportRejected, read_export
from exports.json_backup import build_json
from exports.workbook import full_workbook
from tests.hostile import hostile_jsons, hostile_workbooks, json_with, valid_json
from tests.samples import QUESTIONNAIRE, QUESTIONS, bundle, workshop_assessment

INSTALLED = [QUESTIONNAIRE]
HOSTILE = {**hostile_workbooks(), **hostile_jsons()}


@pytest.fixture
def database(tmp_path):
    path = tmp_path / "import.db"
    store = Store(f"sqlite:///{path}")
    restore(store, QUESTIONNAIRE, bundle())  # a database with something in it
    yield store, path
    store.dispose()


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def import_into(store, data: bytes, name: str) -> str:
    """What the start page and ``python -m assessment import`` do with a file."""
    questionnaire, read = read_export(data, name, INSTALLED)
    return restore(store, questionnaire, read)


@pytest.mark.parametrize("case", HOSTILE)
def test_a_hostile_file_is_refused_with_its_name_and_the_database_is_byte_identical(database, case):
    store, path = database
    before = digest(path)
    started = time.perf_counter()
    with pytest.raises(ImportRejected) as refused:
        import_into(store, HOSTILE[case], f"{case}.bin")
    assert time.perf_counter() - started < 5
    assert str(refused.value).startswith(f"{case}.bin")
    assert refused.value.message("fr").startswith(f"{case}.bin")
    assert digest(path) == before


def test_a_boolean_is_not_a_level_and_a_number_is_not_a_version():
    first = QUESTIONS[0].id
    answers = json.loads(valid_json())["answers"]
    with pytest.raises(ImportRejected) as refused:
        read_export(json_with(answers={**answers, first: True}), "x.json", INSTALLED)
    assert f"answers.{first}" in str(refused.value)
    with pytest.raises(ImportRejected) as refused:
        read_export(json_with(questionnaire_version=1.0), "x.json", INSTALLED)
    assert "questionnaire_version" in str(refused.value)
    with pytest.raises(ImportRejected) as refused:
        read_export(json_with(schema_version=True), "x.json", INSTALLED)
    assert "export format version True" in str(refused.value)


def test_an_optional_section_of_the_wrong_shape_is_refused_before_it_can_break_an_export():
    with pytest.raises(ImportRejected) as refused:
        read_export(json_with(workshop={"participants": "many"}), "x.json", INSTALLED)
    assert "workshop.participants" in str(refused.value)
    kpi = {"version": 1, "kpis": {"adoption": {"target": "high", "colour": "red"}}}
    with pytest.raises(ImportRejected) as refused:
        read_export(json_with(roadmap=kpi), "x.json", INSTALLED)
    assert "roadmap.kpis.adoption.target" in str(refused.value)
    assert "roadmap.kpis.adoption.colour" in str(refused.value)


def test_a_workshop_assessment_round_trips_with_its_sections_as_they_were(tmp_path):
    store = Store(f"sqlite:///{tmp_path / 'room.db'}")
    made = workshop_assessment(store)
    store.save_document(made.id, DocumentKind.roadmap, {"version": 1, "start": "2027-01-04"})
    exported = bundle_of(store, made)
    for data, name in ((build_json(exported), "room.json"),):
        questionnaire, read = read_export(data, name, INSTALLED)
        again = store.find(restore(store, questionnaire, read))
        for kind in (DocumentKind.workshop, DocumentKind.roadmap):
            assert store.document(again.id, kind) == store.document(made.id, kind)
        assert full_workbook(QUESTIONNAIRE, bundle_of(store, again), date(2026, 11, 23))
    store.dispose()


def test_a_file_without_a_profile_takes_the_one_given():
    plain = bundle(profile=None)
    with pytest.raises(ImportRejected) as refused:
        read_export(build_json(plain), "cli.json", INSTALLED)
    assert "--organisation" in str(refused.value)
    given = bundle().profile
    _, read = read_export(build_json(plain), "cli.json", INSTALLED, profile=given)
    assert read.profile == given
    _, kept = read_export(build_json(bundle()), "app.json", INSTALLED, profile=None)
    assert kept.profile == given
