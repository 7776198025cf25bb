"""The usage log: a private, migrated, pruned SQLite file that admins learn from."""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
import stat
import tempfile
import threading
import uuid
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from bot.config import Settings
from bot.core.text import normalise
from bot.usage import (
    DATABASE_NAME,
    SALT_NAME,
    SCHEMA_VERSION,
    DayCount,
    EntryCount,
    FeedbackCounts,
    SchemaTooNewError,
    UsageError,
    UsageLog,
    apply_migrations,
    question_key,
    schema_version,
)

START = dt.datetime(2024, 5, 1, 12, 0, tzinfo=dt.UTC).timestamp()
DAY = 86_400.0
USER = 987_654_321_123


class Clock:
    """A hand-moved clock in epoch seconds."""

    def __init__(self, now: float = START) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now

    def advance(self, *, days: float = 0, seconds: float = 0) -> None:
        self.now += days * DAY + seconds


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def log(tmp_path: Path, clock: Clock) -> Iterator[UsageLog]:
    with UsageLog.open(tmp_path, clock=clock) as opened:
        yield opened


@contextmanager
def raw(path: Path) -> Iterator[sqlite3.Connection]:
    """A plain connection to the database file, closed on exit."""
    with closing(sqlite3.connect(path, isolation_level=None)) as connection:
        yield connection


def ask(
    log: UsageLog,
    question: str,
    *,
    decision: str = "none",
    entry_id: str | None = None,
    score: float = 0.0,
    chat_kind: str = "private",
    user_id: int | None = 1,
) -> None:
    """Record a question the way the handlers do: with its normalised form."""
    log.record_question(
        chat_kind=chat_kind,
        user_id=user_id,
        question=question,
        normalised=normalise(question),
        decision=decision,
        entry_id=entry_id,
        score=score,
    )


def tables(path: Path) -> set[str]:
    with raw(path) as db:
        return {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


# ------------------------------------------------------------------ the file


def test_the_log_lives_at_the_settings_database_in_wal_mode(log: UsageLog, tmp_path: Path) -> None:
    assert log.path == Settings(data_dir=tmp_path).database
    with raw(log.path) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert schema_version(db) == SCHEMA_VERSION


def test_the_database_and_the_salt_are_readable_by_their_owner_only(log: UsageLog, tmp_path: Path) -> None:
    assert stat.S_IMODE((tmp_path / SALT_NAME).stat().st_mode) == 0o600
    assert stat.S_IMODE(log.path.stat().st_mode) == 0o600


def test_the_salt_is_created_once_and_reused(tmp_path: Path) -> None:
    UsageLog.open(tmp_path).close()
    salt = (tmp_path / SALT_NAME).read_bytes()
    assert len(salt) == 32
    UsageLog.open(tmp_path).close()
    assert (tmp_path / SALT_NAME).read_bytes() == salt
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []  # no temporary file left


def test_a_salt_readable_by_others_is_made_private_again(tmp_path: Path) -> None:
    UsageLog.open(tmp_path).close()
    (tmp_path / SALT_NAME).chmod(0o644)
    UsageLog.open(tmp_path).close()
    assert stat.S_IMODE((tmp_path / SALT_NAME).stat().st_mode) == 0o600


def test_a_damaged_salt_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / SALT_NAME).write_bytes(b"short")
    with pytest.raises(UsageError, match=r"salt: expected 32 bytes, found 5"):
        UsageLog.open(tmp_path)


def test_a_file_that_is_not_a_database_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / DATABASE_NAME).write_bytes(b"this is not SQLite" * 100)
    with pytest.raises(UsageError, match="cannot open the usage log"):
        UsageLog.open(tmp_path)


def test_the_log_creates_its_data_dir(tmp_path: Path) -> None:
    with UsageLog.open(tmp_path / "a" / "b") as log:
        assert log.path.parent == tmp_path / "a" / "b"


# ------------------------------------------------------------------ migrations


