"""What the room is told about joining: the anonymity statement (on the phones' join page, see
phone/, and for the facilitator to read out), and the language of a page opened without one."""

from __future__ import annotations

import streamlit as st

from assessment.i18n import say
from assessment.models import Language
from assessment.workshop import WorkshopRecord


def browser_language() -> Language:
    asked = st.query_params.get("lang")
    if asked in ("fr", "en"):
        return asked
    return "en" if (st.context.locale or "").startswith("en") else "fr"


def anonymity_statement(record: WorkshopRecord, lang: Language) -> str:
    """What the facilitator can say to the room: what is kept, for how long, who sees what."""
    return say(
        "workshop.anonymity_statement",
        lang,
        k=record.threshold,
        m=record.dispersion_threshold,
    )
