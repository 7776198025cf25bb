"""Loopback emulator of the Telegram Bot API for end-to-end tests of python-telegram-bot bots."""

from __future__ import annotations

import asyncio
import contextlib
import copy
import ipaddress
import itertools
import json
import logging
import mimetypes
import re
import secrets
import socket
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any, Final, TypeVar, cast
from urllib.parse import parse_qsl, unquote, urlsplit

import httpx
import telegram

__all__ = [
    "ApiError",
    "BotApiEmulator",
    "Call",
    "HtmlParseError",
    "UploadedFile",
    "format_text",
    "parse_html",
    "parse_multipart",
    "utf16_length",
]

JsonDict = dict[str, Any]
T = TypeVar("T")

_LOG: Final = logging.getLogger("botapi_emulator")

MAX_MESSAGE_LENGTH: Final = 4096
MAX_CAPTION_LENGTH: Final = 1024
MAX_CALLBACK_DATA_BYTES: Final = 64
MAX_INLINE_RESULTS: Final = 50
MAX_INLINE_RESULT_ID_BYTES: Final = 64
MAX_COMMANDS: Final = 100

CONFLICT_GET_UPDATES: Final = (
    "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running"
)
CONFLICT_WEBHOOK_ACTIVE: Final = (
    "Conflict: can't use getUpdates method while webhook is active; " + "use deleteWebhook to delete the webhook first"
)
QUERY_TOO_OLD: Final = "query is too old and response timeout expired or query ID is invalid"
NOT_MODIFIED: Final = (
    "message is not modified: specified new message content and reply markup are exactly the same as a "
    "current content and reply markup of the message"
)

ALL_UPDATE_TYPES: Final = frozenset(telegram.Update.ALL_TYPES)
DEFAULT_UPDATE_TYPES: Final = ALL_UPDATE_TYPES - {"chat_member", "message_reaction", "message_reaction_count"}
CHAT_ACTIONS: Final = frozenset(
    {
        "typing",
        "upload_photo",
        "record_video",
        "upload_video",
        "record_voice",
        "upload_voice",
        "upload_document",
        "choose_sticker",
        "find_location",
        "record_video_note",
        "upload_video_note",
    }
)
COMMAND_SCOPES: Final = frozenset(
    {
        "default",
        "all_private_chats",
        "all_group_chats",
        "all_chat_administrators",
        "chat",
        "chat_administrators",
        "chat_member",
    }
)
INLINE_RESULT_TYPES: Final = frozenset(
    {
        "article",
        "photo",
        "gif",
        "mpeg4_gif",
        "video",
        "audio",
        "voice",
        "document",
        "location",
        "venue",
        "contact",
        "game",
        "sticker",
    }
)
_BUTTON_ACTIONS: Final = (
    "url",
    "callback_data",
    "web_app",
    "login_url",
    "switch_inline_query",
    "switch_inline_query_current_chat",
    "switch_inline_query_chosen_chat",
    "copy_text",
    "callback_game",
    "pay",
)
_JSON_FIELDS: Final = frozenset(
    {
        "reply_markup",
        "entities",
        "caption_entities",
        "results",
        "commands",
        "scope",
        "reply_parameters",
        "link_preview_options",
        "allowed_updates",
        "button",
        "menu_button",
        "media",
    }
)
_INT_FIELDS: Final = frozenset(
    {
        "message_id",
        "reply_to_message_id",
        "offset",
        "limit",
        "timeout",
        "cache_time",
        "max_connections",
        "message_thread_id",
        "user_id",
    }
)
_BOOL_FIELDS: Final = frozenset(
    {
        "disable_notification",
        "protect_content",
        "allow_sending_without_reply",
        "show_alert",
        "is_personal",
        "drop_pending_updates",
        "disable_web_page_preview",
        "disable_content_type_detection",
    }
)
# Real Bot API method names that python-telegram-bot knows about (its camelCase aliases).
_KNOWN_API_METHODS: Final = frozenset(
    name
    for name in dir(telegram.Bot)
    if name[:1].islower() and name != name.lower() and "_" not in name and callable(getattr(telegram.Bot, name))
)


# --------------------------------------------------------------------------------------------------
# Errors and records
# --------------------------------------------------------------------------------------------------


class ApiError(Exception):
    """An error that the emulator answers with a Bot API error envelope."""

    def __init__(self, error_code: int, description: str, *, retry_after: int | None = None) -> None:
        """Remember the HTTP status, the description and the optional retry_after parameter."""
        super().__init__(description)
        self.error_code = error_code
        self.description = description
        self.retry_after = retry_after

    def envelope(self) -> JsonDict:
        """Return the JSON body Telegram would send for this error."""
        body: JsonDict = {"ok": False, "error_code": self.error_code, "description": self.description}
        if self.retry_after is not None:
            body["parameters"] = {"retry_after": self.retry_after}
        return body


def _bad_request(reason: str) -> ApiError:
    """Build a 400 error with Telegram's "Bad Request: " prefix."""
    return ApiError(400, f"Bad Request: {reason}")


class HtmlParseError(ValueError):
    """Raised when text with parse_mode=HTML is rejected the way Telegram rejects it."""


class _EmptyTextError(ValueError):
    """Raised when a text is empty after entity parsing and trimming."""


@dataclass(slots=True)
class Call:
    """One request the bot made; status and description are filled in once it was answered."""

    method: str
    params: dict[str, Any]
    at: float
    status: int | None = None
    description: str | None = None
    body_type: str = ""  # the request's Content-Type without parameters ("" without a body)


@dataclass(frozen=True, slots=True)
class UploadedFile:
    """A file part of a multipart/form-data request."""

    filename: str
    content: bytes
    content_type: str


@dataclass(slots=True)
class _StoredFile:
    """A file the emulator can serve through getFile and the download route."""

    file_id: str
    file_unique_id: str
    file_name: str
    mime_type: str
    content: bytes
    file_path: str


@dataclass(slots=True)
class _Fault:
    """A pending injected failure."""

    method: str
    status: int
    description: str
    retry_after: int | None
    remaining: int


@dataclass(slots=True)
class _Delay:
    """A pending injected delay."""

    method: str
    seconds: float
    remaining: int


@dataclass(slots=True)
class _Query:
    """An inline or callback query that may still be answered."""

    created: float
    answered: bool = False


@dataclass(slots=True)
class _Ent:
    """A message entity with offsets in code points while the text is being processed."""

    kind: str
    offset: int
    length: int
    extra: JsonDict = field(default_factory=dict)

    @property
    def end(self) -> int:
        """Return the code point index just past the entity."""
        return self.offset + self.length


# --------------------------------------------------------------------------------------------------
# Text: HTML parsing (a port of TDLib's parse_html), cleaning, trimming and entity detection
# --------------------------------------------------------------------------------------------------

_HTML_TAGS: Final = frozenset(
    {
        "a",
        "b",
        "strong",
        "i",
        "em",
        "s",
        "strike",
        "del",
        "u",
        "ins",
        "tg-spoiler",
        "tg-emoji",
        "span",
        "pre",
        "code",
        "blockquote",
    }
)
_SPACES: Final = frozenset(b" \t\r\n\v\0")  # TDLib's is_space(); NUL doubles as the end of the input
_SPLITTABLE: Final = frozenset({"bold", "italic", "underline", "strikethrough", "spoiler"})
_CONTINUOUS: Final = frozenset({"code", "pre", "text_link", "text_mention", "custom_emoji"})
_AUTO_TYPES: Final = frozenset({"mention", "hashtag", "cashtag", "bot_command", "url", "email", "phone_number"})
_USER_TYPES: Final = frozenset(
    {
        "bold",
        "italic",
        "underline",
        "strikethrough",
        "spoiler",
        "code",
        "pre",
        "text_link",
        "text_mention",
        "custom_emoji",
        "blockquote",
        "expandable_blockquote",
    }
)
_PRIORITY: Final = {
    "blockquote": 0,
    "expandable_blockquote": 1,
    "pre": 11,
    "code": 20,
    "text_link": 49,
    "text_mention": 49,
    "bold": 90,
    "italic": 91,
    "underline": 92,
    "strikethrough": 93,
    "spoiler": 94,
    "custom_emoji": 99,
}
_SHORT_USERNAMES: Final = frozenset({"gif", "wiki", "vid", "bing", "pic", "bold", "imdb", "coub", "like", "vote"})
_TLDS: Final = frozenset(
    " ".join(
        (
            "com net org info biz io ai app dev me co uk us de fr ru ua by kz it es nl pl eu ch at be",
            "se no fi dk cz in jp cn br ca au nz tv xyz online site tech store blog news pro edu gov",
            "mil int ly gl gg to cc ws fm am ir tr gr pt ro hu sk bg rs hr si lt lv ee is ie il sg hk",
            "tw kr id my ph th vn mx ar cl pe page link cloud club live life world today wiki media",
            "email space website shop top ninja design",
        )
    ).split()
)
_EMAIL_RE: Final = re.compile(r"(?<![\w.+\-@])[\w.+\-]+@((?:[^\W_](?:[\w\-]*[^\W_])?\.)+([^\W\d_]{2,24}))(?![\w@])")
_URL_RE: Final = re.compile(
    r"(?<![\w@.\-/:])"
    r"(?:(?P<scheme>https?|ftp|tg|ton|tonsite)://)?"
    r"(?P<host>(?:[^\W_](?:[\w\-]{0,61}[^\W_])?\.)+(?P<tld>[^\W\d_]{2,24}))"
    r"(?::\d{1,5})?"
    r"(?:[/?#][^\s<>\"]*)?",
    re.IGNORECASE,
)


def utf16_length(text: str) -> int:
    """Return the length of text in UTF-16 code units, the unit of Telegram entity offsets."""
    return sum(2 if ord(ch) > 0xFFFF else 1 for ch in text)


def _utf16_slice(text: str, offset: int, length: int) -> str:
    """Return the part of text that an entity with UTF-16 offset and length covers."""
    return text.encode("utf-16-le")[2 * offset : 2 * (offset + length)].decode("utf-16-le")


def _is_ascii_alnum(byte: int) -> bool:
    """Return whether a byte is an ASCII letter or digit."""
    return 0x30 <= byte <= 0x39 or 0x41 <= byte <= 0x5A or 0x61 <= byte <= 0x7A


def _decode_html_entity(src: bytes, pos: int) -> tuple[int, int]:
    """Decode the HTML entity at src[pos] == '&'; return (code point or 0, position after it)."""
    size = len(src)

    def at(k: int) -> int:
        return src[k] if k < size else 0

    end = pos + 1
    code = 0
    if at(pos + 1) == 0x23:  # '#'
        end += 1
        if at(pos + 2) == 0x78:  # 'x'
            end += 1
            while chr(at(end)) in "0123456789abcdefABCDEF" and at(end):
                code = code * 16 + int(chr(at(end)), 16)
                end += 1
        else:
            while 0x30 <= at(end) <= 0x39:
                code = code * 10 + at(end) - 0x30
                end += 1
        if code == 0 or code >= 0x10FFFF or end - pos >= 10:
            return 0, pos
    else:
        while 0x41 <= at(end) <= 0x5A or 0x61 <= at(end) <= 0x7A:
            end += 1
        code = {b"lt": 0x3C, b"gt": 0x3E, b"amp": 0x26, b"quot": 0x22}.get(src[pos + 1 : end], 0)
        if code == 0:
            return 0, pos
    if at(end) == 0x3B:  # ';'
        end += 1
    return code, end


def _link_user_id(url: str) -> int | None:
    """Return the user id of a tg://user?id=N link, as TDLib's get_link_user_id does."""
    match = re.fullmatch(r"(?i)tg:(?://)?user\?id=(\d{1,18})", url)
    return int(match.group(1)) if match else None


