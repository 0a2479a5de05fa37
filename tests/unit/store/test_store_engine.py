"""The store's engine: schema versions and migrations, SQLite's settings, SQL for PostgreSQL,
and many writers at once."""

import threading
import time
from datetime import UTC, datetime

import pytest
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

from assessment.store import SCHEMA_VERSION, SchemaVersionError, Store, answers_table
from assessment.store import assessments as store_module
from assessment.store.engine import upsert
from assessment.store.schema import metadata
from tests.unit.store.conftest import ACME, SQLITE_ONLY, count

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
    sent = []  # what SQLite itself is sent (the BEGIN goes straight to the driver)
    store.engine.dispose()
    sa.event.listen(store.engine, "connect", lambda dbapi, _: dbapi.set_trace_callback(sent.append))
    store.save_answer(record.id, "share", 3)
    assert sent[0] == "BEGIN IMMEDIATE" and sent[-1] == "COMMIT"
    sent.clear()
    store.answers(record.id)
    assert sent[0] == "BEGIN"


def test_upserts_and_tables_compile_for_postgresql():
    dialect = postgresql.dialect()

    class Recorder:
        def __init__(self):
            self.dialect, self.sent = dialect, []

        def execute(self, statement, parameters=None):
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
