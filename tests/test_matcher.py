"""The matcher: right entries for the ways people ask, no confident answer for what the article lacks."""

from __future__ import annotations

import random

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from bot.config import BUNDLED_KNOWLEDGE
from bot.core.loader import KnowledgeBase, load_knowledge
from bot.core.matcher import Decision, Matcher, MatcherSettings, find_collisions
from bot.core.models import Entry

KB: KnowledgeBase = load_knowledge([BUNDLED_KNOWLEDGE])
MATCHER = Matcher(KB.entries)
TOLL = {"death-toll", "official-toll", "western-estimates"}
WHY_WITHDRAW = {"withdrawal-reason", "peskov-withdrawal-explanation"}


def assert_answered_by(question: str, expected: set[str]) -> None:
    """The question gets a confident answer from one of the ``expected`` entries."""
    result = MATCHER.match(question)
    assert result.decision is Decision.ANSWER, result
    assert result.best is not None
    assert result.best.entry.id in expected


def assert_read_alike(question: str, plain: str) -> None:
    """The question is answered exactly as its plain wording is: its other words are filler or synonyms."""
    asked, expected = MATCHER.match(question), MATCHER.match(plain)
    assert asked.decision is expected.decision is Decision.ANSWER
    assert asked.candidates == expected.candidates


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("how many russian soldiers were killed in ukraine", TOLL),
        ("RUSSIAN DEATH TOLL???", TOLL),
        ("@factcheck_bot how many troops has russia lost", TOLL),
        ("😢😢 how many russian soldiers died 😢", TOLL),
        ("what number did the russian defence ministry publish", {"official-toll"}),
        ("what do western intelligence services think", {"western-estimates"}),
        ("did the kremlin acknowledge heavy casualties", {"kremlin-admission"}),
        ("who is Peskow", {"who-is-peskov"}),
        ("how many soldeirs died", TOLL),
        ("where did the russian troops go after leaving the north", {"withdrawal-destination"}),
        ("in which direction did the troops head after leaving kyiv?", {"withdrawal-destination"}),
        ("so where are those troops headed now", {"withdrawal-destination"}),  # "now" is no latest figure
        ("where are those troops likely to be thrown in next?", {"withdrawal-reason", "withdrawal-destination"}),
        ("how bad are russia's losses, in his own words?", {"kremlin-admission"}),  # what he said, not "own"
        ("how bad are things for the army, by the spokesman's own account?", {"kremlin-admission"}),
        ("у який бік пішли війська рф після відступу?", {"withdrawal-destination"}),
        ("перекажи коротко, про що стаття", {"about-article"}),  # retelling is a summary
        ("перескажи вкратце статью", {"about-article"}),
        ("перепрошую, хто з кремля зробив цю заяву про втрати?", {"who-is-peskov", "kremlin-admission"}),
        ("кто сделал это заявление о потерях?", {"who-is-peskov", "kremlin-admission"}),
        ("росіяни довго вдавали, ніби втрат нема. чому?", {"russian-reticence"}),  # pretending is hiding
        ("на що тепер москва робить ставку?", {"russia-objectives"}),  # betting on is aiming at
        ("what is russia betting on now?", {"russia-objectives"}),
        ("what word did the reporter use that peskov rejected?", {"humiliation"}),  # rejecting is denying
        ("песков отверг слово журналиста?", {"humiliation"}),
        # Who gave the figure is the official figure's source, not the spokesman who spoke later.
        ("who put out the russian figure and when?", {"official-toll"}),
        ("кто объявил официальную цифру?", {"official-toll"}),
        ("а стаття від якого вона числа?", {"about-article"}),  # "which number" with a pronoun between: a date
        ("а статья от какого она числа?", {"about-article"}),
        ("так він жодної цифри не назвав?", {"peskov-no-number"}),  # "жодної": not any, filler as "any" is
        ("вони що досі цю маячню про спецоперацію несуть?", {"special-operation-framing"}),  # "carry": talk
        ("hi, what kind of stuff can you tell me about?", {"about-article"}),  # what the bot covers
        ("how are they trying to make the retreat look like something else?", {"downsizing-disguise"}),
        ("чого вони так довго язика за зубами тримали про своїх мертвих?", {"russian-reticence"}),  # kept quiet
        ("сколько орков отправилось на концерт кобзона?", TOLL),  # soldiers' slang for dying
        ("peskov he say how much soldiers is dead or no?", {"peskov-no-number"}),  # "how much" of people counts
        ("скільки руснявих загинуло 💀💀", TOLL),
        ("скільки орків двохсотих за версією самої росії", {"official-toll"}),  # Russia's own version
        ("a friend of mine says russia lost up to 15 thousand troops, where is that from?", {"western-estimates"}),
        ("наскільки офіційна цифра загиблих відрізняється від реальної?", {"death-toll"}),  # differing compares
        ("why did russia with", {"withdrawal-reason", "peskov-withdrawal-explanation"}),
        ("how many sol", TOLL),
        ("wher did the troops withdrwa to", {"withdrawal-destination"}),
        ("wat did the kremlim admit", {"kremlin-admission"}),
        ("how does moscow cal the war", {"special-operation-framing"}),  # of call and calm: the doubled letter
        ("quante truppe russe sono mort?", TOLL),  # morti, morto, morta, morte: whichever, one concept
        ("how many troops did russia lsot", TOLL),  # two letters swapped in a short word
        ("so he never gave a number, right?", {"peskov-no-number"}),
        ("ma è vero che ne sono morti 15mila?", {"western-estimates"}),
        ("it's like 15k dead russians, right?", {"western-estimates"}),
        # Not the official figure is the estimate.
        ("how many died really, not the official number?", {"western-estimates"}),
        ("а скільки їх загинуло насправді, не по офіційним даним?", {"western-estimates"}),
        ("quanti morti davvero, non quelli ufficiali?", {"western-estimates"}),
        ("how many really died, not according to the kremlin?", {"western-estimates"}),
        ("quanti sono morti davvero, non secondo mosca?", {"western-estimates"}),
        ("а скільки насправді загинуло, не за версією міноборони?", {"western-estimates"}),
        ("сколько погибло на самом деле, не по версии минобороны?", {"western-estimates"}),
        # Nor is "not the estimates" an estimate.
        ("the official number, not the estimates?", {"official-toll"}),
        ("la cifra ufficiale, non le stime?", {"official-toll"}),
        ("what went on up north, in the end?", {"withdrawal-north"}),
        ("why did moscow call back its troops?", {"withdrawal-reason", "peskov-withdrawal-explanation"}),
        ("what's russia's official excuse for going in?", {"special-operation-framing"}),
        ("why does moscow not admit how many died?", {"russian-reticence"}),
        ("perché mosca non ammette quanti soldati ha perso?", {"russian-reticence"}),
        ("sum up the article in a few lines", {"about-article"}),
        ("how does russia present the war to its own people?", {"special-operation-framing"}),
        ("come presentano la guerra in patria?", {"special-operation-framing"}),
        ("why keep the death toll under wraps?", {"russian-reticence"}),
        ("just a short summary please", {"about-article"}),  # not "shot", as typo mending had it
        ("the figure the defence ministry put out back in late march?", {"official-toll"}),  # not "alte"
        ("they admitted it? since when does moscow admit anything", {"kremlin-admission"}),
    ],
)
def test_answers_the_ways_people_ask(question: str, expected: set[str]) -> None:
    assert_answered_by(question, expected)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("how many soqldiers died", TOLL),  # a letter slipped in
        ("сколко солдат погибло", TOLL),  # a letter left out, in Cyrillic
        ("quanti soldati russi sono morit", TOLL),  # two letters swapped
        ("how many cassualtes did russia admit", {"official-toll", "kremlin-admission"}),  # two slips, long word
        ("was the retreat embarassign for moscow", {"humiliation"}),
        ("why did russia withdrwaul from kyiv", {"withdrawal-reason", "peskov-withdrawal-explanation"}),
        ("тобто вони нарешті зiзналися, що мають великі втрати?", {"kremlin-admission"}),  # a Latin i
        ("who is Рeskov?", {"who-is-peskov"}),  # a Cyrillic Р
        # A slip inside an idiom: the word is mended into the phrase it completes.
        ("ma alla fine quanti ragazzi russi ci hanno lasicato la pelle?", TOLL),
        ("come mai i russi hanno fatto marcia indeitro vicino a Kiev?", WHY_WITHDRAW),
    ],
)
def test_slips_of_one_letter_anywhere_and_of_two_in_a_long_word_are_mended(question: str, expected: set[str]) -> None:
    assert_answered_by(question, expected)


@pytest.mark.parametrize(
    "question",
    [
        "how many ukrainian soldiers died",
        "how many ukraine soldiers died so far",  # the place naming whose soldiers
        "how many ukraine casualties are there?",
        "how many russian soldiers were wounded",
        "how many tanks has russia lost",
        "how many civilians were killed",
        "how many prisoners of war are there",
        "what is the death toll today",
        "how did the talks end after the withdrawal?",
        "чим закінчились переговори після відступу?",
        "how many of the dead were conscripts?",
        "how many soldiers were killed in the fighting for donbass?",
        "is russia going to attack kyiv again?",  # what comes next in the war
        "has the toll gone up since?",  # today's toll
        "did russia manage to conquer the whole donbass in the end?",  # the offensive's outcome, after the article
        "how many russians died trying to take kyiv airport",  # one battle
        "which russian brigade lost the most men",  # one unit
        "So what came out of those negotiations Peskov was on about? Any deal?",  # the talks' outcome
        "did the peace talks in istanbul achieve anything",
        "How many soldiers did Ukraine say Russia lost? Kyiv's number, not the western one",
        "quale reparto russo ha avuto piu perdite in assoluto",
        "Peskov ha detto quanti soldati ucraini hanno ucciso i russi?",  # the Russians only as the ones killing
        "how many Ukrainian troops did Peskov say Russia has killed?",
        "e dalla parte ucraina invece quante perdite ci sono state?",
        "oltre ai morti, i soldati russi feriti quanti sarebbero secondo gli occidentali?",
        "qual è l'ultimo bilancio ufficiale dei caduti russi, quello di questa settimana",
        "quali unita russe hanno avuto più perdite nel nord?",
        "i negoziati hanno portato a qualche accordo concreto o no",
        "e l'Ucraina invece quanti soldati ha perso nel nord?",  # Ukraine asked about before its losses
        "how many russian soldiers are dying these days?",  # today's toll, not the article's
        "of the 7,000 to 15,000 dead how many were chechen fighters",  # one group's share: not in the article
        "when will the special military operation end?",  # the Kremlin's name for the war, asked how it ends
        "how many people had to leave their homes in ukraine",  # refugees
        "is the donbass offensive going well for russia?",  # the war's course
        "so did those negotiations peskov was on about actually produce a ceasefire?",  # the talks' outcome
        "how many ukranian soliders dead",  # "ukranian" is Ukrainian, not Ukraine
        "Did Russia end up capturing the whole of Donbass after all?",
        "Did Peskov say anything about how many Ukrainian troops Russia killed?",  # Russia as the one killing
        "did russia finally conquer the donbass in the end?",  # a conquest asked as done: the outcome
        "did russia conquer the donbas?",
        "so has russia really conquered the donbas?",  # the same, after a word of lead-in
        "so the donbass offensive, did russia actually conquer it in the end?",
        "and ukraine, how many of their boys did they lose?",  # a turn to Ukraine: whose losses
        "what about ukraine, how many dead?",
        "why won't ukraine say how many soldiers it lost?",  # "won't" is "wo not": Ukraine acts
        "e dall'altra parte? le perdite dell'ucraina quante sono",
        "quali reparti russi hanno avuto piu perdite",  # a breakdown by unit
        "how many mines did the russians leave behind when they retreated from the north",
        "how much military aid has the US sent ukraine",  # aid is equipment
        "quando finirà l'operazione militare speciale?",
        "сколько чеченских бойцов погибло под киевом?",
    ],
)
def test_near_misses_get_the_not_covered_entry_not_a_figure(question: str) -> None:
    result = MATCHER.match(question)
    assert result.decision is not Decision.ANSWER, result
    assert result.best is not None
    assert not result.best.entry.covered


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # Words of idioms typed right, or as another form of a word, are left as they are.
        ("vuotato il sacco sulle perdite, come al solito?", {"kremlin-admission"}),
        ("quanti soldati russi ci hanno lasciato la pelle?", TOLL),
    ],
)
def test_a_word_of_a_phrase_is_mended_only_when_it_is_a_slip(question: str, expected: set[str]) -> None:
    assert_answered_by(question, expected)


@pytest.mark.parametrize(
    "question",
    ["how many troops withdrew from kyiv?", "i soldati che si sono ritirati da Kiev quanti erano in tutto?"],
)
def test_how_many_troops_withdrew_is_a_headcount_the_article_never_gives(question: str) -> None:
    assert MATCHER.match(question).decision is Decision.NONE


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("how many soldiers died in the withdrawal?", TOLL),  # losses, not a headcount
        ("When did the troops start pulling back from around Kyiv?", {"withdrawal-north"}),
    ],
)
def test_a_count_of_losses_or_another_question_about_the_withdrawal_is_no_headcount(
    question: str, expected: set[str]
) -> None:
    assert_answered_by(question, expected)


@pytest.mark.parametrize(
    "question",
    [
        "",
        "   ",
        "hi",
        "good morning",
        "qwertyuiop",
        "lol ok bot, are you a real person?",
        "hey bot, how's your day going?",
        "what is the capital of spain",
        "thanks, that's all 👍",
        "ok then al",
        "can you help with my maths homework",
        "how much does sky news pay its reporters?",
        "is putin going to announce a mobilization, how many men will they call up?",  # the army's size
        "путин объявит мобилизацию?",
        "u there bot? 🤖",  # checking the bot is there asks nothing
        "sky news si vede sul digitale terrestre?",  # where to watch the channel, not its interview
    ],
)
def test_small_talk_and_other_topics_get_no_answer(question: str) -> None:
    assert MATCHER.match(question).decision is Decision.NONE


