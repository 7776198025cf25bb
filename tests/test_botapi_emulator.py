"""Tests of the loopback Bot API emulator, driven by a real python-telegram-bot Bot over HTTP."""

from __future__ import annotations

import asyncio
import datetime as dtm
import json
import socket
import threading
from collections.abc import AsyncIterator, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx
import pytest
from botapi_emulator import (
    BotApiEmulator,
    UploadedFile,
    format_text,
    parse_html,
    parse_multipart,
    utf16_length,
)
from telegram import (
    Bot,
    BotCommand,
    BotCommandScopeAllPrivateChats,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InputTextMessageContent,
    MessageEntity,
    ReplyParameters,
    Update,
)
from telegram.error import BadRequest, Conflict, InvalidToken, NetworkError, RetryAfter, TimedOut
from telegram.ext import ApplicationBuilder, CallbackContext, CommandHandler

USER = 1001


@pytest.fixture
async def bot(botapi: BotApiEmulator) -> AsyncIterator[Bot]:
    """Return an initialized python-telegram-bot Bot talking to the emulator."""
    async with Bot(botapi.token, base_url=botapi.base_url, base_file_url=botapi.base_file_url) as client:
        yield client


@pytest.fixture
def chat(botapi: BotApiEmulator) -> int:
    """Make the user known to the bot (a user must write first) and return the private chat id."""
    botapi.private_message(USER, "hello")
    return USER


async def _noop(update: Update, context: CallbackContext[Any, Any, Any, Any]) -> None:
    """Do nothing (callback for handler matching tests)."""


# ------------------------------------------------------------------ text parsing (no HTTP)


def test_parse_html_entities_use_utf16_offsets() -> None:
    text, entities = parse_html('😀 <b>bold</b> <a href="https://example.com">link</a> &lt;3')
    assert text == "😀 bold link <3"
    assert entities == [
        {"offset": 3, "length": 4, "type": "bold"},
        {"offset": 8, "length": 4, "type": "text_link", "url": "https://example.com/"},
    ]


@pytest.mark.parametrize(
    ("html", "reason"),
    [
        ("<x>hi</x>", 'Unsupported start tag "x" at byte offset 0'),
        ("<b>hi", 'Can\'t find end tag corresponding to start tag "b"'),
        ("1 < 2", 'Unsupported start tag "" at byte offset 2'),
        ("<b>a</i>", 'Unmatched end tag at byte offset 4, expected "</b>", found "</i>"'),
        ("</b>", "Unexpected end tag at byte offset 0"),
        ("Tom & Jerry", 'Unescaped "&" at byte offset 4'),
        ('<span class="x">a</span>', 'Tag "span" must have class "tg-spoiler" at byte offset 0'),
    ],
)
def test_parse_html_rejects_like_telegram(html: str, reason: str) -> None:
    with pytest.raises(ValueError, match="^" + reason.replace("(", r"\(").replace(")", r"\)")):
        parse_html(html)


def test_parse_html_nested_pre_code_language_and_blockquote() -> None:
    text, entities = parse_html(
        '<pre><code class="language-python">x = 1</code></pre><blockquote expandable>q</blockquote>'
        "<tg-spoiler>s</tg-spoiler><code class='language-x'>c</code>"
    )
    assert text == "x = 1qsc"
    assert entities == [
        {"offset": 0, "length": 5, "type": "pre", "language": "python"},
        {"offset": 5, "length": 1, "type": "expandable_blockquote"},
        {"offset": 6, "length": 1, "type": "spoiler"},
        {"offset": 7, "length": 1, "type": "code"},
    ]


def test_format_text_trims_merges_and_detects_entities() -> None:
    text, entities = format_text("\n <b>a</b><b>b</b> see https://t.me/x, /help@some_bot #tag @someone \n")
    assert text == "ab see https://t.me/x, /help@some_bot #tag @someone"
    assert [(e["type"], text[e["offset"] : e["offset"] + e["length"]]) for e in entities] == [
        ("bold", "ab"),
        ("url", "https://t.me/x"),
        ("bot_command", "/help@some_bot"),
        ("hashtag", "#tag"),
        ("mention", "@someone"),
    ]
    assert utf16_length("a😀") == 3


