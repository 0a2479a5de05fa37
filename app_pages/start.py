"""Start page: describe the organisation and start, resume from a private link, or delete."""

import streamlit as st

from assessment import formatting as fmt
from assessment.i18n import say
from assessment.services import opted_in, set_opt_in
from assessment.store import AssessmentRecord, LinkError
from ui import widgets
from ui.context import (
    current_language,
    offered_questionnaires,
    plain,
    questionnaire_picker,
)
from ui.forms import PastedLink, paste_link_form, profile_fields, validated_profile
from ui.importing import import_form
from ui.pool import pool_changed
from ui.session import (
    TOKEN_PARAM,
    active_assessment,
    forget_assessment,
    get_store,
    open_assessment,
    pop_link_error,
    questionnaire_of,
    resume_link,
)

lang = current_language()
store = get_store()


def new_assessment_form() -> None:
    valid, first = offered_questionnaires()
    if not valid:
        st.error(say("app.no_questionnaire", lang))
        return
    if widgets.draft("new.questionnaire") is None and first is not None:
        widgets.set_draft("new.questionnaire", first.id)  # DEFAULT_QUESTIONNAIRE, not file order
    with st.container(border=True):
        st.subheader(say("app.new_assessment", lang))
        questionnaire = questionnaire_picker("new.questionnaire", lang, valid)
        values = profile_fields("new", lang)
        st.caption(say("app.profile_use", lang))
        if st.button(say("app.start_assessment", lang), type="primary", key="start"):
            profile = validated_profile(values, lang)
            if questionnaire is None:
                st.error(say("hardening.choose_questionnaire", lang))
            elif profile is not None:
                chosen = next(q for q in valid if q.id == questionnaire)
                token, _ = store.create_assessment(chosen, profile, lang)
                widgets.clear_drafts("new.")
                open_assessment(token)
                st.switch_page("app_pages/answer.py")


RESUME_LINK = PastedLink("resume.link", TOKEN_PARAM, "https://…/?a=…")


def resume_form() -> None:
    texts = (
        say("app.resume_label", lang),
        say("app.resume_button", lang),
        say("app.link_unknown", lang),
    )
    with st.container(border=True):
        st.subheader(say("app.resume_title", lang))
        paste_link_form(lang, RESUME_LINK, texts, store.find, LinkError, open_assessment)


def pool_opt_in(record: AssessmentRecord) -> None:
    """Opt in to the anonymous benchmark pool (off by default); unticking takes it out."""

    def changed() -> None:
        set_opt_in(store, record.id, st.session_state[f"pool_opt_in__{lang}"])
        pool_changed()

    st.checkbox(
        say("benchmark.pool_opt_in", lang),
        value=opted_in(store, record.id),
        key=f"pool_opt_in__{lang}",
        help=say("benchmark.pool_opt_in_help", lang),
        on_change=changed,
    )


def current_assessment_panel(record: AssessmentRecord) -> None:
    questionnaire = questionnaire_of(record)
    answers = store.answers(record.id)
    total = len(questionnaire.questions()) if questionnaire else 0
    st.title(plain(record.profile.organisation))
    profile = record.profile
    st.caption(
        " · ".join(
            say(f"{field}.{getattr(profile, field)}", lang)
            for field in ("sector", "size_class", "country")
        )
    )
    if questionnaire is None:
        st.error(say("app.questionnaire_missing", lang, id=record.questionnaire_id))
        return
    st.progress(len(answers) / total, text=fmt.answered(len(answers), total, lang))
    left, right = st.columns(2)
    left.page_link(
        "app_pages/answer.py", label=say("app.continue", lang), icon=":material/edit_note:"
    )
    right.page_link(
        "app_pages/results.py", label=say("app.see_results", lang), icon=":material/insights:"
    )

    pool_opt_in(record)

    st.subheader(say("app.private_link", lang))
    st.caption(say("app.private_link_help", lang))
    st.code(resume_link(st.session_state.token), language=None)

    with st.expander(say("app.edit_profile", lang)):
        values = profile_fields(f"edit.{record.id}", lang, record.profile.model_dump())
        if st.button(say("app.save", lang), key="save_profile"):
            profile = validated_profile(values, lang)
            if profile is not None:
                store.update_profile(record.id, profile)
                st.toast(say("app.saved", lang))

    with st.expander(say("app.other_actions", lang)):
        if st.button(say("app.leave_assessment", lang), key="leave"):
            forget_assessment()
            st.rerun()
        st.divider()
        st.markdown(f"**{say('app.delete_title', lang)}**")
        st.caption(say("app.delete_help", lang))
        sure = st.checkbox(say("app.delete_confirm", lang), key="delete_confirm")
        if st.button(
            say("app.delete_button", lang), type="primary", disabled=not sure, key="delete"
        ):
            store.delete_assessment(record.id)
            pool_changed()
            forget_assessment()
            st.session_state.flash = "deleted"
            st.rerun()


error = pop_link_error()
if error:
    st.error(say(f"app.{error}", lang))
if st.session_state.pop("flash", None) == "deleted":
    st.success(say("app.deleted", lang))

record = active_assessment()
if record is not None:
    current_assessment_panel(record)
else:
    st.title(say("app.app_title", lang))
    st.write(say("app.intro", lang))
    new_assessment_form()
    resume_form()
    import_form(lang, store)
