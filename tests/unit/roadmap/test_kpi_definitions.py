"""The pilot's KPI definitions (roadmaps/kpis.yaml): the shipped file gives the five indicators,
the action library carries them to the roadmap, and every mistake a consultant can make in the
file is reported with its file, line and location."""

import re
from datetime import date

import pytest

from assessment.questionnaire import DEFAULT_QUESTIONNAIRE, load_questionnaire
from assessment.roadmap import (
    DEFAULT_KPIS,
    DEFAULT_LIBRARY,
    KpiDefinition,
    KpiUnit,
    LibraryError,
    generate_roadmap,
    load_kpis,
    load_library,
    parse_kpis,
    parse_library,
)
from assessment.roadmap.kpis import KpiFile
from assessment.yaml_document import format_location
from tests.paths import FIXTURES, ROOT

BROKEN = FIXTURES / "kpis_broken"
QUESTIONNAIRE = load_questionnaire(DEFAULT_QUESTIONNAIRE)

# One fixture per kind of mistake, and the one message a consultant reads for it.
CASES = [
    (
        "yaml_syntax",
        "yaml_syntax.yaml:20: YAML syntax error: did not find expected ',' or '}' "
        "(while parsing a flow mapping that starts on line 19)",
    ),
    ("missing_field", "missing_field.yaml:17: kpis[1].owner: required field is missing"),
    ("wrong_type", "wrong_type.yaml:16: kpis[0].step: must be a valid number (got 'twenty-five')"),
    (
        "unknown_unit",
        "unknown_unit.yaml:18: kpis[1].unit: unknown unit 'days' "
        "(use score, percent, enps or hours)",
    ),
    (
        "duplicate_id",
        "duplicate_id.yaml:17: kpis[1].id: duplicate KPI id 'knowledge' "
        "(already used at kpis[0].id)",
    ),
    ("duplicate_key", "duplicate_key.yaml:8: kpis[0].unit: duplicate key (also on line 7)"),
    (
        "missing_translation",
        "missing_translation.yaml:8: kpis[0].name.en: missing translation (en)",
    ),
    (
        "unknown_question",
        "unknown_question.yaml:12: kpis[0].questions[0]: unknown question "
        "'culture_knowledge_share' (not in questionnaire 'transformation')",
    ),
    (
        "wrong_questionnaire",
        "wrong_questionnaire.yaml:4: questionnaire: this KPI file is for questionnaire "
        "'minimal', not 'transformation'",
    ),
    (
        "unknown_key",
        "unknown_key.yaml:17: kpis[0].weight: unknown key "
        "(check the spelling; see roadmaps/README.md)",
    ),
    (
        "step_out_of_range",
        "step_out_of_range.yaml:16: kpis[0].step: must be above 0 and at most 100 "
        "for the score unit (0 to 100), got 150",
    ),
    (
        "target_out_of_range",
        "target_out_of_range.yaml:26: kpis[1].fixed_target: 120 is outside the range "
        "of the percent unit (0 to 100)",
    ),
    (
        "step_and_fixed_target",
        "step_and_fixed_target.yaml:17: kpis[0].fixed_target: "
        "give either a step or a fixed_target, not both",
    ),
    (
        "step_without_questions",
        "step_without_questions.yaml:15: kpis[0].step: a step needs questions: "
        "without a baseline from the assessment, there is nothing to add it to",
    ),
]


def valid_kpi_file(tmp_path):
    """A two-KPI file of the consultant's own: the unknown_key fixture, corrected."""
    text = (BROKEN / "unknown_key.yaml").read_text(encoding="utf-8").replace("    weight: 2\n", "")
    path = tmp_path / "kpis.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(("name", "expected"), CASES, ids=[c[0] for c in CASES])
def test_a_broken_kpi_file_is_rejected_with_file_line_and_location(name, expected):
    with pytest.raises(LibraryError) as error:
        load_kpis(BROKEN / f"{name}.yaml", QUESTIONNAIRE)
    assert [str(p) for p in error.value.problems] == [expected]


def test_every_broken_kpi_fixture_has_a_case():
    assert {p.stem for p in BROKEN.glob("*.yaml")} == {name for name, _ in CASES}


def test_the_shipped_file_defines_the_five_pilot_kpis_in_both_languages():
    kpis = load_kpis(DEFAULT_KPIS, QUESTIONNAIRE).kpis
    assert [(k.id, k.unit) for k in kpis] == [
        ("productivity", KpiUnit.hours),
        ("knowledge_management", KpiUnit.score),
        ("employee_satisfaction", KpiUnit.score),
        ("employee_advocacy", KpiUnit.enps),
        ("participation", KpiUnit.percent),
    ]
    productivity, knowledge, satisfaction, _, participation = kpis
    assert productivity.name.fr == "Productivité : temps passé à chercher"
    assert productivity.name.en == "Productivity: time spent searching"
    assert "(“how many hours this week?”)" in productivity.method.en
    assert "(« combien d’heures cette semaine ? »)" in productivity.method.fr
    assert knowledge.questions == ["culture_knowledge_sharing", "tools_search_and_tagging"]
    assert (knowledge.step, satisfaction.step) == (25, 25)
    assert (participation.fixed_target, participation.step) == (60, None)


