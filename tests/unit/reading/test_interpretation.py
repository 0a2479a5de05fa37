"""The written interpretation: what an executive reads under the charts, in French or English."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assessment.questionnaire import load_questionnaire
from assessment.reading import (
    format_share,
    interpret,
    stall_explanation,
)
from assessment.scoring import score
from tests.paths import ROOT

STALL_ANSWERS = {"share": 5, "sponsor": 3, "ambition": 5, "equipped": 2}  # 100 vs 43.75


@pytest.fixture(scope="module")
def transformation():
    return load_questionnaire(ROOT / "questionnaires" / "transformation.yaml")


def read(questionnaire, answers, lang):
    return "\n\n".join(interpret(questionnaire, score(questionnaire, answers), lang))


def plain_spaces(text):
    """French text with its non-breaking spaces shown as ordinary ones."""
    return text.replace("\u00a0", " ")


def every_question(questionnaire, level):
    return {question.id: level for _, question in questionnaire.questions()}


# --- the stall ----------------------------------------------------------------------------


def test_a_stall_is_announced_with_its_gap_in_english(minimal):
    text = read(minimal, STALL_ANSWERS, "en")
    assert "Stall warning" in text
    assert "**56 points**" in text  # 100 - 43.75, rounded
    assert "Internal actions should come first" in text
    assert "not equipped or empowered" in text


def test_a_stall_is_announced_with_its_gap_in_french(minimal):
    text = read(minimal, STALL_ANSWERS, "fr")
    assert "Alerte décrochage" in text
    assert "**56 points**" in text
    assert "actions internes doivent passer en premier" in text


def test_the_stall_paragraph_comes_right_after_the_symmetry_reading(minimal):
    paragraphs = interpret(minimal, score(minimal, STALL_ANSWERS), "en")
    assert paragraphs[2].startswith("On the ambition/capability map")
    assert "**Stall risk**" in paragraphs[2]
    assert paragraphs[3].startswith("**Stall warning.**")


def test_the_stall_explanation_for_the_chart_is_plain_and_gives_the_gap(minimal):
    result = score(minimal, STALL_ANSWERS)
    english, french = stall_explanation(result, "en"), stall_explanation(result, "fr")
    assert "56 points" in english and "internal side first" in english
    assert "56 points" in french and "côté interne" in french
    assert "**" not in english + french


def test_a_balanced_complete_result_raises_no_warning(transformation):
    result = score(transformation, every_question(transformation, 3))  # 50 vs 50
    assert not result.symmetry.stall
    for lang in ("en", "fr"):
        text = "\n".join(interpret(transformation, result, lang))
        assert "Stall warning" not in text and "Alerte décrochage" not in text
        assert stall_explanation(result, lang) is None
    english = "\n".join(interpret(transformation, result, "en"))
    assert "All 41 questions were answered." in english
    assert "close to each other (index 0 points)" in english


def test_ambition_ahead_but_under_the_threshold_is_to_be_watched_not_a_stall(minimal):
    # customer 75; internal (share 75, sponsor 75 → culture 75; equipped 50) → 62.5; gap 12.5
    text = read(minimal, {"share": 4, "sponsor": 4, "ambition": 4, "equipped": 3}, "en")
    assert "Ambition leads capability by 13 points, below the stall threshold of 15" in text
    assert "Stall warning" not in text


def test_capability_ahead_of_ambition_leaves_room_for_a_bolder_promise(minimal):
    text = read(minimal, {"share": 5, "sponsor": 5, "ambition": 2, "equipped": 5}, "en")
    assert "**Untapped engine**" in text
    assert "thrust without lift" in text
    assert "ahead of the ambition by 75 points" in text


# --- coverage -----------------------------------------------------------------------------


def test_a_partial_result_states_its_share_of_questions_answered(minimal):
    english = read(minimal, {"share": 4, "ambition": 3}, "en")
    assert "**partial**: it rests on 2 questions out of 4 (50%)" in english
    french = read(minimal, {"share": 4, "ambition": 3}, "fr")
    assert "**partiel**" in french and "2 questions sur 4 (50\u202f%)" in french


def test_a_result_with_less_than_half_answered_is_indicative_only(minimal):
    assert "**indicative only**" in read(minimal, {"share": 4}, "en")
    assert "valeur **indicative**" in read(minimal, {"share": 4}, "fr")
    assert "indicative" not in read(minimal, {"share": 4, "ambition": 3}, "en")


def test_a_nearly_complete_result_is_never_rounded_up_to_complete(transformation):
    answers = every_question(transformation, 3)
    answers.pop(next(iter(answers)))  # 40 of 41 = 97.6 %
    text = read(transformation, answers, "en")
    assert "40 questions out of 41 (97%)" in text
    assert "100%" not in text


def test_the_symmetry_says_which_side_has_no_answer(minimal):
    english = read(minimal, {"share": 4}, "en")
    assert "cannot be read yet" in english and "**customer side**" in english
    assert "**internal side**" in read(minimal, {"ambition": 4}, "en")
    assert "**côté client**" in read(minimal, {"share": 4}, "fr")


def test_an_empty_result_says_nothing_was_answered_in_a_single_paragraph(minimal):
    for answers in ({}, {"share": None, "ambition": None}):
        english = interpret(minimal, score(minimal, answers), "en")
        french = interpret(minimal, score(minimal, answers), "fr")
        assert len(english) == len(french) == 1
        assert english[0].startswith("No question has been answered")
        assert french[0].startswith("Aucune question n’a encore reçu de réponse")
    dont_know_only = interpret(minimal, score(minimal, {"share": None}), "en")[0]
    assert "1 answered “don't know”" in dont_know_only


# --- dimensions and questions -------------------------------------------------------------


def test_the_strongest_and_weakest_dimensions_are_named_with_the_gap(minimal):
    text = read(minimal, {"share": 4, "sponsor": 4, "ambition": 3, "equipped": 3}, "en")
    assert "The strongest dimension is **Culture** (75 / 100)" in text
    assert "the weakest is **Symmetry** (50 / 100)" in text
    assert "a gap of **25 points**" in text and "two speeds" in text


def test_dimensions_within_a_few_points_read_as_evenly_developed(minimal):
    text = read(minimal, STALL_ANSWERS, "en")  # 62.5 and 62.5
    assert "evenly developed: they all score 63 / 100" in text


def test_a_dimension_without_answers_is_named_as_such(minimal):
    assert "No answer yet for **Symmetry**." in read(minimal, {"share": 4}, "en")
    assert "Pas encore de réponse pour **Symétrie**." in read(minimal, {"share": 4}, "fr")


def test_the_weakest_questions_are_starting_points_quoted_in_the_language(minimal):
    english = read(minimal, STALL_ANSWERS, "en")
    assert "**Where to start.**" in english
    assert "“Employees equipped?” (Symmetry, level 2/5: Emerging)" in english
    french = read(minimal, STALL_ANSWERS, "fr")
    assert "« Employés équipés ? » (Symétrie, niveau 2/5 : Émergent)" in plain_spaces(french)


def test_the_strongest_questions_are_assets_to_build_on(minimal):
    english = read(minimal, STALL_ANSWERS, "en")
    assert "**Assets to build on.**" in english
    assert "“Is knowledge shared?” (Culture, level 5/5: Embedded)" in english


def test_low_scores_everywhere_are_not_called_assets(minimal):
    text = read(minimal, {"share": 2, "sponsor": 1, "ambition": 2, "equipped": 1}, "en")
    assert "Assets to build on" not in text
    assert "**First footholds.**" in text


def test_high_scores_everywhere_are_not_called_weaknesses(minimal):
    text = read(minimal, {"share": 5, "sponsor": 5, "ambition": 4, "equipped": 4}, "en")
    assert "Where to start" not in text
    assert "**To keep an eye on.**" in text


# --- language, form and determinism --------------------------------------------------------


def test_english_is_written_in_english_and_french_in_french(transformation):
    result = score(transformation, every_question(transformation, 2))
    english = "\n".join(interpret(transformation, result, "en"))
    french = "\n".join(interpret(transformation, result, "fr"))
    assert english.startswith("Overall, the organisation scores **25 / 100**")
    assert french.startswith("Globalement, l’organisation obtient **25\u00a0/\u00a0100**")
    assert "Taxiing" in english and "Roulage" in french
    assert "Globalement" not in english and "Overall" not in french
    assert "é" in french


def test_the_same_result_always_reads_the_same(transformation):
    result = score(transformation, every_question(transformation, 4))
    for lang in ("en", "fr"):
        assert interpret(transformation, result, lang) == interpret(transformation, result, lang)


def test_french_punctuation_gets_non_breaking_spaces(minimal):
    french = read(minimal, STALL_ANSWERS, "fr")
    assert " :" not in french and " ;" not in french and " ?" not in french
    assert "\u00a0:" in french


answers_strategy = st.dictionaries(
    st.sampled_from(["share", "sponsor", "ambition", "equipped"]),
    st.one_of(st.none(), st.integers(1, 5)),
)


@given(answers=answers_strategy, lang=st.sampled_from(["en", "fr"]))
@settings(max_examples=150, deadline=None)
def test_any_result_reads_in_one_or_three_to_six_paragraphs(minimal, answers, lang):
    result = score(minimal, answers)
    paragraphs = interpret(minimal, result, lang)
    if result.overall.score is None:
        assert len(paragraphs) == 1
    else:
        assert 3 <= len(paragraphs) <= 6
    assert all(p.strip() and "{" not in p for p in paragraphs)
    partial = "partial" if lang == "en" else "partiel"
    assert (partial in paragraphs[0]) == (0 < result.overall.coverage < 1)
    assert (stall_explanation(result, lang) is None) == (not result.symmetry.stall)


# --- numbers ------------------------------------------------------------------------------


def test_shares_are_rounded_down_and_never_hide_a_single_answer():
    assert format_share(40, 41, "en") == "97%"
    assert format_share(1, 200, "en") == "less than 1%"
    assert format_share(1, 2, "fr") == "50\u202f%"
    assert format_share(41, 41, "en") == "100%"
