"""End to end, private chat: a person asks the real bot over real HTTP (loopback Bot API emulator)."""

from __future__ import annotations

from botapi_emulator import BotApiEmulator
from e2e_support import running_bot

USER = 4242


async def test_a_question_gets_the_figure_in_bold_the_source_and_the_caveat(botapi: BotApiEmulator) -> None:
    async with running_bot(botapi):
        botapi.private_message(USER, "How many soldiers died?")
        [reply] = await botapi.wait_for_messages(USER, 1)
    text = reply["text"]
    assert "1,351" in text and "Source:" in text and "Caveat:" in text and "Matched question" in text
    bold = [text[e["offset"] : e["offset"] + e["length"]] for e in reply["entities"] if e["type"] == "bold"]
    assert "1,351" in bold


async def test_a_question_the_article_does_not_hold_is_said_plainly_with_examples(botapi: BotApiEmulator) -> None:
    async with running_bot(botapi):
        botapi.private_message(USER, "what is the capital of spain")
        [reply] = await botapi.wait_for_messages(USER, 1)
    assert "does not cover" in reply["text"]
    assert reply["reply_markup"]["inline_keyboard"], "example questions are offered as buttons"
