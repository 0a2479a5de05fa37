"""The questionnaire as immutable values (its results: :mod:`assessment.results`).

A questionnaire is data (YAML) validated into these frozen pydantic models; the JSON schema
in ``questionnaires/questionnaire.schema.json`` is generated from them. Cross-references
(duplicate ids, unknown themes…) are checked in :mod:`assessment.questionnaire`, where every
problem can be reported with its location.
"""

from __future__ import annotations

import re
import weakref
from enum import StrEnum
from functools import cache
from typing import Annotated, Any

from babel import Locale, UnknownLocaleError
from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    model_serializer,
    model_validator,
)

LANGUAGES = ("fr", "en")  # the languages the interface's catalogues and the action library speak
# A language is an ISO 639-1 code: "fr", "en", "de"… (a questionnaire declares its own).
Language = Annotated[str, StringConstraints(pattern=r"^[a-z]{2}$")]

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


@cache
def is_language(code: object) -> bool:
    """An ISO 639-1 language code Babel knows (its number and date rules come with it)."""
    if not isinstance(code, str) or not re.fullmatch(r"[a-z]{2}", code):
        return False
    try:
        Locale(code)
    except (UnknownLocaleError, ValueError):
        return False
    return True


class Text(BaseModel):
    """A visible string in one or more languages, keyed by ISO 639-1 code (``fr``, ``en``,
    ``de``…). Which languages every text of a file must have is the file's ``languages``."""

    model_config = ConfigDict(frozen=True, extra="allow")
    __pydantic_extra__: dict[str, NonEmpty] = Field(init=False)

    fr: NonEmpty | None = None
    en: NonEmpty | None = None

    @model_validator(mode="after")
    def _languages_known(self) -> Text:
        unknown = [code for code in self.__pydantic_extra__ or {} if not is_language(code)]
        if unknown:
            raise ValueError(f"not an ISO 639-1 language code: {', '.join(unknown)}")
        if not self.languages():
            raise ValueError("a text needs at least one language")
        return self

    @model_serializer(mode="wrap")
    def _written_languages(self, handler: Any) -> dict[str, str]:
        return {code: text for code, text in handler(self).items() if text is not None}

    def languages(self) -> list[str]:
        """The languages this text is written in, French and English first."""
        extra = list(self.__pydantic_extra__ or {})
        return [code for code in ("fr", "en") if getattr(self, code)] + extra

    def __call__(self, lang: Language) -> str:
        """The text in ``lang``; else in English, French, then its first language, so that a
        questionnaire written in one language reads in it whatever the interface speaks."""
        for code in (lang, "en", "fr"):
            found = getattr(self, code, None)
            if found:
                return found
        return next(iter((self.__pydantic_extra__ or {}).values()))


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


class Option(Frozen):
    """One answer a question offers in place of the shared scale: its own words, its value."""

    label: Text
    value: float = Field(ge=0, le=1, description="share of full marks: 0.5 scores 50 points")
    description: Text | None = None


class Choice(Frozen):
    """An answer a question can be given, whichever way it is declared: stored as ``value``
    (a scale level, or an option's position from 1), read as its label and description."""

    value: int
    label: Text
    description: Text | None
    score: Score


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
    anchors: dict[int, Text] = Field(
        default_factory=dict, description="A description of every scale level"
    )
    options: list[Option] = Field(
        default_factory=list,
        description="Its own answers, in place of the scale (then no anchors); at least two",
    )
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


def _languages_of(data: Any) -> Any:
    """Languages not declared are those of the title (every text must then have them)."""
    if isinstance(data, dict) and data.get("languages") is None:
        title = data.get("title")
        if isinstance(title, dict) and title:
            return {**data, "languages": [code for code in title if is_language(code)]}
        if isinstance(title, Text):
            return {**data, "languages": title.languages()}
    return data


