"""The languages the matcher reads: each language's lexicon merged into one lookup, and language detection.

English is the reference (``bot.core.lexicon``); ``lexicon_it``, ``lexicon_ru`` and ``lexicon_uk`` add
their words for the same concepts. A word is looked up exactly first, then by its longest known stem
(Russian and Ukrainian inflect heavily: погибли, погибших, погибло all begin with погиб).
"""

from __future__ import annotations

import importlib
from collections.abc import Container, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from types import ModuleType

from bot.core import lexicon as english
from bot.core.text import is_cyrillic, normalise
from bot.core.translit import readings

REFERENCE = "en"
LANGUAGES = ("en", "it", "ru", "uk")
MIN_STEM = 4


@dataclass(frozen=True, slots=True)
class Lexicon:
    """One language's word knowledge."""

    code: str
    stopwords: frozenset[str]
    synonyms: Mapping[str, tuple[str, ...]]
    stems: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    phrases: Mapping[str, str] = field(default_factory=dict)
    shorthands: Mapping[str, str] = field(default_factory=dict)  # "u" → "you": a chat spelling of one word
    actors: Mapping[str, str] = field(default_factory=dict)  # word form that names a place acting → concept
    pronouns: frozenset[str] = frozenset()  # "he": with no one named, the article's REFERENT
    plural_pronouns: frozenset[str] = frozenset()  # "they": asked only where they went, the troops
    courtesies: frozenset[str] = frozenset()  # thanks and greetings: small talk beside "bot" alone
    openers: frozenset[str] = frozenset()  # "who is", "what is": how a question asking what a thing is begins
    meanings: frozenset[str] = frozenset()  # "what does … mean": a question asking what a word means
    what_words: frozenset[str] = frozenset()  # "what", "cosa", "что": a question asking for content
    which_words: frozenset[str] = frozenset()  # "which", "quale", "какой": before a setting, asking it
    relatives: frozenset[str] = frozenset()  # "that", "che", "который": a clause describing what is asked about
    negations: frozenset[str] = frozenset()  # "not", "non", "не": what follows is set aside
    alternatives: frozenset[str] = frozenset()  # "or just", "чи просто": what follows is the asker's guess
    why_openers: frozenset[str] = frozenset()  # "чого", "чего": opening a question, a colloquial why
    contrasts: frozenset[str] = frozenset()  # "but", "ma", "а": what follows is set against what came before
    truth_words: frozenset[str] = frozenset()  # "really", "насправді": after a contrast, what is real is asked
    according: frozenset[str] = frozenset()  # "according", "по": "not by the Kremlin's figures" disowns a source
    person_heads: frozenset[str] = frozenset()  # "guy", "tizio", "мужик": a person a clause then describes
    premise_ends: frozenset[str] = frozenset()  # "but", "але": a premise granted before it, then the question
    question_starts: frozenset[str] = frozenset()  # "how", "скільки": words that open the question proper
    because: frozenset[str] = frozenset()  # "because", "бо": before the asker himself, his own reason follows
    first_person: frozenset[str] = frozenset()  # "I", "я": the asker
    explain: frozenset[str] = frozenset()  # "explain", "поясніть": asks why only when nothing else is asked
    done_openers: frozenset[str] = frozenset()  # "did", "удалось": a question asking whether a thing was done

    # Every exact word, filler included, but names (the same in every language): the evidence of a language.
    words: frozenset[str] = field(default=frozenset(), compare=False)
    stem_set: frozenset[str] = field(default=frozenset(), compare=False)

    def __post_init__(self) -> None:
        # Computed once: language detection looks words up here for every word of every question.
        named = {w for concept, group in self.synonyms.items() if concept in english.NAME_CONCEPTS for w in group}
        own = {w for group in self.synonyms.values() for w in group} - named
        object.__setattr__(self, "words", self.stopwords | own)
        object.__setattr__(self, "stem_set", frozenset(p for group in self.stems.values() for p in group))


