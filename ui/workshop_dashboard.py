"""The facilitator's live panels: the room's counts, radar with spread and symmetry, the
questions it disagrees on, each part's distributions and dispersion, and the segment groups
(each cell withheld below the anonymity threshold). A fragment re-run every few seconds; the
aggregate behind it is cached for two seconds, so any number of screens costs one query."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from assessment import formatting as fmt
from assessment.i18n import say
from assessment.models import Language, Questionnaire
from assessment.reading.people_map import map_diagnosis
from assessment.settings import settings
from assessment.store import StoreError
from assessment.workshop import (
    RoomAggregate,
    UnknownWorkshop,
    WorkshopRecord,
    as_result,
    consensus_band,
    distribution_chart,
    room_map_points,
    room_quadrant,
    room_radar,
    segment_heatmap,
)
from assessment.workshop.wording import symmetry_verdict
from ui.context import plain
from ui.diagnoses_view import map_section, warnings
from ui.workshop_session import REFRESH_SECONDS, live_room


@st.fragment(run_every=REFRESH_SECONDS)
def live_dashboard(lang: Language, workshop_id: int, questionnaire: Questionnaire) -> None:
    try:
        record, counts, room = live_room(settings().database(), workshop_id)
    except UnknownWorkshop:  # erased from another screen
        st.rerun(scope="app")
    except StoreError:  # the database is out of reach: say so, and try again next refresh
        st.warning(say("workshop.live_unavailable", lang), icon=":material/cloud_off:")
        return
    joined, answering, completed, answers = st.columns(4)
    joined.metric(say("workshop.joined", lang), counts.joined, border=True)
    answering.metric(say("workshop.answering", lang), counts.responded, border=True)
    completed.metric(say("workshop.completed", lang), counts.completed, border=True)
    answers.metric(say("workshop.answers", lang), counts.answers, border=True)
    if counts.joined:
        st.progress(
            counts.completed / counts.joined,
            text=say("workshop.completed_of", lang, done=counts.completed, joined=counts.joined),
        )
    if not room.visible:
        st.info(
            say("workshop.room_waiting", lang, k=room.threshold, n=room.contributors),
            icon=":material/visibility_off:",
        )
        return
    radar, verdict = st.columns(2) if questionnaire.has_sides else (st.container(), None)
    with radar:
        st.subheader(say("workshop.room_radar", lang), anchor=False)
        st.caption(say("workshop.room_radar_help", lang))
        st.plotly_chart(room_radar(questionnaire, room, lang), key="room_radar", theme=None)
    if verdict is not None:  # a model without sides has no symmetry verdict
        with verdict:
            st.subheader(say("workshop.room_symmetry", lang), anchor=False)
            st.markdown(symmetry_verdict(room, lang))
            st.plotly_chart(room_quadrant(questionnaire, room, lang), key="quadrant", theme=None)
    room_diagnoses(lang, questionnaire, room)
    disagreements(lang, questionnaire, room)
    distributions(lang, questionnaire, record, room)
    segments(lang, questionnaire, room)


def room_diagnoses(lang: Language, questionnaire: Questionnaire, room: RoomAggregate) -> None:
    """The room's warnings beside the stall's, and the capability × people map with one dot
    per group the anonymity threshold lets through, and each segment's gap per dimension."""
    warnings(questionnaire, as_result(questionnaire, room), lang)
    map_section(questionnaire, room_map_points(questionnaire, room, lang), lang, "room_people_map")
    if map_diagnosis(questionnaire) is None:
        return
    st.caption(say("diagnoses.room_map_help", lang, k=room.threshold))
    for view in room.segments:
        gaps = [
            say(
                "diagnoses.room_gap",
                lang,
                title=questionnaire.dimension(key).title(lang),
                gap=fmt.points(gap, lang),
            )
            for key, gap in view.gaps.items()
            if key != "overall" and gap is not None
        ]
        if gaps:
            listed = say("core.list_separator", lang).join(gaps)
            st.caption(say("diagnoses.room_gaps", lang, segment=plain(view.segment), gaps=listed))


def disagreements(lang: Language, questionnaire: Questionnaire, room: RoomAggregate) -> None:
    st.subheader(say("workshop.disagreements", lang), anchor=False)
    if not room.disagreements:
        st.caption(say("workshop.no_disagreement", lang))
        return
    st.caption(say("workshop.disagreements_help", lang))
    ids = [s.question_id for s in room.disagreements]
    st.plotly_chart(
        distribution_chart(questionnaire, room, ids, lang), key="disagreements", theme=None
    )


def distributions(
    lang: Language, questionnaire: Questionnaire, record: WorkshopRecord, room: RoomAggregate
):
    st.subheader(say("workshop.distributions", lang), anchor=False)
    dimensions = questionnaire.ordered_dimensions()
    ids = [d.id for d in dimensions]
    default = record.current_dimension if record.current_dimension in ids else ids[0]
    chosen = st.segmented_control(
        say("workshop.parts", lang),
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
    with st.expander(say("workshop.dispersion_table", lang)):
        st.caption(say("workshop.dispersion_help", lang))
        table = dispersion_table(lang, questionnaire, room, question_ids)
        st.dataframe(table, hide_index=True, placeholder=fmt.NONE)


def dispersion_table(
    lang: Language, questionnaire: Questionnaire, room: RoomAggregate, question_ids: list[str]
) -> pd.DataFrame:
    rows = []
    for question_id in question_ids:
        question = questionnaire.question(question_id)
        stats = room.question(question_id)
        rows.append(
            {
                say("workshop.col_question", lang): f"{question.order}. {question.text(lang)}",
                say("workshop.col_answers", lang): stats.answered if stats else None,
                say("workshop.col_dont_know", lang): stats.dont_know if stats else None,
                say("workshop.col_mean", lang): _round(stats.mean_score if stats else None),
                say("workshop.col_sd", lang): _round(stats.sd if stats else None),
                say("workshop.col_consensus", lang): _percent(
                    stats.consensus if stats else None, lang
                ),
                say("workshop.col_modal", lang): _percent(
                    stats.modal_share if stats else None, lang
                ),
                say("workshop.col_reading", lang): (
                    say("workshop.band_" + consensus_band(stats.consensus), lang)
                    if stats and stats.consensus is not None
                    else say("workshop.withheld", lang)
                ),
            }
        )
    return pd.DataFrame(rows)


def segments(lang: Language, questionnaire: Questionnaire, room: RoomAggregate) -> None:
    if not room.segments:
        return
    st.subheader(say("workshop.segments", lang), anchor=False)
    st.caption(say("workshop.segments_help", lang, k=room.threshold))
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
                say("core.overall", lang)
                if key == "overall"
                else questionnaire.dimension(key).title(lang)
            )
            st.caption(say("workshop.widest_gap", lang, gap=fmt.number(gap, lang), title=title))


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def _percent(value: float | None, lang: Language) -> str | None:
    return None if value is None else fmt.percent(value, lang)
