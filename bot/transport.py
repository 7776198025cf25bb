"""How requests travel to the Bot API: one JSON body instead of a form-encoded one.

python-telegram-bot's ``HTTPXRequest`` sends parameters as ``application/x-www-form-urlencoded``, and
``urllib.parse`` percent-encodes every byte that is not plain ASCII one at a time, in Python. Our replies
are long HTML texts, often in Cyrillic, and inline answers carry ten of them: form-encoding was the
largest single cost of a reply in the load benchmark. The Bot API takes the same parameters as a JSON
object (``RequestData.json_payload``, encoded by the C JSON encoder). Uploads (multipart) are unchanged.
"""

from __future__ import annotations

import httpx
from telegram._utils.defaultvalue import DefaultValue
from telegram._utils.types import ODVInput
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, HTTPXRequest, RequestData

JSON_HEADERS = {"User-Agent": HTTPXRequest.USER_AGENT, "Content-Type": "application/json"}


class JsonRequest(HTTPXRequest):
    """``HTTPXRequest`` that posts parameters as a JSON body (files still go as multipart/form-data)."""

    async def do_request(  # noqa: PLR0917 (the base class's signature)
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        write_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        connect_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        pool_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        """Post ``request_data`` as JSON; requests with files take the base class's multipart path."""
        if request_data is None or request_data.contains_files:
            return await super().do_request(
                url, method, request_data, read_timeout, write_timeout, connect_timeout, pool_timeout
            )
        defaults = self._client.timeout
        timeout = httpx.Timeout(
            connect=defaults.connect if isinstance(connect_timeout, DefaultValue) else connect_timeout,
            read=defaults.read if isinstance(read_timeout, DefaultValue) else read_timeout,
            write=defaults.write if isinstance(write_timeout, DefaultValue) else write_timeout,
            pool=defaults.pool if isinstance(pool_timeout, DefaultValue) else pool_timeout,
        )
        if self._client.is_closed:
            raise RuntimeError("This JsonRequest is not initialized!")
        try:
            response = await self._client.request(
                method=method, url=url, headers=JSON_HEADERS, timeout=timeout, content=request_data.json_payload
            )
        # The same translation of httpx errors as the base class, so retries and logs see the same errors.
        except httpx.PoolTimeout as error:
            raise TimedOut(
                "Pool timeout: all connections in the connection pool are occupied; the request was not sent"
            ) from error
        except httpx.TimeoutException as error:
            raise TimedOut from error
        except httpx.HTTPError as error:
            raise NetworkError(f"httpx.{error.__class__.__name__}: {error}") from error
        return response.status_code, response.content
