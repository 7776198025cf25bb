"""Match results → reply text: plain for the command line, JSON for batch tests, HTML for Telegram.

Every reply is rendered in one language: the entry's texts come from the knowledge (falling back to the
file's own language), the interface words from ``bot.core.i18n``. All escaping happens here.
"""

from __future__ import annotations

import html
import re
from typing import Any

from bot.core.i18n import date_text, t
from bot.core.languages import REFERENCE
from bot.core.loader import KnowledgeBase
from bot.core.matcher import Candidate, Decision, MatchResult
from bot.core.models import Entry, Figure

MESSAGE_LIMIT = 4096  # Telegram's limit for a message's text, counted after entity parsing
QUESTION_ECHO_LIMIT = 200  # a user's text is never echoed at length
_GROUPING = {"it": ".", "ru": "\u00a0", "uk": "\u00a0"}  # thousands separators; English uses ","


# -- shared pieces ------------------------------------------------------------------------------


def number_text(value: int, language: str) -> str:
    """A whole number as readers of ``language`` write it: 7,000 · 7.000 · 7 000."""
    return f"{value:,}".replace(",", _GROUPING.get(language, ","))


def figure_value(figure: Figure, language: str) -> str:
    """The figure's number or range: ``1,351`` or ``7,000–15,000`` (in the reader's notation)."""
    if figure.value is not None:
        return number_text(figure.value, language)
    assert figure.low is not None  # a range has both bounds (the model checks it)
    assert figure.high is not None
    return f"{number_text(figure.low, language)}–{number_text(figure.high, language)}"


def shown_question(candidate: Candidate, language: str) -> str:
    """The curated question to show a reader: the one matched if it is in their language, else the
    entry's first question in their language."""
    if candidate.language == language:
        return candidate.question
    return question_in(candidate.entry, language)


def question_in(entry: Entry, language: str) -> str:
    """The entry's first curated question in ``language``, else in the file's language."""
    translation = entry.translations.get(language)
    return translation.questions[0] if translation and translation.questions else entry.questions[0]


def _dated(kb: KnowledgeBase, entry: Entry, language: str) -> str:
    meta = kb.source_of(entry.id).meta
    when = t(language, "published" if meta.published else "as_of")
    return f"{when} {date_text(meta.date, language)}"


# -- plain text and JSON (the command line) -----------------------------------------------------


def figure_line(entry: Entry, language: str = REFERENCE) -> str | None:
    """The entry's figures in one line: ``1,351 Russian soldiers killed: Russian defence minister, as of …``."""
    if not entry.figures:
        return None
    if language != REFERENCE:  # what a figure counts is written in English only: show the numbers
        return "; ".join(figure_value(figure, language) for figure in entry.figures)
    parts = []
    for figure in entry.figures:
        when = f", as of {date_text(figure.as_of, language)}" if figure.as_of else ""
        parts.append(f"{figure_value(figure, language)} {figure.counts}: {figure.claimed_by}{when}")
    return "; ".join(parts)


def source_line(kb: KnowledgeBase, entry: Entry, language: str = REFERENCE) -> str:
    """Who said it, and the article it is reported in with its date."""
    meta = kb.source_of(entry.id).meta
    outlet = f", {meta.outlet}" if meta.outlet else ""
    source = entry.texts(language).source.rstrip(".")
    return f"{source}. {t(language, 'article')}: “{meta.title}”{outlet} ({_dated(kb, entry, language)})."


def covers_summary(kb: KnowledgeBase, language: str = REFERENCE, *, limit: int = 4) -> str:
    """What the knowledge does cover, as a few example questions."""
    return "; ".join([question_in(entry, language) for entry in kb.entries if entry.covered][:limit])


def as_json(result: MatchResult, kb: KnowledgeBase, language: str = REFERENCE) -> dict[str, Any]:
    """The reply as one JSON object (the fields ``ask --json`` documents)."""
    best = result.best
    shown = best if best is not None and result.decision in (Decision.ANSWER, Decision.NOT_COVERED) else None
    texts = shown.entry.texts(language) if shown else None
    return {
        "question": result.query,
        "language": language,
        "answered": result.answered,
        "decision": result.decision.value,
        "id": shown.entry.id if shown else None,
        "score": best.score if best else 0.0,
        "matched_question": shown.question if shown else None,
        "answer": texts.answer if texts else _fallback_text(result, kb, language),
        "figure": figure_line(shown.entry, language) if shown else None,
        "figure_values": _raw_figures(shown.entry) if shown else None,
        "source": source_line(kb, shown.entry, language) if shown else None,
        "caveat": texts.caveat if texts else None,
        "alternatives": [_alternative(c) for c in result.candidates if c is not shown],
    }


