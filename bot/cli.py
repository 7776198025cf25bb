"""The command line: ``check`` validates knowledge, ``ask`` answers questions. Thin over the core."""

from __future__ import annotations

import argparse
import asyncio
import json
import signal
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from bot.config import Settings, SettingsError, load_settings, require_token
from bot.core.errors import KnowledgeError, Problem
from bot.core.loader import KnowledgeBase, load_knowledge
from bot.core.matcher import Matcher, find_collisions
from bot.core.render import as_json, as_plain

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return its exit code."""
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        settings = load_settings()
        return int(args.run(args, settings))
    except SettingsError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except KnowledgeError as error:
        print(f"The knowledge files have {len(error.problems)} problem(s):", file=sys.stderr)
        print(error, file=sys.stderr)
        return EXIT_INVALID


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bot", description=__doc__)
    commands = parser.add_subparsers(title="commands", required=True, metavar="COMMAND")

    check = commands.add_parser("check", help="validate knowledge files; list every problem with file:line")
    check.add_argument("paths", nargs="*", type=Path, help="files or directories (default: BOT_KNOWLEDGE_DIR)")
    check.set_defaults(run=_check)

    ask = commands.add_parser("ask", help="print the reply a user would get (no Telegram needed)")
    ask.add_argument("question", nargs="*", help="the question; without it, one question per line from stdin")
    ask.add_argument("--json", action="store_true", help="print JSON (one object per line in batch mode)")
    ask.add_argument("--knowledge", type=Path, action="append", help="knowledge files or directories")
    ask.set_defaults(run=_ask)

    run = commands.add_parser("run", help="start the Telegram bot (polling, or a webhook if BOT_WEBHOOK_URL is set)")
    run.set_defaults(run=_run)
    return parser


def _check(args: argparse.Namespace, settings: Settings) -> int:
    paths = args.paths or [settings.knowledge_dir]
    kb = load_knowledge(paths)
    for collision in find_collisions(Matcher(kb.entries)):
        location = kb.locations[collision.entry_id]
        field = f"entries[{location.index}].questions[{collision.question_index}]"
        line = location.question_lines[collision.question_index]
        print(f"warning: {Problem(location.path, line, field, collision.describe())}")
    print(f"OK: {len(kb.files)} file(s), {len(kb.entries)} entries, {kb.question_count} questions")
    return EXIT_OK


def _ask(args: argparse.Namespace, settings: Settings) -> int:
    kb = load_knowledge(args.knowledge or [settings.knowledge_dir])
    matcher = Matcher(kb.entries)
    if args.question:
        _answer(" ".join(args.question), kb, matcher, as_json_output=args.json, out=sys.stdout)
        return EXIT_OK
    stdin = sys.stdin.buffer
    for raw in stdin:
        question = raw.decode("utf-8", errors="replace").rstrip("\r\n")
        _answer(question, kb, matcher, as_json_output=args.json, out=sys.stdout)
        sys.stdout.flush()
    return EXIT_OK


def _answer(question: str, kb: KnowledgeBase, matcher: Matcher, *, as_json_output: bool, out: TextIO) -> None:
    result = matcher.match(question)
    if as_json_output:
        print(json.dumps(as_json(result, kb), ensure_ascii=False), file=out)
    else:
        print(as_plain(result, kb), file=out)
        print(file=out)


def _run(args: argparse.Namespace, settings: Settings) -> int:
    # Telegram is imported here, not at the top: check and ask must work without loading it.
    from bot.app import build_application, serve  # noqa: PLC0415
    from bot.logs import configure_logging  # noqa: PLC0415
    from bot.store import KnowledgeStore, Snapshot  # noqa: PLC0415

    token = require_token(settings)
    secret = settings.webhook_secret.get_secret_value() if settings.webhook_secret else ""
    configure_logging(secrets=[token, secret])
    store = KnowledgeStore(Snapshot.load([settings.knowledge_dir]))
    application = build_application(settings, store)

    async def until_signalled() -> None:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(signum, stop.set)
        await serve(application, settings, stop)

    asyncio.run(until_signalled())
    return EXIT_OK
