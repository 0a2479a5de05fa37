"""The facilitator's controls: open or close answering, free or paced (moving the room from
part to part), live results on the room screen, the reveal to the phones; the anonymity
thresholds (until the first answer) and erasing the room's answers. A refused move is said,
not raised."""

from __future__ import annotations

import streamlit as st

from assessment.i18n import say
from assessment.models import Language, Questionnaire
from assessment.workshop import (
    MAX_THRESHOLD,
    MIN_THRESHOLD,
    ThresholdLocked,
    WorkshopError,
    WorkshopRecord,
    WorkshopStore,
)


def run(action, *args) -> None:
    try:
        action(*args)
    except ThresholdLocked:
        st.session_state.workshop_control_error = "workshop.thresholds_locked"
    except (WorkshopError, ValueError):
        st.session_state.workshop_control_error = "workshop.control_refused"


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
        say("workshop.live_results", lang),
        value=record.live_results,
        key=f"live.{record.live_results}",
        help=say("workshop.live_results_help", lang),
        on_change=run,
        args=(store.show_live_results, token, not record.live_results),
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
        st.error(say(error, lang))


def anonymity_section(
    lang: Language, store: WorkshopStore, token: str, record: WorkshopRecord
) -> None:
    """The two thresholds, changeable only until the first answer."""
    with st.expander(say("workshop.anonymity_title", lang), icon=":material/shield_person:"):
        locked = store.counts(record.id).answers > 0
        st.caption(
            say("workshop.thresholds_locked" if locked else "workshop.thresholds_help", lang)
        )
        means, spread = threshold_inputs(
            lang,
            (record.threshold, record.dispersion_threshold),
            (
                {"key": f"threshold_means.{record.threshold}", "disabled": locked},
                {"key": f"threshold_spread.{record.dispersion_threshold}", "disabled": locked},
            ),
        )
        if not locked and st.button(say("workshop.thresholds_save", lang), key="thresholds"):
            if spread < means:
                st.error(say("workshop.dispersion_below", lang))
                return
            run(store.set_thresholds, token, int(means), int(spread))
            st.rerun()


def threshold_inputs(
    lang: Language, values: tuple[int, int], options: tuple[dict, dict]
) -> tuple[int, int]:
    """The two anonymity thresholds side by side, as a workshop is created and as they are
    changed until its first answer: the fewest answers a mean is shown for, then a spread.
    ``options``: each input's own (its key, disabled…)."""
    fields = (
        ("workshop.threshold", "workshop.threshold_help"),
        ("workshop.dispersion_threshold", "workshop.dispersion_threshold_help"),
    )
    means, spread = (
        column.number_input(
            say(label, lang),
            min_value=MIN_THRESHOLD,
            max_value=MAX_THRESHOLD,
            value=value,
            step=1,
            help=say(help_key, lang),
            **own,
        )
        for column, (label, help_key), value, own in zip(
            st.columns(2), fields, values, options, strict=True
        )
    )
    return means, spread


def erase_section(lang: Language, store: WorkshopStore, token: str) -> None:
    with st.expander(say("workshop.erase_title", lang), icon=":material/ink_eraser:"):
        st.caption(say("workshop.erase_help", lang))
        sure = st.checkbox(say("workshop.erase_confirm", lang), key="workshop_erase_confirm")
        if st.button(say("workshop.erase_button", lang), disabled=not sure, key="workshop_erase"):
            store.erase_answers(token)
            st.success(say("workshop.erased", lang))
