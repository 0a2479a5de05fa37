"""Percentiles, quartiles, the pool's coverage rule and the peer groups, on hand-computed cases."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from assessment.benchmark import (
    Pool,
    PoolEntry,
    Scope,
    is_old,
    percentile,
    pool_entry,
    position,
    quartiles,
)
from assessment.scoring import score

# --- percentile: 100 × (below + ½ ties) / n -----------------------------------------------


@pytest.mark.parametrize(
    ("value", "peers", "expected"),
    [
        (50, [10, 20, 30, 40], 100.0),  # above everyone
        (5, [10, 20, 30, 40], 0.0),  # below everyone
        (25, [10, 20, 30, 40], 50.0),  # 2 below of 4
        (20, [10, 20, 30, 40], 37.5),  # 1 below + ½ tie = 1.5 of 4
        (20, [20, 20, 20, 20], 50.0),  # all tied
        (30, [10, 30, 30, 50, 70], 40.0),  # 1 below + ½ × 2 ties = 2 of 5
        (62.5, [62.5], 50.0),  # single peer, same score
        (70, [62.5], 100.0),  # single peer, below
        (10, [62.5], 0.0),  # single peer, above
    ],
)
def test_percentile_counts_peers_below_and_half_the_ties(value, peers, expected):
    assert percentile(value, peers) == pytest.approx(expected)


def test_an_empty_group_has_no_percentile():
    assert percentile(50, []) is None
    assert quartiles([]) is None


def test_float_noise_does_not_break_a_tie():
    assert percentile(0.1 + 0.2, [0.3]) == 50.0


@given(
    st.floats(0, 100),
    st.lists(st.floats(0, 100), min_size=1, max_size=40),
)
def test_percentile_stays_within_0_and_100_and_does_not_depend_on_order(value, peers):
    result = percentile(value, peers)
    assert 0 <= result <= 100
    assert result == percentile(value, list(reversed(peers)))


@given(st.lists(st.floats(0, 100), min_size=1, max_size=40), st.floats(0, 50))
def test_a_higher_score_never_gets_a_lower_percentile(peers, value):
    assert percentile(value + 10, peers) >= percentile(value, peers)


# --- quartiles: linear interpolation ----------------------------------------------------------


def test_quartiles_interpolate_between_sorted_scores():
    q = quartiles([40, 10, 30, 20])  # sorted 10 20 30 40; h = 3p
    assert (q.q1, q.median, q.q3) == (17.5, 25.0, 32.5)
    assert (q.low, q.high) == (10, 40)


def test_quartiles_of_a_single_peer_are_its_score():
    q = quartiles([62.5])
    assert q.q1 == q.median == q.q3 == 62.5


def test_quartiles_match_pandas_default():
    pandas = pytest.importorskip("pandas")
    peers = [12.5, 80, 33.3, 50, 50, 71, 5]
    q = quartiles(peers)
    expected = pandas.Series(peers).quantile([0.25, 0.5, 0.75]).tolist()
    assert [q.q1, q.median, q.q3] == pytest.approx(expected)


# --- what an assessment brings to the pool ------------------------------------------------------


def test_a_dimension_enters_the_pool_only_when_80_percent_answered(minimal):
    # culture has 2 questions: one answered = 50 % coverage, left out; cx fully answered.
    result = score(minimal, {"share": 4, "ambition": 3, "equipped": 5})
    entry = pool_entry(minimal, result, "J", "50-249", assessment_id=7)
    assert set(entry.scores) == {"cx"}
    assert entry.scores["cx"] == pytest.approx(75.0)


def test_dont_know_counts_as_unanswered_for_the_pool(minimal):
    result = score(minimal, {"share": 4, "sponsor": None, "ambition": 3, "equipped": 5})
    assert "culture" not in pool_entry(minimal, result, "J", "50-249").scores


def test_an_assessment_with_no_well_covered_dimension_brings_nothing(minimal):
    assert pool_entry(minimal, score(minimal, {"share": 4}), "J", "50-249") is None


# --- peer groups: minimum size and widening --------------------------------------------------


def entries(sector, size, scores, first_id=100):
    return [
        PoolEntry(sector=sector, size_class=size, scores={"cx": s}, assessment_id=first_id + i)
        for i, s in enumerate(scores)
    ]


@pytest.fixture
def result(minimal):
    return score(minimal, {"share": 3, "sponsor": 3, "ambition": 3, "equipped": 3})  # cx 50


def cx(positions):
    return next(p for p in positions if p.dimension_id == "cx")


def test_the_same_sector_and_size_is_used_when_it_has_enough_peers(result):
    pool = entries("J", "50-249", [10, 20, 30, 60, 70]) + entries("C", "50-249", [90] * 10)
    item = cx(position(result, pool, "J", "50-249", min_peers=5))
    assert item.scope == Scope.sector_size and not item.widened
    assert item.percentile == 60.0  # 3 of 5 below
    assert item.quartiles.median == 30


def test_too_few_peers_widen_to_the_same_size_then_sector_then_all(result):
    pool = (
        entries("J", "50-249", [10, 20])
        + entries("C", "50-249", [30])  # same size, other sector
        + entries("J", "250+", [40, 60])  # same sector, other size
        + entries("K", "1-9", [80, 90])
    )
    item = cx(position(result, pool, "J", "50-249", min_peers=4))
    assert [(t.scope, t.members) for t in item.tried] == [
        (Scope.sector_size, 2),
        (Scope.size, 3),
        (Scope.sector, 4),
    ]
    assert item.scope == Scope.sector and item.widened
    assert sorted(item.peers) == [10, 20, 40, 60]


def test_not_enough_peers_anywhere_gives_no_position(result):
    pool = entries("J", "50-249", [10, 20])
    item = cx(position(result, pool, "J", "50-249", min_peers=5))
    assert not item.enough and item.scope is None
    assert item.percentile is None and item.quartiles is None
    assert [t.members for t in item.tried] == [2, 2, 2, 2]


def test_a_wider_group_can_be_asked_for_directly(result):
    pool = entries("J", "50-249", [10] * 5) + entries("C", "10-49", [90] * 5)
    item = cx(position(result, pool, "J", "50-249", scope=Scope.all, min_peers=5))
    assert item.scope == Scope.all and not item.widened
    assert len(item.peers) == 10 and item.percentile == 50.0


def test_the_organisation_is_never_its_own_peer(result):
    pool = entries("J", "50-249", [50, 10, 20, 30, 40, 60], first_id=1)  # id 1 is ourselves
    item = cx(position(result, pool, "J", "50-249", min_peers=5, exclude=1))
    assert sorted(item.peers) == [10, 20, 30, 40, 60]
    assert item.percentile == 80.0


def test_a_dimension_without_score_gets_no_percentile(minimal):
    result = score(minimal, {"ambition": 3, "equipped": 3})
    pool = [
        PoolEntry(sector="J", size_class="50-249", scores={"culture": 50, "cx": 50})
        for _ in range(5)
    ]
    culture = next(p for p in position(result, pool, "J", "50-249") if p.dimension_id == "culture")
    assert culture.score is None and culture.percentile is None and culture.enough


def test_fewer_than_30_peers_is_flagged_thin(result):
    few = cx(position(result, entries("J", "50-249", [50] * 29), "J", "50-249"))
    many = cx(position(result, entries("J", "50-249", [50] * 30), "J", "50-249"))
    assert few.thin and not many.thin


# --- settings and caveats ---------------------------------------------------------------------


def test_a_figure_more_than_five_years_old_is_flagged():
    today = dt.date(2026, 11, 23)
    assert is_old(2020, today) and is_old(2013, today)
    assert not is_old(2021, today) and not is_old(2026, today)


# --- the pool keeps its sorted peer groups ---------------------------------------------------

SECTORS_SIZES = st.tuples(st.sampled_from(["J", "C"]), st.sampled_from(["50-249", "250+"]))


@given(
    members=st.lists(
        st.tuples(SECTORS_SIZES, st.integers(0, 20).map(lambda s: s * 5.0), st.booleans()),
        max_size=40,
    ),
    scope=st.sampled_from(list(Scope)),
    exclude=st.sampled_from([None, 100, 101, 999]),
)
def test_a_pool_places_an_organisation_as_a_plain_list_of_its_entries_does(
    minimal, members, scope, exclude
):
    result = score(minimal, {"share": 3, "sponsor": 3, "ambition": 3, "equipped": 3})
    plain = [
        PoolEntry(
            sector=sector,
            size_class=size,
            scores={"cx": value, **({"culture": 100 - value} if both else {})},
            assessment_id=100 + i if i % 3 else None,  # every third one imported
        )
        for i, ((sector, size), value, both) in enumerate(members)
    ]
    pool = Pool(plain)
    for _ in range(2):  # the second time from the groups the pool kept
        assert position(result, pool, "J", "50-249", scope=scope, min_peers=3, exclude=exclude) == (
            position(result, plain, "J", "50-249", scope=scope, min_peers=3, exclude=exclude)
        )


def test_changing_a_pool_drops_the_groups_it_kept(result):
    pool = Pool(entries("J", "50-249", [10, 20, 30, 40, 50]))
    assert cx(position(result, pool, "J", "50-249")).percentile == 90.0  # 4 below, 1 tie, of 5
    pool.extend(entries("J", "50-249", [90] * 5, first_id=200))
    assert cx(position(result, pool, "J", "50-249")).percentile == 45.0  # the same, of 10
    pool[:] = entries("J", "50-249", [0] * 5)
    assert cx(position(result, pool, "J", "50-249")).percentile == 100.0