def test_the_action_library_carries_the_kpis_to_the_roadmap():
    library = load_library(DEFAULT_LIBRARY, QUESTIONNAIRE)
    assert library.kpis == load_kpis(DEFAULT_KPIS, QUESTIONNAIRE).kpis
    text_library = parse_library(DEFAULT_LIBRARY.read_text(encoding="utf-8"), "actions.yaml")
    assert [k.id for k in text_library.kpis] == [k.id for k in library.kpis]


def test_a_kpi_file_of_ones_own_gives_the_roadmap_its_indicators(tmp_path):
    library = load_library(DEFAULT_LIBRARY, QUESTIONNAIRE, kpi_file=valid_kpi_file(tmp_path))
    answers = {q.id: 3 for _, q in QUESTIONNAIRE.questions()} | {"culture_knowledge_sharing": 2}
    roadmap = generate_roadmap(QUESTIONNAIRE, answers, None, library, date(2026, 1, 5))
    assert [k.id for k in roadmap.kpis] == ["knowledge", "participation"]
    knowledge = roadmap.kpi("knowledge")
    assert (knowledge.baseline, knowledge.target) == (25, 50)  # level 2, plus the step of 25
    assert knowledge.name.en == "Knowledge"
    assert roadmap.kpi("participation").target == 60


def test_a_broken_kpi_file_keeps_the_library_out_naming_the_kpi_file():
    with pytest.raises(LibraryError) as error:
        load_library(DEFAULT_LIBRARY, QUESTIONNAIRE, kpi_file=BROKEN / "unknown_unit.yaml")
    assert [str(p) for p in error.value.problems] == [dict(CASES)["unknown_unit"]]


def test_every_problem_of_the_kpi_file_is_reported_at_once_in_line_order():
    mistakes = {  # right → wrong, each at its first place in the shipped file
        "unit: hours": "unit: minutes",  # kpis[0]
        "step: 25": "step: 250",  # kpis[1]
        "id: participation": "id: productivity",  # kpis[4]
    }
    text = DEFAULT_KPIS.read_text(encoding="utf-8")
    for right, wrong in mistakes.items():
        text = text.replace(right, wrong, 1)
    with pytest.raises(LibraryError) as error:
        parse_kpis(text, "kpis.yaml", QUESTIONNAIRE)
    found = {format_location(p.location): p.message for p in error.value.problems}
    assert list(found) == ["kpis[0].unit", "kpis[1].step", "kpis[4].id"], found
    assert [p.line for p in error.value.problems] == sorted(p.line for p in error.value.problems)
    assert found["kpis[0].unit"].startswith("unknown unit 'minutes'")
    assert found["kpis[1].step"].endswith("got 250")
    assert found["kpis[4].id"].startswith("duplicate KPI id 'productivity'")


def test_questions_are_checked_only_against_a_questionnaire():
    kpis = load_kpis(BROKEN / "unknown_question.yaml").kpis
    assert kpis[0].questions == ["culture_knowledge_share"]


def test_an_unreadable_kpi_file_names_the_file():
    with pytest.raises(LibraryError, match=r"nowhere\.yaml: cannot be read"):
        load_library(DEFAULT_LIBRARY, kpi_file=ROOT / "nowhere.yaml")


def test_kpis_written_in_the_action_library_are_refused():
    text = DEFAULT_LIBRARY.read_text(encoding="utf-8") + "kpis: []\n"
    with pytest.raises(LibraryError) as error:
        parse_library(text, "actions.yaml", QUESTIONNAIRE)
    assert [p.location for p in error.value.problems] == [("kpis",)]
    assert "unknown key" in str(error.value)


def test_the_readme_documents_every_key_of_the_kpi_file():
    readme = (ROOT / "roadmaps" / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Pilot KPIs: kpis.yaml", 1)[1]
    documented = set(re.findall(r"`([a-z_]+)`", section))
    for key in list(KpiFile.model_fields) + list(KpiDefinition.model_fields):
        assert key in documented, key
    for unit in KpiUnit:
        assert unit.value in documented, unit


def test_a_library_of_ones_own_for_another_questionnaire_keeps_the_shipped_kpis(minimal):
    """The shipped KPIs are written for the shipped questionnaire: with another one they load
    unchecked and simply find no baseline, as they did when they were Python."""
    library = load_library(FIXTURES / "roadmap_for_minimal.yaml", minimal)
    answers = {"share": 2, "sponsor": 3, "ambition": 4, "equipped": 2}
    roadmap = generate_roadmap(minimal, answers, None, library, date(2027, 1, 4))
    assert {k.id for k in roadmap.kpis} <= {k.id for k in library.kpis}
    assert "productivity" in {k.id for k in roadmap.kpis}
    assert all(k.baseline_questions == [] for k in roadmap.kpis)
