"""Match results → reply text: plain for the command line, JSON for batch tests. All wording lives here."""

from __future__ import annotations

from typing import Any

from bot.core.loader import KnowledgeBase
from bot.core.matcher import Candidate, Decision, MatchResult
from bot.core.models import Entry

NOT_COVERED_LEAD = "The article does not cover this."


def figure_line(entry: Entry) -> str | None:
    """The entry's figures in one line: ``1,351 Russian soldiers killed (Russian defence minister, as of …)``."""
    if not entry.figures:
        return None
    parts = []
    for figure in entry.figures:
        when = f", as of {figure.as_of:%-d %B %Y}" if figure.as_of else ""
        parts.append(f"{figure.display} {figure.counts}: {figure.claimed_by}{when}")
    return "; ".join(parts)


def source_line(kb: KnowledgeBase, entry: Entry) -> str:
    """Who said it, and the article it is reported in with its date."""
    meta = kb.source_of(entry.id).meta
    outlet = f", {meta.outlet}" if meta.outlet else ""
    dated = "published" if meta.published else "as of"
    return f"{entry.source.rstrip('.')}. Article: “{meta.title}”{outlet} ({dated} {meta.date:%-d %B %Y})."


def covers_summary(kb: KnowledgeBase, *, limit: int = 4) -> str:
    """What the knowledge does cover, as a few example questions."""
    examples = [entry.questions[0] for entry in kb.entries if entry.covered][:limit]
    return "; ".join(examples)


def as_json(result: MatchResult, kb: KnowledgeBase) -> dict[str, Any]:
    """The reply as one JSON object (the fields ``ask --json`` documents)."""
    best = result.best
    shown = best if best is not None and result.decision in (Decision.ANSWER, Decision.NOT_COVERED) else None
    reply: dict[str, Any] = {
        "question": result.query,
        "answered": result.answered,
        "decision": result.decision.value,
        "id": shown.entry.id if shown else None,
        "score": best.score if best else 0.0,
        "matched_question": shown.question if shown else None,
        "answer": shown.entry.answer if shown else _fallback_text(result, kb),
        "figure": figure_line(shown.entry) if shown else None,
        "source": source_line(kb, shown.entry) if shown else None,
        "caveat": shown.entry.caveat if shown else None,
        "alternatives": [_alternative(c) for c in result.candidates if c is not shown],
    }
    return reply


def as_plain(result: MatchResult, kb: KnowledgeBase) -> str:
    """The reply as a person reads it in a terminal."""
    best = result.best
    if best is None or result.decision in (Decision.NONE, Decision.AMBIGUOUS):
        return _fallback_text(result, kb)
    entry = best.entry
    lines = []
    figure = figure_line(entry)
    if figure:
        lines.append(f"Figure: {figure}")
    lines += [entry.answer, "", f"Source: {source_line(kb, entry)}", f"Caveat: {entry.caveat}", ""]
    lines.append(f"Matched question: “{best.question}” (score {best.score:.2f})")
    others = [c for c in result.candidates[1:] if c.entry.covered]
    if others:
        lines.append("Related: " + "; ".join(f"“{c.question}”" for c in others))
    return "\n".join(lines)


def _fallback_text(result: MatchResult, kb: KnowledgeBase) -> str:
    if result.decision is Decision.AMBIGUOUS:
        options = "; ".join(f"“{c.question}”" for c in result.candidates if c.score > 0)
        return f"Your question is close to several that the article answers. Did you mean: {options}?"
    if not result.normalised:
        return f"Ask a question about the article. For example: {covers_summary(kb)}."
    nearest = "; ".join(f"“{c.question}”" for c in result.candidates)
    hint = f" Nearest questions it answers: {nearest}." if nearest else ""
    return f"{NOT_COVERED_LEAD} It reports, for example: {covers_summary(kb)}.{hint}"


def _alternative(candidate: Candidate) -> dict[str, Any]:
    return {"id": candidate.entry.id, "question": candidate.question, "score": candidate.score}
