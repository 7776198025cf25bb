"""End to end, private chat: a person asks the real bot over real HTTP (loopback Bot API emulator)."""

from __future__ import annotations

from typing import Any

import pytest
from botapi_emulator import MAX_CALLBACK_DATA_BYTES, MAX_MESSAGE_LENGTH, BotApiEmulator
from e2e_support import keyboard_buttons, running_bot, wait_for_callback_answer, wait_for_edit

from bot.config import BUNDLED_KNOWLEDGE
from bot.core.deeplink import encode_question
from bot.core.matcher import Decision
from bot.core.render import figure_value, shown_question
from bot.store import Snapshot

JsonDict = dict[str, Any]

USER = 4242

# Questions likely to sit between several entries; the first one the matcher finds ambiguous is used,
# so that the test survives retuning of the matcher.
AMBIGUOUS_CANDIDATES = [
    "peskov",
    "withdrawal",
    "russia withdrawal",
    "kremlin",
    "peskov admit",
    "russian retreat",
    "peskov said",
    "soldiers russia",
    "interview figure",
    "peskov north",
]
HOSTILE = "<b>x</b> <script> & *bold* _it_ [a](http://x)"


@pytest.fixture(scope="module")
def snapshot() -> Snapshot:
    """The bundled knowledge and its matcher, as the bot loads them."""
    return Snapshot.load([BUNDLED_KNOWLEDGE])


def _utf16_fragment(text: str, entity: JsonDict) -> str:
    raw = text.encode("utf-16-le")
    start, length = int(entity["offset"]), int(entity["length"])
    return raw[2 * start : 2 * (start + length)].decode("utf-16-le")


def _entity_texts(message: JsonDict, kind: str) -> list[str]:
    return [_utf16_fragment(message["text"], e) for e in message.get("entities", []) if e["type"] == kind]


def _ambiguous_question(snapshot: Snapshot) -> str:
    for question in AMBIGUOUS_CANDIDATES:
        if snapshot.matcher.match(question).decision is Decision.AMBIGUOUS:
            return question
    pytest.fail(
        f"none of {AMBIGUOUS_CANDIDATES} is ambiguous for the matcher any more: add a question that is",
        pytrace=False,
    )


async def test_a_question_gets_the_figure_in_bold_the_source_and_the_caveat(botapi: BotApiEmulator) -> None:
    async with running_bot(botapi):
        botapi.private_message(USER, "How many soldiers died?")
        [reply] = await botapi.wait_for_messages(USER, 1)
    text = reply["text"]
    assert "1,351" in text
    assert "Source:" in text
    assert "Caveat:" in text
    assert "Matched question" in text
    bold = [text[e["offset"] : e["offset"] + e["length"]] for e in reply["entities"] if e["type"] == "bold"]
    assert "1,351" in bold


async def test_a_question_the_article_does_not_hold_is_said_plainly_with_examples(botapi: BotApiEmulator) -> None:
    async with running_bot(botapi):
        botapi.private_message(USER, "what is the capital of spain")
        [reply] = await botapi.wait_for_messages(USER, 1)
    assert "does not cover" in reply["text"]
    assert reply["reply_markup"]["inline_keyboard"], "example questions are offered as buttons"


async def test_an_ambiguous_question_offers_did_you_mean_buttons_that_answer_in_place(
    botapi: BotApiEmulator, snapshot: Snapshot
) -> None:
    question = _ambiguous_question(snapshot)
    offered = snapshot.matcher.match(question).candidates[:3]
    async with running_bot(botapi):
        botapi.private_message(USER, question)
        [reply] = await botapi.wait_for_messages(USER, 1)
        assert "Did you mean" in reply["text"]
        buttons = keyboard_buttons(reply)
        assert len(buttons) == len(offered)
        for button, candidate in zip(buttons, offered, strict=True):  # labels may be shortened with "…"
            label, shown = button["text"], shown_question(candidate, "en")  # a question matched in another
            assert label == shown or shown.startswith(label.removesuffix("…"))  # language shows in English
        for button in buttons:
            assert 1 <= len(button["callback_data"].encode("utf-8")) <= MAX_CALLBACK_DATA_BYTES

        chosen = offered[-1]  # not the best match: the press must answer what was pressed
        press = botapi.press_button(USER, reply, buttons[-1]["text"])
        edited = await wait_for_edit(botapi, reply)
        answer = await wait_for_callback_answer(botapi, press)
        assert len(botapi.sent_messages(USER)) == 1, "the answer replaces the question, no new message"

    text = edited["text"]
    assert edited["message_id"] == reply["message_id"]
    assert "Did you mean" not in text
    assert "Source:" in text
    assert "Caveat:" in text
    assert f"Matched question: “{chosen.entry.questions[0]}”" in text
    assert answer["show_alert"] is False


async def test_a_near_miss_the_article_does_not_report_says_so_and_its_example_buttons_answer(
    botapi: BotApiEmulator, snapshot: Snapshot
) -> None:
    async with running_bot(botapi):
        botapi.private_message(USER, "how many ukrainian soldiers died")
        [reply] = await botapi.wait_for_messages(USER, 1)
        assert "Not in the article" in reply["text"]
        assert "does not report Ukrainian military losses" in reply["text"]
        buttons = keyboard_buttons(reply)
        assert buttons, "example questions are offered"
        example = buttons[0]
        language, _, entry_id = example["callback_data"].removeprefix("a:").partition(":")
        assert language == "en"
        entry = snapshot.kb.by_id[entry_id]
        assert entry.covered, "an example is a question the article answers"

        press = botapi.press_button(USER, reply, example["text"])
        edited = await wait_for_edit(botapi, reply)
        await wait_for_callback_answer(botapi, press)

    assert "Not in the article" not in edited["text"]
    assert f"Matched question: “{entry.questions[0]}”" in edited["text"]
    if entry.figures:
        assert figure_value(entry.figures[0], "en") in _entity_texts(edited, "bold")


