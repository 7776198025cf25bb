"""Match results → reply text: plain for the command line, JSON for batch tests. All wording lives here."""

from __future__ import annotations

import html
import re
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


# -- HTML for Telegram --------------------------------------------------------------------------
# Telegram's HTML needs only <, > and & escaped in text, and quotes in attributes. Every piece of
# knowledge or user text passes through _e() or _attr(); nothing else builds markup.

MESSAGE_LIMIT = 4096  # Telegram's limit for a message's text, counted after entity parsing
QUESTION_ECHO_LIMIT = 200  # a user's text is never echoed at length


def _e(text: str) -> str:
    return html.escape(text, quote=False)


def _attr(text: str) -> str:
    return html.escape(text, quote=True)


def _shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _first_sentence(text: str) -> str:
    text = " ".join(text.split())
    end = re.search(r"(?<=[.!?])\s", text)
    return text[: end.start()] if end else text


def _source_html(kb: KnowledgeBase, entry: Entry) -> str:
    meta = kb.source_of(entry.id).meta
    title = f'<a href="{_attr(meta.url)}">{_e(meta.title)}</a>' if meta.url else f"“{_e(meta.title)}”"
    outlet = f", {_e(meta.outlet)}" if meta.outlet else ""
    dated = "published" if meta.published else "as of"
    return f"{_e(entry.source.rstrip('.'))}. Article: {title}{outlet} ({dated} {meta.date:%-d %B %Y})."


def figures_html(entry: Entry) -> list[str]:
    """One line per figure, the number in bold."""
    lines = []
    for figure in entry.figures:
        when = f", as of {figure.as_of:%-d %B %Y}" if figure.as_of else ""
        lines.append(f"<b>{_e(figure.display)}</b> {_e(figure.counts)} — {_e(figure.claimed_by)}{when}")
    return lines


def full_html(kb: KnowledgeBase, entry: Entry, *, matched: str | None = None, updated: str | None = None) -> str:
    """The complete reply: figures, answer, source, caveat and the question it was matched to."""
    head = figures_html(entry)
    if not entry.covered:
        head = ["❔ <b>Not in the article.</b>"]
    parts = [
        "\n".join(head),
        _e(entry.answer),
        f"<b>Source:</b> {_source_html(kb, entry)}",
        f"<b>Caveat:</b> {_e(entry.caveat)}",
    ]
    if matched:
        parts.append(f"<i>Matched question: “{_e(_shorten(matched, QUESTION_ECHO_LIMIT))}”</i>")
    if updated:
        parts.append(f"<i>✏️ Updated {_e(updated)}</i>")
    return _fit("\n\n".join(p for p in parts if p))


def compact_html(kb: KnowledgeBase, entry: Entry) -> str:
    """A group reply: the figure (or the answer's first sentence), one line of source and of caveat."""
    head = "\n".join(figures_html(entry)) if entry.figures else _e(_first_sentence(entry.answer))
    if not entry.covered:
        head = f"❔ {_e(_first_sentence(entry.answer))}"
    source = _e(_shorten(entry.source, 140))
    caveat = _e(_shorten(_first_sentence(entry.caveat), 200))
    return _fit(f"{head}\n<b>Source:</b> {source}\n<b>Caveat:</b> {caveat}")


def not_covered_html(kb: KnowledgeBase, *, offer_examples: bool = True) -> str:
    """The reply when nothing matches: plainly not covered, and what the article does cover."""
    titles = sorted({_e(kb.source_of(e.id).meta.title) for e in kb.entries})
    about = "; ".join(f"“{t}”" for t in titles)
    tail = " Try one of these questions:" if offer_examples else ""
    return _fit(
        f"❔ <b>{_e(NOT_COVERED_LEAD)}</b>\n\nI answer questions about {about}: the figures it reports, "
        f"who gave them and how reliable they are.{tail}"
    )


def ambiguous_html() -> str:
    """The lead of a "did you mean" reply; the choices are buttons."""
    return "Your question is close to several that the article answers. <b>Did you mean:</b>"


def inline_description(entry: Entry) -> str:
    """One line under an inline result's title: the figure and the source."""
    if entry.figures:
        figure = entry.figures[0]
        return _shorten(f"{figure.display} {figure.counts} · {entry.source}", 200)
    return _shorten(_first_sentence(entry.answer), 200)


def welcome_html(kb: KnowledgeBase) -> str:
    """/start: what the bot is, which article it knows, how to ask."""
    return _fit(
        "👋 I answer questions about one news article with <b>the figure, its source and a caveat</b>, "
        "or tell you plainly when the article does not hold the answer.\n\n"
        f"{sources_html(kb)}\n\n"
        "Ask me anything in your own words, or tap an example below. In groups, use <code>/ask</code> "
        "or mention me; in any chat, type my @username and a question."
    )


def help_html(username: str) -> str:
    """/help: every way to ask."""
    name = _e(username)
    return (
        "<b>How to ask</b>\n"
        "• Private chat: just write your question.\n"
        f"• Groups: <code>/ask your question</code>, mention @{name} in a message, or reply to one of my messages.\n"
        f"• Any chat: type <code>@{name} your question</code> and pick an answer to post.\n\n"
        "<b>Commands</b>\n/ask – ask a question\n/sources – the article behind the answers\n/help – this message\n\n"
        "Every answer shows its source and a caveat. A figure is only as good as whoever gave it."
    )


def sources_html(kb: KnowledgeBase) -> str:
    """/sources: each source article with its date and link."""
    seen: dict[str, str] = {}
    for entry in kb.entries:
        meta = kb.source_of(entry.id).meta
        title = f'<a href="{_attr(meta.url)}">{_e(meta.title)}</a>' if meta.url else f"“{_e(meta.title)}”"
        outlet = f", {_e(meta.outlet)}" if meta.outlet else ""
        dated = "published" if meta.published else "as of"
        seen.setdefault(meta.title, f"• {title}{outlet} ({dated} {meta.date:%-d %B %Y})")
    return "<b>Source articles</b>\n" + "\n".join(seen.values())


def _fit(markup: str) -> str:
    """Keep a reply under Telegram's limit without cutting a tag or an entity in half."""
    if len(markup) <= MESSAGE_LIMIT:
        return markup
    cut = markup[: MESSAGE_LIMIT - 1]
    cut = cut[: max(cut.rfind("\n"), 0)] or cut[: cut.rfind(" ")]
    return re.sub(r"<[^>]*$|&[^;\s]*$", "", cut) + "…"
