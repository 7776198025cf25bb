"""Changing knowledge files: validated in a scratch copy, the replaced version kept, every write atomic."""

from __future__ import annotations

import difflib
import hashlib
import os
import random
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import bot.knowledge_files as knowledge_files_module
from bot.core.errors import KnowledgeError, display_path
from bot.core.loader import load_knowledge
from bot.knowledge_files import (
    DuplicateQuestion,
    KnowledgeFiles,
    NothingToRollBack,
    UnknownEntry,
    UploadRejected,
    atomic_write,
)

ROOT = Path(__file__).resolve().parent.parent
BUNDLED_KNOWLEDGE = ROOT / "knowledge"
NAME = "kremlin-losses-2022-04.yaml"
ORIGINAL = (BUNDLED_KNOWLEDGE / NAME).read_bytes()
# The edits below change a question of the first entry; fail loudly if the bundled file no longer has it.
QUESTION = b"      - russian death toll\n"
assert QUESTION in ORIGINAL

# A second, self-contained file: its quote stands in article.txt, its id is new, its layout differs from
# the bundled file's (two-space sequences, a flow list, nulls spelled `~` and left empty, a comment).
SMALL = """\
schema_version: 1
source:
  title: The same article, as a second file
  outlet: ~        # unknown
  url:
  as_of: 2022-04-07
  language: en
  text: article.txt
entries:
- id: official-figure
  questions: [official figure, "What does Moscow say?", 'the official toll', minister's number, kremlin count]
  answer: The defence minister said on March 25 that 1,351 soldiers had died.
  source: The Russian defence minister, as reported by the article.
  caveat: An old official figure from a party to the war.
  quote: >-
    The latest official data from the Russian government came on March 25,
    when the defense minister said 1,351 soldiers had died in Ukraine.
"""


@pytest.fixture
def knowledge_dir(tmp_path: Path) -> Path:
    """A copy of the bundled knowledge (its YAML files and article.txt) in ``tmp_path/knowledge``."""
    directory = tmp_path / "knowledge"
    directory.mkdir()
    for path in [*BUNDLED_KNOWLEDGE.glob("*.yaml"), BUNDLED_KNOWLEDGE / "article.txt"]:
        shutil.copyfile(path, directory / path.name)
    return directory


@pytest.fixture
def files(knowledge_dir: Path) -> KnowledgeFiles:
    return KnowledgeFiles(knowledge_dir, knowledge_dir.parent / "history")


