"""The room screen: what the facilitator projects while the room answers.

Opened by its view-only link (``/?screen=<token>``), which can change nothing: no
navigation, no control, no download, no secret (the address bar holds only this link).
"""

import streamlit as st

from assessment.i18n import say
from assessment.workshop import UnknownWorkshop
from ui.room_screen import SCREEN_STYLE, room_screen
from ui.workshop_join import browser_language
from ui.workshop_session import (
    get_workshop_store,
    questionnaire_by_id,
    room_screen_token,
    screen_language,
)

st.html(SCREEN_STYLE)
token = room_screen_token()
try:
    record = get_workshop_store().by_screen(token)
except UnknownWorkshop:
    lang = browser_language()
    st.title(say("room_screen.title", lang), anchor=False)
    st.error(say("room_screen.unknown", lang))
    st.stop()
lang = screen_language(record.language)
questionnaire = questionnaire_by_id(record.questionnaire_id)
if questionnaire is None:
    st.error(say("workshop.questionnaire_missing", lang))
    st.stop()
room_screen(lang, token, questionnaire)
