"""The benchmarks' timing: ours and the baseline alternate call by call, never in runs of one."""

from bench.measure import interleaved, quantile


def test_the_two_sides_alternate_call_by_call_and_each_pair_starts_with_the_other_side():
    calls: list[str] = []
    pairs = interleaved(lambda: calls.append("o"), lambda: calls.append("b"), 3, 1, repeat=4)
    timed = "".join(calls[2:])  # after the warm-up's one call each
    per_pair = [timed[i : i + 8] for i in range(0, len(timed), 8)]
    assert per_pair == ["obboobbo", "boobboob", "obboobbo"]
    assert len(pairs.ours) == len(pairs.baseline) == len(pairs.ratios) == 3


def test_quantiles_interpolate_between_the_sorted_values_as_numpy_does():
    assert quantile([3, 1, 2, 4], 0.5) == 2.5
    assert quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9) == 9.1
