"""Text normalisation shared by the matcher and the knowledge checks: one canonical form of a question."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from functools import lru_cache
from itertools import pairwise

_MENTION_RE = re.compile(r"(?<![\w@])@[A-Za-z0-9_]{3,64}")
_URL_RE = re.compile(r"\b(?:https?://|www\.)\S+", re.IGNORECASE)
_COMMAND_RE = re.compile(r"(?<!\S)/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{3,64})?(?!\S)")  # "/help@SomeBot"
_DIGIT_GROUP_RE = re.compile(r"(?<=\d)[,.\u00a0\u202f'](?=\d{3}(?!\d))")  # 7,000 / 7.000 / 7 000 → 7000
# "15k", "15 thousand", "15mila", "15 тысяч", "1.3k" → the figure in digits (after digit groups are joined).
_THOUSANDS_RE = re.compile(
    r"\b(\d{1,9}(?:[.,]\d{1,2})?)\s?(?:k|thousands?|mila|mille|тыс|тысяч|тысячи|тысяча|тыщ|тыщи|тис|тисяч|тисячі|тисяча)\b"
)
# English figures in words, as people write them: "thirteen hundred" → 1300, "fifteen thousand" → 15000.
_UNITS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen "
    "eighteen nineteen"
).split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()  # 20, 30, … 90
# Italian ones too, as they come before "mila": "settemila", "quindici mila" → 7000, 15000.
_ITALIAN_UNITS = (
    "due tre quattro cinque sei sette otto nove dieci undici dodici tredici quattordici quindici sedici "
    "diciassette diciotto diciannove venti"
).split()  # 2, 3, … 20
_SMALL_NUMBERS = (
    {word: n for n, word in enumerate(_UNITS)}
    | {word: 10 * n for n, word in enumerate(_TENS, 2)}
    | {word: n for n, word in enumerate(_ITALIAN_UNITS, 2)}
)
_WORDED_RE = re.compile(rf"\b({'|'.join(_SMALL_NUMBERS)})(?:[ -](hundred|thousand)|\s?mila)\b")
# Russian and Ukrainian ones beside their word for thousand, before it or after it as an estimate ("пятнадцать
# тысяч", "тисяч десять"), as said alone or in a range ("от семи до пятнадцати тысяч"): 1 to 20, and some tens.
_SLAVIC_NUMBERS = {
    word: n
    for n, forms in enumerate(
        (
            "один одна одну одного однієї",
            "два две дві двух двох",
            "три трех трёх трьох",
            "четыре чотири четырех четырёх чотирьох",
            "пять п'ять пяти п'яти",
            "шесть шість шести",
            "семь сім семи",
            "восемь вісім восьми",
            "девять дев'ять девяти дев'яти",
            "десять десяти",
            "одиннадцать одинадцять одиннадцати одинадцяти",
            "двенадцать дванадцять двенадцати дванадцяти",
            "тринадцать тринадцять тринадцати тринадцяти",
            "четырнадцать чотирнадцять четырнадцати чотирнадцяти",
            "пятнадцать п'ятнадцять пятнадцять пятнадцати п'ятнадцяти пятнадцяти",
            "шестнадцать шістнадцять шестнадцати шістнадцяти",
            "семнадцать сімнадцять семнадцати сімнадцяти",
            "восемнадцать вісімнадцять восемнадцати вісімнадцяти",
            "девятнадцать дев'ятнадцять девятнадцять девятнадцати дев'ятнадцяти девятнадцяти",
            "двадцать двадцять двадцати двадцяти",
        ),
        1,
    )
    for word in forms.split()
} | {"тридцать": 30, "тридцять": 30, "сорок": 40, "пятьдесят": 50, "п'ятдесят": 50, "пятдесят": 50}
_WORDED_NUMBERS = _SMALL_NUMBERS | _SLAVIC_NUMBERS  # the first figure of a range, said in words
_SLAVIC_UNIT = "|".join(sorted(_SLAVIC_NUMBERS, key=len, reverse=True))
_SLAVIC_THOUSAND = "(?:тысяч[аиу]?|тыщ[аиу]?|тисяч[аіу]?)"
_SLAVIC_WORDED_RE = re.compile(
    rf"(?<![\w'])(?:({_SLAVIC_UNIT})\s+{_SLAVIC_THOUSAND}|{_SLAVIC_THOUSAND}\s+({_SLAVIC_UNIT}))(?![\w'])"
)
# A range whose word for thousand is said once, at its end: "7 to 15 thousand", "tra 7 e 15 mila", "от 7 до 15
# тысяч", "seven or fifteen thousand" (each already "… 15000" here): the first figure is thousands too.
_RANGE_RE = re.compile(
    rf"\b(\d{{1,3}}|{'|'.join(_WORDED_NUMBERS)})"
    rf"(\s*(?:-|–|—|/|to|and|or|a|e|ed|o|до|и|или|і|й|або|та)\s*)(\d{{4,6}})\b"
)
# Sums people ask a calculator ("1351 times 3", "15000 meno 7000"): the figures are not the article's use of
# them. Only words or signs no range uses: "7-15k" and "7 to 15000" are ranges.
_OPERATION_RE = re.compile(
    r"\b(\d+)\s*(?:x|×|\*|times|minus|plus|meno|piu|più|diviso|divided by|минус|плюс|мінус|поделить на)\s*(\d+)\b"
)
OPERATION = "arithmeticop"  # the arithmetic word the lexicon knows
# Letters that look alike in the Latin and Cyrillic alphabets: a word typed with both ("зiзналися" with a Latin
# i, "Рeskov" with a Cyrillic Р) is read in the alphabet most of its letters are in.
_LATIN_LOOKALIKES = "aeopcxyik"
_CYRILLIC_LOOKALIKES = "аеорсхуік"
_TO_CYRILLIC = str.maketrans(_LATIN_LOOKALIKES, _CYRILLIC_LOOKALIKES)
_TO_LATIN = str.maketrans(_CYRILLIC_LOOKALIKES, _LATIN_LOOKALIKES)
_FIRST_CYRILLIC, _LAST_CYRILLIC = "\u0400", "\u04ff"  # the Cyrillic block: Russian and Ukrainian letters alike
_CYRILLIC = f"[{_FIRST_CYRILLIC}-{_LAST_CYRILLIC}]"
# A Latin letter beside a Cyrillic one, looked for in each word apart: one pattern spanning the word ("\w*…\w*")
# backtracks through every position of a long word, quadratic in its length (a 4,096-letter word took a second).
_MIXED_PAIR_RE = re.compile(rf"[a-z]{_CYRILLIC}|{_CYRILLIC}[a-z]")
_ANY_WORD_RE = re.compile(r"\w+")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "ʼ": "'"})
_NEGATION_RE = re.compile(r"n't\b")
_POSSESSIVE_RE = re.compile(r"'(?=s\b)")
_WORD_RE = re.compile(r"[^\W_]+")


@lru_cache(maxsize=1024)  # one message is normalised by the matcher and again by language detection
def normalise(text: str) -> str:
    """Fold a question to its matching form: lower case, no accents, mentions, commands, links, emoji or
    punctuation."""
    text = unicodedata.normalize("NFKC", text)
    text = "".join(ch for ch in text if unicodedata.category(ch) not in {"Cf", "Cc", "Cs", "Co"} or ch in "\n\t")
    text = _URL_RE.sub(" ", text)
    text = _COMMAND_RE.sub(" ", text)  # a bot command is not a word of the question ("/ask how many…")
    text = _MENTION_RE.sub(" ", text)
    text = text.casefold().translate(_APOSTROPHES)
    if _MIXED_PAIR_RE.search(text):
        text = _ANY_WORD_RE.sub(_in_one_alphabet, text)
    text = _NEGATION_RE.sub(" not", text)
    text = _POSSESSIVE_RE.sub("", text)  # Ukraine's → ukraines: kept apart from the place, as an owner
    text = _DIGIT_GROUP_RE.sub("", text)
    text = _WORDED_RE.sub(_in_digits, text)
    text = _SLAVIC_WORDED_RE.sub(_slavic_in_digits, text)
    text = _THOUSANDS_RE.sub(_in_thousands, text)
    text = _RANGE_RE.sub(_range_in_thousands, text)
    text = _OPERATION_RE.sub(rf"\1 {OPERATION} \2", text)
    text = _strip_marks(text)
    return " ".join(_WORD_RE.findall(text))


class PhraseRewriter:
    """Replaces multi-word expressions (whole words of normalised text) by the word they stand for.

    Chat shorthands ("u", "nn", "шо") are first spelt out word by word. Longer phrases (in words) apply
    first, so none is pre-empted by a shorter phrase inside it ("home in body bags" before "body bags");
    phrases of one length apply in their mapping's order. Each applies to the text the earlier ones left.
    Only phrases whose first two words stand side by side in the text (or whose one word is in it) are
    tried, so a question costs a few dictionary lookups, not a scan of every phrase or of every phrase that
    merely begins with "the" or "how".
    """

    def __init__(self, phrases: Mapping[str, str], shorthands: Mapping[str, str] | None = None) -> None:
        self._shorthands = dict(shorthands or {})  # "u" → "you": read first, so "what do u think" is an idiom too
        ordered = sorted(phrases, key=lambda phrase: -len(phrase.split()))  # stable: the mapping's order otherwise
        self._phrases = [(f" {phrase} ", f" {phrases[phrase]} " if phrases[phrase] else " ") for phrase in ordered]
        self._by_first_words: dict[tuple[str, ...], list[int]] = {}
        for index, phrase in enumerate(ordered):
            self._by_first_words.setdefault(tuple(phrase.split()[:2]), []).append(index)

    def __call__(self, normalised: str) -> str:
        """``normalised`` with every shorthand spelt out, then every phrase rewritten."""
        words = normalised.split()
        if self._shorthands and not self._shorthands.keys().isdisjoint(words):
            normalised = " ".join(self._shorthands.get(word, word) for word in words)
            words = normalised.split()
        pending = self._candidates(words, after=-1)
        if not pending:
            return normalised
        padded = f" {normalised} "
        while pending:
            index = pending.pop()
            phrase, replacement = self._phrases[index]
            if phrase in padded:
                padded = padded.replace(phrase, replacement)
                pending = self._candidates(padded.split(), after=index)  # the new words may start phrases too
        return " ".join(padded.split())

    def _candidates(self, words: list[str], *, after: int) -> list[int]:
        """Indices of the phrases starting with two of ``words`` side by side, past ``after``, the first last."""
        beginnings: set[tuple[str, ...]] = {(word,) for word in words} | set(pairwise(words))
        found = {index for key in beginnings for index in self._by_first_words.get(key, ()) if index > after}
        return sorted(found, reverse=True)


def rewrite_phrases(normalised: str, phrases: Mapping[str, str], shorthands: Mapping[str, str] | None = None) -> str:
    """Spell out chat shorthands, then replace multi-word expressions by the word they stand for."""
    return PhraseRewriter(phrases, shorthands)(normalised)


def stem(word: str) -> str:
    """A light English plural/possessive stem, applied alike to curated and asked words."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith("sss"):  # boss's → bosss → boss
        return word[:-1]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def base_forms(word: str) -> tuple[str, ...]:
    """The words an English -ing or -ed form may come from: calming → calm, hoped → hope, stopped → stop."""
    for suffix in ("ing", "ed"):
        base = word.removesuffix(suffix)
        if base != word and len(base) >= 3 and base.isascii():
            doubled = (base[:-1],) if base[-1] == base[-2] else ()
            return (base, base + "e", *doubled)
    return ()