@pytest.mark.parametrize(
    ("question", "answered_sibling"),
    [
        ("Who owns Sky News?", "Who did Peskov talk to on Sky News?"),
        ("how many soldiers does russia have", "how many soldiers has russia lost"),
        ("How big is the Russian army?", "how big are russian losses"),
        ("how old is peskov", "who is peskov"),
        ("what sanctions did the west impose on russia", "what does the west estimate"),
        ("how far is kyiv from belarus", "did the troops go to belarus"),
        ("chi ha fondato sky news?", "a chi ha parlato peskov?"),
        ("а жена у пескова кто", "кто такой песков"),
        ("какая численность российской армии", "сколько российских солдат погибло"),
        ("хто власник sky news", "кому дав інтерв'ю пєсков"),
        ("what is the capital of belarus", "did the troops go to belarus"),
        ("how many viewers does sky news have", "which channel did peskov speak to"),
        ("сколько лет пескову", "кто такой песков"),
        ("как зовут министра обороны", "как зовут пресс-секретаря кремля"),
        ("what time is it in moscow", "when did the russians leave kyiv"),
        ("is sky news reliable", "did peskov speak to sky news"),
        ("how much does peskov earn", "who is peskov"),
        ("сколько зарабатывает пресс-секретарь кремля", "кто такой пресс-секретарь кремля"),
        ("what languages does Peskov speak", "what did peskov say about the losses"),
        ("where does peskov live", "where did peskov say it"),
        ("сколько людей живет в белоруссии", "войска ушли в белоруссию?"),
        ("кто владеет sky news?", "кому песков дал интервью?"),
        ("Sky News di chi è proprietà?", "a chi ha parlato peskov?"),
        ("ma Sky News di chi è?", "a chi ha parlato peskov?"),
        ("скільки років путіну", "хто такий пєсков"),
        ("how big is Russia", "how big are russian losses"),
        ("how many troops does NATO have", "how many troops has russia lost"),
        ("how many soldiers are in the Russian army", "how many soldiers has the russian army lost"),
        ("how many soldiers died in Syria", "how many soldiers died in Ukraine"),
        ("сколько солдат погибло в Афганистане", "сколько солдат погибло в Украине"),
        ("when is the next election in Russia", "what's next for russia?"),
        ("what does NATO stand for", "what does the west estimate"),
        ("does Peskov speak English?", "what did Peskov say?"),
        ("what is the time in Moscow", "when did russia pull back?"),
        ("how do I become a journalist at Sky News?", "which journalist interviewed peskov?"),
        ("can I get to Belarus by train?", "did the troops go to belarus?"),
        ("is Peskov on Twitter?", "who is Peskov?"),
        ("what time is the evening news on Sky News?", "when was the sky news interview?"),
        ("quanto è grande la Russia?", "quanto sono pesanti le perdite russe?"),
        ("che tempo fa a Mosca?", "quando si sono ritirati i russi?"),
        ("сколько солдат в российской армии?", "сколько солдат погибло в российской армии?"),
        ("скільки солдатів у російській армії?", "скільки солдатів загинуло в російській армії?"),
        ("is Belarus a member of the EU?", "did the troops go to belarus?"),
        ("come si fa la carbonara senza panna?", "cosa vuole la russia?"),
        ("is belarus in nato?", "did the troops go to belarus?"),
        ("беларусь в нато?", "войска ушли в белоруссию?"),
        ("how do I subscribe to Sky News?", "did peskov speak to sky news?"),
        ("what channel number is sky news on?", "what channel was the interview on?"),
        ("is sky news available in italy?", "did peskov speak to sky news?"),
        ("who's the main anchor on sky news?", "who interviewed peskov on sky news?"),
        ("what is belarus known for?", "did the troops go to belarus?"),
        ("how much does a kremlin spokesman get paid?", "who is the kremlin spokesman?"),
        ("how do I learn russian quickly?", "why is russia quiet about its losses?"),
        ("how do I get a job as a sky news reporter?", "which sky news reporter interviewed peskov?"),
        ("who is the president of belarus?", "did the troops go to belarus?"),
        ("хто президент білорусі?", "війська пішли до білорусі?"),
        ("la bielorussia è membro della nato?", "le truppe sono andate in bielorussia?"),
        ("чи є білорусь членом нато?", "війська пішли до білорусі?"),
        # The article names them but never says who or what they are: only who Peskov is.
        ("who is Putin?", "who is Peskov?"),
        ("what is NATO", "what do western estimates say"),
        ("where is Belarus?", "did the troops go to belarus?"),
        ("кто такой путин", "кто такой песков"),
        ("chi è Putin?", "chi è Peskov?"),
        ("Where did Dmitry Peskov go to university?", "Where did Peskov say it?"),
        ("dove si è laureato peskov?", "dove ha parlato peskov?"),
        ("what's sky news' share price?", "did peskov speak to sky news?"),
        ("tell me about the history of belarus", "did the troops go to belarus?"),
        ("is it cold in belarus in winter?", "did the troops go to belarus?"),
        ("what does the word humiliation mean?", "did the reporter call it a humiliation?"),
        ("cosa significa la parola umiliazione?", "il giornalista ha parlato di umiliazione?"),
        ("what's your opinion on western governments?", "what do western governments estimate?"),
        ("how many soldiers did belarus lose?", "did the troops go to belarus?"),
        ("and the belarusian army, how many of theirs died?", "did the troops go to belarus?"),
        ("which western governments have the biggest armies?", "what do western governments estimate?"),
        ("how do I apply for a job at sky news as a reporter?", "did peskov speak to sky news?"),
        ("did russia qualify for the euros?", "how many soldiers has russia lost?"),
        ("tell me a joke about soldiers", "how many soldiers has russia lost?"),
        ("how tall are the kremlin walls?", "what did the kremlin admit?"),
        ("whats 15000 minus 7000", "what do western governments estimate?"),
        ("tell me about the nazi invasion of the ussr in 1941", "does russia say it is fighting nazis?"),
        ("come si chiama il ministro della difesa italiano?", "cosa ha detto il ministro della difesa russo?"),
        ("how long has peskov been in the job?", "what is peskov's job?"),
        ("why are the kremlin stars red?", "why did the kremlin admit the losses?"),
        ("how many russian troops are still in belarus?", "did the troops go to belarus?"),
        ("how many soldiers did russia send into ukraine in total?", "how many soldiers has russia lost?"),
        ("why did apple and mcdonald's leave russia?", "why did russia leave the north?"),
        ("what did zelensky say about the russian retreat from the north?", "what did peskov say about the retreat?"),
        ("will bitcoin go up next month?", "what does russia want next?"),
        ("what do you think of putin, honestly?", "what did the kremlin admit?"),
        ("what do u think of putin tbh", "what did the kremlin admit?"),
        ("why did the UK withdraw from the EU?", "why did russia withdraw?"),  # Brexit, not the West's estimate
        ("Who is the US Secretary of Defense?", "who is peskov?"),  # a defence minister, not a press secretary
        ("how long has Peskov been the Kremlin's spokesman?", "who is peskov?"),  # his tenure: not in the article
        ("When did the Nazi regime in Germany actually end?", "does russia say it is fighting nazis?"),
        ("how many soldiers are there in the British Army?", "was it on british tv?"),  # an army's size
        ("can you recommend a good spy novel about Western intelligence?", "what do western spies estimate?"),
        ("what was the name of the Sky News journalist who did the interview", "who did peskov talk to?"),
        ("how do I send a news tip to Sky News", "did peskov speak to sky news?"),  # not "tipo", Italian filler
        # A difference between words, not between the article's two figures
        ("what's the difference between humiliation and embarrassment?", "did the reporter call it a humiliation?"),
        ("What's the difference between a spokesman and a press secretary?", "how big is the gap between the figures?"),
        ("What's the difference between MI6 and the CIA?", "what do western spies say?"),  # one side: no figures
        ("what does Nazi actually stand for", "does russia say it is fighting nazis?"),  # a meaning shape too
        ("reticent meaning", "why is russia reticent about its losses?"),  # typed as into a search box
        ("Who coined the term 'Western governments'?", "what do western governments estimate?"),  # words
        ("does sky news have a paywall", "did peskov speak to sky news?"),  # the broadcaster's business
        ("is vodka cheaper in russia or belarus", "did the troops go to belarus?"),
        ("What's the difference between losses and casualties in accounting?", "compare the two death tolls"),
        ("who is the presenter on Sky News in the mornings?", "did peskov speak to sky news?"),  # its schedule
        ("when is the next eurovision", "what's next for russia?"),
        ("how big is the chinese army compared to the russian one", "how big is the gap between the figures?"),
        ("what did Peskov do before he became the Kremlin's spokesman?", "what is peskov's job?"),  # his career
        ("cosa significa esattamente 'distensione' in politica?", "gesture of detente"),  # the dictionary's
        ("mi dai la definizione di umiliazione", "was it humiliating?"),
        ("who anchors the evening news on sky", "did peskov speak to sky news?"),  # its schedule
        ("did Russia lose thousands of soldiers to frostbite?", "how many russian soldiers died?"),  # a cause
        ("how does Sky News make its money", "did peskov speak to sky news?"),  # the broadcaster's business
        ("When is Orthodox Easter this year?", "where did the troops go in the east?"),  # a feast's date
        ("Can I watch Sky News in the States?", "did peskov speak to sky news?"),
        ("who runs belarus", "did the troops go to belarus?"),
        ("what happened in march 1917 in russia", "what number did russia give in march?"),  # another year
        ("what is NATO and when was it created", "what do western governments estimate?"),
        ("which airlines still fly to minsk", "did the troops go to belarus?"),
        ("what day of the week was march 25 that year", "what number did russia give in march?"),
        ("why does Peskov have that moustache lol", "how did peskov explain the withdrawal?"),
        ("who is the presenter of sky news at night", "did peskov speak to sky news?"),
        ("Which is bigger, Ukraine or France?", "how many soldiers has russia lost in ukraine?"),
        ("quanto ci vuole in macchina da Mosca a Kiev", "i russi si sono ritirati da kiev?"),
        ("si scrive Kiev o Kyiv? qual è quello giusto", "i russi si sono ritirati da kiev?"),
        ("cosa si festeggia il 25 marzo?", "cosa ha detto il ministero il 25 marzo?"),
        ("who is the american press secretary", "what do western governments estimate?"),  # another side's
        ("who is nato's spokesperson", "who is the kremlin spokesman?"),
        ("What is the official Russian toll now, in 2023?", "what is the latest official russian toll?"),
        ("quanti soldati russi sono morti nel 2024?", "quanti soldati russi sono morti?"),
        ("How many soldiers does the British army have in total?", "was it on british tv?"),  # an army's size
        ("у пєскова є брат?", "хто такий пєсков?"),  # his family, not who he is
        ("does peskov have a brother?", "who is peskov?"),
        ("how did spartak moscow do last night", "how many soldiers did moscow lose?"),
        ("quanti morti ha fatto il covid in Russia", "quanti soldati russi sono morti?"),
        ("how many losses did Man United have this season", "how many losses has russia had?"),
        ("which intelligence service is better, MI6 or CIA?", "what do western spies say?"),  # an opinion
        ("ma l'intelligence britannica è meglio della CIA o no? curiosità", "cosa stimano i servizi occidentali?"),
        ("what's the russian word for spokesman", "who is the kremlin spokesman?"),
        ("is the moscow metro open all night", "has russia been open about its dead?"),
        ("storia del Donbass in breve x favore", "la russia vuole il donbass?"),
        ("ho subito un'umiliazione al lavoro oggi, come la supero?", "è stata un'umiliazione?"),
        ("l'intervistatore di Sky News come si chiama? fa anche altri programmi?", "chi ha intervistato peskov?"),
        ("Do you think Western governments are hypocrites?", "what do western governments estimate?"),  # opinion
        ("do you think the British media lies about everything", "was it on british tv?"),
        ("как вы думаете, западные правительства лицемеры?", "что оценивают западные правительства?"),
        ("my boss just called our sales figures a huge tragedy haha, how do I reply", "did peskov call it a tragedy?"),
        ("how do i report losses on my tax return", "how many soldiers has russia lost?"),
        ("did the troops in belarus go back into ukraine later?", "did the troops go to belarus?"),
        ("da dove viene la parola nazi, cosa significa", "la russia dice di combattere i nazisti?"),
        ("who's the presenter who did the peskov interview on sky, is she single lol", "who interviewed him?"),
        ("peskov ha un fratello?", "chi è peskov?"),
        ("what does the name dmitry mean?", "who is dmitry peskov?"),  # a name's meaning
        ("my friend, where is best pizza in Kyiv please?", "where did the troops go?"),
        ("where does the name donbas come from", "does russia want the donbas?"),
        ("da dove viene il nome Donbass, che significa", "la russia vuole il donbass?"),
        ("il nazismo in germania quando è finito di preciso", "la russia dice di combattere i nazisti?"),
        ("quanti soldati bielorussi combattono insieme ai russi?", "le truppe sono andate in bielorussia?"),
        ("сколько белорусских солдат воюет вместе с россиянами?", "войска ушли в беларусь?"),
        ("is it still snowing in belarus in april?", "did the troops go to belarus?"),
        ("any good hotel in minsk you can recommend?", "did the troops go to belarus?"),
        ("mi consigli un albergo a minsk?", "le truppe sono andate in bielorussia?"),
        ("какая погода в минске, снег идёт?", "войска ушли в беларусь?"),
        ("Was Napoleon's retreat from Moscow a humiliation?", "did the reporter call it a humiliation?"),
        ("I heard Peskov got fired right after that Sky News interview, true?", "did peskov speak to sky news?"),
        ("sky news это чья компания вообще", "с кем говорил песков?"),  # whose company: not in the article
        ("personally i think putin is wrong", "what did the kremlin admit?"),  # not "personnel", not an estimate
        ("define humiliation", "did the reporter call it a humiliation?"),
        ("how many soldiers died in world war 2?", "how many soldiers died in ukraine?"),
        ("how much does the uk spend on its intelligence services?", "what do western governments estimate?"),
        ("my withdrawal from the bank didn't go through, what do i do", "where did the troops go?"),
        ("mi dai un sinonimo di umiliazione? mi serve per un tema", "il giornalista ha parlato di umiliazione?"),
        ("come si diventa giornalista a sky news?", "a chi ha parlato peskov?"),
        ("su che canale si vede sky news in italia?", "a chi ha parlato peskov?"),
        ("does peskov speak turkish?", "what did peskov say?"),
        ("how do you deal with humiliation at work? asking for a friend", "did the reporter call it a humiliation?"),
        ("who built the kremlin and when?", "what did the kremlin admit?"),
        ("how many russian soldiers have been sent to ukraine overall?", "how many soldiers has russia lost?"),
        ("who presents the evening show on sky news?", "did peskov speak to sky news?"),
        ("which journalist is the main moscow correspondent for sky?", "did peskov speak to sky news?"),
        ("do they speak russian or belarusian in belarus?", "did the troops go to belarus?"),
        ("best things to see in kyiv?", "did russia leave kyiv?"),
        ("who was the kremlin spokesman before peskov?", "who is peskov?"),
        ("who is the mayor of moscow?", "what did moscow admit?"),
        ("what did biden say at the nato summit in vilnius?", "what do western governments estimate?"),
        ("what do you honestly think of putin?", "what did the kremlin admit?"),
        ("how many troops does russia still have in ukraine?", "how many soldiers has russia lost?"),
        ("how many soldiers did russia send to donbass after the withdrawal?", "where did russia send the troops?"),
        ("what does humiliation mean?", "did the reporter call it a humiliation?"),
        ("what does detente actually mean?", "was the withdrawal a gesture of detente?"),  # filler after the word
        ("what does détente mean, like in history class", "was the withdrawal a gesture of detente?"),
        ("what does detente mean in general?", "was the withdrawal a gesture of detente?"),  # a phrase, no general
        ("che vuol dire distensione? non ho capito la parola", "il ritiro è un gesto di distensione?"),
        ("cosa vuol dire umiliazione?", "il giornalista ha parlato di umiliazione?"),
        ("что значит трагедия?", "песков назвал это трагедией?"),
        ("що означає трагедія?", "пєсков назвав це трагедією?"),
        ("what currency do they use in belarus?", "did the troops go to belarus?"),
        ("is 1351 a prime number?", "where does the figure of 1351 come from?"),
        ("is sky news left-wing or right-wing?", "did peskov speak to sky news?"),
        ("is sky news left or right leaning?", "did peskov speak to sky news?"),  # no troops left
        ("can you recommend a book about western spies?", "what do western spies say?"),  # advice
        (
            "summarise this other article: https://www.bbc.co.uk/news/world-europe-61036740",
            "what is this article about?",
        ),
        ("who plays james bond now?", "what does russia want now?"),
        ("anyone know a good vpn that works in russia?", "how many soldiers has russia lost?"),
        ("who made you? is this run by the government?", "what did the government admit?"),
        ("dov'è nato peskov?", "dove ha parlato peskov?"),
        ("cosa pensano i governi occidentali del cambiamento climatico?", "cosa stimano i governi occidentali?"),
        ("tragedia in greco antico cosa significava?", "peskov ha parlato di tragedia?"),
        ("write a haiku about the kremlin spokesman", "who is the kremlin spokesman?"),
        ("what is 1351 times 3?", "where does the figure of 1351 come from?"),
        ("can someone tell me what time it is in moscow", "when did the russians leave kyiv"),
        ("who built you? is this thing open source?", "what source do you use?"),
        ("are you a russian bot?", "what source do you use?"),
        ("is sky news credible?", "did peskov speak to sky news?"),
        ("si puo andare in vacanza in bielorussia senza visto?", "le truppe sono andate in bielorussia?"),
        ("What did Peskov do for a living before the Kremlin hired him?", "what does peskov do for a living?"),
        ("Is the Kremlin open on Sundays", "what did the kremlin admit?"),
        ("divide 15000 by 7000 pls", "what do western governments estimate?"),
        ("how do I watch Sky News in the US?", "did peskov speak to sky news?"),
        ("what should i tell my kids about the war, they're scared", "what does russia call the war?"),
        ("who made this bot and who is paying for it", "what source do you use?"),
        ("is the new iPhone out yet", "what are russia's new objectives?"),
        ("chi ha vinto ieri Juve Inter", "cosa vuole la russia?"),
        ("secondo te i governi occidentali sono tutti corrotti?", "cosa stimano i governi occidentali?"),
        ("tu da che parte stai, russia o america?", "cosa stimano i governi occidentali?"),
        ("cosa vuol dire la parola tragedia in greco", "peskov ha parlato di tragedia?"),
        ("il ministro della difesa russo ha figli?", "cosa ha detto il ministro della difesa russo?"),
        ("1351 è un numero primo?", "where does the figure of 1351 come from?"),
        ("15000 meno 7000 quanto fa", "cosa stimano i governi occidentali?"),
        ("ma tu sei una persona vera o un programma?", "con quale tv ha parlato peskov?"),
        ("la Bielorussia manderà anche lei truppe a combattere?", "le truppe sono andate in bielorussia?"),
        ("spiegami la storia del Donbass dall'ottocento a oggi", "la russia punta al donbass?"),
        ("sai fare anche le previsioni del tempo o solo sta roba?", "cosa stimano i governi occidentali?"),
        ("quando si vota per le europee?", "cosa stimano i governi occidentali?"),
        ("uè guagliù come state?", "cosa stimano i governi occidentali?"),
        ("what happened in the year 1351?", "where does the figure of 1351 come from?"),
        ("Who was the Sky News reporter, what's her name and where can I follow her?", "did peskov speak to sky news?"),
    ],
)
def test_asking_what_the_article_never_says_about_its_topics_gets_no_answer(
    question: str, answered_sibling: str
) -> None:
    # The sibling shares the topic words and is answered: what is asked about (owner, size, age...) decides.
    assert MATCHER.match(answered_sibling).decision is Decision.ANSWER
    result = MATCHER.match(question)
    assert result.decision is Decision.NONE, result


def test_asking_who_someone_the_article_only_names_is_suggests_the_nearest_entries() -> None:
    result = MATCHER.match("who is Putin?")
    assert result.decision is Decision.NONE
    assert result.best is not None
    assert result.best.entry.id == "who-is-peskov"  # offered as a suggestion, not given as the answer


@pytest.mark.parametrize(
    "question",
    [
        "what's his job at the Kremlin?",
        "what is Peskov's role, remind me?",
        "what's Peskov's job in the Kremlin?",
        "cosa è successo nel nord?",
    ],
)
def test_a_question_that_only_opens_like_who_is_is_matched_as_usual(question: str) -> None:
    assert MATCHER.match(question).decision is Decision.ANSWER


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("who is that Kremlin guy who spoke to British journalists?", {"who-is-peskov"}),
        ("scusate ma chi è quel tizio del cremlino che ha parlato con la tv inglese?", {"who-is-peskov"}),
        ("who is the journalist who interviewed peskov?", {"sky-news-interview"}),
        ("who said that 1351 died?", {"official-toll"}),  # not a who-is question: "that" opens what was said
        # A clause after a word for a person, then the question: what the clause says is not what is asked.
        ("quel tizio del Cremlino che è andato a parlare sulla tv inglese che ruolo ha?", {"who-is-peskov"}),
        ("e il tizio che l'ha ammesso che ruolo ha al Cremlino?", {"who-is-peskov"}),
        ("quel tizio che parla a nome del Cremlino, chi sarebbe esattamente?", {"who-is-peskov"}),
        ("quello che parla a nome de Putin l'ha detto o no che so' morti un sacco de soldati?", {"kremlin-admission"}),
    ],
)
def test_who_a_question_asks_about_is_its_head_not_the_clause_describing_him(question: str, expected: set[str]) -> None:
    assert_answered_by(question, expected)


@pytest.mark.parametrize(
    "question",
    [
        "where did he say it was a huge tragedy?",
        "sta cosa della «enorme tragedia» dove l'ha detta? in che intervista?",
        "Кому саме кремлівський речник розповів про «величезну трагедію»?",
        "where was the admission made?",  # nothing firmer than the admission: it stays
        "Who was he talking to when he called it a huge tragedy?",  # "who … talking to" asks whom
    ],
)
def test_asking_where_or_to_whom_a_quoted_remark_was_made_asks_the_setting(question: str) -> None:
    assert_answered_by(question, {"sky-news-interview"})


def test_a_who_opening_a_clause_is_no_question_about_who() -> None:
    # "the soldiers who died" asks nothing about who: not the spokesman's identity.
    result = MATCHER.match("where did the soldiers who died come from?")
    assert result.decision is not Decision.ANSWER, result


@pytest.mark.parametrize("question", ["what is peskov?", "what is peskovs j", "cos'è peskov?"])
def test_what_someone_is_asks_who_he_is(question: str) -> None:
    assert_answered_by(question, {"who-is-peskov"})


@pytest.mark.parametrize(
    "question",
    [
        "what does 1351 mean?",
        "what does the withdrawal mean?",
        "what does the withdrawal actually mean?",
        "what does detente mean for the war?",  # what follows names something the article holds
        "military special operation meaning",  # more than one bare word before "meaning"
        "what did Peskov mean by a huge tragedy?",
    ],
)
def test_asking_what_a_figure_an_event_or_a_saying_means_is_matched_as_usual(question: str) -> None:
    # Only a bare word in a meaning shape asks for a dictionary.
    assert MATCHER.match(question).decision is Decision.ANSWER


def test_what_someone_the_article_only_names_is_is_still_not_answered() -> None:
    assert MATCHER.match("what is putin?").decision is Decision.NONE


def test_an_entry_whose_questions_name_an_unheld_topic_can_answer_it() -> None:
    def entry(entry_id: str, questions: tuple[str, ...]) -> Entry:
        return Entry(id=entry_id, questions=questions, answer="a", source="s", caveat="c", quote=("q",))

    owners = ("who owns sky news", "sky news owner", "owner of the broadcaster", "sky owners", "owned by whom")
    interview = ("who did peskov talk to on sky news", "sky news interview", "which broadcaster", "sky", "tv")
    matcher = Matcher([entry("owners", owners), entry("interview", interview)])
    result = matcher.match("Who owns Sky News?")
    assert result.decision is Decision.ANSWER
    assert result.best is not None
    assert result.best.entry.id == "owners"