def test_parse_multipart_handles_fields_and_files() -> None:
    body = (
        b"--XyZ\r\n"
        b'Content-Disposition: form-data; name="chat_id"\r\n\r\n'
        b"42\r\n"
        b"--XyZ\r\n"
        b'Content-Disposition: form-data; name="document"; filename="a \\"b\\".yaml"\r\n'
        b"Content-Type: application/x-yaml\r\n\r\n"
        b"k: v\r\n\r\n--XyZ--\r\n"
    )
    fields = parse_multipart(body, 'multipart/form-data; boundary="XyZ"')
    assert fields["chat_id"] == "42"
    assert fields["document"] == UploadedFile('a "b".yaml', b"k: v\r\n", "application/x-yaml")


# ------------------------------------------------------------------ through python-telegram-bot


async def test_get_me(bot: Bot, botapi: BotApiEmulator) -> None:
    me = await bot.get_me()
    assert me.username == "factcheck_test_bot"
    assert me.is_bot
    assert me.id == 123456
    assert botapi.calls_to("getMe")[0].status == 200


async def test_send_message_html_returns_plain_text_and_entities(bot: Bot, botapi: BotApiEmulator, chat: int) -> None:
    keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("Source", callback_data="src:1")]])
    message = await bot.send_message(
        chat,
        '🙂 <b>Claim</b>: <i>mostly</i> <a href="https://example.org/a?b=1">true</a> <code>x&amp;y</code>',
        parse_mode="HTML",
        reply_markup=keyboard,
    )
    assert message.text == "🙂 Claim: mostly true x&y"
    assert message.from_user is not None
    assert message.from_user.username == "factcheck_test_bot"
    assert message.message_id == 2  # the user's "hello" was message 1 in this chat
    assert [(e.type, e.offset, e.length, e.url) for e in message.entities] == [
        (MessageEntity.BOLD, 3, 5, None),
        (MessageEntity.ITALIC, 10, 6, None),
        (MessageEntity.TEXT_LINK, 17, 4, "https://example.org/a?b=1"),
        (MessageEntity.CODE, 22, 3, None),
    ]
    assert message.reply_markup == keyboard
    assert botapi.sent_messages(chat)[0]["text"] == message.text


@pytest.mark.parametrize("html", ["<b>unclosed", "<blink>x</blink>", "a < b", "Q&A"])
async def test_malformed_html_raises_bad_request(bot: Bot, chat: int, html: str) -> None:
    with pytest.raises(BadRequest, match=r"(?i)can't parse entities"):
        await bot.send_message(chat, html, parse_mode="HTML")


async def test_text_length_limit_is_applied_after_parsing(bot: Bot, chat: int) -> None:
    await bot.send_message(chat, "<b>" + "a" * 4096 + "</b>", parse_mode="HTML")
    with pytest.raises(BadRequest, match=r"(?i)message is too long"):
        await bot.send_message(chat, "a" * 4097)
    with pytest.raises(BadRequest, match=r"(?i)message text is empty"):
        await bot.send_message(chat, "<b> </b>", parse_mode="HTML")


async def test_callback_data_over_64_bytes_is_rejected(bot: Bot, chat: int) -> None:
    await bot.send_message(
        chat, "ok", reply_markup=InlineKeyboardMarkup([[InlineKeyboardButton("b", callback_data="x" * 64)]])
    )
    too_long = InlineKeyboardMarkup([[InlineKeyboardButton("b", callback_data="x" * 65)]])
    with pytest.raises(BadRequest, match=r"(?i)button_data_invalid"):
        await bot.send_message(chat, "no", reply_markup=too_long)


