"""The room's aggregates: distributions, dispersion, consensus, consolidation."""

import json
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assessment.reading import interpret, radar_chart
from assessment.scoring import score
from assessment.workshop import (
    Participant,
    aggregate,
    as_result,
    consensus_band,
    consolidated_answers,
    distribution_chart,
    median_level,
    question_stats,
    room_quadrant,
    room_radar,
    segment_heatmap,
    summary_document,
    top_disagreements,
)
from tests.paths import ROOT
from tests.unit.workshop.rooms import ANSWERS, ROLE, room, same, stats_of, with_roles

# --- per question -------------------------------------------------------------------------------


def test_distribution_counts_every_level_and_keeps_dont_know_apart(minimal):
    people = room({"share": 1}, {"share": 3}, {"share": 3}, {"share": None}, {"sponsor": 2})
    stats = stats_of(minimal, people, "share")
    assert stats.counts == {1: 1, 2: 0, 3: 2, 4: 0, 5: 0}
    assert (stats.answered, stats.dont_know, stats.responded) == (3, 1, 4)
    assert stats.mean_level == pytest.approx(7 / 3)
    assert stats.modal_share == pytest.approx(2 / 3)


def test_a_room_split_between_the_extremes_has_no_consensus(minimal):
    stats = stats_of(minimal, room({"share": 1}, {"share": 5}), "share")
    assert stats.mean_score == 50
    assert stats.sd == 50  # population SD, in points
    assert stats.consensus == 0
    assert consensus_band(stats.consensus) == "divided"


def test_a_unanimous_room_has_full_consensus(minimal):
    stats = stats_of(minimal, room(*same(4, 6)), "share")
    assert (stats.sd, stats.consensus, stats.modal_share) == (0, 1, 1)
    assert consensus_band(stats.consensus) == "agreement"


def test_half_a_level_apart_reads_as_agreement_one_level_apart_as_mixed(minimal):
    # levels 3 and 4 half and half: SD = 12.5 points (half a level) → consensus 0.75
    half = stats_of(minimal, room({"share": 3}, {"share": 4}), "share")
    assert half.consensus == pytest.approx(0.75)
    assert consensus_band(half.consensus) == "agreement"
    # levels 2 and 4 half and half: SD = 25 points (one level) → consensus 0.5
    one = stats_of(minimal, room({"share": 2}, {"share": 4}), "share")
    assert one.consensus == pytest.approx(0.5)
    assert consensus_band(one.consensus) == "mixed"


def test_an_unanswered_question_has_no_figures(minimal):
    stats = stats_of(minimal, room({"share": None}), "sponsor")
    assert stats.answered == stats.dont_know == 0
    assert stats.mean_score is stats.sd is stats.consensus is stats.median_level is None


@given(st.lists(ANSWERS, min_size=1, max_size=30))
@settings(max_examples=80, deadline=None)
def test_consensus_and_modal_share_stay_between_0_and_1(minimal, answer_sets):
    for stats in question_stats(minimal, room(*answer_sets)):
        if stats.answered:
            assert 0 <= stats.consensus <= 1
            assert 0 < stats.modal_share <= 1
            assert 0 <= stats.mean_score <= 100
            assert sum(stats.counts.values()) == stats.answered


@given(st.lists(ANSWERS, min_size=1, max_size=20), st.integers(1, 10))
@settings(max_examples=60, deadline=None)
def test_dont_know_never_moves_the_mean_the_spread_or_the_consensus(
    minimal, answer_sets, newcomers
):
    before = question_stats(minimal, room(*answer_sets))
    after = question_stats(minimal, room(*answer_sets, *same(None, newcomers)))
    for old, new in zip(before, after, strict=True):
        assert (old.mean_score, old.sd, old.consensus) == (new.mean_score, new.sd, new.consensus)
        assert new.dont_know == old.dont_know + newcomers


