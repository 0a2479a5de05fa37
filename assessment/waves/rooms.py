"""A wave's answer set: one assessment as it is, or several workshop rooms pooled into one.

A room arrives here as the assessment made from it: its consolidated answers and the summary
the room left (``summary_document``: per question the distribution, per dimension the mean, SD
and number of people), which holds only what the room's anonymity thresholds let through.
A pooled figure is made of those figures alone, so that it can never tell more about a
withheld group than the rooms already show: a question or a dimension a room withheld is left
out of the pool for that room (the pool says how many people it covers), and a group's pooled
mean is made only of the rooms in which that group's mean is shown.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from pydantic import Field

from assessment.i18n import Message
from assessment.models import Frozen, Questionnaire
from assessment.scoring import ScoringPlan


class Member(Frozen):
    """One assessment of a wave: a self-assessment, an import, or a workshop room."""

    label: str = Field(description="the room's name in a pooled wave (e.g. a site); may be empty")
    questionnaire: Questionnaire
    answers: dict[str, int | None]
    workshop: dict | None = Field(default=None, description="the room's summary, if a room")

    @property
    def is_room(self) -> bool:
        return self.workshop is not None


class Spread(Frozen):
    """People behind a wave's figure and their spread (rooms only): what the standard error
    of a change is made of. ``sd`` is None when a room withheld it (too few people)."""

    participants: int
    sd: float | None


class PoolRefused(ValueError):
    def __init__(self, message: Message):
        self.message = message
        super().__init__(str(message))


def check_members(members: Sequence[Member], wave: str = "") -> None:
    """A wave is one assessment, or several rooms of one questionnaire (id and version)."""
    if not members:
        raise PoolRefused(Message("waves.empty_wave", {"wave": wave}))
    if len(members) == 1:
        return
    if not all(m.is_room for m in members):
        raise PoolRefused(Message("waves.pool_rooms_only", {"wave": wave}))
    versions = {(m.questionnaire.id, m.questionnaire.version) for m in members}
    if len(versions) > 1:
        raise PoolRefused(Message("waves.pool_one_questionnaire", {"wave": wave}))


def question_scores(members: Sequence[Member]) -> dict[str, float]:
    """Question id → the score a wave gives it (0-100). An assessment's own answers, as they
    are scored; a room's (or the rooms' pooled) mean answers over the people who gave a level,
    from the distributions each room shows: a change in a room is a change in its people's
    mean, which its margin of error is about (a consolidated median can jump a whole level
    when a room splits evenly). A question nobody gave a level to has no score."""
    check_members(members)
    questionnaire = members[0].questionnaire
    score_of = ScoringPlan(questionnaire).choice_score  # the scale's or the question's own
    if not members[0].is_room:
        answers = members[0].answers
        return {q: score_of[q][level] for q, level in answers.items() if level is not None}
    scores = {}
    for _, question in questionnaire.questions():
        counts: dict[int, int] = {}
        for member in members:
            shown = _questions(member).get(question.id) or {}
            for level, count in shown.get("distribution", {}).items():
                counts[int(level)] = counts.get(int(level), 0) + count
        given = sum(counts.values())
        if given:
            total = math.fsum(score_of[question.id][level] * n for level, n in counts.items())
            scores[question.id] = total / given
    return scores


def wave_spreads(members: Sequence[Member], dimension_ids: Sequence[str]) -> dict[str, Spread]:
    """Per dimension (and ``overall``), the people and spread behind a wave of rooms: a room's
    own, or the rooms' pooled exactly (the mean of the means weighted by people, the variance
    within rooms plus between them). Empty for a wave that is not a room."""
    if not all(m.is_room for m in members):
        return {}
    spreads = {}
    for key in [*dimension_ids, "overall"]:
        figures = [f for m in members if (f := _spread(m, key)) is not None]
        if not figures:
            continue
        people = sum(n for n, _, _ in figures)
        if any(sd is None for _, _, sd in figures):
            spreads[key] = Spread(participants=people, sd=None)
            continue
        mean = math.fsum(n * m for n, m, _ in figures) / people
        variance = math.fsum(n * (sd**2 + (m - mean) ** 2) for n, m, sd in figures) / people
        spreads[key] = Spread(participants=people, sd=math.sqrt(variance))
    return spreads


def standard_error(spread: Spread | None) -> float | None:
    """The standard error of a room's mean: SD / √(n − 1) (the population SD turned into the
    sample's, divided by √n). None when the spread is withheld or one person is behind it."""
    if spread is None or spread.sd is None or spread.participants < 2:
        return None
    return spread.sd / math.sqrt(spread.participants - 1)


class PooledGroup(Frozen):
    """A segment group across the rooms of a pool, from the rooms that show its mean."""

    segment: str
    option: str
    size: int
    rooms: int = Field(description="rooms whose figures for this group are in the pool")
    scores: dict[str, float] = Field(description="dimension id (and 'overall') → pooled mean")


def pooled_groups(members: Sequence[Member]) -> list[PooledGroup]:
    """Each segment group of the rooms, its means pooled over the rooms that show both the
    group's size and its mean (weighted by the size): made of shown figures only, so that no
    group a room withheld can be worked out from the pool by subtraction."""
    if len(members) < 2:
        return []
    collected: dict[tuple[str, str], list[tuple[int, dict]]] = {}
    for member in members:
        for view in (member.workshop or {}).get("segments", []):
            for group in view.get("groups", []):
                if group.get("size") and group.get("scores"):
                    key = (view["segment"], group["option"])
                    collected.setdefault(key, []).append((group["size"], group["scores"]))
    groups = []
    for (segment, option), rows in collected.items():
        keys = {key for _, scores in rows for key in scores}
        scores = {}
        for key in keys:
            given = [(size, s[key]) for size, s in rows if s.get(key) is not None]
            if given:
                scores[key] = math.fsum(n * v for n, v in given) / sum(n for n, _ in given)
        groups.append(
            PooledGroup(
                segment=segment,
                option=option,
                size=sum(size for size, _ in rows),
                rooms=len(rows),
                scores=scores,
            )
        )
    return groups


def room_participants(member: Member) -> int | None:
    """People who gave a level in a room (None for an assessment that is not a room)."""
    return None if member.workshop is None else member.workshop.get("contributors")


def _questions(member: Member) -> Mapping[str, dict]:
    return (member.workshop or {}).get("questions", {})


def _spread(member: Member, key: str) -> tuple[int, float, float | None] | None:
    summary = member.workshop or {}
    figure = summary.get("overall") if key == "overall" else summary.get("dimensions", {}).get(key)
    if not figure or figure.get("mean") is None or not figure.get("participants"):
        return None
    return figure["participants"], figure["mean"], figure.get("sd")
