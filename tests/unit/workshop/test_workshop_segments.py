"""Segment groups under the anonymity threshold, and segments typed by the facilitator."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assessment.scoring import ScoringPlan
from assessment.workshop import (
    Participant,
    Segment,
    SegmentSyntaxError,
    aggregate,
    parse_segments,
)
from tests.unit.workshop.rooms import ANSWERS, ROLE, room, same, with_roles

# --- segments ---------------------------------------------------------------------------------


def test_groups_at_or_above_the_threshold_show_their_mean_and_the_gap(minimal):
    result = aggregate(minimal, with_roles(5, 6), [ROLE], threshold=5)
    view = result.segments[0]
    leaders, staff = view.groups
    assert (leaders.option, leaders.size, staff.size) == ("Leadership", 5, 6)
    assert leaders.cells["culture"].score == 100 and staff.cells["culture"].score == 25
    assert leaders.cells["culture"].contributors == 5
    assert view.gaps["culture"] == 75
    assert view.widest_gap == ("culture", 75)


def test_a_group_below_the_threshold_is_hidden_with_no_figure(minimal):
    result = aggregate(minimal, with_roles(3, 8), [ROLE], threshold=5)
    leaders, staff = result.segments[0].groups
    assert leaders.size is None
    assert {c.status for c in leaders.cells.values()} == {"too_few"}
    assert all(c.score is None and c.contributors is None for c in leaders.cells.values())
    # The room's mean and the staff's mean would give the leaders' away: staff hidden too.
    assert {c.status for c in staff.cells.values()} == {"protects_other"}
    # And 11 in the room minus 8 staff would give the leaders' head count away.
    assert (staff.size, staff.size_status, leaders.size_status) == (
        None,
        "protects_other",
        "too_few",
    )


@pytest.mark.parametrize("threshold", [3, 5])
def test_a_three_and_two_split_lets_nothing_be_worked_out_by_subtraction(minimal, threshold):
    """3 leaders and 2 staff: whatever the threshold, the room's figures minus the shown
    groups' never give the 2 staff members' size or means."""
    result = aggregate(minimal, with_roles(3, 2), [ROLE], threshold=threshold)
    assert result.visible
    leaders, staff = result.segments[0].groups
    assert staff.size is None and staff.size_status == "too_few"
    # The leaders' group (3 people) is what subtraction would start from: withheld too.
    assert leaders.size is None
    for key, cell in leaders.cells.items():
        assert cell.score is None, key
    assert result.segments[0].gaps == {key: None for key in result.segments[0].gaps}


def test_hidden_groups_adding_up_to_the_threshold_need_no_extra_hiding(minimal):
    three = Segment(name="Site", options=["North", "South", "East"])
    sites = {i: {"Site": "North" if i <= 6 else "South" if i <= 9 else "East"} for i in range(13)}
    people = room(*same(3, 12), segments=sites)
    north, south, east = aggregate(minimal, people, [three], threshold=5).segments[0].groups
    assert (south.size, east.size) == (None, None)  # 3 each: hidden
    assert north.cells["culture"].status == "shown"  # 6 hidden together ≥ 5: North is safe


def test_participants_without_a_choice_form_their_own_group(minimal):
    people = room(*same(4, 6), segments={i: {"Role": "Staff"} for i in range(1, 6)})
    groups = aggregate(minimal, people, [ROLE], threshold=1).segments[0].groups
    assert [g.option for g in groups] == ["Leadership", "Staff", ""]
    assert groups[0].cells["culture"].status == "empty"
    assert groups[2].size == 1


@given(
    st.lists(st.tuples(st.sampled_from(["A", "B", "C", "D"]), ANSWERS), min_size=1, max_size=40),
    st.integers(2, 6),
)
@settings(max_examples=120, deadline=None)
def test_no_shown_cell_lets_a_small_group_be_worked_out(minimal, rows, threshold):
    segment = Segment(name="Team", options=["A", "B", "C", "D"])
    people = [
        Participant(id=i, segments={"Team": team}, answers=answers)
        for i, (team, answers) in enumerate(rows)
    ]
    result = aggregate(minimal, people, [segment], threshold=threshold)
    if not result.visible:
        return
    plan = ScoringPlan(minimal)
    for key in ("culture", "cx", "overall"):
        cells = [group.cells[key] for group in result.segments[0].groups]
        shown = [c for c in cells if c.status == "shown"]
        assert all(c.contributors >= threshold for c in shown)
        # Room minus the shown groups = the hidden ones: none, or at least `threshold` people.
        contributors = [
            p
            for p in people
            if (plan.scores(p.answers).overall if key == "overall" else
                plan.scores(p.answers).dimensions[key]) is not None
        ]  # fmt: skip
        hidden = len(contributors) - sum(c.contributors for c in shown)
        assert hidden == 0 or hidden >= threshold or not shown


# --- segments typed by the facilitator ------------------------------------------------------------


def test_segments_are_typed_one_per_line():
    text = "Fonction : Direction, Managers, Équipes\n\n Site: Siège ,Régions \n"
    assert parse_segments(text) == [
        Segment(name="Fonction", options=["Direction", "Managers", "Équipes"]),
        Segment(name="Site", options=["Siège", "Régions"]),
    ]
    assert parse_segments("") == []


@pytest.mark.parametrize(
    ("text", "line", "reason"),
    [
        ("Role Leadership, Staff", 1, "no_colon"),
        (": a, b", 1, "no_colon"),
        ("Role: Leadership", 1, "few_options"),
        ("Role: a, A", 1, "same_option"),
        ("Role: a, b\nrole: c, d", 2, "same_name"),
        ("Role: " + ", ".join(f"o{i}" for i in range(13)), 1, "many_options"),
        ("Role: a, " + "b" * 61, 1, "too_long"),
        ("A: a, b\nB: a, b\nC: a, b\nD: a, b", 4, "too_many"),
    ],
)
def test_a_faulty_segment_line_is_named_with_its_reason(text, line, reason):
    with pytest.raises(SegmentSyntaxError) as error:
        parse_segments(text)
    assert (error.value.line, error.value.reason) == (line, reason)
    assert reason in SegmentSyntaxError.REASONS


def test_the_threshold_must_be_a_sensible_whole_number(minimal):
    for wrong in (0, 51, 2.5, True):
        with pytest.raises((ValueError, TypeError)):
            aggregate(minimal, [], threshold=wrong)
