"""End to end, admin features: knowledge changes, uploads, rollbacks and reports, over the loopback Bot API.

Every test runs the real application on its own copy of the bundled knowledge (``tmp_path/"knowledge"``),
with one admin, a data directory in ``tmp_path`` and the watcher looking for changes every 0.2 s.
"""

from __future__ import annotations

import contextlib
import logging
import re
import shutil
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from botapi_emulator import BotApiEmulator
from e2e_support import running_bot

from bot.app import BotApplication
from bot.config import BUNDLED_KNOWLEDGE
from bot.core.matcher import Decision, MatchResult
from bot.core.text import normalise
from bot.handlers.admin import REFUSAL
from bot.knowledge_files import KnowledgeFiles
from bot.store import Snapshot, fingerprint
from bot.usage import FeedbackCounts, UsageLog, question_key

JsonDict = dict[str, Any]

ADMIN = 1001
USER = 4242
STRANGER = 4343  # not an admin
GROUP = -100_777
NAME = "kremlin-losses-2022-04.yaml"
ORIGINAL = (BUNDLED_KNOWLEDGE / NAME).read_bytes()
WAIT = 10.0  # seconds: generous for a loaded machine; every wait ends as soon as the state is seen

# Entry A: its answer is edited in the tests. Entry B: never touched.
ENTRY_A, QUESTION_A = "who-is-peskov", "Who is Dmitry Peskov?"
OLD_A = "Dmitry Peskov is the Kremlin spokesman."
NEW_A = "Dmitry Peskov is the Kremlin spokesman, as revised by the editors."
ENTRY_B, QUESTION_B = "sky-news-interview", "peskov sky news"
TOLL_QUESTION = "How many Russian soldiers died in Ukraine?"  # death-toll's first curated question
NOT_IN_QUOTE = "Dmitry Peskov is the Kremlin spokesman, a post he has held since 2012."

for _needle in (f"  - id: {ENTRY_A}\n", f"  - id: {ENTRY_B}\n", f"      {OLD_A} "):
    assert ORIGINAL.decode().count(_needle) == 1, f"the bundled knowledge changed: {_needle!r} is not unique"


# -- the knowledge copy --------------------------------------------------------------------------------


def copy_knowledge(tmp_path: Path) -> Path:
    """The bundled knowledge files and their source text, copied where a test may change them."""
    target = tmp_path / "knowledge"
    target.mkdir()
    for path in [*sorted(BUNDLED_KNOWLEDGE.glob("*.yaml")), BUNDLED_KNOWLEDGE / "article.txt"]:
        shutil.copyfile(path, target / path.name)
    return target


def with_answer(text: str, old: str, new: str) -> str:
    """The file text with one answer's wording replaced (the wording must stand in the file once)."""
    assert text.count(old) == 1, f"{old!r} is not unique in the file"
    return text.replace(old, new)


def edited_a() -> bytes:
    """The bundled file with entry A's answer reworded (no new numbers: still valid)."""
    return with_answer(ORIGINAL.decode(), OLD_A, NEW_A).encode()


def line_of(text: str, entry_id: str, key: str | None = None) -> int:
    """The 1-based line of an entry's ``- id:`` line, or of one of its keys (``answer``, ``source`` ...)."""
    lines = text.split("\n")
    start = lines.index(f"  - id: {entry_id}")
    if key is None:
        return start + 1
    return next(i for i in range(start, len(lines)) if lines[i].startswith(f"    {key}:")) + 1


def split_off(knowledge: Path, entry_id: str, name: str) -> None:
    """Move the last entry of the bundled file into a file of its own (same source, same header)."""
    main = knowledge / NAME
    text = main.read_text(encoding="utf-8")
    marker = f"\n  - id: {entry_id}\n"
    assert text.count(marker) == 1
    assert text.index(marker) >= text.rindex("\n  - id: "), f"{entry_id} must be the file's last entry"
    cut = text.index(marker) + 1
    header = text[text.index("schema_version:") : text.index("\nentries:\n") + len("\nentries:\n")]
    main.write_text(text[:cut].rstrip("\n") + "\n", encoding="utf-8")
    (knowledge / name).write_text(header + text[cut:], encoding="utf-8")


def history_of(data_dir: Path, name: str = NAME) -> dict[str, bytes]:
    """The kept versions of a knowledge file, by file name."""
    folder = data_dir / "history" / name
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())} if folder.is_dir() else {}


def snapshot_of(directory: Path) -> dict[str, bytes]:
    """Every file under ``directory`` (recursively), by relative path, with its bytes."""
    if not directory.exists():
        return {}
    return {str(p.relative_to(directory)): p.read_bytes() for p in sorted(directory.rglob("*")) if p.is_file()}


