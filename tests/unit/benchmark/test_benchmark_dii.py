"""The digital intensity check: 12 items, four bands, placement in the published distribution."""

import pytest

from assessment.benchmark import dii, load_benchmarks
from assessment.questionnaire import DEFAULT_QUESTIONNAIRE, load_questionnaire

DISTRIBUTION = load_benchmarks(load_questionnaire(DEFAULT_QUESTIONNAIRE)).distributions[
    "eurostat_dii_2023"
]


def ticked(n: int) -> dict[str, bool]:
    return {item_id: i < n for i, item_id in enumerate(dii.ITEM_IDS)}


def test_there_are_twelve_distinct_items_in_both_languages():
    assert len(dii.ITEMS) == 12 == len(set(dii.ITEM_IDS))
    assert all(item.text.fr != item.text.en for item in dii.ITEMS)


@pytest.mark.parametrize(
    ("points", "level"),
    [
        (0, "very_low"),
        (3, "very_low"),
        (4, "low"),
        (6, "low"),
        (7, "high"),
        (9, "high"),
        (10, "very_high"),
        (12, "very_high"),
    ],
)
def test_levels_follow_eurostat_bands(points, level):
    assert dii.dii_level(dii.dii_points(ticked(points))) == level


def test_an_unknown_item_is_an_error_not_a_silent_zero():
    with pytest.raises(ValueError, match="unknown DII item"):
        dii.dii_points({"blockchain": True})


def test_an_sme_is_placed_among_eu_smes():
    placed = dii.check(ticked(7), "50-249", DISTRIBUTION).placement  # high
    assert placed.group == "sme" and placed.year == 2023
    assert placed.below == pytest.approx(42.3 + 33.8)
    assert placed.same == pytest.approx(19.6)
    assert placed.above == pytest.approx(4.4)
    assert placed.second_hand and not placed.derived


def test_a_large_enterprise_is_placed_among_large_ones_and_the_derived_share_is_flagged():
    placed = dii.check(ticked(4), "250+", DISTRIBUTION).placement  # low
    assert placed.group == "large"
    assert (placed.below, placed.same) == pytest.approx((9.0, 22.7))
    assert placed.above == pytest.approx(42 + 26.3)
    assert placed.derived


def test_under_ten_employees_there_is_no_published_comparison():
    result = dii.check(ticked(5), "1-9", DISTRIBUTION)
    assert result.level == "low" and result.placement is None
