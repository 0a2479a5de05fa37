"""Importing an export from the start page: a refused file is told in the reader's language;
a file exported without an organisation profile (from the command line) asks for one."""

from __future__ import annotations

import streamlit as st

from assessment.bundle import restore
from assessment.i18n import say
from assessment.models import Language, Questionnaire
from assessment.profile import Profile
from assessment.store import Store
from exports.importer import MAX_UPLOAD_BYTES, ImportRejected, read_export
from ui import widgets
from ui.context import load_all_questionnaires
from ui.forms import profile_fields, validated_profile
from ui.session import open_assessment

NEEDS_PROFILE = "import.needs_profile"


def import_form(lang: Language, store: Store) -> None:
    with st.expander(say("app.import_title", lang)):
        st.caption(say("app.import_help", lang))
        upload = widgets.file_uploader(
            say("app.import_file", lang),
            "import_file",
            lang,
            ["xlsx", "json"],
            MAX_UPLOAD_BYTES // 1_000_000,
            label_visibility="collapsed",
        )
        if upload is None:
            return
        if st.session_state.get(NEEDS_PROFILE) == upload.file_id:
            st.info(say("hardening.import_needs_profile", lang))
            values = profile_fields("import", lang)
            if st.button(say("app.import_button", lang), key="import_with_profile"):
                profile = validated_profile(values, lang)
                if profile is not None:
                    _import(upload, lang, store, profile)
        elif st.button(say("app.import_button", lang), key="import"):
            _import(upload, lang, store, None)


def _import(upload, lang: Language, store: Store, profile: Profile | None) -> None:
    installed = [q for q in load_all_questionnaires().values() if isinstance(q, Questionnaire)]
    try:
        questionnaire, bundle = read_export(upload.getvalue(), upload.name, installed, profile)
    except ImportRejected as error:
        if error.message.key == "upload_error.no_profile":
            st.session_state[NEEDS_PROFILE] = upload.file_id
            st.rerun()
        st.error(say("app.import_refused", lang, reason=error.message(lang)))
        return
    st.session_state.pop(NEEDS_PROFILE, None)
    widgets.clear_drafts("import.")
    open_assessment(restore(store, questionnaire, bundle))
    st.rerun()
