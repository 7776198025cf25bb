"""Wiring: the Telegram application with its handlers in order, and the loop that serves it."""

from __future__ import annotations

import asyncio
import logging
from typing import Any
from urllib.parse import urlsplit

from telegram import BotCommand, BotCommandScopeChat, Update
from telegram.error import BadRequest, Conflict, InvalidToken, NetworkError, TelegramError, TimedOut
from telegram.ext import (
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    ChosenInlineResultHandler,
    CommandHandler,
    InlineQueryHandler,
    MessageHandler,
    TypeHandler,
    filters,
)

from bot.config import Settings, require_token
from bot.delivery import DeliveringRateLimiter
from bot.handlers import admin, callbacks, chat, errors, group, inline, once, reloads
from bot.handlers.context import CONTEXT_TYPES, BotData, Context
from bot.handlers.ordering import PerChatUpdateProcessor
from bot.handlers.replies import ANSWER_PREFIX, REASON_PREFIX, SOURCE_PREFIX, VOTE_PREFIX
from bot.knowledge_files import KnowledgeFiles
from bot.store import KnowledgeStore
from bot.throttle import QuestionThrottle
from bot.transport import JsonRequest
from bot.usage import UsageLog

log = logging.getLogger("bot.app")

BotApplication = Application[Any, Context, dict[Any, Any], dict[Any, Any], BotData, Any]

COMMANDS = [
    BotCommand("ask", "Ask a question about the article"),
    BotCommand("sources", "The article behind the answers"),
    BotCommand("help", "How to ask"),
    BotCommand("start", "Welcome and example questions"),
]
ADMIN_COMMANDS = [
    *COMMANDS,
    BotCommand("unanswered", "Admin: questions the bot could not answer"),
    BotCommand("stats", "Admin: usage and feedback"),
    BotCommand("reload", "Admin: reload the knowledge files"),
    BotCommand("rollback", "Admin: restore the previous version of a file"),
    BotCommand("export", "Admin: the knowledge files as documents"),
]
MAX_STARTUP_BACKOFF = 30.0
CONNECTION_POOL_SIZE = 256  # python-telegram-bot's default for the requests other than getUpdates


def build_application(settings: Settings, store: KnowledgeStore, usage: UsageLog) -> BotApplication:
    """The application with every handler, in the order Telegram updates are tried."""
    application = (
        ApplicationBuilder()
        .token(require_token(settings))
        .base_url(settings.api_base_url)
        .base_file_url(settings.api_file_url)
        .request(JsonRequest(connection_pool_size=CONNECTION_POOL_SIZE))  # getUpdates keeps its own
        .rate_limiter(
            DeliveringRateLimiter(
                overall_max_rate=settings.send_rate_per_second,
                group_max_rate=settings.group_rate_per_minute,
                max_retries=settings.send_retries,
            )
        )
        .context_types(CONTEXT_TYPES)
        # Updates side by side across chats (a reply's round trip no longer holds up the next person),
        # one at a time within a chat so replies keep the order of the questions.
        .concurrent_updates(PerChatUpdateProcessor(settings.concurrent_updates))
        .build()
    )
    data = application.bot_data
    data.store = store
    data.settings = settings
    data.usage = usage
    data.throttle = QuestionThrottle(settings.user_questions, settings.user_window_seconds)
    data.reload_lock = asyncio.Lock()
    data.files = KnowledgeFiles(
        store.directory or settings.knowledge_dir, settings.history_dir, max_bytes=settings.max_upload_bytes
    )

    in_messages = filters.UpdateType.MESSAGE | filters.UpdateType.CHANNEL_POST  # never edits
    private = filters.ChatType.PRIVATE
    handlers = [
        # Admin commands and uploads: each refuses non-admins politely and does nothing else.
        CommandHandler("reload", admin.reload_command, filters=in_messages),
        CommandHandler("rollback", admin.rollback_command, filters=in_messages),
        CommandHandler("export", admin.export_command, filters=in_messages),
        CommandHandler("unanswered", admin.unanswered_command, filters=in_messages),
        CommandHandler("stats", admin.stats_command, filters=in_messages),
        MessageHandler(private & filters.Document.ALL & filters.UpdateType.MESSAGE, admin.upload),
        CallbackQueryHandler(admin.add_unanswered, pattern=f"^{admin.ADD_PREFIX}"),
        CallbackQueryHandler(admin.ignore_unanswered, pattern=f"^{admin.IGNORE_PREFIX}"),
        # Commands first. /start and /help are for the private chat; /ask and /sources work anywhere.
        CommandHandler("start", chat.start, filters=private & in_messages),
        CommandHandler("help", chat.help_command, filters=in_messages),
        CommandHandler("sources", chat.sources, filters=in_messages),
        CommandHandler("ask", chat.ask, filters=in_messages),
        # In private, any other text is a question.
        MessageHandler(private & filters.TEXT & ~filters.COMMAND & filters.UpdateType.MESSAGE, chat.private_text),
        # In groups and channels, only what mentions or replies to the bot (works with privacy mode on).
        MessageHandler(
            ~private & filters.TEXT & ~filters.COMMAND & in_messages & group.AddressedToMe(), group.addressed
        ),
        # Buttons: "did you mean", examples, "full answer".
        CallbackQueryHandler(callbacks.answer_choice, pattern=f"^{ANSWER_PREFIX}"),
        CallbackQueryHandler(callbacks.show_source, pattern=f"^{SOURCE_PREFIX}"),
        CallbackQueryHandler(callbacks.vote, pattern=f"^{VOTE_PREFIX}"),
        CallbackQueryHandler(callbacks.reason, pattern=f"^{REASON_PREFIX}"),
        # @bot question, in any chat.
        InlineQueryHandler(inline.answer_inline),
        # An inline answer was posted: remember it, so corrections can reach it.
        ChosenInlineResultHandler(inline.chosen_result),
    ]
    # Around them: an update already answered before a restart is skipped (group -1) and every
    # update is recorded as processed once its handler is done (group 1).
    application.add_handler(TypeHandler(Update, once.skip_if_processed), group=-1)
    application.add_handlers(handlers)
    application.add_handler(TypeHandler(Update, once.mark_processed), group=1)
    application.add_error_handler(errors.log_error)
    return application


