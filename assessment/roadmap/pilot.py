"""The pilot of the roadmap: which team, why, for how long, and the indicators that will prove
it worked (with their baseline from the assessment where it measures the same thing). What each
indicator is comes from roadmaps/kpis.yaml, carried by the action library (:mod:`.kpis`)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date

from pydantic import Field

from assessment.i18n import text_of
from assessment.models import Frozen, Questionnaire, Text
from assessment.profile import SIZE_CLASSES, Profile
from assessment.results import Result
from assessment.roadmap.kpis import UNIT_RANGES, Better, KpiDefinition, KpiUnit
from assessment.roadmap.text import number

PILOT_WEEKS = 13  # three months, the domain's default
TECH_SECTORS = ("J", "M")  # information & communication; professional, scientific, technical
INTERNAL_DIMENSIONS = ("culture", "tools", "employee_experience")


class Pilot(Frozen):
    team: str = Field(description="communications | technology | whole_organisation")
    team_label: Text
    reason: Text
    scope: Text
    duration_weeks: int
    start: date
    end: date
    participants: Text
    success_criteria: list[Text]


class Kpi(Frozen):
    id: str
    name: Text
    definition: Text
    method: Text
    source: Text
    unit: KpiUnit
    baseline: float | None
    baseline_note: Text
    baseline_questions: list[str] = Field(description="Assessment questions behind the baseline")
    target: float | None
    target_rule: Text
    frequency: Text
    owner: Text
    start: date
    end: date
    edited: list[str] = Field(default_factory=list, description="Fields a user changed")
    better: Better = "higher"
    gating: bool = True


ADVOCACY_KPI = "employee_advocacy"  # shown only when the roadmap works on employee advocacy


# --- scores ---------------------------------------------------------------------------------


def mean_score(
    questionnaire: Questionnaire, answers: Mapping[str, int | None], question_ids: Iterable[str]
) -> tuple[float | None, int]:
    """Weighted mean score (0-100) of the answered questions among these, and how many."""
    known = {q.id: q for _, q in questionnaire.questions()}
    pairs = [
        (questionnaire.choice(known[qid], answers[qid]).score, known[qid].weight)
        for qid in dict.fromkeys(question_ids)
        if qid in known and answers.get(qid) is not None
    ]
    if not pairs:
        return None, 0
    return sum(s * w for s, w in pairs) / sum(w for _, w in pairs), len(pairs)


# --- the pilot ------------------------------------------------------------------------------


def suggest_pilot(
    questionnaire: Questionnaire,
    result: Result,
    profile: Profile | None,
    start: date,
    end: date,
    weeks: int = PILOT_WEEKS,
) -> Pilot:
    """The team to pilot in: the whole team of a micro-company, a technical team where the
    business is technical or where tools lag most, otherwise communications (the method's
    first choice: people already at ease with social networks)."""
    team, reason = _pilot_team(questionnaire, result, profile)
    size = profile.size_class if profile else None
    months = max(1, round(weeks * 7 / 30.4))
    return Pilot(
        team=team,
        team_label=text_of(f"team.{team}"),
        reason=reason,
        scope=text_of("roadmap.pilot_scope", team=text_of(f"team.{team}"), months=months),
        duration_weeks=weeks,
        start=start,
        end=end,
        participants=text_of("roadmap.participants", people=_people(size)),
        success_criteria=[
            text_of(key)
            for key in (
                "roadmap.criterion_measured",
                "roadmap.criterion_targets",
                "roadmap.criterion_active",
                "roadmap.criterion_ambassadors",
            )
        ],
    )


def _pilot_team(
    questionnaire: Questionnaire, result: Result, profile: Profile | None
) -> tuple[str, Text]:
    if profile and profile.size_class == "1-9":
        return "whole_organisation", text_of("roadmap.pilot_reason_micro")
    if profile and profile.sector in TECH_SECTORS:
        sector = text_of(f"sector.{profile.sector}")
        return "technology", text_of("roadmap.pilot_reason_sector", sector=sector)
    scored = {
        d.id: d.score
        for d in result.dimensions
        if d.id in INTERNAL_DIMENSIONS and d.score is not None
    }
    tools = scored.pop("tools", None)
    if tools is not None and tools < 50 and all(tools < other for other in scored.values()):
        title = questionnaire.dimension("tools").title
        return "technology", text_of("roadmap.pilot_reason_tools", title=title, score=number(tools))
    return "communications", text_of("roadmap.pilot_reason_communications")


# --- indicators -----------------------------------------------------------------------------


def pilot_kpis(
    definitions: Sequence[KpiDefinition],
    questionnaire: Questionnaire,
    answers: Mapping[str, int | None],
    start: date,
    end: date,
    *,
    advocacy: bool,
) -> list[Kpi]:
    """The pilot's indicators; the eNPS only when the roadmap works on employee advocacy."""
    return [
        _kpi(spec, questionnaire, answers, start, end)
        for spec in definitions
        if advocacy or spec.id != ADVOCACY_KPI
    ]


def _kpi(
    spec: KpiDefinition,
    questionnaire: Questionnaire,
    answers: Mapping[str, int | None],
    start: date,
    end: date,
) -> Kpi:
    baseline, count = mean_score(questionnaire, answers, spec.questions)
    if baseline is not None:
        baseline = round(baseline, 1)
        note = text_of("roadmap.baseline_from_assessment", count=count)
        if count == 1:
            note = text_of("roadmap.baseline_from_one_answer")
    else:
        note = text_of("roadmap.baseline_to_measure")
    target = spec.fixed_target
    if spec.step is not None and baseline is not None:
        target = min(UNIT_RANGES[spec.unit][1], round(baseline + spec.step))
    return Kpi(
        id=spec.id,
        unit=spec.unit,
        baseline=baseline,
        baseline_note=note,
        baseline_questions=[
            q for q in spec.questions if answers.get(q) is not None and _has(questionnaire, q)
        ],
        target=target,
        start=start,
        end=end,
        better=spec.better,
        gating=spec.gating,
        **spec.texts(),
    )


def _has(questionnaire: Questionnaire, question_id: str) -> bool:
    return any(q.id == question_id for _, q in questionnaire.questions())


def _people(size_class: str | None) -> Text:
    """How many people the pilot takes, by the organisation's size."""
    return text_of(f"participants.{size_class if size_class in SIZE_CLASSES else 'default'}")
