"""Each update is handled once, across restarts: a bot killed before Telegram heard it was done gets the
same updates again, and must not answer them twice."""

from __future__ import annotations

from telegram import Update
from telegram.ext import ApplicationHandlerStop

from bot.handlers.context import Context


async def skip_if_processed(update: Update, context: Context) -> None:
    """Stop here for an update a previous run already handled."""
    if context.bot_data.usage.update_seen(update.update_id):
        raise ApplicationHandlerStop


async def mark_processed(update: Update, context: Context) -> None:
    """Record the update as handled, after its handler ran."""
    context.bot_data.usage.first_time_update(update.update_id)
