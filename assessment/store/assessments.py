"""Assessments saved in a database and found again by a secret link (SQLAlchemy Core).

SQLite (one file, WAL, writes in ``BEGIN IMMEDIATE``) or PostgreSQL, through the same code.
A link's token is handed out once and never stored: only its SHA-256 is. Every write is a short
transaction of its own and answers are upserts, so a double-click or a replay counts once.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import datetime, timedelta
from functools import cache

import sqlalchemy as sa
from sqlalchemy import Connection, Table

from assessment.models import Frozen, Language, Questionnaire
from assessment.profile import Profile
from assessment.settings import settings
from assessment.store.documents import DocumentKind
from assessment.store.engine import (
    TOKEN_BYTES,
    TOKEN_SHAPE,
    check_language,
    hash_token,
    open_engine,
    upsert,
    write_transaction,
)
from assessment.store.errors import ExpiredLink, SchemaVersionError, UnknownLink
from assessment.store.pool import PoolQueries, forget_pool_scores
from assessment.store.schema import (
    answers_table,
    assessments_table,
    comments_table,
    documents_table,
    meta_table,
    metadata,
    organisation_members_table,
    pool_score_values_table,
    pool_scores_table,
    utc_now,
)

SCHEMA_VERSION = 1
_PROFILE_FIELDS = ("organisation", "sector", "size_class", "country", "role")
_RECORD_FIELDS = ("id", "questionnaire_id", "questionnaire_version", "language", "created_at")
# MIGRATIONS[n - 1] takes a database from schema version n to n + 1, inside its transaction.
MIGRATIONS: list[Callable[[Connection], None]] = []


class AssessmentRecord(Frozen):
    """An assessment as stored, without its token."""

    id: int
    questionnaire_id: str
    questionnaire_version: str
    language: Language
    profile: Profile
    created_at: datetime
    updated_at: datetime


def _record(row) -> AssessmentRecord:
    data = row._mapping
    return AssessmentRecord(
        profile=Profile(**{name: data[name] for name in _PROFILE_FIELDS}),
        updated_at=data["updated_at"],
        **{name: data[name] for name in _RECORD_FIELDS},
    )


def _check_question(question_id: str) -> None:
    if not isinstance(question_id, str) or not 0 < len(question_id) <= 64:
        raise ValueError(f"not a question id: {question_id!r}")


class Store(PoolQueries):
    """Assessments, answers and comments; a connection per call, safe across threads."""

    def __init__(self, url: str, *, retention_days: int | None = 365):
        self.retention_days = retention_days
        self.engine = open_engine(url)
        try:
            self._migrate()
        except BaseException:
            self.engine.dispose()
            raise

    @classmethod
    def from_env(cls) -> Store:
        """A store on DATABASE_URL, or on the SQLite file in the data folder."""
        return cls(settings().database())

    def dispose(self) -> None:
        """Close the pooled connections (a later call would open fresh ones)."""
        self.engine.dispose()

    def _write(self) -> AbstractContextManager[Connection]:
        return write_transaction(self.engine)

    def _migrate(self) -> None:
        with self._write() as conn:
            if conn.dialect.name == "postgresql":  # one process at a time creates the schema
                conn.exec_driver_sql("SELECT pg_advisory_xact_lock(20240601)")
            stored = _stored_version(conn) if sa.inspect(conn).has_table("meta") else None
            if stored is not None and stored > SCHEMA_VERSION:
                raise SchemaVersionError(
                    f"The database is at schema version {stored}, but this code knows only "
                    f"version {SCHEMA_VERSION}: upgrade the application before opening it."
                )
            for migration in MIGRATIONS[(stored or SCHEMA_VERSION) - 1 : SCHEMA_VERSION - 1]:
                migration(conn)
            metadata.create_all(conn)
            upsert(conn, meta_table, {"key": "schema_version"}, {"value": str(SCHEMA_VERSION)})

    def schema_version(self) -> int:
        """The schema version recorded in the database."""
        with self.engine.connect() as conn:
            return _stored_version(conn) or 0

    def create_assessment(
        self, questionnaire: Questionnaire, profile: Profile, language: Language
    ) -> tuple[str, AssessmentRecord]:
        """A new assessment and its secret token (returned once, stored only as a hash)."""
        check_language(language, questionnaire.languages)
        token, now = secrets.token_urlsafe(TOKEN_BYTES), utc_now()
        values = dict(
            token_hash=hash_token(token),
            questionnaire_id=questionnaire.id,
            questionnaire_version=questionnaire.version,
            language=language,
            created_at=now,
            updated_at=now,
            **profile.model_dump(include=set(_PROFILE_FIELDS)),
        )
        with self._write() as conn:
            inserted = conn.execute(assessments_table.insert().values(**values))
            return token, _get(conn, inserted.inserted_primary_key[0])

    def find(self, token: str) -> AssessmentRecord:
        """The assessment a link opens; UnknownLink, or ExpiredLink (deleting it) if too old."""
        if not isinstance(token, str) or not TOKEN_SHAPE.fullmatch(token):
            raise UnknownLink()
        table = assessments_table
        with self.engine.connect() as conn:
            row = conn.execute(_BY_TOKEN, {"token_hash": hash_token(token)}).first()
        if row is None:
            raise UnknownLink()
        record, cutoff = _record(row), self._cutoff()
        if cutoff is not None and record.updated_at < cutoff:
            with self._write() as conn:
                if not _delete(conn, record.id, table.c.updated_at < cutoff):
                    return _get(conn, record.id)  # touched in the meantime: still alive
            raise ExpiredLink(self.retention_days)
        return record

    def purge_expired(self) -> int:
        """Delete every assessment untouched for longer than the retention; how many were."""
        cutoff, table = self._cutoff(), assessments_table
        if cutoff is None:
            return 0
        with self._write() as conn:
            expired = conn.scalars(sa.select(table.c.id).where(table.c.updated_at < cutoff)).all()
            for assessment_id in expired:
                _delete(conn, assessment_id)
        return len(expired)

    def _cutoff(self) -> datetime | None:
        days = self.retention_days
        return None if days is None else utc_now() - timedelta(days=days)

    def save_answer(self, assessment_id: int, question_id: str, level: int | None) -> None:
        """Record a level, or None for don't know; saving again replaces it."""
        if level is not None and (isinstance(level, bool) or not isinstance(level, int)):
            raise TypeError(f"a level is a whole number or None, not {level!r}")
        self._put(answers_table, assessment_id, question_id, {"level": level})

    def clear_answer(self, assessment_id: int, question_id: str) -> None:
        """Make a question unanswered again."""
        self._put(answers_table, assessment_id, question_id, None)

    def save_comment(self, assessment_id: int, question_id: str, text: str) -> None:
        """Record a comment, stripped; an empty one deletes the comment."""
        if not isinstance(text, str):
            raise TypeError(f"a comment is text, not {type(text).__name__}")
        values = {"text": text.strip()} if text.strip() else None
        self._put(comments_table, assessment_id, question_id, values)

    def _put(self, table: Table, assessment_id: int, question_id: str, values: dict | None):
        """Upsert the row of (assessment, question), or delete it when values is None."""
        _check_question(question_id)
        with self._write() as conn:
            now = _touch(conn, assessment_id)
            keys = {"assessment_id": assessment_id, "question_id": question_id}
            if table is answers_table:  # its pool scores are computed anew when next read
                forget_pool_scores(conn, assessment_id, values_too=False)
            if values is None:
                conn.execute(sa.delete(table).filter_by(**keys))
            else:
                upsert(conn, table, keys, {**values, "updated_at": now})

    def answers(self, assessment_id: int) -> dict[str, int | None]:
        """Question id → level (None: don't know); unanswered questions are absent."""
        return self._by_question(answers_table.c.level, assessment_id)

    def comments(self, assessment_id: int) -> dict[str, str]:
        """Question id → comment."""
        return self._by_question(comments_table.c.text, assessment_id)

    def answers_and_comments(
        self, assessment_id: int
    ) -> tuple[dict[str, int | None], dict[str, str]]:
        """Both at once, from one connection (the questionnaire page reads them on every run)."""
        with self.engine.connect() as conn:
            return (
                _by_question(conn, answers_table.c.level, assessment_id),
                _by_question(conn, comments_table.c.text, assessment_id),
            )

    def _by_question(self, column: sa.Column, assessment_id: int) -> dict:
        with self.engine.connect() as conn:
            return _by_question(conn, column, assessment_id)

    def save_document(self, assessment_id: int, kind: str, payload: dict) -> None:
        """Store a JSON document of this kind for the assessment, replacing the previous one."""
        text = json.dumps(payload, ensure_ascii=False, sort_keys=True)
        with self._write() as conn:
            now = _touch(conn, assessment_id)
            keys = {"assessment_id": assessment_id, "kind": kind}
            upsert(conn, documents_table, keys, {"payload": text, "updated_at": now})

    def update_document(
        self, assessment_id: int, kind: str, change: Callable[[dict | None], dict]
    ) -> dict:
        """Replace the document by ``change(current)`` in one transaction, the assessment's row
        locked first: two people adding to the same document at once both keep their part."""
        with self._write() as conn:
            now = _touch(conn, assessment_id)
            table = documents_table
            text = conn.scalar(
                sa.select(table.c.payload).where(
                    table.c.assessment_id == assessment_id, table.c.kind == kind
                )
            )
            payload = change(None if text is None else json.loads(text))
            keys = {"assessment_id": assessment_id, "kind": kind}
            dumped = json.dumps(payload, ensure_ascii=False, sort_keys=True)
            upsert(conn, documents_table, keys, {"payload": dumped, "updated_at": now})
        return payload

    def document(self, assessment_id: int, kind: str) -> dict | None:
        table = documents_table
        query = sa.select(table.c.payload).where(
            table.c.assessment_id == assessment_id, table.c.kind == kind
        )
        with self.engine.connect() as conn:
            text = conn.scalar(query)
        return None if text is None else json.loads(text)

    def delete_document(self, assessment_id: int, kind: str) -> None:
        with self._write() as conn:
            _touch(conn, assessment_id)
            if kind == DocumentKind.pool:  # out of the pool: its scores are not kept either
                forget_pool_scores(conn, assessment_id)
            conn.execute(
                sa.delete(documents_table).filter_by(assessment_id=assessment_id, kind=kind)
            )

    def documents(self, kind: str) -> dict[int, dict]:
        """Every assessment's document of this kind, by assessment id."""
        table = documents_table
        query = sa.select(table.c.assessment_id, table.c.payload).where(table.c.kind == kind)
        with self.engine.connect() as conn:
            return {assessment_id: json.loads(text) for assessment_id, text in conn.execute(query)}

    def update_profile(self, assessment_id: int, profile: Profile) -> AssessmentRecord:
        """Replace the organisation profile; the updated record."""
        with self._write() as conn:
            _touch(conn, assessment_id, **profile.model_dump(include=set(_PROFILE_FIELDS)))
            return _get(conn, assessment_id)

    def set_language(
        self, assessment_id: int, language: Language, spoken: tuple[str, ...] | list[str] = ()
    ) -> None:
        """Remember the language the assessment is filled in: one the interface speaks, or
        one its questionnaire is written in (``spoken``)."""
        check_language(language, spoken)
        with self._write() as conn:
            _touch(conn, assessment_id, language=language)

    def delete_assessment(self, assessment_id: int) -> None:
        """Remove the assessment with its answers and comments (nothing to do if it is gone)."""
        with self._write() as conn:
            _delete(conn, assessment_id)


