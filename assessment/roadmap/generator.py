"""Answers + action library → an awareness → pilot → diffusion roadmap with its pilot and KPIs.

The generator is a pure function: the same answers, profile, library and start date always
give the same roadmap. For each phase in turn, it keeps the actions whose condition holds, ranks
them by the gap they address (100 − the mean score of the questions they address, answered
questions only; ties by id), puts first the actions that answer a raised diagnosis between
dimensions (people before any new tool), then the internal side when the symmetry analysis warns
of a stall, and never schedules an action before the actions it depends on. Every action carries the
reasons it was proposed, naming the scores that triggered it, in French and English.
"""

from __future__ import annotations

import heapq
from collections.abc import Mapping
from datetime import date, timedelta

from assessment.i18n import say, text_of
from assessment.models import DiagnosisCompare, Frozen, Language, Questionnaire, Text
from assessment.profile import Profile
from assessment.reading import compared
from assessment.results import DiagnosisResult, Result
from assessment.roadmap.library import PHASES, Action, ActionLibrary, Condition, Phase
from assessment.roadmap.pilot import (
    PILOT_WEEKS,
    mean_score,
    pilot_kpis,
    suggest_pilot,
)
from assessment.roadmap.plan import PhasePlan, PlannedAction, Reason, Roadmap, Side
from assessment.roadmap.text import number
from assessment.scoring import declared_diagnoses, score

PILOT_ACTION = "run_pilot"  # when proposed, its dates are the pilot's and the KPIs' window


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
    first = {d.id for d in _first_raised(result)}
    candidates: dict[str, _Candidate] = {}
    for action in library.actions:
        reasons = [
            reason
            for condition in action.when
            if (reason := _reason(condition, questionnaire, answers, result)) is not None
        ]
        if reasons:
            candidates[action.id] = _candidate(action, reasons, questionnaire, answers, first)

    phases, ends = [], {}
    phase_start = start
    for position, phase in enumerate(PHASES, start=1):
        planned = []
        ordered = _ordered(phase, candidates, stall)
        for dropped in ordered[library.at_most.get(phase, len(ordered)) :]:
            del candidates[dropped.action.id]  # beyond the phase's limit: not waited for
        ordered = ordered[: library.at_most.get(phase, len(ordered))]
        # In a stall the internal side goes first; say so where it outranks something.
        overtakes = stall and any(c.side != "internal" for c in ordered)
        # Answers to a raised diagnosis go first; say so where they outrank something.
        people_first = any(not c.answers for c in ordered)
        for rank, candidate in enumerate(ordered, start=1):
            action, reasons = candidate.action, candidate.reasons
            if people_first and candidate.answers:
                reasons = [*reasons, _priority(questionnaire, candidate.answers)]
            if overtakes and candidate.side == "internal":
                reasons = [
                    *reasons,
                    Reason(kind="stall_priority", text=text_of("roadmap.reason_stall_priority")),
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
                title=text_of(f"phase_title.{phase}"),
                goal=text_of(f"phase_goal.{phase}"),
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
        diagnoses=[d.id for d in _first_raised(result)],
        phases=phases,
        pilot=suggest_pilot(questionnaire, result, profile, pilot_start, pilot_end, weeks),
        kpis=pilot_kpis(
            library.kpis, questionnaire, answers, pilot_start, pilot_end, advocacy=advocacy
        ),
    )


def priority_notes(questionnaire: Questionnaire, roadmap: Roadmap, lang: Language) -> list[str]:
    """One sentence per raised diagnosis whose answers the roadmap puts first (the stall has
    its own)."""
    declared = {d.id: d for d in declared_diagnoses(questionnaire)}
    return [
        say(
            "diagnoses.roadmap_note",
            lang,
            title=declared[d].title(lang),
            explanation=declared[d].explanation(lang),
        )
        for d in roadmap.diagnoses
        if d in declared
    ]


# --- which actions, and why ----------------------------------------------------------------


class _Candidate(Frozen):
    action: Action
    reasons: list[Reason]
    side: Side | None
    gap: float | None
    advocacy: bool
    answers: list[str]  # the raised diagnoses between dimensions it answers


