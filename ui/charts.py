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
from assessment.models import Language, Questionnaire, Result


def result_chart(
    build: Callable[[Questionnaire, Result, Language], go.Figure],
    questionnaire: Questionnaire,
    result: Result,
    lang: Language,
    key: str,
) -> None:
    content = f"{questionnaire_key(questionnaire)}:{result.model_dump_json()}"
    name = f"{build.__module__}.{build.__qualname__}"
    figure = _figure(name, content, lang, build, questionnaire, result)
    st.plotly_chart(figure, key=key, theme=None)


@st.cache_resource(max_entries=256, show_spinner=False)
def _figure(name: str, content: str, lang: str, _build, _questionnaire, _result) -> go.Figure:
    """Keyed by the first three arguments (Streamlit does not hash those starting with _)."""
    return _build(_questionnaire, _result, lang)