def _checked_link(link: str) -> str:
    """Validate and normalise a link like TDLib's get_checked_link; return "" when it is invalid."""
    lower = link.lower()
    for scheme in ("tg", "ton", "tonsite"):
        if lower.startswith(scheme + ":"):
            rest = link[len(scheme) + 1 :]
            rest = rest.removeprefix("//")
            match = re.match(r"([^/?#]*)(.*)", rest, re.DOTALL)
            host, query = (match.group(1), match.group(2)) if match else ("", "")
            allowed = r"[A-Za-z0-9_.\-]+" if scheme == "tonsite" else r"[A-Za-z0-9_\-]+"
            if not host or not re.fullmatch(allowed, host):
                return ""
            if not query.startswith("/"):
                query = "/" + query
            if query.startswith("/?"):
                query = query[1:]
            return f"{scheme}://{host.lower()}{query}"
    match = re.fullmatch(
        r"(?:(?P<scheme>[A-Za-z][A-Za-z0-9+.\-]*)://)?(?:(?P<user>[^@/?#\s]*)@)?"
        r"(?P<host>[^/?#:\s]+)(?::(?P<port>\d{1,5}))?(?P<rest>[/?#].*)?",
        link,
        re.DOTALL,
    )
    if match is None:
        return ""
    scheme = (match.group("scheme") or "http").lower()
    if scheme not in ("http", "https"):
        return ""
    host = match.group("host").lower()
    if "." not in host or host.startswith(".") or ".." in host:
        return ""
    if not all(ch.isalnum() or ch in "-_." or ord(ch) > 127 for ch in host):
        return ""
    port = match.group("port")
    if port is not None and not 0 < int(port) < 65536:
        return ""
    rest = match.group("rest") or "/"
    if not rest.startswith("/"):
        rest = "/" + rest
    user = f"{match.group('user')}@" if match.group("user") else ""
    return f"{scheme}://{user}{host}{':' + port if port else ''}{rest}"


def _parse_html_entities(text: str, *, strict_ampersand: bool) -> tuple[str, list[_Ent]]:
    """Parse Telegram HTML into plain text and entities with code point offsets (TDLib's parse_html)."""
    src = text.encode("utf-8")
    size = len(src)

    def at(k: int) -> int:
        return src[k] if k < size else 0

    out = bytearray()
    chars = 0
    recheck_utf8 = False
    entities: list[_Ent] = []
    stack: list[tuple[str, str, int, int]] = []  # tag, argument, code point offset, output byte offset
    i = 0
    while i < size:
        byte = src[i]
        if byte == 0x26:  # '&'
            code, end = _decode_html_entity(src, i)
            if code:
                chars += 1
                recheck_utf8 = recheck_utf8 or 0xD800 <= code <= 0xDFFF
                out += chr(code).encode("utf-8", "surrogatepass")
                i = end
                continue
            if strict_ampersand:
                raise HtmlParseError(f'Unescaped "&" at byte offset {i} (write it as &amp;)')
        if byte != 0x3C:  # not '<'
            if (byte & 0xC0) != 0x80:
                chars += 1
            out.append(byte)
            i += 1
            continue

        begin = i
        i += 1
        if at(i) != 0x2F:  # start tag
            while at(i) not in _SPACES and at(i) != 0x3E:
                i += 1
            if at(i) == 0:
                raise HtmlParseError(f"Unclosed start tag at byte offset {begin}")
            tag = src[begin + 1 : i].lower().decode("utf-8", "replace")
            if tag not in _HTML_TAGS:
                raise HtmlParseError(f'Unsupported start tag "{tag}" at byte offset {begin}')
            argument = ""
            while at(i) != 0x3E:
                while at(i) != 0 and at(i) in _SPACES:
                    i += 1
                if at(i) == 0x3E:
                    break
                attribute_begin = i
                while at(i) not in _SPACES and at(i) not in b"=>/\"'":
                    i += 1
                attribute = src[attribute_begin:i]
                if not attribute:
                    raise HtmlParseError(f'Empty attribute name in the tag "{tag}" at byte offset {begin}')
                while at(i) != 0 and at(i) in _SPACES:
                    i += 1
                if at(i) != 0x3D:  # '='
                    if at(i) == 0:
                        raise HtmlParseError(f'Unclosed start tag "{tag}" at byte offset {begin}')
                    if tag == "blockquote" and attribute == b"expandable":
                        argument = "1"
                    continue
                i += 1
                while at(i) != 0 and at(i) in _SPACES:
                    i += 1
                if at(i) == 0:
                    raise HtmlParseError(f'Unclosed start tag "{tag}" at byte offset {begin}')
                if at(i) not in (0x22, 0x27):
                    token_begin = i
                    while _is_ascii_alnum(at(i)) or at(i) in (0x2E, 0x2D):
                        i += 1
                    raw_value = src[token_begin:i].lower()
                    if at(i) not in _SPACES and at(i) != 0x3E:
                        raise HtmlParseError(f"Unexpected end of name token at byte offset {token_begin}")
                else:
                    quote = at(i)
                    i += 1
                    buffer = bytearray()
                    while at(i) != quote and at(i) != 0:
                        if at(i) == 0x26:
                            code, end = _decode_html_entity(src, i)
                            if code:
                                buffer += chr(code).encode("utf-8", "surrogatepass")
                                i = end
                                continue
                        buffer.append(at(i))
                        i += 1
                    if at(i) == quote:
                        i += 1
                    raw_value = bytes(buffer)
                if at(i) == 0:
                    raise HtmlParseError(f"Unclosed start tag at byte offset {begin}")
                value = raw_value.decode("utf-8", "replace")
                if tag == "a" and attribute == b"href":
                    argument = value
                elif tag == "code" and attribute == b"class" and value.startswith("language-"):
                    argument = value[9:]
                elif tag == "span" and attribute == b"class" and value.startswith("tg-"):
                    argument = value[3:]
                elif tag == "tg-emoji" and attribute == b"emoji-id":
                    argument = value
                elif tag == "blockquote" and attribute == b"expandable":
                    argument = "1"
            if tag == "span" and argument != "spoiler":
                raise HtmlParseError(f'Tag "span" must have class "tg-spoiler" at byte offset {begin}')
            stack.append((tag, argument, chars, len(out)))
        else:  # end tag
            if not stack:
                raise HtmlParseError(f"Unexpected end tag at byte offset {begin}")
            while at(i) not in _SPACES and at(i) != 0x3E:
                i += 1
            end_tag = src[begin + 2 : i].lower().decode("utf-8", "replace")
            while at(i) != 0 and at(i) in _SPACES:
                i += 1
            if at(i) != 0x3E:
                raise HtmlParseError(f"Unclosed end tag at byte offset {begin}")
            tag, argument, start, out_start = stack[-1]
            if end_tag and end_tag != tag:
                raise HtmlParseError(
                    f'Unmatched end tag at byte offset {begin}, expected "</{tag}>", found "</{end_tag}>"'
                )
            if chars > start:
                _close_html_entity(entities, tag, argument, start, chars - start, bytes(out[out_start:]))
            stack.pop()
        i += 1  # skip '>'

    if stack:
        raise HtmlParseError(f'Can\'t find end tag corresponding to start tag "{stack[-1][0]}"')
    for entity in entities:
        if entity.kind == "code":
            entity.extra.pop("language", None)
    try:
        result = out.decode("utf-8")
    except UnicodeDecodeError as exc:
        if recheck_utf8:
            raise HtmlParseError(
                "Text contains invalid Unicode characters after decoding HTML entities, check for unmatched "
                "surrogate code units"
            ) from exc
        raise HtmlParseError("Strings must be encoded in UTF-8") from exc
    entities.sort(key=_entity_sort_key)
    return result, entities


def _close_html_entity(entities: list[_Ent], tag: str, argument: str, offset: int, length: int, inner: bytes) -> None:
    """Append the entity an HTML end tag produces, merging <pre><code class=...> pairs like TDLib."""
    simple = {
        "i": "italic",
        "em": "italic",
        "b": "bold",
        "strong": "bold",
        "s": "strikethrough",
        "strike": "strikethrough",
        "del": "strikethrough",
        "u": "underline",
        "ins": "underline",
        "tg-spoiler": "spoiler",
        "span": "spoiler",
    }
    last = entities[-1] if entities else None
    same_span = last is not None and last.offset == offset and last.length == length
    if tag in simple:
        entities.append(_Ent(simple[tag], offset, length))
    elif tag == "tg-emoji":
        if not argument.isdigit() or not 0 < int(argument) < 2**63:
            raise HtmlParseError("Invalid custom emoji identifier specified")
        entities.append(_Ent("custom_emoji", offset, length, {"custom_emoji_id": argument}))
    elif tag == "a":
        url = argument or inner.decode("utf-8", "replace")
        user_id = _link_user_id(url)
        if user_id is not None:
            entities.append(_Ent("text_mention", offset, length, {"user_id": user_id}))
        else:
            checked = _checked_link(url)
            if checked:
                entities.append(_Ent("text_link", offset, length, {"url": checked}))
    elif tag == "pre":
        if last is not None and same_span and last.kind == "code" and last.extra.get("language"):
            last.kind = "pre"
        else:
            entities.append(_Ent("pre", offset, length))
    elif tag == "code":
        if last is not None and same_span and last.kind == "pre" and "language" not in last.extra and argument:
            last.extra["language"] = argument
        else:
            entities.append(_Ent("code", offset, length, {"language": argument} if argument else {}))
    else:  # blockquote
        entities.append(_Ent("expandable_blockquote" if argument else "blockquote", offset, length))


def _entity_sort_key(entity: _Ent) -> tuple[int, int, int]:
    """Order entities like TDLib: by offset, longer first, then by type priority."""
    priority = 10 if entity.kind == "pre" and entity.extra.get("language") else _PRIORITY.get(entity.kind, 50)
    return entity.offset, -entity.length, priority


def _is_word_char(ch: str) -> bool:
    """Return whether ch is a letter, a number or an underscore (TDLib's is_word_character)."""
    return ch == "_" or ch.isalnum()


def _is_hashtag_char(ch: str) -> bool:
    """Return whether ch may be part of a hashtag (TDLib's is_hashtag_letter)."""
    code = ord(ch)
    return ch == "_" or code in (0x200C, 0xB7) or 0xD80 <= code <= 0xDFF or ch.isalpha() or ch.isdecimal()


def _ascii_word_end(text: str, pos: int) -> int:
    """Return the end of the run of [A-Za-z0-9_] starting at pos."""
    while pos < len(text) and (text[pos] == "_" or (text[pos].isascii() and text[pos].isalnum())):
        pos += 1
    return pos


def _find_mentions(text: str) -> list[tuple[int, int]]:
    """Find @username mentions like TDLib's find_mentions."""
    found: list[tuple[int, int]] = []
    pos = text.find("@")
    while pos != -1:
        nxt = pos + 1
        if pos == 0 or not _is_word_char(text[pos - 1]):
            end = _ascii_word_end(text, pos + 1)
            nxt = end
            name = text[pos + 1 : end]
            if (
                2 <= len(name) <= 32
                and not (end < len(text) and _is_word_char(text[end]))
                and (len(name) >= 5 or name in _SHORT_USERNAMES)
            ):
                found.append((pos, end))
        pos = text.find("@", max(nxt, pos + 1))
    return found


def _find_bot_commands(text: str) -> list[tuple[int, int]]:
    """Find /commands and /command@botname like TDLib's match_bot_commands."""
    found: list[tuple[int, int]] = []
    pos = text.find("/")
    while pos != -1:
        nxt = pos + 1
        if pos == 0 or not (_is_word_char(text[pos - 1]) or text[pos - 1] in "/<>"):
            end = _ascii_word_end(text, pos + 1)
            nxt = end
            ok = 1 <= end - pos - 1 <= 64
            if ok and end < len(text) and text[end] == "@":
                mention_end = _ascii_word_end(text, end + 1)
                ok = 3 <= mention_end - end - 1 <= 32
                end = nxt = mention_end
            if ok and not (end < len(text) and (_is_word_char(text[end]) or text[end] in "/<>")):
                found.append((pos, end))
        pos = text.find("/", max(nxt, pos + 1))
    return found


def _find_hashtags(text: str) -> list[tuple[int, int]]:
    """Find #hashtags like TDLib's match_hashtags."""
    found: list[tuple[int, int]] = []
    pos = text.find("#")
    while pos != -1:
        nxt = pos + 1
        if pos == 0 or not _is_hashtag_char(text[pos - 1]):
            end = pos + 1
            while end < len(text) and _is_hashtag_char(text[end]):
                end += 1
            nxt = end
            body = text[pos + 1 : min(end, pos + 1 + 256)]
            if body and not (end < len(text) and text[end] == "#") and any(ch.isalpha() for ch in body):
                found.append((pos, pos + 1 + len(body)))
        pos = text.find("#", max(nxt, pos + 1))
    return found


