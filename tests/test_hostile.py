"""Hostile input: whatever text, file or bytes arrive, the bot replies validly, refuses clearly, never hangs.

Property tests (Hypothesis) for the renderer, the loader and the matcher; the batch command line fed binary
input; and, end to end, one user flooding a group and a knowledge file the YAML library chokes on.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import warnings
from collections.abc import Iterator
from pathlib import Path
from types import FrameType
from typing import Any

import pytest
import yaml
from botapi_emulator import BotApiEmulator, format_text, parse_html
from e2e_support import running_bot
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from bot.config import BUNDLED_KNOWLEDGE
from bot.core import render
from bot.core.errors import KnowledgeError, Problem
from bot.core.i18n import t
from bot.core.languages import LANGUAGES
from bot.core.loader import MAX_FILE_BYTES, MAX_NESTING, KnowledgeBase, SourceText, load_knowledge
from bot.core.matcher import Decision
from bot.core.models import Entry, Source
from bot.store import Snapshot

# When a property fails, Hypothesis' pytest plugin imports libcst to suggest a patch; libcst imports
# mypy_extensions.TypedDict, which warns, and under filterwarnings=error that warning turns the clean
# failure into an INTERNALERROR that ends the whole session. Importing it once here, quietly, avoids that.
with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    with contextlib.suppress(ImportError):
        import hypothesis.extra._patching  # noqa: F401

JsonDict = dict[str, Any]

PROJECT = Path(__file__).resolve().parent.parent
LIMIT = 4096  # Telegram's limit on a message's text
ARTICLE = "The minister said 1,351 soldiers had died.\n"
SNAPSHOT = Snapshot.load([BUNDLED_KNOWLEDGE])


# -- the renderer ---------------------------------------------------------------------------------------------

# Pieces that break naive escaping, cutting or parsing: markup, entities, controls, invisible and RTL marks.
TRICKY = [
    "<", ">", "&", "&amp;", "&lt", "&#0;", '"', "'", "\n", "\r", "\t", "\x00", "\x1b", "\x7f", "\x85",
    "\u200b", "\u200d", "\u200e", "\u200f", "\u202e", "\u2028", "\u2066", "\ufeff", "\ufffd",
    "</b>", "<b>", '<a href="tg://x">', "</a>", "<pre>", "🙂", "👨\u200d👩", "e\u0301", " ", ". ", "!\n",
]  # fmt: skip
fragment = st.one_of(st.text(max_size=12), st.sampled_from(TRICKY))
short_text = st.lists(fragment, min_size=1, max_size=12).map("".join)
# Long texts are short ones repeated, so that cheap examples still cross the 4096 limit.
long_text = st.tuples(short_text, st.integers(1, 600)).map(lambda pair: pair[0] * pair[1])
any_text = st.one_of(short_text, short_text, long_text).filter(lambda text: bool(text.strip()))
# Any URL the model accepts: no spaces, control characters, quotes or angle brackets (see Source.url).
urls = (
    st.text(min_size=1, max_size=40)
    .filter(lambda s: not any(c.isspace() or ord(c) < 32 or c in '\x7f<>"' for c in s))
    .map("https://{}".format)
)


def one_entry_knowledge(
    *,
    answer: str = "An answer.",
    source: str = "A source.",
    caveat: str = "A caveat.",
    title: str = "A title",
    url: str | None = None,
    outlet: str | None = None,
    covered: bool = True,
    figures: tuple[JsonDict, ...] = (),
    translations: JsonDict | None = None,
) -> tuple[KnowledgeBase, Entry]:
    """A knowledge base of one entry with these texts, validated by the real models."""
    raw: JsonDict = {
        "id": "hostile",
        "kind": "fact" if covered else "not_covered",
        "questions": [f"question {i}" for i in range(5)],
        "answer": answer,
        "source": source,
        "caveat": caveat,
        "figures": list(figures) if covered else [],
        "quote": ["said"] if covered else [],
        "translations": translations or {},
    }
    entry = Entry.model_validate(raw)
    meta: JsonDict = {"title": title, "language": "en", "text": "article.txt", "published": "2022-04-07"}
    if url is not None:
        meta["url"] = url
    if outlet is not None:
        meta["outlet"] = outlet
    source_text = SourceText(Path("article.txt"), Source.model_validate(meta), ARTICLE)
    kb = KnowledgeBase(
        files=(), entries=(entry,), sources={entry.id: source_text}, by_id={entry.id: entry}, locations={}
    )
    return kb, entry


@st.composite
def hostile_knowledge(draw: st.DrawFn) -> tuple[KnowledgeBase, Entry, str]:
    """A one-entry knowledge base whose every reader-facing text is hostile, and a reply language."""
    language = draw(st.sampled_from(LANGUAGES))
    translations = None
    if language != "en" and draw(st.booleans()):
        texts = {name: draw(any_text) for name in ("answer", "source", "caveat")}
        translations = {language: {"questions": ["t1", "t2"], **texts}}
    figure = st.fixed_dictionaries({"value": st.integers(0, 10**12), "counts": any_text, "claimed_by": any_text})
    kb, entry = one_entry_knowledge(
        answer=draw(any_text),
        source=draw(any_text),
        caveat=draw(any_text),
        title=draw(any_text),
        url=draw(st.none() | urls),
        outlet=draw(st.none() | any_text),
        covered=draw(st.booleans()),
        figures=tuple(draw(st.lists(figure, max_size=3))),
        translations=translations,
    )
    return kb, entry, language


def assert_valid_telegram_html(markup: str) -> None:
    """Telegram would take it: it parses, and neither the markup nor the text it makes is over the limit."""
    assert len(markup) <= LIMIT, len(markup)
    parse_html(markup)  # raises HtmlParseError where Telegram answers 400 "can't parse entities"
    text, _ = format_text(markup)
    assert 0 < len(text) <= LIMIT


# Each found by the property below; named here so that a failure says plainly what breaks.
LINK_CUT_OPEN = one_entry_knowledge(answer="x " * 1950, title="Title\n" + "y " * 150, url="https://example.org/a")
SAFE_URL = one_entry_knowledge(url="https://example.org/a?b=1&c=%22x%22")


def test_a_reply_cut_to_the_limit_never_leaves_the_article_link_open() -> None:
    """A long answer and a two-line article title: the cut at a line break must not fall inside <a>…</a>."""
    kb, entry = LINK_CUT_OPEN
    assert_valid_telegram_html(render.full_html(kb, entry))


@pytest.mark.parametrize(
    "url", ["https://example.org/\x00", "https://example.org/\x1b", 'https://x.org/"><b>', "https://x.org/<"]
)
def test_a_source_url_with_control_characters_quotes_or_brackets_is_refused(url: str) -> None:
    """Telegram's HTML parser reads NUL as the end of the text; a quote or bracket would break the attribute."""
    with pytest.raises(ValidationError):
        one_entry_knowledge(url=url)


