"""The usage reports, run as admins run them: ``python -m bot unanswered`` and ``python -m bot stats``."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from bot.core.text import normalise
from bot.reports import (
    STATS_CSV_HEADERS,
    UNANSWERED_CSV_HEADER,
    StatsTable,
    stats_text,
    unanswered_text,
)
from bot.usage import DATABASE_NAME, SCHEMA_VERSION, DayCount, Stats, UnansweredQuestion, UsageLog, question_key

ROOT = Path(__file__).resolve().parent.parent
FORMULA = '=HYPERLINK("http://example.com","click")'
CYRILLIC = "Сколько погибло?"

# question, chat kind, decision, entry, score, times asked
ASKED = [
    ("How many died?", "private", "none", "toll", 0.4, 3),
    ("official toll", "private", "answer", "toll", 0.55, 2),
    (FORMULA, "private", "none", None, 0.0, 1),
    (CYRILLIC, "private", "ambiguous", "western", 0.6, 1),
    ("western estimate", "group", "answer", "western", 0.9, 4),
]


def run(*args: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    """Run ``python -m bot ARGS`` with BOT_DATA_DIR set, as an admin would."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("BOT_")}
    env["BOT_DATA_DIR"] = str(data_dir)
    completed = subprocess.run(
        [sys.executable, "-m", "bot", *args], cwd=ROOT, env=env, capture_output=True, timeout=60, check=False
    )
    return subprocess.CompletedProcess(
        completed.args, completed.returncode, completed.stdout.decode("utf-8"), completed.stderr.decode("utf-8")
    )