def _find_cashtags(text: str) -> list[tuple[int, int]]:
    """Find $CASHTAGS like TDLib's match_cashtags."""
    found: list[tuple[int, int]] = []
    for match in re.finditer(r"\$(1INCH|[A-Z]{1,8})", text):
        start, end = match.span()
        before_ok = start == 0 or not (_is_hashtag_char(text[start - 1]) or text[start - 1] == "$")
        after_ok = end == len(text) or not (_is_hashtag_char(text[end]) or text[end] == "$")
        if before_ok and after_ok:
            found.append((start, end))
    return found


def _trim_url(text: str, start: int, end: int) -> int:
    """Drop trailing punctuation and unbalanced closing brackets from a detected URL."""
    while end > start:
        last = text[end - 1]
        if last in ".,:;!?'\"" or (last == ")" and text.count("(", start, end) < text.count(")", start, end)):
            end -= 1
        else:
            break
    return end


def _detect_entities(text: str) -> list[_Ent]:
    """Detect mentions, commands, hashtags, cashtags, URLs and e-mails (simplified TDLib find_entities)."""
    spans: list[tuple[int, int, str]] = []
    emails = [
        (m.start(), m.end()) for m in _EMAIL_RE.finditer(text) if m.group(2).lower() in _TLDS and "@" in m.group(0)
    ]
    spans += [(start, end, "email") for start, end in emails]
    for match in _URL_RE.finditer(text):
        if match.group("scheme") is None and match.group("tld").lower() not in _TLDS:
            continue
        start, end = match.start(), _trim_url(text, match.start(), match.end())
        if any(s < end and start < e for s, e in emails):
            continue
        spans.append((start, end, "url"))
    spans += [(s, e, "mention") for s, e in _find_mentions(text)]
    spans += [(s, e, "bot_command") for s, e in _find_bot_commands(text)]
    spans += [(s, e, "hashtag") for s, e in _find_hashtags(text)]
    spans += [(s, e, "cashtag") for s, e in _find_cashtags(text)]
    spans.sort(key=lambda span: (span[0], -(span[1] - span[0])))
    kept: list[_Ent] = []
    for start, end, kind in spans:
        if end > start and all(end <= k.offset or start >= k.end for k in kept):
            kept.append(_Ent(kind, start, end - start))
    return kept


def _merge_splittable(entities: list[_Ent]) -> list[_Ent]:
    """Merge overlapping or adjacent entities of the same splittable type and cut them out of pre blocks."""
    result = [e for e in entities if e.kind not in _SPLITTABLE]
    pre_spans = sorted((e.offset, e.end) for e in entities if e.kind == "pre")
    for kind in sorted(_SPLITTABLE):
        merged: list[list[int]] = []
        for start, end in sorted((e.offset, e.end) for e in entities if e.kind == kind):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        for start, end in merged:
            pieces = [(start, end)]
            for pre_start, pre_end in pre_spans:
                pieces = [
                    part
                    for a, b in pieces
                    for part in ((a, min(b, pre_start)), (max(a, pre_end), b))
                    if part[1] > part[0]
                ]
            result += [_Ent(kind, a, b - a) for a, b in pieces]
    return result


def _finalize_text(text: str, entities: list[_Ent], *, allow_empty: bool) -> tuple[str, list[_Ent]]:
    """Clean, trim and complete a formatted text like TDLib's fix_formatted_text does for a bot."""
    new_index = [0] * (len(text) + 1)
    kept: list[str] = []
    for index, ch in enumerate(text):
        new_index[index] = len(kept)
        code = ord(ch)
        if ch == "\r" or 0x2028 <= code <= 0x202E or code in (0x333, 0x33F, 0x30A):
            continue
        kept.append(" " if code <= 32 and ch != "\n" else ch)
    new_index[len(text)] = len(kept)
    cleaned = "".join(kept)
    moved = [_Ent(e.kind, new_index[e.offset], new_index[e.end] - new_index[e.offset], dict(e.extra)) for e in entities]
    moved = [e for e in moved if e.length > 0 and not (e.kind == "text_link" and not e.extra.get("url"))]
    moved = _merge_splittable(moved)
    moved.sort(key=_entity_sort_key)

    stripped = cleaned.rstrip(" \n")
    if not stripped:
        if allow_empty:
            return "", []
        raise _EmptyTextError
    limit = len(stripped)
    moved = [e for e in moved if e.offset < limit]
    for entity in moved:
        entity.length = min(entity.length, limit - entity.offset)
    first_entity = min((e.offset for e in moved), default=limit)
    shift = 0
    while shift < first_entity and stripped[shift] in " \n":
        shift += 1
    final = stripped[shift:]
    for entity in moved:
        entity.offset -= shift

    blocking = [e for e in moved if e.kind in _CONTINUOUS]
    quotes = [e for e in moved if e.kind.endswith("blockquote")]
    for found in _detect_entities(final):
        if any(found.offset < b.end and b.offset < found.end for b in blocking):
            continue
        if any(
            found.offset < q.end and q.offset < found.end and not (q.offset <= found.offset and found.end <= q.end)
            for q in quotes
        ):
            continue
        moved.append(found)
    moved.sort(key=_entity_sort_key)
    return final, moved


def _entities_to_json(text: str, entities: Iterable[_Ent], users: dict[int, JsonDict]) -> list[JsonDict]:
    """Serialize entities with UTF-16 offsets the way the Bot API reports them."""
    positions = [0]
    for ch in text:
        positions.append(positions[-1] + (2 if ord(ch) > 0xFFFF else 1))
    result: list[JsonDict] = []
    for entity in entities:
        item: JsonDict = {
            "offset": positions[entity.offset],
            "length": positions[entity.end] - positions[entity.offset],
            "type": entity.kind,
        }
        if entity.kind == "text_link":
            item["url"] = entity.extra["url"]
        elif entity.kind == "pre" and entity.extra.get("language"):
            item["language"] = entity.extra["language"]
        elif entity.kind == "text_mention":
            user_id = int(entity.extra["user_id"])
            item["user"] = copy.deepcopy(users.get(user_id, {"id": user_id, "is_bot": False, "first_name": ""}))
        elif entity.kind == "custom_emoji":
            item["custom_emoji_id"] = entity.extra["custom_emoji_id"]
        result.append(item)
    return result


def _entities_from_json(text: str, raw: Any) -> list[_Ent]:
    """Convert bot-supplied entities (UTF-16 offsets) into code point entities, validating them."""
    if raw is None:
        return []
    if not isinstance(raw, list):
        raise _bad_request("can't parse entities JSON object")
    starts: dict[int, int] = {}
    position = 0
    for index, ch in enumerate(text):
        starts[position] = index
        position += 2 if ord(ch) > 0xFFFF else 1
    starts[position] = len(text)
    result: list[_Ent] = []
    for item in raw:
        if not isinstance(item, dict) or not isinstance(item.get("type"), str):
            raise _bad_request('can\'t parse MessageEntity: Field "type" must be of type String')
        offset, length = item.get("offset"), item.get("length")
        if not isinstance(offset, int) or not isinstance(length, int) or offset < 0 or length < 0:
            raise _bad_request('can\'t parse MessageEntity: Field "offset" must be a valid Number')
        kind = item["type"]
        if kind in _AUTO_TYPES or kind not in _USER_TYPES:
            continue  # Telegram ignores manual auto-detected entity types and re-detects them
        if offset + length > position:
            raise _bad_request(
                f"can't parse entities: Entity beginning at UTF-16 offset {offset} ends after the end "
                f"of the text at UTF-16 offset {offset + length}"
            )
        if offset not in starts or offset + length not in starts:
            raise _bad_request("can't parse entities: Entity begins or ends in a middle of a UTF-16 symbol")
        extra: JsonDict = {}
        if kind == "text_link":
            url = _checked_link(str(item.get("url", "")))
            if not url:
                raise _bad_request(f"can't parse entities: URL '{item.get('url', '')}' is invalid")
            extra["url"] = url
        elif kind == "pre" and item.get("language"):
            extra["language"] = str(item["language"])
        elif kind == "text_mention":
            user = item.get("user")
            if not isinstance(user, dict) or not isinstance(user.get("id"), int):
                raise _bad_request('can\'t parse MessageEntity: Field "user" must be of type Object')
            extra["user_id"] = user["id"]
        elif kind == "custom_emoji":
            extra["custom_emoji_id"] = str(item.get("custom_emoji_id", ""))
        start = starts[offset]
        result.append(_Ent(kind, start, starts[offset + length] - start, extra))
    return result


def parse_html(text: str, *, strict_ampersand: bool = True) -> tuple[str, list[JsonDict]]:
    """Parse Telegram HTML into plain text and entities (UTF-16 offsets); raise HtmlParseError if invalid."""
    plain, entities = _parse_html_entities(text, strict_ampersand=strict_ampersand)
    return plain, _entities_to_json(plain, entities, {})


def format_text(
    text: str, parse_mode: str | None = "HTML", *, strict_ampersand: bool = True
) -> tuple[str, list[JsonDict]]:
    """Return the text and entities Telegram stores for a bot message (HTML, trimming, detection)."""
    if parse_mode is not None and parse_mode.lower() == "html":
        plain, entities = _parse_html_entities(text, strict_ampersand=strict_ampersand)
    else:
        plain, entities = text, []
    final, fixed = _finalize_text(plain, entities, allow_empty=True)
    return final, _entities_to_json(final, fixed, {})


# --------------------------------------------------------------------------------------------------
# HTTP request parsing
# --------------------------------------------------------------------------------------------------


def _header_params(value: str) -> tuple[str, dict[str, str]]:
    """Split a header like 'form-data; name="a"; filename="b"' into its value and parameters."""
    head, _, rest = value.partition(";")
    params: dict[str, str] = {}
    for match in re.finditer(r';?\s*([^=;\s]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^;]*)', ";" + rest):
        name, raw = match.group(1).lower(), match.group(2).strip()
        if raw.startswith('"') and raw.endswith('"') and len(raw) >= 2:
            raw = re.sub(r"\\(.)", r"\1", raw[1:-1])
        params[name] = raw.replace("%22", '"')
    return head.strip().lower(), params


def parse_multipart(body: bytes, content_type: str) -> dict[str, str | UploadedFile]:
    """Parse a multipart/form-data body; file parts become UploadedFile, other parts UTF-8 strings."""
    _, header = _header_params(content_type)
    boundary = header.get("boundary")
    if not boundary:
        raise ValueError("multipart body without a boundary")
    delimiter = b"\r\n--" + boundary.encode("latin-1")
    chunks = (b"\r\n" + body).split(delimiter)
    fields: dict[str, str | UploadedFile] = {}
    for chunk in chunks[1:]:
        if chunk.startswith(b"--"):
            break
        part = chunk.removeprefix(b"\r\n")
        raw_headers, separator, content = part.partition(b"\r\n\r\n")
        if not separator:
            raise ValueError("multipart part without a header block")
        headers: dict[str, str] = {}
        for line in raw_headers.decode("utf-8", "replace").split("\r\n"):
            name, colon, value = line.partition(":")
            if colon:
                headers[name.strip().lower()] = value.strip()
        _, disposition = _header_params(headers.get("content-disposition", ""))
        field_name = disposition.get("name")
        if field_name is None:
            continue
        if "filename" in disposition:
            fields[field_name] = UploadedFile(
                filename=disposition["filename"],
                content=content,
                content_type=headers.get("content-type", "application/octet-stream"),
            )
        else:
            fields[field_name] = content.decode("utf-8")
    return fields


