"""The database tables, shared by the store and its feature queries (one MetaData)."""

from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa
from sqlalchemy import Table


class UTCDateTime(sa.TypeDecorator):
    """Aware UTC datetimes on every backend (SQLite stores them naive, in UTC)."""

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(f"a naive datetime cannot be stored: {value!r}")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect) -> datetime | None:
        if value is None or value.tzinfo is not None:
            return value
        return value.replace(tzinfo=UTC)


def column(name: str, *args, **options) -> sa.Column:
    return sa.Column(name, *args, **{"nullable": False, **options})


def owned(name: str, key: sa.Column, value: sa.Column) -> Table:
    """A table of an assessment's rows, one per key: deleting the assessment deletes them."""
    owner = sa.ForeignKey("assessments.id", ondelete="CASCADE")
    return Table(
        name,
        metadata,
        column("assessment_id", sa.Integer, owner, primary_key=True),
        key,
        value,
        column("updated_at", UTCDateTime),
    )


metadata = sa.MetaData()
meta_table = Table(
    "meta", metadata, column("key", sa.String(64), primary_key=True), column("value", sa.Text)
)
assessments_table = Table(
    "assessments",
    metadata,
    column("id", sa.Integer, primary_key=True, autoincrement=True),
    column("token_hash", sa.String(64), unique=True),
    column("questionnaire_id", sa.String(64)),
    column("questionnaire_version", sa.String(32)),
    column("language", sa.String(2)),
    column("organisation", sa.String(200)),
    column("sector", sa.String(8)),
    column("size_class", sa.String(16)),
    column("country", sa.String(8)),
    column("role", sa.String(32)),
    column("created_at", UTCDateTime),
    column("updated_at", UTCDateTime),
)
answers_table = owned(
    "answers",
    column("question_id", sa.String(64), primary_key=True),
    column("level", sa.Integer, nullable=True),  # NULL: don't know
)
comments_table = owned(
    "comments", column("question_id", sa.String(64), primary_key=True), column("text", sa.Text)
)

# Feature data attached to an assessment as JSON (roadmap edits, opt-ins…): one row per kind.
documents_table = owned(
    "documents", column("kind", sa.String(32), primary_key=True), column("payload", sa.Text)
)

# A consultant's past clients, imported as whole batches: no names, only the peer-group keys
# and the dimension scores (JSON: {dimension id: score}).
benchmark_imports_table = Table(
    "benchmark_imports",
    metadata,
    column("id", sa.Integer, primary_key=True, autoincrement=True),
    column("batch_id", sa.String(32), index=True),
    column("questionnaire_id", sa.String(64)),
    column("sector", sa.String(8)),
    column("size_class", sa.String(16)),
    column("scores", sa.Text),
    column("imported_at", UTCDateTime),
)

# An opted-in assessment's dimension scores as the benchmark pool reads them, kept so that
# loading a pool of thousands scores none of them again: one row per covered dimension, and one
# row naming the questionnaire content (``questionnaire_key``) they were computed with; another
# key means the questionnaire changed and they are computed anew. Saving or clearing an answer,
# or leaving the pool, deletes them. A database made before these tables simply has none yet.
pool_scores_table = Table(
    "pool_scores",
    metadata,
    column(
        "assessment_id",
        sa.Integer,
        sa.ForeignKey("assessments.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    column("questionnaire_key", sa.String(64)),
    column("updated_at", UTCDateTime),
)
pool_score_values_table = owned(
    "pool_score_values",
    column("dimension_id", sa.String(64), primary_key=True),
    column("score", sa.Float),
)


def utc_now() -> datetime:
    return datetime.now(UTC)


def as_utc(value: datetime | str) -> datetime:
    if isinstance(value, str):  # SQLite returns an aggregate's datetime as text
        value = datetime.fromisoformat(value)
    return value if value.tzinfo else value.replace(tzinfo=UTC)


# An organisation and its assessments grouped into waves (a baseline, a follow-up…), opened with
# a private link of its own (only its SHA-256 is kept, as for an assessment's). An assessment
# belongs to one wave at most; several rooms of one wave are pooled. Deleting an organisation
# keeps its assessments; deleting an assessment takes it out of its wave.
organisations_table = Table(
    "organisations",
    metadata,
    column("id", sa.Integer, primary_key=True, autoincrement=True),
    column("token_hash", sa.String(64), unique=True),
    column("name", sa.String(200)),
    column("created_at", UTCDateTime),
    column("updated_at", UTCDateTime),
)
organisation_waves_table = Table(
    "organisation_waves",
    metadata,
    column("id", sa.Integer, primary_key=True, autoincrement=True),
    column(
        "organisation_id",
        sa.Integer,
        sa.ForeignKey("organisations.id", ondelete="CASCADE"),
        index=True,
    ),
    column("label", sa.String(80)),
    column("held_on", sa.Date, nullable=True),
    column("targets", sa.Text),  # JSON: {dimension id: score aimed at for the next wave}
    column("created_at", UTCDateTime),
    column("updated_at", UTCDateTime),
)
organisation_members_table = Table(
    "organisation_members",
    metadata,
    column(
        "assessment_id",
        sa.Integer,
        sa.ForeignKey("assessments.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    column(
        "wave_id",
        sa.Integer,
        sa.ForeignKey("organisation_waves.id", ondelete="CASCADE"),
        index=True,
    ),
    column("room", sa.String(80)),  # the room's name in a pooled wave (a site, a team); or ""
    column("attached_at", UTCDateTime),
)
