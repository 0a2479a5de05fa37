"""A live workshop under load: 200 participants at once, then a few real phones (browsers).

1. Service layer: 200 participants (one thread each) answer the whole questionnaire at the
   same time through ``WorkshopStore`` — the code the participant page calls — in a shuffled
   order with one answer in ten sent twice (double taps, reconnects). Reports answers per
   second, failed writes, and lost, duplicated or wrong answers (all must be 0).
2. Dashboard refresh: what the facilitator's live panels do every few seconds (read the room,
   aggregate it, build the figures and serialise them as Streamlit does), timed on an empty
   workshop and at 200 participants, in the same run; plus a whole facilitator page run
   (AppTest) for both. The ratio is what a full room costs over an empty one.
3. Real browsers: a few phones (Chromium contexts, 390×844) join a workshop on the light page
   of a live ``streamlit run serve.py`` server and answer the first part concurrently; answers
   per second, tap → saved, and the server's memory before and after.

Loopback only, bounded counts and a time limit; it stops by itself. Memory is the resident set
(VmRSS) from /proc: freed memory is not always handed back to the system, so the peak matters.
Run it: ``python -m bench.workshop_load`` (``--participants``, ``--phones`` to change sizes).
"""

from __future__ import annotations

import argparse
import logging
import os
import random
import statistics
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import plotly.io as pio
import sqlalchemy as sa

from assessment.models import Questionnaire
from assessment.questionnaire import DEFAULT_QUESTIONNAIRE, load_questionnaire
from assessment.store import Store
from assessment.workshop import (
    WorkshopStore,
    aggregate,
    distribution_chart,
    room_quadrant,
    room_radar,
    segment_heatmap,
    workshop_answers_table,
)
from bench.measure import Figure, write_figures
from bench.workshop_phones import ROLE, browser_run, rss_mb

ROOT = Path(__file__).resolve().parent.parent
PARTICIPANTS = 200
PHONES = 6
REPLAY_SHARE = 0.1
ROUNDS = 15
SMALL_ROOM = 5  # the default anonymity threshold: the smallest room whose result is shown


# --- 1. two hundred participants through the service layer -------------------------------------


def planned_answers(seed: int, question_ids: list[str]) -> dict[str, int | None]:
    rng = random.Random(seed)
    return {q: rng.choice([1, 2, 3, 3, 4, 4, 5, None]) for q in question_ids}


def one_participant(
    workshops: WorkshopStore, token: str, plan: dict, start: threading.Barrier, seed: int
) -> tuple[int, int]:
    """Answer everything in a shuffled order, some answers twice; (writes, failures)."""
    rng = random.Random(seed)
    order = list(plan)
    order += rng.sample(order, int(len(order) * REPLAY_SHARE))
    rng.shuffle(order)
    start.wait()
    writes = failures = 0
    for question_id in order:
        try:
            workshops.save_answer(token, question_id, plan[question_id])
            writes += 1
        except Exception as error:  # counted and reported: a failed write is an answer at risk
            failures += 1
            print(f"  write failed: {type(error).__name__}: {str(error)[:200]}", file=sys.stderr)
    return writes, failures


def load_run(workshops: WorkshopStore, questionnaire: Questionnaire, participants: int) -> dict:
    question_ids = [q.id for _, q in questionnaire.questions()]
    facilitator, record = workshops.create(questionnaire, "Charge", "fr", [ROLE])
    joined_at = time.perf_counter()
    tokens = [
        workshops.join(record.join_code, {ROLE.name: ROLE.options[i % 3]})[0]
        for i in range(participants)
    ]
    joining = time.perf_counter() - joined_at
    plans = [planned_answers(i, question_ids) for i in range(participants)]
    start = threading.Barrier(participants + 1)
    with ThreadPoolExecutor(max_workers=participants) as pool:
        futures = [
            pool.submit(one_participant, workshops, token, plan, start, i)
            for i, (token, plan) in enumerate(zip(tokens, plans, strict=True))
        ]
        start.wait()
        began = time.perf_counter()
        outcomes = [future.result() for future in futures]
        elapsed = time.perf_counter() - began
    stored = {token: workshops.answers_of(token) for token in tokens}
    expected = sum(len(plan) for plan in plans)
    table = workshop_answers_table
    with workshops.store.engine.connect() as conn:
        rows = conn.scalar(sa.select(sa.func.count()).where(table.c.workshop_id == record.id))
        distinct = conn.scalar(
            sa.select(sa.func.count()).select_from(
                sa.select(table.c.participant_id, table.c.question_id)
                .where(table.c.workshop_id == record.id)
                .distinct()
                .subquery()
            )
        )
    lost = sum(1 for t, p in zip(tokens, plans, strict=True) for q in p if q not in stored[t])
    wrong = sum(
        1
        for t, p in zip(tokens, plans, strict=True)
        for q in p
        if q in stored[t] and stored[t][q] != p[q]
    )
    counts = workshops.counts(record.id)
    return {
        "workshop": record,
        "facilitator": facilitator,
        "participants": participants,
        "joining": joining,
        "elapsed": elapsed,
        "writes": sum(w for w, _ in outcomes),
        "failures": sum(f for _, f in outcomes),
        "expected": expected,
        "lost": lost,
        "duplicated": rows - distinct,
        "rows": rows,
        "wrong": wrong,
        "completed": counts.completed,
    }


