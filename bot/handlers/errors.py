"""The one error handler: log with context, never crash the bot."""

from __future__ import annotations

import logging

from telegram import Update

from bot.handlers.context import Context

log = logging.getLogger("bot.errors")


async def log_error(update: object, context: Context) -> None:
    """Log the failure with what it was handling; the bot carries on with the next update."""
    where = "no update"
    if isinstance(update, Update):
        chat = update.effective_chat
        where = f"update {update.update_id}" + (f" in {chat.type} chat {chat.id}" if chat else "")
    log.error("Error while handling %s", where, exc_info=context.error)
