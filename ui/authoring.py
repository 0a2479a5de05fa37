"""Downloads for consultants who write their own questionnaire in a spreadsheet."""

from __future__ import annotations

import streamlit as st

from assessment.i18n import say
from assessment.models import Language, Questionnaire
from exports.authoring import blank_workbook, questionnaire_workbook

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@st.cache_data(max_entries=8)
def _workbook_of(questionnaire_id: str, version: str, _questionnaire: Questionnaire) -> bytes:
    return questionnaire_workbook(_questionnaire)


@st.cache_data(max_entries=8)
def _blank(languages: tuple[str, ...]) -> bytes:
    return blank_workbook(languages)


def authoring_downloads(questionnaire: Questionnaire, lang: Language) -> None:
    """This questionnaire as a workbook to adapt, and an empty one to start from; the caption
    says how to turn either back into a file the app reads."""
    with st.expander(say("model.authoring_title", lang), icon=":material/table_view:"):
        st.caption(say("model.authoring_help", lang))
        left, right = st.columns(2)
        left.download_button(
            say("model.download_questionnaire", lang),
            _workbook_of(questionnaire.id, questionnaire.version, questionnaire),
            file_name=f"{questionnaire.id}.xlsx",
            mime=XLSX,
            key="download_questionnaire_workbook",
            icon=":material/download:",
        )
        right.download_button(
            say("model.download_blank", lang),
            _blank(tuple(dict.fromkeys([lang, "en"]))),
            file_name="questionnaire-template.xlsx",
            mime=XLSX,
            key="download_blank_workbook",
            icon=":material/download:",
        )
