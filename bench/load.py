"""Load benchmark: thousands of updates through the real application, beside a minimal echo bot.

    python bench/load.py [--updates N] [--quick] [--rounds R] [--profile] [--tracemalloc] [--reply-delay MS]

Both bots poll a loopback Bot API emulator (tests/botapi_emulator.py) over real HTTP on 127.0.0.1:

* **ours**: ``bot.app.build_application`` served by ``bot.app.serve``, as ``python -m bot run`` does, with
  the flood limits out of the way (``send_rate_per_second`` and ``group_rate_per_minute`` at 10^6,
  ``user_questions`` at 10^6), so the bot is measured, not Telegram's limits;
* **echo**: a bare python-telegram-bot ``Application`` (no rate limiter) with one ``MessageHandler``
  replying with the text and one ``InlineQueryHandler`` answering one article.

The load (``--updates``, default 5,000; ``--quick``: 500): ~50% private questions from 500 users,
~30% ``/ask <question>`` in 20 supergroups, ~20% inline queries, the questions drawn from
bench/data (curated wording, paraphrases, typos, out-of-scope questions). Both bots get the same
updates. Phases, per bot:

1. **burst**: every update is queued at once while the bot is idle-polling; throughput is the number
   of updates answered over the time from the first update queued to the last reply received. Two
   rounds by default (``--rounds``), in the order echo, ours, ours, echo; the best burst of each bot
   counts, so a moment of interference from other processes on the machine weighs less;
2. **steady 25%** and **steady 50%**: updates queued at a fixed rate, the same for both bots: a quarter
   and a half of the slower bot's best burst throughput, at most 15 s of updates each. Latency here is
   that of a bot that is not handed a backlog (one update per getUpdates, so more work per update than in
   the burst: a bot may fall behind at half its burst throughput).

Latency runs from the moment the emulator queued an update (taken in the emulator just before it is
queued) to the moment the reply (``sendMessage``/``answerInlineQuery``) reached the emulator (the
emulator's ``Call.at``): one clock, one process. Replies are matched to updates by inline query id, by
chat id + ``reply_parameters.message_id`` in groups (both bots quote there), and in private chats
(neither bot quotes there) by order within the chat: the k-th reply in a chat answers the k-th question.

Processes: the emulator, each bot and this driver run in separate processes (``spawn``), so the
emulator does not share a GIL with the bot it serves. Each bot gets its own emulator instance
(fresh state, same configuration). The driver only sleeps and polls the emulator every 50 ms.
The emulator's inline-query timeout is raised to an hour so that late answers are measured rather
than rejected; how many would have missed its default 15 s is reported.

Memory: VmRSS of the bot process once it is serving and idle, and its peak (``ru_maxrss``) at the
end. ``--tracemalloc`` also traces Python allocations in both bots (it slows them down: throughput
from such a run is not comparable). ``--profile`` runs cProfile in both bots during the burst and
prints their top functions (same caveat). ``--reply-delay MS`` makes the emulator hold every reply
that long before answering it, a stand-in for the round trip to Telegram: both bots wait for each
reply before the next update, so it bounds their throughput (latency still ends when the reply
reaches the emulator, before the hold). Use it with a small ``--updates``.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import cProfile
import importlib
import io
import logging
import math
import multiprocessing as mp
import os
import platform
import pstats
import random
import resource
import sys
import tempfile
import threading
import time
import tracemalloc
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from multiprocessing.context import SpawnContext, SpawnProcess
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

ROOT = Path(__file__).resolve().parent.parent
for _extra in (ROOT, ROOT / "tests", ROOT / "bench"):
    if str(_extra) not in sys.path:
        sys.path.insert(0, str(_extra))

if TYPE_CHECKING:
    from telegram import Update
    from telegram.ext import ContextTypes

# Nothing from the bot, telegram or the emulator is imported at the top: a spawned bot process
# imports this module first, and the echo bot's memory must not include our bot's modules.

TOKEN = "123456:LOAD-bench-token"
SEED = 5000
STEADY_SEED = 5001
PRIVATE, GROUP, INLINE = "private", "group", "inline"
KINDS = (PRIVATE, GROUP, INLINE)
MIX = {PRIVATE: 0.5, GROUP: 0.3, INLINE: 0.2}
USERS = 500
GROUPS = 20
USER_BASE = 700_000_000
GROUP_BASE = -1_001_700_000_000
OURS, ECHO = "ours", "echo"
REPLY_METHODS = frozenset({"sendMessage", "answerInlineQuery"})
QUERY_TIMEOUT = 3600.0  # the emulator's inline query timeout for this benchmark
DEFAULT_QUERY_TIMEOUT = 15.0  # the emulator's default, which late inline answers are counted against
STEADY_SHARES = (0.25, 0.5)  # steady rates, as shares of the slower bot's burst throughput
STEADY_SECONDS = 15.0  # at most this long a steady phase
POLL_SECONDS = 0.05
SETTLE_SECONDS = 2.0  # after the last expected reply, wait this long for late duplicates
STALL_SECONDS = 20.0  # no new reply for this long: stop waiting, count the rest as lost
START_TIMEOUT = 60.0
TARGET_RATIO = 0.8
HIGH = 1_000_000

Job = tuple[str, int, int, str]  # kind, chat id (the user's id in private and inline), user id, text
# kind, chat id, message id (0 for inline), inline query id ("" otherwise), update id, queued at (epoch s)
Injected = tuple[str, int, int, str, int, float]
# method, chat id (0 if none), reply_parameters.message_id (0 if none), inline query id, at, status, description
Reply = tuple[str, int, int, str, float, int, str]
Snapshot = dict[str, float]


# -- the workload -----------------------------------------------------------------------------------


UNCACHED_ENV = "BENCH_LOAD_UNCACHED"


def questions() -> list[str]:
    """Every question of bench/data: curated wording, paraphrases, typos, near misses, out of scope."""
    from cases import load_cases, load_written_apart  # noqa: PLC0415 (PyYAML stays out of the bot processes)

    return [case.question for case in [*load_cases(), *load_written_apart("heldout")] if case.question.strip()]


def workload(count: int, seed: int, pool: Sequence[str]) -> list[Job]:
    """``count`` updates in the benchmark's mix, in a random order."""
    rng = random.Random(seed)
    sizes = {PRIVATE: round(count * MIX[PRIVATE]), GROUP: round(count * MIX[GROUP])}
    sizes[INLINE] = count - sizes[PRIVATE] - sizes[GROUP]
    kinds = [kind for kind in KINDS for _ in range(sizes[kind])]
    rng.shuffle(kinds)
    users = [USER_BASE + i for i in range(1, USERS + 1)]
    groups = [GROUP_BASE - i for i in range(GROUPS)]
    jobs: list[Job] = []
    for kind in kinds:
        user = rng.choice(users)
        question = rng.choice(pool)
        if kind == PRIVATE:
            jobs.append((PRIVATE, user, user, question))
        elif kind == GROUP:
            jobs.append((GROUP, rng.choice(groups), user, f"/ask {question}"))
        else:
            jobs.append((INLINE, user, user, question[:256]))
    return jobs