def _from_module(code: str, module: ModuleType) -> Lexicon:
    return Lexicon(
        code=code,
        stopwords=frozenset(getattr(module, "STOPWORDS", frozenset())),
        synonyms=dict(getattr(module, "SYNONYMS", {})),
        stems=dict(getattr(module, "STEMS", {})),
        phrases=dict(getattr(module, "PHRASES", {})),
        shorthands=dict(getattr(module, "SHORTHANDS", {})),
        actors=dict(getattr(module, "ACTORS", {})),
        pronouns=frozenset(getattr(module, "PRONOUNS", frozenset())),
        plural_pronouns=frozenset(getattr(module, "PLURAL_PRONOUNS", frozenset())),
        courtesies=frozenset(getattr(module, "COURTESIES", frozenset())),
        openers=frozenset(getattr(module, "DEFINING_OPENERS", frozenset())),
        meanings=frozenset(getattr(module, "MEANING_SHAPES", frozenset())),
        what_words=frozenset(getattr(module, "WHAT_WORDS", frozenset())),
        which_words=frozenset(getattr(module, "WHICH_WORDS", frozenset())),
        relatives=frozenset(getattr(module, "RELATIVES", frozenset())),
        negations=frozenset(getattr(module, "NEGATIONS", frozenset())),
        alternatives=frozenset(getattr(module, "ALTERNATIVES", frozenset())),
        why_openers=frozenset(getattr(module, "WHY_OPENERS", frozenset())),
        contrasts=frozenset(getattr(module, "CONTRASTS", frozenset())),
        truth_words=frozenset(getattr(module, "TRUTH_WORDS", frozenset())),
        according=frozenset(getattr(module, "ACCORDING", frozenset())),
        person_heads=frozenset(getattr(module, "PERSON_HEADS", frozenset())),
        premise_ends=frozenset(getattr(module, "PREMISE_ENDS", frozenset())),
        question_starts=frozenset(getattr(module, "QUESTION_STARTS", frozenset())),
        because=frozenset(getattr(module, "BECAUSE", frozenset())),
        first_person=frozenset(getattr(module, "FIRST_PERSON", frozenset())),
        explain=frozenset(getattr(module, "EXPLAIN", frozenset())),
        done_openers=frozenset(getattr(module, "DONE_OPENERS", frozenset())),
    )


@cache
def load_lexicons() -> dict[str, Lexicon]:
    """English plus every other language whose lexicon module is present."""
    found = {REFERENCE: _from_module(REFERENCE, english)}
    for code in LANGUAGES[1:]:
        try:
            module = importlib.import_module(f"bot.core.lexicon_{code}")
        except ModuleNotFoundError:
            continue
        found[code] = _from_module(code, module)
    return found