def test_a_source_url_with_an_ampersand_gives_valid_html() -> None:
    kb, entry = SAFE_URL
    assert_valid_telegram_html(render.full_html(kb, entry))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hostile_knowledge(), st.none() | any_text, st.sampled_from([None, "25 March 2022"]))
@example((*LINK_CUT_OPEN, "en"), None, None)  # known failures first: they fail at once, without a long shrink
@example((*SAFE_URL, "en"), None, None)
def test_every_reply_is_valid_telegram_html_within_the_limit_whatever_the_knowledge_says(
    case: tuple[KnowledgeBase, Entry, str], matched: str | None, updated: str | None
) -> None:
    kb, entry, language = case
    assert_valid_telegram_html(render.full_html(kb, entry, language=language, matched=matched, updated=updated))
    assert_valid_telegram_html(render.compact_html(kb, entry, language=language))
    assert_valid_telegram_html(render.not_covered_html(kb, language=language))


# -- the loader -----------------------------------------------------------------------------------------------


class Hung(BaseException):
    """Raised in the test when the code under test overran its time (a BaseException: nothing catches it)."""


@contextlib.contextmanager
def deadline(seconds: float) -> Iterator[None]:
    """Interrupt the block with ``Hung`` after ``seconds`` (SIGALRM; tests run in the main thread)."""

    def expire(signum: int, frame: FrameType | None) -> None:
        raise Hung(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


LOAD_DEADLINE = 5.0  # seconds; a real knowledge file loads in a fraction of one


def problems_of(content: str | bytes) -> tuple[Problem, ...]:
    """Load ``content`` as k.yaml (beside an article); its problems, or () if it loaded. Anything else raises."""
    with tempfile.TemporaryDirectory(prefix="hostile-") as scratch:
        directory = Path(scratch)
        (directory / "article.txt").write_text(ARTICLE, encoding="utf-8")
        path = directory / "k.yaml"
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
        with deadline(LOAD_DEADLINE):
            try:
                load_knowledge([path])
            except KnowledgeError as error:
                problems = error.problems
            else:
                return ()
    assert problems, "a KnowledgeError names at least one problem"
    for problem in problems:
        assert "k.yaml" in str(problem), problem
        assert problem.message, problem
    return problems


HEADER = """\
schema_version: 1
source:
  title: A small article
  as_of: 2022-04-07
  language: en
  text: article.txt
entries:
"""
ENTRY = """\
  - id: toll
    questions: [How many died?, toll, death toll, official figure, minister figure]
    answer: The minister said 1,351 soldiers had died.
    source: The minister.
    caveat: An official figure.
    quote: The minister said 1,351 soldiers had died.
"""
MARKER = Path(tempfile.gettempdir()) / "factcheck-hostile-yaml-ran-code"

HOSTILE_FILES = [
    pytest.param(
        "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
        "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n",
        ["YAML anchors and aliases (&name, *name) are not allowed"],
        id="billion-laughs",
    ),
    pytest.param("[" * 10_000 + "]" * 10_000, [f"nested deeper than {MAX_NESTING} levels"], id="10000-flow-lists"),
    pytest.param("{a: " * 10_000 + "}" * 10_000, [f"nested deeper than {MAX_NESTING} levels"], id="10000-flow-maps"),
    pytest.param("- " * 10_000 + "x\n", [f"nested deeper than {MAX_NESTING} levels"], id="10000-block-lists"),
    pytest.param("# " + "x" * 2_000_000 + "\n", [f"the limit is {MAX_FILE_BYTES:,}"], id="2-MB-file"),
    pytest.param(
        "schema_version: [1]\nsource: a sentence\nentries: {id: 1}\n",
        ["schema_version: input should be a valid integer", "source: input should be a valid dictionary", "entries:"],
        id="wrong-types-everywhere",
    ),
    pytest.param(
        HEADER.replace("entries:", "colour: red\nentries:").replace("  language: en", "  language: en\n  mood: x")
        + ENTRY
        + "    extra: 1\n",
        ["colour: extra inputs", "source.mood: extra inputs", "entries[0].extra: extra inputs"],
        id="unknown-keys-everywhere",
    ),
    pytest.param(
        f"schema_version: !!python/object/apply:pathlib.Path.touch [{str(MARKER)!r}]\n",
        ["k.yaml:1:", "YAML tags"],
        id="python-tag-runs-nothing",
    ),
    # Where the YAML library itself gives up (these need a problem at their line like any syntax error):
    pytest.param(HEADER.replace(": 1\n", ": " + "9" * 5000 + "\n") + ENTRY, ["k.yaml:1:"], id="5000-digit-number"),
    pytest.param(HEADER + ENTRY + "    figures: !!float y\n", ["k.yaml:14:"], id="float-tag-on-a-word"),
    pytest.param("!!omap [schema_version: 1, source: 2]\n", ["k.yaml:1:"], id="ordered-map-tag"),
    pytest.param("? translations: !!set {a}\n: 1\n", ["k.yaml:1:"], id="set-inside-a-key"),
    pytest.param(HEADER + "  - {}\n" * 100_000, ["YAML nodes: split the file"], id="100000-empty-entries-in-700-kB"),
]


def test_the_file_the_hostile_cases_start_from_is_valid() -> None:
    assert problems_of(HEADER + ENTRY) == ()


@pytest.mark.parametrize(("content", "expected"), HOSTILE_FILES)
def test_a_hostile_knowledge_file_gets_clear_problems_quickly_and_nothing_else(
    content: str, expected: list[str]
) -> None:
    MARKER.unlink(missing_ok=True)
    problems = problems_of(content)
    text = "\n".join(str(problem) for problem in problems)
    for fragment in expected:
        assert fragment in text, text[:2000]
    assert not MARKER.exists(), "a YAML tag ran code"


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=2000) | st.binary(max_size=500).map(lambda tail: (HEADER + ENTRY).encode() + tail))
def test_arbitrary_bytes_are_refused_with_problems_never_another_exception(content: bytes) -> None:
    problems_of(content)


