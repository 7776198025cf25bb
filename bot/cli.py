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

from bot import reports
from bot.config import Settings, SettingsError, load_settings, require_token
from bot.core.errors import KnowledgeError, Problem
from bot.core.i18n import MESSAGES
from bot.core.languages import load_lexicons, reply_language
from bot.core.loader import KnowledgeBase, load_knowledge
from bot.core.matcher import Matcher, find_collisions
from bot.core.render import as_json, as_plain
from bot.usage import UsageError

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
    except UsageError as error:
        print(f"error: {error}", file=sys.stderr)
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

    unanswered = commands.add_parser(
        "unanswered",
        help="questions the bot did not answer confidently, most asked first (from the usage log)",
        description="Questions of the last days that got no answer, an ambiguous one or an answer scored below "
        "0.6, grouped by their normalised text, most asked first; groups hidden by an admin are left out. "
        "Reads BOT_DATA_DIR/usage.sqlite3; without one, prints an empty report. "
        "CSV: a header, then one row per group (key, count, last_seen, nearest_entry, nearest_score, "
        "normalised, example); text a spreadsheet would run as a formula (=, +, -, @) starts with an apostrophe.",
    )
    unanswered.add_argument("--days", type=_positive_int, default=7, help="look back this many days (default: 7)")
    unanswered.add_argument("--limit", type=_positive_int, default=20, help="at most this many groups (default: 20)")
    unanswered_output = unanswered.add_mutually_exclusive_group()
    unanswered_output.add_argument("--json", action="store_true", help="print one JSON object")
    unanswered_output.add_argument("--csv", action="store_true", help="print CSV: a header and one row per group")
    unanswered.set_defaults(run=_unanswered)

    stats = commands.add_parser(
        "stats",
        help="usage per day and chat kind, the most answered entries and their feedback (from the usage log)",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Usage of the last days, from BOT_DATA_DIR/usage.sqlite3 (without one, an empty report).\n"
        "Text and JSON hold everything; CSV holds one table, chosen with --table:\n"
        "  days      date, questions, answered, answered_share (UTC days with questions, oldest first)\n"
        "  kinds     chat_kind, questions\n"
        "  entries   entry_id, answered (the 10 most answered entries)\n"
        "  feedback  entry_id, helpful, unhelpful, wrong_match, wrong_figure, missing_caveat",
    )
    stats.add_argument("--days", type=_positive_int, default=30, help="look back this many days (default: 30)")
    stats_output = stats.add_mutually_exclusive_group()
    stats_output.add_argument("--json", action="store_true", help="print one JSON object")
    stats_output.add_argument("--csv", action="store_true", help="print one table as CSV (see --table)")
    stats.add_argument("--table", choices=reports.STATS_TABLES, help="with --csv: the table to print (default: days)")
    stats.set_defaults(run=_stats)

    add = commands.add_parser(
        "add-question",
        help="add a question to an entry's curated questions (file edited in place, validated, history kept)",
        description="Adds QUESTION to the `questions` of entry ENTRY_ID in its knowledge file, keeping the "
        "file's comments and order; the change is validated like an upload and the previous version kept "
        "in BOT_DATA_DIR/history. A running bot picks the change up by itself. QUESTION may also be the "
        "key of a group in the `unanswered` report (its latest wording is added, and the group hidden).",
    )
    add.add_argument("entry_id", metavar="ENTRY_ID")
    add.add_argument("question", metavar="QUESTION")
    add.set_defaults(run=_add_question)
    return parser


def _check(args: argparse.Namespace, settings: Settings) -> int:
    paths = args.paths or [settings.knowledge_dir]
    kb = load_knowledge(paths)
    for collision in find_collisions(Matcher(kb.entries)):
        location = kb.locations[collision.entry_id]
        reference = kb.source_of(collision.entry_id).meta.language
        field = location.question_field(collision.language, collision.question_index, reference=reference)
        line = location.question_lines.get((collision.language, collision.question_index))
        print(f"warning: {Problem(location.path, line, field, collision.describe())}")
    languages = sorted({lang for entry in kb.entries for lang, _ in entry.all_questions()})
    print(
        f"OK: {len(kb.files)} file(s), {len(kb.entries)} entries, {kb.question_count} questions"
        f" in {len(languages)} language(s): {' '.join(languages)}"
    )
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
    best = result.best
    language = reply_language(
        question,
        lexicons=load_lexicons(),
        available=set(MESSAGES) | kb.languages,
        matched_language=best.language if best else None,
        matched_question=best.question if best else None,
    )
    if as_json_output:
        print(json.dumps(as_json(result, kb, language), ensure_ascii=False), file=out)
    else:
        print(as_plain(result, kb, language), file=out)
        print(file=out)


