"""What every benchmark shares: timing in interleaved pairs, one figure per line, its JSON.

A figure is a ratio of our time to a baseline's measured in the same process and the same
minute. Both are timed in pairs, one right after the other, the order alternating from one pair
to the next, and the ratio is taken per pair: a burst of load from another process slows both
halves of the pairs it falls on, so it moves the ratio much less than it moves either time.
When a pair times several calls of each, the calls alternate one by one, for the same reason.
The figure is the median of the pair ratios; p10 and p90 say how much they spread.

Each half is timed on the process's CPU clock (``time.process_time``, every thread of the
process: AppTest runs the page in a thread of its own): on a machine shared with other work,
the wall clock also counts the time the process waited for a core, which says nothing about our
code. The wall-clock ratio is kept alongside (``wall_ratio``); on an idle machine the two agree,
as everything measured here is in-process work (SQLite included). As ``timeit`` does, the
garbage collector is kept out of the timed halves (it runs, untimed, between the pairs): a
collection landing in one half or the other was the largest single source of spread.
"""

from __future__ import annotations

import argparse
import gc
import json
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

PAIRS = 25  # at least 20: enough for a p90 that means something


@dataclass
class Figure:
    """One line of the table. Times are medians in milliseconds."""

    name: str
    baseline: str
    ours_ms: float | None = None
    baseline_ms: float | None = None
    ratio: float | None = None
    p10: float | None = None
    p90: float | None = None
    pairs: int = 0
    target: float | None = None  # the median ratio must be at most this (None: reported only)
    p90_target: float | None = None  # and the p90 of the ratios at most this
    value: str | None = None  # a reported figure that is not a ratio (memory, a time)
    note: str = ""
    error: str | None = None  # the benchmark failed: the line fails
    wall_ratio: float | None = None  # the median pair ratio on the wall clock

    @property
    def gated(self) -> bool:
        return self.target is not None

    @property
    def passed(self) -> bool | None:
        if self.error is not None:
            return False
        if not self.gated:
            return None
        if self.ratio is None:
            return False
        return self.ratio <= self.target and (
            self.p90_target is None or (self.p90 is not None and self.p90 <= self.p90_target)
        )

    def as_json(self) -> dict:
        return {**asdict(self), "gated": self.gated, "passed": self.passed}

    @classmethod
    def from_json(cls, data: dict) -> Figure:
        known = {f for f in cls.__dataclass_fields__}
        return cls(**{k: v for k, v in data.items() if k in known})


@dataclass
class Pairs:
    ours: list[float] = field(default_factory=list)  # CPU seconds per half
    baseline: list[float] = field(default_factory=list)
    ours_wall: list[float] = field(default_factory=list)
    baseline_wall: list[float] = field(default_factory=list)

    @property
    def ratios(self) -> list[float]:
        return [o / b for o, b in zip(self.ours, self.baseline, strict=True)]

    @property
    def wall_ratios(self) -> list[float]:
        return [o / b for o, b in zip(self.ours_wall, self.baseline_wall, strict=True)]

    def figure(self, name: str, baseline: str, **details) -> Figure:
        ratios = self.ratios
        return Figure(
            name=name,
            baseline=baseline,
            ours_ms=statistics.median(self.ours) * 1000,
            baseline_ms=statistics.median(self.baseline) * 1000,
            ratio=statistics.median(ratios),
            p10=quantile(ratios, 0.1),
            p90=quantile(ratios, 0.9),
            pairs=len(ratios),
            wall_ratio=statistics.median(self.wall_ratios),
            **details,
        )


def quantile(values: Sequence[float], p: float) -> float:
    """Linear interpolation between the sorted values (as pandas and numpy do)."""
    ordered = sorted(values)
    h = (len(ordered) - 1) * p
    below = int(h)
    if below + 1 >= len(ordered):
        return ordered[below]
    return ordered[below] + (h - below) * (ordered[below + 1] - ordered[below])


def timed(function: Callable[[], object]) -> float:
    started = time.perf_counter()
    function()
    return time.perf_counter() - started


def interleaved(
    ours: Callable[[], object],
    baseline: Callable[[], object],
    pairs: int = PAIRS,
    warmup: int = 2,
    repeat: int = 1,
) -> Pairs:
    """Time ``pairs`` pairs, alternating which side runs first. With ``repeat`` calls per
    side (for operations too short to time one by one), the two sides still alternate call by
    call, so that a burst of load lasting a few calls falls on both rather than on one."""
    sides = (ours, baseline)
    for _ in range(warmup):
        ours()
        baseline()
    result = Pairs()
    collecting = gc.isenabled()
    try:
        for index in range(pairs):
            gc.collect(1)  # the young garbage of the last pair; a full collection is slow
            gc.disable()
            cpu, wall = [0.0, 0.0], [0.0, 0.0]
            for call in range(repeat):
                for side in (0, 1) if (index + call) % 2 == 0 else (1, 0):
                    started, started_wall = time.process_time(), time.perf_counter()
                    sides[side]()
                    cpu[side] += time.process_time() - started
                    wall[side] += time.perf_counter() - started_wall
            if collecting:
                gc.enable()
            result.ours.append(cpu[0] / repeat)
            result.baseline.append(cpu[1] / repeat)
            result.ours_wall.append(wall[0] / repeat)
            result.baseline_wall.append(wall[1] / repeat)
    finally:
        if collecting:
            gc.enable()
    return result


def cli(figures: Callable[[], list[Figure]]) -> None:
    """A benchmark's command line: prints its details; ``--json FILE`` also writes its figures."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--json", type=Path, help="write the figures to this file")
    arguments = parser.parse_args()
    write_figures(figures(), arguments.json)


def write_figures(results: list[Figure], path: Path | None) -> None:
    """Print the lines, write them as JSON when asked, exit 1 when one fails."""
    for figure in results:
        print(f"  → {describe(figure)}")
    if path:
        path.write_text(json.dumps([f.as_json() for f in results], indent=2))
    sys.exit(0 if all(f.passed is not False for f in results) else 1)


def describe(figure: Figure) -> str:
    if figure.error:
        return f"{figure.name}: FAILED ({figure.error})"
    if figure.ratio is None:
        return f"{figure.name}: {figure.value}"
    spread = f" (p10 {figure.p10:.2f}×, p90 {figure.p90:.2f}×)" if figure.pairs else ""
    verdict = {True: "pass", False: "FAIL", None: "reported"}[figure.passed]
    return f"{figure.name}: {figure.ratio:.2f}×{spread} {verdict}"


def share_script_cache() -> None:
    """Let AppTest keep compiled scripts from one run to the next, as a running server does
    (AppTest compiles every page anew on each run, a cost no user pays). Applies to our pages
    and to the baselines alike."""
    from streamlit.runtime.scriptrunner.script_cache import ScriptCache
    from streamlit.testing.v1 import app_test, local_script_runner

    shared = ScriptCache()
    app_test.ScriptCache = local_script_runner.ScriptCache = lambda: shared
