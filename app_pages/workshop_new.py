"""Live workshop: create one (for the facilitator), or join one with its code (participants)."""

import streamlit as st

from assessment.i18n import language_name, say
from assessment.workshop import (
    DEFAULT_DISPERSION_THRESHOLD,
    DEFAULT_THRESHOLD,
    MAX_SEGMENTS,
    SegmentSyntaxError,
    parse_segments,
)
from ui import widgets
from ui.context import (
    current_language,
    offered_languages,
    offered_questionnaires,
    questionnaire_picker,
)
from ui.workshop_controls import threshold_inputs
from ui.workshop_session import (
    CREATED_LINK_KEY,
    FACILITATOR_PARAM,
    JOIN_PARAM,
    facilitator_link,
    facilitator_token,
    get_workshop_store,
    open_facilitator,
)

lang = current_language()
store = get_workshop_store()
PREFIX = "workshop_new"


def _draft(field: str, default=None):
    return widgets.draft(f"{PREFIX}.{field}", default)


def _kept(field: str) -> dict:
    return widgets.kept(f"{PREFIX}.{field}", lang)


def create_form() -> None:
    valid, first = offered_questionnaires()
    if not valid:
        st.error(say("workshop.questionnaire_missing", lang))
        return
    if _draft("questionnaire") not in [q.id for q in valid] and first is not None:
        widgets.set_draft(f"{PREFIX}.questionnaire", first.id)
    with st.container(border=True):
        st.subheader(say("workshop.create_title", lang), anchor=False)
        title = widgets.text_input(
            say("workshop.workshop_title", lang),
            f"{PREFIX}.title",
            lang,
            max_chars=200,
            placeholder=say("workshop.workshop_title_placeholder", lang),
        )
        questionnaire_id = questionnaire_picker(f"{PREFIX}.questionnaire", lang, valid)
        left, right = st.columns(2)
        chosen = next((q for q in valid if q.id == questionnaire_id), None)
        languages = offered_languages(chosen)  # the interface's, then the questionnaire's own
        language = left.radio(
            say("workshop.participants_language", lang),
            languages,
            index=languages.index(_draft("language", lang))
            if _draft("language", lang) in languages
            else 0,
            format_func=language_name,
            **_kept("language"),
            horizontal=True,
            help=say("workshop.participants_language_help", lang),
        )
        paces = ["free", "paced"]
        pace = right.radio(
            say("workshop.pace", lang),
            paces,
            index=paces.index(_draft("pace", "free")),
            format_func=lambda p: say(f"workshop.pace_{p}", lang),
            **_kept("pace"),
            help=say("workshop.pace_help", lang),
        )
        segments_text = st.text_area(
            say("workshop.segments_label", lang),
            value=_draft("segments", ""),
            **_kept("segments"),
            placeholder=say("workshop.segments_placeholder", lang),
            help=say("workshop.segments_input_help", lang, most=MAX_SEGMENTS),
            height=100,
        )
        threshold, dispersion = threshold_inputs(
            lang,
            (
                _draft("threshold", DEFAULT_THRESHOLD),
                _draft("dispersion", DEFAULT_DISPERSION_THRESHOLD),
            ),
            (_kept("threshold"), _kept("dispersion")),
        )
        if threshold < 3:
            st.warning(say("workshop.threshold_low", lang), icon=":material/warning:")
        if st.button(say("workshop.create_button", lang), type="primary", key="create_workshop"):
            if not (title or "").strip():
                st.error(say("workshop.title_missing", lang))
                return
            if questionnaire_id is None:
                st.error(say("hardening.choose_questionnaire", lang))
                return
            try:
                segments = parse_segments(segments_text, MAX_SEGMENTS)
            except SegmentSyntaxError as error:
                st.error(
                    say("workshop.segments_error", lang, line=error.line)
                    + " "
                    + say(f"workshop.segments_{error.reason}", lang, most=MAX_SEGMENTS)
                )
                return
            if dispersion < threshold:
                st.error(say("workshop.dispersion_below", lang))
                return
            questionnaire = next(q for q in valid if q.id == questionnaire_id)
            token, _ = store.create(
                questionnaire,
                title,
                language,
                segments,
                int(threshold),
                pace,
                dispersion_threshold=int(dispersion),
            )
            widgets.clear_drafts(f"{PREFIX}.")
            st.session_state[CREATED_LINK_KEY] = facilitator_link(token)
            open_facilitator(token)
            st.switch_page(
                "app_pages/workshop_facilitator.py", query_params={FACILITATOR_PARAM: token}
            )


def join_form() -> None:
    with st.container(border=True):
        st.subheader(say("workshop.join_as_participant", lang), anchor=False)
        # The phones' own page (phone/, served beside the app): it asks for the code.
        st.link_button(
            say("workshop.continue", lang), f"/?{JOIN_PARAM}=&lang={lang}", key="join_from_menu"
        )


if st.session_state.pop("workshop_flash", None) == "deleted":
    st.success(say("workshop.deleted", lang))
st.title(say("workshop.workshop_page_title", lang), anchor=False)
st.write(say("workshop.workshop_intro", lang))
if facilitator_token():
    st.page_link(
        "app_pages/workshop_facilitator.py",
        label=say("workshop.back_to_dashboard", lang),
        icon=":material/monitoring:",
    )
create_form()
join_form()