def _run(args: argparse.Namespace, settings: Settings) -> int:
    # Telegram is imported here, not at the top: check and ask must work without loading it.
    from telegram.error import InvalidToken  # noqa: PLC0415

    from bot.app import build_application, serve  # noqa: PLC0415
    from bot.logs import configure_logging  # noqa: PLC0415
    from bot.store import KnowledgeStore  # noqa: PLC0415
    from bot.usage import UsageLog  # noqa: PLC0415

    token = require_token(settings)
    secret = settings.webhook_secret.get_secret_value() if settings.webhook_secret else ""
    configure_logging(secrets=[token, secret])
    store = KnowledgeStore.open(settings.knowledge_dir)
    usage = UsageLog.open(settings.data_dir, retention_days=settings.retention_days)
    application = build_application(settings, store, usage)

    async def until_signalled() -> None:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(signum, stop.set)
        await serve(application, settings, stop)

    try:
        asyncio.run(until_signalled())
    except InvalidToken:
        # PTB's message quotes the token: say it in our words instead.
        raise SettingsError("BOT_TOKEN: rejected by the Bot API; check the token @BotFather gave you") from None
    finally:
        usage.close()
    return EXIT_OK


def _unanswered(args: argparse.Namespace, settings: Settings) -> int:
    try:
        questions, note = reports.read_unanswered(
            settings.data_dir, retention_days=settings.retention_days, days=args.days, limit=args.limit
        )
    except UsageError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_INVALID
    output = _report_output(args)
    text = reports.render_unanswered(questions, output=output, days=args.days, limit=args.limit, note=note)
    _print_report(text, output, note)
    return EXIT_OK


def _stats(args: argparse.Namespace, settings: Settings) -> int:
    if args.table is not None and not args.csv:
        print("error: --table only applies to --csv", file=sys.stderr)
        return EXIT_USAGE
    try:
        stats, note = reports.read_stats(settings.data_dir, retention_days=settings.retention_days, days=args.days)
    except UsageError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_INVALID
    output = _report_output(args)
    _print_report(reports.render_stats(stats, output=output, note=note, table=args.table or "days"), output, note)
    return EXIT_OK


def _report_output(args: argparse.Namespace) -> reports.Output:
    return "json" if args.json else "csv" if args.csv else "text"


def _print_report(text: str, output: reports.Output, note: str | None) -> None:
    print(text, end="" if text.endswith("\n") else "\n")
    if output == "csv" and note:
        print(f"note: {note}", file=sys.stderr)  # the CSV itself holds data only


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, not {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return value


def _add_question(args: argparse.Namespace, settings: Settings) -> int:
    from bot.knowledge_files import DuplicateQuestion, KnowledgeFiles, UnknownEntry  # noqa: PLC0415
    from bot.usage import UsageLog  # noqa: PLC0415

    question: str = args.question
    group_key = None
    if settings.database.exists():
        with UsageLog.open(settings.data_dir, retention_days=settings.retention_days) as log:
            group = log.unanswered_by_key(question)
            if group is not None:
                question, group_key = group.example, group.key
    files = KnowledgeFiles(settings.knowledge_dir, settings.history_dir, max_bytes=settings.max_upload_bytes)
    try:
        change = files.add_question(args.entry_id, question)
    except (UnknownEntry, DuplicateQuestion) as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_INVALID
    if group_key is not None:
        with UsageLog.open(settings.data_dir, retention_days=settings.retention_days) as log:
            log.ignore(group_key)
    print(f"Added {question!r} to {args.entry_id} in {change.path.name}.")
    return EXIT_OK
