"""Private chat and commands: /start, /help, /sources, /ask, and any text as a question."""

from __future__ import annotations

from telegram import Update
from telegram.constants import ParseMode

from bot.core import render
from bot.core.deeplink import decode_question
from bot.core.i18n import t
from bot.handlers.context import Context
from bot.handlers.replies import NO_PREVIEW, entry_buttons, examples, interface_language, reply_to_question


async def start(update: Update, context: Context) -> None:
    """Welcome with examples, or answer the question a deep link from inline mode carries."""
    message = update.effective_message
    if message is None:
        return
    store = context.bot_data.store
    question = decode_question(context.args[0]) if context.args else None
    if question:
        await reply_to_question(message, context.bot_data, question, compact=False)
        return
    language = interface_language(update.effective_user)
    await message.reply_text(
        render.welcome_html(store.current.kb, language),
        parse_mode=ParseMode.HTML,
        reply_markup=entry_buttons(examples(store, language, limit=4), language),
        link_preview_options=NO_PREVIEW,
    )


async def help_command(update: Update, context: Context) -> None:
    """Every way to ask."""
    if update.effective_message is not None:
        language = interface_language(update.effective_user)
        await update.effective_message.reply_text(
            render.help_html(context.bot.username, language), parse_mode=ParseMode.HTML
        )


async def sources(update: Update, context: Context) -> None:
    """The articles behind the answers, with their dates."""
    if update.effective_message is not None:
        await update.effective_message.reply_text(
            render.sources_html(context.bot_data.store.current.kb, interface_language(update.effective_user)),
            parse_mode=ParseMode.HTML,
            link_preview_options=NO_PREVIEW,
        )


async def ask(update: Update, context: Context) -> None:
    """/ask <question> in any chat: compact in groups and channels, full in private."""
    message = update.effective_message
    chat = update.effective_chat
    if message is None or chat is None:
        return
    question = " ".join(context.args or [])
    if not question.strip():
        usage = t(interface_language(update.effective_user), "ask_usage")
        await message.reply_text(usage, parse_mode=ParseMode.HTML, do_quote=chat.type != chat.PRIVATE)
        return
    await reply_to_question(message, context.bot_data, question, compact=chat.type != chat.PRIVATE)


async def private_text(update: Update, context: Context) -> None:
    """Any text in the private chat is a question."""
    message = update.effective_message
    if message is not None and message.text:
        await reply_to_question(message, context.bot_data, message.text, compact=False)
