"""Knowledge files → a validated, frozen ``KnowledgeBase``, or a ``KnowledgeError`` naming every problem."""

from __future__ import annotations

import re
import unicodedata
import warnings
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError, YAMLWarning
from ruamel.yaml.events import AliasEvent, CollectionEndEvent, CollectionStartEvent
from ruamel.yaml.nodes import ScalarNode

from bot.core.errors import KnowledgeError, Problem, display_path
from bot.core.models import Entry, KnowledgeFile, Source, numbers_in

KNOWLEDGE_SUFFIXES = (".yaml", ".yml")
MAX_NESTING = 12  # a knowledge file nests five levels deep; far more is an accident or an attack
MAX_FILE_BYTES = 1_000_000  # a hand-edited file is a few dozen kilobytes; anything larger is a mistake
MAX_YAML_EVENTS = 20_000  # the bundled file has ~3,000; parsing is slow, so a flood is refused early
MAX_NUMBER_DIGITS = 100
ANCHORS_REFUSED = "YAML anchors and aliases (&name, *name) are not allowed in knowledge files: write the value out"
MAX_PROBLEMS = 50  # per file: more would bury the first one, and a broken file can have hundreds of thousands

_QUOTE_MARKS = str.maketrans({"‘": "'", "’": "'", "‚": "'", "′": "'", "“": '"', "”": '"', "„": '"', "«": '"', "»": '"'})


@dataclass(frozen=True, slots=True)
class SourceText:
    """A source article as loaded: its metadata and its full text."""

    path: Path
    meta: Source
    text: str


@dataclass(frozen=True, slots=True)
class EntryLocation:
    """Where an entry and each of its questions stand, for messages that point admins to a line."""

    path: Path
    index: int
    line: int | None
    question_lines: Mapping[tuple[str, int], int | None]  # (language, index) → line; the file's own language first
    covers_lines: Mapping[int, int | None] = field(default_factory=dict)  # index in ``covers`` → line

    def question_field(self, language: str, index: int, *, reference: str) -> str:
        """The field path of a curated question as written in YAML."""
        if language == reference:
            return f"entries[{self.index}].questions[{index}]"
        return f"entries[{self.index}].translations.{language}.questions[{index}]"


@dataclass(frozen=True, slots=True)
class KnowledgeBase:
    """Every entry of every knowledge file, validated; never changed after loading."""

    files: tuple[Path, ...]
    entries: tuple[Entry, ...]
    sources: Mapping[str, SourceText] = field(repr=False)  # entry id → its source
    by_id: Mapping[str, Entry] = field(repr=False)
    locations: Mapping[str, EntryLocation] = field(repr=False)
    languages: frozenset[str] = frozenset()  # every language the entries have questions in

    @property
    def question_count(self) -> int:
        """How many curated questions the entries hold, in every language."""
        return sum(1 for entry in self.entries for _ in entry.all_questions())

    def source_of(self, entry_id: str) -> SourceText:
        """The source article an entry was drawn from."""
        return self.sources[entry_id]


def normalise_for_quote(text: str) -> str:
    """Text as quotes are compared: NFC, one kind of quote mark, whitespace collapsed."""
    return " ".join(unicodedata.normalize("NFC", text).translate(_QUOTE_MARKS).split())


def knowledge_files(paths: Iterable[Path]) -> list[Path]:
    """The knowledge files named by ``paths``: files as given, directories by their ``*.yaml`` files."""
    found: list[Path] = []
    problems: list[Problem] = []
    for path in paths:
        if path.is_dir():
            inside = sorted(p for p in path.iterdir() if p.suffix in KNOWLEDGE_SUFFIXES and p.is_file())
            if not inside:
                problems.append(Problem(path, None, "", "no knowledge files (*.yaml) in this directory"))
            found.extend(inside)
        elif path.is_file():
            found.append(path)
        else:
            problems.append(Problem(path, None, "", "no such file or directory"))
    if problems:
        raise KnowledgeError(problems)
    return found