def snapshot(root: Path) -> dict[str, str]:
    """Every file under ``root`` with a hash of its bytes."""
    return {
        str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def line_of(content: bytes, text: str) -> int:
    """The 1-based line on which ``text`` first stands."""
    return content[: content.index(text.encode())].count(b"\n") + 1


def changed_lines(before: str, after: str) -> list[str]:
    """The lines added (``+ ``) or removed (``- ``) between two texts."""
    return [line for line in difflib.ndiff(before.splitlines(), after.splitlines()) if line[:2] in {"+ ", "- "}]


# ------------------------------------------------------------------ install


def test_installing_a_valid_change_writes_it_keeps_the_previous_version_and_returns_the_new_knowledge(
    files: KnowledgeFiles, knowledge_dir: Path
) -> None:
    changed = ORIGINAL.replace(QUESTION, b"      - russian death toll so far\n")

    change = files.install(NAME, changed)

    assert change.path == knowledge_dir / NAME
    assert change.path.read_bytes() == changed
    assert change.previous is not None
    assert change.previous.read_bytes() == ORIGINAL
    assert files.history(NAME) == [change.previous]
    assert "russian death toll so far" in change.knowledge.by_id["death-toll"].questions
    assert change.knowledge.files == (knowledge_dir / NAME,)
    assert change.knowledge.locations["death-toll"].path == knowledge_dir / NAME
    assert change.knowledge.source_of("death-toll").path == (knowledge_dir / "article.txt").resolve()


def test_installing_a_new_file_keeps_no_history_and_adds_its_entries(
    files: KnowledgeFiles, knowledge_dir: Path
) -> None:
    change = files.install("second.yaml", SMALL.encode())
    assert change.previous is None
    assert (knowledge_dir / "second.yaml").read_text(encoding="utf-8") == SMALL
    assert "official-figure" in change.knowledge.by_id
    assert "death-toll" in change.knowledge.by_id
    assert files.files() == [knowledge_dir / NAME, knowledge_dir / "second.yaml"]
    assert files.history("second.yaml") == []


def test_history_keeps_every_replaced_version_oldest_first_under_sortable_utc_names(files: KnowledgeFiles) -> None:
    versions = [ORIGINAL.replace(b"russian death toll\n", f"russian death toll {n}\n".encode()) for n in "abc"]
    for version in versions:
        files.install(NAME, version)
    kept = files.history(NAME)
    assert [path.read_bytes() for path in kept] == [ORIGINAL, versions[0], versions[1]]
    assert all(path.parent == files.history_dir / NAME for path in kept)
    assert [path.name for path in kept] == sorted(path.name for path in kept)
    assert all(len(path.name) == len("2026-11-25T17-03-04.123456Z.yaml") for path in kept)
    assert all(path.name.endswith("Z.yaml") for path in kept)


def test_validate_checks_a_file_without_touching_the_knowledge_directory(files: KnowledgeFiles, tmp_path: Path) -> None:
    before = snapshot(tmp_path)
    knowledge = files.validate("second.yaml", SMALL.encode())
    assert "official-figure" in knowledge.by_id
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        pytest.param(
            NAME,
            ORIGINAL.replace(b"figure of 1,351 (given", b"figure of 1,352 (given"),
            f"{NAME}:{line_of(ORIGINAL, 'answer: >-')}: entries[0].answer: "
            "number(s) 1352 not found in the entry's quote",
            id="a number in an answer missing from its quote",
        ),
        pytest.param(
            "upload.yaml",
            SMALL.replace("caveat: An old", "caveat: Note: an old").encode(),
            "upload.yaml:14: YAML syntax: mapping values are not allowed here",
            id="a YAML syntax error",
        ),
        pytest.param(
            "upload.yaml",
            SMALL.replace("  caveat: An old official figure from a party to the war.\n", "").encode(),
            "upload.yaml:10: entries[0].caveat: field required",
            id="a missing field",
        ),
    ],
)
def test_an_invalid_file_is_refused_with_its_problems_at_the_uploaded_name_and_line_and_nothing_is_written(
    files: KnowledgeFiles, tmp_path: Path, name: str, content: bytes, expected: str
) -> None:
    before = snapshot(tmp_path)
    with pytest.raises(KnowledgeError) as caught:
        files.install(name, content)
    # The first problem is the one the edit made; a changed English number is also reported against
    # each translation that still states the old one.
    assert str(caught.value.problems[0]) == expected
    assert all(".translations." in str(p) for p in caught.value.problems[1:])
    assert snapshot(tmp_path) == before
    assert files.history(name) == []


def test_problems_in_other_files_name_them_where_they_live_never_the_scratch_copy(
    files: KnowledgeFiles, knowledge_dir: Path
) -> None:
    duplicate = SMALL.replace("id: official-figure", "id: death-toll")
    with pytest.raises(KnowledgeError) as caught:
        files.install("upload.yaml", duplicate.encode())
    [problem] = caught.value.problems
    assert problem.path == Path("upload.yaml")
    assert str(problem).startswith("upload.yaml:10: entries[0].id: duplicate id 'death-toll', first used at ")
    assert problem.message.endswith(
        f"first used at {display_path(knowledge_dir / NAME)}:{line_of(ORIGINAL, 'id: death-toll')}"
    )
    assert "knowledge-check-" not in str(caught.value)


def test_concurrent_installs_are_checked_one_after_the_other(files: KnowledgeFiles, knowledge_dir: Path) -> None:
    """Two new files with the same id, installed at once: one is written, the other is refused as a duplicate."""
    with ThreadPoolExecutor(max_workers=2) as pool:
        futures = [pool.submit(files.install, name, SMALL.encode()) for name in ("second.yaml", "third.yaml")]
    errors = [future.exception() for future in futures]
    assert sum(error is None for error in errors) == 1
    assert [type(error) for error in errors if error is not None] == [KnowledgeError]
    assert len(files.files()) == 2


def test_this_module_never_loads_telegram() -> None:
    code = "import sys, bot.knowledge_files; sys.exit('telegram' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=False).returncode == 0


