"""Scoring with expectations computed by hand on tests/fixtures/minimal.yaml."""

import pytest

from assessment.results import Quadrant
from assessment.scoring import AnswerError, maturity_level, score


def test_dimension_score_is_the_weighted_mean_of_answered_questions(minimal):
    result = score(minimal, {"share": 5, "sponsor": 3})
    # (1 × 100 + 3 × 50) / 4
    assert result.dimension("culture").score == pytest.approx(62.5)


def test_level_one_scores_zero_and_level_five_scores_one_hundred(minimal):
    assert score(minimal, {"share": 1, "sponsor": 1}).dimension("culture").score == 0
    assert score(minimal, {"share": 5, "sponsor": 5}).dimension("culture").score == 100


def test_explicit_scale_scores_replace_the_even_spread(minimal):
    levels = [
        level.model_copy(update={"score": s})
        for level, s in zip(minimal.scale.levels, [0, 10, 20, 60, 100], strict=True)
    ]
    steep = minimal.model_copy(
        update={"scale": minimal.scale.model_copy(update={"levels": levels})}
    )
    assert score(steep, {"share": 4}).dimension("culture").score == 60


def test_overall_is_the_dimension_weighted_mean_and_names_its_level(minimal):
    result = score(minimal, {"share": 5, "sponsor": 3, "ambition": 5, "equipped": 2})
    # culture 62.5; cx (100 + 25) / 2 = 62.5; overall 62.5 → level 4 (from 60)
    assert result.overall.score == pytest.approx(62.5)
    assert result.overall.level == 4
    assert maturity_level(minimal, result.overall.score).name.en == "Climbing"


def test_maturity_threshold_is_inclusive(minimal):
    assert maturity_level(minimal, 40.0).level == 3
    assert maturity_level(minimal, 39.9).level == 2
    assert maturity_level(minimal, None) is None


def test_coverage_counts_dont_know_and_unanswered_as_not_answered(minimal):
    result = score(minimal, {"share": 4, "sponsor": None, "ambition": 2})
    culture, cx = result.dimension("culture"), result.dimension("cx")
    assert (culture.answered, culture.dont_know, culture.unanswered) == (1, 1, 0)
    assert culture.coverage == 0.5
    assert (cx.answered, cx.dont_know, cx.unanswered) == (1, 0, 1)
    assert result.overall.coverage == 0.5


def test_dont_know_lowers_coverage_not_score(minimal):
    answered = score(minimal, {"share": 4})
    with_dont_know = score(minimal, {"share": 4, "sponsor": None})
    assert with_dont_know.dimension("culture").score == answered.dimension("culture").score == 75
    assert with_dont_know.dimension("culture").coverage == 0.5


def test_a_dimension_without_answers_has_no_score_and_is_left_out_of_overall(minimal):
    result = score(minimal, {"ambition": 3})
    assert result.dimension("culture").score is None
    assert result.overall.score == 50
    assert score(minimal, {}).overall.score is None
    assert score(minimal, {}).overall.level is None


def test_stall_is_flagged_when_customer_ambition_outruns_internal_side(minimal):
    result = score(minimal, {"share": 5, "sponsor": 3, "ambition": 5, "equipped": 2})
    s = result.symmetry
    # internal: culture 62.5 and cx's internal question 25 → mean 43.75; customer: 100
    assert s.customer_score == 100
    assert s.internal_score == pytest.approx(43.75)
    assert s.index == pytest.approx(56.25)
    assert s.stall
    assert s.quadrant == Quadrant.stall_risk


def test_stall_threshold_is_inclusive_and_a_smaller_gap_is_no_stall(minimal):
    # customer 50; internal: culture 25 and equipped 25 → 25; gap exactly 25
    at_25 = minimal.model_copy(
        update={"symmetry": minimal.symmetry.model_copy(update={"stall_threshold": 25})}
    )
    exactly = score(at_25, {"ambition": 3, "share": 2, "sponsor": 2, "equipped": 2})
    assert exactly.symmetry.index == pytest.approx(25)
    assert exactly.symmetry.stall
    # customer 50; internal: culture 50 and equipped 25 → 37.5; gap 12.5 < 15
    balanced = score(minimal, {"ambition": 3, "share": 3, "sponsor": 3, "equipped": 2})
    assert balanced.symmetry.index == pytest.approx(12.5)
    assert not balanced.symmetry.stall


@pytest.mark.parametrize(
    ("answers", "quadrant"),
    [
        ({"ambition": 5, "share": 5, "sponsor": 5, "equipped": 5}, Quadrant.airborne),
        ({"ambition": 1, "share": 5, "sponsor": 5, "equipped": 5}, Quadrant.untapped),
        ({"ambition": 1, "share": 1, "sponsor": 1, "equipped": 1}, Quadrant.grounded),
        ({"ambition": 4, "share": 1, "sponsor": 1, "equipped": 1}, Quadrant.stall_risk),
    ],
)
def test_quadrant_places_ambition_against_capability(minimal, answers, quadrant):
    assert score(minimal, answers).symmetry.quadrant == quadrant


def test_symmetry_needs_answers_on_both_sides(minimal):
    s = score(minimal, {"share": 5, "sponsor": 5}).symmetry
    assert s.index is None and s.quadrant is None and not s.stall
    assert s.customer_coverage == 0 and s.internal_coverage == pytest.approx(2 / 3)


def test_strongest_and_weakest_questions_are_ranked_without_overlap(minimal):
    result = score(minimal, {"share": 2, "sponsor": 4, "ambition": 4, "equipped": 5})
    assert not result.symmetry.stall
    assert [s.question_id for s in result.strongest] == ["equipped", "sponsor", "ambition"]
    assert [s.question_id for s in result.weakest] == ["share"]


def test_under_a_stall_the_customer_ambition_is_not_a_strength(minimal):
    result = score(minimal, {"share": 2, "sponsor": 4, "ambition": 5, "equipped": 1})
    assert result.symmetry.stall
    assert [s.question_id for s in result.strongest] == ["sponsor", "share"]
    assert [s.question_id for s in result.weakest] == ["equipped"]


def test_ties_rank_the_heavier_question_first(minimal):
    result = score(minimal, {"share": 3, "sponsor": 3})
    assert [s.question_id for s in result.strongest] == ["sponsor", "share"]


@pytest.mark.parametrize(
    ("answers", "fragment"),
    [
        ({"share": 6}, "'share': 6 is outside the scale (1–5)"),
        ({"share": 0}, "'share': 0 is outside the scale (1–5)"),
        ({"share": "3"}, "'share': '3' is not a level"),
        ({"share": 2.5}, "'share': 2.5 is not a level"),
        ({"share": True}, "'share': True is not a level"),
        ({"nope": 3}, "'nope': no such question in 'minimal'"),
    ],
)
def test_an_answer_outside_the_scale_is_rejected_naming_the_question(minimal, answers, fragment):
    with pytest.raises(AnswerError) as error:
        score(minimal, answers)
    assert fragment in str(error.value)


def test_every_faulty_answer_is_reported_at_once(minimal):
    with pytest.raises(AnswerError) as error:
        score(minimal, {"share": 9, "sponsor": 3, "ambition": "high"})
    assert len(error.value.problems) == 2
