"""The roadmap's action library: the shipped file loads, and every mistake a consultant can make
is reported with its file, line and location."""

import re
from collections import Counter

import pytest

from assessment.questionnaire import DEFAULT_QUESTIONNAIRE, load_questionnaire
from assessment.roadmap import (
    DEFAULT_LIBRARY,
    PHASES,
    Action,
    Condition,
    LibraryError,
    load_library,
    parse_library,
)
from tests.paths import ROOT

BROKEN = ROOT / "tests" / "fixtures" / "roadmap_broken"
QUESTIONNAIRE = load_questionnaire(DEFAULT_QUESTIONNAIRE)

# One fixture per kind of mistake: (file, the beginning of the message a consultant reads).
CASES = [
    (
        "yaml_syntax",
        "yaml_syntax.yaml:10: YAML syntax error: did not find expected ',' or '}' "
        "(while parsing a flow mapping that starts on line 9)",
    ),
    ("missing_field", "missing_field.yaml:16: actions[1].owner: required field is missing"),
    ("wrong_type", "wrong_type.yaml:22: actions[1].duration_weeks: must be a valid integer"),
    (
        "duplicate_id",
        "duplicate_id.yaml:16: actions[1].id: duplicate action id 'brief' "
        "(already used at actions[0].id)",
    ),
    (
        "unknown_theme",
        "unknown_theme.yaml:14: actions[0].themes[0]: unknown theme 'executive_sponsoring' "
        "(not in questionnaire 'transformation')",
    ),
    (
        "unknown_question",
        "unknown_question.yaml:36: actions[2].when[0].question: unknown question "
        "'ex_peer_recognition' (not in questionnaire 'transformation')",
    ),
    (
        "unknown_dimension",
        "unknown_dimension.yaml:23: actions[1].dimensions[0]: unknown dimension 'technology'",
    ),
    (
        "missing_translation",
        "missing_translation.yaml:18: actions[1].title.en: missing translation (en)",
    ),
    (
        "unknown_phase",
        "unknown_phase.yaml:28: actions[2].phase: unknown phase 'rollout' "
        "(use awareness, pilot or diffusion)",
    ),
    (
        "unknown_dependency",
        "unknown_dependency.yaml:37: actions[2].depends_on[1]: unknown action 'train'",
    ),
    (
        "dependency_cycle",
        "dependency_cycle.yaml:16: actions[0].depends_on: dependency cycle: "
        "brief → sponsor → brief",
    ),
    ("unknown_key", "unknown_key.yaml:13: actions[0].cost: unknown key"),
    (
        "bad_condition",
        "bad_condition.yaml:25: actions[1].when[0]: a condition names exactly one of "
        "dimension, theme, question, stall, diagnosis or always (found: dimension, question)",
    ),
    (
        "missing_threshold",
        "missing_threshold.yaml:36: actions[2].when[0]: 'question' needs a threshold",
    ),
    (
        "later_phase_dependency",
        "later_phase_dependency.yaml:16: actions[0].depends_on[0]: depends on 'spread' of the "
        "diffusion phase, which comes after this action's awareness phase",
    ),
    (
        "wrong_questionnaire",
        "wrong_questionnaire.yaml:4: questionnaire: this library is for questionnaire "
        "'minimal', not 'transformation'",
    ),
    (
        "addresses_nothing",
        "addresses_nothing.yaml:16: actions[1]: must address at least one theme, question or "
        "dimension",
    ),
]


@pytest.mark.parametrize(("name", "expected"), CASES, ids=[c[0] for c in CASES])
def test_a_broken_library_is_rejected_with_file_line_and_location(name, expected):
    with pytest.raises(LibraryError) as error:
        load_library(BROKEN / f"{name}.yaml", QUESTIONNAIRE)
    messages = [str(p) for p in error.value.problems]
    assert any(m.startswith(expected) for m in messages), messages


def test_every_broken_fixture_has_a_case():
    assert {p.stem for p in BROKEN.glob("*.yaml")} == {name for name, _ in CASES}


