"""Inline mode: ``@bot question`` in any chat gives a list of answers to post."""

from __future__ import annotations

from telegram import InlineQueryResultArticle, InlineQueryResultsButton, InputTextMessageContent, Update
from telegram.constants import ParseMode

from bot.core import render
from bot.core.deeplink import encode_question
from bot.core.matcher import Decision
from bot.core.models import Entry
from bot.handlers.context import Context
from bot.handlers.replies import NO_PREVIEW
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
        snapshot, result = store.match(query, partial=True)
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
