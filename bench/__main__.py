"""Run every benchmark: `python -m bench` (or `make bench`).

Each benchmark runs in a process of its own (a clean interpreter: AppTest, multiprocessing
workers and module caches of one cannot break another) and writes its figures as JSON; this
runner prints them as one table at the end, writes them to bench/results.json and exits with 1
when a gated line fails or a benchmark did not finish. ``python -m bench answer_rerun …`` runs
only the named ones.
"""

from __future__ import annotations

import json
import platform
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from bench.measure import Figure

ROOT = Path(__file__).resolve().parent.parent
RESULTS = Path(__file__).resolve().parent / "results.json"

# (module, extra arguments, time limit in seconds). The live room's benchmarks run in their
# short versions (their full figures belong to the live-room issue): the whole run stays under
# five minutes on the 2-core development machine.
BENCHMARKS = [
    ("answer_rerun", [], 120),
    ("results_page", [], 120),
    ("waves_compare", [], 150),
    ("export_workbook", [], 90),
    ("export_pack", [], 180),
    ("benchmark_percentiles", [], 150),
    ("first_page", [], 120),
    ("idle_tabs", [], 120),
    ("workshop_load", ["--participants", "100", "--phones", "2"], 150),
    ("workshop_databases", ["--participants", "50"], 180),
    ("live_room", ["--phones", "50", "--questions", "10", "--arrival", "5"], 120),
    ("dashboard_delay", [], 120),
]


def run_one(module: str, arguments: list[str], limit: float) -> tuple[list[Figure], float]:
    with tempfile.TemporaryDirectory() as folder:
        output = Path(folder) / "figures.json"
        command = [sys.executable, "-m", f"bench.{module}", *arguments, "--json", str(output)]
        print(f"== bench.{module}", flush=True)
        began = time.perf_counter()
        try:
            done = subprocess.run(command, cwd=ROOT, timeout=limit, check=False)
            problem = None if done.returncode in (0, 1) else f"exit code {done.returncode}"
        except subprocess.TimeoutExpired:
            problem = f"stopped after {limit:.0f} s"
        elapsed = time.perf_counter() - began
        figures = (
            [Figure.from_json(item) for item in json.loads(output.read_text())]
            if output.exists()
            else []
        )
    if problem or not figures:
        figures.append(Figure(name=module, baseline="", error=problem or "no figures written"))
    print(flush=True)
    return figures, elapsed


def table(figures: list[Figure]) -> str:
    header = (
        "figure", "baseline", "ours ms", "base ms", "ratio", "p10–p90", "wall", "target", "result"
    )  # fmt: skip
    rows = [header]
    for f in figures:
        target = ""
        if f.target is not None:
            target = f"≤ {f.target:g}×" + (f", p90 ≤ {f.p90_target:g}×" if f.p90_target else "")
        rows.append(
            (
                f.name,
                f.baseline,
                "" if f.ours_ms is None else f"{f.ours_ms:.1f}",
                "" if f.baseline_ms is None else f"{f.baseline_ms:.1f}",
                f.value or ("" if f.ratio is None else f"{f.ratio:.2f}×"),
                "" if not f.pairs else f"{f.p10:.2f}–{f.p90:.2f}× ({f.pairs} pairs)",
                "" if f.wall_ratio is None else f"{f.wall_ratio:.2f}×",
                target,
                (f.error and f"FAIL: {f.error}")
                or {True: "pass", False: "FAIL", None: "reported"}[f.passed],
            )
        )
    sizes = [max(len(str(row[i])) for row in rows) for i in range(len(header))]
    lines = [" | ".join(str(c).ljust(s) for c, s in zip(row, sizes, strict=True)) for row in rows]
    lines.insert(1, "-+-".join("-" * s for s in sizes))
    return "\n".join(lines)


def main(selected: list[str]) -> int:
    chosen = [b for b in BENCHMARKS if not selected or b[0] in selected]
    unknown = set(selected) - {b[0] for b in BENCHMARKS}
    if unknown:
        print(f"unknown benchmark(s): {', '.join(sorted(unknown))}", file=sys.stderr)
        return 2
    began = time.perf_counter()
    figures: list[Figure] = []
    durations = {}
    for module, arguments, limit in chosen:
        found, durations[module] = run_one(module, arguments, limit)
        figures.extend(found)
    total = time.perf_counter() - began
    print(table(figures))
    failed = [f for f in figures if f.passed is False]
    print(
        f"\n{len(figures)} lines, {sum(f.gated for f in figures)} gated, {len(failed)} failed;"
        f" {total:.0f} s in all ({', '.join(f'{m} {s:.0f} s' for m, s in durations.items())})"
    )
    if not selected:  # a partial run does not replace the latest whole one
        RESULTS.write_text(
            json.dumps(
                {
                    "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
                    "python": platform.python_version(),
                    "seconds": round(total, 1),
                    "figures": [f.as_json() for f in figures],
                },
                indent=2,
                ensure_ascii=False,
            )
            + "\n"
        )
        print(f"written to {RESULTS.relative_to(ROOT)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