@pytest.mark.parametrize("version", range(SCHEMA_VERSION))
def test_an_older_database_is_upgraded_with_its_rows(tmp_path: Path, version: int) -> None:
    """A database left at any earlier version (0: an empty file) is brought up to date, keeping its rows."""
    with raw(tmp_path / DATABASE_NAME) as db:
        apply_migrations(db, upto=version)
        assert schema_version(db) == version
        if version >= 1:  # the columns of the first version
            db.execute(
                "INSERT INTO questions (at, chat_kind, user_hash, question, normalised, decision, entry_id, score)"
                " VALUES (?, 'private', NULL, 'How many died?', 'how many died', 'none', 'toll', 0.4)",
                (START,),
            )
    with UsageLog.open(tmp_path, clock=Clock()) as log:
        groups = log.unanswered()
        log.record_inline_post(inline_message_id="m1", entry_id="toll", user_id=USER)
        assert log.inline_posts("toll") == ["m1"]
    with raw(tmp_path / DATABASE_NAME) as db:
        assert schema_version(db) == SCHEMA_VERSION
    if version == 0:
        assert groups == []
    else:
        [group] = groups
        assert group.key == question_key("how many died")
        assert (group.example, group.count, group.nearest_entry) == ("How many died?", 1, "toll")


def test_a_database_from_a_newer_bot_is_refused_and_left_alone(tmp_path: Path) -> None:
    UsageLog.open(tmp_path).close()
    with raw(tmp_path / DATABASE_NAME) as db:
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(SchemaTooNewError, match=r"schema version \d+, newer than this bot understands") as error:
        UsageLog.open(tmp_path)
    assert str(tmp_path / DATABASE_NAME) in str(error.value)
    with raw(tmp_path / DATABASE_NAME) as db:
        assert schema_version(db) == SCHEMA_VERSION + 1


# ------------------------------------------------------------------ privacy


def test_user_ids_are_never_stored_in_clear(tmp_path: Path, clock: Clock) -> None:
    with UsageLog.open(tmp_path, clock=clock) as log:
        ask(log, "How many died?", user_id=USER)
        log.record_feedback(entry_id="toll", user_id=USER, helpful=False, reason="wrong_figure")
        log.record_inline_post(inline_message_id="m1", entry_id="toll", user_id=USER)
        log.first_time_update(1)
    hashes: set[object] = set()
    with raw(tmp_path / DATABASE_NAME) as db:
        for table in tables(tmp_path / DATABASE_NAME):
            columns = [row[1] for row in db.execute(f"PRAGMA table_info({table})")]
            for row in db.execute(f"SELECT * FROM {table}"):
                for column, value in zip(columns, row, strict=True):
                    assert value != USER, (table, column)
                    assert str(USER) not in str(value), (table, column)
                    if column == "user_hash":
                        hashes.add(value)
    [user_hash] = hashes  # the same user is the same hash everywhere
    assert isinstance(user_hash, str)
    assert len(user_hash) == 32
    assert int(user_hash, 16) >= 0
    for path in tmp_path.iterdir():
        assert str(USER).encode() not in path.read_bytes(), path.name


def test_feedback_keeps_its_user_across_a_restart(tmp_path: Path) -> None:
    """The salt is reused, so a reason given after a restart still finds the user's 👎."""
    with UsageLog.open(tmp_path) as log:
        log.record_feedback(entry_id="toll", user_id=USER, helpful=False)
    with UsageLog.open(tmp_path) as log:
        assert log.set_feedback_reason(entry_id="toll", user_id=USER + 1, reason="wrong_match") is False
        assert log.set_feedback_reason(entry_id="toll", user_id=USER, reason="wrong_match") is True
        assert log.stats().feedback["toll"] == FeedbackCounts(0, 1, {"wrong_match": 1})


# ------------------------------------------------------------------ retention


def test_rows_older_than_the_retention_are_pruned(log: UsageLog, clock: Clock) -> None:
    ask(log, "How many died?")
    log.record_feedback(entry_id="toll", user_id=1, helpful=True)
    log.record_inline_post(inline_message_id="m1", entry_id="toll", user_id=1)
    clock.advance(days=89)
    ask(log, "Who counted?")
    assert log.prune() == 0
    clock.advance(days=2)
    assert log.prune() == 3
    assert [q.normalised for q in log.unanswered(days=365)] == ["who counted"]
    assert log.inline_posts("toll") == []
    assert log.stats(days=365).feedback == {}


def test_opening_the_log_prunes_it(tmp_path: Path, clock: Clock) -> None:
    with UsageLog.open(tmp_path, clock=clock) as log:
        ask(log, "How many died?")
    clock.advance(days=3)
    with UsageLog.open(tmp_path, clock=clock, retention_days=2) as log:
        assert log.unanswered(days=365) == []


