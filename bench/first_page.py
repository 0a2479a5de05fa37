"""The first page after a start: a fresh interpreter's first run of the app (the start page),
against a fresh interpreter's first run of a bare page in the same frame. Reported, not gated.

What the first visitor waits for beyond Streamlit itself: importing the product (pydantic
models, plotly, the store), reading the questionnaires and opening the database. Each round is
two new processes, ours and the bare page's, in alternating order; the figure is the median of
the round ratios (wall clock: a process start is what is measured).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.answer_rerun import bare_frame
from bench.measure import Figure, Pairs, cli

ROOT = Path(__file__).resolve().parent.parent
ROUNDS = 3

CHILD = """
import json, sys, time
began = time.perf_counter()
from streamlit.testing.v1 import AppTest
at = AppTest.from_file(sys.argv[1], default_timeout=120).run()
assert not at.exception, at.exception
print(json.dumps(time.perf_counter() - began))
"""


def first_run(script: Path, database: Path) -> float:
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{database}"}
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(script)],
        cwd=ROOT, env=env, capture_output=True, text=True, check=True, timeout=120,
    )  # fmt: skip
    return json.loads(done.stdout.strip().splitlines()[-1])


def figures() -> list[Figure]:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        bare_router = bare_frame(folder, "import streamlit as st\nst.title('Bare')\n")
        pairs = Pairs()
        for round_ in range(ROUNDS):
            runs = [(ROOT / "app.py", pairs.ours), (bare_router, pairs.baseline)]
            for script, times in runs[:: -1 if round_ % 2 else 1]:
                times.append(first_run(script, folder / f"first{round_}.db"))
        pairs.ours_wall, pairs.baseline_wall = pairs.ours, pairs.baseline
    figure = pairs.figure("first page after start", "bare page, fresh process")
    print(
        f"first run in a fresh process, {ROUNDS} rounds: ours {figure.ours_ms:.0f} ms,"
        f" bare {figure.baseline_ms:.0f} ms"
    )
    figure.pairs = 0  # too few rounds for a spread worth showing
    figure.note = f"median of {ROUNDS} rounds, wall clock"
    return [figure]


if __name__ == "__main__":
    cli(figures)