def prepared_history(knowledge: Path, data_dir: Path) -> None:
    """Install entry A's edit as an admin would, so that a rollback (by anyone) would have work to do."""
    KnowledgeFiles(knowledge, data_dir / "history").install(NAME, edited_a())


# -- talking to the bot --------------------------------------------------------------------------------


@contextlib.asynccontextmanager
async def admin_bot(
    botapi: BotApiEmulator, tmp_path: Path, knowledge: Path, **overrides: object
) -> AsyncIterator[BotApplication]:
    """The bot on ``knowledge`` with ADMIN as its admin; ADMIN has opened the private chat (so is notified)."""
    already = len(botapi.sent_messages(ADMIN))
    botapi.private_message(ADMIN, "/start")
    settings: dict[str, object] = {
        "admin_ids": (ADMIN,),
        "data_dir": tmp_path / "data",
        "reload_seconds": 0.2,
        **overrides,
    }
    async with running_bot(botapi, knowledge=knowledge, **settings) as application:
        await botapi.wait_for_messages(ADMIN, already + 1, timeout=WAIT)
        data = application.bot_data
        await botapi.wait_for(lambda: data.seen_fingerprint is not None, WAIT, what="the knowledge watcher to start")
        yield application


def texts(botapi: BotApiEmulator, chat_id: int, *, after: int = 0) -> list[str]:
    """The texts of the bot's messages in a chat, from the ``after``-th on."""
    return [str(m.get("text", "")) for m in botapi.sent_messages(chat_id)[after:]]


async def wait_for_text(
    botapi: BotApiEmulator, chat_id: int, *needles: str, after: int = 0, what: str = ""
) -> JsonDict:
    """The first bot message in the chat (from the ``after``-th on) whose text holds every needle."""

    def found() -> JsonDict | None:
        return next(
            (m for m in botapi.sent_messages(chat_id)[after:] if all(n in str(m.get("text", "")) for n in needles)),
            None,
        )

    message = await botapi.wait_for(found, WAIT, what=what or f"a message in chat {chat_id} with {needles!r}")
    assert message is not None
    return message


async def ask(botapi: BotApiEmulator, user_id: int, question: str) -> str:
    """Ask in private and return the text of the bot's reply."""
    before = len(botapi.sent_messages(user_id))
    botapi.private_message(user_id, question)
    messages = await botapi.wait_for_messages(user_id, before + 1, timeout=WAIT)
    return str(messages[-1]["text"])


async def callback_answer(botapi: BotApiEmulator, press: JsonDict) -> JsonDict:
    """The bot's answerCallbackQuery to a button press."""
    query_id = press["callback_query"]["id"]

    def answered() -> JsonDict | None:
        return next((a for a in botapi.callback_answers() if a["callback_query_id"] == query_id), None)

    answer = await botapi.wait_for(answered, WAIT, what=f"the answer to button press {query_id}")
    assert answer is not None
    return answer


def buttons(message: JsonDict) -> list[JsonDict]:
    return [button for row in message.get("reply_markup", {}).get("inline_keyboard", []) for button in row]


def file_downloads(botapi: BotApiEmulator) -> int:
    """How many files the bot asked the Bot API for (getFile): the first step of any download."""
    return len(botapi.calls_to("getFile"))


@pytest.fixture(autouse=True)
def _fail_on_bot_errors() -> Iterator[None]:
    """A handler that raised is logged by ``bot.errors`` at ERROR: fail the test, do not just time out."""
    records: list[logging.LogRecord] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            records.append(record)

    handler = Collect(level=logging.ERROR)
    logger = logging.getLogger("bot")
    logger.addHandler(handler)
    try:
        yield
    finally:
        logger.removeHandler(handler)
    if records:
        details = "\n".join(f"{r.name}: {r.getMessage()}" for r in records)
        pytest.fail(f"the bot logged errors:\n{details}", pytrace=False)


# -- 1-3: knowledge files changed on disk ----------------------------------------------------------------


async def test_an_answer_edited_on_disk_is_served_without_a_command_and_admins_hear_which_entry(
    botapi: BotApiEmulator, tmp_path: Path
) -> None:
    knowledge = copy_knowledge(tmp_path)
    async with admin_bot(botapi, tmp_path, knowledge):
        assert OLD_A in await ask(botapi, USER, QUESTION_A)
        seen = len(botapi.sent_messages(ADMIN))
        (knowledge / NAME).write_bytes(edited_a())

        summary = await wait_for_text(botapi, ADMIN, "reloaded", after=seen, what="the admins' reload summary")
        reply = await ask(botapi, USER, QUESTION_A)

    assert "1 changed (who-is-peskov)" in summary["text"], summary["text"]
    assert "0 added" in summary["text"]
    assert "0 removed" in summary["text"]
    assert NEW_A in reply
    assert OLD_A not in reply


