"""The roadmap as a plotly timeline (Gantt): one bar per action, coloured by phase.

A pure function returning a ``plotly.graph_objects.Figure``: no streamlit, no fixed width. The
bars are labelled by their number (1.1, 2.3…), which the action list repeats beside each title,
so that the chart stays readable on a 375 px phone where full titles would not fit.
"""

from __future__ import annotations

from datetime import timedelta

import plotly.graph_objects as go

from assessment import formatting as fmt
from assessment.i18n import say
from assessment.models import Language
from assessment.roadmap.plan import Roadmap

INK = "#1f2933"
GRID = "#d5d9de"
FONT = dict(
    family="system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
    size=12,
    color=INK,
)
# Distinct in colour and in lightness, so that the phases stay apart in greyscale too.
PHASE_COLOURS = {"awareness": "#d9a441", "pilot": "#1f4e79", "diffusion": "#4f9a6b"}
ROW_HEIGHT = 24
DAY_MS = 24 * 3600 * 1000


def timeline_chart(roadmap: Roadmap, lang: Language) -> go.Figure:
    figure = go.Figure()
    rows = []
    for position, phase in enumerate(roadmap.phases, start=1):
        if not phase.actions:
            continue
        actions = phase.actions
        rows += [a.number for a in actions]
        figure.add_trace(
            go.Bar(
                name=f"{position}. {phase.title(lang)}",
                orientation="h",
                y=[a.number for a in actions],
                base=[a.start.isoformat() for a in actions],
                x=[((a.end - a.start) + timedelta(days=1)).days * DAY_MS for a in actions],
                marker=dict(color=PHASE_COLOURS.get(phase.phase, INK), line=dict(width=0)),
                customdata=[
                    [
                        a.title(lang),
                        fmt.date(a.start, lang),
                        fmt.date(a.end, lang),
                        a.owner(lang),
                    ]
                    for a in actions
                ],
                hovertemplate=(
                    "<b>%{y}</b> %{customdata[0]}<br>%{customdata[1]} → %{customdata[2]}"
                    "<br>%{customdata[3]}<extra></extra>"
                ),
            )
        )
    figure.update_layout(
        barmode="overlay",
        height=110 + ROW_HEIGHT * max(len(rows), 1),
        margin=dict(l=8, r=8, t=8, b=8),
        font=FONT,
        paper_bgcolor="white",
        plot_bgcolor="white",
        bargap=0.25,
        legend=dict(orientation="h", x=0, y=1.0, yanchor="bottom", title_text=""),
        hoverlabel=dict(align="left"),
    )
    figure.update_yaxes(
        type="category",
        categoryorder="array",
        categoryarray=rows,
        autorange="reversed",
        showgrid=False,
        ticks="",
    )
    figure.update_xaxes(
        type="date",
        tickformat=say("roadmap_chart.month_ticks", lang),
        tickangle=0,
        gridcolor=GRID,
        nticks=5,
    )
    return figure
