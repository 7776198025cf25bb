"""Russian and Ukrainian typed in Latin letters: one reading per language, in the matcher's normalised form."""

from __future__ import annotations

import pytest

from bot.core.text import normalise
from bot.core.translit import readings


@pytest.mark.parametrize(
    ("latin", "reading"),
    [
        ("pogiblo", "погибло"),
        ("soldat", "солдат"),
        ("pochemu", "почему"),
        ("kakoy", "какои"),  # й is written и once normalised
        ("shchit", "щит"),
        ("skilky", "скілки"),  # Ukrainian: i is і, y is и
        ("zahynulo", "загинуло"),  # Ukrainian: h is г
    ],
)
def test_a_latin_word_has_its_cyrillic_reading(latin: str, reading: str) -> None:
    assert reading in readings(latin)


def test_readings_are_already_normalised() -> None:
    for word in ("kakoy", "moy", "yolka", "shchit", "yizhak"):
        for reading in readings(word):
            assert normalise(reading) == reading


@pytest.mark.parametrize("word", ["погибло", "1351", "", "naïve", "Soldat"])
def test_words_that_are_not_lowercase_latin_have_no_reading(word: str) -> None:
    assert readings(word) == ()