def without_source_of_a(text: str) -> tuple[str, int, str]:
    """A required field removed: reported at the line of the entry that lacks it."""
    line = '    source: The article, which introduces him as "Kremlin spokesman Dmitry Peskov".\n'
    assert text.count(line) == 1
    broken = text.replace(line, "")
    return broken, line_of(broken, ENTRY_A), "entries[5].source"


def with_a_number_not_in_the_quote(text: str) -> tuple[str, int, str]:
    """A number the quote does not hold: reported at the answer's line."""
    broken = with_answer(text, OLD_A, NOT_IN_QUOTE)
    return broken, line_of(broken, ENTRY_A, "answer"), "entries[5].answer: number(s) 2012 not found"


BROKEN: dict[str, Callable[[str], tuple[str, int, str]]] = {
    "required-field-removed": without_source_of_a,
    "number-not-in-quote": with_a_number_not_in_the_quote,
}


@pytest.mark.parametrize("breakage", list(BROKEN))
async def test_a_broken_file_on_disk_keeps_the_old_answers_and_tells_the_admin_file_and_line(
    botapi: BotApiEmulator, tmp_path: Path, breakage: str
) -> None:
    knowledge = copy_knowledge(tmp_path)
    broken, line, problem = BROKEN[breakage](ORIGINAL.decode())
    async with admin_bot(botapi, tmp_path, knowledge):
        seen = len(botapi.sent_messages(ADMIN))
        (knowledge / NAME).write_text(broken, encoding="utf-8")

        warning = await wait_for_text(botapi, ADMIN, "refused", after=seen, what="the admins' problem report")
        reply = await ask(botapi, USER, QUESTION_A)

    text = warning["text"]
    assert "stays in service" in text
    assert f"{NAME}:{line}: {problem}" in text, text
    assert "reloaded" not in " ".join(texts(botapi, ADMIN, after=seen)), "nothing was swapped in"
    assert OLD_A in reply, "the last good answer is still served"
    assert "2012" not in reply


async def test_a_deleted_file_stays_in_service_until_an_admin_confirms_with_reload(
    botapi: BotApiEmulator, tmp_path: Path
) -> None:
    knowledge = copy_knowledge(tmp_path)
    split_off(knowledge, "refugees", "refugees.yaml")
    question = "How many refugees have fled Ukraine?"
    refugees_answer = "The article does not report refugees or displaced people."
    async with admin_bot(botapi, tmp_path, knowledge):
        assert refugees_answer in await ask(botapi, USER, question)
        seen = len(botapi.sent_messages(ADMIN))
        (knowledge / "refugees.yaml").unlink()

        warning = await wait_for_text(botapi, ADMIN, "deleted", after=seen, what="the admins' deletion warning")
        still = await ask(botapi, USER, question)
        assert "reloaded" not in " ".join(texts(botapi, ADMIN, after=seen)), "no reload before the admin says so"

        seen = len(botapi.sent_messages(ADMIN))
        botapi.private_message(ADMIN, "/reload")
        summary = await wait_for_text(botapi, ADMIN, "reloaded", after=seen, what="the summary of /reload")
        after = await ask(botapi, USER, question)

    assert "refugees.yaml" in warning["text"]
    assert "stay in service" in warning["text"]
    assert "/reload" in warning["text"]
    assert refugees_answer in still
    assert "1 removed (refugees)" in summary["text"], summary["text"]
    assert refugees_answer not in after


# -- 4-5: uploads, rollback, export ------------------------------------------------------------------------


async def test_an_admin_upload_is_validated_installed_kept_in_history_and_served(
    botapi: BotApiEmulator, tmp_path: Path
) -> None:
    knowledge = copy_knowledge(tmp_path)
    data_dir = tmp_path / "data"
    content = edited_a()
    async with admin_bot(botapi, tmp_path, knowledge):
        seen = len(botapi.sent_messages(ADMIN))
        botapi.document_message(ADMIN, NAME, content)
        installed = await wait_for_text(botapi, ADMIN, "Installed", after=seen, what="the upload's confirmation")
        await wait_for_text(botapi, ADMIN, "reloaded", ENTRY_A, after=seen, what="the reload naming the entry")
        reply = await ask(botapi, USER, QUESTION_A)

    assert (knowledge / NAME).read_bytes() == content
    kept = history_of(data_dir)
    assert list(kept.values()) == [ORIGINAL], "the replaced version is kept, byte for byte"
    [kept_name] = kept
    assert installed["text"] == f"Installed {NAME}. The previous version is kept as {kept_name}."
    assert NEW_A in reply


