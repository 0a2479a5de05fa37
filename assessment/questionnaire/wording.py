"""How a questionnaire's answers read in a language, whether it has a shared scale or its
questions have their own options."""

from __future__ import annotations

from assessment.i18n import languages, say
from assessment.models import Language, Questionnaire


def dont_know_text(questionnaire: Questionnaire, lang: Language) -> str:
    """The "don't know" answer: the file's words, else the interface's."""
    label = questionnaire.dont_know_label()
    return label(lang) if label is not None else say("model.dont_know", lang)


def dont_know_texts(questionnaire: Questionnaire) -> set[str]:
    """The "don't know" answer in every language it may have been written in."""
    label = questionnaire.dont_know_label()
    if label is None:
        return {say("model.dont_know", lang) for lang in languages()}
    return {label(code) for code in label.languages()}
