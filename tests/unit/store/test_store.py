"""The store: links, answers, comments, expiry, deletion and documents."""

import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from assessment.store import (
    ExpiredLink,
    Store,
    UnknownLink,
    answers_table,
    assessments_table,
    comments_table,
    documents_table,
)
from assessment.store import assessments as store_module
from tests.unit.store.conftest import ACME, GLOBEX, SQLITE_ONLY, age, count, statements

# --- Links -------------------------------------------------------------------------------


def test_a_new_assessment_is_found_again_by_its_token(store, created, minimal):
    token, record = created
    found = store.find(token)
    assert found == record
    assert (found.questionnaire_id, found.questionnaire_version) == (minimal.id, minimal.version)
    assert found.language == "fr"
    assert found.profile == ACME


def test_the_token_is_long_url_safe_and_new_every_time(store, created, minimal):
    token, _ = created
    assert len(token) >= 32
    assert set(token) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
    assert store.create_assessment(minimal, ACME, "fr")[0] != token


@SQLITE_ONLY
def test_the_database_files_never_hold_the_token_in_clear(store, created, url):
    token, record = created
    store.save_answer(record.id, "share", 4)
    database = Path(url.removeprefix("sqlite:///"))
    files = list(database.parent.glob(f"{database.name}*"))
    assert database in files
    for path in files:
        assert token.encode() not in path.read_bytes(), path.name
    store.dispose()
    assert token.encode() not in database.read_bytes()


def test_timestamps_are_timezone_aware_utc(store, created):
    _, record = created
    for stamp in (record.created_at, record.updated_at):
        assert stamp.utcoffset() == timedelta(0)
        assert abs(datetime.now(UTC) - stamp) < timedelta(minutes=1)


def test_an_unknown_token_is_an_unknown_link(store, created):
    token, _ = created
    other = token[:-1] + ("A" if token[-1] != "A" else "B")
    with pytest.raises(UnknownLink, match="does not match any assessment"):
        store.find(other)


@pytest.mark.parametrize(
    "token", ["", "../../etc/passwd", "x" * 10_000, "a b" * 16, "é" * 32, None, 42, "short"]
)
def test_a_malformed_token_is_an_unknown_link_without_a_query(store, created, token):
    sent = statements(store)
    with pytest.raises(UnknownLink):
        store.find(token)
    assert sent == []


def test_an_expired_link_raises_and_its_data_are_gone(url, minimal):
    store = Store(url, retention_days=1)
    token, record = store.create_assessment(minimal, ACME, "en")
    store.save_answer(record.id, "share", 2)
    store.save_comment(record.id, "share", "Why")
    age(store, record.id, days=2)
    with pytest.raises(ExpiredLink, match="This link has expired"):
        store.find(token)
    assert count(store, assessments_table) == 0
    assert count(store, answers_table) == count(store, comments_table) == 0
    with pytest.raises(UnknownLink):
        store.find(token)
    store.dispose()


def test_a_link_used_within_the_retention_stays_valid(url, minimal):
    store = Store(url, retention_days=1)
    token, record = store.create_assessment(minimal, ACME, "en")
    age(store, record.id, days=0.5)
    assert store.find(token).id == record.id
    store.dispose()


def test_without_a_retention_links_never_expire(url, minimal):
    store = Store(url, retention_days=None)
    token, record = store.create_assessment(minimal, ACME, "en")
    age(store, record.id, days=10_000)
    assert store.find(token).id == record.id
    assert store.purge_expired() == 0
    store.dispose()


def test_purging_deletes_only_the_assessments_past_the_retention(url, minimal):
    store = Store(url, retention_days=30)
    _, old = store.create_assessment(minimal, ACME, "fr")
    recent_token, recent = store.create_assessment(minimal, GLOBEX, "en")
    store.save_answer(old.id, "share", 1)
    age(store, old.id, days=31)
    assert store.purge_expired() == 1
    assert store.answers(old.id) == {}
    assert store.find(recent_token).id == recent.id
    store.dispose()


# --- Answers and comments ----------------------------------------------------------------


def test_answers_round_trip_and_saving_again_overwrites_the_one_row(store, created):
    _, record = created
    store.save_answer(record.id, "share", 2)
    store.save_answer(record.id, "sponsor", 5)
    store.save_answer(record.id, "share", 4)
    assert store.answers(record.id) == {"share": 4, "sponsor": 5}
    assert count(store, answers_table, assessment_id=record.id, question_id="share") == 1


def test_dont_know_is_kept_distinct_from_unanswered(store, created):
    _, record = created
    store.save_answer(record.id, "ambition", None)
    answers = store.answers(record.id)
    assert "ambition" in answers
    assert answers["ambition"] is None
    assert "equipped" not in answers


def test_clearing_an_answer_makes_the_question_unanswered_again(store, created):
    _, record = created
    store.save_answer(record.id, "share", 3)
    store.save_answer(record.id, "sponsor", None)
    store.clear_answer(record.id, "share")
    store.clear_answer(record.id, "equipped")  # never answered: nothing to do
    assert store.answers(record.id) == {"sponsor": None}


@pytest.mark.parametrize("level", [2.5, "3", True, [1]])
def test_a_level_must_be_a_whole_number_or_none(store, created, level):
    _, record = created
    with pytest.raises(TypeError):
        store.save_answer(record.id, "share", level)
    assert store.answers(record.id) == {}