def load_knowledge(paths: Sequence[Path]) -> KnowledgeBase:
    """Load and check every knowledge file under ``paths``; raise ``KnowledgeError`` listing all problems."""
    files = knowledge_files(paths)
    problems: list[Problem] = []
    entries: list[Entry] = []
    sources: dict[str, SourceText] = {}
    locations: dict[str, EntryLocation] = {}
    first_seen: dict[str, tuple[Path, int | None]] = {}
    for path in files:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("error", YAMLWarning)  # a doubtful file is refused, not read with a warning
                source, file_entries, file_problems = _load_file(path)
        except (ValueError, TypeError, RecursionError, YAMLWarning) as error:
            # YAML the parser accepts but cannot build into data (a 5,000-digit number, "!!float y",
            # an ordered map or a set used as a key): the file is refused like any other bad file.
            source, file_entries = None, []
            file_problems = [Problem(path, None, "", f"cannot read this YAML as a knowledge file: {error}")]
        problems.extend(file_problems)
        for entry, location in file_entries:
            if entry.id in first_seen:
                other_path, other_line = first_seen[entry.id]
                where = f"{display_path(other_path)}:{other_line}" if other_line else display_path(other_path)
                problems.append(
                    Problem(
                        path,
                        location.line,
                        f"entries[{location.index}].id",
                        f"duplicate id {entry.id!r}, first used at {where}",
                    )
                )
                continue
            first_seen[entry.id] = (path, location.line)
            if source is not None:
                entries.append(entry)
                sources[entry.id] = source
                locations[entry.id] = location
    problems.extend(_check_covers(entries, locations))
    if problems:
        raise KnowledgeError(problems)
    return KnowledgeBase(
        files=tuple(files),
        entries=tuple(entries),
        sources=sources,
        by_id={entry.id: entry for entry in entries},
        locations=locations,
        languages=frozenset(language for entry in entries for language, _ in entry.all_questions()),
    )


def _check_covers(entries: Sequence[Entry], locations: Mapping[str, EntryLocation]) -> Iterator[Problem]:
    """Every entry an entry ``covers`` exists in some loaded file and holds an answer."""
    kinds = {entry.id: entry.covered for entry in entries}
    for entry in entries:
        location = locations[entry.id]
        for index, other in enumerate(entry.covers):
            field_name = f"entries[{location.index}].covers[{index}]"
            if other not in kinds:
                message = f"no entry has the id {other!r}: name an entry of these knowledge files"
            elif not kinds[other]:
                message = f"{other!r} is not_covered: only entries the article answers can be covered"
            else:
                continue
            yield Problem(location.path, location.covers_lines.get(index, location.line), field_name, message)


_Loaded = tuple[SourceText | None, list[tuple[Entry, EntryLocation]], list[Problem]]


def _load_file(path: Path) -> _Loaded:
    """One file → its source, its valid entries with their places, and every problem found in it."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        return None, [], [Problem(path, None, "", f"cannot read the file: {error.strerror}")]
    if len(raw) > MAX_FILE_BYTES:
        return (
            None,
            [],
            [Problem(path, None, "", f"file is {len(raw):,} bytes; the limit is {MAX_FILE_BYTES:,}")],
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, [], [Problem(path, line, "", "not UTF-8 text: save the file as UTF-8")]
    try:
        shape_problem = _unsafe_shape(path, text)
        if shape_problem is not None:
            return None, [], [shape_problem]
        document = _parse_yaml(text)
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        reason = error.problem or error.context or "invalid YAML"
        return None, [], [Problem(path, mark.line + 1 if mark else None, "", f"YAML syntax: {reason}")]
    except YAMLError as error:
        return None, [], [Problem(path, None, "", f"YAML syntax: {error}")]

    if not isinstance(document, CommentedMap):
        return (
            None,
            [],
            [Problem(path, 1, "", "expected a mapping with `schema_version`, `source` and `entries`")],
        )

    errors = [e for e in _validation_errors(KnowledgeFile, document) if not _is_echo_of_entry_errors(document, e)]
    problems = [_problem(path, document, error) for error in errors[:MAX_PROBLEMS]]
    if len(errors) > MAX_PROBLEMS:
        problems.append(
            Problem(path, None, "", f"{len(errors) - MAX_PROBLEMS} more problems not listed: fix these first")
        )
    source = _load_source(path, document, problems)
    entries = list(_valid_entries(document))
    if source is not None:
        for index, entry in entries:
            problems.extend(_check_against_source(path, document, index, entry, source.text))
    located = [(entry, _location(path, document, index, entry)) for index, entry in entries]
    return (None if problems else source), located, problems


def _is_echo_of_entry_errors(document: CommentedMap, error: Mapping[str, Any]) -> bool:
    """Pydantic also says "at least 1 entry" when every entry failed; the entries' own errors say it better."""
    raw_entries = document.get("entries")
    return tuple(error["loc"]) == ("entries",) and error["type"] == "too_short" and bool(raw_entries)


