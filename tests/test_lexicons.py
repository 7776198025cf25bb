"""The Italian, Russian and Ukrainian lexicons: well formed, consistent with English, and right on real questions.

The lookup here is a small local one (exact form first, then the longest stem), so these tests pin the word
knowledge itself, not how the matcher uses it. A second lookup merges every language the way the matcher
does (English first), to show that no language's words spoil another's.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from types import ModuleType

import pytest

from bot.core import lexicon as english
from bot.core import lexicon_it, lexicon_ru, lexicon_uk
from bot.core.text import normalise, rewrite_phrases

MIN_STEM = 4
NAMES = frozenset(
    {
        "STOPWORDS",
        "SYNONYMS",
        "PREMISE_ENDS",
        "QUESTION_STARTS",
        "BECAUSE",
        "FIRST_PERSON",
        "EXPLAIN",
        "DONE_OPENERS",
        "STEMS",
        "PHRASES",
        "SHORTHANDS",
        "ACTORS",
        "PRONOUNS",
        "PLURAL_PRONOUNS",
        "COURTESIES",
        "DEFINING_OPENERS",
        "MEANING_SHAPES",
        "WHAT_WORDS",
        "WHICH_WORDS",
        "RELATIVES",
        "NEGATIONS",
        "ALTERNATIVES",
        "WHY_OPENERS",
        "CONTRASTS",
        "TRUTH_WORDS",
        "ACCORDING",
        "PERSON_HEADS",
    }
)
ENGLISH_CONCEPTS = frozenset(english.SYNONYMS)


@dataclass(frozen=True)
class Lexicon:
    """One language's lexicon with a local lookup: exact form first, then the longest stem."""

    code: str
    stopwords: frozenset[str]
    synonyms: Mapping[str, tuple[str, ...]]
    stems: Mapping[str, tuple[str, ...]]
    phrases: Mapping[str, str]
    shorthands: Mapping[str, str]
    actors: Mapping[str, str]

    def exact(self) -> dict[str, str]:
        return {word: concept for concept, words in self.synonyms.items() for word in words}

    def stem_table(self) -> dict[str, str]:
        return {prefix: concept for concept, prefixes in self.stems.items() for prefix in prefixes}

    def concept(self, word: str) -> str | None:
        return _lookup(word, self.exact(), self.stem_table())

    def concepts(self, text: str) -> set[str]:
        return _concepts(text, self.phrases, self.shorthands, self.stopwords, self.actors, self.concept)


def _lookup(word: str, exact: Mapping[str, str], stems: Mapping[str, str]) -> str | None:
    found = exact.get(word)
    if found is not None:
        return found
    for length in range(len(word), MIN_STEM - 1, -1):
        found = stems.get(word[:length])
        if found is not None:
            return found
    return None


def _concepts(
    text: str,
    phrases: Mapping[str, str],
    shorthands: Mapping[str, str],
    stopwords: frozenset[str],
    actors: Mapping[str, str],
    concept: Callable[[str], str | None],
) -> set[str]:
    found: set[str] = set()
    for word in rewrite_phrases(normalise(text), phrases, shorthands).split():
        if word in stopwords:
            continue
        meaning = actors.get(word) or concept(word)
        if meaning is not None:
            found.add(meaning)
    return found


def _load(code: str, module: ModuleType) -> Lexicon:
    return Lexicon(
        code=code,
        stopwords=module.STOPWORDS,
        synonyms=module.SYNONYMS,
        stems=module.STEMS,
        phrases=module.PHRASES,
        shorthands=module.SHORTHANDS,
        actors=module.ACTORS,
    )


MODULES: dict[str, ModuleType] = {"it": lexicon_it, "ru": lexicon_ru, "uk": lexicon_uk}
LEXICONS: dict[str, Lexicon] = {code: _load(code, module) for code, module in MODULES.items()}
CODES = tuple(LEXICONS)


