"""Router: page config, language, the session's assessment, navigation over app_pages/.

Phones never reach it: their links get the light page of phone/ (see serve.py)."""

import streamlit as st

from ui.context import choose_language, current_language
from ui.guard import guarded
from ui.routes import navigation_pages
from ui.session import (
    active_assessment,
    forget_read_assessment,
    get_store,
    keep_token_in_url,
    questionnaire_in_use,
)
from ui.widgets import hide_english_hints
from ui.workshop_session import is_room_screen_link, run_room_screen_app

if is_room_screen_link():  # the screen projected in a workshop: that page and nothing else
    guarded(run_room_screen_app, current_language())
    st.stop()

st.set_page_config(
    page_title="Transformation maturity", page_icon=":material/flight_takeoff:", layout="wide"
)
lang = choose_language(questionnaire_in_use())
hide_english_hints()


def resolve_assessment() -> None:
    """The private link, resolved before any page shows; exports follow the last language."""
    record = active_assessment()
    if record is not None and record.language != lang:
        get_store().set_language(record.id, lang, st.session_state.get("offered_languages", ()))
        forget_read_assessment()


if not guarded(resolve_assessment, lang):
    st.stop()

page = st.navigation(navigation_pages(lang))
keep_token_in_url()
guarded(page.run, lang)