async def test_an_invalid_upload_changes_nothing_and_the_admin_gets_the_problems_with_lines(
    botapi: BotApiEmulator, tmp_path: Path
) -> None:
    knowledge = copy_knowledge(tmp_path)
    data_dir = tmp_path / "data"
    broken = with_answer(ORIGINAL.decode(), OLD_A, NOT_IN_QUOTE)
    line = line_of(broken, ENTRY_A, "answer")
    async with admin_bot(botapi, tmp_path, knowledge):
        before = snapshot_of(knowledge)
        seen = len(botapi.sent_messages(ADMIN))
        botapi.document_message(ADMIN, NAME, broken.encode())
        refused = await wait_for_text(botapi, ADMIN, "not installed", after=seen, what="the upload's refusal")
        reply = await ask(botapi, USER, QUESTION_A)
        later = texts(botapi, ADMIN, after=seen)

    assert refused["text"].startswith(f"⚠️ {NAME} was not installed; nothing changed.")
    assert f"{NAME}:{line}: entries[5].answer: number(s) 2012 not found in the entry's quote" in refused["text"]
    assert snapshot_of(knowledge) == before, "the knowledge files are byte-identical"
    assert (knowledge / NAME).read_bytes() == ORIGINAL
    assert history_of(data_dir) == {}, "nothing was kept: nothing was replaced"
    assert not any("reloaded" in text for text in later)
    assert OLD_A in reply


async def test_an_oversized_upload_is_refused_before_it_is_downloaded(botapi: BotApiEmulator, tmp_path: Path) -> None:
    knowledge = copy_knowledge(tmp_path)
    content = edited_a()
    async with admin_bot(botapi, tmp_path, knowledge, max_upload_bytes=1000):
        before = snapshot_of(knowledge)
        botapi.document_message(ADMIN, NAME, content)
        refused = await wait_for_text(botapi, ADMIN, "Not accepted", what="the refusal of the oversized upload")
        downloads = file_downloads(botapi)

    assert refused["text"] == f"Not accepted: the file is {len(content):,} bytes; the limit is 1,000."
    assert downloads == 0, "not even getFile was called"
    assert snapshot_of(knowledge) == before
    assert history_of(tmp_path / "data") == {}


@pytest.mark.parametrize(
    ("file_name", "reason"),
    [
        ("x.txt", "does not end in .yaml or .yml"),
        ("../evil.yaml", "contains a folder"),
    ],
)
async def test_an_upload_that_is_not_a_plain_yaml_file_name_is_refused(
    botapi: BotApiEmulator, tmp_path: Path, file_name: str, reason: str
) -> None:
    knowledge = copy_knowledge(tmp_path)
    content = ORIGINAL[:500]  # a small file: refused for its name, not its size
    async with admin_bot(botapi, tmp_path, knowledge):
        before = snapshot_of(knowledge)
        botapi.document_message(ADMIN, file_name, content)
        refused = await wait_for_text(botapi, ADMIN, "Not accepted", what=f"the refusal of {file_name!r}")
        downloads = file_downloads(botapi)
        reply = await ask(botapi, USER, QUESTION_A)

    assert refused["text"].startswith(f"Not accepted: the file name {file_name!r}"), refused["text"]
    assert reason in refused["text"]
    assert downloads == 0, "refused by its name, before anything was downloaded"
    assert snapshot_of(knowledge) == before, "nothing was written in the knowledge directory"
    assert not list(tmp_path.rglob("evil.yaml")), "nor anywhere else"
    assert not (tmp_path / "data" / "history").exists()
    assert OLD_A in reply


async def test_rollback_restores_the_previous_version_and_serves_it(botapi: BotApiEmulator, tmp_path: Path) -> None:
    knowledge = copy_knowledge(tmp_path)
    data_dir = tmp_path / "data"
    prepared_history(knowledge, data_dir)  # entry A edited and in service; the bundled version kept
    async with admin_bot(botapi, tmp_path, knowledge):
        assert NEW_A in await ask(botapi, USER, QUESTION_A)
        seen = len(botapi.sent_messages(ADMIN))
        botapi.private_message(ADMIN, f"/rollback {NAME}")
        rolled = await wait_for_text(botapi, ADMIN, "Rolled", after=seen, what="the rollback's confirmation")
        summary = await wait_for_text(botapi, ADMIN, "reloaded", ENTRY_A, after=seen, what="the rollback's reload")
        reply = await ask(botapi, USER, QUESTION_A)

    assert rolled["text"] == f"Rolled {NAME} back to its previous version."
    assert "1 changed (who-is-peskov)" in summary["text"]
    assert (knowledge / NAME).read_bytes() == ORIGINAL
    assert sorted(history_of(data_dir).values()) == sorted([ORIGINAL, edited_a()]), "both versions are kept"
    assert OLD_A in reply
    assert NEW_A not in reply


