"""The diagnoses on a results screen: each raised warning beside the stall's, the research
behind the stall, and the capability × people map with the association it is drawn after."""

from __future__ import annotations

import streamlit as st

from assessment.benchmark import questionnaire_key
from assessment.benchmark.evidence import PEOPLE_MAP, Evidence
from assessment.i18n import say
from assessment.models import Language, Questionnaire
from assessment.reading import diagnosis_warnings
from assessment.reading.people_map import MapPoint, map_diagnosis, people_map
from assessment.results import Result
from assessment.services import evidence_library
from ui.benchmark_peers import cited
from ui.charts import kept_figure


def warnings(questionnaire: Questionnaire, result: Result, lang: Language) -> None:
    """Each raised warning other than the stall, said as the stall's is."""
    for text in diagnosis_warnings(questionnaire, result, lang):
        st.error(text, icon=":material/warning:")


def research(questionnaire: Questionnaire, about: str, lang: Language) -> None:
    """The published reference points on a subject, in an expander; nothing if there is none."""
    evidence = evidence_library(questionnaire)
    items = evidence.about(about) if evidence else []
    if not items:
        return
    with st.expander(say(f"diagnoses.research_{'map' if about == PEOPLE_MAP else 'stall'}", lang)):
        st.caption(say("diagnoses.research_help", lang))
        st.markdown("\n".join(_line(item, lang) for item in items))


def map_section(
    questionnaire: Questionnaire, points: list[MapPoint], lang: Language, key: str
) -> None:
    """The capability × people map, when the questionnaire declares its two hands."""
    if map_diagnosis(questionnaire) is None:
        return
    st.subheader(say("diagnoses.map_title", lang), anchor=False)
    st.caption(say("diagnoses.map_help", lang))
    if points:
        content = f"{questionnaire_key(questionnaire)}:{lang}:{points!r}"
        figure = kept_figure(people_map, content, questionnaire, points, lang)
        st.plotly_chart(figure, key=key, theme=None)
    else:
        st.info(say("diagnoses.map_empty", lang))
    research(questionnaire, PEOPLE_MAP, lang)


def _line(item: Evidence, lang: Language) -> str:
    return cited(lang, item, item.source, item.second_hand)
