"""Normalisation (one form for the ways a figure is written) and phrase rewriting (the indexed rewriter gives
exactly what applying every phrase in order gives)."""

from __future__ import annotations

from collections.abc import Mapping

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.core.languages import MergedLexicon, load_lexicons
from bot.core.text import OPERATION, PhraseRewriter, base_forms, normalise, stem

PHRASES = MergedLexicon(load_lexicons().values()).phrases
PHRASE_WORDS = sorted({word for phrase in PHRASES for word in phrase.split()} | {"russia", "why", "the"})
REWRITER = PhraseRewriter(PHRASES)


def _one_phrase_at_a_time(normalised: str, phrases: Mapping[str, str]) -> str:
    padded = f" {normalised} "
    for phrase in sorted(phrases, key=lambda phrase: -len(phrase.split())):  # longest first, else in order
        if f" {phrase} " in padded:
            replacement = phrases[phrase]
            padded = padded.replace(f" {phrase} ", f" {replacement} " if replacement else " ")
    return " ".join(padded.split())


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("15,000 dead", "15000 dead"),
        ("15.000 morti", "15000 morti"),
        ("15k dead", "15000 dead"),
        ("7k-15k", "7000 15000"),
        ("15 thousand died", "15000 died"),
        ("15mila caduti", "15000 caduti"),
        ("1,3 mila", "1300"),
        ("1.3k?", "1300"),
        ("15 тысяч погибших", "15000 погибших"),
        ("15 тис. загиблих", "15000 загиблих"),
        ("thousands died", "thousands died"),  # no figure: the word stays
        ("the k in kremlin", "the k in kremlin"),
    ],
)
def test_a_figure_written_with_a_word_for_thousand_is_written_in_digits(typed: str, expected: str) -> None:
    assert normalise(typed) == expected


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("that 7 to 15 thousand figure", "that 7000 to 15000 figure"),
        ("between seven and fifteen thousand", "between 7000 and 15000"),
        ("7-15k", "7000 15000"),
        ("tra 7 e 15 mila", "tra 7000 e 15000"),
        ("от 7 до 15 тысяч", "от 7000 до 15000"),
        ("від 7 до 15 тисяч", "від 7000 до 15000"),
        # Not a range said once: the first figure is not below the second in thousands, or is one on its own.
        ("1351 and 15000", "1351 and 15000"),
        ("20 to 15000", "20 to 15000"),
        ("15000 to 7", "15000 to 7"),
        ("7 to 1351", "7 to 1351"),
    ],
)
def test_a_range_with_one_word_for_thousand_is_thousands_at_both_ends(typed: str, expected: str) -> None:
    assert normalise(typed) == expected


@pytest.mark.parametrize(
    "typed", ["what is 1351 times 3", "7000 x 2", "1351*3", "15000 × 2", "15000 meno 7000 quanto fa", "15000 минус 7"]
)
def test_a_sum_of_figures_is_arithmetic_the_lexicon_knows(typed: str) -> None:
    assert OPERATION in normalise(typed).split()
    assert load_lexicons()["en"].synonyms["ARITHMETIC"].count(OPERATION) == 1


@pytest.mark.parametrize("typed", ["how many times did he say it? 3 times", "7-15k", "between 7 and 15 thousand"])
def test_a_count_or_a_range_is_not_a_sum(typed: str) -> None:
    assert OPERATION not in normalise(typed).split()


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("зiзналися", "зізналися"),  # a Latin i in a Ukrainian word
        ("скoлько погибло", "сколько погибло"),  # a Latin o in a Russian word
        ("Рeskov", "peskov"),  # a Cyrillic Р in a Latin word
        ("Peskov сказав", "peskov сказав"),  # words each in one alphabet stay as typed
    ],
)
def test_a_word_typed_in_two_alphabets_is_read_in_the_one_most_of_it_is_in(typed: str, expected: str) -> None:
    assert normalise(typed) == expected


def test_a_huge_figure_with_a_word_for_thousand_is_left_as_typed() -> None:
    # Multiplying 400 digits by a thousand overflowed a float: a hostile message must never raise.
    huge = "9" * 400
    assert normalise(f"{huge}k dead") == f"{huge}k dead"


def test_a_phrase_is_replaced_only_as_whole_words() -> None:
    rewriter = PhraseRewriter({"pull out": "withdraw", "how come": "why"})
    assert rewriter("how come they pull out") == "why they withdraw"
    assert rewriter("they pull outward") == "they pull outward"
    assert rewriter("showcome") == "showcome"


def test_phrases_apply_in_order_to_what_earlier_ones_left() -> None:
    rewriter = PhraseRewriter({"pulled back": "withdrew", "withdrew from": "left", "left from": "x"})
    assert rewriter("they pulled back from kyiv") == "they left kyiv"


