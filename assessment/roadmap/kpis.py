"""The pilot's indicators as data: ``roadmaps/kpis.yaml``, validated like the action library.

A KPI definition says what an indicator is (its unit, texts in French and English, the
assessment questions that give its baseline, and how its target follows); the baseline and the
dates of each roadmap's KPIs come from the answers and the schedule (:mod:`.pilot`).

Every problem is reported at once with its line and location: the structure by the pydantic
models, then the consistency (duplicate ids, questions of the questionnaire, a step or a fixed
target that fits the unit). The format is described for consultants in ``roadmaps/README.md``.
"""

from __future__ import annotations

from enum import StrEnum
from functools import partial
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import Field, Strict

from assessment import yaml_document as document
from assessment.i18n import Message
from assessment.models import LANGUAGES, Frozen, Identifier, Questionnaire, Text, VersionText
from assessment.questionnaire.texts import language_problems
from assessment.yaml_document import DocumentError, Found, Location


class KpiUnit(StrEnum):
    score = "score"  # 0-100, the assessment's own scale
    percent = "percent"
    enps = "enps"
    hours = "hours"  # per person per week


UNIT_RANGES: dict[KpiUnit, tuple[float, float]] = {
    KpiUnit.score: (0, 100),
    KpiUnit.percent: (0, 100),
    KpiUnit.enps: (-100, 100),
    KpiUnit.hours: (0, 168),  # the hours in a week
}


Better = Literal["higher", "lower"]  # which way the indicator improves (hours searched: lower)

TEXT_FIELDS = ("name", "definition", "method", "source", "target_rule", "frequency", "owner")
# Strict, so that YAML's true is not taken for 1; an integer is still a number.
Number = Annotated[float, Strict()]


class KpiDefinition(Frozen):
    """What an indicator is; baseline and dates come from the assessment and the schedule."""

    id: Identifier
    unit: KpiUnit
    name: Text
    definition: Text
    method: Text
    source: Text
    questions: list[Identifier] = Field(
        default_factory=list, description="Assessment questions measuring the same thing"
    )
    frequency: Text
    owner: Text
    target_rule: Text = Field(description="How the target is set, in words")
    step: Number | None = Field(
        default=None, description="target = baseline + step, capped to the unit's range"
    )
    fixed_target: Number | None = None
    better: Better = Field(default="higher", description="higher or lower is better")
    gating: bool = Field(
        default=True, description="Must beat its baseline before the diffusion phase starts"
    )

    def texts(self) -> dict[str, Text]:
        """The visible texts by field name, which a roadmap's Kpi shows as they are."""
        return {name: getattr(self, name) for name in TEXT_FIELDS}


class KpiFile(Frozen):
    id: Identifier
    version: VersionText
    questionnaire: Identifier = Field(description="Id of the questionnaire it refers to")
    kpis: list[KpiDefinition] = Field(min_length=1)


class LibraryError(DocumentError):
    """An action library or its KPI file that cannot be used; ``problems`` lists everything
    wrong with it. Defined here because library.py, which raises it too, builds on this module."""


def load_kpis(path: str | Path, questionnaire: Questionnaire | None = None) -> KpiFile:
    """Load and validate the KPI definitions; with a questionnaire, their questions too."""
    path = Path(path)
    return parse_kpis(document.read_document(path, LibraryError), path.name, questionnaire)


def parse_kpis(
    text: str, source: str = "<kpis>", questionnaire: Questionnaire | None = None
) -> KpiFile:
    checks = partial(_consistency_problems, questionnaire=questionnaire)
    return document.validate_document(text, source, KpiFile, LibraryError, _explain, checks)


def _explain(error: Any) -> tuple[Location, Message]:
    location = tuple(p for p in error["loc"] if p != "[key]")
    if error["type"] == "enum" and location[-1:] == ("unit",):
        return location, document.unknown_choice(error)
    return document.describe(error, "roadmaps/README.md")


# --- consistency ---------------------------------------------------------------------------


def _consistency_problems(data: dict, questionnaire: Questionnaire | None) -> Found:
    kpis = document.entries(data, "kpis")
    problems = document.duplicates(
        [(("kpis", i, "id"), kpi.get("id")) for i, kpi in kpis], "kpi_id"
    )
    problems += language_problems(data, KpiFile, required=LANGUAGES)
    for i, kpi in kpis:
        problems += _target_problems(i, kpi)
    if questionnaire is not None:
        problems += _question_problems(data, kpis, questionnaire)
    return problems


def _target_problems(index: int, kpi: dict) -> Found:
    """A step or a fixed target that the unit cannot hold; never both (which one would win?)."""
    step, fixed = _number(kpi.get("step")), _number(kpi.get("fixed_target"))
    step_at, fixed_at = ("kpis", index, "step"), ("kpis", index, "fixed_target")
    if step is not None and fixed is not None:
        return [(fixed_at, document.said("step_and_fixed_target"))]
    problems: Found = []
    if step is not None and not kpi.get("questions"):
        problems.append((step_at, document.said("step_needs_questions")))
    unit = kpi.get("unit")
    if unit not in tuple(KpiUnit):
        return problems  # the structure pass has said so already
    low, high = UNIT_RANGES[KpiUnit(unit)]
    unit_range = {"unit": unit, "low": f"{low:g}", "high": f"{high:g}"}
    if step is not None and not 0 < step <= high - low:
        span = {"span": f"{high - low:g}", "step": f"{step:g}"}
        problems.append((step_at, document.said("step_out_of_range", **span, **unit_range)))
    if fixed is not None and not low <= fixed <= high:
        message = document.said("target_out_of_range", fixed=f"{fixed:g}", **unit_range)
        problems.append((fixed_at, message))
    return problems


def _number(value: Any) -> float | None:
    """The value if it is a number (YAML's true and false are not); else the structure pass
    reports it."""
    return value if isinstance(value, int | float) and not isinstance(value, bool) else None


def _question_problems(
    data: dict, kpis: list[tuple[int, dict]], questionnaire: Questionnaire
) -> Found:
    mismatch = document.other_questionnaire(data, questionnaire.id, "other_questionnaire_kpis")
    if mismatch:
        return mismatch  # every question would be reported otherwise
    known = {q.id for _, q in questionnaire.questions()}
    problems: Found = []
    for i, kpi in kpis:
        listed = kpi.get("questions")
        for j, ref in enumerate(listed if isinstance(listed, list) else []):
            if isinstance(ref, str) and ref not in known:
                where = ("kpis", i, "questions", j)
                problems.append(
                    (where, document.unknown_reference("question", ref, questionnaire.id))
                )
    return problems
