"""People before tools in the roadmap: when tools run ahead of culture and employee experience,
culture, support, training and recognition come before any new tool, and the reasons say why."""

import pytest

from assessment.questionnaire import parse_questionnaire
from assessment.roadmap import (
    DEFAULT_LIBRARY,
    generate_roadmap,
    load_library,
    parse_library,
    priority_notes,
)
from assessment.roadmap.library import LibraryError
from tests.paths import ROOT
from tests.samples import ORGANISATIONS, organisation
from tests.unit.roadmap.scenarios import LIBRARY, QUESTIONNAIRE, START, plan

PEOPLE_ACTIONS = {
    "people_before_tools",  # culture
    "open_collaboration",  # culture
    "encourage_and_coach",  # support
    "time_and_know_how",  # support: time and means
    "social_media_training",  # training
    "peer_exchange_recognition",  # recognition
}
NEW_TOOLS = {"collaboration_space", "advocacy_tool"}


def tools_ahead_with_a_tool_gap() -> dict:
    """Tools at 75 but its collaboration-tools questions weak; culture and experience at 0."""
    answers = organisation(customer=1, tools=5, people=1)
    for _, question in QUESTIONNAIRE.questions():
        if question.theme == "collaboration_tools":
            answers[question.id] = 1
    return answers


def order(roadmap) -> list[tuple[str, str]]:
    return [(p.phase.value, a.id) for p in roadmap.phases for a in p.actions]


@pytest.mark.parametrize("name", ["tools_heavy", "both"])
def test_people_actions_are_proposed_and_come_first_in_their_phase(name):
    roadmap = plan(ORGANISATIONS[name])
    assert roadmap.diagnoses == ["tools_ahead_of_people"]
    proposed = {a.id for p in roadmap.phases for a in p.actions}
    assert proposed >= PEOPLE_ACTIONS
    for phase in roadmap.phases:
        # an action that does not answer the warning comes before one that does only when
        # the latter waits for it
        for i, earlier in enumerate(phase.actions):
            if any(r.kind == "diagnosis" for r in earlier.reasons):
                continue
            for later in phase.actions[i + 1 :]:
                if any(r.kind == "diagnosis" for r in later.reasons):
                    assert earlier.id in waits_for(later.id), (earlier.id, later.id)


def waits_for(action_id: str) -> set[str]:
    """Every action this one depends on, directly or not."""
    found, todo = set(), [action_id]
    while todo:
        for dependency in LIBRARY.action(todo.pop()).depends_on:
            if dependency not in found:
                found.add(dependency)
                todo.append(dependency)
    return found


def test_no_new_tool_comes_before_culture_support_training_and_recognition():
    roadmap = plan(tools_ahead_with_a_tool_gap())
    assert "tools_ahead_of_people" in roadmap.diagnoses
    pilot = next(p for p in roadmap.phases if p.phase == "pilot")
    ids = [a.id for a in pilot.actions]
    assert "collaboration_space" in ids
    first_tool = min(ids.index(t) for t in NEW_TOOLS if t in ids)
    assert all(ids.index(a) < first_tool for a in PEOPLE_ACTIONS if a in ids)


def test_the_reasons_name_the_figures_and_the_priority_in_both_languages():
    roadmap = plan(ORGANISATIONS["tools_heavy"])
    action = next(a for p in roadmap.phases for a in p.actions if a.id == "time_and_know_how")
    reason = next(r for r in action.reasons if r.kind == "diagnosis")
    assert (reason.subject, reason.score, reason.threshold) == ("tools_ahead_of_people", 100, 15)
    assert reason.text.en == (
        "Tools ahead of people: Tools and digital workplace (100 / 100) leads Culture and"
        " Employee experience (0 / 100) by 100 points (threshold 15)."
    )
    assert reason.text.fr.startswith("Les outils avant les personnes")
    priority = next(r for r in action.reasons if r.kind == "diagnosis_priority")
    assert "“Tools ahead of people”" in priority.text.en
    assert "« Les outils avant les personnes »" in priority.text.fr.replace("\u00a0", " ")


@pytest.mark.parametrize("name", ["stalled", "balanced"])
def test_without_the_warning_the_roadmap_is_what_it_was(name):
    """The same plan as a questionnaire that declares no diagnosis (the stall alone)."""
    shipped = (ROOT / "questionnaires" / "transformation.yaml").read_text(encoding="utf-8")
    start, end = shipped.index("diagnoses:\n"), shipped.index("\n# Theme tags")
    undeclared = parse_questionnaire(shipped[:start] + shipped[end:])
    unchecked = load_library(DEFAULT_LIBRARY)
    before = generate_roadmap(undeclared, ORGANISATIONS[name], None, unchecked, START)
    now = plan(ORGANISATIONS[name])
    assert order(now) == order(before) and now.diagnoses == []
    assert now.stall == before.stall == (name == "stalled")


def test_a_library_naming_an_unknown_diagnosis_is_refused_with_its_line():
    text = (ROOT / "roadmaps" / "actions.yaml").read_text(encoding="utf-8")
    broken = text.replace("{diagnosis: tools_ahead_of_people}", "{diagnosis: tool_ahead}", 1)
    line = text[: text.index("{diagnosis: tools_ahead_of_people}")].count("\n") + 1
    with pytest.raises(LibraryError) as error:
        parse_library(broken, "actions.yaml", QUESTIONNAIRE)
    assert any(
        str(p).startswith(f"actions.yaml:{line}: ") and "unknown diagnosis 'tool_ahead'" in str(p)
        for p in error.value.problems
    ), [str(p) for p in error.value.problems]
    assert LIBRARY  # the shipped library names only diagnoses the questionnaire declares


def test_the_roadmap_says_which_warning_puts_its_answers_first():
    roadmap = plan(ORGANISATIONS["tools_heavy"])
    english, french = (priority_notes(QUESTIONNAIRE, roadmap, lang) for lang in ("en", "fr"))
    assert english[0].startswith("Tools ahead of people: in each phase, the actions")
    assert "Before any new tool" in english[0]
    assert french[0].startswith("Les outils avant les personnes")
    assert priority_notes(QUESTIONNAIRE, plan(ORGANISATIONS["stalled"]), "en") == []