class MergedLexicon:
    """All languages' lexicons as one lookup: word → concept, filler words, phrases."""

    def __init__(self, lexicons: Iterable[Lexicon]) -> None:
        self.lexicons = {lexicon.code: lexicon for lexicon in lexicons}
        self.stopwords: frozenset[str] = frozenset().union(*(lx.stopwords for lx in self.lexicons.values()))
        self.pronouns: frozenset[str] = frozenset().union(*(lx.pronouns for lx in self.lexicons.values()))
        self.plural_pronouns: frozenset[str] = frozenset().union(*(lx.plural_pronouns for lx in self.lexicons.values()))
        self.courtesies: frozenset[str] = frozenset().union(*(lx.courtesies for lx in self.lexicons.values()))
        self.what_words: frozenset[str] = frozenset().union(*(lx.what_words for lx in self.lexicons.values()))
        self.which_words: frozenset[str] = frozenset().union(*(lx.which_words for lx in self.lexicons.values()))
        self.relatives: frozenset[str] = frozenset().union(*(lx.relatives for lx in self.lexicons.values()))
        self.negations: frozenset[str] = frozenset().union(*(lx.negations for lx in self.lexicons.values()))
        self.person_heads: frozenset[str] = frozenset().union(*(lx.person_heads for lx in self.lexicons.values()))
        self.why_openers: frozenset[str] = frozenset().union(*(lx.why_openers for lx in self.lexicons.values()))
        self.contrasts: frozenset[str] = frozenset().union(*(lx.contrasts for lx in self.lexicons.values()))
        self.truth_words: frozenset[str] = frozenset().union(*(lx.truth_words for lx in self.lexicons.values()))
        self.according: frozenset[str] = frozenset().union(*(lx.according for lx in self.lexicons.values()))
        self.premise_ends: frozenset[str] = frozenset().union(*(lx.premise_ends for lx in self.lexicons.values()))
        self.question_starts: frozenset[str] = frozenset().union(*(lx.question_starts for lx in self.lexicons.values()))
        self.because: frozenset[str] = frozenset().union(*(lx.because for lx in self.lexicons.values()))
        self.first_person: frozenset[str] = frozenset().union(*(lx.first_person for lx in self.lexicons.values()))
        self.explain: frozenset[str] = frozenset().union(*(lx.explain for lx in self.lexicons.values()))
        self.done_openers: frozenset[str] = frozenset().union(*(lx.done_openers for lx in self.lexicons.values()))
        self.alternatives: frozenset[tuple[str, ...]] = frozenset(
            tuple(shape.split()) for lx in self.lexicons.values() for shape in lx.alternatives
        )
        self.openers: frozenset[tuple[str, ...]] = frozenset(
            tuple(opener.split()) for lx in self.lexicons.values() for opener in lx.openers
        )
        # "what does … mean" → (("what", "does"), ("mean",)): the words before and after the one asked about.
        self.meanings: frozenset[tuple[tuple[str, ...], tuple[str, ...]]] = frozenset(
            (tuple(before.split()), tuple(after.split()))
            for lx in self.lexicons.values()
            for before, _, after in (shape.partition("…") for shape in lx.meanings)
        )
        self.phrases: dict[str, str] = {}
        self.shorthands: dict[str, str] = {}
        self.actor_forms: dict[str, str] = {}
        exact: dict[str, str] = {}
        stems: dict[str, str] = {}
        for lexicon in self.lexicons.values():
            self.phrases.update(lexicon.phrases)
            self.shorthands.update(lexicon.shorthands)
            if lexicon.code != REFERENCE:
                self.actor_forms.update(lexicon.actors)
            for concept, words in lexicon.synonyms.items():
                for word in words:
                    exact.setdefault(word, concept)  # English first: the reference wins a clash
            for concept, prefixes in lexicon.stems.items():
                for prefix in prefixes:
                    if len(prefix) >= MIN_STEM:
                        stems.setdefault(prefix, concept)
        self.exact = exact
        self._stems = stems
        self.concepts: frozenset[str] = frozenset(exact.values()) | frozenset(stems.values())  # every concept named
        self._stem_keys = sorted(stems)

    def concept(self, word: str) -> str | None:
        """The concept of ``word``: its exact form, else its longest known stem; None if unknown."""
        found = self.exact.get(word)
        if found is not None:
            return found
        stem = longest_stem(word, self._stems)
        return self._stems[stem] if stem is not None else None

    def stemmed_words(self) -> list[str]:
        """Every stem, for the vocabulary unfinished words complete to."""
        return list(self._stem_keys)


_UKRAINIAN_LETTERS = frozenset("ієґ")
_RUSSIAN_LETTERS = frozenset("ыэъ")


def detect_language(text: str, lexicons: Mapping[str, Lexicon]) -> str | None:
    """The language ``text`` is most likely written in, or None when it is unclear (one word, a figure)."""
    words = normalise(text).split()
    letters = {ch for word in words for ch in word if ch.isalpha()}
    cyrillic = any(map(is_cyrillic, letters))
    if cyrillic:
        if letters & _UKRAINIAN_LETTERS and not letters & _RUSSIAN_LETTERS:
            return "uk" if "uk" in lexicons else None
        if letters & _RUSSIAN_LETTERS and not letters & _UKRAINIAN_LETTERS:
            return "ru" if "ru" in lexicons else None
        cyrillic_lexicons = [lexicons[c] for c in ("ru", "uk") if c in lexicons]
        by_words = _by_words(words, cyrillic_lexicons, at_least=1)  # "як зварити борщ": one known word decides
        if by_words is not None:
            return by_words
        # Several Cyrillic words and not one і, ї, є or ґ: Ukrainian sentences almost never lack them.
        alphabetic = [w for w in words if any(ch.isalpha() for ch in w)]
        if len(alphabetic) >= 2 and not letters & _UKRAINIAN_LETTERS and "ru" in lexicons:
            return "ru"
        return None
    latin = _known_counts(words, [lexicons[c] for c in ("en", "it") if c in lexicons])
    by_words = _clear_winner(latin) if len(words) >= 2 else None
    return by_words or _typed_in_latin_letters(words, lexicons, beating=max(latin, default=(0, ""))[0])