async def _post_init(application: BotApplication) -> None:
    """Register the command menus: everyone's, and the admins' own with the admin commands."""
    await application.bot.set_my_commands(COMMANDS)
    for admin_id in application.bot_data.settings.admin_ids:
        try:
            await application.bot.set_my_commands(ADMIN_COMMANDS, scope=BotCommandScopeChat(admin_id))
        except BadRequest as error:  # the admin has not opened a chat with the bot yet
            log.warning("Admin menu not set for %s: %s", admin_id, error.message)


async def serve(application: BotApplication, settings: Settings, stop: asyncio.Event) -> None:
    """Start (waiting for the Bot API if it is not reachable yet), serve until ``stop`` is set, shut down."""
    if not await _initialize_when_reachable(application, stop):
        return
    updater = application.updater
    assert updater is not None  # ApplicationBuilder always makes one
    try:
        await _post_init(application)
        await application.start()
        if settings.webhook_url is not None:
            assert settings.webhook_secret is not None  # Settings requires it with a URL
            await updater.start_webhook(
                listen=settings.webhook_listen,
                port=settings.webhook_port,
                url_path=urlsplit(settings.webhook_url).path.lstrip("/"),
                webhook_url=settings.webhook_url,
                secret_token=settings.webhook_secret.get_secret_value(),
                allowed_updates=Update.ALL_TYPES,
                bootstrap_retries=-1,
            )
        else:
            await updater.start_polling(
                allowed_updates=Update.ALL_TYPES, bootstrap_retries=-1, timeout=10, error_callback=_polling_error
            )
        log.info("Serving as @%s (%s)", application.bot.username, "webhook" if settings.webhook_url else "polling")
        watcher = asyncio.create_task(reloads.watch_knowledge(application.bot, application.bot_data, stop))
        await stop.wait()
        await watcher
    finally:
        if updater.running:
            await updater.stop()
        if application.running:
            await application.stop()
        await application.shutdown()


def _polling_error(error: TelegramError) -> None:
    """Polling goes on after an error (with backoff); say plainly what happened."""
    if isinstance(error, Conflict):
        log.error(
            "Another instance is polling with this bot token (409 Conflict). Stop the other instance; "
            "this one keeps retrying with backoff."
        )
    else:
        log.warning("Polling for updates failed (%s); retrying", error)


async def _initialize_when_reachable(application: BotApplication, stop: asyncio.Event) -> bool:
    """Initialize, retrying with backoff while the Bot API cannot be reached; False if stopped first."""
    delay = 1.0
    while not stop.is_set():
        try:
            await application.initialize()
        except InvalidToken:
            raise
        except (NetworkError, TimedOut) as error:
            log.warning("Bot API not reachable yet (%s); retrying in %.0f s", error, delay)
            try:
                await asyncio.wait_for(stop.wait(), timeout=delay)
            except TimeoutError:
                delay = min(delay * 2, MAX_STARTUP_BACKOFF)
        else:
            return True
    return False