def test_a_longer_phrase_applies_before_a_shorter_one_it_contains() -> None:
    rewriter = PhraseRewriter({"body bags": "bodies", "home in body bags": "dead"})
    assert rewriter("how many came home in body bags") == "how many came dead"
    assert rewriter("body bags") == "bodies"


def test_shorthands_are_spelt_out_before_phrases_are_read() -> None:
    rewriter = PhraseRewriter({"what do you think of": "opinion"}, {"u": "you", "y": "why"})
    assert rewriter("what do u think of putin") == "opinion putin"
    assert rewriter("y did they pull out") == "why did they pull out"
    assert rewriter("ukraine yields") == "ukraine yields"  # only whole words are shorthands


def test_a_phrase_rewritten_to_nothing_disappears() -> None:
    assert PhraseRewriter({"so far": ""})("how many so far") == "how many"


def test_a_phrase_applies_only_where_its_words_stand_together_and_a_one_word_phrase_still_applies() -> None:
    rewriter = PhraseRewriter({"how come": "why", "the other side": "ukraine", "yep": "yes"})
    assert rewriter("how did they come") == "how did they come"  # its first word alone is not the phrase
    assert rewriter("what about the other side") == "what about ukraine"
    assert rewriter("yep how come") == "yes why"


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PHRASE_WORDS), max_size=12))
def test_the_indexed_rewriter_agrees_with_trying_every_phrase_in_order(words: list[str]) -> None:
    text = " ".join(words)
    assert REWRITER(text) == _one_phrase_at_a_time(text, PHRASES)


@pytest.mark.parametrize(
    ("word", "bases"),
    [
        ("calming", ("calm", "calme")),
        ("hoped", ("hop", "hope")),
        ("stopped", ("stopp", "stoppe", "stop")),
        ("redeploying", ("redeploy", "redeploye")),
    ],
)
def test_an_english_ing_or_ed_form_offers_the_words_it_may_come_from(word: str, bases: tuple[str, ...]) -> None:
    assert base_forms(word) == bases


@pytest.mark.parametrize("word", ["red", "king", "sing", "soldiers", "погибли", "morti"])
def test_short_or_other_words_are_not_taken_for_inflections(word: str) -> None:
    assert base_forms(word) == ()


@pytest.mark.parametrize(("word", "stemmed"), [("soldiers", "soldier"), ("casualties", "casualty"), ("bosss", "boss")])
def test_a_plural_or_possessive_s_is_taken_off(word: str, stemmed: str) -> None:
    # "boss's" normalises to "bosss": the possessive of a word ending in -ss keeps its own two.
    assert stem(word) == stemmed


@pytest.mark.parametrize("word", ["boss", "press", "status", "analysis"])
def test_a_word_that_only_ends_in_s_keeps_it(word: str) -> None:
    assert stem(word) == word


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("/help@KremlinLossesBot", ""), ("/ask how many died?", "how many died"), ("and/or 1/2", "and or 1 2")],
)
def test_a_bot_command_is_not_a_word_of_the_question(typed: str, expected: str) -> None:
    assert normalise(typed) == expected


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("about thirteen hundred dead", "about 1300 dead"),
        ("Fifteen thousand?", "15000"),
        ("seven-thousand to fifteen thousand", "7000 to 15000"),
        ("only a thousand or so", "only a thousand or so"),
        ("sono morti quindicimila russi?", "sono morti 15000 russi"),
        ("tra sette e quindici mila", "tra 7000 e 15000"),
        ("da settemila a quindicimila", "da 7000 a 15000"),
    ],
)
def test_a_figure_in_english_or_italian_words_is_written_in_digits(typed: str, expected: str) -> None:
    assert normalise(typed) == expected


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Кажуть, пятнадцать тысяч погибло", "кажуть 15000 погибло"),
        ("полягло тисяч п’ятнадцять", "полягло 15000"),  # after its word for thousand: an estimate
        ("ДЕСЯТЬ ТИСЯЧ", "10000"),
        ("від семи до п'ятнадцяти тисяч", "від 7000 до 15000"),
        ("от семи до пятнадцати тысяч", "от 7000 до 15000"),
        ("сім тисяч чи п'ятнадцять тисяч?", "7000 чи 15000"),
        ("одні кажуть тисяча", "одні кажуть тисяча"),  # "a thousand" alone stays vague
        ("семерых", "семерых"),  # a word that only begins like a number
    ],
)
def test_a_figure_of_thousands_in_russian_or_ukrainian_words_is_written_in_digits(typed: str, expected: str) -> None:
    assert normalise(typed) == expected
