"""Inline mode: ``@bot question`` in any chat gives a list of answers to post."""

from __future__ import annotations

from telegram import InlineQueryResultArticle, InlineQueryResultsButton, InputTextMessageContent, Update
from telegram.constants import ParseMode

from bot.core import render
from bot.core.deeplink import encode_question
from bot.core.matcher import Decision
from bot.core.models import Entry
from bot.handlers.context import Context
from bot.handlers.replies import NO_PREVIEW, log_question, source_button
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
        results = [_article(snapshot, entry, entry.questions[0]) for entry in store.most_asked(MAX_RESULTS)]
    else:
        snapshot, result = store.match(query, partial=True, count=False)  # keystrokes, not questions yet
        if result.decision is Decision.NONE:
            results = [_not_covered(snapshot)]
            button = InlineQueryResultsButton(text="Ask me in a private chat", start_parameter=encode_question(query))
        else:
            results = [_article(snapshot, c.entry, c.question) for c in result.candidates[:MAX_RESULTS]]
    await inline.answer(results, cache_time=CACHE_SECONDS, is_personal=False, button=button)


def _article(snapshot: Snapshot, entry: Entry, question: str) -> InlineQueryResultArticle:
    return InlineQueryResultArticle(
        id=entry.id,
        title=question,
        description=render.inline_description(entry),
        input_message_content=InputTextMessageContent(
            render.full_html(snapshot.kb, entry, matched=question),
            parse_mode=ParseMode.HTML,
            link_preview_options=NO_PREVIEW,
        ),
        reply_markup=source_button(entry),
    )


async def chosen_result(update: Update, context: Context) -> None:
    """An answer was posted from inline mode: log its question and remember the post for corrections."""
    chosen = update.chosen_inline_result
    if chosen is None:
        return
    data = context.bot_data
    _, result = data.store.match(chosen.query, partial=True)
    log_question(data, result, chat_kind="inline", user_id=chosen.from_user.id)
    if chosen.inline_message_id and chosen.result_id in data.store.current.kb.by_id:
        data.usage.record_inline_post(
            inline_message_id=chosen.inline_message_id, entry_id=chosen.result_id, user_id=chosen.from_user.id
        )


def _not_covered(snapshot: Snapshot) -> InlineQueryResultArticle:
    return InlineQueryResultArticle(
        id=NOT_COVERED_ID,
        title="Not covered by the article",
        description="The article does not hold an answer to this question.",
        input_message_content=InputTextMessageContent(
            render.not_covered_html(snapshot.kb, offer_examples=False),
            parse_mode=ParseMode.HTML,
        ),
    )
