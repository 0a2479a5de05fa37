"""The waves page's download: the progress workbook, built on click."""

from __future__ import annotations

import streamlit as st

from assessment.i18n import say
from assessment.models import Language
from assessment.store import OrganisationRecord
from assessment.waves import Comparison
from exports.workbook.progress import progress_workbook
from ui.exporting import XLSX, file_stem


def progress_download(record: OrganisationRecord, comparison: Comparison, lang: Language) -> None:
    st.download_button(
        say("waves.download_progress", lang),
        data=lambda: progress_workbook(comparison, lang, record.name),
        file_name=f"{file_stem(record.name)}-progress.xlsx",
        mime=XLSX,
        icon=":material/table_view:",
        on_click="ignore",
        key="waves_download",
    )
