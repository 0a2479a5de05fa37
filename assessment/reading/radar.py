"""The dimensions on a radar: one axis per dimension, the score in navy, unanswered ones
marked; no fixed width, so that the page decides (a 375 px phone included)."""

from __future__ import annotations

import plotly.graph_objects as go

from assessment import formatting as fmt
from assessment.i18n import say
from assessment.models import Language, Questionnaire
from assessment.reading.chart_style import (
    FONT,
    HEIGHT,
    INK,
    NAVY,
    NAVY_FILL,
    NO_ANSWER,
    hover_points,
    radar_axes,
    wrap_label,
)
from assessment.results import Result


def radar_chart(questionnaire: Questionnaire, result: Result, lang: Language) -> go.Figure:
    """One axis per dimension (questionnaire order), radial range 0-100, the scores filled.

    A dimension without any answer sits at 0 and says "no answer" on its axis and in the
    hover, so that it is never mistaken for a score of 0.
    """
    labels, scores, hovers, colours = [], [], [], []
    for dimension in questionnaire.ordered_dimensions():
        outcome = result.dimension(dimension.id)
        title = dimension.title(lang)
        answered = say("chart.answered", lang, answered=outcome.answered, total=outcome.total)
        if outcome.score is None:
            labels.append(wrap_label(title) + f"<br><i>({say('chart.no_answer', lang)})</i>")
            scores.append(0.0)
            hovers.append(f"<b>{title}</b><br>{say('chart.no_answer', lang)} · {answered}")
            colours.append(NO_ANSWER)
        else:
            labels.append(wrap_label(title))
            scores.append(outcome.score)
            hovers.append(f"<b>{title}</b><br>{fmt.score(outcome.score, lang)} · {answered}")
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
    points = hover_points("scores", scores, labels, colours, hovers)
    figure.add_trace(points.update(name=say("core.score", lang)))
    figure.update_layout(
        height=HEIGHT,
        margin=dict(l=52, r=52, t=40, b=40),
        font=FONT,
        paper_bgcolor="white",
        showlegend=False,
        dragmode=False,
        hoverlabel=dict(bgcolor="white", bordercolor=NAVY, font=dict(color=INK)),
        polar=radar_axes(len(labels)),
    )
    return figure