# ------------------------------------------------------------------ unanswered


def test_unanswered_groups_by_normalised_text_most_frequent_first(log: UsageLog, clock: Clock) -> None:
    clock.advance(days=-8)
    for _ in range(10):
        ask(log, "An old question")  # outside the 7 days
    clock.advance(days=8)
    cases = [
        ("How many died?", "none", "toll", 0.42),
        ("Who is the minister?", "ambiguous", "minister", 0.7),
        ("official toll", "answer", "toll", 0.55),  # low confidence
        ("western estimate", "answer", "western", 0.9),  # confident: not listed
        ("how many DIED", "none", "western", 0.3),
        ("Is Putin ill?", "not_covered", "health", 0.8),  # the article says it does not know: not listed
        ("Official toll!", "answer", "toll", 0.5),
        ("HOW MANY DIED!!", "none", "toll", 0.45),
        ("What about Crimea?", "none", None, 0.0),
    ]
    for question, decision, entry_id, score in cases:
        clock.advance(seconds=60)
        ask(log, question, decision=decision, entry_id=entry_id, score=score)

    groups = log.unanswered()
    assert [(g.normalised, g.count) for g in groups] == [
        ("how many died", 3),
        ("official toll", 2),
        ("what about crimea", 1),  # ties: most recent first
        ("who is the minister", 1),
    ]
    died = groups[0]
    assert died.example == "HOW MANY DIED!!"
    assert (died.nearest_entry, died.nearest_score) == ("toll", 0.45)
    assert died.last_seen == dt.datetime.fromtimestamp(clock.now - 60, dt.UTC)
    assert died.key == hashlib.sha1(b"how many died").hexdigest()[:12]
    assert (groups[2].nearest_entry, groups[2].nearest_score) == (None, None)
    assert [g.normalised for g in log.unanswered(limit=2)] == ["how many died", "official toll"]
    assert [g.normalised for g in log.unanswered(low_confidence=0.5)][:2] == ["how many died", "what about crimea"]
    assert len(log.unanswered(days=30)) == 5


def test_ignored_groups_leave_the_report_for_good(tmp_path: Path, clock: Clock) -> None:
    with UsageLog.open(tmp_path, clock=clock) as log:
        for question in ("How many died?", "Who counted?", "Why so few?", "Where?"):
            ask(log, question)
        log.ignore(question_key("how many died"))
        log.ignore("who counted")
        log.ignore("WHY so few??")  # a question as asked is normalised
        assert [g.normalised for g in log.unanswered()] == ["where"]
    with UsageLog.open(tmp_path, clock=clock) as log:
        ask(log, "How many died")
        assert [g.normalised for g in log.unanswered()] == ["where"]
        hidden = log.unanswered_by_key(question_key("how many died"))
        assert hidden is not None
        assert hidden.count == 2


def test_a_group_is_found_again_by_its_key(log: UsageLog) -> None:
    ask(log, "How many died?", entry_id="toll", score=0.4)
    [group] = log.unanswered()
    assert len(group.key) <= 16
    assert log.unanswered_by_key(group.key) == group
    assert log.unanswered_by_key("000000000000") is None


# ------------------------------------------------------------------ stats


def test_stats_count_per_day_kind_entry_and_feedback(log: UsageLog, clock: Clock) -> None:
    clock.advance(days=-40)
    ask(log, "too old", decision="answer", entry_id="old", score=0.9)
    log.record_feedback(entry_id="old", user_id=1, helpful=True)
    clock.advance(days=39)  # yesterday
    for kind in ("private", "group", "group"):
        ask(log, "How many died?", decision="answer", entry_id="toll", score=0.9, chat_kind=kind)
    ask(log, "What about Crimea?", chat_kind="inline")
    clock.advance(days=1)  # today
    for index in range(12):
        for _ in range(index + 1):
            ask(log, f"question {index}", decision="answer", entry_id=f"entry-{index:02d}", score=0.9)
    log.record_feedback(entry_id="toll", user_id=1, helpful=True)
    log.record_feedback(entry_id="toll", user_id=2, helpful=False)
    log.record_feedback(entry_id="toll", user_id=3, helpful=False, reason="wrong_figure")
    log.record_feedback(entry_id="toll", user_id=2, helpful=False)
    assert log.set_feedback_reason(entry_id="toll", user_id=2, reason="missing_caveat")

    stats = log.stats()
    assert stats.per_day == (DayCount(dt.date(2024, 4, 30), 4, 3), DayCount(dt.date(2024, 5, 1), 78, 78))
    assert (stats.questions, stats.answered) == (82, 81)
    assert stats.answered_share == pytest.approx(81 / 82)
    assert dict(stats.by_kind) == {"private": 79, "group": 2, "inline": 1}
    assert list(stats.by_kind) == ["private", "group", "inline"]
    assert stats.top_entries[:3] == (EntryCount("entry-11", 12), EntryCount("entry-10", 11), EntryCount("entry-09", 10))
    assert len(stats.top_entries) == 10
    assert stats.top_entries[-1] == ("entry-02", 3)  # tied with toll: the first id wins the last place
    assert stats.feedback == {"toll": FeedbackCounts(1, 3, {"wrong_figure": 1, "missing_caveat": 1})}
    assert stats.since == dt.datetime(2024, 4, 1, 12, 0, tzinfo=dt.UTC)


