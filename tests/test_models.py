"""The knowledge models: what a valid figure, entry and source look like, and what is refused."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from bot.core.models import MIN_QUESTIONS, Entry, EntryKind, Figure, Source, numbers_in
from bot.core.render import figure_value

FIVE_QUESTIONS = ["How many died?", "death toll", "How many soldiers were killed?", "losses", "dead soldiers"]


def figure(**fields: Any) -> dict[str, Any]:
    """A figure's fields: what it counts and who claims it, plus the numbers under test."""
    return {"counts": "soldiers who died", "claimed_by": "the ministry", **fields}


def entry(**fields: Any) -> dict[str, Any]:
    """A valid fact entry's fields, with ``fields`` changed (``None`` removes a field)."""
    base: dict[str, Any] = {
        "id": "death-toll",
        "questions": FIVE_QUESTIONS,
        "answer": "The ministry said 1,351 soldiers died.",
        "source": "The ministry.",
        "caveat": "An official figure.",
        "quote": "the defense minister said 1,351 soldiers had died",
    }
    merged = {**base, **fields}
    return {key: value for key, value in merged.items() if value is not None}


def source(**fields: Any) -> dict[str, Any]:
    """A valid source's fields, with ``fields`` changed (``None`` removes a field)."""
    base: dict[str, Any] = {
        "title": "An article",
        "as_of": "2022-04-07",
        "language": "en",
        "text": "article.txt",
    }
    merged = {**base, **fields}
    return {key: value for key, value in merged.items() if value is not None}


# ------------------------------------------------------------------ Figure


@pytest.mark.parametrize(
    ("fields", "numbers", "display"),
    [
        pytest.param({"value": 1351}, (1351,), "1,351", id="one value"),
        pytest.param({"value": 0}, (0,), "0", id="zero"),
        pytest.param({"low": 7000, "high": 15000}, (7000, 15000), "7,000\N{EN DASH}15,000", id="range"),
        pytest.param({"low": 5, "high": 5}, (5, 5), "5\N{EN DASH}5", id="range of one number"),
    ],
)
def test_figure_is_one_value_or_a_range_and_displays_with_thousands_separators(
    fields: dict[str, Any], numbers: tuple[int, ...], display: str
) -> None:
    parsed = Figure.model_validate(figure(**fields))
    assert parsed.numbers == numbers
    assert figure_value(parsed, "en") == display


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        pytest.param({}, "give `value`, or `low` and `high` for a range", id="no number"),
        pytest.param({"value": 1, "low": 1, "high": 2}, "give either `value` or `low` and `high`, not both", id="both"),
        pytest.param({"value": 1, "high": 2}, "give either `value` or `low` and `high`, not both", id="value and high"),
        pytest.param({"low": 7000}, "a range needs both `low` and `high`", id="low only"),
        pytest.param({"high": 15000}, "a range needs both `low` and `high`", id="high only"),
        pytest.param({"low": 15000, "high": 7000}, "`low` (15000) is greater than `high` (7000)", id="low > high"),
        pytest.param({"value": -1}, "greater than or equal to 0", id="negative"),
        pytest.param({"value": 1, "unit": "people"}, "Extra inputs are not permitted", id="unknown key"),
    ],
)
def test_figure_rejects(fields: dict[str, Any], message: str) -> None:
    with pytest.raises(ValidationError, match=re.escape(message)):
        Figure.model_validate(figure(**fields))


@given(st.integers(min_value=0, max_value=10**12), st.integers(min_value=0, max_value=10**12))
def test_a_figures_display_states_exactly_its_numbers(a: int, b: int) -> None:
    """Whatever the numbers, reading the displayed figure back gives them: the quote check relies on it."""
    low, high = sorted((a, b))
    for fields in ({"value": a}, {"low": low, "high": high}):
        parsed = Figure.model_validate(figure(**fields))
        assert numbers_in(figure_value(parsed, "en")) == set(parsed.numbers)


# ------------------------------------------------------------------ Entry


@pytest.mark.parametrize(
    ("fields", "quote"),
    [
        pytest.param({"quote": "one sentence"}, ("one sentence",), id="string"),
        pytest.param({"quote": ["one sentence", "another"]}, ("one sentence", "another"), id="list"),
        pytest.param({"quote": "  padded  "}, ("padded",), id="stripped"),
    ],
)
def test_entry_quote_is_a_string_or_a_list_of_strings(fields: dict[str, Any], quote: tuple[str, ...]) -> None:
    assert Entry.model_validate(entry(**fields)).quote == quote


def test_a_valid_entry_is_a_fact_by_default_and_covered() -> None:
    parsed = Entry.model_validate(entry())
    assert parsed.kind is EntryKind.FACT
    assert parsed.covered
    assert parsed.questions == tuple(FIVE_QUESTIONS)