# ------------------------------------------------------------------ refused before validation


@pytest.mark.parametrize(
    "name",
    [
        "../x.yaml",
        "a/b.yaml",
        "a\\b.yaml",
        ".hidden.yaml",
        "x.txt",
        "x.YAML",
        "x.yaml\x00",
        "x\nb.yaml",
        "x\u202eb.yaml",
        "",
        "..",
        "a..yaml",
        " x.yaml",
        "x" * 96 + ".yaml",
        "日" * 70 + ".yaml",  # 75 characters, but 215 bytes: too long for a file system
    ],
)
def test_unsafe_or_unsuitable_names_are_refused_and_nothing_is_written(
    files: KnowledgeFiles, tmp_path: Path, name: str
) -> None:
    before = snapshot(tmp_path)
    with pytest.raises(UploadRejected):
        files.install(name, SMALL.encode())
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize(
    "name", ["second.yaml", "notes.yml", "Потери-2022.yaml", "a b (1).yaml", "x" * 95 + ".yaml", "я" * 95 + ".yaml"]
)
def test_plain_yaml_names_are_accepted_as_they_are(files: KnowledgeFiles, name: str) -> None:
    assert files.check_name(name) == name


@pytest.mark.parametrize(
    ("content", "max_bytes", "says"),
    [
        pytest.param(SMALL.encode() + b"#" * 2_000, 2_000, "the limit is 2,000", id="oversized"),
        pytest.param(SMALL.encode().replace(b"Moscow", b"Mosc\xf6w"), 1_000_000, "UTF-8", id="not UTF-8"),
    ],
)
def test_oversized_or_non_utf8_content_is_refused_and_nothing_is_written(
    knowledge_dir: Path, tmp_path: Path, content: bytes, max_bytes: int, says: str
) -> None:
    files = KnowledgeFiles(knowledge_dir, tmp_path / "history", max_bytes=max_bytes)
    before = snapshot(tmp_path)
    with pytest.raises(UploadRejected, match=says):
        files.install("second.yaml", content)
    assert snapshot(tmp_path) == before


@given(
    name=st.one_of(
        st.text(),
        st.builds(
            str.__add__,
            st.text(alphabet=st.sampled_from("ab./\\\x00\n \u202e~:")),
            st.sampled_from([".yaml", ".yml"]),
        ),
    )
)
def test_an_accepted_name_always_stays_directly_inside_the_knowledge_directory(
    tmp_path_factory: pytest.TempPathFactory, name: str
) -> None:
    directory = tmp_path_factory.getbasetemp() / "knowledge"
    files = KnowledgeFiles(directory, directory.parent / "history")
    try:
        accepted = files.check_name(name)
    except UploadRejected:
        return
    assert accepted == name
    assert (directory / accepted).resolve().parent == directory.resolve()
    assert (directory / accepted).resolve().name == name


# ------------------------------------------------------------------ rollback


def test_rollback_restores_the_previous_version_and_keeps_the_replaced_one(
    files: KnowledgeFiles, knowledge_dir: Path
) -> None:
    changed = ORIGINAL.replace(b"russian death toll\n", b"russian death toll today\n")
    files.install(NAME, changed)

    change = files.rollback(NAME)

    assert (knowledge_dir / NAME).read_bytes() == ORIGINAL
    assert change.previous is not None
    assert change.previous.read_bytes() == changed
    assert "russian death toll today" not in change.knowledge.by_id["death-toll"].questions
    assert [path.read_bytes() for path in files.history(NAME)] == [ORIGINAL, changed]


def test_a_second_rollback_undoes_the_first(files: KnowledgeFiles, knowledge_dir: Path) -> None:
    changed = ORIGINAL.replace(b"russian death toll\n", b"russian death toll today\n")
    files.install(NAME, changed)
    files.rollback(NAME)
    files.rollback(NAME)
    assert (knowledge_dir / NAME).read_bytes() == changed


def test_rollback_without_history_raises_nothing_to_roll_back_and_changes_nothing(
    files: KnowledgeFiles, tmp_path: Path
) -> None:
    before = snapshot(tmp_path)
    with pytest.raises(NothingToRollBack):
        files.rollback(NAME)
    assert snapshot(tmp_path) == before


