"""Workshops in the database: nothing lost, nothing counted twice, closed means closed.

Every test runs on SQLite and on PostgreSQL (the `database_url` fixture of tests/conftest.py),
except those about SQLite's own mechanics."""

import sqlite3

import pytest
import sqlalchemy as sa

from assessment.scoring import score
from assessment.store import DocumentKind, Store
from assessment.workshop import (
    JOIN_ALPHABET,
    DimensionNotOpen,
    InvalidAnswer,
    InvalidChoice,
    UnknownWorkshop,
    WorkshopClosed,
    WorkshopError,
    WorkshopStore,
    consolidated_answers,
    format_code,
    normalise_code,
)
from tests.unit.workshop.conftest import (
    FULL,
    FULL_IDS,
    PROFILE,
    ROLE,
    SQLITE_ONLY,
    answer_everything,
    rows,
)

# --- creating and finding ---------------------------------------------------------------------


def test_a_workshop_gets_a_short_unambiguous_code_and_a_secret_link(workshops, store):
    token, record = workshops.create(FULL, "Comité de direction", "fr", [ROLE])
    assert len(record.join_code) == 6 and set(record.join_code) <= set(JOIN_ALPHABET)
    assert not set("01ILOU") & set(JOIN_ALPHABET)
    assert len(token) >= 22  # ≥ 128 random bits
    assert record.status == "open" and record.pace == "free" and not record.revealed
    assert record.threshold == 5 and record.segments == [ROLE]
    assert record.question_count == 41 and record.dimensions[0] == "culture"
    participant, _ = workshops.join(record.join_code, {"Rôle": "Direction"})
    with store.engine.connect() as conn:
        stored = [
            str(row)
            for table in ("workshops", "workshop_participants")
            for row in conn.execute(sa.text(f"SELECT * FROM {table}"))
        ]
    assert not any(token in row or participant in row for row in stored)  # hashes only


def test_join_codes_are_unique(workshops, minimal):
    codes = {workshops.create(minimal, f"W{i}", "en")[1].join_code for i in range(150)}
    assert len(codes) == 150


def test_a_typed_code_ignores_case_spaces_and_the_dash(workshops, minimal):
    _, record = workshops.create(minimal, "Atelier", "fr")
    typed = f" {format_code(record.join_code).lower()} "
    assert normalise_code(typed) == record.join_code
    assert workshops.by_code(typed).id == record.id


@pytest.mark.parametrize("code", ["", "ABC", "ZZZZZZ", "ABCDEFG", None])
def test_an_unknown_code_opens_nothing(workshops, minimal, code):
    workshops.create(minimal, "Atelier", "fr")
    with pytest.raises(UnknownWorkshop):
        workshops.by_code(code)


def test_neither_the_join_code_nor_a_participant_token_opens_the_dashboard(workshops, minimal):
    token, record = workshops.create(minimal, "Atelier", "fr")
    participant, _ = workshops.join(record.join_code)
    for wrong in (record.join_code, participant, token[:-1], "x" * 40, ""):
        with pytest.raises(UnknownWorkshop):
            workshops.by_facilitator(wrong)
        with pytest.raises(UnknownWorkshop):
            workshops.set_open(wrong, False)
    assert workshops.by_facilitator(token).id == record.id


def test_a_participant_token_opens_only_its_own_workshop(workshops, minimal):
    _, first = workshops.create(minimal, "First", "fr")
    _, second = workshops.create(minimal, "Second", "fr")
    token, _ = workshops.join(first.join_code)
    participant, record = workshops.participant(token)
    assert record.id == first.id and participant.workshop_id == first.id
    assert record.id != second.id


@pytest.mark.parametrize(
    ("arguments", "problem"),
    [
        (dict(title=" "), "title"),
        (dict(language="de"), "language"),
        (dict(threshold=0), "threshold"),
        (dict(pace="fast"), "pace"),
        (dict(segments=[ROLE, ROLE]), "segment"),
    ],
)
def test_creation_refuses_bad_settings(workshops, minimal, arguments, problem):
    settings = dict(title="Atelier", language="fr") | arguments
    with pytest.raises(ValueError, match=problem):
        workshops.create(minimal, **settings)


# --- joining ----------------------------------------------------------------------------------


def test_joining_asks_for_every_segment_and_only_its_options(workshops, minimal):
    _, record = workshops.create(minimal, "Atelier", "fr", [ROLE])
    for choices in ({}, {"Rôle": "Stagiaire"}, {"Rôle": "Direction", "Site": "Paris"}):
        with pytest.raises(InvalidChoice):
            workshops.join(record.join_code, choices)
    token, _ = workshops.join(record.join_code, {"Rôle": "Direction"})
    assert workshops.participant(token)[0].segments == {"Rôle": "Direction"}


