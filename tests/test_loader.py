"""Loading knowledge: a good file becomes a KnowledgeBase; a bad one names every problem by file:line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.core.errors import KnowledgeError
from bot.core.loader import MAX_FILE_BYTES, KnowledgeBase, load_knowledge, normalise_for_quote
from bot.core.models import MIN_QUESTIONS

ROOT = Path(__file__).resolve().parent.parent
BUNDLED_KNOWLEDGE = ROOT / "knowledge"

# The article's oddities are on purpose: curly quotes, and a sentence broken across lines.
ARTICLE = """\
Kremlin spokesman Dmitry Peskov said on Thursday that the army is suffering “heavy casualties”.
The latest official data came on March 25, when the defense minister said 1,351 soldiers
had died in Ukraine. Western governments estimate that between 7,000 and 15,000 soldiers died.
"""

# Seven lines: the first entry starts on line 8.
HEADER = """\
schema_version: 1
source:
  title: A small article
  as_of: 2022-04-07
  language: en
  text: article.txt
entries:
"""

# Six lines each: as the first entry, lines 8-13; as the second, lines 14-19.
OFFICIAL = """\
  - id: official-toll
    questions: [How many died?, official toll, official death toll, official figure, minister figure]
    answer: The defence minister said on March 25 that 1,351 soldiers had died.
    source: The Russian defence minister.
    caveat: An official figure from a party to the war.
    quote: came on March 25, when the defense minister said 1,351 soldiers had died in Ukraine.
"""
WESTERN = """\
  - id: western-estimate
    questions: [Western estimate, How many died according to the West?, western toll, estimate, range]
    answer: Western governments estimate that 7,000 to 15,000 soldiers died.
    source: Western governments.
    caveat: An estimate, not a count.
    quote: Western governments estimate that between 7,000 and 15,000 soldiers died.
"""


def write(directory: Path, name: str, content: str | bytes, *, article: str | None = ARTICLE) -> Path:
    """Write a knowledge file (and, unless told otherwise, article.txt beside it); return its path."""
    directory.mkdir(parents=True, exist_ok=True)
    if article is not None:
        (directory / "article.txt").write_text(article, encoding="utf-8")
    path = directory / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def problems(paths: list[Path]) -> list[str]:
    """The problems loading ``paths`` reports, as admins read them."""
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge(paths)
    lines = [str(problem) for problem in caught.value.problems]
    assert str(caught.value) == "\n".join(lines)
    return lines


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working directory of its own, so problems show paths like ``bad.yaml``."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


# ------------------------------------------------------------------ good files


def test_a_good_file_loads_into_a_knowledge_base(in_tmp: Path) -> None:
    path = write(in_tmp, "good.yaml", HEADER + OFFICIAL + WESTERN)
    kb = load_knowledge([in_tmp])
    assert isinstance(kb, KnowledgeBase)
    assert kb.files == (path,)
    assert [entry.id for entry in kb.entries] == ["official-toll", "western-estimate"]
    assert kb.question_count == 2 * MIN_QUESTIONS


def test_by_id_and_source_of_find_an_entry_and_its_article(in_tmp: Path) -> None:
    write(in_tmp, "good.yaml", HEADER + OFFICIAL + WESTERN)
    kb = load_knowledge([in_tmp])
    assert kb.by_id["western-estimate"].answer == "Western governments estimate that 7,000 to 15,000 soldiers died."
    source = kb.source_of("official-toll")
    assert source.path == (in_tmp / "article.txt").resolve()
    assert source.meta.title == "A small article"
    assert source.text == normalise_for_quote(ARTICLE)
    with pytest.raises(KeyError):
        kb.source_of("no-such-entry")


def test_each_entry_keeps_the_source_of_its_own_file(in_tmp: Path) -> None:
    first = write(in_tmp / "one", "a.yaml", HEADER + OFFICIAL)
    second = write(in_tmp / "two", "b.yaml", HEADER.replace("A small article", "Another article") + WESTERN)
    kb = load_knowledge([first, second])
    assert kb.files == (first, second)
    assert kb.source_of("official-toll").meta.title == "A small article"
    assert kb.source_of("western-estimate").meta.title == "Another article"
    assert kb.source_of("western-estimate").path == (in_tmp / "two" / "article.txt").resolve()


def test_a_directory_loads_its_yaml_and_yml_files_in_name_order_and_ignores_others(in_tmp: Path) -> None:
    write(in_tmp, "b.yml", HEADER + WESTERN)
    write(in_tmp, "a.yaml", HEADER + OFFICIAL)
    (in_tmp / "notes.md").write_text("not knowledge", encoding="utf-8")
    kb = load_knowledge([in_tmp])
    assert [path.name for path in kb.files] == ["a.yaml", "b.yml"]


def peskov(quote: str) -> str:
    """A first entry (lines 8-13) whose answer holds no number, quoting ``quote`` (JSON is valid YAML)."""
    return f"""\
  - id: peskov-admission
    questions: [Did Peskov admit losses?, peskov, kremlin admission, heavy casualties, Sky News interview]
    answer: Peskov admitted heavy casualties but gave no number.
    source: Dmitry Peskov, Kremlin spokesman.
    caveat: No number was given.
    quote: {json.dumps(quote)}
