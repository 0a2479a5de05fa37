"""Diagnoses declared by the questionnaire: the stall and "tools ahead of people", judged on
organisations built for each, and what a raised one changes in the strengths."""

import pytest

from assessment.models import DiagnosisCompare
from assessment.questionnaire import QuestionnaireError, parse_questionnaire
from assessment.scoring import declared_diagnoses, made_of, score
from tests.paths import FIXTURES, ROOT
from tests.samples import ORGANISATIONS, QUESTIONNAIRE, organisation

DEFAULT_TEXT = (ROOT / "questionnaires" / "transformation.yaml").read_text(encoding="utf-8")
MINIMAL_TEXT = (FIXTURES / "minimal.yaml").read_text(encoding="utf-8")
EXPECTED = {
    "tools_heavy": {"tools_ahead_of_people"},
    "stalled": {"stall"},
    "balanced": set(),
    "both": {"stall", "tools_ahead_of_people"},
}


@pytest.mark.parametrize("name", list(EXPECTED))
def test_each_organisation_raises_the_diagnoses_it_was_built_for(name):
    result = score(QUESTIONNAIRE, ORGANISATIONS[name])
    assert {d.id for d in result.raised} == EXPECTED[name]
    assert result.symmetry.stall == ("stall" in EXPECTED[name])


def test_tools_ahead_of_people_compares_tools_with_the_mean_of_culture_and_experience():
    result = score(QUESTIONNAIRE, ORGANISATIONS["tools_heavy"])
    judged = next(d for d in result.diagnoses if d.id == "tools_ahead_of_people")
    assert (judged.ahead_score, judged.behind_score) == (100, 0)
    assert judged.gap == 100 and judged.threshold == 15
    # culture 50, employee experience 0: their mean is 25, tools 50 leads it by 25
    answers = organisation(customer=1, tools=3, people=1)
    answers.update({q.id: 3 for q in QUESTIONNAIRE.dimension("culture").questions})
    judged = next(d for d in score(QUESTIONNAIRE, answers).diagnoses if d.id != "stall")
    assert (judged.ahead_score, judged.behind_score, judged.gap) == (50, 25, 25)


def test_the_warning_fires_from_the_threshold_on():
    def judged(levels: dict):
        answers = organisation(customer=1, tools=3, people=3)
        answers.update(levels)
        return next(d for d in score(QUESTIONNAIRE, answers).diagnoses if d.id != "stall")

    tools = QUESTIONNAIRE.dimension("tools").ordered_questions()
    total = sum(q.weight for q in tools)  # 10.5: the eighth question weighs 1.5
    # the first six questions one level up: 6 × 25 / 10.5 = 14.3 points, below 15
    six = judged({q.id: 4 for q in tools[:6]})
    assert six.gap == pytest.approx(6 * 25 / total) and not six.raised
    # a seventh: 7 × 25 / 10.5 = 16.7 points, raised
    seven = judged({q.id: 4 for q in tools[:7]})
    assert seven.gap == pytest.approx(7 * 25 / total) and seven.raised
    # a threshold of 25 declared in the questionnaire: every question up reaches it exactly
    strict = QUESTIONNAIRE.model_copy(
        update={
            "diagnoses": [
                d.model_copy(update={"threshold": 25}) if d.id != "stall" else d
                for d in QUESTIONNAIRE.diagnoses
            ]
        }
    )
    answers = organisation(customer=1, tools=4, people=3)
    exact = next(d for d in score(strict, answers).diagnoses if d.id != "stall")
    assert (exact.gap, exact.threshold, exact.raised) == (25, 25, True)


def test_the_stall_diagnosis_is_the_symmetry_verdict():
    for answers in ORGANISATIONS.values():
        result = score(QUESTIONNAIRE, answers)
        stall = next(d for d in result.diagnoses if d.id == "stall")
        assert stall.compare is DiagnosisCompare.sides
        assert stall.raised == result.symmetry.stall
        assert stall.gap == result.symmetry.index
        assert stall.threshold == result.symmetry.stall_threshold


