"""Russian and Ukrainian typed in Latin letters ("skolko soldat pogiblo"), read back in Cyrillic.

People without a Cyrillic keyboard write Russian and Ukrainian by sound. The two languages spell the
same sounds apart ("i" is и in Russian and і in Ukrainian; "y" is ы in one and и in the other), so a
word gets one reading per language; the matcher keeps the one its lexicon knows. Readings are in the
matcher's normalised form: no й, ё or ї (they fold to и, е and і) and no soft sign, which such spellings
drop.
"""

from __future__ import annotations

import re

_COMMON = {
    "shch": "щ",
    "sch": "щ",
    "zh": "ж",
    "kh": "х",
    "ch": "ч",
    "sh": "ш",
    "ts": "ц",
    "yu": "ю",
    "ya": "я",
    "ju": "ю",
    "ja": "я",
    "a": "а",
    "b": "б",
    "v": "в",
    "w": "в",
    "d": "д",
    "z": "з",
    "k": "к",
    "q": "к",
    "l": "л",
    "m": "м",
    "n": "н",
    "o": "о",
    "p": "п",
    "r": "р",
    "s": "с",
    "t": "т",
    "u": "у",
    "f": "ф",
    "c": "ц",
    "x": "кс",
    "j": "и",
}
_RUSSIAN = {**_COMMON, "yo": "е", "ye": "е", "e": "е", "g": "г", "h": "х", "i": "и", "y": "ы"}
_UKRAINIAN = {**_COMMON, "yi": "і", "ye": "є", "e": "е", "g": "г", "h": "г", "i": "і", "y": "и"}
# "y" first or after a vowel ("moy", "kakoy", "yod") is й, which the normalised form writes и.
_Y_AS_CONSONANT = re.compile(r"(?:^|(?<=[аеиоуэюяіє]))ы")


def _compile(table: dict[str, str]) -> re.Pattern[str]:
    return re.compile("|".join(sorted(map(re.escape, table), key=len, reverse=True)))


_TABLES = tuple((table, _compile(table)) for table in (_RUSSIAN, _UKRAINIAN))
_LATIN_WORD = re.compile(r"[a-z]+")


def readings(word: str) -> tuple[str, ...]:
    """The Russian and the Ukrainian reading of a Latin-letter word (none for other words)."""
    if not _LATIN_WORD.fullmatch(word):
        return ()
    found = (_spell(word, table, pattern) for table, pattern in _TABLES)
    return tuple(dict.fromkeys(found))  # the two readings, once each when they agree


def _spell(word: str, table: dict[str, str], pattern: re.Pattern[str]) -> str:
    return _Y_AS_CONSONANT.sub("и", pattern.sub(lambda match: table[match.group()], word))