"""


@pytest.mark.parametrize(
    ("quote", "article"),
    [
        pytest.param("the army is suffering “heavy casualties”.", ARTICLE, id="verbatim"),
        pytest.param('the army is suffering "heavy casualties".', ARTICLE, id="straight quotes for curly"),
        pytest.param("the army is suffering «heavy casualties».", ARTICLE, id="guillemets for curly"),
        pytest.param(
            "the army is suffering \N{LEFT SINGLE QUOTATION MARK}heavy casualties\N{RIGHT SINGLE QUOTATION MARK}.",
            ARTICLE.replace("“heavy casualties”", "'heavy casualties'"),
            id="curly quote for straight",
        ),
        pytest.param("the   army is  suffering", ARTICLE, id="runs of spaces"),
        pytest.param("the defense minister said 1,351 soldiers had died", ARTICLE, id="across a line break"),
        pytest.param("the army\n  is suffering", ARTICLE, id="line break in the quote"),
        pytest.param(" the army is suffering ", ARTICLE, id="padding"),
    ],
)
def test_quotes_match_after_normalising_whitespace_and_quote_marks(in_tmp: Path, quote: str, article: str) -> None:
    write(in_tmp, "good.yaml", HEADER + peskov(quote), article=article)
    assert load_knowledge([in_tmp]).by_id["peskov-admission"].quote == (quote.strip(),)


@pytest.mark.parametrize(
    "quote",
    [
        pytest.param("the army is suffering heavy casualties.", id="quote marks left out"),
        pytest.param("the army is suffering “heavy losses”.", id="a word changed"),
        pytest.param("the army is Suffering", id="case changed"),
    ],
)
def test_quotes_that_differ_in_anything_but_spacing_and_quote_marks_are_refused(in_tmp: Path, quote: str) -> None:
    write(in_tmp, "bad.yaml", HEADER + peskov(quote))
    assert problems([in_tmp]) == ["bad.yaml:13: entries[0].quote: not found verbatim in the source text"]


def test_a_file_of_exactly_the_size_limit_is_accepted(in_tmp: Path) -> None:
    body = (HEADER + OFFICIAL).encode()
    padding = b"#" + b"x" * (MAX_FILE_BYTES - len(body) - 2) + b"\n"
    path = write(in_tmp, "big.yaml", body + padding)
    assert path.stat().st_size == MAX_FILE_BYTES
    assert load_knowledge([path]).entries


# ------------------------------------------------------------------ bad files: one problem each


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        pytest.param(
            HEADER + OFFICIAL.replace("caveat: An official", "caveat: Note: an official"),
            ["bad.yaml:12: YAML syntax: mapping values are not allowed here"],
            id="YAML syntax error at its line",
        ),
        pytest.param(
            HEADER + OFFICIAL + "\tcolour: red\n",
            ["bad.yaml:14: YAML syntax: found character '\\t' that cannot start any token"],
            id="tab indentation",
        ),
        pytest.param(
            "- a list\n- is not knowledge\n",
            ["bad.yaml:1: expected a mapping with `schema_version`, `source` and `entries`"],
            id="a list, not a mapping",
        ),
        pytest.param(
            "",
            ["bad.yaml:1: expected a mapping with `schema_version`, `source` and `entries`"],
            id="empty file",
        ),
        pytest.param(
            HEADER + OFFICIAL + WESTERN.replace("    caveat: An estimate, not a count.\n", ""),
            ["bad.yaml:14: entries[1].caveat: field required"],
            id="missing field at the line of its entry",
        ),
        pytest.param(
            HEADER.replace("entries:\n", ""),
            ["bad.yaml:1: entries: field required"],
            id="missing top-level field",
        ),
        pytest.param(
            HEADER + OFFICIAL + WESTERN + "    colour: red\n",
            ["bad.yaml:20: entries[1].colour: extra inputs are not permitted"],
            id="unknown key at its line",
        ),
        pytest.param(
            HEADER.replace("  language: en\n", "  language: en\n  author: someone\n") + OFFICIAL,
            ["bad.yaml:6: source.author: extra inputs are not permitted"],
            id="unknown key in source",
        ),
        pytest.param(
            HEADER
            + OFFICIAL
            + WESTERN.replace(
                "    questions: [Western estimate, How many died according to the West?, western toll, "
                "estimate, range]",
                "    questions: Western estimate",
            ),
            ["bad.yaml:15: entries[1].questions: input should be a valid tuple"],
            id="wrong type: a string for a list",
        ),
        pytest.param(
            HEADER.replace("schema_version: 1", "schema_version: one") + OFFICIAL,
            ["bad.yaml:1: schema_version: input should be a valid integer, unable to parse string as an integer"],
            id="wrong type: text for a number",
        ),
        pytest.param(
            HEADER.replace("schema_version: 1", "schema_version: 2") + OFFICIAL,
            ["bad.yaml:1: schema_version: input should be less than or equal to 1"],
            id="unsupported schema version",
        ),
        pytest.param(
            HEADER.replace("as_of: 2022-04-07", "as_of: yesterday") + OFFICIAL,
            ["bad.yaml:4: source.as_of: input should be a valid date or datetime, input is too short"],
            id="wrong type: a word for a date",
        ),
        pytest.param(
            HEADER.replace("  as_of: 2022-04-07\n", "") + OFFICIAL,
            ["bad.yaml:2: source: give the source a date: `published` or `as_of`"],
            id="undated source",
        ),
        pytest.param(
            HEADER + OFFICIAL + "    figures:\n      - value: 1351\n        low: 1\n        counts: dead\n"
            "        claimed_by: the minister\n" + WESTERN,
            ["bad.yaml:15: entries[0].figures[0]: give either `value` or `low` and `high`, not both"],
            id="figure with value and range",
        ),
        pytest.param(
            HEADER + OFFICIAL + "    answer: said twice\n",
            [
                'bad.yaml:14: YAML syntax: found duplicate key "answer" with value "said twice" '
                '(original value: "The defence minister said on March 25 that 1,351 soldiers had died.")'
            ],
            id="duplicate YAML key",
        ),
        pytest.param(
            HEADER + OFFICIAL.replace("had died in Ukraine.", "were killed in Ukraine."),
            ["bad.yaml:13: entries[0].quote: not found verbatim in the source text"],
            id="quote not in the article",
        ),
        pytest.param(
            HEADER
            + OFFICIAL.replace(
                "    quote: came on March 25",
                "    quote:\n      - between 7,000 and 15,000 soldiers died.\n      - came on 25 March",
            ),
            ["bad.yaml:15: entries[0].quote[1]: not found verbatim in the source text"],
            id="one of several quotes not in the article",
        ),
        pytest.param(
            HEADER + OFFICIAL.replace("that 1,351 soldiers", "that 1,352 soldiers"),
            ["bad.yaml:10: entries[0].answer: number(s) 1352 not found in the entry's quote"],
            id="number in the answer not in the quote",
        ),
        pytest.param(
            HEADER
            + OFFICIAL
            + "    figures:\n      - value: 1351\n        counts: dead\n        claimed_by: minister\n"
            "      - low: 7000\n        high: 15000\n        counts: dead\n        claimed_by: the West\n",
            ["bad.yaml:18: entries[0].figures[1]: number(s) 7000, 15000 not found in the entry's quote"],
            id="figure number not in the quote",
        ),
    ],
)
def test_a_bad_file_reports_its_problem_at_file_line_field(in_tmp: Path, content: str, expected: list[str]) -> None:
    write(in_tmp, "bad.yaml", content)
    assert problems([in_tmp]) == expected


def test_a_missing_source_text_is_reported_at_the_text_field(in_tmp: Path) -> None:
    write(in_tmp, "bad.yaml", HEADER.replace("text: article.txt", "text: missing.txt") + OFFICIAL)
    assert problems([in_tmp]) == [
        "bad.yaml:6: source.text: cannot read the source text 'missing.txt': "
        f"[Errno 2] No such file or directory: '{(in_tmp / 'missing.txt').resolve()}'"
    ]


@pytest.mark.parametrize("text", ["../outside.txt", "/etc/hostname"])
def test_a_source_text_outside_the_knowledge_directory_is_refused(in_tmp: Path, text: str) -> None:
    (in_tmp / "outside.txt").write_text(ARTICLE, encoding="utf-8")
    write(in_tmp / "kb", "bad.yaml", HEADER.replace("text: article.txt", f"text: {text}") + OFFICIAL)
    assert problems([in_tmp / "kb"]) == [
        "kb/bad.yaml:6: source.text: the source text must lie in the knowledge directory"
    ]


def test_a_file_that_is_not_utf8_is_reported_at_the_line_of_the_bad_byte(in_tmp: Path) -> None:
    write(in_tmp, "bad.yaml", (HEADER + OFFICIAL).encode() + "    # café\n".encode("latin-1"))
    assert problems([in_tmp]) == ["bad.yaml:14: not UTF-8 text: save the file as UTF-8"]


def test_a_file_over_the_size_limit_is_refused_unread(in_tmp: Path) -> None:
    write(in_tmp, "bad.yaml", b"#" * (MAX_FILE_BYTES + 1))
    assert problems([in_tmp]) == ["bad.yaml: file is 1,000,001 bytes; the limit is 1,000,000"]


def test_a_directory_without_knowledge_files_is_an_error(in_tmp: Path) -> None:
    write(in_tmp / "empty", "notes.json", "{}")
    assert problems([in_tmp / "empty"]) == ["empty: no knowledge files (*.yaml) in this directory"]


def test_paths_that_do_not_exist_are_all_reported(in_tmp: Path) -> None:
    assert problems([in_tmp / "missing", in_tmp / "gone.yaml"]) == [
        "missing: no such file or directory",
        "gone.yaml: no such file or directory",
    ]


def test_paths_outside_the_working_directory_are_shown_as_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "elsewhere").mkdir()
    monkeypatch.chdir(tmp_path / "elsewhere")
    write(tmp_path / "kb", "bad.yaml", HEADER.replace("schema_version: 1", "schema_version: 2") + OFFICIAL)
    assert problems([tmp_path / "kb"]) == [
        f"{tmp_path / 'kb' / 'bad.yaml'}:1: schema_version: input should be less than or equal to 1"
    ]


# ------------------------------------------------------------------ duplicate ids


def test_a_duplicate_id_within_a_file_names_the_first_place(in_tmp: Path) -> None:
    write(in_tmp, "bad.yaml", HEADER + OFFICIAL + OFFICIAL)
    assert problems([in_tmp]) == ["bad.yaml:14: entries[1].id: duplicate id 'official-toll', first used at bad.yaml:8"]


def test_a_duplicate_id_across_files_names_the_first_file_and_line(in_tmp: Path) -> None:
    write(in_tmp, "a.yaml", HEADER + OFFICIAL)
    write(in_tmp, "b.yaml", HEADER + WESTERN + OFFICIAL)
    assert problems([in_tmp]) == ["b.yaml:14: entries[1].id: duplicate id 'official-toll', first used at a.yaml:8"]


def test_a_duplicate_id_is_reported_even_when_the_file_has_other_problems(in_tmp: Path) -> None:
    """Admins fix everything in one pass: a broken quote must not hide a duplicate id."""
    write(in_tmp, "bad.yaml", HEADER + OFFICIAL + OFFICIAL.replace("had died in Ukraine.", "were killed."))
    assert sorted(problems([in_tmp])) == sorted(
        [
            "bad.yaml:14: entries[1].id: duplicate id 'official-toll', first used at bad.yaml:8",
            "bad.yaml:19: entries[1].quote: not found verbatim in the source text",
        ]
    )


# ------------------------------------------------------------------ every problem at once


def test_every_problem_of_a_file_is_reported_at_once(in_tmp: Path) -> None:
    content = (
        HEADER.replace("schema_version: 1", "schema_version: 2")
        + OFFICIAL.replace("had died in Ukraine.", "were killed in Ukraine.")
        + WESTERN.replace("    caveat: An estimate, not a count.\n", "")
    )
    write(in_tmp, "bad.yaml", content)
    assert sorted(problems([in_tmp])) == sorted(
        [
            "bad.yaml:1: schema_version: input should be less than or equal to 1",
            "bad.yaml:13: entries[0].quote: not found verbatim in the source text",
            "bad.yaml:14: entries[1].caveat: field required",
        ]
    )


def test_every_bad_file_of_a_directory_is_reported_at_once(in_tmp: Path) -> None:
    write(in_tmp, "a.yaml", HEADER + OFFICIAL.replace("that 1,351", "that 1,352"))
    write(in_tmp, "b.yaml", "- not a mapping\n")
    write(in_tmp, "c.yaml", HEADER + WESTERN)
    assert problems([in_tmp]) == [
        "a.yaml:10: entries[0].answer: number(s) 1352 not found in the entry's quote",
        "b.yaml:1: expected a mapping with `schema_version`, `source` and `entries`",
    ]


def test_a_file_whose_only_entry_is_broken_reports_just_that_entry(in_tmp: Path) -> None:
    """No second, misleading problem claiming the file has no entries."""
    write(in_tmp, "bad.yaml", HEADER + OFFICIAL + "    colour: red\n")
    assert problems([in_tmp]) == ["bad.yaml:14: entries[0].colour: extra inputs are not permitted"]


@pytest.mark.parametrize(
    ("date", "line"),
    [
        pytest.param("  as_of: 2022-13-07\n", 4, id="month 13 in the source date"),
        pytest.param("  as_of: 2022-02-30\n", 4, id="30 February in the source date"),
    ],
)
def test_an_impossible_date_is_a_problem_not_a_crash(in_tmp: Path, date: str, line: int) -> None:
    write(in_tmp, "bad.yaml", HEADER.replace("  as_of: 2022-04-07\n", date) + OFFICIAL)
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge([in_tmp])
    [problem] = caught.value.problems
    assert (problem.path.name, problem.line) == ("bad.yaml", line)


# ------------------------------------------------------------------ the real knowledge


def test_the_bundled_knowledge_validates() -> None:
    """Every curated entry loads, has enough phrasings, and quotes the article verbatim."""
    kb = load_knowledge([BUNDLED_KNOWLEDGE])
    assert len(kb.entries) >= 20
    assert all(len(entry.questions) >= MIN_QUESTIONS for entry in kb.entries)
    article = normalise_for_quote((BUNDLED_KNOWLEDGE / "article.txt").read_text(encoding="utf-8"))
    facts = [entry for entry in kb.entries if entry.covered]
    assert facts
    missing = [
        (entry.id, quote) for entry in facts for quote in entry.quote if normalise_for_quote(quote) not in article
    ]
    assert missing == []
    assert {kb.source_of(entry.id).path for entry in kb.entries} == {(BUNDLED_KNOWLEDGE / "article.txt").resolve()}


# ------------------------------------------------------------------ entries covering others

# Eight lines: as the second entry, lines 14-21.
OVERVIEW = """\
  - id: overview
    questions: [How many died?, death toll, the dead, all the figures, both estimates]
    answer: Officially 1,351 soldiers died; Western governments estimate 7,000 to 15,000.
    source: The article.
    caveat: Two sources that disagree.
    quote:
      - said 1,351 soldiers
      - between 7,000 and 15,000 soldiers died.
