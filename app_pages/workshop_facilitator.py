"""The facilitator's screen: join code and QR to project, controls, the room's result live.

Opened only by the facilitator's secret link (``/facilitate?f=<token>``). The live panels are
a fragment re-run every few seconds; the aggregate behind them is cached for two seconds, so
any number of screens showing the dashboard costs one query per refresh.
"""

import pandas as pd
import streamlit as st

from assessment.models import Language, Questionnaire
from assessment.settings import settings
from assessment.store import StoreError
from assessment.workshop import (
    RoomAggregate,
    UnknownWorkshop,
    WorkshopError,
    WorkshopRecord,
    consensus_band,
    distribution_chart,
    format_code,
    room_quadrant,
    room_radar,
    segment_heatmap,
)
from ui import widgets
from ui.context import current_language, plain
from ui.forms import paste_link_form, profile_fields, validated_profile
from ui.session import open_assessment
from ui.workshop_session import (
    CREATED_LINK_KEY,
    FACILITATOR_PARAM,
    REFRESH_SECONDS,
    facilitator_token,
    forget_facilitator,
    get_workshop_store,
    join_link,
    live_room,
    open_facilitator,
    qr_code,
    questionnaire_by_id,
    reachable_from_phones,
)
from ui.workshop_strings import symmetry_verdict, tr

lang = current_language()
store = get_workshop_store()


def resume_form() -> None:
    def opens(token: str) -> bool:
        try:
            store.by_facilitator(token)
        except UnknownWorkshop:
            st.error(tr("facilitator_unknown", lang))
            return False
        open_facilitator(token)
        return True

    with st.container(border=True):
        st.markdown(f"**{tr('facilitator_resume', lang)}**")
        paste_link_form(
            lang,
            label=tr("facilitator_link_label", lang),
            placeholder="https://…/facilitate?f=…",
            param=FACILITATOR_PARAM,
            button=tr("open", lang),
            key="facilitator_paste",
            opens=opens,
            secret=True,
        )
    st.page_link(
        "app_pages/workshop_new.py", label=tr("create_instead", lang), icon=":material/add:"
    )


def created_link_panel() -> None:
    """The secret link, once, right after creation: until the facilitator says it is kept."""
    link = st.session_state.get(CREATED_LINK_KEY)
    if not link:
        return
    with st.container(border=True):
        st.markdown(f":material/key: **{tr('keep_link_title', lang)}**")
        st.caption(tr("keep_link_help", lang))
        st.code(link, language=None)
        if st.button(tr("keep_link_done", lang), key="keep_link_done"):
            st.session_state.pop(CREATED_LINK_KEY, None)
            st.rerun()


def join_panel(record: WorkshopRecord) -> None:
    link = join_link(record.join_code)
    st.markdown(f"**{tr('join_at', lang)}**")
    st.title(format_code(record.join_code), anchor=False)
    st.image(qr_code(link), width=300, caption=tr("scan_me", lang))
    st.code(link, language=None)
    if not reachable_from_phones():
        st.warning(tr("localhost_warning", lang), icon=":material/wifi_off:")
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


def run(action, *args) -> None:
    try:
        action(*args)
    except (WorkshopError, ValueError) as error:
        st.session_state.workshop_control_error = str(error)


def controls(token: str, record: WorkshopRecord, questionnaire: Questionnaire) -> None:
    st.markdown(f"**{tr('controls', lang)}**")
    if record.is_open:
        st.badge(tr("status_open", lang), icon=":material/play_circle:", color="green")
        st.button(
            tr("close_answering", lang),
            key="close_answering",
            icon=":material/lock:",
            on_click=run,
            args=(store.set_open, token, False),
        )
    else:
        st.badge(tr("status_closed", lang), icon=":material/lock:", color="gray")
        st.button(
            tr("reopen_answering", lang),
            key="reopen_answering",
            icon=":material/lock_open:",
            on_click=run,
            args=(store.set_open, token, True),
        )

    paces = ["free", "paced"]
    st.segmented_control(
        tr("pace", lang),
        paces,
        default=record.pace,
        format_func=lambda p: tr(f"pace_{p}", lang),
        key=f"pace.{record.pace}.{lang}",
        required=True,
        on_change=lambda key: run(store.set_pace, token, st.session_state[key]),
        args=(f"pace.{record.pace}.{lang}",),
    )
    if record.pace == "paced":
        dimensions = questionnaire.ordered_dimensions()
        ids = [d.id for d in dimensions]
        position = ids.index(record.current_dimension) if record.current_dimension in ids else 0
        current = dimensions[position]
        st.markdown(
            tr("part_open", lang, n=position + 1, total=len(ids), title=current.title(lang))
        )
        back, forward = st.columns(2)
        back.button(
            tr("previous_part", lang),
            key="previous_part",
            disabled=position == 0,
            on_click=run,
            args=(store.set_pace, token, "paced", ids[max(0, position - 1)]),
            width="stretch",
        )
        forward.button(
            tr("next_part", lang),
            key="next_part",
            type="primary",
            disabled=position == len(ids) - 1,
            on_click=run,
            args=(store.advance, token),
            width="stretch",
        )
    st.toggle(
        tr("reveal", lang),
        value=record.revealed,
        key=f"reveal.{record.revealed}",
        help=tr("reveal_help", lang, k=record.threshold),
        on_change=run,
        args=(store.reveal, token, not record.revealed),
    )
    error = st.session_state.pop("workshop_control_error", None)
    if error:
        st.error(error)


