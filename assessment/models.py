"""The questionnaire and its results as immutable values.

A questionnaire is data (YAML) validated into these frozen pydantic models; the JSON schema
in ``questionnaires/questionnaire.schema.json`` is generated from them. Cross-references
(duplicate ids, unknown themes…) are checked in :mod:`assessment.questionnaire`, where every
problem can be reported with its location.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints

LANGUAGES = ("fr", "en")
Language = Literal["fr", "en"]

Identifier = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$", max_length=64)]
NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
# `version: 1.0` is a number in YAML; a consultant means the text "1.0".
VersionText = Annotated[
    NonEmpty, BeforeValidator(lambda v: str(v) if isinstance(v, int | float) else v)
]
Score = Annotated[float, Field(ge=0, le=100)]
Weight = Annotated[float, Field(gt=0)]


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Text(Frozen):
    """A visible string in every language the app speaks."""

    fr: NonEmpty
    en: NonEmpty

    def __call__(self, lang: Language) -> str:
        return getattr(self, lang)


class Side(StrEnum):
    """Which side of the symmetry analysis a question speaks to."""

    internal = "internal"  # the employee-facing reality: the engine (thrust)
    customer = "customer"  # the customer-facing ambition: the lift


class ScaleLevel(Frozen):
    value: int
    label: Text
    score: Score | None = Field(
        default=None, description="0-100; when absent, levels are spread evenly from 0 to 100"
    )


class Scale(Frozen):
    levels: list[ScaleLevel] = Field(min_length=2)
    dont_know: Text

    @property
    def values(self) -> list[int]:
        return [level.value for level in self.levels]

    def level_of(self, value: int) -> ScaleLevel:
        """The level an answer names (its label, its score)."""
        return self.levels[self.values.index(value)]

    def score_of(self, value: int) -> float:
        """Score 0-100 of an answer level (explicit, or evenly spread when not set)."""
        position = self.values.index(value)
        explicit = self.levels[position].score
        if explicit is not None:
            return explicit
        return 100 * position / (len(self.levels) - 1)


class MaturityLevel(Frozen):
    level: int = Field(ge=1)
    min_score: Score
    name: Text
    description: Text


class SymmetrySettings(Frozen):
    stall_threshold: float = Field(
        default=15, gt=0, le=100, description="Points by which the customer side may lead"
    )
    midpoint: Score = Field(default=50, description="Where the quadrant axes cross")


class DiagnosisCompare(StrEnum):
    """What a diagnosis compares: the two sides, or the mean of some dimensions with others."""

    sides = "sides"  # the customer side against the internal side (the stall)
    dimensions = "dimensions"  # the weighted mean of `ahead` against that of `behind`


class Diagnosis(Frozen):
    """A warning the questionnaire declares: raised when what is `ahead` leads what is
    `behind` by at least `threshold` points (the formulas are in docs/scoring.md)."""

    id: Identifier
    compare: DiagnosisCompare
    ahead: list[Identifier] = Field(
        default_factory=list, description="dimensions: the ones expected not to run ahead"
    )
    behind: list[Identifier] = Field(
        default_factory=list, description="dimensions: the ones that must keep up"
    )
    threshold: float | None = Field(
        default=None,
        gt=0,
        le=100,
        description="points; default 15, or symmetry.stall_threshold for the sides",
    )
    title: Text
    explanation: Text = Field(description="Why it matters and what to do first")


class Theme(Frozen):
    id: Identifier
    label: Text


class ReferencePoint(Frozen):
    """A single published figure shown beside a question: a landmark, not a distribution."""

    id: Identifier
    value: float
    unit: NonEmpty
    year: int = Field(ge=1900, le=2100)
    statement: Text
    population: Text
    source: NonEmpty
    url: str | None = None


class Question(Frozen):
    id: Identifier
    order: int
    theme: Identifier
    weight: Weight = 1.0
    side: Side | None = Field(default=None, description="Overrides the dimension's side")
    text: Text
    help: Text | None = None
    anchors: dict[int, Text] = Field(description="A description of every scale level")
    references: list[Identifier] = Field(default_factory=list)


class Dimension(Frozen):
    id: Identifier
    order: int
    weight: Weight = 1.0
    side: Side = Side.internal
    title: Text
    description: Text
    questions: list[Question] = Field(min_length=1)

    def ordered_questions(self) -> list[Question]:
        return sorted(self.questions, key=lambda q: q.order)

    def side_of(self, question: Question) -> Side:
        return question.side or self.side


class Questionnaire(Frozen):
    id: Identifier
    version: VersionText
    title: Text
    description: Text
    scale: Scale
    maturity_levels: list[MaturityLevel] = Field(min_length=1)
    symmetry: SymmetrySettings = SymmetrySettings()
    themes: list[Theme] = Field(default_factory=list)
    references: list[ReferencePoint] = Field(default_factory=list)
    diagnoses: list[Diagnosis] | None = Field(
        default=None,
        description="The warnings this questionnaire raises; absent: the stall alone; []: none",
    )
    dimensions: list[Dimension] = Field(min_length=1)

    def ordered_dimensions(self) -> list[Dimension]:
        return sorted(self.dimensions, key=lambda d: d.order)

    def questions(self) -> list[tuple[Dimension, Question]]:
        """Every question with its dimension, in display order."""
        return [(d, q) for d in self.ordered_dimensions() for q in d.ordered_questions()]

    def question(self, question_id: str) -> Question:
        return next(q for _, q in self.questions() if q.id == question_id)

    def dimension(self, dimension_id: str) -> Dimension:
        return next(d for d in self.dimensions if d.id == dimension_id)

    def reference(self, reference_id: str) -> ReferencePoint:
        return next(r for r in self.references if r.id == reference_id)

    def theme(self, theme_id: str) -> Theme:
        return next(t for t in self.themes if t.id == theme_id)


# --- Results ------------------------------------------------------------------------------


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