# -- the emulator process ---------------------------------------------------------------------------


class _CallLike(Protocol):
    method: str
    params: dict[str, Any]
    at: float
    status: int | None
    description: str | None


class _EmulatorLike(Protocol):
    """The part of ``botapi_emulator.BotApiEmulator`` used here (imported by name: tests/ is no package)."""

    @property
    def base_url(self) -> str: ...
    @property
    def base_file_url(self) -> str: ...
    @property
    def calls(self) -> Sequence[_CallLike]: ...
    def stop(self) -> None: ...
    def delay_next(self, method: str, seconds: float, times: int = 1) -> None: ...
    def pending_updates(self) -> list[dict[str, Any]]: ...
    def private_message(self, user_id: int, text: str, *, first_name: str = ...) -> dict[str, Any]: ...
    def group_message(self, chat_id: int, user_id: int, text: str, *, first_name: str = ...) -> dict[str, Any]: ...
    def inline_query(self, user_id: int, query: str, *, first_name: str = ...) -> dict[str, Any]: ...


def _inject(emulator: _EmulatorLike, jobs: Sequence[Job], rate: float | None, out: list[Injected]) -> None:
    """Queue the updates, all at once or ``rate`` per second, recording when each was queued."""
    start = time.perf_counter()
    for i, (kind, chat, user, text) in enumerate(jobs):
        if rate:
            delay = start + i / rate - time.perf_counter()
            if delay > 0:
                time.sleep(delay)
        at = time.time()
        name = f"User{user % 1000}"
        if kind == PRIVATE:
            update = emulator.private_message(user, text, first_name=name)
            out.append((kind, chat, int(update["message"]["message_id"]), "", int(update["update_id"]), at))
        elif kind == GROUP:
            update = emulator.group_message(chat, user, text, first_name=name)
            out.append((kind, chat, int(update["message"]["message_id"]), "", int(update["update_id"]), at))
        else:
            update = emulator.inline_query(user, text, first_name=name)
            out.append((kind, chat, 0, str(update["inline_query"]["id"]), int(update["update_id"]), at))


def _as_reply(call: _CallLike) -> Reply:
    params = call.params
    chat = params.get("chat_id")
    reply_to = params.get("reply_parameters")
    reply_id = reply_to.get("message_id") if isinstance(reply_to, dict) else params.get("reply_to_message_id")
    return (
        call.method,
        int(chat) if isinstance(chat, int | str) and str(chat).lstrip("-").isdigit() else 0,
        int(reply_id) if isinstance(reply_id, int | str) and str(reply_id).isdigit() else 0,
        str(params.get("inline_query_id") or ""),
        call.at,
        call.status or 0,
        call.description or "",
    )


