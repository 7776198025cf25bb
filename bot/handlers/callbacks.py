"""Inline keyboard presses: "did you mean", examples, "full answer", the source of a post, 👍 / 👎."""

from __future__ import annotations

from telegram import CallbackQuery, InlineKeyboardMarkup, Update
from telegram.constants import ParseMode
from telegram.error import BadRequest

from bot.core import render
from bot.core.i18n import t
from bot.core.models import Entry
from bot.handlers.context import Context
from bot.handlers.replies import (
    ANSWER_PREFIX,
    NO_PREVIEW,
    REASON_PREFIX,
    REASONS,
    SOURCE_PREFIX,
    VOTE_PREFIX,
    feedback_buttons,
    reason_buttons,
    split_data,
)

ALERT_LIMIT = 200  # Telegram's limit for callback query answers


async def _pressed_entry(update: Update, context: Context, prefix: str) -> tuple[CallbackQuery, str, Entry] | None:
    """The press, its language and the entry its button names; an entry gone since is said in an alert."""
    query = update.callback_query
    if query is None or query.data is None:
        return None
    language, entry_id = split_data(query.data, prefix)
    entry = context.bot_data.store.current.kb.by_id.get(entry_id)
    if entry is None:
        await query.answer(t(language, "entry_gone"), show_alert=True)
        return None
    return query, language, entry


async def answer_choice(update: Update, context: Context) -> None:
    """Show the chosen entry's full answer in place of the message that offered it."""
    pressed = await _pressed_entry(update, context, ANSWER_PREFIX)
    if pressed is None:
        return
    query, language, entry = pressed
    kb = context.bot_data.store.current.kb
    await query.answer()
    private = query.message is not None and query.message.chat.type == "private"
    try:
        await query.edit_message_text(
            render.full_html(kb, entry, language=language, matched=render.question_in(entry, language)),
            parse_mode=ParseMode.HTML,
            link_preview_options=NO_PREVIEW,
            reply_markup=feedback_buttons(entry, language) if private and entry.covered else None,
        )
    except BadRequest as error:
        if "not modified" not in error.message:  # pressed twice: the answer is already shown
            raise


async def show_source(update: Update, context: Context) -> None:
    """The source of a posted answer, as a short alert to whoever pressed the button."""
    pressed = await _pressed_entry(update, context, SOURCE_PREFIX)
    if pressed is None:
        return
    query, language, entry = pressed
    text = render.source_line(context.bot_data.store.current.kb, entry, language)
    await query.answer(text if len(text) <= ALERT_LIMIT else text[: ALERT_LIMIT - 1] + "…", show_alert=True)


async def vote(update: Update, context: Context) -> None:
    """👍 is stored and thanked; 👎 is stored and asks what was wrong."""
    query = update.callback_query
    if query is None or query.data is None:
        return
    helpful_flag, _, rest = query.data.removeprefix(VOTE_PREFIX).partition(":")
    language, entry_id = split_data(rest, "")
    entry = context.bot_data.store.current.kb.by_id.get(entry_id)
    if entry is None:
        await query.answer(t(language, "entry_gone"))
        return
    helpful = helpful_flag == "1"
    context.bot_data.usage.record_feedback(entry_id=entry.id, user_id=query.from_user.id, helpful=helpful)
    if helpful:
        await query.answer(t(language, "thanks_helpful"))
        await _set_keyboard(query, None)
    else:
        await query.answer(t(language, "what_was_wrong"))
        await _set_keyboard(query, reason_buttons(entry, language))


async def reason(update: Update, context: Context) -> None:
    """Store why an answer was not helpful."""
    query = update.callback_query
    if query is None or query.data is None:
        return
    code, _, rest = query.data.removeprefix(REASON_PREFIX).partition(":")
    language, entry_id = split_data(rest, "")
    if code not in REASONS:
        await query.answer()
        return
    context.bot_data.usage.set_feedback_reason(entry_id=entry_id, user_id=query.from_user.id, reason=REASONS[code])
    await query.answer(t(language, "thanks_reason"))
    await _set_keyboard(query, None)


async def _set_keyboard(query: CallbackQuery, markup: InlineKeyboardMarkup | None) -> None:
    try:
        await query.edit_message_reply_markup(reply_markup=markup)
    except BadRequest as error:
        if "not modified" not in error.message:
            raise
