"""The knowledge store: matcher settings chosen at opening hold for every snapshot a reload builds."""

from __future__ import annotations

import shutil
from pathlib import Path

from bot.config import BUNDLED_KNOWLEDGE
from bot.core.matcher import MatcherSettings
from bot.store import KnowledgeStore


def test_matcher_settings_given_at_opening_survive_a_reload(tmp_path: Path) -> None:
    knowledge = tmp_path / "knowledge"
    shutil.copytree(BUNDLED_KNOWLEDGE, knowledge)
    strict = MatcherSettings(threshold=1.01)  # nothing can score above 1: nothing is answered
    store = KnowledgeStore.open(knowledge, strict)
    assert store.current.matcher.settings == strict
    assert not store.match("how many russian soldiers died")[1].answered
    store.reload()
    assert store.current.matcher.settings == strict
    assert not store.match("how many russian soldiers died")[1].answered
    assert KnowledgeStore.open(knowledge).match("how many russian soldiers died")[1].answered
