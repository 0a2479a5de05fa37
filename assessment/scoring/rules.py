"""Answers → scores: pure, deterministic functions (the formula is in docs/scoring.md).

Answers map a question id to a level of the questionnaire's scale, or to ``None`` for
"don't know / not applicable". A question absent from the mapping is unanswered. Neither
"don't know" nor unanswered changes a score; both lower coverage.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from assessment.i18n import Message, text_of
from assessment.models import (
    Diagnosis,
    DiagnosisCompare,
    Dimension,
    Frozen,
    MaturityLevel,
    Questionnaire,
    Side,
    derived_of,
)
from assessment.results import (
    DiagnosisResult,
    DimensionResult,
    OverallResult,
    Quadrant,
    QuestionScore,
    Result,
    SymmetryResult,
)

Answers = Mapping[str, int | None]
DONT_KNOW = None
HIGHLIGHTS = 3  # strongest and weakest questions shown
DIAGNOSIS_THRESHOLD = 15.0  # points, when a dimensions diagnosis sets none (like the stall)
STALL = "stall"  # the id of the sides diagnosis a questionnaire that declares none still gets


class AnswerError(ValueError):
    """Answers that do not fit the questionnaire; ``problems`` names every faulty question."""

    def __init__(self, problems: list[Message]):
        self.problems = problems
        super().__init__("; ".join(map(str, problems)))


def check_answers(
    questionnaire: Questionnaire, answers: Mapping[str, Any]
) -> dict[str, int | None]:
    """Return the answers if every one is a known question with one of its answers (a scale
    level, or an option's position from 1)."""
    allowed_of = _allowed(questionnaire)
    problems = []
    for question_id, level in answers.items():
        if question_id not in allowed_of:
            problems.append(
                Message(
                    "answer_error.unknown_question",
                    {"question": repr(question_id), "questionnaire": repr(questionnaire.id)},
                )
            )
            continue
        values, allowed = allowed_of[question_id]
        if level is not None and (isinstance(level, bool) or not isinstance(level, int)):
            problems.append(
                Message(
                    "answer_error.not_a_level",
                    {"question": repr(question_id), "level": repr(level), "allowed": allowed},
                )
            )
        elif level is not None and level not in values:
            problems.append(
                Message(
                    "answer_error.off_scale",
                    {"question": repr(question_id), "level": str(level), "allowed": allowed},
                )
            )
    if problems:
        raise AnswerError(problems)
    return dict(answers)


def _allowed(questionnaire: Questionnaire) -> dict[str, tuple[list[int], str]]:
    """Each question's possible values and how to say them (1–5, or [1, 2, 4]); worked out
    once per questionnaire, as every saved answer and every phone's tap is checked."""
    derived = derived_of(questionnaire)
    if "allowed" not in derived:
        derived["allowed"] = _allowed_values(questionnaire)
    return derived["allowed"]


def _allowed_values(questionnaire: Questionnaire) -> dict[str, tuple[list[int], str]]:
    said: dict[tuple[int, ...], str] = {}
    allowed = {}
    for question_id, values in questionnaire.values_by_question().items():
        key = tuple(values)
        if key not in said:
            contiguous = values == list(range(values[0], values[-1] + 1))
            said[key] = f"{min(values)}–{max(values)}" if contiguous else str(values)
        allowed[question_id] = (values, said[key])
    return allowed


KEPT_RESULTS = 64  # per questionnaire: about as many assessments as a server's pages show at once


def score(questionnaire: Questionnaire, answers: Answers) -> Result:
    """Score answers against a questionnaire (answers outside the scale raise AnswerError).
    The same answers are scored once: a page scores on every rerun, an export for its roadmap
    and again for its sheets. The result is frozen, so sharing it is safe."""
    check_answers(questionnaire, answers)  # before the lookup: True and 1 are equal keys
    kept = derived_of(questionnaire).setdefault("results", {})
    key = frozenset(answers.items())
    result = kept.get(key)
    if result is None:
        if len(kept) >= KEPT_RESULTS:
            kept.clear()  # rather than an order to keep across the server's threads
        result = kept[key] = _scored(questionnaire, answers)
    return result


def _scored(questionnaire: Questionnaire, answers: Answers) -> Result:
    plan = ScoringPlan(questionnaire)
    scores = plan.scores(answers)
    scored = _question_scores(questionnaire, answers)
    dimensions = [
        _dimension_result(dimension, answers, scores.dimensions[dimension.id])
        for dimension in questionnaire.ordered_dimensions()
    ]
    level = maturity_level(questionnaire, scores.overall)
    symmetry = judge_symmetry(
        questionnaire,
        scores.customer,
        scores.internal,
        customer_coverage=plan.side_coverage(answers, Side.customer),
        internal_coverage=plan.side_coverage(answers, Side.internal),
    )
    diagnoses = judge_diagnoses(questionnaire, scores.dimensions, symmetry)
    strongest, weakest = highlights(scored, not_strengths(questionnaire, diagnoses))
    return Result(
        questionnaire_id=questionnaire.id,
        questionnaire_version=questionnaire.version,
        dimensions=dimensions,
        overall=OverallResult(
            score=scores.overall,
            level=level.level if level else None,
            coverage=_coverage(len(scored), len(questionnaire.questions())),
        ),
        symmetry=symmetry,
        strongest=strongest,
        weakest=weakest,
        diagnoses=diagnoses,
    )


def maturity_level(
    questionnaire: Questionnaire, overall_score: float | None
) -> MaturityLevel | None:
    """The highest named level whose threshold the score reaches."""
    if overall_score is None:
        return None
    reached = [m for m in questionnaire.maturity_levels if round(overall_score, 6) >= m.min_score]
    return max(reached, key=lambda m: m.min_score)


def judge_symmetry(
    questionnaire: Questionnaire,
    customer: float | None,
    internal: float | None,
    *,
    customer_coverage: float,
    internal_coverage: float,
) -> SymmetryResult:
    """Customer-facing ambition against the employee-facing reality (the stall analysis)."""
    settings = questionnaire.symmetry
    index = customer - internal if customer is not None and internal is not None else None
    return SymmetryResult(
        customer_score=customer,
        internal_score=internal,
        customer_coverage=customer_coverage,
        internal_coverage=internal_coverage,
        index=index,
        quadrant=quadrant(customer, internal, settings.midpoint) if index is not None else None,
        stall=watches_stall(questionnaire) and is_stall(index, settings.stall_threshold),
        stall_threshold=settings.stall_threshold,
    )


def is_stall(index: float | None, threshold: float) -> bool:
    """The customer side ahead of the internal side by at least the threshold (in points)."""
    return index is not None and round(index, 6) >= threshold


def quadrant(customer: float, internal: float, midpoint: float) -> Quadrant:
    ambition_high, capability_high = customer >= midpoint, internal >= midpoint
    if ambition_high and capability_high:
        return Quadrant.airborne
    if ambition_high:
        return Quadrant.stall_risk
    return Quadrant.untapped if capability_high else Quadrant.grounded


def declared_diagnoses(questionnaire: Questionnaire) -> list[Diagnosis]:
    """The questionnaire's diagnoses; one that declares none gets the stall alone, as before
    diagnoses could be declared (an empty list declares none at all)."""
    if questionnaire.diagnoses is not None:
        return list(questionnaire.diagnoses)
    if not questionnaire.has_sides:  # a model without sides has no symmetry to watch
        return []
    return [
        Diagnosis(
            id=STALL,
            compare=DiagnosisCompare.sides,
            title=text_of("diagnoses.stall_title"),
            explanation=text_of("diagnoses.stall_explanation"),
        )
    ]


def watches_stall(questionnaire: Questionnaire) -> bool:
    """Whether the questionnaire raises the stall (it declares a sides diagnosis, or none)."""
    return any(d.compare is DiagnosisCompare.sides for d in declared_diagnoses(questionnaire))


def diagnosis_threshold(questionnaire: Questionnaire, diagnosis: Diagnosis) -> float:
    if diagnosis.compare is DiagnosisCompare.sides:
        return questionnaire.symmetry.stall_threshold
    return diagnosis.threshold if diagnosis.threshold is not None else DIAGNOSIS_THRESHOLD


def judge_diagnoses(
    questionnaire: Questionnaire,
    dimension_scores: Mapping[str, float | None],
    symmetry: SymmetryResult,
) -> list[DiagnosisResult]:
    """Each declared diagnosis judged with the one rule of the stall (``is_stall``): raised
    when ahead − behind reaches the threshold. The sides diagnosis is the symmetry's verdict."""
    judged = []
    for diagnosis in declared_diagnoses(questionnaire):
        threshold = diagnosis_threshold(questionnaire, diagnosis)
        if diagnosis.compare is DiagnosisCompare.sides:
            ahead, behind = symmetry.customer_score, symmetry.internal_score
        else:
            ahead = _mean_of(questionnaire, dimension_scores, diagnosis.ahead)
            behind = _mean_of(questionnaire, dimension_scores, diagnosis.behind)
        gap = ahead - behind if ahead is not None and behind is not None else None
        judged.append(
            DiagnosisResult(
                id=diagnosis.id,
                compare=diagnosis.compare,
                ahead_score=ahead,
                behind_score=behind,
                gap=gap,
                threshold=threshold,
                raised=is_stall(gap, threshold),
            )
        )
    return judged


def made_of(questionnaire: Questionnaire, diagnosis: Diagnosis) -> set[str]:
    """The questions behind a diagnosis's leading figure (the customer side of a stall, the
    questions of its `ahead` dimensions)."""
    if diagnosis.compare is DiagnosisCompare.sides:
        return {q.id for d, q in questionnaire.questions() if d.side_of(q) is Side.customer}
    return {q.id for d, q in questionnaire.questions() if d.id in diagnosis.ahead}


def not_strengths(questionnaire: Questionnaire, judged: list[DiagnosisResult]) -> set[str]:
    """Questions never listed as strengths: what a raised diagnosis is made of."""
    raised = {d.id for d in judged if d.raised}
    return {
        question_id
        for diagnosis in declared_diagnoses(questionnaire)
        if diagnosis.id in raised
        for question_id in made_of(questionnaire, diagnosis)
    }


def highlights(
    scored: list[QuestionScore], not_strong: frozenset[str] | set[str] = frozenset()
) -> tuple[list[QuestionScore], list[QuestionScore]]:
    """The strongest and the weakest questions (never the same one twice). The weakest do not
    depend on warnings; a question in ``not_strong`` (what a raised warning is made of) is
    never a strength, and leaves its place empty rather than promote a weak answer."""
    top = _ranked(scored, strongest_first=True)[:HIGHLIGHTS]
    weakest = [s for s in _ranked(scored, strongest_first=False) if s not in top][:HIGHLIGHTS]
    strongest = [
        s
        for s in _ranked(scored, strongest_first=True)
        if s.question_id not in not_strong and s not in weakest
    ]
    return strongest[:HIGHLIGHTS], weakest


def weighted_mean(pairs: Iterable[tuple[float, float]]) -> float | None:
    """Σ value·weight / Σ weight, None when there is nothing to weigh."""
    pairs = list(pairs)
    total_weight = sum(weight for _, weight in pairs)
    if not pairs or total_weight == 0:
        return None
    mean = sum(value * weight for value, weight in pairs) / total_weight
    return min(100.0, max(0.0, mean))  # guards float drift at the bounds


class ScoreSet(Frozen):
    """The scores of one set of answers: per dimension, overall, and each symmetry side."""

    dimensions: dict[str, float | None]
    overall: float | None
    customer: float | None
    internal: float | None


class ScoringPlan:
    """The questionnaire flattened once, so that scoring many answer sets stays cheap (a
    workshop rescoring 200 participants on every refresh). The one place the formulas of
    docs/scoring.md are computed: ``score`` uses it too."""

    def __init__(self, questionnaire: Questionnaire):
        self.choice_score = {
            q.id: {c.value: c.score for c in questionnaire.choices(q)}
            for _, q in questionnaire.questions()
        }
        self.dimension_ids = [d.id for d in questionnaire.ordered_dimensions()]
        self.dimension_weight = {d.id: d.weight for d in questionnaire.dimensions}
        self.question = {q.id: (d.id, q.weight, d.side_of(q)) for d, q in questionnaire.questions()}
        self.side_total = {
            side: sum(1 for s in self.question.values() if s[2] == side) for side in Side
        }

    def scores(self, answers: Answers) -> ScoreSet:
        """Dimension scores are weighted means of their questions; a side's score is, per
        dimension, the weighted mean of its questions on that side, then the dimension-weighted
        mean of those, so that a long dimension does not dominate."""
        choice_score = self.choice_score
        return self.scores_of(
            (question_id, choice_score[question_id][level])
            for question_id, level in answers.items()
            if level is not None and question_id in choice_score
        )

    def scores_of(self, question_scores: Iterable[tuple[str, float]]) -> ScoreSet:
        """The same from (question id, score 0-100) pairs: a room's mean answers, for one."""
        by_dimension: dict[str, list[tuple[float, float]]] = {d: [] for d in self.dimension_ids}
        by_side: dict[tuple[str, Side], list[tuple[float, float]]] = {}
        for question_id, value in question_scores:
            if question_id not in self.question:
                continue
            dimension_id, weight, side = self.question[question_id]
            pair = (value, weight)
            by_dimension[dimension_id].append(pair)
            by_side.setdefault((dimension_id, side), []).append(pair)
        dimensions = {d: weighted_mean(pairs) for d, pairs in by_dimension.items()}
        return ScoreSet(
            dimensions=dimensions,
            overall=self._across_dimensions(dimensions),
            customer=self._side(by_side, Side.customer),
            internal=self._side(by_side, Side.internal),
        )

    def knows_any(self, answers: Answers) -> bool:
        return any(question_id in self.question for question_id in answers)

    def has_levels(self, answers: Answers) -> bool:
        return any(level is not None and q in self.question for q, level in answers.items())

    def side_coverage(self, answers: Answers, side: Side) -> float:
        given = sum(
            1
            for question_id, level in answers.items()
            if level is not None and self.question.get(question_id, (None, None, None))[2] == side
        )
        return _coverage(given, self.side_total[side])

    def _across_dimensions(self, scores: Mapping[str, float | None]) -> float | None:
        return weighted_mean(
            (score, self.dimension_weight[d]) for d, score in scores.items() if score is not None
        )

    def _side(self, by_side: dict, side: Side) -> float | None:
        per_dimension = {d: weighted_mean(by_side.get((d, side), [])) for d in self.dimension_ids}
        return self._across_dimensions(per_dimension)


# --- helpers -------------------------------------------------------------------------------


def _mean_of(
    questionnaire: Questionnaire, scores: Mapping[str, float | None], dimension_ids: list[str]
) -> float | None:
    """The dimension-weighted mean of the scored dimensions among these."""
    return weighted_mean(
        (scores[d], questionnaire.dimension(d).weight)
        for d in dimension_ids
        if scores.get(d) is not None
    )


def _question_scores(questionnaire: Questionnaire, answers: Answers) -> list[QuestionScore]:
    return [
        QuestionScore(
            question_id=question.id,
            dimension_id=dimension.id,
            level=answers[question.id],
            score=questionnaire.choice(question, answers[question.id]).score,
            weight=question.weight,
        )
        for dimension, question in questionnaire.questions()
        if answers.get(question.id) is not None
    ]


def _dimension_result(
    dimension: Dimension, answers: Answers, score: float | None
) -> DimensionResult:
    questions = dimension.questions
    answered = sum(1 for q in questions if answers.get(q.id) is not None)
    dont_know = sum(1 for q in questions if q.id in answers and answers[q.id] is None)
    return DimensionResult(
        id=dimension.id,
        score=score,
        coverage=_coverage(answered, len(questions)),
        answered=answered,
        dont_know=dont_know,
        unanswered=len(questions) - answered - dont_know,
        total=len(questions),
    )


def _ranked(scored: list[QuestionScore], *, strongest_first: bool) -> list[QuestionScore]:
    # Ties: the heavier question first, then questionnaire order (scored is in that order).
    sign = -1 if strongest_first else 1
    return sorted(scored, key=lambda s: (sign * s.score, -s.weight))


def _coverage(answered: int, total: int) -> float:
    return answered / total if total else 0.0
