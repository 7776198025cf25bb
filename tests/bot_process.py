"""``python -m bot`` as a real process for tests: ``run`` with its output collected as it comes, and the
other commands run to completion."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent


@dataclass(slots=True)
class BotProcess:
    """A running bot process: stdout and stderr apart, and every line in arrival order."""

    process: asyncio.subprocess.Process
    stdout: list[str] = field(default_factory=list)
    stderr: list[str] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)
    readers: list[asyncio.Task[None]] = field(default_factory=list)

    @property
    def output(self) -> str:
        """Everything printed so far, stdout and stderr interleaved by arrival."""
        return "".join(self.lines)

    def printed(self, fragment: str) -> int:
        """How many lines so far contain ``fragment``."""
        return sum(fragment in line for line in self.lines)

    async def stop(self, timeout: float = 15.0) -> int:
        """SIGTERM, then the exit code once the process and its output have ended."""
        if self.process.returncode is None:
            self.process.send_signal(signal.SIGTERM)
        code = await asyncio.wait_for(self.process.wait(), timeout)
        await asyncio.wait_for(asyncio.gather(*self.readers), timeout)
        return code


StartBot = Callable[[dict[str, str]], Awaitable[BotProcess]]


async def _collect(stream: asyncio.StreamReader | None, own: list[str], every: list[str]) -> None:
    assert stream is not None
    async for raw in stream:
        line = raw.decode("utf-8", errors="replace")
        own.append(line)
        every.append(line)


async def bot_processes() -> AsyncIterator[StartBot]:
    """Start ``python -m bot run`` processes; any still running at the end is terminated, then killed."""
    started: list[BotProcess] = []

    async def start(env: dict[str, str]) -> BotProcess:
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", "run", cwd=PROJECT, env=env,
            stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
        )  # fmt: skip
        bot = BotProcess(process)
        bot.readers = [
            asyncio.create_task(_collect(process.stdout, bot.stdout, bot.lines)),
            asyncio.create_task(_collect(process.stderr, bot.stderr, bot.lines)),
        ]
        started.append(bot)
        return bot

    yield start
    for bot in started:
        if bot.process.returncode is None:
            bot.process.send_signal(signal.SIGTERM)
            try:
                await asyncio.wait_for(bot.process.wait(), 10)
            except TimeoutError:
                bot.process.kill()
                await bot.process.wait()
        await asyncio.wait_for(asyncio.gather(*bot.readers, return_exceptions=True), 10)


def run_cli(*args: str, stdin: bytes = b"", knowledge_dir: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``python -m bot ARGS`` from the project root; the bundled knowledge unless told otherwise."""
    env = {key: value for key, value in os.environ.items() if key != "BOT_KNOWLEDGE_DIR"}
    if knowledge_dir is not None:
        env["BOT_KNOWLEDGE_DIR"] = str(knowledge_dir)
    completed = subprocess.run(
        [sys.executable, "-m", "bot", *args], cwd=PROJECT, env=env, input=stdin, capture_output=True, timeout=60,
        check=False,
    )  # fmt: skip
    return subprocess.CompletedProcess(
        completed.args, completed.returncode, completed.stdout.decode("utf-8"), completed.stderr.decode("utf-8")
    )
