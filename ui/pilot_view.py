"""The pilot page's read-only parts: the diffusion gate with its evidence, each KPI's progress
with its chart, the values entered, and the committee's decisions."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from assessment import formatting as fmt
from assessment.i18n import say
from assessment.models import Language
from assessment.roadmap import (
    Gate,
    KpiProgress,
    PilotProgress,
    PilotRecord,
    Roadmap,
    gate_explanation,
    gate_headline,
)
from assessment.roadmap.progress_chart import kpi_chart
from ui.context import plain

GATE_BOXES = {"ready": st.success, "waiting": st.warning, "stopped": st.error}
GATE_ICONS = {
    "ready": ":material/check_circle:",
    "waiting": ":material/hourglass_top:",
    "stopped": ":material/block:",
}
STATUS_ICONS = {
    "reached": ":material/flag:",
    "on_track": ":material/trending_up:",
    "behind": ":material/trending_down:",
    "no_baseline": ":material/help:",
    "no_data": ":material/schedule:",
}
STATUS_COLOURS = {
    "reached": "green",
    "on_track": "blue",
    "behind": "red",
    "no_baseline": "gray",
    "no_data": "gray",
}


def status_badge(status: str, lang: Language) -> None:
    st.badge(
        say(f"pilot.status_{status}", lang),
        icon=STATUS_ICONS[status],
        color=STATUS_COLOURS[status],
    )


def gate_section(lang: Language, gate: Gate, progress: PilotProgress) -> None:
    """The state of the diffusion phase, why, and the evidence beside it."""
    st.subheader(say("pilot.gate_title", lang))
    box = GATE_BOXES[gate.state]
    box(
        f"**{gate_headline(gate, lang)}**\n\n{gate_explanation(gate, lang, plain)}",
        icon=GATE_ICONS[gate.state],
    )
    st.markdown(f"**{say('pilot.evidence', lang)}**")
    lines = []
    for item in gate.evidence:
        kpi, latest = item.kpi, item.latest
        baseline = fmt.kpi_value(kpi.baseline, kpi.unit, lang)
        if latest is None:
            measured = say("pilot.not_measured", lang)
        else:
            measured = say(
                "pilot.measured_on",
                lang,
                value=fmt.kpi_value(latest.value, kpi.unit, lang),
                date=fmt.date(latest.on, lang),
            )
        verdict = say("pilot.beaten" if item.beaten else "pilot.not_beaten", lang)
        lines.append(
            f"- {kpi.name(lang)}{say('core.colon', lang)}{measured} · "
            f"{say('pilot.baseline_is', lang, baseline=baseline)} · **{verdict}**"
        )
    st.markdown("\n".join(lines) or say("pilot.evidence_no_gating", lang))
    status = say(f"pilot.status_{progress.status}", lang)
    st.caption(say("pilot.overall", lang, status=status))


def progress_section(lang: Language, progress: PilotProgress) -> None:
    st.subheader(say("pilot.progress_title", lang))
    st.caption(say("pilot.progress_help", lang))
    for item in progress.kpis:
        kpi_card(lang, item)


def kpi_card(lang: Language, item: KpiProgress) -> None:
    kpi = item.kpi
    with st.container(border=True, key=f"pilot_kpi.{kpi.id}"):
        name, badge = st.columns([3, 1], vertical_alignment="center")
        gating = f" · {say('pilot.gating', lang)}" if kpi.gating else ""
        lower = f" · {say('pilot.lower_is_better', lang)}" if kpi.better == "lower" else ""
        name.markdown(f"**{kpi.name(lang)}**{gating}{lower}")
        with badge:
            status_badge(item.status, lang)
        facts = [
            say("pilot.baseline_is", lang, baseline=fmt.kpi_value(kpi.baseline, kpi.unit, lang)),
            say("pilot.target_is", lang, target=fmt.kpi_value(kpi.target, kpi.unit, lang)),
        ]
        if item.latest is not None:
            value = fmt.kpi_value(item.latest.value, kpi.unit, lang)
            facts.append(
                say("pilot.latest_is", lang, value=value, date=fmt.date(item.latest.on, lang))
            )
        if item.share is not None:
            facts.append(say("pilot.way_is", lang, share=fmt.percent(item.share, lang)))
        if item.expected is not None and item.status == "behind":
            expected = fmt.kpi_value(item.expected, kpi.unit, lang)
            facts.append(say("pilot.expected_is", lang, expected=expected))
        st.caption(" · ".join(facts))
        if item.actuals:
            st.plotly_chart(kpi_chart(item, lang), key=f"pilot_chart.{kpi.id}.{lang}")
        else:
            st.caption(say("pilot.no_values_yet", lang))


def actuals_table(lang: Language, roadmap: Roadmap, record: PilotRecord) -> None:
    st.subheader(say("pilot.values_title", lang))
    if not record.actuals:
        st.info(say("pilot.no_values", lang))
        return
    names = {kpi.id: kpi for kpi in roadmap.kpis}
    rows = []
    for actual in sorted(record.actuals, key=lambda a: (a.on, a.kpi), reverse=True):
        kpi = names.get(actual.kpi)
        rows.append(
            {
                say("pilot.column_date", lang): fmt.date(actual.on, lang),
                say("pilot.column_kpi", lang): kpi.name(lang) if kpi else actual.kpi,
                say("pilot.column_value", lang): fmt.kpi_value(actual.value, kpi.unit, lang)
                if kpi
                else fmt.number(actual.value, lang),
                say("pilot.column_by", lang): actual.entered_by,
                say("pilot.column_comment", lang): actual.comment or fmt.NONE,
            }
        )
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch", key=f"pilot_values.{lang}")


def decisions_history(lang: Language, record: PilotRecord) -> None:
    if not record.decisions:
        return
    st.markdown(f"**{say('pilot.history', lang)}**")
    lines = [
        "- "
        + say(
            f"pilot.decided_{d.verdict}",
            lang,
            by=plain(d.decided_by),
            date=fmt.date(d.decided_at.date(), lang),
            reason=plain(d.reason),
        )
        for d in reversed(record.decisions)
    ]
    st.markdown("\n".join(lines))
