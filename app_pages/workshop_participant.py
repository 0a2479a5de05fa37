"""A participant's phone: join with the code, answer anonymously, see the room when revealed.

The only page a participant link (``?join=CODE`` or ``?p=<token>``) can show. The token in the
address bar is the participant's place: a reload, a sleeping phone or a server restart finds
the same participant and their answers, and never counts them twice.
"""

import time

import sqlalchemy as sa
import streamlit as st

from assessment.models import Dimension, Language, Question, Questionnaire
from assessment.settings import settings
from assessment.store import StoreError
from assessment.workshop import (
    DimensionNotOpen,
    InvalidChoice,
    UnknownWorkshop,
    WorkshopClosed,
    WorkshopRecord,
    consensus_band,
    format_code,
    normalise_code,
    room_radar,
)
from ui.context import plain
from ui.question_input import level_of, level_radio, question_header
from ui.workshop_session import (
    JOIN_PARAM,
    PARTICIPANT_POLL_SECONDS,
    enter_as_participant,
    forget_participant,
    get_workshop_store,
    live_room,
    participant_language,
    participant_token,
    questionnaire_by_id,
    state_of,
    workshop_state,
)
from ui.workshop_strings import symmetry_verdict, tr

ERROR_KEY = "workshop_save_error"
RENDERED_KEY = "workshop_rendered"  # (state, time) of the last full run

store = get_workshop_store()


def browser_language() -> Language:
    asked = st.query_params.get("lang")
    if asked in ("fr", "en"):
        return asked
    return "en" if (st.context.locale or "").startswith("en") else "fr"


def language_switch(lang: Language) -> Language:
    """FR | EN at the top of the page, kept in the address bar."""
    chosen = st.segmented_control(
        "Langue · Language",
        ["fr", "en"],
        default=lang,
        format_func=str.upper,
        key="participant_language",
        required=True,
        label_visibility="collapsed",
    )
    if chosen and chosen != st.query_params.get("lang"):
        st.query_params["lang"] = chosen
    return chosen or lang


# --- joining --------------------------------------------------------------------------------


def code_form(lang: Language, typed: str = "") -> None:
    """Type the code shown on the screen (any case, with or without the dash)."""
    with st.form("join_code_form", border=True):
        code = st.text_input(
            tr("code_label", lang), value=typed, max_chars=12, placeholder="ABC-DEF", key="code"
        )
        if st.form_submit_button(tr("continue", lang), type="primary", width="stretch"):
            st.query_params[JOIN_PARAM] = normalise_code(code)
            st.rerun()


def join_page(code: str) -> None:
    lang = browser_language()
    if not code:
        lang = language_switch(lang)
        st.title(tr("join_title", lang))
        code_form(lang)
        return
    try:
        record = store.by_code(code)
    except UnknownWorkshop:
        lang = language_switch(lang)
        st.title(tr("join_title", lang))
        st.error(tr("code_unknown", lang, code=plain(code.upper()[:12])))
        code_form(lang, code)
        return
    lang = language_switch(participant_language(record.language))
    st.title(plain(record.title))
    if not record.is_open:
        st.warning(tr("closed_join", lang), icon=":material/lock:")
        return
    st.write(tr("join_intro", lang))
    choices = {}
    for number, segment in enumerate(record.segments):
        choices[segment.name] = st.radio(
            plain(segment.name),
            segment.options,
            index=None,
            format_func=plain,
            key=f"segment.{number}",
        )
    if record.segments:
        st.caption(tr("segment_why", lang, k=record.threshold))
    if st.button(tr("join_button", lang), type="primary", key="join", width="stretch"):
        missing = [s.name for s in record.segments if not choices.get(s.name)]
        if missing:
            st.error(tr("choose_segment", lang, names=", ".join(map(plain, missing))))
            return
        try:
            token, _ = store.join(record.join_code, choices)
        except WorkshopClosed:
            st.warning(tr("closed_join", lang), icon=":material/lock:")
            return
        except InvalidChoice:
            st.error(tr("choose_segment", lang, names=""))
            return
        enter_as_participant(token)
        st.rerun()


# --- answering ------------------------------------------------------------------------------


def save_answer(token: str, question_id: str, key: str) -> None:
    level = level_of(st.session_state[key])
    try:
        store.save_answer(token, question_id, level)
        return
    except WorkshopClosed:
        st.session_state[ERROR_KEY] = "save_closed"
    except DimensionNotOpen:
        st.session_state[ERROR_KEY] = "save_not_open"
    except (StoreError, sa.exc.SQLAlchemyError):  # unknown link, database unreachable…
        st.session_state[ERROR_KEY] = "save_failed"
    st.session_state.pop(key, None)  # show what the database holds, not the refused click


