"""Charts of a result, built once per questionnaire, result and language.

plotly checks every property of a figure as it is built (about 15 ms for the radar or the
quadrant on the development machine), and a page shows the same result again on each rerun.
The figure is kept (st.cache_resource: one object, shared) and never changed: st.plotly_chart
only reads it (it takes a copy with ``to_dict()``; given JSON instead, it would check it all
over again).
"""

from __future__ import annotations

from collections.abc import Callable

import plotly.graph_objects as go
import streamlit as st

from assessment.benchmark import questionnaire_key
from assessment.models import Language, Questionnaire
from assessment.results import Result


def result_chart(
    build: Callable[[Questionnaire, Result, Language], go.Figure],
    questionnaire: Questionnaire,
    result: Result,
    lang: Language,
    key: str,
) -> None:
    content = f"{questionnaire_key(questionnaire)}:{lang}:{result.model_dump_json()}"
    st.plotly_chart(kept_figure(build, content, questionnaire, result, lang), key=key, theme=None)


def kept_figure(build: Callable[..., go.Figure], content: str, *arguments) -> go.Figure:
    """``build(*arguments)``, built once for each ``content`` (a text that says everything the
    figure shows) and then shared."""
    return _figure(f"{build.__module__}.{build.__qualname__}", content, build, arguments)


@st.cache_resource(max_entries=256, show_spinner=False)
def _figure(name: str, content: str, _build, _arguments) -> go.Figure:
    """Keyed by the first two arguments (Streamlit does not hash those starting with _)."""
    return _build(*_arguments)
