"""The application's shared state, typed through ``ContextTypes`` instead of string keys."""

from __future__ import annotations

from typing import Any

from telegram.ext import CallbackContext, ContextTypes, ExtBot

from bot.config import Settings
from bot.store import KnowledgeStore


class BotData:
    """What every handler may use; set once by ``bot.app.build_application``."""

    store: KnowledgeStore
    settings: Settings


Context = CallbackContext[ExtBot[None], dict[Any, Any], dict[Any, Any], BotData]
CONTEXT_TYPES: ContextTypes[Context, dict[Any, Any], dict[Any, Any], BotData] = ContextTypes(bot_data=BotData)
