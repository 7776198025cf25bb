"""Question → ranked entries with calibrated scores and one decision: answer, ambiguous, not covered or none.

How a score is made (all pure Python and rapidfuzz, no Telegram):
1. Both the asked and the curated questions are normalised (``text.normalise``) and reduced to
   *concepts*: synonyms meet in one concept ("killed", "dead", "casualties" → DEATH), filler words go.
2. An asked word the knowledge does not know is corrected to the nearest known word within a small
   edit distance (typos), a rounded number to the figure it rounds, Russian or Ukrainian typed in Latin
   letters is read back in Cyrillic, and an unfinished last word stands for every known word it begins
   (inline queries as they are typed). "He" in a question naming no one else stands for the spokesman.
   Naming the article or the bot only frames a question; thanks or a greeting alone ask nothing.
3. Each concept weighs its rarity across entries (IDF). An entry's score is the best, over its curated
   questions, of a recall-leaning F-measure: how much of the asked weight the curated question explains,
   and how much of the curated question the asked one covers. A disagreement on a contrast class
   (Russian vs Ukrainian, killed vs wounded, official vs Western) multiplies the score down. "Who is X?"
   about a name alone is scored only against curated questions asking that of the same name, and an
   unfinished question leans to the entries whose curated questions it is the beginning of.
4. The decision compares the best score with one threshold and with the runner-up's score.
"""

from __future__ import annotations

import bisect
import math
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence, Set
from dataclasses import dataclass, replace
from enum import StrEnum
from functools import cache, lru_cache

from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot.core.languages import REFERENCE, MergedLexicon, detect_language, knows, load_lexicons
from bot.core.lexicon import (
    ACTOR_AFTER,
    ACTOR_BEFORE,
    ACTORS,
    AUXILIARIES,
    CITY_BEGINNINGS,
    CONTENT_CONCEPTS,
    CONTRAST_CLASSES,
    DEATH_CONCEPTS,
    ENTITY_CONCEPTS,
    FRAMING_CONCEPTS,
    HEARSAY,
    IDENTITY_CONCEPTS,
    MOVEMENT_CONCEPTS,
    NAME_CONCEPTS,
    OWN,
    PERSON_CONCEPTS,
    QUESTION_CONTRAST_CLASSES,
    QUESTION_STARTS,
    QUOTED_CONCEPTS,
    REFERENT,
    ROLE_CONCEPTS,
    SAYING,
    SETTING_CONCEPTS,
    SETTING_QUESTIONS,
    SMALL_TALK,
    TOPIC_OPENERS,
    TOPIC_TURNS,
    UNHELD_CONCEPTS,
    WEAK_CONCEPTS,
)
from bot.core.models import Entry
from bot.core.text import PhraseRewriter, base_forms, normalise, stem
from bot.core.translit import readings


class Decision(StrEnum):
    """What the bot does with a question."""

    ANSWER = "answer"  # one covered entry is clearly best
    AMBIGUOUS = "ambiguous"  # close alternatives: offer "did you mean"
    NOT_COVERED = "not_covered"  # best match says the article does not hold it
    NONE = "none"  # nothing close enough: say so, with the nearest suggestions


@dataclass(frozen=True, slots=True)
class Candidate:
    """An entry as a match for a question: its best curated question (and that question's language)."""

    entry: Entry
    question: str
    score: float
    language: str = REFERENCE


@dataclass(frozen=True, slots=True)
class MatchResult:
    """The outcome of matching one question."""

    query: str
    normalised: str
    decision: Decision
    candidates: tuple[Candidate, ...]  # best first; for NONE, the nearest suggestions

    @property
    def best(self) -> Candidate | None:
        """The top-ranked candidate, if any."""
        return self.candidates[0] if self.candidates else None

    @property
    def answered(self) -> bool:
        """True when the bot gives an answer the article holds."""
        return self.decision is Decision.ANSWER


@dataclass(frozen=True, slots=True)
class _Token:
    """One asked word as concepts: several for an unfinished word, optional when it may be filler."""

    options: frozenset[str]
    weight: float
    certainty: float
    optional: bool = False


# The asked tokens as the scoring loop reads them (plain tuples and locals, no attribute lookups):
# the weight asked whatever a question explains; the tokens of one concept (nearly all), each as
# (concept, weight, weight times certainty, optional, the concept's weight, a weak concept); and the
# tokens of several concepts (unfinished words), each as (options, weight, weight times certainty, optional).
_Single = tuple[str, float, float, bool, float, bool]
_Several = tuple[frozenset[str], float, float, bool]


@dataclass(frozen=True, slots=True)
class _Asked:
    firm_weight: float
    singles: tuple[_Single, ...]
    several: tuple[_Several, ...]


@dataclass(slots=True)
class _Question:
    entry_index: int
    text: str
    language: str
    concepts: frozenset[str]
    defines: bool = False  # asks what or who a name, place or body is ("Who is Dmitry Peskov?")
    weight: float = 0.0


@dataclass(frozen=True, slots=True)
class MatcherSettings:
    """The tuning knobs, chosen by measurement on the benchmark question sets (see bench/)."""

    threshold: float = 0.5  # below this the bot does not answer
    margin: float = 0.007  # two facts closer than this are offered as "did you mean"
    safety_margin: float = 0.06  # a not-covered entry this close to a fact blocks the confident answer
    recall_beta: float = 1.0  # >1 leans on explaining the asked words over covering the curated ones
    contrast_penalty: float = 0.45  # factor for a contrast class disagreement
    typo_certainty: float = 0.9
    prefix_certainty: float = 0.9
    referent_certainty: float = 0.8  # "he" standing for the article's spokesman: likely, not certain
    min_prefix: int = 3  # a shorter unfinished word is left out: it could become almost anything
    min_lone_prefix: int = 4  # an unfinished word that is the whole question must be at least this long
    min_weight: float = 0.5  # floor of a concept's weight: a common concept left unexplained still counts
    unknown_weight: float = 0.75  # weight of a word the knowledge never uses, as a share of the rarest
    entry_share: float = 0.2  # weight of how well the entry's questions together explain the asked words
    number_slack: float = 0.1  # a rounded or one-digit-off figure this close (relative) stands for a known one
    min_typo_length: int = 5  # shorter unknown words are not corrected: too many real words lie one edit away
    shortlist: int = 48  # entries scored finely after the concept index narrows the field
    cached_questions: int = 4096  # results kept for questions asked again (normalised form)
    suggestions: int = 3
    completion_weight: float = 0.1  # an unfinished question's lean to the entries whose questions it begins