def _in_digits(match: re.Match[str]) -> str:
    """A figure written in English or Italian words, in digits: "thirteen hundred" → "1300", "quindicimila" →
    "15000" ("a thousand" stays vague)."""
    return str(_SMALL_NUMBERS[match.group(1)] * (100 if match.group(2) == "hundred" else 1000))


def _slavic_in_digits(match: re.Match[str]) -> str:
    """A figure of thousands written in Russian or Ukrainian words, in digits: "сім тисяч" → "7000"."""
    return str(_SLAVIC_NUMBERS[match.group(1) or match.group(2)] * 1000)


def _in_thousands(match: re.Match[str]) -> str:
    """A figure written with a word for thousand, in digits: "1,3 mila" → "1300"."""
    return str(round(float(match.group(1).replace(",", ".")) * 1000))


def is_cyrillic(ch: str) -> bool:
    """True for a letter of the Cyrillic alphabet (Russian and Ukrainian alike)."""
    return _FIRST_CYRILLIC <= ch <= _LAST_CYRILLIC


def _in_one_alphabet(match: re.Match[str]) -> str:
    """A word as it stands, or, if it mixes Latin and Cyrillic letters, with its look-alike letters in the
    alphabet most of it is in."""
    word = match.group(0)
    if not _MIXED_PAIR_RE.search(word):
        return word
    cyrillic = sum(map(is_cyrillic, word))
    latin = sum("a" <= ch <= "z" for ch in word)
    return word.translate(_TO_CYRILLIC if cyrillic > latin else _TO_LATIN)


def _range_in_thousands(match: re.Match[str]) -> str:
    """ "7 to 15000" → "7000 to 15000" when the second figure is whole thousands above the first's."""
    first, between, second = match.groups()
    low = int(first) if first.isdigit() else _WORDED_NUMBERS[first]
    high = int(second)
    if high % 1000 or not 0 < low * 1000 < high:
        return match.group(0)
    return f"{low * 1000}{between}{second}"


def _strip_marks(text: str) -> str:
    """Drop accents (é → e, ё → е) so people who skip them still match."""
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn"))