def test_the_shipped_library_loads_against_the_default_questionnaire():
    library = load_library(DEFAULT_LIBRARY, QUESTIONNAIRE)
    per_phase = Counter(action.phase for action in library.actions)
    assert set(per_phase) == set(PHASES)
    assert 15 <= len(library.actions) <= 22


def test_the_shipped_library_covers_the_method_and_the_weak_spots():
    library = load_library(DEFAULT_LIBRARY, QUESTIONNAIRE)
    ids = {action.id for action in library.actions}
    assert {"case_study_briefing", "executive_sponsor"} <= ids  # awareness
    assert {"pilot_scoping", "social_media_charter", "social_media_training"} <= ids  # pilot
    assert {"publish_pilot_results", "pilot_ambassadors"} <= ids  # diffusion
    # The six conditions for ambassadors, through the questions that measure them.
    addressed = {q for action in library.actions for q in action.questions} | {
        c.question for action in library.actions for c in action.when if c.question
    }
    for question in (
        "ex_appreciated_trusted",  # appreciated
        "ex_well_informed",  # informed
        "ex_social_network_support",  # encouraged and accompanied
        "ex_time_and_means",  # time and know-how
        "ex_peer_exchange_recognition",  # peer exchange and recognition
    ):
        assert question in addressed, question
    triggers = {(c.subject, c.dimension) for action in library.actions for c in action.when}
    assert {("dimension", "tools"), ("dimension", "culture")} <= triggers
    assert ("dimension", "employee_experience") in triggers
    assert ("stall", None) in triggers


def test_every_problem_is_reported_at_once_in_line_order():
    text = DEFAULT_LIBRARY.read_text(encoding="utf-8")
    text = text.replace("duration_weeks: 3\n", "duration_weeks: 0\n", 1)
    text = text.replace("depends_on: [pilot_scoping]", "depends_on: [pilot_scoping, nowhere]", 1)
    text = text.replace("phase: diffusion", "phase: rollout", 1)
    with pytest.raises(LibraryError) as error:
        parse_library(text, "actions.yaml", QUESTIONNAIRE)
    problems = error.value.problems
    assert len(problems) == 3, [str(p) for p in problems]
    assert [p.line for p in problems] == sorted(p.line for p in problems)
    assert "greater than or equal to 1" in str(problems[0])
    assert "unknown action 'nowhere'" in str(problems[1])
    assert "unknown phase 'rollout'" in str(problems[2])


def test_conditions_accept_the_always_and_single_mapping_shorthands():
    fixed = (
        (BROKEN / "missing_threshold.yaml")
        .read_text(encoding="utf-8")
        .replace(
            "    when:\n      - {question: ex_peer_exchange_recognition}\n",
            "    when: {question: ex_peer_exchange_recognition, below: 50}\n",
        )
    )
    library = parse_library(fixed, "shorthand.yaml", QUESTIONNAIRE)
    assert library.action("brief").when == [Condition(always=True)]
    assert library.action("spread").when == [
        Condition(question="ex_peer_exchange_recognition", below=50)
    ]


def test_a_library_can_be_checked_without_a_questionnaire():
    library = load_library(BROKEN / "unknown_theme.yaml")  # references are not checked
    assert library.action("brief").themes == ["executive_sponsoring"]


def test_an_unreadable_library_names_the_file():
    with pytest.raises(LibraryError, match=r"nowhere\.yaml: cannot be read"):
        load_library(ROOT / "nowhere.yaml")


def test_the_readme_documents_every_key_of_an_action_and_a_condition():
    readme = (ROOT / "roadmaps" / "README.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"`([a-z_]+)`", readme))
    for key in list(Action.model_fields) + list(Condition.model_fields):
        assert key in documented, key


def test_the_readme_example_is_a_valid_library():
    readme = (ROOT / "roadmaps" / "README.md").read_text(encoding="utf-8")
    example = readme.split("## A tiny example", 1)[1].split("```yaml\n", 1)[1].split("```")[0]
    library = parse_library(example, "README.md", QUESTIONNAIRE)
    assert [a.id for a in library.actions] == ["executive_sponsor", "social_media_charter"]
