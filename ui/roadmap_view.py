"""The roadmap page's read-only parts: each phase's actions with their reasons, the pilot card,
the KPI table as a frame for the editor, and each KPI's full definition."""

from __future__ import annotations

import math

import pandas as pd
import streamlit as st

from assessment import formatting as fmt
from assessment.i18n import in_language, say
from assessment.models import Language, Questionnaire
from assessment.roadmap import (
    GENERIC_LIBRARY,
    ActionLibrary,
    Gate,
    Kpi,
    Pilot,
    Roadmap,
    gate_explanation,
    gate_headline,
)
from assessment.services import action_library
from ui.context import plain


@st.cache_resource(max_entries=8)
def library_for(questionnaire_id: str, _questionnaire: Questionnaire):
    """The action library checked against this questionnaire, or the error that keeps it out."""
    return action_library(_questionnaire)


def checked_library(lang: Language, questionnaire: Questionnaire) -> ActionLibrary | None:
    """The action library, or None once what keeps it out is shown."""
    library = library_for(questionnaire.id, questionnaire)
    if isinstance(library, ActionLibrary):
        if library.id == GENERIC_LIBRARY:  # no library serves this questionnaire
            st.info(say("model.generic_note", lang), icon=":material/auto_awesome:")
        return library
    st.error(say("roadmap_page.library_invalid", lang))
    st.code("\n".join(in_language(library.problems, lang)), language=None)
    return None


def no_answers(lang: Language) -> None:
    """Nothing answered yet: there is no roadmap to show, say where to go."""
    st.info(say("roadmap_page.no_answers", lang))
    st.page_link(
        "app_pages/answer.py", label=say("roadmap_page.continue", lang), icon=":material/edit_note:"
    )


def colon(lang: Language) -> str:
    """The colon after a label, with the space French puts before it."""
    return say("core.colon", lang).rstrip()


def period(lang: Language, item) -> str:
    return say(
        "roadmap_page.period",
        lang,
        start=fmt.date(item.start, lang),
        end=fmt.date(item.end, lang),
    )


GATE_COLOURS = {"ready": "green", "waiting": "orange", "stopped": "red"}


def actions_section(lang: Language, roadmap: Roadmap, gate: Gate | None = None) -> None:
    """Each phase's actions; the diffusion phase marked by the pilot's gate when one is given."""
    st.subheader(say("roadmap_page.actions", lang))
    for position, phase in enumerate(roadmap.phases, start=1):
        st.markdown(f"#### {position}. {phase.title(lang)}")
        st.caption(f"{phase.goal(lang)} · {period(lang, phase)}")
        if gate is not None and phase.phase == "diffusion":
            st.badge(gate_headline(gate, lang), color=GATE_COLOURS[gate.state])
            st.caption(gate_explanation(gate, lang, plain))
            st.page_link(
                "app_pages/pilot.py",
                label=say("pilot.to_pilot", lang),
                icon=":material/query_stats:",
            )
        for action in phase.actions:
            with st.container(border=True, key=f"action.{action.id}"):
                st.markdown(f"**{action.number}** · **{action.title(lang)}**")
                details = [
                    action.owner(lang),
                    say("roadmap_page.effort", lang, effort=say(f"effort.{action.effort}", lang)),
                    fmt.weeks(action.duration_weeks, lang),
                    period(lang, action),
                ]
                if action.depends_on:
                    numbers = sorted(roadmap.action(d).number for d in action.depends_on)
                    details.append(say("roadmap_page.after", lang, numbers=", ".join(numbers)))
                st.caption(" · ".join(details))
                st.write(action.rationale(lang))
                reasons = "\n".join(f"- {reason.text(lang)}" for reason in action.reasons)
                st.markdown(f"*{say('roadmap_page.why', lang)}*\n\n{reasons}")


def pilot_card(lang: Language, pilot: Pilot) -> None:
    st.subheader(say("roadmap_page.pilot", lang))
    with st.container(border=True, key="pilot_card"):
        st.markdown(f"**{say('roadmap_page.team', lang)}{colon(lang)}** {pilot.team_label(lang)}")
        st.write(pilot.reason(lang))
        duration = say(
            "roadmap_page.duration_value",
            lang,
            weeks=pilot.duration_weeks,
            start=fmt.date(pilot.start, lang),
            end=fmt.date(pilot.end, lang),
        )
        st.markdown(
            f"**{say('roadmap_page.scope', lang)}{colon(lang)}** {pilot.scope(lang)}  \n"
            f"**{say('roadmap_page.duration', lang)}{colon(lang)}** {duration}  \n"
            f"**{say('roadmap_page.participants', lang)}{colon(lang)}** {pilot.participants(lang)}"
        )
        criteria = "\n".join(f"- {criterion(lang)}" for criterion in pilot.success_criteria)
        st.markdown(f"**{say('roadmap_page.success', lang)}{colon(lang)}**\n\n{criteria}")


def kpi_frame(lang: Language, kpis: list[Kpi]) -> pd.DataFrame:
    rows = [
        {
            "id": kpi.id,
            "name": f"{kpi.name(lang)} ✎" if kpi.edited else kpi.name(lang),
            "unit": say(f"kpi_unit.{kpi.unit}", lang),
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


def kpi_details(lang: Language, roadmap: Roadmap) -> None:
    with st.expander(say("roadmap_page.kpi_details", lang)):
        for kpi in roadmap.kpis:
            baseline = fmt.kpi_value(kpi.baseline, kpi.unit, lang)
            st.markdown(
                f"**{kpi.name(lang)}**  \n"
                f"{say('roadmap_page.definition', lang)}{colon(lang)} {kpi.definition(lang)}  \n"
                f"{say('roadmap_page.method', lang)}{colon(lang)} {kpi.method(lang)}  \n"
                f"{say('roadmap_page.source', lang)}{colon(lang)} {kpi.source(lang)}  \n"
                f"{say('roadmap_page.frequency', lang)}{colon(lang)} {kpi.frequency(lang)}  \n"
                f"{say('roadmap_page.baseline', lang)}{colon(lang)} {baseline} · "
                f"{kpi.baseline_note(lang)}  \n"
                f"{say('roadmap_page.target_rule', lang)}{colon(lang)} {kpi.target_rule(lang)}"
            )
