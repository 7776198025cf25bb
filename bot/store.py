"""The live knowledge snapshot: loaded whole, validated, swapped in one assignment, never half-updated."""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from bot.core.loader import KnowledgeBase, load_knowledge
from bot.core.matcher import Matcher, MatcherSettings, MatchResult
from bot.core.models import Entry

Fingerprint = tuple[tuple[str, int, int], ...]  # (path, mtime_ns, size) of every file a reload reads


@dataclass(frozen=True, slots=True)
class Snapshot:
    """A knowledge base and the matcher built on it: always replaced together."""

    kb: KnowledgeBase
    matcher: Matcher
    # Replies rendered from this snapshot, by what they depend on: the same answer is asked for again and
    # again (inline lists ten per keystroke), and a new snapshot starts with none.
    _rendered: dict[tuple[str, ...], str] = field(default_factory=dict, compare=False, repr=False)

    def rendered(self, key: tuple[str, ...], make: Callable[[], str]) -> str:
        """The reply ``key`` names, rendered once per snapshot."""
        text = self._rendered.get(key)
        if text is None:
            text = self._rendered[key] = make()
        return text

    @classmethod
    def load(cls, paths: Sequence[Path], matcher_settings: MatcherSettings | None = None) -> Snapshot:
        """Load and index the knowledge; raises ``KnowledgeError`` and leaves nothing half-built."""
        kb = load_knowledge(paths)
        return cls(kb, Matcher(kb.entries, settings=matcher_settings))


@dataclass(frozen=True, slots=True)
class ReloadReport:
    """What a reload changed, by entry id."""

    added: tuple[str, ...]
    removed: tuple[str, ...]
    changed: tuple[str, ...]  # any field differs
    corrected: tuple[str, ...]  # what readers see differs (answer, figures, caveat, source): posted copies go stale

    def summary(self) -> str:
        """One line for admins, e.g. ``2 added (a, b), 1 changed (c), 0 removed``."""

        def part(label: str, ids: tuple[str, ...]) -> str:
            return f"{len(ids)} {label}" + (f" ({', '.join(ids)})" if ids else "")

        return ", ".join([part("added", self.added), part("changed", self.changed), part("removed", self.removed)])


def compare(old: KnowledgeBase, new: KnowledgeBase) -> ReloadReport:
    """The entries added, removed and changed from ``old`` to ``new``."""
    added = tuple(e.id for e in new.entries if e.id not in old.by_id)
    removed = tuple(e.id for e in old.entries if e.id not in new.by_id)
    both = [(old.by_id[e.id], e) for e in new.entries if e.id in old.by_id]
    changed = tuple(after.id for before, after in both if before != after)
    corrected = tuple(
        after.id
        for before, after in both
        if (before.answer, before.figures, before.caveat, before.source)
        != (after.answer, after.figures, after.caveat, after.source)
    )
    return ReloadReport(added, removed, changed, corrected)


def fingerprint(directory: Path) -> Fingerprint:
    """What the knowledge directory looks like now; raises ``OSError`` when it cannot be read."""
    found = []
    with os.scandir(directory) as listing:
        for item in listing:
            if item.is_file():
                stat = item.stat()
                found.append((item.name, stat.st_mtime_ns, stat.st_size))
    return tuple(sorted(found))


class KnowledgeStore:
    """Holds the snapshot in service. Handlers read ``current`` once per update and use that."""

    def __init__(
        self, snapshot: Snapshot, directory: Path | None = None, matcher_settings: MatcherSettings | None = None
    ) -> None:
        self._snapshot = snapshot
        self._directory = directory
        self._matcher_settings = matcher_settings  # for every snapshot a reload builds
        self._asked: Counter[str] = Counter()

    @classmethod
    def open(cls, directory: Path, matcher_settings: MatcherSettings | None = None) -> KnowledgeStore:
        """Load the knowledge directory; raises ``KnowledgeError`` if it is not valid."""
        return cls(Snapshot.load([directory], matcher_settings), directory, matcher_settings)

    @property
    def current(self) -> Snapshot:
        """The snapshot in service."""
        return self._snapshot

    @property
    def directory(self) -> Path | None:
        """The knowledge directory reloads read, if any."""
        return self._directory

    def reload(self) -> ReloadReport:
        """Load and validate everything, then swap it in; on ``KnowledgeError`` the old snapshot stays."""
        if self._directory is None:
            raise RuntimeError("this store was built without a knowledge directory to reload from")
        fresh = Snapshot.load([self._directory], self._matcher_settings)
        report = compare(self._snapshot.kb, fresh.kb)
        self._snapshot = fresh
        return report

    def match(self, question: str, *, partial: bool = True, count: bool = True) -> tuple[Snapshot, MatchResult]:
        """Match against the snapshot in service; ``count``: a question really asked, for "most asked"."""
        snapshot = self._snapshot
        result = snapshot.matcher.match(question, partial=partial)
        if count and result.answered and result.best is not None:
            self._asked[result.best.entry.id] += 1
        return snapshot, result

    def most_asked(self, limit: int) -> list[Entry]:
        """Covered entries, the most asked first; curated order breaks ties and fills the list."""
        kb = self._snapshot.kb
        order = {entry.id: index for index, entry in enumerate(kb.entries)}
        covered = [entry for entry in kb.entries if entry.covered]
        covered.sort(key=lambda entry: (-self._asked[entry.id], order[entry.id]))
        return covered[:limit]