def emulator_main(conn: Connection) -> None:
    """Serve a Bot API emulator on 127.0.0.1 and answer the driver's commands over ``conn``."""
    module = importlib.import_module("botapi_emulator")
    emulator: _EmulatorLike = module.BotApiEmulator(TOKEN, query_timeout=QUERY_TIMEOUT).start()
    conn.send((emulator.base_url, emulator.base_file_url))
    injected: list[Injected] = []
    injector: threading.Thread | None = None
    cursor = replies = polls = 0
    while True:
        command, argument = conn.recv()
        if command == "inject":
            jobs, rate = argument
            injected = []
            injector = threading.Thread(target=_inject, args=(emulator, jobs, rate, injected), daemon=True)
            injector.start()
            conn.send(None)
        elif command == "injected":
            if injector is not None:
                injector.join()
            conn.send(injected)
        elif command == "progress":  # replies and getUpdates calls so far
            calls = emulator.calls
            for call in calls[cursor:]:
                replies += call.method in REPLY_METHODS
                polls += call.method == "getUpdates"
            cursor = len(calls)
            conn.send((replies, polls, cursor))
        elif command == "calls":
            conn.send([_as_reply(call) for call in emulator.calls[argument:]])
        elif command == "pending":
            conn.send(len(emulator.pending_updates()))
        elif command == "delay":  # hold every reply this long, a stand-in for the round trip to Telegram
            for method in REPLY_METHODS:
                emulator.delay_next(method, argument, times=10**9)
            conn.send(None)
        elif command == "cpu":
            usage = resource.getrusage(resource.RUSAGE_SELF)
            conn.send(usage.ru_utime + usage.ru_stime)
        elif command == "stop":
            emulator.stop()
            conn.send(None)
            return


# -- the bot processes ------------------------------------------------------------------------------


class _LogCounter(logging.Handler):
    """Counts WARNING and above by logger and message (the bots' own error handlers log here)."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.counts: Counter[str] = Counter()

    def emit(self, record: logging.LogRecord) -> None:
        """Count the record."""
        self.counts[f"{record.levelname} {record.name}: {record.getMessage()[:160]}"] += 1


def _snapshot() -> Snapshot:
    """Memory and CPU of this process now."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    rss_kib = 0.0
    with contextlib.suppress(OSError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                rss_kib = float(line.split()[1])
    traced, traced_peak = tracemalloc.get_traced_memory() if tracemalloc.is_tracing() else (0, 0)
    return {
        "rss_kib": rss_kib,
        "maxrss_kib": float(usage.ru_maxrss),
        "cpu_s": usage.ru_utime + usage.ru_stime,
        "traced": float(traced),
        "traced_peak": float(traced_peak),
    }


async def _serve_ours(base_url: str, file_url: str, stop: asyncio.Event) -> None:
    """The real application, as ``python -m bot run`` serves it, with the flood limits set high."""
    from pydantic import SecretStr  # noqa: PLC0415

    from bot.app import build_application, serve  # noqa: PLC0415
    from bot.config import BUNDLED_KNOWLEDGE, Settings  # noqa: PLC0415
    from bot.core.matcher import MatcherSettings  # noqa: PLC0415
    from bot.store import KnowledgeStore  # noqa: PLC0415
    from bot.usage import UsageLog  # noqa: PLC0415

    with tempfile.TemporaryDirectory(prefix="bot-load-") as scratch:
        settings = Settings.model_validate(
            {
                "token": SecretStr(TOKEN),
                "api_base_url": base_url,
                "api_file_url": file_url,
                "knowledge_dir": BUNDLED_KNOWLEDGE,
                "data_dir": Path(scratch),
                "send_rate_per_second": HIGH,
                "group_rate_per_minute": HIGH,
                "user_questions": HIGH,
            }
        )
        usage = UsageLog.open(settings.data_dir, retention_days=settings.retention_days)
        try:
            # --uncached: every question matched afresh, as if never asked before
            matcher_settings = MatcherSettings(cached_questions=0) if os.environ.get(UNCACHED_ENV) else None
            store = KnowledgeStore.open(settings.knowledge_dir, matcher_settings)
            application = build_application(settings, store, usage)
            await serve(application, settings, stop)
        finally:
            usage.close()


async def _echo_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Reply with the text (quoted in groups, as python-telegram-bot does by default)."""
    message = update.effective_message
    if message is not None and message.text:
        await message.reply_text(message.text)


async def _echo_inline(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Answer one article carrying the query."""
    from telegram import InlineQueryResultArticle, InputTextMessageContent  # noqa: PLC0415

    query = update.inline_query
    if query is not None:
        text = query.query or "echo"
        await query.answer(
            [InlineQueryResultArticle(id="1", title=text, input_message_content=InputTextMessageContent(text))]
        )


async def _serve_echo(base_url: str, file_url: str, stop: asyncio.Event) -> None:
    """A minimal python-telegram-bot echo bot, polling like ours (all update types, 10 s long polls)."""
    from telegram import Update  # noqa: PLC0415
    from telegram.ext import ApplicationBuilder, InlineQueryHandler, MessageHandler, filters  # noqa: PLC0415

    application = ApplicationBuilder().token(TOKEN).base_url(base_url).base_file_url(file_url).build()
    application.add_handler(MessageHandler(filters.TEXT, _echo_text))
    application.add_handler(InlineQueryHandler(_echo_inline))
    async with application:
        await application.start()
        updater = application.updater
        assert updater is not None
        await updater.start_polling(allowed_updates=Update.ALL_TYPES, timeout=10)
        await stop.wait()
        await updater.stop()
        await application.stop()


def _top_functions(profiler: cProfile.Profile, count: int = 25) -> str:
    """The functions with the most own time, then the most cumulative time (callees included)."""
    parts = []
    for key in ("tottime", "cumulative"):
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).strip_dirs().sort_stats(key).print_stats(count)
        lines = out.getvalue().splitlines()
        start = next((i for i, line in enumerate(lines) if "ncalls" in line), 0)
        parts.append(f"by {key}:\n" + "\n".join(line for line in lines[start:] if line.strip()))
    return "\n\n".join(parts)


