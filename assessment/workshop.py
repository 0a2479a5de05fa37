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

import math
from collections.abc import Iterable, Sequence
from typing import Annotated, Literal

from pydantic import Field, StringConstraints, field_validator

from assessment.models import (
    DimensionResult,
    Frozen,
    OverallResult,
    Quadrant,
    Questionnaire,
    QuestionScore,
    Result,
)
from assessment.scoring import (
    ScoreSet,
    ScoringPlan,
    highlights,
    is_stall,
    judge_symmetry,
    maturity_level,
    quadrant,
)

DEFAULT_THRESHOLD = 5  # people: below this, a group's result is never shown
MIN_THRESHOLD, MAX_THRESHOLD = 1, 50
TOP_DISAGREEMENTS = 5
MIN_ANSWERS_TO_RANK = 3  # a question needs this many levels given to rank as a disagreement
CONSENSUS_BANDS = (0.75, 0.5)  # ≥ 0.75: agreement (SD ≤ half a level); < 0.5: divided
NOT_STATED = ""  # the group of participants who did not choose an option of a segment

Label = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=60)]


class Segment(Frozen):
    """A way to split the room (e.g. "Role": "Management", "Staff"), typed by the facilitator."""

    name: Label
    options: list[Label] = Field(min_length=2, max_length=12)

    @field_validator("options")
    @classmethod
    def _distinct(cls, options: list[str]) -> list[str]:
        folded = [option.casefold() for option in options]
        if len(set(folded)) != len(folded):
            raise ValueError("each option must be different")
        return options


class SegmentSyntaxError(ValueError):
    """A line of the segments text that cannot be read; ``reason`` is a short code."""

    REASONS = (
        "no_colon",
        "few_options",
        "many_options",
        "same_option",
        "same_name",
        "too_long",
        "too_many",
    )

    def __init__(self, line: int, reason: str):
        self.line, self.reason = line, reason
        super().__init__(f"line {line}: {reason}")


def parse_segments(text: str, most: int = 3) -> list[Segment]:
    """Segments typed one per line as ``Name: option, option, …`` (e.g. "Role: Management,
    Staff"); blank lines are skipped. Raises SegmentSyntaxError on the first faulty line."""
    segments: list[Segment] = []
    lines = [(n, line.strip()) for n, line in enumerate((text or "").splitlines(), 1)]
    for number, line in [(n, line) for n, line in lines if line]:
        name, colon, rest = line.partition(":")
        options = [option.strip() for option in rest.split(",") if option.strip()]
        if not colon or not name.strip():
            raise SegmentSyntaxError(number, "no_colon")
        if len(options) < 2:
            raise SegmentSyntaxError(number, "few_options")
        if len(options) > 12:
            raise SegmentSyntaxError(number, "many_options")
        if any(len(part) > 60 for part in (name.strip(), *options)):
            raise SegmentSyntaxError(number, "too_long")
        if len({o.casefold() for o in options}) != len(options):
            raise SegmentSyntaxError(number, "same_option")
        if any(s.name.casefold() == name.strip().casefold() for s in segments):
            raise SegmentSyntaxError(number, "same_name")
        if len(segments) == most:
            raise SegmentSyntaxError(number, "too_many")
        segments.append(Segment(name=name.strip(), options=options))
    return segments


class Participant(Frozen):
    """One anonymous participant's contribution: segment choices and answers, no identity."""

    id: int
    segments: dict[str, str] = Field(default_factory=dict)
    answers: dict[str, int | None] = Field(default_factory=dict)


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


class Spread(Frozen):
    """The room's mean of its participants' scores on a dimension (or overall), with the SD."""

    id: str
    participants: int = Field(description="participants with a score on it")
    mean: float | None
    sd: float | None

    @property
    def low(self) -> float | None:
        return None if self.mean is None else max(0.0, self.mean - (self.sd or 0.0))

    @property
    def high(self) -> float | None:
        return None if self.mean is None else min(100.0, self.mean + (self.sd or 0.0))


CellStatus = Literal["shown", "too_few", "protects_other", "empty"]


