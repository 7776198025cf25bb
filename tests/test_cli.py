"""The command line, run as users run it: ``python -m bot check`` and ``python -m bot ask``."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from bot_process import run_cli

ROOT = Path(__file__).resolve().parent.parent
BUNDLED_KNOWLEDGE = ROOT / "knowledge"

JSON_FIELDS = {
    "question",
    "answered",
    "id",
    "score",
    "matched_question",
    "answer",
    "figure",
    "source",
    "caveat",
    "alternatives",
}

BROKEN_FILE = """\
schema_version: 1
source:
  title: A small article
  as_of: 2022-04-07
  language: en
  text: article.txt
entries:
  - id: official-toll
    questions: [How many died?, official toll, official death toll, official figure, minister figure]
    answer: The defence minister said 1,352 soldiers had died.
    source: The Russian defence minister.
    caveat: An official figure.
    quote: the defense minister said 1,351 soldiers had died in Ukraine.
  - id: western-estimate
    questions: [Western estimate, How many died according to the West?, western toll, estimate, range]
    answer: Western governments estimate that 7,000 to 15,000 soldiers died.
    source: Western governments.
    quote: Western governments estimate that between 7,000 and 15,000 soldiers died.
    colour: red
"""


def ask_json(*questions: str) -> dict[str, Any]:
    """The one JSON object ``ask --json`` prints for a question."""
    result = run_cli("ask", "--json", *questions)
    assert result.returncode == 0, result.stderr
    [line] = result.stdout.splitlines()
    reply: dict[str, Any] = json.loads(line)
    return reply


@pytest.fixture
def broken_dir(tmp_path: Path) -> Path:
    """A knowledge directory whose one file has three problems."""
    (tmp_path / "article.txt").write_text(
        "The latest official data came on March 25, when the defense minister said 1,351 soldiers had died "
        "in Ukraine. Western governments estimate that between 7,000 and 15,000 soldiers died.\n",
        encoding="utf-8",
    )
    (tmp_path / "bad.yaml").write_text(BROKEN_FILE, encoding="utf-8")
    return tmp_path


def expected_problems(directory: Path) -> list[str]:
    """The three problems of BROKEN_FILE, each with file:line (outside the project, so the full path)."""
    bad = directory / "bad.yaml"
    return [
        f"{bad}:10: entries[0].answer: number(s) 1352 not found in the entry's quote",
        f"{bad}:14: entries[1].caveat: field required",
        f"{bad}:19: entries[1].colour: extra inputs are not permitted",
    ]


# ------------------------------------------------------------------ check


def test_check_on_the_bundled_knowledge_reports_ok_with_counts() -> None:
    result = run_cli("check")
    assert result.returncode == 0, result.stderr
    [line] = result.stdout.splitlines()
    found = re.fullmatch(r"OK: 1 file\(s\), (\d+) entries, (\d+) questions in (\d+) language\(s\): ([a-z ]+)", line)
    assert found is not None, line
    entries, questions, languages = int(found[1]), int(found[2]), found[4].split()
    assert entries >= 20
    assert questions >= 5 * entries
    assert "en" in languages
    assert int(found[3]) == len(languages)
    assert result.stderr == ""


def test_check_takes_paths_as_arguments() -> None:
    result = run_cli("check", "knowledge/kremlin-losses-2022-04.yaml")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("OK: 1 file(s), ")


def test_check_on_a_broken_file_exits_1_and_lists_every_problem_with_file_and_line(broken_dir: Path) -> None:
    result = run_cli("check", str(broken_dir / "bad.yaml"))
    assert result.returncode == 1
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines[0] == "The knowledge files have 3 problem(s):"
    assert sorted(lines[1:]) == sorted(expected_problems(broken_dir))


def test_check_reads_the_knowledge_dir_from_the_environment(broken_dir: Path) -> None:
    result = run_cli("check", knowledge_dir=broken_dir)
    assert result.returncode == 1
    assert sorted(result.stderr.splitlines()[1:]) == sorted(expected_problems(broken_dir))


def test_check_on_a_path_that_does_not_exist_exits_1(tmp_path: Path) -> None:
    result = run_cli("check", str(tmp_path / "nowhere"))
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "The knowledge files have 1 problem(s):",
        f"{tmp_path / 'nowhere'}: no such file or directory",
    ]


def test_an_unknown_command_is_a_usage_error() -> None:
    result = run_cli("frobnicate")
    assert result.returncode == 2
    assert "invalid choice" in result.stderr


# ------------------------------------------------------------------ ask, plain text


def test_ask_prints_the_figure_source_and_caveat_as_plain_text() -> None:
    result = run_cli("ask", "How many soldiers died?")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Figure: 1,351 ")
    assert "7,000\N{EN DASH}15,000" in lines[0]
    assert any(line.startswith("Source: ") for line in lines)
    assert any(line.startswith("Caveat: ") for line in lines)
    assert "<" not in result.stdout  # plain text: no HTML markup


def test_ask_joins_unquoted_words_into_one_question() -> None:
    result = run_cli("ask", "How", "many", "soldiers", "died?")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Figure: 1,351 ")


def test_the_source_line_has_no_doubled_full_stop() -> None:
    """Entry sources end with a full stop; the rendered line must not add a second one."""
    source_lines = [
        line for line in run_cli("ask", "How many soldiers died?").stdout.splitlines() if line.startswith("Source: ")
    ]
    assert source_lines
    assert all(".." not in line for line in source_lines)


# ------------------------------------------------------------------ ask --json


def test_ask_json_prints_one_object_with_the_documented_fields() -> None:
    reply = ask_json("How many soldiers died?")
    assert reply.keys() >= JSON_FIELDS
    assert reply["question"] == "How many soldiers died?"
    assert reply["answered"] is True
    assert reply["id"] == "death-toll"
    assert isinstance(reply["score"], float)
    assert 0.0 < reply["score"] <= 1.0
    assert isinstance(reply["matched_question"], str)
    assert "1,351" in reply["answer"]
    assert reply["figure"].startswith("1,351 ")
    assert "7,000\N{EN DASH}15,000" in reply["figure"]
    assert isinstance(reply["source"], str)
    assert isinstance(reply["caveat"], str)
    assert isinstance(reply["alternatives"], list)
    for alternative in reply["alternatives"]:
        assert set(alternative) == {"id", "question", "score"}
        assert isinstance(alternative["id"], str)
        assert alternative["id"] != reply["id"]
        assert isinstance(alternative["question"], str)
        assert 0.0 <= alternative["score"] <= reply["score"]


def test_a_question_outside_the_article_is_not_answered() -> None:
    reply = ask_json("what is the capital of spain")
    assert reply["answered"] is False
    assert reply["id"] is None
    assert reply["figure"] is None
    assert reply["source"] is None
    assert reply["caveat"] is None
    assert "the article does not cover" in reply["answer"].lower()


def test_a_question_the_article_does_not_hold_gets_the_not_covered_entrys_text() -> None:
    reply = ask_json("how many ukrainian soldiers died")
    assert reply["answered"] is False
    assert reply["id"] == "ukrainian-losses"
    assert reply["answer"].startswith("The article does not report Ukrainian military losses.")
    assert reply["figure"] is None
    assert isinstance(reply["caveat"], str)


def test_batch_mode_answers_one_json_object_per_stdin_line_in_order() -> None:
    questions = [
        b"How many soldiers died?",
        b"",
        b"\xff\xfe who is peskov",
        b"how many ukrainian soldiers died",
        b"what is the capital of spain",
    ]
    result = run_cli("ask", "--json", stdin=b"\n".join(questions) + b"\n")
    assert result.returncode == 0, result.stderr
    replies = [json.loads(line) for line in result.stdout.splitlines()]
    assert [reply["question"] for reply in replies] == [
        "How many soldiers died?",
        "",
        "\ufffd\ufffd who is peskov",
        "how many ukrainian soldiers died",
        "what is the capital of spain",
    ]
    assert all(reply.keys() >= JSON_FIELDS for reply in replies)
    assert [reply["answered"] for reply in replies] == [True, False, True, False, False]
    assert [reply["id"] for reply in replies] == [
        "death-toll",
        None,
        "who-is-peskov",
        "ukrainian-losses",
        None,
    ]


def test_batch_mode_reads_a_last_line_without_newline_and_windows_line_ends() -> None:
    result = run_cli("ask", "--json", stdin=b"How many soldiers died?\r\nwho is peskov")
    assert result.returncode == 0, result.stderr
    replies = [json.loads(line) for line in result.stdout.splitlines()]
    assert [reply["question"] for reply in replies] == ["How many soldiers died?", "who is peskov"]


# ------------------------------------------------------------------ ask with broken knowledge


def test_ask_with_broken_knowledge_exits_1_with_the_problems_on_stderr(broken_dir: Path) -> None:
    result = run_cli("ask", "How many soldiers died?", knowledge_dir=broken_dir)
    assert result.returncode == 1
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines[0] == "The knowledge files have 3 problem(s):"
    assert sorted(lines[1:]) == sorted(expected_problems(broken_dir))


def test_ask_knowledge_option_overrides_the_environment(broken_dir: Path) -> None:
    result = run_cli(
        "ask",
        "--json",
        "--knowledge",
        str(BUNDLED_KNOWLEDGE),
        "How many soldiers died?",
        knowledge_dir=broken_dir,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["id"] == "death-toll"