async def _drive_bot(conn: Connection, kind: str, base_url: str, file_url: str, logs: _LogCounter) -> None:
    stop = asyncio.Event()
    serving = asyncio.create_task((_serve_ours if kind == OURS else _serve_echo)(base_url, file_url, stop))
    profiler = cProfile.Profile()
    while True:
        command = await asyncio.to_thread(conn.recv)
        if serving.done() and serving.exception() is not None:
            conn.send({"error": repr(serving.exception())})
            return
        if command == "snapshot":
            conn.send(_snapshot())
        elif command == "profile":
            profiler.enable()  # this thread only: the event loop's, where the bot runs
            conn.send(None)
        elif command == "unprofile":
            profiler.disable()
            conn.send(_top_functions(profiler))
        elif command == "stop":
            final = _snapshot()
            stop.set()
            await asyncio.wait_for(serving, timeout=30)
            conn.send({**final, "maxrss_kib": _snapshot()["maxrss_kib"], "logs": dict(logs.counts)})
            return


def bot_main(conn: Connection, kind: str, base_url: str, file_url: str, trace: bool) -> None:
    """Run one bot in this process until the driver says stop; answer its commands over ``conn``."""
    if trace:
        tracemalloc.start()
    logs = _LogCounter()
    root = logging.getLogger()
    root.handlers[:] = [logs]
    root.setLevel(logging.WARNING)
    asyncio.run(_drive_bot(conn, kind, base_url, file_url, logs))


# -- the driver -------------------------------------------------------------------------------------


def machine_busy() -> float:
    """CPU seconds every process on the machine has used since boot (all cores; 0 without /proc/stat)."""
    try:
        fields = Path("/proc/stat").read_text().splitlines()[0].split()[1:]
    except OSError:
        return 0.0
    ticks = [int(value) for value in fields[:8]]  # user nice system idle iowait irq softirq steal
    return (sum(ticks) - ticks[3] - ticks[4]) / os.sysconf("SC_CLK_TCK")


def _recv(conn: Connection, timeout: float, what: str) -> Any:  # noqa: ANN401 (whatever the child sent)
    if not conn.poll(timeout):
        raise TimeoutError(f"no answer from {what} within {timeout:.0f} s")
    return conn.recv()


@dataclass(slots=True)
class Phase:
    """One bot's replies to one batch of updates, matched to them."""

    bot: str
    name: str
    rate: float | None
    injected: list[Injected]
    replies: list[list[Reply]]  # per injected update, in arrival order
    unmatched: list[Reply]
    other_calls: Counter[str]
    bot_cpu: float
    emulator_cpu: float
    others_cpu: float  # every other process on the machine (the driver included), over ``span``
    span: float  # seconds the CPU times were taken over: the phase and its settling time
    wall: float = 0.0
    latencies: dict[str, list[float]] = field(default_factory=dict)  # seconds, by kind

    def __post_init__(self) -> None:
        """Latency of every update with an accepted reply; the window from first queued to last reply."""
        last = 0.0
        for record, replies in zip(self.injected, self.replies, strict=True):
            accepted = [reply for reply in replies if reply[5] == 200]
            if accepted:
                self.latencies.setdefault(record[0], []).append(accepted[0][4] - record[5])
                last = max(last, accepted[0][4])
        first = min((record[5] for record in self.injected), default=0.0)
        self.wall = max(last - first, 1e-9)

    def count(self, replies: int, *, accepted: bool | None = None) -> int:
        """Updates with exactly ``replies`` replies (-1: two or more), optionally all accepted or none."""
        total = 0
        for found in self.replies:
            if (len(found) == replies or (replies < 0 and len(found) >= 2)) and (
                accepted is None or accepted == all(reply[5] == 200 for reply in found)
            ):
                total += 1
        return total

    @property
    def answered(self) -> int:
        """Updates with at least one accepted reply."""
        return sum(1 for found in self.replies if any(reply[5] == 200 for reply in found))

    @property
    def throughput(self) -> float:
        """Updates answered per second, first update queued to last reply received."""
        return self.answered / self.wall

    def all_latencies(self) -> list[float]:
        """Every latency, seconds."""
        return [value for values in self.latencies.values() for value in values]

    def rejected(self) -> Counter[str]:
        """Replies the emulator refused, by status and description."""
        return Counter(
            f"{reply[0]} {reply[5]} {reply[6]}" for found in self.replies for reply in found if reply[5] != 200
        )