class Cell(Frozen):
    """A group's mean on one dimension; no figure at all when it is hidden."""

    status: CellStatus
    score: float | None = None
    contributors: int | None = None


class Group(Frozen):
    option: str = Field(description="the option chosen; NOT_STATED when none was")
    size: int | None = Field(description="participants who answered; None below the threshold")
    cells: dict[str, Cell] = Field(description="dimension id (and 'overall') → cell")


class SegmentView(Frozen):
    segment: str
    groups: list[Group]
    gaps: dict[str, float | None] = Field(
        description="per dimension: highest − lowest shown group mean (None: fewer than two)"
    )

    @property
    def widest_gap(self) -> tuple[str, float] | None:
        known = [(key, gap) for key, gap in self.gaps.items() if gap is not None]
        return max(known, key=lambda item: item[1]) if known else None


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
) -> RoomAggregate:
    """The room's result. Below ``threshold`` contributors only the counts are given."""
    _check_threshold(threshold)
    plan = ScoringPlan(questionnaire)
    responding = [p for p in participants if plan.knows_any(p.answers)]
    contributors = [p for p in responding if plan.has_levels(p.answers)]
    base = dict(
        questionnaire_id=questionnaire.id,
        threshold=threshold,
        participants=len(responding),
        contributors=len(contributors),
    )
    if len(contributors) < threshold:
        return RoomAggregate(visible=False, **base)
    scores = {p.id: plan.scores(p.answers) for p in contributors}
    every = question_stats(questionnaire, responding)
    stats = [s for s in every if s.responded >= threshold]
    return RoomAggregate(
        visible=True,
        overall=_spread("overall", [s.overall for s in scores.values()], threshold),
        dimensions=[
            _spread(d, [s.dimensions[d] for s in scores.values()], threshold)
            for d in plan.dimension_ids
        ],
        questions=stats,
        withheld={s.question_id: s.responded for s in every if 0 < s.responded < threshold},
        disagreements=top_disagreements(stats, top),
        symmetry=_room_symmetry(questionnaire, list(scores.values()), threshold),
        segments=[
            _segment_view(segment, contributors, scores, plan.dimension_ids, threshold)
            for segment in segments
        ],
        **base,
    )


def question_stats(
    questionnaire: Questionnaire, participants: Iterable[Participant]
) -> list[QuestionStats]:
    """Distribution, mean, SD, consensus and modal share of every question (display order)."""
    participants = list(participants)
    scale = questionnaire.scale
    sd_max = _sd_max(questionnaire)
    result = []
    for dimension, question in questionnaire.questions():
        given = [p.answers[question.id] for p in participants if question.id in p.answers]
        levels = sorted(level for level in given if level is not None)
        counts = {value: levels.count(value) for value in scale.values}
        scores = [scale.score_of(level) for level in levels]
        mean, sd = _mean_sd(scores)
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
                consensus=None if sd is None else _clamp01(1 - sd / sd_max),
                modal_share=top_count / len(levels) if levels else None,
                median_level=median_level(levels, scale.values),
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


def consolidated_answers(
    questionnaire: Questionnaire, participants: Iterable[Participant], threshold: int = 1
) -> dict[str, int | None]:
    """One answer per question for the room: the median level of those given; "don't know"
    when more participants said so than gave a level; left unanswered when fewer than
    ``threshold`` participants answered it (or nobody did)."""
    consolidated: dict[str, int | None] = {}
    for stats in question_stats(questionnaire, participants):
        if stats.responded == 0 or stats.responded < threshold:
            continue
        if stats.dont_know > stats.answered:
            consolidated[stats.question_id] = None
        else:
            consolidated[stats.question_id] = stats.median_level
    return consolidated