@dataclass(frozen=True)
class Merged:
    """Every language at once, as the matcher reads them: English first wins a clash of exact forms."""

    stopwords: frozenset[str]
    exact: Mapping[str, str]
    stems: Mapping[str, str]
    phrases: Mapping[str, str]
    shorthands: Mapping[str, str]
    actors: Mapping[str, str]

    def concept(self, word: str) -> str | None:
        return _lookup(word, self.exact, self.stems)

    def concepts(self, text: str) -> set[str]:
        return _concepts(text, self.phrases, self.shorthands, self.stopwords, self.actors, self.concept)


def _merge(lexicons: Iterable[Lexicon]) -> Merged:
    stopwords = set(english.STOPWORDS)
    exact = {word: concept for concept, words in english.SYNONYMS.items() for word in words}
    stems: dict[str, str] = {}
    phrases = dict(english.PHRASES)
    shorthands = dict(english.SHORTHANDS)
    actors: dict[str, str] = {}
    for lexicon in lexicons:
        stopwords |= lexicon.stopwords
        phrases.update(lexicon.phrases)
        shorthands.update(lexicon.shorthands)
        actors.update(lexicon.actors)
        for word, concept in lexicon.exact().items():
            exact.setdefault(word, concept)
        for prefix, concept in lexicon.stem_table().items():
            stems.setdefault(prefix, concept)
    return Merged(frozenset(stopwords), exact, stems, phrases, shorthands, actors)


MERGED = _merge(LEXICONS.values())


def _module(code: str) -> ModuleType:
    """The lexicon module of ``code``, English included."""
    return english if code == "en" else MODULES[code]


def _assert_normalised(texts: Iterable[str]) -> None:
    for text in texts:
        assert normalise(text) == text, f"{text!r} normalises to {normalise(text)!r}"


def _words(groups: Mapping[str, tuple[str, ...]]) -> list[tuple[str, str]]:
    return [(concept, word) for concept, words in groups.items() for word in words]


# -- shape ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("code", CODES)
def test_module_defines_exactly_the_lexicon_names(code: str) -> None:
    module = MODULES[code]
    public = {name for name in vars(module) if not name.startswith("_")} - {"Mapping", "annotations"}
    assert public == NAMES
    lexicon = LEXICONS[code]
    assert isinstance(lexicon.stopwords, frozenset)
    for groups in (lexicon.synonyms, lexicon.stems):
        assert isinstance(groups, Mapping)
        for words in groups.values():
            assert isinstance(words, tuple)
            assert all(isinstance(word, str) and word for word in words)
    assert all(isinstance(k, str) and isinstance(v, str) for k, v in lexicon.phrases.items())
    assert all(isinstance(k, str) and isinstance(v, str) for k, v in lexicon.actors.items())


@pytest.mark.parametrize("code", CODES)
def test_uses_only_english_concepts(code: str) -> None:
    lexicon = LEXICONS[code]
    used = set(lexicon.synonyms) | set(lexicon.stems) | set(lexicon.actors.values())
    assert used <= ENGLISH_CONCEPTS, sorted(used - ENGLISH_CONCEPTS)


@pytest.mark.parametrize("code", CODES)
def test_covers_every_english_concept(code: str) -> None:
    lexicon = LEXICONS[code]
    missing = ENGLISH_CONCEPTS - set(lexicon.synonyms) - set(lexicon.stems)
    assert not missing, sorted(missing)


@pytest.mark.parametrize("code", CODES)
def test_no_word_or_stem_in_two_concepts(code: str) -> None:
    lexicon = LEXICONS[code]
    for groups in (lexicon.synonyms, lexicon.stems):
        seen: dict[str, str] = {}
        for concept, word in _words(groups):
            assert word not in seen, f"{word!r} is in both {seen[word]} and {concept}"
            seen[word] = concept
    exact = lexicon.exact()
    for prefix, concept in lexicon.stem_table().items():
        assert exact.get(prefix, concept) == concept, f"stem {prefix!r} is a {exact[prefix]} word"


@pytest.mark.parametrize("code", CODES)
def test_stopwords_are_not_synonyms(code: str) -> None:
    lexicon = LEXICONS[code]
    both = lexicon.stopwords & set(lexicon.exact())
    assert not both, sorted(both)


