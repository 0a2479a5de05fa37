"""Download buttons for the exports; files are built only when a button is clicked."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from functools import partial

import streamlit as st

from assessment.benchmark import load_pool
from assessment.bundle import AssessmentBundle, bundle_of
from assessment.i18n import say
from assessment.models import Language, Questionnaire
from assessment.scoring import score
from assessment.services import assessment_progress, peer_positions, room_bundle
from assessment.store import AssessmentRecord
from assessment.workshop import WorkshopError, WorkshopRecord, WorkshopStore
from exports.json_backup import build_json
from exports.pack import build_deck, build_report
from exports.workbook import full_workbook
from ui.context import load_all_questionnaires
from ui.session import get_store

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"


def download_buttons(
    record: AssessmentRecord, questionnaire: Questionnaire, lang: Language
) -> None:
    store = get_store()
    installed = [q for q in load_all_questionnaires().values() if isinstance(q, Questionnaire)]
    stem = file_stem(record.profile.organisation)
    report, deck = st.columns(2)
    report.download_button(
        say("report.download_pdf", lang),
        data=lambda: pack(store, record, questionnaire, build_report),
        file_name=f"{stem}.pdf",
        mime="application/pdf",
        icon=":material/picture_as_pdf:",
        on_click="ignore",
        key="download_pdf",
        type="primary",
    )
    deck.download_button(
        say("report.download_pptx", lang),
        data=lambda: pack(store, record, questionnaire, build_deck),
        file_name=f"{stem}.pptx",
        mime=PPTX,
        icon=":material/slideshow:",
        on_click="ignore",
        key="download_pptx",
        help=say("report.download_pptx_help", lang),
    )
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
    progress = assessment_progress(store, record, installed or [questionnaire])
    return pack(store, record, questionnaire, partial(full_workbook, progress=progress))


def pack(store, record: AssessmentRecord, questionnaire: Questionnaire, build) -> bytes:
    """One file of the committee's pack (workbook, report, deck), with the peer positions."""
    bundle = bundle_of(store, record)
    result = score(questionnaire, bundle.answers)
    positions = peer_positions(record, result, load_pool(store, questionnaire))
    return build(questionnaire, bundle, date.today(), positions)


def file_stem(organisation: str) -> str:
    return re.sub(r"[^\w-]+", "-", organisation, flags=re.UNICODE).strip("-")[:60] or "assessment"


def room_pack_buttons(
    lang: Language,
    workshops: WorkshopStore,
    token: str,
    record: WorkshopRecord,
    questionnaire: Questionnaire,
) -> None:
    """The committee's pack of the room as it stands (in the room's language), downloadable
    while it is still open; offered once the anonymity threshold lets the room's result show."""
    st.subheader(say("report.room_pack", lang), anchor=False)
    if workshops.counts(record.id).responded < record.threshold:
        st.caption(say("report.room_pack_hidden", lang, k=record.threshold))
        return
    st.caption(say("report.room_pack_help", lang))
    stem = file_stem(record.title)
    report, deck = st.columns(2)
    for column, build, suffix, mime, icon in (
        (report, build_report, "pdf", "application/pdf", ":material/picture_as_pdf:"),
        (deck, build_deck, "pptx", PPTX, ":material/slideshow:"),
    ):
        column.download_button(
            say(f"report.download_{suffix}", lang),
            data=lambda build=build: room_pack(workshops, token, questionnaire, build),
            file_name=f"{stem}.{suffix}",
            mime=mime,
            icon=icon,
            on_click="ignore",
            key=f"room_pack_{suffix}",
        )


def room_pack(workshops: WorkshopStore, token: str, questionnaire: Questionnaire, build) -> bytes:
    """Built on click, on another thread: plain arguments only, no Streamlit calls."""
    now = datetime.now(UTC)
    try:
        bundle = room_bundle(workshops, token, questionnaire, now)
    except WorkshopError:  # every answer a "don't know": nothing of the room may show
        record = workshops.by_facilitator(token)
        bundle = AssessmentBundle(
            questionnaire_id=questionnaire.id,
            questionnaire_version=questionnaire.version,
            language=record.language,
            answers={},
            exported_at=now,
        )
    return build(questionnaire, bundle, now.date())