def as_plain(result: MatchResult, kb: KnowledgeBase, language: str = REFERENCE) -> str:
    """The reply as a person reads it in a terminal."""
    best = result.best
    if best is None or result.decision in (Decision.NONE, Decision.AMBIGUOUS):
        return _fallback_text(result, kb, language)
    entry = best.entry
    texts = entry.texts(language)
    lines = []
    figure = figure_line(entry, language)
    if figure:
        lines.append(f"{t(language, 'figure')}: {figure}")
    lines += [
        texts.answer,
        "",
        f"{t(language, 'source')}: {source_line(kb, entry, language)}",
        f"{t(language, 'caveat')}: {texts.caveat}",
        "",
    ]
    if texts.translated:
        lines.append(t(language, "source_in_english"))
    lines.append(f"{t(language, 'matched')}: “{best.question}” ({best.score:.2f})")
    others = [c for c in result.candidates[1:] if c.entry.covered]
    if others:
        lines.append(f"{t(language, 'related')}: " + "; ".join(f"“{c.question}”" for c in others))
    return "\n".join(lines)


def _fallback_text(result: MatchResult, kb: KnowledgeBase, language: str) -> str:
    if result.decision is Decision.AMBIGUOUS:
        options = "; ".join(f"“{c.question}”" for c in result.candidates if c.score > 0)
        return t(language, "ambiguous_plain", options=options)
    if not result.normalised:
        return t(language, "ask_prompt", examples=covers_summary(kb, language))
    nearest = "; ".join(f"“{c.question}”" for c in result.candidates)
    hint = " " + t(language, "nearest", nearest=nearest) if nearest else ""
    examples = t(language, "reports_examples", examples=covers_summary(kb, language))
    return f"{t(language, 'not_covered_lead')} {examples}{hint}"


def _raw_figures(entry: Entry) -> str | None:
    """The figures as plain digits for tools, whatever the reply's language: ``1351; 7000-15000``."""
    if not entry.figures:
        return None
    return "; ".join(str(f.value) if f.value is not None else f"{f.low}-{f.high}" for f in entry.figures)


def _alternative(candidate: Candidate) -> dict[str, Any]:
    return {"id": candidate.entry.id, "question": candidate.question, "score": candidate.score}


# -- HTML for Telegram --------------------------------------------------------------------------
# Telegram's HTML needs only <, > and & escaped in text, and quotes in attributes. Every piece of
# knowledge or user text passes through _e() or _attr(); nothing else builds markup.


def _e(text: str) -> str:
    return html.escape(text, quote=False)


def _attr(text: str) -> str:
    return html.escape(text, quote=True)


_SPACES_RE = re.compile(r"[ \t\r\n]+")  # not the no-break spaces that group digits in ru/uk


def _squeeze(text: str) -> str:
    return _SPACES_RE.sub(" ", text).strip()


def _shorten(text: str, limit: int) -> str:
    text = _squeeze(text)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _first_sentence(text: str) -> str:
    text = _squeeze(text)
    end = re.search(r"(?<=[.!?])\s", text)
    return text[: end.start()] if end else text


def _title_html(kb: KnowledgeBase, entry: Entry) -> str:
    meta = kb.source_of(entry.id).meta
    title = f'<a href="{_attr(meta.url)}">{_e(meta.title)}</a>' if meta.url else f"“{_e(meta.title)}”"
    outlet = f", {_e(meta.outlet)}" if meta.outlet else ""
    return f"{title}{outlet}"


def _source_html(kb: KnowledgeBase, entry: Entry, language: str) -> str:
    source = _e(entry.texts(language).source.rstrip("."))
    article = t(language, "article")
    return f"{source}. {article}: {_title_html(kb, entry)} ({_dated(kb, entry, language)})."


def figures_html(entry: Entry, language: str = REFERENCE) -> list[str]:
    """One line per figure, the number in bold (in other languages the answer says what it counts)."""
    if language != REFERENCE:
        return [" · ".join(f"<b>{_e(figure_value(f, language))}</b>" for f in entry.figures)] if entry.figures else []
    lines = []
    for figure in entry.figures:
        when = f", as of {date_text(figure.as_of, language)}" if figure.as_of else ""
        value = _e(figure_value(figure, language))
        lines.append(f"<b>{value}</b> {_e(figure.counts)} — {_e(figure.claimed_by)}{when}")
    return lines