def test_an_unfinished_question_leans_to_the_entry_whose_questions_it_begins() -> None:
    def entry(entry_id: str, questions: tuple[str, ...]) -> Entry:
        return Entry(id=entry_id, questions=questions, answer="a", source="s", caveat="c", quote=("q",))

    # By concepts alone "why did russia" fits both entries alike; but what is typed begins three of the
    # withdrawal's questions and none of the invasion's.
    withdrawal = (
        "why did russia withdraw",
        "why did russia leave kyiv",
        "why did russia give up the north",
        "reason for the retreat",
        "the pullout explained",
    )
    invasion = ("russia's reasons for the war", "why the invasion", "why war", "invasion motive", "the war's cause")
    matcher = Matcher([entry("withdrawal", withdrawal), entry("invasion", invasion)])
    typed = matcher.match("why did russia")
    assert typed.best is not None
    assert typed.best.entry.id == "withdrawal"
    assert all(0.0 <= c.score <= 1.0 for c in typed.candidates)
    assert typed.decision is Decision.ANSWER
    assert matcher.match("why did russia?").decision is Decision.AMBIGUOUS  # finished: nothing is being typed


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("was it the first time the kremlin admitted losses", {"kremlin-admission"}),
        ("это правда первый раз когда кремль признал потери?", {"kremlin-admission"}),
        ("що сталося на півночі в середу", {"withdrawal-north"}),
        ("vorrei cortesemente sapere che incarico ha il signor peskov", {"who-is-peskov"}),
        ("xke la russia si è ritirata?", {"withdrawal-reason", "peskov-withdrawal-explanation"}),
        ("скока русских погибло", TOLL),
        ("come mai mosca è così riservata sui propri morti", {"russian-reticence"}),
        ("what's the real number then", {"western-estimates", "death-toll"}),
        ("when did moscow last put out an official toll?", {"official-toll"}),
        ("why were they keeping quiet about their dead for so long", {"russian-reticence"}),
        ("какие реальные потери россии", {"western-estimates", "death-toll"}),
        ("so peskov didn't say the actual number?", {"peskov-no-number"}),
        ("why do they keep saying it's not a war", {"special-operation-framing"}),
        ("почему в россии говорят что это не война", {"special-operation-framing"}),
        ("so did russia throw in the towel in the north?", {"withdrawal-north", "withdrawal-reason", "humiliation"}),
        ("was it on some uk channel?", {"sky-news-interview"}),
        ("quindi mosca ha vuotato il sacco sulle perdite?", {"kremlin-admission"}),
        ("so how many of their guys actually got killed over there?", TOLL),
        ("what's the body count on the russian side", TOLL),
        ("how many russain soldiers dyed", TOLL),
        ("ну и скока там наших в итоге полегло то?", TOLL),
        ("зачем они ушли из-под Киева, если не секрет", {"withdrawal-reason", "peskov-withdrawal-explanation"}),
        ("why did they go into ukraine in the first place", {"special-operation-framing"}),
        (
            "My uncle says they only lost about a thousand guys. Is that what they officially claimed?",
            {"official-toll"},
        ),
        ("@KremlinLossesBot did he give any number at all", {"peskov-no-number"}),
        ("а он хоть какую-то цифру назвал или опять одна вода?", {"peskov-no-number"}),
        (
            "il portavoce dice che serviva a calmare le acque e a favorire il dialogo?",
            {"peskov-withdrawal-explanation"},
        ),
        ("whats rusia aming for now", {"russia-objectives"}),
        ("quanti russi ci hanno lasciato la pelle?", TOLL),
        ("с чего вдруг русские ушли из-под киева?", {"withdrawal-reason"}),
        ("з якого дива вони звідти драпанули?", {"withdrawal-reason", "peskov-withdrawal-explanation"}),
        ("where does this info come from and how old is it", {"about-article"}),
        ("did the Kremlin guy actually say how many?", {"peskov-no-number"}),
        ("why was russia so quite about there dead", {"russian-reticence"}),
        ("ну и скольких парней они там положили?", TOLL),
        ("то яка в них тепер мета, вже не вся україна?", {"russia-objectives"}),
        ("пєсков щось казав про переговори?", {"peskov-withdrawal-explanation"}),
        ("как кремль подает эту войну своим гражданам", {"special-operation-framing"}),
        ("y did they pull out of the north", {"withdrawal-reason", "peskov-withdrawal-explanation"}),
        ("ok and where did they all go after that?", {"withdrawal-destination"}),  # "they": the troops
        ("sorry my english not so good. the soldiers leave the north and go where?", {"withdrawal-destination"}),
        ("Forget the PR version, what's the real reason the troops moved out?", {"withdrawal-reason"}),
        ("xke nn dicono qnti soldati sono morti?", {"russian-reticence"}),
        ("как они сами называют то что там происходит 🙄", {"special-operation-framing"}),  # "то что…": the war
        ("то есть теперь им только донбасс нужен, а не вся страна?", {"russia-objectives", "downsizing-disguise"}),
        ("тобто вся україна їм уже не треба, тільки донбас?", {"russia-objectives", "downsizing-disguise"}),
        ("на що тепер замахується росія?", {"russia-objectives"}),
    ],
)
def test_words_of_time_politeness_and_chat_spelling_mean_the_same_in_every_language(
    question: str, expected: set[str]
) -> None:
    assert_answered_by(question, expected)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("how many of them came back in coffins?", TOLL),
        ("why does russia hardly ever talk about its dead?", {"russian-reticence"}),
        ("perché mosca parla di rado dei suoi morti?", {"russian-reticence"}),
        ("почему россия почти никогда не говорит о потерях", {"russian-reticence"}),
        ("скажите честно, сколько их погибло", TOLL),
        ("вони самі кажуть що мають великі втрати?", {"kremlin-admission"}),
        ("quante perdite in termini di vite umane per la russia?", TOLL),
        ("how does moscow spin the fact that it scaled back its goals", {"downsizing-disguise"}),
        ("how is the kremlin dressing up its watered-down aims?", {"downsizing-disguise"}),
        ("did russia cut back its goals?", {"russia-objectives", "downsizing-disguise"}),
        ("how does the kremlin present the war to the people at home?", {"special-operation-framing"}),
        ("che numero aveva sparato il ministro della difesa a fine marzo?", {"official-toll"}),
        ("какую цифру минобороны дало в конце марта?", {"official-toll"}),
        ("su cosa risponde questo bot?", {"about-article"}),
        ("cosa è successo nella parte settentrionale del paese?", {"withdrawal-north"}),
        ("i russi ammettono che le cose stanno andando male?", {"kremlin-admission"}),
        ("с какой стати они ушли из-под киева?", {"withdrawal-reason", "peskov-withdrawal-explanation"}),
        ("з якої стати вони пішли з півночі?", {"withdrawal-reason", "peskov-withdrawal-explanation"}),
        ("так він точного числа і не назвав, я правильно розумію?", {"peskov-no-number"}),
        ("то в кремлі визнали, що їх там кладуть?", {"kremlin-admission"}),
        ("шо ти вмієш?", {"about-article"}),
        ("will those troops be thrown into the donbas fighting?", {"withdrawal-reason"}),
        ("have they toned down their war aims?", {"russia-objectives", "downsizing-disguise"}),
        ("як вони намагаються прикрити, що зменшили апетити?", {"downsizing-disguise"}),
        ("короче, сколько их там полегло по итогу?", TOLL),
        ("скільки їх там полягло? дайте цифри", TOLL),
        ("il portavoce ha ammesso qualcosa o ha negato tutto come al solito?", {"kremlin-admission"}),
        ("wat is this artcle about", {"about-article"}),
        ("what will the troops pulled out of the north be used for?", {"withdrawal-reason"}),
        ("putin's mouthpiece went on british telly and copped to what?", {"kremlin-admission"}),
        ("what's the point of shifting everyone over to the donbas?", {"withdrawal-reason", "russia-objectives"}),
        ("the journo called it a humiliation, did the spokesman go along with that?", {"humiliation"}),
        ("so moscow confessed its army is taking a real beating?", {"kremlin-admission"}),
        ("quick summary of this story pls", {"about-article"}),
        ("so they cleared out of the north, when was that?", {"withdrawal-north"}),
        ("where did those columns end up once they turned round?", {"withdrawal-destination"}),
        ("how are they dressing up having to settle for less?", {"downsizing-disguise"}),
        ("so the retreat was some kind of olive branch?", {"peskov-withdrawal-explanation", "withdrawal-reason"}),
        ("а що то за тип, який від імені путіна говорить?", {"who-is-peskov"}),
        (
            "пєсков каже, що відвели війська аби показати готовність до переговорів? серйозно?",
            {"peskov-withdrawal-explanation"},
        ),
        ("а скільки їх реально загинуло, а не те що вони самі кажуть?", {"western-estimates", "death-toll"}),
        ("россия признала серьезные потери?", {"kremlin-admission"}),
        ("the reporter said russia got a bloody nose and legged it, how did he take that?", {"humiliation"}),
        ("why'd they turn tail and run", {"withdrawal-reason", "peskov-withdrawal-explanation"}),
        ("have the russians lowered their sights?", {"russia-objectives", "downsizing-disguise"}),
        ("come mai i russi hanno fatto armi e bagagli?", {"withdrawal-reason", "peskov-withdrawal-explanation"}),
        ("per il cremlino tornare indietro con la coda tra le gambe è stata una figuraccia?", {"humiliation"}),
        ("кремль наконец-то сознался, что потери совсем не маленькие?", {"kremlin-admission"}),
        ("і куди ж вони повтікали, підібгавши хвости?", {"withdrawal-destination"}),
        ("what came of their push in the north, did it go anywhere?", {"withdrawal-north", "withdrawal-reason"}),
        (
            "they were stuck up north for weeks getting nowhere, what happened?",
            {"withdrawal-north", "withdrawal-reason"},
        ),
        ("had the kremlin ever owned up to losses like this before?", {"kremlin-admission"}),
        ("why wasn't russia giving numbers before this?", {"russian-reticence"}),
        ("why have they kept mum about their dead all this time?", {"russian-reticence"}),
        ("the bloke who talked to the brits, what's his job exactly?", {"who-is-peskov"}),
        ("why would the kremlin sweep its war dead under the rug?", {"russian-reticence"}),
        ("с чего вдруг они оттуда откатились?", {"withdrawal-reason", "peskov-withdrawal-explanation"}),
        ("я правильно зрозумів, що в москві зізналися, що їх там добряче пощипали?", {"kremlin-admission"}),
        ("чем пресс-секретарь президента объяснил отвод войск?", {"peskov-withdrawal-explanation"}),
        ("why were they keeping such a tight lid on the casualty numbers up to now?", {"russian-reticence"}),
        ("come mai mosca aveva tenuto la bocca cucita sui caduti?", {"russian-reticence"}),
        ("а той тип, що давав інтерв’ю британцям, він хто по посаді?", {"who-is-peskov"}),
        ("чого вони весь час так ховали, скільки їх полягло?", {"russian-reticence"}),
        ("so he called it a huge tragedy but gave no actual number?", {"peskov-no-number"}),
        ("so they're settling for the donbas now?", {"russia-objectives", "downsizing-disguise"}),
        ("сколько погибших по данным минобороны?", {"official-toll"}),
        ("so how many of their boys came home in a box?", TOLL),
        ("where did he say all this, some press conference or what?", {"sky-news-interview"}),
        ("come mai fino a ieri i russi stavano muti come pesci sui loro caduti?", {"russian-reticence"}),
        ("с чего бы это они столько времени воды в рот набрали про своих убитых?", {"russian-reticence"}),
        ("скільки вантажу 200 поїхало додому?", TOLL),
        ("quanti morti aveva messo nero su bianco mosca a fine marzo?", {"official-toll"}),
        ("а этот усатый из кремля, который интервью давал, он кто по должности?", {"who-is-peskov"}),
        ("who's this peskov fella when he's at home?", {"who-is-peskov"}),
        ("he admitted big losses but did he say how big?", {"peskov-no-number"}),
        (
            "what's the real story behind them backing off from the north?",
            {"withdrawal-reason", "peskov-withdrawal-explanation"},
        ),
        (
            "com'è che i russi hanno fatto marcia indietro dalle zone a nord?",
            {"withdrawal-reason", "peskov-withdrawal-explanation"},
        ),
        ("почему раньше из них про убитых клещами слова было не вытянуть?", {"russian-reticence"}),
        ("чого це вони раптом драпанули з-під києва?", {"withdrawal-reason", "peskov-withdrawal-explanation"}),
        ("чого вони з-під києва так драпанули?", {"withdrawal-reason", "peskov-withdrawal-explanation"}),
        ("ЯКОГО БІСА ВОНИ ВІДСТУПИЛИ З ПІВНОЧІ???", {"withdrawal-reason", "peskov-withdrawal-explanation"}),
        ("чому в москві стільки часу тримали язик за зубами щодо своїх мертвих?", {"russian-reticence"}),
        ("i don't get why moscow is so cagey about how many boys it has buried", {"russian-reticence"}),
        ("come fa il governo russo a indorare la pillola del passo indietro?", {"downsizing-disguise"}),
        ("а если не верить минобороне, сколько там по факту двухсотых?", {"western-estimates", "death-toll"}),
        ("what's the deal with this bot, which story are you based on?", {"about-article"}),
        ("the guy who speaks for putin - did he really say it was a tragedy?", {"kremlin-admission"}),
        ("are they losing a lot of men, even by their own admission?", {"kremlin-admission"}),
        ("how are they putting lipstick on the pig of their shrinking war aims?", {"downsizing-disguise"}),
        ("they just threw in the towel up north after all those weeks?", {"withdrawal-north", "withdrawal-reason"}),
        ("e quelli che hanno fatto le valigie da lì dove sono finiti?", {"withdrawal-destination"}),
        ("кремль наконец перестал делать вид что все идет по плану и признал двухсотых?", {"kremlin-admission"}),
        ("ПОЧЕМУ ОНИ УБЕЖАЛИ С СЕВЕРА УКРАИНЫ?!", {"withdrawal-reason", "peskov-withdrawal-explanation"}),
        ("чого вони весь час як води в рот набрали щодо своїх убитих?", {"russian-reticence"}),
        ("ну і скільки ж їхніх хлопців додому вже не повернеться?", TOLL),
        ("ma alla fine quanta gente ci hanno lasciato i russi laggiù?", TOLL),
        ("they still pretend it's about getting rid of nazis??", {"special-operation-framing"}),
        ("how do they try to sell the fact that they're aiming lower now?", {"downsizing-disguise"}),
        (
            "что там стряслось на севере, почему их оттуда как ветром сдуло?",
            {"withdrawal-reason", "peskov-withdrawal-explanation"},
        ),
        ("как у них там наверху официально величают всю эту заварушку", {"special-operation-framing"}),
        ("як кремль подає цю війну власному населенню?", {"special-operation-framing"}),
        ("і куди подівся весь той їхній контингент після відходу?", {"withdrawal-destination"}),
        ("нафіга вони відкотилися з півночі?", {"withdrawal-reason", "peskov-withdrawal-explanation"}),
        ("mi spiega che incarico ricopre questo signor peskov?", {"who-is-peskov"}),
        ("secondo il portavoce a cosa serviva tirare indietro le truppe?", {"peskov-withdrawal-explanation"}),
        ("not exactly a walk in the park for them, how bad are their losses?", TOLL | {"kremlin-admission"}),
        ("what happened in the north of the country?", {"withdrawal-north"}),
        ("как кремль пытается замаскировать урезание целей?", {"downsizing-disguise"}),
        ("як кремль намагається замаскувати, що цілі урізали?", {"downsizing-disguise"}),
        ("so the kremlin owned up that its army is taking a beating?", {"kremlin-admission"}),
        ("isn't running away from kyiv a slap in the face for putin?", {"humiliation"}),
        ("did he say the pullback was about calming things down?", {"peskov-withdrawal-explanation"}),
        ("how many did the russians really lose, propaganda aside?", TOLL),
        ("quanti ne hanno persi davvero i russi, al di là della propaganda?", TOLL),
        ("I'm writing an essay: did Moscow officially admit serious losses or not?", {"kremlin-admission"}),
        ("sto scrivendo una tesina: mosca ha ammesso perdite pesanti oppure no?", {"kremlin-admission"}),
        ("ki è peskov?", {"who-is-peskov"}),
        ("perché si sono tirati indietro dal nord?", {"withdrawal-reason", "peskov-withdrawal-explanation"}),
    ],
)
def test_idioms_asides_and_frequency_words_keep_the_question(question: str, expected: set[str]) -> None:
    assert_answered_by(question, expected)


@pytest.mark.parametrize(
    "question",
    [
        "what does the guy who gave the interview do for a living?",
        "what's the role of the man who gave that interview",
        "the man they quote, is he a general?",
        "who's the one doing the talking for the kremlin?",
        "who's the kremlin guy they keep quoting?",
        "chi è quel tizio che ha rilasciato l'intervista?",
        "кто такой этот человек, который дал интервью?",
        "хто той чоловік, що дав інтерв'ю?",
    ],
)
def test_the_man_described_by_what_he_did_in_the_article_is_the_spokesman(question: str) -> None:
    assert_answered_by(question, {"who-is-peskov"})


@pytest.mark.parametrize(
    "question",
    [
        "how many russian soldiers never came back?",
        "how many of their lads didn't make it home",
        "how many russians won't be coming home",
    ],
)
def test_not_coming_home_is_dying(question: str) -> None:
    assert_answered_by(question, TOLL)


def test_going_home_is_still_where_the_troops_went() -> None:
    assert_answered_by("did the troops from the north go back home?", {"withdrawal-destination"})


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("how is russia portraying the war at home?", {"special-operation-framing"}),
        ("is russia reducing its goals?", {"russia-objectives", "downsizing-disguise"}),
        ("is moscow redeploying the troops from kyiv to the east?", {"withdrawal-destination", "withdrawal-reason"}),
    ],
)
def test_an_ing_or_ed_form_of_a_known_word_means_what_the_word_means(question: str, expected: set[str]) -> None:
    result = MATCHER.match(question)
    assert result.best is not None
    assert result.best.entry.id in expected
    assert result.best.score >= 0.85  # as sure as for the word itself, not a loose partial match


def test_a_topic_the_article_never_covers_is_not_reached_through_an_inflection() -> None:
    # "Is the article translated?" is curated; "translate" is a topic the article never covers.
    assert MATCHER.match("what language do they speak in ukraine").decision is not Decision.ANSWER


@pytest.mark.parametrize(
    "question",
    [
        "how does russia present the war to its citizens?",
        "come viene presentata la guerra ai cittadini russi?",
        "як росія подає цю війну власним громадянам?",
        "как кремль подает войну собственным гражданам?",
    ],
)
def test_the_citizens_a_war_is_presented_to_are_its_audience_not_its_civilian_victims(question: str) -> None:
    assert_answered_by(question, {"special-operation-framing"})


@pytest.mark.parametrize(
    "question",
    [
        "did the talks peskov mentioned lead to a ceasefire?",
        "песков говорил про переговоры, так к чему они в итоге пришли?",
    ],
)
def test_whether_the_talks_led_anywhere_is_not_answered_with_why_they_were_mentioned(question: str) -> None:
    result = MATCHER.match(question)
    assert result.decision is not Decision.ANSWER
    assert "negotiations-status" in {c.entry.id for c in result.candidates}


def test_citizens_who_died_are_still_civilians_the_article_does_not_count() -> None:
    result = MATCHER.match("how many russian citizens died?")
    assert result.decision is not Decision.ANSWER


@pytest.mark.parametrize(
    "question",
    ["что это за человек этот песков", "що це за людина той пєсков", "хто такий речник, про якого йдеться у статті?"],
)
def test_what_sort_of_person_asks_who_he_is_in_russian_and_ukrainian(question: str) -> None:
    assert_answered_by(question, {"who-is-peskov"})


def test_what_sort_of_losses_is_not_taken_for_a_person() -> None:
    assert_answered_by("что это за потери такие", TOLL)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("skolko soldat pogiblo po oficialnym dannym", {"official-toll"}),
        ("pochemu rossiya otvela voiska", {"withdrawal-reason", "peskov-withdrawal-explanation"}),
        ("skilky rosiyskyh soldativ zahynulo", TOLL),
        ("kto takoy peskov", {"who-is-peskov"}),
    ],
)
def test_russian_and_ukrainian_typed_in_latin_letters_are_read_as_such(question: str, expected: set[str]) -> None:
    assert_answered_by(question, expected)


@pytest.mark.parametrize(
    "question",
    ["did he give an exact number?", "а он хоть какие-то цифры назвал?", "він хоч якусь конкретну цифру сказав?"],
)
def test_he_in_a_question_naming_no_one_is_the_spokesman(question: str) -> None:
    # People ask on after an answer; the one man the article quotes is Peskov.
    assert_answered_by(question, {"peskov-no-number"})


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # "He" is the one the question names; giving or putting a figure on it is specifying it.
        ("that press secretary, did he give a number?", {"peskov-no-number"}),
        ("the spokesman guy, did he put a figure on it?", {"peskov-no-number"}),
        ("the defence minister, what figure did he give?", {"official-toll"}),
    ],
)
def test_he_in_a_question_naming_someone_is_that_person(question: str, expected: set[str]) -> None:
    assert_answered_by(question, expected)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # What was admitted, wherever it was said: the admission.
        ("so what did peskov admit on tv?", {"kremlin-admission"}),
        ("что признал песков в том интервью?", {"kremlin-admission"}),
        ("cosa ha ammesso il portavoce in tv?", {"kremlin-admission"}),
        ("what did peskov admit to the british reporter?", {"kremlin-admission"}),
        # "Who did the interview?" asks who conducted it (and "the man who did it" is ambiguous).
        ("@KremlinLossesBot who did the interview", {"sky-news-interview"}),
        ("who did the kremlin's press guy sit down with?", {"sky-news-interview"}),
        ("peskov on sky news 📺 what did he say about the losses?", {"kremlin-admission"}),
        # So with what was said about the withdrawal.
        ("cosa ha detto Peskov a Sky News sul ritiro?", {"peskov-withdrawal-explanation"}),
        ("что песков сказал sky news об отступлении?", {"peskov-withdrawal-explanation"}),
        # Where, or which channel: the interview.
        ("what channel did peskov admit it on?", {"sky-news-interview"}),
        ("which channel did peskov talk about the losses on?", {"sky-news-interview"}),
        ("what did peskov tell sky news?", {"sky-news-interview"}),
        ("на каком канале песков это признал?", {"sky-news-interview"}),
        ("where did peskov admit it?", {"sky-news-interview"}),
    ],
)
def test_what_was_admitted_and_where_it_was_admitted_are_told_apart(question: str, expected: set[str]) -> None:
    assert_answered_by(question, expected)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # Naming the article or the bot frames a question; what is asked decides, not a not-covered entry
        # whose curated question happens to say "does the article say…".
        ("according to the article, how many soldiers died?", TOLL),
        ("bot, how many soldiers died", TOLL),
        ("secondo l'articolo quanti soldati sono morti?", TOLL),
        ("по статье сколько солдат погибло?", TOLL),
        ("in the story, why did russia withdraw?", {"withdrawal-reason", "peskov-withdrawal-explanation"}),
        # Asked alone, the article is what is asked about.
        ("who wrote the article?", {"about-article"}),
        ("what is this bot about?", {"about-article"}),
        ("what are your answers based on?", {"about-article"}),
    ],
)
def test_naming_the_article_or_the_bot_frames_a_question_without_changing_it(question: str, expected: set[str]) -> None:
    assert_answered_by(question, expected)


@pytest.mark.parametrize(
    "question",
    [
        "thanks bot",
        "hi bot!",
        "buonasera a tutti, come state?",
        "tell me a joke, I need one after reading this",
        "are you a real person or a program?",
        "thank you so much for the quick reply",
        "/help@KremlinLossesBot",
        "can someone make me admin here",
        "hi there, anyone home?",
        "thank you for the info",
        "grazie bot",
        "спасибо, бот",
        "дякую боте",
        "hey bot, how are you doing?",
        "ciao bot, come va?",
        "привет, как дела?",
        "hello bot?",  # a question mark but no question
        "дякую, боте! ще щось?",
    ],
)
def test_thanks_or_a_greeting_to_the_bot_is_small_talk(question: str) -> None:
    assert MATCHER.match(question).decision is Decision.NONE


@pytest.mark.parametrize(
    "question",
    [
        "hi, what is this article about?",
        "привет, ты про что?",
        "ciao, di cosa parli?",
        "hi, how many died?",
        "hi, what's this bot for?",
        "so what can you do?",
        "sorry, new to the group: what's the article this bot talks about?",
        "що ти вмієш?",
        "hello, what can I ask you? what is this bot about",  # a question mark before the last question
        "привет, о чем этот бот?",
    ],
)
def test_a_greeting_before_a_question_leaves_the_question(question: str) -> None:
    assert MATCHER.match(question).decision is Decision.ANSWER


@pytest.mark.parametrize(
    "question",
    [
        "is peskov a minister?",
        "а песков это кто, какой-то министр?",
        "who's this peskov, some general?",
        "who is peskov, the foreign minister?",  # a "who is" question naming him and a guess at his role
        "Chi è Dmitry Peskov, il ministro degli esteri russo?",
    ],
)
def test_guessing_another_role_for_the_spokesman_asks_who_he_is(question: str) -> None:
    assert_answered_by(question, {"who-is-peskov"})