class Matcher:
    """A ready-to-query index over a knowledge base's curated questions."""

    def __init__(
        self,
        entries: Sequence[Entry],
        *,
        settings: MatcherSettings | None = None,
        lexicon: MergedLexicon | None = None,
    ) -> None:
        self.settings = settings or MatcherSettings()
        self._beta2 = self.settings.recall_beta**2
        self._entries = tuple(entries)
        self._positions = {entry.id: position for position, entry in enumerate(self._entries)}
        self._lexicon = lexicon or MergedLexicon(load_lexicons().values())
        self._stopwords = self._lexicon.stopwords | self._lexicon.courtesies  # thanks and greetings ask nothing
        self._sorted_stopwords = sorted(self._stopwords)
        self._rewrite = PhraseRewriter(self._lexicon.phrases, self._lexicon.shorthands)
        self._questions: list[_Question] = []
        self._entry_questions: list[list[int]] = [[] for _ in self._entries]
        self._openers: dict[str, list[tuple[str, ...]]] = defaultdict(list)  # by first word: one lookup a question
        for opener in sorted(self._lexicon.openers, key=len, reverse=True):
            self._openers[opener[0]].append(opener)
        vocabulary: set[str] = {w for w in self._lexicon.exact if w not in self._stopwords}
        vocabulary.update(self._lexicon.stemmed_words())
        texts = self._index_curated_questions(vocabulary)

        entry_concepts = [frozenset().union(*(self._questions[q].concepts for q in qs)) for qs in self._entry_questions]
        document_frequency: dict[str, int] = defaultdict(int)
        for concepts in entry_concepts:
            for concept in concepts:
                document_frequency[concept] += 1
        n = max(len(self._entries), 1)
        floor = self.settings.min_weight
        self._idf: dict[str, float] = {c: max(math.log((n + 1) / df), floor) for c, df in document_frequency.items()}
        self._unknown_weight = max(math.log(n + 1) * self.settings.unknown_weight, floor)
        for curated in self._questions:
            curated.weight = sum(self._idf[c] for c in curated.concepts)
        self._entry_concepts = entry_concepts
        self._entry_contrasts = [
            {contrast: concepts & contrast for contrast in CONTRAST_CLASSES} for concepts in entry_concepts
        ]
        self._question_postings: dict[str, list[int]] = defaultdict(list)
        for question_index, curated in enumerate(self._questions):
            for concept in curated.concepts - WEAK_CONCEPTS:
                self._question_postings[concept].append(question_index)
        self._postings: dict[str, list[int]] = defaultdict(list)
        for entry_index, concepts in enumerate(entry_concepts):
            for concept in concepts:
                self._postings[concept].append(entry_index)

        self._vocabulary = sorted(w for w in vocabulary if self._concept(w) in self._idf)
        self._vocabulary_set = frozenset(self._vocabulary)
        self._numbers = [word for word in self._vocabulary if word.isdecimal()]
        self._by_length = _by_length(self._vocabulary)
        self._index_slips()
        # Every curated question's normalised text, sorted, and its entry: an unfinished question is the
        # beginning of some. Two flat lists, not pairs: 50,000 tuples would cost megabytes.
        ordered = sorted(texts)
        self._texts = [text for text, _ in ordered]
        self._text_entries = [self._entries[entry_index].id for _, entry_index in ordered]
        self._correct = lru_cache(maxsize=65536)(self._correct_uncached)
        # The languages of a known word, looked up when a slip may be of it (a few words a question), not for
        # the whole vocabulary at build.
        self._speakers = cache(self._speakers_uncached)
        self._firm_concepts = frozenset(self._idf.keys() - SAYING - {_WHO})  # what a question can firmly ask
        self._question_words = QUESTION_STARTS | self._lexicon.what_words | self._lexicon.which_words
        # The shapes of an asker's guess ("or just", "чи просто") by their first word: most words begin none.
        self._alternatives: dict[str, list[tuple[str, ...]]] = defaultdict(list)
        for shape in self._lexicon.alternatives:
            self._alternatives[shape[0]].append(shape)
        # The words of multi-word phrases ("lasciato la pelle", "marcia indietro"): a slip in one of them
        # ("lasicato la pelle") would otherwise keep the whole phrase from being read.
        self._phrase_word_set = frozenset(w for phrase in self._lexicon.phrases for w in phrase.split())
        self._phrase_words = _DeletionIndex(w for w in self._phrase_word_set if len(w) >= self.settings.min_typo_length)
        self._ranked_decision = lru_cache(maxsize=self.settings.cached_questions)(self._ranked_decision_uncached)

    def _speakers_uncached(self, word: str) -> frozenset[str]:
        """The languages the known ``word`` belongs to: a slip is mended into a word of the language being typed
        ("personally" in English is not the Italian "personale"). Russian and Ukrainian mend into each other's
        words (people mix them); a name, a figure or a word no lexicon lists belongs to every language (empty)."""
        if self._concept(word) in NAME_CONCEPTS or word.isdigit():
            return frozenset()
        return frozenset(
            member
            for code, lexicon in self._lexicon.lexicons.items()
            if knows(lexicon, word)
            for member in _FAMILIES.get(code, (code,))
        )

    def _index_curated_questions(self, vocabulary: set[str]) -> set[tuple[str, int]]:
        """Every curated question as concepts (once per distinct meaning in its entry); adds its words to
        ``vocabulary`` and returns each question's normalised text with its entry."""
        texts: set[tuple[str, int]] = set()
        for entry_index, entry in enumerate(self._entries):
            seen: set[tuple[frozenset[str], bool]] = set()
            for language, question in entry.all_questions():
                normalised = normalise(question)
                texts.add((normalised, entry_index))
                words = self._rewrite(normalised).split()
                vocabulary.update(w for w in words if w not in self._stopwords)
                concepts = frozenset(self._concepts(words))
                # Curated words are all known (the weights do not exist yet): nothing to correct.
                defines = self._asks_what_is_named(normalised.split(), words, known=lambda concept: True)
                if (concepts, defines) in seen:
                    continue  # the same question in other words (often another language) would score the same
                seen.add((concepts, defines))
                self._entry_questions[entry_index].append(len(self._questions))
                self._questions.append(_Question(entry_index, question, language, concepts, defines))
        return texts

    @property
    def entries(self) -> tuple[Entry, ...]:
        """The entries this matcher ranks."""
        return self._entries

    def _index_slips(self) -> None:
        """The indexes a typed word's slip is mended through, built once from the vocabulary."""
        # Every known word (and filler word) under each spelling with one letter left out: the words one edit
        # from a typed word are found by looking up its own such spellings, not by scanning the vocabulary.
        # Typed words too short to correct freely (min_prefix up to min_typo_length letters) are mended only
        # when one letter is missing or two are swapped.
        known_words = (*self._vocabulary, *self._stopwords)
        self._deletions = _DeletionIndex(known_words)
        self._folded = _FoldedIndex(known_words)
        self._stems = _StemIndex(stem for stem in self._lexicon.stemmed_words() if stem in self._vocabulary_set)
        # A name's letters under their sorted spelling: a name is learned by ear and its letters get jumbled
        # ("пєсвок", "peksov" for Peskov), more than one swap apart.
        self._names_by_letters = _by_letters(
            word
            for word in self._vocabulary
            if len(word) >= self.settings.min_typo_length and self._concept(word) in NAME_CONCEPTS
        )
        self._short_words_swapped = _swapped(
            known_words, lengths=range(self.settings.min_prefix, self.settings.min_typo_length)
        )

    def match(self, query: str, *, partial: bool = True) -> MatchResult:
        """Rank the entries for ``query`` and decide; ``partial``: the last word may be unfinished."""
        normalised = normalise(query)
        # A question closed by its punctuation ("…or not?") is finished, whatever its last word looks like.
        partial = partial and not query.rstrip().endswith(_SENTENCE_ENDS)
        questioning = any(mark in query for mark in _QUESTION_MARKS)  # "hi, what can I ask? what's this bot about"
        decision, candidates = self._ranked_decision(normalised, partial, questioning)
        if decision in (Decision.NONE, Decision.AMBIGUOUS) and candidates:
            decision, candidates = self._asked_after_context(query, decision, candidates)
        elif decision is Decision.ANSWER:
            decision, candidates = self._without_what_context_states(query, decision, candidates)
        return MatchResult(query, normalised, decision, candidates)

    @staticmethod
    def _context_and_questions(query: str) -> tuple[str, str] | None:
        """The context a message tells first and the questions it closes with ("I read that they left the
        north. When was that?"), or None for a message not made that way. Not a question explained after it
        ("what is détente? like the cold war thing")."""
        sentences = [sentence for sentence in _SENTENCE_BREAK.split(query.strip()) if sentence]
        asking = [sentence.rstrip().endswith(_QUESTION_MARKS) for sentence in sentences]
        if len(sentences) < 2 or not asking[-1] or asking[0]:
            return None
        first = asking.index(True)
        if not all(asking[first:]):
            return None
        return " ".join(sentences[:first]), " ".join(sentences[first:])

    def _without_what_context_states(
        self, query: str, decision: Decision, candidates: tuple[Candidate, ...]
    ) -> tuple[Decision, tuple[Candidate, ...]]:
        """A message whose context states what a question word would ask ("I read they left the north because
        they could not take anything. When was that?"): "because" there is the asker's account, not his
        question, which asks when. Read again without the context's question words the closing questions do
        not ask, its answer is kept when it is another entry."""
        parts = self._context_and_questions(query)
        if parts is None:
            return decision, candidates
        context, asked = (self._rewritten(normalise(part)).split() for part in parts)
        asked_concepts = set(self._concepts(asked))
        unasked = (set(self._concepts(context)) - asked_concepts) & _ASKING
        if not unasked or _ASKING.isdisjoint(asked_concepts):
            return decision, candidates
        kept = [word for word in context if self._concept(word) not in unasked]
        again, ranked = self._ranked_decision(" ".join([*kept, *asked]), False, True)
        if again is Decision.ANSWER and ranked[0].entry.id != candidates[0].entry.id:
            return again, ranked
        return decision, candidates

    def _asked_after_context(
        self, query: str, decision: Decision, nearest: tuple[Candidate, ...]
    ) -> tuple[Decision, tuple[Candidate, ...]]:
        """A long message that tells its context first and asks last ("Dear Sir or Madam, I have read that the
        Russian forces have abandoned the north. What was the genuine reason?"), too diluted to answer whole or
        torn between two entries: its closing questions alone, when they answer with one of the two entries the
        whole message came nearest to, or with one that covers the nearest ("my neighbour says a thousand, I
        heard far more. Who to believe, how many died?": the toll overview, beside the Western estimate). Where
        they fail, ``decision`` stands. Not when the first of them points back into the context with "he"
        ("…онук мені читав про Пєскова. Це міністр чи хто він?"): without it they ask something else; a later
        one points back to the first ("…звідки взялося це число 1351? Хто його назвав?"). Unless they name him
        themselves ("Що це за Пєсков такий, яку посаду він займає?"). Nor when the context asks the bot's own
        judgement ("dammi la tua opinione sincera: …?"): the closing questions ask for that."""
        parts = self._context_and_questions(query)
        if parts is None:
            return decision, nearest
        context, asked = (normalise(part) for part in parts)
        if not _JUDGEMENT.isdisjoint(self._concepts(self._rewritten(context).split())):
            return decision, nearest
        first_asked = normalise(next(sentence for sentence in _SENTENCE_BREAK.split(parts[1]) if sentence))
        if not self._lexicon.pronouns.isdisjoint(first_asked.split()) and _NAMED.isdisjoint(
            self._concepts(self._rewritten(asked).split())
        ):
            return decision, nearest
        closing, candidates = self._ranked_decision(asked, False, True)
        if closing is not Decision.ANSWER:
            return decision, nearest
        answer = candidates[0].entry
        if answer.id in {candidate.entry.id for candidate in nearest[:2]} or nearest[0].entry.id in answer.covers:
            return closing, candidates
        return decision, nearest

    def _ranked_decision_uncached(
        self, normalised: str, partial: bool, questioning: bool
    ) -> tuple[Decision, tuple[Candidate, ...]]:
        """The decision and candidates for a normalised question (cached: people ask the same things)."""
        words = self._rewritten(normalised).split()
        tokens = self._tokens(words, partial=partial, questioning=questioning, text=normalised)
        if all(len(t.options) == 1 for t in tokens) and self._asks_what_is_named(normalised.split(), words):
            defined = self._rank(tokens, defining=True)
            if not defined:  # the article names it but never says what it is: nearest entries as suggestions
                nearest = [c for c in self._rank(tokens) if c.entry.covered]
                return Decision.NONE, tuple(nearest[: self.settings.suggestions])
            return self._decide(defined)
        ranked = self._rank(tokens)
        if partial and len(words) >= 2:
            ranked = self._by_completions(normalised, ranked)
        return self._decide(self._without_unfounded_verdict(tokens, ranked))

    def _without_unfounded_verdict(self, tokens: list[_Token], ranked: list[Candidate]) -> list[Candidate]:
        """``ranked`` without the not-covered entries near its best fact whose verdict rests on nothing the
        question asks: the curated question names something the question does not (the Ukrainians of "does the
        article say how many Ukrainians died?"), and the fact's entry holds every firm word it explains. "Якщо
        вірити статті, скільки їх там полягло?" asks the article's figure: only its framing was nearer the
        verdict. Such a verdict close behind the fact no longer blocks it either: the Ukrainian general staff's
        daily figures do not make "the Russian ministry's latest official figure" unsure."""
        fact = next((c for c in ranked if c.entry.covered), None)
        if fact is None or fact.score < self.settings.threshold:
            return ranked
        margin = self.settings.safety_margin
        near = [c for c in ranked if not c.entry.covered and abs(c.score - fact.score) < margin]
        if not near:  # most questions: no verdict close to the fact
            return ranked
        asked = {c for t in tokens for c in t.options} | WEAK_CONCEPTS | FRAMING_CONCEPTS | SAYING
        firm = [t.options for t in tokens if not t.optional]
        fact_named = self._entry_concepts[self._positions[fact.entry.id]]

        def unfounded(candidate: Candidate) -> bool:
            named = self._question_concepts(candidate)
            return bool(named - asked) and all(options & fact_named for options in firm if options & named)

        dropped = [c for c in near if unfounded(c)]
        return [c for c in ranked if c not in dropped] if dropped else ranked

    def _question_concepts(self, candidate: Candidate) -> frozenset[str]:
        """The concepts of the curated question that made ``candidate``."""
        questions = (self._questions[index] for index in self._entry_questions[self._positions[candidate.entry.id]])
        return next(question.concepts for question in questions if question.text == candidate.question)

    def _rewritten(self, normalised: str) -> str:
        """``normalised`` with its phrases rewritten, after mending each unknown word that is one slip from a
        phrase's word where the mended word completes a phrase ("ci hanno lasicato la pelle" → "lasciato la
        pelle"): a phrase is read as its words in order, so one slip would hide it. A word is mended only into
        a phrase, never alone, and a phrase's own words typed right are never touched."""
        words = normalised.split()
        rewritten = self._rewrite(normalised)
        for position, word in enumerate(words):
            if len(word) < self.settings.min_typo_length or word in self._stopwords or word.isdigit():
                continue
            if word in self._phrase_word_set or word in self._vocabulary_set or self._concept(word) in self._idf:
                continue
            near = sorted(
                (-_shared_beginning(word, known), known)
                for known in self._phrase_words.near(word)
                if OSA.distance(word, known, score_cutoff=1) <= 1
            )
            for _, known in near:
                mended = [*words[:position], known, *words[position + 1 :]]
                with_phrase = self._rewrite(" ".join(mended))
                if with_phrase != " ".join(known if w == word else w for w in rewritten.split()):
                    words, rewritten = mended, with_phrase  # a phrase took the mended word
                    break
        return rewritten

    def _by_completions(self, typed: str, ranked: list[Candidate]) -> list[Candidate]:
        """An unfinished question ("why did rus") leans to the entries whose curated questions it begins:
        each gets a share of ``completion_weight`` by how many of them it begins."""
        counts: dict[str, int] = defaultdict(int)  # entry id → curated questions the typed text begins
        for position in _beginning_with(self._texts, typed):
            counts[self._text_entries[position]] += 1
        if not counts:
            return ranked
        total = sum(counts.values())
        bonus = self.settings.completion_weight
        lifted = [
            replace(c, score=round(min(1.0, c.score + bonus * counts.get(c.entry.id, 0) / total), 4)) for c in ranked
        ]
        lifted.sort(key=lambda c: (-c.score, c.entry.id))
        return lifted

    # -- analysis ---------------------------------------------------------------------------------

    def _concept(self, word: str) -> str:
        """The concept a word stands for; an unknown word stands for itself (lightly stemmed)."""
        concept = self._lexicon.concept(word)
        if concept is None:
            stemmed = stem(word)
            concept = self._lexicon.concept(stemmed) or self._lexicon.actor_forms.get(word) or self._inflected(word)
        return concept or stemmed

    def _inflected(self, word: str) -> str | None:
        """The concept of the known word an English -ing or -ed form comes from ("calming": calm), if any."""
        for base in base_forms(word):
            concept = self._lexicon.exact.get(base)
            if concept is not None and concept not in UNHELD_CONCEPTS:
                return concept
        return None

    def _concepts(self, words: Iterable[str]) -> Iterable[str]:
        for word in words:
            if word not in self._stopwords:
                yield self._lexicon.actor_forms.get(word) or self._concept(word)

    def _asks_what_is_named(
        self, typed: list[str], words: list[str], known: Callable[[str], bool] | None = None
    ) -> bool:
        """True for a question asking what a thing is or what a word means (``typed``: its words as typed,
        ``words``: rewritten): the article names things and uses words, but says what they are only where a
        curated question asks it."""
        return self._asks_what_a_thing_is(words, known) or self._asks_what_a_word_means(typed)

    def _asks_what_a_word_means(self, words: list[str]) -> bool:
        """True for "what does humiliation mean?", "cosa vuol dire umiliazione": a meaning shape around one
        word, not filler or a figure ("what does it mean?" asks about something said before). The words are as
        typed: phrases rewrite "vuol dire" away as filler. What follows the shape may only say more of the
        asker ("…, never heard that word", "…, like in history class"), nothing the article holds."""
        for before, after in self._lexicon.meanings:
            if len(words) <= len(before) + len(after) or tuple(words[: len(before)]) != before:
                continue
            end = self._shape_end(words, len(before), after)
            if end is None:
                continue
            between = words[len(before) : end - len(after)]
            if not between:
                continue
            # One bare word: "what does the withdrawal mean?" asks what it means for the war, not for a dictionary.
            # Filler after it leaves it bare ("what does detente actually mean?").
            word, *rest = between
            aside = words[end:] if after else rest  # "che vuol dire distensione? non ho capito la parola"
            if after and not all(w in self._stopwords for w in rest):
                continue
            if word in self._stopwords or word.isdigit():
                continue
            # The aside as typed or with its phrases read ("…mean in general?": a phrase, no general).
            if all(map(self._is_an_aside, aside)) or all(
                map(self._is_an_aside, self._rewrite(" ".join(aside)).split())
            ):
                return True
        return False

    def _is_an_aside(self, word: str) -> bool:
        """True for a word of what the asker adds after a meaning shape: nothing the knowledge holds, or a word
        about words ("…, non ho capito la parola": the asker's word, not a quote asked for)."""
        return self._says_nothing_held(word) or self._concept(word) in SAYING

    @staticmethod
    def _shape_end(words: list[str], start: int, after: tuple[str, ...]) -> int | None:
        """Where the closing words ``after`` of a meaning shape end, first found past ``start`` + 1."""
        if not after:
            return len(words)
        for end in range(start + 1 + len(after), len(words) + 1):
            if tuple(words[end - len(after) : end]) == after:
                return end
        return None

    def _says_nothing_held(self, word: str) -> bool:
        """True for a word that names nothing the knowledge holds: filler, an unknown word, an unheld topic."""
        concept = self._concept(word)
        return word in self._stopwords or concept not in self._idf or concept in UNHELD_CONCEPTS

    def _asks_what_a_thing_is(self, words: list[str], known: Callable[[str], bool] | None = None) -> bool:
        """True for "who is Putin?", "what is NATO?", "где Беларусь?": a defining opener, then only names,
        places or bodies (or words the knowledge does not know: "who is Biden?") and short filler."""
        is_known = known or self._idf.__contains__
        for opener in self._openers.get(words[0], ()) if words else ():
            if tuple(words[: len(opener)]) != opener:
                continue
            rest = words[len(opener) :]
            if any(word in self._lexicon.pronouns or (word in self._stopwords and len(word) > 3) for word in rest):
                return False  # "what's his job", "cosa è successo": about someone, or not a bare name
            named = [word for word in rest if word not in self._stopwords]
            return bool(named) and all(self._names_a_thing(word, is_known) for word in named)
        return False

    def _names_a_thing(self, word: str, is_known: Callable[[str], bool]) -> bool:
        concept = self._lexicon.actor_forms.get(word) or self._concept(word)
        if not is_known(concept):
            corrected = self._correct(word) if len(word) >= self.settings.min_typo_length else None
            if corrected is None:
                return True  # a name the article never uses
            concept = self._concept(corrected)
        return concept in ENTITY_CONCEPTS

    def _read_transliterated(self, words: list[str]) -> list[str]:
        """Russian or Ukrainian typed in Latin letters, back in Cyrillic: when two or more of the question's
        unknown words read as known Cyrillic ones, every unknown Latin word takes its reading."""
        read: dict[str, str] = {}
        known = 0
        for word in words:
            if word in read or word in self._stopwords or self._lexicon.concept(word) is not None:
                continue
            options = readings(word)
            if not options:
                continue
            found = next((r for r in options if r in self._stopwords or self._lexicon.concept(r) is not None), None)
            known += found is not None  # English filler ("to", "a") never gets here: it is filler already
            read[word] = found or options[0]  # an unknown reading is left to the typo fixer ("сколко")
        if known < 2:
            return words
        return [read.get(word, word) for word in words]

    def _tokens(self, words: list[str], *, partial: bool, questioning: bool = False, text: str = "") -> list[_Token]:
        """The asked concepts of ``words`` (rewritten), typed as ``text`` (normalised: the language is its)."""
        tokens: dict[frozenset[str], _Token] = {}
        # The language, detected only once a word needs mending: most questions need none.
        language = cache(lambda: detect_language(text, self._lexicon.lexicons))

        words = self._read_transliterated(words)
        concepts = self._concepts_at(words)
        placing = self._placing(words)

        def add(asked: _Token, position: int | None = None) -> None:
            token = asked if position is None else self._placed(asked, position, placing)
            if token is None:
                return
            kept = tokens.get(token.options)
            if kept is None or kept.weight * kept.certainty < token.weight * token.certainty:
                tokens[token.options] = token

        for position, word in enumerate(words):
            is_last = partial and position == len(words) - 1
            concept = concepts[position]
            if concept is None:
                continue
            known = concept in self._idf
            if is_last and word not in self._stopwords and (not known or word not in self._vocabulary_set):
                # A word still being typed: what it may become, and (if known) what it already is. A filler
                # word is taken as typed ("…the number was" does not go on to "Washington").
                token = self._prefix_token(word, alone=len(words) == 1, known=concept if known else None)
                if token is not None:
                    add(token, position)
                    continue
                if len(word) < self.settings.min_prefix or (not known and self._begins_a_filler_word(word)):
                    continue  # one or two letters say nothing yet; "quanti morti second…" is typing "secondo"
            if word in self._stopwords or self._is_relative(words, position):
                continue
            if known:
                add(_Token(frozenset({concept}), self._idf[concept], 1.0), position)
                continue
            if concept in self._lexicon.concepts:  # a real word ("started"), not a slip ("stated"), held or not
                add(_Token(frozenset({concept}), self._unknown_weight, 1.0), position)
                continue
            corrected = self._correct(word, language())
            if corrected in self._stopwords:
                continue  # a mistyped filler word
            if corrected is not None:
                corrected_concept = self._concept(corrected)
                add(
                    _Token(
                        frozenset({corrected_concept}),
                        self._idf[corrected_concept],
                        self.settings.typo_certainty,
                    ),
                    position,
                )
            else:
                add(_Token(frozenset({concept}), self._unknown_weight, 1.0), position)
        if (
            REFERENT in self._idf
            and HEARSAY not in words  # "my uncle says…, is he right?": he is the uncle
            and not self._lexicon.pronouns.isdisjoint(words)
            and not any(token.options & PERSON_CONCEPTS for token in tokens.values() if len(token.options) == 1)
        ):
            add(_Token(frozenset({REFERENT}), self._idf[REFERENT], self.settings.referent_certainty))
        courteous = not self._lexicon.courtesies.isdisjoint(words) and (
            not questioning
            or SMALL_TALK in words  # "hey bot, how are you?" asks nothing either
            or not self._asks_a_question_word([*words, *text.split()], tokens.values())  # "hello bot?" neither
        )
        found = self._framed(list(tokens.values()), courteous=courteous, asks=self._what_is_asked(words))
        return self._combinations_read(found, words, concepts)

    def _combinations_read(self, tokens: list[_Token], words: list[str], concepts: list[str | None]) -> list[_Token]:
        """``tokens`` with what some combinations of concepts ask read into them, in this order: first the
        readings that look at the words too (how the question opens, a pronoun, a city's name), given each
        word's concept as ``_concepts_at`` found it, so none is looked up twice."""
        found = tokens
        for worded in (
            self._conquest_achieved,
            self._where_they_went,
            self._went_after_failing,
            self._why_they_go,
            self._city_taken,
            self._colloquial_why,
            self._real_figure_asked,
            self._telling_refused,
        ):
            found = worded(found, words, concepts)
        for reading in (
            self._trust_in_figures,
            self._troops_counted,
            self._troops_now,
            self._dead_sent_home,
            self._guessed_roles,
            self._others_officials,
            self._war_by_its_name,
            self._war_named,
            self._last_update_dated,
            self._north_ended,
            self._said_of_the_withdrawal,
            self._losses_in_one_region,
            self._words_compared,
            self._figures_compared,
            self._british_count,
            self._broadcasters_nation,
            self._ukraines_count_beside_russias,
        ):
            found = reading(found)
        return found

    def _placing(self, words: list[str]) -> _Placing:
        """Where the parts of a question stand (see ``_Placing``)."""
        clause, dropped = self._describing_clause(words)
        return _Placing(
            excluded=self._excluded(words),
            disowned=min(self._disowned(words), self._own_reason(words)),
            premise=self._premise(words),
            clause=clause,
            clause_dropped=dropped,
            guessed=self._guessed_alternative(words),
        )

    def _placed(self, token: _Token, position: int, placing: _Placing) -> _Token | None:
        """What the word at ``position`` asks, given where it stands: None when it asks nothing there."""
        kept = self._set_aside(token) if position in placing.excluded else token
        if kept is None or position < placing.premise or position >= placing.disowned:
            return None  # "I get that 1,351 died, but how many were injured?": the wounded, not the dead
        if position in placing.clause and placing.clause_dropped:
            return None
        if position in placing.clause or position >= placing.guessed:  # "… or just talk of a tragedy?"
            return replace(kept, optional=True)
        return kept

    def _set_aside(self, token: _Token) -> _Token | None:
        """What a token a negation sets aside still asks: nothing when it names a side ("their figure, not the
        West's"), a later time when it names the article's month ("latest figures pls, not the March ones")."""
        if token.options <= _CONTRASTED:
            return None
        if token.options == _ARTICLES_MONTH:
            return _Token(frozenset({_LATER}), self._unknown_weight, token.certainty)
        return token

    def _disowned(self, words: list[str]) -> int:
        """Where a source the asker disowns starts ("а скільки там двохсотих по факту, *не по кремлівських
        цифрах*?", "how many really died, not according to their fairy tales?"): a negation right before an
        according-word, after something asked; or right before the Kremlin's side, after something firm
        asked ("що насправді стоїть за відходом, *без кремлівської пропаганди*?"); the length of ``words``
        when there is none."""
        for position in range(1, len(words) - 1):
            if words[position] not in self._lexicon.negations:
                continue
            following = words[position + 1]
            if following in self._lexicon.according and any(word not in self._stopwords for word in words[:position]):
                return position
            # The spin may come before whose it is: "…, а не риторика кремля?" ("not the Kremlin's rhetoric").
            named = (word for word in words[position + 1 : position + 3] if word not in self._stopwords)
            source = next((word for word in named if self._concept(word) != _CALL), "")
            if self._concept(source) in _KREMLIN_ACCOUNT and self._asks_something_firm(words[:position]):
                return position  # "…, without the official spin"
        return len(words)

    def _own_reason(self, words: list[str]) -> int:
        """Where the asker's own reason starts, after something firm asked ("скільки там орків полягло, *бо я
        вже не знаю, кому вірити*", "how many died? *because I don't know who to believe*"): a because-word
        right before the asker himself or right after his request to explain, asking nothing firm of its own
        (the article named is only its setting); it says why he asks, not what; the length of ``words`` when
        there is none. "Did they leave because they failed?" asks the reason."""
        for position in range(1, len(words) - 1):
            if words[position] not in self._lexicon.because:
                continue
            explaining = words[position - 1] in self._lexicon.explain  # "…? поясніть, бо в статті різні цифри"
            if not explaining and self._lexicon.first_person.isdisjoint(words[position + 1 : position + 3]):
                continue
            reason = [word for word in words[position + 1 :] if self._lexicon.concept(word) not in FRAMING_CONCEPTS]
            if self._asks_something_firm(words[:position]) and not self._asks_something_firm(reason):
                return position  # "…, бо я так і не зрозумів, як пєсков це пояснював" asks that too
        return len(words)

    def _premise(self, words: list[str]) -> int:
        """Where the question proper starts after a premise granted first ("I get that 1,351 died officially,
        *but* how many were injured?"): after the last "but" followed by a question word that asks something
        firm of its own; 0 when none. "They said 1351 died, but is that true?" asks about the premise."""
        if not self._lexicon.question_starts.isdisjoint(words[:2]):
            return 0  # "як пєсков пояснив…, але хочу знати, що він плів": a question first, then more of it
        for position in range(len(words) - 2, 0, -1):
            if words[position] not in self._lexicon.premise_ends:
                continue
            start = position + 1  # past at most two filler words: "…, but *really* how many were injured?"
            while start < min(len(words), position + 1 + _OPENING) and self._opens_nothing(words[start]):
                start += 1
            if start < len(words) and words[start] in self._lexicon.question_starts:
                return position + 1 if self._asks_something_firm(words[start:]) else 0
        return 0

    def _asks_a_question_word(self, words: list[str], tokens: Iterable[_Token]) -> bool:
        """True when a question word is asked: "what", "cosa", "что", or one that is a concept ("why", "де"),
        among ``words`` as rewritten and as typed (a phrase may take the word: "di cosa parla")."""
        return not self._question_words.isdisjoint(words) or any(t.options & _QUESTION_WORD_CONCEPTS for t in tokens)

    def _asks_something_firm(self, words: list[str]) -> bool:
        """True when ``words`` name a concept firmer than a count or a question word ("how many were injured")."""
        concepts = (self._lexicon.concept(word) for word in words)
        return any(concept is not None and concept not in WEAK_CONCEPTS for concept in concepts)

    def _opens_nothing(self, word: str) -> bool:
        """True for a filler word that does not open a question ("really", "then"), unlike "how" or "did"."""
        return word in self._stopwords and word not in self._lexicon.question_starts

    def _guessed_alternative(self, words: list[str]) -> int:
        """Where an alternative the asker guesses starts ("did he give any number, *or just* talk of a
        tragedy?"): what comes before it is asked, what follows is what the asker fears instead; the length of
        ``words`` when there is none, or when nothing firm is asked before it."""
        for position in range(1, len(words) - 1):
            shapes = self._alternatives.get(words[position], ())
            if not any(tuple(words[position : position + len(shape)]) == shape for shape in shapes):
                continue
            return position if self._asks_something_firm(words[:position]) else len(words)
        return len(words)

    def _excluded(self, words: list[str]) -> set[int]:
        """Positions of the words a negation sets aside ("not the West's", "non quella degli americani"): the
        first word after it that means something, unless the negation belongs to a verb ("did not say")."""
        excluded: set[int] = set()
        for position, word in enumerate(words):
            if word not in self._lexicon.negations or (position > 0 and words[position - 1] in AUXILIARIES):
                continue
            first = next((p for p in range(position + 1, len(words)) if words[p] not in self._stopwords), None)
            if first is not None:
                excluded.add(first)
        return excluded

    def _is_relative(self, words: list[str], position: int) -> bool:
        """True for a "who" opening a clause about the word before it ("the soldiers *who* died"): it asks
        nothing, so it is no question about who."""
        word = words[position]
        return (
            position > 0
            and word in self._lexicon.relatives
            and words[position - 1] not in self._stopwords
            and self._concept(word) == _WHO
        )

    def _describing_clause(self, words: list[str]) -> tuple[range, bool]:
        """The clause describing the person a question asks about: the person is the head, not what the
        clause says he did. Either a who-question's clause to its end ("who is that Kremlin guy *who spoke
        to British journalists*?"), whose words then count only where a curated question names them too; or
        a clause after a word for a person, up to the question that follows it ("quel tizio del Cremlino *che
        è andato a parlare sulla tv inglese* che ruolo ha?"), whose words are dropped (True): the question
        after it is what is asked. Empty when there is none."""
        start = next((i for i, word in enumerate(words) if word not in self._stopwords), len(words))
        for opener in self._openers.get(words[start], ()) if start < len(words) else ():
            if tuple(words[start : start + len(opener)]) != opener or self._concept(opener[0]) != _WHO:
                continue
            head = start + len(opener)
            for position in range(head + 1, len(words)):  # a head word at least: "who is *he* that…" is not one
                if words[position] in self._lexicon.relatives:
                    named = any(w not in self._stopwords for w in words[head:position])
                    return (range(position, len(words)) if named else range(0)), False
        for position, word in enumerate(words):
            if word not in self._lexicon.person_heads:
                continue
            relative = next(
                (i for i in range(position + 1, min(position + 4, len(words))) if words[i] in self._lexicon.relatives),
                None,
            )
            if relative is None:
                continue
            end = next((i for i in range(relative + 2, len(words)) if self._asks_again(words, i)), None)
            if end is None:  # "the guy who admitted it?" alone asks who he is through the clause
                continue
            rest = words[:relative] + words[end:]
            if any(w not in self._stopwords and self._concept(w) in self._firm_concepts for w in rest):
                return range(relative, end), True  # "… che ruolo ha *al Cremlino*?": firm enough without the clause
        return range(0), False

    def _asks_again(self, words: list[str], position: int) -> bool:
        """True where a question of its own begins: a what-word or who-word, or a relative before who or
        what someone is ("che *ruolo* ha"; "che so' morti" goes on with the clause)."""
        word = words[position]
        if word in self._lexicon.what_words or self._concept(word) == _WHO:
            return True
        after = words[position + 1] if position + 1 < len(words) else ""
        return word in self._lexicon.relatives and self._concept(after) in IDENTITY_CONCEPTS

    def _concepts_at(self, words: list[str]) -> list[str | None]:
        """The concept each word asks where it stands: a place acting is its people ("did Ukraine lose"), and
        a Ukrainian source ("Ukrainian officials", "Ukraine's defence ministry", "il ministero della difesa
        ucraino", "минобороны Украины") names only who tells. Its words ask nothing (None), a country named
        right after them is the one telling, and "own" is Ukraine's too when the question names Ukraine and
        not the Kremlin ("did Ukraine give its own estimate…?"). The article quotes no Ukrainian source, so
        such a question asks Ukraine's figure, not the Russian ministry's. A request to explain beside another
        question asks nothing of its own (see ``_explain_requests``)."""
        concepts: list[str | None] = [self._word_concept(words, p) for p in range(len(words))]
        meaningful = [p for p, word in enumerate(words) if word not in self._stopwords]
        asked = [concepts[p] for p in meaningful]
        told_by: set[int] = set()
        if _UKRAINIAN in asked and _KREMLIN not in asked:  # "its own estimate": Ukraine's, not Russia's
            told_by.update(p for p in meaningful if words[p] in OWN)
        for i, concept in enumerate(asked):
            after_a_source = i > 0 and asked[i - 1] in _SOURCES and meaningful[i - 1] == meaningful[i] - 1
            if concept != _UKRAINIAN and not (concept == _UKRAINE and after_a_source):
                continue  # a country right after the source is its owner; "a regime in Ukraine" is not
            if concept == _UKRAINE:
                concepts[meaningful[i]] = _UKRAINIAN  # "минобороны Украины": the ministry of Ukraine
            for step in (1, -1):
                j = i + step
                while 0 <= j < len(asked) and asked[j] in _SOURCES:
                    told_by.add(meaningful[j])
                    j += step
        for position in told_by:
            concepts[position] = None  # "Ukrainian officials", "Ukraine's defence ministry": who tells is Ukraine
        for position in self._explain_requests(words, concepts):
            concepts[position] = None  # "can you explain where the troops went?" asks where, not why
        return concepts

    def _explain_requests(self, words: list[str], concepts: list[str | None]) -> list[int]:
        """The positions of "explain" asked of the bot ("поясніть", "can you explain") in a message that asks
        another question word ("…, куди вони пішли?", "how many died"), or right before a question word
        ("поясніть, яку ціль…"): it only asks to be told, not why. A because-word beside it is the asker's
        reason, not a why ("…? поясніть, бо цифри різні"). A word that follows the one explaining ("how did the
        Kremlin explain the losses?", "how did he explain the number?") is what someone else explained: it
        keeps its why."""
        requests = [
            position
            for position, word in enumerate(words)
            if word in self._lexicon.explain
            and (position == 0 or not self._explains_himself(words[position - 1], concepts[position - 1]))
        ]
        if not requests:
            return []
        others = {
            concept
            for position, concept in enumerate(concepts)
            if position not in requests and words[position] not in self._lexicon.because  # "…, бо цифри різні"
        }
        if _WHY in others:
            return []
        if others & _OTHER_QUESTIONS:
            return requests
        return [position for position in requests if self._opens_a_question(words, position + 1)]

    def _opens_a_question(self, words: list[str], start: int) -> bool:
        """True when a question word ("яку", "what") opens the words from ``start``, after at most a couple of
        filler words ("поясніть, яку ціль…", "explain to me what…")."""
        for word in words[start : start + _OPENING + 1]:
            if word in self._lexicon.question_starts and word not in AUXILIARIES:
                return True
            if word not in self._stopwords:
                return False
        return False

    def _explains_himself(self, word: str, concept: str | None) -> bool:
        """True for a word naming who explains ("he", "the Kremlin"): the explaining that follows is his."""
        return word in self._lexicon.pronouns or (word not in self._stopwords and concept in _EXPLAINERS)

    def _word_concept(self, words: list[str], position: int) -> str:
        """The concept of the word at ``position``: a place acting is its people ("did Ukraine lose")."""
        word = words[position]
        if word in ACTORS and self._acts(words, position):
            return ACTORS[word]
        return self._lexicon.actor_forms.get(word) or self._concept(word)

    def _begins_a_filler_word(self, prefix: str) -> bool:
        """True when ``prefix`` is the beginning of a filler word (and so, being typed, may become one)."""
        return bool(_beginning_with(self._sorted_stopwords, prefix))

    def _acts(self, words: list[str], position: int) -> bool:
        """True when the place at ``position`` is named as the one acting ("did Ukraine lose"), as the one the
        question turns to ("and Ukraine, how many…?", "what about Ukraine?") or as whose soldiers or losses are
        meant ("Ukraine soldiers")."""
        before = words[position - 1] if position > 0 else ""
        acting = before in ACTOR_AFTER  # "did Ukraine lose"
        turned_to = before in TOPIC_TURNS and TOPIC_OPENERS.issuperset(words[:position])  # "and Ukraine, …?"
        whose = position + 1 < len(words) and self._concept(words[position + 1]) in ACTOR_BEFORE  # "Ukraine soldiers"
        return acting or turned_to or whose

    def _trust_in_figures(self, tokens: list[_Token]) -> list[_Token]:
        """Trust asked of a figure ("is the 1351 figure credible?") asks whether it is believable, which the
        Western estimates answer; trust asked of a broadcaster or a source ("is Sky News reliable?") is not
        in the article."""
        single = _single_concepts(tokens)
        if (
            _TRUST not in single
            or _REALITY not in self._idf
            or not (single & _FIGURE_CONCEPTS or any(c.isdigit() for c in single))
        ):
            return tokens
        return _read_as(tokens, {_TRUST}, _REALITY, self._idf[_REALITY])

    def _troops_counted(self, tokens: list[_Token]) -> list[_Token]:
        """How many troops withdrew, went somewhere or fight ("quanti erano in tutto i soldati ritirati da
        Kiev?", "how many troops went to Belarus exactly?", "how many Russian soldiers are fighting in
        Ukraine?"), with no losses asked, counts an army, which the article never does: the count reads as an
        army's size."""
        single = _single_concepts(t for t in tokens if t.certainty == 1.0)  # a mended word is no evidence
        if not {_COUNT, _SOLDIER} <= single or not single & _TROOPS_AT or single & _NOT_A_HEADCOUNT - {_WHERE}:
            return tokens  # "went" reads as where: "how many troops went to Belarus?" still counts them
        if _STRENGTH in single:
            return tokens
        return [*tokens, _Token(frozenset({_STRENGTH}), self._unknown_weight, 1.0)]

    def _troops_now(self, tokens: list[_Token]) -> list[_Token]:
        """ "Now" or "next" in a question asking where or why the troops move, with no figure ("where are those
        troops headed now?", "where will they be thrown in next?"), is only when the asker stands: it asks
        neither the latest figures nor Russia's next aim, and is left out. Asked of the troops alone ("what
        will they do with those troops now?"), it stays."""
        single = _single_concepts(tokens)
        if single.isdisjoint(_TIMES_NOW) or _SOLDIER not in single or single & _FIGURE_WORDS - {_SOLDIER}:
            return tokens
        if single.isdisjoint(_TROOPS_MOVING):
            return tokens
        # "Now" as a concept of its own, or "currently", is left out only where or why they go is asked: "вони
        # тепер усі сили кинуть на донбас?" asks Russia's next aim.
        dropped = _TIMES_NOW if single & {_WHERE, _WHY} else _WHEN_WORDS
        return [t for t in tokens if not t.options <= dropped]

    def _dead_sent_home(self, tokens: list[_Token]) -> list[_Token]:
        """How many went home dead ("скільки рашистів двохсотими поїхало додому", "how many went home in
        coffins") counts the dead: going home is how they died, not where the troops went."""
        single = _single_concepts(t for t in tokens if t.certainty == 1.0)
        if not {_COUNT, _DEATH, _HOME} <= single:
            return tokens
        return [t for t in tokens if not t.options <= {_HOME, _WHERE}]

    def _war_by_its_name(self, tokens: list[_Token]) -> list[_Token]:
        """The Kremlin's name for the war in a question about how the war ends ("when will the special military
        operation end?") names the war: it asks the end, not what the war is called."""
        single = _single_concepts(tokens)
        if not {_SPECIAL, _END} <= single or _CALL in single or _WAR not in self._idf:
            return tokens
        return _read_as(tokens, {_SPECIAL}, _WAR, self._idf[_WAR])

    def _north_ended(self, tokens: list[_Token]) -> list[_Token]:
        """How the fighting in the north ended ("шо там у них вийшло з наступом на півночі, чим закінчилось?",
        "how did the offensive in the north end?") asks about the withdrawal that ended it, not the war's end,
        which the article does not hold. The fighting must be named, or nothing but the north asked ("чим усе
        скінчилося на півночі?"): the talks in Kyiv ending, or a race there, are no offensive."""
        single = _single_concepts(tokens)
        if not {_END, _NORTH} <= single or _WITHDRAW not in self._idf:
            return tokens
        if _WAR not in single and single - _NORTH_FOUGHT - _QUESTION_WORD_CONCEPTS:
            return tokens
        return _read_as(tokens, {_END}, _WITHDRAW, self._idf[_WITHDRAW])

    def _said_of_the_withdrawal(self, tokens: list[_Token]) -> list[_Token]:
        """What the Kremlin's side says about the withdrawal from the north ("що в кремлі кажуть про відведення
        військ з-під києва?") asks its account of it: where the troops left from only says which withdrawal,
        so it counts only where a curated question names it too. Another side's word on it ("what did Ukraine
        say about the Russian withdrawal?") is not the Kremlin's account, nor is a question word's question."""
        single = _single_concepts(tokens)
        if not {_SAY, _WITHDRAW, _NORTH} <= single or not single & _KREMLIN_SIDE:
            return tokens
        if single & (_OTHER_SIDES | {_UKRAINE} | _QUESTION_WORD_CONCEPTS):
            return tokens
        return [replace(t, optional=True) if t.options == {_NORTH} else t for t in tokens]

    def _last_update_dated(self, tokens: list[_Token]) -> list[_Token]:
        """When those who give the official figure last updated it ("коли міноборони рф востаннє оновлювало
        дані про своїх загиблих?", "quando il ministro della difesa ha dato l'ultimo bilancio?"), or what their
        latest figure is ("what's the government's latest number?", "l'ultimo dato del governo russo?"), asks
        their latest figure, which the article holds: the official toll of late March. Today's figure, asked
        of no one ("what's the latest death toll?"), is still not in it."""
        single = _single_concepts(tokens)
        if _NOW not in single or not single & _SOURCES or _OFFICIAL not in self._idf:
            return tokens
        if _WHEN not in single and (_OFFICIAL in single or not single & _FIGURE_CONCEPTS):
            return tokens  # "the latest official figure" already says whose: the curated questions say it so
        return _read_as(tokens, {_NOW}, _OFFICIAL, self._idf[_OFFICIAL])

    def _war_named(self, tokens: list[_Token]) -> list[_Token]:
        """A name asked of the war ("вони й досі це «спецоперацією» звуть?", "what's the name of the war in
        Russia?") asks what Russia calls it: "звуть", "зовут" and "the name of" ask a person's name otherwise."""
        single = _single_concepts(tokens)
        if _NAME not in single or not single & {_WAR, _SPECIAL} or single & _SPEAKER or _CALL not in self._idf:
            return tokens
        return _read_as(tokens, {_NAME}, _CALL, self._idf[_CALL])

    def _losses_in_one_region(self, tokens: list[_Token]) -> list[_Token]:
        """How many died in one region ("how many Russian soldiers died in the Donbas specifically?") asks a
        breakdown by place, which the article never gives, also when asked around the withdrawal ("how many
        died around Chernihiv before they withdrew?"): the region is a place of battle, not the withdrawal's
        north or the east the troops went to, nor Belarus ("how many died in Belarus hospitals?")."""
        single = _single_concepts(t for t in tokens if t.certainty == 1.0)
        if not {_COUNT, _DEATH} <= single or not single & _REGIONS or _PLACE not in self._idf:
            return tokens
        return _read_as(tokens, _REGIONS, _PLACE, self._idf[_PLACE])

    def _where_they_went(self, tokens: list[_Token], words: list[str], concepts: list[str | None]) -> list[_Token]:
        """Only where "they" went ("і куди вони потім усі подалися?", "and where did they all go then?") asks
        where the troops went: the article's only "they" that went anywhere. Going is a second word of place
        beside the question word ("куди … подалися"); "where are they from?" asks no such thing."""
        single = _single_concepts(tokens)
        if single != {_WHERE} or self._lexicon.plural_pronouns.isdisjoint(words) or _SOLDIER not in self._idf:
            return tokens
        if self._concepts_asked(words, concepts).count(_WHERE) < 2:
            return tokens
        return [*tokens, _Token(frozenset({_SOLDIER}), self._idf[_SOLDIER], self.settings.referent_certainty)]

    def _concepts_asked(self, words: list[str], concepts: list[str | None]) -> list[str | None]:
        """The concepts of the words that are no filler, in the question's order."""
        return [concept for word, concept in zip(words, concepts, strict=True) if word not in self._stopwords]

    def _went_after_failing(self, tokens: list[_Token], words: list[str], concepts: list[str | None]) -> list[_Token]:
        """Where the troops went after failing to take the north ("куди вони драпанули після того як не змогли
        взяти північ?", "where did they go after failing to take the north?") asks where they went: the failure
        is what came before, and leaving is what it says. A question opening with where and with a going in
        it (a withdrawal, or a second word of place: "куди … поділись", "where did the units … go"); where
        they failed ("where did the troops fail to conquer?") asks the north."""
        single = _single_concepts(tokens)
        if not {_WHERE, _FAIL, _CONQUER} <= single or _WITHDRAW not in self._idf:
            return tokens
        asked = self._concepts_asked(words, concepts)
        if asked[:1] != [_WHERE]:
            return tokens  # the question opens with where
        if _WITHDRAW not in single and asked.count(_WHERE) < 2:
            return tokens
        return _read_as(tokens, {_FAIL, _CONQUER}, _WITHDRAW, self._idf[_WITHDRAW])

    def _why_they_go(self, tokens: list[_Token], words: list[str], concepts: list[str | None]) -> list[_Token]:
        """Why the troops head somewhere ("why would the Russian army be heading to the Donbas?") asks the
        reason for the move: the going is what is explained, not a second question of where. A question
        opening with why, about troops or a place they go ("explain what this news is and where it is from"
        asks no such thing)."""
        single = _single_concepts(tokens)
        if not {_WHY, _WHERE} <= single or not single & {_SOLDIER, _EAST, _NORTH} or _WITHDRAW not in self._idf:
            return tokens
        if self._concepts_asked(words, concepts)[:1] != [_WHY]:
            return tokens  # the question opens with why
        return _read_as(tokens, {_WHERE}, _WITHDRAW, self._idf[_WITHDRAW])

    def _city_taken(self, tokens: list[_Token], words: list[str], concepts: list[str | None]) -> list[_Token]:
        """Whether a city was taken, asked as done ("did Russia take Kyiv in the end?", "did they ever take
        Chernihiv"), asks about a particular place, which the article never does: it says Russia failed to
        seize areas north of Ukraine, not what became of each city. Why it failed is still the withdrawal's
        reason, and giving up on a city is the withdrawal."""
        single = _single_concepts(tokens)
        if not single & {_CONQUER, _LIBERATE} or _NORTH not in single or _PLACE not in self._idf:
            return tokens  # "did they liberate Kyiv?" is taking it too
        if single & ({_WITHDRAW, _FAIL} | _INTENT):
            return tokens
        done = self._lexicon.done_openers
        if done.isdisjoint(words[:2]) or not any(word.startswith(CITY_BEGINNINGS) for word in words):
            return tokens
        return _read_as(tokens, {_NORTH}, _PLACE, self._idf[_PLACE])

    def _colloquial_why(self, tokens: list[_Token], words: list[str], concepts: list[str | None]) -> list[_Token]:
        """A question opening with "чого" or "чего" ("чого орки так швидко звалили з-під києва?") asks why, as
        people say it, also after a premise granted ("…, але чого тоді звалили?"); wanting and aiming take it
        as their object instead ("чого росія хоче досягти?": what)."""
        if self._lexicon.why_openers.isdisjoint(words):
            return tokens
        words = words[self._premise(words) :]  # "вони ж київ хотіли взяти, але чого тоді звалили?": after it
        position = next((p for p, word in enumerate(words) if word in self._lexicon.why_openers), None)
        if position is None or position > _OPENING or not all(w in self._stopwords for w in words[:position]):
            return tokens  # opening the question: after at most two filler words ("а чого…", "ну так чого…")
        single = _single_concepts(tokens)
        if single & {_WHY, _GOAL} or _WHY not in self._idf:
            return tokens
        return [*tokens, _Token(frozenset({_WHY}), self._idf[_WHY], 1.0)]

    def _real_figure_asked(self, tokens: list[_Token], words: list[str], concepts: list[str | None]) -> list[_Token]:
        """The official figure granted and then set against what is real ("офіційно 1351, а реально скільки їх
        там?", "officially 1,351, but how many really?") asks whether the real toll is another, which the
        Western estimates answer: the figure granted is the asker's premise, not what is asked. Anything else
        asked after it ("…, but really how many were wounded?") is another question."""
        contrast = next((p for p, word in enumerate(words) if p and word in self._lexicon.contrasts), None)
        if contrast is None or _REALITY not in self._idf or self._lexicon.truth_words.isdisjoint(words[contrast:]):
            return tokens
        asked = set(self._concepts_asked(words[contrast:], concepts[contrast:]))
        if asked - WEAK_CONCEPTS - DEATH_CONCEPTS - {_REALITY, None}:
            return tokens
        granted = {word for word in words[:contrast] if word.isdigit()}
        granted |= {_OFFICIAL} & set(concepts[:contrast])
        if not granted:
            return tokens
        return _read_as(tokens, granted, _REALITY, self._idf[_REALITY])

    def _telling_refused(self, tokens: list[_Token], words: list[str], concepts: list[str | None]) -> list[_Token]:
        """Why they did not say or admit their losses ("чому вони стільки часу не признавались, скільки в них
        загиблих?", "why didn't they say how many died?") asks why they kept them quiet: the saying negated
        reads as hiding, which the answer about Russia's reticence holds. Why they never say a word ("perché
        guerra non la dicono mai") asks what they call things instead; why the spokesman did not ("чому Пєсков
        не сказав…", "why didn't he say…") asks what he left out of his interview."""
        single = _single_concepts(tokens)
        if _WHY not in single or not single & _FIGURE_CONCEPTS or single & _SPEAKER or _HIDE not in self._idf:
            return tokens
        refused = {concept for p, concept in enumerate(concepts) if concept in _TELLING and self._negated(words, p)}
        return _read_as(tokens, refused, _HIDE, self._idf[_HIDE]) if refused else tokens

    def _negated(self, words: list[str], position: int) -> bool:
        """True when the word at ``position`` follows a negation, right away ("не признавались"), past a filler
        word or two ("didn't they say": "did not they say"), or past the side that does it, named right before
        the verb ("why won't Moscow admit", "why doesn't the Kremlin admit")."""
        for back in range(1, 4):
            if position < back:
                return False
            word = words[position - back]
            if word in self._lexicon.negations:
                return True
            side = back == 1 and self._concept(word) in _RUSSIAN_SIDE
            if back == 3 or not (word in self._stopwords or side):
                return False
        return False

    def _conquest_achieved(self, tokens: list[_Token], words: list[str], concepts: list[str | None]) -> list[_Token]:
        """Whether the Donbas was taken, asked as done ("did Russia finally conquer the Donbass?", "has Russia
        finished conquering Donbass?", "so the Donbass offensive, did Russia conquer it?"), asks the war's
        outcome, which the article does not hold: the conquest reads as the end. What Russia wants to conquer is
        its objective, and why it failed to is the withdrawal's reason."""
        single = _single_concepts(tokens)
        conquering = next((p for p, concept in enumerate(concepts) if concept == _CONQUER), 0)
        done = self._lexicon.done_openers
        if done.isdisjoint(words[:conquering]) or not {_CONQUER, _EAST} <= single or _END not in self._idf:
            return tokens
        if single & (_INTENT | {_FAIL}):
            return tokens
        return _read_as(tokens, {_CONQUER}, _END, self._idf[_END])

    def _words_compared(self, tokens: list[_Token]) -> list[_Token]:
        """A difference asked between things that are no figures ("what's the difference between humiliation
        and embarrassment?", "…between a spokesman and a press secretary?", "…between MI6 and the CIA?") asks
        what words mean, which the article never says; the gap it holds is between its two figures."""
        single = _single_concepts(tokens)
        sides = single & _SIDES  # what one side says is its figure: "…between what Moscow says and the West"
        figured = bool(single & _FIGURE_WORDS) or any(map(str.isdigit, single))
        if _COMPARE not in single or figured or (sides and (len(sides) > 1 or single & SAYING)):
            return tokens
        return _read_as(tokens, {_COMPARE}, _DEFINITION, self._unknown_weight)

    def _figures_compared(self, tokens: list[_Token]) -> list[_Token]:
        """A difference asked between Russia's figure and the West's ("do the official figure and the Western
        estimates differ a lot?") asks for both figures, side by side: the sides read as the two figures, so
        the answer holding both is reached, not the one holding the West's alone."""
        single = _single_concepts(t for t in tokens if t.certainty == 1.0)  # a mended word is no evidence
        both_sides = single & _RUSSIAN_SIDE and single & _WESTERN_SIDE
        if _COMPARE not in single or not both_sides or not single & _FIGURE_WORDS or _COUNT not in self._idf:
            return tokens
        return _read_as(tokens, _RUSSIAN_SIDE | _WESTERN_SIDE, _COUNT, self._idf[_COUNT])

    def _ukraines_count_beside_russias(self, tokens: list[_Token]) -> list[_Token]:
        """How many of Ukraine's died, asked beside the article's Russian figure ("Russia says 1351 died, how
        many Ukrainians died?", "…за той самий час, поки в росіян було 1351?"), asks Ukraine's losses, which
        the article lacks: the figure is what the asker already holds, not what is asked."""
        single = _single_concepts(tokens)
        if not {_COUNT, _UKRAINIAN} <= single:
            return tokens
        return [t for t in tokens if not (len(t.options) == 1 and next(iter(t.options)).isdigit())]

    def _british_count(self, tokens: list[_Token]) -> list[_Token]:
        """The British counting the dead ("how many died according to the British?", "скільки загинуло за
        даними британців?") are one of the Western sides whose estimates the article gives: British TV is
        only where the spokesman spoke, asked with the interview or the broadcaster. Soldiers not said to be
        Russian may be British ones ("how many British soldiers died in the Falklands?"): no side counting."""
        single = _single_concepts(tokens)
        if not {_COUNT, _DEATH, _BRITISH} <= single or single & _BROADCAST or _WEST not in self._idf:
            return tokens
        if _SOLDIER in single and _RUSSIAN not in single:
            return tokens
        return _read_as(tokens, {_BRITISH}, _WEST, self._idf[_WEST])

    def _broadcasters_nation(self, tokens: list[_Token]) -> list[_Token]:
        """A Western nation asked of the interview with no figure ("was it British or American telly he spoke
        to?") is the broadcaster's nationality, as "British" is: not the Western estimates."""
        single = _single_concepts(tokens)
        if _WEST not in single or not single & _BROADCAST or single & _FIGURE_WORDS or _BRITISH not in self._idf:
            return tokens
        return _read_as(tokens, {_WEST}, _BRITISH, self._idf[_BRITISH])

    def _others_officials(self, tokens: list[_Token]) -> list[_Token]:
        """Who holds a role on another side ("who is the American press secretary?", "who is NATO's
        spokesperson?"), or who commands ("who is commanding the Russian forces in the Donbass now?"), asks
        about someone the article never names: the role reads as who leads there, which it never says, not as
        the Kremlin's spokesman, the Western estimates or Russia's objectives."""
        single = _single_concepts(tokens)
        if _WHO not in single or not single & ROLE_CONCEPTS | {_SPOKESMAN}:
            return tokens
        if not single & _OTHER_SIDES and (_RANK not in single or _DEATH in single):
            return tokens  # "who are the generals who died?" asks losses by rank: the entry that has none
        return _read_as(tokens, ROLE_CONCEPTS | {_SPOKESMAN}, _LEADER, self._unknown_weight)

    def _guessed_roles(self, tokens: list[_Token]) -> list[_Token]:
        """Another role guessed for the spokesman alone ("is Peskov a minister?") asks for his: who he is."""
        single = _single_concepts(tokens)
        if REFERENT not in single or not single & ROLE_CONCEPTS or single - ROLE_CONCEPTS - IDENTITY_CONCEPTS:
            return tokens
        role = frozenset({_SPOKESMAN})
        return [
            replace(t, options=role, weight=self._idf[_SPOKESMAN]) if t.options <= ROLE_CONCEPTS else t for t in tokens
        ]

    def _what_is_asked(self, words: list[str]) -> _WhatAsked:
        """Whether a what-word asks content ("what did he admit on Sky News?"; not "what channel…") or a
        which-word the setting, naming it right after ("which TV channel got the Kremlin talking about its
        dead?"). A what-word before a setting may be no question at all ("я читав, що британський журналіст…":
        "that"), so only a which-word asks the setting."""
        content = setting = False
        for position, word in enumerate(words):
            what, which = word in self._lexicon.what_words, word in self._lexicon.which_words
            if not (what or which):
                continue
            named = position + 1 < len(words) and self._concept(words[position + 1]) in SETTING_CONCEPTS
            content = content or (what and not named)
            setting = setting or (which and named)
        return _WhatAsked(content=content, setting=setting)

    def _framed(self, tokens: list[_Token], *, courteous: bool, asks: _WhatAsked) -> list[_Token]:
        """Framing words ("according to the article", "bot, …") left optional when the question asks something
        firmer: a known concept that is neither vague nor a verb of saying ("does the story *say*…"). With
        nothing firmer, thanks or a greeting make a message without a question mark small talk ("thanks
        bot"): nothing is asked. "Hi, what are you about?" still asks. A question about what was admitted or
        said of the losses or the withdrawal drops its setting ("on Sky News"): it only says where; a question
        naming the setting after a what- or which-word ("which channel got the Kremlin talking about its
        dead?") drops what was quoted and the dead, which only say which remark. The other
        way round, a question asking where or to whom something quoted was said drops what was said ("where
        did he call it a huge tragedy?" asks where)."""
        loose = WEAK_CONCEPTS | FRAMING_CONCEPTS | SAYING
        if not any(not t.optional and t.options.isdisjoint(loose) and t.options <= self._idf.keys() for t in tokens):
            return [] if courteous else tokens
        asked = _single_concepts(tokens)
        if asks.content and asked & CONTENT_CONCEPTS and not asked & _QUESTION_WORD_CONCEPTS:
            tokens = [t for t in tokens if not t.options <= SETTING_CONCEPTS]  # "what did he admit on TV?"
        if asks.setting and not asked & MOVEMENT_CONCEPTS:  # "which channel got the Kremlin to talk of its dead?"
            tokens = [t for t in tokens if not t.options <= QUOTED_CONCEPTS | DEATH_CONCEPTS]
        if asked & SETTING_QUESTIONS and asked & QUOTED_CONCEPTS and not asked & MOVEMENT_CONCEPTS:
            quoted = QUOTED_CONCEPTS | DEATH_CONCEPTS
            kept = [t for t in tokens if not t.options <= quoted]  # "where did he call it a huge tragedy?"
            firm = [t for t in kept if t.options <= self._idf.keys() and not t.options <= WEAK_CONCEPTS | SAYING]
            if firm:  # "where was the admission made?" asks nothing firmer: it keeps the admission
                tokens = kept
        return [replace(t, optional=True) if t.options <= FRAMING_CONCEPTS else t for t in tokens]

    def _prefix_token(self, word: str, *, alone: bool, known: str | None) -> _Token | None:
        """An unfinished last word as the concepts it may become; optional when it may be filler or short."""
        if len(word) < self.settings.min_prefix or (alone and len(word) < self.settings.min_lone_prefix):
            return None  # one or two letters could become almost anything
        completions = self._completions(word)
        if not completions or (known is not None and completions == {known}):
            return None
        options = completions | {known} if known is not None else completions
        return _Token(
            options,
            min(self._idf[c] for c in options),
            self.settings.prefix_certainty,
            optional=word in self._stopwords,
        )

    def _completions(self, prefix: str) -> frozenset[str]:
        """Concepts of the known words that ``prefix`` begins."""
        return frozenset(self._concept(self._vocabulary[i]) for i in _beginning_with(self._vocabulary, prefix))

    def _correct_uncached(self, word: str, language: str | None = None) -> str | None:
        """The known word within the allowed edits of ``word`` (1 up to 8 letters, 2 beyond), if any; a name
        may have its letters in any order after the first.

        Of several equally close words, the one sharing the longest beginning wins: people mistype the
        middle and end of words far more often than the first letters ("trupe" is "truppe", not "truce").
        """
        if word.isdecimal():  # "1351"; not "፩" or "²", digits int() cannot read
            return self._nearest_number(word)
        if len(word) < self.settings.min_typo_length:
            return self._restore_dropped_letter(word, language) if len(word) >= self.settings.min_prefix else None
        found: list[tuple[int, int, str]] = []  # (distance, -shared beginning, word)
        for known in self._deletions.near(word):
            if known in self._vocabulary_set and self._of_language(known, language):
                distance = int(OSA.distance(word, known, score_cutoff=1))
                if distance <= 1:
                    found.append((distance, -_shared_beginning(word, known), known))
        if not found:  # Russian letters in a Ukrainian word, or the other way round: one slip, however many
            slips = 1 if len(word) > 8 else 0  # and in a longer word one slip more, as two slips are allowed there
            found.extend(
                (distance, -_shared_beginning(word, known), known)
                for distance, known in self._folded.near(word, slips)
                if self._of_language(known, language)
            )
        if not found:  # a slip in a word known by its stem ("спцоперація": "спецоперац…")
            found.extend(
                (1, -_shared_beginning(word, stem), stem)
                for stem in self._stems.slipped(word)
                if self._of_language(stem, language)
            )
        if not found:  # a name's letters in another order, its first letter kept
            found.extend((2, 0, name) for name in self._names_by_letters.get(_letters(word), ()) if name[0] == word[0])
        if not found and len(word) > 8:  # a longer word may have two slips: rarer, found by a scan
            for length in range(len(word) - 2, len(word) + 3):
                for known, distance, _ in process.extract(
                    word, self._by_length.get(length, ()), scorer=OSA.distance, score_cutoff=2, limit=None
                ):
                    if self._of_language(known, language):
                        found.append((int(distance), -_shared_beginning(word, known), known))
        return min(found)[2] if found else None

    def _of_language(self, known: str, language: str | None) -> bool:
        """True when a slip typed in ``language`` (None: unclear) may be of the known word ``known``: a word of
        that language, or filler of any (mending into filler only leaves a word out)."""
        return language is None or known in self._stopwords or language in (self._speakers(known) or {language})

    def _restore_dropped_letter(self, word: str, language: str | None = None) -> str | None:
        """A short word with one letter left out ("wher") or two letters swapped ("dide"): the one known or
        filler word it is a slip of.

        Of other edits only a letter's neighbour on the keyboard and a letter too many are tried on short words,
        and only into question words ("чомк" for "чому", "whu" and "whay" for "why"): too many real words lie one
        letter away ("tall", "toll").
        """
        longer = {known for known in self._deletions.words(word) if len(known) == len(word) + 1}
        found = longer or self._short_words_swapped.get(word, set()) or self._question_word_slipped(word)
        mended = self._one_of(found, word)
        return mended if mended is not None and self._of_language(mended, language) else None

    def _question_word_slipped(self, word: str) -> set[str]:
        """The question words ("why", "чому") ``word`` is, with one letter's neighbour on the keyboard typed for
        it ("whu"), or with one letter too many ("whay"). Only question words: other short words lie a key or a
        letter away from too many others ("safe", "save")."""
        next_key = {
            word[:i] + neighbour + word[i + 1 :]
            for i, letter in enumerate(word)
            for neighbour in _KEY_NEIGHBOURS.get(letter, "")
        }
        one_too_many = {word[:i] + word[i + 1 :] for i in range(len(word))}
        return {mended for mended in next_key | one_too_many if self._concept(mended) in _QUESTION_WORD_CONCEPTS}

    def _one_of(self, found: set[str], word: str) -> str | None:
        """Of the known words ``found`` one slip from the short ``word``, the one it is surely a slip of."""
        if len({self._concept(known) for known in found}) == 1:
            return min(found)  # "mort" may be morti, morto or morte: all one concept
        if len(found) > 1:  # of "call" and "calm" for "cal", a doubled letter typed once is the likelier slip
            found = {known for known in found if _undoubled(known, word)}
        return next(iter(found)) if len(found) == 1 else None  # a filler word it may be counts too ("wat")

    def _nearest_number(self, word: str) -> str | None:
        """A known figure within ``number_slack`` that the typed one rounds ("about 1,300" for 1,351) or is one
        slipped digit from ("1355"). Any other nearby figure ("1234") is another number."""
        asked = int(word)
        if asked < 100 or word in _YEARS:
            return None  # days, small counts and years: a different number is a different thing
        rounded = word.endswith("0")
        near = [
            (abs(int(known) - asked), known)
            for known in self._numbers
            if abs(int(known) - asked) <= self.settings.number_slack * int(known)
            and (rounded or OSA.distance(word, known, score_cutoff=1) <= 1)
        ]
        return min(near)[1] if near else None

    # -- scoring ----------------------------------------------------------------------------------

    def _rank(self, tokens: list[_Token], *, defining: bool = False) -> list[Candidate]:
        if not tokens or all(t.options <= WEAK_CONCEPTS or t.optional for t in tokens):
            return []  # nothing firm asked: filler ("thanks, that's all"), perhaps unfinished, or a bare "why?"
        shortlist = set(self._shortlist(tokens))
        asked = _single_concepts(tokens)
        unheld = asked & UNHELD_CONCEPTS
        # Only curated questions sharing a meaningful concept can score above zero: score just those.
        # Concepts at the weight floor (in most entries) alone cannot make a question win while a rarer
        # concept is asked too, so their long posting lists are only walked when nothing rarer is asked.
        meaningful = {c for t in tokens for c in t.options - WEAK_CONCEPTS if c in self._idf}
        rare = {c for c in meaningful if self._idf[c] > self.settings.min_weight}
        touched: dict[int, list[int]] = defaultdict(list)
        named = (asked & self._idf.keys()) - _QUESTION_WORD_CONCEPTS  # "what is Peskov?" asks who he is
        for question_index in sorted({q for c in (rare or meaningful) for q in self._question_postings[c]}):
            question = self._questions[question_index]
            if defining and not (question.defines and _defines(question.concepts - _QUESTION_WORD_CONCEPTS, named)):
                continue  # "who is Putin?" is answered only by an entry asking who that very one is
            if question.entry_index in shortlist:
                touched[question.entry_index].append(question_index)
        scored: list[Candidate] = []
        asks_a_question_word = not asked.isdisjoint(_QUESTION_WORD_CONCEPTS)
        plain = self._plain(tokens)
        for entry_index, question_indices in touched.items():
            contrast = self._contrast_factor(asked, self._entry_contrasts[entry_index])
            if unheld - self._entry_concepts[entry_index]:
                contrast *= self.settings.contrast_penalty  # asks what the article never says
            best_score, best_question = 0.0, None
            for question_index in question_indices:
                question = self._questions[question_index]
                score = self._score(plain, question) * contrast
                if asks_a_question_word:
                    score *= self._question_contrast(asked, question.concepts)
                if score > best_score + _TIE:  # of equal scores (up to rounding), the earlier question shows
                    best_score, best_question = score, question
            if best_question is not None:
                share = self.settings.entry_share
                best_score = (1 - share) * best_score + share * contrast * self._recall(
                    tokens, self._entry_concepts[entry_index]
                )
                scored.append(
                    Candidate(
                        self._entries[entry_index], best_question.text, round(best_score, 4), best_question.language
                    )
                )
        scored.sort(key=lambda c: (-c.score, c.entry.id))
        return scored

    def _shortlist(self, tokens: list[_Token]) -> list[int]:
        """Entries sharing the most concept weight with the question: the only ones scored finely."""
        accumulated: dict[int, float] = defaultdict(float)
        for token in tokens:
            for concept in token.options:
                weight = self._idf.get(concept)
                if weight is None:
                    continue
                for entry_index in self._postings[concept]:
                    accumulated[entry_index] += weight
        if len(accumulated) <= self.settings.shortlist:
            return list(accumulated)
        return sorted(accumulated, key=accumulated.__getitem__, reverse=True)[: self.settings.shortlist]

    @staticmethod
    def _recall(tokens: list[_Token], concepts: frozenset[str]) -> float:
        """The share of the asked weight that ``concepts`` explain."""
        asked = explained = 0.0
        for token in tokens:
            if token.options & concepts:
                asked += token.weight
                explained += token.weight * token.certainty
            elif not token.optional:
                asked += token.weight
        return explained / asked if asked else 0.0

    def _plain(self, tokens: list[_Token]) -> _Asked:
        """The tokens as the scoring loop reads them."""
        singles: list[_Single] = []
        several: list[_Several] = []
        seen: set[str] = set()
        for t in tokens:
            if len(t.options) == 1:
                concept = next(iter(t.options))
                # A concept asked twice (a guessed role beside "role") counts once in what a question covers.
                weight = 0.0 if concept in seen else self._idf.get(concept, 0.0)
                seen.add(concept)
                weak = concept in WEAK_CONCEPTS
                singles.append((concept, t.weight, t.weight * t.certainty, t.optional, weight, weak))
            else:
                several.append((t.options, t.weight, t.weight * t.certainty, t.optional))
        firm_weight = sum(t.weight for t in tokens if not t.optional)
        return _Asked(firm_weight, tuple(singles), tuple(several))

    def _score(self, tokens: _Asked, question: _Question) -> float:
        """A recall-leaning F-measure: the share of the asked weight the curated question explains, and the
        share of its own weight that the question asks (an optional token counts only when explained)."""
        asked, explained, precision_weight = tokens.firm_weight, 0.0, 0.0
        meaningful = False
        concepts = question.concepts  # the hot loop of matching
        for concept, weight, weight_explained, optional, concept_weight, weak in tokens.singles:
            if concept in concepts:
                explained += weight_explained
                precision_weight += concept_weight
                meaningful = meaningful or not weak
                if optional:
                    asked += weight
        if tokens.several:
            counted = {single[0] for single in tokens.singles if single[0] in concepts}
            for options, weight, weight_explained, optional in tokens.several:
                hit = options & concepts
                if hit:
                    explained += weight_explained
                    precision_weight += sum(self._idf[c] for c in hit - counted)
                    counted |= hit
                    meaningful = meaningful or not hit <= WEAK_CONCEPTS
                    if optional:
                        asked += weight
        if not meaningful or asked == 0 or question.weight == 0:
            return 0.0
        recall = explained / asked
        precision = precision_weight / question.weight
        beta2 = self._beta2
        return (1 + beta2) * precision * recall / (beta2 * precision + recall)

    def _question_contrast(self, asked: set[str], concepts: frozenset[str]) -> float:
        """Down-weight a curated question that asks another question word (why vs where vs who)."""
        factor = 1.0
        for contrast in QUESTION_CONTRAST_CLASSES:
            asked_here, curated_here = asked & contrast, concepts & contrast
            if asked_here and curated_here and not asked_here & curated_here:
                factor *= self.settings.contrast_penalty
        return factor

    def _contrast_factor(self, asked: set[str], entry_contrasts: Mapping[frozenset[str], frozenset[str]]) -> float:
        """Down-weight an entry whose questions name only other members of a class the question names."""
        factor = 1.0
        for contrast, curated_here in entry_contrasts.items():
            asked_here = asked & contrast
            if asked_here and curated_here and not asked_here & curated_here:
                factor *= self.settings.contrast_penalty
        return factor

    # -- decision ---------------------------------------------------------------------------------

    def _decide(self, ranked: list[Candidate]) -> tuple[Decision, tuple[Candidate, ...]]:
        settings = self.settings
        if not ranked or ranked[0].score < settings.threshold:
            return Decision.NONE, tuple(c for c in ranked[: settings.suggestions] if c.entry.covered)
        best = ranked[0]
        shown = tuple(ranked[: settings.suggestions + 1])
        if not best.entry.covered:
            return Decision.NOT_COVERED, shown
        close = [c for c in ranked[1:] if c.score >= settings.threshold]
        blocking = [c for c in close if not c.entry.covered and best.score - c.score < settings.safety_margin]
        rivals = [c for c in close if c.entry.covered and best.score - c.score < settings.margin]
        if blocking:
            return Decision.AMBIGUOUS, shown
        if rivals:
            # Rivals that one of them answers too (the toll overview beside the official figure) need no "did
            # you mean": that one's answer serves the question, whichever of them it was nearest.
            tied = [best, *rivals]
            covering = next((c for c in tied if all(o is c or o.entry.id in c.entry.covers for o in tied)), None)
            if covering is None:
                return Decision.AMBIGUOUS, shown
            return Decision.ANSWER, (covering, *(c for c in shown if c is not covering))
        return Decision.ANSWER, shown