class Questionnaire(Frozen):
    id: Identifier
    version: VersionText
    languages: list[Language] = Field(
        default_factory=list,
        description="ISO 639-1 codes every text is written in, the first the main one; "
        "default: the languages of the title",
    )
    title: Text
    description: Text
    scale: Scale | None = Field(
        default=None,
        description="The shared answer scale; needed unless every question has options",
    )
    dont_know: Text | None = Field(
        default=None, description="The don't-know answer when there is no scale"
    )
    maturity_levels: list[MaturityLevel] = Field(min_length=1)
    symmetry: SymmetrySettings = SymmetrySettings()
    themes: list[Theme] = Field(default_factory=list)
    references: list[ReferencePoint] = Field(default_factory=list)
    diagnoses: list[Diagnosis] | None = Field(
        default=None,
        description="The warnings this questionnaire raises; absent: the stall alone; []: none",
    )
    dimensions: list[Dimension] = Field(min_length=1)

    _infer_languages = model_validator(mode="before")(_languages_of)

    def ordered_dimensions(self) -> tuple[Dimension, ...]:
        memo = derived_of(self)
        if "dimensions" not in memo:
            memo["dimensions"] = tuple(sorted(self.dimensions, key=lambda d: d.order))
        return memo["dimensions"]

    def questions(self) -> tuple[tuple[Dimension, Question], ...]:
        """Every question with its dimension, in display order (read by every score, reason
        and sheet: sorted once)."""
        memo = derived_of(self)
        if "questions" not in memo:
            memo["questions"] = tuple(
                (d, q) for d in self.ordered_dimensions() for q in d.ordered_questions()
            )
        return memo["questions"]

    def question(self, question_id: str) -> Question:
        return next(q for _, q in self.questions() if q.id == question_id)

    def dimension(self, dimension_id: str) -> Dimension:
        return next(d for d in self.dimensions if d.id == dimension_id)

    def reference(self, reference_id: str) -> ReferencePoint:
        return next(r for r in self.references if r.id == reference_id)

    def theme(self, theme_id: str) -> Theme:
        return next(t for t in self.themes if t.id == theme_id)

    def choices(self, question: Question) -> list[Choice]:
        """The answers a question can be given: its own options (values 1, 2, … by position),
        else the shared scale's levels, each described by the question's anchor."""
        memo = derived_of(self).setdefault("choices", {})
        known = memo.get(question.id)
        if known is not None:
            return known
        if question.options:
            built = [
                Choice.model_construct(
                    value=i, label=o.label, description=o.description, score=100 * o.value
                )
                for i, o in enumerate(question.options, start=1)
            ]
        else:
            built = [
                Choice.model_construct(
                    value=level.value,
                    label=level.label,
                    description=question.anchors.get(level.value),
                    score=self.scale.score_of(level.value),
                )
                for level in self.scale.levels
            ]
        memo[question.id] = built
        return built

    def choice(self, question: Question, value: int) -> Choice:
        return next(c for c in self.choices(question) if c.value == value)

    def values_by_question(self) -> dict[str, list[int]]:
        """Each question's possible answer values (checked on every save and score)."""
        memo = derived_of(self)
        if "values" not in memo:
            memo["values"] = {q.id: [c.value for c in self.choices(q)] for _, q in self.questions()}
        return memo["values"]

    def answer_values(self) -> list[int]:
        """Every value an answer can take, across questions (scale levels, option positions)."""
        return sorted({c.value for _, q in self.questions() for c in self.choices(q)})

    def dont_know_label(self) -> Text | None:
        """The "don't know" answer's words (the scale's, else the file's); None: the
        interface's own."""
        return self.scale.dont_know if self.scale is not None else self.dont_know

    @property
    def has_sides(self) -> bool:
        """Whether its questions speak to both sides, customer and internal: only then is there
        a symmetry analysis (index, stall, ambition/capability map)."""
        sides = {d.side_of(q) for d, q in self.questions()}
        return sides == set(Side)

    def main_language(self) -> str:
        return self.languages[0] if self.languages else "en"


# What a questionnaire derives from itself (each question's answers), kept beside it rather
# than in it, so that two equal questionnaires stay equal; frozen, it never needs refreshing.
_MEMOS: dict[int, tuple[weakref.ref, dict]] = {}


def derived_of(questionnaire: Questionnaire) -> dict:
    """The values computed from this questionnaire (its sorted questions, each question's
    answers, results of answers scored against it), dropped with it."""
    key = id(questionnaire)
    entry = _MEMOS.get(key)
    if entry is None or entry[0]() is not questionnaire:
        entry = (weakref.ref(questionnaire, lambda _, key=key: _MEMOS.pop(key, None)), {})
        _MEMOS[key] = entry
    return entry[1]
