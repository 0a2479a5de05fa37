"""Roadmap: the awareness → pilot → diffusion plan of the open assessment, its pilot and KPIs.

The plan is generated from the stored answers on every run; only the consultant's edits (start
date, KPI fields) are saved, as the assessment's "roadmap" document, and applied on top. Every
widget key carries the language, and every value comes from the store, so a language switch or
a restart loses nothing.
"""

import datetime as dt

import streamlit as st

from assessment import formatting as fmt
from assessment import services
from assessment.i18n import say
from assessment.models import Questionnaire
from assessment.roadmap import (
    EDITABLE,
    OWNER_LIMIT,
    KpiEditError,
    Roadmap,
    RoadmapEdits,
    edits_from_table,
    edits_to_payload,
    pilot_status,
    priority_notes,
    timeline_chart,
)
from assessment.scoring import score
from assessment.services import (
    edited_roadmap,
    forget_edits,
    pilot_record,
    saved_edits,
    start_of,
)
from assessment.store import AssessmentRecord, StoreError
from ui.context import current_language, plain
from ui.roadmap_view import (
    actions_section,
    checked_library,
    kpi_details,
    kpi_frame,
    native,
    no_answers,
    period,
    pilot_card,
)
from ui.session import get_store, with_assessment

lang = current_language()
store = get_store()
REVISION = "roadmap_revision"  # bumped by a reset, so the KPI editor drops its pending cells


def save_edits(record_id: int, edits: RoadmapEdits) -> bool:
    try:
        services.save_edits(store, record_id, edits)
    except StoreError as error:
        st.error(say("roadmap_page.save_failed", lang, error=error))
        return False
    return True


def save_start(record_id: int, key: str) -> None:
    chosen = st.session_state[key]
    if isinstance(chosen, dt.date):
        save_edits(record_id, saved_edits(store, record_id).model_copy(update={"start": chosen}))


def start_date(record: AssessmentRecord, edits: RoadmapEdits) -> dt.date:
    key = f"roadmap_start.{st.session_state.get(REVISION, 0)}.{lang}"
    chosen = st.date_input(
        say("roadmap_page.start_date", lang),
        value=start_of(edits, dt.date.today()),
        help=say("roadmap_page.start_help", lang),
        format=say("roadmap_page.date_input_format", lang),
        key=key,
        on_change=save_start,
        args=(record.id, key),
    )
    return chosen if isinstance(chosen, dt.date) else start_of(edits, dt.date.today())


def kpi_section(
    record: AssessmentRecord, generated: Roadmap, roadmap: Roadmap, edits: RoadmapEdits
) -> None:
    st.subheader(say("roadmap_page.kpis", lang))
    st.caption(say("roadmap_page.kpis_help", lang))
    date_format = say("roadmap_page.date_input_format", lang)
    edited = st.data_editor(
        kpi_frame(lang, roadmap.kpis),
        key=f"roadmap_kpis.{st.session_state.get(REVISION, 0)}.{lang}",
        num_rows="fixed",
        placeholder=fmt.NONE,  # an empty cell reads "—", never "None"
        hide_index=True,
        width="stretch",
        disabled=["name", "unit"],
        column_config={
            "name": st.column_config.TextColumn(
                say("roadmap_page.kpi", lang), width="medium", pinned=True
            ),
            "unit": st.column_config.TextColumn(say("roadmap_page.unit", lang)),
            "baseline": st.column_config.NumberColumn(
                say("kpi_field.baseline", lang).capitalize(),
                help=say("roadmap_page.baseline_help", lang),
            ),
            "target": st.column_config.NumberColumn(
                say("kpi_field.target", lang).capitalize(),
                help=say("roadmap_page.target_help", lang),
            ),
            "start": st.column_config.DateColumn(
                say("kpi_field.start", lang).capitalize(), format=date_format, required=True
            ),
            "end": st.column_config.DateColumn(
                say("kpi_field.end", lang).capitalize(), format=date_format, required=True
            ),
            "owner": st.column_config.TextColumn(
                say("kpi_field.owner", lang).capitalize(), max_chars=OWNER_LIMIT, required=True
            ),
        },
    )
    rows = {
        kpi_id: {field: native(edited.at[kpi_id, field]) for field in EDITABLE}
        for kpi_id in edited.index
    }
    try:
        wanted = edits_from_table(generated, rows, roadmap.start)
    except KpiEditError as error:
        problems = "\n".join(f"- {problem(lang)}" for problem in error.problems)
        st.error(f"{say('roadmap_page.kpi_invalid', lang)}\n\n{problems}", icon=":material/error:")
        return
    # Compared as saved (dates as text): what the store holds after a save compares equal,
    # so a save is followed by exactly one rerun. The start date is saved with the KPIs.
    changed = edits_to_payload(wanted)["kpis"] != edits_to_payload(edits)["kpis"]
    if changed and save_edits(record.id, wanted):
        st.session_state.roadmap_flash = "roadmap_page.kpi_saved"
        st.rerun()