async def test_export_sends_every_knowledge_file_as_a_byte_identical_document(
    botapi: BotApiEmulator, tmp_path: Path
) -> None:
    knowledge = copy_knowledge(tmp_path)
    split_off(knowledge, "refugees", "refugees.yaml")
    on_disk = {path.name: path.read_bytes() for path in knowledge.glob("*.yaml")}
    async with admin_bot(botapi, tmp_path, knowledge):
        botapi.private_message(ADMIN, "/export")

        def documents() -> list[JsonDict]:
            found = [m for m in botapi.sent_messages(ADMIN) if "document" in m]
            return found if len(found) >= len(on_disk) else []

        exported = await botapi.wait_for(documents, WAIT, what="one document per knowledge file")

    sent = {m["document"]["file_name"]: botapi.file_content(m["document"]["file_id"]) for m in exported}
    assert set(sent) == {NAME, "refugees.yaml"}
    assert sent == on_disk, "each document is its file, byte for byte"


# -- 6: everyone else ---------------------------------------------------------------------------------------

NON_ADMIN_COMMANDS = ["/reload", f"/rollback {NAME}", "/export", "/unanswered", "/stats"]


async def test_a_non_admin_in_private_is_refused_politely_and_nothing_is_read_written_or_reloaded(
    botapi: BotApiEmulator, tmp_path: Path
) -> None:
    knowledge = copy_knowledge(tmp_path)
    data_dir = tmp_path / "data"
    prepared_history(knowledge, data_dir)
    files, history = snapshot_of(knowledge), history_of(data_dir)
    async with admin_bot(botapi, tmp_path, knowledge):
        admin_seen = len(botapi.sent_messages(ADMIN))
        for text in NON_ADMIN_COMMANDS:
            botapi.private_message(STRANGER, text)
        botapi.document_message(STRANGER, NAME, ORIGINAL)
        botapi.private_message(STRANGER, "/help")  # handled after all of the above: updates are handled in order
        await wait_for_text(botapi, STRANGER, "/ask", what="the reply to /help, sent after everything else")
        replies = texts(botapi, STRANGER)[:-1]
        admin_heard = texts(botapi, ADMIN, after=admin_seen)

    asked = [*NON_ADMIN_COMMANDS, "upload"]
    assert dict(zip(asked, replies, strict=False)) == dict.fromkeys(asked, REFUSAL)
    assert len(replies) == len(asked), "one refusal each, nothing more"
    assert snapshot_of(knowledge) == files, "no knowledge file was written"
    assert history_of(data_dir) == history, "no version was kept or restored"
    assert not botapi.calls_to("sendDocument"), "nothing was exported"
    assert file_downloads(botapi) == 0, "the upload was not downloaded"
    assert admin_heard == [], "no reload happened, so the admin heard of none"


async def test_a_non_admin_in_a_group_is_refused_politely_and_nothing_is_read_written_or_reloaded(
    botapi: BotApiEmulator, tmp_path: Path
) -> None:
    knowledge = copy_knowledge(tmp_path)
    data_dir = tmp_path / "data"
    prepared_history(knowledge, data_dir)
    files, history = snapshot_of(knowledge), history_of(data_dir)
    async with admin_bot(botapi, tmp_path, knowledge):
        admin_seen = len(botapi.sent_messages(ADMIN))
        sent = {
            text: botapi.group_message(GROUP, STRANGER, text)["message"]["message_id"] for text in NON_ADMIN_COMMANDS
        }
        sentinel = botapi.group_message(GROUP, STRANGER, "/sources")["message"]["message_id"]

        def replies_to(message_id: int) -> list[str]:
            return [
                str(m.get("text"))
                for m in botapi.sent_messages(GROUP)
                if m.get("reply_to_message", {}).get("message_id") == message_id
            ]

        await botapi.wait_for(lambda: replies_to(sentinel), WAIT, what="the reply to /sources, sent after the rest")
        replies = {text: replies_to(message_id) for text, message_id in sent.items()}
        admin_heard = texts(botapi, ADMIN, after=admin_seen)

    assert replies == {command: [REFUSAL] for command in NON_ADMIN_COMMANDS}, "each command gets one polite refusal"
    assert snapshot_of(knowledge) == files
    assert history_of(data_dir) == history
    assert not botapi.calls_to("sendDocument")
    assert admin_heard == []


