"""Workshop links, the workshop store and the live room, for the workshop pages and the router.

Four kinds of link, each a bearer secret or a public code in the query string:
``?join=CODE`` (public: anyone in the room), ``?p=<participant token>`` (one participant's
place), ``?screen=<room screen token>`` (view-only: what is projected, which changes nothing
and shows nothing the room does not see) and ``/facilitate?f=<facilitator token>`` (the
dashboard and its controls). Only the last opens the dashboard. The first two get the phones'
light page before Streamlit sees them (phone/, mounted by serve.py); the router gives the room
screen a single page, and the dashboard asks the store for the facilitator token's hash.
"""

from __future__ import annotations

import io
from urllib.parse import urlsplit

import segno
import streamlit as st

from assessment.models import Language, Questionnaire
from assessment.settings import settings
from assessment.workshop import RoomAggregate, RoomCounts, WorkshopRecord, WorkshopStore, room_of
from ui.context import load_all_questionnaires
from ui.routes import ROOM_SCREEN_PAGE, app_address
from ui.session import store_for

JOIN_PARAM, PARTICIPANT_PARAM, FACILITATOR_PARAM, SCREEN_PARAM = "join", "p", "f", "screen"
FACILITATOR_KEY = "workshop_facilitator_token"
CREATED_LINK_KEY = "workshop_created_link"  # the facilitator link, shown until dismissed
# The facilitator's live panels: a new participant or answer shows within REFRESH_SECONDS +
# ROOM_TTL (+ the run) of reaching the database; ten screens still cost one query per ROOM_TTL.
REFRESH_SECONDS = 1.0
ROOM_TTL = 0.75
LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1", "0.0.0.0", ""}


def is_room_screen_link() -> bool:
    return SCREEN_PARAM in st.query_params


def get_workshop_store() -> WorkshopStore:
    return workshop_store_for(settings().database(), id(WorkshopStore))


@st.cache_resource(max_entries=4)
def workshop_store_for(url: str, generation: int) -> WorkshopStore:
    """One per database and server process, on the app's own engine (tables made once).
    ``generation`` is the class's identity: when a source file changes, Streamlit re-imports
    the modules, and records made by a store of the old classes could no longer be pickled
    by st.cache_data, so a store of the new classes is made."""
    return WorkshopStore(store_for(url))


def questionnaire_by_id(questionnaire_id: str) -> Questionnaire | None:
    for loaded in load_all_questionnaires().values():
        # Not isinstance: after Streamlit re-imports the modules, the cached questionnaires
        # are instances of the previous Questionnaire class.
        if type(loaded).__name__ == "Questionnaire" and loaded.id == questionnaire_id:
            return loaded
    return None


# --- the live room (cached: ten screens refreshing cost one query) --------------------------


@st.cache_data(ttl=ROOM_TTL, max_entries=64, show_spinner=False)
def live_room(url: str, workshop_id: int) -> tuple[WorkshopRecord, RoomCounts, RoomAggregate]:
    """The workshop, its counts and the room's aggregate; never any participant's answers."""
    snapshot = workshop_store_for(url, id(WorkshopStore)).snapshot(workshop_id)
    record = snapshot.workshop
    questionnaire = questionnaire_by_id(record.questionnaire_id)
    if questionnaire is None:
        raise LookupError(record.questionnaire_id)
    room = room_of(questionnaire, snapshot)  # the workshop's own thresholds
    return record, snapshot.counts, room


# --- links --------------------------------------------------------------------------------


def base_url() -> str:
    """The app's address: PUBLIC_URL when set, else the one this browser used."""
    configured = settings().public_url.rstrip("/")
    if configured:
        return configured
    return app_address()


def join_link(code: str) -> str:
    return f"{base_url()}/?{JOIN_PARAM}={code}"


def facilitator_link(token: str) -> str:
    return f"{base_url()}/facilitate?{FACILITATOR_PARAM}={token}"


def room_screen_link(screen_token: str) -> str:
    return f"{base_url()}/?{SCREEN_PARAM}={screen_token}"


def reachable_from_phones() -> bool:
    """False when the address is this machine's own (localhost): phones cannot open it."""
    return (urlsplit(base_url()).hostname or "") not in LOCAL_HOSTS


@st.cache_data(max_entries=32, show_spinner=False)
def qr_code(url: str, kind: str = "png") -> bytes:
    """The link as a QR code, large and with a quiet zone, to project or put on a slide."""
    buffer = io.BytesIO()
    code = segno.make(url, error="m")
    if kind == "svg":
        code.save(buffer, kind="svg", scale=10, border=2, dark="#1f2933")
    else:
        code.save(buffer, kind="png", scale=12, border=2, dark="#1f2933")
    return buffer.getvalue()


# --- tokens in the session -------------------------------------------------------------------


def _linked(param: str, key: str) -> str | None:
    """The token of the link just opened (?param=…), else the one this session keeps."""
    linked = st.query_params.get(param)
    if linked:
        st.session_state[key] = linked
    return st.session_state.get(key)


def _keep(param: str, key: str, token: str) -> None:
    """In the session and in the address bar, so that a reload keeps it."""
    st.session_state[key] = token
    st.query_params[param] = token


def _drop(param: str, key: str) -> None:
    st.session_state.pop(key, None)
    st.query_params.pop(param, None)


def facilitator_token() -> str | None:
    return _linked(FACILITATOR_PARAM, FACILITATOR_KEY)


def open_facilitator(token: str) -> None:
    _keep(FACILITATOR_PARAM, FACILITATOR_KEY, token)


def forget_facilitator() -> None:
    _drop(FACILITATOR_PARAM, FACILITATOR_KEY)


def room_screen_token() -> str:
    return st.query_params.get(SCREEN_PARAM, "")


def screen_language(default: Language) -> Language:
    """?lang= when given, else the workshop's language."""
    asked = st.query_params.get("lang")
    return asked if asked in ("fr", "en") else default


# --- routing (called by app.py) ---------------------------------------------------------------


def run_room_screen_app() -> None:
    """A room screen link: one full-screen page, no navigation, no sidebar, no control."""
    st.set_page_config(
        page_title="Atelier · Workshop",
        page_icon=":material/co_present:",
        layout="wide",
        initial_sidebar_state="collapsed",
    )
    page = st.Page(ROOM_SCREEN_PAGE, title="Atelier · Workshop", default=True)
    st.navigation([page], position="hidden").run()