def match(injected: Sequence[Injected], calls: Sequence[Reply]) -> tuple[list[list[Reply]], list[Reply], Counter[str]]:
    """Each reply call to its update; the reply calls matching none; the count of other calls by method."""
    replies: list[list[Reply]] = [[] for _ in injected]
    private: dict[int, list[int]] = defaultdict(list)
    served: dict[int, int] = defaultdict(int)
    quoted: dict[tuple[int, int], int] = {}
    queries: dict[str, int] = {}
    for index, (kind, chat, message_id, query_id, _, _) in enumerate(injected):
        if kind == PRIVATE:
            private[chat].append(index)
        elif kind == GROUP:
            quoted[chat, message_id] = index
        else:
            queries[query_id] = index
    unmatched: list[Reply] = []
    other: Counter[str] = Counter()
    for call in calls:
        method, chat, reply_to, query_id = call[:4]
        target: int | None = None
        if method == "answerInlineQuery":
            target = queries.get(query_id)
        elif method == "sendMessage" and chat in private:
            order = private[chat]
            target = order[min(served[chat], len(order) - 1)]  # an extra reply counts against the last question
            served[chat] += 1
        elif method == "sendMessage":
            target = quoted.get((chat, reply_to))
        else:
            other[method] += 1
            continue
        if target is None:
            unmatched.append(call)
        else:
            replies[target].append(call)
    return replies, unmatched, other


class Session:
    """One bot and its own emulator, each in a process of its own."""

    def __init__(self, context: SpawnContext, bot: str, *, trace: bool, reply_delay: float) -> None:
        """Start the emulator, then the bot; return once the bot's first getUpdates reached the emulator."""
        self.bot = bot
        self.emulator, emulator_end = context.Pipe()
        self.emulator_process: SpawnProcess = context.Process(
            target=emulator_main, args=(emulator_end,), name=f"emulator-{bot}", daemon=True
        )
        self.emulator_process.start()
        base_url, file_url = _recv(self.emulator, START_TIMEOUT, "the emulator")
        if reply_delay > 0:
            self.ask_emulator("delay", reply_delay)
        self.control, bot_end = context.Pipe()
        started = time.perf_counter()
        self.bot_process: SpawnProcess = context.Process(
            target=bot_main, args=(bot_end, bot, base_url, file_url, trace), name=f"bot-{bot}", daemon=True
        )
        self.bot_process.start()
        while self.ask_emulator("progress")[1] == 0:
            if time.perf_counter() - started > START_TIMEOUT or not self.bot_process.is_alive():
                raise RuntimeError(f"the {bot} bot did not start polling")
            time.sleep(POLL_SECONDS)
        self.ready_seconds = time.perf_counter() - started
        time.sleep(1.0)  # let start-up work (menus, the knowledge watcher's first look) finish
        self.idle = self.ask_bot("snapshot")
        self.profile = ""

    def ask_emulator(self, command: str, argument: object = None) -> Any:  # noqa: ANN401
        """Send a command to the emulator process and return its answer."""
        self.emulator.send((command, argument))
        return _recv(self.emulator, START_TIMEOUT, f"the {self.bot} emulator ({command})")

    def ask_bot(self, command: str) -> Any:  # noqa: ANN401
        """Send a command to the bot process and return its answer."""
        self.control.send(command)
        answer = _recv(self.control, START_TIMEOUT, f"the {self.bot} bot ({command})")
        if isinstance(answer, dict) and "error" in answer:
            raise RuntimeError(f"the {self.bot} bot failed: {answer['error']}")
        return answer

    def run(self, name: str, jobs: Sequence[Job], rate: float | None, *, profile: bool = False) -> Phase:
        """Queue ``jobs`` (all at once, or ``rate`` per second) and wait for every reply or a stall."""
        replies_before, _, calls_before = self.ask_emulator("progress")
        bot_cpu, emulator_cpu = self.ask_bot("snapshot")["cpu_s"], self.ask_emulator("cpu")
        machine_cpu, span = machine_busy(), time.perf_counter()
        if profile:
            self.ask_bot("profile")
        self.ask_emulator("inject", (list(jobs), rate))
        last_count, last_change = 0, time.perf_counter()
        while True:
            time.sleep(POLL_SECONDS)
            count = self.ask_emulator("progress")[0] - replies_before
            now = time.perf_counter()
            if count != last_count:
                last_count, last_change = count, now
            if count >= len(jobs) or now - last_change > STALL_SECONDS:
                break
        time.sleep(SETTLE_SECONDS)
        injected: list[Injected] = self.ask_emulator("injected")
        calls: list[Reply] = self.ask_emulator("calls", calls_before)
        if profile:
            self.profile = self.ask_bot("unprofile")
        machine_cpu, span = machine_busy() - machine_cpu, time.perf_counter() - span
        bot_cpu = self.ask_bot("snapshot")["cpu_s"] - bot_cpu
        emulator_cpu = self.ask_emulator("cpu") - emulator_cpu
        others = max(machine_cpu - bot_cpu - emulator_cpu, 0.0)
        replies, unmatched, other = match(injected, calls)
        return Phase(self.bot, name, rate, injected, replies, unmatched, other, bot_cpu, emulator_cpu, others, span)

    def close(self) -> tuple[dict[str, Any], int, int]:
        """Stop the bot, then the emulator: the bot's last snapshot, updates left unconfirmed, reply calls."""
        final: dict[str, Any] = {}
        pending = replies = -1
        with contextlib.suppress(OSError, EOFError, TimeoutError, RuntimeError):  # a bot that died: kill below
            final = self.ask_bot("stop")
        with contextlib.suppress(OSError, EOFError, TimeoutError):
            pending = self.ask_emulator("pending")
            replies = self.ask_emulator("progress")[0]
            self.ask_emulator("stop")
        for process in (self.bot_process, self.emulator_process):
            process.join(timeout=10)
            if process.is_alive():
                process.kill()
        return final, pending, replies


