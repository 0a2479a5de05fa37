"""Per-session context shared by every page: the chosen language and the loaded questionnaires."""

from __future__ import annotations

import re
from pathlib import Path

import streamlit as st

from assessment import formatting as fmt
from assessment.i18n import in_language, language_label, language_name, say
from assessment.models import LANGUAGES, Language, Questionnaire
from assessment.questionnaire import (
    QUESTIONNAIRES_DIR,
    QuestionnaireError,
    default_of,
    load_questionnaire,
    questionnaire_files,
)
from assessment.questionnaire import QUESTIONNAIRES_DIR as SHIPPED_DIR
from assessment.settings import settings


def choose_language(in_use: Questionnaire | None = None) -> Language:
    """Language switch in the sidebar, mirrored in the URL (?lang=en) so that a reload or a
    shared link keeps it; first visit: the browser's language, French unless it is English.
    Switching re-renders the same page; nothing else changes."""
    questionnaire = in_use or remembered_questionnaire()
    offered = st.session_state.offered_languages = offered_languages(questionnaire)
    if "language" not in st.session_state:
        asked = st.query_params.get("lang")
        browser = "en" if (st.context.locale or "").startswith("en") else "fr"
        st.session_state.language = asked if asked in offered else browser
    if st.session_state.language not in offered:  # another questionnaire was chosen
        st.session_state.language = offered[0] if offered[0] not in LANGUAGES else "en"
    # Widget state is dropped when a page switch interrupts a run: "language" is the truth.
    st.session_state.lang = st.session_state.language
    lang = st.sidebar.segmented_control(
        "Langue · Language",
        offered,
        format_func=language_name,
        key="lang",
        required=True,
        on_change=lambda: st.session_state.update(language=st.session_state.lang),
    )
    if st.query_params.get("lang") != lang:  # setting it anyway would tell the browser each run
        st.query_params["lang"] = lang
    if lang not in LANGUAGES:
        st.sidebar.caption(
            say("model.interface_fallback", lang, language=language_label(lang, "en"))
        )
    if in_use is not None:
        content_language_note(in_use, lang)
    return lang


def offered_languages(questionnaire: Questionnaire | None) -> list[str]:
    """The interface's languages, then the other languages the questionnaire is written in."""
    spoken = questionnaire.languages if questionnaire is not None else []
    return list(dict.fromkeys([*LANGUAGES, *spoken]))


def remembered_questionnaire() -> Questionnaire | None:
    """The questionnaire the sidebar picker shows (chosen earlier, else the default)."""
    loaded = load_all_questionnaires()
    name = st.session_state.get("questionnaire_name")
    chosen = loaded.get(name) if name else default_of(loaded, settings().default_questionnaire)
    return chosen if isinstance(chosen, Questionnaire) else None


def content_language_note(questionnaire: Questionnaire, lang: Language) -> None:
    """Said when the questionnaire is not written in the reader's language: its questions
    then read in its main language."""
    if lang not in questionnaire.languages:
        main = questionnaire.main_language()
        st.sidebar.caption(say("model.content_fallback", lang, language=language_label(main, lang)))


def plain(text: str) -> str:
    """User text shown literally: markdown characters escaped, never interpreted."""
    return re.sub(r"([\\`*_{}\[\]()#+\-.!|<>~$])", r"\\\1", text)


@st.cache_resource
def load_all_questionnaires() -> dict[str, Questionnaire | QuestionnaireError]:
    """Every questionnaire file, or the error that keeps it out (shown, never hidden)."""
    loaded: dict[str, Questionnaire | QuestionnaireError] = {}
    folder = Path(QUESTIONNAIRES_DIR)
    shipped = sorted(folder.glob("*.yaml"))  # a test points QUESTIONNAIRES_DIR elsewhere
    for path in shipped + [p for p in questionnaire_files() if p.parent != SHIPPED_DIR]:
        try:
            loaded[path.name] = load_questionnaire(path)
        except QuestionnaireError as error:
            loaded[path.name] = error
    return loaded


def offered_questionnaires() -> tuple[list[Questionnaire], Questionnaire | None]:
    """The valid questionnaires and the one offered first (DEFAULT_QUESTIONNAIRE, or the only
    one); None when the reader must choose among several."""
    loaded = load_all_questionnaires()
    valid = [q for q in loaded.values() if isinstance(q, Questionnaire)]
    return valid, default_of(loaded, settings().default_questionnaire)


def questionnaire_label(questionnaire: Questionnaire, lang: Language) -> str:
    """Its title, size and languages, as the picker lists it."""
    count = len(questionnaire.questions())
    size = say(f"units.questions_{fmt.plural(count, lang)}", lang, number=fmt.number(count, lang))
    written_in = ", ".join(language_label(code, lang) for code in questionnaire.languages)
    return say(
        "hardening.questionnaire_option",
        lang,
        title=questionnaire.title(lang),
        size=size,
        languages=written_in,
    )


def questionnaire_picker(field: str, lang: Language, valid: list[Questionnaire]) -> str | None:
    """The chosen questionnaire's id; the default is preselected, otherwise a choice is
    required (None until made)."""
    from ui import widgets

    by_id = {q.id: q for q in valid}
    return widgets.selectbox(
        say("core.questionnaire", lang),
        field,
        lang,
        list(by_id),
        format_func=lambda qid: questionnaire_label(by_id[qid], lang),
    )


def current_language() -> Language:
    return st.session_state.get("language", "fr")


def choose_questionnaire(lang: Language) -> Questionnaire | None:
    """Questionnaire picker in the sidebar; a broken file is listed with all its problems."""
    loaded = load_all_questionnaires()
    names = list(loaded)
    if not names:
        st.error(say("app.no_questionnaire", lang))
        return None
    first = default_of(loaded, settings().default_questionnaire)
    default_name = next((n for n, q in loaded.items() if q is first), None)
    remembered = st.session_state.get("questionnaire_name", default_name)
    # One widget per language: a keyed selectbox keeps showing its old label after a switch.
    name = st.sidebar.selectbox(
        say("app.choose_questionnaire", lang),
        names,
        index=names.index(remembered) if remembered in names else None,
        key=f"questionnaire_file_{lang}",
        placeholder=say("app.choose", lang),
        format_func=lambda n: (
            questionnaire_label(loaded[n], lang)
            if isinstance(loaded[n], Questionnaire)
            else f"⚠ {n}"
        ),
    )
    if name is None:
        st.info(say("hardening.choose_questionnaire", lang))
        return None
    if st.session_state.get("questionnaire_name") != name:
        st.session_state.questionnaire_name = name
        chosen = loaded[name]
        offered = offered_languages(chosen if isinstance(chosen, Questionnaire) else None)
        if offered != st.session_state.get("offered_languages", offered):
            st.rerun()  # the language switch offers the new questionnaire's languages
    chosen = loaded[name]
    if isinstance(chosen, QuestionnaireError):
        st.error(say("app.invalid_questionnaire", lang))
        st.code("\n".join(in_language(chosen.problems, lang)), language=None)
        return None
    content_language_note(chosen, lang)
    return chosen
