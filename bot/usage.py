"""The usage log admins learn from: questions asked, how they were answered, feedback, in one SQLite file.

Privacy by construction: no names are stored, and a user id only as a keyed hash (HMAC-SHA256 with a
random salt kept next to the database), enough to attach a reason to "this user's 👎" and nothing more.
Rows older than the retention period are deleted when the log is opened and by ``prune()``.

Times: the database stores epoch seconds (UTC); the API returns timezone-aware UTC ``datetime`` values
and the ``clock`` parameter, like ``time.time``, returns epoch seconds.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import math
import os
import re
import secrets
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import NamedTuple, Self

from bot.core.matcher import Decision
from bot.core.text import normalise

DATABASE_NAME = "usage.sqlite3"  # the same file as Settings.database
SALT_NAME = "salt"
SALT_BYTES = 32
USER_HASH_CHARS = 32  # 16 bytes of HMAC-SHA256, as hex
KEY_CHARS = 12  # of sha1(normalised), as hex: short enough for Telegram callback data
MAX_QUESTION_CHARS = 1000
UPDATE_MEMORY = 100_000
CHAT_KINDS = frozenset({"private", "group", "channel", "inline"})
DECISIONS = frozenset(decision.value for decision in Decision)
FEEDBACK_REASONS = ("wrong_match", "wrong_figure", "missing_caveat")
TOP_ENTRIES = 10
DAY_SECONDS = 86_400
BUSY_TIMEOUT_SECONDS = 5.0

_SURROGATE_RE = re.compile("[\ud800-\udfff]")


_INSERT_QUESTION = (
    "INSERT INTO questions (at, chat_kind, user_hash, question, normalised, decision, entry_id, score, key)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


class UsageError(Exception):
    """The usage log cannot be used: the message names the file and says what to do."""


class SchemaTooNewError(UsageError):
    """The database was written by a newer version of the bot than this one."""


# -- results ------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class UnansweredQuestion:
    """A group of questions with the same normalised text that the bot did not answer confidently."""

    key: str  # first 12 hex digits of sha1(normalised): stable, fits in callback data
    normalised: str
    example: str  # the most recent original wording
    count: int
    last_seen: dt.datetime
    nearest_entry: str | None  # the entry most often recorded for the group
    nearest_score: float | None  # the best score that entry reached in the group


class DayCount(NamedTuple):
    """Questions asked on one UTC day, and how many of them were answered."""

    day: dt.date
    questions: int
    answered: int


class EntryCount(NamedTuple):
    """How often an entry was given as the answer."""

    entry_id: str
    answered: int


@dataclass(frozen=True, slots=True)
class FeedbackCounts:
    """👍 and 👎 on one entry, with the reasons given for the 👎."""

    helpful: int = 0
    unhelpful: int = 0
    reasons: Mapping[str, int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Stats:
    """Usage over a period: volume per day and chat kind, the most used entries and their feedback."""

    days: int
    since: dt.datetime
    questions: int
    answered: int
    answered_share: float  # answered / questions; 0.0 when nothing was asked
    per_day: tuple[DayCount, ...]  # oldest first; only days with questions
    by_kind: Mapping[str, int]  # most questions first
    top_entries: tuple[EntryCount, ...]  # most answered first, at most 10
    feedback: Mapping[str, FeedbackCounts]  # by entry id

    @classmethod
    def empty(cls, *, days: int, now: float) -> Stats:
        """The stats of a log with nothing in it."""
        return cls(days, _utc(now - days * DAY_SECONDS), 0, 0, 0.0, (), {}, (), {})


def question_key(normalised: str) -> str:
    """The short stable id of a group of questions."""
    return hashlib.sha1(normalised.encode("utf-8"), usedforsecurity=False).hexdigest()[:KEY_CHARS]


# -- schema -------------------------------------------------------------------------------------------

Migration = Callable[[sqlite3.Connection], None]


def _script(*statements: str) -> Migration:
    """A migration made of SQL statements, run in order."""

    def run(connection: sqlite3.Connection) -> None:
        for statement in statements:
            connection.execute(statement)

    return run


def _add_question_keys(connection: sqlite3.Connection) -> None:
    """Give every question its group key (computed in Python) and hide groups by key: version 3."""
    connection.execute("ALTER TABLE questions ADD COLUMN key TEXT NOT NULL DEFAULT ''")
    groups = [row[0] for row in connection.execute("SELECT DISTINCT normalised FROM questions")]
    connection.executemany("UPDATE questions SET key = ? WHERE normalised = ?", [(question_key(n), n) for n in groups])
    connection.execute("CREATE INDEX questions_by_key ON questions (key)")
    connection.execute("CREATE INDEX questions_by_normalised ON questions (normalised, at)")
    connection.execute("CREATE TABLE ignored (normalised TEXT PRIMARY KEY, key TEXT NOT NULL, at REAL NOT NULL)")


# Append only: a released migration never changes, since databases in the field have run it.
MIGRATIONS: tuple[Migration, ...] = (
    _script(
        """CREATE TABLE questions (
            id INTEGER PRIMARY KEY,
            at REAL NOT NULL,
            chat_kind TEXT NOT NULL,
            user_hash TEXT,
            question TEXT NOT NULL,
            normalised TEXT NOT NULL,
            decision TEXT NOT NULL,
            entry_id TEXT,
            score REAL NOT NULL
        )""",
        "CREATE INDEX questions_by_time ON questions (at)",
        """CREATE TABLE feedback (
            id INTEGER PRIMARY KEY,
            at REAL NOT NULL,
            entry_id TEXT NOT NULL,
            user_hash TEXT,
            helpful INTEGER NOT NULL CHECK (helpful IN (0, 1)),
            reason TEXT
        )""",
        "CREATE INDEX feedback_by_time ON feedback (at)",
        "CREATE INDEX feedback_by_user ON feedback (entry_id, user_hash)",
        # seq keeps arrival order, so the oldest ids are dropped first even if Telegram restarts its counter.
        "CREATE TABLE seen_updates (seq INTEGER PRIMARY KEY, update_id INTEGER NOT NULL UNIQUE)",
    ),
    _script(
        """CREATE TABLE inline_posts (
            inline_message_id TEXT PRIMARY KEY,
            entry_id TEXT NOT NULL,
            user_hash TEXT,
            at REAL NOT NULL
        )""",
        "CREATE INDEX inline_posts_by_entry ON inline_posts (entry_id)",
        "CREATE INDEX inline_posts_by_time ON inline_posts (at)",
    ),
    _add_question_keys,
    # Posted answers are corrected in the language they were posted in.
    _script("ALTER TABLE inline_posts ADD COLUMN language TEXT NOT NULL DEFAULT 'en'"),
)
SCHEMA_VERSION = len(MIGRATIONS)
RECENT_UPDATES = 10_000  # update ids kept in memory for the once-only check


def schema_version(connection: sqlite3.Connection) -> int:
    """The ``PRAGMA user_version`` of a database: how many migrations it has run."""
    version: int = connection.execute("PRAGMA user_version").fetchone()[0]
    return version


def _known_version(connection: sqlite3.Connection) -> int:
    """The schema version, or ``SchemaTooNewError`` if a newer bot wrote the database."""
    version = schema_version(connection)
    if version > SCHEMA_VERSION:
        path = connection.execute("PRAGMA database_list").fetchone()[2]
        raise SchemaTooNewError(
            f"{path}: the usage log has schema version {version}, newer than this bot understands "
            f"({SCHEMA_VERSION}); upgrade the bot or point BOT_DATA_DIR at another directory"
        )
    return version


def apply_migrations(connection: sqlite3.Connection, *, upto: int = SCHEMA_VERSION) -> None:
    """Bring a database (opened with ``isolation_level=None``) to version ``upto``, one transaction each."""
    while True:
        connection.execute("BEGIN IMMEDIATE")  # read the version under the write lock: one migrator at a time
        try:
            version = _known_version(connection)
            if version >= upto:
                connection.execute("COMMIT")
                return
            MIGRATIONS[version](connection)
            # PRAGMA takes no bound parameters; the value is an int from this loop, never input.
            connection.execute(f"PRAGMA user_version = {version + 1:d}")
        except BaseException:
            if connection.in_transaction:  # some errors end the transaction themselves
                connection.execute("ROLLBACK")
            raise
        connection.execute("COMMIT")


# -- files --------------------------------------------------------------------------------------------


def _load_salt(path: Path) -> bytes:
    """The salt of the user hashes: created once (0600, atomically), then reused."""
    try:
        salt = path.read_bytes()
    except FileNotFoundError:
        salt = _create_salt(path)
    else:
        if path.stat().st_mode & 0o077:
            path.chmod(0o600)
    if len(salt) != SALT_BYTES:
        raise UsageError(
            f"{path}: expected {SALT_BYTES} bytes, found {len(salt)}; restore the file, or delete it "
            "to start a new one (feedback already recorded will no longer match its users)"
        )
    return salt


def _create_salt(path: Path) -> bytes:
    salt = secrets.token_bytes(SALT_BYTES)
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(8)}.tmp")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        try:
            os.fchmod(descriptor, 0o600)  # whatever the umask
            os.write(descriptor, salt)
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
        try:
            # A hard link appears whole and never replaces a salt another process created first.
            os.link(temporary, path)
        except FileExistsError:
            return path.read_bytes()
    finally:
        temporary.unlink(missing_ok=True)
    return salt


def _create_private(path: Path) -> None:
    """Create an empty database file readable by its owner only; SQLite gives its WAL the same mode."""
    with suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))


def _utc(epoch: float) -> dt.datetime:
    return dt.datetime.fromtimestamp(epoch, tz=dt.UTC)


def _storable(text: str) -> str:
    """At most 1,000 characters that SQLite can store: lone surrogates (from bad JSON) become U+FFFD."""
    return _SURROGATE_RE.sub("\ufffd", text[:MAX_QUESTION_CHARS])


def _positive(name: str, value: int) -> None:
    if value < 1:
        raise ValueError(f"{name} must be at least 1, not {value}")


def _reason(reason: str) -> str:
    if reason not in FEEDBACK_REASONS:
        raise ValueError(f"reason must be one of {', '.join(FEEDBACK_REASONS)}, not {reason!r}")
    return reason


# -- the log ------------------------------------------------------------------------------------------

_UNANSWERED_ROWS = "(decision IN (:none, :ambiguous) OR (decision = :answer AND score < :low_confidence))"

_GROUPS_SQL = f"""
    SELECT normalised, COUNT(*) AS asked, MAX(at) AS last_at
    FROM questions
    WHERE at >= :since AND {_UNANSWERED_ROWS}
      AND normalised NOT IN (SELECT normalised FROM ignored)
    GROUP BY normalised
    ORDER BY asked DESC, last_at DESC, normalised
    LIMIT :limit
