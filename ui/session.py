"""The assessment a browser session works on. The store is the truth; the session keeps only
the private token, so a reload, a new browser or a server restart loses nothing."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from assessment.i18n import say
from assessment.models import Questionnaire
from assessment.settings import settings
from assessment.store import AssessmentRecord, ExpiredLink, LinkError, Store, StoreError
from ui.context import current_language, load_all_questionnaires
from ui.routes import app_address

TOKEN_PARAM = "a"


def get_store() -> Store:
    """The store of DATABASE_URL; looked up once per run (the router and the page both ask)."""
    context = get_script_run_ctx()
    memo = getattr(context, "_store_of_run", None)
    if memo is not None and memo[0] is context.cursors:
        return memo[1]
    store = store_for(settings().database())
    if context is not None:
        context._store_of_run = (context.cursors, store)
    return store


@st.cache_resource(max_entries=4)
def store_for(url: str) -> Store:
    """One engine per database and server process; each unit of work takes its own connection.
    Opening it also erases assessments left untouched beyond the retention period."""
    store = Store(url)
    store.purge_expired()
    return store


def active_assessment() -> AssessmentRecord | None:
    """From the private link (?a=…) when one is opened, else the one this session started."""
    linked = st.query_params.get(TOKEN_PARAM)
    if linked and linked != st.session_state.get("token"):
        st.session_state.token = linked
    token = st.session_state.get("token")
    if not token:
        return None
    # The router and then the page ask for it: read once per run (see _remembered).
    remembered = _remembered(token)
    if remembered is not None:
        return remembered
    try:
        record = get_store().find(token)
        _remember(token, record)
        return record
    except LinkError as error:
        st.session_state.link_error = (
            "link_expired" if isinstance(error, ExpiredLink) else "link_unknown"
        )
        forget_assessment()
        return None


def _remembered(token: str) -> AssessmentRecord | None:
    """The record read earlier in this same run for this token. A run is told by its context's
    ``cursors``, a dict Streamlit makes anew at the start of each run."""
    context = get_script_run_ctx()
    memo = getattr(context, "_assessment_of_run", None)
    if memo is not None and memo[0] is context.cursors and memo[1] == token:
        return memo[2]
    return None


def _remember(token: str, record: AssessmentRecord) -> None:
    context = get_script_run_ctx()
    if context is not None:
        context._assessment_of_run = (context.cursors, token, record)


def forget_read_assessment() -> None:
    """After changing the assessment's record during a run, let the page read it again."""
    context = get_script_run_ctx()
    if context is not None:
        context._assessment_of_run = None


def open_assessment(token: str) -> None:
    st.session_state.token = token
    st.session_state.pop("link_error", None)
    st.query_params[TOKEN_PARAM] = token


def forget_assessment() -> None:
    """Leave the assessment in this browser only; it stays in the store."""
    st.session_state.pop("token", None)
    st.session_state.pop("step", None)
    forget_read_assessment()
    st.query_params.pop(TOKEN_PARAM, None)


def keep_token_in_url() -> None:
    """Page switches drop query parameters: put the private link back in the address bar."""
    token = st.session_state.get("token")
    if token and st.query_params.get(TOKEN_PARAM) != token:
        st.query_params[TOKEN_PARAM] = token


def pop_link_error() -> str | None:
    return st.session_state.pop("link_error", None)


def questionnaire_of(record: AssessmentRecord) -> Questionnaire | None:
    """The questionnaire an assessment was started with (by id), if it is still installed."""
    for loaded in load_all_questionnaires().values():
        if isinstance(loaded, Questionnaire) and loaded.id == record.questionnaire_id:
            return loaded
    return None


def questionnaire_in_use() -> Questionnaire | None:
    """The questionnaire of the session's assessment, for the language switch to offer its
    languages; None without one, or while the store cannot say (the page's guard tells)."""
    try:
        record = active_assessment()
    except StoreError:
        return None
    return questionnaire_of(record) if record else None


def resume_link(token: str) -> str:
    """The private link; it always opens the start page, whatever page it was copied from."""
    return f"{app_address()}/?{TOKEN_PARAM}={token}"


def with_assessment(page: Callable[[AssessmentRecord, Questionnaire], None]) -> None:
    """Run a page that needs the session's assessment; otherwise point to the start page."""
    record = active_assessment()
    questionnaire = questionnaire_of(record) if record else None
    if record is None or questionnaire is None:
        lang = current_language()
        st.info(say("app.no_assessment", lang))
        st.page_link(
            "app_pages/start.py", label=say("app.go_to_start", lang), icon=":material/home:"
        )
        return
    page(record, questionnaire)