# --- 2. the dashboard's refresh -----------------------------------------------------------------


def dashboard_refresh(workshops: WorkshopStore, workshop_id: int, questionnaire: Questionnaire):
    """What one refresh of the live panels does; (read, aggregate, figures) in seconds."""
    began = time.perf_counter()
    snapshot = workshops.snapshot(workshop_id)
    read = time.perf_counter()
    record = snapshot.workshop
    room = aggregate(questionnaire, snapshot.participants, record.segments, record.threshold)
    aggregated = time.perf_counter()
    if room.visible:  # below the threshold the panels show the counts only
        dimension = questionnaire.ordered_dimensions()[0]
        figures = [
            room_radar(questionnaire, room, "fr"),
            room_quadrant(questionnaire, room, "fr"),
            distribution_chart(
                questionnaire, room, [s.question_id for s in room.disagreements], "fr"
            ),
            distribution_chart(
                questionnaire, room, [q.id for q in dimension.ordered_questions()], "fr"
            ),
            *(segment_heatmap(questionnaire, v, room.threshold, "fr") for v in room.segments),
        ]
        for figure in figures:
            pio.to_json(figure, validate=False)  # as st.plotly_chart sends it
    done = time.perf_counter()
    return read - began, aggregated - read, done - aggregated


def timed_refreshes(workshops, workshop_id, questionnaire) -> dict:
    parts = [dashboard_refresh(workshops, workshop_id, questionnaire) for _ in range(ROUNDS)]
    return {
        "read": statistics.median(p[0] for p in parts),
        "aggregate": statistics.median(p[1] for p in parts),
        "figures": statistics.median(p[2] for p in parts),
        "total": statistics.median(sum(p) for p in parts),
    }


def page_run(database_url: str, token: str, rounds: int = 5) -> float:
    """Median time of a whole facilitator page run (AppTest), the aggregate cache cleared."""
    os.environ["DATABASE_URL"] = database_url
    from streamlit.testing.v1 import AppTest

    # Outside a running server st.cache_data says it falls back to memory: expected here.
    logging.getLogger("streamlit.runtime.caching.cache_data_api").setLevel(logging.ERROR)
    from ui.workshop_session import live_room

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.query_params["f"] = token
    at.query_params["lang"] = "fr"
    at.run().switch_page("app_pages/workshop_facilitator.py").run()
    times = []
    for _ in range(rounds):
        live_room.clear()
        began = time.perf_counter()
        at.run()
        times.append(time.perf_counter() - began)
        if at.exception:
            raise RuntimeError(at.exception)
    return statistics.median(times)


# --- report -----------------------------------------------------------------------------------


