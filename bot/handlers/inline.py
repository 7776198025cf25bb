"""Inline mode: ``@bot question`` in any chat gives a list of answers to post."""

from __future__ import annotations

from telegram import InlineQueryResultArticle, InlineQueryResultsButton, InputTextMessageContent, Update
from telegram.constants import ParseMode

from bot.core import render
from bot.core.deeplink import encode_question
from bot.core.i18n import t
from bot.core.matcher import Decision
from bot.core.models import Entry
from bot.handlers.context import Context
from bot.handlers.replies import (
    NO_PREVIEW,
    interface_language,
    language_for,
    log_question,
    source_button,
    split_data,
)
from bot.store import Snapshot

MAX_RESULTS = 10
CACHE_SECONDS = 300  # answers change only when the knowledge does; results are the same for everyone
NOT_COVERED_ID = "not-covered"


async def answer_inline(update: Update, context: Context) -> None:
    """Answer at once: the matched entries, the most asked ones for an empty query, or "not covered"."""
    inline = update.inline_query
    if inline is None:
        return
    store = context.bot_data.store
    query = inline.query
    button = None
    if not query.strip():
        snapshot = store.current
        language = interface_language(inline.from_user)
        results = [
            _article(snapshot, entry, render.question_in(entry, language), language)
            for entry in store.most_asked(MAX_RESULTS)
        ]
    else:
        snapshot, result = store.match(query, partial=True, count=False)  # keystrokes, not questions yet
        best = result.best
        language = language_for(
            query,
            user=inline.from_user,
            matched=best,
            knowledge=snapshot.kb.languages,
        )
        if result.decision is Decision.NONE:
            results = [_not_covered(snapshot, language)]
            button = InlineQueryResultsButton(
                text=t(language, "inline_private_button"), start_parameter=encode_question(query)
            )
        else:
            results = [
                _article(snapshot, c.entry, render.shown_question(c, language), language)
                for c in result.candidates[:MAX_RESULTS]
            ]
    await inline.answer(results, cache_time=CACHE_SECONDS, is_personal=False, button=button)


def _article(snapshot: Snapshot, entry: Entry, question: str, language: str) -> InlineQueryResultArticle:
    return InlineQueryResultArticle(
        id=f"{language}:{entry.id}",
        title=question,
        description=snapshot.rendered(
            ("description", entry.id, language), lambda: render.inline_description(entry, language)
        ),
        input_message_content=InputTextMessageContent(
            snapshot.rendered(
                ("full", entry.id, language, question),
                lambda: render.full_html(snapshot.kb, entry, language=language, matched=question),
            ),
            parse_mode=ParseMode.HTML,
            link_preview_options=NO_PREVIEW,
        ),
        reply_markup=source_button(entry, language),
    )


async def chosen_result(update: Update, context: Context) -> None:
    """An answer was posted from inline mode: log its question and remember the post for corrections."""
    chosen = update.chosen_inline_result
    if chosen is None:
        return
    data = context.bot_data
    _, result = data.store.match(chosen.query, partial=True)
    log_question(data, result, chat_kind="inline", user_id=chosen.from_user.id)
    language, entry_id = split_data(chosen.result_id, "")
    if chosen.inline_message_id and entry_id in data.store.current.kb.by_id:
        data.usage.record_inline_post(
            inline_message_id=chosen.inline_message_id,
            entry_id=entry_id,
            user_id=chosen.from_user.id,
            language=language,
        )


def _not_covered(snapshot: Snapshot, language: str) -> InlineQueryResultArticle:
    return InlineQueryResultArticle(
        id=NOT_COVERED_ID,
        title=t(language, "inline_not_covered_title"),
        description=t(language, "inline_not_covered_description"),
        input_message_content=InputTextMessageContent(
            render.not_covered_html(snapshot.kb, language=language, offer_examples=False),
            parse_mode=ParseMode.HTML,
        ),
    )