def test_the_defence_minister_asked_about_without_the_spokesman_is_still_the_minister() -> None:
    assert_answered_by("what did the defence minister say?", {"official-toll"})


def test_a_rounded_figure_stands_for_the_articles_figure_and_a_different_one_does_not() -> None:
    rounded = MATCHER.match("is it true only about 1,300 soldiers died?")
    assert rounded.decision is Decision.ANSWER, rounded
    assert rounded.best is not None
    assert rounded.best.entry.id == "official-toll"
    different = MATCHER.match("is it true only 3,000 soldiers died?")
    assert different.best is None or different.best.entry.id != "official-toll" or not different.answered


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("how many russians died, not ukrainians", TOLL),
        ("сколько погибло российских, а не украинских солдат", TOLL),
        ("Mosca quanti caduti dichiara? Voglio la cifra loro, non quella degli americani", {"official-toll"}),
        ("What does Ukraine say the Russian death toll is? their figure, not the west's", set()),
        ("didn't ukraine lose more soldiers than russia?", set()),  # a negated verb: Ukraine is still asked about
    ],
)
def test_a_side_set_aside_by_a_negation_is_not_asked(question: str, expected: set[str]) -> None:
    if expected:
        assert_answered_by(question, expected)
    else:
        assert MATCHER.match(question).decision is not Decision.ANSWER


@pytest.mark.parametrize(
    "question",
    [
        "How many Russian soldiers died in the Donbass specifically?",
        "How many Russian soldiers died near Kyiv specifically?",
        "quanti soldati russi sono morti nel Donbass?",
        "сколько российских солдат погибло на севере?",
        "how many russians died around Chernihiv before they withdrew",
        "how many soldiers were killed in the retreat from kyiv?",
    ],
)
def test_losses_in_one_region_are_a_breakdown_the_article_never_gives(question: str) -> None:
    result = MATCHER.match(question)
    assert result.decision is not Decision.ANSWER, result.best


def test_what_russia_wants_to_conquer_is_still_its_objective() -> None:
    assert_answered_by("did russia want to take the whole donbas?", {"russia-objectives", "downsizing-disguise"})
    assert_answered_by("what does russia want to conquer now?", {"russia-objectives"})


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("how many soldiers died in ukraine", TOLL),
        ("how many russian soldiers have died in the war so far?", TOLL),
    ],
)
def test_losses_in_the_whole_war_are_still_the_toll(question: str, expected: set[str]) -> None:
    assert_answered_by(question, expected)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("I get that 1,351 died officially, but how many were injured?", set()),  # the wounded, not the dead
        ("He calls it a huge tragedy, but did he bother to say how many men they lost?", {"peskov-no-number"}),
        ("they said 1351 died but is that true?", TOLL),  # nothing firm after "but": the premise is asked about
        ("russia says 1351 but what do western governments say?", {"western-estimates"}),
        ("officially 1351 died, but really how many were wounded?", set()),  # filler before the question word
        ("1351 died, but then again how many were injured?", set()),
    ],
)
def test_a_premise_granted_before_but_and_a_question_is_not_what_is_asked(question: str, expected: set[str]) -> None:
    if expected:
        assert_answered_by(question, expected)
    else:
        assert MATCHER.match(question).decision is not Decision.ANSWER


@pytest.mark.parametrize(
    "question",
    [
        "скільки загинуло за даними москви, без заходу?",
        "how many died by moscow's count, without the west's?",
        "quanti morti secondo mosca, senza l'occidente?",
        "сколько погибло по данным москвы, без запада?",
    ],
)
def test_without_sets_aside_the_side_it_names_as_not_does(question: str) -> None:
    assert_answered_by(question, {"official-toll", "death-toll"})


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("бегство с севера — это же позор для них?", {"humiliation"}),  # the army's flight, not refugees
        ("втеча з півночі для них ганьба?", {"humiliation"}),
        ("чому була така втеча з-під києва?", {"withdrawal-reason", "peskov-withdrawal-explanation"}),
    ],
)
def test_a_flight_said_of_the_army_is_its_withdrawal(question: str, expected: set[str]) -> None:
    assert_answered_by(question, expected)


@pytest.mark.parametrize(
    "question",
    ["сколько людей бежали из украины?", "скільки людей втекли з україни?", "было ли массовое бегство за границу?"],
)
def test_a_flight_from_the_country_or_said_of_people_is_still_refugees(question: str) -> None:
    result = MATCHER.match(question)
    assert result.decision is not Decision.ANSWER, result


@pytest.mark.parametrize(
    "question",
    [
        "when did the defence ministry last update the death toll?",
        "quando il ministro della difesa ha dato l'ultimo bilancio dei morti?",
        "коли міноборони востаннє оновлювало дані про загиблих?",
        "когда минобороны в последний раз обновляло данные о погибших?",
        "what's the government's latest number?",  # their latest figure, asked with no date: the same one
        "l'ultimo dato del governo russo?",
        "какие последние данные минобороны по погибшим?",
    ],
)
def test_when_the_official_source_last_updated_its_figure_is_the_official_toll(question: str) -> None:
    assert_answered_by(question, {"official-toll"})


def test_the_latest_figure_asked_of_no_one_is_still_not_covered() -> None:
    result = MATCHER.match("what's the latest death toll?")
    assert result.decision is Decision.NOT_COVERED, result


@pytest.mark.parametrize(
    "question",
    [
        "how much military equipment did russia leave behind when they withdrew from the north",
        "скільки військової техніки росія залишила, коли відходила з півночі?",
        "quanti mezzi militari hanno lasciato i russi ritirandosi dal nord?",
        "сколько военной техники бросили при отходе с севера?",
    ],
)
def test_military_equipment_is_equipment_not_soldiers(question: str) -> None:
    # "military" alone means the army; before "equipment" it says what kind, so equipment is asked, not troops.
    result = MATCHER.match(question)
    assert result.decision is not Decision.ANSWER, result


@pytest.mark.parametrize(
    ("question", "without_pronoun"),
    [
        (
            "my dad swears only a thousand-odd russians died, is he right?",  # he is the dad, not the spokesman
            "my dad swears only a thousand-odd russians died, is that right?",
        ),
        (
            "мій дядько каже, що росіяни втратили тисячу з чимось, він правий?",
            "мій дядько каже, що росіяни втратили тисячу з чимось, це так?",
        ),
    ],
)
def test_he_after_the_askers_own_people_is_those_people(question: str, without_pronoun: str) -> None:
    asked, plain = MATCHER.match(question), MATCHER.match(without_pronoun)
    assert asked.best is not None
    assert plain.best is not None
    assert (asked.best.entry.id, asked.best.score) == (plain.best.entry.id, plain.best.score)


def test_he_with_no_one_else_named_is_still_the_spokesman() -> None:
    assert_answered_by("did he say how many died?", {"peskov-no-number"})


@pytest.mark.parametrize(
    "question",
    [
        "I'm a journalist, how many russians died?",  # the asker's trade is no interview asked about
        "im a fact checker, how many russians died?",
        "Я журналістка, перевіряю факт: скільки загинуло росіян?",
        "я журналист, сколько погибло россиян?",
        "sono una giornalista, quanti russi sono morti?",
    ],
)
def test_an_asker_introducing_themselves_as_a_journalist_asks_only_what_follows(question: str) -> None:
    assert_answered_by(question, TOLL)


@pytest.mark.parametrize(
    "question",
    [
        "Why would the Russian army be heading to the Donbas?",  # the going is what is explained
        "perché le truppe si stanno dirigendo verso il donbass?",
        "чому війська їдуть на схід?",
    ],
)
def test_why_the_troops_head_somewhere_asks_the_reason_for_the_move(question: str) -> None:
    assert_answered_by(question, {"withdrawal-reason"})


def test_explaining_where_a_piece_of_news_is_from_is_no_troop_movement() -> None:
    assert_answered_by("Поясніть простими словами, про що ця стаття і звідки вона", {"about-article"})


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("куди вони драпанули після того як не змогли взяти північ?", {"withdrawal-destination"}),
        ("куди поділися війська, які не змогли взяти київ?", {"withdrawal-destination"}),
        ("where did the units that failed to capture the north go?", {"withdrawal-destination"}),
        ("where did the troops fail to conquer?", {"withdrawal-north"}),  # no going: where they failed
    ],
)
def test_where_the_troops_went_after_failing_asks_where_they_went(question: str, expected: set[str]) -> None:
    assert_answered_by(question, expected)


@pytest.mark.parametrize(
    "question",
    [
        "how did the offensive in the north end?",
        "шо там у них вийшло з наступом на півночі, чим закінчилось?",
        "come è finita l'offensiva al nord?",
        "how did it all end in the north?",  # nothing but the north asked: the fighting there
        "чим усе скінчилося на півночі?",
    ],
)
def test_how_the_fighting_in_the_north_ended_is_the_withdrawal_not_the_wars_end(question: str) -> None:
    assert_answered_by(question, {"withdrawal-north", "withdrawal-reason"})


def test_talks_or_a_race_ending_in_kyiv_are_no_offensive_ending() -> None:
    assert MATCHER.match("who won the Kyiv marathon").decision is not Decision.ANSWER
    assert MATCHER.match("when does the kyiv marathon end?").decision is not Decision.ANSWER
    result = MATCHER.match("how did the peace talks in kyiv end?")
    assert result.best is not None
    assert result.best.entry.id != "withdrawal-north"


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("вони й досі це спецоперацією звуть?", {"special-operation-framing"}),  # a name asked of the war
        ("как зовут эту войну у них по телевизору?", {"special-operation-framing"}),
        ("what's the name of the war in russia?", {"special-operation-framing"}),
        ("как зовут пескова?", {"who-is-peskov"}),  # a person's name
    ],
)
def test_a_name_asked_of_the_war_is_what_russia_calls_it(question: str, expected: set[str]) -> None:
    assert_answered_by(question, expected)


@pytest.mark.parametrize(
    "question",
    [
        "why didn't they admit for so long how many died?",  # "did not they admit": one filler word between
        "perché per settimane non hanno ammesso quanti soldati erano morti?",
        "почему они так долго не признавались, сколько погибло?",
        "чого вони не кажуть, скільки загинуло?",
        "why won't moscow come clean about its dead?",  # the side between the negation and the verb
        "why doesn't the kremlin admit how many died?",
    ],
)
def test_why_they_did_not_say_or_admit_their_losses_asks_why_they_kept_them_quiet(question: str) -> None:
    assert_answered_by(question, {"russian-reticence"})


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("why didn't peskov say how many died?", {"peskov-no-number"}),  # the spokesman's silence, named
        ("чому пєсков не сказав, скільки загинуло?", {"peskov-no-number"}),
        ("why didn't he say how many died?", {"peskov-no-number"}),
        ("perché la parola guerra non la dicono mai?", {"special-operation-framing"}),  # a word, not the losses
    ],
)
def test_a_silence_about_something_else_than_the_losses_is_not_russias_reticence(
    question: str, expected: set[str]
) -> None:
    assert_answered_by(question, expected)


@pytest.mark.parametrize(
    "question",
    [
        "як відступ пов’язаний з переговорами?",  # the apostrophe splits "пов'язаний": both pieces are filler
        "яке відношення відхід з-під києва має до переговорів?",
        "how is the retreat linked to the peace talks?",
        "как связан отход с переговорами?",
        "il ritiro è collegato ai negoziati?",
    ],
)
def test_how_two_things_are_linked_asks_about_the_two_things(question: str) -> None:
    assert_answered_by(question, {"peskov-withdrawal-explanation"})


def test_a_summary_asked_in_a_diminutive_asks_what_the_article_is_about() -> None:
    assert_answered_by("коротенько: про що це все?", {"about-article"})


@pytest.mark.parametrize(
    "question",
    [
        "so officially 1351, but how many really?",
        "ok the official figure is 1,351, but what's the true one?",
        "ufficialmente 1351, ma in realtà quanti sono?",
        "официально 1351, а на самом деле сколько их?",
        "тобто офіційно 1351, а реально скільки їх там?",
        "офіційно тисяча триста п'ятдесят один, а насправді?",
    ],
)
def test_the_official_figure_granted_then_set_against_reality_asks_the_real_toll(question: str) -> None:
    assert_answered_by(question, {"western-estimates", "death-toll"})


@pytest.mark.parametrize(
    "question",
    [
        "а скільки там їхніх двохсотих по факту, не по кремлівських цифрах?",
        "так а сколько их там убитых по правде, не по их телевизору?",
        "quanti ne sono morti davvero, non secondo il cremlino?",
    ],
)
def test_a_source_the_asker_disowns_is_set_aside_whole(question: str) -> None:
    # "не по кремлівських цифрах": whose version is not wanted, not the Kremlin's own figure asked for.
    assert_answered_by(question, {"death-toll", "western-estimates"})


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("is the official figure really 1351?", {"official-toll"}),  # no contrast: the figure itself is asked
        ("officially 1351, but how many ukrainians really died?", {"ukrainian-losses"}),  # another side asked
        ("офіційно 1351, а реально скільки поранених?", {"wounded"}),  # the wounded asked, not the real toll
    ],
)
def test_reality_asked_of_the_official_figure_itself_or_of_something_else_is_not_the_real_toll(
    question: str, expected: set[str]
) -> None:
    result = MATCHER.match(question)
    assert result.best is not None, result
    assert result.best.entry.id in expected, result


def test_a_slip_is_mended_into_a_word_of_the_language_it_was_typed_in() -> None:
    # "scoop" is one letter from the Italian "scopo" (aim), "personal" from "personale" (troops): in an
    # English question they are English words the article never uses, not Russia's aims or its soldiers.
    # "team" is one from "tema" (an essay, about the article).
    for question in ("what's the scoop on peskov", "give me the scoop on russia", "what's your favourite team"):
        assert MATCHER.match(question).decision is Decision.NONE, question
    assert_answered_by("qual è lo scpo della russia adesso", {"russia-objectives"})  # an Italian slip, mended
    assert_answered_by("which chanel interviewd peskov", {"sky-news-interview"})


def test_a_nearby_figure_that_is_neither_rounded_nor_a_slip_is_another_number() -> None:
    assert not MATCHER.match("1234").answered  # within 10% of 1,351, but not a rounding of it
    assert_answered_by("1355 dead?", {"official-toll"})  # one digit off


def test_a_year_is_never_taken_for_a_rounding_of_another() -> None:
    # 1999 is within 10% of 2023, a year the lexicon reads as "now": it must not become one.
    assert MATCHER.match("what happened in 1999").decision is Decision.NONE


def test_a_filler_word_at_the_end_is_finished_not_the_start_of_another() -> None:
    # "was" is not the beginning of "Washington" (a Western capital): it is the question's last word.
    assert_answered_by("WHAT DID THE DEFENCE MINISTER SAY THE NUMBER WAS", {"official-toll"})


def test_an_unfinished_last_word_that_begins_a_filler_word_is_left_out() -> None:
    # "second…" is "secondo" (according to) being typed, not an unknown word that weighs on the match.
    assert_answered_by("quanti morti second", TOLL)


def test_a_question_closed_by_its_punctuation_has_no_unfinished_last_word() -> None:
    typing = MATCHER.match("how many sol")
    assert typing.answered
    assert typing.best is not None
    assert typing.best.entry.id in TOLL
    assert not MATCHER.match("how many sol?").answered  # "sol" was the whole word: it means nothing here
    assert not MATCHER.match("how many sol?", partial=False).answered


def test_a_question_asked_again_gets_the_same_result_with_the_askers_own_words() -> None:
    first = MATCHER.match("How many Russian soldiers died?")
    again = MATCHER.match("  how many russian SOLDIERS died? ")
    assert again.query == "  how many russian SOLDIERS died? "
    assert (again.decision, again.candidates, again.normalised) == (first.decision, first.candidates, first.normalised)
    uncached = Matcher(KB.entries, settings=MatcherSettings(cached_questions=0))
    assert uncached.match("How many Russian soldiers died?") == first
    assert uncached.match("how many sol", partial=True).decision is not uncached.match("how many sol?").decision


def test_every_curated_question_goes_to_its_own_entry() -> None:
    assert [c.describe() for c in find_collisions(MATCHER)] == []


def test_a_question_shared_by_two_entries_is_reported_as_a_collision() -> None:
    def entry(entry_id: str, first: str) -> Entry:
        questions = (first, f"{entry_id} one", f"{entry_id} two", f"{entry_id} three", f"{entry_id} four")
        return Entry(id=entry_id, questions=questions, answer="a", source="s", caveat="c", quote=("q",))

    matcher = Matcher([entry("alpha", "how many soldiers died"), entry("beta", "how many troops were killed")])
    collisions = find_collisions(matcher)
    assert {c.question for c in collisions} == {"how many soldiers died", "how many troops were killed"}
    assert all("ambiguous" in c.describe() or "goes to" in c.describe() for c in collisions)


def test_an_ambiguous_question_offers_the_close_entries() -> None:
    def entry(entry_id: str, words: str, extra: str) -> Entry:
        questions = (words, f"{words} {extra}", f"{extra} {words}", f"{words} {extra} now", f"{words} {extra} then")
        return Entry(id=entry_id, questions=questions, answer="a", source="s", caveat="c", quote=("q",))

    matcher = Matcher(
        [entry("alpha", "russian soldiers died", "north"), entry("beta", "russian troops killed", "east")]
    )
    result = matcher.match("how many russian soldiers were killed")
    assert result.decision is Decision.AMBIGUOUS
    assert {c.entry.id for c in result.candidates} == {"alpha", "beta"}


def test_a_concept_asked_twice_is_covered_once() -> None:
    # "role" and the guessed "minister" both become the spokesman's role: one concept, counted once.
    result = MATCHER.match("what's peskov's role, is he a minister?")
    assert result.best is not None
    assert result.best.entry.id == "who-is-peskov"
    assert all(0.0 <= c.score <= 1.0 for c in result.candidates)


unicode_text = st.text(max_size=4096)
vocabulary = sorted({w for e in KB.entries for q in e.questions for w in q.split()})
realistic = st.lists(st.sampled_from(vocabulary), min_size=1, max_size=12).map(" ".join)


@settings(max_examples=200, deadline=None)
@given(unicode_text)
@example("00፩")  # an Ethiopic digit: a digit to isdigit(), not a number int() can read
@example("1351²")
def test_any_text_gives_a_valid_decision(text: str) -> None:
    result = MATCHER.match(text)
    assert result.decision in set(Decision)
    assert all(0.0 <= c.score <= 1.0 for c in result.candidates)
    if result.decision is Decision.ANSWER:
        assert result.best is not None
        assert result.best.entry.covered


@settings(max_examples=300, deadline=None)
@given(realistic)
def test_any_words_of_the_knowledge_give_scores_between_zero_and_one(text: str) -> None:
    assert all(0.0 <= c.score <= 1.0 for c in MATCHER.match(text).candidates)


@settings(max_examples=200, deadline=None)
@given(realistic, st.randoms(use_true_random=False), st.sampled_from(["", " ", "\t", "\n ", "  \u00a0"]))
def test_case_and_surrounding_whitespace_do_not_change_the_result(text: str, rng: random.Random, pad: str) -> None:
    shouted = "".join(ch.upper() if rng.random() < 0.5 else ch.lower() for ch in text)
    plain, varied = MATCHER.match(text), MATCHER.match(f"{pad}{shouted}{pad}")
    assert varied.decision is plain.decision
    assert [(c.entry.id, c.score) for c in varied.candidates] == [(c.entry.id, c.score) for c in plain.candidates]


@settings(max_examples=100, deadline=None)
@given(st.sampled_from([(e.id, q) for e in KB.entries for q in e.questions]))
def test_every_curated_question_ranks_its_entry_first(pair: tuple[str, str]) -> None:
    entry_id, question = pair
    best = MATCHER.match(question, partial=False).best
    assert best is not None
    assert best.entry.id == entry_id


@pytest.mark.parametrize(
    "question",
    [
        "how big is the gap between what moscow says and what the west says?",
        "So the Russian official number versus the Western one, how big is the difference?",
        "c'è una bella differenza tra quello che dice mosca e quello che dice l'occidente?",
        "какая разница между тем, что говорит москва, и тем, что говорит запад?",
    ],
)
def test_setting_the_two_figures_side_by_side_is_answered_with_the_figures(question: str) -> None:
    assert_answered_by(question, TOLL)


@pytest.mark.parametrize(
    "question",
    [
        "il portavoce del cremlino con chi ha parlato?",
        "кому пресс-секретарь кремля это рассказал?",
        "з ким розмовляв речник кремля?",
        "to whom did the kremlin spokesman admit it?",
    ],
)
def test_whom_the_spokesman_spoke_to_is_the_interview_not_who_he_is(question: str) -> None:
    assert_answered_by(question, {"sky-news-interview"})


