"""A per-user limit on questions, so one person cannot flood a group through the bot."""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from enum import Enum


class Verdict(Enum):
    """What to do with one more question from a user."""

    ALLOW = "allow"
    NOTIFY = "notify"  # the first question over the limit: tell the user once
    DROP = "drop"  # further questions over the limit: ignore quietly


class QuestionThrottle:
    """At most ``limit`` questions per user in any ``window`` seconds (a sliding window)."""

    def __init__(self, limit: int, window: float, *, clock: Callable[[], float] = time.monotonic) -> None:
        self._limit = limit
        self._window = window
        self._clock = clock
        self._asked: dict[int, deque[float]] = {}
        self._notified: set[int] = set()
        self._last_sweep = clock()

    def check(self, user_id: int) -> Verdict:
        """Count one question from ``user_id`` and say whether to answer it."""
        now = self._clock()
        self._sweep(now)
        times = self._asked.setdefault(user_id, deque())
        while times and times[0] <= now - self._window:
            times.popleft()
        if len(times) < self._limit:
            times.append(now)
            self._notified.discard(user_id)
            return Verdict.ALLOW
        if user_id in self._notified:
            return Verdict.DROP
        self._notified.add(user_id)
        return Verdict.NOTIFY

    def _sweep(self, now: float) -> None:
        """Forget users idle for a whole window, so memory stays bounded by recent askers."""
        if now - self._last_sweep < self._window:
            return
        self._last_sweep = now
        for user_id in [u for u, times in self._asked.items() if not times or times[-1] <= now - self._window]:
            del self._asked[user_id]
            self._notified.discard(user_id)
