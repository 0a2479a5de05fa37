"""A participant's phone: join with the code, answer anonymously, see the room when revealed.

The only page a participant link (``?join=CODE`` or ``?p=<token>``) can show. The token in the
address bar is the participant's place: a reload, a sleeping phone or a server restart finds
the same participant and their answers, and never counts them twice.
"""

import time

import streamlit as st

from assessment.i18n import say
from assessment.models import Language, Questionnaire
from assessment.settings import settings
from assessment.workshop import (
    UnknownWorkshop,
    WorkshopRecord,
    consensus_band,
    format_code,
    room_radar,
)
from ui.context import plain
from ui.workshop_answering import ERROR_KEY, free_steps, paced_step
from ui.workshop_dashboard import symmetry_verdict
from ui.workshop_join import browser_language, code_form, join_page, language_switch
from ui.workshop_session import (
    JOIN_PARAM,
    PARTICIPANT_POLL_SECONDS,
    forget_participant,
    get_workshop_store,
    live_room,
    participant_language,
    participant_token,
    questionnaire_by_id,
    state_of,
    workshop_state,
)

RENDERED_KEY = "workshop_rendered"  # (state, time) of the last full run

store = get_workshop_store()


# --- the room, once revealed ------------------------------------------------------------------


def room_section(record: WorkshopRecord, questionnaire: Questionnaire, lang: Language) -> None:
    st.divider()
    st.subheader(say("workshop.room_title", lang))
    _, _, room = live_room(settings().database(), record.id)
    if not room.visible:
        st.info(say("workshop.room_hidden", lang, k=record.threshold))
        return
    st.caption(say("workshop.room_caption", lang, n=room.contributors))
    st.plotly_chart(room_radar(questionnaire, room, lang), key="participant_radar", theme=None)
    if questionnaire.has_sides:
        st.markdown(symmetry_verdict(room, lang))
    if room.disagreements:
        st.markdown(f"**{say('workshop.to_discuss', lang)}**")
        for stats in room.disagreements[:3]:
            band = consensus_band(stats.consensus)
            question = questionnaire.question(stats.question_id)
            st.markdown(f"- {question.text(lang)} · _{say('workshop.band_' + band, lang)}_")
    st.button(say("workshop.refresh", lang), key="refresh_room", icon=":material/refresh:")


@st.fragment(run_every=PARTICIPANT_POLL_SECONDS)
def follow_the_facilitator(workshop_id: int) -> None:
    """Notice when the facilitator closes, paces or reveals, and redraw the page then."""
    rendered, at = st.session_state.get(RENDERED_KEY, (None, 0.0))
    if time.monotonic() - at < 2.5:  # the cached state may be older than this run's
        return
    if workshop_state(settings().database(), workshop_id) != rendered:
        st.rerun(scope="app")


def participant_page(token: str) -> None:
    try:
        _, record = store.participant(token)
    except UnknownWorkshop:
        forget_participant()
        lang = language_switch(browser_language())
        st.title(say("workshop.join_title", lang))
        st.error(say("workshop.participant_unknown", lang))
        code_form(lang)
        return
    lang = language_switch(participant_language(record.language))
    questionnaire = questionnaire_by_id(record.questionnaire_id)
    if questionnaire is None:
        st.error(say("workshop.questionnaire_missing", lang))
        return
    answers = store.answers_of(token)
    total = record.question_count
    st.title(plain(record.title))
    st.caption(say("workshop.anonymous_note", lang, code=format_code(record.join_code)))
    st.progress(
        len(answers) / total, text=say("app.progress", lang, done=len(answers), total=total)
    )
    # Notices go in one container that is always there, so that the questions below never
    # move on the phone's screen when a notice comes or goes.
    notices = st.container()
    error = st.session_state.pop(ERROR_KEY, None)
    if error:
        notices.error(say(f"workshop.{error}", lang), icon=":material/error:")
    if len(answers) >= total:
        notices.success(say("workshop.all_done", lang), icon=":material/celebration:")
    if not record.is_open:
        st.info(say("workshop.closed_answering", lang), icon=":material/lock:")
    elif record.pace == "paced":
        paced_step(token, questionnaire, record, answers, lang)
    else:
        free_steps(token, questionnaire, answers, lang, disabled=False)
    if record.revealed:
        room_section(record, questionnaire, lang)
    if waiting_for_the_facilitator(record, questionnaire, answers):
        st.session_state[RENDERED_KEY] = (state_of(record), time.monotonic())
        follow_the_facilitator(record.id)


def waiting_for_the_facilitator(
    record: WorkshopRecord, questionnaire: Questionnaire, answers: dict
) -> bool:
    """Only a phone with nothing left to answer polls for the facilitator's moves. One that is
    answering redraws with every tap anyway (and a timer firing mid-tap is best avoided), and
    200 idle timers would cost the server for nothing."""
    if not record.is_open or len(answers) >= record.question_count:
        return True
    if record.pace == "paced" and record.current_dimension:
        part = questionnaire.dimension(record.current_dimension).questions
        return all(q.id in answers for q in part)
    return False


token = participant_token()
if token:
    participant_page(token)
else:
    join_page(st.query_params.get(JOIN_PARAM, ""))
