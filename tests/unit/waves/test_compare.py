"""Waves compared: the rule that calls a change progress, decline or stable, questions that only
some waves asked, targets against actuals, the maturity level and the map's trajectory."""

from datetime import date

import pytest

from assessment.waves import (
    MIN_CHANGE,
    Spread,
    WaveInput,
    compare,
    judge,
    standard_error,
)
from tests.samples import QUESTIONNAIRE, QUESTIONS
from tests.unit.waves.conftest import ADDED, DROPPED, assessment, everything

DIMENSIONS = [d.id for d in QUESTIONNAIRE.ordered_dimensions()]


def wave(label, member, **options):
    return WaveInput(label=label, members=[member], **options)


def test_a_follow_up_reads_as_progress_per_dimension_and_overall():
    baseline = wave("Baseline", assessment(2), held_on=date(2026, 1, 12))
    follow_up = wave("Follow-up", assessment(4), held_on=date(2026, 7, 6))
    comparison = compare([baseline, follow_up])
    step = comparison.total
    assert step.overall.before == 25 and step.overall.after == 75
    assert step.overall.verdict == "progress" and step.overall.delta == 50
    assert [c.key for c in step.dimensions] == DIMENSIONS
    assert all(c.verdict == "progress" for c in step.dimensions)
    assert [w.level for w in comparison.waves] == [2, 4]  # thresholds 20 and 60
    assert comparison.not_comparable == [] and len(comparison.compared) == len(QUESTIONS)
    assert comparison.trajectory
    assert step.moved and all(m.delta == 50 for m in step.moved)


def test_a_change_under_five_points_is_stable():
    answers = everything(3)
    nudged = dict(answers, **{QUESTIONS[0].id: 4})  # one culture question up a level
    comparison = compare(
        [wave("A", assessment(3)), wave("B", assessment(3).model_copy(update={"answers": nudged}))]
    )
    culture = comparison.total.change("culture")
    assert 0 < culture.delta < MIN_CHANGE
    assert (culture.verdict, culture.reason) == ("stable", "small")
    assert comparison.total.moved[0].question_id == QUESTIONS[0].id


def test_a_large_change_on_too_few_answers_is_stable():
    few = {q.id: 5 for q in QUESTIONNAIRE.dimension("culture").questions[:2]}
    thin = assessment(1).model_copy(update={"answers": few})
    culture = compare([wave("A", assessment(1)), wave("B", thin)]).total.change("culture")
    assert culture.delta == 100 and culture.after_coverage < 0.6
    assert (culture.verdict, culture.reason) == ("stable", "coverage")


@pytest.mark.parametrize(
    ("delta", "errors", "verdict", "reason"),
    [
        (6.0, (1.0, 1.0), "progress", ""),  # 2 × √2 ≈ 2.8 < 6
        (6.0, (2.5, 2.5), "stable", "noise"),  # 2 × 3.5 ≈ 7.1 ≥ 6
        (-8.0, (None, 2.0), "decline", ""),  # a self-assessment beside a room: the room's error
        (-8.0, (4.5, None), "stable", "noise"),
    ],
)
def test_a_rooms_change_must_exceed_two_standard_errors(delta, errors, verdict, reason):
    rooms = tuple(e is not None for e in errors)
    found = judge(50.0, 50.0 + delta, (1.0, 1.0), rooms, errors)
    assert found[:2] == (verdict, reason)


def test_a_room_whose_spread_is_withheld_is_not_judged():
    assert judge(40.0, 60.0, (1.0, 1.0), (True, True), (1.0, None))[:2] == (
        "stable",
        "spread_withheld",
    )


def test_the_standard_error_comes_from_the_rooms_size_and_spread():
    assert standard_error(Spread(participants=26, sd=10.0)) == pytest.approx(2.0)
    assert standard_error(Spread(participants=8, sd=None)) is None
    assert standard_error(Spread(participants=1, sd=0.0)) is None


def test_only_questions_both_versions_ask_are_compared(v2):
    baseline = wave("2025", assessment(2))
    follow_up = wave("2026", assessment(4, v2))
    comparison = compare([baseline, follow_up])
    assert DROPPED not in comparison.compared and ADDED not in comparison.compared
    listed = {n.question_id: n.asked_in for n in comparison.not_comparable}
    assert listed == {DROPPED: [0], ADDED: [1]}
    assert comparison.waves[1].questionnaire_version == "2.0"
    # each side scored on the compared questions only: every one answered, full coverage
    assert comparison.waves[0].coverage["culture"] == 1.0
    assert comparison.total.change("culture").delta == 50


def test_targets_set_after_a_wave_are_read_against_the_next():
    baseline = wave("Baseline", assessment(2), targets={"culture": 70.0, "tools": 80.0})
    follow_up = wave("Follow-up", assessment(4))
    step = compare([baseline, follow_up]).total
    assert step.change("culture").target == 70 and step.change("culture").target_met is True
    assert step.change("tools").target_met is False
    assert step.change("employee_experience").target is None


def test_three_waves_give_each_step_and_the_whole_way():
    comparison = compare(
        [wave("1", assessment(1)), wave("2", assessment(3)), wave("3", assessment(2))]
    )
    assert [s.overall.verdict for s in comparison.steps] == ["progress", "decline"]
    assert (comparison.total.before, comparison.total.after) == (0, 2)
    assert comparison.total.overall.delta == 25


def test_a_wave_without_the_customer_side_has_no_trajectory():
    internal_only = {q.id: 3 for d, q in QUESTIONNAIRE.questions() if d.side_of(q) != "customer"}
    partial = assessment(3).model_copy(update={"answers": internal_only})
    assert not compare([wave("A", assessment(2)), wave("B", partial)]).trajectory


def test_one_wave_is_not_a_comparison():
    with pytest.raises(ValueError):
        compare([wave("A", assessment(2))])
