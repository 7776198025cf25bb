"""Hostile input: whatever text, file or bytes arrive, the bot replies validly, refuses clearly, never hangs.

Property tests (Hypothesis) for the renderer, the loader and the matcher; the batch command line fed binary
input; and, end to end, one user flooding a group with questions.
"""

from __future__ import annotations

import contextlib
import json
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from types import FrameType
from typing import Any

import pytest
import yaml
from botapi_emulator import BotApiEmulator, format_text, parse_html
from e2e_support import running_bot
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from bot.config import BUNDLED_KNOWLEDGE
from bot.core import render
from bot.core.errors import KnowledgeError
from bot.core.languages import LANGUAGES
from bot.core.loader import MAX_FILE_BYTES, MAX_NESTING, KnowledgeBase, SourceText, load_knowledge
from bot.core.matcher import Decision
from bot.core.models import Entry, Source
from bot.core.i18n import t
from bot.store import Snapshot

JsonDict = dict[str, Any]

PROJECT = Path(__file__).resolve().parent.parent
LIMIT = 4096  # Telegram's limit on a message's text
ARTICLE = "The minister said 1,351 soldiers had died.\n"

# Pieces that break naive escaping, trimming or parsing: markup, entities, controls, invisible and RTL marks.
TRICKY = [
    "<", ">", "&", "&amp;", "&lt", "&#0;", '"', "'", "\n", "\r", "\t", "\x00", "\x1b", "\x7f", "\x85",
    "\u200b", "\u200d", "\u200e", "\u200f", "\u202e", "\u2028", "\u2066", "\ufeff", "\ufffd",
    "</b>", "<b>", '<a href="tg://x">', "</a>", "<pre>", "🙂", "👨\u200d👩", "e\u0301", " ", ". ", "!\n",
]  # fmt: skip
fragment = st.one_of(st.text(max_size=12), st.sampled_from(TRICKY))
short_text = st.lists(fragment, min_size=1, max_size=12).map("".join)
# Long texts are short ones repeated, so that cheap examples still cross the 4096 limit.
long_text = st.tuples(short_text, st.integers(1, 600)).map(lambda pair: pair[0] * pair[1])
any_text = st.one_of(short_text, short_text, long_text).filter(lambda text: bool(text.strip()))
url = st.text(min_size=1, max_size=40).filter(lambda s: not any(c.isspace() for c in s)).map("https://{}".format)


@st.composite
def knowledge(draw: st.DrawFn) -> tuple[KnowledgeBase, Entry, str]:
    """A one-entry knowledge base whose every reader-facing text is hostile, and a reply language."""
    covered = draw(st.booleans())
    figure = st.fixed_dictionaries({"value": st.integers(0, 10**12), "counts": any_text, "claimed_by": any_text})
    raw: JsonDict = {
        "id": "hostile",
        "kind": "fact" if covered else "not_covered",
        "questions": [f"q{i} {draw(short_text)}"[:300] for i in range(5)],
        "answer": draw(any_text),
        "source": draw(any_text),
        "caveat": draw(any_text),
        "figures": draw(st.lists(figure, max_size=3)) if covered else [],
        "quote": ["said"] if covered else [],
    }
    language = draw(st.sampled_from(LANGUAGES))
    if language != "en" and draw(st.booleans()):
        texts = {name: draw(any_text) for name in ("answer", "source", "caveat")}
        raw["translations"] = {language: {"questions": ["t1", "t2"], **texts}}
    entry = Entry.model_validate(raw)
    meta: JsonDict = {"title": draw(any_text), "language": "en", "text": "article.txt", "published": "2022-04-07"}
    if draw(st.booleans()):
        meta["outlet"] = draw(any_text)
    if draw(st.booleans()):
        meta["url"] = draw(url)
    source = SourceText(Path("article.txt"), Source.model_validate(meta), ARTICLE)
    kb = KnowledgeBase(
        files=(), entries=(entry,), sources={entry.id: source}, by_id={entry.id: entry}, locations={}
    )
    return kb, entry, language


def assert_valid_telegram_html(markup: str) -> None:
    """Telegram would accept it: it parses, and neither the markup nor the text it makes is over the limit."""
    assert len(markup) <= LIMIT, len(markup)
    parse_html(markup)  # raises HtmlParseError where Telegram answers "can't parse entities"
    text, _ = format_text(markup)
    assert 0 < len(text) <= LIMIT


# -- the renderer ---------------------------------------------------------------------------------------------


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(knowledge(), st.one_of(st.none(), any_text), st.one_of(st.none(), short_text))
def test_every_reply_is_valid_telegram_html_within_the_limit_whatever_the_knowledge_says(
    case: tuple[KnowledgeBase, Entry, str], matched: str | None, updated: str | None
) -> None:
    kb, entry, language = case
    assert_valid_telegram_html(render.full_html(kb, entry, language=language, matched=matched, updated=updated))
    assert_valid_telegram_html(render.compact_html(kb, entry, language=language))
    assert_valid_telegram_html(render.not_covered_html(kb, language=language))
