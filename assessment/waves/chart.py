"""The waves drawn: the symmetry's course on the ambition/capability map (one arrow per wave),
and each dimension's score wave by wave with the target set for the latest."""

from __future__ import annotations

from itertools import pairwise

import plotly.graph_objects as go

from assessment import formatting as fmt
from assessment.i18n import say
from assessment.models import Language
from assessment.reading import quadrant_chart
from assessment.reading.chart_style import FONT, HEIGHT, INK, MUTED, NAVY, STALL, wrap_label
from assessment.results import OverallResult, Result
from assessment.waves.compare import Comparison
from assessment.waves.text import wave_name

# Older waves lighter, the latest in the navy of every score.
WAVE_COLOURS = ("#b7c7d9", "#8aa6c4", "#5d84ad", "#3a6893", NAVY)


def wave_colours(count: int) -> list[str]:
    """One colour per wave, oldest first, spread over the palette so that two waves read apart
    (the palette's lightest kept for a fifth wave); beyond five, the latest stay navy."""
    if count > len(WAVE_COLOURS):
        return [*WAVE_COLOURS, *[NAVY] * (count - len(WAVE_COLOURS))]
    palette = WAVE_COLOURS if count == len(WAVE_COLOURS) else WAVE_COLOURS[1:]
    if count == 1:
        return [NAVY]
    return [palette[round(i * (len(palette) - 1) / (count - 1))] for i in range(count)]


def trajectory_chart(comparison: Comparison, lang: Language) -> go.Figure | None:
    """The map of the latest wave, with every earlier wave placed and an arrow from each wave
    to the next; None when a wave has no symmetry (a model without sides, a side unanswered)."""
    if not comparison.trajectory:
        return None
    waves = comparison.waves
    latest = waves[-1]
    stand_in = Result(
        questionnaire_id=comparison.questionnaire.id,
        questionnaire_version=latest.questionnaire_version,
        dimensions=[],
        overall=OverallResult(score=latest.score("overall"), level=latest.level, coverage=0),
        symmetry=latest.symmetry,
        strongest=[],
        weakest=[],
    )
    figure = quadrant_chart(comparison.questionnaire, stand_in, lang)
    figure.update_traces(
        selector=dict(uid="organisation"), text=[latest.label], textposition="top center"
    )
    colours = wave_colours(len(waves))
    for number, wave in enumerate(waves[:-1]):
        symmetry = wave.symmetry
        figure.add_trace(
            go.Scatter(
                uid=f"wave_{number}",
                x=[symmetry.internal_score],
                y=[symmetry.customer_score],
                mode="markers+text",
                text=[wave.label],
                textposition="bottom center",
                textfont=dict(size=10, color=INK),
                marker=dict(size=11, color=STALL if symmetry.stall else colours[number]),
                hovertext=[_hover(wave, lang)],
                hovertemplate="%{hovertext}<extra></extra>",
                cliponaxis=False,
                showlegend=False,
            )
        )
    for number, (first, last) in enumerate(pairwise(waves)):
        figure.add_annotation(
            x=last.symmetry.internal_score,
            y=last.symmetry.customer_score,
            ax=first.symmetry.internal_score,
            ay=first.symmetry.customer_score,
            xref="x",
            yref="y",
            axref="x",
            ayref="y",
            showarrow=True,
            arrowhead=3,
            arrowsize=1.3,
            arrowwidth=2,
            arrowcolor=colours[number + 1],
            standoff=9,
            startstandoff=6,
            text="",
            name=f"arrow_{number}",
        )
    return figure


def _hover(wave, lang: Language) -> str:
    symmetry = wave.symmetry
    colon = say("core.colon", lang)
    return "<br>".join(
        [
            f"<b>{wave_name(wave, lang)}</b>",
            f"{say('chart.hover_internal', lang)}{colon}{fmt.score(symmetry.internal_score, lang)}",
            f"{say('chart.hover_customer', lang)}{colon}{fmt.score(symmetry.customer_score, lang)}",
            f"{say('chart.hover_index', lang)}{colon}"
            f"{fmt.points(symmetry.index, lang, signed=True)}",
        ]
    )


def dimensions_chart(comparison: Comparison, lang: Language) -> go.Figure:
    """Per dimension, one horizontal bar per wave (oldest lightest, on top), and the target set
    for the latest wave as a red mark across its bar: readable in half a page."""
    questionnaire = comparison.questionnaire
    keys = [*comparison.dimension_ids, "overall"]
    titles = [
        wrap_label(
            say("waves.overall", lang)
            if k == "overall"
            else questionnaire.dimension(k).title(lang),
            22,
        )
        for k in keys
    ]
    figure = go.Figure()
    colours = wave_colours(len(comparison.waves))
    for number, wave in enumerate(comparison.waves):
        values = [wave.score(k) for k in keys]
        figure.add_trace(
            go.Bar(
                uid=f"wave_{number}",
                name=wave_name(wave, lang),
                y=titles,
                x=[v if v is not None else 0 for v in values],
                orientation="h",
                marker_color=colours[number],
                text=[fmt.number(v, lang) if v is not None else fmt.NONE for v in values],
                textposition="outside",
                cliponaxis=False,
                hovertemplate="%{y}<br>%{text}<extra>" + wave.label + "</extra>",
            )
        )
    targets = comparison.waves[-2].targets
    if targets:
        figure.add_trace(
            go.Scatter(
                uid="targets",
                name=say("waves.target", lang),
                y=[t for t, k in zip(titles, keys, strict=True) if k in targets],
                x=[targets[k] for k in keys if k in targets],
                mode="markers",
                marker=dict(symbol="line-ns", size=26, line=dict(width=3, color=STALL)),
                hovertemplate="%{y}<br>" + say("waves.target", lang) + " %{x:.0f}<extra></extra>",
            )
        )
    figure.update_layout(
        height=max(HEIGHT, 70 * len(keys) + 40 * len(comparison.waves)),
        barmode="group",
        bargap=0.3,
        margin=dict(l=8, r=28, t=8, b=36),
        font=FONT,
        paper_bgcolor="white",
        plot_bgcolor="white",
        dragmode=False,
        legend=dict(orientation="h", yanchor="top", y=-0.08, x=0, font=dict(size=11)),
        xaxis=dict(
            range=[0, 108],
            tickvals=[0, 25, 50, 75, 100],
            gridcolor="#eef0f2",
            fixedrange=True,
            linecolor=MUTED,
        ),
        yaxis=dict(fixedrange=True, autorange="reversed", automargin=True),
    )
    return figure
