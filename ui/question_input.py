"""One question as a person answers it, shared by the self-assessment and the workshop pages:
the status mark, the text and why it matters, and the levels with their descriptions."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from assessment.models import Language, Question, Questionnaire
from assessment.questionnaire import dont_know_text

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


def question_card(
    questionnaire: Questionnaire,
    question: Question,
    answers: dict,
    lang: Language,
    *,
    keys: tuple[str, str],
    save: Callable[[str], None],
    label: str,
    disabled: bool = False,
) -> DeltaGenerator:
    """The question in its bordered card: its text, then the scale's levels with this
    question's description of each, and "don't know". ``keys`` are the card's and the
    radio's; ``save(radio key)`` runs on each choice. The card is returned so that a page can
    add to it (reference points, a comment)."""
    card_key, radio_key = keys
    choices = questionnaire.choices(question)
    options = [*(c.value for c in choices), DONT_KNOW]
    current = answers.get(question.id, "unanswered")
    current = DONT_KNOW if current is None else current
    names = {c.value: f"{c.value} · {c.label(lang)}" for c in choices}
    names[DONT_KNOW] = dont_know_text(questionnaire, lang)
    card = st.container(border=True, key=card_key)
    with card:
        _header(question, question.id in answers, lang)
        st.radio(
            label,
            options,
            index=options.index(current) if current in options else None,
            format_func=names.__getitem__,
            captions=[c.description(lang) if c.description else "" for c in choices] + [""],
            key=radio_key,
            on_change=save,
            args=(radio_key,),
            label_visibility="collapsed",
            disabled=disabled,
        )
    return card


def level_of(choice: Any) -> int | None:
    return None if choice == DONT_KNOW else choice