def test_comments_round_trip_stripped_and_an_empty_one_deletes_it(store, created):
    _, record = created
    store.save_comment(record.id, "share", "  Only in sales.  ")
    store.save_comment(record.id, "sponsor", "CEO")
    store.save_comment(record.id, "sponsor", "COO")
    assert store.comments(record.id) == {"share": "Only in sales.", "sponsor": "COO"}
    store.save_comment(record.id, "share", " \n ")
    assert store.comments(record.id) == {"sponsor": "COO"}
    assert count(store, comments_table, assessment_id=record.id) == 1


def test_every_change_moves_the_assessment_updated_at(store, created):
    token, record = created
    time.sleep(0.01)
    store.save_answer(record.id, "share", 3)
    after = store.find(token)
    assert after.updated_at > record.updated_at
    assert after.created_at == record.created_at


def test_the_profile_and_language_can_change(store, created):
    token, record = created
    updated = store.update_profile(record.id, GLOBEX)
    assert updated.profile == GLOBEX
    store.set_language(record.id, "en")
    assert store.find(token).language == "en"
    assert store.find(token).profile == GLOBEX


def test_an_unknown_language_is_refused(store, created, minimal):
    _, record = created
    with pytest.raises(ValueError):
        store.set_language(record.id, "de")
    with pytest.raises(ValueError):
        store.create_assessment(minimal, ACME, "de")


def test_a_restarted_store_sees_everything(url, minimal):
    first = Store(url)
    token, record = first.create_assessment(minimal, ACME, "en")
    first.save_answer(record.id, "share", 4)
    first.save_answer(record.id, "ambition", None)
    first.save_comment(record.id, "share", "Monthly town halls")
    first.dispose()
    second = Store(url)
    found = second.find(token)
    assert found.model_dump(exclude={"updated_at"}) == record.model_dump(exclude={"updated_at"})
    assert second.answers(record.id) == {"share": 4, "ambition": None}
    assert second.comments(record.id) == {"share": "Monthly town halls"}
    second.dispose()


# --- Deleting ------------------------------------------------------------------------------


def test_deleting_an_assessment_removes_its_rows_and_leaves_another_untouched(store, minimal):
    _, gone = store.create_assessment(minimal, ACME, "fr")
    kept_token, kept = store.create_assessment(minimal, GLOBEX, "en")
    for record in (gone, kept):
        store.save_answer(record.id, "share", 3)
        store.save_answer(record.id, "sponsor", None)
        store.save_comment(record.id, "share", "note")
    store.delete_assessment(gone.id)
    assert count(store, assessments_table, id=gone.id) == 0
    assert count(store, answers_table, assessment_id=gone.id) == 0
    assert count(store, comments_table, assessment_id=gone.id) == 0
    assert store.find(kept_token).profile == kept.profile == GLOBEX
    assert store.answers(kept.id) == {"share": 3, "sponsor": None}
    assert store.comments(kept.id) == {"share": "note"}
    store.delete_assessment(gone.id)  # twice: nothing left to do, no error


@SQLITE_ONLY
def test_deleting_removes_answers_and_comments_even_with_foreign_keys_off(store, created):
    _, record = created
    store.save_answer(record.id, "share", 3)
    store.save_comment(record.id, "share", "note")
    with store.engine.connect() as conn:
        conn.connection.dbapi_connection.execute("PRAGMA foreign_keys=OFF")
        with conn.begin():
            store_module._delete(conn, record.id)
        conn.invalidate()  # do not hand this connection back to the pool
    assert count(store, answers_table) == count(store, comments_table) == 0


WRITES = {
    "save_answer": lambda store, aid: store.save_answer(aid, "share", 3),
    "save_dont_know": lambda store, aid: store.save_answer(aid, "share", None),
    "clear_answer": lambda store, aid: store.clear_answer(aid, "share"),
    "save_comment": lambda store, aid: store.save_comment(aid, "share", "x"),
    "delete_comment": lambda store, aid: store.save_comment(aid, "share", ""),
    "update_profile": lambda store, aid: store.update_profile(aid, GLOBEX),
    "set_language": lambda store, aid: store.set_language(aid, "en"),
}


@pytest.mark.parametrize("write", WRITES.values(), ids=WRITES.keys())
def test_writing_to_a_deleted_or_missing_assessment_is_an_unknown_link(store, created, write):
    _, record = created
    store.delete_assessment(record.id)
    for assessment_id in (record.id, 999_999):
        with pytest.raises(UnknownLink):
            write(store, assessment_id)
    assert count(store, answers_table) == count(store, comments_table) == 0


def test_documents_round_trip_replace_and_go_with_their_assessment(store, minimal):
    _, first = store.create_assessment(minimal, ACME, "fr")
    _, second = store.create_assessment(minimal, ACME, "en")
    store.save_document(first.id, "roadmap", {"start": "2027-01-04", "kpis": [{"target": 10}]})
    store.save_document(first.id, "roadmap", {"start": "2027-02-01"})
    store.save_document(second.id, "roadmap", {"start": "2027-03-01"})
    assert store.document(first.id, "roadmap") == {"start": "2027-02-01"}
    assert store.document(first.id, "other") is None
    both = {first.id: {"start": "2027-02-01"}, second.id: {"start": "2027-03-01"}}
    assert store.documents("roadmap") == both
    store.delete_assessment(first.id)
    assert store.documents("roadmap") == {second.id: {"start": "2027-03-01"}}
    assert count(store, documents_table, assessment_id=first.id) == 0
    store.delete_document(second.id, "roadmap")
    assert store.document(second.id, "roadmap") is None
