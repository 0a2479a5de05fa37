"""The facilitator's links: the secret one kept before anything is projected, the room
screen's view-only one, and a lost secret link renewed with the consultant key."""

from __future__ import annotations

import streamlit as st

from assessment.i18n import say
from assessment.models import Language
from assessment.settings import settings
from assessment.throttle import same_secret
from assessment.workshop import UnknownWorkshop, WorkshopStore, format_code, normalise_code
from ui import throttle
from ui.workshop_session import (
    CREATED_LINK_KEY,
    facilitator_link,
    open_facilitator,
    room_screen_link,
)


def before_you_project(lang: Language, store: WorkshopStore, token: str) -> bool:
    """Right after creation, before the dashboard: the secret link to keep, and the room
    screen's link to project instead of this one. True while the step is showing."""
    if not st.session_state.get(CREATED_LINK_KEY):
        return False
    st.title(say("workshop_links.before_title", lang), anchor=False)
    st.write(say("workshop_links.before_intro", lang))
    with st.container(border=True):
        st.markdown(f":material/key: **{say('workshop_links.secret_title', lang)}**")
        st.caption(say("workshop_links.secret_help", lang))
        st.code(facilitator_link(token), language=None)
    with st.container(border=True):
        screen_section(lang, store, token)
    if st.button(say("workshop_links.before_done", lang), type="primary", key="keep_link_done"):
        st.session_state.pop(CREATED_LINK_KEY, None)
        st.rerun()
    return True


def screen_section(lang: Language, store: WorkshopStore, token: str) -> None:
    """The room screen's link: to open on the projected display (view-only)."""
    link = room_screen_link(store.screen_token(token))
    st.markdown(f":material/co_present: **{say('workshop_links.screen_title', lang)}**")
    st.caption(say("workshop_links.screen_help", lang))
    st.code(link, language=None)
    st.link_button(say("workshop_links.screen_open", lang), link, icon=":material/open_in_new:")


def recover_form(lang: Language, store: WorkshopStore) -> None:
    """A lost facilitator link: a new one from the join code and the consultant key; the
    old facilitator and room screen links stop working."""
    with st.expander(say("workshop_links.recover_title", lang), icon=":material/key:"):
        if not settings().consultant_key:
            st.caption(say("workshop_links.recover_no_key", lang))
            return
        st.caption(say("workshop_links.recover_help", lang))
        with st.form("recover_facilitator", border=False):
            code = st.text_input(say("workshop.code_label", lang), max_chars=12)
            key = st.text_input(say("workshop_links.recover_key", lang), type="password")
            if not st.form_submit_button(say("workshop_links.recover_button", lang)):
                return
        expected = settings().consultant_key
        right = throttle.attempt("consultant_key", key, lambda k: same_secret(k, expected), lang)
        if not right:  # None: this session must wait after wrong keys (said above)
            if right is False:
                st.error(say("workshop_links.recover_wrong_key", lang))
            return
        try:
            token, _ = store.renew_facilitator(normalise_code(code))
        except UnknownWorkshop:
            st.error(say("workshop.code_unknown", lang, code=format_code(normalise_code(code))))
            return
        st.session_state[CREATED_LINK_KEY] = facilitator_link(token)
        open_facilitator(token)
        st.rerun()