_TIE = 1e-9  # scores closer than this are equal: sums of the same weights in another order differ by less
_YEARS = frozenset(str(year) for year in range(1900, 2101))
_QUESTION_WORD_CONCEPTS = frozenset().union(*QUESTION_CONTRAST_CLASSES)  # why, where, who, when
_SPOKESMAN = "SPOKESMAN"
_WHO, _WHERE = "WHO", "WHERE"
_TRUST, _REALITY, _OFFICIAL = "TRUST", "REALITY", "OFFICIAL"
_FIGURE_CONCEPTS = frozenset({"COUNT", "DEATH"})  # what a question about a figure names
_COUNT, _SOLDIER, _WITHDRAW, _STRENGTH = "COUNT", "SOLDIER", "WITHDRAW", "STRENGTH"
_SPECIAL, _END, _CALL, _WAR, _NAME = "SPECIAL", "END", "CALL", "WAR", "NAME"
_DEATH, _PLACE, _HOME = "DEATH", "PLACE", "HOME"
_WHY, _GOAL, _WHEN, _NOW = "WHY", "GOAL", "WHEN", "NOW"
_OTHER_QUESTIONS = (_QUESTION_WORD_CONCEPTS - {_WHY}) | {_COUNT}  # "where", "who", "how many"…
_ASKING = _QUESTION_WORD_CONCEPTS | {_COUNT}  # what a question word asks: why, where, who, when, how many
_EXPLAINERS = PERSON_CONCEPTS | {"RUSSIAN", REFERENT}  # "did the Kremlin explain…", "how did Russia explain…"
_SAY = "SAY"
_HIDE, _TELLING = "HIDE", frozenset({_SAY, "ADMIT"})  # what is kept quiet, and the ways of not doing so
_SPEAKER = frozenset({"PESKOV", _SPOKESMAN, REFERENT})  # the one man who spoke: "he", when no one else is named
_NAMED = frozenset({"PESKOV", _SPOKESMAN})  # the man named: a "he" beside him is him
_JUDGEMENT = frozenset({"OPINION", "ADVICE"})  # the bot's own view asked: no fact of the article answers
_KREMLIN_SIDE = _SPEAKER | {"KREMLIN", "RUSSIAN"}  # whose account of the withdrawal the article gives
_KREMLIN_ACCOUNT = frozenset({"KREMLIN", "OFFICIAL", "PESKOV"})  # what an asker disowns: "…, without Kremlin spin"
_OPENING = 2  # how many filler words may come before a word that opens a question
_COMPARE, _DEFINITION = "COMPARE", "DEFINITION"
_CONQUER, _EAST, _NORTH, _FAIL = "CONQUER", "EAST", "NORTH", "FAIL"
_LIBERATE = "LIBERATE"
_INTENT = frozenset({"GOAL", "WHY", "WHERE", "WHEN", "WHO"})
_WHEN_WORDS = frozenset({"now", "next"})  # English words of their own, not the latest figures or the next aim
_TIMES_NOW = _WHEN_WORDS | {"NOW", "PRESENT"}  # "where are those troops headed now?", "…sent since then?"
_TROOPS_MOVING = MOVEMENT_CONCEPTS | {_WHY, _WHERE}  # where or why troops move, not how many died
# What the article's figures are named by: a difference asked between them is the gap between the two tolls,
# as is one asked between two sides ("the Russian and the Western numbers"); one side alone is no figure
# ("what's the difference between MI6 and the CIA?").
_FIGURE_WORDS = frozenset({"COUNT", "DEATH", "ESTIMATE", "SOLDIER"})
_SIDES = frozenset({"OFFICIAL", "WEST", "RUSSIAN", "UKRAINIAN", "KREMLIN"})
_RUSSIAN_SIDE = frozenset({"OFFICIAL", "RUSSIAN", "KREMLIN", "DEFENCE"})  # whose figure is the official one
_WESTERN_SIDE = frozenset({"WEST", "ESTIMATE"})
_NORTH_FOUGHT = frozenset({"END", "NORTH", "WAR", "SOLDIER", "RUSSIAN"})  # how it ended there, and nothing else
_REGIONS = frozenset({"EAST", "NORTH", "BELARUS"})  # the places the article names troops in
_TROOPS_AT = MOVEMENT_CONCEPTS | {"WAR"}  # where troops went or fight: "how many went to Belarus?" counts an army
_UKRAINIAN, _UKRAINE, _KREMLIN = "UKRAINIAN", "UKRAINE", "KREMLIN"
_BRITISH, _WEST, _RUSSIAN = "BRITISH", "WEST", "RUSSIAN"
_BROADCAST = SETTING_CONCEPTS - {_BRITISH}  # the interview and the broadcaster, not the nation
_LEADER, _RANK = "LEADER", "RANK"
_LATER, _ARTICLES_MONTH = "LATER", frozenset({"MARCH"})  # the month of the article's latest official figure
_OTHER_SIDES = frozenset({"WEST", "UKRAINIAN", "ELSEWHERE", "ZELENSKY"})  # not the Kremlin's side
_SOURCES = frozenset({"OFFICIAL", "DEFENCE", "KREMLIN"})  # who gives a figure: officials, a ministry, a government
_CONTRASTED = frozenset().union(*CONTRAST_CLASSES, {"PESKOV"})  # the sides a negation can set aside
# Losses, estimates of them, or another question: not a headcount ("how many did not come home?", "when…").
_NOT_A_HEADCOUNT = frozenset({"DEATH", "WOUNDED", "PRISONER", "HEAVY", "HOME", "WEST", "ESTIMATE", "OFFICIAL"}) | (
    _QUESTION_WORD_CONCEPTS
)
_QUESTION_MARKS = ("?", "？", "¿")
_SENTENCE_ENDS = ("?", "!", ".", "…", "？", "！", "。", ";", ")")
# Where one sentence of a message ends and the next begins; a colon too, after a preamble ("Sentite, prima di
# scannarci nel gruppo: cos'è successo al nord?").
_SENTENCE_BREAK = re.compile(r"(?<=[.!?…？！。:])\s+")