def test_rollback_skips_kept_versions_identical_to_the_current_file(files: KnowledgeFiles) -> None:
    files.install(NAME, ORIGINAL)  # history now holds a copy identical to the current file
    with pytest.raises(NothingToRollBack):
        files.rollback(NAME)


def test_a_rollback_that_no_longer_validates_is_refused(files: KnowledgeFiles, knowledge_dir: Path) -> None:
    files.install("second.yaml", SMALL.encode())
    files.install("second.yaml", SMALL.replace("official-figure", "official-count").encode())
    files.install("third.yaml", SMALL.encode())  # now the kept version's id would be a duplicate
    before = snapshot(knowledge_dir)
    with pytest.raises(KnowledgeError, match="duplicate id 'official-figure'"):
        files.rollback("second.yaml")
    assert snapshot(knowledge_dir) == before


# ------------------------------------------------------------------ add_question


def test_add_question_appends_one_line_and_keeps_every_comment_and_the_key_order(
    files: KnowledgeFiles, knowledge_dir: Path
) -> None:
    change = files.add_question("official-toll", "  What did   Shoigu announce on March 25? ")

    after = (knowledge_dir / NAME).read_text(encoding="utf-8")
    assert changed_lines(ORIGINAL.decode(), after) == ["+       - What did Shoigu announce on March 25?"]
    last_question = f"      - {load_knowledge([BUNDLED_KNOWLEDGE]).by_id['official-toll'].questions[-1]}\n"
    assert after.index(last_question) + len(last_question) == after.index("      - What did Shoigu")
    assert change.knowledge.by_id["official-toll"].questions[-1] == "What did Shoigu announce on March 25?"
    assert change.previous is not None
    assert change.previous.read_bytes() == ORIGINAL


@pytest.mark.parametrize(
    ("question", "added"),
    [
        pytest.param("Moscow's count?", "kremlin count, Moscow's count?]", id="plain"),
        pytest.param("toll: official #1", "kremlin count, 'toll: official #1']", id="quoted when it must be"),
    ],
)
def test_add_question_keeps_another_layout_too(
    files: KnowledgeFiles, knowledge_dir: Path, question: str, added: str
) -> None:
    files.install("second.yaml", SMALL.encode())

    change = files.add_question("official-figure", question)

    after = (knowledge_dir / "second.yaml").read_text(encoding="utf-8")
    [removed, inserted] = changed_lines(SMALL, after)
    assert removed.startswith("-   questions: [official figure,")
    assert inserted == removed.replace("kremlin count]", added).replace("- ", "+ ", 1)
    assert change.knowledge.by_id["official-figure"].questions[-1] == question


@pytest.mark.parametrize(
    ("entry_id", "question", "error"),
    [
        pytest.param("no-such-entry", "Anything?", UnknownEntry, id="unknown entry"),
        pytest.param("death-toll", "  Russian DEATH   toll ", DuplicateQuestion, id="duplicate question"),
    ],
)
def test_add_question_refuses_unknown_entries_and_duplicate_questions_and_changes_nothing(
    files: KnowledgeFiles, tmp_path: Path, entry_id: str, question: str, error: type[Exception]
) -> None:
    before = snapshot(tmp_path)
    with pytest.raises(error):
        files.add_question(entry_id, question)
    assert snapshot(tmp_path) == before


def test_add_question_that_breaks_validation_is_refused_and_changes_nothing(
    files: KnowledgeFiles, tmp_path: Path
) -> None:
    appended_at = len(load_knowledge([BUNDLED_KNOWLEDGE]).by_id["death-toll"].questions)
    before = snapshot(tmp_path)
    with pytest.raises(KnowledgeError, match=rf"entries\[0\]\.questions\[{appended_at}\]: .*at most 300"):
        files.add_question("death-toll", "x" * 301)  # questions are limited to 300 characters
    assert snapshot(tmp_path) == before


# ------------------------------------------------------------------ crash safety


def failing_on_call(number: int, real: Callable[[int], None]) -> Callable[[int], None]:
    """A stand-in for ``os.fsync`` that fails on its ``number``-th call, like a crash at that moment."""
    calls = 0

    def fsync(descriptor: int) -> None:
        nonlocal calls
        calls += 1
        if calls == number:
            raise OSError(5, "simulated crash")
        real(descriptor)

    return fsync


