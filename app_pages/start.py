"""Start page: describe the organisation and start, resume from a private link, or delete."""

import streamlit as st

from assessment.bundle import restore
from assessment.models import Questionnaire
from assessment.profile import COUNTRIES, SECTORS, SIZE_CLASSES
from assessment.services import opted_in, set_opt_in
from assessment.store import AssessmentRecord, LinkError
from exports.importer import MAX_UPLOAD_BYTES, ImportRejected, read_export
from ui import widgets
from ui.benchmark_strings import tr
from ui.context import current_language, load_all_questionnaires, plain, t
from ui.forms import PastedLink, paste_link_form, profile_fields, validated_profile
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
    valid = [q for q in load_all_questionnaires().values() if isinstance(q, Questionnaire)]
    if not valid:
        st.error(t("no_questionnaire", lang))
        return
    with st.container(border=True):
        st.subheader(t("new_assessment", lang))
        questionnaire = (
            widgets.selectbox(
                t("questionnaire", lang),
                "new.questionnaire",
                lang,
                [q.id for q in valid],
                format_func=lambda qid: next(q for q in valid if q.id == qid).title(lang),
            )
            or valid[0].id
        )
        values = profile_fields("new", lang)
        st.caption(t("profile_use", lang))
        if st.button(t("start_assessment", lang), type="primary", key="start"):
            profile = validated_profile(values, lang)
            if profile is not None:
                chosen = next(q for q in valid if q.id == questionnaire)
                token, _ = store.create_assessment(chosen, profile, lang)
                widgets.clear_drafts("new.")
                open_assessment(token)
                st.switch_page("app_pages/answer.py")


RESUME_LINK = PastedLink("resume.link", TOKEN_PARAM, "https://…/?a=…")


def resume_form() -> None:
    texts = (t("resume_label", lang), t("resume_button", lang), t("link_unknown", lang))
    with st.container(border=True):
        st.subheader(t("resume_title", lang))
        paste_link_form(lang, RESUME_LINK, texts, store.find, LinkError, open_assessment)


def import_form() -> None:
    with st.expander(t("import_title", lang)):
        st.caption(t("import_help", lang))
        upload = st.file_uploader(
            t("import_file", lang),
            type=["xlsx", "json"],
            key="import_file",
            label_visibility="collapsed",
            max_upload_size=MAX_UPLOAD_BYTES // 1_000_000,
        )
        if upload is not None and st.button(t("import_button", lang), key="import"):
            installed = [
                q for q in load_all_questionnaires().values() if isinstance(q, Questionnaire)
            ]
            try:
                questionnaire, bundle = read_export(upload.getvalue(), upload.name, installed)
            except ImportRejected as error:
                st.error(t("import_refused", lang).format(reason=error))
                return
            open_assessment(restore(store, questionnaire, bundle))
            st.rerun()


def pool_opt_in(record: AssessmentRecord) -> None:
    """Opt in to the anonymous benchmark pool (off by default); unticking takes it out."""

    def changed() -> None:
        set_opt_in(store, record.id, st.session_state[f"pool_opt_in__{lang}"])
        pool_changed()

    st.checkbox(
        tr("pool_opt_in", lang),
        value=opted_in(store, record.id),
        key=f"pool_opt_in__{lang}",
        help=tr("pool_opt_in_help", lang),
        on_change=changed,
    )


def current_assessment_panel(record: AssessmentRecord) -> None:
    questionnaire = questionnaire_of(record)
    answers = store.answers(record.id)
    total = len(questionnaire.questions()) if questionnaire else 0
    st.title(plain(record.profile.organisation))
    st.caption(
        f"{SECTORS[record.profile.sector][lang]} · {SIZE_CLASSES[record.profile.size_class][lang]}"
        f" · {COUNTRIES[record.profile.country][lang]}"
    )
    if questionnaire is None:
        st.error(t("questionnaire_missing", lang).format(id=record.questionnaire_id))
        return
    st.progress(
        len(answers) / total, text=t("progress", lang).format(done=len(answers), total=total)
    )
    left, right = st.columns(2)
    left.page_link("app_pages/answer.py", label=t("continue", lang), icon=":material/edit_note:")
    right.page_link(
        "app_pages/results.py", label=t("see_results", lang), icon=":material/insights:"
    )

    pool_opt_in(record)

    st.subheader(t("private_link", lang))
    st.caption(t("private_link_help", lang))
    st.code(resume_link(st.session_state.token), language=None)

    with st.expander(t("edit_profile", lang)):
        values = profile_fields(f"edit.{record.id}", lang, record.profile.model_dump())
        if st.button(t("save", lang), key="save_profile"):
            profile = validated_profile(values, lang)
            if profile is not None:
                store.update_profile(record.id, profile)
                st.toast(t("saved", lang))

    with st.expander(t("other_actions", lang)):
        if st.button(t("leave_assessment", lang), key="leave"):
            forget_assessment()
            st.rerun()
        st.divider()
        st.markdown(f"**{t('delete_title', lang)}**")
        st.caption(t("delete_help", lang))
        sure = st.checkbox(t("delete_confirm", lang), key="delete_confirm")
        if st.button(t("delete_button", lang), type="primary", disabled=not sure, key="delete"):
            store.delete_assessment(record.id)
            pool_changed()
            forget_assessment()
            st.session_state.flash = "deleted"
            st.rerun()


error = pop_link_error()
if error:
    st.error(t(error, lang))
if st.session_state.pop("flash", None) == "deleted":
    st.success(t("deleted", lang))

record = active_assessment()
if record is not None:
    current_assessment_panel(record)
else:
    st.title(t("app_title", lang))
    st.write(t("intro", lang))
    new_assessment_form()
    resume_form()
    import_form()
