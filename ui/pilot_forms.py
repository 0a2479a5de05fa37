"""The pilot page's forms: a measured value of a KPI, the steering committee's decision on the
diffusion phase, and the published one-page results. Each refusal says what is wrong and where,
in the reader's language; nothing is saved until a value is whole."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from datetime import UTC, datetime

import streamlit as st

from assessment import formatting as fmt
from assessment import services
from assessment.i18n import in_language, say
from assessment.models import Language
from assessment.roadmap import ActualRefused, Entry, PilotRecord, Roadmap, pilot_summary
from assessment.store import AssessmentRecord, Store, StoreError
from exports.pilot_summary import build_summary_page
from ui.exporting import file_stem

NAME = "pilot_name"  # who is entering, remembered for the next value of this session
FLASH = "pilot_flash"
ENTRY = "pilot_entry"


def refused(lang: Language, error: ActualRefused) -> None:
    problems = "\n".join(f"- {p}" for p in in_language(error.problems, lang))
    st.error(f"{say('pilot.refused', lang)}\n\n{problems}", icon=":material/error:")


def saved(lang: Language, write: Callable[[], object]) -> bool:
    """Run a write; a refusal or a store failure is shown, and False returned."""
    try:
        write()
    except ActualRefused as error:
        refused(lang, error)
        return False
    except StoreError as error:
        st.error(say("roadmap_page.save_failed", lang, error=error))
        return False
    return True


def value_form(lang: Language, store: Store, record: AssessmentRecord, roadmap: Roadmap) -> None:
    st.subheader(say("pilot.add_title", lang))
    kpis = {kpi.id: kpi for kpi in roadmap.kpis}
    typing = st.session_state.get(ENTRY, 0)  # bumped by a save: the value and comment empty
    with st.form(f"pilot_value.{lang}", border=True):
        kpi_id = st.selectbox(
            say("pilot.field_kpi", lang),
            list(kpis),
            format_func=lambda k: kpis[k].name(lang),
            key=f"pilot_value_kpi.{lang}",
        )
        day, value = st.columns(2)
        on = day.date_input(
            say("pilot.field_date", lang),
            value=dt.date.today(),
            max_value=dt.date.today(),
            format=say("roadmap_page.date_input_format", lang),
            key=f"pilot_value_date.{lang}",
        )
        typed = value.text_input(
            say("pilot.field_value", lang),
            help=say("pilot.value_help", lang),
            key=f"pilot_value_value.{typing}.{lang}",
        )
        name = st.text_input(
            say("pilot.field_by", lang), value=st.session_state.get(NAME, ""), key=f"by.{lang}"
        )
        comment = st.text_input(
            say("pilot.field_comment", lang), key=f"pilot_comment.{typing}.{lang}"
        )
        sent = st.form_submit_button(say("pilot.add_button", lang), key=f"pilot_add.{lang}")
    entry, now = Entry(kpi_id, on, typed, name, comment), datetime.now(UTC)
    if not sent or not saved(
        lang, lambda: services.add_actual(store, record.id, roadmap, entry, now)
    ):
        return
    st.session_state[NAME] = name.strip()
    st.session_state[FLASH] = "pilot.value_saved"
    st.session_state[ENTRY] = typing + 1
    st.rerun()


def remove_form(
    lang: Language, store: Store, record: AssessmentRecord, roadmap: Roadmap, pilot: PilotRecord
) -> None:
    """Take back a value typed by mistake (the only way to change one: enter it again)."""
    if not pilot.actuals:
        return
    kpis = {kpi.id: kpi for kpi in roadmap.kpis}
    entries = sorted(pilot.actuals, key=lambda a: (a.on, a.kpi), reverse=True)

    def label(index: int) -> str:
        actual = entries[index]
        kpi = kpis.get(actual.kpi)
        value = fmt.kpi_value(actual.value, kpi.unit, lang) if kpi else str(actual.value)
        name = kpi.name(lang) if kpi else actual.kpi
        return f"{fmt.date(actual.on, lang)} · {name} · {value} · {actual.entered_by}"

    with st.expander(say("pilot.remove_title", lang)):
        chosen = st.selectbox(
            say("pilot.remove_which", lang),
            range(len(entries)),
            format_func=label,
            key=f"pilot_remove_which.{lang}",
        )
        sure = st.checkbox(say("pilot.remove_confirm", lang), key=f"pilot_remove_sure.{lang}")
        if st.button(
            say("pilot.remove_button", lang), disabled=not sure, key=f"pilot_remove.{lang}"
        ):
            actual = entries[chosen]
            if not saved(
                lang, lambda: services.remove_actual(store, record.id, actual.kpi, actual.on)
            ):
                return
            st.session_state.pop(f"pilot_remove_sure.{lang}", None)
            st.session_state[FLASH] = "pilot.value_removed"
            st.rerun()


def decision_form(lang: Language, store: Store, record: AssessmentRecord) -> None:
    st.subheader(say("pilot.decision_title", lang))
    st.caption(say("pilot.decision_help", lang))
    with st.form(f"pilot_decision.{lang}", border=True):
        verdict = st.radio(
            say("pilot.field_verdict", lang),
            ["go", "stop"],
            index=None,
            format_func=lambda v: say(f"pilot.verdict_{v}", lang),
            horizontal=True,
            key=f"pilot_verdict.{lang}",
        )
        reason = st.text_area(say("pilot.field_reason", lang), key=f"pilot_reason.{lang}")
        name = st.text_input(
            say("pilot.field_decided_by", lang),
            value=st.session_state.get(NAME, ""),
            key=f"pilot_decided_by.{lang}",
        )
        sent = st.form_submit_button(say("pilot.decide_button", lang), key=f"pilot_decide.{lang}")
    now = datetime.now(UTC)
    if not sent or not saved(
        lang, lambda: services.record_decision(store, record.id, verdict or "", reason, name, now)
    ):
        return
    st.session_state[FLASH] = "pilot.decision_saved"
    for key in (f"pilot_verdict.{lang}", f"pilot_reason.{lang}"):
        st.session_state.pop(key, None)
    st.rerun()


def publish_button(
    lang: Language, record: AssessmentRecord, roadmap: Roadmap, pilot: PilotRecord
) -> None:
    st.subheader(say("pilot.publish_title", lang))
    st.caption(say("pilot.publish_help", lang))
    organisation = record.profile.organisation
    st.download_button(
        say("pilot.publish_button", lang),
        data=lambda: build_summary_page(
            pilot_summary(organisation, roadmap, pilot, dt.date.today()), lang
        ),
        file_name=f"{file_stem(organisation)}-{say('pilot.file_suffix', lang)}.html",
        mime="text/html",
        icon=":material/summarize:",
        on_click="ignore",
        key=f"pilot_publish.{lang}",
    )
