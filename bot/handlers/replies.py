"""Match results → what is sent: HTML from ``bot.core.render`` plus the inline keyboard that goes with it."""

from __future__ import annotations

from collections.abc import Iterable

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, LinkPreviewOptions, Message, User
from telegram.constants import ParseMode

from bot.core import render
from bot.core.i18n import MESSAGES, t
from bot.core.languages import REFERENCE, load_lexicons, reply_language
from bot.core.matcher import Candidate, Decision, MatchResult
from bot.core.models import Entry
from bot.handlers.context import BotData
from bot.store import KnowledgeStore, Snapshot
from bot.throttle import Verdict

# Callback data, each within Telegram's 64 bytes (entry ids are at most 48 characters):
ANSWER_PREFIX = "a:"  # a:<language>:<entry id>  show that entry's full answer in place
SOURCE_PREFIX = "src:"  # src:<language>:<entry id>  the source of a posted answer, as an alert
VOTE_PREFIX = "fb:"  # fb:<1|0>:<language>:<entry id>  👍 / 👎 on an answer
REASON_PREFIX = "fr:"  # fr:<code>:<language>:<entry id>  why an answer was not helpful
REASONS = {"m": "wrong_match", "f": "wrong_figure", "c": "missing_caveat"}
BUTTON_LABEL_LIMIT = 60
NO_PREVIEW = LinkPreviewOptions(is_disabled=True)


def split_data(data: str, prefix: str) -> tuple[str, str]:
    """``<prefix><language>:<entry id>`` → (language, entry id); English for data without a language."""
    language, _, entry_id = data.removeprefix(prefix).partition(":")
    if not entry_id or language not in MESSAGES:
        return REFERENCE, data.removeprefix(prefix)
    return language, entry_id


def language_for(
    question: str,
    *,
    user: User | None,
    matched: Candidate | None = None,
    knowledge: frozenset[str] = frozenset(),
) -> str:
    """The language of the reply: the question's, else the matched question's, the user's, English.
    ``knowledge``: languages the knowledge has texts in (an admin may add one the interface lacks)."""
    return reply_language(
        question,
        lexicons=load_lexicons(),
        available=set(MESSAGES) | knowledge,
        matched_language=matched.language if matched else None,
        matched_question=matched.question if matched else None,
        user_language=user.language_code if user else None,
    )


def interface_language(user: User | None) -> str:
    """The language for texts that answer no question (/start, /help): the user's Telegram language."""
    return language_for("", user=user)


def entry_buttons(entries: Iterable[tuple[Entry, str]], language: str) -> InlineKeyboardMarkup | None:
    """One button per (entry, label), each answering that entry when pressed."""
    rows = [
        [InlineKeyboardButton(_label(label), callback_data=f"{ANSWER_PREFIX}{language}:{entry.id}")]
        for entry, label in entries
    ]
    return InlineKeyboardMarkup(rows) if rows else None


def full_answer_button(entry: Entry, language: str) -> InlineKeyboardMarkup:
    """The button under a compact group reply."""
    data = f"{ANSWER_PREFIX}{language}:{entry.id}"
    return InlineKeyboardMarkup([[InlineKeyboardButton(t(language, "full_answer"), callback_data=data)]])


def source_button(entry: Entry, language: str) -> InlineKeyboardMarkup:
    """The small button under an answer posted through inline mode (it also lets Telegram report the post)."""
    data = f"{SOURCE_PREFIX}{language}:{entry.id}"
    return InlineKeyboardMarkup([[InlineKeyboardButton(t(language, "source_button"), callback_data=data)]])


def feedback_buttons(entry: Entry, language: str) -> InlineKeyboardMarkup:
    """👍 / 👎 under an answer in a private chat."""
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton("👍", callback_data=f"{VOTE_PREFIX}1:{language}:{entry.id}"),
                InlineKeyboardButton("👎", callback_data=f"{VOTE_PREFIX}0:{language}:{entry.id}"),
            ]
        ]
    )


def reason_buttons(entry: Entry, language: str) -> InlineKeyboardMarkup:
    """What was wrong, asked after a 👎."""
    rows = [
        [
            InlineKeyboardButton(
                t(language, f"reason_{reason}"), callback_data=f"{REASON_PREFIX}{code}:{language}:{entry.id}"
            )
        ]
        for code, reason in REASONS.items()
    ]
    return InlineKeyboardMarkup(rows)


def examples(store: KnowledgeStore, language: str, *, limit: int = 3) -> list[tuple[Entry, str]]:
    """Example questions to offer: the most asked entries with their first curated question."""
    return [(entry, render.question_in(entry, language)) for entry in store.most_asked(limit)]


def present(
    store: KnowledgeStore, snapshot: Snapshot, result: MatchResult, *, compact: bool, language: str
) -> tuple[str, InlineKeyboardMarkup | None]:
    """The reply to a question: text and keyboard, compact for groups, with feedback buttons in private."""
    kb = snapshot.kb
    best = result.best
    if result.decision is Decision.ANSWER and best is not None:
        entry = best.entry
        if compact:
            text = snapshot.rendered(
                ("compact", entry.id, language), lambda: render.compact_html(kb, entry, language=language)
            )
            return text, full_answer_button(entry, language)
        matched = render.shown_question(best, language)
        text = snapshot.rendered(
            ("full", entry.id, language, matched),
            lambda: render.full_html(kb, entry, language=language, matched=matched),
        )
        return text, feedback_buttons(entry, language)
    if result.decision is Decision.NOT_COVERED and best is not None:
        if compact:
            text = render.compact_html(kb, best.entry, language=language)
        else:
            text = render.full_html(kb, best.entry, language=language, matched=render.shown_question(best, language))
        return text, entry_buttons(examples(store, language), language)
    if result.decision is Decision.AMBIGUOUS:
        choices = [(c.entry, render.shown_question(c, language)) for c in result.candidates[:3]]
        return render.ambiguous_html(language), entry_buttons(choices, language)
    suggestions = [
        (c.entry, render.shown_question(c, language)) for c in result.candidates if c.entry.covered
    ] or examples(store, language)
    return render.not_covered_html(kb, language=language), entry_buttons(suggestions[:3], language)


def log_question(data: BotData, result: MatchResult, *, chat_kind: str, user_id: int | None) -> None:
    """Keep the question for the unanswered and stats reports (no names; the user id only hashed); it is
    written with the update's once-only mark, in one transaction."""
    best = result.best
    data.usage.record_question(
        deferred=True,
        chat_kind=chat_kind,
        user_id=user_id,
        question=result.query,
        normalised=result.normalised,
        decision=result.decision.value,
        entry_id=best.entry.id if best else None,
        score=best.score if best else 0.0,
    )


async def reply_to_question(message: Message, data: BotData, question: str, *, compact: bool) -> None:
    """Match ``question``, log it, and reply to ``message`` in the asker's language, quoting it in groups."""
    user = message.from_user
    if user is not None:
        verdict = data.throttle.check(user.id)
        if verdict is Verdict.DROP:
            return
        if verdict is Verdict.NOTIFY:
            await message.reply_text(t(language_for(question, user=user), "slow_down"), do_quote=compact)
            return
    snapshot, result = data.store.match(question)
    kind = "group" if message.chat.type in ("group", "supergroup") else message.chat.type
    log_question(data, result, chat_kind=kind, user_id=user.id if user else None)
    language = language_for(question, user=user, matched=result.best, knowledge=snapshot.kb.languages)
    text, keyboard = present(data.store, snapshot, result, compact=compact, language=language)
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
