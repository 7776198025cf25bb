"""Start-up benchmark: how long the bot takes to start and how much memory it holds, beside bare Python.

    python bench/startup.py [--runs N]

Measured, each ``--runs`` times (default 5) after one untimed warm-up run, the median reported:

* ``python -c pass`` and ``python -c "import telegram.ext"``: the baselines, from start to exit;
* ``python -m bot ask "how many soldiers died"``: from start to exit;
* ``python -m bot run``: from start to its first ``getUpdates`` reaching a Bot API emulator on 127.0.0.1
  (tests/botapi_emulator.py, a fresh one per run, in this process), i.e. until it is serving. It is then
  stopped with SIGTERM, as a service manager would.

Wall time runs from just before the process is spawned. Memory: for the commands that exit, the peak
RSS (``ru_maxrss``) of that one child, from ``os.wait4`` (the same rusage ``getrusage(RUSAGE_CHILDREN)``
reports, but for one child: ``RUSAGE_CHILDREN``'s ``ru_maxrss`` is the largest of all children so far,
so it cannot tell one run from the next). For ``run``: VmRSS from /proc/<pid>/status the moment its
first getUpdates is seen (the bot is then idle in the long poll), and its peak RSS once it has exited.
``BOT_*`` variables are removed from the environment; ``run`` gets a token, the emulator's URLs and a
temporary data directory.
"""

from __future__ import annotations

import argparse
import importlib
import os
import platform
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

QUESTION = "how many soldiers died"
POLL_SECONDS = 0.002
SERVE_TIMEOUT = 60.0
STOP_TIMEOUT = 20.0


class _CallLike(Protocol):
    at: float


class _EmulatorLike(Protocol):
    """The part of ``botapi_emulator.BotApiEmulator`` used here (imported by name: tests/ is no package)."""

    token: str

    @property
    def base_url(self) -> str: ...
    @property
    def base_file_url(self) -> str: ...
    def calls_to(self, method: str) -> Sequence[_CallLike]: ...
    def stop(self) -> None: ...


@dataclass(frozen=True, slots=True)
class Sample:
    """One run: seconds until the measured moment, KiB of memory then (or at peak), and peak KiB."""

    seconds: float
    kib: float
    peak_kib: float


def clean_env(**extra: str) -> dict[str, str]:
    """This process's environment without BOT_* settings, plus ``extra``."""
    env = {name: value for name, value in os.environ.items() if not name.startswith("BOT_")}
    return {**env, **extra}


def reap(process: subprocess.Popen[bytes]) -> tuple[int, float]:
    """Wait for ``process``; its exit code and peak RSS in KiB (Linux reports ru_maxrss in KiB)."""
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    return process.returncode, float(usage.ru_maxrss)


def to_exit(command: Sequence[str]) -> Sample:
    """Run ``command`` to its end: wall time and the child's peak RSS."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=ROOT, env=clean_env(), stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    assert process.stdout is not None
    output = process.stdout.read()  # one pipe, read to its end: no deadlock
    code, peak = reap(process)
    seconds = time.perf_counter() - start
    if code != 0:
        raise RuntimeError(f"{' '.join(command)} exited with {code}: {output.decode(errors='replace')[-500:]}")
    if "bot" in command and not output.strip():
        raise RuntimeError(f"{' '.join(command)} printed nothing")
    return Sample(seconds, peak, peak)


def vm_rss_kib(pid: int) -> float:
    """VmRSS of a live process, KiB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return float(line.split()[1])
    raise RuntimeError(f"no VmRSS for process {pid}")


