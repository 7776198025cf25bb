"""Knowledge changes reach users: reload all or nothing, tell the admins, correct answers already posted."""

from __future__ import annotations

import asyncio
import datetime as dt
import html
import logging

from telegram import Bot
from telegram.constants import ParseMode
from telegram.error import BadRequest, Forbidden, TelegramError

from bot.core import render
from bot.core.errors import KnowledgeError
from bot.handlers.context import BotData
from bot.handlers.replies import NO_PREVIEW, source_button
from bot.store import ReloadReport, fingerprint

log = logging.getLogger("bot.reloads")
PROBLEM_LIMIT = 3500  # leave room in a 4096-character message for the lead line


async def reload_knowledge(bot: Bot, data: BotData, *, trigger: str) -> str:
    """Reload everything; on success correct posted answers; either way tell every admin. Returns the message."""
    try:
        report = data.store.reload()
    except KnowledgeError as error:
        message = problems_message(error, lead=f"Reload ({trigger}) refused; the last good knowledge stays in service.")
        await notify_admins(bot, data, message)
        return message
    except OSError as error:
        message = f"Reload ({trigger}) failed: cannot read the knowledge: {html.escape(str(error))}. " + (
            "The last good knowledge stays in service."
        )
        await notify_admins(bot, data, message)
        return message
    data.reported_problem = None
    edited = await correct_posted_answers(bot, data, report)
    message = f"Knowledge reloaded ({html.escape(trigger)}): {html.escape(report.summary())}."
    if report.corrected:
        message += f" {edited} posted answer(s) corrected in place."
    await notify_admins(bot, data, message)
    return message


def problems_message(error: KnowledgeError, *, lead: str) -> str:
    """The problems of a refused knowledge change, one per line, within one Telegram message."""
    lines = [html.escape(str(problem)) for problem in error.problems]
    body = "\n".join(lines)
    if len(body) > PROBLEM_LIMIT:
        body = body[:PROBLEM_LIMIT].rsplit("\n", 1)[0] + f"\n… ({len(lines)} problems in all)"
    return f"⚠️ {html.escape(lead)}\n<pre>{body}</pre>"


async def notify_admins(bot: Bot, data: BotData, message: str) -> None:
    """Send a message to every admin who has a private chat with the bot; never raises."""
    for admin in data.settings.admin_ids:
        try:
            await bot.send_message(admin, message, parse_mode=ParseMode.HTML, link_preview_options=NO_PREVIEW)
        except (BadRequest, Forbidden) as error:  # no private chat yet, or the admin blocked the bot
            log.warning("Could not notify admin %s: %s", admin, error.message)


async def correct_posted_answers(bot: Bot, data: BotData, report: ReloadReport) -> int:
    """Edit every answer posted through inline mode whose entry's visible text changed; returns how many."""
    kb = data.store.current.kb
    today = f"{dt.datetime.now(dt.UTC):%-d %B %Y}"
    edited = 0
    for entry_id in report.corrected:
        entry = kb.by_id[entry_id]
        text = render.full_html(kb, entry, matched=entry.questions[0], updated=today)
        for inline_message_id in data.usage.inline_posts(entry_id):
            try:
                await bot.edit_message_text(
                    text,
                    inline_message_id=inline_message_id,
                    parse_mode=ParseMode.HTML,
                    link_preview_options=NO_PREVIEW,
                    reply_markup=source_button(entry),
                )
                edited += 1
            except BadRequest as error:
                if "not modified" in error.message:
                    continue
                log.info("Posted answer %s cannot be edited any more (%s); forgetting it", inline_message_id, error)
                data.usage.forget_inline_post(inline_message_id)
            except TelegramError as error:
                log.warning("Could not correct posted answer %s: %s", inline_message_id, error)
    for entry_id in report.removed:
        for inline_message_id in data.usage.inline_posts(entry_id):
            data.usage.forget_inline_post(inline_message_id)
    return edited


async def watch_knowledge(bot: Bot, data: BotData, stop: asyncio.Event) -> None:
    """Notice edited, added or deleted knowledge files within ``reload_seconds`` and reload them."""
    directory = data.store.directory
    if directory is None:
        return
    try:
        data.seen_fingerprint = fingerprint(directory)
    except OSError:
        data.seen_fingerprint = None
    while not stop.is_set():
        try:
            await asyncio.wait_for(stop.wait(), timeout=data.settings.reload_seconds)
        except TimeoutError:
            pass
        else:
            return
        await check_for_changes(bot, data)


async def check_for_changes(bot: Bot, data: BotData) -> None:
    """One look at the knowledge directory: reload if it changed; report an unreadable one once."""
    directory = data.store.directory
    assert directory is not None
    try:
        current = fingerprint(directory)
    except OSError as error:
        problem = f"cannot read the knowledge directory: {error.strerror or error}"
        if data.reported_problem != problem:
            data.reported_problem = problem
            log.error("Knowledge watcher: %s", problem)  # noqa: TRY400 (the reason is the message; no traceback helps)
            await notify_admins(bot, data, f"⚠️ {html.escape(problem)}. The last good knowledge stays in service.")
        return
    if current == data.seen_fingerprint:
        return
    data.seen_fingerprint = current
    log.info("Knowledge files changed on disk; reloading")
    await reload_knowledge(bot, data, trigger="files changed on disk")
