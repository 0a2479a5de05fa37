"""A roadmap for any model: a library states which questionnaires or themes it serves, and a
model no library serves gets a plan from its own gaps (weakest first, with reasons, in three
phases), never an error."""

from datetime import date

import pytest

from assessment import services
from assessment.questionnaire import DEFAULT_QUESTIONNAIRE, load_questionnaire
from assessment.roadmap import (
    DEFAULT_LIBRARY,
    GENERIC_LIBRARY,
    LibraryError,
    generate_roadmap,
    parse_library,
    serving_library,
)
from tests.paths import FIXTURES

MODEL = load_questionnaire(FIXTURES / "any_model" / "data_practice.yaml")
MINIMAL = load_questionnaire(FIXTURES / "minimal.yaml")
START = date(2027, 1, 4)


def answers_with(weak_theme: str) -> dict[str, int]:
    """Mostly (0.5) everywhere, "No" (0) on one theme's questions."""
    return {q.id: 1 if q.theme == weak_theme else 3 for _, q in MODEL.questions()}


def test_a_model_no_library_serves_gets_a_plan_from_its_own_gaps_in_three_phases():
    library = serving_library(DEFAULT_LIBRARY, MODEL)
    assert library.id == GENERIC_LIBRARY
    roadmap = generate_roadmap(MODEL, answers_with("backup"), None, library, START)
    assert [len(p.actions) > 0 for p in roadmap.phases] == [True, True, True]
    first_trial = roadmap.phases[1].actions[0]
    assert first_trial.title("en") == "Try one improvement to “Backups” with a volunteer team"
    [reason] = first_trial.reasons
    assert reason.kind == "theme"
    assert reason.text("en") == (
        "The theme “Backups” averages 0 / 100 over 6 answered questions (below 75)."
    )
    # the weakest dimension is the one whose owner is asked to agree what good looks like
    agreed = [a.id for a in roadmap.phases[0].actions]
    assert agreed == ["share_results", "agree_resilience"]
    assert roadmap.phases[2].actions[0].id == "spread_resilience"
    assert not roadmap.stall and roadmap.diagnoses == []


def test_the_plan_speaks_french_too_with_the_models_own_words():
    library = serving_library(DEFAULT_LIBRARY, MODEL)
    roadmap = generate_roadmap(MODEL, answers_with("backup"), None, library, START)
    trial = roadmap.phases[1].actions[0]
    assert (
        trial.title("fr").replace("\u00a0", " ")
        == "Tester une amélioration de « Backups » avec une équipe volontaire"
    )


def test_a_flat_model_gets_a_plan_a_team_can_carry_the_weakest_first():
    library = serving_library(DEFAULT_LIBRARY, MODEL)
    flat = {q.id: 3 for _, q in MODEL.questions()} | {
        q.id: 2 for _, q in MODEL.questions() if q.theme in ("retention", "logging")
    }
    roadmap = generate_roadmap(MODEL, flat, None, library, START)
    assert [len(p.actions) for p in roadmap.phases] == [3, 5, 3]
    # the two dimensions below the middle of the scale are to be agreed first
    assert {a.id for a in roadmap.phases[0].actions} == {
        "share_results",
        "agree_data",
        "agree_monitoring",
    }
    trials = [a.id for a in roadmap.phases[1].actions]
    assert trials[:2] == ["try_logging", "try_retention"]  # the two weakest themes first
    spread = {a.id for a in roadmap.phases[2].actions}
    assert {"spread_data", "spread_monitoring"} <= spread
    assert all(set(a.depends_on) <= set(trials) for a in roadmap.phases[2].actions)


def test_a_strong_model_has_only_the_shared_first_step():
    library = serving_library(DEFAULT_LIBRARY, MODEL)
    best = {q.id: 4 for _, q in MODEL.questions()}
    roadmap = generate_roadmap(MODEL, best, None, library, START)
    assert [a.id for p in roadmap.phases for a in p.actions] == ["share_results"]


def test_the_services_give_the_generic_plan_to_a_model_of_ones_own():
    library = services.action_library(MODEL)
    assert library.id == GENERIC_LIBRARY
    assert services.action_library(load_questionnaire(DEFAULT_QUESTIONNAIRE)).id == "default"


LIBRARY = """
id: shared
version: "1.0"
{serves}
title: {{fr: "Partagée", en: "Shared"}}
actions:
  - id: restore_drill
    phase: pilot
    title: {{fr: "Exercice de restauration", en: "Restore drill"}}
    rationale: {{fr: "Prouver la restauration.", en: "Prove restores work."}}
    owner: {{fr: "Exploitation", en: "Operations"}}
    effort: low
    duration_weeks: 2
    themes: [backup]
    when: {{theme: backup, below: 60}}
  - id: culture_talk
    phase: awareness
    title: {{fr: "Parler culture", en: "Talk culture"}}
    rationale: {{fr: "La culture d’abord.", en: "Culture first."}}
    owner: {{fr: "RH", en: "HR"}}
    effort: low
    duration_weeks: 1
    themes: [knowledge_sharing]
    when: always
"""


def test_a_library_serving_several_questionnaires_by_id_is_checked_against_each():
    library = parse_library(LIBRARY.format(serves="questionnaires: [data_practice]"), "l.yaml")
    assert library.serves(MODEL) and not library.serves(MINIMAL)


def test_a_library_serving_themes_gives_a_model_the_actions_it_can_use():
    library = parse_library(LIBRARY.format(serves="themes: [backup]"), "l.yaml", MODEL)
    served = library.for_questionnaire(MODEL)
    assert [a.id for a in served.actions] == ["restore_drill"]  # culture_talk names no theme of it
    roadmap = generate_roadmap(MODEL, answers_with("backup"), None, served, START)
    assert [a.id for p in roadmap.phases for a in p.actions] == ["restore_drill"]


def test_a_library_that_names_nothing_it_serves_is_located():
    with pytest.raises(LibraryError) as error:
        parse_library(LIBRARY.format(serves=""), "l.yaml")
    assert str(error.value.problems[0]).startswith(
        "l.yaml:2: the library names no questionnaire it serves"
    )
