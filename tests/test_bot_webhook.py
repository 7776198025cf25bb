"""End to end, webhook mode: updates arrive by HTTP POST and only with the secret token are they handled."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import AsyncIterator
from dataclasses import dataclass

import pytest
from botapi_emulator import BotApiEmulator
from e2e_support import running_bot
from pydantic import SecretStr

USER = 4242
SECRET = "s3cret-token"


@dataclass(frozen=True, slots=True)
class Webhook:
    """Where the bot listens for updates."""

    url: str
    port: int


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def _listening(port: int, timeout: float = 5.0) -> None:
    """Wait until the bot's webhook server accepts connections (it starts after setWebhook)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while True:
        try:
            _, writer = await asyncio.open_connection("127.0.0.1", port)
        except OSError:
            if loop.time() >= deadline:
                raise
            await asyncio.sleep(0.02)
        else:
            writer.close()
            await writer.wait_closed()
            return


@pytest.fixture
async def webhook(botapi: BotApiEmulator) -> AsyncIterator[Webhook]:
    """The bot served in webhook mode on a free loopback port."""
    port = _free_port()
    url = f"http://127.0.0.1:{port}/telegram"
    async with running_bot(
        botapi,
        webhook_url=url,
        webhook_listen="127.0.0.1",
        webhook_port=port,
        webhook_secret=SecretStr(SECRET),
    ):
        await _listening(port)
        yield Webhook(url, port)


async def test_set_webhook_is_called_with_the_url_and_the_secret(botapi: BotApiEmulator, webhook: Webhook) -> None:
    registered = botapi.webhook
    assert registered is not None
    assert registered["url"] == webhook.url
    assert registered["secret_token"] == SECRET
    assert not botapi.calls_to("getUpdates"), "no polling in webhook mode"


async def test_an_update_posted_with_the_secret_is_answered(botapi: BotApiEmulator, webhook: Webhook) -> None:
    update = botapi.private_message(USER, "How many soldiers died?")
    status = await botapi.post_to_webhook_async(webhook.url, update, SECRET)
    [reply] = await botapi.wait_for_messages(USER, 1)
    assert status == 200
    assert "1,351" in reply["text"]


@pytest.mark.parametrize("secret", ["wrong-token", "", None], ids=["wrong", "empty", "missing"])
async def test_an_update_without_the_right_secret_is_refused_and_not_handled(
    botapi: BotApiEmulator, webhook: Webhook, secret: str | None
) -> None:
    forged = botapi.private_message(USER, "who is peskov")
    assert await botapi.post_to_webhook_async(webhook.url, forged, secret) == 403
    sentinel = botapi.private_message(USER, "How many soldiers died?")
    assert await botapi.post_to_webhook_async(webhook.url, sentinel, SECRET) == 200
    await botapi.wait_for_messages(USER, 1)
    [reply] = botapi.sent_messages(USER)
    assert "1,351" in reply["text"], "only the sentinel was answered"
    assert len(botapi.calls_to("sendMessage")) == 1, botapi.describe()
