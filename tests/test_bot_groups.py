"""End to end, groups and channels: the bot answers only what is addressed to it, compactly, quoting the asker."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from botapi_emulator import BotApiEmulator
from e2e_support import running_bot

JsonDict = dict[str, Any]

GROUP = -1001234567890
CHANNEL = -1009876543210
ASKER = 4242
OTHER = 5151
QUESTION = "how many soldiers died?"


@pytest.fixture(params=[True, False], ids=["privacy-on", "privacy-off"])
def any_privacy_botapi(request: pytest.FixtureRequest) -> Iterator[BotApiEmulator]:
    """An emulator with privacy mode on (Telegram filters) or off (the bot itself must filter)."""
    with BotApiEmulator(privacy_mode=bool(request.param)) as emulator:
        yield emulator


def _bold(message: JsonDict) -> list[str]:
    raw = message["text"].encode("utf-16-le")
    return [
        raw[2 * e["offset"] : 2 * (e["offset"] + e["length"])].decode("utf-16-le")
        for e in message.get("entities", [])
        if e["type"] == "bold"
    ]


def _assert_compact_answer_quoting(botapi: BotApiEmulator, reply: JsonDict, asked: JsonDict) -> None:
    """A compact death-toll reply: figure in bold, Source and Caveat, no full text; quoting the asker."""
    text = reply["text"]
    assert "1,351" in _bold(reply)
    assert "Source:" in text
    assert "Caveat:" in text
    assert "Matched question" not in text, "groups get the compact reply"
    assert reply["reply_to_message"]["message_id"] == asked["message_id"]
    [call] = [
        c
        for c in botapi.calls_to("sendMessage")
        if c.status == 200 and str(c.params.get("chat_id")) == str(asked["chat"]["id"])
    ][-1:]
    assert call.params["reply_parameters"]["message_id"] == asked["message_id"]
    labels = [b["text"] for row in reply["reply_markup"]["inline_keyboard"] for b in row]
    assert "Full answer" in labels


@pytest.mark.parametrize("command", ["/ask", "/ask@factcheck_test_bot"])
async def test_ask_in_a_supergroup_gets_a_compact_quoted_reply_whose_button_shows_the_full_answer(
    botapi: BotApiEmulator, command: str
) -> None:
    async with running_bot(botapi):
        asked = botapi.group_message(GROUP, ASKER, f"{command} {QUESTION}")["message"]
        [reply] = await botapi.wait_for_messages(GROUP, 1)
        _assert_compact_answer_quoting(botapi, reply, asked)

        press = botapi.press_button(OTHER, reply, "Full answer")
        query_id = press["callback_query"]["id"]

        def edited() -> JsonDict | None:
            current = botapi.message(GROUP, reply["message_id"])
            return current if current is not None and "edit_date" in current else None

        full = await botapi.wait_for(edited, what="the compact reply to become the full answer")
        assert full is not None
        await botapi.wait_for(
            lambda: [a for a in botapi.callback_answers() if a["callback_query_id"] == query_id],
            what="the button press to be answered",
        )
        assert len(botapi.sent_messages(GROUP)) == 1, "edited in place, nothing new sent"
    assert "Matched question" in full["text"]
    assert "Article:" in full["text"]
    assert "1,351" in _bold(full)


@pytest.mark.parametrize(
    "text",
    [
        f"@factcheck_test_bot {QUESTION}",
        "How many soldiers died, @FactCheck_Test_Bot?",
    ],
)
async def test_a_message_mentioning_the_bot_gets_an_answer(botapi: BotApiEmulator, text: str) -> None:
    async with running_bot(botapi):
        asked = botapi.group_message(GROUP, ASKER, text)["message"]
        [reply] = await botapi.wait_for_messages(GROUP, 1)
    _assert_compact_answer_quoting(botapi, reply, asked)


async def test_a_reply_to_the_bots_own_message_gets_an_answer(botapi: BotApiEmulator) -> None:
    async with running_bot(botapi):
        botapi.group_message(GROUP, ASKER, "/ask why did russia withdraw from the north?")
        [first] = await botapi.wait_for_messages(GROUP, 1)
        asked = botapi.group_message(GROUP, OTHER, QUESTION, reply_to_message=first)["message"]
        replies = await botapi.wait_for_messages(GROUP, 2)
    _assert_compact_answer_quoting(botapi, replies[1], asked)


async def test_chatter_other_bots_and_replies_to_people_are_ignored(any_privacy_botapi: BotApiEmulator) -> None:
    botapi = any_privacy_botapi
    async with running_bot(botapi):
        person = botapi.group_message(GROUP, OTHER, "Anyone know how many soldiers died?")["message"]
        botapi.group_message(GROUP, ASKER, "how many soldiers died")
        botapi.group_message(GROUP, ASKER, f"@other_factcheck_bot {QUESTION}")
        botapi.group_message(GROUP, ASKER, f"@factcheck_test_bot_fan {QUESTION}")
        botapi.group_message(GROUP, ASKER, f"/ask@other_factcheck_bot {QUESTION}")
        botapi.group_message(GROUP, ASKER, QUESTION, reply_to_message=person)
        # Updates are handled in order: once the sentinel is answered, everything before it was handled.
        sentinel = botapi.group_message(GROUP, ASKER, "/ask who is peskov")["message"]
        await botapi.wait_for_messages(GROUP, 1)
        await botapi.wait_until_consumed()
        sent = botapi.sent_messages(GROUP)
    assert len(sent) == 1, botapi.describe()
    assert sent[0]["reply_to_message"]["message_id"] == sentinel["message_id"]


async def test_ask_in_a_channel_post_is_answered_in_the_channel(botapi: BotApiEmulator) -> None:
    async with running_bot(botapi):
        post = botapi.channel_post(CHANNEL, f"/ask {QUESTION}")["channel_post"]
        [reply] = await botapi.wait_for_messages(CHANNEL, 1)
    assert reply["chat"]["id"] == CHANNEL
    assert "1,351" in _bold(reply)
    assert "Source:" in reply["text"]
    assert "Caveat:" in reply["text"]
    assert reply["reply_to_message"]["message_id"] == post["message_id"]


async def test_ask_without_a_question_in_a_group_quotes_the_usage_hint(botapi: BotApiEmulator) -> None:
    async with running_bot(botapi):
        asked = botapi.group_message(GROUP, ASKER, "/ask@factcheck_test_bot")["message"]
        [reply] = await botapi.wait_for_messages(GROUP, 1)
    assert "/ask how many soldiers died?" in reply["text"]
    assert reply["reply_to_message"]["message_id"] == asked["message_id"]
