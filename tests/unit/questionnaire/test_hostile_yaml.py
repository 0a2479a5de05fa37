"""Hostile YAML handed to any of the three parsers (questionnaire, action library, KPI file):
refused quickly with a located problem in the author's language, never a hang or a traceback."""

import time

import pytest

from assessment.questionnaire import (
    DEFAULT_QUESTIONNAIRE,
    QuestionnaireError,
    load_questionnaire,
    parse_questionnaire,
)
from assessment.roadmap import LibraryError, parse_kpis, parse_library
from assessment.scoring import score
from assessment.yaml_document import MAX_DOCUMENT_BYTES, DocumentError
from tests.hostile import alias_bomb, hostile_yamls
from tests.paths import ROOT

PARSERS = {
    "questionnaire": (parse_questionnaire, QuestionnaireError),
    "actions": (parse_library, LibraryError),
    "kpis": (parse_kpis, LibraryError),
}


@pytest.mark.parametrize("parser", PARSERS)
@pytest.mark.parametrize("case", hostile_yamls())
def test_a_hostile_file_is_refused_quickly_with_a_located_problem(parser, case):
    parse, error = PARSERS[parser]
    started = time.perf_counter()
    with pytest.raises(error) as refused:
        parse(hostile_yamls()[case], "hostile.yaml")
    assert time.perf_counter() - started < 5
    first = refused.value.problems[0]
    assert str(first).startswith("hostile.yaml:")
    assert first("fr").startswith("hostile.yaml:")


def test_alias_expansion_is_stopped_before_it_runs_for_ever():
    with pytest.raises(QuestionnaireError) as refused:
        parse_questionnaire(alias_bomb(levels=12), "bomb.yaml")  # 9^12 strings once expanded
    [problem] = refused.value.problems
    assert "once its aliases (*name) are expanded" in str(problem)
    assert "une fois ses alias (*nom) développés" in problem("fr")


def test_a_few_aliases_are_still_fine():
    text = DEFAULT_QUESTIONNAIRE.read_text(encoding="utf-8")
    text = text.replace("id: transformation", "id: &name transformation", 1)
    text += "\n# a repeat, within bounds\n"
    assert parse_questionnaire(text).id == "transformation"


def test_deep_nesting_is_refused_with_its_line():
    text = "id: x\nversion: '1'\ntitle:\n" + "".join("  " * n + "- \n" for n in range(1, 90))
    with pytest.raises(QuestionnaireError) as refused:
        parse_questionnaire(text, "deep.yaml")
    [problem] = refused.value.problems
    assert "nested more than 64 levels deep" in str(problem) and problem.line


@pytest.mark.parametrize(
    ("value", "said"),
    [("9" * 5000, "Exceeds the limit"), ("2026-02-30", "day is out of range")],
)
def test_a_value_that_cannot_be_built_is_located(value, said):
    text = DEFAULT_QUESTIONNAIRE.read_text(encoding="utf-8")
    lines = text.splitlines()
    at = next(n for n, line in enumerate(lines) if line.startswith("version:"))
    lines.insert(at + 1, f"released: {value}")
    with pytest.raises(QuestionnaireError) as refused:
        parse_questionnaire("\n".join(lines), "q.yaml")
    problem = refused.value.problems[0]
    assert problem.line == at + 2 and said in str(problem)
    assert "cette valeur est illisible" in problem("fr")


def test_a_version_is_the_text_written_never_a_number():
    text = DEFAULT_QUESTIONNAIRE.read_text(encoding="utf-8")
    assert parse_questionnaire(text.replace('version: "1.0"', "version: 1.10")).version == "1.10"
    assert parse_questionnaire(text.replace('version: "1.0"', "version: 2")).version == "2"


def test_a_file_over_the_size_cap_is_refused_before_it_is_read(tmp_path, monkeypatch):
    big = tmp_path / "big.yaml"
    with big.open("wb") as handle:
        handle.truncate(MAX_DOCUMENT_BYTES + 1)  # sparse: nothing to read, only its size

    def never(*_):
        raise AssertionError("the file was read")

    monkeypatch.setattr(type(big), "read_text", never)
    with pytest.raises(QuestionnaireError) as refused:
        load_questionnaire(big)
    assert "more than the 2,000,000 read" in str(refused.value)
    assert "plus que les 2\u202f000\u202f000 lus" in refused.value.problems[0]("fr")


def test_every_shipped_file_still_loads_and_scores_as_before():
    questionnaire = load_questionnaire(DEFAULT_QUESTIONNAIRE)
    answers = {q.id: 3 for _, q in questionnaire.questions()}
    assert score(questionnaire, answers).overall.score == 50
    for name in ("actions.yaml", "kpis.yaml"):
        text = (ROOT / "roadmaps" / name).read_text(encoding="utf-8")
        parse = parse_library if name == "actions.yaml" else parse_kpis
        assert parse(text, name, questionnaire) is not None
    assert issubclass(QuestionnaireError, DocumentError)


def test_no_and_non_stay_text_as_in_yaml_1_2_while_true_and_false_are_booleans():
    text = DEFAULT_QUESTIONNAIRE.read_text(encoding="utf-8")
    label = '{fr: "Je ne sais pas / non applicable", en: "Don\'t know / not applicable"}'
    assert label in text
    questionnaire = parse_questionnaire(text.replace(label, "{fr: Non, en: No}"))
    assert questionnaire.scale.dont_know.fr == "Non"
    assert questionnaire.scale.dont_know.en == "No"
    with pytest.raises(QuestionnaireError) as refused:
        parse_questionnaire(text.replace(label, "{fr: false, en: true}"), "q.yaml")
    assert "scale.dont_know.fr" in str(refused.value)
