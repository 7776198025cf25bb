"""Slip benchmark: how often one typing slip breaks an answer that was right.

    python bench/slips.py [--seed N]

Takes the answerable questions of the read held-out sets ("in" and "paraphrase" kinds) that our matcher
answers correctly, puts one slip (two letters swapped, one dropped, one doubled or one changed, never the
first letter; a changed letter is of the word's own alphabet) into each question's longest word, and
counts how many are still answered correctly, per language. The never-read sets and the blind set are
left out: their questions are never shown, slipped or not. (Typos against the baselines are in the
accuracy benchmark's "typo" kind.)
"""

from __future__ import annotations

import argparse
import random
import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from accuracy import ours
from cases import NEVER_LISTED, WRITTEN_APART, Case, load_written_apart

from bot.config import BUNDLED_KNOWLEDGE
from bot.core.languages import LANGUAGES
from bot.core.loader import load_knowledge
from bot.core.matcher import Matcher
from bot.core.text import is_cyrillic

MIN_LENGTH = 5  # shorter longest words are left out: a slip there makes another word as often as a typo
KINDS = ("in", "paraphrase")


def slipped(question: str, rng: random.Random) -> str | None:
    """``question`` with one slip in its longest word, or None when that word is too short."""
    words = question.split()
    position = max(range(len(words)), key=lambda i: len(words[i].strip("?!.,;:")))
    word = words[position]
    if len(word) < MIN_LENGTH:
        return None
    i = rng.randrange(1, len(word) - 2)
    slip = rng.choice(("swap", "drop", "double", "change"))
    if slip == "swap":
        word = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    elif slip == "drop":
        word = word[:i] + word[i + 1 :]
    elif slip == "double":
        word = word[:i] + word[i] + word[i:]
    else:  # a letter of the word's own alphabet: a phone keyboard types one alphabet at a time
        letters = "аеиоунтсрлві" if any(map(is_cyrillic, word)) else "aeiourtnsl"
        word = word[:i] + rng.choice(letters) + word[i + 1 :]
    return " ".join([*words[:position], word, *words[position + 1 :]])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    kb = load_knowledge([BUNDLED_KNOWLEDGE])
    matcher = Matcher(kb.entries)
    judge = ours(matcher)
    print("| language | questions answered right | still right after one slip |")
    print("|---|---:|---:|")
    for language in LANGUAGES:
        rng = random.Random(args.seed)
        clean: list[Case] = [
            case
            for name in WRITTEN_APART
            if name not in NEVER_LISTED
            for case in load_written_apart(name, language=language)
            if case.kind in KINDS and judge(case)[0]
        ]
        texts = [slipped(case.question, rng) for case in clean]
        cases = [replace(case, question=text) for case, text in zip(clean, texts, strict=True) if text is not None]
        kept = sum(judge(case)[0] for case in cases)
        print(f"| {language} | {len(cases)} | {kept} ({100 * kept / len(cases):.1f}%) |")


if __name__ == "__main__":
    main()
