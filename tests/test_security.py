"""Security: the token stays secret whatever fails, non-admins change nothing, the container runs unprivileged.

Covered elsewhere, so not repeated here: the webhook's secret-token check (``test_bot_webhook.py``), SQL in a
question stored verbatim (``test_usage.py``), every admin command refused to a non-admin in private and in a
group (``test_bot_admin.py``), a rejected token reported without the token (``test_bot_startup.py``).
"""

from __future__ import annotations

import asyncio
import json
import os
import shlex
import shutil
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from bot_process import StartBot, bot_processes
from botapi_emulator import BotApiEmulator
from e2e_support import running_bot

from bot.config import BUNDLED_KNOWLEDGE
from bot.handlers.admin import REFUSAL
from bot.knowledge_files import KnowledgeFiles

JsonDict = dict[str, Any]

PROJECT = Path(__file__).resolve().parent.parent
USER, OTHER, STRANGER, ADMIN = 4242, 4343, 4444, 1001
GROUP = -100_999
REAL_LOOKING_TOKEN = "7351924680:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"  # made up; the shape @BotFather gives
WAIT = 15.0


# -- the token, through a subprocess that meets every kind of failure ---------------------------------------


@pytest.fixture
async def start_bot() -> AsyncIterator[StartBot]:
    """Start bot processes; any still running at the end is terminated (then killed)."""
    async for start in bot_processes():
        yield start


@pytest.fixture
def telegram() -> Iterator[BotApiEmulator]:
    """An emulator whose bot has a token shaped like a real one (mixed case: a lowercased leak shows)."""
    with BotApiEmulator(token=REAL_LOOKING_TOKEN) as emulator:
        yield emulator


async def test_the_token_never_appears_in_the_output_errors_or_replies_whatever_fails(
    telegram: BotApiEmulator, start_bot: StartBot, tmp_path: Path
) -> None:
    botapi, token = telegram, telegram.token
    env = {name: value for name, value in os.environ.items() if not name.startswith("BOT_")}
    env |= {
        "PYTHONUNBUFFERED": "1",
        "BOT_TOKEN": token,
        "BOT_API_BASE_URL": botapi.base_url,
        "BOT_API_FILE_URL": botapi.base_file_url,
        "BOT_DATA_DIR": str(tmp_path),
    }
    bot = await start_bot(env)
    await botapi.wait_for(lambda: botapi.calls_to("getUpdates"), WAIT, what="the bot to poll")

    # 5xx twice on a reply to a question that holds the token: retried, delivered.
    botapi.fail_next("sendMessage", status=500, times=2)
    botapi.private_message(USER, f"is {token} your token?")
    await botapi.wait_for_messages(USER, 1, WAIT)

    # An error whose text holds the token (a proxy echoing the request path): logged with its traceback.
    botapi.fail_next("sendMessage", status=400, description=f"Bad Request: no route for /bot{token}/sendMessage")
    botapi.private_message(USER, f"/ask {token}")
    await botapi.wait_for(lambda: bot.printed("Error while handling"), WAIT, what="the error to be logged")

    # 409 Conflict on the next poll.
    botapi.conflict_next_get_updates()
    botapi.private_message(OTHER, token)  # returned by the poll in flight; the next poll gets the 409
    await botapi.wait_for(lambda: bot.printed("409 Conflict"), WAIT, what="the conflict to be logged")
    await botapi.wait_for_messages(OTHER, 1, WAIT)

    # The API down: connections dropped while polling and while replying.
    botapi.set_down(True)
    botapi.private_message(STRANGER, f"{token} {token}")  # returned by the poll in flight; its reply fails
    await botapi.wait_for(lambda: bot.printed("Polling for updates failed"), WAIT, what="a failed poll")
    await botapi.wait_for(lambda: bot.printed("sendMessage failed"), WAIT, what="a failed send")
    botapi.set_down(False)
    await botapi.wait_for_messages(STRANGER, 1, WAIT)

    # Inline mode, with the token as the query.
    botapi.inline_query(USER, token)
    await botapi.wait_for(botapi.inline_answers, WAIT, what="the inline answer")
    code = await bot.stop(WAIT)

    output = bot.output
    assert code == 0, output[-3000:]
    # In any case: python-telegram-bot capitalises an error's description, lowercasing the rest of it.
    for form in (token, token.partition(":")[2], quote(token, safe="")):
        leaks = [line for line in bot.lines if form.casefold() in line.casefold()]
        assert not leaks, f"the token ({form!r}) printed, in some case: {leaks}"
    sent = json.dumps([call.params for call in botapi.calls], default=str, ensure_ascii=False)
    for form in (token, token.partition(":")[2]):
        assert form not in sent, "a request the bot made carries the token in its parameters"


# -- a non-admin in a group: documents and addressed admin commands ------------------------------------------

NAME = "kremlin-losses-2022-04.yaml"
BOT_NAME = "factcheck_test_bot"


def tree(directory: Path) -> dict[str, bytes]:
    """Every file below ``directory`` with its bytes."""
    return {str(p.relative_to(directory)): p.read_bytes() for p in sorted(directory.rglob("*")) if p.is_file()}