def test_the_default_questionnaire_stalls_as_it_did_before_declaring_diagnoses():
    start = DEFAULT_TEXT.index("diagnoses:\n")
    end = DEFAULT_TEXT.index("\n# Theme tags")
    undeclared = parse_questionnaire(DEFAULT_TEXT[:start] + DEFAULT_TEXT[end:])
    assert undeclared.diagnoses is None
    for answers in ORGANISATIONS.values():
        before, now = score(undeclared, answers), score(QUESTIONNAIRE, answers)
        assert before.symmetry == now.symmetry
        assert [d.id for d in before.diagnoses] == ["stall"]


def test_a_questionnaire_that_declares_nothing_keeps_the_stall(minimal):
    assert minimal.diagnoses is None
    assert [d.id for d in declared_diagnoses(minimal)] == ["stall"]
    result = score(minimal, {"ambition": 5, "equipped": 1, "share": 1})
    assert [d.id for d in result.raised] == ["stall"] and result.symmetry.stall


def test_a_questionnaire_may_declare_no_diagnosis_at_all():
    none = parse_questionnaire(MINIMAL_TEXT.replace("themes:\n", "diagnoses: []\nthemes:\n", 1))
    result = score(none, {"ambition": 5, "equipped": 1, "share": 1})
    assert result.diagnoses == [] and not result.symmetry.stall
    assert result.symmetry.index == 100  # the figures stay; no warning is raised


@pytest.mark.parametrize(
    ("name", "excluded"),
    [("tools_heavy", "tools"), ("both", "tools"), ("stalled", "customer")],
)
def test_what_a_raised_diagnosis_is_made_of_is_never_a_strength(name, excluded):
    result = score(QUESTIONNAIRE, ORGANISATIONS[name])
    if excluded == "tools":
        banned = {q.id for q in QUESTIONNAIRE.dimension("tools").questions}
    else:
        stall = next(d for d in declared_diagnoses(QUESTIONNAIRE) if d.id == "stall")
        banned = made_of(QUESTIONNAIRE, stall)
    strongest = {s.question_id for s in result.strongest}
    assert strongest and not strongest & banned


def test_a_balanced_organisation_keeps_its_best_answers_as_strengths():
    answers = organisation(customer=3, tools=4, people=4)
    result = score(QUESTIONNAIRE, answers)
    assert not result.raised
    assert {s.question_id.split("_")[0] for s in result.strongest} <= {"culture", "tools", "ex"}
    assert all(s.score == 75 for s in result.strongest)


TEXTS = '    title: {fr: "A", en: "A"}\n    explanation: {fr: "B", en: "B"}\n'
DIAGNOSES_YAML = "diagnoses:\n" + "".join(
    entry + TEXTS
    for entry in (
        "  - id: lead\n    compare: dimensions\n    ahead: [culture]\n    behind: [cultur]\n",
        "  - id: lead\n    compare: sides\n    ahead: [cx]\n    threshold: 20\n",
        "  - id: same\n    compare: dimensions\n    ahead: [culture]\n    behind: [culture]\n",
        "  - id: empty\n    compare: dimensions\n    ahead: [culture]\n",
        "  - id: other\n    compare: rows\n",
    )
)


def test_faulty_diagnoses_are_reported_each_with_its_line():
    text = MINIMAL_TEXT.replace("themes:\n", DIAGNOSES_YAML + "themes:\n", 1)
    with pytest.raises(QuestionnaireError) as error:
        parse_questionnaire(text, "mini.yaml")
    messages = [str(p) for p in error.value.problems]
    line = MINIMAL_TEXT[: MINIMAL_TEXT.index("themes:\n")].count("\n") + 1  # diagnoses:
    expected = [
        f"mini.yaml:{line + 4}: diagnoses[0].behind[0]: unknown dimension 'cultur'",
        f"mini.yaml:{line + 7}: diagnoses[1].id: duplicate diagnosis id 'lead'",
        f"mini.yaml:{line + 9}: diagnoses[1].ahead: the sides comparison takes no dimensions",
        f"mini.yaml:{line + 10}: diagnoses[1].threshold: the threshold of the sides comparison"
        " is symmetry.stall_threshold (15), not 20",
        f"mini.yaml:{line + 16}: diagnoses[2].behind: dimension 'culture' is on both hands",
        f"mini.yaml:{line + 19}: diagnoses[3].behind: a dimensions comparison needs",
        f"mini.yaml:{line + 25}: diagnoses[4].compare: must be 'sides' or 'dimensions'",
    ]
    for start in expected:
        assert any(m.startswith(start) for m in messages), (start, messages)