def _typed_in_latin_letters(words: list[str], lexicons: Mapping[str, Lexicon], *, beating: int) -> str | None:
    """Russian or Ukrainian typed by sound in Latin letters ("skolko soldat pogiblo"): the language whose
    words the readings are, by the same two-word evidence as any other language, and by two more words than
    English or Italian has: an English word read by sound may be a Ukrainian loanword ("interview")."""
    read: list[tuple[str, ...]] = [readings(word) for word in words]
    scores = []
    for position, code in ((0, "ru"), (-1, "uk")):  # readings: the Russian one first, the Ukrainian one last
        lexicon = lexicons.get(code)
        if lexicon is not None:
            found = sum(bool(options) and knows(lexicon, options[position]) for options in read)
            scores.append((found, code))
    winner = _clear_winner(scores)
    return winner if winner is not None and max(scores)[0] >= beating + 2 else None


def knows(lexicon: Lexicon, word: str) -> bool:
    """True when ``word`` is one of the lexicon's words or begins with one of its stems."""
    return word in lexicon.words or longest_stem(word, lexicon.stem_set) is not None


def longest_stem(word: str, stems: Container[str]) -> str | None:
    """The longest beginning of ``word``, at least ``MIN_STEM`` letters, that is one of ``stems``."""
    for length in range(len(word), MIN_STEM - 1, -1):
        if word[:length] in stems:
            return word[:length]
    return None


def _by_words(words: list[str], candidates: list[Lexicon], *, at_least: int = 2) -> str | None:
    """The candidate whose known words cover the text more than the others' (``at_least`` hits)."""
    if len(words) < 2 or not candidates:
        return None
    return _clear_winner(_known_counts(words, candidates), at_least=at_least)


def _known_counts(words: list[str], candidates: list[Lexicon]) -> list[tuple[int, str]]:
    """How many of ``words`` each candidate knows, with its code."""
    return [(sum(w in lx.words for w in words), lx.code) for lx in candidates]


def _clear_winner(scores: list[tuple[int, str]], *, at_least: int = 2) -> str | None:
    """The language with the most known words, if it has ``at_least`` and more than any other."""
    ranked = sorted(scores, reverse=True)
    if not ranked or ranked[0][0] < at_least or (len(ranked) > 1 and ranked[1][0] == ranked[0][0]):
        return None
    return ranked[0][1]


def reply_language(
    question: str,
    *,
    lexicons: Mapping[str, Lexicon],
    available: Iterable[str],
    matched_language: str | None = None,
    matched_question: str | None = None,
    user_language: str | None = None,
) -> str:
    """The language to answer in: the question's own; if unclear, the language of the curated question
    it matched (when not the reference), then the user's Telegram language, then English."""
    speaks = set(available)
    detected = detect_language(question, lexicons)
    if detected in speaks:
        return detected
    if (
        matched_language
        and matched_language != REFERENCE
        and matched_language in speaks
        and _script(question) == (_script(matched_question) if matched_question else _SCRIPTS.get(matched_language))
    ):
        return matched_language
    if user_language:
        code = user_language.split("-")[0].lower()
        if code in speaks:
            return code
    return REFERENCE


_SCRIPTS = {"en": "latin", "it": "latin", "ru": "cyrillic", "uk": "cyrillic"}


def _script(text: str) -> str | None:
    """The script of a text's letters: "cyrillic", "latin", or None without letters."""
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return None
    cyrillic = sum(map(is_cyrillic, letters))
    return "cyrillic" if cyrillic * 2 >= len(letters) else "latin"