def ok(*args: str, data_dir: Path) -> str:
    """The standard output of a command that must succeed without complaint."""
    result = run(*args, data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return result.stdout


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A usage log with a few days' worth of questions and feedback (recorded just now)."""
    directory = tmp_path_factory.mktemp("data")
    with UsageLog.open(directory) as log:
        for question, kind, decision, entry_id, score, times in ASKED:
            for user_id in range(times):
                log.record_question(
                    chat_kind=kind,
                    user_id=user_id,
                    question=question,
                    normalised=normalise(question),
                    decision=decision,
                    entry_id=entry_id,
                    score=score,
                )
        log.record_feedback(entry_id="toll", user_id=1, helpful=True)
        log.record_feedback(entry_id="toll", user_id=2, helpful=True)
        log.record_feedback(entry_id="toll", user_id=3, helpful=False, reason="wrong_figure")
    return directory


# ------------------------------------------------------------------ unanswered


def test_unanswered_prints_a_table_most_asked_first(data_dir: Path) -> None:
    lines = ok("unanswered", data_dir=data_dir).splitlines()
    assert lines[0] == "Unanswered questions, last 7 days: 4 groups, most asked first."
    assert lines[1].split() == ["asked", "last", "seen", "(UTC)", "nearest", "entry", "(score)", "key", "question"]
    rows = lines[2:]
    assert len(rows) == 4
    assert rows[0].split()[0] == "3"
    assert rows[0].endswith("How many died?")
    assert "toll (0.40)" in rows[0]
    assert question_key("how many died") in rows[0]
    assert rows[1].split()[0] == "2"
    assert rows[1].endswith("official toll")
    assert {rows[2].rsplit("  ", 1)[1], rows[3].rsplit("  ", 1)[1]} == {FORMULA, CYRILLIC}


def test_unanswered_json_is_one_object_with_stable_fields(data_dir: Path) -> None:
    report: dict[str, Any] = json.loads(ok("unanswered", "--json", "--limit", "3", data_dir=data_dir))
    assert report.keys() == {"report", "days", "limit", "note", "questions"}
    assert (report["report"], report["days"], report["limit"], report["note"]) == ("unanswered", 7, 3, None)
    first, second, _ = report["questions"]
    assert first.keys() == {"key", "count", "last_seen", "nearest_entry", "nearest_score", "normalised", "example"}
    assert (first["example"], first["count"], first["nearest_entry"], first["nearest_score"]) == (
        "How many died?",
        3,
        "toll",
        0.4,
    )
    assert first["key"] == question_key("how many died")
    assert first["normalised"] == "how many died"
    assert dt.datetime.fromisoformat(first["last_seen"]).tzinfo == dt.UTC
    assert (second["normalised"], second["count"]) == ("official toll", 2)
    examples = {q["example"] for q in json.loads(ok("unanswered", "--json", data_dir=data_dir))["questions"]}
    assert {FORMULA, CYRILLIC} <= examples


def test_unanswered_csv_has_a_header_and_a_row_per_group(data_dir: Path) -> None:
    rows = list(csv.reader(io.StringIO(ok("unanswered", "--csv", data_dir=data_dir))))
    assert tuple(rows[0]) == UNANSWERED_CSV_HEADER
    records = [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]
    assert [(r["normalised"], r["count"]) for r in records[:2]] == [("how many died", "3"), ("official toll", "2")]
    by_entry = {r["example"]: r for r in records}
    assert by_entry[CYRILLIC]["nearest_entry"] == "western"
    assert by_entry["'" + FORMULA]["nearest_score"] == ""  # a formula is made inert for spreadsheets
    assert len(records) == 4


def test_unanswered_takes_days_and_limit(data_dir: Path) -> None:
    report = json.loads(ok("unanswered", "--json", "--days", "1", "--limit", "1", data_dir=data_dir))
    assert [q["normalised"] for q in report["questions"]] == ["how many died"]


# ------------------------------------------------------------------ stats


def test_stats_prints_totals_kinds_entries_feedback_and_days(data_dir: Path) -> None:
    text = ok("stats", data_dir=data_dir)
    lines = text.splitlines()
    assert lines[0].startswith("Usage, last 30 days (since ")
    assert "Questions: 11, answered: 6 (54.5%)" in lines
    assert "By chat: private 7, group 4" in lines
    entries = lines[lines.index("Most answered entries:") + 1 :][:2]
    assert [line.split() for line in entries] == [["4", "western"], ["2", "toll"]]
    feedback = lines[lines.index("Feedback:") + 1 :][:2]
    assert feedback[0].split() == ["entry", "helpful", "unhelpful", "wrong_match", "wrong_figure", "missing_caveat"]
    assert feedback[1].split() == ["toll", "2", "1", "0", "1", "0"]
    assert "Per day (UTC), newest first:" in lines


def test_stats_json_is_one_object_with_stable_fields(data_dir: Path) -> None:
    report: dict[str, Any] = json.loads(ok("stats", "--json", "--days", "7", data_dir=data_dir))
    assert report.keys() == {
        "report",
        "days",
        "since",
        "note",
        "questions",
        "answered",
        "answered_share",
        "per_day",
        "by_kind",
        "top_entries",
        "feedback",
    }
    assert (report["report"], report["days"], report["note"]) == ("stats", 7, None)
    assert (report["questions"], report["answered"]) == (11, 6)
    assert report["answered_share"] == pytest.approx(6 / 11)
    assert sum(day["questions"] for day in report["per_day"]) == 11
    assert all(day.keys() == {"date", "questions", "answered"} for day in report["per_day"])
    assert report["by_kind"] == {"private": 7, "group": 4}
    assert report["top_entries"] == [{"entry_id": "western", "answered": 4}, {"entry_id": "toll", "answered": 2}]
    assert report["feedback"] == {
        "toll": {"helpful": 2, "unhelpful": 1, "reasons": {"wrong_match": 0, "wrong_figure": 1, "missing_caveat": 0}}
    }


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        ("kinds", [["private", "7"], ["group", "4"]]),
        ("entries", [["western", "4"], ["toll", "2"]]),
        ("feedback", [["toll", "2", "1", "0", "1", "0"]]),
    ],
)
def test_stats_csv_prints_the_chosen_table(data_dir: Path, table: StatsTable, expected: list[list[str]]) -> None:
    rows = list(csv.reader(io.StringIO(ok("stats", "--csv", "--table", table, data_dir=data_dir))))
    assert tuple(rows[0]) == STATS_CSV_HEADERS[table]
    assert rows[1:] == expected


def test_stats_csv_prints_one_row_per_day_by_default(data_dir: Path) -> None:
    rows = list(csv.DictReader(io.StringIO(ok("stats", "--csv", data_dir=data_dir))))
    assert rows
    assert sum(int(row["questions"]) for row in rows) == 11
    assert sum(int(row["answered"]) for row in rows) == 6
    assert all(dt.date.fromisoformat(row["date"]) for row in rows)
    assert all(0 <= float(row["answered_share"]) <= 1 for row in rows)


