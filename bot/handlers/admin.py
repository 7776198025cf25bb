"""Admin commands and uploads: reload, rollback, export, unanswered, stats, a knowledge file as a document.

Every handler here starts with ``_admin``: anyone not in BOT_ADMIN_IDS gets a polite refusal and nothing
is read, written or reloaded.
"""

from __future__ import annotations

import asyncio
import html
import logging

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from telegram.constants import ParseMode

from bot import reports
from bot.core.errors import KnowledgeError
from bot.core.i18n import t
from bot.handlers.context import Context
from bot.handlers.reloads import problems_message, reload_knowledge, reload_locked
from bot.handlers.replies import interface_language
from bot.knowledge_files import DuplicateQuestion, NothingToRollBack, UnknownEntry, UploadRejected

log = logging.getLogger("bot.admin")

REFUSAL = t("en", "admin_refusal")  # in English; users get it in their own language
ADD_PREFIX = "ua:"  # ua:<group key>:<entry id>  add an unanswered question to an entry
IGNORE_PREFIX = "ui:"  # ui:<group key>          hide an unanswered question from the report
DEFAULT_DAYS = 7
UNANSWERED_SHOWN = 5  # groups offered with buttons; the text lists more


async def _admin(update: Update, context: Context) -> bool:
    """True for an admin; everyone else is refused politely (and nothing else happens)."""
    user = update.effective_user
    if context.bot_data.settings.is_admin(user.id if user else None):
        return True
    refusal = t(interface_language(user), "admin_refusal")
    if update.callback_query is not None:
        await update.callback_query.answer(refusal, show_alert=True)
    elif update.effective_message is not None:
        await update.effective_message.reply_text(refusal)
    return False


async def reload_command(update: Update, context: Context) -> None:
    """/reload: load and validate everything, swap it in; the admins get the summary or the problems."""
    if not await _admin(update, context) or update.effective_message is None:
        return
    message = await reload_knowledge(context.bot, context.bot_data, trigger="/reload")
    if not context.bot_data.settings.is_admin(update.effective_message.chat.id):  # e.g. sent in a group
        await update.effective_message.reply_text(message, parse_mode=ParseMode.HTML)


async def upload(update: Update, context: Context) -> None:
    """A .yaml document from an admin: validated with the same loader, written atomically, then reloaded."""
    message = update.effective_message
    if not await _admin(update, context) or message is None or message.document is None:
        return
    data = context.bot_data
    document = message.document
    limit = data.settings.max_upload_bytes
    if document.file_size is not None and document.file_size > limit:  # refused before downloading anything
        await message.reply_text(f"Not accepted: the file is {document.file_size:,} bytes; the limit is {limit:,}.")
        return
    try:
        name = data.files.check_name(document.file_name or "")
        telegram_file = await document.get_file()
        content = bytes(await telegram_file.download_as_bytearray())
    except UploadRejected as error:
        await message.reply_text(f"Not accepted: {error}")
        return
    async with data.reload_lock:  # from the write to its reload: the watcher must not announce it too
        try:
            change = await asyncio.to_thread(data.files.install, name, content)
        except UploadRejected as error:
            await message.reply_text(f"Not accepted: {error}")
            return
        except KnowledgeError as error:
            await message.reply_text(
                problems_message(error, lead=f"{document.file_name} was not installed; nothing changed."),
                parse_mode=ParseMode.HTML,
            )
            return
        kept = f" The previous version is kept as {change.previous.name}." if change.previous else ""
        await message.reply_text(f"Installed {change.path.name}.{kept}")
        await reload_locked(context.bot, data, trigger=f"upload of {change.path.name}")


async def rollback_command(update: Update, context: Context) -> None:
    """/rollback <file>: restore the previous version of a knowledge file (validated), then reload."""
    message = update.effective_message
    if not await _admin(update, context) or message is None:
        return
    data = context.bot_data
    if not context.args:
        names = ", ".join(path.name for path in data.files.files())
        await message.reply_text(f"Usage: /rollback <file>. Files: {names}")
        return
    name = context.args[0]
    async with data.reload_lock:  # from the write to its reload: the watcher must not announce it too
        try:
            change = await asyncio.to_thread(data.files.rollback, name)
        except (UploadRejected, NothingToRollBack) as error:
            await message.reply_text(f"Nothing rolled back: {error}")
            return
        except KnowledgeError as error:
            await message.reply_text(
                problems_message(error, lead=f"The previous version of {name} is not valid; nothing changed."),
                parse_mode=ParseMode.HTML,
            )
            return
        await message.reply_text(f"Rolled {change.path.name} back to its previous version.")
        await reload_locked(context.bot, data, trigger=f"rollback of {change.path.name}")


