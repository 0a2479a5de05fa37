"""One question as a person answers it, shared by the self-assessment and the workshop pages:
the status mark, the text and why it matters, and the levels with their descriptions."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from assessment.models import Language, Question, Questionnaire

DONT_KNOW = "dont_know"  # the radio's option for "don't know"; stored as NULL


def _header(question: Question, answered: bool, lang: Language) -> None:
    mark = (
        ":green[:material/check_circle:]"
        if answered
        else ":gray[:material/radio_button_unchecked:]"
    )
    st.markdown(f"{mark} **{question.order}.** {question.text(lang)}")
    if question.help:
        st.caption(question.help(lang))


def _level_radio(
    questionnaire: Questionnaire,
    question: Question,
    answers: dict,
    lang: Language,
    key: str,
    on_change: Callable[..., None],
    args: tuple[Any, ...],
    label: str,
    disabled: bool = False,
) -> None:
    """The scale's levels with this question's description of each, and "don't know"."""
    scale = questionnaire.scale
    options = [*scale.values, DONT_KNOW]
    current = answers.get(question.id, "unanswered")
    current = DONT_KNOW if current is None else current
    st.radio(
        label,
        options,
        index=options.index(current) if current in options else None,
        format_func=lambda v: (
            scale.dont_know(lang) if v == DONT_KNOW else f"{v} · {scale.level_of(v).label(lang)}"
        ),
        captions=[question.anchors[v](lang) for v in scale.values] + [""],
        key=key,
        on_change=on_change,
        args=args,
        label_visibility="collapsed",
        disabled=disabled,
    )


def question_card(
    container_key: str,
    questionnaire: Questionnaire,
    question: Question,
    answers: dict,
    lang: Language,
    *,
    key: str,
    on_change: Callable[..., None],
    args: tuple[Any, ...],
    label: str,
    disabled: bool = False,
) -> DeltaGenerator:
    """The question in its bordered card; the card is returned so that a page can add to it
    (reference points, a comment)."""
    card = st.container(border=True, key=container_key)
    with card:
        _header(question, question.id in answers, lang)
        _level_radio(questionnaire, question, answers, lang, key, on_change, args, label, disabled)
    return card


def level_of(choice: Any) -> int | None:
    return None if choice == DONT_KNOW else choice