@dataclass(frozen=True)
class _WhatAsked:
    """What a what- or which-word asks: content ("what did he admit…?") or the setting ("which channel…?")."""

    content: bool
    setting: bool


@dataclass(frozen=True)
class _Placing:
    """Where the parts of a question stand: the words a negation sets aside (``excluded``), where a source the
    asker disowns or his own reason starts (``disowned``: "…, не по кремлівських цифрах", "…, бо я не знаю";
    what follows is dropped), where the question proper starts after a premise granted first (``premise``),
    the clause describing the person asked about (``clause``: dropped, or only counted where a curated
    question names its words too), and where the asker's guess at another answer starts (``guessed``: counted
    only where a curated question names it too)."""

    excluded: set[int]
    disowned: int
    premise: int
    clause: range
    clause_dropped: bool
    guessed: int


_FOLDED_LETTERS = str.maketrans({"і": "и", "ы": "и", "є": "е", "э": "е"})


def _fold(word: str) -> str:
    """``word`` with the Ukrainian and Russian letters people type for each other made one: і and ы as и, є
    and э as е (ї, й and ё are folded already by normalisation)."""
    return word.translate(_FOLDED_LETTERS)


def _by_length(words: Iterable[str]) -> dict[int, list[str]]:
    """``words`` under their lengths."""
    index: dict[int, list[str]] = defaultdict(list)
    for word in words:
        index[len(word)].append(word)
    return dict(index)


