"""Waves compared: the same organisation's assessments side by side, on the questions every
wave asked, each change judged by one rule (docs/scoring.md, "Waves compared").

A change is **progress** or **decline** only when it is at least ``MIN_CHANGE`` points, both
waves answer at least ``MIN_COVERAGE`` of the compared questions, and, when a side is a
workshop room (or a pool of rooms), it exceeds ``ERRORS`` standard errors of the difference
(each room's from its size and spread); otherwise it is **stable**, with the reason.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date
from typing import Literal

from pydantic import Field

from assessment.models import Frozen, Questionnaire, Side, Text
from assessment.results import SymmetryResult
from assessment.scoring import ScoreSet, ScoringPlan, judge_symmetry, maturity_level
from assessment.waves.rooms import (
    Member,
    PooledGroup,
    Spread,
    check_members,
    pooled_groups,
    question_scores,
    room_participants,
    standard_error,
    wave_spreads,
)

MIN_CHANGE = 5.0  # points: a change under it is stable, whatever else
MIN_COVERAGE = 0.6  # share of the compared questions each wave must answer
ERRORS = 2.0  # a room's change must exceed this many standard errors
MOVED = 5  # questions listed as those that moved most

Verdict = Literal["progress", "decline", "stable"]
Reason = Literal["", "missing", "small", "coverage", "spread_withheld", "noise"]
Kind = Literal["assessment", "room", "pool"]


class WaveInput(Frozen):
    """A wave as the organisation keeps it: its label, date, assessments and targets."""

    label: str
    held_on: date | None = None
    members: list[Member] = Field(min_length=1)
    targets: dict[str, float] = Field(
        default_factory=dict, description="dimension id → score aimed at for the next wave"
    )


class RoomFigures(Frozen):
    """One room of a pooled wave, beside the others: its own result, as its page shows it."""

    label: str
    participants: int | None
    overall: float | None
    dimensions: dict[str, float | None]


class WaveFigures(Frozen):
    label: str
    held_on: date | None
    kind: Kind
    questionnaire_version: str
    scores: dict[str, float | None] = Field(
        description="dimension id (and 'overall') → score on the compared questions only"
    )
    coverage: dict[str, float] = Field(
        description="dimension id (and 'overall') → share of its compared questions answered"
    )
    symmetry: SymmetryResult | None = Field(
        default=None, description="None for a model without customer and internal sides"
    )
    level: int | None
    level_name: Text | None
    participants: int | None = Field(description="people behind a room or a pool")
    spreads: dict[str, Spread] = Field(default_factory=dict)
    rooms: list[RoomFigures] = Field(default_factory=list)
    groups: list[PooledGroup] = Field(default_factory=list)
    targets: dict[str, float] = Field(default_factory=dict)
    question_scores: dict[str, float] = Field(default_factory=dict)

    def score(self, key: str) -> float | None:
        return self.scores.get(key)

    @property
    def has_symmetry(self) -> bool:
        return self.symmetry is not None and self.symmetry.index is not None


class Change(Frozen):
    """One dimension (or ``overall``) from one wave to a later one, judged."""

    key: str
    before: float | None
    after: float | None
    before_coverage: float
    after_coverage: float
    delta: float | None
    standard_error: float | None = Field(description="of the difference; None: no room")
    verdict: Verdict
    reason: Reason
    target: float | None = Field(description="set after the wave before; None: none set")

    @property
    def target_met(self) -> bool | None:
        if self.target is None or self.after is None:
            return None
        return round(self.after, 6) >= self.target


class QuestionMove(Frozen):
    question_id: str
    dimension_id: str
    before: float
    after: float

    @property
    def delta(self) -> float:
        return self.after - self.before


class Step(Frozen):
    """From one wave to a later one."""

    before: int
    after: int
    overall: Change
    dimensions: list[Change]
    moved: list[QuestionMove]

    def change(self, key: str) -> Change:
        return (
            self.overall if key == "overall" else next(c for c in self.dimensions if c.key == key)
        )


class NotComparable(Frozen):
    """A question some wave did not ask (another version of the questionnaire, a question
    added later): listed, never compared."""

    question_id: str
    text: Text
    asked_in: list[int] = Field(description="the waves (by position) that asked it")


class Comparison(Frozen):
    questionnaire: Questionnaire = Field(description="the latest wave's: titles and texts")
    waves: list[WaveFigures]
    dimension_ids: list[str]
    compared: list[str] = Field(description="question ids every wave asked")
    not_comparable: list[NotComparable]
    steps: list[Step] = Field(description="each wave against the one before")
    total: Step = Field(description="the first wave against the last")

    @property
    def trajectory(self) -> bool:
        """Whether every wave is placed on the ambition/capability map."""
        return all(w.has_symmetry for w in self.waves)


def compare(waves: Sequence[WaveInput]) -> Comparison:
    """Two or more waves, in the order given (oldest first), on the questions all of them asked."""
    if len(waves) < 2:
        raise ValueError("a comparison needs two waves or more")
    questionnaires = [w.members[0].questionnaire for w in waves]
    latest = questionnaires[-1]
    asked = [{q.id for _, q in questionnaire.questions()} for questionnaire in questionnaires]
    compared_set = set.intersection(*asked)
    compared = [q.id for _, q in latest.questions() if q.id in compared_set]
    dimension_ids = [
        d.id
        for d in latest.ordered_dimensions()
        if any(q.id in compared_set for q in d.questions)
        and all(_has_dimension(questionnaire, d.id) for questionnaire in questionnaires)
    ]
    figures = [_figures(w, compared_set, dimension_ids) for w in waves]
    dimension_of = {q.id: d.id for d, q in latest.questions()}

    def step(before: int, after: int) -> Step:
        return _step(figures, before, after, dimension_ids, compared, dimension_of)

    steps = [step(i - 1, i) for i in range(1, len(figures))]
    return Comparison(
        questionnaire=latest,
        waves=figures,
        dimension_ids=dimension_ids,
        compared=compared,
        not_comparable=_not_comparable(questionnaires, asked, compared_set),
        steps=steps,
        total=step(0, len(figures) - 1),
    )


def judge(
    before: float | None,
    after: float | None,
    coverages: tuple[float, float],
    rooms: tuple[bool, bool],
    errors: tuple[float | None, float | None],
) -> tuple[Verdict, Reason, float | None]:
    """The rule of a change (docs/scoring.md): its verdict, why it is stable, and the standard
    error of the difference (None when neither side is a room)."""
    if before is None or after is None:
        return "stable", "missing", None
    delta = after - before
    room_errors = [e for e, is_room in zip(errors, rooms, strict=True) if is_room]
    error = math.sqrt(sum(e**2 for e in room_errors)) if None not in room_errors else None
    if not room_errors:
        error = None
    if round(abs(delta), 6) < MIN_CHANGE:
        return "stable", "small", error
    if min(coverages) < MIN_COVERAGE:
        return "stable", "coverage", error
    if room_errors and error is None:
        return "stable", "spread_withheld", None
    if error is not None and abs(delta) <= ERRORS * error:
        return "stable", "noise", error
    return ("progress" if delta > 0 else "decline"), "", error


# --- helpers -------------------------------------------------------------------------------


def _has_dimension(questionnaire: Questionnaire, dimension_id: str) -> bool:
    return any(d.id == dimension_id for d in questionnaire.dimensions)


def _figures(wave: WaveInput, compared: set[str], dimension_ids: list[str]) -> WaveFigures:
    members = wave.members
    check_members(members, wave.label)
    questionnaire = members[0].questionnaire
    scores = {q: v for q, v in question_scores(members).items() if q in compared}
    plan = ScoringPlan(questionnaire)
    scored = plan.scores_of(scores.items())
    coverage = {
        d.id: _share([q.id for q in d.questions if q.id in compared], scores)
        for d in questionnaire.ordered_dimensions()
    }
    coverage["overall"] = _share(list(compared), scores)
    level = maturity_level(questionnaire, scored.overall)
    is_room = all(m.is_room for m in members)
    return WaveFigures(
        label=wave.label,
        held_on=wave.held_on,
        kind="pool" if len(members) > 1 else "room" if is_room else "assessment",
        questionnaire_version=questionnaire.version,
        scores={**scored.dimensions, "overall": scored.overall},
        coverage=coverage,
        symmetry=_symmetry(questionnaire, scored, scores, compared),
        level=level.level if level else None,
        level_name=level.name if level else None,
        participants=sum(room_participants(m) or 0 for m in members) if is_room else None,
        spreads=wave_spreads(members, dimension_ids),
        rooms=[_room(m, compared) for m in members] if len(members) > 1 else [],
        groups=pooled_groups(members),
        targets=dict(wave.targets),
        question_scores=scores,
    )


def _symmetry(
    questionnaire: Questionnaire, scored: ScoreSet, scores: dict[str, float], compared: set[str]
) -> SymmetryResult | None:
    """Customer ambition against internal capability on the compared questions, judged by the
    one rule; None for a model whose questions are not split into the two sides."""
    sides = {
        side: [
            q.id for d, q in questionnaire.questions() if q.id in compared and d.side_of(q) == side
        ]
        for side in Side
    }
    if getattr(questionnaire, "symmetry", None) is None or not all(sides.values()):
        return None
    return judge_symmetry(
        questionnaire,
        scored.customer,
        scored.internal,
        customer_coverage=_share(sides[Side.customer], scores),
        internal_coverage=_share(sides[Side.internal], scores),
    )


def _room(member: Member, compared: set[str]) -> RoomFigures:
    scores = {q: v for q, v in question_scores([member]).items() if q in compared}
    scored = ScoringPlan(member.questionnaire).scores_of(scores.items())
    return RoomFigures(
        label=member.label,
        participants=room_participants(member),
        overall=scored.overall,
        dimensions=dict(scored.dimensions),
    )


def _share(asked: list[str], scores: dict[str, float]) -> float:
    if not asked:
        return 0.0
    return sum(1 for q in asked if q in scores) / len(asked)


def _step(
    waves: list[WaveFigures],
    before: int,
    after: int,
    dimension_ids: list[str],
    compared: list[str],
    dimension_of: dict[str, str],
) -> Step:
    first, last = waves[before], waves[after]
    targets = waves[after - 1].targets

    def change(key: str) -> Change:
        a, b = first.score(key), last.score(key)
        verdict, reason, error = judge(
            a,
            b,
            (first.coverage.get(key, 0.0), last.coverage.get(key, 0.0)),
            (first.kind != "assessment", last.kind != "assessment"),
            (standard_error(first.spreads.get(key)), standard_error(last.spreads.get(key))),
        )
        return Change(
            key=key,
            before=a,
            after=b,
            before_coverage=first.coverage.get(key, 0.0),
            after_coverage=last.coverage.get(key, 0.0),
            delta=None if a is None or b is None else b - a,
            standard_error=error,
            verdict=verdict,
            reason=reason,
            target=targets.get(key),
        )

    moves = [
        QuestionMove(
            question_id=q,
            dimension_id=dimension_of[q],
            before=first.question_scores[q],
            after=last.question_scores[q],
        )
        for q in compared
        if q in first.question_scores and q in last.question_scores
    ]
    moves = [m for m in moves if m.delta != 0]
    order = {q: i for i, q in enumerate(compared)}
    moves.sort(key=lambda m: (-abs(m.delta), order[m.question_id]))
    return Step(
        before=before,
        after=after,
        overall=change("overall"),
        dimensions=[change(d) for d in dimension_ids],
        moved=moves[:MOVED],
    )


def _not_comparable(
    questionnaires: list[Questionnaire], asked: list[set[str]], compared: set[str]
) -> list[NotComparable]:
    """Every question some wave asked and another did not, in the order the waves asked them."""
    listed: dict[str, NotComparable] = {}
    for questionnaire in reversed(questionnaires):  # the latest wording first
        for _, question in questionnaire.questions():
            if question.id in compared or question.id in listed:
                continue
            listed[question.id] = NotComparable(
                question_id=question.id,
                text=question.text,
                asked_in=[i for i, ids in enumerate(asked) if question.id in ids],
            )
    return sorted(listed.values(), key=lambda n: (n.asked_in, n.question_id))