def reset_section(record: AssessmentRecord) -> None:
    with st.expander(say("roadmap_page.reset_title", lang)):
        st.caption(say("roadmap_page.reset_help", lang))
        sure = st.checkbox(
            say("roadmap_page.reset_confirm", lang), key=f"roadmap_reset_confirm.{lang}"
        )
        if st.button(
            say("roadmap_page.reset_button", lang), disabled=not sure, key="roadmap_reset"
        ):
            try:
                forget_edits(store, record.id)
            except StoreError as error:
                st.error(say("roadmap_page.save_failed", lang, error=error))
                return
            # New keys: the editor and the date input forget what they were showing.
            st.session_state[REVISION] = st.session_state.get(REVISION, 0) + 1
            for key in [k for k in st.session_state if str(k).startswith("roadmap_reset_confirm")]:
                del st.session_state[key]
            st.session_state.roadmap_flash = "roadmap_page.reset_done"
            st.rerun()


def roadmap_page(record: AssessmentRecord, questionnaire: Questionnaire) -> None:
    st.title(say("roadmap_page.title", lang, organisation=plain(record.profile.organisation)))
    library = checked_library(lang, questionnaire)
    if library is None:
        return
    flash = st.session_state.pop("roadmap_flash", None)
    if flash:  # a toast: the table and the reset button are far below the top of the page
        st.toast(say(flash, lang), icon=":material/check_circle:")
    st.caption(say("roadmap_page.intro", lang))
    answers = store.answers(record.id)
    coverage = score(questionnaire, answers).overall.coverage
    if not any(level is not None for level in answers.values()):
        no_answers(lang)
    elif coverage < 1:
        st.caption(say("roadmap_page.partial", lang, coverage=fmt.percent(coverage, lang)))

    edits = saved_edits(store, record.id)
    start = start_date(record, edits)
    generated, roadmap = edited_roadmap(
        questionnaire, answers, record.profile, library, edits, start
    )
    for note in [say("roadmap_page.stall", lang)] * roadmap.stall + priority_notes(
        questionnaire, roadmap, lang
    ):
        st.warning(note, icon=":material/warning:")

    st.subheader(say("roadmap_page.timeline", lang))
    st.caption(f"{say('roadmap_page.timeline_caption', lang)} {period(lang, roadmap)}.")
    st.plotly_chart(timeline_chart(roadmap, lang), key=f"roadmap_timeline.{lang}")
    actions_section(lang, roadmap, pilot_status(roadmap, pilot_record(store, record.id))[1])
    pilot_card(lang, roadmap.pilot)
    kpi_section(record, generated, roadmap, edits)
    kpi_details(lang, roadmap)
    if edits != RoadmapEdits():
        reset_section(record)


with_assessment(roadmap_page)
