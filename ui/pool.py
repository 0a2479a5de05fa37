"""The benchmark pool, cached: reading 10,000 members on each rerun would not scale. Shared, not
copied (st.cache_resource): the entries are frozen, and the pool keeps its sorted peer groups
for every page that places an organisation in it (st.cache_data would unpickle a new copy of
every entry on each rerun, and sort the groups again)."""

from __future__ import annotations

import streamlit as st

from assessment.benchmark import Pool, load_pool
from assessment.models import Questionnaire
from assessment.settings import settings
from ui.context import load_all_questionnaires
from ui.session import store_for


@st.cache_resource(ttl=60, max_entries=8, show_spinner=False)
def _pool(url: str, questionnaire_id: str, version: str) -> Pool:
    questionnaire = next(
        q
        for q in load_all_questionnaires().values()
        if isinstance(q, Questionnaire) and (q.id, q.version) == (questionnaire_id, version)
    )
    return load_pool(store_for(url), questionnaire)


def peer_pool(questionnaire: Questionnaire) -> Pool:
    """Opted-in assessments and imported rows; at most a minute old, fresh after any change
    made through this server (opt-in, import, deletion)."""
    return _pool(settings().database(), questionnaire.id, questionnaire.version)


def pool_changed() -> None:
    _pool.clear()