def as_result(questionnaire: Questionnaire, room: RoomAggregate) -> Result:
    """The room's means as a :class:`Result`, so that the self-assessment charts and texts can
    show it. A question counts as answered when at least one participant gave it a level."""
    if not room.visible:
        raise ValueError("the room is below the anonymity threshold: nothing to show")
    dimensions = []
    for dimension in questionnaire.ordered_dimensions():
        mine = [room.question(q.id) for q in dimension.questions]
        answered = sum(1 for s in mine if s is not None and s.answered)
        dont_know = sum(1 for s in mine if s is not None and not s.answered and s.dont_know)
        dimensions.append(
            DimensionResult(
                id=dimension.id,
                score=room.dimension(dimension.id).mean,
                coverage=answered / len(mine),
                answered=answered,
                dont_know=dont_know,
                unanswered=len(mine) - answered - dont_know,
                total=len(mine),
            )
        )
    level = maturity_level(questionnaire, room.overall.mean)
    scored = [
        QuestionScore(
            question_id=s.question_id,
            dimension_id=s.dimension_id,
            level=round(s.mean_level),
            score=s.mean_score,
            weight=questionnaire.question(s.question_id).weight,
        )
        for s in room.questions
        if s.mean_score is not None
    ]
    strongest, weakest = highlights(scored)
    symmetry = room.symmetry
    return Result(
        questionnaire_id=questionnaire.id,
        questionnaire_version=questionnaire.version,
        dimensions=dimensions,
        overall=OverallResult(
            score=room.overall.mean,
            level=level.level if level else None,
            coverage=sum(d.answered for d in dimensions) / sum(d.total for d in dimensions),
        ),
        symmetry=judge_symmetry(
            questionnaire,
            symmetry.customer_score,
            symmetry.internal_score,
            customer_coverage=1.0 if symmetry.customer_score is not None else 0.0,
            internal_coverage=1.0 if symmetry.internal_score is not None else 0.0,
        ),
        strongest=strongest,
        weakest=weakest,
    )


def summary_document(room: RoomAggregate, **extra: object) -> dict:
    """What an assessment made from a workshop keeps of it (JSON): counts, method, and the
    room's dispersion; only aggregates that the anonymity threshold lets through."""
    document: dict = {
        "participants": room.participants,
        "contributors": room.contributors,
        "anonymity_threshold": room.threshold,
        "consolidation": "median level per question; don't know when most said so",
        **extra,
    }
    if not room.visible:
        return document
    document["overall"] = _spread_json(room.overall)
    document["dimensions"] = {d.id: _spread_json(d) for d in room.dimensions}
    document["questions"] = {
        s.question_id: {
            "answered": s.answered,
            "dont_know": s.dont_know,
            "distribution": {str(level): n for level, n in s.counts.items()},
            "mean_score": _round(s.mean_score),
            "sd": _round(s.sd),
            "consensus": _round(s.consensus, 3),
            "modal_share": _round(s.modal_share, 3),
            "median_level": s.median_level,
        }
        for s in room.questions
    }
    document["disagreements"] = [s.question_id for s in room.disagreements]
    document["symmetry"] = room.symmetry.model_dump(mode="json")
    document["segments"] = [
        {
            "segment": view.segment,
            "groups": [
                {
                    "option": group.option,
                    "size": group.size,
                    "scores": {
                        key: _round(cell.score)
                        for key, cell in group.cells.items()
                        if cell.status == "shown"
                    },
                }
                for group in view.groups
            ],
        }
        for view in room.segments
    ]
    return document


# --- helpers -------------------------------------------------------------------------------


def _check_threshold(threshold: int) -> None:
    if isinstance(threshold, bool) or not isinstance(threshold, int):
        raise TypeError(f"the anonymity threshold is a whole number, not {threshold!r}")
    if not MIN_THRESHOLD <= threshold <= MAX_THRESHOLD:
        raise ValueError(f"the anonymity threshold must be {MIN_THRESHOLD}–{MAX_THRESHOLD}")


def _sd_max(questionnaire: Questionnaire) -> float:
    """The largest SD answers on this scale can have: half of them at each end."""
    scores = [questionnaire.scale.score_of(v) for v in questionnaire.scale.values]
    return (max(scores) - min(scores)) / 2 or 1.0


def _mean_sd(values: Sequence[float]) -> tuple[float | None, float | None]:
    """Mean and population SD (the room is the whole population, not a sample of one)."""
    if not values:
        return None, None
    mean = math.fsum(values) / len(values)
    variance = math.fsum((v - mean) ** 2 for v in values) / len(values)
    return mean, math.sqrt(variance)