@given(st.lists(ANSWERS, min_size=1, max_size=20), st.randoms())
@settings(max_examples=60, deadline=None)
def test_the_order_of_participants_does_not_matter(minimal, answer_sets, random):
    shuffled = list(answer_sets)
    random.shuffle(shuffled)
    first, second = aggregate(minimal, room(*answer_sets), threshold=1), None
    second = aggregate(minimal, room(*shuffled), threshold=1)
    for a, b in zip(first.questions, second.questions, strict=True):
        assert a.counts == b.counts and a.median_level == b.median_level
        assert a.sd == pytest.approx(b.sd) if a.sd is not None else b.sd is None
    assert consolidated_answers(minimal, room(*answer_sets)) == consolidated_answers(
        minimal, room(*shuffled)
    )


# --- medians and the consolidated answer set ----------------------------------------------------


@pytest.mark.parametrize(
    ("levels", "median"),
    [
        ([3], 3),
        ([1, 2, 5], 2),
        ([3, 3, 4, 4], 3),  # mean 3.5, exactly between: the lower level
        ([1, 3, 4, 5], 3),  # middle 3 and 4, mean 3.25: nearer 3
        ([2, 3, 4, 5, 5, 5], 4),  # middle 4 and 5, mean 4: 4
        ([1, 4, 5, 5], 4),  # middle 4 and 5, mean 3.75: nearer 4
        ([1, 1, 5, 5], 1),  # mean 3, exactly between 1 and 5: the lower
        ([], None),
    ],
)
def test_median_level_uses_the_mean_to_break_an_even_split(levels, median):
    assert median_level(levels, [1, 2, 3, 4, 5]) == median


def test_the_consolidated_answers_are_the_median_levels(minimal):
    people = room(
        {"share": 1, "sponsor": None, "ambition": None},
        {"share": 3, "sponsor": None, "ambition": 4},
        {"share": 4, "sponsor": 2},
    )
    assert consolidated_answers(minimal, people) == {
        "share": 3,
        "sponsor": None,  # two of three said "don't know"
        "ambition": 4,  # one level against one "don't know": the level is kept
    }  # nobody answered "equipped": it stays unanswered


def test_a_question_answered_by_fewer_than_the_threshold_stays_unanswered(minimal):
    people = room({"share": 2, "sponsor": 4}, {"share": 2}, {"share": 3})
    assert consolidated_answers(minimal, people, threshold=3) == {"share": 2}


@given(st.lists(ANSWERS, min_size=1, max_size=25))
@settings(max_examples=60, deadline=None)
def test_the_consolidated_answers_score_like_a_self_assessment(minimal, answer_sets):
    consolidated = consolidated_answers(minimal, room(*answer_sets))
    result = score(minimal, consolidated)  # raises if a level were off the scale
    assert 0 <= result.overall.coverage <= 1


# --- disagreements ----------------------------------------------------------------------------


def test_the_widest_spread_comes_first_and_agreement_is_never_listed(minimal):
    people = room(
        {"share": 1, "sponsor": 2, "ambition": 3, "equipped": 4},
        {"share": 5, "sponsor": 4, "ambition": 3, "equipped": 4},
        {"share": 1, "sponsor": 3, "ambition": 3, "equipped": 5},
    )
    ranked = [s.question_id for s in top_disagreements(question_stats(minimal, people))]
    assert ranked == ["share", "sponsor", "equipped"]  # "ambition": everyone said 3


def test_a_question_needs_three_answers_to_rank_as_a_disagreement(minimal):
    people = room({"share": 1, "sponsor": 1}, {"share": 5, "sponsor": 2}, {"sponsor": 3})
    ranked = [s.question_id for s in top_disagreements(question_stats(minimal, people))]
    assert ranked == ["sponsor"]


def test_at_most_top_disagreements_are_listed(minimal):
    people = room(*same(1, 3), *same(5, 3))
    assert len(top_disagreements(question_stats(minimal, people), top=2)) == 2


# --- the room's means and the threshold -----------------------------------------------------------


def test_below_the_threshold_only_the_counts_are_given(minimal):
    result = aggregate(minimal, room(*same(3, 4)), threshold=5)
    assert not result.visible
    assert (result.participants, result.contributors) == (4, 4)
    assert result.questions == [] and result.dimensions == [] and result.symmetry is None
    with pytest.raises(ValueError):
        as_result(minimal, result)


