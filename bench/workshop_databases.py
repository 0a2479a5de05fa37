"""The 200-participant workshop load on SQLite and on PostgreSQL, in the same run.

Each participant answers the whole questionnaire through ``WorkshopStore`` (the service layer
the participant page calls), one thread each, one answer in ten sent twice. On PostgreSQL the
load comes from two processes, each with its own engine, like two app replicas behind a load
balancer, half the room on each. Reports answers per second and lost or duplicated answers
(must be 0). PostgreSQL is a throwaway cluster on 127.0.0.1 (Debian's package, as the tests
use); without it, that part is skipped with a message.

Run it: ``python -m bench.workshop_databases`` (``--participants`` to change the size).
"""

from __future__ import annotations

import argparse
import multiprocessing
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import sqlalchemy as sa

from assessment.questionnaire import DEFAULT_QUESTIONNAIRE, load_questionnaire
from assessment.store import Store
from assessment.workshop import WorkshopStore, workshop_answers_table
from bench.measure import Figure, write_figures
from bench.workshop_load import PARTICIPANTS, ROLE, one_participant, planned_answers
from tests import postgres

REPLICAS = 2


def run(url: str, replicas: int, participants: int = PARTICIPANTS) -> dict:
    questionnaire = load_questionnaire(DEFAULT_QUESTIONNAIRE)
    question_ids = [q.id for _, q in questionnaire.questions()]
    store = Store(url)
    workshops = WorkshopStore(store)
    _, record = workshops.create(questionnaire, "Charge", "fr", [ROLE])
    tokens = [
        workshops.join(record.join_code, {ROLE.name: ROLE.options[i % 3]})[0]
        for i in range(participants)
    ]
    shares = [(url, tokens[i::replicas], i, replicas) for i in range(replicas)]
    began = time.perf_counter()
    # Each replica is a process of its own with its own engine, as behind a load balancer.
    with multiprocessing.get_context("spawn").Pool(replicas) as pool:
        outcomes = pool.starmap(answer_share, shares)
    elapsed = time.perf_counter() - began
    expected = {token: planned_answers(index, question_ids) for index, token in enumerate(tokens)}
    lost = sum(
        1
        for token, plan in expected.items()
        for q, level in plan.items()
        if workshops.answers_of(token).get(q, "lost") != level
    )
    table = workshop_answers_table
    with store.engine.connect() as conn:
        rows = conn.scalar(sa.select(sa.func.count()).where(table.c.workshop_id == record.id))
    store.dispose()
    writes = sum(w for w, _ in outcomes)
    return {
        "rate": writes / elapsed,
        "distinct_rate": participants * len(question_ids) / elapsed,
        "elapsed": elapsed,
        "lost": lost,
        "duplicated": rows - participants * len(question_ids),
        "failures": sum(f for _, f in outcomes),
    }


def answer_share(url: str, tokens: list[str], offset: int, stride: int) -> tuple[int, int]:
    """One replica answers for its share of the room, tokens[offset::stride], each with the
    seed of its place in the room (so the plans can be checked); (writes, failures)."""
    questionnaire = load_questionnaire(DEFAULT_QUESTIONNAIRE)
    question_ids = [q.id for _, q in questionnaire.questions()]
    store = Store(url)
    workshops = WorkshopStore(store)
    start = threading.Barrier(len(tokens))
    with ThreadPoolExecutor(max_workers=len(tokens)) as pool:
        futures = [
            pool.submit(
                one_participant,
                workshops,
                token,
                planned_answers(offset + i * stride, question_ids),
                start,
                offset + i * stride,
            )
            for i, token in enumerate(tokens)
        ]
        outcomes = [future.result() for future in futures]
    store.dispose()
    return sum(w for w, _ in outcomes), sum(f for _, f in outcomes)


def report(label: str, figures: dict) -> Figure:
    verdict = "OK" if figures["lost"] == figures["duplicated"] == 0 else "PROBLEM"
    print(
        f"  {label:34} {figures['rate']:7,.0f} answers/s ({figures['distinct_rate']:,.0f} distinct)"
        f" in {figures['elapsed']:.1f} s · lost {figures['lost']} · duplicated "
        f"{figures['duplicated']} · failed writes {figures['failures']}  {verdict}"
    )
    return Figure(
        name=f"workshop answers, {label}",  # the room's size is in the detail above
        baseline="",
        value=f"{figures['rate']:,.0f} answers/s",
        note=f"lost {figures['lost']}, duplicated {figures['duplicated']}",
        error=None if verdict == "OK" else "answers lost or duplicated",
    )


def figures(participants: int = PARTICIPANTS) -> list[Figure]:
    print(f"workshop load, {participants} participants × the whole questionnaire, per database")
    with tempfile.TemporaryDirectory() as folder:
        lines = [report("SQLite", run(f"sqlite:///{Path(folder) / 'load.db'}", 1, participants))]
    if not postgres.available():
        print("  PostgreSQL: skipped (Debian's postgresql package is not installed)")
        return lines
    cluster = postgres.PostgresCluster().start()
    try:
        lines.append(report("PostgreSQL", run(cluster.new_database(), 1, participants)))
        lines.append(
            report(
                f"PostgreSQL, {REPLICAS} replicas",
                run(cluster.new_database(), REPLICAS, participants),
            )
        )
    finally:
        cluster.stop()
    return lines


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=PARTICIPANTS)
    parser.add_argument("--json", type=Path, help="write the table's lines to this file")
    arguments = parser.parse_args()
    write_figures(figures(max(1, min(arguments.participants, 500))), arguments.json)