@pytest.mark.parametrize("code", CODES)
def test_no_stem_swallows_a_stopword(code: str) -> None:
    lexicon = LEXICONS[code]
    stems = lexicon.stem_table()
    swallowed = {word: _lookup(word, {}, stems) for word in lexicon.stopwords}
    assert not {w: c for w, c in swallowed.items() if c is not None}


def _assert_written_normalised(
    words: Iterable[str], phrases: Mapping[str, str], *, one_word_replacements: bool
) -> None:
    """Words as the matcher sees them; phrases of several words, and what they are rewritten to."""
    words = list(words)
    _assert_normalised(words)
    assert not [word for word in words if " " in word]
    _assert_normalised(phrases)
    _assert_normalised(phrases.values())
    one_word = [phrase for phrase in phrases if " " not in phrase]
    assert not one_word, f"{one_word} are one word: they belong in SYNONYMS or STOPWORDS"
    if one_word_replacements:
        assert not [replacement for replacement in phrases.values() if " " in replacement]


@pytest.mark.parametrize("code", CODES)
def test_everything_is_written_normalised(code: str) -> None:
    lexicon = LEXICONS[code]
    singles = [*lexicon.stopwords, *lexicon.exact(), *lexicon.stem_table(), *lexicon.actors]
    _assert_written_normalised(singles, lexicon.phrases, one_word_replacements=True)


def test_the_english_lexicon_is_written_normalised_too() -> None:
    words = [*english.STOPWORDS, *(word for group in english.SYNONYMS.values() for word in group)]
    # English replacements may be several words ("get out of" → "withdraw from").
    _assert_written_normalised(words, english.PHRASES, one_word_replacements=False)


@pytest.mark.parametrize("code", CODES)
def test_stems_are_long_enough(code: str) -> None:
    short = [prefix for prefix in LEXICONS[code].stem_table() if len(prefix) < MIN_STEM]
    assert not short


@pytest.mark.parametrize("code", CODES)
def test_phrases_stand_for_known_words(code: str) -> None:
    lexicon = LEXICONS[code]
    truth_words = _module(code).TRUTH_WORDS  # "на самом деле" is "реально": filler that marks what is real
    for phrase, replacement in lexicon.phrases.items():
        known = replacement.isdigit() or lexicon.concept(replacement) is not None  # a figure, or a known word
        marker = replacement in ("", english.SMALL_TALK, english.HEARSAY, *truth_words)
        assert marker or known, f"{phrase!r} → {replacement!r}"


@pytest.mark.parametrize("code", ["en", *CODES])
def test_shorthands_spell_out_one_word_of_their_own_language(code: str) -> None:
    module = _module(code)
    own_words = module.STOPWORDS | {word for words in module.SYNONYMS.values() for word in words}
    _assert_normalised([*module.SHORTHANDS, *module.SHORTHANDS.values()])
    for shorthand, word in module.SHORTHANDS.items():
        assert len(shorthand.split()) == len(word.split()) == 1, f"{shorthand!r} → {word!r}"
        assert word in own_words, f"{shorthand!r} spells out {word!r}, which the {code} lexicon does not know"
        meant = MERGED.concept(shorthand)  # a shorthand that already means something must mean the same
        assert meant is None or meant == MERGED.concept(word), f"{shorthand!r} is {meant}, {word!r} is not"


@pytest.mark.parametrize("code", ["en", *CODES])
def test_pronouns_are_filler_unless_they_stand_for_the_referent(code: str) -> None:
    # "he" is not a word of its own: only with no one named does it stand for the article's spokesman.
    module = _module(code)
    assert module.PRONOUNS
    assert module.PRONOUNS <= module.STOPWORDS
    assert module.PLURAL_PRONOUNS  # "they": the troops, when asked only where they went
    assert module.PLURAL_PRONOUNS <= module.STOPWORDS
    assert english.REFERENT in ENGLISH_CONCEPTS
    assert english.PERSON_CONCEPTS <= ENGLISH_CONCEPTS
    assert english.ROLE_CONCEPTS | english.IDENTITY_CONCEPTS <= ENGLISH_CONCEPTS


