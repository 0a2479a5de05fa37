"""A room turned into one assessment: the consolidated answers (the median level per question),
the room's means as a Result for the self-assessment's charts and texts, and the summary that
the assessment keeps of the room (only what the anonymity threshold lets through)."""

from __future__ import annotations

from collections.abc import Iterable

from assessment.models import Questionnaire
from assessment.results import DimensionResult, OverallResult, QuestionScore, Result
from assessment.scoring import (
    highlights,
    judge_diagnoses,
    judge_symmetry,
    maturity_level,
    not_strengths,
)
from assessment.workshop.dispersion import Spread
from assessment.workshop.room import RoomAggregate, question_stats
from assessment.workshop.segments import Participant


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
    room_symmetry = room.symmetry
    symmetry = judge_symmetry(
        questionnaire,
        room_symmetry.customer_score,
        room_symmetry.internal_score,
        customer_coverage=1.0 if room_symmetry.customer_score is not None else 0.0,
        internal_coverage=1.0 if room_symmetry.internal_score is not None else 0.0,
    )
    diagnoses = judge_diagnoses(questionnaire, {d.id: d.score for d in dimensions}, symmetry)
    strongest, weakest = highlights(scored, not_strengths(questionnaire, diagnoses))
    return Result(
        questionnaire_id=questionnaire.id,
        questionnaire_version=questionnaire.version,
        dimensions=dimensions,
        overall=OverallResult(
            score=room.overall.mean,
            level=level.level if level else None,
            coverage=sum(d.answered for d in dimensions) / sum(d.total for d in dimensions),
        ),
        symmetry=symmetry,
        strongest=strongest,
        weakest=weakest,
        diagnoses=diagnoses,
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


def _round(value: float | None, digits: int = 1) -> float | None:
    return None if value is None else round(value, digits)


def _spread_json(spread: Spread) -> dict:
    return {
        "participants": spread.participants,
        "mean": _round(spread.mean),
        "sd": _round(spread.sd),
    }
