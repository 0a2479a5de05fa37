"""The facilitator's controls: open or close answering, free or paced (moving the room from
part to part), reveal the room's result to the phones. A refused move is said, not raised."""

from __future__ import annotations

import streamlit as st

from assessment.i18n import say
from assessment.models import Language, Questionnaire
from assessment.workshop import WorkshopError, WorkshopRecord, WorkshopStore


def run(action, *args) -> None:
    try:
        action(*args)
    except (WorkshopError, ValueError) as error:
        st.session_state.workshop_control_error = str(error)


def controls(
    lang: Language,
    store: WorkshopStore,
    token: str,
    record: WorkshopRecord,
    questionnaire: Questionnaire,
) -> None:
    st.markdown(f"**{say('workshop.controls', lang)}**")
    status, icon, colour, move, move_icon = (
        (
            "workshop.status_open",
            ":material/play_circle:",
            "green",
            "close_answering",
            ":material/lock:",
        )
        if record.is_open
        else (
            "workshop.status_closed",
            ":material/lock:",
            "gray",
            "reopen_answering",
            ":material/lock_open:",
        )
    )
    st.badge(say(status, lang), icon=icon, color=colour)
    st.button(
        say(f"workshop.{move}", lang),
        key=move,
        icon=move_icon,
        on_click=run,
        args=(store.set_open, token, not record.is_open),
    )

    paces = ["free", "paced"]
    st.segmented_control(
        say("workshop.pace", lang),
        paces,
        default=record.pace,
        format_func=lambda p: say(f"workshop.pace_{p}", lang),
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
            say(
                "workshop.part_open",
                lang,
                n=position + 1,
                total=len(ids),
                title=current.title(lang),
            )
        )
        back, forward = st.columns(2)
        back.button(
            say("workshop.previous_part", lang),
            key="previous_part",
            disabled=position == 0,
            on_click=run,
            args=(store.set_pace, token, "paced", ids[max(0, position - 1)]),
            width="stretch",
        )
        forward.button(
            say("workshop.next_part", lang),
            key="next_part",
            type="primary",
            disabled=position == len(ids) - 1,
            on_click=run,
            args=(store.advance, token),
            width="stretch",
        )
    st.toggle(
        say("workshop.reveal", lang),
        value=record.revealed,
        key=f"reveal.{record.revealed}",
        help=say("workshop.reveal_help", lang, k=record.threshold),
        on_change=run,
        args=(store.reveal, token, not record.revealed),
    )
    error = st.session_state.pop("workshop_control_error", None)
    if error:
        st.error(error)