def full_html(
    kb: KnowledgeBase,
    entry: Entry,
    *,
    language: str = REFERENCE,
    matched: str | None = None,
    updated: str | None = None,
) -> str:
    """The complete reply: figures, answer, source, caveat and the question it was matched to."""
    texts = entry.texts(language)
    head = figures_html(entry, language) if entry.covered else [f"❔ <b>{_e(t(language, 'not_in_article'))}</b>"]
    parts = [
        "\n".join(head),
        _e(texts.answer),
        f"<b>{_e(t(language, 'source'))}:</b> {_source_html(kb, entry, language)}",
        f"<b>{_e(t(language, 'caveat'))}:</b> {_e(texts.caveat)}",
    ]
    if texts.translated:
        parts.append(f"<i>{_e(t(language, 'source_in_english'))}</i>")
    if matched:
        parts.append(f"<i>{_e(t(language, 'matched'))}: “{_e(_shorten(matched, QUESTION_ECHO_LIMIT))}”</i>")
    if updated:
        parts.append(f"<i>✏️ {_e(t(language, 'updated', date=updated))}</i>")
    return _fit("\n\n".join(p for p in parts if p))


def compact_html(kb: KnowledgeBase, entry: Entry, *, language: str = REFERENCE) -> str:
    """A group reply: the figure (or the answer's first sentence), one line of source and of caveat."""
    texts = entry.texts(language)
    if not entry.covered:
        head = f"❔ {_e(_first_sentence(texts.answer))}"
    elif entry.figures and language == REFERENCE:
        head = "\n".join(figures_html(entry, language))
    else:
        head = _e(_first_sentence(texts.answer))
    source = _e(_shorten(texts.source, 140))
    caveat = _e(_shorten(_first_sentence(texts.caveat), 200))
    source_label, caveat_label = _e(t(language, "source")), _e(t(language, "caveat"))
    return _fit(f"{head}\n<b>{source_label}:</b> {source}\n<b>{caveat_label}:</b> {caveat}")


def not_covered_html(kb: KnowledgeBase, *, language: str = REFERENCE, offer_examples: bool = True) -> str:
    """The reply when nothing matches: plainly not covered, and what the article does cover."""
    titles = sorted({kb.source_of(e.id).meta.title for e in kb.entries})
    about = "; ".join(f"“{_e(title)}”" for title in titles)
    tail = " " + _e(t(language, "try_examples")) if offer_examples else ""
    lead = _e(t(language, "not_covered_lead"))
    body = t(language, "not_covered_body", about=about)  # interface texts are ours: no markup to escape
    return _fit(f"❔ <b>{lead}</b>\n\n{body}{tail}")


def ambiguous_html(language: str = REFERENCE) -> str:
    """The lead of a "did you mean" reply; the choices are buttons."""
    return t(language, "ambiguous")


def inline_description(entry: Entry, language: str = REFERENCE) -> str:
    """One line under an inline result's title: the figure and the source."""
    texts = entry.texts(language)
    if entry.figures:
        figure = entry.figures[0]
        counts = f" {figure.counts}" if language == REFERENCE else ""
        return _shorten(f"{figure_value(figure, language)}{counts} · {texts.source}", 200)
    return _shorten(_first_sentence(texts.answer), 200)


def welcome_html(kb: KnowledgeBase, language: str = REFERENCE) -> str:
    """/start: what the bot is, which article it knows, how to ask."""
    return _fit(t(language, "welcome", sources=sources_html(kb, language)))


def help_html(username: str, language: str = REFERENCE) -> str:
    """/help: every way to ask."""
    return t(language, "help", name=_e(username))


def sources_html(kb: KnowledgeBase, language: str = REFERENCE) -> str:
    """/sources: each source article with its date and link."""
    seen: dict[str, str] = {}
    for entry in kb.entries:
        title = kb.source_of(entry.id).meta.title
        seen.setdefault(title, f"• {_title_html(kb, entry)} ({_dated(kb, entry, language)})")
    return f"<b>{_e(t(language, 'sources_title'))}</b>\n" + "\n".join(seen.values())


_TAG_RE = re.compile(r"<(/?)([a-z-]+)[^>]*>")


def _fit(markup: str) -> str:
    """Keep a reply under Telegram's limit: cut at a line or word break, drop a half tag or entity at the
    cut, and close every tag left open (a cut may fall inside a link whose title spans two lines)."""
    if len(markup) <= MESSAGE_LIMIT:
        return markup
    cut = markup[: MESSAGE_LIMIT - 64]  # room for the closing tags and the ellipsis
    cut = cut[: max(cut.rfind("\n"), 0)] or cut[: cut.rfind(" ")]
    cut = re.sub(r"<[^>]*$|&[^;\s]*$", "", cut)
    open_tags: list[str] = []
    for closing, name in _TAG_RE.findall(cut):
        if not closing:
            open_tags.append(name)
        elif open_tags and open_tags[-1] == name:
            open_tags.pop()
    return cut + "…" + "".join(f"</{name}>" for name in reversed(open_tags))