# --- live panels ------------------------------------------------------------------------------


@st.fragment(run_every=REFRESH_SECONDS)
def live_dashboard(workshop_id: int, questionnaire: Questionnaire) -> None:
    try:
        record, counts, room = live_room(settings().database(), workshop_id)
    except UnknownWorkshop:  # erased from another screen
        st.rerun(scope="app")
    except StoreError:  # the database is out of reach: say so, and try again next refresh
        st.warning(tr("live_unavailable", lang), icon=":material/cloud_off:")
        return
    joined, answering, completed, answers = st.columns(4)
    joined.metric(tr("joined", lang), counts.joined, border=True)
    answering.metric(tr("answering", lang), counts.responded, border=True)
    completed.metric(tr("completed", lang), counts.completed, border=True)
    answers.metric(tr("answers", lang), counts.answers, border=True)
    if counts.joined:
        st.progress(
            counts.completed / counts.joined,
            text=tr("completed_of", lang, done=counts.completed, joined=counts.joined),
        )
    if not room.visible:
        st.info(
            tr("room_waiting", lang, k=room.threshold, n=room.contributors),
            icon=":material/visibility_off:",
        )
        return
    radar, verdict = st.columns(2)
    with radar:
        st.subheader(tr("room_radar", lang), anchor=False)
        st.caption(tr("room_radar_help", lang))
        st.plotly_chart(room_radar(questionnaire, room, lang), key="room_radar", theme=None)
    with verdict:
        st.subheader(tr("room_symmetry", lang), anchor=False)
        st.markdown(symmetry_verdict(room, lang))
        st.plotly_chart(room_quadrant(questionnaire, room, lang), key="quadrant", theme=None)
    disagreements(questionnaire, room)
    distributions(questionnaire, record, room)
    segments(questionnaire, room)


def disagreements(questionnaire: Questionnaire, room: RoomAggregate) -> None:
    st.subheader(tr("disagreements", lang), anchor=False)
    if not room.disagreements:
        st.caption(tr("no_disagreement", lang))
        return
    st.caption(tr("disagreements_help", lang))
    ids = [s.question_id for s in room.disagreements]
    st.plotly_chart(
        distribution_chart(questionnaire, room, ids, lang), key="disagreements", theme=None
    )


def distributions(questionnaire: Questionnaire, record: WorkshopRecord, room: RoomAggregate):
    st.subheader(tr("distributions", lang), anchor=False)
    dimensions = questionnaire.ordered_dimensions()
    ids = [d.id for d in dimensions]
    default = record.current_dimension if record.current_dimension in ids else ids[0]
    chosen = st.segmented_control(
        tr("parts", lang),
        ids,
        default=default,
        format_func=lambda d: questionnaire.dimension(d).title(lang),
        key=f"distribution_part.{lang}",
        required=True,
        label_visibility="collapsed",
    )
    dimension = questionnaire.dimension(chosen or default)
    question_ids = [q.id for q in dimension.ordered_questions()]
    st.plotly_chart(
        distribution_chart(questionnaire, room, question_ids, lang),
        key="distribution",
        theme=None,
    )
    with st.expander(tr("dispersion_table", lang)):
        st.caption(tr("dispersion_help", lang))
        st.dataframe(dispersion_table(questionnaire, room, question_ids), hide_index=True)


