"""Hypothesis profiles for the parsers' fuzz tests: ``ci`` (the default, in ``make test``) is
derandomized (a fixed seed: the same examples on every run) and small enough for the whole
folder to stay under a minute; ``long`` (``make fuzz``) draws fresh examples, many more."""

import os

from hypothesis import HealthCheck, settings

COMMON = dict(
    deadline=None,  # the tests assert their own time bound, generous on a loaded machine
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    database=None,
)
settings.register_profile("ci", max_examples=60, derandomize=True, **COMMON)
settings.register_profile("long", max_examples=2_000, **COMMON)
settings.load_profile(os.environ.get("FUZZ_PROFILE", "ci"))