def main(participants: int = PARTICIPANTS, phones: int = PHONES) -> list:
    """Prints the figures; returns the table's lines (reported: the room's targets are #14's)."""
    questionnaire = load_questionnaire(DEFAULT_QUESTIONNAIRE)
    per_person = len(questionnaire.questions())
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        url = f"sqlite:///{folder / 'load.db'}"
        store = Store(url)
        workshops = WorkshopStore(store)
        empty_token, empty = workshops.create(questionnaire, "Vide", "fr", [ROLE])
        small = load_run(workshops, questionnaire, SMALL_ROOM)  # the smallest room shown
        run = load_run(workshops, questionnaire, participants)
        rss_now, rss_peak = rss_mb()
        before = timed_refreshes(workshops, empty.id, questionnaire)
        smallest = timed_refreshes(workshops, small["workshop"].id, questionnaire)
        full = timed_refreshes(workshops, run["workshop"].id, questionnaire)
        empty_page = page_run(url, empty_token)
        full_page = page_run(url, run["facilitator"])
        store.dispose()
        phone_figures = browser_run(folder, questionnaire, phones) if phones else None

    rate = run["writes"] / run["elapsed"]
    print(
        f"live workshop, {participants} participants × {per_person} questions "
        f"({REPLAY_SHARE:.0%} sent twice), one thread each, SQLite WAL"
    )
    print(f"  joining: {participants} in {run['joining']:.2f} s")
    print(
        f"  answering: {run['writes']} writes in {run['elapsed']:.2f} s → {rate:,.0f} answers/s"
        f" ({run['expected'] / run['elapsed']:,.0f} distinct answers/s)"
    )
    print(
        f"  lost {run['lost']} · duplicated {run['duplicated']}"
        f" · wrong {run['wrong']} · failed writes {run['failures']}"
        f" · rows {run['rows']}/{run['expected']} · completed {run['completed']}/{participants}"
        + ("  OK" if run["lost"] == run["duplicated"] == run["wrong"] == 0 else "  PROBLEM")
    )
    print("  dashboard refresh (read + aggregate + figures), median of", ROUNDS)
    for label, figures in (
        ("empty workshop", before),
        (f"{SMALL_ROOM} participants", smallest),
        (f"{participants} participants", full),
    ):
        print(
            f"    {label:17} {figures['total'] * 1000:7.1f} ms"
            f"  (read {figures['read'] * 1000:.1f} · aggregate {figures['aggregate'] * 1000:.1f}"
            f" · figures {figures['figures'] * 1000:.1f})"
        )
    print(
        f"    ratio {full['total'] / before['total']:.0f}× the empty workshop (which only counts),"
        f" {full['total'] / smallest['total']:.1f}× the smallest room shown ({SMALL_ROOM})"
    )
    print(
        f"  facilitator page run (AppTest, cache cleared): empty {empty_page * 1000:.0f} ms,"
        f" {participants} participants {full_page * 1000:.0f} ms"
        f" (ratio {full_page / empty_page:.1f}×)"
    )
    print(
        f"  bench process memory after the {participants} threads: RSS {rss_now:.0f} MB"
        f" (peak {rss_peak:.0f} MB)"
    )
    lines = [
        Figure(
            name=f"workshop: {participants} participants answering",
            baseline="",
            value=f"{rate:,.0f} answers/s",
            note=f"lost {run['lost']}, duplicated {run['duplicated']}, wrong {run['wrong']}",
            error=None if run["lost"] == run["duplicated"] == run["wrong"] == 0 else "answers lost",
        ),
        Figure(
            name=f"workshop: dashboard refresh at {participants}",
            baseline=f"{SMALL_ROOM} participants",
            ours_ms=full["total"] * 1000,
            baseline_ms=smallest["total"] * 1000,
            ratio=full["total"] / smallest["total"],
        ),
    ]
    if phone_figures is None:
        print("  real browsers: skipped (no phones asked, or Debian's chromium is missing)")
        return lines
    phone_rate = phone_figures["answers"] / phone_figures["elapsed"]
    print(
        f"  real browsers: {phones} phones × {phone_figures['answers'] // phones} answers, "
        f"joining included, in {phone_figures['elapsed']:.1f} s → {phone_rate:.1f} answers/s; "
        f"saved {phone_figures['rows']}/{phone_figures['answers']}"
    )
    print(
        f"  click → saved and shown on the phone: median {phone_figures['click'] * 1000:.0f} ms"
        f" (p90 {phone_figures['click_p90'] * 1000:.0f} ms)"
    )
    print(
        f"  server memory: {phone_figures['idle']:.0f} MB idle → {phone_figures['rss']:.0f} MB "
        f"after {phones} phones (peak {phone_figures['peak']:.0f} MB)"
    )
    per_phone = (phone_figures["rss"] - phone_figures["idle"]) / phones
    lines += [
        Figure(
            name=f"workshop: {phones} real phones, tap → saved",
            baseline="",
            value=f"median {phone_figures['click'] * 1000:.0f} ms",
            note=f"p90 {phone_figures['click_p90'] * 1000:.0f} ms",
        ),
        Figure(
            name="server memory per phone",
            baseline="",
            value=f"{per_phone:.1f} MB",
            note=f"{phone_figures['idle']:.0f} MB idle, {phones} phones",
        ),
    ]
    return lines


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=PARTICIPANTS)
    parser.add_argument("--phones", type=int, default=PHONES)
    parser.add_argument("--json", type=Path, help="write the table's lines to this file")
    arguments = parser.parse_args()
    found = main(max(1, min(arguments.participants, 500)), max(0, min(arguments.phones, 12)))
    write_figures(found, arguments.json)
