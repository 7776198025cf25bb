"""The benchmark's question sets: every file is registered, well formed, and names entries the knowledge has."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench"
sys.path.insert(0, str(BENCH))

from cases import (  # noqa: E402  (bench/ is not a package: its modules import each other by name)
    ANSWERABLE_KINDS,
    BENCH_DATA,
    NEVER_LISTED,
    UNANSWERABLE_KINDS,
    WRITTEN_APART,
    load_cases,
    load_written_apart,
)

from bot.config import BUNDLED_KNOWLEDGE  # noqa: E402
from bot.core.loader import load_knowledge  # noqa: E402

LANGUAGES = ("en", "it", "ru", "uk")


def _set_name(path: Path) -> str:
    return path.name.split(".", 1)[0]


def test_every_question_file_is_a_tuning_set_or_a_registered_written_apart_set() -> None:
    names = {_set_name(path) for path in BENCH_DATA.glob("*.yaml")}
    assert names - {"questions"} == set(WRITTEN_APART)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_set_names_only_known_entries_and_kinds(language: str) -> None:
    known = {entry.id for entry in load_knowledge([BUNDLED_KNOWLEDGE]).entries}
    sets = {"tuning": load_cases(language=language)}
    sets |= {name: load_written_apart(name, language=language) for name in WRITTEN_APART}
    for name, cases in sets.items():
        for case in cases:
            assert case.kind in (*ANSWERABLE_KINDS, *UNANSWERABLE_KINDS), (name, case)
            assert case.expect <= known, (name, case)
            assert case.answerable == (case.kind in ANSWERABLE_KINDS), (name, case)


def test_the_sets_never_listed_are_registered_and_described_as_never_read() -> None:
    assert "blind" in NEVER_LISTED
    for name in NEVER_LISTED:
        assert "never read" in WRITTEN_APART[name], name
