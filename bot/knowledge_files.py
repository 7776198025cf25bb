"""Safe changes to knowledge files: check in a scratch copy, keep the replaced version, write atomically.

Used alike by the admin commands, the CLI and the tests, so it never imports ``telegram``. Every method
blocks (file I/O, validation, and a lock held while a change is checked and written): call it from async
code through ``asyncio.to_thread``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import io
import os
import re
import secrets
import shutil
import stat
import tempfile
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.representer import RoundTripRepresenter
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, SingleQuotedScalarString

from bot.core.errors import KnowledgeError, Problem, display_path
from bot.core.loader import KNOWLEDGE_SUFFIXES, EntryLocation, KnowledgeBase, SourceText, load_knowledge

MAX_NAME_CHARS = 100
MAX_NAME_BYTES = 200  # file systems allow 255 bytes; the temporary file's name adds a few
MAX_COPIED_BYTES = 20_000_000  # a source text larger than this is not copied into the scratch directory
_STAMP_FORMAT = "%Y-%m-%dT%H-%M-%S.%fZ"
_STAMP_RE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}\.\d{6}Z\.yaml$")
_TEMPORARY_RE = re.compile(r"^\..*\.[0-9a-f]{16}\.tmp$")
_NULL_RE = re.compile(r"(?:~|null|Null|NULL)(?=[\s,\]}#]|$)")


class UploadRejected(Exception):  # noqa: N818 - the callers' API names it
    """A file refused before validation (name, type, size, encoding); the message says why and what to do."""


class NothingToRollBack(Exception):  # noqa: N818 - the callers' API names it
    """No kept version of the file differs from the current one."""


class UnknownEntry(Exception):  # noqa: N818 - the callers' API names it
    """No entry of the knowledge has this id."""


class DuplicateQuestion(Exception):  # noqa: N818 - the callers' API names it
    """The entry already lists this question (ignoring case and spacing)."""


@dataclass(frozen=True)
class Change:
    """A knowledge file written, where its replaced version was kept, and the knowledge it makes."""

    path: Path  # the knowledge file written
    previous: Path | None  # where the replaced version was kept in history (None if the file is new)
    knowledge: KnowledgeBase  # the whole knowledge as it validated with this change (what a reload will serve)


def atomic_write(path: Path, content: bytes) -> None:
    """Write so that a crash at any moment leaves either the old file or the new one, never a mix.

    Temporary file in the same directory, write, flush, fsync, ``os.replace``, fsync the directory; the
    temporary file is removed if anything fails before the rename. A replaced file keeps its permissions.
    """
    directory = path.parent
    temporary, descriptor = _create_temporary(path)
    try:
        with contextlib.suppress(FileNotFoundError):
            os.fchmod(descriptor, stat.S_IMODE(path.stat().st_mode))
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        temporary.replace(path)  # os.replace: atomic on POSIX
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    _fsync_directory(directory)


def _create_temporary(path: Path) -> tuple[Path, int]:
    """A new, empty, hidden file beside ``path`` (created with the usual umask, unlike ``mkstemp``)."""
    while True:
        temporary = path.with_name(f".{path.name[:32]}.{secrets.token_hex(8)}.tmp")
        try:
            return temporary, os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:  # pragma: no cover  (64 random bits)
            continue


def _fsync_directory(directory: Path) -> None:
    """Make a rename in ``directory`` durable."""
    descriptor = os.open(directory, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


class KnowledgeFiles:
    """The knowledge directory as admins change it: every change validated, kept in history, written atomically."""

    def __init__(self, knowledge_dir: Path, history_dir: Path, *, max_bytes: int = 1_000_000) -> None:
        """Work on ``knowledge_dir``, keeping replaced versions under ``history_dir``."""
        self.knowledge_dir = knowledge_dir
        self.history_dir = history_dir
        self.max_bytes = max_bytes

    def files(self) -> list[Path]:
        """The knowledge files (``*.yaml``, ``*.yml``), sorted by name."""
        if not self.knowledge_dir.is_dir():
            return []
        return sorted(p for p in self.knowledge_dir.iterdir() if p.suffix in KNOWLEDGE_SUFFIXES and p.is_file())

    def check_name(self, name: str) -> str:
        """``name`` if it is a safe plain file name ending in .yaml or .yml; otherwise ``UploadRejected``."""
        shown = _shown(name)
        if not name:
            raise UploadRejected("the file has no name: name it like kremlin-losses.yaml")
        if len(name) > MAX_NAME_CHARS or len(name.encode("utf-8", "surrogatepass")) > MAX_NAME_BYTES:
            raise UploadRejected(
                f"the file name {shown} is too long: use at most {MAX_NAME_CHARS} characters, fewer if non-Latin"
            )
        if any(_is_control(char) for char in name):
            raise UploadRejected(f"the file name {shown} contains control or invisible characters: rename the file")
        if "/" in name or "\\" in name:
            raise UploadRejected(f"the file name {shown} contains a folder (/ or \\): send a plain file name")
        if ".." in name:
            raise UploadRejected(f"the file name {shown} contains '..': rename the file")
        if name.startswith("."):
            raise UploadRejected(f"the file name {shown} starts with a dot: rename the file")
        if name != name.strip():
            raise UploadRejected(f"the file name {shown} starts or ends with a space: rename the file")
        if not name.endswith(KNOWLEDGE_SUFFIXES):
            raise UploadRejected(f"the file name {shown} does not end in .yaml or .yml: knowledge files are YAML")
        return name

    def validate(self, name: str, content: bytes) -> KnowledgeBase:
        """The whole knowledge as it would be with ``name`` holding ``content``; nothing real is touched.

        Raises ``UploadRejected`` (name, size, encoding) or ``KnowledgeError``, whose problems name the
        uploaded file as ``name`` and the other files by their place in the knowledge directory.
        """
        name = self.check_name(name)
        self._check_content(name, content)
        target = self.knowledge_dir / name
        if target.exists() and not target.is_file():
            raise UploadRejected(f"{_shown(name)} is not a file in the knowledge directory: choose another name")
        with tempfile.TemporaryDirectory(prefix="knowledge-check-") as scratch_name:
            scratch = Path(scratch_name)
            copied = self._copy_others(scratch, name)
            (scratch / name).write_bytes(content)
            try:
                knowledge = load_knowledge([scratch])
            except KnowledgeError as error:
                shown_as = {display_path(scratch / other): display_path(self.knowledge_dir / other) for other in copied}
                shown_as[display_path(scratch / name)] = display_path(Path(name))
                raise KnowledgeError(
                    self._unscratch_problem(problem, scratch, name, shown_as) for problem in error.problems
                ) from None
            return self._unscratch(knowledge, scratch)

    def install(self, name: str, content: bytes) -> Change:
        """Validate ``content`` as ``name``; if valid, keep the current version in history, then write it."""
        name = self.check_name(name)
        with self._locked():
            return self._install_locked(name, content)

    def history(self, name: str) -> list[Path]:
        """The kept versions of ``name``, oldest first."""
        folder = self.history_dir / self.check_name(name)
        if not folder.is_dir():
            return []
        return sorted(p for p in folder.iterdir() if _STAMP_RE.match(p.name) and p.is_file())

    def rollback(self, name: str) -> Change:
        """Restore the newest kept version that differs from the current file, validated like an upload.

        The current version is kept in history first, so a second rollback undoes the first.
        """
        name = self.check_name(name)
        with self._locked():
            current = _read_or_none(self.knowledge_dir / name)
            versions = (path.read_bytes() for path in reversed(self.history(name)))
            content = next((version for version in versions if version != current), None)
            if content is None:
                raise NothingToRollBack(f"no earlier version of {_shown(name)} is kept: nothing to roll back")
            return self._install_locked(name, content)

    def add_question(self, entry_id: str, question: str) -> Change:
        """Append ``question`` (spacing collapsed) to the entry's ``questions``, keeping comments and layout."""
        question = " ".join(question.split())
        with self._locked():
            current = load_knowledge([self.knowledge_dir])
            location = current.locations.get(entry_id)
            if location is None:
                raise UnknownEntry(f"no entry has the id {entry_id!r}: see the ids in the knowledge files")
            entry = current.by_id[entry_id]
            if any(_question_key(known) == _question_key(question) for known in entry.questions):
                raise DuplicateQuestion(f"the entry {entry_id!r} already has the question {question!r}")
            text = location.path.read_bytes().decode("utf-8")
            edited = _append_question(text, location, entry_id, question)
            return self._install_locked(location.path.name, edited.encode("utf-8"))

    # ------------------------------------------------------------------ helpers

    def _install_locked(self, name: str, content: bytes) -> Change:
        knowledge = self.validate(name, content)
        target = self.knowledge_dir / name
        previous = self._keep(name)
        atomic_write(target, content)
        return Change(path=target, previous=previous, knowledge=knowledge)

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        """One change at a time across threads and processes: validate and write see the same directory."""
        self.knowledge_dir.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(self.knowledge_dir, os.O_RDONLY | os.O_DIRECTORY)
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX)
            yield
        finally:
            os.close(descriptor)  # closing releases the lock

    def _check_content(self, name: str, content: bytes) -> None:
        if len(content) > self.max_bytes:
            raise UploadRejected(
                f"{_shown(name)} is {len(content):,} bytes; the limit is {self.max_bytes:,}: "
                "split it into smaller files"
            )
        try:
            content.decode("utf-8")
        except UnicodeDecodeError as error:
            line = content[: error.start].count(b"\n") + 1
            raise UploadRejected(f"{_shown(name)} is not UTF-8 text (line {line}): save it as UTF-8") from None

    def _copy_others(self, scratch: Path, name: str) -> list[str]:
        """Copy the knowledge directory's other files (not folders) into ``scratch``; return their names."""
        copied: list[str] = []
        if not self.knowledge_dir.is_dir():
            return copied
        for path in sorted(self.knowledge_dir.iterdir()):
            if path.name == name or _TEMPORARY_RE.match(path.name) or not path.is_file():
                continue
            if path.suffix not in KNOWLEDGE_SUFFIXES and path.stat().st_size > MAX_COPIED_BYTES:
                continue
            shutil.copyfile(path, scratch / path.name)
            copied.append(path.name)
        return copied

    def _unscratch_problem(self, problem: Problem, scratch: Path, name: str, shown_as: dict[str, str]) -> Problem:
        """A problem found in the scratch copy, naming the uploaded file as ``name`` and others where they live."""
        if problem.path == scratch / name:
            path = Path(name)
        elif problem.path.parent == scratch:
            path = self.knowledge_dir / problem.path.name
        else:
            path = problem.path
        message = problem.message
        for scratch_shown, real_shown in shown_as.items():
            message = message.replace(scratch_shown, real_shown)
        return Problem(path, problem.line, problem.field, message)

    def _unscratch(self, knowledge: KnowledgeBase, scratch: Path) -> KnowledgeBase:
        """The knowledge loaded from the scratch copy, with paths as a reload of the real directory has them."""
        resolved_scratch = scratch.resolve()

        def real(path: Path) -> Path:
            return self.knowledge_dir / path.relative_to(scratch)

        def real_source(source: SourceText) -> SourceText:
            return replace(source, path=(self.knowledge_dir / source.path.relative_to(resolved_scratch)).resolve())

        sources: dict[int, SourceText] = {}  # shared per file, as the loader shares them
        for source in knowledge.sources.values():
            sources.setdefault(id(source), real_source(source))
        locations: dict[str, EntryLocation] = {
            entry_id: replace(location, path=real(location.path)) for entry_id, location in knowledge.locations.items()
        }
        return replace(
            knowledge,
            files=tuple(real(path) for path in knowledge.files),
            sources={entry_id: sources[id(source)] for entry_id, source in knowledge.sources.items()},
            locations=locations,
        )

    def _keep(self, name: str) -> Path | None:
        """Copy the current version of ``name`` into history under a new, later time stamp; None if it is new."""
        content = _read_or_none(self.knowledge_dir / name)
        if content is None:
            return None
        folder = self.history_dir / name
        folder.mkdir(parents=True, exist_ok=True)
        stamp = dt.datetime.now(dt.UTC)
        kept = self.history(name)
        if kept:  # names sort by time even if the clock stepped back
            newest = dt.datetime.strptime(kept[-1].name.removesuffix(".yaml"), _STAMP_FORMAT).replace(tzinfo=dt.UTC)
            stamp = max(stamp, newest + dt.timedelta(microseconds=1))
        path = folder / f"{stamp.strftime(_STAMP_FORMAT)}.yaml"
        while path.exists():  # never overwrite a kept version
            stamp += dt.timedelta(microseconds=1)
            path = folder / f"{stamp.strftime(_STAMP_FORMAT)}.yaml"
        atomic_write(path, content)
        return path


