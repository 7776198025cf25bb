"""Every Bot API request goes through here: Telegram's flood limits, ``retry_after``, and retries on faults.

``AIORateLimiter`` keeps within the overall and per-group limits and honours 429 ``retry_after``. On top
of it, a request that fails with a server error (5xx), a dropped connection or a time-out is tried again
with exponential backoff, so a reply is delivered through a short Bot API outage instead of being lost.
Client errors (400 Bad Request, 403 Forbidden, 401, 409) are final and raised at once.
"""

from __future__ import annotations

import asyncio
import logging
import random
from collections.abc import Callable, Coroutine
from typing import Any

from telegram.error import BadRequest, NetworkError
from telegram.ext import AIORateLimiter

log = logging.getLogger("bot.delivery")

JSONDict = dict[str, Any]
# Start-up and polling have retry loops of their own (bot.app and the updater): not retried twice.
NOT_RETRIED = frozenset({"getMe", "getUpdates", "setWebhook", "deleteWebhook"})


class DeliveringRateLimiter(AIORateLimiter):
    """``AIORateLimiter`` that also retries transient faults with exponential backoff and jitter."""

    def __init__(
        self,
        *,
        overall_max_rate: float = 30,
        overall_time_period: float = 1,
        group_max_rate: float = 20,
        group_time_period: float = 60,
        max_retries: int = 5,
        first_backoff: float = 0.5,
        max_backoff: float = 30.0,
    ) -> None:
        super().__init__(
            overall_max_rate=overall_max_rate,
            overall_time_period=overall_time_period,
            group_max_rate=group_max_rate,
            group_time_period=group_time_period,
            max_retries=max_retries,
        )
        self._fault_retries = max_retries
        self._first_backoff = first_backoff
        self._max_backoff = max_backoff

    async def process_request(  # noqa: PLR0917 (the base class's signature)
        self,
        callback: Callable[..., Coroutine[Any, Any, bool | JSONDict | list[JSONDict]]],
        args: Any,  # noqa: ANN401 (the signature of the base class)
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> bool | JSONDict | list[JSONDict]:
        """Send within the flood limits; on a transient fault wait and send again, up to ``max_retries``."""
        attempt = 0
        while True:
            try:
                return await super().process_request(callback, args, kwargs, endpoint, data, rate_limit_args)
            except BadRequest:
                raise  # a 400 (a subclass of NetworkError) will fail the same way again
            except NetworkError as error:  # 5xx, connection reset or refused, time-outs
                if endpoint in NOT_RETRIED or attempt >= self._fault_retries:
                    raise
                delay = min(self._first_backoff * 2**attempt, self._max_backoff) * random.uniform(0.8, 1.2)  # noqa: S311
                attempt += 1
                log.warning(
                    "%s failed (%s); attempt %d of %d in %.1f s", endpoint, error, attempt, self._fault_retries, delay
                )
                await asyncio.sleep(delay)