def _letters(word: str) -> str:
    """The letters of ``word`` in sorted order: the same for every order they are typed in."""
    return "".join(sorted(word))


def _by_letters(words: Iterable[str]) -> dict[str, list[str]]:
    """``words`` under their sorted letters."""
    index: dict[str, list[str]] = defaultdict(list)
    for word in words:
        index[_letters(word)].append(word)
    return dict(index)


class _DeletionIndex:
    """Words under every spelling with at most one letter left out ("wher" → where): a word one edit from
    another (a letter added, dropped, changed, or two swapped) shares such a spelling with it.

    Stored lean, as one string per spelling (the word itself, or several joined by spaces), since a
    knowledge base of 50,000 questions yields some 50,000 spellings.
    """

    def __init__(self, words: Iterable[str]) -> None:
        index: dict[str, str] = {}
        for word in sorted(set(words)):
            for spelling in _with_a_letter_left_out(word):
                held = index.get(spelling)
                index[spelling] = word if held is None else f"{held} {word}"
        self._index = index

    def words(self, spelling: str) -> list[str]:
        """The words that are ``spelling`` or become it with one letter left out."""
        held = self._index.get(spelling)
        return [] if held is None else held.split(" ")

    def near(self, typed: str) -> set[str]:
        """The words sharing a spelling with ``typed``: all those one edit away, and a few more."""
        return {word for spelling in _with_a_letter_left_out(typed) for word in self.words(spelling)}


