"""Translated knowledge: complete for every entry, the same numbers as the English, and answered from the CLI."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml as pyyaml
from bot_process import run_cli

from bot.core.errors import KnowledgeError
from bot.core.languages import detect_language, load_lexicons
from bot.core.loader import KnowledgeBase, load_knowledge
from bot.core.models import MIN_QUESTIONS

ROOT = Path(__file__).resolve().parent.parent
BUNDLED_KNOWLEDGE = ROOT / "knowledge"
TRANSLATED = ("it", "ru", "uk")
NBSP = "\u00a0"

ARTICLE = (
    "The latest official data from the Russian government came on March 25, when the defense minister said "
    "1,351 soldiers had died in Ukraine.\n"
)

# A knowledge file whose Italian answer (line 17) is the one thing under test.
TRANSLATED_FILE = """\
schema_version: 1
source:
  title: A small article
  as_of: 2022-04-07
  language: en
  text: article.txt
entries:
  - id: {entry_id}
    questions: [How many died?, official toll, official death toll, official figure, minister figure]
    answer: The defence minister said on March 25 that 1,351 soldiers had died.
    source: The Russian defence minister.
    caveat: An official figure of March 25.
    quote: came on March 25, when the defense minister said 1,351 soldiers had died in Ukraine.
    translations:
      it:
        questions: [Quanti sono morti?, bilancio ufficiale, dato ufficiale, cifra ufficiale, cifra del ministro]
        answer: {it_answer}
        source: Il ministro della Difesa russo.
        caveat: Un dato ufficiale del 25 marzo.
      ru:
        questions: [Сколько погибло?, официальные потери, официальные данные, официальная цифра, цифра министра]
        answer: {ru_answer}
      uk:
        questions: [Скільки загинуло?, офіційні втрати, офіційні дані, офіційна цифра, цифра міністра]
        answer: {uk_answer}
