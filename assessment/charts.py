"""The result as plotly figures: a radar of the dimensions and the ambition/capability map.

Pure functions returning ``plotly.graph_objects.Figure``: no streamlit, no external resources
(system fonts only, no map tiles), no fixed width so that the page decides (a 375 px phone
included). Colours are a calm palette that stays readable in print and in greyscale: scores in
navy, zones in light tints, the stall zone in a muted red.
"""

from __future__ import annotations

import re

import plotly.graph_objects as go

from assessment.i18n import t
from assessment.interpretation import format_points, format_score
from assessment.models import Language, Quadrant, Questionnaire, Result

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

STRINGS: dict[str, dict[Language, str]] = {
    "no_answer": {"en": "no answer", "fr": "sans réponse"},
    "answered": {"en": "{answered}/{total} answered", "fr": "{answered}/{total} répondues"},
    "internal_axis": {
        "en": "Internal capability (employees)",
        "fr": "Capacité interne (collaborateurs)",
    },
    "customer_axis": {"en": "Customer ambition", "fr": "Ambition client"},
    "balanced": {
        "en": "Balance: ambition = capability",
        "fr": "Équilibre : ambition = capacité",
    },
    "stall_zone": {
        "en": "Stall zone: ambition ≥ capability + {threshold}",
        "fr": "Décrochage : ambition ≥ capacité + {threshold}",
    },
    "organisation": {"en": "Your organisation", "fr": "Votre organisation"},
    "hover_internal": {"en": "Internal capability", "fr": "Capacité interne"},
    "hover_customer": {"en": "Customer ambition", "fr": "Ambition client"},
    "hover_index": {"en": "Symmetry index", "fr": "Indice de symétrie"},
    "hover_stall": {"en": "Stall warning", "fr": "Alerte décrochage"},
    "needs_both_sides": {
        "en": "The symmetry needs answers on both sides: {missing}.",
        "fr": "La symétrie demande des réponses des deux côtés : {missing}.",
    },
    "missing_customer": {
        "en": "no customer-side question is answered yet",
        "fr": "aucune question côté client n'a encore de réponse",
    },
    "missing_internal": {
        "en": "no internal-side question is answered yet",
        "fr": "aucune question côté interne n'a encore de réponse",
    },
    "missing_both": {
        "en": "neither side has an answer yet",
        "fr": "aucun des deux côtés n'a encore de réponse",
    },
}


def _s(key: str, lang: Language, **values: object) -> str:
    return STRINGS[key][lang].format(**values)


# --- radar --------------------------------------------------------------------------------


def radar_chart(questionnaire: Questionnaire, result: Result, lang: Language) -> go.Figure:
    """One axis per dimension (questionnaire order), radial range 0-100, the scores filled.

    A dimension without any answer sits at 0 and says "no answer" on its axis and in the
    hover, so that it is never mistaken for a score of 0.
    """
    labels, scores, hovers, colours = [], [], [], []
    for dimension in questionnaire.ordered_dimensions():
        outcome = result.dimension(dimension.id)
        title = dimension.title(lang)
        answered = _s("answered", lang, answered=outcome.answered, total=outcome.total)
        if outcome.score is None:
            labels.append(_wrap(title) + f"<br><i>({_s('no_answer', lang)})</i>")
            scores.append(0.0)
            hovers.append(f"<b>{title}</b><br>{_s('no_answer', lang)} · {answered}")
            colours.append(NO_ANSWER)
        else:
            labels.append(_wrap(title))
            scores.append(outcome.score)
            hovers.append(f"<b>{title}</b><br>{format_score(outcome.score, lang)} · {answered}")
            colours.append(NAVY)

    figure = go.Figure()
    # The outline repeats the first point to close the polygon (plotly leaves it open); the
    # points themselves, one per dimension, carry the hover.
    figure.add_trace(
        go.Scatterpolar(
            uid="outline",
            r=scores + scores[:1],
            theta=labels + labels[:1],
            mode="lines",
            fill="toself",
            fillcolor=NAVY_FILL,
            line=dict(color=NAVY, width=2),
            hoverinfo="skip",
            showlegend=False,
        )
    )
    figure.add_trace(
        go.Scatterpolar(
            uid="scores",
            name=t("score", lang),
            r=scores,
            theta=labels,
            mode="markers",
            marker=dict(size=9, color=colours, line=dict(color="white", width=1.5)),
            text=hovers,
            hovertemplate="%{text}<extra></extra>",
            showlegend=False,
        )
    )
    # Four axes go on the diagonals, so that no label sits at the narrow left and right edges
    # of a phone screen; otherwise the first axis points up.
    rotation = 135 if len(labels) == 4 else 90
    figure.update_layout(
        height=HEIGHT,
        margin=dict(l=52, r=52, t=40, b=40),
        font=FONT,
        paper_bgcolor="white",
        showlegend=False,
        dragmode=False,
        hoverlabel=dict(bgcolor="white", bordercolor=NAVY, font=dict(color=INK)),
        polar=dict(
            bgcolor="white",
            gridshape="linear" if len(labels) >= 3 else "circular",
            radialaxis=dict(
                range=[0, 100],
                tickvals=[25, 50, 75, 100],
                ticktext=["25", "50", "75", ""],  # 100 is the outline, beside an axis label
                tickfont=dict(size=9, color=MUTED),
                tickangle=0,
                gridcolor=GRID,
                showline=False,
                # The scale reads along an axis pointing up or up-right, never upside down.
                angle=45 if len(labels) == 4 else 90,
            ),
            angularaxis=dict(
                direction="clockwise",
                rotation=rotation,
                tickfont=dict(size=11, color=INK),
                gridcolor=GRID,
                linecolor=GRID,
            ),
        ),
    )
    return figure


