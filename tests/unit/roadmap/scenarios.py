"""Contrasting assessments of the shipped questionnaire and the roadmaps they get, shared by the
roadmap tests."""

from datetime import date

from assessment.profile import Profile
from assessment.questionnaire import DEFAULT_QUESTIONNAIRE, load_questionnaire
from assessment.roadmap import DEFAULT_LIBRARY, Roadmap, generate_roadmap, load_library

QUESTIONNAIRE = load_questionnaire(DEFAULT_QUESTIONNAIRE)
LIBRARY = load_library(DEFAULT_LIBRARY, QUESTIONNAIRE)
START = date(2026, 1, 5)  # a Monday
DIMENSION_OF = {q.id: d.id for d, q in QUESTIONNAIRE.questions()}
SIDE_OF = {q.id: d.side_of(q).value for d, q in QUESTIONNAIRE.questions()}
METHOD_STEPS = {
    "case_study_briefing",
    "executive_sponsor",
    "pilot_scoping",
    "pilot_indicators",
    "run_pilot",
    "publish_pilot_results",
    "pilot_ambassadors",
}


def answers(default: int, **by_dimension: int) -> dict[str, int]:
    """Every question at ``default``, except the dimensions given."""
    return {qid: by_dimension.get(dimension, default) for qid, dimension in DIMENSION_OF.items()}


ALL_WEAK = answers(1)
ALL_STRONG = answers(5)
TOOLS_ONLY_WEAK = answers(4, tools=2)
# Customer-facing ambition at the top, the internal side at "emerging".
STALL = {qid: 5 if side == "customer" else 2 for qid, side in SIDE_OF.items()}


def plan(given: dict, profile: Profile | None = None, library=LIBRARY) -> Roadmap:
    return generate_roadmap(QUESTIONNAIRE, given, profile, library, START)


def ids(roadmap: Roadmap, phase: str | None = None) -> list[str]:
    return [a.id for a in roadmap.actions() if phase is None or a.phase == phase]


def reasons(roadmap: Roadmap, action_id: str, lang: str = "en") -> list[str]:
    return [reason.text(lang) for reason in roadmap.action(action_id).reasons]


def profile(sector: str = "C", size_class: str = "50-249") -> Profile:
    return Profile(
        organisation="Acme", sector=sector, size_class=size_class, country="FR", role="hr"
    )


SCENARIOS = {
    "all weak": ALL_WEAK,
    "all strong": ALL_STRONG,
    "stall": STALL,
    "tools only weak": TOOLS_ONLY_WEAK,
}
