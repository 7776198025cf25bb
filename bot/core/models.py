"""Pydantic models of a knowledge file: its source, entries, figures and translations."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from typing import Annotated, Self

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator, model_validator

ENTRY_ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
LANGUAGE_PATTERN = r"^[a-z]{2,3}$"
MIN_QUESTIONS = 5

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Question = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]
EntryId = Annotated[str, StringConstraints(pattern=ENTRY_ID_PATTERN, max_length=48)]
Language = Annotated[str, StringConstraints(pattern=LANGUAGE_PATTERN)]


class _Strict(BaseModel):
    """Knowledge is data edited by hand: unknown keys are errors and loaded objects never change."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Source(_Strict):
    """The article a knowledge file is drawn from."""

    title: Text
    outlet: Text | None = None
    # No spaces, control characters, quotes or angle brackets: it goes into an HTML attribute.
    url: Annotated[str, StringConstraints(pattern=r"^https?://[^\s\x00-\x1f\x7f<>\"]+$")] | None = None
    published: dt.date | None = None
    as_of: dt.date | None = None
    language: Language
    text: Text = Field(description="Path of the source text, relative to the knowledge file.")

    @model_validator(mode="after")
    def _dated(self) -> Self:
        if self.published is None and self.as_of is None:
            raise ValueError("give the source a date: `published` or `as_of`")
        return self

    @property
    def date(self) -> dt.date:
        """The date readers should see: publication if known, else the as-of date."""
        date = self.published or self.as_of
        assert date is not None  # guaranteed by _dated
        return date


class Figure(_Strict):
    """A number the article states: one value or a range, what it counts and who claims it."""

    value: int | None = Field(default=None, ge=0)
    low: int | None = Field(default=None, ge=0)
    high: int | None = Field(default=None, ge=0)
    counts: Text
    claimed_by: Text
    as_of: dt.date | None = None

    @model_validator(mode="after")
    def _one_form(self) -> Self:
        has_range = self.low is not None or self.high is not None
        if self.value is not None and has_range:
            raise ValueError("give either `value` or `low` and `high`, not both")
        if self.value is None and not has_range:
            raise ValueError("give `value`, or `low` and `high` for a range")
        if has_range and (self.low is None or self.high is None):
            raise ValueError("a range needs both `low` and `high`")
        if self.low is not None and self.high is not None and self.low > self.high:
            raise ValueError(f"`low` ({self.low}) is greater than `high` ({self.high})")
        return self

    @property
    def numbers(self) -> tuple[int, ...]:
        """The numbers this figure states, for checking them against the quote."""
        return tuple(n for n in (self.value, self.low, self.high) if n is not None)


class EntryKind(StrEnum):
    """Whether the article holds the answer."""

    FACT = "fact"
    NOT_COVERED = "not_covered"


class Translation(_Strict):
    """An entry's texts in another language; what is missing falls back to the file's language."""

    questions: tuple[Question, ...] = ()
    answer: Text | None = None
    source: Text | None = None
    caveat: Text | None = None


class Entry(_Strict):
    """One question people ask, the ways they ask it, and the verified answer."""

    id: EntryId
    kind: EntryKind = EntryKind.FACT
    questions: tuple[Question, ...] = Field(min_length=MIN_QUESTIONS)
    answer: Text
    figures: tuple[Figure, ...] = ()
    source: Text
    caveat: Text
    quote: tuple[Text, ...] = ()
    # Entries whose answers this one gives too, in short ("death-toll" gives the official figure and the
    # Western estimates): a question as close to them as to this entry gets this answer, not "did you mean".
    covers: tuple[EntryId, ...] = ()
    translations: dict[Language, Translation] = Field(default_factory=dict)

    @field_validator("quote", mode="before")
    @classmethod
    def _quote_as_tuple(cls, value: object) -> object:
        return (value,) if isinstance(value, str) else value

    @field_validator("questions")
    @classmethod
    def _distinct_questions(cls, questions: tuple[str, ...]) -> tuple[str, ...]:
        seen: set[str] = set()
        for question in questions:
            key = " ".join(question.casefold().split())
            if key in seen:
                raise ValueError(f"question {question!r} is listed twice")
            seen.add(key)
        return questions

    @model_validator(mode="after")
    def _kind_rules(self) -> Self:
        if self.kind is EntryKind.FACT and not self.quote:
            raise ValueError("a fact needs a `quote`: the article's sentence(s) that support the answer")
        if self.kind is EntryKind.NOT_COVERED and self.figures:
            raise ValueError("a not_covered entry cannot carry `figures`: the article holds no such number")
        if self.kind is EntryKind.NOT_COVERED and self.covers:
            raise ValueError("a not_covered entry cannot `cover` others: it gives no answer they could share")
        if self.id in self.covers:
            raise ValueError(f"`covers` names the entry itself ({self.id!r}): list only other entries")
        return self

    @property
    def covered(self) -> bool:
        """True when the article holds the answer."""
        return self.kind is EntryKind.FACT

    def all_questions(self, reference: str = "en") -> Iterator[tuple[str, str]]:
        """Every curated question with its language: the file's own first, then each translation's."""
        for question in self.questions:
            yield reference, question
        for language, translation in self.translations.items():
            for question in translation.questions:
                yield language, question

    def texts(self, language: str) -> LocalisedTexts:
        """Answer, source and caveat in ``language``, each falling back to the file's own text."""
        translation = self.translations.get(language)
        if translation is None:
            return LocalisedTexts(self.answer, self.source, self.caveat, translated=False)
        return LocalisedTexts(
            translation.answer or self.answer,
            translation.source or self.source,
            translation.caveat or self.caveat,
            translated=translation.answer is not None,
        )


@dataclass(frozen=True, slots=True)
class LocalisedTexts:
    """An entry's reader-facing texts in one language."""

    answer: str
    source: str
    caveat: str
    translated: bool


class KnowledgeFile(_Strict):
    """One YAML file: a source article and the entries drawn from it."""

    schema_version: int = Field(ge=1, le=1)
    source: Source
    entries: tuple[Entry, ...] = Field(min_length=1)


GROUPING_RE = re.compile(r"(?<=\d)[,.\u00a0\u202f'](?=\d{3}(?!\d))")  # 7,000 · 7.000 · 7 000 · 7'000
NUMBER_RE = re.compile(r"\d+")


def numbers_in(text: str) -> set[int]:
    """Whole numbers written in a text, thousands separators of any locale read as such (``7.000`` → 7000)."""
    return {int(token) for token in NUMBER_RE.findall(GROUPING_RE.sub("", text))}