def test_a_closed_workshop_takes_no_one_new(workshops, minimal):
    token, record = workshops.create(minimal, "Atelier", "fr")
    workshops.set_open(token, False)
    with pytest.raises(WorkshopClosed):
        workshops.join(record.join_code)
    workshops.set_open(token, True)
    assert workshops.join(record.join_code)[0]


# --- answering --------------------------------------------------------------------------------


def test_replaying_an_answer_never_counts_twice(workshops, store, minimal):
    _, record = workshops.create(minimal, "Atelier", "fr")
    token, _ = workshops.join(record.join_code)
    for _ in range(5):  # a double tap, a reload, a replayed websocket message…
        workshops.save_answer(token, "share", 3)
    workshops.save_answer(token, "share", 4)  # a change of mind replaces the answer
    workshops.save_answer(token, "sponsor", None)
    assert workshops.answers_of(token) == {"share": 4, "sponsor": None}
    assert len(rows(store)) == 2
    counts = workshops.counts(record.id)
    assert (counts.joined, counts.responded, counts.answers, counts.completed) == (1, 1, 2, 0)


def test_answering_every_question_marks_the_participant_complete(workshops, minimal):
    _, record = workshops.create(minimal, "Atelier", "fr")
    token, _ = workshops.join(record.join_code)
    done = [workshops.save_answer(token, q, 2) for q in ("share", "sponsor", "ambition")]
    assert done == [False, False, False]
    assert workshops.save_answer(token, "equipped", None) is True  # "don't know" counts
    assert workshops.participant(token)[0].completed_at is not None
    assert workshops.counts(record.id).completed == 1


def test_a_closed_workshop_refuses_answers_until_reopened(workshops, store, minimal):
    facilitator, record = workshops.create(minimal, "Atelier", "fr")
    token, _ = workshops.join(record.join_code)
    workshops.save_answer(token, "share", 2)
    workshops.set_open(facilitator, False)
    with pytest.raises(WorkshopClosed):
        workshops.save_answer(token, "share", 5)
    with pytest.raises(WorkshopClosed):
        workshops.save_answer(token, "sponsor", 5)
    assert workshops.answers_of(token) == {"share": 2}
    workshops.set_open(facilitator, True)
    workshops.save_answer(token, "sponsor", 5)
    assert workshops.answers_of(token) == {"share": 2, "sponsor": 5}


def test_paced_workshops_accept_answers_only_for_the_open_part(workshops, minimal):
    facilitator, record = workshops.create(minimal, "Atelier", "fr", pace="paced")
    assert record.current_dimension == "culture"
    token, _ = workshops.join(record.join_code)
    workshops.save_answer(token, "share", 3)
    with pytest.raises(DimensionNotOpen) as refused:
        workshops.save_answer(token, "ambition", 3)
    assert refused.value.dimension_id == "cx"
    assert workshops.advance(facilitator).current_dimension == "cx"
    workshops.save_answer(token, "ambition", 3)
    with pytest.raises(DimensionNotOpen):
        workshops.save_answer(token, "sponsor", 3)  # the earlier part is closed now
    assert workshops.advance(facilitator).current_dimension == "cx"  # the last stays open
    assert workshops.set_pace(facilitator, "free").open_dimensions() == ["culture", "cx"]
    workshops.save_answer(token, "sponsor", 3)


@pytest.mark.parametrize(
    ("question", "level"),
    [("nope", 3), ("share", 0), ("share", 6), ("share", True), ("share", "3")],
)
def test_unknown_questions_and_levels_off_the_scale_are_refused(
    workshops, store, minimal, question, level
):
    _, record = workshops.create(minimal, "Atelier", "fr")
    token, _ = workshops.join(record.join_code)
    with pytest.raises(InvalidAnswer):
        workshops.save_answer(token, question, level)
    assert rows(store) == []


def test_an_unknown_participant_token_cannot_answer(workshops, minimal):
    workshops.create(minimal, "Atelier", "fr")
    for token in ("x" * 32, "", None, "short"):
        with pytest.raises(UnknownWorkshop):
            workshops.save_answer(token, "share", 3)


# --- restarts, the room, and what comes out of it -----------------------------------------------


def test_everything_survives_a_restart_and_participants_carry_on(database, minimal):
    first = Store(database)
    workshops = WorkshopStore(first)
    facilitator, record = workshops.create(minimal, "Atelier", "fr", pace="paced")
    token, _ = workshops.join(record.join_code)
    workshops.save_answer(token, "share", 4)
    first.dispose()  # the process is gone

    again = WorkshopStore(Store(database))  # creating the tables again changes nothing
    assert again.answers_of(token) == {"share": 4}
    assert again.by_facilitator(facilitator).pace == "paced"
    again.save_answer(token, "sponsor", 2)
    assert again.counts(record.id).answers == 2


