"""Answers + action library → an awareness → pilot → diffusion roadmap with its pilot and KPIs.

The generator is a pure function: the same answers, profile, library and start date always
give the same roadmap. For each phase in turn, it keeps the actions whose condition holds, ranks
them by the gap they address (100 − the mean score of the questions they address, answered
questions only; ties by id), puts the internal side first when the symmetry analysis warns of a
stall, and never schedules an action before the actions it depends on. Every action carries the
reasons it was proposed, naming the scores that triggered it, in French and English.

A consultant's edits (the start date and KPI fields) are kept apart from the roadmap as a small
JSON-able document (:class:`RoadmapEdits`, in :mod:`assessment.roadmap_edits`) and applied on top
of a freshly generated roadmap, so that new answers update the plan without losing the edits.
This module re-exports them: ``from assessment.roadmap import …`` is the one entry point.

Related modules: :mod:`assessment.roadmap_library` (the action library and its validation),
:mod:`assessment.roadmap_pilot` (pilot and KPIs), :mod:`assessment.roadmap_text` (the words,
in French and English), :mod:`assessment.roadmap_chart` (the timeline).
"""

from __future__ import annotations

import heapq
from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any, Literal

from pydantic import Field

from assessment.models import LANGUAGES, Frozen, Language, Questionnaire, Result, Text
from assessment.profile import Profile
from assessment.roadmap_edits import (
    KpiEditError,
    RoadmapEdits,
    apply_edits,
    check_kpi_values,
    edits_from_payload,
    edits_from_table,
    edits_to_payload,
)
from assessment.roadmap_library import PHASES, Action, ActionLibrary, Condition, Effort, Phase
from assessment.roadmap_pilot import (
    ADVOCACY_KPI,
    PILOT_WEEKS,
    Kpi,
    Pilot,
    mean_score,
    pilot_kpis,
    suggest_pilot,
)
from assessment.roadmap_text import PHASE_GOALS, PHASE_TITLES, number, say
from assessment.scoring import score

PILOT_ACTION = "run_pilot"  # when proposed, its dates are the pilot's and the KPIs' window
Side = Literal["internal", "customer", "mixed"]


class Reason(Frozen):
    kind: Literal["dimension", "theme", "question", "stall", "always", "stall_priority"]
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
    phases: list[PhasePlan]
    pilot: Pilot
    kpis: list[Kpi]

    def actions(self) -> list[PlannedAction]:
        return [action for phase in self.phases for action in phase.actions]

    def action(self, action_id: str) -> PlannedAction:
        return next(a for a in self.actions() if a.id == action_id)

    def kpi(self, kpi_id: str) -> Kpi:
        return next(k for k in self.kpis if k.id == kpi_id)


def next_monday(today: date) -> date:
    """The first Monday after today: a few days to get ready."""
    return today + timedelta(days=7 - today.weekday())


def generate_roadmap(
    questionnaire: Questionnaire,
    answers: Mapping[str, int | None],
    profile: Profile | None,
    library: ActionLibrary,
    start: date,
) -> Roadmap:
    """The roadmap for these answers (AnswerError if they do not fit the questionnaire)."""
    result = score(questionnaire, answers)
    stall = result.symmetry.stall
    candidates: dict[str, _Candidate] = {}
    for action in library.actions:
        reasons = [
            reason
            for condition in action.when
            if (reason := _reason(condition, questionnaire, answers, result)) is not None
        ]
        if reasons:
            candidates[action.id] = _candidate(action, reasons, questionnaire, answers, stall)

    phases, ends = [], {}
    phase_start = start
    for position, phase in enumerate(PHASES, start=1):
        planned = []
        ordered = _ordered(phase, candidates, stall)
        # In a stall the internal side goes first; say so where it outranks something.
        overtakes = stall and any(c.side != "internal" for c in ordered)
        for rank, candidate in enumerate(ordered, start=1):
            action, reasons = candidate.action, candidate.reasons
            if overtakes and candidate.side == "internal":
                reasons = [
                    *reasons,
                    Reason(kind="stall_priority", text=say("reason_stall_priority")),
                ]
            waits_for = [d for d in action.depends_on if d in candidates]
            first = max([phase_start] + [ends[d] + timedelta(days=1) for d in waits_for])
            ends[action.id] = first + timedelta(weeks=action.duration_weeks, days=-1)
            planned.append(
                PlannedAction(
                    id=action.id,
                    number=f"{position}.{rank}",
                    phase=action.phase,
                    title=action.title,
                    rationale=action.rationale,
                    owner=action.owner,
                    effort=action.effort,
                    duration_weeks=action.duration_weeks,
                    depends_on=waits_for,
                    side=candidate.side,
                    gap=candidate.gap,
                    reasons=reasons,
                    start=first,
                    end=ends[action.id],
                )
            )
        phase_end = max((a.end for a in planned), default=phase_start - timedelta(days=1))
        phases.append(
            PhasePlan(
                phase=phase,
                title=PHASE_TITLES[phase],
                goal=PHASE_GOALS[phase],
                start=phase_start,
                end=phase_end,
                actions=planned,
            )
        )
        phase_start = phase_end + timedelta(days=1)

    pilot_start, pilot_end, weeks = _pilot_window(phases)
    advocacy = any(c.advocacy for c in candidates.values())
    return Roadmap(
        questionnaire_id=questionnaire.id,
        library_id=library.id,
        library_version=library.version,
        start=start,
        end=max(start, phase_start - timedelta(days=1)),
        stall=stall,
        phases=phases,
        pilot=suggest_pilot(questionnaire, result, profile, pilot_start, pilot_end, weeks),
        kpis=pilot_kpis(questionnaire, answers, pilot_start, pilot_end, advocacy=advocacy),
    )


