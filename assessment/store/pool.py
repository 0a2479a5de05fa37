"""The benchmark pool's queries: opted-in assessments, and consultants' imported batches."""

from __future__ import annotations

import json
import secrets
from contextlib import AbstractContextManager
from datetime import datetime
from functools import cache

import sqlalchemy as sa
from pydantic import Field, ValidationInfo, field_validator
from sqlalchemy import Connection

from assessment.models import Frozen
from assessment.profile import SECTORS, SIZE_CLASSES
from assessment.store.documents import DocumentKind
from assessment.store.schema import (
    answers_table,
    as_utc,
    assessments_table,
    benchmark_imports_table,
    documents_table,
    pool_score_values_table,
    pool_scores_table,
    utc_now,
)

OPTED_IN = '{"opt_in": true}'  # the flag as set_opt_in writes it: read without parsing JSON


class ScoreRow(Frozen):
    """One anonymous organisation of a benchmark pool: peer-group keys and dimension scores."""

    sector: str
    size_class: str
    scores: dict[str, float] = Field(min_length=1)

    @field_validator("sector", "size_class")
    @classmethod
    def _known_group(cls, value: str, info: ValidationInfo) -> str:
        known = SECTORS if info.field_name == "sector" else SIZE_CLASSES
        if value not in known:
            raise ValueError(f"unknown {info.field_name.replace('_', ' ')} {value!r}")
        return value

    @field_validator("scores")
    @classmethod
    def _scores_in_range(cls, scores: dict[str, float]) -> dict[str, float]:
        for dimension, value in scores.items():
            if not 0 <= value <= 100:
                raise ValueError(f"score of {dimension!r} is {value}, outside 0-100")
        return scores


class ImportBatch(Frozen):
    """A consultant's import, as listed: undone whole with ``delete_benchmark_batch``."""

    batch_id: str
    questionnaire_id: str
    rows: int
    imported_at: datetime


class PoolMember(Frozen):
    """An assessment whose owner opted in to the pool: peer-group keys and answers, no name."""

    assessment_id: int
    sector: str
    size_class: str
    answers: dict[str, int | None]


