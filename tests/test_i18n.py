"""Interface texts: every language has the English keys, placeholders and tags, and valid Telegram HTML."""

from __future__ import annotations

import datetime as dt
import re
import string
from collections import Counter
from collections.abc import Mapping

import pytest
from botapi_emulator import parse_html

from bot.core.i18n import MESSAGES, MONTHS, date_text, t
from bot.core.languages import LANGUAGES, REFERENCE

ENGLISH = MESSAGES[REFERENCE]
TRANSLATED = sorted(language for language in MESSAGES if language != REFERENCE)
TAG_RE = re.compile(r"</?([a-zA-Z][a-zA-Z0-9-]*)\b[^>]*>")
# Placeholder values as the renderers pass them: plain text, or (welcome's sources) a block of HTML.
SAMPLE_VALUES = {
    "date": "7 April 2022",
    "about": "“An article”",
    "examples": "How many soldiers died?",
    "options": "“a”; “b”",
    "nearest": "“a”",
    "sources": '<b>Source articles</b>\n• <a href="https://example.org/a">An article</a> (as of 7 April 2022)',
    "name": "factcheck_test_bot",
}


def placeholders(text: str) -> set[str]:
    """The ``{names}`` a text is formatted with."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def tags(text: str) -> Counter[str]:
    """The HTML tags a text holds, opening and closing, counted (``<b>`` twice for ``<b>x</b>``)."""
    return Counter(
        ("/" if match.group(0).startswith("</") else "") + match.group(1).lower() for match in TAG_RE.finditer(text)
    )


def key_problems(reference: Mapping[str, str], table: Mapping[str, str]) -> list[str]:
    """What keeps ``table`` from matching ``reference`` key for key, each problem naming its key."""
    missing = [f"missing key {key!r}" for key in reference if key not in table]
    extra = [f"unknown key {key!r} (not in English)" for key in table if key not in reference]
    return missing + extra


def test_the_interface_speaks_every_language_the_matcher_reads() -> None:
    assert set(MESSAGES) == set(LANGUAGES)


def test_a_missing_key_is_reported_by_name() -> None:
    """The check the next test runs names the key a translation lacks (and one it has in excess)."""
    doctored = {key: text for key, text in MESSAGES["it"].items() if key != "caveat"} | {"cavaet": "Avvertenza"}
    assert key_problems(ENGLISH, doctored) == ["missing key 'caveat'", "unknown key 'cavaet' (not in English)"]


@pytest.mark.parametrize("language", TRANSLATED)
def test_each_language_has_exactly_the_english_keys(language: str) -> None:
    problems = key_problems(ENGLISH, MESSAGES[language])
    assert not problems, f"MESSAGES[{language!r}]: " + "; ".join(problems)


@pytest.mark.parametrize("language", TRANSLATED)
def test_each_text_has_the_english_placeholders(language: str) -> None:
    differing = {
        key: (sorted(placeholders(ENGLISH[key])), sorted(placeholders(text)))
        for key, text in MESSAGES[language].items()
        if key in ENGLISH and placeholders(text) != placeholders(ENGLISH[key])
    }
    assert not differing, f"MESSAGES[{language!r}] placeholders (English, {language}) differ: {differing}"


@pytest.mark.parametrize("language", TRANSLATED)
def test_each_text_has_the_english_html_tags(language: str) -> None:
    differing = {
        key: (dict(tags(ENGLISH[key])), dict(tags(text)))
        for key, text in MESSAGES[language].items()
        if key in ENGLISH and tags(text) != tags(ENGLISH[key])
    }
    assert not differing, f"MESSAGES[{language!r}] tags (English, {language}) differ: {differing}"


@pytest.mark.parametrize("language", sorted(MESSAGES))
def test_every_text_is_filled_in(language: str) -> None:
    empty = [key for key, text in MESSAGES[language].items() if not text.strip()]
    assert not empty, f"MESSAGES[{language!r}] has empty texts: {empty}"


@pytest.mark.parametrize("language", TRANSLATED)
def test_no_text_is_left_in_english(language: str) -> None:
    untranslated = [key for key, text in MESSAGES[language].items() if text == ENGLISH.get(key)]
    assert not untranslated, f"MESSAGES[{language!r}] copies the English text of {untranslated}"


@pytest.mark.parametrize(
    ("language", "key"),
    [(language, key) for language in sorted(MESSAGES) for key in ENGLISH if "<" in MESSAGES[language].get(key, "")],
)
def test_texts_with_markup_are_valid_telegram_html(language: str, key: str) -> None:
    """Parsed as Telegram parses a bot's HTML, before and after their placeholders are filled."""
    text = MESSAGES[language][key]
    parse_html(text)
    filled = t(language, key, **{name: SAMPLE_VALUES[name] for name in placeholders(text)})
    plain, entities = parse_html(filled)
    assert "<" not in plain
    assert entities, "the markup makes entities"


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "7 April 2022"),
        ("it", "7 aprile 2022"),
        ("ru", "7 апреля 2022"),
        ("uk", "7 квітня 2022"),
        ("de", "7 April 2022"),
    ],
)
def test_date_text_writes_a_date_as_readers_of_the_language_do(language: str, expected: str) -> None:
    assert date_text(dt.date(2022, 4, 7), language) == expected


@pytest.mark.parametrize("language", sorted(MESSAGES))
def test_date_text_names_all_twelve_months(language: str) -> None:
    assert set(MONTHS) == set(MESSAGES)
    months = [date_text(dt.date(2022, month, 25), language) for month in range(1, 13)]
    assert months == [f"25 {name} 2022" for name in MONTHS[language]]
    assert len(set(MONTHS[language])) == 12


@pytest.mark.parametrize("language", ["de", "xx", "", "IT", "it-IT"])
def test_t_falls_back_to_english_for_a_language_it_does_not_speak(language: str) -> None:
    assert t(language, "source") == "Source"
    assert t(language, "updated", date="7 April 2022") == "Updated 7 April 2022"


def test_t_fills_placeholders_in_the_language_asked() -> None:
    assert t("it", "updated", date=date_text(dt.date(2022, 4, 7), "it")) == "Aggiornato il 7 aprile 2022"
    assert t("ru", "source") == "Источник"
    assert t("uk", "caveat") == "Застереження"


def test_t_raises_for_a_key_no_language_has() -> None:
    with pytest.raises(KeyError):
        t("it", "no-such-key")
