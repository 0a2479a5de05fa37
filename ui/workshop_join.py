"""Joining a workshop from a phone: the language switch, the code form (any case, with or
without the dash) and the join page with the segment choices."""

from __future__ import annotations

import streamlit as st

from assessment.i18n import say
from assessment.models import Language
from assessment.workshop import (
    InvalidChoice,
    UnknownWorkshop,
    WorkshopClosed,
    WorkshopRecord,
    normalise_code,
)
from ui import throttle
from ui.context import plain
from ui.workshop_session import (
    JOIN_PARAM,
    enter_as_participant,
    get_workshop_store,
    participant_language,
)


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


def code_form(lang: Language, typed: str = "") -> None:
    """Type the code shown on the screen (any case, with or without the dash)."""
    with st.form("join_code_form", border=True):
        code = st.text_input(
            say("workshop.code_label", lang),
            value=typed,
            max_chars=12,
            placeholder="ABC-DEF",
            key="code",
        )
        if st.form_submit_button(say("workshop.continue", lang), type="primary", width="stretch"):
            st.query_params[JOIN_PARAM] = normalise_code(code)
            st.rerun()


def join_page(code: str) -> None:
    lang = browser_language()
    if not code:
        lang = language_switch(lang)
        st.title(say("workshop.join_title", lang))
        code_form(lang)
        return
    wait = throttle.wait_for("join_code", code)  # wrong codes are slowed down
    if wait:
        lang = language_switch(lang)
        st.title(say("workshop.join_title", lang))
        throttle.say_wait(wait, lang)
        code_form(lang, code)
        return
    try:
        record = get_workshop_store().by_code(code)
    except UnknownWorkshop:
        throttle.tried("join_code", code, right=False)
        lang = language_switch(lang)
        st.title(say("workshop.join_title", lang))
        st.error(say("workshop.code_unknown", lang, code=plain(code.upper()[:12])))
        code_form(lang, code)
        return
    throttle.tried("join_code", code, right=True)
    lang = language_switch(participant_language(record.language))
    st.title(plain(record.title))
    if not record.is_open:
        st.warning(say("workshop.closed_join", lang), icon=":material/lock:")
        return
    st.caption(f":material/shield_person: {anonymity_statement(record, lang)}")
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
        st.caption(say("workshop.segment_why", lang, k=record.threshold))
    if st.button(say("workshop.join_button", lang), type="primary", key="join", width="stretch"):
        missing = [s.name for s in record.segments if not choices.get(s.name)]
        if missing:
            st.error(say("workshop.choose_segment", lang, names=", ".join(map(plain, missing))))
            return
        try:
            token, _ = get_workshop_store().join(record.join_code, choices)
        except WorkshopClosed:
            st.warning(say("workshop.closed_join", lang), icon=":material/lock:")
            return
        except InvalidChoice:
            st.error(say("workshop.choose_segment", lang, names=""))
            return
        enter_as_participant(token)
        st.rerun()


def anonymity_statement(record: WorkshopRecord, lang: Language) -> str:
    """What the facilitator can say to the room: what is kept, for how long, who sees what."""
    return say(
        "workshop.anonymity_statement",
        lang,
        k=record.threshold,
        m=record.dispersion_threshold,
    )