class _Params:
    """Request parameters with Telegram's typing rules: strings in, typed values out."""

    def __init__(self, raw: dict[str, Any]) -> None:
        """Decode JSON-in-form fields and well-known integer and boolean fields."""
        self.data: dict[str, Any] = {}
        self.bad_json: set[str] = set()
        for name, value in raw.items():
            decoded = value
            if name in _JSON_FIELDS and isinstance(value, str):
                try:
                    decoded = json.loads(value)
                except ValueError:
                    self.bad_json.add(name)
            elif (
                (name in _INT_FIELDS or name == "chat_id")
                and isinstance(value, str)
                and re.fullmatch(r"-?\d+", value.strip())
            ):
                decoded = int(value)
            elif name in _BOOL_FIELDS and isinstance(value, str) and value.lower() in ("true", "false", "1", "0"):
                decoded = value.lower() in ("true", "1")
            self.data[name] = decoded

    def has(self, name: str) -> bool:
        """Return whether the parameter was sent."""
        return name in self.data and self.data[name] is not None

    def get_obj(self, name: str) -> Any:
        """Return a (JSON-decoded) parameter or None."""
        if name in self.bad_json:
            what = {
                "reply_markup": "reply keyboard markup",
                "results": "inline query results",
                "entities": "entities",
                "caption_entities": "caption entities",
            }.get(name, name)
            raise _bad_request(f"can't parse {what} JSON object")
        return self.data.get(name)

    def get_str(self, name: str, *, required: bool = False) -> str | None:
        """Return a string parameter."""
        value = self.data.get(name)
        if value is None:
            if required:
                raise _bad_request(f'parameter "{name}" is required')
            return None
        if isinstance(value, UploadedFile):
            raise _bad_request(f'parameter "{name}" must be a string')
        return value if isinstance(value, str) else json.dumps(value)

    def get_int(self, name: str, *, required: bool = False) -> int | None:
        """Return an integer parameter."""
        value = self.data.get(name)
        if value is None:
            if required:
                raise _bad_request(f'parameter "{name}" is required')
            return None
        if isinstance(value, bool):
            return int(value)
        if isinstance(value, int):
            return value
        if isinstance(value, float) and value.is_integer():
            return int(value)
        if isinstance(value, str) and re.fullmatch(r"\s*-?\d+\s*", value):
            return int(value)
        raise _bad_request(f"invalid {name} specified")

    def get_float(self, name: str) -> float | None:
        """Return a numeric parameter as a float."""
        value = self.data.get(name)
        if value is None:
            return None
        try:
            return float(value)
        except (TypeError, ValueError):
            raise _bad_request(f"invalid {name} specified") from None

    def get_bool(self, name: str) -> bool:
        """Return a boolean parameter (absent means False)."""
        value = self.data.get(name)
        if isinstance(value, str):
            return value.lower() in ("true", "1")
        return bool(value)


# --------------------------------------------------------------------------------------------------
# HTTP server
# --------------------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Response:
    """An HTTP response to write, or a connection to drop when status is None."""

    status: int | None
    body: bytes = b""
    content_type: str = "application/json"


class _Server(ThreadingHTTPServer):
    """A threading HTTP server that tracks its connections so that stop() can cut them."""

    daemon_threads = True
    block_on_close = False

    def __init__(self, emulator: BotApiEmulator) -> None:
        """Bind to an ephemeral loopback port."""
        super().__init__(("127.0.0.1", 0), _Handler)
        self.emulator = emulator
        self.connections: set[socket.socket] = set()
        self.accepted = 0
        self.workers: set[threading.Thread] = set()
        self.tracking = threading.Lock()

    def process_request(self, request: Any, client_address: Any) -> None:
        """Serve each connection in its own tracked daemon thread."""
        with contextlib.suppress(OSError):  # answer in one segment instead of waiting for delayed ACKs
            request.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        worker = threading.Thread(
            target=self._serve_connection, args=(request, client_address), name="botapi-conn", daemon=True
        )
        with self.tracking:
            self.connections.add(request)
            self.accepted += 1
            self.workers.add(worker)
        worker.start()

    def _serve_connection(self, request: Any, client_address: Any) -> None:
        """Handle one connection, then close it and forget it."""
        try:
            self.finish_request(request, client_address)
        except OSError:
            pass
        except Exception:  # noqa: BLE001 - a broken client must not kill the server thread
            _LOG.exception("botapi_emulator: connection handler failed")
        finally:
            self.shutdown_request(request)
            with self.tracking:
                self.connections.discard(request)
                self.workers.discard(threading.current_thread())

    def cut_connections(self) -> list[threading.Thread]:
        """Shut down every open connection and return the worker threads to join."""
        with self.tracking:
            connections, workers = list(self.connections), list(self.workers)
        for connection in connections:
            with contextlib.suppress(OSError):
                connection.shutdown(socket.SHUT_RDWR)
        return workers


class _Handler(BaseHTTPRequestHandler):
    """Routes HTTP requests to the emulator."""

    protocol_version = "HTTP/1.1"
    server_version = "botapi-emulator/1.0"

    def do_GET(self) -> None:
        """Serve a GET request."""
        self._serve()

    def do_POST(self) -> None:
        """Serve a POST request."""
        self._serve()

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - signature of the base class
        """Send the access log to the debug logger instead of stderr."""
        _LOG.debug("%s %s", self.address_string(), format % args)

    def _read_body(self) -> bytes:
        """Read the request body, plain or chunked."""
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            body = bytearray()
            while True:
                size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
                if size == 0:
                    while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                        pass
                    return bytes(body)
                body += self.rfile.read(size)
                self.rfile.readline()
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def _serve(self) -> None:
        """Dispatch the request and write the response, or drop the connection."""
        emulator = cast(_Server, self.server).emulator
        body = self._read_body()
        response = emulator._handle_http(self.command, self.path, dict(self.headers.items()), body)
        if response.status is None:
            self.close_connection = True
            return
        try:
            self.send_response(response.status)
            self.send_header("Content-Type", response.content_type)
            self.send_header("Content-Length", str(len(response.body)))
            self.end_headers()
            self.wfile.write(response.body)
            self.wfile.flush()
        except OSError:
            self.close_connection = True


# --------------------------------------------------------------------------------------------------
# The emulator
# --------------------------------------------------------------------------------------------------


def _require_loopback(url: str) -> None:
    """Refuse to send anything to an address outside the loopback range."""
    host = urlsplit(url).hostname
    if host == "localhost":
        return
    try:
        address = ipaddress.ip_address(host or "")
    except ValueError:
        raise ValueError(f"refusing to deliver to non-loopback URL {url!r}") from None
    if not address.is_loopback:
        raise ValueError(f"refusing to deliver to non-loopback URL {url!r}")


def _update_type(update: JsonDict) -> str:
    """Return the kind of an update, e.g. "message" or "callback_query"."""
    return next((key for key in update if key != "update_id"), "")