def test_a_csv_table_without_csv_is_a_usage_error(data_dir: Path) -> None:
    result = run("stats", "--table", "kinds", data_dir=data_dir)
    assert result.returncode == 2
    assert result.stderr == "error: --table only applies to --csv\n"


# ------------------------------------------------------------------ no log, or one from the future


@pytest.mark.parametrize(
    "args",
    [
        ("unanswered",),
        ("unanswered", "--json"),
        ("unanswered", "--csv"),
        ("stats",),
        ("stats", "--json"),
        ("stats", "--csv", "--table", "feedback"),
    ],
)
def test_a_missing_log_is_an_empty_report(tmp_path: Path, args: tuple[str, ...]) -> None:
    data_dir = tmp_path / "never-used"
    result = run(*args, data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    note = f"No usage log at {data_dir / DATABASE_NAME} yet"
    if "--json" in args:
        report = json.loads(result.stdout)
        assert report["note"].startswith(note)
        assert report.get("questions", []) in ([], 0)
    elif "--csv" in args:
        assert len(list(csv.reader(io.StringIO(result.stdout)))) == 1  # the header alone
        assert result.stderr.startswith("note: " + note)
    else:
        assert note in result.stdout
        assert "none." in result.stdout or "Questions: 0, answered: 0" in result.stdout
    assert not data_dir.exists()  # reading a report creates nothing


def test_a_log_from_a_newer_bot_is_an_error_exit_1(tmp_path: Path) -> None:
    UsageLog.open(tmp_path).close()
    with closing(sqlite3.connect(tmp_path / DATABASE_NAME)) as db:
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    result = run("unanswered", data_dir=tmp_path)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.startswith("error: ")
    assert "newer than this bot understands" in result.stderr


# ------------------------------------------------------------------ the text forms, as Telegram gets them


def group(index: int, example: str = "How many died?") -> UnansweredQuestion:
    moment = dt.datetime(2024, 5, 1, 12, 0, tzinfo=dt.UTC)
    return UnansweredQuestion(f"{index:012x}", f"q {index}", f"{example} {index}", 500 - index, moment, "toll", 0.5)


def test_a_long_unanswered_report_is_cut_to_fit_a_message_with_a_note() -> None:
    text = unanswered_text([group(index, "How many soldiers died " * 3) for index in range(200)], days=7)
    assert len(text) <= 4000
    lines = text.splitlines()
    shown = len(lines) - 3  # title, header and the note
    assert lines[-1] == f"… {200 - shown} more lines not shown (cut to fit 4,000 characters)."
    assert lines[2].split()[0] == "500"  # the most asked are the ones kept


def test_a_long_stats_report_keeps_the_newest_days() -> None:
    first = dt.date(2023, 1, 1)
    days = tuple(DayCount(first + dt.timedelta(days=n), 10, 5) for n in range(365))
    stats = Stats(365, dt.datetime(2023, 1, 1, tzinfo=dt.UTC), 3650, 1825, 0.5, days, {"private": 3650}, (), {})
    text = stats_text(stats)
    assert len(text) <= 4000
    assert "2023-12-31" in text
    assert "2023-01-01  " not in text
    assert text.splitlines()[-1].endswith("more lines not shown (cut to fit 4,000 characters).")


def test_the_text_report_shows_each_question_on_one_printable_line() -> None:
    text = unanswered_text([group(1, "line one\nline two \x1b[2J\u202e")], days=1, max_chars=None)
    assert text.splitlines()[0] == "Unanswered questions, last day: 1 group, most asked first."
    assert text.splitlines()[-1].endswith("line one line two \ufffd[2J\ufffd 1")
    assert len(text.splitlines()) == 3


def test_an_empty_report_says_so() -> None:
    assert unanswered_text([], days=7, note="No usage log yet.") == (
        "Unanswered questions, last 7 days: none.\nNo usage log yet."
    )
    assert stats_text(Stats.empty(days=30, now=0.0)).splitlines()[1:] == ["Questions: 0, answered: 0 (0.0%)"]
