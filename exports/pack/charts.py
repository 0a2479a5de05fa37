"""The report's figures as PNG images, drawn by matplotlib without a display or a browser:
the radar, the ambition / capability map, the dimension bars and the roadmap timeline. The
palette is the app's (``assessment.reading.chart_style``), the font DejaVu Sans, shipped with
matplotlib and embedded in the PDF, so nothing depends on the machine's fonts."""

from __future__ import annotations

import io
import math
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # no display, no browser: a fresh server renders the same

from matplotlib import pyplot as plt
from matplotlib.figure import Figure
from matplotlib.patches import Polygon, Rectangle

from assessment import formatting as fmt
from assessment.reading.chart_style import (
    GRID,
    INK,
    MUTED,
    NAVY,
    NO_ANSWER,
    STALL,
    ZONE_FILLS,
    wrap_label,
)
from assessment.results import Quadrant
from exports.pack.story import Story

FONTS = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
DPI = 200
STALL_ZONE = "#f6d9d5"
PHASE_COLOURS = ["#8fb3d9", NAVY, "#3b7d5a"]

plt.rcParams.update({"font.family": "DejaVu Sans", "font.size": 9, "text.color": INK})


def _png(figure: Figure, **options) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI, facecolor="white", **options)
    plt.close(figure)
    return buffer.getvalue()


def radar(story: Story, size: tuple[float, float] = (3.6, 3.4)) -> bytes:
    """One axis per dimension, 0-100, the labels inside the figure's frame."""
    labels = [wrap_label(title, 16, "\n") for title, _ in story.dimensions]
    scores = [score or 0.0 for _, score in story.dimensions]
    count = len(labels)
    angles = [math.pi / 2 - 2 * math.pi * i / count for i in range(count)]
    if count == 4:  # on the diagonals, as on the screen, so that no label sits at an edge
        angles = [a + math.pi / 4 for a in angles]
    angles = [a % (2 * math.pi) for a in angles]
    figure = plt.figure(figsize=size)
    axes = figure.add_axes([0.2, 0.16, 0.6, 0.64], projection="polar")
    axes.set_ylim(0, 100)
    axes.set_yticks([25, 50, 75, 100], ["25", "50", "75", ""], color=MUTED, fontsize=6)
    axes.set_xticks(angles, [""] * count)
    axes.grid(color=GRID, linewidth=0.6)
    axes.spines["polar"].set_color(GRID)
    closed = angles + angles[:1]
    axes.fill(closed, scores + scores[:1], color=NAVY, alpha=0.22, linewidth=0)
    axes.plot(closed, scores + scores[:1], color=NAVY, linewidth=1.6)
    for angle, value, (_, raw) in zip(angles, scores, story.dimensions, strict=True):
        axes.plot([angle], [value], "o", color=NAVY if raw is not None else NO_ANSWER, ms=4)
    for angle, label, (_, raw) in zip(angles, labels, story.dimensions, strict=True):
        shown = f"{label}\n{fmt.score(raw, story.lang) if raw is not None else '—'}"
        x, y = math.cos(angle), math.sin(angle)
        axes.annotate(
            shown,
            xy=(angle, 100),
            xytext=(x * 14, y * 12),
            textcoords="offset points",
            ha="center" if abs(x) < 0.3 else ("left" if x > 0 else "right"),
            va="center" if abs(y) < 0.3 else ("bottom" if y > 0 else "top"),
            fontsize=7,
            annotation_clip=False,
        )
    # The frame grows to the labels: a long one at the side ("Data handling") was cut.
    return _png(figure, bbox_inches="tight", pad_inches=0.05)