YAML_KEYS = [
    "schema_version", "source", "entries", "title", "as_of", "published", "language", "text", "url", "outlet",
    "id", "kind", "questions", "answer", "caveat", "quote", "figures", "value", "low", "high", "counts",
    "claimed_by", "translations", "ru", "zz", "<<", "1", "~", "true", "'q'", '"k\\0"', "[a]", "{a: 1}",
]  # fmt: skip
YAML_VALUES = [
    "1", "-1", "1.5", ".nan", ".inf", "2022-04-07", "2022-02-30", "2022-04-07T10:00:00Z", "yes", "~", "''",
    '"\\0"', "'a''b'", "0x1F", "0o17", "1_000", "article.txt", "../../etc/passwd", "/etc/passwd", "https://x",
    "[]", "{}", "[a, b]", "{a: 1, b: [2]}", "|", ">", "!!set {a}", "!!binary aGk=", "!!str 1", "!!int x",
    "!!timestamp z", "!custom x", "&a 1", "*a", "*missing", "\t", "#c", "@", "`", "%", "- ", ": ",
]  # fmt: skip
yaml_line = st.builds(
    lambda indent, lead, key, colon, value: " " * indent + lead + key + colon + value,
    st.integers(0, 8),
    st.sampled_from(["", "- ", "? ", "- - "]),
    st.sampled_from(YAML_KEYS),
    st.sampled_from([": ", ":", " ", ""]),
    st.sampled_from(YAML_VALUES) | st.text(max_size=8),
)
yaml_ish = st.builds(
    lambda start, lines: start + "\n".join(lines) + "\n",
    st.sampled_from(["", "%YAML 1.2\n---\n", "---\n", "\ufeff", "schema_version: 1\n", HEADER]),
    st.lists(yaml_line, max_size=25),
)