async def test_unknown_chat_and_blocked_user(bot: Bot, botapi: BotApiEmulator, chat: int) -> None:
    with pytest.raises(BadRequest, match=r"(?i)chat not found"):
        await bot.send_message(999, "hi")
    botapi.set_blocked(chat)
    with pytest.raises(Exception, match=r"(?i)blocked by the user"):
        await bot.send_message(chat, "hi")


async def test_get_updates_offset_confirms_updates(bot: Bot, botapi: BotApiEmulator) -> None:
    first = botapi.private_message(USER, "one")
    second = botapi.private_message(USER, "two")
    updates = await bot.get_updates()
    assert [u.update_id for u in updates] == [first["update_id"], second["update_id"]]
    assert [u.update_id for u in await bot.get_updates()] == [first["update_id"], second["update_id"]]
    updates = await bot.get_updates(offset=second["update_id"])
    assert [u.update_id for u in updates] == [second["update_id"]]
    assert await bot.get_updates(offset=second["update_id"] + 1) == ()
    third = botapi.private_message(USER, "three")
    assert [u.update_id for u in await bot.get_updates(offset=first["update_id"], limit=1)] == [third["update_id"]]


async def test_get_updates_long_poll_returns_early(bot: Bot, botapi: BotApiEmulator) -> None:
    async def push_later() -> None:
        await asyncio.sleep(0.2)
        botapi.private_message(USER, "late")

    pusher = asyncio.create_task(push_later())
    loop = asyncio.get_running_loop()
    started = loop.time()
    updates = await bot.get_updates(timeout=5)
    await pusher
    assert loop.time() - started < 2
    assert updates[0].message is not None
    assert updates[0].message.text == "late"


async def test_get_updates_allowed_updates_filters(bot: Bot, botapi: BotApiEmulator) -> None:
    botapi.private_message(USER, "text")
    query = botapi.inline_query(USER, "q")
    updates = await bot.get_updates(allowed_updates=["inline_query"])
    assert [u.update_id for u in updates] == [query["update_id"]]


async def test_start_command_entity_is_understood_by_ptb(bot: Bot, botapi: BotApiEmulator) -> None:
    raw = botapi.private_message(USER, "/start@factcheck_test_bot deep-link")
    assert raw["message"]["entities"] == [{"offset": 0, "length": 25, "type": "bot_command"}]
    update = Update.de_json(raw, bot)
    handler = CommandHandler("start", _noop)
    assert handler.check_update(update)
    assert update.message is not None
    assert update.message.from_user is not None
    assert not update.message.from_user.is_bot
    mention = Update.de_json(botapi.private_message(USER, "ask @factcheck_test_bot"), bot)
    assert mention.message is not None
    assert mention.message.parse_entities([MessageEntity.MENTION]) != {}


async def test_privacy_mode_withholds_plain_group_messages(bot: Bot, botapi: BotApiEmulator) -> None:
    botapi.group_message(-100123, USER, "just chatting")
    command = botapi.group_message(-100123, USER, "/check@factcheck_test_bot claim")
    other_bot = botapi.group_message(-100123, USER, "/check@other_bot claim")
    updates = await bot.get_updates()
    assert [u.update_id for u in updates] == [command["update_id"]]
    assert len(botapi.withheld_updates()) == 2
    assert other_bot["update_id"] not in [u.update_id for u in updates]
    sent = await bot.send_message(-100123, "answer")
    reply = botapi.group_message(-100123, USER, "thanks", reply_to_message=sent.to_dict())
    assert [u.update_id for u in await bot.get_updates(offset=command["update_id"] + 1)] == [reply["update_id"]]


