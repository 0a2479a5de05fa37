"""The sections of the organisation page: make or open one, the consultant's list, and an
open organisation's waves with their assessments, targets and the forms that add to them."""

from __future__ import annotations

from datetime import date

import streamlit as st

from assessment import formatting as fmt
from assessment.i18n import say
from assessment.models import Language
from assessment.services import questionnaire_for, result_of
from assessment.store import (
    AlreadyInOrganisation,
    DocumentKind,
    LinkError,
    OrganisationRecord,
    WaveRecord,
    member_records,
)
from assessment.waves.bundle import organisation_bundle, restore_organisation
from exports.importer import MAX_UPLOAD_BYTES, ImportRejected
from exports.json_backup import build_organisation_json
from exports.organisation_import import read_organisation_export
from ui import widgets
from ui.benchmark_pool import consultant_unlocked
from ui.context import plain
from ui.exporting import file_stem
from ui.forms import PastedLink, paste_link_form, token_in
from ui.organisation_session import (
    ORGANISATION_PARAM,
    installed_questionnaires,
    open_by_consultant,
    open_organisation,
    organisation_link,
    organisations,
)
from ui.session import TOKEN_PARAM, get_store, open_assessment


def create_form(lang: Language) -> None:
    with st.container(border=True):
        st.subheader(say("waves.create_title", lang))
        st.caption(say("waves.create_help", lang))
        name = widgets.text_input(say("waves.name", lang), "org.name", lang, max_chars=200)
        if st.button(say("waves.create_button", lang), type="primary", key="org.create"):
            if not name.strip():
                st.error(say("waves.name_missing", lang))
                return
            token, _ = organisations().create(name)
            widgets.clear_drafts("org.")
            open_organisation(token)
            st.rerun()


ORGANISATION_LINK = PastedLink(
    "org.link", ORGANISATION_PARAM, "https://…/organisation?o=…", secret=True
)


def open_form(lang: Language) -> None:
    texts = (
        say("waves.open_label", lang),
        say("waves.open_button", lang),
        say("waves.link_unknown", lang),
    )
    with st.container(border=True):
        st.subheader(say("waves.open_title", lang))
        paste_link_form(
            lang, ORGANISATION_LINK, texts, organisations().find, LinkError, open_organisation
        )


def consultant_list(lang: Language) -> None:
    with st.expander(say("waves.consultant_title", lang), icon=":material/work:"):
        if not consultant_unlocked(lang, "org.key", "waves.consultant_locked"):
            return
        listed = organisations().all()
        if not listed:
            st.caption(say("waves.consultant_none", lang))
        for number, line in enumerate(listed):
            name, facts, button = st.columns([3, 4, 1], vertical_alignment="center")
            name.markdown(f"**{plain(line.organisation.name)}**")
            facts.caption(
                say(
                    "waves.consultant_line",
                    lang,
                    waves=line.waves,
                    assessments=line.assessments,
                    latest=fmt.date(line.latest, lang),
                )
            )
            if button.button(say("waves.open_short", lang), key=f"org.list.{number}"):
                open_by_consultant(line.organisation.id)
                st.rerun()


def import_form(lang: Language) -> None:
    with st.expander(say("waves.import_title", lang), icon=":material/upload_file:"):
        st.caption(say("waves.import_help", lang))
        upload = widgets.file_uploader(
            say("waves.import_file", lang),
            "org.import",
            lang,
            ["json"],
            MAX_UPLOAD_BYTES // 1_000_000,
            label_visibility="collapsed",
        )
        if upload is None or not st.button(say("waves.import_button", lang), key="org.import.go"):
            return
        try:
            bundle, chosen = read_organisation_export(
                upload.getvalue(), upload.name, installed_questionnaires()
            )
        except ImportRejected as error:
            st.error(say("app.import_refused", lang, reason=error.message(lang)))
            return
        open_organisation(restore_organisation(get_store(), bundle, chosen))
        st.rerun()