@pytest.mark.parametrize("code", ["en", *CODES])
def test_courtesies_are_single_normalised_words_that_ask_nothing(code: str) -> None:
    # Thanks and greetings make "thanks bot" small talk; a word that names a concept would hide a question.
    module = _module(code)
    assert module.COURTESIES
    _assert_normalised(module.COURTESIES)
    for word in module.COURTESIES:
        assert " " not in word
        assert MERGED.concept(word) is None or word in MERGED.stopwords, f"{word!r} names {MERGED.concept(word)}"


@pytest.mark.parametrize("code", ["en", *CODES])
def test_defining_openers_are_normalised_question_words(code: str) -> None:
    # "who is", "что такое": matched against the first words of a normalised question.
    module = _module(code)
    assert module.DEFINING_OPENERS
    _assert_normalised(module.DEFINING_OPENERS)
    assert english.ENTITY_CONCEPTS <= ENGLISH_CONCEPTS


@pytest.mark.parametrize("code", ["en", *CODES])
def test_meaning_shapes_are_normalised_words_around_one_gap(code: str) -> None:
    # "what does … mean", "cosa vuol dire …", "… meaning": matched against a normalised question, the gap one
    # word, with words on at least one side of it.
    module = _module(code)
    assert module.MEANING_SHAPES
    for shape in module.MEANING_SHAPES:
        before, gap, after = shape.partition("…")
        assert gap, shape
        assert "…" not in after, shape
        assert before.strip() or after.strip(), shape
        _assert_normalised({side.strip() for side in (before, after) if side.strip()})


@pytest.mark.parametrize("code", ["en", *CODES])
def test_relatives_and_person_heads_are_normalised_single_words(code: str) -> None:
    # "that", "che", "который"; "guy", "tizio", "мужик": found word by word in a normalised question.
    module = _module(code)
    for words in (module.RELATIVES, module.PERSON_HEADS):
        assert words
        _assert_normalised(words)
        assert all(" " not in word for word in words)


@pytest.mark.parametrize("code", ["en", *CODES])
def test_alternatives_are_normalised_shapes_no_phrase_rewrites(code: str) -> None:
    # "or just", "чи просто": matched word by word against a rewritten question, so a phrase of any language
    # rewriting one ("як завжди" is filler) would keep it from ever matching.
    module = _module(code)
    assert module.ALTERNATIVES
    _assert_normalised(module.ALTERNATIVES)
    for shape in module.ALTERNATIVES:
        assert len(shape.split()) > 1, shape
        assert rewrite_phrases(shape, MERGED.phrases, MERGED.shorthands) == shape, shape


# Words that mark how a question is put, all filler for matching, found word by word in a normalised question;
# True where a language may have none.
_MARKING_WORDS = {
    "NEGATIONS": False,  # "not", "не": what follows is set aside
    "WHAT_WORDS": False,  # "what", "cosa", "что": a question about content, not about a setting
    "WHICH_WORDS": False,  # "which", "quale": before a setting, they ask it, as a what-word does
    "WHY_OPENERS": True,  # "чого": filler mid-question ("чого не вистачає"), a colloquial why opening one
    "CONTRASTS": False,  # "officially 1,351, *but* how many *really*?": the real toll asked
    "TRUTH_WORDS": False,
    "ACCORDING": False,  # "not *according* to their fairy tales": a source disowned
}


@pytest.mark.parametrize("code", ["en", *CODES])
@pytest.mark.parametrize("name", sorted(_MARKING_WORDS))
def test_words_marking_how_a_question_is_put_are_normalised_filler(code: str, name: str) -> None:
    module = _module(code)
    words = getattr(module, name)
    assert words or _MARKING_WORDS[name], f"{code} has no {name}"
    _assert_normalised(words)
    assert words <= module.STOPWORDS, words - module.STOPWORDS


def test_the_concepts_what_and_which_words_tell_apart_are_english_concepts() -> None:
    assert english.CONTENT_CONCEPTS | english.SETTING_CONCEPTS <= ENGLISH_CONCEPTS