async def test_reply_parameters(bot: Bot, botapi: BotApiEmulator, chat: int) -> None:
    incoming = botapi.private_message(chat, "question")["message"]
    reply = await bot.send_message(chat, "answer", reply_parameters=ReplyParameters(incoming["message_id"]))
    assert reply.reply_to_message is not None
    assert reply.reply_to_message.text == "question"
    with pytest.raises(BadRequest, match=r"(?i)message to be replied not found"):
        await bot.send_message(chat, "x", reply_parameters=ReplyParameters(9999))
    lenient = await bot.send_message(
        chat, "x", reply_parameters=ReplyParameters(9999, allow_sending_without_reply=True)
    )
    assert lenient.reply_to_message is None


async def test_edit_delete_and_callback_flow(bot: Bot, botapi: BotApiEmulator, chat: int) -> None:
    keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("More", callback_data="more")]])
    sent = await bot.send_message(chat, "<b>v1</b>", parse_mode="HTML", reply_markup=keyboard)
    with pytest.raises(BadRequest, match=r"(?i)message is not modified"):
        await bot.edit_message_text("<b>v1</b>", chat, sent.message_id, parse_mode="HTML", reply_markup=keyboard)
    edited = await bot.edit_message_text("v2", chat, sent.message_id)
    assert isinstance(edited, object)
    state = botapi.sent_messages(chat)[-1]
    assert state["text"] == "v2"
    assert "reply_markup" not in state  # an edit without reply_markup removes the keyboard, as in Telegram
    assert "edit_date" in state
    with pytest.raises(ValueError, match="no button with callback_data"):
        botapi.callback_query(chat, state, "more")
    await bot.edit_message_reply_markup(chat, sent.message_id, reply_markup=keyboard)
    press = botapi.press_button(chat, botapi.sent_messages(chat)[-1], "More")
    query_id = press["callback_query"]["id"]
    assert await bot.answer_callback_query(query_id, text="ok")
    assert botapi.callback_answers() == [{"callback_query_id": query_id, "text": "ok", "show_alert": False}]
    with pytest.raises(BadRequest, match=r"(?i)query is too old"):
        await bot.answer_callback_query(query_id)
    assert await bot.delete_message(chat, sent.message_id)
    assert botapi.sent_messages(chat) == []
    with pytest.raises(BadRequest, match=r"(?i)message to delete not found"):
        await bot.delete_message(chat, sent.message_id)


async def test_send_document_multipart_round_trip(bot: Bot, botapi: BotApiEmulator, chat: int) -> None:
    content = b"claims:\n  - id: 1\n    text: caf\xc3\xa9\n"
    message = await bot.send_document(chat, content, filename="facts.yaml", caption="<i>data</i>", parse_mode="HTML")
    assert message.document is not None
    assert message.document.file_name == "facts.yaml"
    assert message.document.file_size == len(content)
    assert message.caption == "data"
    assert message.caption_entities[0].type == MessageEntity.ITALIC
    call = botapi.calls_to("sendDocument")[0]
    assert isinstance(call.params["document"], UploadedFile)
    assert call.params["document"].content == content
    assert botapi.file_content(message.document.file_id) == content
    downloaded = await (await bot.get_file(message.document.file_id)).download_as_bytearray()
    assert bytes(downloaded) == content


async def test_injected_document_can_be_fetched(bot: Bot, botapi: BotApiEmulator) -> None:
    content = b"entries: []\n"
    raw = botapi.document_message(USER, "kb.yaml", content)
    update = Update.de_json(raw, bot)
    assert update.message is not None
    assert update.message.document is not None
    assert update.message.document.mime_type == "application/x-yaml"
    assert update.message.document.file_size == len(content)
    file = await update.message.document.get_file()
    assert file.file_path is not None
    assert file.file_path.startswith(botapi.base_file_url)
    assert bytes(await file.download_as_bytearray()) == content
    with pytest.raises(BadRequest, match=r"(?i)invalid file_id"):
        await bot.get_file("nope")