@pytest.mark.parametrize("question", ["кем работает песков?", "ким працює пєсков?"])
def test_what_he_works_as_is_still_who_he_is(question: str) -> None:
    assert_answered_by(question, {"who-is-peskov"})


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("my wife keeps asking me: how many russian soldiers died?", TOLL),
        ("mio marito dice che sono morti in pochi, quanti soldati russi sono morti?", TOLL),
        ("мой муж спрашивает, сколько российских солдат погибло?", TOLL),
        ("мій чоловік питає, скільки російських солдатів загинуло?", TOLL),
        ("forgive my ignorance, but why did the russians leave the top part of ukraine?", {"withdrawal-reason"}),
        ("scusate, sono nuovo di queste cose: quanti soldati russi sono morti?", TOLL),
        ("I'm new to all of this. What is the article about?", {"about-article"}),
        ("non mi fido dei russi: che cifra hanno dato a mosca?", TOLL),
        ("my mate reckons russia owned up to a bit over 1,300 dead. who said that?", {"official-toll"}),
        ("minchia, ma perché sono scappati tutti dal nord?", WHY_WITHDRAW),
        ("sono un'insegnante in pensione: che incarico ricopre questo signor peskov?", {"who-is-peskov"}),
        (
            "nel gruppo c'è chi dice che il portavoce ha dato i numeri dei caduti, a me non risulta. chi ha ragione?",
            {"peskov-no-number"},
        ),
        ("mio zio dice che peskov è il ministro della difesa, ma è vero o si confonde?", {"who-is-peskov"}),
        ("che schifo, li mandano al macello e poi dicono 1351 morti: è il numero vero?", TOLL),
        ("someone on twitter says the kremlin called it a huge tragedy, is that true?", {"kremlin-admission"}),
        ("qualcuno su facebook ha postato che peskov ha parlato di enorme tragedia, è vero?", {"kremlin-admission"}),
        (
            "as a retired history teacher I wonder why russia was so reluctant to publish its casualty numbers",
            {"russian-reticence"},
        ),
    ],
)
def test_the_askers_own_context_is_not_what_is_asked(question: str, expected: set[str]) -> None:
    # Family, friends, apologies and where a claim was seen: "Peskov's wife" is still a topic the article never
    # covers (see the never-says test above).
    assert_answered_by(question, expected)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("the fellow who speaks for putin, what did he admit?", {"kremlin-admission"}),
        ("ngl what's the russian body count in this thing", TOLL),
        ("did he drop an actual number or nah", {"peskov-no-number"}),
        ("so was it a massive L for russia, according to him?", {"humiliation"}),
        ("come giustificano il fatto di essersene andati dal nord?", WHY_WITHDRAW),
        ("aspetta, quindi mercoledì hanno lasciato il nord dopo settimane a vuoto?", {"withdrawal-north"}),
        ("ma come la chiamano questa guerra, visto che guai a dire guerra?", {"special-operation-framing"}),
        ("alla fine mosca ha vuotato il sacco sui caduti o continua a fare finta di niente?", {"kremlin-admission"}),
        ("did he at least give a ballpark of how many were lost?", {"peskov-no-number"}),
        ("in russia come gliela vendono alla gente sta guerra?", {"special-operation-framing"}),
        ("how are they putting a brave face on lowering their ambitions?", {"downsizing-disguise"}),
        ("а скільки там реально полягло рашистів, не за їхніми казочками, а по-чесному?", TOLL),
        ("як у них по телеку подають цю війну?", {"special-operation-framing"}),
        ("як росіяни намагаються замаскувати, що їхні плани накрилися мідним тазом", {"downsizing-disguise"}),
        ("как русские маскируют, что их планы накрылись медным тазом?", {"downsizing-disguise"}),
        ("а скільки там насправді двохсотих у русні, не по їхніх казках?", TOLL),
        ("тобто кремль нарешті зізнався що їх там нормально так кладуть?", {"kremlin-admission"}),
        ("якщо не вся країна, то на що вони тепер розраховують?", {"russia-objectives", "downsizing-disguise"}),
        ("Чому Москва весь час уникала розмов про кількість убитих?", {"russian-reticence"}),
        ("how many lads has russia lost according to its own ministry? bet it's a joke of a number", TOLL),
        ("e sti soldati che so' annati via dar nord, 'ndo so' finiti?", {"withdrawal-destination"}),
        ("cioè mo' a quelli basta il donbass e il resto dell'ucraina non lo vogliono più?", {"russia-objectives"}),
    ],
)
def test_idioms_and_slang_in_four_languages_keep_the_question(question: str, expected: set[str]) -> None:
    assert_answered_by(question, expected)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("where did the troops head off to afterwards?", {"withdrawal-destination"}),
        ("desidererei conoscere il dato reso noto da mosca in merito ai militari deceduti", TOLL),
        ("unbelievable, they finally owned up? what did the guy say", {"kremlin-admission"}),
        ("let me guess, they pretend it's just some operation?", {"special-operation-framing"}),
        ("in due parole di cosa parla st'articolo?", {"about-article"}),
        ("l'ultima volta che il ministero russo ha dato dei numeri quando è stato?", {"official-toll"}),
        ("per la precisione, la parola umiliazione gliel'ha messa in bocca il giornalista?", {"humiliation"}),
        ("did the kremlin give an exact number of casualties?", {"peskov-no-number"}),
        ("ONLY 1351 DEAD?? WHO CAME UP WITH THAT", {"official-toll"}),
        ("thirteen hundred dead, who said that?", {"official-toll"}),  # the figure in words
        ("is it seven thousand or fifteen thousand dead?", TOLL),
        ("that 7 to 15 thousand figure, who came up with it?", {"western-estimates"}),  # thousand said once
        ("what source is this bot using, and how old is the story?", {"about-article"}),  # the story's age
        ("Marco dice 1351 morti, Luca dice 15mila. Chi dei due ha ragione?", TOLL),  # friends' names are filler
        ("mark says 1351 and my mate says 15000, who's right?", TOLL),
        ("Ma alla fine il portavoce l'ha dato un numero preciso o ha parlato cosi in generale?", {"peskov-no-number"}),
        ("Come la raccontano in Russia, che parola usano al posto di guerra?", {"special-operation-framing"}),
        ("Buongiorno, al telegiornale hanno detto che i russi hanno ammesso tanti morti?", {"kremlin-admission"}),
        ("What's the official Russian line on what they're doing in Ukraine?", {"special-operation-framing"}),
        ("а по-честному сколько ребят там полегло, не по официальной версии?", {"death-toll", "western-estimates"}),
        # Trust asked of a figure is whether it is believable; of a broadcaster, it is not in the article.
        ("is the 1351 figure credible?", {"western-estimates"}),
        ("è credibile il dato di 1351?", {"western-estimates"}),
        ("ho letto che secondo i russi sono morti solo 1300 soldati e rotti, ma è credibile??", TOLL),
        ("ho visto un titolo: il cremlino ha ammesso le perdite?", {"kremlin-admission"}),
        ("Have the Russians scaled down what they're after?", {"russia-objectives", "downsizing-disguise"}),
        ("So Moscow is pretty much coming clean that the war is costing them dearly in lives?", {"kremlin-admission"}),
        ("alla fine quanti ragazzi russi non torneranno più a casa?", TOLL),
        ("Nonna chiede di cosa parla l'articolo che Marco ha messo nel gruppo, me lo riassumete?", {"about-article"}),
        ("did the kremlin guy say anything about talks with kyiv?", {"peskov-withdrawal-explanation"}),
        ("what did the spokesman say about the negotiations?", {"peskov-withdrawal-explanation"}),
        # A premise misremembered is answered with what the article says.
        ('mi pare che il portavoce abbia parlato di "perdite trascurabili", o sbaglio?', {"kremlin-admission"}),
        ("did peskov say the losses were negligible?", {"kremlin-admission"}),
        ("ricordo che i numeri ufficiali di Mosca erano usciti a fine febbraio, o era marzo?", {"official-toll"}),
        ("SOLO 1351 MORTI?? MA CHI CI CREDE!!!", TOLL),
        ("what source is this bot working from exactly?", {"about-article"}),
        ("I'm new to all of this. What's the gist of the piece you're answering about?", {"about-article"}),
        ("а ты вообще про что, какую новость разбираешь?", {"about-article"}),
        ("hanno dovuto ridimensionare i piani, come la stanno rigirando a Mosca?", {"downsizing-disguise"}),
        ("я правильно зрозумів, що за їхньою версією відступ це щоб знизити напругу?", WHY_WITHDRAW),
        ("чи вдалося росіянам щось захопити на півночі, і чим там усе скінчилось?", {"withdrawal-north"}),
        ("my uncle keeps saying Russia has barely lost anyone, how bad are their losses in actual numbers?", TOLL),
        ("russia said only a bit over a thousand died, who said that?", {"official-toll"}),
        ("они признали тысячу с лишним погибших?", {"official-toll"}),  # "a thousand-odd" is their figure
        # Russia's figure compared with the West's asks for both: the answer holding the two, not the West's alone.
        ("do the official figure and the western estimates differ a lot?", {"death-toll"}),
        ("how far off is the russian figure compared with what western countries estimate?", {"death-toll"}),
        ("офіційна цифра і західні оцінки сильно розходяться?", {"death-toll"}),
        ("give me both numbers, the russian one and the western one, side by side", {"death-toll"}),
        ("so they just gave up up north and packed their bags?", {"withdrawal-north"}),
        ("which TV channel managed to get the Kremlin talking about the dead?", {"sky-news-interview"}),
        ("is russia still trying to conquer all of ukraine?", {"russia-objectives"}),  # still trying: the aim
        ("why they are going away from the area around kyiv?", {"withdrawal-reason"}),
        ("кудою вони потім пішли, ті війська що стояли на півночі?", {"withdrawal-destination"}),
        ("скільки жмуриків за даними самої москви?", {"official-toll"}),  # Moscow's own data
        ("а шо, вони реально облажались на півночі?", {"withdrawal-north"}),
        ("чего они раньше про убитых помалкивали?", {"russian-reticence"}),
        ("ты про что вообще рассказываешь?", {"about-article"}),
        ("why would the kremlin play down its losses?", {"russian-reticence"}),
        ("what's the real reason for the retreat, not the one peskov gives?", {"withdrawal-reason"}),  # not his
        ("so they really have way more dead than they say?", {"western-estimates"}),  # more than said: higher
        ("реально в них набагато більше загиблих, ніж вони кажуть?", {"western-estimates"}),
        ("у них погибших намного больше, чем они говорят?", {"western-estimates"}),
        ("how many lives has the war cost russia so far?", TOLL),  # lives lost, not where one lives
        ("ну і скільки там насправді полягло рашистів, якщо не вірити їхньому міноборони?", TOLL),  # not theirs
        ("що сталось на півночі укра", {"withdrawal-north"}),
        ("британці його про відступ питали, і що він їм наплів?", {"peskov-withdrawal-explanation"}),
        ("та 1351 це ж брехня, скільки насправді?", {"western-estimates"}),  # a lie: the figure's reality
        ("1351 это вранье, сколько на самом деле?", {"western-estimates"}),
        ("а він хоч якусь цифру сказав чи знову води налив?", {"peskov-no-number"}),  # "or again…": a guess
        ("e quelle truppe dopo il ritiro le useranno per fare cosa?", {"withdrawal-reason"}),  # to do what: why
        ("про що тут взагалі мова, коротко?", {"about-article"}),
        ("а захід скільки нараховує?", {"western-estimates"}),  # counting up is estimating
        ("чого орки так швидко звалили з-під києва?", WHY_WITHDRAW),  # "чого" opening a question: why
        ("чего они так быстро ушли из-под киева?", WHY_WITHDRAW),
        ("чого росія хоче досягти зараз?", {"russia-objectives"}),  # wanting takes it as its object: what
        ("від кого вони там нібито «звільняють» україну, нагадайте", {"special-operation-framing"}),
        ("і куди ж вони всі поділися після того як звідти вшились", {"withdrawal-destination"}),  # slang: left
        ("яка там у нього була фраза про трагедію?", {"kremlin-admission"}),
        ("в який день вони звідти змоталися?", {"withdrawal-north"}),
        ("він хоч якусь цифру озвучив чи знов одні загальні слова?", {"peskov-no-number"}),
        # "що" before a setting may be "that", no question about the setting: the humiliation is still asked.
        ("я читав, що британський журналіст спитав його про приниження. і що він на це відповів?", {"humiliation"}),
        ("а чого вони раптом на донбас переключились?", WHY_WITHDRAW),  # switching over is moving troops
        ("з якою метою, за версією москви, вони взагалі поперлися в україну?", {"special-operation-framing"}),
        ("то вони тепер тільки на донбас роззявили рота?", {"russia-objectives"}),  # set their sights on
        ("де саме кремль зізнався про втрати, в якому медіа і коли?", {"sky-news-interview"}),
        ("what's the official label putin's people stick on the war?", {"special-operation-framing"}),
        ("мені цікаво скільки рашистів двохсотими поїхало додому", TOLL),  # went home dead: the dead
        ("шось я не зрозумів, то скільки там їхніх двохсотих насправді", TOLL),
        ("що там сталося з їхнім наступом на півночі, вони звідти злиняли?", {"withdrawal-north"}),  # slang: left
        ("під яким соусом росія подає цю війну своїм людям?", {"special-operation-framing"}),  # to its people
        ("на заході рахують їхніх мертвих аж до 15 тисяч, це правда чи вкид?", {"western-estimates"}),
        ("а він хоч якусь цифру озвучив чи як завжди води налив?", {"peskov-no-number"}),
        ("коротше, скільки орків уже на тому світі, якщо вірити статті?", TOLL),  # in the next world: dead
        ("скільки там у них двохсотих по їхніх же власних даних", {"official-toll"}),  # by their own data
        ("як вони намагаються подати свою поразку як щось інше?", {"downsizing-disguise"}),
        ("а скільки їх там насправді полягло, не по версії їхнього міністерства?", TOLL),  # not the ministry's
        ("до чого тут взагалі переговори, коли мова про відведення військ?", WHY_WITHDRAW),  # "мова про": about
        ("why does russia refuse to admit its losses?", {"russian-reticence"}),
        ("а він хоч якусь цифру озвучив, чи як завжди вода без конкретики?", {"peskov-no-number"}),
        ("на якому каналі кремль заговорив про своїх загиблих?", {"sky-news-interview"}),
        ("what did he mean when he brought up the negotiations?", {"peskov-withdrawal-explanation"}),
        ("а про «величезну трагедію» хто це сказав і про що мова?", {"kremlin-admission"}),  # "мова": the topic
        ("hanno ammesso mille e rotti morti?", {"official-toll"}),
        (
            "mia moglie si ricorda che i russi avevano parlato di poco più di mille caduti, chi l'aveva detto?",
            {"official-toll"},
        ),
        ("were they beaten back up there or did they just leave?", {"withdrawal-north", "withdrawal-reason"}),
        ("ok ma alla fine quanta gente gli è morta ai russi, più o meno?", TOLL),  # "ai russi" is whose dead
        ("@KremlinLossesBot di che notizia parli e da dove l'hai presa?", {"about-article"}),  # not Kyiv taken
        ("scusate ma questo bot di che parla? da che articolo prende le info?", {"about-article"}),
        ("come mai finora da Mosca sui caduti bocche cucite?", {"russian-reticence"}),
        # "uè" is not the EU
        ("uè ma il tizio del Cremlino l'ha sganciata una cifra dei morti o ha fatto il vago?", {"peskov-no-number"}),
        ("il Cremlino ha messo le mani avanti o ha confessato che prendono una batosta?", {"kremlin-admission"}),
    ],
)
def test_words_once_mended_or_weighed_wrongly_keep_their_meaning(question: str, expected: set[str]) -> None:
    # "a bit over" had become "brit", "at least" "last", "in merito" "ferito"; "only" weighed as a topic.
    assert_answered_by(question, expected)


@pytest.mark.parametrize(
    "question",
    [
        "how long did they bang their heads against kyiv before giving up?",
        "per quanto tempo hanno provato a prendere kiev?",
        "как долго они пытались взять киев?",
        "як довго вони намагалися взяти київ?",
    ],
)
def test_how_long_they_tried_in_the_north_is_the_withdrawal(question: str) -> None:
    assert_answered_by(question, {"withdrawal-north"})


def test_how_long_the_war_will_last_is_not_answered_with_the_weeks_in_the_north() -> None:
    assert MATCHER.match("how long will the war last?").decision is not Decision.ANSWER


@pytest.mark.parametrize(
    "question",
    [
        "is russia's official figure anywhere close to reality?",
        "is the 1351 figure even realistic?",
        "quei 1351 morti sono verosimili?",
        "цифра 1351 правдоподобна?",
        "цифра 1351 правдоподібна?",
        "is moscow lowballing the numbers?",
    ],
)
def test_whether_the_official_figure_is_believable_is_answered_with_the_western_estimates(question: str) -> None:
    assert_answered_by(question, {"western-estimates"})


@pytest.mark.parametrize(
    "question",
    [
        "what's the latest western estimate of russian dead right now?",
        "western estimate of russian losses as of this week?",
        "has the kremlin updated the 1,351 number since then?",
        "il ministero della difesa russo ha dato nuovi numeri?",
        "has the russian MoD published a newer number since march?",
        "has the kremlin put out a new number since march 25 or nah",
        "latest figures on russian dead pls, not the march ones",
        "how many have died since the article was written",
        "What did the UK Ministry of Defence say about Russian losses in May?",
        "quanti soldati russi erano morti a giugno?",
        "il ministero della difesa russo ha aggiornato la cifra dopo il 25 marzo?",
        "минобороны обновляло цифру после 25 марта?",
        "what's the current estimate from the pentagon?",
    ],
)
def test_the_askers_present_is_not_the_articles_time(question: str) -> None:
    # The article's own latest figures are from early April 2022: "right now" is a near miss it cannot answer.
    result = MATCHER.match(question)
    assert result.decision is not Decision.ANSWER, result
    assert_answered_by("what is the latest official russian casualty number?", {"official-toll"})
    assert_answered_by("when did the russian government last update its own numbers?", {"official-toll"})


def test_ukraines_own_estimate_of_russian_deaths_is_not_the_western_one() -> None:
    assert MATCHER.match("What's Ukraine's estimate of Russian deaths?").decision is not Decision.ANSWER
    assert_answered_by("what do western governments estimate?", {"western-estimates"})


def test_the_italian_newspaper_is_still_the_articles_publisher() -> None:
    assert_answered_by("quale giornale italiano ha pubblicato l'articolo?", {"about-article"})


def test_kyiv_speaking_is_ukraine_and_a_near_miss() -> None:
    assert MATCHER.match("what does kyiv say the russian death toll is?").decision is not Decision.ANSWER
    assert_answered_by("did russia leave kyiv?", {"withdrawal-north"})


@pytest.mark.parametrize(
    "question",
    [
        "What do Ukrainian officials say the Russian death toll is?",
        "What did Ukraine's defence ministry say about Russian losses?",
        "how many russians were killed according to ukraine",
        "cosa dice il ministero della difesa ucraino sui morti russi?",
        "quanti russi morti secondo l'ucraina",
        "что говорит минобороны украины о потерях россии",
        "скільки росіян загинуло за даними Києва",
        "Did Ukraine give its own estimate of Russian dead?",  # its own: Ukraine's, not the Russian ministry's
    ],
)
def test_a_ukrainian_source_for_russian_deaths_is_not_the_russian_ministry(question: str) -> None:
    # The article quotes no Ukrainian source: its official figure is the Russian defence ministry's.
    assert MATCHER.match(question).decision is not Decision.ANSWER
    assert_answered_by("what did the russian defence ministry say about the dead?", {"official-toll"})
    assert_answered_by("is there really a nazi regime in ukraine?", {"special-operation-framing"})


@pytest.mark.parametrize(
    "question",
    [
        "does moscow say it is ready to keep negotiating?",
        "la russia dice di essere pronta a negoziare?",
        "говорят ли в москве, что готовы дальше договариваться?",
        "Чи кажуть у Москві, що готові далі домовлятися?",
    ],
)
def test_russias_readiness_to_negotiate_is_peskovs_explanation_not_the_state_of_talks(question: str) -> None:
    # The article quotes Peskov: the withdrawal was "to show that Russia is ready" for further negotiations.
    assert_answered_by(question, {"peskov-withdrawal-explanation"})


@pytest.mark.parametrize(
    "question",
    [
        "are the real losses bigger than what they admit?",
        "le perdite vere sono maggiori di quelle dichiarate?",
        "ну от мені цікаво, реальні втрати росіян більші за те що вони кажуть чи ні? бо там десь 1351 писали",
    ],
)
def test_losses_asked_as_higher_than_admitted_get_the_western_estimates(question: str) -> None:
    assert_answered_by(question, {"western-estimates", "death-toll"})


def test_what_for_asks_why_in_russian_and_ukrainian() -> None:
    assert_answered_by("для чого насправді ті війська відвели, щоб на донбас перекинути?", {"withdrawal-reason"})
    assert_answered_by("для чего отвели войска?", {"withdrawal-reason"})


def test_a_weekday_asked_of_an_event_the_article_dates_is_when_it_happened() -> None:
    assert_answered_by("On which day of the week did the Sky News interview take place?", {"sky-news-interview"})


def test_losses_asked_by_unit_get_the_entry_on_ranks_and_units() -> None:
    assert MATCHER.match("which russian unit lost the most men").decision is Decision.NOT_COVERED
    assert_answered_by("where did the units that left the north go?", {"withdrawal-destination", "withdrawal-reason"})