async def export_command(update: Update, context: Context) -> None:
    """/export: the current knowledge files, as documents."""
    message = update.effective_message
    if not await _admin(update, context) or message is None:
        return
    for path in context.bot_data.files.files():
        await message.reply_document(path.read_bytes(), filename=path.name)


async def unanswered_command(update: Update, context: Context) -> None:
    """/unanswered [days]: the most frequent unanswered questions, each with "add" and "ignore" buttons."""
    message = update.effective_message
    if not await _admin(update, context) or message is None:
        return
    days = _days_argument(context.args, DEFAULT_DAYS)
    questions = context.bot_data.usage.unanswered(days=days, limit=20)
    await message.reply_text(
        f"<pre>{html.escape(reports.unanswered_text(questions, days=days))}</pre>",
        parse_mode=ParseMode.HTML,
    )
    kb = context.bot_data.store.current.kb
    for question in questions[:UNANSWERED_SHOWN]:
        buttons = []
        if question.nearest_entry and question.nearest_entry in kb.by_id:
            buttons.append(
                InlineKeyboardButton(
                    f"➕ Add to {question.nearest_entry}"[:60],
                    callback_data=f"{ADD_PREFIX}{question.key}:{question.nearest_entry}",
                )
            )
        buttons.append(InlineKeyboardButton("Ignore", callback_data=f"{IGNORE_PREFIX}{question.key}"))
        await message.reply_text(
            f"“{html.escape(question.example)}” ×{question.count}", reply_markup=InlineKeyboardMarkup([buttons])
        )


async def stats_command(update: Update, context: Context) -> None:
    """/stats [days]: questions per day, answered share, top entries, feedback per entry."""
    message = update.effective_message
    if not await _admin(update, context) or message is None:
        return
    stats = context.bot_data.usage.stats(days=_days_argument(context.args, 30))
    await message.reply_text(f"<pre>{html.escape(reports.stats_text(stats))}</pre>", parse_mode=ParseMode.HTML)


async def add_unanswered(update: Update, context: Context) -> None:
    """The "add" button: the question joins the entry's curated questions (file edited, validated, reloaded)."""
    query = update.callback_query
    if not await _admin(update, context) or query is None or query.data is None:
        return
    key, _, entry_id = query.data.removeprefix(ADD_PREFIX).partition(":")
    data = context.bot_data
    question = data.usage.unanswered_by_key(key)
    if question is None:
        await query.answer("That question is no longer in the report.", show_alert=True)
        return
    async with data.reload_lock:  # from the write to its reload: the watcher must not announce it too
        try:
            await asyncio.to_thread(data.files.add_question, entry_id, question.example)
        except (UnknownEntry, DuplicateQuestion) as error:
            await query.answer(str(error)[:200], show_alert=True)
            return
        except KnowledgeError as error:
            await query.answer("Not added: the file would not be valid.", show_alert=True)
            await _reply(query.message, problems_message(error, lead="The question was not added."))
            return
        data.usage.ignore(key)
        await query.answer("Added.")
        await query.edit_message_text(f"✅ Added “{html.escape(question.example)}” to {html.escape(entry_id)}.")
        await reload_locked(context.bot, data, trigger=f"question added to {entry_id}")


async def ignore_unanswered(update: Update, context: Context) -> None:
    """The "ignore" button: hide that question from later reports."""
    query = update.callback_query
    if not await _admin(update, context) or query is None or query.data is None:
        return
    context.bot_data.usage.ignore(query.data.removeprefix(IGNORE_PREFIX))
    await query.answer("Ignored.")
    await query.edit_message_reply_markup(reply_markup=None)


async def _reply(message: object, text: str) -> None:
    if isinstance(message, Message):
        await message.reply_text(text, parse_mode=ParseMode.HTML)


def _days_argument(args: list[str] | None, default: int) -> int:
    if args and args[0].isdecimal() and 0 < int(args[0]) <= 3650:
        return int(args[0])
    return default
