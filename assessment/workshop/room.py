"""A room's answers → the room's result: distributions, dispersion, consensus, segments.

Pure functions over many participants' answers (the formulas are in docs/workshop.md):

- per question: the distribution over the scale, the mean, the standard deviation (SD) of the
  answers' scores in points, the **consensus** ``1 − SD / SD_max`` and the modal share;
- per dimension: the room's mean of the participants' own dimension scores, and their SD;
- the questions the room disagrees on most (highest SD);
- segment groups (e.g. management and staff), each cell hidden below the anonymity threshold,
  and a larger group hidden too when otherwise a small one could be worked out by subtraction;
- the room's symmetry verdict (customer ambition against internal capability);
- a consolidated answer set (the median level per question) that is scored, benchmarked,
  planned and exported exactly like a self-assessment.

Below the anonymity threshold the room's result itself is withheld: with three people in a
room, the "room's" answers are recognisably each person's.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Literal

from pydantic import Field

from assessment.models import Frozen, Questionnaire
from assessment.results import Quadrant
from assessment.scoring import (
    ScoreSet,
    ScoringPlan,
    is_stall,
    quadrant,
    watches_stall,
)
from assessment.workshop.dispersion import Spread, clamp01, mean_sd, sd_max, spread
from assessment.workshop.segments import Participant, Segment, SegmentView, segment_view

DEFAULT_THRESHOLD = 5  # people: below this, a group's result is never shown
# People behind a spread (SD, consensus, disagreement): more than behind a mean, since in a
# small group a spread tells who answered apart from the rest.
DEFAULT_DISPERSION_THRESHOLD = 8
MIN_THRESHOLD, MAX_THRESHOLD = 1, 50
TOP_DISAGREEMENTS = 5
MIN_ANSWERS_TO_RANK = 3  # a question needs this many levels given to rank as a disagreement
CONSENSUS_BANDS = (0.75, 0.5)  # ≥ 0.75: agreement (SD ≤ half a level); < 0.5: divided


class QuestionStats(Frozen):
    question_id: str
    dimension_id: str
    counts: dict[int, int] = Field(description="scale level → participants who chose it")
    dont_know: int
    answered: int = Field(description="participants who gave a level")
    mean_level: float | None
    mean_score: float | None = Field(description="0-100, the mean of the levels' scores")
    sd: float | None = Field(description="population SD of the scores, in points")
    consensus: float | None = Field(description="1 − SD / SD_max, from 0 (split) to 1")
    modal_share: float | None = Field(description="share of the answers at the commonest level")
    median_level: int | None

    @property
    def responded(self) -> int:
        return self.answered + self.dont_know


class RoomSymmetry(Frozen):
    customer_score: float | None
    internal_score: float | None
    index: float | None
    quadrant: Quadrant | None
    stall: bool
    stall_threshold: float
    participants_with_index: int
    participants_in_stall: int = Field(description="participants whose own index is a stall")


class RoomAggregate(Frozen):
    """Everything the dashboard shows. Below the threshold: only the counts. A question (or a
    dimension, or the symmetry) with fewer than ``threshold`` people behind it is withheld."""

    questionnaire_id: str
    threshold: int
    dispersion_threshold: int = Field(description="people behind a spread or a disagreement")
    participants: int = Field(description="participants who gave at least one answer")
    contributors: int = Field(description="participants who gave at least one level")
    visible: bool
    overall: Spread | None = None
    dimensions: list[Spread] = Field(default_factory=list)
    questions: list[QuestionStats] = Field(default_factory=list)
    withheld: dict[str, int] = Field(
        default_factory=dict, description="question id → responses so far, below the threshold"
    )
    disagreements: list[QuestionStats] = Field(default_factory=list)
    symmetry: RoomSymmetry | None = None
    segments: list[SegmentView] = Field(default_factory=list)

    def dimension(self, dimension_id: str) -> Spread:
        return next(d for d in self.dimensions if d.id == dimension_id)

    def question(self, question_id: str) -> QuestionStats | None:
        """The question's figures; None while fewer than ``threshold`` people answered it."""
        return next((q for q in self.questions if q.question_id == question_id), None)


# --- public API ---------------------------------------------------------------------------


def aggregate(
    questionnaire: Questionnaire,
    participants: Sequence[Participant],
    segments: Sequence[Segment] = (),
    threshold: int = DEFAULT_THRESHOLD,
    top: int = TOP_DISAGREEMENTS,
    dispersion_threshold: int | None = None,
) -> RoomAggregate:
    """The room's result. Below ``threshold`` contributors only the counts are given; a
    spread (SD, consensus, the disagreements) needs ``dispersion_threshold`` people behind it
    (by default, the same as a mean)."""
    dispersion_threshold = dispersion_threshold or threshold
    check_thresholds(threshold, dispersion_threshold)
    plan = ScoringPlan(questionnaire)
    responding = [p for p in participants if plan.knows_any(p.answers)]
    contributors = [p for p in responding if plan.has_levels(p.answers)]
    base = dict(
        questionnaire_id=questionnaire.id,
        threshold=threshold,
        dispersion_threshold=dispersion_threshold,
        participants=len(responding),
        contributors=len(contributors),
    )
    if len(contributors) < threshold:
        return RoomAggregate(visible=False, **base)
    scores = {p.id: plan.scores(p.answers) for p in contributors}
    every = question_stats(questionnaire, responding)
    stats = [
        _without_spread(s) if s.answered < dispersion_threshold else s
        for s in every
        if s.responded >= threshold
    ]

    def spread_of(key: str, values: list[float | None]) -> Spread:
        return spread(key, values, threshold, dispersion_threshold)

    return RoomAggregate(
        visible=True,
        overall=spread_of("overall", [s.overall for s in scores.values()]),
        dimensions=[
            spread_of(d, [s.dimensions[d] for s in scores.values()]) for d in plan.dimension_ids
        ],
        questions=stats,
        withheld={s.question_id: s.responded for s in every if 0 < s.responded < threshold},
        disagreements=top_disagreements(stats, top),
        symmetry=_room_symmetry(questionnaire, list(scores.values()), threshold),
        segments=[
            segment_view(segment, contributors, scores, plan.dimension_ids, threshold)
            for segment in segments
        ],
        **base,
    )