def test_where_the_troops_ended_up_asks_where_they_went_not_how_the_war_ends() -> None:
    assert_answered_by("where did the troops from the north end up?", {"withdrawal-destination"})
    assert_answered_by("quando hanno fatto le valigie dal nord dove sono andati a finire?", {"withdrawal-destination"})


@pytest.mark.parametrize(
    "question",
    [
        "я чув шо росіяни втратили пʼятнадцять тисяч людей, це правда?",
        "говорят, погибло от семи до пятнадцати тысяч, правда?",
        "è vero che sono morti quindicimila russi?",
    ],
)
def test_the_western_figures_in_words_are_the_western_estimates(question: str) -> None:
    assert_answered_by(question, {"western-estimates", "death-toll"})


def test_laying_claim_to_only_the_donbas_is_russias_objective() -> None:
    assert_answered_by(
        "тобто на всю україну вони вже не претендують, тільки донбас?", {"russia-objectives", "downsizing-disguise"}
    )


def test_a_ukrainian_demonstrative_is_filler() -> None:
    assert_answered_by("хто і коли озвучив оті 1351?", {"official-toll"})


@pytest.mark.parametrize("question", ["і куди вони потім усі подалися?", "а куда они потом все делись?"])
def test_where_they_went_asks_where_the_troops_went(question: str) -> None:
    assert_answered_by(question, {"withdrawal-destination"})
    assert MATCHER.match("where are they from?").decision is not Decision.ANSWER  # no going asked


@pytest.mark.parametrize(
    "question",
    [
        "в мене син на фронті, от скажіть чесно скільки їхніх там полягло насправді, не по офіційних цифрах",
        "у меня сын на фронте, сколько там на самом деле погибло?",
    ],
)
def test_the_askers_own_family_at_the_front_is_no_part_of_the_question(question: str) -> None:
    assert_answered_by(question, {"death-toll", "western-estimates"})


def test_a_word_the_lexicon_knows_is_never_mended_into_another() -> None:
    # "started" is a word of its own, not a slip of "stated": the Donbas offensive is not where the troops went.
    assert MATCHER.match("has the donbass offensive started yet?").decision is not Decision.ANSWER
    assert_answered_by("when exactly did the troops start pulling out?", {"withdrawal-north"})


def test_a_big_deal_is_how_heavy_the_losses_are_not_a_peace_deal() -> None:
    assert_answered_by("How big a deal did he say those losses were for Russia?", {"kremlin-admission"})


def test_who_commands_names_someone_the_article_never_does() -> None:
    assert MATCHER.match("Who is commanding the Russian forces in the Donbass now?").decision is Decision.NONE
    assert MATCHER.match("how many russian sailors died").decision is Decision.NOT_COVERED  # losses by rank
    assert MATCHER.match("who are the russian generals who died?").decision is Decision.NOT_COVERED


def test_aims_and_figures_not_given_are_read_in_every_language() -> None:
    assert_answered_by("на що тепер цілиться москва, вже не на всю україну?", {"russia-objectives"})
    assert_answered_by("quindi cifre non ne ha fatte, giusto?", {"peskov-no-number"})


@pytest.mark.parametrize(
    "question",
    [
        "how many troops went to belarus exactly, like a number",
        "How many Russian soldiers are fighting in Ukraine in total?",
        "How many soldiers came back to Belarus exactly, like what number?",
        "how many russian soldiers are in ukraine in total",
    ],
)
def test_counting_troops_that_went_somewhere_or_fight_is_an_armys_size(question: str) -> None:
    assert MATCHER.match(question).decision is not Decision.ANSWER
    assert_answered_by("how many soldiers died in the war?", {"death-toll"})


def test_slang_for_keeping_quiet_about_the_dead_is_reticence() -> None:
    assert_answered_by("чого росіяни весь час тихарилися про своїх двохсотих?", {"russian-reticence"})


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("what's the West's best guess at how many died?", {"western-estimates", "death-toll"}),
        ("spiegami meglio perché si sono ritirati", {"withdrawal-reason", "peskov-withdrawal-explanation"}),
        ("лучше скажи сколько погибло", {"death-toll", "official-toll", "western-estimates"}),
    ],
)
def test_better_and_best_ask_an_opinion_only_where_they_judge(question: str, expected: set[str]) -> None:
    assert_answered_by(question, expected)


def test_the_feminine_past_of_saying_in_ukrainian_is_saying() -> None:
    # "казала" (Russia, feminine, said) was mended into "канала", a TV channel.
    assert_answered_by("@KremlinLossesBot чому раніше росія не казала, скільки в неї загиблих", {"russian-reticence"})


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("чомк росія відвела вйська з півночі", {"withdrawal-reason", "peskov-withdrawal-explanation"}),
        ("whu did russia withdraw", {"withdrawal-reason", "peskov-withdrawal-explanation"}),
        ("whay did russia pull out of the nroth", {"withdrawal-reason", "peskov-withdrawal-explanation"}),  # extra
    ],
)
def test_a_question_word_with_a_neighbouring_key_typed_is_still_that_question_word(
    question: str, expected: set[str]
) -> None:
    assert_answered_by(question, expected)
    assert MATCHER.match("good night all, stay safe out there").decision is Decision.NONE  # "safe" is no "save"


def test_aims_reached_for_are_russias_objectives() -> None:
    assert_answered_by(
        "ну і шо, після того як на півночі обламались, на що вони тепер замахнулись?",
        {"russia-objectives", "downsizing-disguise", "withdrawal-reason"},
    )


@pytest.mark.parametrize(
    "question",
    [
        "did russia take kyiv in the end",
        "did they ever take Chernihiv",
        "so did russia end up taking kyiv or what",
        "did russia manage to take kyiv?",  # written apart as a near miss each time it came up
    ],
)
def test_whether_a_city_was_taken_is_a_particular_place(question: str) -> None:
    assert MATCHER.match(question).decision is not Decision.ANSWER
    assert_answered_by("why did russia fail to take kyiv?", {"withdrawal-reason", "peskov-withdrawal-explanation"})
    assert_answered_by("did russia give up on taking kyiv?", {"withdrawal-north", "withdrawal-reason"})


def test_what_putin_himself_said_is_not_the_kremlins_admission() -> None:
    # The article quotes Peskov, never Putin; "was it Putin himself?" only guesses who gave the figure.
    assert MATCHER.match("Did Putin himself comment on the losses?").decision is not Decision.ANSWER
    assert_answered_by("Who gave the official figure of dead, was it Putin himself?", {"official-toll"})


@pytest.mark.parametrize("question", ["сколько детей погибло?", "скільки дітей загинуло?", "how many children died?"])
def test_children_killed_are_civilian_deaths(question: str) -> None:
    best = MATCHER.match(question).best
    assert best is not None
    assert best.entry.id == "civilian-deaths"


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("скільки орків там уже склало голову, пишуть щось?", {"death-toll", "official-toll", "western-estimates"}),
        ("а скільки двохсотих за версією самих росіян?", {"death-toll", "official-toll"}),
        ("Вони що, вже не збираються захоплювати всю Україну?", {"russia-objectives", "downsizing-disguise"}),
        ("Тобто їм уже не вся Україна треба, а тільки Донбас?", {"russia-objectives", "downsizing-disguise"}),
        ("Вони з півночі пішли зовсім чи їх кудись перекинули?", {"withdrawal-destination", "withdrawal-reason"}),
        ("Під яким приводом вони, за їхньою ж версією, взагалі напали?", {"special-operation-framing"}),
        ("Шановний боте, поясніть, будь ласка, що це за речник Кремля, про якого йдеться у статті", {"who-is-peskov"}),
    ],
)
def test_ukrainian_idioms_of_death_aims_sources_and_pretexts_are_read(question: str, expected: set[str]) -> None:
    assert_answered_by(question, expected)


@pytest.mark.parametrize(
    "question",
    [
        "а він хоч якусь цифру озвучив, чи просто поговорив про трагедію?",
        "он хоть какую-то цифру озвучил или просто сказал, что это трагедия?",
        "did he give any number, or just talk about a tragedy?",
    ],
)
def test_an_alternative_the_asker_guesses_does_not_outweigh_what_is_asked(question: str) -> None:
    # What follows "or just" counts only where a curated question names it: the number is what is asked.
    assert_answered_by(question, {"peskov-no-number"})


def test_now_asked_of_the_troops_alone_never_reaches_a_figure() -> None:
    # Left out only where the question asks where or why they move: otherwise nothing but the troops is left.
    assert MATCHER.match("and what are they gonna do with those troops now?").decision is not Decision.ANSWER


@pytest.mark.parametrize(
    "question",
    ["how many Russian soldiers have died in Belarus?", "сколько российских солдат умерло в Беларуси?"],
)
def test_deaths_counted_in_belarus_ask_a_breakdown_by_place_the_article_lacks(question: str) -> None:
    # Belarus is where troops went, not where the article counts anyone dead.
    assert MATCHER.match(question).decision is not Decision.ANSWER
    assert_answered_by("did the troops go back to Belarus?", {"withdrawal-destination"})


@pytest.mark.parametrize(
    "question",
    [
        "Who is the spokesperson for the White House?",
        "хто речник Білого дому?",
        "chi è il portavoce della Casa Bianca?",
    ],
)
def test_the_white_house_is_another_side_whose_spokesman_the_article_never_names(question: str) -> None:
    assert MATCHER.match(question).decision is not Decision.ANSWER


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("скільки росіян загинуло за весь цей час?", {"death-toll", "official-toll", "western-estimates"}),
        ("сколько русских погибло за все это время?", {"death-toll", "official-toll", "western-estimates"}),
        ("чому росіяни пішли з північних областей?", {"withdrawal-reason", "peskov-withdrawal-explanation"}),
        ("почему россия ушла из северных областей?", {"withdrawal-reason", "peskov-withdrawal-explanation"}),
        ("quanto è messo male l'esercito russo come perdite?", {"kremlin-admission", "death-toll"}),
    ],
)
def test_the_whole_time_regions_and_how_badly_off_frame_a_question_without_changing_it(
    question: str, expected: set[str]
) -> None:
    assert_answered_by(question, expected)


@pytest.mark.parametrize(
    "question",
    [
        "він хоч якусь цифру назвав чи просто говорив про трагедію?",
        "а песков хоть какое-то число озвучил?",
        "did he name a figure, or just talk of a tragedy?",
    ],
)
def test_naming_some_figure_is_giving_a_number(question: str) -> None:
    assert_answered_by(question, {"peskov-no-number"})


@pytest.mark.parametrize("question", ["какую цифру назвал кремль?", "яку цифру назвав кремль?"])
def test_which_figure_was_named_asks_the_figure_not_what_the_war_is_called(question: str) -> None:
    best = MATCHER.match(question).best
    assert best is not None
    assert best.entry.id == "official-toll"


def test_or_as_usual_opens_a_guess_at_another_answer() -> None:
    assert_answered_by("did he give any number, or as usual just hot air and empty talk?", {"peskov-no-number"})


@pytest.mark.parametrize(
    "question", ["якими словами пєсков описав утрати росії?", "Якими словами він описав ці втрати?"]
)
def test_in_which_words_is_filler_in_every_case_of_which(question: str) -> None:
    assert_answered_by(question, {"kremlin-admission"})


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("як на болотах називають цю війну?", {"special-operation-framing"}),
        ("пєсков визнав втрати, але конкретики не дав?", {"peskov-no-number", "kremlin-admission"}),
        ("песков признал потери, но никакой конкретики не дал?", {"peskov-no-number", "kremlin-admission"}),
        ("навіщо росія стягує війська на схід?", {"withdrawal-reason", "russia-objectives"}),
        ("зачем россия стягивает войска на восток?", {"withdrawal-reason", "russia-objectives"}),
        ("вони довго пробували взяти київ, перш ніж піти?", {"withdrawal-north", "withdrawal-reason"}),
    ],
)
def test_ukrainian_and_russian_slang_for_russia_massing_troops_and_specifics_are_read(
    question: str, expected: set[str]
) -> None:
    assert_answered_by(question, expected)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("чого орда побігла з півночі?", {"withdrawal-reason", "peskov-withdrawal-explanation"}),
        ("куди поділась орда?", {"withdrawal-destination"}),
        ("скількох загиблих визнала росія?", {"official-toll", "death-toll"}),
    ],
)
def test_ukrainian_slang_for_the_army_fleeing_and_how_many_in_the_genitive_are_read(
    question: str, expected: set[str]
) -> None:
    assert_answered_by(question, expected)


def test_italian_past_forms_of_dying_and_losing_are_deaths() -> None:
    assert_answered_by("i russi perdevano tanti soldati?", {"death-toll", "kremlin-admission"})
    best = MATCHER.match("quanti russi morivano al nord?").best  # deaths by region: the entry without them
    assert best is not None
    assert best.entry.id == "battles-and-places"


@pytest.mark.parametrize(
    "question",
    [
        "а що в кремлі кажуть про відведення військ з-під києва?",
        "what is the kremlin saying about the withdrawal from kyiv?",
    ],
)
def test_what_the_kremlin_says_about_the_withdrawal_from_the_north_is_its_account(question: str) -> None:
    assert_answered_by(question, {"peskov-withdrawal-explanation", "downsizing-disguise"})
    # Another side's word on it is not the Kremlin's account.
    ukraine = MATCHER.match("What did Ukraine say about the Russian withdrawal from Kyiv?").best
    assert ukraine is None or ukraine.entry.id != "peskov-withdrawal-explanation"


def test_finishing_the_job_in_the_east_is_conquering_it_not_a_job_title() -> None:
    assert_answered_by("is russia regrouping to finish the job in donbas?", {"russia-objectives", "withdrawal-reason"})


@pytest.mark.parametrize(
    "question",
    [
        "що стоїть за відступом з-під києва, без кремлівської пропаганди?",
        "why did russia withdraw, without the official spin?",
    ],
)
def test_the_kremlins_account_disowned_after_a_question_is_no_part_of_it(question: str) -> None:
    # What follows "without" the Kremlin's side is the account the asker does not want: the reason is asked.
    assert_answered_by(question, {"withdrawal-reason"})
    # A tag question before the Kremlin is named again opens a new question, not a disowned source.
    assert_answered_by(
        "Слить север это ж позорище чистой воды, не? Что на это кремлевский рупор ответил?", {"humiliation"}
    )


def test_being_someones_guest_is_the_interview() -> None:
    assert_answered_by("у кого в гостях кремлівський речник так розговорився?", {"sky-news-interview"})


@pytest.mark.parametrize(
    "question",
    [
        "how is the kremlin spinning the fact that it had to lower its ambitions?",
        "how is moscow spinning the fact that it had to lower its sights?",
    ],
)
def test_lowering_its_ambitions_is_scaling_them_back(question: str) -> None:
    assert_answered_by(question, {"downsizing-disguise"})


def test_someone_in_putins_inner_circle_is_the_kremlin() -> None:
    assert_answered_by("has anybody in putin's inner circle acknowledged the losses?", {"kremlin-admission"})


@pytest.mark.parametrize(
    "question", ["від кого вони збиралися «звільняти» україну?", "da chi voleva liberare l'ucraina la russia?"]
)
def test_liberating_ukraine_is_russias_framing_not_taking_land(question: str) -> None:
    assert_answered_by(question, {"special-operation-framing"})
    assert_answered_by("did russia want to take the whole of ukraine?", {"russia-objectives"})
    assert MATCHER.match("did russia liberate kyiv in the end?").decision is not Decision.ANSWER  # a city taken


def test_the_whole_thing_is_the_war_not_the_whole_of_ukraine() -> None:
    assert_answered_by("what's moscow's spin on the whole thing, what do they call it?", {"special-operation-framing"})


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("звідки ця новина і коли вийшло?", {"about-article"}),  # the news came out, no troops left
        ("ну і скільки їхніх загиблих виявилось?", {"death-toll", "official-toll", "western-estimates"}),
        ("чого вони так довго тихо сиділи про своїх мертвих?", {"russian-reticence"}),
        ("почему они так тихо сидели про погибших?", {"russian-reticence"}),
    ],
)
def test_keeping_quiet_turning_out_and_coming_out_are_read_in_ukrainian_and_russian(
    question: str, expected: set[str]
) -> None:
    assert_answered_by(question, expected)


def test_what_the_withdrawal_was_meant_to_show_is_the_kremlins_gesture() -> None:
    assert_answered_by("what was the retreat supposed to signal?", {"peskov-withdrawal-explanation"})


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("кум каже що росіяни втратили максимум тисячу людей, хто правий?", {"official-toll", "death-toll"}),
        ("скільки людей втратила росія?", {"death-toll", "official-toll", "western-estimates"}),
        ("сколько людей максимум потеряла россия?", {"death-toll", "official-toll", "western-estimates"}),
    ],
)
def test_people_at_most_and_who_is_right_frame_a_count_in_ukrainian_and_russian(
    question: str, expected: set[str]
) -> None:
    # "Who is right" asks which figure is true, not who someone is; "people" lost are the war's dead.
    assert_answered_by(question, expected)


@pytest.mark.parametrize(
    "question",
    [
        "how did the kremlin's mouthpiece describe the losses?",
        "як кремлівський рупор назвав ці втрати?",
        "как кремлевский рупор описал потери?",
    ],
)
def test_what_the_spokesman_called_the_losses_is_the_admission_not_his_name(question: str) -> None:
    assert_answered_by(question, {"kremlin-admission"})
    assert_answered_by("what is the kremlin spokesperson's name?", {"who-is-peskov"})


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("I read the dead are many more, several thousand. Is that true?", {"western-estimates", "death-toll"}),
        ("говорят, погибших намного больше, это правда?", {"western-estimates", "death-toll"}),
        (
            "my uncle insists Russia lost barely a thousand men, what does the article say?",
            {"official-toll", "death-toll"},
        ),
        ("alla fine quanti uomini ci ha rimesso Mosca?", {"death-toll", "official-toll", "western-estimates"}),
        ("то їм тепер уся україна вже не треба, тільки донбас?", {"russia-objectives", "downsizing-disguise"}),
    ],
)
def test_many_more_barely_losing_and_all_of_ukraine_are_read(question: str, expected: set[str]) -> None:
    # "Many more" dead is a higher toll, "barely a thousand" only a figure, "уся україна" the whole country.
    assert_answered_by(question, expected)


def test_a_time_zone_is_the_clock_not_a_date_in_the_article() -> None:
    assert MATCHER.match("what time zone is kyiv in?").decision is Decision.NONE


@pytest.mark.parametrize(
    "question", ["how big is the british army compared to other countries?", "how large are the british armed forces?"]
)
def test_any_armys_size_is_one_the_article_never_gives(question: str) -> None:
    assert MATCHER.match(question).decision is not Decision.ANSWER


def test_belarus_named_in_a_question_about_something_else_is_not_the_withdrawal() -> None:
    # No one-word curated question ("belarus?") stands in for every question that names the country.
    assert MATCHER.match("my grandpa comes from belarus, how do i find his records?").decision is not Decision.ANSWER
    assert_answered_by("did the troops go back to belarus?", {"withdrawal-destination"})
    assert_answered_by("belarus?", {"withdrawal-destination"})


@pytest.mark.parametrize(
    "question",
    [
        "хто той, хто говорив зі скай ньюс?",
        "кто тот, кто разговаривал с британскими журналистами?",
        "chi è quello che ha parlato con sky news?",
    ],
)
def test_who_the_one_who_spoke_to_sky_news_is_asks_who_peskov_is(question: str) -> None:
    assert_answered_by(question, {"who-is-peskov"})


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("скільки тих «визволителів» там загинуло?", {"death-toll", "official-toll", "western-estimates"}),
        ("сколько этих «освободителей» погибло?", {"death-toll", "official-toll", "western-estimates"}),
        ("яка в кремля відмазка за відступ?", {"peskov-withdrawal-explanation", "downsizing-disguise"}),
        ("за що росія воює в україні, за їхньою версією?", {"special-operation-framing"}),
        ("за что россия воюет в украине по их версии?", {"special-operation-framing"}),
        ("він знову відмазався і цифри не назвав?", {"peskov-no-number"}),
    ],
)
def test_liberators_excuses_and_fighting_are_read_in_ukrainian_and_russian(question: str, expected: set[str]) -> None:
    # "Liberators" in quotes are the soldiers; an excuse ("відмазка") is a reason given, dodging a question
    # ("відмазався") is not giving a number; fighting ("воює") is the war.
    assert_answered_by(question, expected)


@pytest.mark.parametrize("question", ["where were the troops sent since then?", "where are those troops currently?"])
def test_where_the_troops_are_currently_is_where_they_went_not_todays_toll(question: str) -> None:
    assert_answered_by(question, {"withdrawal-destination"})
    # "Now" as Russia's next aim stays when neither where nor why is asked.
    assert_answered_by("виходить, вони тепер усі сили кинуть на донбас?", {"russia-objectives", "withdrawal-reason"})


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("навіщо вони тягнуть війська на донбас?", {"withdrawal-reason", "russia-objectives"}),
        (
            "як вони подають відступ, щоб не виглядати лузерами?",
            {"downsizing-disguise", "peskov-withdrawal-explanation"},
        ),
    ],
)
def test_dragging_troops_and_looking_like_something_are_read_in_ukrainian(question: str, expected: set[str]) -> None:
    assert_answered_by(question, expected)


