"""End to end, the process: ``python -m bot run`` starts, answers, waits for the API, stops cleanly, keeps the token."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from bot_process import StartBot, bot_processes
from botapi_emulator import BotApiEmulator

PROJECT = Path(__file__).resolve().parent.parent
USER = 4242
STARTUP_TIMEOUT = 20.0


def _environment(botapi: BotApiEmulator | None, data_dir: Path, **settings: str) -> dict[str, str]:
    """The parent's environment without any BOT_ setting, plus a scratch data dir, the emulator's and the given ones."""
    env = {name: value for name, value in os.environ.items() if not name.startswith("BOT_")}
    env["PYTHONUNBUFFERED"] = "1"
    env["BOT_DATA_DIR"] = str(data_dir)
    if botapi is not None:
        env |= {
            "BOT_TOKEN": botapi.token,
            "BOT_API_BASE_URL": botapi.base_url,
            "BOT_API_FILE_URL": botapi.base_file_url,
        }
    return env | settings


def _run_to_exit(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", "run"],
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )


@pytest.fixture
async def start_bot() -> AsyncIterator[StartBot]:
    """Start ``python -m bot run`` processes; any still running at the end is terminated, then killed."""
    async for start in bot_processes():
        yield start


def _assert_token_kept_secret(botapi: BotApiEmulator, output: str) -> None:
    secret_part = botapi.token.partition(":")[2]
    assert botapi.token not in output
    assert secret_part not in output, output


async def test_run_answers_a_private_question_and_exits_0_on_sigterm(
    botapi: BotApiEmulator, start_bot: StartBot, tmp_path: Path
) -> None:
    bot = await start_bot(_environment(botapi, tmp_path))
    await botapi.wait_for(lambda: botapi.calls_to("getUpdates"), STARTUP_TIMEOUT, what="the bot to poll")
    botapi.private_message(USER, "How many soldiers died?")
    [reply] = await botapi.wait_for_messages(USER, 1)
    code = await bot.stop()
    assert "1,351" in reply["text"]
    assert code == 0, bot.output
    assert "Traceback" not in bot.output
    _assert_token_kept_secret(botapi, bot.output)


async def test_run_waits_for_an_unreachable_bot_api_retries_then_answers(
    botapi: BotApiEmulator, start_bot: StartBot, tmp_path: Path
) -> None:
    botapi.set_down(True)
    bot = await start_bot(_environment(botapi, tmp_path))

    def warnings() -> int:
        return sum("not reachable" in line for line in bot.stderr)

    # Two warnings: the bot kept retrying (about 1 s apart, then backing off) instead of giving up.
    await botapi.wait_for(lambda: warnings() >= 2, STARTUP_TIMEOUT, what="two 'not reachable' warnings")
    assert bot.process.returncode is None, bot.output
    botapi.set_down(False)
    await botapi.wait_for(lambda: botapi.calls_to("getUpdates"), STARTUP_TIMEOUT, what="the bot to poll")
    botapi.private_message(USER, "How many soldiers died?")
    [reply] = await botapi.wait_for_messages(USER, 1)
    code = await bot.stop()
    assert "1,351" in reply["text"]
    assert code == 0, bot.output
    _assert_token_kept_secret(botapi, bot.output)


async def test_sigterm_while_waiting_for_the_bot_api_exits_0(
    botapi: BotApiEmulator, start_bot: StartBot, tmp_path: Path
) -> None:
    botapi.set_down(True)
    bot = await start_bot(_environment(botapi, tmp_path))
    await botapi.wait_for(
        lambda: any("not reachable" in line for line in bot.stderr), STARTUP_TIMEOUT, what="a warning"
    )
    code = await bot.stop(timeout=5)
    assert code == 0, bot.output
    assert "Traceback" not in bot.output
    _assert_token_kept_secret(botapi, bot.output)


@pytest.mark.parametrize("token", [None, "", "   "], ids=["unset", "empty", "blank"])
def test_run_without_a_token_exits_2_naming_bot_token(token: str | None, tmp_path: Path) -> None:
    result = _run_to_exit(
        _environment(None, tmp_path) if token is None else _environment(None, tmp_path, BOT_TOKEN=token)
    )
    assert result.returncode == 2, result
    [line] = result.stderr.strip().splitlines()
    assert "BOT_TOKEN" in line
    assert result.stdout == ""


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("BOT_ADMIN_IDS", "12,abc"),
        ("BOT_ADMIN_IDS", "1;2"),
        ("BOT_WEBHOOK_PORT", "http"),
        ("BOT_WEBHOOK_PORT", "70000"),
    ],
)
def test_run_with_a_malformed_setting_exits_2_with_one_line_naming_it(
    botapi: BotApiEmulator, name: str, value: str, tmp_path: Path
) -> None:
    result = _run_to_exit(_environment(botapi, tmp_path, **{name: value}))
    assert result.returncode == 2, result
    [line] = result.stderr.strip().splitlines()
    assert name in line, line
    assert result.stdout == ""
    assert not botapi.calls, "nothing is sent before the settings are valid"
    assert botapi.token not in result.stderr


def test_a_token_the_bot_api_rejects_is_reported_in_one_line_without_the_token(
    botapi: BotApiEmulator, tmp_path: Path
) -> None:
    rejected = "999:Rejected-secret-value"
    result = _run_to_exit(_environment(botapi, tmp_path, BOT_TOKEN=rejected))
    output = result.stdout + result.stderr
    assert rejected.partition(":")[2] not in output, output[-600:]
    assert result.returncode != 0
    assert "Traceback" not in output, output[-600:]
    [line] = result.stderr.strip().splitlines()
    assert "BOT_TOKEN" in line, line
