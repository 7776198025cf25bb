"""The live knowledge snapshot: loaded once, swapped whole, read by every handler."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from bot.core.loader import KnowledgeBase, load_knowledge
from bot.core.matcher import Matcher, MatchResult
from bot.core.models import Entry


@dataclass(frozen=True, slots=True)
class Snapshot:
    """A knowledge base and the matcher built on it: always replaced together."""

    kb: KnowledgeBase
    matcher: Matcher

    @classmethod
    def load(cls, paths: Sequence[Path]) -> Snapshot:
        """Load and index the knowledge; raises ``KnowledgeError`` and leaves nothing half-built."""
        kb = load_knowledge(paths)
        return cls(kb, Matcher(kb.entries))


class KnowledgeStore:
    """Holds the snapshot in service. Handlers read ``current`` once per update and use that."""

    def __init__(self, snapshot: Snapshot) -> None:
        self._snapshot = snapshot
        self._asked: Counter[str] = Counter()

    @property
    def current(self) -> Snapshot:
        """The snapshot in service."""
        return self._snapshot

    def swap(self, snapshot: Snapshot) -> Snapshot:
        """Put a fully built snapshot in service (one reference assignment) and return the old one."""
        old, self._snapshot = self._snapshot, snapshot
        return old

    def match(self, question: str, *, partial: bool = True) -> tuple[Snapshot, MatchResult]:
        """Match against the snapshot in service; also counts what people ask for "most asked"."""
        snapshot = self._snapshot
        result = snapshot.matcher.match(question, partial=partial)
        if result.answered and result.best is not None:
            self._asked[result.best.entry.id] += 1
        return snapshot, result

    def most_asked(self, limit: int) -> list[Entry]:
        """Covered entries, the most asked first; curated order breaks ties and fills the list."""
        kb = self._snapshot.kb
        order = {entry.id: index for index, entry in enumerate(kb.entries)}
        covered = [entry for entry in kb.entries if entry.covered]
        covered.sort(key=lambda entry: (-self._asked[entry.id], order[entry.id]))
        return covered[:limit]