def _location(path: Path, document: CommentedMap, index: int, entry: Entry) -> EntryLocation:
    lines: dict[tuple[str, int], int | None] = {}
    language = str(document["source"]["language"])
    for q in range(len(entry.questions)):
        lines[language, q] = _line_of(document, ("entries", index, "questions", q))
    for other, translation in entry.translations.items():
        for q in range(len(translation.questions)):
            lines[other, q] = _line_of(document, ("entries", index, "translations", other, "questions", q))
    covers = {n: _line_of(document, ("entries", index, "covers", n)) for n in range(len(entry.covers))}
    return EntryLocation(
        path=path,
        index=index,
        line=_line_of(document, ("entries", index)),
        question_lines=lines,
        covers_lines=covers,
    )


class _DatesAsText(RoundTripConstructor):
    """Leaves dates as text so the models parse them: a bad date then gets a field and a line. Likewise a
    scalar the resolver takes for a number that is none ("._", "0b_": a prefix and digit separators, no
    digit), which the number's constructor would refuse, or crash on, without a line."""

    def construct_float_or_text(self, node: ScalarNode) -> Any:  # noqa: ANN401  (a float, or the text)
        try:
            return self.construct_yaml_float(node)
        except (ValueError, IndexError):
            return self.construct_yaml_str(node)

    def construct_int_or_text(self, node: ScalarNode) -> Any:  # noqa: ANN401  (an int, or the text)
        try:
            return self.construct_yaml_int(node)
        except (ValueError, IndexError):
            return self.construct_yaml_str(node)


_DatesAsText.add_constructor("tag:yaml.org,2002:timestamp", RoundTripConstructor.construct_yaml_str)
_DatesAsText.add_constructor("tag:yaml.org,2002:float", _DatesAsText.construct_float_or_text)
_DatesAsText.add_constructor("tag:yaml.org,2002:int", _DatesAsText.construct_int_or_text)


def _unsafe_shape(path: Path, text: str) -> Problem | None:
    """Refuse aliases (a few lines of them can expand to billions of nodes) and deep nesting, before
    anything is built: the event parser is iterative, so this pass itself cannot blow up."""
    depth = 0
    for count, event in enumerate(YAML(typ="rt").parse(text)):
        if count > MAX_YAML_EVENTS:
            line = event.start_mark.line + 1 if event.start_mark else None
            return Problem(path, line, "", f"more than {MAX_YAML_EVENTS:,} YAML nodes: split the file or trim it")
        if getattr(event, "anchor", None) is not None:
            line = event.start_mark.line + 1 if event.start_mark else None
            return Problem(path, line, "", ANCHORS_REFUSED)
        tag = getattr(event, "tag", None)
        if tag is not None:
            line = event.start_mark.line + 1 if event.start_mark else None
            return Problem(path, line, "", f"YAML tags ({tag}) are not allowed in knowledge files: write plain values")
        value = getattr(event, "value", None)
        if isinstance(value, str) and len(value) > MAX_NUMBER_DIGITS and value.isdigit():
            line = event.start_mark.line + 1 if event.start_mark else None
            return Problem(path, line, "", f"a number of {len(value):,} digits: not a figure this bot can state")
        if isinstance(event, AliasEvent):
            line = event.start_mark.line + 1 if event.start_mark else None
            return Problem(path, line, "", ANCHORS_REFUSED)
        if isinstance(event, CollectionStartEvent):
            depth += 1
            if depth > MAX_NESTING:
                line = event.start_mark.line + 1 if event.start_mark else None
                return Problem(path, line, "", f"nested deeper than {MAX_NESTING} levels: not a knowledge file")
        elif isinstance(event, CollectionEndEvent):
            depth -= 1
    return None


def _parse_yaml(text: str) -> Any:  # noqa: ANN401  (a YAML document can be anything)
    """Parse with the round-trip loader, which keeps every node's line for error messages."""
    yaml = YAML(typ="rt")
    yaml.Constructor = _DatesAsText
    yaml.allow_duplicate_keys = False
    return yaml.load(text)


def _validation_errors(model: type[KnowledgeFile] | type[Entry] | type[Source], data: object) -> list[Any]:
    try:
        model.model_validate(data)
    except ValidationError as error:
        return list(error.errors(include_url=False))
    return []


def _load_source(path: Path, document: CommentedMap, problems: list[Problem]) -> SourceText | None:
    """The file's source metadata and text, or None (with a problem added) when either is unusable."""
    raw = document.get("source")
    if _validation_errors(Source, raw):
        return None  # already reported by the whole-file validation
    meta = Source.model_validate(raw)
    text_path = (path.parent / meta.text).resolve()
    line = _line_of(document, ("source", "text"))
    if not text_path.is_relative_to(path.parent.resolve()):
        problems.append(Problem(path, line, "source.text", "the source text must lie in the knowledge directory"))
        return None
    try:
        text = text_path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        problems.append(Problem(path, line, "source.text", f"cannot read the source text {meta.text!r}: {error}"))
        return None
    return SourceText(path=text_path, meta=meta, text=normalise_for_quote(text))