@pytest.mark.parametrize("code", CODES)
def test_actors_are_places_acting(code: str) -> None:
    lexicon = LEXICONS[code]
    for form, concept in lexicon.actors.items():
        assert concept in ENGLISH_CONCEPTS
        assert lexicon.concept(form) in {"UKRAINE", "BELARUS"}  # the same form, read as the place it names


# -- living together: the matcher merges all languages, English first -------------------------------------


@pytest.mark.parametrize("code", CODES)
def test_words_keep_their_concept_when_languages_merge(code: str) -> None:
    lexicon = LEXICONS[code]
    for concept, word in _words(lexicon.synonyms):
        assert word not in MERGED.stopwords, f"{word!r} is filler in another language"
        assert MERGED.concept(word) == concept, f"{word!r} reads as {MERGED.concept(word)} once merged"
    for concept, prefix in _words(lexicon.stems):
        assert MERGED.concept(prefix) == concept, f"stem {prefix!r} reads as {MERGED.concept(prefix)} once merged"


@pytest.mark.parametrize("code", CODES)
def test_stopwords_do_not_hide_other_languages_words(code: str) -> None:
    own = LEXICONS[code].stopwords
    others = {word for other in LEXICONS.values() if other.code != code for word in other.exact()}
    others |= {word for words in english.SYNONYMS.values() for word in words}
    assert not own & others, sorted(own & others)


def test_latin_stems_leave_english_words_alone() -> None:
    english_words = {word for words in english.SYNONYMS.values() for word in words}
    for concept, prefix in _words(lexicon_it.STEMS):
        for word in english_words:
            if word.startswith(prefix):
                assert english.concept_table()[word] == concept, f"{prefix!r} would catch English {word!r}"


# -- real questions ----------------------------------------------------------------------------------------

