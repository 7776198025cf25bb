"""Knowledge changes reach users: reload all or nothing, tell the admins, correct answers already posted."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import html
import logging
import time

from telegram import Bot
from telegram.constants import ParseMode
from telegram.error import BadRequest, Forbidden, TelegramError

from bot.core import render
from bot.core.errors import KnowledgeError
from bot.core.i18n import date_text
from bot.core.loader import KNOWLEDGE_SUFFIXES
from bot.handlers.context import BotData
from bot.handlers.replies import NO_PREVIEW, source_button
from bot.store import Fingerprint, ReloadReport, fingerprint

log = logging.getLogger("bot.reloads")
PRUNE_EVERY_SECONDS = 3600.0  # the retention window is in days: pruning hourly keeps the log bounded
PROBLEM_LIMIT = 3500  # leave room in a 4096-character message for the lead line


async def reload_knowledge(bot: Bot, data: BotData, *, trigger: str) -> str:
    """Reload everything; on success correct posted answers; either way tell every admin. Returns the message."""
    async with data.reload_lock:  # the watcher, /reload and uploads never reload at the same time
        return await reload_locked(bot, data, trigger=trigger)


async def reload_locked(bot: Bot, data: BotData, *, trigger: str) -> str:
    """``reload_knowledge`` for a caller already holding ``data.reload_lock``: the bot writing a knowledge file
    holds it from the write to this reload, so the watcher cannot see the write first and announce it too."""
    # What this reload reads is what the watcher has now seen: it must not reload (and announce) it again.
    if data.store.directory is not None:
        with contextlib.suppress(OSError):
            data.seen_fingerprint = fingerprint(data.store.directory)
    try:
        report = await asyncio.to_thread(data.store.reload)
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
    today = dt.datetime.now(dt.UTC).date()
    edited = 0
    for entry_id in report.corrected:
        entry = kb.by_id[entry_id]
        for inline_message_id, language in data.usage.posted_answers(entry_id):
            text = render.full_html(
                kb,
                entry,
                language=language,
                matched=render.question_in(entry, language),
                updated=date_text(today, language),
            )
            try:
                await bot.edit_message_text(
                    text,
                    inline_message_id=inline_message_id,
                    parse_mode=ParseMode.HTML,
                    link_preview_options=NO_PREVIEW,
                    reply_markup=source_button(entry, language),
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
    last_prune = time.monotonic()
    while not stop.is_set():
        try:
            await asyncio.wait_for(stop.wait(), timeout=data.settings.reload_seconds)
        except TimeoutError:
            pass
        else:
            return
        try:
            await check_for_changes(bot, data)
        except Exception:  # the watcher must outlive any one bad look: log it and keep watching
            log.exception("Knowledge watcher: a check failed; the last good knowledge stays in service")
        if time.monotonic() - last_prune > PRUNE_EVERY_SECONDS:
            last_prune = time.monotonic()
            removed = await asyncio.to_thread(data.usage.prune)
            if removed:
                log.info("Pruned %d usage rows older than %d days", removed, data.settings.retention_days)


async def check_for_changes(bot: Bot, data: BotData) -> None:
    """One look at the knowledge directory: reload if it changed; report an unreadable one once. The look is
    taken under the reload lock, so a change the bot is writing and reloading itself is seen only once done."""
    async with data.reload_lock:
        await _check_locked(bot, data)


async def _check_locked(bot: Bot, data: BotData) -> None:
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
    previous, data.seen_fingerprint = data.seen_fingerprint, current
    vanished = _knowledge_names(previous) - _knowledge_names(current)
    if vanished:
        # A deleted file may be a mistake: keep serving its entries until an admin confirms with /reload.
        names = ", ".join(sorted(vanished))
        log.warning("Knowledge file(s) deleted: %s; still serving them until /reload", names)
        await notify_admins(
            bot,
            data,
            f"⚠️ Knowledge file(s) deleted on disk: {html.escape(names)}. Their entries stay in service; "
            "send /reload to confirm the deletion, or restore the file(s).",
        )
        return
    log.info("Knowledge files changed on disk; reloading")
    await reload_locked(bot, data, trigger="files changed on disk")


def _knowledge_names(seen: Fingerprint | None) -> set[str]:
    return {name for name, _, _ in seen or () if name.endswith(KNOWLEDGE_SUFFIXES)}
