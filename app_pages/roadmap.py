"""Roadmap: the awareness → pilot → diffusion plan of the open assessment, its pilot and KPIs.

The plan is generated from the stored answers on every run; only the consultant's edits (start
date, KPI fields) are saved, as the assessment's "roadmap" document, and applied on top. Every
widget key carries the language, and every value comes from the store, so a language switch or
a restart loses nothing.
"""

import datetime as dt
import math

import pandas as pd
import streamlit as st

from assessment import services
from assessment.models import Questionnaire
from assessment.roadmap import (
    EDITABLE,
    EFFORTS,
    FIELDS,
    OWNER_LIMIT,
    UNITS,
    ActionLibrary,
    Kpi,
    KpiEditError,
    Pilot,
    Roadmap,
    RoadmapEdits,
    edits_from_table,
    edits_to_payload,
    format_date,
    format_value,
    timeline_chart,
)
from assessment.scoring import score
from assessment.services import action_library, edited_roadmap, forget_edits, saved_edits, start_of
from assessment.store import AssessmentRecord, StoreError
from ui.context import current_language, plain
from ui.roadmap_strings import ROADMAP_STRINGS
from ui.session import get_store, with_assessment

lang = current_language()
store = get_store()
REVISION = "roadmap_revision"  # bumped by a reset, so the KPI editor drops its pending cells


def tr(key: str, **values: object) -> str:
    text = ROADMAP_STRINGS[key][lang]
    return text.format(**values) if values else text


@st.cache_resource(max_entries=8)
def library_for(questionnaire_id: str, _questionnaire: Questionnaire):
    """The action library checked against this questionnaire, or the error that keeps it out."""
    return action_library(_questionnaire)


def save_edits(record_id: int, edits: RoadmapEdits) -> bool:
    try:
        services.save_edits(store, record_id, edits)
    except StoreError as error:
        st.error(tr("save_failed", error=error))
        return False
    return True


def save_start(record_id: int, key: str) -> None:
    chosen = st.session_state[key]
    if isinstance(chosen, dt.date):
        save_edits(record_id, saved_edits(store, record_id).model_copy(update={"start": chosen}))


def start_date(record: AssessmentRecord, edits: RoadmapEdits) -> dt.date:
    key = f"roadmap_start.{st.session_state.get(REVISION, 0)}.{lang}"
    chosen = st.date_input(
        tr("start_date"),
        value=start_of(edits, dt.date.today()),
        help=tr("start_help"),
        format="DD/MM/YYYY" if lang == "fr" else "YYYY-MM-DD",
        key=key,
        on_change=save_start,
        args=(record.id, key),
    )
    return chosen if isinstance(chosen, dt.date) else start_of(edits, dt.date.today())


def weeks_text(weeks: int) -> str:
    unit = {"fr": "semaine", "en": "week"}[lang]
    return f"{weeks} {unit}{'s' if weeks > 1 else ''}"


def colon() -> str:
    return " :" if lang == "fr" else ":"


def period(item) -> str:
    return tr("period", start=format_date(item.start, lang), end=format_date(item.end, lang))


def actions_section(roadmap: Roadmap) -> None:
    st.subheader(tr("actions"))
    for position, phase in enumerate(roadmap.phases, start=1):
        st.markdown(f"#### {position}. {phase.title(lang)}")
        st.caption(f"{phase.goal(lang)} · {period(phase)}")
        for action in phase.actions:
            with st.container(border=True, key=f"action.{action.id}"):
                st.markdown(f"**{action.number}** · **{action.title(lang)}**")
                details = [
                    action.owner(lang),
                    tr("effort", effort=EFFORTS[action.effort](lang)),
                    weeks_text(action.duration_weeks),
                    period(action),
                ]
                if action.depends_on:
                    numbers = sorted(roadmap.action(d).number for d in action.depends_on)
                    details.append(tr("after", numbers=", ".join(numbers)))
                st.caption(" · ".join(details))
                st.write(action.rationale(lang))
                reasons = "\n".join(f"- {reason.text(lang)}" for reason in action.reasons)
                st.markdown(f"*{tr('why')}*\n\n{reasons}")


def pilot_card(pilot: Pilot) -> None:
    st.subheader(tr("pilot"))
    with st.container(border=True, key="pilot_card"):
        st.markdown(f"**{tr('team')}{colon()}** {pilot.team_label(lang)}")
        st.write(pilot.reason(lang))
        duration = tr(
            "duration_value",
            weeks=pilot.duration_weeks,
            start=format_date(pilot.start, lang),
            end=format_date(pilot.end, lang),
        )
        st.markdown(
            f"**{tr('scope')}{colon()}** {pilot.scope(lang)}  \n"
            f"**{tr('duration')}{colon()}** {duration}  \n"
            f"**{tr('participants')}{colon()}** {pilot.participants(lang)}"
        )
        criteria = "\n".join(f"- {criterion(lang)}" for criterion in pilot.success_criteria)
        st.markdown(f"**{tr('success')}{colon()}**\n\n{criteria}")


def kpi_frame(kpis: list[Kpi]) -> pd.DataFrame:
    rows = [
        {
            "id": kpi.id,
            "name": f"{kpi.name(lang)} ✎" if kpi.edited else kpi.name(lang),
            "unit": UNITS[kpi.unit](lang),
            "baseline": kpi.baseline,
            "target": kpi.target,
            "start": kpi.start,
            "end": kpi.end,
            "owner": kpi.owner(lang),
        }
        for kpi in kpis
    ]
    frame = pd.DataFrame(rows).set_index("id")
    return frame.astype({"baseline": "float64", "target": "float64"})


def native(value):
    """A cell of the edited table as a plain Python value (NaN and NaT: empty)."""
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NaT:
        return None
    if isinstance(value, pd.Timestamp):
        return value.date()
    return value.item() if hasattr(value, "item") else value