def ambition_map(story: Story, size: tuple[float, float] = (3.6, 3.4)) -> bytes | None:
    """Internal capability (x) against customer ambition (y): four zones at the midpoint, the
    balance line, the stall zone above it and the organisation; None without a symmetry."""
    point = story.map_point
    if point is None:
        return None
    figure = plt.figure(figsize=size)
    axes = figure.add_axes([0.17, 0.16, 0.78, 0.78])
    mid, threshold = point.midpoint, point.threshold
    zones = {
        Quadrant.grounded: (0, 0),
        Quadrant.untapped: (mid, 0),
        Quadrant.stall_risk: (0, mid),
        Quadrant.airborne: (mid, mid),
    }
    for quadrant, (x, y) in zones.items():
        width = mid if x == 0 else 100 - mid
        height = mid if y == 0 else 100 - mid
        axes.add_patch(Rectangle((x, y), width, height, color=ZONE_FILLS[quadrant], zorder=0))
        axes.text(
            x + width / 2,
            y + 3,  # at the foot of each zone: the top edge is where a stall plots
            wrap_label(story.word(f"core.quadrant_{quadrant.value}"), 18, "\n"),
            ha="center",
            va="bottom",
            fontsize=6.5,
            color=MUTED,
        )
    stall = [(0, threshold), (100 - threshold, 100), (0, 100)]
    axes.add_patch(Polygon(stall, closed=True, color=STALL_ZONE, alpha=0.6, zorder=1, lw=0))
    axes.plot([0, 100 - threshold], [threshold, 100], color=STALL, lw=0.8, ls="--", zorder=2)
    axes.plot([0, 100], [0, 100], color=MUTED, lw=0.8, zorder=2)
    axes.axvline(mid, color=MUTED, lw=0.6, ls=":")
    axes.axhline(mid, color=MUTED, lw=0.6, ls=":")
    colour = STALL if point.stall else NAVY
    axes.plot([point.internal], [point.customer], "o", color=colour, ms=7, zorder=3, clip_on=False)
    axes.annotate(
        f"{fmt.number(point.internal, story.lang)} · {fmt.number(point.customer, story.lang)}",
        (point.internal, point.customer),
        xytext=(8 if point.internal < 70 else -8, -12 if point.customer > 90 else -3),
        textcoords="offset points",
        ha="left" if point.internal < 70 else "right",
        fontsize=7,
        color=colour,
        fontweight="bold",
    )
    axes.set_xlim(0, 100)
    axes.set_ylim(0, 100)
    axes.set_xticks([0, 25, 50, 75, 100])
    axes.set_yticks([0, 25, 50, 75, 100])
    axes.tick_params(labelsize=6.5, colors=MUTED)
    axes.set_xlabel(story.word("chart.internal_axis"), fontsize=7)
    axes.set_ylabel(story.word("chart.customer_axis"), fontsize=7)
    for spine in axes.spines.values():
        spine.set_color(GRID)
    return _png(figure)


def bars(story: Story, size: tuple[float, float] = (6.6, 2.2)) -> bytes:
    """One horizontal bar per dimension, its score written at its end."""
    titles = [title for title, _ in story.dimensions][::-1]
    scores = [score for _, score in story.dimensions][::-1]
    figure = plt.figure(figsize=size)
    axes = figure.add_axes([0.36, 0.12, 0.6, 0.84])
    values = [s or 0 for s in scores]
    axes.barh(titles, values, color=[NAVY if s is not None else NO_ANSWER for s in scores])
    for row, value in enumerate(scores):
        text = fmt.number(value, story.lang) if value is not None else "—"
        axes.text((value or 0) + 1.5, row, text, va="center", fontsize=7)
    axes.set_xlim(0, 100)
    axes.tick_params(labelsize=7, colors=INK)
    axes.set_yticks(range(len(titles)), [wrap_label(t, 34, "\n") for t in titles])
    for spine in ("top", "right"):
        axes.spines[spine].set_visible(False)
    axes.grid(axis="x", color=GRID, lw=0.5)
    axes.set_axisbelow(True)
    return _png(figure)


def timeline(story: Story, width: float = 6.8) -> bytes | None:
    """The roadmap as a timeline: one bar per action, coloured by phase, numbered."""
    roadmap = story.roadmap
    if roadmap is None or not roadmap.actions():
        return None
    actions = roadmap.actions()
    figure = plt.figure(figsize=(width, 0.9 + 0.2 * len(actions)))
    axes = figure.add_axes([0.06, 0.12, 0.92, 0.86])
    phases = {phase.phase: n for n, phase in enumerate(roadmap.phases)}
    origin = roadmap.start
    for row, action in enumerate(actions):
        left = (action.start - origin).days
        length = (action.end - action.start).days + 1
        colour = PHASE_COLOURS[phases[action.phase] % len(PHASE_COLOURS)]
        axes.barh(row, length, left=left, color=colour, height=0.7)
        axes.text(left + length + 2, row, action.number, va="center", fontsize=6.5)
    total = (roadmap.end - origin).days + 1
    axes.set_xlim(0, total * 1.06)
    axes.set_ylim(len(actions) - 0.4, -0.6)
    axes.set_yticks([])
    months = _month_ticks(origin, roadmap.end, story.lang)
    axes.set_xticks([d for d, _ in months], [label for _, label in months], fontsize=6.5)
    for spine in ("top", "right", "left"):
        axes.spines[spine].set_visible(False)
    handles = [
        Rectangle((0, 0), 1, 1, color=PHASE_COLOURS[n % len(PHASE_COLOURS)])
        for n in range(len(roadmap.phases))
    ]
    axes.legend(
        handles,
        [phase.title(story.lang) for phase in roadmap.phases],
        loc="upper right",
        fontsize=6.5,
        frameon=False,
    )
    axes.grid(axis="x", color=GRID, lw=0.5)
    axes.set_axisbelow(True)
    return _png(figure)


def _month_ticks(start, end, lang) -> list[tuple[int, str]]:
    """The first day of each month the roadmap spans (every other one past a year)."""
    ticks, year, month = [], start.year, start.month
    while True:
        month, year = (1, year + 1) if month == 12 else (month + 1, year)
        first = start.replace(year=year, month=month, day=1)
        if first > end:
            break
        ticks.append(((first - start).days, fmt.month(first, lang)))
    return ticks[:: 1 if len(ticks) <= 8 else 2]
