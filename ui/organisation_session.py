"""The organisation a browser session works on: opened by its private link (``?o=…``), kept as
its token in the session; or opened by the consultant from their list (after the consultant
key), kept as its id. The store is the truth."""

from __future__ import annotations

import streamlit as st

from assessment.models import Questionnaire
from assessment.store import LinkError, OrganisationRecord, Organisations
from ui.context import load_all_questionnaires
from ui.routes import app_address
from ui.session import get_store

ORGANISATION_PARAM = "o"


def organisations() -> Organisations:
    return Organisations(get_store())


def active_organisation() -> OrganisationRecord | None:
    """From the private link when one is opened, else the one this session opened."""
    linked = st.query_params.get(ORGANISATION_PARAM)
    first = bool(linked) and linked != st.session_state.get("organisation_token")
    if first:
        st.session_state.organisation_token = linked
        st.session_state.pop("organisation_id", None)
    token = st.session_state.get("organisation_token")
    try:
        if token:
            record = organisations().find(token)
            return organisations().touch(record.id) if first else record
        if st.session_state.get("organisation_id") is not None:
            return organisations().get(st.session_state.organisation_id)
    except LinkError:
        st.session_state.organisation_link_error = True
        forget_organisation()
    return None


def open_organisation(token: str) -> None:
    st.session_state.organisation_token = token
    st.session_state.pop("organisation_id", None)
    st.query_params[ORGANISATION_PARAM] = token


def open_by_consultant(organisation_id: int) -> None:
    """The consultant opens one of their organisations (the key was checked on the way)."""
    st.session_state.pop("organisation_token", None)
    st.session_state.organisation_id = organisation_id
    st.query_params.pop(ORGANISATION_PARAM, None)


def forget_organisation() -> None:
    """Leave the organisation in this browser only; it stays in the store."""
    for key in ("organisation_token", "organisation_id"):
        st.session_state.pop(key, None)
    st.query_params.pop(ORGANISATION_PARAM, None)


def organisation_link(token: str) -> str:
    return f"{app_address()}/organisation?{ORGANISATION_PARAM}={token}"


def installed_questionnaires() -> list[Questionnaire]:
    return [q for q in load_all_questionnaires().values() if isinstance(q, Questionnaire)]
