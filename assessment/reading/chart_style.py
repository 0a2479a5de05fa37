"""The look shared by every figure: palette (calm, readable in print and in greyscale: scores
in navy, zones in light tints, the stall zone in a muted red), system fonts (nothing fetched,
print uses the same faces), the figures' words and label wrapping."""

from __future__ import annotations

import re

import plotly.graph_objects as go

from assessment.results import Quadrant

HEIGHT = 420
INK = "#1f2933"
# System fonts only: nothing is fetched from the web, and print uses the same faces.
FONT = dict(
    family="system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
    size=12,
    color=INK,
)
MUTED = "#6b7280"
NAVY = "#1f4e79"
NAVY_FILL = "rgba(31, 78, 121, 0.22)"
NO_ANSWER = "#9aa1ab"
STALL = "#b03a2e"
STALL_FILL = "rgba(176, 58, 46, 0.13)"
STALL_SWATCH = "#e2a9a2"
GRID = "#d5d9de"
ZONE_FILLS = {
    Quadrant.grounded: "#f1f2f4",
    Quadrant.stall_risk: "#fbeeec",
    Quadrant.untapped: "#edf2f8",
    Quadrant.airborne: "#ecf5ef",
}
CHAR_WIDTH, TEXT_HEIGHT = 2.4, 5  # size of a small label, in points of the axes, on a phone
WRAP = 12  # characters per line of a radar axis label: four labels fit a 375 px phone


def wrap_label(text: str, width: int = WRAP, separator: str = "<br>") -> str:
    """Lines of about ``width`` characters, broken at spaces or after a dash
    ("Customer–employee" may become "Customer–" and "employee"); words are never cut."""
    # Plain spaces only: a no-break space (French "?" or "%") keeps its neighbours together.
    words = [w for w in re.split(r"[ \t\n]+|(?<=[–—-])(?=\w)", text.strip()) if w]
    lines: list[str] = []
    for word in words:
        glue = "" if lines and lines[-1].endswith(("–", "—", "-")) else " "
        if lines and len(lines[-1]) + len(glue) + len(word) <= width:
            lines[-1] += glue + word
        else:
            lines.append(word)
    return separator.join(lines)


def hover_points(
    uid: str, scores: list[float], labels: list[str], colours: list[str], hovers: list[str]
) -> go.Scatterpolar:
    """One point per dimension of a radar, coloured (navy, or grey for no answer), carrying
    the hover; the lines are drawn by other traces."""
    return go.Scatterpolar(
        uid=uid,
        r=scores,
        theta=labels,
        mode="markers",
        marker=dict(size=9, color=colours, line=dict(color="white", width=1.5)),
        text=hovers,
        hovertemplate="%{text}<extra></extra>",
        showlegend=False,
    )


def radar_axes(count: int) -> dict:
    """The polar layout of a radar with ``count`` axes, 0-100. Four axes go on the diagonals,
    so that no label sits at the narrow left and right edges of a phone screen (otherwise the
    first axis points up); the scale reads along an axis pointing up or up-right."""
    four = count == 4
    return dict(
        bgcolor="white",
        gridshape="linear" if count >= 3 else "circular",
        radialaxis=dict(
            range=[0, 100],
            tickvals=[25, 50, 75, 100],
            ticktext=["25", "50", "75", ""],  # 100 is the outline, beside an axis label
            tickfont=dict(size=9, color=MUTED),
            tickangle=0,
            gridcolor=GRID,
            showline=False,
            angle=45 if four else 90,
        ),
        angularaxis=dict(
            direction="clockwise",
            rotation=135 if four else 90,
            tickfont=dict(size=11, color=INK),
            gridcolor=GRID,
            linecolor=GRID,
        ),
    )