def _shown(name: str) -> str:
    """A file name safe to quote in a message, however long or strange."""
    return repr(name if len(name) <= 60 else name[:57] + "...")


def _is_control(char: str) -> bool:
    """Control, format (invisible), surrogate, private-use and unassigned characters, and line separators."""
    return unicodedata.category(char).startswith("C") or unicodedata.category(char) in {"Zl", "Zp"}


def _question_key(question: str) -> str:
    """Questions compare ignoring case and spacing, as the models' duplicate check does."""
    return " ".join(question.casefold().split())


def _read_or_none(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None


# ------------------------------------------------------------------ round-trip editing


class _NullSpelling(str):
    """A null as the file spelled it (``null``, ``~`` or nothing), so a round trip writes it back unchanged."""

    __slots__ = ()


def _represent_null_spelling(representer: RoundTripRepresenter, data: _NullSpelling) -> object:
    return representer.represent_scalar("tag:yaml.org,2002:null", str(data))


def _append_question(text: str, location: EntryLocation, entry_id: str, question: str) -> str:
    """``text`` with ``question`` appended to that entry's questions; everything else written back as it was."""
    document = _round_trip_yaml(2, 2, 0).load(text)
    raw_entries = document.get("entries") if isinstance(document, CommentedMap) else None
    raw_entry = raw_entries[location.index] if isinstance(raw_entries, CommentedSeq) else None
    if not isinstance(raw_entry, CommentedMap) or raw_entry.get("id") != entry_id:
        raise UnknownEntry(f"the entry {entry_id!r} moved while it was being edited: try again")
    _keep_null_spellings(document, text.split("\n"))  # YAML's lines, not str.splitlines()'s
    yaml = _layout_of(document, text)
    questions = raw_entry["questions"]
    last = questions[-1] if questions else None
    style = type(last) if isinstance(last, SingleQuotedScalarString | DoubleQuotedScalarString) else str
    questions.append(style(question))
    return _dump(yaml, document)


def _round_trip_yaml(mapping: int, sequence: int, offset: int, *, line_break: str = "\n") -> YAML:
    yaml = YAML(typ="rt")
    yaml.line_break = line_break  # type: ignore[assignment]  # ruamel declares it None, yet accepts a string
    yaml.preserve_quotes = True
    yaml.width = 100_000  # never re-wrap a long line
    yaml.indent(mapping=mapping, sequence=sequence, offset=offset)
    yaml.representer.add_representer(_NullSpelling, _represent_null_spelling)
    return yaml


def _layout_of(document: object, text: str) -> YAML:
    """A dumper whose indentation reproduces ``text`` unchanged, if a common one does; else a best guess."""
    line_break = "\r\n" if "\r\n" in text else "\n"
    candidates = [(2, 4, 2), (2, 2, 0), (4, 4, 0), (4, 6, 4), (4, 4, 2), (2, 4, 0), (4, 2, 0)]
    for mapping, sequence, offset in candidates:
        yaml = _round_trip_yaml(mapping, sequence, offset, line_break=line_break)
        if _dump(yaml, document) == text:
            return yaml
    return _round_trip_yaml(*candidates[0], line_break=line_break)


def _dump(yaml: YAML, document: object) -> str:
    out = io.StringIO()
    yaml.dump(document, out)
    return out.getvalue()


def _keep_null_spellings(node: object, lines: list[str]) -> None:
    """Replace every null in ``node`` by its spelling in ``lines``."""
    if isinstance(node, CommentedMap):
        for key in list(node):
            if node[key] is None:
                node[key] = _null_spelling(lines, *node.lc.value(key))
            else:
                _keep_null_spellings(node[key], lines)
    elif isinstance(node, CommentedSeq):
        for index, item in enumerate(node):
            if item is None:
                node[index] = _null_spelling(lines, *node.lc.item(index))
            else:
                _keep_null_spellings(item, lines)


def _null_spelling(lines: list[str], line: int, column: int) -> _NullSpelling:
    found = _NULL_RE.match(lines[line], column) if line < len(lines) else None
    return _NullSpelling(found.group() if found else "")