async def test_fail_next_500_raises_network_error(bot: Bot, botapi: BotApiEmulator, chat: int) -> None:
    botapi.fail_next("sendMessage", status=500)
    with pytest.raises(NetworkError, match="Internal Server Error"):
        await bot.send_message(chat, "x")
    await bot.send_message(chat, "recovered")
    assert [c.status for c in botapi.calls_to("sendMessage")] == [500, 200]


async def test_fail_next_429_raises_retry_after(
    bot: Bot, botapi: BotApiEmulator, chat: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PTB_TIMEDELTA", "true")  # PTB 22 warns about the int retry_after otherwise
    botapi.fail_next("sendMessage", status=429, retry_after=7, times=2)
    for _ in range(2):
        with pytest.raises(RetryAfter) as caught:
            await bot.send_message(chat, "x")
        assert caught.value.retry_after == dtm.timedelta(seconds=7)
    await bot.send_message(chat, "x")


async def test_delay_and_down_cause_network_errors(bot: Bot, botapi: BotApiEmulator, chat: int) -> None:
    botapi.delay_next("sendMessage", 0.5)
    with pytest.raises(TimedOut):
        await bot.send_message(chat, "slow", read_timeout=0.1)
    botapi.set_down(True)
    with pytest.raises(NetworkError):
        await bot.get_me()
    botapi.set_down(False)
    assert (await bot.get_me()).username == "factcheck_test_bot"


async def test_conflict_and_webhook(bot: Bot, botapi: BotApiEmulator) -> None:
    botapi.conflict_next_get_updates()
    with pytest.raises(Conflict, match="terminated by other getUpdates request"):
        await bot.get_updates()
    botapi.private_message(USER, "queued")
    assert await bot.set_webhook("http://127.0.0.1:9/hook", secret_token="s3cret")
    info = await bot.get_webhook_info()
    assert info.url == "http://127.0.0.1:9/hook"
    assert info.pending_update_count == 1
    assert botapi.webhook == {
        "url": "http://127.0.0.1:9/hook",
        "max_connections": 40,
        "secret_token": "s3cret",
    }
    with pytest.raises(Conflict, match="webhook is active"):
        await bot.get_updates()
    assert await bot.delete_webhook(drop_pending_updates=True)
    assert await bot.get_updates() == ()


async def test_concurrent_get_updates_terminates_the_older_poll(bot: Bot, botapi: BotApiEmulator) -> None:
    older = asyncio.create_task(bot.get_updates(timeout=5))
    await botapi.wait_for(lambda: botapi.calls_to("getUpdates"), timeout=2)
    await asyncio.sleep(0.1)  # let the first poll start waiting
    async with httpx.AsyncClient(trust_env=False) as client:  # PTB serializes its own getUpdates calls
        newer = await client.post(f"{botapi.base_url}{botapi.token}/getUpdates", data={"timeout": "0"})
    assert newer.json() == {"ok": True, "result": []}
    with pytest.raises(Conflict, match="terminated by other getUpdates request"):
        await older


async def test_wrong_token_is_invalid_token(botapi: BotApiEmulator) -> None:
    with pytest.raises(InvalidToken):
        async with Bot("123456:WRONG", base_url=botapi.base_url):
            pass


async def test_answer_inline_query_validation(bot: Bot, botapi: BotApiEmulator) -> None:
    def article(result_id: str, text: str = "<b>fact</b>") -> InlineQueryResultArticle:
        return InlineQueryResultArticle(result_id, "title", InputTextMessageContent(text, parse_mode="HTML"))

    query_id = botapi.inline_query(USER, "vaccines")["inline_query"]["id"]
    with pytest.raises(BadRequest, match=r"(?i)results_too_much"):
        await bot.answer_inline_query(query_id, [article(str(i)) for i in range(51)])
    with pytest.raises(BadRequest, match=r"(?i)result_id_duplicate"):
        await bot.answer_inline_query(query_id, [article("a"), article("a")])
    with pytest.raises(BadRequest, match=r"(?i)result_id_invalid"):
        await bot.answer_inline_query(query_id, [article("x" * 65)])
    with pytest.raises(BadRequest, match=r"(?i)can't parse entities"):
        await bot.answer_inline_query(query_id, [article("a", "<b>broken")])
    with pytest.raises(BadRequest, match=r"(?i)message is too long"):
        await bot.answer_inline_query(query_id, [article("a", "y" * 4097)])
    with pytest.raises(BadRequest, match=r"(?i)query is too old"):
        await bot.answer_inline_query("123", [article("a")])
    assert await bot.answer_inline_query(query_id, [article("a"), article("b" * 64)], cache_time=0)
    [answer] = botapi.inline_answers()
    assert answer["results"][0]["input_message_content"] == {
        "message_text": "fact",
        "entities": [{"offset": 0, "length": 4, "type": "bold"}],
    }
    assert answer["cache_time"] == 0
    with pytest.raises(BadRequest, match=r"(?i)query is too old"):
        await bot.answer_inline_query(query_id, [article("a")])
    chosen = botapi.chosen_inline_result(USER, "a", "vaccines", inline_message_id="inl-1")
    assert Update.de_json(chosen, bot).chosen_inline_result is not None
    assert await bot.edit_message_text("<i>new</i>", inline_message_id="inl-1", parse_mode="HTML")
    assert botapi.inline_message("inl-1") == {
        "text": "new",
        "entities": [{"offset": 0, "length": 3, "type": "italic"}],
    }


async def test_commands_per_scope_and_language(bot: Bot, botapi: BotApiEmulator) -> None:
    await bot.set_my_commands([BotCommand("start", "Start"), BotCommand("help", "Help")])
    await bot.set_my_commands([BotCommand("start", "Начать")], language_code="ru")
    await bot.set_my_commands([BotCommand("check", "Check")], scope=BotCommandScopeAllPrivateChats())
    assert [c.command for c in await bot.get_my_commands()] == ["start", "help"]
    assert [c.description for c in await bot.get_my_commands(language_code="ru")] == ["Начать"]
    assert botapi.commands({"type": "all_private_chats"}) == [{"command": "check", "description": "Check"}]
    await bot.delete_my_commands()
    assert await bot.get_my_commands() == ()
    with pytest.raises(BadRequest, match=r"(?i)bot_command_invalid"):
        await bot.set_my_commands([BotCommand("Bad-Name", "x")])


async def test_chat_action_and_wait_helpers(bot: Bot, botapi: BotApiEmulator, chat: int) -> None:
    assert await bot.send_chat_action(chat, "typing")

    async def reply_later() -> None:
        await asyncio.sleep(0.05)
        await bot.send_message(chat, "later")

    task = asyncio.create_task(reply_later())
    [message] = await botapi.wait_for_messages(chat, 1, timeout=2)
    await task
    assert message["text"] == "later"
    assert len(await botapi.wait_for_call("sendChatAction")) == 1
    with pytest.raises(AssertionError, match=r"(?s)timed out.*2 bot message\(s\).*sendChatAction"):
        await botapi.wait_for_messages(chat, 2, timeout=0.1)


async def test_raw_http_parameter_styles_and_envelopes(botapi: BotApiEmulator, chat: int) -> None:
    base = f"{botapi.base_url}{botapi.token}"
    async with httpx.AsyncClient(trust_env=False) as client:
        by_query = await client.get(f"{base}/sendMessage", params={"chat_id": chat, "text": "q"})
        by_json = await client.post(
            f"{base}/sendmessage",
            json={
                "chat_id": chat,
                "text": "j",
                "reply_markup": {"inline_keyboard": [[{"text": "t", "url": "example.com"}]]},
            },
        )
        unknown = await client.post(f"{base}/noSuchMethod")
        unemulated = await client.post(f"{base}/sendPhoto")
        unauthorized = await client.get(f"{botapi.base_url}1:bad/getMe")
    assert by_query.json()["result"]["text"] == "q"
    assert by_json.json()["result"]["reply_markup"]["inline_keyboard"][0][0]["url"] == "example.com"
    assert unknown.status_code == 404
    assert unknown.json() == {"ok": False, "error_code": 404, "description": "Not Found"}
    assert "does not emulate sendPhoto" in unemulated.json()["description"]
    assert unauthorized.status_code == 401
    assert unauthorized.json() == {"ok": False, "error_code": 401, "description": "Unauthorized"}
    assert [c.method for c in botapi.calls] == ["sendMessage", "sendMessage", "noSuchMethod", "sendPhoto"]


class _Capture(BaseHTTPRequestHandler):
    """Records webhook deliveries."""

    received: list[tuple[str | None, Any]] = []  # noqa: RUF012 - test-local capture

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        self.received.append((self.headers.get("X-Telegram-Bot-Api-Secret-Token"), json.loads(body)))
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        pass


@pytest.fixture
def webhook_sink() -> Iterator[tuple[str, list[tuple[str | None, Any]]]]:
    """Run a tiny loopback HTTP server that records what is posted to it."""
    _Capture.received = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Capture)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/hook", _Capture.received
    finally:
        server.shutdown()
        thread.join()
        server.server_close()


