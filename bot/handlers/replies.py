"""Match results → what is sent: HTML from ``bot.core.render`` plus the inline keyboard that goes with it."""

from __future__ import annotations

from collections.abc import Iterable

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, LinkPreviewOptions, Message
from telegram.constants import ParseMode

from bot.core import render
from bot.core.matcher import Decision, MatchResult
from bot.core.models import Entry
from bot.handlers.context import BotData
from bot.store import KnowledgeStore, Snapshot
from bot.throttle import Verdict

# Callback data, each within Telegram's 64 bytes (entry ids are at most 48 characters):
ANSWER_PREFIX = "a:"  # a:<entry id>         show that entry's full answer in place
SOURCE_PREFIX = "src:"  # src:<entry id>     the source of a posted answer, as an alert
VOTE_PREFIX = "fb:"  # fb:<1|0>:<entry id>    👍 / 👎 on an answer
REASON_PREFIX = "fr:"  # fr:<code>:<entry id>  why an answer was not helpful
REASONS = {
    "m": ("wrong_match", "Wrong match"),
    "f": ("wrong_figure", "Wrong or outdated figure"),
    "c": (
        "missing_caveat",
        "Missing caveat",
    ),
}
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


def source_button(entry: Entry) -> InlineKeyboardMarkup:
    """The small button under an answer posted through inline mode (it also lets Telegram report the post)."""
    return InlineKeyboardMarkup([[InlineKeyboardButton("ℹ️ Source", callback_data=f"{SOURCE_PREFIX}{entry.id}")]])


def feedback_buttons(entry: Entry) -> InlineKeyboardMarkup:
    """👍 / 👎 under an answer in a private chat."""
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton("👍", callback_data=f"{VOTE_PREFIX}1:{entry.id}"),
                InlineKeyboardButton("👎", callback_data=f"{VOTE_PREFIX}0:{entry.id}"),
            ]
        ]
    )


def reason_buttons(entry: Entry) -> InlineKeyboardMarkup:
    """What was wrong, asked after a 👎."""
    rows = [
        [InlineKeyboardButton(label, callback_data=f"{REASON_PREFIX}{code}:{entry.id}")]
        for code, (_, label) in REASONS.items()
    ]
    return InlineKeyboardMarkup(rows)


def examples(store: KnowledgeStore, *, limit: int = 3) -> list[tuple[Entry, str]]:
    """Example questions to offer: the most asked entries with their first curated question."""
    return [(entry, entry.questions[0]) for entry in store.most_asked(limit)]


def present(
    store: KnowledgeStore, snapshot: Snapshot, result: MatchResult, *, compact: bool
) -> tuple[str, InlineKeyboardMarkup | None]:
    """The reply to a question: text and keyboard, compact for groups, with feedback buttons in private."""
    kb = snapshot.kb
    best = result.best
    if result.decision is Decision.ANSWER and best is not None:
        if compact:
            return render.compact_html(kb, best.entry), full_answer_button(best.entry)
        return render.full_html(kb, best.entry, matched=best.question), feedback_buttons(best.entry)
    if result.decision is Decision.NOT_COVERED and best is not None:
        if compact:
            return render.compact_html(kb, best.entry), entry_buttons(examples(store))
        return render.full_html(kb, best.entry, matched=best.question), entry_buttons(examples(store))
    if result.decision is Decision.AMBIGUOUS:
        choices = [(c.entry, c.question) for c in result.candidates[:3]]
        return render.ambiguous_html(), entry_buttons(choices)
    suggestions = [(c.entry, c.question) for c in result.candidates if c.entry.covered] or examples(store)
    return render.not_covered_html(kb), entry_buttons(suggestions[:3])


def log_question(data: BotData, result: MatchResult, *, chat_kind: str, user_id: int | None) -> None:
    """Keep the question for the unanswered and stats reports (no names; the user id only hashed)."""
    best = result.best
    data.usage.record_question(
        chat_kind=chat_kind,
        user_id=user_id,
        question=result.query,
        normalised=result.normalised,
        decision=result.decision.value,
        entry_id=best.entry.id if best else None,
        score=best.score if best else 0.0,
    )


SLOW_DOWN = "You are asking faster than I can answer well. Please wait a minute before the next question."


async def reply_to_question(message: Message, data: BotData, question: str, *, compact: bool) -> None:
    """Match ``question``, log it, and reply to ``message``, quoting it when in a group."""
    user = message.from_user
    if user is not None:
        verdict = data.throttle.check(user.id)
        if verdict is Verdict.DROP:
            return
        if verdict is Verdict.NOTIFY:
            await message.reply_text(SLOW_DOWN, do_quote=compact)
            return
    snapshot, result = data.store.match(question)
    kind = "group" if message.chat.type in ("group", "supergroup") else message.chat.type
    log_question(data, result, chat_kind=kind, user_id=user.id if user else None)
    text, keyboard = present(data.store, snapshot, result, compact=compact)
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