class BotApiEmulator:
    """A Telegram Bot API server on 127.0.0.1 that records calls and lets tests inject updates and faults."""

    def __init__(
        self,
        token: str = "123456:TEST-token",
        bot_username: str = "factcheck_test_bot",
        *,
        bot_first_name: str = "Factcheck Test Bot",
        privacy_mode: bool = True,
        strict_ampersand: bool = True,
        query_timeout: float = 15.0,
    ) -> None:
        """Configure the emulated bot; nothing listens until start()."""
        bot_id, _, secret = token.partition(":")
        if not bot_id.isdigit() or not secret:
            raise ValueError("token must look like '<digits>:<secret>'")
        self.token = token
        self.bot_username = bot_username
        self.privacy_mode = privacy_mode
        self.strict_ampersand = strict_ampersand
        self.query_timeout = query_timeout
        self._bot_id = int(bot_id)
        self._bot_first_name = bot_first_name
        self._cond = threading.Condition()
        self._stopping = threading.Event()
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self._ids = itertools.count(1)

        self._calls: list[Call] = []
        self._updates: list[JsonDict] = []
        self._withheld: list[JsonDict] = []
        self._next_update_id = 10_000
        self._allowed_updates: frozenset[str] = DEFAULT_UPDATE_TYPES
        self._poll_generation = 0
        self._webhook: JsonDict | None = None
        self._users: dict[int, JsonDict] = {}
        self._chats: dict[int, JsonDict] = {}
        self._blocked: set[int] = set()
        self._message_counters: dict[int, int] = {}
        self._messages: dict[tuple[int, int], JsonDict] = {}
        self._sent: list[tuple[int, int]] = []
        self._sent_keys: set[tuple[int, int]] = set()
        self._deleted: list[tuple[int, int]] = []
        self._inline_messages: dict[str, JsonDict] = {}
        self._inline_queries: dict[str, _Query] = {}
        self._callback_queries: dict[str, _Query] = {}
        self._inline_answers: list[JsonDict] = []
        self._callback_answers: list[JsonDict] = []
        self._commands: dict[tuple[str, str], list[JsonDict]] = {}
        self._bot_texts: dict[tuple[str, str], str] = {}
        self._menu_buttons: dict[int | None, JsonDict] = {}
        self._files: dict[str, _StoredFile] = {}
        self._file_paths: dict[str, str] = {}
        self._faults: list[_Fault] = []
        self._delays: list[_Delay] = []
        self._down = False
        self._logged_out = False
        self.internal_errors: list[str] = []
        self._methods: dict[str, tuple[str, Callable[[_Params], Any]]] = {
            name.lower(): (name, handler)
            for name, handler in {
                "getMe": self._m_get_me,
                "getUpdates": self._m_get_updates,
                "setWebhook": self._m_set_webhook,
                "deleteWebhook": self._m_delete_webhook,
                "getWebhookInfo": self._m_get_webhook_info,
                "setMyCommands": self._m_set_my_commands,
                "getMyCommands": self._m_get_my_commands,
                "deleteMyCommands": self._m_delete_my_commands,
                "setMyDescription": self._bot_text_setter("description"),
                "getMyDescription": self._bot_text_getter("description"),
                "setMyShortDescription": self._bot_text_setter("short_description"),
                "getMyShortDescription": self._bot_text_getter("short_description"),
                "setMyName": self._bot_text_setter("name"),
                "getMyName": self._bot_text_getter("name"),
                "setChatMenuButton": self._m_set_chat_menu_button,
                "getChatMenuButton": self._m_get_chat_menu_button,
                "sendMessage": self._m_send_message,
                "editMessageText": self._m_edit_message_text,
                "editMessageReplyMarkup": self._m_edit_message_reply_markup,
                "deleteMessage": self._m_delete_message,
                "answerCallbackQuery": self._m_answer_callback_query,
                "answerInlineQuery": self._m_answer_inline_query,
                "sendChatAction": self._m_send_chat_action,
                "sendDocument": self._m_send_document,
                "getFile": self._m_get_file,
                "close": self._m_true,
                "logOut": self._m_log_out,
            }.items()
        }

    # ---------------------------------------------------------------- lifecycle

    def start(self) -> BotApiEmulator:
        """Start serving on an ephemeral 127.0.0.1 port in a daemon thread."""
        if self._server is not None:
            raise RuntimeError("emulator already started")
        self._stopping.clear()
        self._server = _Server(self)
        self._thread = threading.Thread(
            target=self._server.serve_forever,
            kwargs={"poll_interval": 0.05},
            name="botapi-emulator",
            daemon=True,
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving, wake long polls, cut open connections and close the listening socket."""
        server, thread = self._server, self._thread
        if server is None or thread is None:
            return
        self._stopping.set()
        with self._cond:
            self._cond.notify_all()
        server.shutdown()
        thread.join()
        for worker in server.cut_connections():
            worker.join(timeout=5)
        server.server_close()
        self._server = None
        self._thread = None

    def __enter__(self) -> BotApiEmulator:
        """Start the emulator."""
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        """Stop the emulator."""
        self.stop()

    @property
    def port(self) -> int:
        """Return the TCP port the emulator listens on."""
        if self._server is None:
            raise RuntimeError("emulator not started")
        return int(self._server.server_address[1])

    @property
    def base_url(self) -> str:
        """Return the value for Bot(base_url=...); python-telegram-bot appends the token."""
        return f"http://127.0.0.1:{self.port}/bot"

    @property
    def base_file_url(self) -> str:
        """Return the value for Bot(base_file_url=...); python-telegram-bot appends the token."""
        return f"http://127.0.0.1:{self.port}/file/bot"

    @property
    def bot_user(self) -> JsonDict:
        """Return the bot's User object as getMe reports it."""
        return {
            **self._bot_sender(),
            "can_join_groups": True,
            "can_read_all_group_messages": not self.privacy_mode,
            "supports_inline_queries": True,
            "can_connect_to_business": False,
            "has_main_web_app": False,
        }

    def _bot_sender(self) -> JsonDict:
        """Return the bot's User object as it appears in the "from" field of messages."""
        return {
            "id": self._bot_id,
            "is_bot": True,
            "first_name": self._bot_first_name,
            "username": self.bot_username,
        }

    # ---------------------------------------------------------------- recording helpers

    @property
    def calls(self) -> list[Call]:
        """Return every request the bot made, in arrival order."""
        with self._cond:
            return list(self._calls)

    def connection_counts(self) -> tuple[int, int]:
        """How many TCP connections clients opened so far, and how many are open now."""
        server = self._server
        if server is None:
            return 0, 0
        with server.tracking:
            return server.accepted, len(server.connections)

    def calls_to(self, method: str) -> list[Call]:
        """Return the calls of one Bot API method (case-insensitive)."""
        with self._cond:
            return [call for call in self._calls if call.method.lower() == method.lower()]

    def sent_messages(self, chat_id: int | None = None) -> list[JsonDict]:
        """Return the current state (after edits, without deleted ones) of messages the bot sent."""
        with self._cond:
            return [
                copy.deepcopy(self._messages[key])
                for key in self._sent
                if key in self._messages and (chat_id is None or key[0] == chat_id)
            ]

    def message(self, chat_id: int, message_id: int) -> JsonDict | None:
        """Return the current state of any known message, or None."""
        with self._cond:
            found = self._messages.get((chat_id, message_id))
            return copy.deepcopy(found) if found is not None else None

    def deleted_messages(self) -> list[tuple[int, int]]:
        """Return (chat_id, message_id) of the messages deleted through deleteMessage."""
        with self._cond:
            return list(self._deleted)

    def inline_message(self, inline_message_id: str) -> JsonDict | None:
        """Return the state of an inline message (text, entities, reply_markup), or None."""
        with self._cond:
            found = self._inline_messages.get(inline_message_id)
            return copy.deepcopy(found) if found is not None else None

    def inline_answers(self) -> list[JsonDict]:
        """Return the accepted answerInlineQuery calls with decoded results."""
        with self._cond:
            return copy.deepcopy(self._inline_answers)

    def callback_answers(self) -> list[JsonDict]:
        """Return the accepted answerCallbackQuery calls."""
        with self._cond:
            return copy.deepcopy(self._callback_answers)

    def commands(self, scope: JsonDict | None = None, language_code: str = "") -> list[JsonDict]:
        """Return the bot commands set for a scope (default scope if None) and language."""
        with self._cond:
            return copy.deepcopy(self._commands.get(self._commands_key(scope, language_code), []))

    def pending_updates(self) -> list[JsonDict]:
        """Return the queued updates the bot has not confirmed yet."""
        with self._cond:
            return copy.deepcopy(self._updates)

    def withheld_updates(self) -> list[JsonDict]:
        """Return group updates that privacy mode kept from the bot."""
        with self._cond:
            return copy.deepcopy(self._withheld)

    @property
    def webhook(self) -> JsonDict | None:
        """Return the webhook settings (url, secret_token, ...) or None when no webhook is set."""
        with self._cond:
            return copy.deepcopy(self._webhook)

    def file_content(self, file_id: str) -> bytes:
        """Return the bytes stored for a file_id (uploaded by the bot or injected)."""
        with self._cond:
            return self._files[file_id].content

    def describe(self, last: int = 30) -> str:
        """Summarise the recorded state for assertion messages."""
        with self._cond:
            lines = [f"calls ({len(self._calls)} total, last {last}):"]
            for call in self._calls[-last:]:
                shown = {
                    k: (f"<file {v.filename}>" if isinstance(v, UploadedFile) else v) for k, v in call.params.items()
                }
                outcome = call.status if call.description is None else f"{call.status} {call.description}"
                lines.append(f"  {call.method} -> {outcome}: {json.dumps(shown, default=str)[:300]}")
            lines.append("sent messages:")
            lines += [
                f"  chat {key[0]} #{key[1]}: {str(self._messages[key].get('text', '<no text>'))[:200]!r}"
                for key in self._sent
                if key in self._messages
            ]
            lines.append(f"pending updates: {[u['update_id'] for u in self._updates]}")
            if self._withheld:
                lines.append(f"withheld by privacy mode: {len(self._withheld)} update(s)")
            if self.internal_errors:
                lines.append(f"emulator internal errors: {self.internal_errors}")
            return "\n".join(lines)

    # ---------------------------------------------------------------- async waiting helpers

    async def wait_for(self, predicate: Callable[[], T], timeout: float = 5.0, *, what: str = "") -> T:
        """Poll predicate until it returns a truthy value and return it; raise AssertionError on timeout."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            value = predicate()
            if value:
                return value
            if loop.time() >= deadline:
                label = what or getattr(predicate, "__name__", "condition")
                raise AssertionError(f"timed out after {timeout:.1f}s waiting for {label}\n{self.describe()}")
            await asyncio.sleep(0.01)

    async def wait_for_messages(self, chat_id: int, count: int = 1, timeout: float = 5.0) -> list[JsonDict]:
        """Wait until the bot has at least count messages in chat_id; return them all."""

        def enough() -> list[JsonDict]:
            messages = self.sent_messages(chat_id)
            return messages if len(messages) >= count else []

        return await self.wait_for(enough, timeout, what=f"{count} bot message(s) in chat {chat_id}")

    async def wait_for_call(self, method: str, count: int = 1, timeout: float = 5.0) -> list[Call]:
        """Wait until the bot made at least count answered calls of method; return them all."""

        def enough() -> list[Call]:
            done = [call for call in self.calls_to(method) if call.status is not None]
            return done if len(done) >= count else []

        return await self.wait_for(enough, timeout, what=f"{count} answered {method} call(s)")

    async def wait_until_consumed(self, timeout: float = 5.0) -> None:
        """Wait until the bot has confirmed every queued update."""
        await self.wait_for(lambda: not self.pending_updates(), timeout, what="all updates to be confirmed")

    # ---------------------------------------------------------------- fault injection

    def fail_next(
        self,
        method: str,
        *,
        status: int = 500,
        description: str | None = None,
        retry_after: int | None = None,
        times: int = 1,
    ) -> None:
        """Answer the next `times` calls of method ("*" for any) with an error envelope."""
        if description is None:
            defaults = {
                400: "Bad Request",
                401: "Unauthorized",
                403: "Forbidden",
                404: "Not Found",
                409: "Conflict",
                429: f"Too Many Requests: retry after {retry_after or 1}",
                502: "Bad Gateway",
            }
            description = defaults.get(status, "Internal Server Error")
        if status == 429 and retry_after is None:
            retry_after = 1
        with self._cond:
            self._faults.append(_Fault(method.lower(), status, description, retry_after, times))

    def delay_next(self, method: str, seconds: float, times: int = 1) -> None:
        """Hold the next `times` calls of method ("*" for any) for `seconds` before answering them."""
        with self._cond:
            self._delays.append(_Delay(method.lower(), seconds, times))

    def set_down(self, down: bool = True) -> None:
        """While down, every request gets its connection closed without a response."""
        with self._cond:
            self._down = down

    def conflict_next_get_updates(self, times: int = 1) -> None:
        """Answer the next getUpdates calls with 409 Conflict, as when another instance polls."""
        self.fail_next("getUpdates", status=409, description=CONFLICT_GET_UPDATES, times=times)

    def set_blocked(self, user_id: int, blocked: bool = True) -> None:
        """Make sending to the user's private chat fail with 403 "bot was blocked by the user"."""
        with self._cond:
            if blocked:
                self._blocked.add(user_id)
            else:
                self._blocked.discard(user_id)

    # ---------------------------------------------------------------- update injection

    def _user(self, user_id: int, first_name: str, language_code: str | None, username: str | None) -> JsonDict:
        """Build (and remember) a human user."""
        user: JsonDict = {"id": user_id, "is_bot": False, "first_name": first_name}
        if username:
            user["username"] = username
        if language_code:
            user["language_code"] = language_code
        self._users[user_id] = user
        return copy.deepcopy(user)

    def _known_user(self, user_id: int) -> JsonDict:
        """Return a remembered user or a default one."""
        return copy.deepcopy(self._users.get(user_id) or self._user(user_id, "Ann", "en", None))

    def _enqueue(self, update_body: JsonDict, *, deliver: bool = True) -> JsonDict:
        """Assign the next update_id and queue the update for getUpdates."""
        update = {"update_id": self._next_update_id, **update_body}
        self._next_update_id += 1
        if deliver:
            self._updates.append(update)
            self._cond.notify_all()
        else:
            self._withheld.append(update)
        return copy.deepcopy(update)

    def inject(self, update_body: JsonDict) -> JsonDict:
        """Queue an arbitrary update body (without update_id) and return the full update."""
        with self._cond:
            return self._enqueue(copy.deepcopy(update_body))

    def _store_incoming(self, chat: JsonDict, sender: JsonDict | None, content: JsonDict) -> JsonDict:
        """Create and store a message a user (or channel) sent."""
        message = self._new_message(chat, sender)
        message.update(content)
        self._messages[(chat["id"], message["message_id"])] = message
        return copy.deepcopy(message)

    def _text_content(self, text: str) -> JsonDict:
        """Return text plus the entities Telegram detects in a user's message."""
        content: JsonDict = {"text": text}
        entities = _entities_to_json(text, _detect_entities(text), self._users)
        if entities:
            content["entities"] = entities
        return content

    def _reply_copy(self, reply_to: JsonDict) -> JsonDict:
        """Return the current stored version of a message to embed as reply_to_message."""
        key = (int(reply_to["chat"]["id"]), int(reply_to["message_id"]))
        current: JsonDict = copy.deepcopy(self._messages.get(key, reply_to))
        current.pop("reply_to_message", None)
        return current

    def private_message(
        self,
        user_id: int,
        text: str,
        *,
        first_name: str = "Ann",
        language_code: str = "en",
        username: str | None = None,
        reply_to_message: JsonDict | None = None,
    ) -> JsonDict:
        """Queue a text message a user sends to the bot in a private chat."""
        with self._cond:
            user = self._user(user_id, first_name, language_code, username)
            chat: JsonDict = {"id": user_id, "type": "private", "first_name": first_name}
            if username:
                chat["username"] = username
            self._chats[user_id] = chat
            content = self._text_content(text)
            if reply_to_message is not None:
                content = {"reply_to_message": self._reply_copy(reply_to_message), **content}
            message = self._store_incoming(chat, user, content)
            return self._enqueue({"message": message})

    def group_message(
        self,
        chat_id: int,
        user_id: int,
        text: str,
        *,
        chat_type: str = "supergroup",
        reply_to_message: JsonDict | None = None,
        title: str | None = None,
        first_name: str = "Ann",
        language_code: str = "en",
        username: str | None = None,
    ) -> JsonDict:
        """Queue a group message; in privacy mode the bot only gets commands, mentions and replies to it."""
        if chat_type not in ("group", "supergroup"):
            raise ValueError("chat_type must be 'group' or 'supergroup'")
        with self._cond:
            user = self._user(user_id, first_name, language_code, username)
            chat = {"id": chat_id, "type": chat_type, "title": title or f"Group {chat_id}"}
            self._chats[chat_id] = chat
            content = self._text_content(text)
            reply = self._reply_copy(reply_to_message) if reply_to_message is not None else None
            if reply is not None:
                content = {"reply_to_message": reply, **content}
            message = self._store_incoming(chat, user, content)
            return self._enqueue({"message": message}, deliver=self._bot_sees(message))

    def _bot_sees(self, message: JsonDict) -> bool:
        """Apply privacy mode to a group message."""
        if not self.privacy_mode:
            return True
        text = str(message.get("text", ""))
        reply = message.get("reply_to_message")
        if reply is not None and reply.get("from", {}).get("id") == self._bot_id:
            return True
        for entity in message.get("entities", []):
            fragment = _utf16_slice(text, entity["offset"], entity["length"])
            if entity["type"] == "mention" and fragment[1:].lower() == self.bot_username.lower():
                return True
            if entity["type"] == "bot_command" and entity["offset"] == 0:
                _, _, target = fragment.partition("@")
                if not target or target.lower() == self.bot_username.lower():
                    return True
        return False

    def channel_post(
        self, chat_id: int, text: str, *, title: str | None = None, username: str | None = None
    ) -> JsonDict:
        """Queue a post in a channel where the bot is an administrator."""
        with self._cond:
            chat: JsonDict = {"id": chat_id, "type": "channel", "title": title or f"Channel {chat_id}"}
            if username:
                chat["username"] = username
            self._chats[chat_id] = chat
            message = self._store_incoming(chat, None, self._text_content(text))
            return self._enqueue({"channel_post": message})

    def inline_query(
        self,
        user_id: int,
        query: str,
        *,
        chat_type: str = "sender",
        offset: str = "",
        first_name: str = "Ann",
        language_code: str = "en",
    ) -> JsonDict:
        """Queue an inline query; it can be answered once within query_timeout seconds."""
        with self._cond:
            query_id = str(4_000_000_000_000_000_000 + next(self._ids))
            self._inline_queries[query_id] = _Query(time.monotonic())
            body: JsonDict = {
                "id": query_id,
                "from": self._user(user_id, first_name, language_code, None),
                "query": query,
                "offset": offset,
            }
            if chat_type:
                body["chat_type"] = chat_type
            return self._enqueue({"inline_query": body})

    def callback_query(self, user_id: int, message: JsonDict, data: str) -> JsonDict:
        """Queue a press on an inline button with callback_data == data under a message the bot sent."""
        with self._cond:
            key = (int(message["chat"]["id"]), int(message["message_id"]))
            current = self._messages.get(key)
            if current is None:
                raise ValueError(f"message {key} does not exist (deleted or never sent)")
            buttons = [
                button.get("callback_data")
                for row in current.get("reply_markup", {}).get("inline_keyboard", [])
                for button in row
            ]
            if data not in buttons:
                raise ValueError(f"message {key} has no button with callback_data {data!r}; it has {buttons}")
            query_id = str(5_000_000_000_000_000_000 + next(self._ids))
            self._callback_queries[query_id] = _Query(time.monotonic())
            body = {
                "id": query_id,
                "from": self._known_user(user_id),
                "message": copy.deepcopy(current),
                "chat_instance": str(7_000_000_000_000_000 + abs(key[0])),
                "data": data,
            }
            return self._enqueue({"callback_query": body})

    def press_button(self, user_id: int, message: JsonDict, text: str) -> JsonDict:
        """Queue a press on the callback button whose label is text."""
        with self._cond:
            key = (int(message["chat"]["id"]), int(message["message_id"]))
            current = self._messages.get(key, message)
            data = [
                str(button["callback_data"])
                for row in current.get("reply_markup", {}).get("inline_keyboard", [])
                for button in row
                if button.get("text") == text and "callback_data" in button
            ]
        if not data:
            raise ValueError(f"message {key} has no callback button labelled {text!r}")
        return self.callback_query(user_id, message, data[0])

    def inline_callback_query(self, user_id: int, inline_message_id: str, data: str) -> JsonDict:
        """Queue a press on a callback button of an inline message (sent via inline mode)."""
        with self._cond:
            query_id = str(5_000_000_000_000_000_000 + next(self._ids))
            self._callback_queries[query_id] = _Query(time.monotonic())
            self._inline_messages.setdefault(inline_message_id, {"text": None})
            body = {
                "id": query_id,
                "from": self._known_user(user_id),
                "inline_message_id": inline_message_id,
                "chat_instance": str(7_100_000_000_000_000 + user_id),
                "data": data,
            }
            return self._enqueue({"callback_query": body})

    def chosen_inline_result(
        self, user_id: int, result_id: str, query: str, inline_message_id: str | None = None
    ) -> JsonDict:
        """Queue the result a user picked; with inline_message_id the message becomes editable."""
        with self._cond:
            body: JsonDict = {"result_id": result_id, "from": self._known_user(user_id), "query": query}
            if inline_message_id is not None:
                body["inline_message_id"] = inline_message_id
                self._inline_messages[inline_message_id] = self._inline_content(result_id)
            return self._enqueue({"chosen_inline_result": body})

    def _inline_content(self, result_id: str) -> JsonDict:
        """Return text, entities and markup of the latest answered inline result with that id."""
        for answer in reversed(self._inline_answers):
            for result in answer["results"]:
                if result.get("id") == result_id:
                    content = result.get("input_message_content") or {}
                    state: JsonDict = {"text": content.get("message_text")}
                    if content.get("entities"):
                        state["entities"] = content["entities"]
                    if result.get("reply_markup"):
                        state["reply_markup"] = result["reply_markup"]
                    return copy.deepcopy(state)
        return {"text": None}

    def document_message(
        self,
        user_id: int,
        file_name: str,
        content: bytes,
        mime_type: str = "application/x-yaml",
        *,
        caption: str | None = None,
        first_name: str = "Ann",
        language_code: str = "en",
    ) -> JsonDict:
        """Queue a document a user sends privately; getFile and the download route then serve it."""
        with self._cond:
            user = self._user(user_id, first_name, language_code, None)
            chat: JsonDict = {"id": user_id, "type": "private", "first_name": first_name}
            self._chats[user_id] = chat
            stored = self._register_file(file_name, content, mime_type)
            body: JsonDict = {"document": self._document_json(stored)}
            if caption:
                body.update({"caption": caption, **self._caption_entities(caption)})
            message = self._store_incoming(chat, user, body)
            return self._enqueue({"message": message})

    def _caption_entities(self, caption: str) -> JsonDict:
        """Return the caption_entities Telegram detects in a user's caption."""
        entities = _entities_to_json(caption, _detect_entities(caption), self._users)
        return {"caption_entities": entities} if entities else {}

    def _register_file(self, file_name: str, content: bytes, mime_type: str) -> _StoredFile:
        """Store a file and give it Telegram-like identifiers."""
        number = next(self._ids)
        suffix = "." + file_name.rsplit(".", 1)[1] if "." in file_name else ""
        stored = _StoredFile(
            file_id=f"BQACAgIAAxkBAAI{number:06d}{secrets.token_urlsafe(24)}",
            file_unique_id=f"AgAD{number:04d}{secrets.token_urlsafe(6)}",
            file_name=file_name,
            mime_type=mime_type,
            content=bytes(content),
            file_path=f"documents/file_{number}{suffix}",
        )
        self._files[stored.file_id] = stored
        self._file_paths[stored.file_path] = stored.file_id
        return stored

    @staticmethod
    def _document_json(stored: _StoredFile) -> JsonDict:
        """Return the Document object for a stored file."""
        return {
            "file_name": stored.file_name,
            "mime_type": stored.mime_type,
            "file_id": stored.file_id,
            "file_unique_id": stored.file_unique_id,
            "file_size": len(stored.content),
        }

    # ---------------------------------------------------------------- webhook delivery

    @staticmethod
    def webhook_payload(update: JsonDict) -> bytes:
        """Return the JSON body Telegram posts to a webhook for this update."""
        return json.dumps(update, ensure_ascii=False).encode("utf-8")

    @staticmethod
    def _webhook_headers(secret: str | None) -> dict[str, str]:
        """Return the headers of a webhook delivery."""
        headers = {"Content-Type": "application/json"}
        if secret is not None:
            headers["X-Telegram-Bot-Api-Secret-Token"] = secret
        return headers

    def post_to_webhook(self, url: str, update: JsonDict, secret: str | None = None) -> int:
        """Deliver an update to a loopback webhook synchronously and return the HTTP status.

        Do not call this from the event loop that runs the bot's webhook server: use post_to_webhook_async.
        """
        _require_loopback(url)
        request = urllib.request.Request(
            url, data=self.webhook_payload(update), headers=self._webhook_headers(secret), method="POST"
        )
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        try:
            with opener.open(request, timeout=10) as response:
                return int(response.status)
        except urllib.error.HTTPError as error:
            with error:
                return int(error.code)

    async def post_to_webhook_async(self, url: str, update: JsonDict, secret: str | None = None) -> int:
        """Deliver an update to a loopback webhook from an event loop and return the HTTP status."""
        _require_loopback(url)
        async with httpx.AsyncClient(trust_env=False, timeout=10) as client:
            response = await client.post(
                url, content=self.webhook_payload(update), headers=self._webhook_headers(secret)
            )
            return response.status_code

    async def deliver_to_webhook(self) -> list[int]:
        """Post every queued update to the registered webhook (with its secret); drop those answered 2xx."""
        webhook = self.webhook
        if webhook is None:
            raise RuntimeError("no webhook is set")
        statuses: list[int] = []
        for update in self.pending_updates():
            status = await self.post_to_webhook_async(webhook["url"], update, webhook.get("secret_token"))
            statuses.append(status)
            if 200 <= status < 300:
                with self._cond:
                    self._updates = [u for u in self._updates if u["update_id"] != update["update_id"]]
        return statuses

    # ---------------------------------------------------------------- HTTP entry point

    def _handle_http(self, verb: str, target: str, headers: dict[str, str], body: bytes) -> _Response:
        """Route one HTTP request (called from a server thread)."""
        with self._cond:
            if self._down:
                return _Response(None)
        parts = urlsplit(target)
        path = unquote(parts.path)
        match = re.fullmatch(r"/file/bot([^/]+)/(.+)", path)
        if match:
            return self._download(match.group(1), match.group(2))
        match = re.fullmatch(r"/bot([^/]+)/([A-Za-z0-9_]+)/?", path)
        if match is None:
            return self._json(404, {"ok": False, "error_code": 404, "description": "Not Found"})
        token, method = match.group(1), match.group(2)
        with self._cond:
            unauthorized = token != self.token or self._logged_out
        if unauthorized:
            return self._json(401, {"ok": False, "error_code": 401, "description": "Unauthorized"})
        content_type = next((v for k, v in headers.items() if k.lower() == "content-type"), "")
        body_type = content_type.split(";")[0].strip().lower() if body else ""
        try:
            raw = self._request_params(parts.query, content_type, body_type, body)
        except ApiError as error:
            return self._json(error.error_code, error.envelope())
        return self._call_api(method, _Params(raw), body_type=body_type)

    @staticmethod
    def _json(status: int, payload: JsonDict) -> _Response:
        """Serialize a JSON response."""
        return _Response(status, json.dumps(payload, ensure_ascii=False).encode("utf-8"))

    @staticmethod
    def _request_params(query: str, content_type: str, kind: str, body: bytes) -> dict[str, Any]:
        """Collect parameters from the query string and a urlencoded, JSON or multipart body (``kind``:
        the Content-Type without its parameters)."""
        params: dict[str, Any] = dict(parse_qsl(query, keep_blank_values=True))
        if not body:
            return params
        try:
            if kind == "application/json":
                decoded = json.loads(body)
                if not isinstance(decoded, dict):
                    raise _bad_request("can't parse JSON object")
                params.update(decoded)
            elif kind == "multipart/form-data":
                params.update(parse_multipart(body, content_type))
            else:
                params.update(parse_qsl(body.decode("utf-8"), keep_blank_values=True))
        except (ValueError, UnicodeDecodeError) as exc:
            raise _bad_request(f"can't parse request body: {exc}") from exc
        return params

    def _take_delay(self, key: str) -> float:
        """Consume a matching injected delay."""
        with self._cond:
            for delay in self._delays:
                if delay.method in (key, "*"):
                    delay.remaining -= 1
                    if delay.remaining <= 0:
                        self._delays.remove(delay)
                    return delay.seconds
        return 0.0

    def _take_fault(self, key: str) -> _Fault | None:
        """Consume a matching injected failure."""
        with self._cond:
            for fault in self._faults:
                if fault.method in (key, "*"):
                    fault.remaining -= 1
                    if fault.remaining <= 0:
                        self._faults.remove(fault)
                    return fault
        return None

    def _call_api(self, method: str, params: _Params, *, body_type: str = "") -> _Response:
        """Record the call, apply injected faults and run the method."""
        key = method.lower()
        entry = self._methods.get(key)
        call = Call(entry[0] if entry else method, params.data, time.time(), body_type=body_type)
        with self._cond:
            self._calls.append(call)
        delay = self._take_delay(key)
        if delay:
            self._stopping.wait(delay)
        fault = self._take_fault(key)
        if fault is not None:
            error = ApiError(fault.status, fault.description, retry_after=fault.retry_after)
            status, payload = error.error_code, error.envelope()
        elif entry is None:
            description = "Not Found"
            if method in _KNOWN_API_METHODS:
                description = f"Not Found: botapi_emulator does not emulate {method}"
            status, payload = 404, {"ok": False, "error_code": 404, "description": description}
        else:
            try:
                with self._cond:
                    result = entry[1](params)
                status, payload = 200, {"ok": True, "result": result}
            except ApiError as error:
                status, payload = error.error_code, error.envelope()
            except Exception as exc:  # noqa: BLE001 - report emulator bugs to the bot as a 500
                _LOG.exception("botapi_emulator: %s failed", method)
                self.internal_errors.append(f"{method}: {exc!r}")
                status = 500
                payload = {"ok": False, "error_code": 500, "description": f"Internal Server Error: {exc!r}"}
        with self._cond:
            call.status = status
            call.description = payload.get("description") if status != 200 else None
            self._cond.notify_all()
        return self._json(status, payload)

    def _download(self, token: str, file_path: str) -> _Response:
        """Serve GET /file/bot<token>/<file_path>."""
        if token != self.token:
            return self._json(401, {"ok": False, "error_code": 401, "description": "Unauthorized"})
        with self._cond:
            self._calls.append(Call("downloadFile", {"file_path": file_path}, time.time(), 200))
            file_id = self._file_paths.get(file_path)
            if file_id is None:
                self._calls[-1].status = 404
                return self._json(404, {"ok": False, "error_code": 404, "description": "Not Found"})
            return _Response(200, self._files[file_id].content, "application/octet-stream")

    # ---------------------------------------------------------------- shared validation

    def _resolve_chat(self, params: _Params, name: str = "chat_id") -> JsonDict:
        """Return the chat a request targets, or raise Telegram's errors."""
        value = params.data.get(name)
        if value is None or value == "":
            raise _bad_request("chat_id is empty")
        chat: JsonDict | None
        if isinstance(value, str) and value.startswith("@"):
            chat = next(
                (c for c in self._chats.values() if str(c.get("username", "")).lower() == value[1:].lower()),
                None,
            )
        else:
            chat_id = params.get_int(name)
            chat = self._chats.get(chat_id) if chat_id is not None else None
        if chat is None:
            raise _bad_request("chat not found")
        if chat["type"] == "private" and chat["id"] in self._blocked:
            raise ApiError(403, "Forbidden: bot was blocked by the user")
        return chat

    def _format(self, text: Any, parse_mode: str | None, entities: Any, *, caption: bool) -> tuple[str, list[JsonDict]]:
        """Turn text + parse_mode/entities into the stored text and entities, with Telegram's errors."""
        if text is None or text == "":
            if caption:
                return "", []
            raise _bad_request("message text is empty")
        if not isinstance(text, str):
            text = json.dumps(text)
        mode = (parse_mode or "").lower()
        try:
            if mode == "html":
                plain, parsed = _parse_html_entities(text, strict_ampersand=self.strict_ampersand)
            elif mode in ("markdown", "markdownv2"):
                raise _bad_request(f"botapi_emulator supports only parse_mode HTML, not {parse_mode!r}")
            elif mode in ("", "none"):
                plain, parsed = text, _entities_from_json(text, entities)
            else:
                raise _bad_request("unsupported parse_mode")
            final, fixed = _finalize_text(plain, parsed, allow_empty=caption)
        except HtmlParseError as exc:
            raise _bad_request(f"can't parse entities: {exc}") from exc
        except _EmptyTextError:
            raise _bad_request("message text is empty") from None
        if caption and len(final) > MAX_CAPTION_LENGTH:
            raise _bad_request("message caption is too long")
        if not caption and len(final) > MAX_MESSAGE_LENGTH:
            raise _bad_request("message is too long")
        return final, _entities_to_json(final, fixed, self._users)

    @staticmethod
    def _check_button(button: Any) -> None:
        """Validate one inline keyboard button."""
        if not isinstance(button, dict):
            raise _bad_request("can't parse inline keyboard button: InlineKeyboardButton must be an Object")
        if not isinstance(button.get("text"), str):
            raise _bad_request('can\'t parse inline keyboard button: Field "text" must be of type String')
        actions = [name for name in _BUTTON_ACTIONS if name in button]
        if not actions:
            raise _bad_request("can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard")
        if "callback_data" in button:
            data = button["callback_data"]
            if not isinstance(data, str) or not 1 <= len(data.encode("utf-8")) <= MAX_CALLBACK_DATA_BYTES:
                raise _bad_request("BUTTON_DATA_INVALID")
        if "url" in button and not _checked_link(str(button["url"])):
            raise _bad_request("BUTTON_URL_INVALID")

    def _inline_keyboard(self, markup: Any) -> JsonDict | None:
        """Validate reply_markup; return it when it is an inline keyboard (the only kind Telegram echoes)."""
        if markup is None:
            return None
        if not isinstance(markup, dict):
            raise _bad_request("can't parse reply keyboard markup JSON object")
        if "inline_keyboard" in markup:
            rows = markup["inline_keyboard"]
            if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
                raise _bad_request('Field "inline_keyboard" of the InlineKeyboardMarkup must be an Array of Arrays')
            for row in rows:
                for button in row:
                    self._check_button(button)
            return {"inline_keyboard": copy.deepcopy(rows)} if any(rows) else None
        if any(name in markup for name in ("keyboard", "remove_keyboard", "force_reply")):
            return None
        raise _bad_request("can't parse reply keyboard markup JSON object")

    def _new_message(self, chat: JsonDict, sender: JsonDict | None) -> JsonDict:
        """Create a message skeleton with the next message_id of the chat."""
        chat_id = int(chat["id"])
        message_id = self._message_counters.get(chat_id, 0) + 1
        self._message_counters[chat_id] = message_id
        message: JsonDict = {"message_id": message_id}
        if chat["type"] == "channel":
            message["sender_chat"] = copy.deepcopy(chat)
        elif sender is not None:
            message["from"] = copy.deepcopy(sender)
        message["chat"] = copy.deepcopy(chat)
        message["date"] = int(time.time())
        return message

    def _reply_target(self, chat: JsonDict, params: _Params) -> JsonDict | None:
        """Resolve reply_parameters / reply_to_message_id into the embedded reply_to_message."""
        reply_parameters = params.get_obj("reply_parameters")
        if isinstance(reply_parameters, dict):
            message_id = reply_parameters.get("message_id")
            allow = bool(reply_parameters.get("allow_sending_without_reply"))
            target_chat = reply_parameters.get("chat_id", chat["id"])
        elif params.has("reply_to_message_id"):
            message_id = params.get_int("reply_to_message_id")
            allow = params.get_bool("allow_sending_without_reply")
            target_chat = chat["id"]
        else:
            return None
        try:
            key = (int(target_chat), int(message_id))  # type: ignore[arg-type]
        except (TypeError, ValueError):
            raise _bad_request("message to be replied not found") from None
        found = self._messages.get(key)
        if found is None:
            if allow:
                return None
            raise _bad_request("message to be replied not found")
        reply = copy.deepcopy(found)
        reply.pop("reply_to_message", None)
        return reply

    def _finish_bot_message(self, message: JsonDict, reply: JsonDict | None, markup: JsonDict | None) -> JsonDict:
        """Attach reply and markup, store the message as sent by the bot and return a copy."""
        if reply is not None:
            message["reply_to_message"] = reply
        if markup is not None:
            message["reply_markup"] = markup
        key = (int(message["chat"]["id"]), int(message["message_id"]))
        self._messages[key] = message
        self._sent.append(key)
        self._sent_keys.add(key)
        return copy.deepcopy(message)

    def _edit_target(self, params: _Params) -> tuple[str, JsonDict]:
        """Return ("inline", state) or ("chat", message) for an edit request."""
        inline_id = params.get_str("inline_message_id")
        if inline_id:
            state = self._inline_messages.get(inline_id)
            if state is None:
                raise _bad_request("MESSAGE_ID_INVALID")
            return "inline", state
        chat = self._resolve_chat(params)
        message_id = params.get_int("message_id")
        if message_id is None:
            raise _bad_request("message identifier is not specified")
        key = (int(chat["id"]), message_id)
        message = self._messages.get(key)
        if message is None:
            raise _bad_request("message to edit not found")
        if key not in self._sent_keys:
            raise _bad_request("message can't be edited")
        return "chat", message

    # ---------------------------------------------------------------- methods

    def _m_true(self, params: _Params) -> bool:
        """Answer True (close)."""
        return True

    def _m_log_out(self, params: _Params) -> bool:
        """Log out: afterwards every request is 401 Unauthorized, as on the real cloud server."""
        self._logged_out = True
        return True

    def _m_get_me(self, params: _Params) -> JsonDict:
        """getMe."""
        return self.bot_user

    def _m_get_updates(self, params: _Params) -> list[JsonDict]:
        """getUpdates with offset confirmation, limit, long polling and allowed_updates."""
        if self._webhook is not None:
            raise ApiError(409, CONFLICT_WEBHOOK_ACTIVE)
        offset = params.get_int("offset")
        limit = max(1, min(100, params.get_int("limit") or 100))
        timeout = max(0.0, params.get_float("timeout") or 0.0)
        allowed = params.get_obj("allowed_updates")
        if isinstance(allowed, list):
            chosen = frozenset(str(kind) for kind in allowed) & ALL_UPDATE_TYPES
            self._allowed_updates = chosen or DEFAULT_UPDATE_TYPES
        if offset is not None:
            if offset < 0:
                self._updates = self._updates[offset:]
            else:
                self._updates = [u for u in self._updates if u["update_id"] >= offset]
        self._poll_generation += 1
        generation = self._poll_generation
        self._cond.notify_all()
        deadline = time.monotonic() + timeout
        while True:
            if self._stopping.is_set():
                return []
            if generation != self._poll_generation:
                raise ApiError(409, CONFLICT_GET_UPDATES)
            self._updates = [u for u in self._updates if _update_type(u) in self._allowed_updates]
            if self._updates:
                return copy.deepcopy(self._updates[:limit])
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return []
            self._cond.wait(remaining)

    def _m_set_webhook(self, params: _Params) -> bool:
        """setWebhook (any loopback-reachable http(s) URL is accepted; "" removes the webhook)."""
        url = params.get_str("url") or ""
        if params.get_bool("drop_pending_updates"):
            self._updates.clear()
        if not url:
            self._webhook = None
            return True
        if not re.match(r"(?i)https?://", url):
            raise _bad_request("bad webhook: An HTTPS URL must be provided for webhook")
        secret = params.get_str("secret_token")
        if secret is not None and not re.fullmatch(r"[A-Za-z0-9_\-]{1,256}", secret):
            raise _bad_request("secret token contains unallowed characters")
        webhook: JsonDict = {"url": url, "max_connections": params.get_int("max_connections") or 40}
        if secret is not None:
            webhook["secret_token"] = secret
        allowed = params.get_obj("allowed_updates")
        if isinstance(allowed, list):
            webhook["allowed_updates"] = [str(kind) for kind in allowed]
            self._allowed_updates = (frozenset(webhook["allowed_updates"]) & ALL_UPDATE_TYPES) or DEFAULT_UPDATE_TYPES
        if params.has("ip_address"):
            webhook["ip_address"] = params.get_str("ip_address")
        self._webhook = webhook
        self._cond.notify_all()
        return True

    def _m_delete_webhook(self, params: _Params) -> bool:
        """deleteWebhook, optionally dropping pending updates."""
        self._webhook = None
        if params.get_bool("drop_pending_updates"):
            self._updates.clear()
        return True

    def _m_get_webhook_info(self, params: _Params) -> JsonDict:
        """getWebhookInfo."""
        info: JsonDict = {
            "url": "",
            "has_custom_certificate": False,
            "pending_update_count": len(self._updates),
        }
        if self._webhook is not None:
            info["url"] = self._webhook["url"]
            info["max_connections"] = self._webhook["max_connections"]
            for name in ("ip_address", "allowed_updates"):
                if name in self._webhook:
                    info[name] = copy.deepcopy(self._webhook[name])
        return info

    @staticmethod
    def _commands_key(scope: Any, language_code: str | None) -> tuple[str, str]:
        """Return the storage key of a command list."""
        if scope is None:
            scope = {"type": "default"}
        if not isinstance(scope, dict) or scope.get("type") not in COMMAND_SCOPES:
            raise _bad_request("unsupported bot command scope type")
        language = language_code or ""
        if language and not re.fullmatch(r"[a-z]{2}", language):
            raise _bad_request("invalid language code specified")
        return json.dumps(scope, sort_keys=True), language

    def _m_set_my_commands(self, params: _Params) -> bool:
        """setMyCommands with Telegram's validation of names and descriptions."""
        commands = params.get_obj("commands")
        if not isinstance(commands, list):
            raise _bad_request('parameter "commands" is required')
        if len(commands) > MAX_COMMANDS:
            raise _bad_request("too many commands specified")
        stored: list[JsonDict] = []
        for command in commands:
            if not isinstance(command, dict):
                raise _bad_request("can't parse BotCommand: BotCommand must be an Object")
            name, description = command.get("command"), command.get("description")
            name = name.removeprefix("/") if isinstance(name, str) else name
            if not isinstance(name, str) or not re.fullmatch(r"[a-z0-9_]{1,32}", name):
                raise _bad_request("BOT_COMMAND_INVALID")
            if not isinstance(description, str) or not 1 <= len(description.strip()) <= 256:
                raise _bad_request("command description must be non-empty")
            stored.append({"command": name, "description": description})
        key = self._commands_key(params.get_obj("scope"), params.get_str("language_code"))
        if stored:
            self._commands[key] = stored
        else:
            self._commands.pop(key, None)
        return True

    def _m_get_my_commands(self, params: _Params) -> list[JsonDict]:
        """getMyCommands for exactly the given scope and language."""
        key = self._commands_key(params.get_obj("scope"), params.get_str("language_code"))
        return copy.deepcopy(self._commands.get(key, []))

    def _m_delete_my_commands(self, params: _Params) -> bool:
        """deleteMyCommands."""
        self._commands.pop(self._commands_key(params.get_obj("scope"), params.get_str("language_code")), None)
        return True

    def _bot_text_setter(self, name: str) -> Callable[[_Params], bool]:
        """Build setMyName/setMyDescription/setMyShortDescription."""

        def setter(params: _Params) -> bool:
            key = (name, params.get_str("language_code") or "")
            value = params.get_str(name) or ""
            if value:
                self._bot_texts[key] = value
            else:
                self._bot_texts.pop(key, None)
            return True

        return setter

    def _bot_text_getter(self, name: str) -> Callable[[_Params], JsonDict]:
        """Build getMyName/getMyDescription/getMyShortDescription."""

        def getter(params: _Params) -> JsonDict:
            language = params.get_str("language_code") or ""
            default = self._bot_first_name if name == "name" else ""
            return {name: self._bot_texts.get((name, language), self._bot_texts.get((name, ""), default))}

        return getter

    def _m_set_chat_menu_button(self, params: _Params) -> bool:
        """setChatMenuButton."""
        chat_id = params.get_int("chat_id")
        button = params.get_obj("menu_button") or {"type": "default"}
        self._menu_buttons[chat_id] = button
        return True

    def _m_get_chat_menu_button(self, params: _Params) -> JsonDict:
        """getChatMenuButton."""
        chat_id = params.get_int("chat_id")
        fallback = self._menu_buttons.get(None, {"type": "commands"})
        return copy.deepcopy(self._menu_buttons.get(chat_id, fallback))

    def _m_send_message(self, params: _Params) -> JsonDict:
        """sendMessage."""
        chat = self._resolve_chat(params)
        text, entities = self._format(
            params.data.get("text"), params.get_str("parse_mode"), params.get_obj("entities"), caption=False
        )
        markup = self._inline_keyboard(params.get_obj("reply_markup"))
        reply = self._reply_target(chat, params)
        message = self._new_message(chat, self._bot_sender())
        message["text"] = text
        if entities:
            message["entities"] = entities
        return self._finish_bot_message(message, reply, markup)

    def _m_edit_message_text(self, params: _Params) -> JsonDict | bool:
        """editMessageText by chat_id+message_id or inline_message_id."""
        kind, target = self._edit_target(params)
        text, entities = self._format(
            params.data.get("text"), params.get_str("parse_mode"), params.get_obj("entities"), caption=False
        )
        markup = self._inline_keyboard(params.get_obj("reply_markup"))
        if kind == "chat" and "text" not in target:
            raise _bad_request("there is no text in the message to edit")
        unchanged = (
            target.get("text") == text
            and target.get("entities", []) == entities
            and target.get("reply_markup") == markup
        )
        if unchanged:
            raise _bad_request(NOT_MODIFIED)
        target["text"] = text
        target.pop("entities", None)
        if entities:
            target["entities"] = entities
        target.pop("reply_markup", None)
        if markup is not None:
            target["reply_markup"] = markup
        if kind == "inline":
            return True
        target["edit_date"] = int(time.time())
        return copy.deepcopy(target)

    def _m_edit_message_reply_markup(self, params: _Params) -> JsonDict | bool:
        """editMessageReplyMarkup by chat_id+message_id or inline_message_id."""
        kind, target = self._edit_target(params)
        markup = self._inline_keyboard(params.get_obj("reply_markup"))
        if target.get("reply_markup") == markup:
            raise _bad_request(NOT_MODIFIED)
        target.pop("reply_markup", None)
        if markup is not None:
            target["reply_markup"] = markup
        if kind == "inline":
            return True
        target["edit_date"] = int(time.time())
        return copy.deepcopy(target)

    def _m_delete_message(self, params: _Params) -> bool:
        """deleteMessage."""
        chat = self._resolve_chat(params)
        key = (int(chat["id"]), params.get_int("message_id", required=True) or 0)
        if key not in self._messages:
            raise _bad_request("message to delete not found")
        del self._messages[key]
        self._deleted.append(key)
        return True

    def _take_query(self, queries: dict[str, _Query], query_id: str | None) -> None:
        """Mark a query answered, or raise "query is too old" if unknown, expired or answered."""
        query = queries.get(query_id or "")
        if query is None or query.answered or time.monotonic() - query.created > self.query_timeout:
            raise _bad_request(QUERY_TOO_OLD)
        query.answered = True

    def _m_answer_callback_query(self, params: _Params) -> bool:
        """answerCallbackQuery (each query can be answered once)."""
        query_id = params.get_str("callback_query_id", required=True)
        text = params.get_str("text")
        if text is not None and len(text) > 200:
            raise _bad_request("MESSAGE_TOO_LONG")
        self._take_query(self._callback_queries, query_id)
        answer: JsonDict = {
            "callback_query_id": query_id,
            "text": text,
            "show_alert": params.get_bool("show_alert"),
        }
        for name in ("url", "cache_time"):
            if params.has(name):
                answer[name] = params.data[name]
        self._callback_answers.append(answer)
        return True

    def _m_answer_inline_query(self, params: _Params) -> bool:
        """answerInlineQuery with Telegram's checks on results."""
        query_id = params.get_str("inline_query_id", required=True)
        results = params.get_obj("results")
        if not isinstance(results, list):
            raise _bad_request("can't parse inline query results JSON object")
        if len(results) > MAX_INLINE_RESULTS:
            raise _bad_request("RESULTS_TOO_MUCH")
        seen: set[str] = set()
        stored: list[JsonDict] = []
        for result in results:
            stored.append(self._check_inline_result(result, seen))
        next_offset = params.get_str("next_offset") or ""
        if len(next_offset.encode("utf-8")) > 64:
            raise _bad_request("NEXT_OFFSET_INVALID")
        self._take_query(self._inline_queries, query_id)
        answer: JsonDict = {"inline_query_id": query_id, "results": stored, "next_offset": next_offset}
        for name in ("cache_time", "is_personal", "button"):
            if params.has(name):
                answer[name] = params.get_obj(name)
        self._inline_answers.append(answer)
        return True

    def _check_inline_result(self, result: Any, seen: set[str]) -> JsonDict:
        """Validate one InlineQueryResult; return it with its message content formatted."""
        if not isinstance(result, dict):
            raise _bad_request("can't parse InlineQueryResult: InlineQueryResult must be an Object")
        kind = result.get("type")
        if kind not in INLINE_RESULT_TYPES:
            raise _bad_request(f'can\'t parse InlineQueryResult: Unsupported inline query result type "{kind}"')
        result_id = result.get("id")
        if not isinstance(result_id, str) or not 1 <= len(result_id.encode("utf-8")) <= MAX_INLINE_RESULT_ID_BYTES:
            raise _bad_request("RESULT_ID_INVALID")
        if result_id in seen:
            raise _bad_request("RESULT_ID_DUPLICATE")
        seen.add(result_id)
        checked = copy.deepcopy(result)
        if kind == "article":
            if not isinstance(result.get("title"), str) or not result["title"]:
                raise _bad_request('can\'t parse InlineQueryResult: Field "title" must be of type String')
            if not isinstance(result.get("input_message_content"), dict):
                raise _bad_request(
                    'can\'t parse InlineQueryResult: Field "input_message_content" must be of type Object'
                )
        content = result.get("input_message_content")
        if isinstance(content, dict) and "message_text" in content:
            text, entities = self._format(
                content.get("message_text"), content.get("parse_mode"), content.get("entities"), caption=False
            )
            checked["input_message_content"] = {"message_text": text}
            if entities:
                checked["input_message_content"]["entities"] = entities
            for name in ("link_preview_options", "disable_web_page_preview"):
                if name in content:
                    checked["input_message_content"][name] = content[name]
        markup = self._inline_keyboard(result.get("reply_markup"))
        checked.pop("reply_markup", None)
        if markup is not None:
            checked["reply_markup"] = markup
        return cast(JsonDict, checked)

    def _m_send_chat_action(self, params: _Params) -> bool:
        """sendChatAction."""
        self._resolve_chat(params)
        if params.get_str("action") not in CHAT_ACTIONS:
            raise _bad_request("wrong parameter action in request")
        return True

    def _m_send_document(self, params: _Params) -> JsonDict:
        """sendDocument: multipart upload, attach:// reference or a known file_id."""
        chat = self._resolve_chat(params)
        document = params.data.get("document")
        if isinstance(document, str) and document.startswith("attach://"):
            document = params.data.get(document.removeprefix("attach://"))
        if isinstance(document, UploadedFile):
            if not document.content:
                raise _bad_request("file must be non-empty")
            mime_type = document.content_type
            if mime_type in ("", "application/octet-stream"):
                mime_type = mimetypes.guess_type(document.filename)[0] or "application/octet-stream"
            stored = self._register_file(document.filename or "document", document.content, mime_type)
        elif isinstance(document, str) and document in self._files:
            stored = self._files[document]
        elif isinstance(document, str) and re.match(r"(?i)https?://", document):
            raise _bad_request("failed to get HTTP URL content")
        elif document is None:
            raise _bad_request('parameter "document" is required')
        else:
            raise _bad_request("wrong file identifier/HTTP URL specified")
        caption, caption_entities = self._format(
            params.data.get("caption"),
            params.get_str("parse_mode"),
            params.get_obj("caption_entities"),
            caption=True,
        )
        markup = self._inline_keyboard(params.get_obj("reply_markup"))
        reply = self._reply_target(chat, params)
        message = self._new_message(chat, self._bot_sender())
        message["document"] = self._document_json(stored)
        if caption:
            message["caption"] = caption
        if caption_entities:
            message["caption_entities"] = caption_entities
        return self._finish_bot_message(message, reply, markup)

    def _m_get_file(self, params: _Params) -> JsonDict:
        """getFile for files the emulator stores."""
        stored = self._files.get(params.get_str("file_id", required=True) or "")
        if stored is None:
            raise _bad_request("invalid file_id")
        return {
            "file_id": stored.file_id,
            "file_unique_id": stored.file_unique_id,
            "file_size": len(stored.content),
            "file_path": stored.file_path,
        }
