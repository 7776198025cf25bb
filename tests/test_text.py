"""Phrase rewriting: the indexed rewriter gives exactly what applying every phrase in order gives."""

from __future__ import annotations

from collections.abc import Mapping

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.core.languages import MergedLexicon, load_lexicons
from bot.core.text import PhraseRewriter

PHRASES = MergedLexicon(load_lexicons().values()).phrases
PHRASE_WORDS = sorted({word for phrase in PHRASES for word in phrase.split()} | {"russia", "why", "the"})
REWRITER = PhraseRewriter(PHRASES)


def _one_phrase_at_a_time(normalised: str, phrases: Mapping[str, str]) -> str:
    padded = f" {normalised} "
    for phrase, replacement in phrases.items():
        if f" {phrase} " in padded:
            padded = padded.replace(f" {phrase} ", f" {replacement} " if replacement else " ")
    return " ".join(padded.split())


def test_a_phrase_is_replaced_only_as_whole_words() -> None:
    rewriter = PhraseRewriter({"pull out": "withdraw", "how come": "why"})
    assert rewriter("how come they pull out") == "why they withdraw"
    assert rewriter("they pull outward") == "they pull outward"
    assert rewriter("showcome") == "showcome"


def test_phrases_apply_in_order_to_what_earlier_ones_left() -> None:
    rewriter = PhraseRewriter({"pulled back": "withdrew", "withdrew from": "left", "left from": "x"})
    assert rewriter("they pulled back from kyiv") == "they left kyiv"


def test_a_phrase_rewritten_to_nothing_disappears() -> None:
    assert PhraseRewriter({"so far": ""})("how many so far") == "how many"


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PHRASE_WORDS), max_size=12))
def test_the_indexed_rewriter_agrees_with_trying_every_phrase_in_order(words: list[str]) -> None:
    text = " ".join(words)
    assert REWRITER(text) == _one_phrase_at_a_time(text, PHRASES)