"""  # noqa: S608 - the only interpolation is the constant above; values are bound

_GROUP_BY_KEY_SQL = f"""
    SELECT normalised, COUNT(*) AS asked, MAX(at) AS last_at
    FROM questions
    WHERE key = :key AND at >= :since AND {_UNANSWERED_ROWS}
    GROUP BY normalised
    ORDER BY asked DESC, last_at DESC, normalised
    LIMIT 1
"""  # noqa: S608 - as above

_EXAMPLE_SQL = f"""
    SELECT question FROM questions
    WHERE normalised = :normalised AND at >= :since AND {_UNANSWERED_ROWS}
    ORDER BY at DESC, id DESC
    LIMIT 1
"""  # noqa: S608 - as above

_NEAREST_SQL = f"""
    SELECT entry_id, MAX(score) FROM questions
    WHERE normalised = :normalised AND at >= :since AND {_UNANSWERED_ROWS} AND entry_id IS NOT NULL
    GROUP BY entry_id
    ORDER BY COUNT(*) DESC, MAX(at) DESC, entry_id
    LIMIT 1
"""  # noqa: S608 - as above


class UsageLog:
    """The usage log in ``data_dir/usage.sqlite3``; open with ``UsageLog.open``, one per process is enough."""

    def __init__(
        self,
        connection: sqlite3.Connection,
        *,
        path: Path,
        salt: bytes,
        retention_days: int,
        clock: Callable[[], float],
        update_memory: int,
    ) -> None:
        """Wrap an open, migrated connection; use ``UsageLog.open`` instead."""
        self.path = path
        self.retention_days = retention_days
        self._connection = connection
        self._salt = salt
        self._clock = clock
        self._update_memory = update_memory
        self._lock = threading.RLock()  # the connection may be used from a worker thread too
        # Deferred question rows: written by the next transaction (in the bot, the update's once-only mark).
        self._held: list[tuple[object, ...]] = []
        self._closed = False
        # The recently handled update ids, in memory: checking one is on every update's path, and only
        # recent updates are ever delivered again (those unconfirmed when a bot was killed).
        rows = connection.execute(
            "SELECT update_id FROM seen_updates ORDER BY seq DESC LIMIT ?", (RECENT_UPDATES,)
        ).fetchall()
        self._recent_updates: set[int] = {row[0] for row in rows}

    @classmethod
    def open(
        cls,
        data_dir: Path,
        *,
        retention_days: int = 90,
        clock: Callable[[], float] = time.time,
        update_memory: int = UPDATE_MEMORY,
    ) -> UsageLog:
        """Open (creating or upgrading) the log in ``data_dir`` and prune rows past retention."""
        _positive("retention_days", retention_days)
        _positive("update_memory", update_memory)
        data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        salt = _load_salt(data_dir / SALT_NAME)
        path = data_dir / DATABASE_NAME
        _create_private(path)
        connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None, check_same_thread=False)
        try:
            connection.execute("PRAGMA journal_mode = WAL")
            connection.execute("PRAGMA synchronous = NORMAL")
            connection.execute("PRAGMA foreign_keys = ON")
            apply_migrations(connection)
            log = cls(
                connection,
                path=path,
                salt=salt,
                retention_days=retention_days,
                clock=clock,
                update_memory=update_memory,
            )
            log.prune()
        except sqlite3.DatabaseError as error:
            connection.close()
            raise UsageError(f"{path}: cannot open the usage log: {error}") from error
        except BaseException:
            connection.close()
            raise
        return log

    def close(self) -> None:
        """Write what is held, then close the database; calling it again does nothing."""
        with self._lock:
            if not self._closed:
                if self._held:
                    with self._transaction():
                        pass  # the transaction writes the held rows
                self._closed = True
                self._connection.close()

    def __enter__(self) -> Self:
        """The log itself, closed on exit."""
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        """Close the log."""
        self.close()

    @contextmanager
    def _transaction(self, *, write: bool = True) -> Iterator[sqlite3.Connection]:
        """One transaction: the writer lock taken up front for writes, one consistent snapshot for reads."""
        with self._lock:
            held = self._held
            self._connection.execute("BEGIN IMMEDIATE" if write or held else "BEGIN")
            try:
                if held:  # every reader sees every question asked so far
                    self._held = []
                    self._connection.executemany(_INSERT_QUESTION, held)
                yield self._connection
            except BaseException:
                if self._connection.in_transaction:  # some errors end the transaction themselves
                    self._connection.execute("ROLLBACK")
                raise
            self._connection.execute("COMMIT")

    def _user_hash(self, user_id: int | None) -> str | None:
        if user_id is None:
            return None
        digest = hmac.new(self._salt, str(user_id).encode("ascii"), hashlib.sha256).hexdigest()
        return digest[:USER_HASH_CHARS]

    # -- recording -------------------------------------------------------------------------------------

    def record_question(
        self,
        *,
        chat_kind: str,
        user_id: int | None,
        question: str,
        normalised: str,
        decision: str,
        entry_id: str | None,
        score: float,
        deferred: bool = False,
    ) -> None:
        """Log one question and what the bot did with it; the texts are cut to 1,000 characters.

        ``deferred``: the row is held and written by the next transaction, which in the bot is the update's
        once-only mark (``first_time_update``), or any read or close: one write per update instead of two.
        """
        if chat_kind not in CHAT_KINDS:
            raise ValueError(f"chat_kind must be one of {', '.join(sorted(CHAT_KINDS))}, not {chat_kind!r}")
        if decision not in DECISIONS:
            raise ValueError(f"decision must be one of {', '.join(sorted(DECISIONS))}, not {decision!r}")
        if not math.isfinite(score):
            raise ValueError(f"score must be a finite number, not {score!r}")
        normalised = _storable(normalised)
        row = (
            self._clock(),
            chat_kind,
            self._user_hash(user_id),
            _storable(question),
            normalised,
            Decision(decision).value,
            entry_id,
            float(score),
            question_key(normalised),
        )
        if deferred:
            with self._lock:
                self._held.append(row)
            return
        with self._transaction() as db:
            db.execute(_INSERT_QUESTION, row)

    def record_feedback(self, *, entry_id: str, user_id: int | None, helpful: bool, reason: str | None = None) -> None:
        """Log a 👍 or 👎 on an entry; a 👎 may carry a reason (one of ``FEEDBACK_REASONS``)."""
        if reason is not None:
            _reason(reason)
            if helpful:
                raise ValueError("a reason explains a 👎: it cannot come with helpful=True")
        with self._transaction() as db:
            db.execute(
                "INSERT INTO feedback (at, entry_id, user_hash, helpful, reason) VALUES (?, ?, ?, ?, ?)",
                (self._clock(), entry_id, self._user_hash(user_id), int(helpful), reason),
            )

    def set_feedback_reason(self, *, entry_id: str, user_id: int | None, reason: str) -> bool:
        """Attach a reason to this user's latest 👎 on the entry; False if there is none."""
        _reason(reason)
        with self._transaction() as db:
            cursor = db.execute(
                "UPDATE feedback SET reason = ? WHERE id = ("
                " SELECT id FROM feedback WHERE entry_id = ? AND user_hash IS ? AND helpful = 0"
                " ORDER BY at DESC, id DESC LIMIT 1)",
                (reason, entry_id, self._user_hash(user_id)),
            )
            return cursor.rowcount == 1

    def record_inline_post(
        self, *, inline_message_id: str, entry_id: str, user_id: int | None, language: str = "en"
    ) -> None:
        """Remember that an inline answer of the entry was posted; recording the same message again does nothing."""
        with self._transaction() as db:
            db.execute(
                "INSERT INTO inline_posts (inline_message_id, entry_id, user_hash, at, language)"
                " VALUES (?, ?, ?, ?, ?) ON CONFLICT (inline_message_id) DO NOTHING",
                (inline_message_id, entry_id, self._user_hash(user_id), self._clock(), language),
            )

    def posted_answers(self, entry_id: str) -> list[tuple[str, str]]:
        """(inline message id, language) of the posted answers of an entry, oldest first."""
        with self._transaction(write=False) as db:
            rows = db.execute(
                "SELECT inline_message_id, language FROM inline_posts WHERE entry_id = ? ORDER BY at, rowid",
                (entry_id,),
            ).fetchall()
        return [(row[0], row[1]) for row in rows]

    def inline_posts(self, entry_id: str) -> list[str]:
        """The inline message ids of the posted answers of an entry, oldest first."""
        with self._transaction(write=False) as db:
            rows = db.execute(
                "SELECT inline_message_id FROM inline_posts WHERE entry_id = ? ORDER BY at, rowid", (entry_id,)
            ).fetchall()
        return [row[0] for row in rows]

    def forget_inline_post(self, inline_message_id: str) -> None:
        """Stop tracking a posted inline answer (e.g. the message was deleted)."""
        with self._transaction() as db:
            db.execute("DELETE FROM inline_posts WHERE inline_message_id = ?", (inline_message_id,))

    def update_seen(self, update_id: int) -> bool:
        """True when ``first_time_update`` has already recorded this update id (read only, in memory)."""
        return update_id in self._recent_updates

    def first_time_update(self, update_id: int) -> bool:
        """True the first time an update id is seen, False after, across restarts (the last 100,000 ids)."""
        if len(self._recent_updates) >= 2 * RECENT_UPDATES:
            self._recent_updates = set(sorted(self._recent_updates)[-RECENT_UPDATES:])
        self._recent_updates.add(update_id)
        with self._transaction() as db:
            cursor = db.execute("INSERT OR IGNORE INTO seen_updates (update_id) VALUES (?)", (update_id,))
            if cursor.rowcount != 1:
                return False
            assert cursor.lastrowid is not None  # an insert into a rowid table always has one
            db.execute("DELETE FROM seen_updates WHERE seq <= ?", (cursor.lastrowid - self._update_memory,))
            return True

    # -- reading ---------------------------------------------------------------------------------------

    def unanswered(self, *, days: int = 7, limit: int = 20, low_confidence: float = 0.6) -> list[UnansweredQuestion]:
        """Not answered, ambiguous or low-confidence questions of the last ``days``, most frequent first."""
        _positive("days", days)
        _positive("limit", limit)
        params = self._unanswered_params(since=self._clock() - days * DAY_SECONDS, low_confidence=low_confidence)
        with self._transaction(write=False) as db:
            groups = db.execute(_GROUPS_SQL, {**params, "limit": limit}).fetchall()
            return [self._describe(db, params, *group) for group in groups]

    def unanswered_by_key(self, key: str, *, low_confidence: float = 0.6) -> UnansweredQuestion | None:
        """The group with this key over the whole log (ignored or not), or None."""
        params = self._unanswered_params(since=0.0, low_confidence=low_confidence)
        with self._transaction(write=False) as db:
            group = db.execute(_GROUP_BY_KEY_SQL, {**params, "key": key}).fetchone()
            return None if group is None else self._describe(db, params, *group)

    @staticmethod
    def _unanswered_params(*, since: float, low_confidence: float) -> dict[str, object]:
        return {
            "since": since,
            "low_confidence": low_confidence,
            "none": Decision.NONE.value,
            "ambiguous": Decision.AMBIGUOUS.value,
            "answer": Decision.ANSWER.value,
        }

    @staticmethod
    def _describe(
        db: sqlite3.Connection, params: Mapping[str, object], normalised: str, count: int, last_at: float
    ) -> UnansweredQuestion:
        group_params = {**params, "normalised": normalised}
        example = db.execute(_EXAMPLE_SQL, group_params).fetchone()
        nearest = db.execute(_NEAREST_SQL, group_params).fetchone()
        return UnansweredQuestion(
            key=question_key(normalised),
            normalised=normalised,
            example=example[0],
            count=count,
            last_seen=_utc(last_at),
            nearest_entry=None if nearest is None else nearest[0],
            nearest_score=None if nearest is None else nearest[1],
        )

    def ignore(self, key_or_normalised: str) -> None:
        """Hide a group from the unanswered report for good: by key, normalised text or the question itself."""
        with self._transaction() as db:
            row = db.execute(
                "SELECT normalised FROM questions WHERE key = ? OR normalised = ? ORDER BY key = ? DESC LIMIT 1",
                (key_or_normalised, key_or_normalised, key_or_normalised),
            ).fetchone()
            normalised = row[0] if row is not None else _storable(normalise(key_or_normalised))
            db.execute(
                "INSERT INTO ignored (normalised, key, at) VALUES (?, ?, ?) ON CONFLICT (normalised) DO NOTHING",
                (normalised, question_key(normalised), self._clock()),
            )

    def stats(self, *, days: int = 30) -> Stats:
        """Usage over the last ``days``: per day (UTC), per chat kind, top answered entries and feedback."""
        _positive("days", days)
        since = self._clock() - days * DAY_SECONDS
        answer = Decision.ANSWER.value
        with self._transaction(write=False) as db:
            per_day = tuple(
                DayCount(dt.date.fromisoformat(day), questions, answered)
                for day, questions, answered in db.execute(
                    "SELECT date(at, 'unixepoch') AS day, COUNT(*), SUM(decision = ?) FROM questions"
                    " WHERE at >= ? GROUP BY day ORDER BY day",
                    (answer, since),
                )
            )
            by_kind = dict(
                db.execute(
                    "SELECT chat_kind, COUNT(*) AS asked FROM questions WHERE at >= ?"
                    " GROUP BY chat_kind ORDER BY asked DESC, chat_kind",
                    (since,),
                ).fetchall()
            )
            top_entries = tuple(
                EntryCount(entry_id, answered)
                for entry_id, answered in db.execute(
                    "SELECT entry_id, COUNT(*) AS answered FROM questions"
                    " WHERE at >= ? AND decision = ? AND entry_id IS NOT NULL"
                    " GROUP BY entry_id ORDER BY answered DESC, entry_id LIMIT ?",
                    (since, answer, TOP_ENTRIES),
                )
            )
            reasons: dict[str, dict[str, int]] = {}
            for entry_id, reason, count in db.execute(
                "SELECT entry_id, reason, COUNT(*) FROM feedback"
                " WHERE at >= ? AND helpful = 0 AND reason IS NOT NULL"
                " GROUP BY entry_id, reason ORDER BY entry_id, reason",
                (since,),
            ):
                reasons.setdefault(entry_id, {})[reason] = count
            feedback = {
                entry_id: FeedbackCounts(helpful, unhelpful, reasons.get(entry_id, {}))
                for entry_id, helpful, unhelpful in db.execute(
                    "SELECT entry_id, SUM(helpful), SUM(1 - helpful) FROM feedback"
                    " WHERE at >= ? GROUP BY entry_id ORDER BY entry_id",
                    (since,),
                )
            }
        questions = sum(day.questions for day in per_day)
        answered = sum(day.answered for day in per_day)
        return Stats(
            days=days,
            since=_utc(since),
            questions=questions,
            answered=answered,
            answered_share=answered / questions if questions else 0.0,
            per_day=per_day,
            by_kind=by_kind,
            top_entries=top_entries,
            feedback=feedback,
        )

    def prune(self) -> int:
        """Delete questions, feedback and inline posts older than the retention period; return how many."""
        cutoff = self._clock() - self.retention_days * DAY_SECONDS
        with self._transaction() as db:
            return sum(
                db.execute(statement, (cutoff,)).rowcount
                for statement in (
                    "DELETE FROM questions WHERE at < ?",
                    "DELETE FROM feedback WHERE at < ?",
                    "DELETE FROM inline_posts WHERE at < ?",
                )
            )