class _StemIndex:
    """The lexicon's longer stems, for a slip in a word known only by its stem ("спцоперація" for
    "спецоперація", "прихоовували" for "приховували"): the word is no known word, and the stem lies too far
    from it to be one edit away.

    Only slips that seldom make another real word are taken: a letter dropped, added or two swapped in the
    stem's part of the word, with the stem's last letter where the word's stem part ends. A changed letter
    ("вирішили" for "вируши…", "ripartire" for "repart…") is as often a real word beginning alike."""

    MIN_LENGTH = 6  # a shorter stem begins too many real words one slip away
    MAX_ENDING = 4  # letters after the stem: an inflection ("прихову-вали"), not another word built on it

    def __init__(self, stems: Iterable[str]) -> None:
        self._deletions = _DeletionIndex(stem for stem in stems if len(stem) >= self.MIN_LENGTH)

    def slipped(self, word: str) -> set[str]:
        """The stems ``word`` begins with one such slip."""
        found: set[str] = set()
        for cut in range(max(self.MIN_LENGTH, len(word) - self.MAX_ENDING), len(word)):
            typed = word[:cut]
            found.update(
                stem
                for stem in self._deletions.near(typed)
                if stem[-1] == typed[-1]
                and (len(stem) != len(typed) or sorted(stem) == sorted(typed))
                and OSA.distance(typed, stem, score_cutoff=1) <= 1
            )
        return found


