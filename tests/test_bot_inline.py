"""End to end, inline mode: ``@bot question`` in any chat lists answers to post, at once and cacheable."""

from __future__ import annotations

import re
from typing import Any

import pytest
from botapi_emulator import MAX_MESSAGE_LENGTH, BotApiEmulator
from e2e_support import running_bot

from bot.config import BUNDLED_KNOWLEDGE
from bot.core.deeplink import decode_question
from bot.core.render import figure_value
from bot.store import Snapshot

JsonDict = dict[str, Any]


def _entry_id(result: dict[str, Any]) -> str:
    """Inline result ids are ``<language>:<entry id>`` (the language a posted answer is corrected in)."""
    language, _, entry_id = str(result["id"]).partition(":")
    assert language in ("en", "it", "ru", "uk"), result["id"]
    return entry_id


USER = 4242
MAX_RESULTS = 10
START_PARAMETER = re.compile(r"[A-Za-z0-9_-]{1,64}")
HOSTILE = "<b>x</b> <script> & *bold* _it_ [a](http://x) \u202e\u200b\u200e"


@pytest.fixture(scope="module")
def snapshot() -> Snapshot:
    """The bundled knowledge and its matcher, as the bot loads them."""
    return Snapshot.load([BUNDLED_KNOWLEDGE])


async def _ask_inline(botapi: BotApiEmulator, query: str) -> JsonDict:
    """Send an inline query and return the bot's accepted answer to it."""
    query_id = botapi.inline_query(USER, query)["inline_query"]["id"]

    def answered() -> JsonDict | None:
        return next((a for a in botapi.inline_answers() if a["inline_query_id"] == query_id), None)

    found = await botapi.wait_for(answered, what=f"the answer to inline query {query!r}")
    assert found is not None
    return found


def _bold(text: str, entities: list[JsonDict]) -> list[str]:
    raw = text.encode("utf-16-le")
    return [
        raw[2 * e["offset"] : 2 * (e["offset"] + e["length"])].decode("utf-16-le")
        for e in entities
        if e["type"] == "bold"
    ]


def _assert_well_formed(answer: JsonDict) -> None:
    """Cacheable, shared by everyone, at most 10 articles whose message text the emulator parsed as HTML."""
    assert answer["cache_time"] > 0
    assert answer["is_personal"] is False
    results = answer["results"]
    assert 1 <= len(results) <= MAX_RESULTS
    for result in results:
        assert result["type"] == "article"
        content = result["input_message_content"]
        assert 0 < len(content["message_text"]) <= MAX_MESSAGE_LENGTH
        assert "<b>" not in content["message_text"], "the HTML was parsed, not shown"
    button = answer.get("button")
    if button is not None:
        assert START_PARAMETER.fullmatch(button["start_parameter"]), button


async def test_a_full_question_lists_curated_questions_with_their_figures(
    botapi: BotApiEmulator, snapshot: Snapshot
) -> None:
    async with running_bot(botapi):
        answer = await _ask_inline(botapi, "how many soldiers died")
    _assert_well_formed(answer)
    results = answer["results"]
    assert _entry_id(results[0]) == "death-toll"
    for result in results:
        entry = snapshot.kb.by_id[_entry_id(result)]
        assert result["title"] in entry.questions, "the title is one of the entry's curated questions"
        content = result["input_message_content"]
        if entry.figures:
            figure = figure_value(entry.figures[0], "en")
            assert figure in result["description"]
            assert figure in _bold(content["message_text"], content.get("entities", []))
    assert "1,351" in results[0]["description"]


@pytest.mark.parametrize(
    ("typed", "expected_first"),
    [
        ("how many sol", "death-toll"),
        ("why did russia with", "withdrawal-reason"),
        ("who is pes", "who-is-peskov"),
    ],
)
async def test_a_half_typed_question_puts_the_right_entry_first(
    botapi: BotApiEmulator, typed: str, expected_first: str
) -> None:
    async with running_bot(botapi):
        answer = await _ask_inline(botapi, typed)
    _assert_well_formed(answer)
    assert _entry_id(answer["results"][0]) == expected_first, [_entry_id(r) for r in answer["results"]]


async def test_an_empty_query_lists_the_most_asked_questions_first(botapi: BotApiEmulator, snapshot: Snapshot) -> None:
    async with running_bot(botapi):
        before = await _ask_inline(botapi, "")
        for question in ["why did russia withdraw from northern ukraine", "Why did Russia pull out of the north?"]:
            botapi.private_message(USER, question)
        botapi.private_message(USER, "who is peskov")
        await botapi.wait_for_messages(USER, 3)
        after = await _ask_inline(botapi, "")
    _assert_well_formed(before)
    _assert_well_formed(after)
    covered = [e.id for e in snapshot.kb.entries if e.covered]
    assert [_entry_id(r) for r in before["results"]] == covered[:MAX_RESULTS], "curated order before anyone asked"
    assert [_entry_id(r) for r in after["results"]][:2] == ["withdrawal-reason", "who-is-peskov"]
    for result in after["results"]:
        assert result["title"] == snapshot.kb.by_id[_entry_id(result)].questions[0]


async def test_a_query_nothing_matches_offers_not_covered_and_a_deep_link_carrying_it(
    botapi: BotApiEmulator,
) -> None:
    async with running_bot(botapi):
        answer = await _ask_inline(botapi, "qwertyuiop")
    _assert_well_formed(answer)
    [result] = answer["results"]
    assert "not covered" in result["title"].lower()
    assert "does not cover" in result["input_message_content"]["message_text"]
    assert decode_question(answer["button"]["start_parameter"]) == "qwertyuiop"


@pytest.mark.parametrize(
    "query",
    [
        pytest.param(("how many soldiers died " * 12)[:256], id="256-chars-question"),
        pytest.param("q" * 256, id="256-chars-nonsense"),
        pytest.param(("Сколько погибло? 😀 " * 20)[:256], id="256-chars-multibyte"),
        pytest.param(HOSTILE, id="hostile"),
        pytest.param(("<&>" * 90)[:256], id="256-chars-of-markup"),
    ],
)
async def test_long_and_hostile_queries_still_get_a_valid_answer(botapi: BotApiEmulator, query: str) -> None:
    async with running_bot(botapi):
        answer = await _ask_inline(botapi, query)
    _assert_well_formed(answer)
    button = answer.get("button")
    if button is not None:
        carried = decode_question(button["start_parameter"])
        assert carried is not None
        assert " ".join(query.split()).startswith(carried), "the deep link carries the start of the query"


async def test_typing_one_inline_query_does_not_outweigh_questions_really_asked(botapi: BotApiEmulator) -> None:
    """Telegram sends an inline query per keystroke: a question typed once must not count as asked five times."""
    async with running_bot(botapi):
        for _ in range(2):
            botapi.private_message(USER, "why did russia withdraw from northern ukraine")
        await botapi.wait_for_messages(USER, 2)
        for typed in ["who is pe", "who is pes", "who is pesk", "who is pesko", "who is peskov"]:
            await _ask_inline(botapi, typed)
        answer = await _ask_inline(botapi, "")
    ranked = [_entry_id(r) for r in answer["results"]]
    assert ranked.index("withdrawal-reason") < ranked.index("who-is-peskov"), ranked
