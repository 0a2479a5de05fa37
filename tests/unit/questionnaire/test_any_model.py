"""A consultant's own model: English only (or three languages), its own valued options per
question, no customer and internal sides. It validates as written, scores with the one rule, and
shows no symmetry anywhere; each refusal is located."""

import io
from datetime import UTC, datetime

import pytest
from openpyxl import load_workbook

from assessment.bundle import AssessmentBundle
from assessment.i18n import say
from assessment.profile import Profile
from assessment.questionnaire import (
    QUESTIONNAIRES_DIR,
    QuestionnaireError,
    load_questionnaire,
    parse_questionnaire,
)
from assessment.reading import format_result, interpret
from assessment.scoring import AnswerError, check_answers, score
from exports.workbook import build_workbook
from tests.paths import FIXTURES

MODEL_FILE = FIXTURES / "any_model" / "data_practice.yaml"
MODEL = load_questionnaire(MODEL_FILE)
TEXT = MODEL_FILE.read_text(encoding="utf-8")
THREE = load_questionnaire(FIXTURES / "any_model" / "trilingual.yaml")
PROFILE = Profile(organisation="Acme", sector="J", size_class="50-249", country="FR", role="it")


def valued(questionnaire, share: float) -> dict[str, int]:
    """Every question answered with its option worth ``share`` of full marks."""
    return {
        q.id: next(c.value for c in questionnaire.choices(q) if c.score == 100 * share)
        for _, q in questionnaire.questions()
    }


def refusals(text: str) -> list[str]:
    with pytest.raises(QuestionnaireError) as error:
        parse_questionnaire(text, "model.yaml")
    return [str(p) for p in error.value.problems]


def test_an_english_only_model_with_its_own_options_validates_as_written():
    assert MODEL.languages == ["en"]
    assert len(MODEL.dimensions) == 5 and len(MODEL.questions()) == 90
    assert all(len(q.options) == 4 for _, q in MODEL.questions())
    assert {o.value for _, q in MODEL.questions() for o in q.options} == {0, 0.25, 0.5, 1}
    assert MODEL.scale is None and not MODEL.has_sides


def test_every_question_answered_with_its_half_option_scores_50_everywhere():
    result = score(MODEL, valued(MODEL, 0.5))
    assert [d.score for d in result.dimensions] == [50] * 5
    assert result.overall.score == 50 and result.overall.coverage == 1
    assert score(MODEL, valued(MODEL, 1)).overall.score == 100
    assert score(MODEL, valued(MODEL, 0)).overall.score == 0


def test_dont_know_lowers_coverage_never_the_score():
    answers = valued(MODEL, 0.25) | {q.id: None for q in MODEL.dimensions[0].questions[:9]}
    governance = score(MODEL, answers).dimension("governance")
    assert governance.score == 25 and governance.coverage == 0.5 and governance.dont_know == 9


def test_an_answer_is_an_options_position_and_one_beyond_them_is_refused():
    first = MODEL.questions()[0][1]
    assert check_answers(MODEL, {first.id: 4}) == {first.id: 4}
    with pytest.raises(AnswerError) as error:
        check_answers(MODEL, {first.id: 5})
    assert "5 is outside the scale (1–4)" in str(error.value)


def test_a_model_without_sides_has_no_symmetry_in_its_result_reading_report_or_workbook():
    result = score(MODEL, valued(MODEL, 0.5))
    assert result.diagnoses == [] and not result.symmetry.stall
    reading = " ".join(interpret(MODEL, result, "en"))
    assert "customer" not in reading.lower() and "stall" not in reading.lower()
    assert say("core.symmetry", "en") not in format_result(MODEL, result, "en")
    bundle = AssessmentBundle(
        questionnaire_id=MODEL.id,
        questionnaire_version=MODEL.version,
        language="en",
        profile=PROFILE,
        answers=valued(MODEL, 0.5),
        created_at=datetime(2026, 12, 1, tzinfo=UTC),
    )
    book = load_workbook(io.BytesIO(build_workbook(MODEL, bundle)))
    assert say("workbook.sheet_symmetry", "en") not in book.sheetnames
    answers = book[say("workbook.sheet_answers", "en")]
    shown = [c.value for row in answers.iter_rows() for c in row]
    assert "Mostly — The rule for most of the organisation." in shown


