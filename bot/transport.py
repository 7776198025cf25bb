"""How requests travel to the Bot API: one JSON body, on a connection of the request's own.

python-telegram-bot's ``HTTPXRequest`` sends parameters as ``application/x-www-form-urlencoded``, and
``urllib.parse`` percent-encodes every byte that is not plain ASCII one at a time, in Python. Our replies
are long HTML texts, often in Cyrillic, and inline answers carry ten of them: form-encoding was the
largest single cost of a reply in the load benchmark. The Bot API takes the same parameters as a JSON
object (``RequestData.json_payload``, encoded by the C JSON encoder). Uploads (multipart) are unchanged.

Replies to different chats go out side by side. In one shared connection pool, httpcore checks every
pooled connection against every waiting request each time a request starts or ends, in Python, so the
cost of a send grows with the square of the requests in flight. Each request in flight here takes a
*lane* instead: a client with a single keep-alive connection, returned when the reply is read. At eight
sends in flight that cut the CPU per send by about a fifth in a micro-benchmark (bench/load.py measures
the whole bot).
"""

from __future__ import annotations

import ssl
from typing import Any

import httpx
from telegram._utils.defaultvalue import DefaultValue
from telegram._utils.types import ODVInput
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, HTTPXRequest, RequestData

JSON_HEADERS = {"User-Agent": HTTPXRequest.USER_AGENT, "Content-Type": "application/json"}
ONE_CONNECTION = httpx.Limits(max_connections=1, max_keepalive_connections=1)


class JsonRequest(HTTPXRequest):
    """``HTTPXRequest`` that posts parameters as JSON, each request in flight on a lane of its own.

    Lanes are opened as requests overlap, up to ``connection_pool_size``; beyond that, requests share the
    base class's pool. Requests with files take the base class's multipart path.
    """

    def __init__(self, connection_pool_size: int = 256, **options: Any) -> None:  # noqa: ANN401 (the base's options)
        super().__init__(connection_pool_size, **options)
        self._max_lanes = connection_pool_size
        self._lanes: set[httpx.AsyncClient] = set()  # every lane opened and not yet closed
        self._idle_lanes: list[httpx.AsyncClient] = []
        self._tls: ssl.SSLContext | None = None

    async def shutdown(self) -> None:
        """Close every lane, then the base class's client."""
        lanes, self._lanes, self._idle_lanes = self._lanes, set(), []
        for lane in lanes:
            await lane.aclose()
        await super().shutdown()

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
        if self._client.is_closed:
            raise RuntimeError("This JsonRequest is not initialized!")
        defaults = self._client.timeout
        timeout = httpx.Timeout(
            connect=defaults.connect if isinstance(connect_timeout, DefaultValue) else connect_timeout,
            read=defaults.read if isinstance(read_timeout, DefaultValue) else read_timeout,
            write=defaults.write if isinstance(write_timeout, DefaultValue) else write_timeout,
            pool=defaults.pool if isinstance(pool_timeout, DefaultValue) else pool_timeout,
        )
        lane = self._take_lane()
        try:
            response = await lane.request(
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
        finally:
            self._return_lane(lane)
        return response.status_code, response.content

    def _take_lane(self) -> httpx.AsyncClient:
        """An idle lane, a new one while there are fewer than the pool size, else the shared pool."""
        if self._idle_lanes:
            return self._idle_lanes.pop()
        if len(self._lanes) >= self._max_lanes:
            return self._client
        options = {**self._client_kwargs, "limits": ONE_CONNECTION}
        if "verify" not in options:  # one TLS context for all lanes: building one reads the CA bundle (~20 ms)
            if self._tls is None:
                self._tls = httpx.create_ssl_context()
            options["verify"] = self._tls
        lane = httpx.AsyncClient(**options)
        self._lanes.add(lane)
        return lane

    def _return_lane(self, lane: httpx.AsyncClient) -> None:
        if lane in self._lanes:  # not the shared pool, nor a lane closed by a shutdown meanwhile
            self._idle_lanes.append(lane)
