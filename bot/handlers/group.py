"""Groups, supergroups and channels: answer only what is addressed to the bot (works with privacy mode on)."""

from __future__ import annotations

from telegram import Message, MessageEntity, Update
from telegram.ext import filters

from bot.handlers.context import Context
from bot.handlers.replies import reply_to_question


class AddressedToMe(filters.MessageFilter):
    """A message that mentions this bot's @username, or replies to one of its messages."""

    def filter(self, message: Message) -> bool:
        """True when the bot is spoken to."""
        bot = message.get_bot()
        replied = message.reply_to_message
        if replied is not None and replied.from_user is not None and replied.from_user.id == bot.id:
            return True
        mention = f"@{bot.username}".casefold()
        return any(text.casefold() == mention for text in message.parse_entities([MessageEntity.MENTION]).values())


async def addressed(update: Update, context: Context) -> None:
    """Answer a mention or a reply compactly, quoting the asker."""
    message = update.effective_message
    if message is not None and message.text:
        await reply_to_question(message, context.bot_data, message.text, compact=True)
