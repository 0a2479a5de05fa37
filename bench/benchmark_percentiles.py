"""Percentiles of one organisation against a pool of 10,000 assessments.

Ours: ``position()`` over the pool as the page holds it (the ``Pool`` load_pool returns, whose
peer groups are sorted once, as the baseline's frame is built once): per dimension it takes the
peers, leaves the organisation out, computes the percentile (below + half the ties) and the
quartiles. Baseline: plain pandas over the same numbers already in a DataFrame column,
``quantile([.25, .5, .75])`` and the same percentile as two vectorised comparisons. The peer
group is the whole pool, so each of the four dimensions has 10,000 peers.

A second figure is what a page pays to have that pool: ``load_pool()`` over 10,000 opted-in
assessments (41 answers each) in SQLite, their scores kept in the store (computed on the first
load, which is timed apart), against a plain SELECT of the same rows (per member and covered
dimension: id, sector, size class, dimension, score). Both timed in interleaved pairs
(bench/measure.py). Targets: 1.5× and 2×.
"""

from __future__ import annotations

import json
import random
import tempfile
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd
import sqlalchemy as sa

from assessment.benchmark import Pool, PoolEntry, Scope, load_pool, position
from assessment.profile import SECTORS, SIZE_CLASSES
from assessment.questionnaire import DEFAULT_QUESTIONNAIRE, load_questionnaire
from assessment.scoring import score
from assessment.store import DocumentKind, Store, answers_table, assessments_table, documents_table
from assessment.store.schema import pool_score_values_table
from bench.measure import Figure, cli, interleaved, timed

POOL_SIZE = 10_000
PAIRS = 25
PERCENTILES_TARGET = 1.5
POOL_TARGET = 2


def make_pool(dimensions: list[str], rng: random.Random) -> list[PoolEntry]:
    return [
        PoolEntry(
            sector=rng.choice(list(SECTORS)),
            size_class=rng.choice(list(SIZE_CLASSES)),
            scores={d: float(rng.choice(range(0, 101, 5))) for d in dimensions},
            assessment_id=i,
        )
        for i in range(POOL_SIZE)
    ]


def pandas_baseline(frame: pd.DataFrame, mine: dict[str, float]) -> dict:
    out = {}
    for dimension, x in mine.items():
        column = frame[dimension]
        q = column.quantile([0.25, 0.5, 0.75])
        pct = 100 * ((column < x).sum() + 0.5 * (column == x).sum()) / len(column)
        out[dimension] = (pct, q.tolist())
    return out


def store_pool(folder: Path, questionnaire, rng: random.Random) -> Store:
    """10,000 opted-in assessments written in bulk (not through the per-answer API)."""
    url = f"sqlite:///{folder / 'bench.db'}"
    store = Store(url, retention_days=None)
    now = datetime.now(UTC)
    questions = [q.id for _, q in questionnaire.questions()]
    assessments = [
        dict(
            id=i + 1,
            token_hash=f"{i:064x}",
            questionnaire_id=questionnaire.id,
            questionnaire_version=questionnaire.version,
            language="fr",
            organisation=f"Org {i}",
            sector=rng.choice(list(SECTORS)),
            size_class=rng.choice(list(SIZE_CLASSES)),
            country="FR",
            role="hr",
            created_at=now,
            updated_at=now,
        )
        for i in range(POOL_SIZE)
    ]
    answers = [
        dict(assessment_id=i + 1, question_id=q, level=rng.randint(1, 5), updated_at=now)
        for i in range(POOL_SIZE)
        for q in questions
    ]
    documents = [
        dict(
            assessment_id=i + 1,
            kind=DocumentKind.pool,
            payload=json.dumps({"opt_in": True}),
            updated_at=now,
        )
        for i in range(POOL_SIZE)
    ]
    with store.engine.connect() as conn, conn.begin():
        conn.execute(sa.insert(assessments_table), assessments)
        conn.execute(sa.insert(answers_table), answers)
        conn.execute(sa.insert(documents_table), documents)
    return store


def plain_select(store: Store) -> list:
    """The rows the pool is made of, as they are kept, and nothing more: per member and
    covered dimension, its id, sector, size class, dimension and score."""
    a, kept = assessments_table, pool_score_values_table
    query = sa.select(a.c.id, a.c.sector, a.c.size_class, kept.c.dimension_id, kept.c.score).join(
        kept, kept.c.assessment_id == a.c.id
    )
    with store.engine.connect() as conn:
        return conn.execute(query).all()


def figures() -> list[Figure]:
    rng = random.Random(20261123)
    questionnaire = load_questionnaire(DEFAULT_QUESTIONNAIRE)
    dimensions = [d.id for d in questionnaire.ordered_dimensions()]
    entries = make_pool(dimensions, rng)
    pool = Pool(entries)  # as load_pool() returns it
    result = score(questionnaire, {q.id: 3 for _, q in questionnaire.questions()})
    mine = {d.id: d.score for d in result.dimensions}
    frame = pd.DataFrame([e.scores for e in pool])
    index_built = timed(lambda: Pool(entries).peer_index().sorted_scores(Scope.all, "", ""))
    frame_built = timed(lambda: pd.DataFrame([e.scores for e in entries]))

    def ours():
        return position(result, pool, "J", "50-249", scope=Scope.all, min_peers=5)

    check, expected = ours(), pandas_baseline(frame, mine)
    for item in check:
        pct, (q1, median, q3) = expected[item.dimension_id]
        assert abs(item.percentile - pct) < 1e-9
        got = (item.quartiles.q1, item.quartiles.median, item.quartiles.q3)
        assert max(abs(a - b) for a, b in zip(got, (q1, median, q3), strict=True)) < 1e-9
    percentiles = interleaved(ours, lambda: pandas_baseline(frame, mine), PAIRS, repeat=3)
    print(
        f"percentiles and quartiles of one organisation, {len(dimensions)} dimensions, "
        f"{POOL_SIZE:,} peers each: same figures as pandas"
    )
    print(
        f"  made once per pool, left out of the ratio: our sorted groups {index_built * 1000:.1f}"
        f" ms, the pandas frame {frame_built * 1000:.1f} ms"
    )

    with tempfile.TemporaryDirectory() as folder:
        store = store_pool(Path(folder), questionnaire, rng)
        first = timed(lambda: load_pool(store, questionnaire))
        loaded = len(load_pool(store, questionnaire))
        assert loaded == len({row.id for row in plain_select(store)}) == POOL_SIZE
        loads = interleaved(
            lambda: load_pool(store, questionnaire), lambda: plain_select(store), PAIRS
        )
        store.dispose()
    print(
        f"load_pool(): {loaded:,} opted-in assessments; the first load scores them all and "
        f"keeps their scores: {first:.2f} s"
    )
    return [
        percentiles.figure(
            "percentiles, one organisation among 10,000",
            "pandas on a ready frame",
            target=PERCENTILES_TARGET,
            note=f"{len(dimensions)} dimensions",
        ),
        loads.figure(
            "pool of 10,000 members loaded",
            "plain SELECT of the same rows",
            target=POOL_TARGET,
            note=f"first load (scoring all) {first:.2f} s",
        ),
        Figure(
            name="pool: first load, every member scored",
            baseline="",
            value=f"{first:.2f} s",
            note="once; then only members whose answers or questionnaire changed",
        ),
    ]


if __name__ == "__main__":
    cli(figures)
