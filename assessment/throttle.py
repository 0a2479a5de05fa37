"""Wrong join codes and wrong consultant keys, slowed down: exponential back-off per connection.

The state is one ``Backoff`` per browser session (a Streamlit session is one connection), never
per address: a venue's 200 phones share one public IP, and each mistyping its code once must
never wait. The first wrong try is free; from the second on, the next try waits 1, 2, 4 … s,
at most ``MAX_WAIT`` (a guesser meets ~60 s a try after seven; a person retypes at once).
Comparisons of secrets are made in constant time on their UTF-8 bytes.
"""

from __future__ import annotations

import hmac
import math
from dataclasses import dataclass

FREE_TRIES = 1
FIRST_WAIT = 1.0
MAX_WAIT = 60.0


def wait_after(failures: int) -> float:
    """Seconds to wait after ``failures`` wrong tries in a row."""
    if failures <= FREE_TRIES:
        return 0.0
    return min(FIRST_WAIT * 2 ** (failures - FREE_TRIES - 1), MAX_WAIT)


@dataclass
class Backoff:
    """One connection's wrong tries at one secret; ``now`` is a monotonic clock reading."""

    failures: int = 0
    until: float = 0.0

    def wait(self, now: float) -> int:
        """Whole seconds before the next try is looked at (0: it may be tried now)."""
        return max(0, math.ceil(self.until - now))

    def failed(self, now: float) -> None:
        self.failures += 1
        self.until = now + wait_after(self.failures)

    def succeeded(self) -> None:
        self.failures, self.until = 0, 0.0


def same_secret(given: str, expected: str) -> bool:
    """Whether two secrets match, in constant time, any characters allowed."""
    return hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))
