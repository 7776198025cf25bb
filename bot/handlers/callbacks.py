"""Inline keyboard presses: "did you mean", example questions and "full answer"."""

from __future__ import annotations

from telegram import Update
from telegram.constants import ParseMode
from telegram.error import BadRequest

from bot.core import render
from bot.handlers.context import Context
from bot.handlers.replies import ANSWER_PREFIX, NO_PREVIEW


async def answer_choice(update: Update, context: Context) -> None:
    """Show the chosen entry's full answer in place of the message that offered it."""
    query = update.callback_query
    if query is None or query.data is None:
        return
    kb = context.bot_data.store.current.kb
    entry = kb.by_id.get(query.data.removeprefix(ANSWER_PREFIX))
    if entry is None:
        await query.answer("That answer is no longer in the knowledge base.", show_alert=True)
        return
    await query.answer()
    try:
        await query.edit_message_text(
            render.full_html(kb, entry, matched=entry.questions[0]),
            parse_mode=ParseMode.HTML,
            link_preview_options=NO_PREVIEW,
        )
    except BadRequest as error:
        if "not modified" not in error.message:  # pressed twice: the answer is already shown
            raise