def question_stats(
    questionnaire: Questionnaire, participants: Iterable[Participant]
) -> list[QuestionStats]:
    """Distribution, mean, SD, consensus and modal share of every question (display order)."""
    participants = list(participants)
    largest_sd = sd_max(questionnaire)
    result = []
    for dimension, question in questionnaire.questions():
        choices = {c.value: c.score for c in questionnaire.choices(question)}
        given = [p.answers[question.id] for p in participants if question.id in p.answers]
        levels = sorted(level for level in given if level is not None)
        counts = {value: levels.count(value) for value in choices}
        scores = [choices[level] for level in levels]
        mean, sd = mean_sd(scores)
        top_count = max(counts.values())
        result.append(
            QuestionStats(
                question_id=question.id,
                dimension_id=dimension.id,
                counts=counts,
                dont_know=len(given) - len(levels),
                answered=len(levels),
                mean_level=sum(levels) / len(levels) if levels else None,
                mean_score=mean,
                sd=sd,
                consensus=None if sd is None else clamp01(1 - sd / largest_sd),
                modal_share=top_count / len(levels) if levels else None,
                median_level=median_level(levels, list(choices)),
            )
        )
    return result


def top_disagreements(
    stats: Iterable[QuestionStats], top: int = TOP_DISAGREEMENTS
) -> list[QuestionStats]:
    """The questions with the widest spread (SD), among those with enough answers to judge;
    ties: more answers first, then questionnaire order. Perfect agreement is never listed."""
    ranked = [s for s in stats if s.answered >= MIN_ANSWERS_TO_RANK and (s.sd or 0) > 0]
    order = {id(s): i for i, s in enumerate(ranked)}
    return sorted(ranked, key=lambda s: (-round(s.sd, 9), -s.answered, order[id(s)]))[:top]


def consensus_band(consensus: float | None) -> Literal["agreement", "mixed", "divided"] | None:
    """Agreement (SD ≤ half a level on the default scale), mixed, or divided (SD > one level)."""
    if consensus is None:
        return None
    high, low = CONSENSUS_BANDS
    return "agreement" if consensus >= high else "mixed" if consensus >= low else "divided"


def median_level(levels: Sequence[int], scale_values: Sequence[int]) -> int | None:
    """The median of the levels given. When the room splits evenly between two middle levels,
    the one nearer the mean; when the mean sits exactly between them, the lower one."""
    if not levels:
        return None
    ordered = sorted(levels)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    lower, upper = ordered[middle - 1], ordered[middle]
    if lower == upper:
        return lower
    mean = sum(ordered) / len(ordered)
    return upper if abs(upper - mean) < abs(mean - lower) else lower


# --- helpers -------------------------------------------------------------------------------


def check_thresholds(threshold: int, dispersion_threshold: int) -> None:
    for value in (threshold, dispersion_threshold):
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError(f"an anonymity threshold is a whole number, not {value!r}")
        if not MIN_THRESHOLD <= value <= MAX_THRESHOLD:
            raise ValueError(f"an anonymity threshold must be {MIN_THRESHOLD}–{MAX_THRESHOLD}")
    if dispersion_threshold < threshold:
        raise ValueError("the dispersion threshold cannot be below the threshold for means")


def _without_spread(stats: QuestionStats) -> QuestionStats:
    """A question's figures with its spread withheld (too few people behind it)."""
    return stats.model_copy(update={"sd": None, "consensus": None, "modal_share": None})


def _room_symmetry(
    questionnaire: Questionnaire, scores: list[ScoreSet], threshold: int
) -> RoomSymmetry:
    """The room's means of the side scores of the participants who answered on both sides,
    judged as in docs/scoring.md, and how many of them, one by one, would get a stall warning.
    Withheld while fewer than ``threshold`` participants answered on both sides."""
    settings = questionnaire.symmetry
    both = [s for s in scores if s.customer is not None and s.internal is not None]
    if len(both) < threshold:
        both = []
    customer = mean_sd([s.customer for s in both])[0]
    internal = mean_sd([s.internal for s in both])[0]
    index = customer - internal if both else None
    own = [s.customer - s.internal for s in both]
    return RoomSymmetry(
        customer_score=customer,
        internal_score=internal,
        index=index,
        quadrant=None if index is None else quadrant(customer, internal, settings.midpoint),
        stall=watches_stall(questionnaire) and is_stall(index, settings.stall_threshold),
        stall_threshold=settings.stall_threshold,
        participants_with_index=len(own),
        participants_in_stall=sum(1 for gap in own if is_stall(gap, settings.stall_threshold)),
    )
