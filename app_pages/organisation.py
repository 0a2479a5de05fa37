"""An organisation over time: its waves (baseline, pilot, follow-up…) and their assessments,
the targets for the next wave; made here, opened by its private link, or from the consultant's
list."""

import streamlit as st

from assessment.i18n import say
from assessment.store import OrganisationRecord
from ui.context import current_language, plain
from ui.organisation_session import active_organisation, forget_organisation, organisations
from ui.organisation_view import (
    add_wave_form,
    attach_form,
    consultant_list,
    create_form,
    export_button,
    import_form,
    link_box,
    new_assessment_button,
    open_form,
    wave_section,
)

lang = current_language()


def no_organisation() -> None:
    st.title(say("waves.page_organisation", lang))
    st.write(say("waves.intro", lang))
    if st.session_state.pop("organisation_link_error", None):
        st.warning(say("waves.link_unknown", lang), icon=":material/link_off:")
    left, right = st.columns(2)
    with left:
        create_form(lang)
    with right:
        open_form(lang)
    import_form(lang)
    consultant_list(lang)


def organisation_page(record: OrganisationRecord) -> None:
    st.title(plain(record.name))
    link_box(record, lang)
    waves = organisations().waves(record.id)
    filled = [w for w in waves if w.members]
    compare, leave = st.columns([3, 1])
    with compare:
        if len(filled) >= 2:
            st.page_link(
                "app_pages/waves.py",
                label=say("waves.compare_link", lang, count=len(filled)),
                icon=":material/compare_arrows:",
            )
        else:
            st.caption(say("waves.compare_needs_two", lang))
    if leave.button(say("waves.leave", lang), key="org.leave", help=say("waves.leave_help", lang)):
        forget_organisation()
        st.rerun()
    st.subheader(say("waves.waves_title", lang))
    if not waves:
        st.info(say("waves.no_wave", lang))
    for number, wave in enumerate(waves):
        wave_section(record, wave, number, lang)
    add_wave_form(record, lang)
    attach_form(record, waves, lang)
    new_assessment_button(record, waves, lang)
    export_button(record, lang)


record = active_organisation()
if record is None:
    no_organisation()
else:
    organisation_page(record)