def kpi_section(
    record: AssessmentRecord, generated: Roadmap, roadmap: Roadmap, edits: RoadmapEdits
) -> None:
    st.subheader(tr("kpis"))
    st.caption(tr("kpis_help"))
    date_format = "DD/MM/YYYY" if lang == "fr" else "YYYY-MM-DD"
    edited = st.data_editor(
        kpi_frame(roadmap.kpis),
        key=f"roadmap_kpis.{st.session_state.get(REVISION, 0)}.{lang}",
        num_rows="fixed",
        hide_index=True,
        width="stretch",
        disabled=["name", "unit"],
        column_config={
            "name": st.column_config.TextColumn(tr("kpi"), width="medium", pinned=True),
            "unit": st.column_config.TextColumn(tr("unit")),
            "baseline": st.column_config.NumberColumn(
                FIELDS["baseline"](lang).capitalize(), help=tr("baseline_help")
            ),
            "target": st.column_config.NumberColumn(
                FIELDS["target"](lang).capitalize(), help=tr("target_help")
            ),
            "start": st.column_config.DateColumn(
                FIELDS["start"](lang).capitalize(), format=date_format, required=True
            ),
            "end": st.column_config.DateColumn(
                FIELDS["end"](lang).capitalize(), format=date_format, required=True
            ),
            "owner": st.column_config.TextColumn(
                FIELDS["owner"](lang).capitalize(), max_chars=OWNER_LIMIT, required=True
            ),
        },
    )
    rows = {
        kpi_id: {field: native(edited.at[kpi_id, field]) for field in EDITABLE}
        for kpi_id in edited.index
    }
    try:
        wanted = edits_from_table(generated, rows, roadmap.start)
    except KpiEditError as error:
        problems = "\n".join(f"- {problem(lang)}" for problem in error.problems)
        st.error(f"{tr('kpi_invalid')}\n\n{problems}", icon=":material/error:")
        return
    # Compared as saved (dates as text): what the store holds after a save compares equal,
    # so a save is followed by exactly one rerun. The start date is saved with the KPIs.
    changed = edits_to_payload(wanted)["kpis"] != edits_to_payload(edits)["kpis"]
    if changed and save_edits(record.id, wanted):
        st.session_state.roadmap_flash = "kpi_saved"
        st.rerun()


def kpi_details(roadmap: Roadmap) -> None:
    with st.expander(tr("kpi_details")):
        for kpi in roadmap.kpis:
            baseline = format_value(kpi.baseline, kpi.unit, lang)
            st.markdown(
                f"**{kpi.name(lang)}**  \n"
                f"{tr('definition')}{colon()} {kpi.definition(lang)}  \n"
                f"{tr('method')}{colon()} {kpi.method(lang)}  \n"
                f"{tr('source')}{colon()} {kpi.source(lang)}  \n"
                f"{tr('frequency')}{colon()} {kpi.frequency(lang)}  \n"
                f"{tr('baseline')}{colon()} {baseline} · {kpi.baseline_note(lang)}  \n"
                f"{tr('target_rule')}{colon()} {kpi.target_rule(lang)}"
            )


def reset_section(record: AssessmentRecord) -> None:
    with st.expander(tr("reset_title")):
        st.caption(tr("reset_help"))
        sure = st.checkbox(tr("reset_confirm"), key=f"roadmap_reset_confirm.{lang}")
        if st.button(tr("reset_button"), disabled=not sure, key="roadmap_reset"):
            try:
                forget_edits(store, record.id)
            except StoreError as error:
                st.error(tr("save_failed", error=error))
                return
            # New keys: the editor and the date input forget what they were showing.
            st.session_state[REVISION] = st.session_state.get(REVISION, 0) + 1
            for key in [k for k in st.session_state if str(k).startswith("roadmap_reset_confirm")]:
                del st.session_state[key]
            st.session_state.roadmap_flash = "reset_done"
            st.rerun()


def roadmap_page(record: AssessmentRecord, questionnaire: Questionnaire) -> None:
    st.title(tr("title", organisation=plain(record.profile.organisation)))
    library = library_for(questionnaire.id, questionnaire)
    if not isinstance(library, ActionLibrary):
        st.error(tr("library_invalid"))
        st.code("\n".join(str(p) for p in library.problems), language=None)
        return
    flash = st.session_state.pop("roadmap_flash", None)
    if flash:  # a toast: the table and the reset button are far below the top of the page
        st.toast(tr(flash), icon=":material/check_circle:")
    st.caption(tr("intro"))
    answers = store.answers(record.id)
    coverage = score(questionnaire, answers).overall.coverage
    if not any(level is not None for level in answers.values()):
        st.info(tr("no_answers"))
        st.page_link("app_pages/answer.py", label=tr("continue"), icon=":material/edit_note:")
    elif coverage < 1:
        st.caption(tr("partial", coverage=f"{coverage:.0%}"))

    edits = saved_edits(store, record.id)
    start = start_date(record, edits)
    generated, roadmap = edited_roadmap(
        questionnaire, answers, record.profile, library, edits, start
    )
    if roadmap.stall:
        st.warning(tr("stall"), icon=":material/warning:")

    st.subheader(tr("timeline"))
    st.caption(f"{tr('timeline_caption')} {period(roadmap)}.")
    st.plotly_chart(timeline_chart(roadmap, lang), key=f"roadmap_timeline.{lang}")
    actions_section(roadmap)
    pilot_card(roadmap.pilot)
    kpi_section(record, generated, roadmap, edits)
    kpi_details(roadmap)
    if edits != RoadmapEdits():
        reset_section(record)


with_assessment(roadmap_page)