# -- 7: corrections reach posted answers --------------------------------------------------------------------


async def inline_answer(botapi: BotApiEmulator, query: str) -> JsonDict:
    """Send an inline query and return the bot's accepted answer to it."""
    query_id = botapi.inline_query(USER, query)["inline_query"]["id"]

    def answered() -> JsonDict | None:
        return next((a for a in botapi.inline_answers() if a["inline_query_id"] == query_id), None)

    answer = await botapi.wait_for(answered, WAIT, what=f"the answer to inline query {query!r}")
    assert answer is not None
    return answer


def result_id_for(answer: JsonDict, entry_id: str) -> str:
    """The id of the inline result that posts this entry (the entry id, possibly after a language prefix)."""
    ids = [str(result["id"]) for result in answer["results"]]
    found = [i for i in ids if i == entry_id or i.endswith(f":{entry_id}")]
    assert found, f"{entry_id} is not among the inline results {ids}"
    return found[0]


async def test_a_correction_edits_the_posted_inline_answers_of_that_entry_only(
    botapi: BotApiEmulator, tmp_path: Path
) -> None:
    knowledge = copy_knowledge(tmp_path)
    async with admin_bot(botapi, tmp_path, knowledge) as application:
        usage = application.bot_data.usage
        for query, entry_id in ((QUESTION_A, ENTRY_A), (QUESTION_B, ENTRY_B)):
            answer = await inline_answer(botapi, query)
            result_id = result_id_for(answer, entry_id)
            botapi.chosen_inline_result(USER, result_id, query, inline_message_id=f"posted-{entry_id}")
        await botapi.wait_for(
            lambda: usage.inline_posts(ENTRY_A) and usage.inline_posts(ENTRY_B), WAIT, what="both posts recorded"
        )
        posted_a = botapi.inline_message(f"posted-{ENTRY_A}")
        posted_b = botapi.inline_message(f"posted-{ENTRY_B}")
        assert posted_a is not None
        assert OLD_A in str(posted_a["text"])

        seen = len(botapi.sent_messages(ADMIN))
        (knowledge / NAME).write_bytes(edited_a())
        summary = await wait_for_text(botapi, ADMIN, "reloaded", after=seen, what="the reload summary")

        def corrected() -> JsonDict | None:
            current = botapi.inline_message(f"posted-{ENTRY_A}")
            return current if current is not None and NEW_A in str(current["text"]) else None

        edited = await botapi.wait_for(corrected, WAIT, what="the posted answer of A to be corrected")
        assert edited is not None
        untouched = botapi.inline_message(f"posted-{ENTRY_B}")

    assert "✏️ Updated " in edited["text"]
    assert "Source:" in edited["text"]
    assert edited.get("reply_markup") == posted_a.get("reply_markup"), "the source button stays"
    assert untouched == posted_b, "B's answer did not change, so its post is left alone"
    assert "1 changed (who-is-peskov)" in summary["text"]
    assert "1 posted answer(s) corrected" in summary["text"], summary["text"]


# -- 8: the unanswered loop ---------------------------------------------------------------------------------

# Questions the bot cannot answer with confidence. The first candidates the matcher in service leaves
# unanswered are used (with the entry it found nearest), so that the tests survive retuning of the matcher.
UNANSWERED_CANDIDATES = [
    "how many russian boys perished",
    "how many russian generals were killed",
    "what did putin eat for breakfast",
    "is the weather nice in kyiv",
    "how tall is the eiffel tower",
    "what is the price of bread in moscow",
    "recipe for borscht",
    "who won the football match yesterday",
]


@dataclass(frozen=True)
class Unanswered:
    """Three different unanswered questions; ``often`` has an entry the bot found nearest."""

    often: str
    nearest: str
    nearest_answer: str
    once: str
    also_once: str


def _low_confidence(result: MatchResult) -> bool:
    """As the usage log counts "unanswered": no answer, a choice, or an answer scored below 0.6."""
    best = result.best
    return result.decision in (Decision.NONE, Decision.AMBIGUOUS) or (
        result.decision is Decision.ANSWER and best is not None and best.score < 0.6
    )


