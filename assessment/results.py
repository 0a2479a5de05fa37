"""What scoring a questionnaire's answers gives, as immutable values: each question's score,
each dimension's, the overall one, the symmetry of the internal and customer sides and the
diagnoses raised."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

from assessment.models import DiagnosisCompare, Frozen, Score


class QuestionScore(Frozen):
    question_id: str
    dimension_id: str
    level: int
    score: Score
    weight: float


class DimensionResult(Frozen):
    id: str
    score: Score | None = Field(description="None when no question of it was answered")
    coverage: float = Field(ge=0, le=1)
    answered: int
    dont_know: int
    unanswered: int
    total: int


class OverallResult(Frozen):
    score: Score | None
    level: int | None
    coverage: float = Field(ge=0, le=1)


class Quadrant(StrEnum):
    """Where ambition (customer side) and capability (internal side) place the organisation."""

    grounded = "grounded"  # both sides below the midpoint
    stall_risk = "stall_risk"  # customer ambition high, internal capability low
    untapped = "untapped"  # internal capability high, customer ambition low
    airborne = "airborne"  # both sides at or above the midpoint (the gap may still stall)


class SymmetryResult(Frozen):
    customer_score: Score | None
    internal_score: Score | None
    customer_coverage: float = Field(ge=0, le=1)
    internal_coverage: float = Field(ge=0, le=1)
    index: float | None = Field(description="customer - internal, in points; > 0: ambition leads")
    quadrant: Quadrant | None
    stall: bool
    stall_threshold: float


class DiagnosisResult(Frozen):
    """One declared diagnosis judged: the two figures compared, the gap and the verdict."""

    id: str
    compare: DiagnosisCompare
    ahead_score: Score | None
    behind_score: Score | None
    gap: float | None = Field(description="ahead - behind, in points; None if a side is unknown")
    threshold: float
    raised: bool


class Result(Frozen):
    questionnaire_id: str
    questionnaire_version: str
    dimensions: list[DimensionResult]
    overall: OverallResult
    symmetry: SymmetryResult
    strongest: list[QuestionScore]
    weakest: list[QuestionScore]
    diagnoses: list[DiagnosisResult] = Field(default_factory=list)

    def dimension(self, dimension_id: str) -> DimensionResult:
        return next(d for d in self.dimensions if d.id == dimension_id)

    @property
    def raised(self) -> list[DiagnosisResult]:
        """The diagnoses whose warning is raised, in the questionnaire's order."""
        return [d for d in self.diagnoses if d.raised]