async def test_start_welcomes_with_the_article_and_example_buttons(botapi: BotApiEmulator, snapshot: Snapshot) -> None:
    async with running_bot(botapi):
        botapi.private_message(USER, "/start")
        [reply] = await botapi.wait_for_messages(USER, 1)
    meta = snapshot.kb.source_of(snapshot.kb.entries[0].id).meta
    assert meta.title in reply["text"]
    labels = [b["text"] for b in keyboard_buttons(reply)]
    covered_first_questions = {e.questions[0] for e in snapshot.kb.entries if e.covered}
    assert labels, "example questions are offered as buttons"
    assert set(labels) <= covered_first_questions


async def test_start_with_a_deep_link_payload_answers_the_question_it_carries(botapi: BotApiEmulator) -> None:
    payload = encode_question("how many soldiers died")
    async with running_bot(botapi):
        botapi.private_message(USER, f"/start {payload}")
        [reply] = await botapi.wait_for_messages(USER, 1)
    assert "1,351" in _entity_texts(reply, "bold")
    assert "Source:" in reply["text"]
    assert "Caveat:" in reply["text"]


@pytest.mark.parametrize(
    "payload",
    [
        pytest.param(encode_question(HOSTILE), id="hostile-question"),
        pytest.param("qAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", id="nul-bytes"),
        pytest.param("not-ours", id="foreign-payload"),
    ],
)
async def test_start_with_an_odd_deep_link_payload_still_replies(botapi: BotApiEmulator, payload: str) -> None:
    async with running_bot(botapi):
        botapi.private_message(USER, f"/start {payload}")
        [reply] = await botapi.wait_for_messages(USER, 1)
    assert 0 < len(reply["text"]) <= MAX_MESSAGE_LENGTH
    assert keyboard_buttons(reply), "a welcome or a not-covered reply, both with example buttons"


async def test_help_explains_every_way_to_ask(botapi: BotApiEmulator) -> None:
    async with running_bot(botapi):
        botapi.private_message(USER, "/help")
        [reply] = await botapi.wait_for_messages(USER, 1)
    text = reply["text"]
    assert "/ask" in text
    assert "/sources" in text
    assert f"@{botapi.bot_username}" in text


async def test_sources_names_the_article_with_its_date(botapi: BotApiEmulator, snapshot: Snapshot) -> None:
    async with running_bot(botapi):
        botapi.private_message(USER, "/sources")
        [reply] = await botapi.wait_for_messages(USER, 1)
    meta = snapshot.kb.source_of(snapshot.kb.entries[0].id).meta
    assert meta.title in reply["text"]
    assert f"{meta.date:%-d %B %Y}" in reply["text"]


async def test_ask_with_a_question_in_private_gets_the_full_answer(botapi: BotApiEmulator) -> None:
    async with running_bot(botapi):
        botapi.private_message(USER, "/ask how many soldiers died?")
        [reply] = await botapi.wait_for_messages(USER, 1)
    assert "1,351" in _entity_texts(reply, "bold")
    assert "Matched question" in reply["text"], "private chats get the full answer, not the compact one"
    assert "reply_to_message" not in reply, "no need to quote in a private chat"


async def test_ask_without_a_question_gets_the_usage_hint(botapi: BotApiEmulator) -> None:
    async with running_bot(botapi):
        botapi.private_message(USER, "/ask")
        [reply] = await botapi.wait_for_messages(USER, 1)
    assert "/ask how many soldiers died?" in _entity_texts(reply, "code")


async def test_commands_are_registered_at_start(botapi: BotApiEmulator) -> None:
    async with running_bot(botapi):
        commands = botapi.commands()
    assert {c["command"] for c in commands} == {"ask", "sources", "help", "start"}
    assert all(c["description"].strip() for c in commands)


async def test_html_and_markdown_in_a_question_are_never_rendered(botapi: BotApiEmulator) -> None:
    async with running_bot(botapi):
        botapi.private_message(USER, HOSTILE)
        botapi.private_message(USER, f"/ask {HOSTILE}")
        replies = await botapi.wait_for_messages(USER, 2)
    for reply in replies:  # the emulator answers bad HTML with 400: a reply at all proves the escaping
        assert reply["text"]
        entities = reply.get("entities", [])
        assert not [e for e in entities if "http://x" in str(e.get("url", ""))]
        fragments = {_utf16_fragment(reply["text"], e) for e in entities}
        assert not fragments & {"x", "bold", "it", "a", "http://x"}, fragments
        if "<b>" in reply["text"]:
            assert "<b>x</b>" in reply["text"], "echoed user text stays literal"


@pytest.mark.parametrize(
    "question",
    [
        pytest.param(("how many soldiers died " * 200)[:4096], id="4096-chars-question"),
        pytest.param(("<&>" * 1366)[:4096], id="4096-chars-of-markup"),
        pytest.param("x" * 4096, id="4096-chars-one-word"),
        pytest.param("\u202ehow many \u200bsoldiers\u200e died?\u200b", id="zero-width-and-rtl"),
    ],
)
async def test_long_and_invisible_character_messages_still_get_a_reply_within_the_limit(
    botapi: BotApiEmulator, question: str
) -> None:
    async with running_bot(botapi):
        botapi.private_message(USER, question)
        [reply] = await botapi.wait_for_messages(USER, 1)
    assert 0 < len(reply["text"]) <= MAX_MESSAGE_LENGTH
    if "soldiers" in question:
        assert "1,351" in _entity_texts(reply, "bold")