def test_the_snapshot_carries_answers_and_segments_but_no_token(workshops, minimal):
    _, record = workshops.create(minimal, "Atelier", "fr", [ROLE])
    token, _ = workshops.join(record.join_code, {"Rôle": "Équipes"})
    workshops.save_answer(token, "share", 5)
    workshops.join(record.join_code, {"Rôle": "Direction"})  # joined, no answer yet
    snapshot = workshops.snapshot(record.id)
    assert snapshot.counts.joined == 2 and snapshot.counts.responded == 1
    assert [p.answers for p in snapshot.participants] == [{"share": 5}, {}]
    assert token not in snapshot.model_dump_json()


def test_the_room_becomes_an_assessment_with_its_consolidated_answers(workshops, store):
    facilitator, record = workshops.create(FULL, "Séminaire", "fr", [ROLE])
    for seed in range(6):
        token, _ = workshops.join(record.join_code, {"Rôle": ROLE.options[seed % 2]})
        answer_everything(workshops, token, seed)
    snapshot = workshops.snapshot(record.id)
    assessment_token = workshops.to_assessment(facilitator, FULL, PROFILE, "fr")
    assessment = store.find(assessment_token)
    answers = store.answers(assessment.id)
    assert answers == consolidated_answers(FULL, snapshot.participants, 5)
    assert score(FULL, answers).overall.score is not None
    document = store.document(assessment.id, DocumentKind.workshop)
    assert document["title"] == "Séminaire" and document["participants"] == 6
    assert document["joined"] == 6 and document["completed"] == 6
    assert set(document["questions"]) == set(FULL_IDS)
    assert document["segments"][0]["groups"][0]["size"] is None  # 3 per role: below 5


def test_a_room_below_the_threshold_cannot_become_an_assessment(workshops, store):
    facilitator, record = workshops.create(FULL, "Petit comité", "fr")
    for seed in range(4):
        answer_everything(workshops, workshops.join(record.join_code)[0], seed)
    with pytest.raises(WorkshopError, match="Fewer than 5"):
        workshops.to_assessment(facilitator, FULL, PROFILE, "fr")
    with store.engine.connect() as conn:
        assert conn.scalar(sa.text("SELECT count(*) FROM assessments")) == 0


def test_an_assessment_needs_the_workshops_own_questionnaire(workshops, minimal):
    facilitator, _ = workshops.create(FULL, "Atelier", "fr")
    with pytest.raises(WorkshopError, match="questionnaire"):
        workshops.to_assessment(facilitator, minimal, PROFILE, "fr")


def test_erasing_a_workshop_erases_its_participants_and_answers(workshops, store, minimal):
    facilitator, record = workshops.create(minimal, "Atelier", "fr")
    _, other = workshops.create(minimal, "Other", "fr")
    token, _ = workshops.join(record.join_code)
    workshops.save_answer(token, "share", 3)
    kept, _ = workshops.join(other.join_code)
    workshops.save_answer(kept, "share", 1)
    workshops.delete(facilitator)
    with pytest.raises(UnknownWorkshop):
        workshops.participant(token)
    with pytest.raises(UnknownWorkshop):
        workshops.by_code(record.join_code)
    assert workshops.answers_of(kept) == {"share": 1}
    assert len(rows(store)) == 1


def test_workshop_tables_live_beside_the_stores_own(workshops, store):
    tables = set(sa.inspect(store.engine).get_table_names())
    assert {"workshops", "workshop_participants", "workshop_answers"} <= tables
    assert {"assessments", "answers", "documents"} <= tables
    assert store.schema_version() == 1


@SQLITE_ONLY
def test_a_write_held_up_by_another_process_is_tried_again(database, minimal, monkeypatch):
    from assessment.workshop import store as workshop_store

    store = Store(database)
    workshops = WorkshopStore(store)
    _, record = workshops.create(minimal, "Atelier", "fr")
    token, _ = workshops.join(record.join_code)

    @sa.event.listens_for(store.engine, "connect")
    def impatient(dbapi_connection, _record):  # after the store's own pragmas
        dbapi_connection.execute("PRAGMA busy_timeout=10")

    store.engine.dispose()
    other = sqlite3.connect(database.removeprefix("sqlite:///"), isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another process is writing, and takes its time
    waits = []

    def sleep(seconds):
        waits.append(seconds)
        other.execute("COMMIT")  # …and is done by the time we try again

    monkeypatch.setattr(workshop_store.time, "sleep", sleep)
    workshops.save_answer(token, "share", 3)
    assert waits == [0.05]
    assert workshops.answers_of(token) == {"share": 3}
    other.close()
    store.dispose()
