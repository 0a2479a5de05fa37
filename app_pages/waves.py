"""The organisation's waves compared: per dimension the change and each side's coverage, judged
by one rule; what changed in words; targets against actuals; the symmetry's course on the map;
the questions that moved most; pooled rooms side by side; what could not be compared."""

import streamlit as st

from assessment import formatting as fmt
from assessment.i18n import say
from assessment.services import organisation_comparison
from assessment.store import OrganisationRecord
from assessment.waves import PoolRefused
from ui.context import current_language, plain
from ui.organisation_session import active_organisation, installed_questionnaires, organisations
from ui.session import get_store
from ui.waves_exports import progress_download
from ui.waves_view import (
    changes_table,
    charts,
    headline,
    moved,
    not_comparable,
    pooled_rooms,
    step_picker,
    written,
)

lang = current_language()


def chosen_waves(record: OrganisationRecord) -> list[int]:
    waves = [w for w in organisations().waves(record.id) if w.members]
    labels = {
        w.id: w.label + (f" · {fmt.date(w.held_on, lang)}" if w.held_on else "") for w in waves
    }
    return st.multiselect(
        say("waves.choose_waves", lang),
        list(labels),
        default=list(labels),
        format_func=labels.get,
        key=f"waves_chosen_{record.id}__{lang}",
    )


def waves_page(record: OrganisationRecord) -> None:
    st.title(say("waves.compare_title", lang, organisation=plain(record.name)))
    wave_ids = chosen_waves(record)
    try:
        comparison = organisation_comparison(
            get_store(), record.id, installed_questionnaires(), wave_ids
        )
    except PoolRefused as refused:
        st.error(refused.message(lang), icon=":material/error:")
        return
    if comparison is None:
        st.info(say("waves.compare_needs_two", lang))
        return
    headline(comparison, lang)
    progress_download(record, comparison, lang)
    step = step_picker(comparison, lang)
    written(comparison, step, lang)
    st.subheader(say("waves.dimensions_title", lang))
    changes_table(comparison, step, lang)
    charts(comparison, lang)
    moved(comparison, step, lang)
    pooled_rooms(comparison, lang)
    not_comparable(comparison, lang)


record = active_organisation()
if record is None:
    st.info(say("waves.no_organisation", lang))
    st.page_link(
        "app_pages/organisation.py",
        label=say("waves.go_to_organisation", lang),
        icon=":material/domain:",
    )
else:
    waves_page(record)