class _FoldedIndex:
    """The words with a letter of one language's look-alikes under those letters folded together ("офіційна",
    "официйна" and "официина" alike): people type one language's letters in the other's words, often more
    than once a word, which plain edits count as so many slips. Only words the folding changes are held (a
    Ukrainian і or є, a Russian ы or э): a word it leaves alone is found by the plain edits."""

    def __init__(self, words: Iterable[str]) -> None:
        folded: dict[str, list[str]] = defaultdict(list)
        for word in words:
            if (key := _fold(word)) != word:
                folded[key].append(word)
        self._words = dict(folded)
        self._deletions = _DeletionIndex(self._words.keys())

    def near(self, typed: str, slips: int) -> list[tuple[int, str]]:
        """The words ``typed`` is, its look-alike letters aside, with at most ``slips`` (0 or 1) other slips."""
        folded = _fold(typed)
        return [
            (distance, word)
            for key in self._deletions.near(folded)
            if (distance := int(OSA.distance(folded, key, score_cutoff=1))) <= slips
            for word in self._words[key]
        ]


_FAMILIES: Mapping[str, frozenset[str]] = {"ru": frozenset({"ru", "uk"}), "uk": frozenset({"ru", "uk"})}


def _defines(defined: frozenset[str], named: set[str]) -> bool:
    """True when a curated "who is…" question about ``defined`` answers one naming ``named``: the same one,
    perhaps with a guess at who he is beside the name ("who is Peskov, the foreign minister?")."""
    return defined == named or (bool(defined) and defined <= named and named - defined <= IDENTITY_CONCEPTS)


