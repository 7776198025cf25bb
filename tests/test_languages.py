"""Which language a question is written in, and which language the bot answers it in."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.config import BUNDLED_KNOWLEDGE
from bot.core.i18n import MESSAGES
from bot.core.languages import LANGUAGES, REFERENCE, Lexicon, detect_language, load_lexicons, reply_language
from bot.store import Snapshot

LEXICONS = load_lexicons()
SPOKEN = tuple(MESSAGES)
CYRILLIC = ("ru", "uk")
MIN_WORDS_TO_TELL = 3  # one- and two-word questions may be unclear by design


@pytest.fixture(scope="module")
def snapshot() -> Snapshot:
    """The bundled knowledge and its matcher, as the bot loads them."""
    return Snapshot.load([BUNDLED_KNOWLEDGE])


def test_every_language_has_a_lexicon_loaded_once() -> None:
    assert list(LEXICONS) == list(LANGUAGES)
    assert load_lexicons() is LEXICONS
    for code, lexicon in LEXICONS.items():
        assert isinstance(lexicon, Lexicon)
        assert lexicon.code == code
        assert lexicon.stopwords, code
        assert lexicon.synonyms, code


# ------------------------------------------------------------------ detect_language


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # English
        pytest.param("How many Russian soldiers died in Ukraine?", "en", id="en-death-toll"),
        pytest.param("who is peskov", "en", id="en-lower-case"),
        pytest.param("Where did Russian troops go?", "en", id="en-where"),
        pytest.param("russian losses", "en", id="en-two-words"),
        # Italian
        pytest.param("Quanti soldati russi sono morti?", "it", id="it-death-toll"),
        pytest.param("Chi è Peskov?", "it", id="it-accent"),
        pytest.param("chi e peskov", "it", id="it-no-accent"),
        pytest.param("Perché la Russia si è ritirata?", "it", id="it-withdrawal"),
        pytest.param("perdite russe", "it", id="it-two-words"),
        # Russian: letters Ukrainian lacks (ы), or Russian-only words
        pytest.param("Сколько российских солдат погибло?", "ru", id="ru-death-toll"),
        pytest.param("Где проходят мирные переговоры?", "ru", id="ru-letter-ы"),
        pytest.param("Кто такой Песков?", "ru", id="ru-words-only"),
        # Ukrainian: letters Russian lacks (і, є, ї), or Ukrainian-only words
        pytest.param("Скільки російських солдатів загинуло?", "uk", id="uk-death-toll"),
        pytest.param("Хто такий Пєсков?", "uk", id="uk-letter-є"),
        pytest.param("Де проходять мирні переговори?", "uk", id="uk-letter-і"),
        pytest.param("втрати Росії", "uk", id="uk-letter-ї"),
        # Cyrillic words both languages share (солдат, в, у, от) do not decide alone
        pytest.param("Сколько солдат погибло?", "ru", id="ru-shares-солдат"),
        pytest.param("Кто победит в войне?", "ru", id="ru-shares-в"),
        pytest.param("Сколько людей бежали от войны?", "ru", id="ru-shares-от"),
        pytest.param("Хто переможе у війні?", "uk", id="uk-shares-у"),
        pytest.param("Хто такий Песков", "uk", id="uk-russian-spelling-of-a-name"),
        # Without і, ї, є or ґ, one word only Ukrainian knows outweighs none that only Russian knows
        pytest.param("як зварити борщ", "uk", id="uk-one-ukrainian-word-no-ukrainian-letter"),
        pytest.param("дякую, бувай", "uk", id="uk-thanks-and-goodbye"),
        pytest.param("как сварить борщ", "ru", id="ru-one-russian-word-no-russian-letter"),
        # Russian and Ukrainian typed by sound in Latin letters
        pytest.param("skolko soldat pogiblo", "ru", id="ru-in-latin-letters"),
        pytest.param("chomu rosiya vidstupyla?", "uk", id="uk-in-latin-letters"),
        pytest.param("quanti soldati sono morti", "it", id="italian-is-not-read-as-cyrillic"),
        pytest.param("how many died", "en", id="english-is-not-read-as-cyrillic"),
        # English words read by sound may be Ukrainian loanwords (інтерв'ю, канал): not enough beside English
        pytest.param("which chanel interviewd peskov", None, id="english-loanwords-are-not-read-as-cyrillic"),
        # Unclear: one word, a name, a figure, nothing
        pytest.param("Peskov", None, id="a-name"),
        pytest.param("Песков", None, id="a-name-in-cyrillic"),
        pytest.param("soldati", None, id="one-italian-word"),
        pytest.param("soldiers", None, id="one-english-word"),
        pytest.param("сколько погибло", "ru", id="two-cyrillic-words-without-ukrainian-letters"),
        pytest.param("Peskov Kremlin", None, id="two-names"),
        pytest.param("1351", None, id="a-figure"),
        pytest.param("1 351", None, id="a-figure-with-a-space"),
        pytest.param("7.000–15.000", None, id="a-range"),
        pytest.param("?!", None, id="punctuation"),
        pytest.param("", None, id="empty"),
    ],
)
def test_detect_language(question: str, expected: str | None) -> None:
    assert detect_language(question, LEXICONS) == expected


@pytest.mark.parametrize(
    "question",
    [
        pytest.param("Почему Россия отвела войска?", id="why-did-russia-withdraw"),
        pytest.param("Сколько танков потеряла Россия?", id="how-many-tanks"),
        pytest.param("Признала ли Россия потери?", id="did-russia-admit-losses"),
        pytest.param("Что сказал Песков?", id="what-did-peskov-say"),
    ],
)
def test_a_whole_russian_sentence_is_russian_without_letters_only_russian_has(question: str) -> None:
    """Ukrainian spells "Россия" and "Что" as "Росія" and "Що": such a sentence in Cyrillic is not unclear."""
    assert detect_language(question, LEXICONS) == "ru"


def test_a_language_without_a_lexicon_is_never_detected() -> None:
    only_latin = {code: LEXICONS[code] for code in ("en", "it")}
    assert detect_language("Сколько российских солдат погибло?", only_latin) is None
    assert detect_language("Скільки російських солдатів загинуло?", only_latin) is None
    assert detect_language("Quanti soldati russi sono morti?", only_latin) == "it"


@given(st.text())
def test_detect_language_answers_a_known_language_or_none(text: str) -> None:
    assert detect_language(text, LEXICONS) in (None, *LEXICONS)


@given(st.from_regex(r"[0-9 .,\u00a0?–-]*", fullmatch=True))
def test_figures_alone_are_never_a_language(text: str) -> None:
    assert detect_language(text, LEXICONS) is None


# ------------------------------------------------------------------ reply_language


@pytest.mark.parametrize(
    ("question", "matched", "user", "expected"),
    [
        # 1. the question's own language wins over everything else
        pytest.param("Quanti soldati russi sono morti?", "ru", "uk", "it", id="question-over-matched-and-user"),
        pytest.param("Сколько российских солдат погибло?", "uk", "it-IT", "ru", id="ru-question"),
        pytest.param("Скільки російських солдатів загинуло?", "ru", "ru", "uk", id="uk-question"),
        pytest.param("How many Russian soldiers died?", "it", "it", "en", id="en-question"),
        # 2. unclear question: the matched curated question's language, unless it is English
        pytest.param("perdite", "it", "ru", "it", id="matched-over-user"),
        pytest.param("1351", "it", "ru", "ru", id="a-figure-has-no-script-so-the-user-language-decides"),
        pytest.param("Песков", "uk", "en", "uk", id="matched-uk"),
        pytest.param("1351", "en", "it", "it", id="matched-english-does-not-count"),
        pytest.param("1351", "de", "ru", "ru", id="matched-unsupported-does-not-count"),
        # 3. then the user's Telegram language_code, region and case ignored
        pytest.param("1351", None, "it-IT", "it", id="user-it-IT"),
        pytest.param("Peskov", None, "it", "it", id="user-it"),
        pytest.param("Peskov", None, "ru", "ru", id="user-ru"),
        pytest.param("Peskov", None, "UK", "uk", id="user-upper-case"),
        pytest.param("", None, "uk", "uk", id="empty-question-user-uk"),
        # 4. else English, also for a language the bot does not speak
        pytest.param("1351", None, "de", "en", id="user-unsupported"),
        pytest.param("1351", None, "pt-BR", "en", id="user-unsupported-with-region"),
        pytest.param("1351", None, "", "en", id="user-empty"),
        pytest.param("1351", None, None, "en", id="no-user-language"),
        pytest.param("1351", "en", "en-GB", "en", id="all-english"),
    ],
)
def test_reply_language_order_of_fallbacks(question: str, matched: str | None, user: str | None, expected: str) -> None:
    language = reply_language(
        question, lexicons=LEXICONS, available=SPOKEN, matched_language=matched, user_language=user
    )
    assert language == expected


def test_reply_language_only_picks_languages_available() -> None:
    def reply(question: str, user: str | None) -> str:
        return reply_language(question, lexicons=LEXICONS, available=("en", "it"), user_language=user)

    assert reply("Сколько российских солдат погибло?", "ru") == "en"
    assert reply("Сколько российских солдат погибло?", "it") == "it"
    assert reply("Quanti soldati russi sono morti?", "ru") == "it"
    assert (
        reply_language("1351", lexicons=LEXICONS, available=("en",), matched_language="it", user_language="it") == "en"
    )


@given(
    question=st.text(max_size=40),
    matched=st.one_of(st.none(), st.sampled_from([*LANGUAGES, "de", ""])),
    user=st.one_of(st.none(), st.text(max_size=8), st.sampled_from(["it-IT", "ru", "uk-UA", "de"])),
    available=st.sets(st.sampled_from(LANGUAGES)),
)
def test_reply_language_is_always_available_or_english(
    question: str, matched: str | None, user: str | None, available: set[str]
) -> None:
    language = reply_language(
        question, lexicons=LEXICONS, available=available, matched_language=matched, user_language=user
    )
    assert language in available | {REFERENCE}


def test_each_curated_russian_or_ukrainian_question_is_answered_in_its_own_language(snapshot: Snapshot) -> None:
    """What the bot does with the knowledge's own questions, asked by a user whose Telegram is in English."""
    wrong = []
    for entry in snapshot.kb.entries:
        for language in CYRILLIC:
            for question in entry.translations[language].questions:
                if len(question.split()) < MIN_WORDS_TO_TELL:
                    continue
                best = snapshot.matcher.match(question, partial=False).best
                answered_in = reply_language(
                    question,
                    lexicons=LEXICONS,
                    available=SPOKEN,
                    matched_language=best.language if best else None,
                    user_language="en",
                )
                if answered_in != language:
                    wrong.append(f"{entry.id} [{language}] {question!r} → answered in {answered_in}")
    assert not wrong, f"{len(wrong)} curated questions answered in another language:\n" + "\n".join(wrong)
