"""The Bot API transport: parameters travel as one JSON body, files as multipart, errors as before."""

from __future__ import annotations

import asyncio
import time

import pytest
from botapi_emulator import BotApiEmulator
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup
from telegram.constants import ParseMode
from telegram.error import BadRequest, NetworkError, TimedOut

from bot.transport import JsonRequest

TEXT = "<b>1 351</b> погибших — «огромная трагедия» &amp; <i>7.000–15.000</i> 😢"


def _bot(botapi: BotApiEmulator, **request: float) -> Bot:
    return Bot(
        botapi.token,
        base_url=botapi.base_url,
        base_file_url=botapi.base_file_url,
        request=JsonRequest(**request),  # type: ignore[arg-type]
    )


async def test_a_message_with_html_cyrillic_and_a_keyboard_goes_as_json_and_arrives_intact(
    botapi: BotApiEmulator,
) -> None:
    user = 8100
    botapi.private_message(user, "hi")  # the chat must exist
    keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("👍 Да", callback_data="fb:1:ru:death-toll")]])
    async with _bot(botapi) as bot:
        sent = await bot.send_message(user, TEXT, parse_mode=ParseMode.HTML, reply_markup=keyboard)
    [call] = botapi.calls_to("sendMessage")
    assert call.body_type == "application/json"
    assert call.params["text"] == TEXT
    assert call.params["reply_markup"] == keyboard.to_dict()
    assert sent.text == "1 351 погибших — «огромная трагедия» & 7.000–15.000 😢"
    assert sent.reply_markup == keyboard


async def test_a_file_still_goes_as_multipart(botapi: BotApiEmulator) -> None:
    user = 8101
    botapi.private_message(user, "hi")
    async with _bot(botapi) as bot:
        await bot.send_document(user, b"id: x\n", filename="k.yaml", caption="Файл")
    [call] = botapi.calls_to("sendDocument")
    assert call.body_type == "multipart/form-data"
    assert call.params["caption"] == "Файл"


async def test_an_api_error_a_server_error_and_a_time_out_raise_what_python_telegram_bot_raises(
    botapi: BotApiEmulator,
) -> None:
    async with _bot(botapi, read_timeout=0.3) as bot:
        with pytest.raises(BadRequest, match=r"(?i)chat not found"):
            await bot.send_message(999_999, "hello")
        botapi.delay_next("sendMessage", 1.0)
        botapi.private_message(8102, "hi")
        with pytest.raises(TimedOut):
            await bot.send_message(8102, "hello")
        botapi.fail_next("sendMessage", status=502)
        with pytest.raises(NetworkError):
            await bot.send_message(8102, "hello")


async def test_requests_in_flight_together_each_arrive_and_keep_their_connections_for_the_next(
    botapi: BotApiEmulator,
) -> None:
    users = range(8200, 8208)
    for user in users:
        botapi.private_message(user, "hi")
    async with _bot(botapi) as bot:
        accepted_before, _ = botapi.connection_counts()
        for round_ in range(3):
            await asyncio.gather(*(bot.send_message(user, f"{TEXT} {round_}:{user}") for user in users))
            accepted, _ = botapi.connection_counts()
            if round_ == 0:
                opened_by_first_round = accepted
        assert accepted == opened_by_first_round  # later rounds reuse the connections the first one opened
        assert accepted - accepted_before <= len(users)
    texts = sorted(call.params["text"] for call in botapi.calls_to("sendMessage"))
    assert texts == sorted(f"{TEXT} {round_}:{user}" for round_ in range(3) for user in users)


async def test_shutting_down_closes_every_connection(botapi: BotApiEmulator) -> None:
    users = range(8300, 8304)
    for user in users:
        botapi.private_message(user, "hi")
    async with _bot(botapi) as bot:
        await asyncio.gather(*(bot.send_message(user, "hello") for user in users))
        assert botapi.connection_counts()[1] >= 1
    deadline = time.monotonic() + 5
    while botapi.connection_counts()[1] and time.monotonic() < deadline:
        await asyncio.sleep(0.02)
    assert botapi.connection_counts()[1] == 0
