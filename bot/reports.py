"""The usage reports admins read: unanswered questions and usage stats, as plain text, JSON or CSV.

The formatting functions are pure (results in, a string out) so the Telegram admin commands can reuse
the text forms; those fit a Telegram message (at most 4,000 characters, cut with a note). The text is
plain, not HTML: a caller sending it with ``parse_mode=HTML`` must escape it (e.g. inside ``<pre>``).
``read_unanswered`` and ``read_stats`` open the log for the command line; a missing log is an empty report.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, Literal

from bot.usage import DATABASE_NAME, FEEDBACK_REASONS, Stats, UnansweredQuestion, UsageLog

TELEGRAM_TEXT_LIMIT = 4000
Output = Literal["text", "json", "csv"]
StatsTable = Literal["days", "kinds", "entries", "feedback"]
STATS_TABLES: tuple[StatsTable, ...] = ("days", "kinds", "entries", "feedback")
_QUESTION_CHARS = 70  # of the example in the text table; the JSON and CSV forms have it whole
_ENTRY_CHARS = 32
_CUT_NOTE_ROOM = 100
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


# -- reading (for the command line) ----------------------------------------------------------------


def read_unanswered(
    data_dir: Path, *, retention_days: int, days: int, limit: int, clock: Callable[[], float] = time.time
) -> tuple[list[UnansweredQuestion], str | None]:
    """The unanswered groups from the log in ``data_dir``, and a note when there is no log yet."""
    note = _missing_note(data_dir)
    if note is not None:
        return [], note
    with UsageLog.open(data_dir, retention_days=retention_days, clock=clock) as log:
        return log.unanswered(days=days, limit=limit), None


def read_stats(
    data_dir: Path, *, retention_days: int, days: int, clock: Callable[[], float] = time.time
) -> tuple[Stats, str | None]:
    """The stats of the log in ``data_dir``, and a note when there is no log yet."""
    note = _missing_note(data_dir)
    if note is not None:
        return Stats.empty(days=days, now=clock()), note
    with UsageLog.open(data_dir, retention_days=retention_days, clock=clock) as log:
        return log.stats(days=days), None


def _missing_note(data_dir: Path) -> str | None:
    database = data_dir / DATABASE_NAME
    if database.exists():
        return None
    return f"No usage log at {database} yet: the bot has not recorded any question there."


# -- unanswered ------------------------------------------------------------------------------------


def render_unanswered(
    questions: Sequence[UnansweredQuestion], *, output: Output, days: int, limit: int, note: str | None = None
) -> str:
    """The unanswered report in one of the three forms (text without a length limit)."""
    if output == "json":
        return unanswered_json(questions, days=days, limit=limit, note=note)
    if output == "csv":
        return unanswered_csv(questions)
    return unanswered_text(questions, days=days, note=note, max_chars=None)


def unanswered_text(
    questions: Sequence[UnansweredQuestion],
    *,
    days: int,
    note: str | None = None,
    max_chars: int | None = TELEGRAM_TEXT_LIMIT,
) -> str:
    """A table of the groups, most asked first: count, last seen, nearest entry, key and the latest wording."""
    noun = "group" if len(questions) == 1 else "groups"
    title = f"Unanswered questions, last {_days(days)}: "
    lines = [title + (f"{len(questions)} {noun}, most asked first." if questions else "none.")]
    if note:
        lines.append(note)
    if questions:
        nearest = [_nearest(question) for question in questions]
        width = max(len("nearest entry (score)"), *map(len, nearest))
        lines.append(
            f"{'asked':>5}  {'last seen (UTC)':<16}  {'nearest entry (score)':<{width}}  {'key':<12}  question"
        )
        lines.extend(
            f"{question.count:>5}  {_minute(question.last_seen):<16}  {near:<{width}}  {question.key:<12}  "
            f"{_shorten(question.example, _QUESTION_CHARS)}"
            for question, near in zip(questions, nearest, strict=True)
        )
    return _fit(lines, max_chars)


def unanswered_data(
    questions: Sequence[UnansweredQuestion], *, days: int, limit: int, note: str | None = None
) -> dict[str, Any]:
    """The report as one JSON-ready object; the field names are stable."""
    return {
        "report": "unanswered",
        "days": days,
        "limit": limit,
        "note": note,
        "questions": [
            {
                "key": question.key,
                "count": question.count,
                "last_seen": _iso(question.last_seen),
                "nearest_entry": question.nearest_entry,
                "nearest_score": question.nearest_score,
                "normalised": question.normalised,
                "example": question.example,
            }
            for question in questions
        ],
    }


def unanswered_json(questions: Sequence[UnansweredQuestion], *, days: int, limit: int, note: str | None = None) -> str:
    """The report as one JSON object (UTF-8 text, not ASCII-escaped)."""
    return json.dumps(unanswered_data(questions, days=days, limit=limit, note=note), ensure_ascii=False, indent=2)


UNANSWERED_CSV_HEADER = ("key", "count", "last_seen", "nearest_entry", "nearest_score", "normalised", "example")


def unanswered_csv(questions: Sequence[UnansweredQuestion]) -> str:
    """A header and one row per group; text that a spreadsheet would run as a formula starts with ``'``."""
    return _csv(
        UNANSWERED_CSV_HEADER,
        (
            (
                question.key,
                question.count,
                _iso(question.last_seen),
                _cell(question.nearest_entry or ""),
                "" if question.nearest_score is None else question.nearest_score,
                _cell(question.normalised),
                _cell(question.example),
            )
            for question in questions
        ),
    )


