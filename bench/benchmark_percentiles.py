"""Percentiles of one organisation against a pool of 10,000 assessments.

Ours: ``position()`` over the pool as the page holds it (a list of entries): per dimension it
selects the peers, sorts them, computes the percentile (below + half the ties) and the
quartiles. Baseline: plain pandas over the same numbers already in a DataFrame column,
``quantile([.25, .5, .75])`` and the same percentile as two vectorised comparisons. The peer
group is the whole pool, so each of the four dimensions has 10,000 peers.

A second figure shows what a page rerun really pays at that size: ``load_pool()`` reading and
scoring 10,000 opted-in assessments (41 answers each) from SQLite.
"""

from __future__ import annotations

import json
import random
import statistics
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd
import sqlalchemy as sa

from assessment.benchmark import PoolEntry, Scope, load_pool, position
from assessment.profile import SECTORS, SIZE_CLASSES
from assessment.questionnaire import DEFAULT_QUESTIONNAIRE, load_questionnaire
from assessment.scoring import score
from assessment.store import DocumentKind, Store, answers_table, assessments_table, documents_table

POOL_SIZE = 10_000
ROUNDS = 30


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


def timed(function, rounds: int = ROUNDS) -> list[float]:
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return times


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


def main() -> None:
    rng = random.Random(20261123)
    questionnaire = load_questionnaire(DEFAULT_QUESTIONNAIRE)
    dimensions = [d.id for d in questionnaire.ordered_dimensions()]
    pool = make_pool(dimensions, rng)
    result = score(questionnaire, {q.id: 3 for _, q in questionnaire.questions()})
    mine = {d.id: d.score for d in result.dimensions}
    frame = pd.DataFrame([e.scores for e in pool])

    ours = timed(lambda: position(result, pool, "J", "50-249", scope=Scope.all, min_peers=5))
    baseline = timed(lambda: pandas_baseline(frame, mine))
    built = timed(lambda: pd.DataFrame([e.scores for e in pool]), rounds=5)

    check = position(result, pool, "J", "50-249", scope=Scope.all, min_peers=5)
    expected = pandas_baseline(frame, mine)
    for item in check:
        pct, (q1, median, q3) = expected[item.dimension_id]
        assert abs(item.percentile - pct) < 1e-9
        got = (item.quartiles.q1, item.quartiles.median, item.quartiles.q3)
        assert max(abs(a - b) for a, b in zip(got, (q1, median, q3), strict=True)) < 1e-9

    ours_ms, base_ms = statistics.median(ours) * 1000, statistics.median(baseline) * 1000
    print(
        f"percentiles and quartiles of one organisation, {len(dimensions)} dimensions, "
        f"{POOL_SIZE:,} peers each, median of {ROUNDS} rounds"
    )
    print(f"  ours (position(), from the pool's entries): {ours_ms:7.2f} ms")
    print(f"  pandas quantile + comparisons on a ready DataFrame: {base_ms:7.2f} ms")
    print(f"  ratio ours / pandas: {ours_ms / base_ms:.1f}×  (same percentiles and quartiles)")
    print(f"  (building that DataFrame from the entries: {statistics.median(built) * 1000:.1f} ms)")

    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        store = store_pool(Path(folder), questionnaire, rng)
        setup = time.perf_counter() - started
        loads = timed(lambda: load_pool(store, questionnaire), rounds=3)
        loaded = len(load_pool(store, questionnaire))
        store.dispose()
    print(f"load_pool(): {POOL_SIZE:,} opted-in assessments read and scored from SQLite")
    print(
        f"  median of 3: {statistics.median(loads):.2f} s for {loaded:,} entries "
        f"(bulk setup {setup:.1f} s)"
    )


if __name__ == "__main__":
    main()
