"""Forms that more than one page shows: the organisation profile and "paste a link"."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

import streamlit as st

from assessment.i18n import say
from assessment.models import Language
from assessment.profile import CODES, Profile
from ui import widgets


def profile_fields(prefix: str, lang: Language, current: dict | None = None) -> dict:
    """The profile inputs, prefilled once from ``current``; values survive a language switch."""
    if current is not None and widgets.draft(f"{prefix}.organisation") is None:
        for field, value in current.items():
            widgets.set_draft(f"{prefix}.{field}", value)
    values = {
        "organisation": widgets.text_input(
            say("app.organisation", lang), f"{prefix}.organisation", lang, max_chars=200
        )
    }
    for field, options in CODES.items():
        values[field] = widgets.selectbox(
            say(f"app.{field}", lang),
            f"{prefix}.{field}",
            lang,
            list(options),
            format_func=lambda code, field=field: say(f"{field}.{code}", lang),
            placeholder=say("app.choose", lang),
        )
    return values


def validated_profile(values: dict, lang: Language) -> Profile | None:
    """The profile, or None after saying which fields are still empty."""
    missing = [say(f"app.{f}", lang) for f, value in values.items() if not (value or "").strip()]
    if missing:
        st.error(say("app.fill_in", lang, fields=", ".join(missing)))
        return None
    return Profile(**values)


def token_in(pasted: str, param: str) -> str:
    """The token of a pasted link (``…?param=TOKEN&…``), or the pasted text itself."""
    text = (pasted or "").strip()
    found = parse_qs(urlsplit(text).query).get(param)
    return found[0] if found else text


@dataclass(frozen=True)
class PastedLink:
    key: str  # of the text field
    param: str  # the link's query parameter that holds the token
    example: str  # shown in the empty field
    secret: bool = False  # a bearer link: typed as a password


def paste_link_form(
    lang: Language,
    link: PastedLink,
    texts: tuple[str, str, str],
    find: Callable[[str], object],
    refused: type[Exception],
    opened: Callable[[str], None],
) -> None:
    """A field for a pasted link (or its token alone) and a button. ``texts`` are the field's
    label, the button's and the message for a link that opens nothing (``find`` raised
    ``refused``); a link that opens is ``opened`` and the page rerun."""
    label, button, unknown = texts
    # In a form, which sends what was typed however the field was left: Streamlit's password
    # field loses it when Tab moves on to its eye button. A pasted link is no draft to keep.
    with st.form(f"{link.key}.form", border=False):
        pasted = st.text_input(
            label,
            key=f"{link.key}__{lang}",
            placeholder=link.example,
            type="password" if link.secret else "default",
        )
        if not st.form_submit_button(button, key=f"{link.key}.open"):
            return
    token = token_in(pasted, link.param)
    try:
        find(token)
    except refused:
        st.error(unknown)
        return
    opened(token)
    st.rerun()