def _stored_version(conn: Connection) -> int | None:
    value = conn.scalar(sa.select(meta_table.c.value).where(meta_table.c.key == "schema_version"))
    return None if value is None else int(value)


def _get(conn: Connection, assessment_id: int) -> AssessmentRecord:
    table = assessments_table
    row = conn.execute(sa.select(table).where(table.c.id == assessment_id)).first()
    if row is None:
        raise UnknownLink()
    return _record(row)


def _touch(conn: Connection, assessment_id: int, **values) -> datetime:
    """Stamp the assessment as changed (locking its row); UnknownLink if there is none."""
    now, table = utc_now(), assessments_table
    if values:
        statement = sa.update(table).where(table.c.id == assessment_id)
        changed = conn.execute(statement.values(updated_at=now, **values))
    else:  # an answer or a comment saved: the statement of every click, built once
        changed = conn.execute(_TOUCH, {"touched_id": assessment_id, "now": now})
    if changed.rowcount != 1:
        raise UnknownLink()
    return now


_TOUCH = (
    sa.update(assessments_table)
    .where(assessments_table.c.id == sa.bindparam("touched_id"))
    .values(updated_at=sa.bindparam("now"))
)


def _delete(conn: Connection, assessment_id: int, *condition) -> bool:
    """Delete an assessment (if it meets the condition) with its rows; whether it was there."""
    table = assessments_table
    gone = conn.execute(sa.delete(table).where(table.c.id == assessment_id, *condition))
    if gone.rowcount:  # the children explicitly too, should foreign keys be off
        children = (answers_table, comments_table, documents_table)
        for child in (
            children + (pool_scores_table, pool_score_values_table) + (organisation_members_table,)
        ):
            conn.execute(sa.delete(child).where(child.c.assessment_id == assessment_id))
    return gone.rowcount > 0


def _by_question(conn: Connection, column: sa.Column, assessment_id: int) -> dict:
    query = _by_question_query(column)
    return {question_id: value for question_id, value in conn.execute(query, {"id": assessment_id})}


# The statements of every page run, built once (building and keying a statement anew on each
# call cost more than running it on SQLite).
_BY_TOKEN = sa.select(assessments_table).where(
    assessments_table.c.token_hash == sa.bindparam("token_hash")
)


@cache
def _by_question_query(column: sa.Column) -> sa.Select:
    table = column.table
    return sa.select(table.c.question_id, column).where(table.c.assessment_id == sa.bindparam("id"))
