"""Answers → scores: pure, deterministic functions (the formula is in docs/scoring.md).

Answers map a question id to a level of the questionnaire's scale, or to ``None`` for
"don't know / not applicable". A question absent from the mapping is unanswered. Neither
"don't know" nor unanswered changes a score; both lower coverage.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from assessment.models import (
    DimensionResult,
    MaturityLevel,
    OverallResult,
    Quadrant,
    Questionnaire,
    QuestionScore,
    Result,
    Side,
    SymmetryResult,
)

Answers = Mapping[str, int | None]
DONT_KNOW = None
HIGHLIGHTS = 3  # strongest and weakest questions shown


class AnswerError(ValueError):
    """Answers that do not fit the questionnaire; ``problems`` names every faulty question."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("; ".join(problems))


def check_answers(
    questionnaire: Questionnaire, answers: Mapping[str, Any]
) -> dict[str, int | None]:
    """Return the answers if every one is a known question with a level on the scale."""
    known = {q.id for _, q in questionnaire.questions()}
    values = questionnaire.scale.values
    allowed = (
        f"{min(values)}–{max(values)}"
        if values == list(range(values[0], values[-1] + 1))
        else str(values)
    )
    problems = []
    for question_id, level in answers.items():
        if question_id not in known:
            problems.append(f"{question_id!r}: no such question in {questionnaire.id!r}")
        elif level is not None and (isinstance(level, bool) or not isinstance(level, int)):
            problems.append(
                f"{question_id!r}: {level!r} is not a level; "
                f"use a whole number {allowed}, or null for don't know"
            )
        elif level is not None and level not in values:
            problems.append(f"{question_id!r}: {level} is outside the scale ({allowed})")
    if problems:
        raise AnswerError(problems)
    return dict(answers)


def score(questionnaire: Questionnaire, answers: Answers) -> Result:
    """Score answers against a questionnaire (answers outside the scale raise AnswerError)."""
    check_answers(questionnaire, answers)
    scored = _question_scores(questionnaire, answers)
    dimensions = [
        _dimension_result(questionnaire, d.id, answers, scored)
        for d in questionnaire.ordered_dimensions()
    ]
    overall_score = _weighted_mean(
        (result.score, questionnaire.dimension(result.id).weight)
        for result in dimensions
        if result.score is not None
    )
    level = maturity_level(questionnaire, overall_score)
    strongest = _ranked(scored, strongest_first=True)[:HIGHLIGHTS]
    weakest = [s for s in _ranked(scored, strongest_first=False) if s not in strongest][:HIGHLIGHTS]
    return Result(
        questionnaire_id=questionnaire.id,
        questionnaire_version=questionnaire.version,
        dimensions=dimensions,
        overall=OverallResult(
            score=overall_score,
            level=level.level if level else None,
            coverage=_coverage(len(scored), len(questionnaire.questions())),
        ),
        symmetry=symmetry(questionnaire, answers),
        strongest=strongest,
        weakest=weakest,
    )


def maturity_level(
    questionnaire: Questionnaire, overall_score: float | None
) -> MaturityLevel | None:
    """The highest named level whose threshold the score reaches."""
    if overall_score is None:
        return None
    reached = [m for m in questionnaire.maturity_levels if round(overall_score, 6) >= m.min_score]
    return max(reached, key=lambda m: m.min_score)


def symmetry(questionnaire: Questionnaire, answers: Answers) -> SymmetryResult:
    """Customer-facing ambition against the employee-facing reality (the stall analysis)."""
    customer, customer_coverage = _side_score(questionnaire, answers, Side.customer)
    internal, internal_coverage = _side_score(questionnaire, answers, Side.internal)
    settings = questionnaire.symmetry
    index = customer - internal if customer is not None and internal is not None else None
    return SymmetryResult(
        customer_score=customer,
        internal_score=internal,
        customer_coverage=customer_coverage,
        internal_coverage=internal_coverage,
        index=index,
        quadrant=_quadrant(customer, internal, settings.midpoint) if index is not None else None,
        stall=index is not None and round(index, 6) >= settings.stall_threshold,
        stall_threshold=settings.stall_threshold,
    )


# --- helpers -------------------------------------------------------------------------------


def _question_scores(questionnaire: Questionnaire, answers: Answers) -> list[QuestionScore]:
    return [
        QuestionScore(
            question_id=question.id,
            dimension_id=dimension.id,
            level=answers[question.id],
            score=questionnaire.scale.score_of(answers[question.id]),
            weight=question.weight,
        )
        for dimension, question in questionnaire.questions()
        if answers.get(question.id) is not None
    ]


def _dimension_result(
    questionnaire: Questionnaire, dimension_id: str, answers: Answers, scored: list[QuestionScore]
) -> DimensionResult:
    questions = questionnaire.dimension(dimension_id).questions
    mine = [s for s in scored if s.dimension_id == dimension_id]
    dont_know = sum(1 for q in questions if q.id in answers and answers[q.id] is None)
    return DimensionResult(
        id=dimension_id,
        score=_weighted_mean((s.score, s.weight) for s in mine),
        coverage=_coverage(len(mine), len(questions)),
        answered=len(mine),
        dont_know=dont_know,
        unanswered=len(questions) - len(mine) - dont_know,
        total=len(questions),
    )


def _side_score(
    questionnaire: Questionnaire, answers: Answers, side: Side
) -> tuple[float | None, float]:
    """Score of one side: per dimension, the weighted mean of its questions on that side;
    then the dimension-weighted mean of those, so a long dimension does not dominate."""
    per_dimension = []
    answered = total = 0
    for dimension in questionnaire.ordered_dimensions():
        on_side = [q for q in dimension.questions if dimension.side_of(q) == side]
        given = [q for q in on_side if answers.get(q.id) is not None]
        total += len(on_side)
        answered += len(given)
        sub_score = _weighted_mean(
            (questionnaire.scale.score_of(answers[q.id]), q.weight) for q in given
        )
        if sub_score is not None:
            per_dimension.append((sub_score, dimension.weight))
    return _weighted_mean(per_dimension), _coverage(answered, total)


def _quadrant(customer: float, internal: float, midpoint: float) -> Quadrant:
    ambition_high, capability_high = customer >= midpoint, internal >= midpoint
    if ambition_high and capability_high:
        return Quadrant.airborne
    if ambition_high:
        return Quadrant.stall_risk
    if capability_high:
        return Quadrant.untapped
    return Quadrant.grounded


def _ranked(scored: list[QuestionScore], *, strongest_first: bool) -> list[QuestionScore]:
    # Ties: the heavier question first, then questionnaire order (scored is in that order).
    sign = -1 if strongest_first else 1
    return sorted(scored, key=lambda s: (sign * s.score, -s.weight))


def _weighted_mean(pairs: Iterable[tuple[float, float]]) -> float | None:
    pairs = list(pairs)
    total_weight = sum(weight for _, weight in pairs)
    if not pairs or total_weight == 0:
        return None
    mean = sum(value * weight for value, weight in pairs) / total_weight
    return min(100.0, max(0.0, mean))  # guards float drift at the bounds


def _coverage(answered: int, total: int) -> float:
    return answered / total if total else 0.0