# --- which actions, and why ----------------------------------------------------------------


class _Candidate(Frozen):
    action: Action
    reasons: list[Reason]
    side: Side | None
    gap: float | None
    advocacy: bool


def _candidate(
    action: Action,
    reasons: list[Reason],
    questionnaire: Questionnaire,
    answers: Mapping[str, int | None],
    stall: bool,
) -> _Candidate:
    addressed = [
        (dimension, question)
        for dimension, question in questionnaire.questions()
        if dimension.id in action.dimensions
        or question.theme in action.themes
        or question.id in action.questions
    ]
    sides = {dimension.side_of(question).value for dimension, question in addressed}
    side = None if not sides else ("mixed" if len(sides) > 1 else sides.pop())
    mean, _ = mean_score(questionnaire, answers, [q.id for _, q in addressed])
    return _Candidate(
        action=action,
        reasons=reasons,
        side=side,
        gap=None if mean is None else round(100 - mean, 6),
        advocacy=any(q.theme == "employee_advocacy" for _, q in addressed),
    )


def _reason(
    condition: Condition,
    questionnaire: Questionnaire,
    answers: Mapping[str, int | None],
    result: Result,
) -> Reason | None:
    """The reason this condition gives for proposing the action, or None if it does not hold."""
    if condition.always:
        return Reason(kind="always", text=say("reason_always"))
    if condition.stall:
        symmetry = result.symmetry
        if not symmetry.stall:
            return None
        text = say(
            "reason_stall",
            customer=number(symmetry.customer_score),
            internal=number(symmetry.internal_score),
            gap=number(symmetry.index),
            threshold=number(symmetry.stall_threshold),
        )
        return Reason(
            kind="stall", score=symmetry.index, threshold=symmetry.stall_threshold, text=text
        )

    below = condition.below
    kind = condition.subject
    subject = getattr(condition, kind)
    if kind == "dimension":
        value, count = result.dimension(subject).score, 1
        title = questionnaire.dimension(subject).title
    elif kind == "theme":
        ids = [q.id for _, q in questionnaire.questions() if q.theme == subject]
        value, count = mean_score(questionnaire, answers, ids)
        title = questionnaire.theme(subject).label
    else:
        value, count = mean_score(questionnaire, answers, [subject])
    if value is None or round(value, 6) >= below:
        return None  # unanswered says nothing of a weakness; at or above: not weak enough
    shown = {"score": number(value, (below,)), "threshold": number(below)}
    if kind == "dimension":
        text = say("reason_dimension", title=title, **shown)
    elif kind == "theme":
        key = "reason_theme_one" if count == 1 else "reason_theme"
        text = say(key, title=title, count=count, **shown)
    else:
        level = answers[subject]
        label = questionnaire.scale.levels[questionnaire.scale.values.index(level)].label
        text = say(
            "reason_question",
            text=questionnaire.question(subject).text,
            level=level,
            label=label,
            **shown,
        )
    return Reason(kind=kind, subject=subject, score=round(value, 6), threshold=below, text=text)


def _ordered(phase: Phase, candidates: dict[str, _Candidate], stall: bool) -> list[_Candidate]:
    """The phase's actions by priority (internal side first in a stall, larger gap first, then
    id), each one only once the proposed actions of this phase it depends on are placed."""

    def priority(candidate: _Candidate) -> tuple:
        side_first = 0 if not stall or candidate.side == "internal" else 1
        gap = -1.0 if candidate.gap is None else candidate.gap
        return (side_first, -gap, candidate.action.id)

    mine = {i: c for i, c in candidates.items() if c.action.phase == phase}
    waiting = {i: {d for d in c.action.depends_on if d in mine} for i, c in mine.items()}
    ready = [(priority(c), i) for i, c in mine.items() if not waiting[i]]
    heapq.heapify(ready)
    ordered = []
    while ready:
        _, chosen = heapq.heappop(ready)
        ordered.append(mine[chosen])
        for other, deps in waiting.items():
            if chosen in deps:
                deps.discard(chosen)
                if not deps:
                    heapq.heappush(ready, (priority(mine[other]), other))
    return ordered  # a cycle would leave actions out; the library loader rejects cycles


def _pilot_window(phases: list[PhasePlan]) -> tuple[date, date, int]:
    """The dates of the pilot run action, else the pilot phase (at least PILOT_WEEKS long)."""
    for phase in phases:
        for action in phase.actions:
            if action.id == PILOT_ACTION:
                return action.start, action.end, action.duration_weeks
    pilot = next(p for p in phases if p.phase == Phase.pilot)
    end = max(pilot.end, pilot.start + timedelta(weeks=PILOT_WEEKS, days=-1))
    return pilot.start, end, PILOT_WEEKS


# --- serialisation ---------------------------------------------------------------------------


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


__all__ = [
    "ADVOCACY_KPI",
    "PILOT_ACTION",
    "Kpi",
    "KpiEditError",
    "PhasePlan",
    "Pilot",
    "PlannedAction",
    "Reason",
    "Roadmap",
    "RoadmapEdits",
    "apply_edits",
    "check_kpi_values",
    "edits_from_payload",
    "edits_from_table",
    "edits_to_payload",
    "generate_roadmap",
    "next_monday",
    "roadmap_from_dict",
    "roadmap_to_dict",
]
