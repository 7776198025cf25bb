"""The application's shared state, typed through ``ContextTypes`` instead of string keys."""

from __future__ import annotations

import asyncio
from typing import Any

from telegram.ext import CallbackContext, ContextTypes, ExtBot

from bot.config import Settings
from bot.knowledge_files import KnowledgeFiles
from bot.store import Fingerprint, KnowledgeStore
from bot.throttle import QuestionThrottle
from bot.usage import UsageLog


class BotData:
    """What every handler may use; set once by ``bot.app.build_application``."""

    store: KnowledgeStore
    settings: Settings
    usage: UsageLog
    files: KnowledgeFiles
    throttle: QuestionThrottle
    reload_lock: asyncio.Lock
    seen_fingerprint: Fingerprint | None = None  # the knowledge directory as the watcher last saw it
    reported_problem: str | None = None  # the last reload problem sent to admins, so it is sent once


Context = CallbackContext[ExtBot[None], dict[Any, Any], dict[Any, Any], BotData]
CONTEXT_TYPES: ContextTypes[Context, dict[Any, Any], dict[Any, Any], BotData] = ContextTypes(bot_data=BotData)
