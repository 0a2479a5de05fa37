"""Persistence: assessments found by a secret link, their answers, comments and documents, and
the benchmark pool; SQLite by default, PostgreSQL through the same code (SQLAlchemy Core)."""

from assessment.store.assessments import SCHEMA_VERSION, AssessmentRecord, Store
from assessment.store.documents import DocumentKind
from assessment.store.engine import TOKEN_BYTES
from assessment.store.errors import (
    ExpiredLink,
    LinkError,
    SchemaVersionError,
    StoreError,
    StoreUnavailable,
    UnknownLink,
)
from assessment.store.organisations import (
    AlreadyInOrganisation,
    MemberRecord,
    OrganisationRecord,
    Organisations,
    OrganisationSummary,
    WaveRecord,
    member_records,
)
from assessment.store.pool import ImportBatch, PoolMember, ScoreRow
from assessment.store.schema import (
    answers_table,
    assessments_table,
    comments_table,
    documents_table,
)

__all__ = [
    "SCHEMA_VERSION",
    "TOKEN_BYTES",
    "AlreadyInOrganisation",
    "AssessmentRecord",
    "DocumentKind",
    "ExpiredLink",
    "ImportBatch",
    "LinkError",
    "MemberRecord",
    "OrganisationRecord",
    "OrganisationSummary",
    "Organisations",
    "PoolMember",
    "SchemaVersionError",
    "ScoreRow",
    "Store",
    "StoreError",
    "StoreUnavailable",
    "UnknownLink",
    "WaveRecord",
    "answers_table",
    "assessments_table",
    "comments_table",
    "documents_table",
    "member_records",
]