# --- an open organisation ---------------------------------------------------------------------


def link_box(record: OrganisationRecord, lang: Language) -> None:
    token = st.session_state.get("organisation_token")
    with st.container(border=True):
        if token:
            st.markdown(f"**{say('waves.link_title', lang)}**")
            st.code(organisation_link(token), language=None)
            st.caption(say("waves.link_help", lang))
        else:
            st.caption(say("waves.opened_by_consultant", lang))
            if st.button(say("waves.renew_link", lang), key="org.renew"):
                open_organisation(organisations().renew_link(record.id))
                st.rerun()


def wave_section(record: OrganisationRecord, wave: WaveRecord, number: int, lang: Language) -> None:
    store = get_store()
    installed = installed_questionnaires()
    with st.container(border=True):
        when = fmt.date(wave.held_on, lang) if wave.held_on else say("waves.no_date", lang)
        st.markdown(f"#### {plain(wave.label)} · {when}")
        members = member_records(store, wave)
        if not members:
            st.caption(say("waves.wave_empty", lang))
        rooms = {m.assessment_id: m.room for m in wave.members}
        questionnaire = None
        for member in members:
            questionnaire = questionnaire_for(
                installed, member.questionnaire_id, member.questionnaire_version
            )
            room = store.document(member.id, DocumentKind.workshop)
            kind = say("waves.kind_room" if room else "waves.kind_assessment", lang)
            people = say("waves.people", lang, count=room.get("contributors", 0)) if room else ""
            overall = "—"
            if questionnaire is not None:
                result = result_of(store, member, questionnaire)
                overall = fmt.score(result.overall.score, lang)
            name = rooms.get(member.id) or member.profile.organisation
            text, remove = st.columns([6, 1], vertical_alignment="center")
            text.markdown(
                f"**{plain(name)}** · {kind}{' · ' + people if people else ''} · "
                f"{say('waves.version', lang, version=member.questionnaire_version)} · "
                f"{say('waves.overall', lang)} {overall}"
            )
            if remove.button(
                say("waves.remove", lang),
                key=f"org.remove.{member.id}",
                help=say("waves.remove_help", lang),
            ):
                organisations().detach(member.id)
                st.rerun()
        if members and questionnaire is not None:
            targets_form(wave, questionnaire, lang)
        if not members and st.button(say("waves.delete_wave", lang), key=f"org.delwave.{wave.id}"):
            organisations().delete_wave(wave.id)
            st.rerun()


def targets_form(wave: WaveRecord, questionnaire, lang: Language) -> None:
    """Per dimension, the score aimed at for the next wave (empty: no target)."""
    with st.expander(say("waves.targets_title", lang), icon=":material/flag:"):
        st.caption(say("waves.targets_help", lang))
        keys = [d.id for d in questionnaire.ordered_dimensions()] + ["overall"]
        chosen = {}
        columns = st.columns(len(keys))
        for column, key in zip(columns, keys, strict=True):
            title = (
                say("waves.overall", lang)
                if key == "overall"
                else questionnaire.dimension(key).title(lang)
            )
            chosen[key] = column.number_input(
                title,
                min_value=0,
                max_value=100,
                step=5,
                value=None if key not in wave.targets else round(wave.targets[key]),
                key=f"org.target.{wave.id}.{key}__{lang}",
            )
        if st.button(say("waves.targets_save", lang), key=f"org.targets.{wave.id}"):
            organisations().set_targets(
                wave.id, {k: float(v) for k, v in chosen.items() if v is not None}
            )
            st.toast(say("waves.targets_saved", lang), icon=":material/check:")
            st.rerun()