# -- printing ---------------------------------------------------------------------------------------


def percentile(values: Sequence[float], share: float) -> float:
    """Nearest-rank percentile (0 for no values)."""
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[max(math.ceil(share * len(ordered)) - 1, 0)]


def ms(seconds: float) -> str:
    """Seconds as milliseconds."""
    return f"{seconds * 1000:,.0f}" if seconds >= 0.01 else f"{seconds * 1000:,.1f}"


def mib(kib: float) -> str:
    """KiB as MiB."""
    return f"{kib / 1024:,.1f} MiB"


def verdict(ok: bool) -> str:
    """A target's status."""
    return "met" if ok else "**not met**"


def phase_table(phases: Sequence[Phase]) -> None:
    """Correctness, throughput and latency per bot and phase."""
    print(
        "| bot | phase | updates | answered once | lost | answered 2+ times | rejected replies | unmatched replies "
        "| window s | updates/s | p50 ms | p99 ms | max ms |"
    )
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for phase in phases:
        values = phase.all_latencies()
        offered = "all at once" if phase.rate is None else f"{phase.rate:,.0f}/s"
        print(
            f"| {phase.bot} | {phase.name} ({offered}) | {len(phase.injected):,} | {phase.count(1, accepted=True):,} "
            f"| {phase.count(0):,} | {phase.count(-1):,} | {sum(phase.rejected().values()):,} | "
            f"{len(phase.unmatched):,} | {phase.wall:,.2f} | {phase.throughput:,.0f} | "
            f"{ms(percentile(values, 0.5))} | {ms(percentile(values, 0.99))} | {ms(max(values, default=0.0))} |"
        )


def kind_table(phases: Sequence[Phase]) -> None:
    """Latency per kind of update."""
    print("| bot | phase | kind | answered | p50 ms | p99 ms | max ms |")
    print("|---|---|---|---:|---:|---:|---:|")
    for phase in phases:
        for kind in KINDS:
            values = phase.latencies.get(kind, [])
            print(
                f"| {phase.bot} | {phase.name} | {kind} | {len(values):,} | {ms(percentile(values, 0.5))} | "
                f"{ms(percentile(values, 0.99))} | {ms(max(values, default=0.0))} |"
            )


def work_table(phases: Sequence[Phase]) -> None:
    """CPU per update in the bot and in the emulator, and how the bot polled."""
    print(
        "| bot | phase | wall ms/update | bot CPU ms/update | bot CPU busy | emulator CPU ms/update "
        "| other processes, cores | getUpdates calls | other calls |"
    )
    print("|---|---|---:|---:|---:|---:|---:|---:|---|")
    for phase in phases:
        updates = max(len(phase.injected), 1)
        polls = phase.other_calls.get("getUpdates", 0)
        others = ", ".join(f"{m} {n}" for m, n in sorted(phase.other_calls.items()) if m != "getUpdates") or "none"
        print(
            f"| {phase.bot} | {phase.name} | {phase.wall * 1000 / updates:,.2f} | "
            f"{phase.bot_cpu * 1000 / updates:,.2f} | {phase.bot_cpu / phase.wall:.0%} | "
            f"{phase.emulator_cpu * 1000 / updates:,.2f} | {phase.others_cpu / phase.span:,.2f} | "
            f"{polls:,} | {others} |"
        )


