"""Rooms pooled into one wave: one result from several rooms of one questionnaire, the rooms
side by side, and nothing a room withheld coming back through the pool by subtraction."""

import pytest

from assessment.store import DocumentKind, Store
from assessment.waves import (
    Member,
    PoolRefused,
    WaveInput,
    compare,
    pooled_groups,
    question_scores,
    wave_spreads,
)
from tests.samples import QUESTIONNAIRE, QUESTIONS
from tests.unit.waves.conftest import assessment, room

DIMENSIONS = [d.id for d in QUESTIONNAIRE.ordered_dimensions()]


@pytest.fixture
def store(tmp_path):
    store = Store(f"sqlite:///{tmp_path / 'rooms.db'}")
    yield store
    store.dispose()


def member(store, record, label):
    return Member(
        label=label,
        questionnaire=QUESTIONNAIRE,
        answers=store.answers(record.id),
        workshop=store.document(record.id, DocumentKind.workshop),
    )


def test_three_rooms_pool_into_one_result_with_the_rooms_side_by_side(store):
    lyon = member(store, room(store, "Lyon", [2] * 6 + [3] * 4), "Lyon")
    lille = member(store, room(store, "Lille", [4] * 10), "Lille")
    nantes = member(store, room(store, "Nantes", [3] * 12), "Nantes")
    pooled = question_scores([lyon, lille, nantes])
    # 6 × level 2 (25), 4 × 3 (50), 10 × 4 (75), 12 × 3 (50): the mean of the 32 people
    mean = (6 * 25 + 4 * 50 + 10 * 75 + 12 * 50) / 32
    assert len(pooled) == len(QUESTIONS) and all(v == pytest.approx(mean) for v in pooled.values())
    spreads = wave_spreads([lyon, lille, nantes], DIMENSIONS)
    assert spreads["culture"].participants == 32
    baseline = WaveInput(label="Baseline", members=[assessment(2)])
    wave = WaveInput(label="Three sites", members=[lyon, lille, nantes])
    figures = compare([baseline, wave]).waves[1]
    assert figures.kind == "pool" and figures.participants == 32
    assert [r.label for r in figures.rooms] == ["Lyon", "Lille", "Nantes"]
    assert [r.participants for r in figures.rooms] == [10, 10, 12]
    assert [r.overall for r in figures.rooms] == [35, 75, 50]
    assert figures.score("overall") == pytest.approx(53.125)


def test_pooled_spread_is_exact_from_each_rooms_size_mean_and_spread(store):
    low = member(store, room(store, "A", [1] * 8), "A")  # everyone 0
    high = member(store, room(store, "B", [5] * 8), "B")  # everyone 100
    spread = wave_spreads([low, high], DIMENSIONS)["overall"]
    assert spread.participants == 16 and spread.sd == pytest.approx(50.0)


def test_a_rooms_change_within_its_margin_of_error_is_stable(store):
    before = member(store, room(store, "Before", [1, 5] * 5), "Before")  # mean 50, SD 50
    after = member(store, room(store, "After", [1, 5, 5] * 4), "After")  # mean ≈ 66.7, SD ≈ 47
    # a change of 17 points, but 2 × √(50² / 9 + 47² / 11) ≈ 44: within the rooms' margin
    overall = compare(
        [WaveInput(label="1", members=[before]), WaveInput(label="2", members=[after])]
    ).total.overall
    assert overall.delta > 5 and overall.standard_error > 8
    assert (overall.verdict, overall.reason) == ("stable", "noise")


def test_a_question_a_room_withheld_stays_out_of_the_pool(store):
    # Lille: only 3 of its 6 people answered the first question, under the threshold of 5
    lyon = member(store, room(store, "Lyon", [2] * 6), "Lyon")
    record = room(store, "Lille", [5] * 6)
    summary = store.document(record.id, DocumentKind.workshop)
    first = QUESTIONS[0].id
    summary["questions"].pop(first)  # as the room left it when too few answered it
    lille = Member(label="Lille", questionnaire=QUESTIONNAIRE, answers={}, workshop=summary)
    pooled = question_scores([lyon, lille])
    assert pooled[first] == 25  # Lyon's alone: nothing of Lille's three is in it
    assert pooled[QUESTIONS[1].id] == pytest.approx((6 * 25 + 6 * 100) / 12)


def test_a_group_a_room_withheld_is_not_pooled_so_no_subtraction_reveals_it(store):
    # Lyon: 4 leaders and 6 staff (leaders withheld, and staff with them: complementary
    # suppression); Lille: 6 leaders and 6 staff, both shown.
    roles = ["Leadership"] * 4 + ["Staff"] * 6
    lyon = member(store, room(store, "Lyon", [1] * 4 + [3] * 6, roles), "Lyon")
    lille = member(store, room(store, "Lille", [5] * 6 + [4] * 6, ["Leadership", "Staff"]), "Lille")
    lyon_groups = {g["option"]: g for g in lyon.workshop["segments"][0]["groups"]}
    assert not lyon_groups["Leadership"]["scores"] and not lyon_groups["Staff"]["scores"]
    groups = {g.option: g for g in pooled_groups([lyon, lille])}
    assert groups["Leadership"].rooms == 1 and groups["Leadership"].size == 6
    assert groups["Leadership"].scores["overall"] == pytest.approx(
        next(g for g in lille.workshop["segments"][0]["groups"] if g["option"] == "Leadership")[
            "scores"
        ]["overall"]
    )
    assert "Staff" in groups and groups["Staff"].rooms == 1  # Lyon's staff protect its leaders


def test_only_rooms_of_one_questionnaire_pool(store, v2):
    lyon = member(store, room(store, "Lyon", [2] * 6), "Lyon")
    with pytest.raises(PoolRefused):
        question_scores([lyon, assessment(3)])
    other = lyon.model_copy(update={"questionnaire": v2})
    with pytest.raises(PoolRefused):
        question_scores([lyon, other])
