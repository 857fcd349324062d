"""A per-person token bucket: how many updates one user may have handled, and how fast."""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable

RATE_PER_S = 5.0  # updates a second, sustained
# Updates at once after a pause: a double tap, a backlog after a restart, or a whole
# survey (17 updates) pressed by a test robot as fast as the bot answers.
BURST = 20
MAX_PEOPLE = 100_000  # buckets kept at most, whatever happens


class Throttle:
    """Token buckets per person; memory holds only those who sent something recently.

    A bucket that has had time to fill up again is no different from a new one, so it is
    forgotten: the buckets kept are those of people active in the last BURST / RATE_PER_S
    seconds (four, by default), and never more than `max_people`.
    """

    def __init__(
        self,
        rate: float = RATE_PER_S,
        burst: int = BURST,
        max_people: int = MAX_PEOPLE,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if rate <= 0 or burst < 1 or max_people < 1:
            raise ValueError("rate, burst and max_people must be positive")
        self.rate, self.burst, self.max_people = rate, burst, max_people
        self._clock = clock
        self._refill_s = burst / rate
        # person -> (tokens left, when last counted); least recently seen first
        self._buckets: OrderedDict[int, tuple[float, float]] = OrderedDict()

    def allow(self, person: int) -> bool:
        """Take one token from the person's bucket; False when it is empty (drop the update)."""
        now = self._clock()
        self._forget_full(now)
        tokens, last = self._buckets.pop(person, (float(self.burst), now))
        tokens = min(float(self.burst), tokens + (now - last) * self.rate)
        allowed = tokens >= 1.0
        self._buckets[person] = (tokens - 1.0 if allowed else tokens, now)
        if len(self._buckets) > self.max_people:
            self._buckets.popitem(last=False)  # the one seen longest ago gets a fresh bucket
        return allowed

    def __len__(self) -> int:
        return len(self._buckets)

    def _forget_full(self, now: float) -> None:
        while self._buckets:
            _, (_, last) = next(iter(self._buckets.items()))
            if now - last < self._refill_s:
                return
            self._buckets.popitem(last=False)
