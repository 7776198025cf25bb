"""Running the real application against the loopback Bot API emulator, for end-to-end tests."""

from __future__ import annotations

import asyncio
import contextlib
import tempfile
from collections.abc import AsyncIterator
from pathlib import Path

from botapi_emulator import BotApiEmulator, JsonDict
from pydantic import SecretStr

from bot.app import BotApplication, build_application, serve
from bot.config import BUNDLED_KNOWLEDGE, Settings
from bot.store import KnowledgeStore
from bot.usage import UsageLog


def settings_for(emulator: BotApiEmulator, **overrides: object) -> Settings:
    """Settings that point the bot at the emulator, as an operator would with BOT_API_BASE_URL."""
    values: dict[str, object] = {
        "token": SecretStr(emulator.token),
        "api_base_url": emulator.base_url,
        "api_file_url": emulator.base_file_url,
        "knowledge_dir": BUNDLED_KNOWLEDGE,
        **overrides,
    }
    return Settings.model_validate(values)


@contextlib.asynccontextmanager
async def running_bot(
    emulator: BotApiEmulator, *, knowledge: Path = BUNDLED_KNOWLEDGE, **overrides: object
) -> AsyncIterator[BotApplication]:
    """Serve the bot (as ``python -m bot run`` does) until the block ends, then stop it cleanly."""
    scratch = tempfile.TemporaryDirectory(prefix="bot-data-")
    overrides.setdefault("data_dir", Path(scratch.name))
    settings = settings_for(emulator, knowledge_dir=knowledge, **overrides)
    usage = UsageLog.open(settings.data_dir, retention_days=settings.retention_days)
    application = build_application(settings, KnowledgeStore.open(settings.knowledge_dir), usage)
    stop = asyncio.Event()
    task = asyncio.create_task(serve(application, settings, stop))
    try:
        method = "getUpdates" if settings.webhook_url is None else "setWebhook"
        await emulator.wait_for(lambda: emulator.calls_to(method), timeout=10, what=f"the bot's first {method}")
        yield application
    finally:
        stop.set()
        try:
            await asyncio.wait_for(task, timeout=15)
        finally:
            usage.close()
            scratch.cleanup()


def keyboard_buttons(message: JsonDict) -> list[JsonDict]:
    """The inline keyboard buttons of a message the bot sent, row by row."""
    return [button for row in message.get("reply_markup", {}).get("inline_keyboard", []) for button in row]


async def wait_for_edit(botapi: BotApiEmulator, message: JsonDict) -> JsonDict:
    """The message as it is once the bot has edited it."""
    chat_id, message_id = int(message["chat"]["id"]), int(message["message_id"])

    def edited() -> JsonDict | None:
        current = botapi.message(chat_id, message_id)
        return current if current is not None and "edit_date" in current else None

    found = await botapi.wait_for(edited, what=f"message {message_id} in chat {chat_id} to be edited")
    assert found is not None
    return found


async def wait_for_callback_answer(botapi: BotApiEmulator, press: JsonDict) -> JsonDict:
    """The bot's answerCallbackQuery for a button press."""
    query_id = press["callback_query"]["id"]

    def answered() -> JsonDict | None:
        return next((a for a in botapi.callback_answers() if a["callback_query_id"] == query_id), None)

    found = await botapi.wait_for(answered, what=f"answerCallbackQuery for {query_id}")
    assert found is not None
    return found