def test_a_full_name_asked_is_a_name_the_article_never_gives() -> None:
    assert MATCHER.match("nome e cognome del ministro della difesa russo?").decision is not Decision.ANSWER


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("в які регіони перекинули війська з-під києва?", {"withdrawal-destination"}),
        ("скільки їх загинуло, хтось рахував?", {"death-toll", "official-toll", "western-estimates"}),
        ("кто-нибудь посчитал, сколько погибло?", {"death-toll", "official-toll", "western-estimates"}),
        ("how badly have the russians been hit in terms of manpower?", {"death-toll", "kremlin-admission"}),
    ],
)
def test_which_regions_counting_and_in_terms_of_are_read(question: str, expected: set[str]) -> None:
    # "Which regions" asks where, counting is a count, and "in terms of" names no term Russia uses.
    assert_answered_by(question, expected)


def test_a_single_and_otherwise_are_filler() -> None:
    question = "russia never admitted a single dead soldier, didn't someone in the kremlin say otherwise?"
    assert_answered_by(question, {"kremlin-admission"})


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("на мою думку росія втратила пачками, що пише стаття?", {"death-toll", "kremlin-admission"}),
        ("песков т е признал потери?", {"kremlin-admission"}),
    ],
)
def test_asides_and_abbreviations_are_filler_in_ukrainian_and_russian(question: str, expected: set[str]) -> None:
    # "На мою думку" is the asker's view, "пачками" (in droves) how heavy; "т. е." is "that is".
    assert_answered_by(question, expected)


def test_what_they_would_not_say_is_what_they_call_it_not_what_they_want() -> None:
    # "Non vogliono dire guerra": what they will not call it, not Russia's aims.
    assert_answered_by("come la chiamano, non vogliono dire guerra giusto?", {"special-operation-framing"})


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            "Дозвольте поцікавитися, скільки росіян загинуло відповідно до цієї публікації?",
            {"death-toll", "official-toll", "western-estimates"},
        ),
        ("Доброго дня. Прошу роз'яснити, що конкретно кремль визнав?", {"kremlin-admission"}),
        ("СКІЛЬКИ ЗАГИНУЛО РОСІЙСЬКИХ СОЛДАТІВ?? ВІДПОВІДАЙ!!", {"death-toll", "official-toll", "western-estimates"}),
    ],
)
def test_formal_and_insistent_filler_is_read_as_filler_in_ukrainian(question: str, expected: set[str]) -> None:
    # "Дозвольте поцікавитися" (may I ask), "відповідно до" (according to), "доброго дня", "що конкретно" (what
    # exactly) and "відповідайте" (answer!) ask nothing; a publication is the article.
    assert_answered_by(question, expected)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("яким терміном москва позначає цю війну?", {"special-operation-framing", "russian-reticence"}),
        ("нахіба вони втекли з півночі", {"withdrawal-reason", "peskov-withdrawal-explanation"}),
        ("як обґрунтовує кремль відступ з півночі?", {"withdrawal-reason", "peskov-withdrawal-explanation"}),
        ("коли орки на півночі здулися?", {"withdrawal-north"}),
    ],
)
def test_terms_curses_justifying_and_fizzling_out_are_read_in_ukrainian(question: str, expected: set[str]) -> None:
    assert_answered_by(question, expected)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("сестра каже, що вони пішли з півночі, а куди поділися ті війська?", {"withdrawal-destination"}),
        ("речник назвав точну кількість загиблих?", {"peskov-no-number"}),
    ],
)
def test_what_the_askers_own_people_say_is_hearsay_and_a_precise_figure_named_is_a_number_given(
    question: str, expected: set[str]
) -> None:
    assert_answered_by(question, expected)


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        ("скільки загинуло за версією нато і т.д.?", "скільки загинуло за нато?"),
        ("яка реальна причина відходу?", "яка причина відходу?"),
    ],
)
def test_according_to_a_version_etc_and_the_real_reason_read_as_the_plain_question_in_ukrainian(
    question: str, plain: str
) -> None:
    # "За версією" is "according to" and "і т.д." is "etc.": filler; the real reason is the reason.
    assert_read_alike(question, plain)


def test_what_they_have_in_mind_is_their_aim_in_ukrainian() -> None:
    assert_answered_by("що росіяни задумали після відступу з півночі?", {"russia-objectives", "downsizing-disguise"})


def test_the_real_reason_not_the_kremlins_rhetoric_disowns_the_kremlins_account() -> None:
    assert_answered_by("яка справжня причина відходу з півночі, а не риторика кремля?", {"withdrawal-reason"})


@pytest.mark.parametrize(
    "question", ["When did Russia start the offensive in the north?", "коли почався наступ росіян на північ україни?"]
)
def test_when_the_offensive_began_is_not_when_they_pulled_out(question: str) -> None:
    assert MATCHER.match(question).decision is not Decision.ANSWER


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("when did they start pulling out of the north?", {"withdrawal-north"}),
        ("the kremlin now says the east was all they wanted from the start?", {"russia-objectives"}),
    ],
)
def test_starting_to_pull_out_and_from_the_start_still_ask_the_withdrawal_and_the_aim(
    question: str, expected: set[str]
) -> None:
    assert_answered_by(question, expected)


@pytest.mark.parametrize(
    "question",
    [
        "how many died according to the british?",
        "how many russian soldiers died according to the british?",
        "сколько погибло по данным британцев?",
        "quanti sono morti secondo gli inglesi?",
    ],
)
def test_the_british_counting_the_dead_are_a_western_side_not_the_broadcaster(question: str) -> None:
    assert_answered_by(question, {"western-estimates"})


def test_british_soldiers_dead_are_not_a_side_counting_russians() -> None:
    assert MATCHER.match("how many british soldiers died in the falklands war").decision is not Decision.ANSWER


def test_rivals_one_entry_covers_get_its_answer_not_did_you_mean() -> None:
    def entry(entry_id: str, covers: tuple[str, ...] = ()) -> Entry:
        questions = ("how many soldiers died", "the death toll", "number of dead", "how many were killed", "losses")
        return Entry(id=entry_id, questions=questions, answer="a", source="s", caveat="c", quote=("q",), covers=covers)

    # Both entries hold the same questions: every question about the dead ties between them.
    apart = Matcher([entry("official"), entry("overview")]).match("how many soldiers died?")
    assert apart.decision is Decision.AMBIGUOUS
    covered = Matcher([entry("official"), entry("overview", covers=("official",))]).match("how many soldiers died?")
    assert covered.decision is Decision.ANSWER
    assert [c.entry.id for c in covered.candidates] == ["overview", "official"]


def test_a_not_covered_rival_still_blocks_an_answer_that_covers_the_others() -> None:
    def entry(entry_id: str, kind: str = "fact", covers: tuple[str, ...] = ()) -> Entry:
        questions = ("how many soldiers died", "the death toll", "number of dead", "how many were killed", "losses")
        quote = ("q",) if kind == "fact" else ()
        return Entry.model_validate(
            {"id": entry_id, "kind": kind, "questions": questions, "answer": "a", "source": "s", "caveat": "c"}
            | {"quote": quote, "covers": covers}
        )

    entries = [entry("official"), entry("overview", covers=("official",)), entry("today", kind="not_covered")]
    assert Matcher(entries).match("how many soldiers died?").decision is Decision.AMBIGUOUS


def test_a_question_between_the_reason_and_peskovs_account_gets_the_reason_that_gives_both() -> None:
    # The reason's answer tells the Kremlin's account too ("covers"), so the tie needs no "did you mean".
    question = "how do they explain pulling out of the north, what did peskov tell reporters?"
    assert_answered_by(question, {"withdrawal-reason"})


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("оцей пєсков хто такий?", {"who-is-peskov"}),
        ("у нашому чаті сперечаються, а я не в курсі: хто такий пєсков?", {"who-is-peskov"}),
        ("чого вони язика проковтнули про своїх загиблих?", {"russian-reticence", "special-operation-framing"}),
    ],
)
def test_this_one_the_chat_and_swallowing_ones_tongue_are_read_in_ukrainian(question: str, expected: set[str]) -> None:
    # "Оцей" is "this", a chat and being "в курсі" (in the know) ask nothing, and swallowing one's tongue is
    # keeping quiet.
    assert_answered_by(question, expected)


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        ("скоко орків побило?", "скоко орків загинуло?"),
        ("як пєсков розтлумачив відведення військ?", "як пєсков пояснив відведення військ?"),
        ("що пресек кремля розповідав англійцям?", "що речник кремля розповідав британцям?"),
        ("як вони людям голову морочать, що плани поменшали?", "як вони людям маскують, що плани поменшали?"),
        ("мій знайомий каже, що вони втекли. куди вони пішли?", "мій брат каже, що вони втекли. куди вони пішли?"),
        ("напомните, кем работает песков?", "кем работает песков?"),
    ],
)
def test_slang_for_killing_explaining_the_press_secretary_the_english_and_fooling_read_as_the_plain_words(
    question: str, plain: str
) -> None:
    assert_read_alike(question, plain)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("бачу всюди пєскова, хто він такий?", {"who-is-peskov"}),
        ("в які боки розійшлися війська з півночі?", {"withdrawal-destination"}),
        ("я пропустив той тиждень, що сталося на півночі?", {"withdrawal-north"}),
        ("мене завжди дивувало, чого росіяни тихцем тримають своїх загиблих", {"russian-reticence"}),
    ],
)
def test_seeing_everywhere_directions_that_week_and_on_the_quiet_are_read_in_ukrainian(
    question: str, expected: set[str]
) -> None:
    # Seeing a name everywhere or always wondering asks nothing; "в які боки" (which ways) asks where; "той
    # тиждень" (that week) is no latest news; "тихцем" (on the quiet) is keeping quiet.
    assert_answered_by(question, expected)


def test_what_peskov_works_as_reads_as_his_post_in_ukrainian() -> None:
    assert_read_alike("сорі за тупе питання, ким працює пєсков?", "ким за посадою є пєсков?")


@pytest.mark.parametrize(
    "question",
    [
        "Russia says 1351 died, how many Ukrainians died?",
        "в якому місті на півночі були найважчі бої перед відходом?",
        "чи переговори після відходу до чогось привели?",
        "які втрати техніки визнав пєсков в інтерв'ю?",
        "did peskov admit any tank losses in the sky news interview?",
    ],
)
def test_ukraines_dead_beside_russias_figure_a_city_where_talks_led_and_equipment_are_not_answered(
    question: str,
) -> None:
    # The Russian figure given is what the asker holds, not what is asked; a city asked by no name is a place
    # the article does not break anything down by; what the talks led to is their outcome; and equipment is
    # never counted, whoever is said to admit it.
    assert MATCHER.match(question).decision is not Decision.ANSWER


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("вони тижнями тупцювали на місці і відійшли, коли це було?", {"withdrawal-north"}),
        ("dove ha fatto quella mezza confessione il portavoce?", {"sky-news-interview"}),
    ],
)
def test_marking_time_on_the_spot_and_a_half_confession_are_no_place_or_equipment(
    question: str, expected: set[str]
) -> None:
    assert_answered_by(question, expected)


@pytest.mark.parametrize(
    "question",
    [
        "я розумію, що офіційно 1351 загиблий, але скільки було поранених?",
        "я понимаю, что официально 1351 погибший, но сколько раненых?",
    ],
)
def test_a_figure_granted_before_but_is_a_premise_in_ukrainian_and_russian(question: str) -> None:
    # As "I get that 1,351 died officially, but how many were injured?": the wounded are asked, not the dead.
    result = MATCHER.match(question)
    assert result.decision is Decision.NOT_COVERED
    assert result.best is not None
    assert result.best.entry.id == "wounded"


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("вони ж наче київ хотіли взяти, ну окей. але чого тоді орки звалили з півночі?", WHY_WITHDRAW),
        ("як пєсков пояснив відхід? я йому не вірю, але що він казав?", {"peskov-withdrawal-explanation"}),
    ],
)
def test_why_after_a_premise_is_asked_and_a_question_first_is_no_premise(question: str, expected: set[str]) -> None:
    assert_answered_by(question, expected)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("слухай, що кремль там конкретно визнав про потєрі?", {"kremlin-admission"}),
        ("а что они там конкретно признали про потери?", {"kremlin-admission"}),
        ("поясніть по-людськи, що сталося на півночі?", {"withdrawal-north"}),
    ],
)
def test_what_exactly_was_said_and_explain_what_happened_ask_the_content_not_specifics_or_why(
    question: str, expected: set[str]
) -> None:
    # "Конкретно" (exactly) before a saying verb asks what was said; "поясніть" (explain) before another
    # question word asks that question.
    assert_answered_by(question, expected)


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        ("ТО СКІЛЬКИ ЇХ ЗДОХЛО ВРЕШТІ-РЕШТ?", "ТО СКІЛЬКИ ЇХ ЗДОХЛО?"),
        ("чуваки, поясніть, скільки орків полягло?", "скільки орків полягло?"),
    ],
)
def test_after_all_dudes_and_explain_how_many_read_as_the_plain_question_in_ukrainian(
    question: str, plain: str
) -> None:
    assert_read_alike(question, plain)


def test_a_ukrainian_city_in_another_case_is_still_a_place() -> None:
    assert MATCHER.match("скільки рашистів полягло під харковом?").decision is not Decision.ANSWER


@pytest.mark.parametrize(
    "question",
    ["скільки орків полягло, бо я вже не знаю кому вірити", "скажіть, скільки там загинуло, бо я вже заплуталась"],
)
def test_the_askers_own_reason_after_because_is_not_a_why(question: str) -> None:
    # "Бо я вже не знаю…" says why the asker asks: the count is asked, not why Russia kept quiet about it.
    assert_answered_by(question, TOLL)


def test_a_because_that_asks_something_firm_after_the_asker_still_counts() -> None:
    question = "вони пішли, бо я чув, що не змогли взяти київ?"
    assert_answered_by(question, WHY_WITHDRAW)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("то виходить, офіційно там загинуло тисяча з хвостиком?", {"official-toll", "death-toll"}),
        (
            "будьте ласкаві, скільки загиблих станом на кінець березня визнавало оборонне відомство рф?",
            {"official-toll", "death-toll"},
        ),
        ("мені для доповіді в школі треба: чого росія так довго мовчала про своїх вбитих?", {"russian-reticence"}),
        ("кремль визнав втрати, а цифру хоч якусь дали чи як завжди?", {"peskov-no-number"}),
        ("а цифру хоть какую-то дали или как всегда?", {"peskov-no-number"}),
        ("як конкретно пєсков пояснював відведення військ з півночі?", {"peskov-withdrawal-explanation"}),
    ],
)
def test_a_thousand_odd_the_end_of_march_a_school_report_and_some_figure_at_least_are_read(
    question: str, expected: set[str]
) -> None:
    # "Тисяча з хвостиком" is a thousand-odd, the end of March the month (no end of the war), a school report
    # the asker's context, and some figure at least ("хоч якусь цифру"), whoever gives it, a number asked for.
    assert_answered_by(question, expected)


def test_slang_for_a_lot_and_in_short_read_as_the_plain_question_in_ukrainian() -> None:
    assert_read_alike(
        "короч, кацапи признались шо в них дофіга двохсотих?", "кацапи признались шо в них значні втрати?"
    )


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("якому засобу масової інформації пєсков надав інтерв'ю, у якому йшлося про втрати?", {"sky-news-interview"}),
        ("у яких напрямках рушили російські колони з півночі?", {"withdrawal-destination"}),
        ("шо там ся діяло на півночі?", {"withdrawal-north"}),
    ],
)
def test_mass_media_directions_columns_and_what_was_going_on_are_read_in_ukrainian(
    question: str, expected: set[str]
) -> None:
    # "Засоби масової інформації" are the media, "у яких напрямках" asks where, columns are troops, and "що там
    # ся діяло" (what was going on there) asks what happened.
    assert_answered_by(question, expected)


def test_what_the_askers_own_people_ask_is_hearsay_and_where_they_were_put_asks_where_in_russian() -> None:
    assert_answered_by("дочка спрашивает: а войска, которые с севера ушли, их куда дели?", {"withdrawal-destination"})


def test_the_next_round_of_talks_is_a_time_after_the_article_in_russian() -> None:
    assert MATCHER.match("когда следующий раунд переговоров, о которых говорил песков?").decision is not Decision.ANSWER


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("why Russia keeps the mouth shut about its killed soldiers so long time", {"russian-reticence"}),
        ("Is it true Russia hasn't been upfront about how many of its guys died?", {"russian-reticence"}),
        ("what's the actual body count for the russians, ballpark", TOLL),
        ("Was it British or American telly he spoke to?", {"sky-news-interview"}),
    ],
)
def test_keeping_ones_mouth_shut_being_upfront_a_ballpark_and_the_channels_nation_are_read(
    question: str, expected: set[str]
) -> None:
    # Keeping one's mouth shut is keeping quiet and being upfront its opposite; "ballpark" asks nothing more;
    # a Western nation asked of the interview, with no figure, is the broadcaster's, not the Western estimates.
    assert_answered_by(question, expected)


def test_a_greeting_in_the_afternoon_is_small_talk_like_one_in_the_morning() -> None:
    assert MATCHER.match("good afternoon bot").decision is MATCHER.match("good morning bot").decision


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        (
            "Вибачте, я забула, яку цифру загиблих назвало їхнє міністерство?",
            "яку цифру загиблих назвало їхнє міністерство?",
        ),
        ("я думав, що вони просто втекли. що пишуть про причину відходу?", "що пишуть про причину відходу?"),
        ("Скажіть, я не знаю, кому він давав ту розмову?", "кому він давав ту розмову?"),
        (
            "Скажите, я забыл, какую цифру погибших назвало их министерство?",
            "какую цифру погибших назвало их министерство?",
        ),
        ("Mr Peskov, what office does he hold?", "Peskov, what position does he hold?"),
    ],
)
def test_the_askers_apologies_forgetting_knowing_and_thinking_are_filler(question: str, plain: str) -> None:
    # "Вибачте", "забула", "знаю", "думав" (and "забыл", "Mr") only frame the question; an office is a post.
    assert_read_alike(question, plain)


def test_this_text_is_the_article() -> None:
    assert_answered_by("im curious what russia is going for now according to this text", {"russia-objectives"})


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("can you explain where the troops went after leaving the north?", {"withdrawal-destination"}),
        ("explain to me how many russians died", TOLL),
        ("spiegami quanti russi sono morti", TOLL),
        ("объясните, куда ушли войска с севера?", {"withdrawal-destination"}),
        ("поясніть простими словами, куди пішли війська з півночі", {"withdrawal-destination"}),
        ("а куди вони всі поділись, коли пішли з півночі? поясніть", {"withdrawal-destination"}),
    ],
)
def test_asking_the_bot_to_explain_asks_the_other_question_word_not_why(question: str, expected: set[str]) -> None:
    assert_answered_by(question, expected)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("explain the withdrawal", {"withdrawal-reason"}),
        ("поясніть, чому вони пішли з півночі", {"withdrawal-reason"}),
        ("how did the kremlin explain the number of dead?", {"russian-reticence", "peskov-no-number"}),
    ],
)
def test_explaining_still_asks_why_alone_or_when_someone_else_explains(question: str, expected: set[str]) -> None:
    # Nothing else asked, or the Kremlin doing the explaining: the why stays.
    assert_answered_by(question, expected)


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        ("Слава Богу, вони пішли з півночі. А куди їх перекинули?", "Вони пішли з півночі. А куди їх перекинули?"),
        ("I'm worried: how many Russian soldiers died?", "how many Russian soldiers died?"),
    ],
)
def test_the_askers_family_addressed_and_thanks_to_god_are_filler(question: str, plain: str) -> None:
    # "Дітки" is the grandchildren addressed, not children killed; "слава Богу" and worrying ask nothing.
    assert_read_alike(question, plain)


@pytest.mark.parametrize(
    "question", ["Дітки, поясніть бабусі, хто такий Пєсков?", "Сынок, объясни бабушке, кто такой Песков?"]
)
def test_the_grandchildren_addressed_are_not_children_killed(question: str) -> None:
    assert_answered_by(question, {"who-is-peskov"})


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        ("Друзі, поясніть, яку ціль тепер має Москва?", "яку ціль тепер має Москва?"),
        ("Друзья, объясните, какую цель теперь ставит Москва?", "какую цель теперь ставит Москва?"),
        ("explain to me what russia wants now", "what russia wants now"),
    ],
)
def test_asking_to_explain_right_before_a_question_word_asks_that_question(question: str, plain: str) -> None:
    # "поясніть, яку…", "explain to me what…": the request to explain only opens the question.
    assert_read_alike(question, plain)


def test_the_telly_mocked_or_named_as_the_first_channel_is_a_broadcaster() -> None:
    # The Ukrainian "тєлєвізор" mocks the Russian "телевизор"; "телевізор" already names a broadcaster.
    assert_read_alike("де він це сказав, на російському тєлєвізорі?", "де він це сказав, на російському телевізорі?")