def test_stats_of_an_empty_log(log: UsageLog) -> None:
    stats = log.stats(days=7)
    assert (stats.per_day, stats.questions, stats.answered_share, stats.top_entries) == ((), 0, 0.0, ())
    assert (dict(stats.by_kind), dict(stats.feedback)) == ({}, {})


def test_a_reason_goes_to_the_latest_thumbs_down_of_that_user_only(log: UsageLog, clock: Clock) -> None:
    log.record_feedback(entry_id="toll", user_id=1, helpful=True)
    assert log.set_feedback_reason(entry_id="toll", user_id=1, reason="wrong_match") is False
    log.record_feedback(entry_id="toll", user_id=1, helpful=False)
    clock.advance(seconds=1)
    log.record_feedback(entry_id="toll", user_id=1, helpful=False)
    assert log.set_feedback_reason(entry_id="toll", user_id=1, reason="wrong_match") is True
    assert log.set_feedback_reason(entry_id="other", user_id=1, reason="wrong_match") is False
    assert log.stats().feedback["toll"] == FeedbackCounts(1, 2, {"wrong_match": 1})


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda log: ask(log, "q", chat_kind="supergroup"), "chat_kind must be one of"),
        (lambda log: ask(log, "q", decision="maybe"), "decision must be one of"),
        (lambda log: ask(log, "q", score=float("nan")), "score must be a finite number"),
        (lambda log: log.record_feedback(entry_id="e", user_id=1, helpful=False, reason="rude"), "reason must be"),
        (lambda log: log.record_feedback(entry_id="e", user_id=1, helpful=True, reason="wrong_match"), "a 👎"),
        (lambda log: log.set_feedback_reason(entry_id="e", user_id=1, reason="rude"), "reason must be"),
        (lambda log: log.unanswered(days=0), "days must be at least 1"),
        (lambda log: log.stats(days=-1), "days must be at least 1"),
    ],
)
def test_bad_values_are_refused(log: UsageLog, call: Callable[[UsageLog], object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        call(log)


# ------------------------------------------------------------------ updates and inline posts


def test_update_ids_are_deduplicated_across_a_restart(tmp_path: Path) -> None:
    """The database survives a restart: an update seen before it is not handled again after."""
    with UsageLog.open(tmp_path) as log:
        assert log.first_time_update(100) is True
        assert log.first_time_update(100) is False
    with UsageLog.open(tmp_path) as log:
        assert log.first_time_update(100) is False
        assert log.first_time_update(101) is True


def test_only_the_latest_update_ids_are_remembered(tmp_path: Path) -> None:
    with UsageLog.open(tmp_path, update_memory=3) as log:
        assert all(log.first_time_update(update_id) for update_id in (50, 10, 30, 20, 40))
        assert [log.first_time_update(update_id) for update_id in (30, 20, 40)] == [False, False, False]
        assert log.first_time_update(50) is True  # the oldest arrivals were forgotten
    with raw(tmp_path / DATABASE_NAME) as db:
        assert db.execute("SELECT COUNT(*) FROM seen_updates").fetchone()[0] == 3


def _held_question(log: UsageLog, question: str) -> None:
    log.record_question(
        deferred=True,
        chat_kind="private",
        user_id=1,
        question=question,
        normalised=normalise(question),
        decision="none",
        entry_id=None,
        score=0.0,
    )


def test_a_deferred_question_is_written_with_the_updates_mark_in_one_transaction(tmp_path: Path) -> None:
    database = tmp_path / DATABASE_NAME
    with UsageLog.open(tmp_path) as log:
        _held_question(log, "How many died?")
        with raw(database) as db:  # not on disk yet: a crash now loses the row and the mark together
            assert db.execute("SELECT COUNT(*) FROM questions").fetchone()[0] == 0
        assert log.first_time_update(41) is True
        with raw(database) as db:
            assert db.execute("SELECT question FROM questions").fetchall() == [("How many died?",)]
            assert db.execute("SELECT update_id FROM seen_updates").fetchall() == [(41,)]


def test_deferred_questions_are_seen_by_reports_and_written_on_close(tmp_path: Path) -> None:
    with UsageLog.open(tmp_path) as log:
        _held_question(log, "How many died?")
        assert [g.count for g in log.unanswered()] == [1]
        _held_question(log, "Who won the war?")
    with UsageLog.open(tmp_path) as log:
        assert sorted(g.example for g in log.unanswered()) == ["How many died?", "Who won the war?"]
        assert log.first_time_update(43) is True  # written by the close, not marked: handled again


def test_inline_posts_are_recorded_once_and_listed_per_entry(log: UsageLog) -> None:
    for message_id, entry_id in [("m1", "toll"), ("m2", "western"), ("m1", "toll"), ("m3", "toll")]:
        log.record_inline_post(inline_message_id=message_id, entry_id=entry_id, user_id=USER)
    assert log.inline_posts("toll") == ["m1", "m3"]
    assert log.inline_posts("western") == ["m2"]
    log.forget_inline_post("m1")
    log.forget_inline_post("never-posted")
    assert log.inline_posts("toll") == ["m3"]
    assert log.inline_posts("nothing") == []


def test_two_processes_share_the_log(tmp_path: Path) -> None:
    """The bot writes while an admin's report reads: WAL lets both open the file."""
    with UsageLog.open(tmp_path) as bot, UsageLog.open(tmp_path) as admin:
        ask(bot, "How many died?")
        assert [g.count for g in admin.unanswered()] == [1]
        assert admin.first_time_update(7) is True
        assert bot.first_time_update(7) is False


def test_the_log_can_be_used_from_several_threads(log: UsageLog) -> None:
    def record() -> None:
        for _ in range(20):
            ask(log, "How many died?")

    workers = [threading.Thread(target=record) for _ in range(4)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert [g.count for g in log.unanswered()] == [80]


# ------------------------------------------------------------------ text is data


def test_sql_in_a_question_is_stored_verbatim_and_runs_nowhere(log: UsageLog) -> None:
    attack = "'); DROP TABLE questions; --"
    before = tables(log.path)
    ask(log, attack, entry_id=attack, score=0.1)
    log.record_feedback(entry_id=attack, user_id=1, helpful=False)
    log.ignore(attack + " x")
    [group] = log.unanswered()
    assert (group.example, group.nearest_entry) == (attack, attack)
    assert tables(log.path) == before
    assert "questions" in before


def test_lone_surrogates_are_stored_as_replacement_characters(log: UsageLog) -> None:
    ask(log, "bad \ud83d half")
    [group] = log.unanswered()
    assert group.example == "bad \ufffd half"


@pytest.fixture(scope="module")
def shared_log() -> Iterator[UsageLog]:
    """One log for every example of a property test (Hypothesis runs the test many times)."""
    with tempfile.TemporaryDirectory() as directory, UsageLog.open(Path(directory)) as log:
        yield log


@settings(max_examples=60, deadline=None)
@given(question=st.text() | st.text(min_size=990, max_size=1100))
@example(question="\x00 NUL, emoji 🇺🇦, RTL \u202e, newline\n, and 'quotes'")
@example(question="x" * 1500)
def test_any_question_is_read_back_verbatim_up_to_1000_characters(shared_log: UsageLog, question: str) -> None:
    normalised = f"{uuid.uuid4().hex} {question}"  # a group of its own
    shared_log.record_question(
        chat_kind="inline",
        user_id=None,
        question=question,
        normalised=normalised,
        decision="none",
        entry_id=None,
        score=0.0,
    )
    group = shared_log.unanswered_by_key(question_key(normalised[:1000]))
    assert group is not None
    assert group.example == question[:1000]
    assert group.normalised == normalised[:1000]