@pytest.fixture(scope="module")
def unanswered() -> Unanswered:
    """Questions the bundled knowledge leaves unanswered, as the bot will log them."""
    snapshot = Snapshot.load([BUNDLED_KNOWLEDGE])
    results = [snapshot.matcher.match(question) for question in UNANSWERED_CANDIDATES]
    with_nearest = [r for r in results if _low_confidence(r) and r.best is not None and r.best.entry.covered]
    nothing_near = [r for r in results if r.decision in (Decision.NONE, Decision.AMBIGUOUS)]
    if not with_nearest:
        pytest.fail(f"none of {UNANSWERED_CANDIDATES} is unanswered with a nearest entry: add one", pytrace=False)
    often = with_nearest[0]
    assert often.best is not None
    others = [r.query for r in nothing_near if r.normalised != often.normalised]
    if len(others) < 2:
        pytest.fail(f"fewer than two of {UNANSWERED_CANDIDATES} are left unanswered: add some", pytrace=False)
    nearest = often.best.entry
    return Unanswered(often.query, nearest.id, nearest.answer, others[0], others[1])


def report_counts(report: str) -> dict[str, int]:
    """The ``asked`` column of the /unanswered table, by group key."""
    counts: dict[str, int] = {}
    for line in report.split("\n"):
        match = re.match(r"^\s*(\d+)\s.*\s([0-9a-f]{12})\s", line)
        if match:
            counts[match.group(2)] = int(match.group(1))
    return counts


def key_of(question: str) -> str:
    return question_key(normalise(question))


async def unanswered_report(botapi: BotApiEmulator) -> tuple[str, list[JsonDict]]:
    """Send /unanswered as the admin: the report's text and the messages with buttons that follow it."""
    seen = len(botapi.sent_messages(ADMIN))
    botapi.private_message(ADMIN, "/unanswered")
    report = await wait_for_text(botapi, ADMIN, "Unanswered questions", after=seen, what="the unanswered report")
    groups = report_counts(str(report["text"]))
    shown = min(len(groups), 5)
    messages = await botapi.wait_for_messages(ADMIN, seen + 1 + shown, timeout=WAIT)
    return str(report["text"]), messages[seen + 1 :]


def offer_for(offers: list[JsonDict], question: str) -> JsonDict:
    return next(m for m in offers if str(m["text"]).startswith(f"“{question}”"))


async def test_unanswered_questions_are_reported_grouped_added_to_an_entry_and_ignored(
    botapi: BotApiEmulator, tmp_path: Path, unanswered: Unanswered
) -> None:
    knowledge = copy_knowledge(tmp_path)
    path = knowledge / NAME
    often, once_asked, also_once = unanswered.often, unanswered.once, unanswered.also_once
    add = f"➕ Add to {unanswered.nearest}"
    async with admin_bot(botapi, tmp_path, knowledge):
        for user_id in (5001, 5002, 5003):
            await ask(botapi, user_id, often)
        await ask(botapi, 5004, once_asked)
        await ask(botapi, 5005, also_once)

        report, offers = await unanswered_report(botapi)
        counts = report_counts(report)
        assert counts == {key_of(often): 3, key_of(once_asked): 1, key_of(also_once): 1}, report
        assert often in report
        offer = offer_for(offers, often)
        assert str(offer["text"]).endswith("×3")
        labels = [button["text"] for button in buttons(offer)]
        assert labels == [add, "Ignore"]

        # Only an admin may press it.
        refused = await callback_answer(botapi, botapi.press_button(STRANGER, offer, add))
        assert (refused["text"], refused["show_alert"]) == (REFUSAL, True)
        assert path.read_bytes() == ORIGINAL

        seen = len(botapi.sent_messages(ADMIN))
        added = await callback_answer(botapi, botapi.press_button(ADMIN, offer, add))
        await wait_for_text(botapi, ADMIN, "reloaded", unanswered.nearest, after=seen, what="the reload after the add")
        confirmed = botapi.message(ADMIN, offer["message_id"])
        reply = await ask(botapi, 5001, often)

        once = offer_for(offers, once_asked)
        ignored = await callback_answer(botapi, botapi.press_button(ADMIN, once, "Ignore"))
        await botapi.wait_for(
            lambda: not buttons(botapi.message(ADMIN, once["message_id"]) or once), WAIT, what="the buttons to go"
        )
        report_after, _ = await unanswered_report(botapi)

    assert added["text"] == "Added."
    assert confirmed is not None
    assert confirmed["text"] == f"✅ Added “{often}” to {unanswered.nearest}."
    old_lines = ORIGINAL.decode().split("\n")
    new_lines = path.read_text(encoding="utf-8").split("\n")
    assert len(new_lines) == len(old_lines) + 1, "the file gains exactly one line"
    inserted = f"      - {often}"
    assert new_lines.count(inserted) == 1
    new_lines.remove(inserted)
    assert new_lines == old_lines, "everything else, comments included, is kept as it was"
    assert f"Matched question: “{often}”" in reply
    assert unanswered.nearest_answer[:60] in reply, "answered with the entry it was added to"

    assert ignored["text"] == "Ignored."
    assert report_counts(report_after) == {key_of(also_once): 1}, report_after


