"""The database engine every store shares: SQLite tuned for many writers, or PostgreSQL with
lost connections turned into one clear StoreUnavailable; and the SQL building blocks (upsert,
token hashing, clock) that the assessment, pool and workshop tables are written with."""

from __future__ import annotations

import hashlib
import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache

import sqlalchemy as sa
from sqlalchemy import Connection, Table
from sqlalchemy.dialects import postgresql, sqlite

from assessment.models import LANGUAGES, is_language
from assessment.store.errors import StoreError, StoreUnavailable

TOKEN_BYTES = 24  # 192 random bits, 32 URL-safe characters
TOKEN_SHAPE = re.compile(r"[A-Za-z0-9_-]{32,128}")
BUSY_TIMEOUT_MS = 5000


def open_engine(url: str) -> sa.Engine:
    """An engine on the URL: SQLite with its pragmas, or a server with a pre-ping pool."""
    is_sqlite = sa.make_url(url).get_backend_name() == "sqlite"
    connect_args = {"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000}
    options = {"connect_args": connect_args} if is_sqlite else {"pool_pre_ping": True}
    engine = sa.create_engine(url, **options)
    if is_sqlite:
        _sqlite_setup(engine)
    else:
        sa.event.listen(engine, "handle_error", _unreachable_server)
    return engine


@contextmanager
def write_transaction(engine: sa.Engine) -> Iterator[Connection]:
    """One write transaction (BEGIN IMMEDIATE on SQLite), committed on success."""
    with engine.connect() as conn:
        conn.execution_options(write=True)
        with conn.begin():
            yield conn


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("ascii")).hexdigest()


def upsert(conn: Connection, table: Table, keys: dict, values: dict) -> None:
    """INSERT … ON CONFLICT (keys) DO UPDATE, with the dialect's own insert()."""
    statement = _upsert_statement(conn.dialect.name, table, tuple(keys), tuple(values))
    conn.execute(statement, {**keys, **values})


@cache
def _upsert_statement(dialect_name: str, table: Table, keys: tuple, values: tuple):
    """Built once per shape and run with its values as parameters: building and keying the
    statement anew cost more than running it (every answer click upserts)."""
    dialect = {"sqlite": sqlite, "postgresql": postgresql}.get(dialect_name)
    if dialect is None:
        raise StoreError(f"unsupported database {dialect_name!r}")
    statement = dialect.insert(table).values({name: sa.bindparam(name) for name in keys + values})
    excluded = {name: statement.excluded[name] for name in values}
    return statement.on_conflict_do_update(index_elements=list(keys), set_=excluded)


def check_language(language: str, spoken: tuple[str, ...] | list[str] = ()) -> None:
    """A language the interface speaks or the questionnaire (``spoken``) is written in."""
    if not is_language(language) or language not in (*LANGUAGES, *spoken):
        raise ValueError(f"unknown language {language!r}; expected one of {(*LANGUAGES, *spoken)}")


def _sqlite_setup(engine: sa.Engine) -> None:
    """Pragmas on every new connection; BEGIN IMMEDIATE for writes, a plain BEGIN for reads."""

    @sa.event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _connection_record) -> None:
        dbapi_connection.isolation_level = None  # SQLAlchemy, not sqlite3, emits BEGIN
        for pragma in (
            f"busy_timeout={BUSY_TIMEOUT_MS}",  # first: switching to WAL may wait for a lock
            "journal_mode=WAL",
            "synchronous=NORMAL",
            "foreign_keys=ON",
        ):
            dbapi_connection.execute(f"PRAGMA {pragma}")

    @sa.event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        write = conn.get_execution_options().get("write", False)
        # Straight to the driver: through SQLAlchemy's statement machinery a BEGIN cost half a
        # millisecond, and every answer click opens three transactions.
        statement = "BEGIN IMMEDIATE" if write else "BEGIN"
        try:
            conn.connection.dbapi_connection.execute(statement)
        except sqlite3.Error as error:  # said as SQLAlchemy says it (a lock timeout, say)
            raise sa.exc.OperationalError(statement, None, error) from error


def _unreachable_server(context) -> None:
    """A lost or refused connection to a database server becomes one clear StoreUnavailable
    (SQLite's own errors, such as a lock timeout, keep their meaning)."""
    original = context.original_exception
    if context.is_pre_ping:
        return  # the pool's own liveness check: let it reconnect quietly
    if context.is_disconnect or isinstance(
        original, sa.exc.OperationalError | _psycopg_operational()
    ):
        raise StoreUnavailable() from original


def _psycopg_operational() -> type[BaseException]:
    try:
        import psycopg
    except ImportError:  # only deployments on PostgreSQL need the driver
        return sa.exc.OperationalError
    return psycopg.OperationalError
