"""The per-session back-off of `assessment.throttle`, kept in Streamlit's session state: each
value typed counts once (a rerun with the same value is not a new try)."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable

import streamlit as st

from assessment.i18n import say
from assessment.models import Language
from assessment.throttle import Backoff


def _state(name: str) -> tuple[Backoff, dict[str, bool]]:
    gate = st.session_state.setdefault(f"throttle.{name}", Backoff())
    return gate, st.session_state.setdefault(f"throttle.{name}.seen", {})


def _seen_as(given: str) -> str:
    """What is remembered of a value tried: its digest, never the value (a key, a code)."""
    return hashlib.sha256(given.encode("utf-8")).hexdigest()


def wait_for(name: str, given: str) -> int:
    """Seconds before a new value may be looked at, after wrong tries (0: at once)."""
    gate, seen = _state(name)
    return 0 if _seen_as(given) in seen else gate.wait(time.monotonic())


def say_wait(seconds: int, lang: Language) -> None:
    st.warning(say("hardening.wait", lang, seconds=seconds), icon=":material/hourglass_top:")


def tried(name: str, given: str, right: bool) -> None:
    """The outcome of looking at ``given``; a wrong value already counted is not counted again."""
    gate, seen = _state(name)
    if _seen_as(given) in seen:
        return
    if right:
        gate.succeeded()
    else:
        gate.failed(time.monotonic())
    seen.clear()  # only the last value is remembered: nothing grows
    seen[_seen_as(given)] = right


def attempt(name: str, given: str, check: Callable[[str], bool], lang: Language) -> bool | None:
    """Whether ``given`` is right; None while this session must still wait."""
    wait = wait_for(name, given)
    if wait:
        say_wait(wait, lang)
        return None
    _, seen = _state(name)
    if _seen_as(given) not in seen:
        tried(name, given, check(given))
    return seen[_seen_as(given)]