def test_the_default_questionnaire_still_watches_the_stall():
    default = load_questionnaire(QUESTIONNAIRES_DIR / "transformation.yaml")
    assert default.has_sides and default.languages == ["fr", "en"]
    assert default.scale is not None and not any(q.options for _, q in default.questions())


def test_three_languages_each_read_in_their_own_words():
    assert THREE.languages == ["fr", "en", "de"]
    question = THREE.questions()[0][1]
    assert question.text("de") == "Alle trauen sich zu widersprechen."
    assert THREE.choice(question, 3).label("de") == "Immer"
    # a language the file does not have reads in its main one
    assert MODEL.title("fr") == MODEL.title("de") == "Data protection practice"
    result = score(THREE, {q.id: 2 for _, q in THREE.questions()})
    assert result.overall.score == 50
    reading = " ".join(interpret(THREE, result, "de"))
    assert "Miteinander" in reading  # the content in German, the sentences around it in English


def test_languages_are_inferred_from_the_title_when_not_declared():
    inferred = parse_questionnaire(TEXT.replace("languages: [en]\n", ""), "model.yaml")
    assert inferred.languages == ["en"] and inferred == MODEL


def test_a_missing_undeclared_or_unknown_language_is_located():
    missing = TEXT.replace("languages: [en]", "languages: [en, de]")
    problems = refusals(missing)
    assert problems[0].startswith("model.yaml:6: title.de: missing translation (de)")
    assert all(p.endswith("missing translation (de)") for p in problems)
    assert sum(".text.de:" in p for p in problems) == 90  # every question's, each on its line
    other = TEXT.replace('title: {en: "Data protection practice"}', 'title: {en: "D", es: "P"}')
    assert refusals(other) == [
        "model.yaml:6: title.es: 'es' is not one of the questionnaire's languages (en): "
        "add it under languages, or remove it"
    ]
    unknown = TEXT.replace("languages: [en]", "languages: [en, xx]")
    assert refusals(unknown)[0].startswith(
        "model.yaml:5: languages[1]: 'xx' is not an ISO 639-1 language code"
    )


def test_an_unquoted_no_stays_text_and_a_boolean_where_text_belongs_says_to_quote_it():
    unquoted = TEXT.replace('label: {en: "No"}', "label: {en: No}", 1)
    first = parse_questionnaire(unquoted, "model.yaml").questions()[0][1]
    assert first.options[0].label("en") == "No"
    boolean = TEXT.replace('title: {en: "Data protection practice"}', "title: {en: false}")
    assert refusals(boolean) == [
        "model.yaml:6: title.en: must be a text, but YAML read false as a value: write it in "
        'quotes, "false"'
    ]


def test_options_and_anchors_together_or_no_scale_for_a_question_without_options_are_located():
    both = TEXT.replace(
        "        options: *four\n", "        options: *four\n        anchors: {1: {en: x}}\n", 1
    )
    assert any(
        p.startswith("model.yaml:") and "questions[1].anchors: a question has either options"
        for p in refusals(both)
    )
    bare = TEXT.replace("        options: *four\n", "", 1)
    assert any(
        "questions[1]: 1 question(s) have no options of their own, so the file needs a scale" in p
        for p in refusals(bare)
    )
    single = TEXT.replace(
        "        options: *four\n", '        options: [{value: 1, label: {en: "Y"}}]\n', 1
    )
    assert any(
        "questions[1].options: a question with its own options needs at least two" in p
        for p in refusals(single)
    )


def test_a_sides_diagnosis_without_both_sides_is_located():
    text = TEXT.replace(
        "themes:\n",
        "diagnoses:\n  - {id: stall, compare: sides, title: {en: S}, explanation: {en: E}}\n"
        "themes:\n",
        1,
    )
    assert any(
        p.startswith("model.yaml:") and "diagnoses[0].compare: no question on the customer side"
        for p in refusals(text)
    )


def readme_model() -> str:
    readme = (QUESTIONNAIRES_DIR / "README.md").read_text(encoding="utf-8")
    return readme.split("## A model of your own", 1)[1].split("```yaml", 1)[1].split("```", 1)[0]


def test_the_readmes_model_of_your_own_is_valid_and_scores_50_when_mostly():
    model = parse_questionnaire(readme_model(), "README model")
    assert model.languages == ["en"] and not model.has_sides and model.scale is None
    mostly = {q.id: 3 for _, q in model.questions()}
    assert [c.label("en") for c in model.choices(model.questions()[0][1])][2] == "Mostly"
    assert score(model, mostly).overall.score == 50
