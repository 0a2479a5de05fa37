"""The store on a real SQLite file: links, answers, comments, expiry, schema, concurrency."""

import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

from assessment.profile import Profile
from assessment.store import (
    SCHEMA_VERSION,
    ExpiredLink,
    SchemaVersionError,
    Store,
    UnknownLink,
    answers_table,
    assessments_table,
    comments_table,
    documents_table,
)
from assessment.store import assessments as store_module
from assessment.store.engine import upsert
from assessment.store.schema import metadata

ACME = Profile(organisation="Acme", sector="C", size_class="10-49", country="FR", role="hr")
GLOBEX = Profile(organisation="Globex", sector="J", size_class="250+", country="BE", role="it")


# Tests of SQLite's own mechanics (the file, pragmas, BEGIN IMMEDIATE) run on SQLite only.
SQLITE_ONLY = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)


@pytest.fixture
def url(database_url):
    """Every store test runs on SQLite and on PostgreSQL (tests/conftest.py)."""
    return database_url


@pytest.fixture
def store(url):
    opened = Store(url)
    yield opened
    opened.dispose()


@pytest.fixture
def created(store, minimal):
    """A fresh assessment: (token, record)."""
    return store.create_assessment(minimal, ACME, "fr")


def count(store, table, **where):
    query = sa.select(sa.func.count()).select_from(table).filter_by(**where)
    with store.engine.connect() as conn:
        return conn.scalar(query)


def age(store, assessment_id, days):
    """Move an assessment's last change back by some days, straight in SQL."""
    when = datetime.now(UTC) - timedelta(days=days)
    query = sa.update(assessments_table).where(assessments_table.c.id == assessment_id)
    with store.engine.begin() as conn:
        conn.execute(query.values(updated_at=when))


def statements(store):
    """A list that fills with every SQL statement the store sends from now on."""
    sent = []
    sa.event.listen(store.engine, "before_cursor_execute", lambda *a: sent.append(a[2]))
    return sent


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


# --- Schema and SQLite settings ----------------------------------------------------------


def test_the_schema_version_is_recorded_once(url):
    Store(url).dispose()
    store = Store(url)
    assert store.schema_version() == SCHEMA_VERSION == 1
    assert count(store, store_module.meta_table) == 1
    store.dispose()


def test_a_newer_database_refuses_to_open_and_is_left_unchanged(url):
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE meta (key VARCHAR(64) PRIMARY KEY, value TEXT)")
        conn.exec_driver_sql("INSERT INTO meta VALUES ('schema_version', '99')")
        conn.exec_driver_sql("CREATE TABLE surveys (id INTEGER PRIMARY KEY)")
    with pytest.raises(SchemaVersionError) as raised:
        Store(url)
    assert "99" in str(raised.value)
    assert str(SCHEMA_VERSION) in str(raised.value)
    assert set(sa.inspect(engine).get_table_names()) == {"meta", "surveys"}
    with engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT value FROM meta").all() == [("99",)]
    engine.dispose()


def test_an_older_database_is_migrated_once_to_the_current_version(url, monkeypatch):
    Store(url).dispose()
    ran = []
    monkeypatch.setattr(store_module, "SCHEMA_VERSION", 2)
    monkeypatch.setattr(store_module, "MIGRATIONS", [lambda conn: ran.append(conn)])
    store = Store(url)
    assert store.schema_version() == 2
    assert len(ran) == 1
    store.dispose()
    Store(url).dispose()
    assert len(ran) == 1


@SQLITE_ONLY
def test_sqlite_runs_in_wal_mode_with_foreign_keys_and_a_busy_timeout(store):
    with store.engine.connect() as conn:
        pragma = lambda name: conn.exec_driver_sql(f"PRAGMA {name}").scalar()  # noqa: E731
        assert pragma("journal_mode") == "wal"
        assert pragma("foreign_keys") == 1
        assert pragma("synchronous") == 1  # NORMAL
        assert pragma("busy_timeout") >= 5000
        assert conn.connection.dbapi_connection.isolation_level is None  # SQLAlchemy BEGINs


@SQLITE_ONLY
def test_writes_begin_immediate_and_reads_a_plain_begin(store, created):
    _, record = created
    sent = statements(store)
    store.save_answer(record.id, "share", 3)
    assert sent[0] == "BEGIN IMMEDIATE"
    sent.clear()
    store.answers(record.id)
    assert sent[0] == "BEGIN"


def test_upserts_and_tables_compile_for_postgresql():
    dialect = postgresql.dialect()

    class Recorder:
        def __init__(self):
            self.dialect, self.sent = dialect, []

        def execute(self, statement):
            self.sent.append(statement)

    conn = Recorder()
    keys = {"assessment_id": 1, "question_id": "share"}
    upsert(conn, answers_table, keys, {"level": None, "updated_at": datetime.now(UTC)})
    sql = str(conn.sent[0].compile(dialect=dialect))
    assert "ON CONFLICT (assessment_id, question_id) DO UPDATE" in sql
    assert "level = excluded.level" in sql
    for table in metadata.sorted_tables:
        ddl = str(sa.schema.CreateTable(table).compile(dialect=dialect))
        assert "TIMESTAMP WITH TIME ZONE" in ddl or table.name == "meta"


# --- Concurrency ---------------------------------------------------------------------------

THREADS, WRITES_PER_THREAD, QUESTIONS = 8, 50, 25


def final_level(thread, question):
    """The second, last value a thread writes to a question (some are don't know)."""
    return None if (thread + question) % 7 == 0 else (thread + question) % 5 + 1


@pytest.mark.parametrize("stores", [1, 2], ids=["one store", "two stores on the file"])
def test_concurrent_writers_leave_every_answer_once_with_its_last_value(url, minimal, stores):
    opened = [Store(url) for _ in range(stores)]
    ids = [opened[0].create_assessment(minimal, ACME, "fr")[1].id for _ in range(THREADS // 2)]
    start, errors, shared = threading.Barrier(THREADS), [], set()

    def work(thread):
        store, assessment_id = opened[thread % stores], ids[thread % len(ids)]
        try:
            start.wait(timeout=10)
            for i in range(WRITES_PER_THREAD):
                question = i % QUESTIONS
                level = 1 if i < QUESTIONS else final_level(thread, question)
                store.save_answer(assessment_id, f"t{thread}_q{question}", level)
                if i % 5 == 0:  # every thread also hammers one key of the first assessment
                    shared.add(thread % 5 + 1)
                    store.save_answer(ids[0], "shared", thread % 5 + 1)
                if i % 10 == 0:
                    store.answers(assessment_id)
        except Exception as error:  # reported below, with its type
            errors.append(error)

    began = time.monotonic()
    threads = [threading.Thread(target=work, args=(t,)) for t in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not any(thread.is_alive() for thread in threads)
    assert errors == []
    assert time.monotonic() - began < 30

    for index, assessment_id in enumerate(ids):
        expected = {
            f"t{t}_q{q}": final_level(t, q)
            for t in range(THREADS)
            if t % len(ids) == index
            for q in range(QUESTIONS)
        }
        answers = opened[-1].answers(assessment_id)
        if index == 0:
            assert answers.pop("shared") in shared
        assert answers == expected
    assert count(opened[0], answers_table) == THREADS * QUESTIONS + 1
    for store in opened:
        store.dispose()


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