class PoolQueries:
    """Mixed into Store: needs its ``engine`` and ``_write()``."""

    engine: sa.Engine

    def _write(self) -> AbstractContextManager[Connection]: ...

    def pool_members(self, questionnaire_id: str) -> list[PoolMember]:
        """The assessments of this questionnaire that opted in to the pool, with their answers."""
        docs, table = documents_table, assessments_table
        opted = (
            sa.select(table.c.id, table.c.sector, table.c.size_class, docs.c.payload)
            .join(docs, docs.c.assessment_id == table.c.id)
            .where(docs.c.kind == DocumentKind.pool, table.c.questionnaire_id == questionnaire_id)
        )
        answered = (
            sa.select(answers_table.c.assessment_id, answers_table.c.question_id)
            .add_columns(answers_table.c.level)
            .join(docs, docs.c.assessment_id == answers_table.c.assessment_id)
            .where(docs.c.kind == DocumentKind.pool)
        )
        with self.engine.connect() as conn:  # one read transaction: a consistent snapshot
            members = {
                row.id: (row.sector, row.size_class)
                for row in conn.execute(opted)
                if json.loads(row.payload).get("opt_in") is True
            }
            answers: dict[int, dict[str, int | None]] = {key: {} for key in members}
            for assessment_id, question_id, level in conn.execute(answered):
                if assessment_id in answers:
                    answers[assessment_id][question_id] = level
        return [
            PoolMember(assessment_id=key, sector=sector, size_class=size, answers=answers[key])
            for key, (sector, size) in sorted(members.items())
        ]

    def pool_scores(
        self, questionnaire_id: str, questionnaire_key: str
    ) -> tuple[list[tuple[int, str, str, str, float]], list[PoolMember]]:
        """The opted-in assessments of this questionnaire. Those whose scores are kept for this
        content of the questionnaire come as rows (id, sector, size class, dimension, score), in
        no particular order; the others (never scored, answers changed since, another content
        of the questionnaire) as members with their answers, for the caller to score and keep
        with ``save_pool_scores``. A member none of whose dimensions is covered has no row."""
        docs, table, kept, values = (
            documents_table,
            assessments_table,
            pool_scores_table,
            pool_score_values_table,
        )
        in_pool = sa.and_(
            docs.c.kind == DocumentKind.pool, table.c.questionnaire_id == questionnaire_id
        )
        # The members are chosen once (a subquery the database keeps as a set), not joined
        # again on each of their scores.
        members = (
            sa.select(kept.c.assessment_id)
            .join(table, table.c.id == kept.c.assessment_id)
            .join(docs, docs.c.assessment_id == kept.c.assessment_id)
            .where(in_pool, kept.c.questionnaire_key == questionnaire_key)
        )
        stored = (
            sa.select(table.c.id, table.c.sector, table.c.size_class)
            .add_columns(values.c.dimension_id, values.c.score)
            .select_from(values)
            .join(table, table.c.id == values.c.assessment_id)
            .where(values.c.assessment_id.in_(members.scalar_subquery()))
        )  # in the table's order: sorting by id would read the rows through the index
        # Members without kept scores for this content, and flags not written as set_opt_in
        # writes them (read as JSON); usually none, found by the database alone.
        others = (
            sa.select(table.c.id, table.c.sector, table.c.size_class, docs.c.payload)
            .add_columns(kept.c.questionnaire_key)
            .join(docs, docs.c.assessment_id == table.c.id)
            .outerjoin(kept, kept.c.assessment_id == table.c.id)
            .where(in_pool)
            .where(
                sa.or_(
                    kept.c.questionnaire_key.is_(None),
                    kept.c.questionnaire_key != questionnaire_key,
                    docs.c.payload != OPTED_IN,
                )
            )
        )
        with self.engine.connect() as conn:  # one read transaction: a consistent snapshot
            # Plain tuples from the driver: the 40,000 rows of a 10,000-member pool made into
            # SQLAlchemy rows cost as much again as reading them (no column here is converted).
            rows = conn.execute(stored).cursor.fetchall()
            left_out, stale = set(), {}
            for key, sector, size, payload, scored_with in conn.execute(others):
                if payload != OPTED_IN and json.loads(payload).get("opt_in") is not True:
                    left_out.add(key)
                elif scored_with != questionnaire_key:
                    stale[key] = (sector, size)
            answers: dict[int, dict[str, int | None]] = {key: {} for key in stale}
            if stale:
                answered = sa.select(
                    answers_table.c.assessment_id, answers_table.c.question_id
                ).add_columns(answers_table.c.level)
                if len(stale) < 500:  # else read them all rather than send a long IN list
                    answered = answered.where(answers_table.c.assessment_id.in_(list(stale)))
                for assessment_id, question_id, level in conn.execute(answered):
                    if assessment_id in answers:
                        answers[assessment_id][question_id] = level
        if left_out:
            rows = [row for row in rows if row[0] not in left_out]
        members = [
            PoolMember(assessment_id=key, sector=sector, size_class=size, answers=answers[key])
            for key, (sector, size) in sorted(stale.items())
        ]
        return rows, members

    def save_pool_scores(self, questionnaire_key: str, scores: dict[int, dict[str, float]]) -> None:
        """Keep these assessments' pool scores (covered dimensions only; an empty dict for none),
        computed with this content of the questionnaire. An assessment deleted in the meantime
        is skipped."""
        if not scores:
            return
        now, ids = utc_now(), sorted(scores)
        with self._write() as conn:
            alive = []
            for chunk in _chunks(ids):
                forget_pool_scores(conn, chunk)
                alive += conn.scalars(
                    sa.select(assessments_table.c.id).where(assessments_table.c.id.in_(chunk))
                ).all()
            if not alive:
                return
            conn.execute(
                pool_scores_table.insert(),
                [
                    dict(assessment_id=key, questionnaire_key=questionnaire_key, updated_at=now)
                    for key in alive
                ],
            )
            rows = [
                dict(assessment_id=key, dimension_id=dimension, score=value, updated_at=now)
                for key in alive
                for dimension, value in sorted(scores[key].items())
            ]
            if rows:
                conn.execute(pool_score_values_table.insert(), rows)

    def add_benchmark_batch(self, questionnaire_id: str, rows: list[ScoreRow]) -> str:
        """Save a whole import in one transaction (all rows or none); its batch id."""
        if not rows:
            raise ValueError("an import needs at least one row")
        now = utc_now()
        batch_id = f"{now:%Y%m%d}-{secrets.token_hex(4)}"
        values = [
            dict(
                batch_id=batch_id,
                questionnaire_id=questionnaire_id,
                sector=row.sector,
                size_class=row.size_class,
                scores=json.dumps(row.scores, sort_keys=True),
                imported_at=now,
            )
            for row in rows
        ]
        with self._write() as conn:
            conn.execute(benchmark_imports_table.insert(), values)
        return batch_id

    def benchmark_batches(self, questionnaire_id: str | None = None) -> list[ImportBatch]:
        """Imported batches, oldest first."""
        table = benchmark_imports_table
        query = sa.select(
            table.c.batch_id,
            table.c.questionnaire_id,
            sa.func.count().label("rows"),
            sa.func.min(table.c.imported_at).label("imported_at"),
        ).group_by(table.c.batch_id, table.c.questionnaire_id)
        if questionnaire_id is not None:
            query = query.where(table.c.questionnaire_id == questionnaire_id)
        with self.engine.connect() as conn:
            batches = [
                ImportBatch(
                    batch_id=row.batch_id,
                    questionnaire_id=row.questionnaire_id,
                    rows=row.rows,
                    # func.min() loses the column type: make it aware again
                    imported_at=as_utc(row.imported_at),
                )
                for row in conn.execute(query)
            ]
        return sorted(batches, key=lambda b: (b.imported_at, b.batch_id))

    def benchmark_rows(self, questionnaire_id: str) -> list[ScoreRow]:
        """Every imported row of this questionnaire."""
        table = benchmark_imports_table
        query = (
            sa.select(table.c.sector, table.c.size_class, table.c.scores)
            .where(table.c.questionnaire_id == questionnaire_id)
            .order_by(table.c.id)
        )
        with self.engine.connect() as conn:
            return [
                ScoreRow(sector=sector, size_class=size, scores=json.loads(scores))
                for sector, size, scores in conn.execute(query)
            ]

    def delete_benchmark_batch(self, batch_id: str) -> int:
        """Remove an imported batch; how many rows it had (0 if there was none)."""
        table = benchmark_imports_table
        with self._write() as conn:
            return conn.execute(sa.delete(table).where(table.c.batch_id == batch_id)).rowcount


def forget_pool_scores(
    conn: Connection, assessment_ids: int | list[int], *, values_too: bool = True
) -> None:
    """Inside a write: these assessments' kept pool scores no longer hold. Without
    ``values_too`` (an answer saved: one statement on the click's path) only the row naming the
    questionnaire content goes; the scores are never read without it, and are replaced when
    computed again."""
    ids = [assessment_ids] if isinstance(assessment_ids, int) else assessment_ids
    tables = (pool_score_values_table, pool_scores_table) if values_too else (pool_scores_table,)
    for table in tables:
        conn.execute(_forget_statement(table), {"ids": ids})


@cache
def _forget_statement(table: sa.Table) -> sa.Delete:
    return sa.delete(table).where(table.c.assessment_id.in_(sa.bindparam("ids", expanding=True)))


def _chunks(ids: list[int], size: int = 500) -> list[list[int]]:
    return [ids[i : i + size] for i in range(0, len(ids), size)]