@settings(max_examples=300, deadline=None)
@given(yaml_ish)
@example("x: !!float y\n")  # known failures first: they fail at once, without a long shrink
@example("x: " + "9" * 5000 + "\n")
@example("? translations: !!set {a}\n: 1\n")
@example("!!omap [a: 1]\n")
def test_yaml_ish_text_is_refused_with_problems_never_another_exception(text: str) -> None:
    problems_of(text)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(10**12), 10**12) | st.floats() | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.sampled_from(YAML_KEYS) | st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)


@pytest.mark.parametrize("scalar", ["._", "+._", "0b_", "0x_", "0o_", "0b"])
def test_a_scalar_that_only_looks_like_a_number_gets_a_problem_at_its_line(scalar: str) -> None:
    # The YAML resolver takes these for numbers; building them had raised (or crashed with an IndexError)
    # without a line, refusing the whole file.
    problems = problems_of(f"schema_version: {scalar}\n")
    assert problems
    assert all(problem.line == 1 for problem in problems), problems


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(st.sampled_from(["schema_version", "source", "entries", "extra"]), json_values, max_size=4))
@example({"schema_version": "._"})  # the YAML resolver takes "._" for a float, which float() then refuses
def test_wrong_types_and_unknown_keys_anywhere_get_a_problem_at_a_line(document: JsonDict) -> None:
    problems = problems_of(yaml.safe_dump(document, allow_unicode=True))
    assert problems, "a file like this is never valid knowledge"
    assert all(problem.line is not None for problem in problems), problems