def until_serving(command: Sequence[str]) -> Sample:
    """Start ``python -m bot run`` against a fresh emulator; time to its first getUpdates, RSS then."""
    module: Any = importlib.import_module("botapi_emulator")
    emulator: _EmulatorLike = module.BotApiEmulator().start()
    try:
        with tempfile.TemporaryDirectory(prefix="bot-startup-") as scratch:
            env = clean_env(
                BOT_TOKEN=emulator.token,
                BOT_API_BASE_URL=emulator.base_url,
                BOT_API_FILE_URL=emulator.base_file_url,
                BOT_DATA_DIR=scratch,
            )
            started = time.time()
            process = subprocess.Popen(
                command, cwd=ROOT, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
            )
            try:
                deadline = time.monotonic() + SERVE_TIMEOUT
                while not (polls := emulator.calls_to("getUpdates")):
                    if process.poll() is not None or time.monotonic() > deadline:
                        raise RuntimeError("python -m bot run did not start polling")
                    time.sleep(POLL_SECONDS)
                rss = vm_rss_kib(process.pid)
                seconds = polls[0].at - started
                process.send_signal(signal.SIGTERM)
                assert process.stderr is not None
                process.stderr.read()  # until it exits and closes the pipe: its log lines, a few
                code, peak = reap(process)
                if code != 0:
                    raise RuntimeError(f"python -m bot run exited with {code} after SIGTERM")
            finally:
                if process.returncode is None:
                    process.kill()
                    reap(process)
    finally:
        emulator.stop()
    return Sample(seconds, rss, peak)


def measure(runs: int, once: Callable[[], Sample]) -> list[Sample]:
    """One untimed warm-up run (bytecode and file caches), then ``runs`` measured ones."""
    once()
    return [once() for _ in range(runs)]


def spread(values: Sequence[float], fmt: Callable[[float], str]) -> str:
    """Median, with the range in brackets."""
    return f"{fmt(statistics.median(values))} ({fmt(min(values))}–{fmt(max(values))})"


def ms(seconds: float) -> str:
    """Seconds as milliseconds."""
    return f"{seconds * 1000:,.0f} ms"


def mib(kib: float) -> str:
    """KiB as MiB."""
    return f"{kib / 1024:,.1f} MiB"


def main() -> None:
    """Measure every command and print the table."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5, help="measured runs per command (default 5)")
    args = parser.parse_args()
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    python = sys.executable
    started = time.perf_counter()
    rows: list[tuple[str, str, list[Sample], str]] = [
        ("`python -c pass`", "exit", measure(args.runs, lambda: to_exit([python, "-c", "pass"])), "peak RSS"),
        (
            '`python -c "import telegram.ext"`',
            "exit",
            measure(args.runs, lambda: to_exit([python, "-c", "import telegram.ext"])),
            "peak RSS",
        ),
        (
            f'`python -m bot ask "{QUESTION}"`',
            "exit",
            measure(args.runs, lambda: to_exit([python, "-m", "bot", "ask", QUESTION])),
            "peak RSS",
        ),
        (
            "`python -m bot run`",
            "first getUpdates reaches the emulator",
            measure(args.runs, lambda: until_serving([python, "-m", "bot", "run"])),
            "VmRSS then",
        ),
    ]
    import telegram  # noqa: PLC0415 (only for its version, after the runs)

    print(
        f"Python {platform.python_version()}, python-telegram-bot {telegram.__version__}, {platform.system()} "
        f"{platform.machine()}, {os.cpu_count()} CPUs; median of {args.runs} runs after one warm-up run, "
        "range in brackets.\n"
    )
    baseline = statistics.median(sample.seconds for sample in rows[0][2])
    base_memory = statistics.median(sample.kib for sample in rows[0][2])
    print("| command | timed until | wall time | over `python -c pass` | memory | memory measured as |")
    print("|---|---|---:|---:|---:|---|")
    for command, until, samples, memory in rows:
        seconds = [sample.seconds for sample in samples]
        kib = [sample.kib for sample in samples]
        print(
            f"| {command} | {until} | {spread(seconds, ms)} | +{ms(statistics.median(seconds) - baseline)} | "
            f"{spread(kib, mib)} (+{mib(statistics.median(kib) - base_memory)}) | {memory} |"
        )
    run_peaks = [sample.peak_kib for sample in rows[3][2]]
    print(
        f"\n`python -m bot run`'s peak RSS over its whole short life (start, serve idle, SIGTERM, exit): "
        f"{spread(run_peaks, mib)}."
    )
    print(f"\n_Run took {time.perf_counter() - started:,.0f} s._")


if __name__ == "__main__":
    main()
