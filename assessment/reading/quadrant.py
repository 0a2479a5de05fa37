"""The ambition / capability map: customer ambition against internal capability, the four zones,
the balance line and the stall zone, with the organisation placed on it."""

from __future__ import annotations

import plotly.graph_objects as go

from assessment import formatting as fmt
from assessment.i18n import say
from assessment.models import Language, Questionnaire
from assessment.reading.chart_style import (
    CHAR_WIDTH,
    FONT,
    GRID,
    HEIGHT,
    INK,
    MUTED,
    NAVY,
    STALL,
    STALL_FILL,
    STALL_SWATCH,
    TEXT_HEIGHT,
    ZONE_FILLS,
    wrap_label,
)
from assessment.results import Quadrant, Result


def quadrant_chart(questionnaire: Questionnaire, result: Result, lang: Language) -> go.Figure:
    """Internal capability (x) against customer ambition (y), split into the four quadrants at
    the questionnaire's midpoint, with the balance diagonal and the stall zone above it.

    Without a symmetry index (a side has no answer) the map is drawn empty, with a note
    saying which side needs answers.
    """
    symmetry = result.symmetry
    midpoint = questionnaire.symmetry.midpoint
    threshold = symmetry.stall_threshold
    position = (
        (symmetry.internal_score, symmetry.customer_score) if symmetry.index is not None else None
    )

    shapes = [_zone(quadrant, midpoint) for quadrant in Quadrant]
    # Stall zone: customer - internal >= threshold, i.e. above the line y = x + threshold.
    shapes += map_lines(
        midpoint, f"M 0,{threshold} L {100 - threshold},100 L 0,100 Z", "stall_zone"
    )
    avoid = [] if position is None else _organisation_footprint(*position, lang)
    annotations = [_zone_label(quadrant, midpoint, avoid, lang) for quadrant in Quadrant]
    annotations.append(_key(threshold, lang))

    figure = go.Figure()
    if position is None:
        annotations.append(_needs_both_sides(result, lang))
    else:
        figure.add_trace(_organisation(result, lang))

    map_layout(
        figure,
        shapes,
        annotations,
        say("chart.internal_axis", lang),
        say("chart.customer_axis", lang),
    )
    return figure


def map_lines(midpoint: float, warning_path: str, warning_name: str) -> list[dict]:
    """What every two-score map draws over its zones: the midpoint cross, a warning zone
    beside the diagonal (an SVG path) and the diagonal of balance."""
    return [
        _line(midpoint, 0, midpoint, 100, colour=MUTED, width=1, dash="dot"),
        _line(0, midpoint, 100, midpoint, colour=MUTED, width=1, dash="dot"),
        dict(
            type="path",
            path=warning_path,
            xref="x",
            yref="y",
            fillcolor=STALL_FILL,
            line=dict(color=STALL, width=1, dash="dash"),
            layer="below",
            name=warning_name,
        ),
        _line(0, 0, 100, 100, colour=MUTED, width=1.5, dash="dash", name="balanced"),
    ]


def map_layout(
    figure: go.Figure,
    shapes: list[dict],
    annotations: list[dict],
    x_title: str,
    y_title: str,
    **extra: object,
) -> None:
    """The layout of a square 0-100 map, fixed for a phone."""
    figure.update_layout(
        height=HEIGHT,
        margin=dict(l=64, r=20, t=52, b=56),
        font=FONT,
        paper_bgcolor="white",
        plot_bgcolor="white",
        showlegend=False,
        dragmode=False,
        hoverlabel=dict(bgcolor="white", bordercolor=NAVY, font=dict(color=INK)),
        shapes=shapes,
        annotations=annotations,
        xaxis=_axis(x_title),
        # Square: the diagonal is at 45 degrees on every screen.
        yaxis=_axis(y_title, scaleanchor="x", scaleratio=1),
    )
    if extra:
        figure.update_layout(**extra)