# -- stats -----------------------------------------------------------------------------------------


def render_stats(stats: Stats, *, output: Output, note: str | None = None, table: StatsTable = "days") -> str:
    """The stats report in one of the three forms (text without a length limit; CSV: one ``table``)."""
    if output == "json":
        return stats_json(stats, note=note)
    if output == "csv":
        return stats_csv(stats, table=table)
    return stats_text(stats, note=note, max_chars=None)


def stats_text(stats: Stats, *, note: str | None = None, max_chars: int | None = TELEGRAM_TEXT_LIMIT) -> str:
    """Totals, chat kinds, most answered entries, feedback, then one line per day, newest first."""
    lines = [f"Usage, last {_days(stats.days)} (since {_minute(stats.since)} UTC)"]
    if note:
        lines.append(note)
    lines.append(f"Questions: {stats.questions}, answered: {stats.answered} ({stats.answered_share:.1%})")
    if stats.by_kind:
        lines.append("By chat: " + ", ".join(f"{kind} {count}" for kind, count in stats.by_kind.items()))
    if stats.top_entries:
        lines += ["", "Most answered entries:"]
        lines.extend(f"{entry.answered:>7}  {_shorten(entry.entry_id, _ENTRY_CHARS)}" for entry in stats.top_entries)
    if stats.feedback:
        names = [_shorten(entry_id, _ENTRY_CHARS) for entry_id in stats.feedback]
        width = max(len("entry"), *map(len, names))
        reasons = "".join(f"  {reason:>14}" for reason in FEEDBACK_REASONS)
        lines += ["", "Feedback:", f"{'entry':<{width}}  {'helpful':>7}  {'unhelpful':>9}{reasons}"]
        for name, counts in zip(names, stats.feedback.values(), strict=True):
            given = "".join(f"  {counts.reasons.get(reason, 0):>14}" for reason in FEEDBACK_REASONS)
            lines.append(f"{name:<{width}}  {counts.helpful:>7}  {counts.unhelpful:>9}{given}")
    if stats.per_day:
        # Newest first: when the text is cut to fit a message, the oldest days go.
        lines += ["", "Per day (UTC), newest first:", f"{'date':<10}  {'questions':>9}  {'answered':>8}"]
        lines.extend(
            f"{day.day.isoformat():<10}  {day.questions:>9}  {day.answered:>8}" for day in reversed(stats.per_day)
        )
    return _fit(lines, max_chars)