def _valid_entries(document: CommentedMap) -> Iterator[tuple[int, Entry]]:
    """The entries that validate on their own, so cross-checks run even when a sibling is broken."""
    raw_entries = document.get("entries")
    if not isinstance(raw_entries, CommentedSeq):
        return
    for index, raw in enumerate(raw_entries):
        if not _validation_errors(Entry, raw):
            yield index, Entry.model_validate(raw)


def _check_against_source(
    path: Path, document: CommentedMap, index: int, entry: Entry, source_text: str
) -> Iterator[Problem]:
    """Every quote stands verbatim in the source, and every number of the answer stands in a quote."""
    quoted_numbers: set[int] = set()
    for quote_index, quote in enumerate(entry.quote):
        quoted_numbers |= numbers_in(quote)
        if normalise_for_quote(quote) not in source_text:
            loc: tuple[str | int, ...] = ("entries", index, "quote")
            field_name = f"entries[{index}].quote"
            if len(entry.quote) > 1:
                loc, field_name = (*loc, quote_index), f"{field_name}[{quote_index}]"
            yield Problem(path, _line_of(document, loc), field_name, "not found verbatim in the source text")
    unquoted = sorted(numbers_in(entry.answer) - quoted_numbers)
    if unquoted:
        yield Problem(
            path,
            _line_of(document, ("entries", index, "answer")),
            f"entries[{index}].answer",
            f"number(s) {', '.join(map(str, unquoted))} not found in the entry's quote",
        )
    yield from _check_translations(path, document, index, entry)
    for figure_index, figure in enumerate(entry.figures):
        missing = sorted(set(figure.numbers) - quoted_numbers)
        if missing:
            yield Problem(
                path,
                _line_of(document, ("entries", index, "figures", figure_index)),
                f"entries[{index}].figures[{figure_index}]",
                f"number(s) {', '.join(map(str, missing))} not found in the entry's quote",
            )


def _check_translations(path: Path, document: CommentedMap, index: int, entry: Entry) -> Iterator[Problem]:
    """A translated text states exactly the numbers its English text states: none missing, none changed."""
    for language, translation in entry.translations.items():
        for field_name in ("answer", "source", "caveat"):
            translated = getattr(translation, field_name)
            if translated is None:
                continue
            expected, found = numbers_in(getattr(entry, field_name)), numbers_in(translated)
            if expected == found:
                continue
            details = []
            if expected - found:
                details.append(f"missing {', '.join(map(str, sorted(expected - found)))}")
            if found - expected:
                details.append(f"has {', '.join(map(str, sorted(found - expected)))} which the English text does not")
            loc = ("entries", index, "translations", language, field_name)
            yield Problem(
                path,
                _line_of(document, loc),
                f"entries[{index}].translations.{language}.{field_name}",
                f"numbers differ from the English text: {'; '.join(details)}",
            )


def _problem(path: Path, document: CommentedMap, error: Mapping[str, Any]) -> Problem:
    """A pydantic error as admins read it: the field path as written in YAML, its line, a plain message."""
    field_name, line = _locate(document, tuple(error["loc"]))
    message = str(error["msg"])
    message = re.sub(r"^(Value|Assertion) error, ", "", message)
    message = message[:1].lower() + message[1:]
    return Problem(path, line, field_name, message)


def _locate(document: CommentedMap, loc: tuple[str | int, ...]) -> tuple[str, int | None]:
    """Follow a pydantic location through the YAML nodes: the field path and the line it stands on."""
    node: object = document
    parts: list[str] = []
    line = _node_line(document)
    for part in loc:
        if isinstance(node, CommentedMap) and isinstance(part, str):
            parts.append(f".{part}" if parts else part)
            if part not in node:
                break  # a missing field: report it at the line of the mapping that lacks it
            line = node.lc.key(part)[0] + 1
            node = node[part]
        elif isinstance(node, CommentedSeq) and isinstance(part, int) and 0 <= part < len(node):
            parts.append(f"[{part}]")
            line = node.lc.item(part)[0] + 1
            node = node[part]
        else:
            break  # pydantic's own tags (union members, constraints) are not part of the file
    return "".join(parts), line


def _line_of(document: CommentedMap, loc: tuple[str | int, ...]) -> int | None:
    return _locate(document, loc)[1]


def _node_line(node: object) -> int | None:
    lc = getattr(node, "lc", None)
    return None if lc is None or lc.line is None else lc.line + 1