def _axis(title: str, **extra: object) -> dict:
    """A 0-100 score axis of the map, fixed (no zoom on a phone), constrained to its square."""
    return dict(
        title=dict(text=title),
        range=[0, 100],
        tickvals=[0, 25, 50, 75, 100],
        showgrid=False,
        zeroline=False,
        linecolor=GRID,
        fixedrange=True,
        constrain="domain",
        **extra,
    )


def _zone(quadrant: Quadrant, midpoint: float) -> dict:
    x0, x1, y0, y1 = _zone_bounds(quadrant, midpoint)
    return _shape(
        "rect",
        (x0, y0, x1, y1),
        fillcolor=ZONE_FILLS[quadrant],
        line=dict(width=0),
        name=f"zone_{quadrant.value}",
    )


def _shape(kind: str, corners: tuple[float, float, float, float], **style: object) -> dict:
    """A shape in the axes' coordinates, drawn below the points."""
    x0, y0, x1, y1 = corners
    return dict(type=kind, xref="x", yref="y", x0=x0, y0=y0, x1=x1, y1=y1, layer="below", **style)


def _zone_bounds(quadrant: Quadrant, midpoint: float) -> tuple[float, float, float, float]:
    """x0, x1, y0, y1 (x = internal capability, y = customer ambition)."""
    internal_high = quadrant in (Quadrant.untapped, Quadrant.airborne)
    customer_high = quadrant in (Quadrant.stall_risk, Quadrant.airborne)
    x0, x1 = (midpoint, 100) if internal_high else (0, midpoint)
    y0, y1 = (midpoint, 100) if customer_high else (0, midpoint)
    return x0, x1, y0, y1


Corner = tuple[float, float, str, str]  # x, y, xanchor, yanchor
Box = tuple[float, float, float, float]  # x0, x1, y0, y1, in points of the axes


def _label_corners(quadrant: Quadrant, midpoint: float) -> list[Corner]:
    """Where a quadrant's name may go, preferred first: corners the diagonal does not cross,
    and, for the bottom row, apart from each other."""
    x0, x1, y0, y1 = _zone_bounds(quadrant, midpoint)
    top_left = (x0 + 2, y1 - 2, "left", "top")
    top_right = (x1 - 2, y1 - 2, "right", "top")
    bottom_left = (x0 + 2, y0 + 2, "left", "bottom")
    bottom_right = (x1 - 2, y0 + 2, "right", "bottom")
    return {
        Quadrant.stall_risk: [top_left, bottom_left, top_right],
        Quadrant.airborne: [bottom_right, (x0 + 2, y1 - 8, "left", "top")],
        Quadrant.untapped: [bottom_right, top_right, bottom_left],
        # The diagonal leaves the bottom-left corner: start the text a little to its right.
        Quadrant.grounded: [(x0 + 8, y0 + 2, "left", "bottom"), bottom_right, top_left],
    }[quadrant]


def _text_box(x: float, y: float, xanchor: str, yanchor: str, text: str) -> Box:
    """Roughly the area a short label covers, in points of the axes, on a phone-sized map."""
    width, height = len(text) * CHAR_WIDTH, TEXT_HEIGHT
    x0 = {"left": x, "right": x - width}.get(xanchor, x - width / 2)
    y0 = {"bottom": y, "top": y - height}.get(yanchor, y - height / 2)
    return x0, x0 + width, y0, y0 + height


def _overlap(a: Box, b: Box) -> bool:
    return a[0] < b[1] and b[0] < a[1] and a[2] < b[3] and b[2] < a[3]


def _zone_label(quadrant: Quadrant, midpoint: float, avoid: list[Box], lang: Language) -> dict:
    """The quadrant's name in a corner of its zone; another corner when the organisation's
    marker or its label would cover it."""
    name = say("core.quadrant_" + quadrant.value, lang)
    corners = _label_corners(quadrant, midpoint)
    boxes = [_text_box(*corner, name) for corner in corners]
    free = [
        c for c, box in zip(corners, boxes, strict=True) if not any(_overlap(box, a) for a in avoid)
    ]
    x, y, xanchor, yanchor = free[0] if free else corners[0]
    return dict(
        x=x,
        y=y,
        xref="x",
        yref="y",
        text=f"<b>{name}</b>",
        showarrow=False,
        xanchor=xanchor,
        yanchor=yanchor,
        font=dict(size=10.5, color=INK),
        name=f"quadrant_{quadrant.value}",
    )