"""
NOT_HELD = """\
  - id: wounded
    kind: not_covered
    questions: [How many were wounded?, wounded, injured soldiers, the injured, how many hurt]
    answer: The article gives no number of wounded.
    source: The article.
    caveat: Other sources may give one.
"""


def test_an_entry_may_cover_entries_of_another_file(in_tmp: Path) -> None:
    write(in_tmp, "a.yaml", HEADER + OFFICIAL + WESTERN)
    write(in_tmp, "b.yaml", HEADER + OVERVIEW + "    covers: [official-toll, western-estimate]\n")
    assert load_knowledge([in_tmp]).by_id["overview"].covers == ("official-toll", "western-estimate")


@pytest.mark.parametrize(
    ("covers", "expected"),
    [
        pytest.param(
            "    covers: [official-toll, nope]\n",
            ["bad.yaml:22: entries[1].covers[1]: no entry has the id 'nope': name an entry of these knowledge files"],
            id="an unknown id, at its line",
        ),
        pytest.param(
            "    covers:\n      - wounded\n",
            [
                "bad.yaml:23: entries[1].covers[0]: 'wounded' is not_covered: "
                "only entries the article answers can be covered"
            ],
            id="a not_covered entry",
        ),
        pytest.param(
            "    covers: [overview]\n",
            ["bad.yaml:14: entries[1]: `covers` names the entry itself ('overview'): list only other entries"],
            id="the entry itself",
        ),
    ],
)
def test_covering_what_is_not_another_answered_entry_is_reported_at_its_line(
    in_tmp: Path, covers: str, expected: list[str]
) -> None:
    write(in_tmp, "bad.yaml", HEADER + OFFICIAL + OVERVIEW + covers + NOT_HELD)
    assert problems([in_tmp]) == expected


def test_a_not_covered_entry_cannot_cover_others(in_tmp: Path) -> None:
    write(in_tmp, "bad.yaml", HEADER + OFFICIAL + NOT_HELD + "    covers: [official-toll]\n")
    assert problems([in_tmp]) == [
        "bad.yaml:14: entries[1]: a not_covered entry cannot `cover` others: it gives no answer they could share"
    ]