def stats_data(stats: Stats, *, note: str | None = None) -> dict[str, Any]:
    """The stats as one JSON-ready object; the field names are stable and every reason is always present."""
    return {
        "report": "stats",
        "days": stats.days,
        "since": _iso(stats.since),
        "note": note,
        "questions": stats.questions,
        "answered": stats.answered,
        "answered_share": stats.answered_share,
        "per_day": [
            {"date": day.day.isoformat(), "questions": day.questions, "answered": day.answered} for day in stats.per_day
        ],
        "by_kind": dict(stats.by_kind),
        "top_entries": [{"entry_id": entry.entry_id, "answered": entry.answered} for entry in stats.top_entries],
        "feedback": {
            entry_id: {
                "helpful": counts.helpful,
                "unhelpful": counts.unhelpful,
                "reasons": {reason: counts.reasons.get(reason, 0) for reason in FEEDBACK_REASONS},
            }
            for entry_id, counts in stats.feedback.items()
        },
    }


def stats_json(stats: Stats, *, note: str | None = None) -> str:
    """The stats as one JSON object."""
    return json.dumps(stats_data(stats, note=note), ensure_ascii=False, indent=2)


STATS_CSV_HEADERS: dict[StatsTable, tuple[str, ...]] = {
    "days": ("date", "questions", "answered", "answered_share"),
    "kinds": ("chat_kind", "questions"),
    "entries": ("entry_id", "answered"),
    "feedback": ("entry_id", "helpful", "unhelpful", *FEEDBACK_REASONS),
}


def stats_csv(stats: Stats, *, table: StatsTable = "days") -> str:
    """One table of the stats as CSV (a header, then rows): days, kinds, entries or feedback."""
    rows: Iterable[Sequence[object]]
    if table == "days":
        rows = (
            (day.day.isoformat(), day.questions, day.answered, round(day.answered / day.questions, 4))
            for day in stats.per_day
        )
    elif table == "kinds":
        rows = stats.by_kind.items()
    elif table == "entries":
        rows = ((_cell(entry.entry_id), entry.answered) for entry in stats.top_entries)
    else:
        rows = (
            (
                _cell(entry_id),
                counts.helpful,
                counts.unhelpful,
                *(counts.reasons.get(reason, 0) for reason in FEEDBACK_REASONS),
            )
            for entry_id, counts in stats.feedback.items()
        )
    return _csv(STATS_CSV_HEADERS[table], rows)


# -- helpers ---------------------------------------------------------------------------------------


def _fit(lines: Sequence[str], max_chars: int | None) -> str:
    """The lines joined; past ``max_chars``, the first ones that fit and a note saying how many were cut."""
    text = "\n".join(lines)
    if max_chars is None or len(text) <= max_chars:
        return text
    budget = max_chars - _CUT_NOTE_ROOM
    kept = 0
    for line in lines:
        budget -= len(line) + 1
        if budget < 0:
            break
        kept += 1
    cut = len(lines) - kept
    note = f"… {cut} more line{'s' if cut != 1 else ''} not shown (cut to fit {max_chars:,} characters)."
    return "\n".join([*lines[:kept], note])


def _shorten(text: str, width: int) -> str:
    """One printable line of at most ``width`` characters: no newlines or terminal control codes."""
    flat = "".join(ch if ch.isprintable() else "\ufffd" for ch in " ".join(text.split()))
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def _nearest(question: UnansweredQuestion) -> str:
    if question.nearest_entry is None:
        return "-"
    entry = _shorten(question.nearest_entry, _ENTRY_CHARS)
    return entry if question.nearest_score is None else f"{entry} ({question.nearest_score:.2f})"


def _cell(text: str) -> str:
    """Text a spreadsheet would evaluate as a formula, made inert by a leading apostrophe."""
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def _csv(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def _days(days: int) -> str:
    return "day" if days == 1 else f"{days} days"


def _minute(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M")


def _iso(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