"""
ANSWER_LINE = 17
GOOD_ANSWERS = {
    "it_answer": "Il ministro della Difesa ha detto il 25 marzo che erano morti 1.351 soldati.",
    "ru_answer": f"Министр обороны 25 марта заявил, что погибли 1{NBSP}351 солдат.",
    "uk_answer": "Міністр оборони 25 березня заявив, що загинули 1\u202f351 солдатів.",
}
ENGLISH_ANSWER_NUMBERS = "numbers differ from the English text"

ASKED = {
    "Quanti soldati russi sono morti?": ("it", True),
    "Сколько российских солдат погибло?": ("ru", True),
    "Скільки російських солдатів загинуло?": ("uk", True),
    "Quanti soldati ucraini sono morti?": ("it", False),
    "Сколько украинских солдат погибло?": ("ru", False),
    "Скільки українських військових загинуло?": ("uk", False),
}
LOCAL_FIGURE = {"it": ("1.351", "7.000–15.000"), "ru": (f"1{NBSP}351", f"7{NBSP}000–15{NBSP}000")}
LOCAL_FIGURE["uk"] = LOCAL_FIGURE["ru"]
# Words only an answer in that language has (the Cyrillic ones differ between Russian and Ukrainian).
CHARACTERISTIC = {
    "it": ("L'articolo", "soldati", "governo russo", "Secondo l'articolo"),
    "ru": ("В статье", "российских солдат", "правительства", "По словам статьи"),
    "uk": ("У статті", "російських солдатів", "уряду", "У статті сказано"),
}
ARTICLE_WORD = {"it": "Articolo:", "ru": "Статья:", "uk": "Стаття:"}
UKRAINIAN_LETTERS = set("іїєґ")
RUSSIAN_LETTERS = set("ыэъё")


def write_knowledge(directory: Path, name: str, **answers: str) -> Path:
    """A one-entry knowledge file in ``directory`` (with its article), the translated answers given."""
    (directory / "article.txt").write_text(ARTICLE, encoding="utf-8")
    path = directory / name
    fields = {**GOOD_ANSWERS, **answers}
    path.write_text(TRANSLATED_FILE.format(entry_id=path.stem, **fields), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def bundled() -> KnowledgeBase:
    """The knowledge the bot ships with."""
    return load_knowledge([BUNDLED_KNOWLEDGE])


@pytest.fixture(scope="module")
def asked() -> dict[str, dict[str, Any]]:
    """``python -m bot ask --json`` on every question of ASKED, one per stdin line, in one run."""
    result = run_cli("ask", "--json", stdin="\n".join(ASKED).encode("utf-8") + b"\n")
    assert result.returncode == 0, result.stderr
    replies = [json.loads(line) for line in result.stdout.splitlines()]
    assert [reply["question"] for reply in replies] == list(ASKED)
    return {reply["question"]: reply for reply in replies}


# ------------------------------------------------------------------ the bundled knowledge


def test_every_bundled_entry_is_translated_into_italian_russian_and_ukrainian(bundled: KnowledgeBase) -> None:
    incomplete = []
    for entry in bundled.entries:
        for language in TRANSLATED:
            translation = entry.translations.get(language)
            if translation is None:
                incomplete.append(f"{entry.id}: no {language} translation")
                continue
            if len(translation.questions) < MIN_QUESTIONS:
                incomplete.append(f"{entry.id}.{language}: {len(translation.questions)} questions")
            missing = [name for name in ("answer", "source", "caveat") if getattr(translation, name) is None]
            if missing:
                incomplete.append(f"{entry.id}.{language}: no {', '.join(missing)}")
    assert not incomplete, "\n".join(incomplete)


def test_every_translated_answer_and_caveat_reads_as_its_own_language(bundled: KnowledgeBase) -> None:
    """A Russian text pasted as Ukrainian (or English left in place) would be detected as another language."""
    lexicons = load_lexicons()
    wrong = [
        f"{entry.id}.{language}.{name}: reads as {detected}"
        for entry in bundled.entries
        for language in TRANSLATED
        for name in ("answer", "caveat")
        if (detected := detect_language(getattr(entry.translations[language], name), lexicons)) != language
    ]
    assert not wrong, "\n".join(wrong)


def test_entry_texts_fall_back_to_english_for_a_language_without_translation(bundled: KnowledgeBase) -> None:
    entry = bundled.by_id["death-toll"]
    assert entry.texts("de").answer == entry.answer
    assert entry.texts("de").translated is False
    italian = entry.texts("it")
    assert italian.translated is True
    assert italian.answer == entry.translations["it"].answer


# ------------------------------------------------------------------ numbers in translations


def test_a_translation_may_write_numbers_in_its_own_notation(tmp_path: Path) -> None:
    """1.351 (Italian), 1 351 with a no-break or narrow no-break space (Russian, Ukrainian) are 1351."""
    kb = load_knowledge([write_knowledge(tmp_path, "good.yaml")])
    assert kb.by_id["good"].translations["it"].answer == GOOD_ANSWERS["it_answer"]


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        pytest.param(
            {"it_answer": "Il ministro della Difesa ha detto il 25 marzo che erano morti molti soldati."},
            "missing 1351",
            id="it-drops-the-figure",
        ),
        pytest.param(
            {"it_answer": "Il ministro della Difesa ha detto il 25 marzo che erano morti 1.315 soldati."},
            "missing 1351; has 1315 which the English text does not",
            id="it-changes-the-figure",
        ),
        pytest.param(
            {"it_answer": "Il ministro della Difesa ha detto che erano morti 1.351 soldati."},
            "missing 25",
            id="it-drops-the-date",
        ),
        pytest.param(
            {"it_answer": "Il ministro della Difesa ha detto il 25 marzo 2022 che erano morti 1.351 soldati."},
            "has 2022 which the English text does not",
            id="it-adds-a-number",
        ),
    ],
)
def test_the_loader_refuses_a_translation_whose_numbers_differ(
    tmp_path: Path, answers: dict[str, str], message: str
) -> None:
    path = write_knowledge(tmp_path, "bad.yaml", **answers)
    with pytest.raises(KnowledgeError) as raised:
        load_knowledge([path])
    assert [str(problem) for problem in raised.value.problems] == [
        f"{path}:{ANSWER_LINE}: entries[0].translations.it.answer: {ENGLISH_ANSWER_NUMBERS}: {message}"
    ]


@pytest.mark.parametrize(
    ("language", "answer"),
    [
        pytest.param("ru", f"Министр обороны 25 марта заявил, что погибли 1{NBSP}315 солдат.", id="ru"),
        pytest.param("uk", "Міністр оборони 25 березня заявив, що загинули 1.315 солдатів.", id="uk"),
    ],
)
def test_the_loader_checks_every_translated_language(tmp_path: Path, language: str, answer: str) -> None:
    path = write_knowledge(tmp_path, "bad.yaml", **{f"{language}_answer": answer})
    with pytest.raises(KnowledgeError) as raised:
        load_knowledge([path])
    [problem] = raised.value.problems
    assert problem.field == f"entries[0].translations.{language}.answer"
    assert "has 1315 which the English text does not" in problem.message


def test_check_refuses_translations_missing_a_figure_or_changing_it(tmp_path: Path) -> None:
    dropped = write_knowledge(
        tmp_path,
        "dropped.yaml",
        it_answer="Il ministro della Difesa ha detto il 25 marzo che erano morti molti soldati.",
    )
    changed = write_knowledge(
        tmp_path,
        "changed.yaml",
        it_answer="Il ministro della Difesa ha detto il 25 marzo che erano morti 1.315 soldati.",
    )
    result = run_cli("check", str(tmp_path))
    assert result.returncode == 1, result.stdout
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        "The knowledge files have 2 problem(s):",
        f"{changed}:{ANSWER_LINE}: entries[0].translations.it.answer: {ENGLISH_ANSWER_NUMBERS}: "
        "missing 1351; has 1315 which the English text does not",
        f"{dropped}:{ANSWER_LINE}: entries[0].translations.it.answer: {ENGLISH_ANSWER_NUMBERS}: missing 1351",
    ]


# ------------------------------------------------------------------ ask --json in each language


@pytest.mark.parametrize("question", [pytest.param(q, id=lang) for q, (lang, answered) in ASKED.items() if answered])
def test_ask_answers_each_language_in_that_language_with_local_figures(
    asked: dict[str, dict[str, Any]], bundled: KnowledgeBase, question: str
) -> None:
    language = ASKED[question][0]
    reply = asked[question]
    assert reply["answered"] is True
    assert reply["decision"] == "answer"
    assert reply["language"] == language
    assert reply["id"] == "death-toll"
    translation = bundled.by_id["death-toll"].translations[language]
    assert reply["answer"] == translation.answer
    assert reply["caveat"] == translation.caveat
    official, western = LOCAL_FIGURE[language]
    assert reply["figure"] == f"{official}; {western}"
    assert official in reply["answer"]
    assert "1,351" not in reply["answer"]
    for word in CHARACTERISTIC[language]:
        assert word in reply["answer"], word
    assert ARTICLE_WORD[language] in reply["source"]


@pytest.mark.parametrize(
    "question", [pytest.param(q, id=f"{lang}-{answered=}") for q, (lang, answered) in ASKED.items() if lang != "it"]
)
def test_ask_answers_russian_and_ukrainian_in_their_own_letters(
    asked: dict[str, dict[str, Any]], question: str
) -> None:
    language = ASKED[question][0]
    letters = set(asked[question]["answer"].lower())
    assert sum("\u0400" <= ch <= "\u04ff" for ch in asked[question]["answer"]) > 100
    if language == "uk":
        assert letters & UKRAINIAN_LETTERS
        assert not letters & RUSSIAN_LETTERS
    else:
        assert letters & RUSSIAN_LETTERS
        assert not letters & UKRAINIAN_LETTERS


@pytest.mark.parametrize(
    "question", [pytest.param(q, id=lang) for q, (lang, answered) in ASKED.items() if not answered]
)
def test_ask_does_not_answer_a_near_miss_in_any_language(
    asked: dict[str, dict[str, Any]], bundled: KnowledgeBase, question: str
) -> None:
    """Ukrainian losses are not in the article: said so, in the question's language, with no figure."""
    language = ASKED[question][0]
    reply = asked[question]
    assert reply["answered"] is False
    assert reply["decision"] == "not_covered"
    assert reply["language"] == language
    assert reply["id"] == "ukrainian-losses"
    assert reply["figure"] is None
    assert reply["answer"] == bundled.by_id["ukrainian-losses"].translations[language].answer


