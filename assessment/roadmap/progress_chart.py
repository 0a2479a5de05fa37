"""One KPI's measured values on a plotly chart, against its baseline and its target.

A pure function in the shared chart style (:mod:`assessment.reading.chart_style`): the values in
navy, the baseline as a grey dashed line, the target as a green dotted one, over the KPI's
measuring period; the hover writes each value with its unit, as the page does.
"""

from __future__ import annotations

import plotly.graph_objects as go

from assessment import formatting as fmt
from assessment.i18n import say
from assessment.models import Language
from assessment.reading.chart_style import FONT, GRID, INK, MUTED, NAVY
from assessment.roadmap.progress import KpiProgress

TARGET = "#2f7d4f"
HEIGHT = 260


def kpi_chart(progress: KpiProgress, lang: Language) -> go.Figure:
    kpi = progress.kpi
    days = [a.on for a in progress.actuals]
    first, last = min([kpi.start, *days]), max([kpi.end, *days])
    span = [first.isoformat(), last.isoformat()]
    figure = go.Figure()
    for value, key, colour, dash in (
        (kpi.baseline, "pilot.chart_baseline", MUTED, "dash"),
        (kpi.target, "pilot.chart_target", TARGET, "dot"),
    ):
        if value is None:
            continue
        written = fmt.kpi_value(value, kpi.unit, lang)
        figure.add_trace(
            go.Scatter(
                x=span,
                y=[value, value],
                mode="lines",
                name=f"{say(key, lang)} ({written})",
                line=dict(color=colour, dash=dash, width=2),
                hovertemplate=f"{say(key, lang)}{say('core.colon', lang)}{written}<extra></extra>",
            )
        )
    figure.add_trace(
        go.Scatter(
            x=[d.isoformat() for d in days],
            y=[a.value for a in progress.actuals],
            mode="lines+markers",
            name=say("pilot.chart_measured", lang),
            line=dict(color=NAVY, width=3),
            marker=dict(size=8, color=NAVY),
            customdata=[
                [fmt.date(a.on, lang), fmt.kpi_value(a.value, kpi.unit, lang)]
                for a in progress.actuals
            ],
            hovertemplate=f"%{{customdata[0]}}{say('core.colon', lang)}<b>%{{customdata[1]}}</b>"
            "<extra></extra>",
        )
    )
    figure.update_layout(
        height=HEIGHT,
        margin=dict(l=8, r=8, t=8, b=8),
        font=FONT,
        paper_bgcolor="white",
        plot_bgcolor="white",
        showlegend=True,
        legend=dict(orientation="h", x=0, y=-0.18, yanchor="top", title_text=""),
        hoverlabel=dict(align="left"),
    )
    figure.update_xaxes(
        type="date",
        range=span,
        tickformat=say("roadmap_chart.month_ticks", lang),
        dtick="M1",  # one tick a month: a pilot lasts a few of them
        gridcolor=GRID,
        linecolor=INK,
    )
    figure.update_yaxes(
        title_text=say(f"kpi_unit.{kpi.unit}", lang),
        gridcolor=GRID,
        zeroline=False,
        rangemode="tozero" if kpi.unit != "enps" else "normal",
    )
    return figure
