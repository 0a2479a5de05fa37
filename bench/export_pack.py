"""Time to build the steering committee's PDF report and slide deck, against the workbook of
the same assessment, built in the same run.

The assessment is the workbook benchmark's (bench/export_workbook.py): 48 questions answered
and commented, its generated roadmap and pilot KPIs, and a 200-participant workshop. The issue's
budgets are absolute (the PDF in at most 3 s, the deck in at most 2 s); each is gated as the
ratio to the workbook that this budget allows on this machine, in this run (3,000 ms over the
workbook's median), so that the line reads like every other of the table. The first file of a
fresh process (reportlab, matplotlib and python-pptx loaded then) is reported beside.
"""

from __future__ import annotations

import time
from datetime import date

from bench.export_workbook import (
    PARTICIPANTS,
    QUESTIONS,
    bundle_for,
    questionnaire_with,
    workshop_room,
)
from bench.measure import Figure, cli, interleaved
from exports.pack import Brand, build_deck, build_report
from exports.workbook import full_workbook

PAIRS = 20
BUDGETS_MS = {"pdf": 3000, "pptx": 2000}
BRAND = Brand(firm="Bench & Associés", confidentiality="Confidentiel")


def figures() -> list[Figure]:
    questionnaire = questionnaire_with(QUESTIONS)
    bundle = bundle_for(questionnaire, workshop_room(questionnaire, PARTICIPANTS))
    today = date(2026, 11, 23)
    builders = {
        "pdf": lambda: build_report(questionnaire, bundle, today, brand=BRAND),
        "pptx": lambda: build_deck(questionnaire, bundle, today, brand=BRAND),
    }
    first = {}
    for kind, build in builders.items():  # cold: the libraries load on the first file
        started = time.perf_counter()
        build()
        first[kind] = time.perf_counter() - started

    def workbook() -> bytes:
        return full_workbook(questionnaire, bundle, today)

    lines = []
    names = {"pdf": "PDF report", "pptx": "slide deck"}
    for kind, build in builders.items():
        pairs = interleaved(build, workbook, PAIRS)
        probe = pairs.figure("", "")
        target = BUDGETS_MS[kind] / probe.baseline_ms
        lines.append(
            pairs.figure(
                f"{names[kind]}: assessment, roadmap, workshop",
                "workbook of the same assessment",
                target=round(target, 1),
                note=f"≤ {BUDGETS_MS[kind] / 1000:g} s: {BUDGETS_MS[kind]:,} ms over the "
                f"workbook's {probe.baseline_ms:.0f} ms",
            )
        )
        lines.append(
            Figure(
                name=f"{names[kind]}: first of a fresh process",
                baseline="",
                value=f"{first[kind]:.2f} s",
                note="libraries loaded on the first file",
            )
        )
        size = len(build())
        print(f"{names[kind]}: {size:,} bytes, first in {first[kind]:.2f} s")
    return lines


if __name__ == "__main__":
    cli(figures)