def test_a_not_covered_entry_needs_no_quote_and_is_not_covered() -> None:
    parsed = Entry.model_validate(entry(kind="not_covered", quote=None))
    assert parsed.kind is EntryKind.NOT_COVERED
    assert not parsed.covered


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        pytest.param(
            {"questions": FIVE_QUESTIONS[: MIN_QUESTIONS - 1]},
            "Tuple should have at least 5 items after validation, not 4",
            id="four questions",
        ),
        pytest.param(
            {"questions": [*FIVE_QUESTIONS, "  HOW many   DIED? "]},
            "question 'HOW many   DIED?' is listed twice",
            id="duplicate question ignoring case and spaces",
        ),
        pytest.param({"questions": [*FIVE_QUESTIONS, "   "]}, "at least 1 character", id="blank question"),
        pytest.param({"quote": None}, "a fact needs a `quote`", id="fact without quote"),
        pytest.param({"quote": []}, "a fact needs a `quote`", id="fact with empty quote list"),
        pytest.param(
            {"kind": "not_covered", "quote": None, "figures": [figure(value=1)]},
            "a not_covered entry cannot carry `figures`",
            id="not_covered with figures",
        ),
        pytest.param({"colour": "red"}, "Extra inputs are not permitted", id="unknown key"),
        pytest.param({"kind": "opinion"}, "Input should be 'fact' or 'not_covered'", id="unknown kind"),
        pytest.param({"id": "Death Toll"}, "String should match pattern", id="id not a slug"),
        pytest.param({"caveat": None}, "Field required", id="no caveat"),
        pytest.param({"answer": "  "}, "at least 1 character", id="blank answer"),
    ],
)
def test_entry_rejects(fields: dict[str, Any], message: str) -> None:
    with pytest.raises(ValidationError, match=re.escape(message)):
        Entry.model_validate(entry(**fields))


def test_questions_that_differ_in_wording_are_not_duplicates() -> None:
    parsed = Entry.model_validate(entry(questions=[*FIVE_QUESTIONS, "How many have died?"]))
    assert len(parsed.questions) == MIN_QUESTIONS + 1


# ------------------------------------------------------------------ frozen models


@pytest.mark.parametrize(
    ("model", "field", "value"),
    [
        pytest.param(Entry.model_validate(entry()), "answer", "changed", id="entry"),
        pytest.param(Figure.model_validate(figure(value=1)), "value", 2, id="figure"),
        pytest.param(Source.model_validate(source()), "title", "changed", id="source"),
    ],
)
def test_loaded_models_are_frozen(model: Entry | Figure | Source, field: str, value: object) -> None:
    with pytest.raises(ValidationError, match="Instance is frozen"):
        setattr(model, field, value)


def test_entry_questions_and_quotes_are_tuples_so_they_cannot_be_changed_in_place() -> None:
    parsed = Entry.model_validate(entry(quote=["a", "b"]))
    assert isinstance(parsed.questions, tuple)
    assert isinstance(parsed.quote, tuple)


# ------------------------------------------------------------------ Source


@pytest.mark.parametrize(
    ("fields", "date"),
    [
        pytest.param({"as_of": "2022-04-07"}, dt.date(2022, 4, 7), id="as_of only"),
        pytest.param({"as_of": None, "published": "2022-04-08"}, dt.date(2022, 4, 8), id="published only"),
        pytest.param({"published": "2022-04-08"}, dt.date(2022, 4, 8), id="published wins over as_of"),
    ],
)
def test_source_date_is_publication_else_as_of(fields: dict[str, Any], date: dt.date) -> None:
    assert Source.model_validate(source(**fields)).date == date


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        pytest.param({"as_of": None}, "give the source a date: `published` or `as_of`", id="undated"),
        pytest.param({"url": "ftp://example.org/a"}, "String should match pattern", id="url not http"),
        pytest.param({"language": "English"}, "String should match pattern", id="language not a code"),
        pytest.param({"text": None}, "Field required", id="no text"),
        pytest.param({"author": "someone"}, "Extra inputs are not permitted", id="unknown key"),
    ],
)
def test_source_rejects(fields: dict[str, Any], message: str) -> None:
    with pytest.raises(ValidationError, match=re.escape(message)):
        Source.model_validate(source(**fields))


# ------------------------------------------------------------------ numbers_in


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        pytest.param("7,000 and 15,000, March 25", {7000, 15000, 25}, id="separators and trailing comma"),
        pytest.param("1,351 soldiers.", {1351}, id="full stop after number"),
        pytest.param("a 2.5 km front", {2, 5}, id="a decimal's digits are read as written"),
        pytest.param("tra 7.000 e 15.000", {7000, 15000}, id="Italian thousands separator"),
        pytest.param("от 7\u00a0000 до 15\u00a0000", {7000, 15000}, id="Russian thousands separator"),
        pytest.param("no numbers here", set(), id="none"),
        pytest.param("between 7,000 and 15,000", {7000, 15000}, id="range in words"),
        pytest.param("7,000\N{EN DASH}15,000", {7000, 15000}, id="range with en dash"),
    ],
)
def test_numbers_in_reads_whole_numbers_with_thousands_separators(text: str, numbers: set[int]) -> None:
    assert numbers_in(text) == numbers


@given(st.integers(min_value=0, max_value=10**15))
def test_numbers_in_reads_back_any_number_written_with_separators(number: int) -> None:
    assert numbers_in(f"about {number:,} of them") == {number}