def test_participants_who_only_said_dont_know_do_not_open_the_room(minimal):
    result = aggregate(minimal, room(*same(3, 4), *same(None, 3)), threshold=5)
    assert (result.participants, result.contributors, result.visible) == (7, 4, False)


def test_the_room_mean_is_the_mean_of_the_participants_own_scores(minimal):
    people = room(*same(1, 2), *same(5, 2), {"share": 3, "sponsor": 3})
    result = aggregate(minimal, people, threshold=5)
    culture = result.dimension("culture")
    own = [0, 0, 100, 100, 50]
    assert culture.mean == pytest.approx(sum(own) / 5)
    assert culture.sd == pytest.approx(math.sqrt(sum((v - 50) ** 2 for v in own) / 5))
    assert (culture.low, culture.high) == (pytest.approx(50 - culture.sd), 50 + culture.sd)
    # Only four participants have a score on "cx": below the threshold, it is withheld.
    cx = result.dimension("cx")
    assert cx.participants == 4 and cx.mean is None and cx.sd is None


def test_withheld_questions_report_how_many_answers_they_are_waiting_for(minimal):
    people = room(*[{"share": 3}] * 5, {"sponsor": 2}, {"sponsor": 4})
    result = aggregate(minimal, people, threshold=5)
    assert result.question("share").answered == 5
    assert result.question("sponsor") is None
    assert result.withheld == {"sponsor": 2}
    assert [s.question_id for s in result.questions] == ["share"]


def test_the_room_symmetry_compares_the_means_of_both_sides(minimal):
    ambitious = {"share": 2, "sponsor": 2, "ambition": 5, "equipped": 2}  # index +75
    balanced = {"share": 3, "sponsor": 3, "ambition": 3, "equipped": 3}  # index 0
    result = aggregate(minimal, room(*[ambitious] * 3, *[balanced] * 3), threshold=5)
    sym = result.symmetry
    assert sym.customer_score == pytest.approx(75)
    assert sym.internal_score == pytest.approx(37.5)
    assert sym.index == pytest.approx(37.5)
    assert sym.stall and sym.quadrant.value == "stall_risk"
    assert (sym.participants_in_stall, sym.participants_with_index) == (3, 6)


def test_the_room_symmetry_is_withheld_until_enough_people_answered_both_sides(minimal):
    culture_only = {"share": 3, "sponsor": 3}
    result = aggregate(minimal, room(*[culture_only] * 5, *same(4, 2)), threshold=5)
    assert result.visible and result.symmetry.index is None
    assert result.symmetry.participants_with_index == 0


# --- what leaves the room -------------------------------------------------------------------------


def test_the_summary_document_holds_aggregates_only(minimal):
    result = aggregate(minimal, with_roles(5, 3), [ROLE], threshold=5)
    document = summary_document(result, title="Offsite", joined=9)
    text = json.dumps(document)  # JSON-ready
    assert document["participants"] == 8 and document["joined"] == 9
    assert document["questions"]["share"]["distribution"] == {
        "1": 0,
        "2": 3,
        "3": 0,
        "4": 0,
        "5": 5,
    }
    staff = document["segments"][0]["groups"][1]
    assert staff == {"option": "Staff", "size": None, "scores": {}}
    assert '"answers"' not in text and '"id"' not in text


def test_the_room_as_a_result_feeds_the_self_assessment_charts_and_texts(minimal):
    result = aggregate(minimal, with_roles(5, 6), [ROLE], threshold=5)
    as_one = as_result(minimal, result)
    assert as_one.overall.score == pytest.approx(result.overall.mean)
    assert as_one.dimension("culture").answered == 2
    assert radar_chart(minimal, as_one, "fr").data
    assert len(interpret(minimal, as_one, "en")) >= 3


# --- charts -------------------------------------------------------------------------------------


def test_the_room_radar_draws_the_band_and_greys_a_withheld_dimension(minimal):
    people = room(*[{"share": 2, "sponsor": 4}] * 5, *same(3, 2))
    figure = room_radar(minimal, aggregate(minimal, people, threshold=5), "en")
    spread, mean, points = figure.data
    assert spread.fill == "toself" and mean.mode == "lines"
    assert points.r[1] == 0 and "withheld" in points.theta[1]
    assert points.marker.color[1] != points.marker.color[0]


