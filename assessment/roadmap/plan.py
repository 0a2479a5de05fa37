"""A roadmap as a value: phases of planned actions with their reasons, the pilot and its KPIs;
and its JSON form (texts in both languages, or in one)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any, Literal

from pydantic import Field

from assessment.models import LANGUAGES, Frozen, Language, Text
from assessment.roadmap.library import Effort, Phase
from assessment.roadmap.pilot import Kpi, Pilot

Side = Literal["internal", "customer", "mixed"]


class Reason(Frozen):
    kind: Literal[
        "dimension",
        "theme",
        "question",
        "stall",
        "diagnosis",
        "always",
        "stall_priority",
        "diagnosis_priority",
    ]
    subject: str | None = None
    score: float | None = None
    threshold: float | None = None
    text: Text


class PlannedAction(Frozen):
    id: str
    number: str = Field(description="Phase number and rank, e.g. 2.3")
    phase: Phase
    title: Text
    rationale: Text
    owner: Text
    effort: Effort
    duration_weeks: int
    depends_on: list[str] = Field(description="The proposed actions it waits for")
    side: Side | None
    gap: float | None = Field(description="100 - mean score of the questions it addresses")
    reasons: list[Reason]
    start: date
    end: date = Field(description="Last day (inclusive)")


class PhasePlan(Frozen):
    phase: Phase
    title: Text
    goal: Text
    start: date
    end: date = Field(description="Last day; the day before start when the phase is empty")
    actions: list[PlannedAction]


class Roadmap(Frozen):
    questionnaire_id: str
    library_id: str
    library_version: str
    start: date
    end: date
    stall: bool
    diagnoses: list[str] = Field(
        default_factory=list, description="Raised warnings other than the stall, by id"
    )
    phases: list[PhasePlan]
    pilot: Pilot
    kpis: list[Kpi]

    def actions(self) -> list[PlannedAction]:
        return [action for phase in self.phases for action in phase.actions]

    def action(self, action_id: str) -> PlannedAction:
        return next(a for a in self.actions() if a.id == action_id)

    def kpi(self, kpi_id: str) -> Kpi:
        return next(k for k in self.kpis if k.id == kpi_id)


def roadmap_to_dict(roadmap: Roadmap, lang: Language | None = None) -> dict:
    """A JSON-able document; texts in both languages, or only in ``lang``."""
    data = roadmap.model_dump(mode="json")
    return data if lang is None else _in_language(data, lang)


def roadmap_from_dict(data: Mapping[str, Any]) -> Roadmap:
    """A roadmap back from :func:`roadmap_to_dict` (bilingual form)."""
    return Roadmap.model_validate(data)


def _in_language(value: Any, lang: Language) -> Any:
    if isinstance(value, dict):
        if set(value) == set(LANGUAGES):
            return value[lang]
        return {key: _in_language(item, lang) for key, item in value.items()}
    if isinstance(value, list):
        return [_in_language(item, lang) for item in value]
    return value
