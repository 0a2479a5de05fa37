"""Pilot: the pilot's KPIs measured. Dated values entered by the team, each KPI's progress from
baseline to target on a chart, the gate of the diffusion phase with its evidence, the steering
committee's go or stop, and the one-page results to publish.

The roadmap (and so the KPIs, their baselines and targets) comes from the stored answers and
the consultant's edits, as on the roadmap page; what is entered here is the assessment's
"pilot" document. Widget keys carry the language; every value comes from the store.
"""

import datetime as dt

import streamlit as st

from assessment import services
from assessment.i18n import say
from assessment.models import Questionnaire
from assessment.roadmap import pilot_status
from assessment.store import AssessmentRecord
from ui.context import current_language, plain
from ui.pilot_forms import FLASH, decision_form, publish_button, remove_form, value_form
from ui.pilot_view import actuals_table, decisions_history, gate_section, progress_section
from ui.roadmap_view import checked_library, no_answers
from ui.session import get_store, with_assessment

lang = current_language()
store = get_store()


def pilot_page(record: AssessmentRecord, questionnaire: Questionnaire) -> None:
    st.title(say("pilot.title", lang, organisation=plain(record.profile.organisation)))
    library = checked_library(lang, questionnaire)
    if library is None:
        return
    flash = st.session_state.pop(FLASH, None)
    if flash:
        st.toast(say(flash, lang), icon=":material/check_circle:")
    st.caption(say("pilot.intro", lang))
    answers = store.answers(record.id)
    if not any(level is not None for level in answers.values()):
        no_answers(lang)
        return
    edits = services.saved_edits(store, record.id)
    start = services.start_of(edits, dt.date.today())
    _, roadmap = services.edited_roadmap(
        questionnaire, answers, record.profile, library, edits, start
    )
    pilot = services.pilot_record(store, record.id)
    progress, gate = pilot_status(roadmap, pilot)
    gate_section(lang, gate, progress)
    progress_section(lang, progress)
    value_form(lang, store, record, roadmap)
    actuals_table(lang, roadmap, pilot)
    remove_form(lang, store, record, roadmap, pilot)
    decision_form(lang, store, record)
    decisions_history(lang, pilot)
    publish_button(lang, record, roadmap, pilot)
    st.page_link(
        "app_pages/roadmap.py", label=say("pilot.to_roadmap", lang), icon=":material/route:"
    )


with_assessment(pilot_page)
