"""The facilitator's screen: join code and QR to project, controls, the room's result live.

Opened only by the facilitator's secret link (``/facilitate?f=<token>``). Its live panels
are in ui/workshop_dashboard.py, its controls in ui/workshop_controls.py.
"""

import streamlit as st

from assessment.i18n import say
from assessment.models import Language, Questionnaire
from assessment.workshop import (
    UnknownWorkshop,
    WorkshopError,
    WorkshopRecord,
    format_code,
)
from ui import widgets
from ui.context import current_language, plain
from ui.exporting import room_pack_buttons
from ui.forms import PastedLink, paste_link_form, profile_fields, validated_profile
from ui.session import open_assessment
from ui.workshop_controls import anonymity_section, controls, erase_section
from ui.workshop_dashboard import live_dashboard
from ui.workshop_links import before_you_project, recover_form, screen_section
from ui.workshop_session import (
    CREATED_LINK_KEY,
    FACILITATOR_PARAM,
    facilitator_token,
    forget_facilitator,
    get_workshop_store,
    join_link,
    open_facilitator,
    qr_code,
    questionnaire_by_id,
    reachable_from_phones,
)

lang = current_language()
store = get_workshop_store()


FACILITATOR_LINK = PastedLink(
    "facilitator_paste", FACILITATOR_PARAM, "https://…/facilitate?f=…", True
)


def resume_form() -> None:
    texts = (
        say("workshop.facilitator_link_label", lang),
        say("workshop.open", lang),
        say("workshop.facilitator_unknown", lang),
    )
    with st.container(border=True):
        st.markdown(f"**{say('workshop.facilitator_resume', lang)}**")
        paste_link_form(
            lang, FACILITATOR_LINK, texts, store.by_facilitator, UnknownWorkshop, open_facilitator
        )
    recover_form(lang, store)
    st.page_link(
        "app_pages/workshop_new.py",
        label=say("workshop.create_instead", lang),
        icon=":material/add:",
    )


def join_panel(token: str, record: WorkshopRecord) -> None:
    link = join_link(record.join_code)
    st.markdown(f"**{say('workshop.join_at', lang)}**")
    st.title(format_code(record.join_code), anchor=False)
    st.image(qr_code(link), width=240, caption=say("workshop.scan_me", lang))
    st.code(link, language=None)
    if not reachable_from_phones():
        st.warning(say("workshop.localhost_warning", lang), icon=":material/wifi_off:")
    png, svg = st.columns(2)
    png.download_button(
        "QR · PNG",
        data=qr_code(link),
        file_name=f"qr-{record.join_code}.png",
        mime="image/png",
        on_click="ignore",
        key="qr_png",
    )
    svg.download_button(
        "QR · SVG",
        data=qr_code(link, "svg"),
        file_name=f"qr-{record.join_code}.svg",
        mime="image/svg+xml",
        on_click="ignore",
        key="qr_svg",
    )
    with st.container(border=True):
        screen_section(lang, store, token)


# --- after the workshop ---------------------------------------------------------------------


def convert_section(token: str, record: WorkshopRecord, questionnaire: Questionnaire) -> None:
    with st.expander(say("workshop.convert_title", lang), icon=":material/insights:"):
        st.caption(say("workshop.convert_help", lang, k=record.threshold))
        prefix = f"convert.{record.id}"
        values = profile_fields(prefix, lang, {"organisation": record.title, "role": "consultant"})
        if st.button(say("workshop.convert_button", lang), key="convert", type="primary"):
            profile = validated_profile(values, lang)
            if profile is None:
                return
            try:
                assessment_token = store.to_assessment(token, questionnaire, profile, lang)
            except WorkshopError as error:
                st.error(say("workshop.convert_refused", lang, reason=str(error)))
                return
            widgets.clear_drafts(prefix)
            open_assessment(assessment_token)
            st.switch_page("app_pages/results.py")


def delete_section(token: str) -> None:
    with st.expander(say("workshop.delete_title", lang), icon=":material/delete:"):
        st.caption(say("workshop.delete_help", lang))
        sure = st.checkbox(say("workshop.delete_confirm", lang), key="workshop_delete_confirm")
        if st.button(say("workshop.delete_button", lang), disabled=not sure, key="workshop_delete"):
            store.delete(token)
            forget_facilitator()
            st.session_state.pop(CREATED_LINK_KEY, None)
            st.session_state.workshop_flash = "deleted"
            st.switch_page("app_pages/workshop_new.py")


def facilitator_page(token: str, record: WorkshopRecord) -> None:
    questionnaire = questionnaire_by_id(record.questionnaire_id)
    if questionnaire is None:
        st.error(say("workshop.questionnaire_missing", lang))
        return
    if before_you_project(lang, store, token):
        return
    st.title(plain(record.title), anchor=False)
    thresholds = say(
        "workshop.thresholds_are", lang, k=record.threshold, m=record.dispersion_threshold
    )
    st.caption(
        f"{questionnaire.title(lang)} · {say('workshop.language_' + record.language, lang)}"
        f" · {thresholds}"
    )
    join, control = st.columns([3, 2], gap="large")
    with join:
        join_panel(token, record)
    with control:
        controls(lang, store, token, record, questionnaire)
    st.divider()
    live_dashboard(lang, record.id, questionnaire)
    st.divider()
    anonymity_section(lang, store, token, record)
    room_pack_buttons(lang, store, token, record, questionnaire)
    convert_section(token, record, questionnaire)
    erase_section(lang, store, token)
    delete_section(token)


def page(lang_: Language) -> None:
    token = facilitator_token()
    if not token:
        st.title(say("workshop.facilitator_title", lang_))
        st.info(say("workshop.facilitator_needs_link", lang_))
        resume_form()
        return
    try:
        record = store.by_facilitator(token)
    except UnknownWorkshop:
        forget_facilitator()
        st.title(say("workshop.facilitator_title", lang_))
        st.error(say("workshop.facilitator_unknown", lang_))
        resume_form()
        return
    open_facilitator(token)  # keep the link in the address bar after a page switch
    facilitator_page(token, record)


page(lang)
