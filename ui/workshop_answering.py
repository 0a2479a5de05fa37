"""A participant answering on a phone: every part open (one per screen) or the part the
facilitator opened; each tap saved at once, a refused tap said and shown as the database has it."""

from __future__ import annotations

from functools import partial

import sqlalchemy as sa
import streamlit as st

from assessment.i18n import say
from assessment.models import Dimension, Language, Question, Questionnaire
from assessment.store import StoreError
from assessment.workshop import DimensionNotOpen, WorkshopClosed, WorkshopRecord
from ui.question_input import level_of, question_card
from ui.workshop_session import get_workshop_store

ERROR_KEY = "workshop_save_error"


def save_answer(token: str, question_id: str, key: str) -> None:
    level = level_of(st.session_state[key])
    try:
        get_workshop_store().save_answer(token, question_id, level)
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
    question_card(
        questionnaire,
        question,
        answers,
        lang,
        keys=(f"wq-{question.id}", f"wa.{question.id}.{lang}"),
        save=partial(save_answer, token, question.id),
        label=say("app.your_answer", lang),
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
        say("workshop.parts", lang),
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
            f"← {say('app.back', lang)}",
            key="workshop_back",
            on_click=lambda: st.session_state.update(workshop_step=step - 1),
            width="stretch",
        )
    if step < len(dimensions) - 1:
        forward.button(
            f"{say('app.next', lang)} →",
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
    st.caption(say("workshop.paced_note", lang, n=position + 1, total=len(ids)))
    dimension = dimensions[position]
    dimension_questions(token, questionnaire, dimension, position + 1, answers, lang, False)
    if all(q.id in answers for q in dimension.questions) and position < len(ids) - 1:
        st.info(say("workshop.wait_next_part", lang), icon=":material/hourglass_top:")
