"""Mean and spread of a room's figures: population SD (the room is the whole population, not
a sample of it), the largest SD a scale allows, and the room's spread on a dimension."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

from pydantic import Field

from assessment.models import Frozen, Questionnaire


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


def sd_max(questionnaire: Questionnaire) -> float:
    """The largest SD answers on this scale can have: half of them at each end."""
    scores = [c.score for _, q in questionnaire.questions() for c in questionnaire.choices(q)]
    return (max(scores) - min(scores)) / 2 or 1.0


def mean_sd(values: Sequence[float]) -> tuple[float | None, float | None]:
    """Mean and population SD (the room is the whole population, not a sample of one)."""
    if not values:
        return None, None
    mean = math.fsum(values) / len(values)
    variance = math.fsum((v - mean) ** 2 for v in values) / len(values)
    return mean, math.sqrt(variance)


def spread(
    key: str,
    values: Iterable[float | None],
    threshold: int,
    dispersion_threshold: int | None = None,
) -> Spread:
    """Mean and SD of the known values: the mean withheld (None) when fewer than
    ``threshold``, the SD when fewer than ``dispersion_threshold`` (by default the same)."""
    known = [v for v in values if v is not None]
    mean, sd = mean_sd(known) if len(known) >= threshold else (None, None)
    if len(known) < (dispersion_threshold or threshold):
        sd = None
    return Spread(id=key, participants=len(known), mean=mean, sd=sd)


def clamp01(value: float) -> float:
    return min(1.0, max(0.0, value))