def _key(threshold: float, lang: Language) -> dict:
    """A small key above the map: the stall zone and the balance line."""
    stall = say("chart.stall_zone", lang, threshold=fmt.points(threshold, lang))
    return map_key(stall, say("chart.balanced", lang))


def map_key(warning: str, balanced: str) -> dict:
    """A small key above a two-score map: its warning zone and the balance line."""
    return dict(
        x=0,
        y=1,
        xref="paper",
        yref="paper",
        xanchor="left",
        yanchor="bottom",
        yshift=12,
        align="left",
        showarrow=False,
        text=(
            f'<span style="color:{STALL_SWATCH}">■</span> {warning}<br>'
            f'<span style="color:{MUTED}">╱</span> {balanced}'
        ),
        font=dict(size=10, color=INK),
        name="key",
    )


def _line(
    x0: float,
    y0: float,
    x1: float,
    y1: float,
    *,
    colour: str,
    width: float,
    dash: str,
    name: str | None = None,
) -> dict:
    named = {"name": name} if name else {}
    return _shape(
        "line", (x0, y0, x1, y1), line=dict(color=colour, width=width, dash=dash), **named
    )


def _organisation(result: Result, lang: Language) -> go.Scatter:
    symmetry = result.symmetry
    internal, customer = symmetry.internal_score, symmetry.customer_score
    colon = say("core.colon", lang)
    index = fmt.points(symmetry.index, lang, signed=True, keep_apart=[symmetry.stall_threshold])
    hover = [
        f"<b>{say('chart.organisation', lang)}</b>",
        f"{say('chart.hover_internal', lang)}{colon}{fmt.score(internal, lang)}",
        f"{say('chart.hover_customer', lang)}{colon}{fmt.score(customer, lang)}",
        f"{say('chart.hover_index', lang)}{colon}{index}",
    ]
    if symmetry.stall:
        hover.append(f"<b>{say('chart.hover_stall', lang)}</b>")
    colour = STALL if symmetry.stall else NAVY
    return go.Scatter(
        uid="organisation",
        x=[internal],
        y=[customer],
        mode="markers+text",
        text=[say("chart.organisation", lang)],
        textposition=_organisation_text_side(internal),
        textfont=dict(size=11, color=colour),
        marker=dict(size=16, color=colour, line=dict(color="white", width=2)),
        hovertext=["<br>".join(hover)],
        hovertemplate="%{hovertext}<extra></extra>",
        cliponaxis=False,
        showlegend=False,
    )


def _organisation_text_side(internal: float) -> str:
    return "middle right" if internal <= 55 else "middle left"


def _organisation_footprint(internal: float, customer: float, lang: Language) -> list[Box]:
    """The marker and its label, for the quadrant names to keep clear of."""
    marker = (internal - 4, internal + 4, customer - 4, customer + 4)
    side = _organisation_text_side(internal)
    x, anchor = (internal + 4, "left") if side == "middle right" else (internal - 4, "right")
    return [marker, _text_box(x, customer, anchor, "middle", say("chart.organisation", lang))]


def _needs_both_sides(result: Result, lang: Language) -> dict:
    symmetry = result.symmetry
    if symmetry.customer_score is None and symmetry.internal_score is None:
        missing = "chart.missing_both"
    elif symmetry.customer_score is None:
        missing = "chart.missing_customer"
    else:
        missing = "chart.missing_internal"
    return dict(
        x=0.5,
        y=0.5,
        xref="paper",
        yref="paper",
        text=wrap_label(say("chart.needs_both_sides", lang, missing=say(missing, lang)), 34),
        showarrow=False,
        align="center",
        font=dict(size=12, color=INK),
        bgcolor="rgba(255, 255, 255, 0.92)",
        bordercolor=MUTED,
        borderwidth=1,
        borderpad=8,
        name="needs_both_sides",
    )