def memory_table(sessions: Mapping[str, Session], finals: Mapping[str, Mapping[str, Any]], *, trace: bool) -> None:
    """The bot process's memory: idle once serving, and its peak over the whole run."""
    header = "| bot | ready (s from spawn to first getUpdates) | RSS idle, serving | peak RSS (ru_maxrss) | growth |"
    print(header + (" tracemalloc peak |" if trace else ""))
    print("|---|---:|---:|---:|---:|" + ("---:|" if trace else ""))
    for bot, session in sessions.items():
        idle, final = session.idle["rss_kib"], finals[bot]["maxrss_kib"]
        cells = f"| {bot} | {session.ready_seconds:,.2f} | {mib(idle)} | {mib(final)} | {mib(final - idle)} |"
        if trace:
            cells += f" {finals[bot]['traced_peak'] / 2**20:,.1f} MiB |"
        print(cells)


def details(phases: Sequence[Phase], finals: Mapping[str, Mapping[str, Any]], pending: Mapping[str, int]) -> None:
    """Anything lost, doubled, rejected or logged, named precisely."""
    for phase in phases:
        for record, found in zip(phase.injected, phase.replies, strict=True):
            if len(found) != 1 or found[0][5] != 200:
                kind, chat, message_id, query_id, update_id, _ = record
                where = f"inline query {query_id}" if kind == INLINE else f"chat {chat} message {message_id}"
                outcome = ", ".join(f"{r[0]} {r[5]} {r[6]}".strip() for r in found) or "no reply"
                print(f"- {phase.bot} {phase.name}: update {update_id} ({kind}, {where}): {outcome}")
        for call in phase.unmatched[:10]:
            print(f"- {phase.bot} {phase.name}: reply matching no update: {call[0]} chat {call[1]} reply_to {call[2]}")
    for bot, final in finals.items():
        if pending[bot]:
            print(f"- {bot}: {pending[bot]} update(s) never confirmed to the emulator")
        for line, count in sorted(final.get("logs", {}).items(), key=lambda item: -item[1])[:10]:
            print(f"- {bot} logged {count}x: {line}")