QUESTIONS: list[tuple[str, str, frozenset[str]]] = [
    # Italian
    ("it", "Quanti soldati russi sono morti?", frozenset({"COUNT", "SOLDIER", "RUSSIAN", "DEATH"})),
    ("it", "perché la russia si è ritirata", frozenset({"WHY", "RUSSIAN", "WITHDRAW"})),
    ("it", "xke nn dicono qnti morti", frozenset({"WHY", "SAY", "COUNT", "DEATH"})),
    (
        "it",
        "Quanti soldati ucraini sono stati uccisi in Ucraina?",
        frozenset({"COUNT", "SOLDIER", "UKRAINIAN", "DEATH", "UKRAINE"}),
    ),
    ("it", "Chi è il portavoce del Cremlino?", frozenset({"WHO", "SPOKESMAN", "KREMLIN"})),
    (
        "it",
        "Dove sono andate le truppe dopo il ritiro dal nord?",
        frozenset({"WHERE", "SOLDIER", "WITHDRAW", "NORTH"}),
    ),
    ("it", "Qual è la stima dell'intelligence occidentale?", frozenset({"ESTIMATE", "WEST"})),
    ("it", "Il Cremlino ha ammesso perdite pesanti?", frozenset({"KREMLIN", "ADMIT", "DEATH", "HEAVY"})),
    ("it", "Quando finirà la guerra?", frozenset({"WHEN", "END", "WAR"})),
    (
        "it",
        "Come chiama la Russia l'invasione? Un'operazione militare speciale",
        frozenset({"CALL", "RUSSIAN", "WAR", "SOLDIER", "SPECIAL"}),
    ),
    ("it", "Quanti civili sono morti in questo momento?", frozenset({"COUNT", "CIVILIAN", "DEATH", "NOW"})),
    ("it", "Quanti carri armati ha perso la Russia?", frozenset({"COUNT", "EQUIPMENT", "DEATH", "RUSSIAN"})),
    ("it", "prigionieri di guerra catturati", frozenset({"PRISONER"})),
    ("it", "Le truppe russe sono tornate in Bielorussia?", frozenset({"SOLDIER", "RUSSIAN", "WITHDRAW", "BELARUS"})),
    (
        "it",
        "Peskov ha detto a Sky News che è un'enorme tragedia",
        frozenset({"PESKOV", "SAY", "SKY", "HEAVY", "TRAGEDY"}),
    ),
    ("it", "Qual è la data dell'articolo?", frozenset({"WHEN", "ARTICLE"})),
    (
        "it",
        "Il ritiro è un'umiliazione o serve a ridurre le tensioni?",
        frozenset({"WITHDRAW", "HUMILIATION", "DOWNSIZE", "TENSION"}),
    ),
    ("it", "La Russia vuole ancora conquistare il Donbass?", frozenset({"RUSSIAN", "GOAL", "CONQUER", "EAST"})),
    ("it", "Perché Mosca nasconde i numeri ufficiali?", frozenset({"WHY", "RUSSIAN", "HIDE", "COUNT", "OFFICIAL"})),
    ("it", "Come mai a che punto sono i colloqui di pace?", frozenset({"WHY", "NEGOTIATION"})),
    ("it", "Quanti soldati ha perso l'Ucraina?", frozenset({"COUNT", "SOLDIER", "UKRAINIAN"})),
    ("it", "L'Ucraina ha perso molti soldati?", frozenset({"UKRAINIAN", "DEATH", "SOLDIER"})),
    ("it", "Perché la Russia ha invaso l'Ucraina?", frozenset({"WHY", "RUSSIAN", "WAR", "UKRAINE"})),
    # Russian
    ("ru", "сколько российских солдат погибло", frozenset({"COUNT", "RUSSIAN", "SOLDIER", "DEATH"})),
    (
        "ru",
        "Почему Россия отвела войска с севера Украины?",
        frozenset({"WHY", "RUSSIAN", "WITHDRAW", "SOLDIER", "NORTH", "UKRAINE"}),
    ),
    (
        "ru",
        "Сколько украинских военных убито на Украине?",
        frozenset({"COUNT", "UKRAINIAN", "SOLDIER", "DEATH", "UKRAINE"}),
    ),
    ("ru", "Сколько солдат потеряла Украина?", frozenset({"COUNT", "SOLDIER", "DEATH", "UKRAINIAN"})),
    ("ru", "Кто такой Дмитрий Песков?", frozenset({"WHO", "PESKOV"})),
    ("ru", "Куда ушли российские войска после отвода?", frozenset({"WHERE", "WITHDRAW", "RUSSIAN", "SOLDIER"})),
    ("ru", "Признал ли Кремль тяжёлые потери?", frozenset({"ADMIT", "KREMLIN", "HEAVY", "DEATH"})),
    ("ru", "Как оценивают потери западные спецслужбы?", frozenset({"ESTIMATE", "DEATH", "WEST"})),
    ("ru", "Когда закончится война?", frozenset({"WHEN", "END", "WAR"})),
    (
        "ru",
        "Как Россия называет вторжение? Специальная военная операция",
        frozenset({"CALL", "RUSSIAN", "WAR", "SPECIAL", "SOLDIER"}),
    ),
    ("ru", "Сколько мирных жителей погибло на данный момент?", frozenset({"COUNT", "CIVILIAN", "DEATH", "NOW"})),
    ("ru", "мирные переговоры и соглашение", frozenset({"NEGOTIATION"})),
    ("ru", "будет ли перемирие между Россией и Украиной", frozenset({"END", "RUSSIAN", "UKRAINE"})),
    ("ru", "Сколько военнопленных и пропавших без вести?", frozenset({"COUNT", "PRISONER"})),
    ("ru", "Российские войска вернулись в Белоруссию?", frozenset({"RUSSIAN", "SOLDIER", "WITHDRAW", "BELARUS"})),
    (
        "ru",
        "Песков сказал Скай Ньюс, что это огромная трагедия",
        frozenset({"PESKOV", "SAY", "SKY", "HEAVY", "TRAGEDY"}),
    ),
    (
        "ru",
        "Отвод войск — жест доброй воли для снижения напряжённости?",
        frozenset({"WITHDRAW", "SOLDIER", "TENSION", "DOWNSIZE"}),
    ),
    ("ru", "Чего добивается Россия в Донбассе?", frozenset({"GOAL", "RUSSIAN", "EAST"})),
    ("ru", "Сколько танков и самолётов уничтожено?", frozenset({"COUNT", "EQUIPMENT", "DEATH"})),
    ("ru", "Почему Кремль скрывает официальные данные?", frozenset({"WHY", "KREMLIN", "HIDE", "OFFICIAL", "COUNT"})),
    ("ru", "гибель мирных украинцев", frozenset({"DEATH", "CIVILIAN", "UKRAINIAN"})),
    # Ukrainian
    ("uk", "скільки українських військових загинуло", frozenset({"COUNT", "UKRAINIAN", "SOLDIER", "DEATH"})),
    (
        "uk",
        "Чому Росія відвела війська з півночі України?",
        frozenset({"WHY", "RUSSIAN", "WITHDRAW", "SOLDIER", "NORTH", "UKRAINE"}),
    ),
    (
        "uk",
        "Скільки російських солдатів загинуло в Україні?",
        frozenset({"COUNT", "RUSSIAN", "SOLDIER", "DEATH", "UKRAINE"}),
    ),
    ("uk", "Скільки солдатів втратила Україна?", frozenset({"COUNT", "SOLDIER", "DEATH", "UKRAINIAN"})),
    ("uk", "Хто такий Пєсков?", frozenset({"WHO", "PESKOV"})),
    ("uk", "Куди пішли російські війська?", frozenset({"WHERE", "WITHDRAW", "RUSSIAN", "SOLDIER"})),
    ("uk", "Чи визнав Кремль великі втрати?", frozenset({"ADMIT", "KREMLIN", "HEAVY", "DEATH"})),
    ("uk", "Як оцінюють втрати західні розвідки?", frozenset({"ESTIMATE", "DEATH", "WEST"})),
    ("uk", "Коли закінчиться війна?", frozenset({"WHEN", "END", "WAR"})),
    (
        "uk",
        "Як Росія називає вторгнення? Спеціальна військова операція",
        frozenset({"CALL", "RUSSIAN", "WAR", "SPECIAL", "SOLDIER"}),
    ),
    ("uk", "Скільки цивільних загинуло на даний момент?", frozenset({"COUNT", "CIVILIAN", "DEATH", "NOW"})),
    ("uk", "мирні переговори та угода", frozenset({"NEGOTIATION"})),
    ("uk", "чи буде перемир'я між Росією та Україною", frozenset({"END", "RUSSIAN", "UKRAINE"})),
    ("uk", "Скільки військовополонених і зниклих безвісти?", frozenset({"COUNT", "PRISONER"})),
    ("uk", "Російські війська повернулися до Білорусі?", frozenset({"RUSSIAN", "SOLDIER", "WITHDRAW", "BELARUS"})),
    (
        "uk",
        "Пєсков в інтерв’ю Скай Ньюс назвав втрати величезною трагедією",
        frozenset({"PESKOV", "INTERVIEW", "SKY", "CALL", "DEATH", "HEAVY", "TRAGEDY"}),
    ),
    ("uk", "Чи стало відведення приниженням для Москви?", frozenset({"WITHDRAW", "HUMILIATION", "RUSSIAN"})),
    ("uk", "Чого прагне Росія на Донбасі?", frozenset({"GOAL", "RUSSIAN", "EAST"})),
    ("uk", "Скільки танків і літаків знищено?", frozenset({"COUNT", "EQUIPMENT", "DEATH"})),
    ("uk", "Чому Кремль приховує офіційні дані?", frozenset({"WHY", "KREMLIN", "HIDE", "OFFICIAL", "COUNT"})),
    ("uk", "загибель мирних українців", frozenset({"DEATH", "CIVILIAN", "UKRAINIAN"})),
    ("ru", "зачем они полезли в украину", frozenset({"WHY", "WAR", "UKRAINE"})),
    ("ru", "кремль выдает отступление за что-то другое", frozenset({"KREMLIN", "CALL", "WITHDRAW"})),
    ("it", "come la raccontano la guerra a mosca", frozenset({"SAY", "WAR", "RUSSIAN"})),
    ("it", "perché erano così abbottonati?", frozenset({"WHY", "HIDE"})),
    ("it", "su quale articolo è basato questo bot?", frozenset({"ARTICLE"})),
    ("ru", "он отделался общими фразами?", frozenset({"SPECIFY"})),
    ("uk", "він відбувся загальними фразами?", frozenset({"SPECIFY"})),
    ("ru", "он опять туману напустил?", frozenset({"SPECIFY"})),
    ("uk", "він знову воду лив?", frozenset({"SPECIFY"})),
    ("it", "quanti ne sono crepati secondo gli inglesi?", frozenset({"COUNT", "DEATH", "BRITISH"})),
    ("uk", "а чого вони пішли з півночі?", frozenset({"WHY", "WITHDRAW", "NORTH"})),
    ("it", "quanti ne sono rimasti secchi", frozenset({"COUNT", "DEATH"})),
    ("ru", "куда они подевались, когда убрались с севера", frozenset({"WHERE", "WHEN", "WITHDRAW", "NORTH"})),
    ("uk", "куди вони поділися, коли забралися з півночі", frozenset({"WHERE", "WHEN", "WITHDRAW", "NORTH"})),
]