def group_document(botapi: BotApiEmulator, user_id: int, caption: str) -> JsonDict:
    """Queue a knowledge file sent to the group (the emulator's helper only makes private ones)."""
    document = {"file_name": NAME, "mime_type": "application/x-yaml", "file_id": "BQACAgIAAxkBAAIhostile",
                "file_unique_id": "AgADhostile", "file_size": 120}  # fmt: skip
    message = {
        "message_id": 90_001,
        "from": {"id": user_id, "is_bot": False, "first_name": "Eve"},
        "chat": {"id": GROUP, "type": "supergroup", "title": "A group"},
        "date": int(time.time()),
        "document": document,
        "caption": caption,
        "caption_entities": [{"type": "bot_command", "offset": 0, "length": len(caption.split(maxsplit=1)[0])}],
    }
    return botapi.inject({"message": message})


async def test_a_non_admin_in_a_group_can_neither_upload_nor_reach_admin_data_and_nothing_changes(
    botapi: BotApiEmulator, tmp_path: Path
) -> None:
    knowledge, data_dir = tmp_path / "knowledge", tmp_path / "data"
    shutil.copytree(BUNDLED_KNOWLEDGE, knowledge)
    original = (knowledge / NAME).read_text(encoding="utf-8")
    edited = original.replace("Dmitry Peskov is the Kremlin spokesman.", "Dmitry Peskov is the Kremlin's spokesman.")
    assert edited != original
    KnowledgeFiles(knowledge, data_dir / "history").install(NAME, edited.encode())  # a rollback would have work
    files, history = tree(knowledge), tree(data_dir / "history")

    async with running_bot(botapi, knowledge=knowledge, data_dir=data_dir, admin_ids=(ADMIN,), reload_seconds=0.1):
        botapi.private_message(ADMIN, "/start")  # the admin can be told of any reload
        await botapi.wait_for_messages(ADMIN, 1, WAIT)
        botapi.group_message(GROUP, STRANGER, "hello all")  # the group exists
        group_document(botapi, STRANGER, "/reload")
        asked = [
            botapi.group_message(GROUP, STRANGER, f"{command}@{BOT_NAME}{argument}")["message"]["message_id"]
            for command, argument in [
                ("/reload", ""), ("/rollback", f" {NAME}"), ("/export", ""), ("/stats", ""), ("/unanswered", " 30"),
            ]
        ]  # fmt: skip
        sentinel = botapi.group_message(GROUP, STRANGER, f"/sources@{BOT_NAME}")["message"]["message_id"]
        # Updates are handled in order: once /sources is answered, everything before it was handled.
        await botapi.wait_for(lambda: replies_to(botapi, sentinel), WAIT, what="the reply to /sources")
        await asyncio.sleep(0.3)  # three rounds of the knowledge watcher: nothing on disk changed either
        group_texts = [str(m.get("text")) for m in botapi.sent_messages(GROUP)]
        admin_texts = [str(m.get("text")) for m in botapi.sent_messages(ADMIN)][1:]

    assert not botapi.calls_to("getFile"), "the document was not even looked at"
    assert not botapi.calls_to("downloadFile")
    assert not botapi.calls_to("sendDocument"), "nothing was exported"
    assert tree(knowledge) == files, "no knowledge file was written"
    assert tree(data_dir / "history") == history, "no version was kept or restored"
    assert admin_texts == [], "no reload happened, so the admin heard of none"
    [sources] = replies_to(botapi, sentinel)
    others = list(group_texts)
    others.remove(sources)
    assert set(others) <= {REFUSAL}, f"a non-admin got something other than a refusal: {others}"
    for message_id in asked:
        assert len(replies_to(botapi, message_id)) <= 1, "at most one refusal each"


def replies_to(botapi: BotApiEmulator, message_id: int) -> list[str]:
    """The texts of the bot's replies to one group message."""
    return [
        str(m.get("text"))
        for m in botapi.sent_messages(GROUP)
        if m.get("reply_to_message", {}).get("message_id") == message_id
    ]


# -- the container --------------------------------------------------------------------------------------------


def dockerfile_instructions(text: str) -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) in order, continuation lines joined, comments and blank lines left out."""
    instructions: list[tuple[str, str]] = []
    pending = ""
    for raw in text.splitlines():
        line = raw.strip()
        if not pending and (not line or line.startswith("#")):
            continue
        if line.endswith("\\"):
            pending += line[:-1] + " "
            continue
        whole = (pending + line).strip()
        pending = ""
        keyword, _, arguments = whole.partition(" ")
        instructions.append((keyword.upper(), arguments.strip()))
    return instructions


def test_the_dockerfile_runs_the_bot_as_a_non_root_user() -> None:
    instructions = dockerfile_instructions((PROJECT / "Dockerfile").read_text(encoding="utf-8"))
    keywords = [keyword for keyword, _ in instructions]
    assert "USER" in keywords, "no USER: the container would run as root"
    last_user = max(i for i, keyword in enumerate(keywords) if keyword == "USER")
    user = instructions[last_user][1].split(":")[0]
    assert user not in {"root", "0", ""}, user
    starts = [i for i, keyword in enumerate(keywords) if keyword in {"CMD", "ENTRYPOINT"}]
    assert starts, "no CMD or ENTRYPOINT"
    assert min(starts) > last_user, "the bot starts after the switch to the unprivileged user"
    runs = " ".join(arguments for keyword, arguments in instructions if keyword == "RUN")
    created = [shlex.split(part) for part in runs.split("&&") if "useradd" in part or "adduser" in part]
    assert any(user in words for words in created), f"the image creates the user {user!r} it switches to"
    for words in created:
        if "--uid" in words:
            assert int(words[words.index("--uid") + 1]) != 0