@pytest.mark.parametrize(
    "question",
    [
        "did Peskov say when the negotiations will resume?",
        "When exactly will the talks with Ukraine resume?",
        "Когда возобновятся переговоры с Украиной?",
        "Коли відновляться переговори з Україною?",
        "Quando riprenderanno le trattative con l'Ucraina?",
    ],
)
def test_when_the_talks_resume_is_after_the_article(question: str) -> None:
    # Peskov spoke of continuing the talks; when they resume, the article never says.
    result = MATCHER.match(question)
    assert result.decision is not Decision.ANSWER
    assert result.best is not None
    assert result.best.entry.id == "negotiations-status"


def test_whether_russia_is_ready_to_continue_the_talks_is_still_peskovs_account() -> None:
    assert_answered_by("Is Russia ready to continue the negotiations?", {"peskov-withdrawal-explanation"})


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        (
            "why are they bringing the troops back from the north?",
            "why are they withdrawing the troops from the north?",
        ),
        (
            "how does the official figure stack up against Western estimates?",
            "how does the official figure compare with Western estimates?",
        ),
    ],
)
def test_bringing_troops_back_is_withdrawing_and_stacking_up_against_is_comparing(question: str, plain: str) -> None:
    assert_read_alike(question, plain)


def test_the_kremlins_line_is_its_official_account() -> None:
    assert_answered_by("what is the kremlin's line on the withdrawal?", {"peskov-withdrawal-explanation"})


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        ("what do the yanks reckon the death toll is?", "what do the americans reckon the death toll is?"),
        ("why were they taking the soldiers back?", "why were they withdrawing the soldiers?"),
    ],
)
def test_yanks_are_americans_and_taking_soldiers_back_is_withdrawing_them(question: str, plain: str) -> None:
    # "yanks" had been mended to "ranks" and sent to the ranks the article does not break its figures down by.
    assert_read_alike(question, plain)


def test_scurrying_back_is_withdrawing_and_someplace_else_is_elsewhere() -> None:
    assert_answered_by("did the army scurry back home or head someplace else?", {"withdrawal-destination"})


@pytest.mark.parametrize(
    "question", ["come si chiama il reporter di Sky News?", "come si chiama il ministro della difesa russo?"]
)
def test_a_name_the_article_never_gives_is_not_answered_in_italian(question: str) -> None:
    # "Come si chiama" asks a name, as "what's the name of" does: the article names neither man.
    assert MATCHER.match(question).decision is not Decision.ANSWER


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("come si chiama la guerra in Russia?", {"special-operation-framing"}),
        ("Come si chiamava l'operazione secondo Mosca?", {"special-operation-framing"}),
        ("come si chiama il portavoce del Cremlino?", {"who-is-peskov"}),
    ],
)
def test_a_name_the_article_gives_is_still_answered_in_italian(question: str, expected: set[str]) -> None:
    assert_answered_by(question, expected)


@pytest.mark.parametrize(
    "question",
    [
        "la Russia ha conquistato il Donbass alla fine?",
        "удалось ли России захватить весь Донбасс?",
        "чи вдалося росії захопити весь Донбас?",
    ],
)
def test_whether_the_donbas_was_taken_is_the_wars_outcome_in_every_language(question: str) -> None:
    # As "did Russia conquer the Donbas?" already does: these got the objectives or the northern withdrawal.
    result = MATCHER.match(question)
    assert result.decision is Decision.NOT_COVERED
    assert result.best is not None
    assert result.best.entry.id == "war-outcome"


@pytest.mark.parametrize(
    "question", ["cosa vuole conquistare la Russia nel Donbass?", "что Россия хочет захватить на Донбассе?"]
)
def test_what_russia_wants_to_conquer_is_still_its_objective_in_every_language(question: str) -> None:
    assert_answered_by(question, {"russia-objectives"})


@pytest.mark.parametrize(
    "question",
    [
        "скільки росіян загинуло? поясніть, бо в статті різні цифри",
        "сколько русских погибло? объясните простыми словами, потому что цифры разные",
        "скільки росіян загинуло? поясніть простими словами",
    ],
)
def test_the_reason_given_for_asking_to_explain_is_the_askers_own(question: str) -> None:
    # "…, бо в статті різні цифри" says why the asker asks: it had sent the toll to Russia's silence.
    assert_answered_by(question, {"death-toll"})


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        ("а він цифру назвав чи знову викрутився?", "а він цифру назвав чи знову ухилився?"),
        ("куди їх тепер кинуть після півночі?", "куди їх тепер перекинуть після півночі?"),
        ("Шановні, скільки росіян загинуло?", "скільки росіян загинуло?"),
    ],
)
def test_wriggling_out_is_dodging_and_throwing_troops_is_redeploying_them_in_ukrainian(
    question: str, plain: str
) -> None:
    assert_read_alike(question, plain)


def test_a_programme_is_a_broadcast_in_ukrainian() -> None:
    # "в якій передачі…?" had got whether Peskov gave a number.
    assert_answered_by("в якій передачі він це сказав?", {"sky-news-interview"})


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        ("Назвіть, будь ласка, цифри загиблих росіян.", "цифри загиблих росіян?"),
        (
            "Я сперечаюсь з кумом: що кажуть західні розвідники про загиблих росіян?",
            "що кажуть західні розвідки про загиблих росіян?",
        ),
    ],
)
def test_naming_arguing_and_intelligence_officers_read_in_ukrainian(question: str, plain: str) -> None:
    # "Назвіть" and the asker's argument with his kum are filler; intelligence officers are the West's intelligence.
    assert_read_alike(question, plain)


@pytest.mark.parametrize(
    "question", ["Я за політикою не стежу. Хто такий Пєсков?", "Я за политикой не слежу. Кто такой Песков?"]
)
def test_not_following_politics_is_the_askers_context(question: str) -> None:
    assert_answered_by(question, {"who-is-peskov"})


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        ("що змусило росіян згорнутися на півночі?", "чому росіяни відійшли з півночі?"),
        ("что заставило русских уйти с севера?", "почему русские ушли с севера?"),
    ],
)
def test_what_forced_them_asks_why(question: str, plain: str) -> None:
    # "Что заставило…" had got the withdrawal's date and place, a confident wrong answer.
    assert_read_alike(question, plain)


def test_where_the_asker_lives_and_what_russia_does_are_context() -> None:
    assert_answered_by("Я мешкаю в Польщі. Як Москва називає те, що робить в Україні?", {"special-operation-framing"})


@pytest.mark.parametrize(
    "question",
    [
        "Good evening. I am a retired engineer and I follow the news from Ukraine every day with my neighbours in "
        "the village. We argue a great deal over our tea. Why did the Russian army pull out of the north?",
        "Добрий вечір. Я пенсіонерка, щодня дивлюся новини з сусідками, і ми постійно сперечаємося за чаєм про все "
        "на світі. Чому російська армія пішла з півночі?",
        "Buonasera. Sono un ingegnere in pensione e seguo le notizie ogni giorno con i vicini del paese. Discutiamo "
        "molto davanti al caffè. Perché l'esercito russo si è ritirato dal nord?",
    ],
)
def test_a_question_asked_after_a_long_context_is_answered(question: str) -> None:
    # The whole message is too diluted to pass the threshold; its closing question alone answers.
    assert_answered_by(question, {"withdrawal-reason"})


@pytest.mark.parametrize(
    "question",
    [
        # "he" points back into the context: "is he a minister?" alone would get the defence minister's figure.
        "My grandson read me something about Peskov over dinner, and I did not follow it at all. Is he a minister?",
        # A question explained after it is not cut off from its explanation.
        "what is detente? like the cold war thing between the superpowers",
    ],
)
def test_a_closing_question_is_not_read_alone_when_it_leans_on_the_rest(question: str) -> None:
    assert MATCHER.match(question).decision is not Decision.ANSWER


def test_a_closing_question_may_answer_with_an_entry_covering_the_nearest() -> None:
    # The whole message comes nearest the Western estimate, its closing question the toll overview: both hold the
    # figure asked for.
    question = (
        "Сусід доводить, що мертвих росіян трохи більше тисячі, а я чув про якісь набагато більші числа. Кому "
        "вірити, скільки їх там насправді лягло?"
    )
    assert_answered_by(question, TOLL)


def test_a_closing_question_settles_a_message_torn_between_two_entries() -> None:
    # As a whole the message is torn between where the troops went and why; its closing question asks where.
    question = (
        "Мій кум служить на сході і боїться, що тих, хто був на півночі, перекинуть до них. У статті сказано, "
        "куди їх відвели?"
    )
    assert_answered_by(question, {"withdrawal-destination"})


def test_him_in_a_later_closing_question_points_back_to_the_first() -> None:
    # "Його" (it, him) is the number the first closing question names, not someone in the context.
    question = "Я скептик і мені цікаво: звідки взялося це число 1351? Хто його назвав і коли?"
    assert_answered_by(question, {"official-toll", "death-toll"})


def test_he_in_a_closing_question_that_names_him_is_him() -> None:
    question = "Я третій місяць на позиціях, новин не бачу. Що це за Пєсков такий, яку посаду він займає?"
    assert_answered_by(question, {"who-is-peskov"})


@pytest.mark.parametrize(
    "question",
    [
        "Il mio vicino insiste che sono morti poco più di mille russi, e io ho sentito numeri molto più grandi. "
        "A chi credere, quanti ne sono morti davvero?",
        "Сосед доказывает, что мёртвых русских чуть больше тысячи, а я слышал про куда большие числа. Кому "
        "верить, сколько их там на самом деле погибло?",
    ],
)
def test_who_to_believe_is_the_askers_doubt_not_whom_he_spoke_to(question: str) -> None:
    # "A chi" and "кому" ask to whom; beside believing they had got the interview, a confident wrong answer.
    assert_answered_by(question, TOLL)


@pytest.mark.parametrize(
    ("question", "answers"),
    [
        (
            "I read that they left the north because they could not capture anything. When was that?",
            {"withdrawal-north"},
        ),
        (
            "I read that they left the north because they could not capture anything. Where did they go?",
            {"withdrawal-destination"},
        ),
        ("Читаю, що росіяни з півночі пішли, бо нічого не змогли захопити. А коли це було?", {"withdrawal-north"}),
        (
            "Читал, что русские ушли с севера, потому что ничего не смогли взять. А когда это было?",
            {"withdrawal-north"},
        ),
        (
            "Ho letto che se ne sono andati dal nord perché non riuscivano a prendere niente. Quando è successo?",
            {"withdrawal-north"},
        ),
    ],
)
def test_a_reason_the_context_states_is_not_what_the_closing_question_asks(question: str, answers: set[str]) -> None:
    # "Because" in the asker's account had made each of these ask why: the withdrawal's reason, a confident wrong
    # answer.
    assert_answered_by(question, answers)


def test_a_figure_said_in_russian_or_ukrainian_words_is_the_articles_figure() -> None:
    question = "Кум каже, що їх там полягло тисяч п'ятнадцять. Звідки взагалі ця цифра?"
    assert_answered_by(question, {"western-estimates", "death-toll"})


@pytest.mark.parametrize(
    ("question", "answers"),
    [
        ("Give it to me straight, we are arguing in the group: Russian dead, ballpark?", TOLL),
        ("Пацани на позиції сперечаються до хрипоти: скільки в орків двохсотих по їхній же офіціалці?", TOLL),
        (
            "Sentite, prima di scannarci nel gruppo: cos'è successo esattamente su al nord e in che giorno?",
            {"withdrawal-north"},
        ),
    ],
)
def test_a_preamble_before_a_colon_is_context(question: str, answers: set[str]) -> None:
    assert_answered_by(question, answers)


def test_a_preamble_asking_the_bots_opinion_is_not_context() -> None:
    question = "dammi la tua opinione sincera: i governi occidentali stanno sbagliando tutto?"
    assert MATCHER.match(question).decision is not Decision.ANSWER


@pytest.mark.parametrize(
    "question",
    [
        "А цей Пєсков взагалі хто такий, за що він відповідає?",
        "А этот Песков вообще кто такой, за что он отвечает?",
    ],
)
def test_what_he_is_responsible_for_asks_his_post(question: str) -> None:
    # "Відповідає"/"отвечает" had matched the question what the bot answers: a confident wrong answer.
    assert_answered_by(question, {"who-is-peskov"})


@pytest.mark.parametrize(
    ("question", "answers"),
    [
        # "официйна" for "офіційна": two Russian letters in one short Ukrainian word, two slips for plain edits
        ("официйна цифра загиблих?", {"official-toll", "death-toll"}),
        ("скилькы загинуло россиян?", TOLL),
    ],
)
def test_russian_letters_typed_in_a_ukrainian_word_are_one_slip(question: str, answers: set[str]) -> None:
    assert_answered_by(question, answers)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("коли відтягнули вояк?", {"withdrawal-north"}),
        ("зачем оттянули вояк?", {"withdrawal-reason", "peskov-withdrawal-explanation"}),
        ("як вони пудрять мізки своїм, що обрізали хотєлки?", {"downsizing-disguise", "russia-objectives"}),
        ("кремль погодився, що втрати жорсткі?", {"kremlin-admission"}),
        ("кремль согласился, что потери жесткие?", {"kremlin-admission"}),
        ("чому вони місяць шифрувалися з кількістю вбитих?", {"russian-reticence", "special-operation-framing"}),
        ("на пресконференції це було чи ні?", {"sky-news-interview"}),
    ],
)
def test_pulling_back_spinning_agreeing_and_hiding_are_read_in_ukrainian_and_russian(
    question: str, expected: set[str]
) -> None:
    # "Відтягнули" (pulled back) is withdrawing, "пудрять мізки" (powder brains) spin, "хотєлки" (wants) aims,
    # "погодився, що" (agreed that) admitting, "жорсткі" (harsh) heavy, "шифрувалися" (kept coded) hiding,
    # and a press conference is where something was said.
    assert_answered_by(question, expected)


def test_what_the_asker_did_not_catch_or_confuses_is_filler_in_ukrainian() -> None:
    # "Я не второпав" (I did not catch it) and "чи я плутаю його з кимось" (or do I confuse him) ask nothing.
    assert_answered_by("що там на півночі сталося в середу, я не второпав", {"withdrawal-north"})
    assert_answered_by("пєсков речник кремля, чи я його з кимось плутаю?", {"who-is-peskov"})


@pytest.mark.parametrize("question", ["хто такий пєсвок?", "кто такой песвок?", "who is pesvok?"])
def test_a_name_with_its_letters_jumbled_is_the_name(question: str) -> None:
    # More than one swap apart, but the same letters from the same first one: a name learned by ear.
    assert_answered_by(question, {"who-is-peskov"})


def test_jumbled_letters_are_a_name_only_from_its_first_letter() -> None:
    assert MATCHER.match("who is vpesko?").decision is not Decision.ANSWER


def test_the_year_of_a_date_is_not_mended_into_an_agreement_in_russian() -> None:
    # "года" (of the year) lies one letter from "угода" (agreement), and "року" from "орку" (orc).
    russian = MATCHER.match("сколько русских погибло в марте 2022 года?").best
    ukrainian = MATCHER.match("скільки росіян загинуло в березні 2022 року?").best
    assert russian is not None
    assert ukrainian is not None
    assert (russian.entry.id, russian.score) == (ukrainian.entry.id, ukrainian.score)


def test_regarding_in_russian_is_not_mended_into_a_campaign() -> None:
    # "По поводу" (regarding) is "поводу", one letter from "походу" (campaign).
    assert_answered_by("що кажуть по поводу потерь?", {"kremlin-admission", "death-toll"})


@pytest.mark.parametrize(
    "question",
    ["Does the article say how many of theirs died?", "сколько ихних двухсотых набралось, если верить статье?"],
)
def test_a_count_framed_by_the_article_is_not_taken_for_a_count_the_article_lacks(question: str) -> None:
    # The curated "does the article say how many Ukrainians died?" was nearest only through its framing: it
    # names the Ukrainians, which the question does not, and the figures explain all the question asks.
    assert_answered_by(question, {"death-toll", "official-toll", "western-estimates"})


@pytest.mark.parametrize(
    "question",
    ["how many ukrainians died according to the article?", "скільки українців загинуло, якщо вірити статті?"],
)
def test_a_count_the_article_lacks_stays_not_covered_when_framed_by_the_article(question: str) -> None:
    result = MATCHER.match(question)
    assert result.decision is Decision.NOT_COVERED
    assert result.best is not None
    assert result.best.entry.id == "ukrainian-losses"


@pytest.mark.parametrize(
    "question",
    [
        "Яку кількість загиблих назвало міноборони рф у своїх останніх офіційних даних?",
        "What death toll did the Russian defence ministry give in its latest official figures?",
    ],
)
def test_a_count_the_article_lacks_close_behind_does_not_block_the_ministry_figure(question: str) -> None:
    # The Ukrainian general staff's daily figures name the Ukrainians, which the question does not.
    result = MATCHER.match(question)
    assert result.decision is Decision.ANSWER
    assert result.best is not None
    assert result.best.entry.id == "official-toll"


def test_the_ukrainian_general_staffs_daily_figures_stay_not_covered() -> None:
    assert MATCHER.match("які щоденні дані генштабу зсу про втрати росіян?").decision is Decision.NOT_COVERED


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("чи чесно росія звітує про своїх загиблих?", {"russian-reticence", "special-operation-framing"}),
        ("россия честно отчитывается о своих погибших?", {"russian-reticence", "special-operation-framing"}),
        ("кремль розщедрився на одкровення про втрати?", {"kremlin-admission"}),
        ("чого вони тепер хочуть, всю україну чи поменше шматок?", {"russia-objectives", "downsizing-disguise"}),
    ],
)
def test_reporting_revelations_and_a_smaller_piece_are_read_in_ukrainian_and_russian(
    question: str, expected: set[str]
) -> None:
    # Reporting one's dead ("звітує", "отчитывается") is disclosing them, a revelation ("одкровення") an
    # admission, and wanting a smaller piece ("поменше") scaled-back aims.
    assert_answered_by(question, expected)


def test_abandoning_in_the_imperfective_is_withdrawing_in_ukrainian() -> None:
    # "Кидати" (to abandon) lies one letter from "видати" (to pass off), which is hiding.
    assert_answered_by("навіщо їм було кидати північ?", {"withdrawal-reason", "peskov-withdrawal-explanation"})


@pytest.mark.parametrize(
    "question",
    [
        "buon pomeriggio, quanti russi sono morti?",
        "доброе утро, сколько русских погибло?",
        "добрый вечер, сколько русских погибло?",
        "доброї ночі, скільки росіян загинуло?",
        "Доброго вечора! Скільки росіян загинуло?",
    ],
)
def test_a_greeting_at_any_hour_asks_nothing(question: str) -> None:
    # "Вечора" (of the evening) had been mended into "вчора" (yesterday): the latest toll, not covered.
    assert_answered_by(question, TOLL)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("чому вони так різко відійшли?", {"withdrawal-reason", "peskov-withdrawal-explanation"}),
        ("мені здалося, чи вони визнали втрати?", {"kremlin-admission"}),
    ],
)
def test_real_ukrainian_words_are_not_mended_into_their_neighbours(question: str, expected: set[str]) -> None:
    # "Різко" (sharply) is not "рідко" (rarely), nor "здалося" (it seemed) "здалися" (they surrendered).
    assert_answered_by(question, expected)


@pytest.mark.parametrize("question", ["у якій програмі пєсков це сказав?", "в какой программе песков это сказал?"])
def test_a_programme_is_where_something_was_said_in_ukrainian_and_russian(question: str) -> None:
    # As "programme" is in English; in Ukrainian it also begins like "програти" (to lose).
    assert_answered_by(question, {"sky-news-interview"})


def test_the_situation_somewhere_asks_what_happened_there_in_ukrainian() -> None:
    # "Обстановка" (the situation) is filler, as "situation" is: the question is as near as "що на півночі?".
    plain = MATCHER.match("що на півночі?").best
    result = MATCHER.match("яка обстановка на півночі?")
    assert result.decision is Decision.ANSWER
    assert result.best is not None
    assert plain is not None
    assert (result.best.entry.id, result.best.score) == (plain.entry.id, plain.score)


@pytest.mark.parametrize("question", ["як рф називає спцоперацію?", "как россия называет спецопреацию?"])
def test_a_slip_in_a_word_known_by_its_stem_is_mended_into_the_stem(question: str) -> None:
    # "Спецоперацію" is known by its stem "спецоперац": no known word lies one edit from the slipped form.
    assert_answered_by(question, {"special-operation-framing", "russian-reticence"})


def test_a_changed_letter_in_a_stem_is_not_mended_as_it_often_makes_a_real_word() -> None:
    # "Вирішили" (decided) is one changed letter from the stem "вируши" (set off): it stays itself.
    assert_answered_by("вони вирішили відійти, чому?", {"withdrawal-reason", "peskov-withdrawal-explanation"})


@pytest.mark.parametrize("question", ["скільки росіян загинуло цього року?", "сколько русских погибло в этом году?"])
def test_this_year_is_the_askers_present_in_ukrainian_and_russian_as_in_english(question: str) -> None:
    # "Цього року" and "в этом году" ask the toll now, as "this year" does; the year of a date stays filler.
    english = MATCHER.match("how many russians died this year?").best
    result = MATCHER.match(question)
    assert result.decision is Decision.NOT_COVERED
    assert result.best is not None
    assert english is not None
    assert result.best.entry.id == english.entry.id
