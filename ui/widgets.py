"""Inputs whose value survives a language switch.

A widget's labels change with the language, and Streamlit then either resets it or keeps
showing the old label. So each input gets one widget per language, and its value lives in a
language-independent draft that seeds whichever widget is shown.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

from assessment.models import Language

DRAFTS = "drafts"


def draft(field: str, default: Any = None) -> Any:
    return st.session_state.setdefault(DRAFTS, {}).get(field, default)


def set_draft(field: str, value: Any) -> None:
    st.session_state.setdefault(DRAFTS, {})[field] = value


def clear_drafts(prefix: str) -> None:
    drafts = st.session_state.setdefault(DRAFTS, {})
    for field in [f for f in drafts if f.startswith(prefix)]:
        del drafts[field]


def _key(field: str, lang: Language) -> str:
    return f"{field}__{lang}"


def _keep(field: str, lang: Language) -> None:
    set_draft(field, st.session_state[_key(field, lang)])


def text_input(label: str, field: str, lang: Language, **kwargs: Any) -> str:
    return st.text_input(
        label,
        value=draft(field, ""),
        key=_key(field, lang),
        on_change=_keep,
        args=(field, lang),
        **kwargs,
    )


def selectbox(
    label: str,
    field: str,
    lang: Language,
    options: list,
    format_func: Callable[[Any], str],
    **kwargs: Any,
) -> Any:
    current = draft(field)
    return st.selectbox(
        label,
        options,
        index=options.index(current) if current in options else None,
        format_func=format_func,
        key=_key(field, lang),
        on_change=_keep,
        args=(field, lang),
        **kwargs,
    )
