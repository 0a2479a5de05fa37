"""The pilot of the roadmap: which team, why, for how long, and the indicators that will prove
it worked (with their baseline from the assessment where it measures the same thing)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from pydantic import Field

from assessment.models import Frozen, Questionnaire, Result, Text
from assessment.profile import SECTORS, Profile
from assessment.roadmap.text import PARTICIPANTS, TEAMS, number, say

PILOT_WEEKS = 13  # three months, the domain's default
TECH_SECTORS = ("J", "M")  # information & communication; professional, scientific, technical
INTERNAL_DIMENSIONS = ("culture", "tools", "employee_experience")


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


@dataclass(frozen=True)
class KpiSpec:
    """What an indicator is; baseline and dates come from the assessment and the schedule."""

    id: str
    unit: KpiUnit
    texts: dict[str, Text]  # name, definition, method, source, target_rule, frequency, owner
    questions: tuple[str, ...] = ()  # assessment questions measuring the same thing
    step: float | None = None  # target = baseline + step (capped to the unit's range)
    fixed_target: float | None = None


def _texts(**pairs: tuple[str, str]) -> dict[str, Text]:
    return {name: Text(fr=fr, en=en) for name, (fr, en) in pairs.items()}


KPI_SPECS: tuple[KpiSpec, ...] = (
    KpiSpec(
        "productivity",
        KpiUnit.hours,
        _texts(
            name=(
                "Productivité : temps passé à chercher",
                "Productivity: time spent searching",
            ),
            definition=(
                "Heures par semaine qu'un participant passe à chercher une information, un "
                "document ou la personne qui sait.",
                "Hours per week a participant spends looking for information, a document or "
                "the person who knows.",
            ),
            method=(
                "Une question hebdomadaire de deux minutes aux participants (« combien d'heures "
                "cette semaine ? ») ; on retient la médiane.",
                "A two-minute weekly question to participants (“how many hours this week?”); "
                "the median is kept.",
            ),
            source=("Sondage éclair des participants", "Pulse survey of participants"),
            target_rule=("20 % de moins que le point de départ", "20% below the baseline"),
            frequency=("Chaque semaine", "Weekly"),
            owner=("Responsable du pilote", "Pilot lead"),
        ),
    ),
    KpiSpec(
        "knowledge_management",
        KpiUnit.score,
        _texts(
            name=("Gestion des connaissances", "Knowledge management"),
            definition=(
                "Dans quelle mesure les participants trouvent et partagent le savoir de "
                "l'équipe, sur 100.",
                "How far participants find and share the team's knowledge, out of 100.",
            ),
            method=(
                "Les participants répondent aux questions du diagnostic sur le partage des "
                "connaissances et la recherche d'information ; moyenne ramenée sur 100 "
                "(niveau 1 = 0, niveau 5 = 100).",
                "Participants answer the assessment's questions on knowledge sharing and "
                "finding information; mean mapped to 0–100 (level 1 = 0, level 5 = 100).",
            ),
            source=(
                "Questions du diagnostic posées aux participants",
                "Assessment questions put to the participants",
            ),
            target_rule=(
                "Un niveau de l'échelle au-dessus du point de départ (+25 points)",
                "One level of the scale above the baseline (+25 points)",
            ),
            frequency=(
                "Au lancement, à mi-parcours et à la fin",
                "At launch, halfway and at the end",
            ),
            owner=("Responsable du pilote", "Pilot lead"),
        ),
        questions=("culture_knowledge_sharing", "tools_search_and_tagging"),
        step=25,
    ),
    KpiSpec(
        "employee_satisfaction",
        KpiUnit.score,
        _texts(
            name=("Satisfaction des collaborateurs", "Employee satisfaction"),
            definition=(
                "Le sentiment des participants d'être appréciés, soutenus par leurs pairs et "
                "reconnus, sur 100.",
                "Participants' sense of being appreciated, backed by their peers and "
                "recognised, out of 100.",
            ),
            method=(
                "Sondage anonyme reprenant les questions du diagnostic sur la reconnaissance et "
                "l'échange entre pairs ; moyenne ramenée sur 100.",
                "Anonymous survey repeating the assessment's questions on appreciation and peer "
                "exchange; mean mapped to 0–100.",
            ),
            source=("Sondage anonyme des participants", "Anonymous participant survey"),
            target_rule=(
                "Un niveau de l'échelle au-dessus du point de départ (+25 points)",
                "One level of the scale above the baseline (+25 points)",
            ),
            frequency=("Chaque mois", "Monthly"),
            owner=("Ressources humaines", "Human resources"),
        ),
        questions=("ex_appreciated_trusted", "ex_peer_exchange_recognition"),
        step=25,
    ),
    KpiSpec(
        "employee_advocacy",
        KpiUnit.enps,
        _texts(
            name=("Recommandation de l'employeur (eNPS)", "Employer recommendation (eNPS)"),
            definition=(
                "Part des participants qui recommanderaient l'entreprise comme employeur, moins "
                "la part de ceux qui la déconseilleraient.",
                "Share of participants who would recommend the company as an employer, minus "
                "the share who would advise against it.",
            ),
            method=(
                "« Recommanderiez-vous l'entreprise comme employeur à un proche ? », de 0 à 10 ; "
                "eNPS = % de 9 et 10 − % de 0 à 6.",
                "“Would you recommend the company as an employer to a friend?”, from 0 to 10; "
                "eNPS = % of 9s and 10s − % of 0 to 6.",
            ),
            source=("Sondage anonyme des participants", "Anonymous participant survey"),
            target_rule=("10 points au-dessus du point de départ", "10 points above the baseline"),
            frequency=("Au lancement et à la fin", "At launch and at the end"),
            owner=("Ressources humaines", "Human resources"),
        ),
    ),
    KpiSpec(
        "participation",
        KpiUnit.percent,
        _texts(
            name=("Participation", "Participation"),
            definition=(
                "Part des participants qui ont contribué au moins une fois dans la semaine "
                "(publication, réponse, partage).",
                "Share of participants who contributed at least once in the week (post, reply, "
                "share).",
            ),
            method=(
                "Participants actifs dans la semaine ÷ participants × 100.",
                "Active participants in the week ÷ participants × 100.",
            ),
            source=(
                "Statistiques d'usage de l'espace collaboratif",
                "Usage statistics of the shared workspace",
            ),
            target_rule=("Au moins 60 % en fin de pilote", "At least 60% by the end of the pilot"),
            frequency=("Chaque semaine", "Weekly"),
            owner=("Direction informatique", "IT department"),
        ),
        fixed_target=60,
    ),
)
ADVOCACY_KPI = "employee_advocacy"


# --- scores ---------------------------------------------------------------------------------


def mean_score(
    questionnaire: Questionnaire, answers: Mapping[str, int | None], question_ids: Iterable[str]
) -> tuple[float | None, int]:
    """Weighted mean score (0-100) of the answered questions among these, and how many."""
    known = {q.id: q for _, q in questionnaire.questions()}
    pairs = [
        (questionnaire.scale.score_of(answers[qid]), known[qid].weight)
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
        team_label=TEAMS[team],
        reason=reason,
        scope=say("pilot_scope", team=TEAMS[team], months=months),
        duration_weeks=weeks,
        start=start,
        end=end,
        participants=say("participants", people=PARTICIPANTS.get(size, PARTICIPANTS[None])),
        success_criteria=[
            say(key)
            for key in (
                "criterion_measured",
                "criterion_targets",
                "criterion_active",
                "criterion_ambassadors",
            )
        ],
    )


def _pilot_team(
    questionnaire: Questionnaire, result: Result, profile: Profile | None
) -> tuple[str, Text]:
    if profile and profile.size_class == "1-9":
        return "whole_organisation", say("pilot_reason_micro")
    if profile and profile.sector in TECH_SECTORS:
        sector = Text(**SECTORS[profile.sector])
        return "technology", say("pilot_reason_sector", sector=sector)
    scored = {
        d.id: d.score
        for d in result.dimensions
        if d.id in INTERNAL_DIMENSIONS and d.score is not None
    }
    tools = scored.pop("tools", None)
    if tools is not None and tools < 50 and all(tools < other for other in scored.values()):
        title = questionnaire.dimension("tools").title
        return "technology", say("pilot_reason_tools", title=title, score=number(tools))
    return "communications", say("pilot_reason_communications")


# --- indicators -----------------------------------------------------------------------------


def pilot_kpis(
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
        for spec in KPI_SPECS
        if advocacy or spec.id != ADVOCACY_KPI
    ]


def _kpi(
    spec: KpiSpec,
    questionnaire: Questionnaire,
    answers: Mapping[str, int | None],
    start: date,
    end: date,
) -> Kpi:
    baseline, count = mean_score(questionnaire, answers, spec.questions)
    if baseline is not None:
        baseline = round(baseline, 1)
        note = say("baseline_from_assessment", count=count)
        if count == 1:
            note = say("baseline_from_one_answer")
    else:
        note = say("baseline_to_measure")
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
        **spec.texts,
    )


def _has(questionnaire: Questionnaire, question_id: str) -> bool:
    return any(q.id == question_id for _, q in questionnaire.questions())
