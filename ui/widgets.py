"""Inputs whose value survives a language switch.

A widget's labels change with the language, and Streamlit then either resets it or keeps
showing the old label. So each input gets one widget per language, and its value lives in a
language-independent draft that seeds whichever widget is shown.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import streamlit as st

from assessment.i18n import say
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


def kept(field: str, lang: Language) -> dict[str, Any]:
    """The options that make any input (a radio, a number…) this language's widget for the
    draft ``field``, its value kept there on each change; seed it with ``draft(field)``
    (``text_input`` and ``selectbox`` below seed its state instead, which also empties them
    once the draft is cleared: use them for a form that stays on the page)."""
    return {"key": _key(field, lang), "on_change": _keep, "args": (field, lang)}


def _key(field: str, lang: Language) -> str:
    return f"{field}__{lang}"


def _keep(field: str, lang: Language) -> None:
    set_draft(field, st.session_state[_key(field, lang)])


def text_input(label: str, field: str, lang: Language, **kwargs: Any) -> str:
    _seed(field, lang, draft(field, ""))
    return st.text_input(label, **kept(field, lang), **kwargs)


def _seed(field: str, lang: Language, value: Any) -> None:
    """Give the widget its draft before it is drawn. A keyed widget keeps the value its browser
    holds over reruns, whatever it is created with: set through the session state, a cleared
    draft empties the field on screen too (a form left on the page comes back empty)."""
    key = _key(field, lang)
    if st.session_state.get(key) != value:
        st.session_state[key] = value


def selectbox(
    label: str,
    field: str,
    lang: Language,
    options: list,
    format_func: Callable[[Any], str],
    **kwargs: Any,
) -> Any:
    current = draft(field)
    _seed(field, lang, current if current in options else None)
    kwargs.setdefault("placeholder", say("app.choose", lang))
    return st.selectbox(
        label,
        options,
        index=None,  # the value comes from the seeded state: nothing chosen without a draft
        format_func=format_func,
        **kept(field, lang),
        **kwargs,
    )


def file_uploader(
    label: str, key: str, lang: Language, types: list[str], max_mb: int, **kwargs: Any
) -> Any:
    """A file uploader whose own words (its button, its size and type line) are in the
    reader's language: Streamlit writes them in English, so they are covered by the
    catalogue's, scoped to this one uploader by its container's key."""
    box = re.sub(r"[^A-Za-z0-9_-]", "-", f"upload-{key}")
    button = say("app.upload_button", lang)
    limit = say("app.upload_limit", lang, size=max_mb, types=", ".join(t.upper() for t in types))
    # Streamlit's text shrinks to nothing and ours takes its place (it cannot be set).
    st.html(
        f"""<style>
.st-key-{box} [data-testid="stFileUploaderDropzone"] button p,
.st-key-{box} [data-testid="stFileUploaderDropzoneInstructions"] span {{ font-size: 0; }}
.st-key-{box} [data-testid="stFileUploaderDropzone"] button p::after {{
  content: "{_css_text(button)}"; font-size: 0.875rem; }}
.st-key-{box} [data-testid="stFileUploaderDropzoneInstructions"] span::after {{
  content: "{_css_text(limit)}"; font-size: 0.875rem; }}
</style>"""
    )
    with st.container(key=box):
        return st.file_uploader(label, type=types, key=key, max_upload_size=max_mb, **kwargs)


def _css_text(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')


def hide_english_hints() -> None:
    """Streamlit's own "Press Enter to apply" under text fields cannot be translated: it is
    hidden (fields are saved when left, as the captions say)."""
    st.html('<style>[data-testid="InputInstructions"] { display: none; }</style>')