async def test_webhook_delivery(
    bot: Bot, botapi: BotApiEmulator, webhook_sink: tuple[str, list[tuple[str | None, Any]]]
) -> None:
    url, received = webhook_sink
    update = botapi.private_message(USER, "hook me")
    assert botapi.webhook_payload(update) == json.dumps(update, ensure_ascii=False).encode()
    assert await asyncio.to_thread(botapi.post_to_webhook, url, update, "s1") == 200
    await bot.set_webhook(url, secret_token="s2")
    assert await botapi.deliver_to_webhook() == [200]
    assert botapi.pending_updates() == []
    assert received == [("s1", update), ("s2", update)]
    with pytest.raises(ValueError, match="non-loopback"):
        botapi.post_to_webhook("http://192.0.2.1/hook", update)


async def _echo(update: Update, context: CallbackContext[Any, Any, Any, Any]) -> None:
    """Reply to /start with an HTML greeting."""
    assert update.effective_message is not None
    await update.effective_message.reply_html("<b>Hi</b> there")


async def test_application_polling_round_trip(botapi: BotApiEmulator) -> None:
    application = (
        ApplicationBuilder().token(botapi.token).base_url(botapi.base_url).base_file_url(botapi.base_file_url).build()
    )
    application.add_handler(CommandHandler("start", _echo))
    async with application:
        await application.start()
        assert application.updater is not None
        await application.updater.start_polling(timeout=dtm.timedelta(seconds=2))
        botapi.private_message(USER, "/start")
        [reply] = await botapi.wait_for_messages(USER, 1)
        await application.updater.stop()
        await application.stop()
    assert reply["text"] == "Hi there"
    assert reply["entities"] == [{"offset": 0, "length": 2, "type": "bold"}]
    assert botapi.pending_updates() == []


async def test_application_webhook_round_trip(botapi: BotApiEmulator) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    application = ApplicationBuilder().token(botapi.token).base_url(botapi.base_url).build()
    application.add_handler(CommandHandler("start", _echo))
    async with application:
        await application.start()
        assert application.updater is not None
        await application.updater.start_webhook(
            listen="127.0.0.1",
            port=port,
            url_path="hook",
            webhook_url=f"http://127.0.0.1:{port}/hook",
            secret_token="s3cret",
        )
        botapi.private_message(USER, "/start")
        assert await botapi.deliver_to_webhook() == [200]
        await botapi.wait_for_messages(USER, 1)
        wrong = botapi.private_message(USER, "/start")
        webhook_url = f"http://127.0.0.1:{port}/hook"
        assert await botapi.post_to_webhook_async(webhook_url, wrong, "wrong") == 403
        await application.updater.stop()
        await application.stop()