def test_an_admin_adds_a_language_by_adding_texts_with_no_code_change(tmp_path: Path) -> None:
    """German is in no lexicon and no interface table: its texts in the knowledge are enough to answer in it."""
    knowledge = tmp_path / "knowledge"
    knowledge.mkdir()
    (knowledge / "article.txt").write_bytes((ROOT / "knowledge" / "article.txt").read_bytes())
    data = pyyaml.safe_load((ROOT / "knowledge" / "kremlin-losses-2022-04.yaml").read_text(encoding="utf-8"))
    toll = next(entry for entry in data["entries"] if entry["id"] == "official-toll")
    toll["translations"]["de"] = {
        "questions": [
            "Wie viele russische Soldaten sind laut offizieller Zahl gestorben?",
            "offizielle russische Zahl der Toten",
            "Welche Zahl nannte der russische Verteidigungsminister?",
            "Wie hoch ist die offizielle Opferzahl Russlands?",
            "offizielle Verluste Russlands",
        ],
        "answer": "Die offizielle russische Zahl lautet 1.351 tote Soldaten in der Ukraine "
        "(Verteidigungsminister, 25. März).",
    }
    (knowledge / "k.yaml").write_text(pyyaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "bot", "ask", "--json", "offizielle russische Zahl der Toten"],
        cwd=ROOT,
        env={**os.environ, "BOT_KNOWLEDGE_DIR": str(knowledge)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    reply = json.loads(result.stdout)
    assert reply["answered"] is True
    assert reply["id"] == "official-toll"
    assert reply["language"] == "de"
    assert reply["answer"].startswith("Die offizielle russische Zahl lautet 1.351")