def _candidate(
    action: Action,
    reasons: list[Reason],
    questionnaire: Questionnaire,
    answers: Mapping[str, int | None],
    first: set[str],
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
        answers=[r.subject for r in reasons if r.kind == "diagnosis" and r.subject in first],
    )


def _first_raised(result: Result) -> list[DiagnosisResult]:
    """Raised diagnoses between dimensions: the actions answering them go first."""
    return [d for d in result.raised if d.compare is DiagnosisCompare.dimensions]


def _words(questionnaire: Questionnaire, diagnosis_id: str) -> dict[str, Text]:
    """A diagnosis's title and what it compares, in every language."""
    declared = next(d for d in declared_diagnoses(questionnaire) if d.id == diagnosis_id)
    hands = {lang: compared(questionnaire, declared, lang) for lang in Text.model_fields}
    return {
        "title": declared.title,
        "ahead": Text(**{lang: pair[0] for lang, pair in hands.items()}),
        "behind": Text(**{lang: pair[1] for lang, pair in hands.items()}),
    }


def _priority(questionnaire: Questionnaire, diagnosis_ids: list[str]) -> Reason:
    titles = [_words(questionnaire, d)["title"] for d in diagnosis_ids]
    title = Text(**{lang: " · ".join(t(lang) for t in titles) for lang in Text.model_fields})
    return Reason(
        kind="diagnosis_priority",
        subject=diagnosis_ids[0],
        text=text_of("diagnoses.reason_priority", title=title),
    )


def _reason(
    condition: Condition,
    questionnaire: Questionnaire,
    answers: Mapping[str, int | None],
    result: Result,
) -> Reason | None:
    """The reason this condition gives for proposing the action, or None if it does not hold."""
    if condition.always:
        return Reason(kind="always", text=text_of("roadmap.reason_always"))
    if condition.stall or condition.diagnosis:
        return _warning_reason(condition, questionnaire, result)

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
        text = text_of("roadmap.reason_dimension", title=title, **shown)
    elif kind == "theme":
        key = "roadmap.reason_theme_one" if count == 1 else "roadmap.reason_theme"
        text = text_of(key, title=title, count=count, **shown)
    else:
        level = answers[subject]
        label = questionnaire.choice(questionnaire.question(subject), level).label
        text = text_of(
            "roadmap.reason_question",
            text=questionnaire.question(subject).text,
            level=level,
            label=label,
            **shown,
        )
    return Reason(kind=kind, subject=subject, score=round(value, 6), threshold=below, text=text)


def _warning_reason(
    condition: Condition, questionnaire: Questionnaire, result: Result
) -> Reason | None:
    """The reason a raised warning gives: the stall (``stall: true``) or a named diagnosis."""
    if condition.stall:
        judged = next((d for d in result.raised if d.compare is DiagnosisCompare.sides), None)
        key, kind = "roadmap.reason_stall", "stall"
    else:
        judged = next((d for d in result.raised if d.id == condition.diagnosis), None)
        key, kind = "diagnoses.reason", "diagnosis"
    if judged is None:
        return None
    ahead, behind = number(judged.ahead_score), number(judged.behind_score)
    words = (
        {"customer": ahead, "internal": behind}
        if kind == "stall"
        else {**_words(questionnaire, judged.id), "ahead_score": ahead, "behind_score": behind}
    )
    text = text_of(key, **words, gap=number(judged.gap), threshold=number(judged.threshold))
    return Reason(
        kind=kind,
        subject=judged.id if kind == "diagnosis" else None,
        score=judged.gap,
        threshold=judged.threshold,
        text=text,
    )


def _ordered(phase: Phase, candidates: dict[str, _Candidate], stall: bool) -> list[_Candidate]:
    """The phase's actions by priority (answers to a raised diagnosis between dimensions first,
    then the internal side in a stall, larger gap first, then id), each one only once the
    proposed actions of this phase it depends on are placed."""

    def priority(candidate: _Candidate) -> tuple:
        answers_first = 0 if candidate.answers else 1
        side_first = 0 if not stall or candidate.side == "internal" else 1
        gap = -1.0 if candidate.gap is None else candidate.gap
        return (answers_first, side_first, -gap, candidate.action.id)

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
