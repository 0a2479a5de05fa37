"""Answer the questionnaire, one step per dimension; every click is saved at once."""

from functools import partial

import streamlit as st

from assessment import formatting as fmt
from assessment.i18n import say
from assessment.models import Dimension, Question, Questionnaire
from assessment.scoring import AnswerError, check_answers
from assessment.store import AssessmentRecord, StoreError
from ui.context import current_language, plain
from ui.question_input import level_of, question_card
from ui.session import get_store, with_assessment

lang = current_language()
store = get_store()
# Said once per run rather than once per question.
YOUR_ANSWER, COMMENT, COMMENT_PLACEHOLDER, REFERENCE_NOTE = (
    say(f"app.{key}", lang)
    for key in ("your_answer", "comment", "comment_placeholder", "reference_point_note")
)


def save_answer(record_id: int, questionnaire: Questionnaire, question_id: str, key: str) -> None:
    level = level_of(st.session_state[key])
    try:
        check_answers(questionnaire, {question_id: level})
        store.save_answer(record_id, question_id, level)
    except (AnswerError, StoreError) as error:
        st.session_state.save_error = f"{question_id}: {error}"


def save_comment(record_id: int, question_id: str, key: str) -> None:
    try:
        store.save_comment(record_id, question_id, st.session_state[key])
    except StoreError as error:
        st.session_state.save_error = f"{question_id}: {error}"


def question_block(
    record: AssessmentRecord,
    questionnaire: Questionnaire,
    question: Question,
    answers: dict,
    comments: dict,
) -> None:
    card = question_card(
        questionnaire,
        question,
        answers,
        lang,
        keys=(f"question.{question.id}", f"answer.{question.id}.{lang}"),
        save=partial(save_answer, record.id, questionnaire, question.id),
        label=YOUR_ANSWER,
    )
    with card:
        for reference_id in question.references:
            reference = questionnaire.reference(reference_id)
            source = f"{reference.source}, {reference.year}"
            st.caption(
                f":material/push_pin: {reference.statement(lang)} ({source}) · {REFERENCE_NOTE}"
            )
        comment_key = f"comment.{question.id}.{lang}"
        with st.expander(COMMENT + (" ✎" if question.id in comments else "")):
            st.text_area(
                COMMENT,
                value=comments.get(question.id, ""),
                key=comment_key,
                max_chars=2000,
                on_change=save_comment,
                args=(record.id, question.id, comment_key),
                label_visibility="collapsed",
                placeholder=COMMENT_PLACEHOLDER,
            )


def step_label(dimension: Dimension, answers: dict) -> str:
    done = sum(1 for q in dimension.questions if q.id in answers)
    return f"{dimension.title(lang)} ({done}/{len(dimension.questions)})"


def go_to(step: int) -> None:
    st.session_state.step = step


def step_navigation(dimensions: list[Dimension], step: int, where: str) -> None:
    back, _, forward = st.columns([1, 2, 1])
    if step > 0:
        back.button(
            f"← {say('app.back', lang)}",
            key=f"back_{where}",
            on_click=go_to,
            args=(step - 1,),
            width="stretch",
        )
    if step < len(dimensions) - 1:
        forward.button(
            f"{say('app.next', lang)} →",
            key=f"next_{where}",
            on_click=go_to,
            args=(step + 1,),
            type="primary",
            width="stretch",
        )
    else:
        forward.page_link(
            "app_pages/results.py", label=say("app.see_results", lang), icon=":material/insights:"
        )


def answer_page(record: AssessmentRecord, questionnaire: Questionnaire) -> None:
    dimensions = questionnaire.ordered_dimensions()
    answers, comments = store.answers_and_comments(record.id)
    total = len(questionnaire.questions())
    dont_know = sum(1 for v in answers.values() if v is None)
    step = min(st.session_state.get("step", 0), len(dimensions) - 1)

    st.title(plain(record.profile.organisation))
    st.progress(
        len(answers) / total,
        text=fmt.answered(len(answers), total, lang)
        + (f" · {say('app.dont_know_count', lang, n=dont_know)}" if dont_know else ""),
    )
    labels = [step_label(d, answers) for d in dimensions]
    chosen = st.segmented_control(
        say("app.steps", lang),
        range(len(dimensions)),
        default=step,
        format_func=labels.__getitem__,
        key=f"step_picker.{step}.{lang}",
        required=True,
        label_visibility="collapsed",
    )
    if chosen is not None and chosen != step:
        go_to(chosen)
        st.rerun()

    error = st.session_state.pop("save_error", None)
    if error:
        st.error(say("app.save_failed", lang, error=error))

    dimension = dimensions[step]
    st.header(f"{step + 1}. {dimension.title(lang)}")
    st.write(dimension.description(lang))
    for question in dimension.ordered_questions():
        question_block(record, questionnaire, question, answers, comments)

    missing = [q.order for q in dimension.ordered_questions() if q.id not in answers]
    if missing:
        st.info(say("app.still_unanswered", lang, questions=", ".join(map(str, missing))))
    else:
        st.success(say("app.step_complete", lang))
    step_navigation(dimensions, step, "bottom")


with_assessment(answer_page)