def dispersion_table(
    questionnaire: Questionnaire, room: RoomAggregate, question_ids: list[str]
) -> pd.DataFrame:
    rows = []
    for question_id in question_ids:
        question = questionnaire.question(question_id)
        stats = room.question(question_id)
        rows.append(
            {
                tr("col_question", lang): f"{question.order}. {question.text(lang)}",
                tr("col_answers", lang): stats.answered if stats else None,
                tr("col_dont_know", lang): stats.dont_know if stats else None,
                tr("col_mean", lang): _round(stats.mean_score if stats else None),
                tr("col_sd", lang): _round(stats.sd if stats else None),
                tr("col_consensus", lang): _percent(stats.consensus if stats else None),
                tr("col_modal", lang): _percent(stats.modal_share if stats else None),
                tr("col_reading", lang): (
                    tr("band_" + consensus_band(stats.consensus), lang)
                    if stats and stats.consensus is not None
                    else tr("withheld", lang)
                ),
            }
        )
    return pd.DataFrame(rows)


def segments(questionnaire: Questionnaire, room: RoomAggregate) -> None:
    if not room.segments:
        return
    st.subheader(tr("segments", lang), anchor=False)
    st.caption(tr("segments_help", lang, k=room.threshold))
    for number, view in enumerate(room.segments):
        st.markdown(f"**{plain(view.segment)}**")
        st.plotly_chart(
            segment_heatmap(questionnaire, view, room.threshold, lang),
            key=f"segment.{number}",
            theme=None,
        )
        widest = view.widest_gap
        if widest:
            key, gap = widest
            title = (
                tr("overall", lang)
                if key == "overall"
                else questionnaire.dimension(key).title(lang)
            )
            st.caption(tr("widest_gap", lang, gap=f"{gap:.0f}", title=title))


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def _percent(value: float | None) -> str | None:
    return None if value is None else f"{value:.0%}"


# --- after the workshop ---------------------------------------------------------------------


def convert_section(token: str, record: WorkshopRecord, questionnaire: Questionnaire) -> None:
    with st.expander(tr("convert_title", lang), icon=":material/insights:"):
        st.caption(tr("convert_help", lang, k=record.threshold))
        prefix = f"convert.{record.id}"
        values = profile_fields(prefix, lang, {"organisation": record.title, "role": "consultant"})
        if st.button(tr("convert_button", lang), key="convert", type="primary"):
            profile = validated_profile(values, lang)
            if profile is None:
                return
            try:
                assessment_token = store.to_assessment(token, questionnaire, profile, lang)
            except WorkshopError as error:
                st.error(tr("convert_refused", lang, reason=str(error)))
                return
            widgets.clear_drafts(prefix)
            open_assessment(assessment_token)
            st.switch_page("app_pages/results.py")


def delete_section(token: str) -> None:
    with st.expander(tr("delete_title", lang), icon=":material/delete:"):
        st.caption(tr("delete_help", lang))
        sure = st.checkbox(tr("delete_confirm", lang), key="workshop_delete_confirm")
        if st.button(tr("delete_button", lang), disabled=not sure, key="workshop_delete"):
            store.delete(token)
            forget_facilitator()
            st.session_state.pop(CREATED_LINK_KEY, None)
            st.session_state.workshop_flash = "deleted"
            st.switch_page("app_pages/workshop_new.py")


def facilitator_page(token: str, record: WorkshopRecord) -> None:
    questionnaire = questionnaire_by_id(record.questionnaire_id)
    if questionnaire is None:
        st.error(tr("questionnaire_missing", lang))
        return
    created_link_panel()
    st.title(plain(record.title), anchor=False)
    st.caption(
        f"{questionnaire.title(lang)} · {tr('language_' + record.language, lang)}"
        f" · {tr('threshold_is', lang, k=record.threshold)}"
    )
    join, control = st.columns([3, 2], gap="large")
    with join:
        join_panel(record)
    with control:
        controls(token, record, questionnaire)
    st.divider()
    live_dashboard(record.id, questionnaire)
    st.divider()
    convert_section(token, record, questionnaire)
    delete_section(token)


def page(lang_: Language) -> None:
    token = facilitator_token()
    if not token:
        st.title(tr("facilitator_title", lang_))
        st.info(tr("facilitator_needs_link", lang_))
        resume_form()
        return
    try:
        record = store.by_facilitator(token)
    except UnknownWorkshop:
        forget_facilitator()
        st.title(tr("facilitator_title", lang_))
        st.error(tr("facilitator_unknown", lang_))
        resume_form()
        return
    open_facilitator(token)  # keep the link in the address bar after a page switch
    facilitator_page(token, record)


page(lang)
