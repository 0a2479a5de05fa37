"""The language of a workshop page opened without one (the room screen)."""

from __future__ import annotations

import streamlit as st

from assessment.models import Language


def browser_language() -> Language:
    asked = st.query_params.get("lang")
    if asked in ("fr", "en"):
        return asked
    return "en" if (st.context.locale or "").startswith("en") else "fr"