def main() -> None:
    """Run both bots through both phases and print the tables."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--updates", type=int, default=None, help="updates per bot in the burst (default 5000)")
    parser.add_argument("--quick", action="store_true", help="500 updates")
    parser.add_argument("--rounds", type=int, default=2, help="bursts per bot, the best counts (default 2)")
    parser.add_argument("--profile", action="store_true", help="cProfile both bots during the burst")
    parser.add_argument("--tracemalloc", action="store_true", help="trace Python allocations in both bots")
    parser.add_argument(
        "--reply-delay",
        type=float,
        default=0.0,
        metavar="MS",
        help="the emulator holds every sendMessage/answerInlineQuery this long (a stand-in for network latency)",
    )
    parser.add_argument(
        "--uncached", action="store_true", help="ours without its cache of results for questions asked before"
    )
    args = parser.parse_args()
    if args.uncached:
        os.environ[UNCACHED_ENV] = "1"  # read by our bot's process, spawned below
    count = args.updates or (500 if args.quick else 5000)
    if count < 10:
        parser.error("--updates must be at least 10")
    if args.rounds < 1:
        parser.error("--rounds must be at least 1")
    started = time.perf_counter()
    pool = questions()
    jobs = workload(count, SEED, pool)
    context = mp.get_context("spawn")

    sessions: dict[str, Session] = {}
    phases: list[Phase] = []
    finals: dict[str, dict[str, Any]] = {}
    pending: dict[str, int] = {}
    total_replies: dict[str, int] = {}
    expected: dict[str, int] = defaultdict(int)
    try:
        for round_ in range(args.rounds):  # echo, ours, then ours, echo: neither always goes first
            for bot in (ECHO, OURS) if round_ % 2 == 0 else (OURS, ECHO):
                if bot not in sessions:
                    sessions[bot] = Session(context, bot, trace=args.tracemalloc, reply_delay=args.reply_delay / 1000)
                profile = args.profile and round_ == 0
                phases.append(sessions[bot].run(f"burst {round_ + 1}", jobs, None, profile=profile))
                expected[bot] += len(jobs)
        burst = {
            bot: max((phase for phase in phases if phase.bot == bot), key=lambda phase: phase.throughput)
            for bot in sessions
        }
        slower = min(phase.throughput for phase in burst.values())
        for share in STEADY_SHARES:
            rate = max(share * slower, 1.0)
            steady_jobs = workload(min(count, max(20, int(rate * STEADY_SECONDS))), STEADY_SEED, pool)
            for bot, session in sessions.items():
                phases.append(session.run(f"steady {share:.0%}", steady_jobs, rate))
                expected[bot] += len(steady_jobs)
    finally:
        for bot, session in sessions.items():
            finals[bot], pending[bot], total_replies[bot] = session.close()

    users = len({job[2] for job in jobs if job[0] == PRIVATE})
    groups = len({job[1] for job in jobs if job[0] == GROUP})
    mix = Counter(job[0] for job in jobs)
    import telegram  # noqa: PLC0415 (only for its version)

    print(
        f"Python {platform.python_version()}, python-telegram-bot {telegram.__version__}, {platform.system()} "
        f"{platform.machine()}, {os.cpu_count()} CPUs. {count:,} updates per bot in the burst: "
        f"{mix[PRIVATE]:,} private questions from {users} users, {mix[GROUP]:,} `/ask` in {groups} groups, "
        f"{mix[INLINE]:,} inline queries; the same updates for both bots. They carry "
        f"{len({job[3] for job in jobs}):,} distinct texts, drawn from {len(pool):,} benchmark questions: most "
        "are asked several times, and ours answers a question asked before from its matcher's cache"
        + (" (**off in this run**: `--uncached`).\n" if args.uncached else " (`--uncached` turns it off).\n")
    )
    print(
        "Each bot, its emulator and the driver ran in separate processes (no GIL shared between the bot "
        "and the emulator); the echo bot uses python-telegram-bot's default sequential update processing, "
        "ours its own setting (BOT_CONCURRENT_UPDATES: side by side across chats, in order within one). "
        "Ours ran with the flood limits and the per-user question limit at 10^6.\n"
    )
    if args.reply_delay > 0:
        print(f"The emulator held every reply {args.reply_delay:,.0f} ms before answering it (`--reply-delay`).\n")
    if args.tracemalloc or args.profile:
        print("**tracemalloc or cProfile was on in both bots: their throughput and latency are not comparable.**\n")
    print("### Throughput, latency and correctness\n")
    phase_table(phases)
    print(
        "\nLatency: from the emulator queuing the update to the reply reaching the emulator. In the burst every "
        "update is queued at once, so latency there is mostly time spent waiting in the queue.\n"
    )
    print("### Latency by kind of update\n")
    kind_table(phases)
    print("\n### Where the work is\n")
    work_table(phases)
    print(
        "\nbot CPU busy: the bot process's CPU time over the phase's window (100% = one core, the most an "
        "asyncio bot uses); emulator CPU: the emulator process, for the same updates; other processes: the CPU "
        "every other process on the machine used meanwhile (this driver's polling included), in cores: well "
        "above 0 means the numbers of that phase were disturbed.\n"
    )
    print("### Memory of the bot process\n")
    memory_table(sessions, finals, trace=args.tracemalloc)

    echo_burst, ours_burst = burst[ECHO], burst[OURS]
    ratio = ours_burst.throughput / max(echo_burst.throughput, 1e-9)
    late = {
        bot: sum(
            1
            for phase in phases
            if phase.bot == bot
            for value in phase.latencies.get(INLINE, [])
            if value > DEFAULT_QUERY_TIMEOUT
        )
        for bot in sessions
    }
    print("\n### Targets\n")
    print("| target | measured | status |")
    print("|---|---:|---|")
    rounds = [
        next(p for p in phases if p.bot == OURS and p.name == name).throughput
        / max(next(p for p in phases if p.bot == ECHO and p.name == name).throughput, 1e-9)
        for name in dict.fromkeys(p.name for p in phases if p.rate is None)
    ]
    print(
        f"| throughput ≥ {TARGET_RATIO:.0%} of the echo bot's (best burst of each) | {ours_burst.throughput:,.0f} vs "
        f"{echo_burst.throughput:,.0f} updates/s = {ratio:.0%} (burst by burst: "
        f"{', '.join(f'{r:.0%}' for r in rounds)}) | {verdict(ratio >= TARGET_RATIO)} |"
    )
    for bot in sessions:
        mine = [phase for phase in phases if phase.bot == bot]
        lost = sum(phase.count(0) for phase in mine)
        twice = sum(phase.count(-1) for phase in mine)
        rejected = sum(sum(phase.rejected().values()) for phase in mine)
        extra = total_replies[bot] - expected[bot]
        print(f"| {bot}: nothing lost | {lost} lost, {rejected} rejected | {verdict(lost == 0 and rejected == 0)} |")
        print(
            f"| {bot}: nothing answered twice | {twice} answered 2+ times; {total_replies[bot]:,} reply calls in all "
            f"for {expected[bot]:,} updates (counted after the bot stopped) | {verdict(twice == 0 and extra == 0)} |"
        )
    print(
        f"\nInline queries answered more than {DEFAULT_QUERY_TIMEOUT:.0f} s after they were queued (the emulator "
        f"would reject those with its default timeout, as Telegram rejects late answers): "
        + ", ".join(f"{bot} {late[bot]:,}" for bot in sessions)
        + "."
    )
    problems = (
        any(phase.count(1, accepted=True) != len(phase.injected) or phase.unmatched for phase in phases)
        or any(pending.values())
        or any(final.get("logs") for final in finals.values())
    )
    if problems:
        print("\n### Details\n")
        details(phases, finals, pending)
    if args.profile:
        for bot, session in sessions.items():
            print(
                f"\n### cProfile of {bot} during the first burst\n\nBy own time, then cumulative; the profiler "
                "inflates every timing.\n"
            )
            print("```\n" + session.profile + "\n```")
    print(f"\n_Run took {time.perf_counter() - started:,.0f} s._")


if __name__ == "__main__":
    main()