def test_a_failure_before_the_rename_leaves_the_old_file_and_no_temporary_file(
    knowledge_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = snapshot(knowledge_dir)
    monkeypatch.setattr(os, "fsync", failing_on_call(1, os.fsync))
    with pytest.raises(OSError, match="simulated crash"):
        atomic_write(knowledge_dir / NAME, b"half of a new file")
    assert snapshot(knowledge_dir) == before


def test_a_failed_rename_leaves_the_old_file_and_no_temporary_file(
    knowledge_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_rename(source: object, target: object) -> None:
        raise OSError(28, "simulated full disk")

    before = snapshot(knowledge_dir)
    monkeypatch.setattr(os, "replace", no_rename)
    with pytest.raises(OSError, match="simulated full disk"):
        atomic_write(knowledge_dir / NAME, b"a new file")
    assert snapshot(knowledge_dir) == before


def test_a_failure_after_the_rename_leaves_the_whole_new_file(
    knowledge_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(os, "fsync", failing_on_call(2, os.fsync))
    with pytest.raises(OSError, match="simulated crash"):
        atomic_write(knowledge_dir / NAME, b"the whole new file")
    assert (knowledge_dir / NAME).read_bytes() == b"the whole new file"
    assert sorted(path.name for path in knowledge_dir.iterdir()) == ["article.txt", NAME]


def test_a_failed_write_during_install_leaves_the_knowledge_file_unchanged(
    files: KnowledgeFiles, knowledge_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = snapshot(knowledge_dir)
    real_atomic_write = knowledge_files_module.atomic_write

    def crash_on_knowledge_dir(path: Path, content: bytes) -> None:
        if path.parent == knowledge_dir:
            raise OSError(5, "simulated crash")
        real_atomic_write(path, content)

    monkeypatch.setattr(knowledge_files_module, "atomic_write", crash_on_knowledge_dir)
    with pytest.raises(OSError, match="simulated crash"):
        files.install(NAME, ORIGINAL.replace(b"russian death toll\n", b"russian death toll now\n"))
    assert snapshot(knowledge_dir) == before


def test_atomic_write_keeps_the_permissions_of_the_file_it_replaces(tmp_path: Path) -> None:
    target = tmp_path / "file.yaml"
    target.write_bytes(b"old")
    target.chmod(0o640)
    atomic_write(target, b"new")
    assert target.read_bytes() == b"new"
    assert target.stat().st_mode & 0o777 == 0o640


CHILD = """\
import sys
from pathlib import Path
from bot.knowledge_files import atomic_write
content = b"new\\n" * int(sys.argv[2])
print("ready", flush=True)
sys.stdin.readline()
atomic_write(Path(sys.argv[1]), content)
"""


def test_a_process_killed_at_any_moment_leaves_exactly_the_old_or_the_new_content(tmp_path: Path) -> None:
    old, lines = b"old\n" * 1_000_000, 2_000_000
    new = b"new\n" * lines
    calibrate = tmp_path / "calibrate"
    started = time.perf_counter()
    atomic_write(calibrate, new)
    write_seconds = time.perf_counter() - started
    rng = random.Random(20221)
    outcomes: list[str] = []
    for batch in range(4):
        targets = [tmp_path / f"target-{batch}-{n}" for n in range(5)]
        with ExitStack() as stack:
            children = []
            for target in targets:
                target.write_bytes(old)
                child = subprocess.Popen(
                    [sys.executable, "-c", CHILD, str(target), str(lines)],
                    cwd=ROOT,
                    stdin=subprocess.PIPE,
                    stdout=subprocess.PIPE,
                )
                children.append(stack.enter_context(child))
            for child in children:
                assert child.stdout is not None
                assert child.stdout.readline() == b"ready\n"
            for child in children:
                assert child.stdin is not None
                child.stdin.write(b"go\n")
                child.stdin.flush()
                time.sleep(rng.uniform(0, write_seconds * 1.5))
                child.kill()
                child.wait()
        for target in targets:
            content = target.read_bytes()
            assert content in (old, new), f"{target.name} holds {len(content)} bytes: neither old nor new"
            outcomes.append("new" if content == new else "old")
    assert len(outcomes) == 20