# The next two expanders have keys so that they stay open when a new wave is drawn above them.
def add_wave_form(record: OrganisationRecord, lang: Language) -> None:
    with st.expander(say("waves.add_wave_title", lang), icon=":material/add:", key="org.add_wave"):
        label = widgets.text_input(
            say("waves.wave_label", lang),
            "org.wave.label",
            lang,
            max_chars=80,
            placeholder=say("waves.wave_label_example", lang),
        )
        held_on = st.date_input(
            say("waves.wave_date", lang),
            value=date.today(),
            key=f"org.wave.date__{lang}",
            format="DD/MM/YYYY",
        )
        if st.button(say("waves.add_wave_button", lang), key="org.wave.add"):
            if not label.strip():
                st.error(say("waves.label_missing", lang))
                return
            organisations().add_wave(record.id, label, held_on)
            widgets.clear_drafts("org.wave.")
            st.rerun()


def attach_form(record: OrganisationRecord, waves: list[WaveRecord], lang: Language) -> None:
    """An existing assessment (a self-assessment, a workshop room, an import) put into a wave,
    by its private link: whoever holds the link may file it."""
    with st.expander(say("waves.attach_title", lang), icon=":material/link:", key="org.attach"):
        if not waves:
            st.caption(say("waves.attach_needs_wave", lang))
            return
        st.caption(say("waves.attach_help", lang))
        pasted = widgets.text_input(
            say("waves.attach_link", lang),
            "org.attach.link",
            lang,
            placeholder="https://…/?a=…",
        )
        wave = wave_picker("org.attach.wave", waves, lang)
        room = widgets.text_input(
            say("waves.attach_room", lang),
            "org.attach.room",
            lang,
            max_chars=80,
            placeholder=say("waves.attach_room_example", lang),
        )
        if st.button(say("waves.attach_button", lang), key="org.attach.go"):
            try:
                assessment = get_store().find(token_in(pasted, TOKEN_PARAM))
                organisations().attach(wave.id, assessment.id, room)
            except LinkError:
                st.error(say("waves.assessment_unknown", lang))
                return
            except AlreadyInOrganisation:
                st.error(say("waves.already_elsewhere", lang))
                return
            widgets.clear_drafts("org.attach.")
            st.rerun()


def new_assessment_button(
    record: OrganisationRecord, waves: list[WaveRecord], lang: Language
) -> None:
    """A new self-assessment for a wave, with the profile of the organisation's latest one."""
    store = get_store()
    latest = next((m for w in reversed(waves) for m in reversed(member_records(store, w))), None)
    if latest is None:
        return
    questionnaire = questionnaire_for(
        installed_questionnaires(), latest.questionnaire_id, latest.questionnaire_version
    )
    with st.expander(say("waves.new_title", lang), icon=":material/edit_note:"):
        st.caption(say("waves.new_help", lang))
        wave = wave_picker("org.new.wave", waves, lang)
        if questionnaire is not None and st.button(say("waves.new_button", lang), key="org.new.go"):
            token, assessment = store.create_assessment(questionnaire, latest.profile, lang)
            organisations().attach(wave.id, assessment.id)
            open_assessment(token)
            st.switch_page("app_pages/answer.py")


def wave_picker(key: str, waves: list[WaveRecord], lang: Language) -> WaveRecord:
    labels = {w.id: w for w in waves}
    chosen = st.selectbox(
        say("waves.wave", lang),
        list(labels),
        index=len(waves) - 1,
        format_func=lambda i: (
            labels[i].label
            + (f" · {fmt.date(labels[i].held_on, lang)}" if labels[i].held_on else "")
        ),
        key=f"{key}.{len(waves)}__{lang}",  # a wave added: the newest is offered first
    )
    return labels[chosen]


def export_button(record: OrganisationRecord, lang: Language) -> None:
    store = get_store()
    st.download_button(
        say("waves.export_json", lang),
        data=lambda: build_organisation_json(organisation_bundle(store, record.id)),
        file_name=f"{file_stem(record.name)}-organisation.json",
        mime="application/json",
        icon=":material/data_object:",
        on_click="ignore",
        key="org.export",
        help=say("waves.export_json_help", lang),
    )
