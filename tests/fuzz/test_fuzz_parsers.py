"""Every parser of a file a user hands the product, fuzzed: arbitrary bytes and mutations of a
valid file give either a valid result or a located refusal, within a time bound, and never
change the database (its SQLite file stays byte-identical unless an import is accepted)."""

import hashlib
import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from assessment.benchmark import BenchmarkError, parse_import
from assessment.bundle import restore
from assessment.questionnaire import (
    DEFAULT_QUESTIONNAIRE,
    AnswersFileError,
    QuestionnaireError,
    parse_questionnaire,
)
from assessment.questionnaire.answers import parse_answers
from assessment.roadmap import LibraryError, parse_kpis, parse_library
from assessment.scoring import AnswerError
from assessment.store import Store
from exports.importer import ImportRejected, read_export
from tests.hostile import rezipped, valid_json, valid_workbook
from tests.paths import ROOT
from tests.samples import QUESTIONNAIRE

SECONDS = 10  # per example: the worst valid file takes well under one
QUESTIONNAIRE_TEXT = DEFAULT_QUESTIONNAIRE.read_bytes()
ACTIONS_TEXT = (ROOT / "roadmaps" / "actions.yaml").read_bytes()
KPIS_TEXT = (ROOT / "roadmaps" / "kpis.yaml").read_bytes()
POOL_CSV = (
    b"sector,size_class,culture,tools,employee_experience,customer_symmetry\n"
    b"J,50-249,62.5,40,55,\nC,250+,30,35,42.5,50\n"
)
JSON_EXPORT = valid_json()
WORKBOOK = valid_workbook()
ANSWERS_SHEET = "xl/worksheets/sheet4.xml"

NOISE = st.binary(max_size=64) | st.sampled_from(
    [b"*a", b"&a ", b"[", b"{", b"- ", b": ", b"\t", b"'", b'"', b"\\", b"\x00", b"\xff",
     b"!!binary ", b"!!python/object ", b"9" * 40, b"<!ENTITY x>", b"\n  ", b";", b","]
)  # fmt: skip


@st.composite
def mutated(draw, original: bytes) -> bytes:
    """The original with a few bytes deleted, inserted, replaced or a stretch repeated."""
    data = bytearray(original)
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(data)))
        kind = draw(st.sampled_from(["delete", "insert", "replace", "repeat"]))
        if kind == "delete":
            del data[at : at + draw(st.integers(1, 200))]
        elif kind == "insert":
            data[at:at] = draw(NOISE)
        elif kind == "replace":
            data[at : at + 1] = draw(NOISE)
        else:
            data[at:at] = data[at : at + draw(st.integers(1, 400))] * draw(st.integers(1, 50))
    return bytes(data)


def text_of(data: bytes) -> str:
    return data.decode("utf-8", errors="replace")


def within_bound(call):
    started = time.perf_counter()
    try:
        return call()
    finally:
        assert time.perf_counter() - started < SECONDS


def located(problems, source: str) -> None:
    for problem in problems:
        assert str(problem).startswith(source), problem
        assert (problem("fr") if callable(problem) else str(problem)).startswith(source)


YAML_PARSERS = {
    "questionnaire": (
        lambda text: parse_questionnaire(text, "fuzz.yaml"),
        QuestionnaireError,
        QUESTIONNAIRE_TEXT,
    ),
    "actions": (
        lambda text: parse_library(text, "fuzz.yaml", QUESTIONNAIRE),
        LibraryError,
        ACTIONS_TEXT,
    ),
    "kpis": (lambda text: parse_kpis(text, "fuzz.yaml", QUESTIONNAIRE), LibraryError, KPIS_TEXT),
}


def check_yaml(kind: str, data: bytes) -> None:
    parse, error, _ = YAML_PARSERS[kind]
    try:
        assert within_bound(lambda: parse(text_of(data))) is not None
    except error as refused:
        assert refused.problems
        located(refused.problems, "fuzz.yaml")


@pytest.mark.parametrize("kind", YAML_PARSERS)
@given(data=st.data())
def test_a_mutated_yaml_file_is_read_or_refused_with_its_place(kind, data):
    check_yaml(kind, data.draw(mutated(YAML_PARSERS[kind][2])))


@pytest.mark.parametrize("kind", YAML_PARSERS)
@given(data=st.binary(max_size=2_000) | st.text(max_size=500).map(str.encode))
def test_arbitrary_bytes_as_yaml_are_refused_with_their_place(kind, data):
    check_yaml(kind, data)


def check_csv(data: bytes) -> None:
    try:
        rows = within_bound(lambda: parse_import(data, QUESTIONNAIRE, "fuzz.csv"))
        assert rows and all(0 <= v <= 100 for row in rows for v in row.scores.values())
    except BenchmarkError as refused:
        assert refused.problems
        located(refused.problems, "fuzz.csv")


@given(data=st.binary(max_size=2_000) | mutated(POOL_CSV))
def test_a_pool_csv_is_read_or_refused_with_its_place(data):
    check_csv(data)


@pytest.fixture(scope="module")
def database(tmp_path_factory):
    path = tmp_path_factory.mktemp("fuzz") / "assessments.db"
    store = Store(f"sqlite:///{path}")
    restore(store, QUESTIONNAIRE, read_export(JSON_EXPORT, "seed.json", [QUESTIONNAIRE])[1])
    yield store, path
    store.dispose()


def import_checked(database, data: bytes, name: str) -> None:
    """What the start page and the CLI do: read, then store only what was accepted whole."""
    store, path = database
    before = hashlib.sha256(path.read_bytes()).digest()
    try:
        questionnaire, bundle = within_bound(lambda: read_export(data, name, [QUESTIONNAIRE]))
    except ImportRejected as refused:
        assert str(refused).startswith(name) and refused.message("fr").startswith(name)
        assert hashlib.sha256(path.read_bytes()).digest() == before
        return
    restore(store, questionnaire, bundle)  # accepted: it must also be storable


@given(data=st.binary(max_size=2_000) | mutated(JSON_EXPORT))
def test_a_json_import_is_accepted_whole_or_refused_leaving_the_database_as_it_was(database, data):
    import_checked(database, data, "fuzz.json")


@given(data=st.data())
def test_a_workbook_import_is_accepted_whole_or_refused_leaving_the_database_as_it_was(
    database, data
):
    part = data.draw(st.sampled_from([ANSWERS_SHEET, "xl/worksheets/sheet1.xml", None]))
    if part is None:
        upload = data.draw(mutated(WORKBOOK))  # the zip container itself
    else:
        changed = data.draw(mutated(rezipped_part(part)))
        upload = rezipped(WORKBOOK, lambda name, content: changed if name == part else content)
    import_checked(database, upload, "fuzz.xlsx")


def rezipped_part(part: str) -> bytes:
    found = {}
    rezipped(WORKBOOK, lambda name, content: found.setdefault(name, content))
    return found[part]


ANSWERS = (
    '{"questionnaire": "transformation", "answers": '
    + JSON_EXPORT.decode().split('"answers": ', 1)[1].split("}", 1)[0]
    + "}}"
).encode()


@given(data=st.binary(max_size=2_000) | mutated(ANSWERS))
def test_an_answers_file_is_read_or_refused_with_its_place(data):
    try:
        answers = within_bound(lambda: parse_answers(text_of(data), QUESTIONNAIRE, "fuzz.json"))
        assert set(answers) <= {q.id for _, q in QUESTIONNAIRE.questions()}
    except (AnswersFileError, AnswerError) as refused:
        located(refused.problems, "fuzz.json")
