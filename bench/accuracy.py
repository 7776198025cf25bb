"""Accuracy benchmark: our matcher against plain rapidfuzz ``extractOne`` baselines, same knowledge and questions.

    python bench/accuracy.py [-v]

A case passes when an answerable question gets an ANSWER from an expected entry, and when an
unanswerable one gets no answer (none, ambiguous, or a not-covered entry). Baselines answer with the
best-scoring curated question's entry when its score reaches a threshold; the threshold shown is the
best single one, chosen after the fact on these very questions (so the baselines are flattered).
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path

from rapidfuzz import fuzz, process, utils

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from cases import (
    ANSWERABLE_KINDS,
    NEVER_LISTED,
    UNANSWERABLE_KINDS,
    WRITTEN_APART,
    Case,
    load_cases,
    load_written_apart,
)

from bot.config import BUNDLED_KNOWLEDGE
from bot.core.loader import load_knowledge
from bot.core.matcher import Decision, Matcher
from bot.core.models import Entry

Verdict = tuple[bool, str]  # passed, what was answered


def ours(matcher: Matcher) -> Callable[[Case], Verdict]:
    """Judge our matcher's decision on one case."""

    def judge(case: Case) -> Verdict:
        result = matcher.match(case.question)
        best = result.best
        said = f"{result.decision.value}:{best.entry.id if best else '-'}"
        if case.answerable:
            return (
                result.decision is Decision.ANSWER and best is not None and best.entry.id in case.expect,
                said,
            )
        answered_fact = result.decision is Decision.ANSWER
        return not answered_fact, said

    return judge


def baseline(entries: Sequence[Entry], scorer: Callable[..., float], threshold: float) -> Callable[[Case], Verdict]:
    """Plain extractOne over every curated question, answering above ``threshold``."""
    choices = {(e.id, i): q for e in entries for i, q in enumerate(e.questions)}
    covered = {e.id: e.covered for e in entries}

    def judge(case: Case) -> Verdict:
        found = process.extractOne(case.question, choices, scorer=scorer, processor=utils.default_process)
        if found is None or found[1] < threshold:
            return not case.answerable, "none"
        entry_id = found[2][0]
        if case.answerable:
            return entry_id in case.expect and covered[entry_id], entry_id
        return not covered[entry_id], entry_id

    return judge


def rates(cases: Sequence[Case], judge: Callable[[Case], Verdict]) -> dict[str, tuple[int, int]]:
    """Passed and total per kind, plus the two headline groups."""
    table: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for case in cases:
        passed, _ = judge(case)
        for key in (case.kind, "answerable" if case.answerable else "unanswerable"):
            table[key][0] += passed
            table[key][1] += 1
    return {k: (v[0], v[1]) for k, v in table.items()}


def best_baseline(
    cases: Sequence[Case], entries: Sequence[Entry], scorer: Callable[..., float]
) -> tuple[float, dict[str, tuple[int, int]]]:
    """The threshold that maximises the mean of the two headline rates, and its table."""
    best: tuple[float, float, dict[str, tuple[int, int]]] | None = None
    for threshold in range(30, 101, 2):
        table = rates(cases, baseline(entries, scorer, threshold))
        mean = sum(table[g][0] / table[g][1] for g in ("answerable", "unanswerable")) / 2
        if best is None or mean > best[0]:
            best = (mean, threshold, table)
    assert best is not None
    return best[1], best[2]


def table(title: str, cases: Sequence[Case], kb_entries: Sequence[Entry], matcher: Matcher) -> None:
    """Print one markdown table for ``cases``: rows are kinds, columns are matchers."""
    columns = {"ours": rates(cases, ours(matcher))}
    for name, scorer in (("WRatio", fuzz.WRatio), ("token_set_ratio", fuzz.token_set_ratio)):
        threshold, result = best_baseline(cases, kb_entries, scorer)
        columns[f"extractOne {name} (≥{threshold:g})"] = result
    kinds = ["answerable", *ANSWERABLE_KINDS, "unanswerable", *UNANSWERABLE_KINDS]
    print(f"### {title}: {len(cases)} questions\n")
    print("| kind | " + " | ".join(columns) + " |")
    print("|---|" + "---|" * len(columns))
    for kind in kinds:
        cells = []
        for column in columns.values():
            passed, total = column.get(kind, (0, 0))
            cells.append(f"{passed}/{total} ({passed / total:.0%})" if total else "-")
        label = f"**{kind}**" if kind in ("answerable", "unanswerable") else kind
        print(f"| {label} | " + " | ".join(cells) + " |")
    print()


def main() -> None:
    """Print the tables: the tuning sets (ours + development) and the held-out set apart."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-v", "--verbose", action="store_true", help="list the cases our matcher fails")
    parser.add_argument("--language", default="en")
    args = parser.parse_args()
    kb = load_knowledge([BUNDLED_KNOWLEDGE])
    matcher = Matcher(kb.entries)
    cases = load_cases(language=args.language)
    dev = sum(c.origin == "dev" for c in cases)
    table(f"Tuning set (ours + {dev} from the development set)", cases, kb.entries, matcher)
    apart = {name: load_written_apart(name, language=args.language) for name in WRITTEN_APART}
    for name, title in WRITTEN_APART.items():
        if apart[name]:
            table(title, apart[name], kb.entries, matcher)
    if args.verbose:
        judge = ours(matcher)
        read = [case for name, written in apart.items() if name not in NEVER_LISTED for case in written]
        for case in [*cases, *read]:
            passed, said = judge(case)
            if not passed:
                expected = sorted(case.expect) or "no answer"
                print(f"FAIL [{case.kind}/{case.origin}] {case.question!r} expected {expected} got {said}")


if __name__ == "__main__":
    main()