# -- the matcher ----------------------------------------------------------------------------------------------

VOCABULARY = sorted(
    {word for entry in SNAPSHOT.kb.entries for question in entry.questions for word in question.split()}
)
MATCH_BUDGET = 1.0  # seconds per match: a flood of long messages must not stall the bot


def exactly(length: int) -> st.SearchStrategy[str]:
    """Texts of exactly ``length`` characters: real words, hostile pieces and noise, repeated to fill."""
    piece = st.lists(st.sampled_from(VOCABULARY) | fragment, min_size=1, max_size=40).map(" ".join)
    return piece.filter(bool).map(lambda text: (text * (length // len(text) + 1))[:length])


@settings(max_examples=100, deadline=None)
@given(exactly(LIMIT))
def test_a_4096_character_message_gets_a_decision_in_time(message: str) -> None:
    started = time.perf_counter()
    result = SNAPSHOT.matcher.match(message, partial=False)
    elapsed = time.perf_counter() - started
    assert result.decision in set(Decision)
    assert all(0.0 <= candidate.score <= 1.0 for candidate in result.candidates)
    assert elapsed < MATCH_BUDGET, elapsed


@settings(max_examples=100, deadline=None)
@given(exactly(256))
def test_a_256_character_inline_query_gets_a_decision_in_time(query: str) -> None:
    started = time.perf_counter()
    result = SNAPSHOT.matcher.match(query, partial=True)
    elapsed = time.perf_counter() - started
    assert result.decision in set(Decision)
    assert elapsed < MATCH_BUDGET, elapsed


# -- the batch command line -----------------------------------------------------------------------------------


def ask_batch(stdin: bytes) -> list[JsonDict]:
    """Run ``python -m bot ask --json`` on ``stdin``; exit code 0 and one JSON object per line, or fail."""
    env = {name: value for name, value in os.environ.items() if not name.startswith("BOT_")}
    result = subprocess.run(
        [sys.executable, "-m", "bot", "ask", "--json"],
        cwd=PROJECT,
        env=env,
        input=stdin,
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr.decode(errors="replace")[-2000:]
    assert result.stdout.endswith(b"\n")
    lines = result.stdout[:-1].split(b"\n")
    return [json.loads(line) for line in lines]


def input_lines(stdin: bytes) -> list[bytes]:
    """The lines ``ask`` reads: split at \\n, a last line without one included."""
    lines = stdin.split(b"\n")
    return lines[:-1] if lines[-1] == b"" else lines


HOSTILE_LINES = [
    b"How many soldiers died?",
    b"\xff\xfe invalid \xc3\x28 utf-8 \x80",
    b"\x00\x00 NUL \x00 bytes",
    b"\xed\xa0\x80 an encoded lone surrogate, \xc0\xaf an overlong slash",
    b"\xef\xbb\xbf BOM first",
    b"",
    b"\r",
    b"\x1b[31m terminal escapes \x07",
    "\u2028 line and \u2029 paragraph separators, \x85 NEL".encode(),
    b"how many soldiers died" * 400,
    bytes(range(256)).replace(b"\n", b""),
]


def test_batch_mode_on_binary_input_exits_0_with_one_json_line_per_input_line() -> None:
    stdin = b"\n".join(HOSTILE_LINES) + b"\nthe last line without a newline"
    replies = ask_batch(stdin)
    lines = input_lines(stdin)
    assert len(replies) == len(lines)
    assert [reply["question"] for reply in replies] == [
        line.decode("utf-8", errors="replace").rstrip("\r\n") for line in lines
    ]
    assert replies[0]["answered"] is True, "a real question among the noise is still answered"


def test_batch_mode_on_random_bytes_exits_0_with_one_json_line_per_input_line() -> None:
    noise = random.Random(20220407).randbytes(20_000)  # deterministic: the same noise every run
    replies = ask_batch(noise)
    assert len(replies) == len(input_lines(noise))


# -- end to end: a flood from one user, a file the YAML library chokes on -------------------------------------

GROUP = -100_888
FLOODER, NEIGHBOUR, ADMIN = 4242, 4343, 1001
QUESTION = "how many soldiers died?"
WAIT = 10.0


async def test_a_user_over_the_question_limit_gets_one_notice_and_others_in_the_group_are_unaffected(
    botapi: BotApiEmulator,
) -> None:
    limit = 3
    async with running_bot(botapi, user_questions=limit):
        flood = [botapi.group_message(GROUP, FLOODER, f"/ask {QUESTION}")["message"] for _ in range(limit + 3)]
        neighbour = botapi.group_message(GROUP, NEIGHBOUR, f"/ask {QUESTION}")["message"]

        def reply_to(message: JsonDict) -> list[str]:
            return [
                str(m["text"])
                for m in botapi.sent_messages(GROUP)
                if m.get("reply_to_message", {}).get("message_id") == message["message_id"]
            ]

        # Updates are handled in order: once the neighbour is answered, the whole flood was handled.
        await botapi.wait_for(lambda: reply_to(neighbour), WAIT, what="the neighbour's answer")
        await botapi.wait_until_consumed()
        replies = [reply_to(message) for message in flood]
        neighbours = reply_to(neighbour)
    answered = [r for [r] in filter(None, replies) if "1,351" in r]
    notices = [r for [r] in filter(None, replies) if r == t("en", "slow_down")]
    assert len(answered) == limit, replies
    assert len(notices) == 1, replies
    assert replies[limit] == notices, "the notice answers the first question over the limit"
    assert not any(replies[limit + 1 :]), "later ones are dropped quietly"
    [answer] = neighbours
    assert "1,351" in answer


def replace_atomically(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` the way an editor saves: a new file renamed over the old one."""
    scratch = path.with_name(path.name + ".new")
    scratch.write_text(text, encoding="utf-8")
    scratch.replace(path)


async def test_a_knowledge_edit_the_yaml_library_chokes_on_is_refused_and_later_edits_still_load(
    botapi: BotApiEmulator, tmp_path: Path
) -> None:
    knowledge = tmp_path / "knowledge"
    shutil.copytree(BUNDLED_KNOWLEDGE, knowledge)
    main = next(knowledge.glob("*.yaml"))
    original = main.read_text(encoding="utf-8")
    old, new = "Dmitry Peskov is the Kremlin spokesman.", "Dmitry Peskov is the Kremlin's spokesman."
    assert original.count(old) == 1
    assert original.count("\nschema_version: 1\n") == 1

    def admin_heard(fragment: str) -> list[str]:
        return [str(m["text"]) for m in botapi.sent_messages(ADMIN) if fragment in str(m["text"])]

    async with running_bot(botapi, knowledge=knowledge, reload_seconds=0.1, admin_ids=(ADMIN,)):
        botapi.private_message(ADMIN, "/start")
        await botapi.wait_for_messages(ADMIN, 1, WAIT)
        replace_atomically(main, original.replace("\nschema_version: 1\n", "\nschema_version: " + "9" * 5000 + "\n"))
        await botapi.wait_for(lambda: admin_heard("refused"), WAIT / 2, what="the admins to hear the edit was refused")
        replace_atomically(main, original.replace(old, new))
        await botapi.wait_for(lambda: admin_heard("reloaded"), WAIT / 2, what="the next, valid edit to be loaded")
        botapi.private_message(FLOODER, "Who is Dmitry Peskov?")
        [reply] = await botapi.wait_for_messages(FLOODER, 1, WAIT)
    assert new in reply["text"]