@pytest.mark.parametrize(("code", "question", "expected"), QUESTIONS)
def test_real_questions_map_to_their_concepts(code: str, question: str, expected: frozenset[str]) -> None:
    assert LEXICONS[code].concepts(question) == expected
    assert MERGED.concepts(question) == expected


# A word (as typed) → its concept, or None where a stem must not reach.
WORDS: list[tuple[str, str, str | None]] = [
    ("it", "ucraini", "UKRAINIAN"),
    ("it", "Ucraina", "UKRAINE"),
    ("it", "Bielorussia", "BELARUS"),
    ("it", "russe", "RUSSIAN"),
    ("it", "ritirandosi", "WITHDRAW"),
    ("it", "perché", "WHY"),
    ("it", "quante", "COUNT"),
    ("it", "nazionale", None),
    ("it", "negozio", None),
    ("it", "funzionare", None),
    ("ru", "украинских", "UKRAINIAN"),
    ("ru", "украине", "UKRAINE"),
    ("ru", "украинцев", "UKRAINIAN"),
    ("ru", "белорусских", "BELARUS"),
    ("ru", "военнопленных", "PRISONER"),
    ("ru", "военных", "SOLDIER"),
    ("ru", "вооружение", "EQUIPMENT"),
    ("ru", "вооружённые", "SOLDIER"),
    ("ru", "потерпели", "FAIL"),
    ("ru", "потерь", "DEATH"),
    ("ru", "Великобритании", "WEST"),
    ("ru", "великие", "HEAVY"),
    ("ru", "секретарь", "SPOKESMAN"),
    ("ru", "секретные", "HIDE"),
    ("ru", "Пескова", "PESKOV"),
    ("ru", "погибший", "DEATH"),
    ("ru", "зачем", "WHY"),
    ("ru", "куда", "WHERE"),
    ("ru", "мировой", None),
    ("ru", "национальный", None),
    ("ru", "восторг", None),
    ("ru", "ранее", None),
    ("uk", "українських", "UKRAINIAN"),
    ("uk", "Україні", "UKRAINE"),
    ("uk", "українців", "UKRAINIAN"),
    ("uk", "військовополонених", "PRISONER"),
    ("uk", "військових", "SOLDIER"),
    ("uk", "війни", "WAR"),
    ("uk", "зброя", "EQUIPMENT"),
    ("uk", "збройні", "SOLDIER"),
    ("uk", "Пєскова", "PESKOV"),
    ("uk", "Великобританії", "WEST"),
    ("uk", "навіщо", "WHY"),
    ("uk", "куди", "WHERE"),
    ("uk", "визначити", None),
    ("uk", "наступного", None),
    ("uk", "програма", "INTERVIEW"),  # a programme on air, not a stem of losing ("програти")
]


@pytest.mark.parametrize(("code", "typed", "expected"), WORDS)
def test_words_and_stems(code: str, typed: str, expected: str | None) -> None:
    word = normalise(typed)
    assert " " not in word
    assert LEXICONS[code].concept(word) == expected
    assert MERGED.concept(word) == expected
