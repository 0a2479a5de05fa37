"""Download buttons for the exports; files are built only when a button is clicked."""

from __future__ import annotations

import re
from datetime import date

import streamlit as st

from assessment.benchmark import load_pool
from assessment.bundle import bundle_of
from assessment.i18n import say
from assessment.models import Language, Questionnaire
from assessment.scoring import score
from assessment.services import assessment_progress, peer_positions
from assessment.store import AssessmentRecord
from exports.json_backup import build_json
from exports.workbook import full_workbook
from ui.context import load_all_questionnaires
from ui.session import get_store

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def download_buttons(
    record: AssessmentRecord, questionnaire: Questionnaire, lang: Language
) -> None:
    store = get_store()
    installed = [q for q in load_all_questionnaires().values() if isinstance(q, Questionnaire)]
    stem = file_stem(record.profile.organisation)
    excel, backup = st.columns(2)
    excel.download_button(
        say("app.download_xlsx", lang),
        data=lambda: workbook(store, record, questionnaire, installed),
        file_name=f"{stem}.xlsx",
        mime=XLSX,
        icon=":material/table_view:",
        on_click="ignore",
        key="download_xlsx",
    )
    backup.download_button(
        say("app.download_json", lang),
        data=lambda: build_json(bundle_of(store, record)),
        file_name=f"{stem}.json",
        mime="application/json",
        icon=":material/data_object:",
        on_click="ignore",
        key="download_json",
        help=say("app.download_json_help", lang),
    )


def workbook(
    store,
    record: AssessmentRecord,
    questionnaire: Questionnaire,
    installed: list[Questionnaire] | None = None,
) -> bytes:
    """Built on click, on another thread: plain arguments only, no Streamlit calls. An
    assessment that is a wave of an organisation gets the progress sheet of the waves so far."""
    bundle = bundle_of(store, record)
    result = score(questionnaire, bundle.answers)
    positions = peer_positions(record, result, load_pool(store, questionnaire))
    progress = assessment_progress(store, record, installed or [questionnaire])
    return full_workbook(questionnaire, bundle, date.today(), positions, progress)


def file_stem(organisation: str) -> str:
    return re.sub(r"[^\w-]+", "-", organisation, flags=re.UNICODE).strip("-")[:60] or "assessment"