def _wrap(text: str, width: int = WRAP, separator: str = "<br>") -> str:
    """Lines of about ``width`` characters, broken at spaces or after a dash
    ("Customer–employee" may become "Customer–" and "employee"); words are never cut."""
    words = [w for w in re.split(r"\s+|(?<=[–—-])(?=\w)", text.strip()) if w]
    lines: list[str] = []
    for word in words:
        glue = "" if lines and lines[-1].endswith(("–", "—", "-")) else " "
        if lines and len(lines[-1]) + len(glue) + len(word) <= width:
            lines[-1] += glue + word
        else:
            lines.append(word)
    return separator.join(lines)


# --- ambition / capability map ---------------------------------------------------------------


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
    shapes += [
        _line(midpoint, 0, midpoint, 100, colour=MUTED, width=1, dash="dot"),
        _line(0, midpoint, 100, midpoint, colour=MUTED, width=1, dash="dot"),
        # Stall zone: customer - internal >= threshold, i.e. above the line y = x + threshold.
        dict(
            type="path",
            path=f"M 0,{threshold} L {100 - threshold},100 L 0,100 Z",
            xref="x",
            yref="y",
            fillcolor=STALL_FILL,
            line=dict(color=STALL, width=1, dash="dash"),
            layer="below",
            name="stall_zone",
        ),
        _line(0, 0, 100, 100, colour=MUTED, width=1.5, dash="dash", name="balanced"),
    ]
    avoid = [] if position is None else _organisation_footprint(*position, lang)
    annotations = [_zone_label(quadrant, midpoint, avoid, lang) for quadrant in Quadrant]
    annotations.append(_key(threshold, lang))

    figure = go.Figure()
    if position is None:
        annotations.append(_needs_both_sides(result, lang))
    else:
        figure.add_trace(_organisation(result, lang))

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
        xaxis=dict(
            title=dict(text=_s("internal_axis", lang)),
            range=[0, 100],
            tickvals=[0, 25, 50, 75, 100],
            showgrid=False,
            zeroline=False,
            linecolor=GRID,
            fixedrange=True,
            constrain="domain",
        ),
        yaxis=dict(
            title=dict(text=_s("customer_axis", lang)),
            range=[0, 100],
            tickvals=[0, 25, 50, 75, 100],
            showgrid=False,
            zeroline=False,
            linecolor=GRID,
            fixedrange=True,
            scaleanchor="x",  # square: the diagonal is at 45 degrees on every screen
            scaleratio=1,
            constrain="domain",
        ),
    )
    return figure


def _zone(quadrant: Quadrant, midpoint: float) -> dict:
    x0, x1, y0, y1 = _zone_bounds(quadrant, midpoint)
    return dict(
        type="rect",
        xref="x",
        yref="y",
        x0=x0,
        x1=x1,
        y0=y0,
        y1=y1,
        fillcolor=ZONE_FILLS[quadrant],
        line=dict(width=0),
        layer="below",
        name=f"zone_{quadrant.value}",
    )


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
    name = t("quadrant_" + quadrant.value, lang)
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
    stall = _s("stall_zone", lang, threshold=format_points(threshold, lang))
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
            f'<span style="color:{STALL_SWATCH}">■</span> {stall}<br>'
            f'<span style="color:{MUTED}">╱</span> {_s("balanced", lang)}'
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
    line = dict(
        type="line",
        xref="x",
        yref="y",
        x0=x0,
        y0=y0,
        x1=x1,
        y1=y1,
        line=dict(color=colour, width=width, dash=dash),
        layer="below",
    )
    if name:
        line["name"] = name
    return line


def _organisation(result: Result, lang: Language) -> go.Scatter:
    symmetry = result.symmetry
    internal, customer = symmetry.internal_score, symmetry.customer_score
    colon = "\u00a0: " if lang == "fr" else ": "
    index = format_points(symmetry.index, lang, signed=True, keep_apart=[symmetry.stall_threshold])
    hover = [
        f"<b>{_s('organisation', lang)}</b>",
        f"{_s('hover_internal', lang)}{colon}{format_score(internal, lang)}",
        f"{_s('hover_customer', lang)}{colon}{format_score(customer, lang)}",
        f"{_s('hover_index', lang)}{colon}{index}",
    ]
    if symmetry.stall:
        hover.append(f"<b>{_s('hover_stall', lang)}</b>")
    colour = STALL if symmetry.stall else NAVY
    return go.Scatter(
        uid="organisation",
        x=[internal],
        y=[customer],
        mode="markers+text",
        text=[_s("organisation", lang)],
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
    return [marker, _text_box(x, customer, anchor, "middle", _s("organisation", lang))]


def _needs_both_sides(result: Result, lang: Language) -> dict:
    symmetry = result.symmetry
    if symmetry.customer_score is None and symmetry.internal_score is None:
        missing = "missing_both"
    elif symmetry.customer_score is None:
        missing = "missing_customer"
    else:
        missing = "missing_internal"
    return dict(
        x=0.5,
        y=0.5,
        xref="paper",
        yref="paper",
        text=_wrap(_s("needs_both_sides", lang, missing=_s(missing, lang)), 34),
        showarrow=False,
        align="center",
        font=dict(size=12, color=INK),
        bgcolor="rgba(255, 255, 255, 0.92)",
        bordercolor=MUTED,
        borderwidth=1,
        borderpad=8,
        name="needs_both_sides",
    )
