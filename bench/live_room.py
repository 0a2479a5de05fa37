"""The live room at full size: hundreds of phones on the real server, as phones talk to it.

Starts the server as the README does (``streamlit run serve.py``) on 127.0.0.1, a free port and
its own database (a SQLite file, or ``--database postgresql``: a throwaway PostgreSQL cluster
with two server replicas, phones shared between them), pins it to one core and this client to
the other (``taskset``), then plays each phone over HTTP and server-sent events exactly as the
phone's page does: open the link (page, script, style sheet, the workshop), join, open the
event stream, answer the questionnaire with 1-3 s between taps. Meanwhile the facilitator
moves (reveal, hide, pace, close) through the store, and the time for each move to reach every
phone's event stream is measured. Afterwards the database is checked: every saved tap is there
with its level, none lost, none counted twice.

    python -m bench.live_room                       # 30 phones, 10 questions: under a minute
    python -m bench.live_room --phones 200          # the whole questionnaire
    python -m bench.live_room --phones 200 --database postgresql
    python -m bench.live_room --find-max            # the largest room with tap p95 <= 1 s

Bounded: phones, questions and a time limit per run; loopback only; stops by itself.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import shutil
import sys
import tempfile
import time
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import psutil

from assessment.questionnaire import DEFAULT_QUESTIONNAIRE, load_questionnaire
from assessment.store import Store
from assessment.workshop import Segment, WorkshopStore
from bench.measure import Figure, write_figures
from phone.api import DEVICE_HEADER
from tests.servers import StreamlitServer

ROOT = Path(__file__).resolve().parent.parent
ROLE = Segment(name="Fonction", options=["Direction", "Managers", "Équipes"])
MAX_PHONES = 2000
TIME_LIMIT = 600  # seconds for one run, whatever happens
SERVER_CORE, CLIENT_CORE = "0", 1


# --- the server, as the README starts it --------------------------------------------------------


class Sampler:
    """CPU time and peak RSS of the server processes (and their children) over a run."""

    def __init__(self, pids: list[int]):
        self.processes = [psutil.Process(pid) for pid in pids]
        self.cpu0 = self._cpu()
        self.rss_peak = 0.0
        self.started = time.monotonic()

    def _tree(self):
        for process in self.processes:
            with suppress(psutil.Error):
                yield process
                yield from process.children(recursive=True)

    def _cpu(self) -> float:
        total = 0.0
        for p in self._tree():
            with suppress(psutil.Error):
                times = p.cpu_times()
                total += times.user + times.system
        return total

    def sample(self) -> None:
        rss = 0.0
        for p in self._tree():
            with suppress(psutil.Error):
                rss += p.memory_info().rss
        self.rss_peak = max(self.rss_peak, rss / 2**20)

    def figures(self) -> dict:
        wall = time.monotonic() - self.started
        return {"server_cpu": (self._cpu() - self.cpu0) / wall * 100, "server_rss": self.rss_peak}


# --- one phone -----------------------------------------------------------------------------------


@dataclass
class Figures:
    open_form: list[float] = field(default_factory=list)  # link → join form shown
    join: list[float] = field(default_factory=list)  # join tapped → first question
    first_question: list[float] = field(default_factory=list)  # link → first question
    taps: list[float] = field(default_factory=list)  # tap → saved
    moves: list[float] = field(default_factory=list)  # move committed → on the phone
    failures: dict[str, int] = field(default_factory=dict)
    saved: dict[str, dict[str, int | None]] = field(default_factory=dict)

    def fail(self, what: str) -> None:
        self.failures[what] = self.failures.get(what, 0) + 1


class Room:
    """What the facilitator did (version → when committed) and what each phone saw."""

    def __init__(self):
        self.moves: dict[str, float] = {}
        self.seen: dict[str, list[float]] = {}
        self.streams: list[asyncio.Task] = []

    def arrived(self, version: str) -> None:
        self.seen.setdefault(version, []).append(time.monotonic())


async def phone(
    client: httpx.AsyncClient,
    url: str,
    code: str,
    number: int,
    questions: list[str],
    gaps: tuple[float, float],
    figures: Figures,
    room: Room,
    start_at: float,
) -> None:
    rng = random.Random(number)
    await asyncio.sleep(max(0.0, start_at - time.monotonic()))
    opened = time.monotonic()
    try:
        page = await client.get(f"{url}/?join={code}")
        page.raise_for_status()
        for suffix in ("js", "css"):
            (await client.get(f"{url}/phone/static/phone.{suffix}")).raise_for_status()
        device = {DEVICE_HEADER: f"phone-{number}"}  # as the page sends it
        info = await client.get(f"{url}/phone/api/workshop", params={"code": code}, headers=device)
        info.raise_for_status()
        shown = time.monotonic()
        figures.open_form.append(shown - opened)
        role = ROLE.options[number % len(ROLE.options)]
        joined = await client.post(
            f"{url}/phone/api/join",
            json={"code": code, "segments": {ROLE.name: role}},
            headers=device,
        )
        joined.raise_for_status()
        state = joined.json()
    except httpx.HTTPError:
        figures.fail("join")
        return
    now = time.monotonic()
    figures.join.append(now - shown)
    figures.first_question.append(now - opened)
    token = state["token"]
    room.streams.append(asyncio.create_task(follow(client, url, token, room, figures)))
    saved: dict[str, int | None] = {}
    try:
        for question in questions:
            await asyncio.sleep(rng.uniform(*gaps))
            level = None if rng.random() < 0.08 else rng.randint(1, 5)
            body = {"p": token, "question": question, "level": level}
            tapped = time.monotonic()
            for attempt in range(3):  # as the page does: a tap is sent again, never dropped
                try:
                    answer = await client.post(f"{url}/phone/api/answer", json=body)
                except httpx.HTTPError:
                    await asyncio.sleep(0.5 * (attempt + 1))
                    continue
                if answer.status_code == 200:
                    figures.taps.append(time.monotonic() - tapped)
                    saved[question] = level
                else:
                    figures.fail(f"tap {answer.status_code}")
                break
            else:
                figures.fail("tap unreachable")
    finally:
        figures.saved[token] = saved  # its event stream stays open until the room closes


async def follow(client: httpx.AsyncClient, url: str, token: str, room: Room, figures: Figures):
    """The phone's event stream: each move noted as it arrives (the room's result, once
    revealed, comes by the same stream)."""
    while True:
        try:
            async with client.stream(
                "GET", f"{url}/phone/api/events", params={"p": token}, timeout=None
            ) as stream:
                kind = None
                async for line in stream.aiter_lines():
                    if line.startswith("event: "):
                        kind = line[7:]
                    elif line.startswith("data: ") and kind == "moves":
                        moves = json.loads(line[6:])
                        room.arrived(moves["version"])
        except httpx.HTTPError:
            figures.fail("event stream")
            await asyncio.sleep(1.5)  # EventSource's retry


async def facilitator(workshops: WorkshopStore, secret: str, room: Room, every: float, stop):
    """Reveal, hide, and set the pace again now and then while the room answers."""
    moves = [
        lambda: workshops.reveal(secret, True),
        lambda: workshops.reveal(secret, False),
        lambda: workshops.set_pace(secret, "free"),
    ]
    n = 0
    while not stop.is_set():
        with suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), timeout=every)
            return
        record = await asyncio.to_thread(moves[n % len(moves)])
        room.moves[record.updated_at.isoformat()] = time.monotonic()
        n += 1


# --- one run -------------------------------------------------------------------------------------


async def play(urls: list[str], workshops, secret, code, args, questions, sampler) -> Figures:
    figures, room, stop_moves = Figures(), Room(), asyncio.Event()
    # One client per phone, as each phone is its own browser (six connections to a server, as
    # browsers keep). One client shared by hundreds of phones spent its CPU scanning its pool of
    # a thousand connections on every request, and slowed the phones it measured.
    limits = httpx.Limits(max_connections=6)
    timeout = httpx.Timeout(30.0)
    clients = [httpx.AsyncClient(limits=limits, timeout=timeout) for _ in range(args.phones)]
    try:
        begin = time.monotonic() + 0.5
        phones = [
            phone(
                clients[n],
                urls[n % len(urls)],
                code,
                n,
                questions,
                (args.gap_min, args.gap_max),
                figures,
                room,
                begin + args.arrival * n / max(1, args.phones),
            )
            for n in range(args.phones)
        ]
        mover = asyncio.create_task(
            facilitator(workshops, secret, room, args.move_every, stop_moves)
        )

        async def sampling():
            while True:
                sampler.sample()
                await asyncio.sleep(0.5)

        sampler_task = asyncio.create_task(sampling())
        try:
            await asyncio.wait_for(asyncio.gather(*phones), timeout=TIME_LIMIT)
        except TimeoutError:
            figures.fail("time limit")
        stop_moves.set()
        await mover
        # The last move: close the workshop, and wait for every phone to see it.
        phones_listening = len(figures.saved)
        record = await asyncio.to_thread(workshops.set_open, secret, False)
        room.moves[record.updated_at.isoformat()] = time.monotonic()
        await asyncio.sleep(2.0)
        sampler_task.cancel()
        for stream in room.streams:
            stream.cancel()
        await asyncio.gather(*room.streams, return_exceptions=True)
    finally:
        await asyncio.gather(*(client.aclose() for client in clients))
    for version, made in room.moves.items():
        arrivals = room.seen.get(version, [])
        figures.moves.extend(max(0.0, t - made) for t in arrivals)
        if version == record.updated_at.isoformat() and len(arrivals) < phones_listening:
            figures.fail("close not seen")
    return figures


def percentiles(values: list[float]) -> str:
    if not values:
        return "–"
    ordered = sorted(values)

    def at(q: float) -> float:
        return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]

    return f"{at(0.5):.3f} / {at(0.95):.3f} / {ordered[-1]:.3f} s"


def p95(values: list[float]) -> float:
    ordered = sorted(values) or [float("inf")]
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def check_database(workshops: WorkshopStore, workshop_id: int, figures: Figures) -> dict:
    lost = sum(
        1
        for token, given in figures.saved.items()
        for question, level in given.items()
        if workshops.answers_of(token).get(question, "missing") != level
    )
    expected = sum(len(given) for given in figures.saved.values())
    counts = workshops.counts(workshop_id)
    return {
        "joined": counts.joined,
        "answers": counts.answers,
        "lost": lost,
        "duplicated": counts.answers - expected,
    }


def run(args, database: str = "sqlite") -> dict:
    """One room on a fresh server (or two replicas on PostgreSQL); its figures."""
    folder = Path(tempfile.mkdtemp(prefix="live-room-"))
    cluster = None
    servers: list[StreamlitServer] = []
    try:
        if database == "postgresql":
            sys.path.insert(0, str(ROOT))
            from tests import postgres

            cluster = postgres.started_cluster()
            url = cluster.new_database()
            replicas = 2
        else:
            url = f"sqlite:///{folder / 'live.db'}"
            replicas = 1
        store = Store(url)
        workshops = WorkshopStore(store)
        questionnaire = load_questionnaire(DEFAULT_QUESTIONNAIRE)
        for _ in range(replicas):  # one by one: a server that fails to start stops the others
            servers.append(StreamlitServer(url, core=SERVER_CORE).start())
        urls = [server.url for server in servers]
        secret, record = workshops.create(questionnaire, "Live room", "fr", [ROLE])
        questions = [q.id for _, q in questionnaire.questions()][: args.questions or None]
        sampler = Sampler([server.process.pid for server in servers])
        client_cpu0, wall0 = time.process_time(), time.monotonic()
        figures = asyncio.run(
            play(urls, workshops, secret, record.join_code, args, questions, sampler)
        )
        wall = time.monotonic() - wall0
        result = {
            "database": database,
            "replicas": replicas,
            "phones": args.phones,
            "questions": len(questions),
            "figures": figures,
            "client_cpu": (time.process_time() - client_cpu0) / wall * 100,
            **sampler.figures(),
            **check_database(workshops, record.id, figures),
            "wall": wall,
        }
        store.dispose()
        return result
    finally:
        for server in servers:
            server.stop()
        if cluster is not None:
            cluster.stop()
        shutil.rmtree(folder, ignore_errors=True)


def report(result: dict) -> None:
    f: Figures = result["figures"]
    print(
        f"\n{result['phones']} phones × {result['questions']} questions, {result['database']}"
        f" ({result['replicas']} server{'s' if result['replicas'] > 1 else ''}), "
        f"{result['wall']:.0f} s, load average {os.getloadavg()[0]:.2f}"
    )
    print("                         p50 / p95 / max")
    print(f"  open link → join form  {percentiles(f.open_form)}")
    print(f"  join → first question  {percentiles(f.join)}")
    print(f"  link → first question  {percentiles(f.first_question)}  (no time to think)")
    print(f"  tap → saved            {percentiles(f.taps)}  ({len(f.taps)} taps)")
    print(f"  move → phone           {percentiles(f.moves)}  ({len(f.moves)} arrivals)")
    print(f"  failures               {f.failures or 0}")
    print(
        f"  client CPU {result['client_cpu']:.0f} %, server CPU {result['server_cpu']:.0f} %, "
        f"server RSS peak {result['server_rss']:.0f} MB"
    )
    print(
        f"  database: {result['joined']} joined, {result['answers']} answers, "
        f"{result['lost']} lost, {result['duplicated']} duplicated"
    )


def table_lines(result: dict) -> list[Figure]:
    """The run's lines for ``make bench``: reported (the goals are absolute times, see
    docs/workshop.md); a lost or duplicated answer, or a failed phone, fails the line."""
    f: Figures = result["figures"]
    room = f"live room, {result['phones']} phones × {result['questions']} questions"
    broken = result["lost"] or result["duplicated"] or f.failures
    return [
        Figure(
            name=f"{room}: tap → saved",
            baseline="",
            value=f"p95 {p95(f.taps) * 1000:.0f} ms",
            note=f"{len(f.taps)} taps, lost {result['lost']}, duplicated {result['duplicated']}",
            error=f"lost or failed: {result['lost']} lost, {f.failures}" if broken else None,
        ),
        Figure(
            name=f"{room}: link → first question",
            baseline="",
            value=f"p95 {p95(f.first_question):.2f} s",
        ),
        Figure(name=f"{room}: move → phone", baseline="", value=f"p95 {p95(f.moves):.2f} s"),
    ]


def find_max(args) -> None:
    """Step the room up until tap p95 passes 1 s (or something fails); the largest that held."""
    held = None
    for phones in range(args.phones, MAX_PHONES + 1, args.step):
        args.phones = phones
        result = run(args, args.database)
        report(result)
        figures = result["figures"]
        ok = (
            p95(figures.taps) <= 1.0
            and not figures.failures
            and result["lost"] == 0
            and result["duplicated"] == 0
        )
        if not ok:
            break
        held = phones
    print(f"\nlargest room holding tap p95 <= 1 s: {held} phones" if held else "\nno room held")


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m bench.live_room", description=__doc__.split("\n")[0]
    )
    p.add_argument("--phones", type=int, default=30)
    p.add_argument("--questions", type=int, default=10, help="0: the whole questionnaire")
    p.add_argument("--arrival", type=float, default=10.0, help="seconds over which phones join")
    p.add_argument("--gap-min", type=float, default=1.0)
    p.add_argument("--gap-max", type=float, default=3.0)
    p.add_argument("--move-every", type=float, default=4.0, help="seconds between moves")
    p.add_argument("--database", choices=["sqlite", "postgresql"], default="sqlite")
    p.add_argument("--find-max", action="store_true", help="step --phones up by --step")
    p.add_argument("--step", type=int, default=100)
    p.add_argument("--json", type=Path, help="write the table's lines to this file (make bench)")
    return p


def main(argv: list[str] | None = None) -> None:
    args = parser().parse_args(argv)
    args.phones = max(1, min(args.phones, MAX_PHONES))
    if shutil.which("taskset") and (os.cpu_count() or 1) >= 2:
        os.sched_setaffinity(0, {CLIENT_CORE})
    if args.find_max:
        find_max(args)
        return
    result = run(args, args.database)
    report(result)
    if args.json:
        write_figures(table_lines(result), args.json)


if __name__ == "__main__":
    main()