def _read_as(tokens: list[_Token], read: Set[str], concept: str, weight: float) -> list[_Token]:
    """``tokens`` with those asking only concepts of ``read`` read as ``concept`` instead, which is then asked
    once (by the first of them, keeping its certainty and whether it is optional)."""
    kept: list[_Token] = []
    asked = any(t.options == {concept} for t in tokens)
    for token in tokens:
        if not token.options <= read:
            kept.append(token)
        elif not asked:
            kept.append(replace(token, options=frozenset({concept}), weight=weight))
            asked = True
    return kept


def _single_concepts(tokens: Iterable[_Token]) -> set[str]:
    """The concepts asked for certain: those of tokens with one concept (not a half-typed word's several)."""
    return {c for t in tokens if len(t.options) == 1 for c in t.options}


def _with_a_letter_left_out(word: str) -> set[str]:
    """``word`` itself and every spelling of it with one letter left out."""
    return {word, *(word[:i] + word[i + 1 :] for i in range(len(word)))}


def _beginning_with(ordered: Sequence[str], prefix: str) -> range:
    """The positions, in the sorted ``ordered``, of the strings that begin with ``prefix``."""
    start = end = bisect.bisect_left(ordered, prefix)
    while end < len(ordered) and ordered[end].startswith(prefix):
        end += 1
    return range(start, end)


def _key_neighbours(*keyboards: tuple[str, ...]) -> dict[str, str]:
    """Each key's neighbours on staggered keyboards given row by row: beside it, and above and below it."""
    neighbours: dict[str, set[str]] = defaultdict(set)
    for rows in keyboards:
        for r, row in enumerate(rows):
            for i, key in enumerate(row):
                near = [row[j] for j in (i - 1, i + 1) if 0 <= j < len(row)]
                if r > 0:
                    near += [rows[r - 1][j] for j in (i, i + 1) if j < len(rows[r - 1])]
                if r + 1 < len(rows):
                    near += [rows[r + 1][j] for j in (i - 1, i) if 0 <= j < len(rows[r + 1])]
                neighbours[key].update(n for n in near if n != key)
    return {key: "".join(sorted(near)) for key, near in neighbours.items()}


# QWERTY, and the Russian and Ukrainian layouts, as normalised text spells their letters (й is и, ё is е).
_KEY_NEIGHBOURS = _key_neighbours(
    ("qwertyuiop", "asdfghjkl", "zxcvbnm"),
    ("ицукенгшщзхъ", "фывапролджэ", "ячсмитьбю"),
    ("ицукенгшщзхї", "фівапролджє", "ячсмитьбю"),
)


def _swapped(words: Iterable[str], *, lengths: range) -> dict[str, set[str]]:
    """Each word of ``lengths`` under every spelling with two neighbouring letters swapped: "dide" → {"died"}."""
    index: dict[str, set[str]] = defaultdict(set)
    for word in words:
        if len(word) in lengths:
            for i in range(len(word) - 1):
                if word[i] != word[i + 1]:
                    index[word[:i] + word[i + 1] + word[i] + word[i + 2 :]].add(word)
    return index


def _undoubled(known: str, typed: str) -> bool:
    """True when ``typed`` is ``known`` with one of a doubled letter left out ("cal" for "call")."""
    return any(known[i] == known[i + 1] and known[:i] + known[i + 1 :] == typed for i in range(len(known) - 1))


def _shared_beginning(first: str, second: str) -> int:
    """How many leading characters two words share."""
    shared = 0
    for a, b in zip(first, second, strict=False):
        if a != b:
            break
        shared += 1
    return shared


@dataclass(frozen=True, slots=True)
class Collision:
    """A curated question the matcher would not send to its own entry."""

    entry_id: str
    language: str
    question_index: int  # within that language's questions
    question: str
    result: MatchResult

    def describe(self) -> str:
        """What admins read: where the question goes instead, and how close it was."""
        best = self.result.best
        own = next((c.score for c in self.result.candidates if c.entry.id == self.entry_id), None)
        own_text = f"its own entry scores {own:.2f}" if own is not None else "its own entry is not in the top"
        if self.result.decision is Decision.AMBIGUOUS and best is not None and best.entry.id == self.entry_id:
            rival = next(c for c in self.result.candidates[1:])
            return f"question {self.question!r} is ambiguous with entry {rival.entry.id!r} ({rival.score:.2f})"
        target = f"entry {best.entry.id!r} ({best.score:.2f})" if best is not None else "no entry"
        return f"question {self.question!r} goes to {target}; {own_text}"


def find_collisions(matcher: Matcher) -> list[Collision]:
    """Every curated question that would not get its own entry as a clear answer."""
    found: list[Collision] = []
    for entry in matcher.entries:
        expected = Decision.ANSWER if entry.covered else Decision.NOT_COVERED
        numbering: dict[str, int] = defaultdict(int)
        for language, question in entry.all_questions():
            index = numbering[language]
            numbering[language] += 1
            result = matcher.match(question, partial=False)
            best = result.best
            if result.decision is not expected or best is None or best.entry.id != entry.id:
                found.append(Collision(entry.id, language, index, question, result))
    return found