def _spread(key: str, values: Iterable[float | None], threshold: int) -> Spread:
    """Mean and SD of the known values; withheld (None) when fewer than ``threshold``."""
    known = [v for v in values if v is not None]
    mean, sd = _mean_sd(known) if len(known) >= threshold else (None, None)
    return Spread(id=key, participants=len(known), mean=mean, sd=sd)


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
    customer = _mean_sd([s.customer for s in both])[0]
    internal = _mean_sd([s.internal for s in both])[0]
    index = customer - internal if both else None
    own = [s.customer - s.internal for s in both]
    return RoomSymmetry(
        customer_score=customer,
        internal_score=internal,
        index=index,
        quadrant=None if index is None else quadrant(customer, internal, settings.midpoint),
        stall=is_stall(index, settings.stall_threshold),
        stall_threshold=settings.stall_threshold,
        participants_with_index=len(own),
        participants_in_stall=sum(1 for gap in own if is_stall(gap, settings.stall_threshold)),
    )


def _segment_view(
    segment: Segment,
    participants: list[Participant],
    scores: dict[int, ScoreSet],
    dimension_ids: list[str],
    threshold: int,
) -> SegmentView:
    """Groups of one segment. A cell (group × dimension) is shown only if at least
    ``threshold`` participants of the group have a score on it; and when the hidden cells of a
    column add up to fewer than ``threshold`` people (their mean could be worked out from the
    room's mean and the shown groups), the smallest shown group is hidden too, until they don't."""
    members: dict[str, list[int]] = {option: [] for option in segment.options}
    for participant in participants:
        option = participant.segments.get(segment.name, NOT_STATED)
        members.setdefault(option if option in members else NOT_STATED, []).append(participant.id)
    keys = [*dimension_ids, "overall"]
    columns = {}
    for key in keys:
        values = {
            option: [v for v in (_score_of(scores[pid], key) for pid in ids) if v is not None]
            for option, ids in members.items()
        }
        columns[key] = _suppress(values, threshold)
    groups = []
    for option, ids in members.items():
        size = len(ids)
        if option == NOT_STATED and size == 0:
            continue
        groups.append(
            Group(
                option=option,
                size=size if size >= threshold else None,
                cells={key: columns[key][option] for key in keys},
            )
        )
    gaps = {}
    for key in keys:
        shown = [c.score for c in columns[key].values() if c.status == "shown"]
        gaps[key] = max(shown) - min(shown) if len(shown) >= 2 else None
    return SegmentView(segment=segment.name, groups=groups, gaps=gaps)


def _score_of(scores: ScoreSet, key: str) -> float | None:
    return scores.overall if key == "overall" else scores.dimensions[key]


def _suppress(values: dict[str, list[float]], threshold: int) -> dict[str, Cell]:
    """Primary suppression (fewer than ``threshold``), then complementary suppression."""
    hidden = {option for option, v in values.items() if 0 < len(v) < threshold}
    while True:
        hidden_people = sum(len(values[option]) for option in hidden)
        shown = [o for o, v in values.items() if v and o not in hidden]
        if not 0 < hidden_people < threshold or not shown:
            break
        hidden.add(min(shown, key=lambda o: (len(values[o]), o)))
    cells = {}
    for option, v in values.items():
        if not v:
            cells[option] = Cell(status="empty")
        elif option in hidden:
            cells[option] = Cell(status="too_few" if len(v) < threshold else "protects_other")
        else:
            cells[option] = Cell(status="shown", score=_mean_sd(v)[0], contributors=len(v))
    return cells


def _clamp01(value: float) -> float:
    return min(1.0, max(0.0, value))


def _round(value: float | None, digits: int = 1) -> float | None:
    return None if value is None else round(value, digits)


def _spread_json(spread: Spread) -> dict:
    return {
        "participants": spread.participants,
        "mean": _round(spread.mean),
        "sd": _round(spread.sd),
    }
