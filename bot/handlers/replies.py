"""Match results → what is sent: HTML from ``bot.core.render`` plus the inline keyboard that goes with it."""

from __future__ import annotations

from collections.abc import Iterable

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, LinkPreviewOptions, Message
from telegram.constants import ParseMode

from bot.core import render
from bot.core.matcher import Decision, MatchResult
from bot.core.models import Entry
from bot.store import KnowledgeStore, Snapshot

ANSWER_PREFIX = "a:"  # callback data "a:<entry id>": show that entry's full answer in place
BUTTON_LABEL_LIMIT = 60
NO_PREVIEW = LinkPreviewOptions(is_disabled=True)


def entry_buttons(entries: Iterable[tuple[Entry, str]]) -> InlineKeyboardMarkup | None:
    """One button per (entry, label), each answering that entry when pressed."""
    rows = [
        [InlineKeyboardButton(_label(label), callback_data=f"{ANSWER_PREFIX}{entry.id}")] for entry, label in entries
    ]
    return InlineKeyboardMarkup(rows) if rows else None


def full_answer_button(entry: Entry) -> InlineKeyboardMarkup:
    """The button under a compact group reply."""
    return InlineKeyboardMarkup([[InlineKeyboardButton("Full answer", callback_data=f"{ANSWER_PREFIX}{entry.id}")]])


def examples(store: KnowledgeStore, *, limit: int = 3) -> list[tuple[Entry, str]]:
    """Example questions to offer: the most asked entries with their first curated question."""
    return [(entry, entry.questions[0]) for entry in store.most_asked(limit)]


def present(
    store: KnowledgeStore, snapshot: Snapshot, result: MatchResult, *, compact: bool
) -> tuple[str, InlineKeyboardMarkup | None]:
    """The reply to a question: text and keyboard, compact for groups."""
    kb = snapshot.kb
    best = result.best
    if result.decision is Decision.ANSWER and best is not None:
        if compact:
            return render.compact_html(kb, best.entry), full_answer_button(best.entry)
        return render.full_html(kb, best.entry, matched=best.question), None
    if result.decision is Decision.NOT_COVERED and best is not None:
        text = (
            render.compact_html(kb, best.entry) if compact else render.full_html(kb, best.entry, matched=best.question)
        )
        return text, entry_buttons(examples(store))
    if result.decision is Decision.AMBIGUOUS:
        choices = [(c.entry, c.question) for c in result.candidates[:3]]
        return render.ambiguous_html(), entry_buttons(choices)
    suggestions = [(c.entry, c.question) for c in result.candidates if c.entry.covered] or examples(store)
    return render.not_covered_html(kb), entry_buttons(suggestions[:3])


async def reply_to_question(message: Message, store: KnowledgeStore, question: str, *, compact: bool) -> None:
    """Match ``question`` and reply to ``message``, quoting it when in a group."""
    snapshot, result = store.match(question)
    text, keyboard = present(store, snapshot, result, compact=compact)
    await message.reply_text(
        text,
        parse_mode=ParseMode.HTML,
        reply_markup=keyboard,
        link_preview_options=NO_PREVIEW,
        do_quote=compact,
    )


def _label(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= BUTTON_LABEL_LIMIT else text[: BUTTON_LABEL_LIMIT - 1] + "…"