def question_block(
    token: str,
    questionnaire: Questionnaire,
    question: Question,
    answers: dict,
    lang: Language,
    disabled: bool,
) -> None:
    with st.container(border=True, key=f"wq-{question.id}"):
        question_header(question, question.id in answers, lang)
        key = f"wa.{question.id}.{lang}"
        level_radio(
            questionnaire,
            question,
            answers,
            lang,
            key,
            on_change=save_answer,
            args=(token, question.id, key),
            label=tr("your_answer", lang),
            disabled=disabled,
        )


def dimension_questions(
    token: str,
    questionnaire: Questionnaire,
    dimension: Dimension,
    position: int,
    answers: dict,
    lang: Language,
    disabled: bool,
) -> None:
    st.header(f"{position}. {dimension.title(lang)}")
    st.caption(dimension.description(lang))
    for question in dimension.ordered_questions():
        question_block(token, questionnaire, question, answers, lang, disabled)


def free_steps(
    token: str, questionnaire: Questionnaire, answers: dict, lang: Language, disabled: bool
) -> None:
    """Every part open: one part per screen, with the parts listed at the top."""
    dimensions = questionnaire.ordered_dimensions()
    step = min(st.session_state.get("workshop_step", 0), len(dimensions) - 1)

    def label(i: int) -> str:
        done = sum(1 for q in dimensions[i].questions if q.id in answers)
        return f"{dimensions[i].title(lang)} ({done}/{len(dimensions[i].questions)})"

    chosen = st.segmented_control(
        tr("parts", lang),
        range(len(dimensions)),
        default=step,
        format_func=label,
        key=f"workshop_step_picker.{step}.{lang}",
        required=True,
        label_visibility="collapsed",
    )
    if chosen is not None and chosen != step:
        st.session_state.workshop_step = chosen
        st.rerun()
    dimension_questions(token, questionnaire, dimensions[step], step + 1, answers, lang, disabled)
    back, forward = st.columns(2)
    if step > 0:
        back.button(
            f"← {tr('back', lang)}",
            key="workshop_back",
            on_click=lambda: st.session_state.update(workshop_step=step - 1),
            width="stretch",
        )
    if step < len(dimensions) - 1:
        forward.button(
            f"{tr('next', lang)} →",
            key="workshop_next",
            on_click=lambda: st.session_state.update(workshop_step=step + 1),
            type="primary",
            width="stretch",
        )


def paced_step(
    token: str,
    questionnaire: Questionnaire,
    record: WorkshopRecord,
    answers: dict,
    lang: Language,
) -> None:
    """One part at a time: the one the facilitator opened."""
    dimensions = questionnaire.ordered_dimensions()
    ids = [d.id for d in dimensions]
    current = record.current_dimension if record.current_dimension in ids else ids[0]
    position = ids.index(current)
    st.caption(tr("paced_note", lang, n=position + 1, total=len(ids)))
    dimension = dimensions[position]
    dimension_questions(token, questionnaire, dimension, position + 1, answers, lang, False)
    if all(q.id in answers for q in dimension.questions) and position < len(ids) - 1:
        st.info(tr("wait_next_part", lang), icon=":material/hourglass_top:")


# --- the room, once revealed ------------------------------------------------------------------


def room_section(record: WorkshopRecord, questionnaire: Questionnaire, lang: Language) -> None:
    st.divider()
    st.subheader(tr("room_title", lang))
    _, _, room = live_room(settings().database(), record.id)
    if not room.visible:
        st.info(tr("room_hidden", lang, k=record.threshold))
        return
    st.caption(tr("room_caption", lang, n=room.contributors))
    st.plotly_chart(room_radar(questionnaire, room, lang), key="participant_radar", theme=None)
    st.markdown(symmetry_verdict(room, lang))
    if room.disagreements:
        st.markdown(f"**{tr('to_discuss', lang)}**")
        for stats in room.disagreements[:3]:
            band = consensus_band(stats.consensus)
            question = questionnaire.question(stats.question_id)
            st.markdown(f"- {question.text(lang)} · _{tr('band_' + band, lang)}_")
    st.button(tr("refresh", lang), key="refresh_room", icon=":material/refresh:")


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
        st.title(tr("join_title", lang))
        st.error(tr("participant_unknown", lang))
        code_form(lang)
        return
    lang = language_switch(participant_language(record.language))
    questionnaire = questionnaire_by_id(record.questionnaire_id)
    if questionnaire is None:
        st.error(tr("questionnaire_missing", lang))
        return
    answers = store.answers_of(token)
    total = record.question_count
    st.title(plain(record.title))
    st.caption(tr("anonymous_note", lang, code=format_code(record.join_code)))
    st.progress(len(answers) / total, text=tr("progress", lang, done=len(answers), total=total))
    # Notices go in one container that is always there, so that the questions below never
    # move on the phone's screen when a notice comes or goes.
    notices = st.container()
    error = st.session_state.pop(ERROR_KEY, None)
    if error:
        notices.error(tr(error, lang), icon=":material/error:")
    if len(answers) >= total:
        notices.success(tr("all_done", lang), icon=":material/celebration:")
    if not record.is_open:
        st.info(tr("closed_answering", lang), icon=":material/lock:")
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
