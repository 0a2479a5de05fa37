"""The benchmark pool, cached: scoring every opted-in assessment on each rerun would not scale."""

from __future__ import annotations

import streamlit as st

from assessment.benchmark import PoolEntry, load_pool
from assessment.models import Questionnaire
from assessment.settings import settings
from ui.context import load_all_questionnaires
from ui.session import store_for


@st.cache_data(ttl=60, max_entries=8, show_spinner=False)
def _pool(url: str, questionnaire_id: str, version: str) -> list[PoolEntry]:
    questionnaire = next(
        q
        for q in load_all_questionnaires().values()
        if isinstance(q, Questionnaire) and (q.id, q.version) == (questionnaire_id, version)
    )
    return load_pool(store_for(url), questionnaire)


def peer_pool(questionnaire: Questionnaire) -> list[PoolEntry]:
    """Opted-in assessments and imported rows; at most a minute old, fresh after any change
    made through this server (opt-in, import, deletion)."""
    return _pool(settings().database(), questionnaire.id, questionnaire.version)


def pool_changed() -> None:
    _pool.clear()