def test_the_distribution_chart_has_a_row_per_question_and_waits_below_the_threshold(minimal):
    people = room(*[{"share": 1}] * 2, *[{"share": 5}] * 3, {"sponsor": 2})
    result = aggregate(minimal, people, threshold=5)
    figure = distribution_chart(minimal, result, ["share", "sponsor"], "fr")
    assert [trace.uid for trace in figure.data][-1] == "dont_know"
    level_5 = next(trace for trace in figure.data if trace.uid == "level_5")
    assert list(level_5.x) == [60, 0]
    consensus = 1 - math.sqrt((2 * 60**2 + 3 * 40**2) / 5) / 50
    notes = [a.text for a in figure.layout.annotations]
    # French: a share cut down to the whole percent, a narrow no-break space before "%".
    assert notes == [f"consensus {math.floor(100 * consensus)}\u202f%", "en attente (1/5)"]


def test_the_heatmap_never_draws_a_number_for_a_hidden_group(minimal):
    result = aggregate(minimal, with_roles(3, 8), [ROLE], threshold=5)
    figure = segment_heatmap(minimal, result.segments[0], 5, "fr")
    scores, withheld = (
        next(t for t in figure.data if t.uid == uid) for uid in ("groups", "withheld")
    )
    assert all(value is None for row in scores.z for value in row)
    # Every withheld cell is drawn (grey), with its reason: never an empty white box.
    assert all(value == 0 for row in withheld.z for value in row)
    assert all(label.startswith("masqué") for row in withheld.text for label in row)
    # 3 + 8 = 11 people in the room: showing "Staff (8)" would give Leadership's 3 away.
    assert withheld.y == ("Leadership (< 5)", "Staff (effectif masqué)")


def test_a_group_too_small_and_the_one_that_protects_it_say_so_in_english(minimal):
    result = aggregate(minimal, with_roles(2, 6), [ROLE], threshold=5)
    figure = segment_heatmap(minimal, result.segments[0], 5, "en")
    withheld = next(t for t in figure.data if t.uid == "withheld")
    assert withheld.y == ("Leadership (< 5)", "Staff (size withheld)")
    said = [{label.replace("<br>", " ") for label in row} for row in withheld.text]
    assert said == [{"withheld (fewer than 5)"}, {"withheld (protects a small group)"}]


def test_the_room_quadrant_calls_its_point_the_room(minimal):
    result = aggregate(minimal, with_roles(5, 6), [ROLE], threshold=5)
    figure = room_quadrant(minimal, result, "fr")
    point = next(trace for trace in figure.data if trace.uid == "organisation")
    assert point.text == ("La salle",)
    assert "La salle" in point.hovertext[0]


def test_the_documentation_states_the_thresholds_the_code_uses():

    from assessment.workshop import room as workshop

    text = (ROOT / "docs" / "workshop.md").read_text()
    high, low = workshop.CONSENSUS_BANDS
    assert f"consensus ≥ {high}" in text and f"from {low}" in text
    assert f"at least {workshop.MIN_ANSWERS_TO_RANK} levels given" in text
    assert f"(default {workshop.DEFAULT_THRESHOLD}, from {workshop.MIN_THRESHOLD} to" in text
    assert f"**Dispersion threshold** (default {workshop.DEFAULT_DISPERSION_THRESHOLD}," in text
    assert f"the {workshop.TOP_DISAGREEMENTS} questions" in text.replace("five", "5")


def test_a_room_of_one_scores_exactly_like_that_person_s_self_assessment(minimal):
    answers = {"share": 2, "sponsor": 5, "ambition": 4, "equipped": 1}
    room = aggregate(minimal, [Participant(id=1, answers=answers)], threshold=1)
    alone = score(minimal, answers)
    assert room.overall.mean == pytest.approx(alone.overall.score)
    assert {d.id: d.mean for d in room.dimensions} == {d.id: d.score for d in alone.dimensions}
    assert room.symmetry.index == pytest.approx(alone.symmetry.index)
    assert room.symmetry.stall == alone.symmetry.stall