# -- 9: feedback ---------------------------------------------------------------------------------------------


async def test_thumbs_down_then_a_reason_is_stored_as_feedback_on_the_entry(
    botapi: BotApiEmulator, tmp_path: Path
) -> None:
    knowledge = copy_knowledge(tmp_path)
    data_dir = tmp_path / "data"
    async with admin_bot(botapi, tmp_path, knowledge):
        botapi.private_message(USER, TOLL_QUESTION)
        [reply] = await botapi.wait_for_messages(USER, 1, timeout=WAIT)
        votes = {button["text"]: button["callback_data"] for button in buttons(reply)}
        assert set(votes) == {"👍", "👎"}
        entry_id = votes["👎"].rsplit(":", 1)[1]

        asked = await callback_answer(botapi, botapi.press_button(USER, reply, "👎"))

        def reasons_offered() -> JsonDict | None:
            current = botapi.message(USER, reply["message_id"])
            return current if current is not None and "👎" not in str(buttons(current)) else None

        with_reasons = await botapi.wait_for(reasons_offered, WAIT, what="the reasons to be offered")
        assert with_reasons is not None
        thanked = await callback_answer(botapi, botapi.press_button(USER, with_reasons, "Wrong or outdated figure"))

    assert entry_id == "death-toll"
    assert asked["text"] == "Thanks. What was wrong?"
    assert thanked["text"] == "Thanks, the editors will look at it."
    with UsageLog.open(data_dir) as log:
        feedback = log.stats().feedback
    assert feedback == {"death-toll": FeedbackCounts(helpful=0, unhelpful=1, reasons={"wrong_figure": 1})}


@pytest.mark.parametrize("argument", ["፩", "²", "-5", "99999", "seven"])
async def test_a_day_count_that_is_no_usable_number_falls_back_to_thirty_days(
    botapi: BotApiEmulator, tmp_path: Path, argument: str
) -> None:
    # "፩" (Ethiopic one) and "²" are digits to str.isdigit() that int() cannot read: they raised.
    async with admin_bot(botapi, tmp_path, copy_knowledge(tmp_path)):
        seen = len(botapi.sent_messages(ADMIN))
        botapi.private_message(ADMIN, f"/stats {argument}")
        stats = await wait_for_text(botapi, ADMIN, "Questions:", after=seen, what="the /stats report")
    assert "last 30 days" in stats["text"], stats["text"]


# -- 10: restarts --------------------------------------------------------------------------------------------


async def test_the_usage_log_survives_a_restart(botapi: BotApiEmulator, tmp_path: Path, unanswered: Unanswered) -> None:
    knowledge = copy_knowledge(tmp_path)
    async with admin_bot(botapi, tmp_path, knowledge):
        await ask(botapi, USER, TOLL_QUESTION)
        await ask(botapi, USER, unanswered.once)

    async with admin_bot(botapi, tmp_path, knowledge):
        seen = len(botapi.sent_messages(ADMIN))
        botapi.private_message(ADMIN, "/stats")
        stats = await wait_for_text(botapi, ADMIN, "Questions:", after=seen, what="the /stats report")

    assert "Questions: 2, answered: 1 (50.0%)" in stats["text"], stats["text"]
    assert "By chat: private 2" in stats["text"]
    assert "death-toll" in stats["text"]


async def test_a_change_made_through_the_bot_is_announced_to_the_admins_once(
    botapi: BotApiEmulator, tmp_path: Path
) -> None:
    """The bot reloads after its own write (an upload); the watcher must not announce the same change again."""
    knowledge = copy_knowledge(tmp_path)
    async with admin_bot(botapi, tmp_path, knowledge) as application:
        data = application.bot_data
        seen = len(botapi.sent_messages(ADMIN))
        botapi.document_message(ADMIN, NAME, edited_a())
        await wait_for_text(botapi, ADMIN, "reloaded", ENTRY_A, after=seen, what="the reload naming the entry")

        def watcher_caught_up() -> bool:
            return data.seen_fingerprint == fingerprint(knowledge) and not data.reload_lock.locked()

        await botapi.wait_for(watcher_caught_up, WAIT, what="the watcher to have looked at the uploaded file")
        summaries = [text for text in texts(botapi, ADMIN, after=seen) if "reloaded" in text]

    assert len(summaries) == 1, summaries
    assert f"(upload of {NAME})" in summaries[0]
    assert "1 changed (who-is-peskov)" in summaries[0]
