"""A large synthetic knowledge base and question perturbations for the speed benchmark (bench/speed.py).

Deterministic from a seed. Each entry has a distinctive topic, an *actor* (a person or a place) and a
*subject* (a noun), plus a *qualifier* (an adjective) that most of its questions share. Most (actor,
subject) pairs belong to one entry; about a quarter of the entries come in families of 2-3 siblings
told apart only by the qualifier, which all their questions then name, so the entry a question
belongs to is always well-defined. Questions are built
from frames people use ("how many …", "why did …", "what did … say about …") with verbs that vary
from question to question, over ~2,000 real English words (not random letters), so typo correction
meets neighbours it can confuse a word with, as it would on real text.

The perturbations mirror what people do to a question: a one-letter typo (swap of two adjacent
letters, a dropped or an inserted letter) in one or two words, a dropped word, two words swapped.
"""

from __future__ import annotations

import random
import string
from collections.abc import Callable, Sequence

from bot.core.models import Entry

SEED = 20220408
ENTRY_COUNT = 10_000
QUESTIONS_PER_ENTRY = 5
FAMILY_SHARE = 0.88  # share of topics with a single entry; the rest have 2 or 3 (about a quarter of entries)
TYPO_MIN_LENGTH = 4  # shorter words are left alone: a typo in "tax" reads as another word

PEOPLE = """
okafor lindqvist moreau tanaka kowalski haddad novak ferreira mensah petrov castillo brennan yilmaz
achterberg delgado nakamura oyelaran svensson rinaldi kaminski abara oconnell fischer dubois gallagher
hernandez ivanova jansen kapoor laurent mbeki nguyen olsen papadopoulos quintana romero sato toivonen
ueda vasquez wagner xavier yamamoto zielinski adeyemi bianchi carvalho dimitrov eriksen fontaine garcia
horvat ibrahim jovanovic keller lambert marchetti nilsen ortega pereira quinn rossi schmidt takahashi
vidal weber zhang abbott barker chandra dawson ellison farrell gupta harper ingram jameson kimura lopez
murphy nash osei patel reyes suzuki thornton underwood vance whitaker yates zimmerman andersen bauer
coleman duarte esposito fitzgerald greco holmberg ismail jensen kovac larsen moretti nielsen okonkwo
ricci santos torres varga walsh baptiste chen dlamini edwards forsberg gomez hakimi iyer johansson khan
lindgren mendes novotny obi popescu rahman salazar tran uchenna valdez yusuf zamora alvarez becker
costa diallo evans fuentes gallo hoffmann kato lehmann molina nowak oliveira pham ramos silva tamura
vogel wright sharma banerjee chowdhury mehta reddy singh bose ghosh joshi kumar malik nair qureshi rao
sinha verma aziz farouk hassan karimi mansour nasser rashid saleh tahir zaman bergstrom dahl engstrom
falk hedlund lund magnusson nyberg sandberg wallin ahlberg brandt dietrich engel graf hartmann krause
lorenz meyer neumann richter schulz zeller endo fujita hayashi kobayashi matsumoto mori ogawa saito
watanabe yoshida adams baker carter davies fletcher griffin hughes jenkins kennedy lawson mitchell
norris owens parker spencer turner watson barrett crawford douglas ferguson gibson hamilton irving
jordan knight marshall newman porter stevens tucker vaughn wheeler cooper dixon elliott foster graham
hudson kane lucas morgan palmer riley shaw todd ward webb okoro nwosu balogun eze adebayo chukwu
sokolova orlov volkov morozov lebedev kozlov popov smirnov fedorov mikhailov
"""

PLACES = """
lisbon madrid oslo helsinki tallinn riga vilnius warsaw krakow prague vienna budapest bucharest sofia
athens ankara istanbul tbilisi yerevan baku tehran baghdad damascus beirut amman cairo tripoli tunis
algiers rabat dakar lagos accra abuja nairobi kampala kigali khartoum mogadishu luanda harare lusaka
maputo johannesburg durban windhoek gaborone mumbai delhi kolkata chennai bangalore karachi lahore
islamabad kabul dhaka colombo kathmandu yangon bangkok hanoi manila jakarta surabaya singapore penang
taipei seoul busan tokyo osaka kyoto sapporo beijing shanghai shenzhen wuhan chengdu macau almaty
tashkent bishkek dushanbe sydney melbourne brisbane perth adelaide auckland wellington suva honolulu
anchorage seattle portland oakland denver phoenix dallas houston austin chicago detroit cleveland boston
baltimore atlanta miami orlando nashville memphis toronto montreal ottawa vancouver calgary winnipeg
halifax quebec havana kingston bogota caracas quito lima santiago asuncion montevideo rosario cordoba
recife salvador brasilia manaus guatemala managua panama monterrey guadalajara tijuana acapulco dublin
belfast glasgow edinburgh cardiff bristol leeds manchester liverpool birmingham sheffield newcastle
brighton oxford cambridge paris lyon marseille bordeaux toulouse nantes lille brussels antwerp ghent
amsterdam rotterdam utrecht luxembourg berlin hamburg munich cologne frankfurt stuttgart dresden leipzig
zurich geneva basel bern milan turin genoa naples florence venice bologna palermo rome barcelona
valencia seville bilbao porto copenhagen stockholm gothenburg malmo bergen reykjavik gdansk wroclaw
poznan brno bratislava ljubljana zagreb belgrade sarajevo skopje tirana podgorica chisinau odesa lviv
kharkiv dnipro batumi sochi kazan samara omsk tomsk irkutsk vladivostok murmansk yakutsk bavaria
catalonia flanders wallonia silesia tuscany sicily sardinia corsica brittany normandy provence andalusia
galicia scotland wales cornwall yorkshire ontario alberta manitoba texas ohio oregon nevada utah arizona
florida vermont maine alaska montana kansas iowa kentucky virginia carolina dakota punjab kerala
bengal assam gujarat sindh kashmir tibet yunnan hokkaido okinawa mindanao borneo sumatra java bali
tasmania patagonia
"""

NOUNS = """
budget deficit surplus inflation tariff tariffs subsidy subsidies pension pensions wages salary salaries
mortgage mortgages rent rents loan loans debt bond bonds shares stocks dividend dividends profit profits
revenue revenues taxes levy levies duty duties fee fees fine fines penalty penalties bailout stimulus
recession growth unemployment jobs workers strike strikes union unions employer employers contract
contracts factory factories warehouse warehouses harbour harbours port ports airport airports railway
railways station stations bridge bridges tunnel tunnels motorway motorways highway highways road roads
bus buses tram trams train trains metro subway ferry ferries taxi taxis bicycle bicycles parking tolls
fuel petrol diesel gas electricity grid pipeline pipelines refinery refineries reactor reactors nuclear
wind solar battery batteries turbine turbines dam dams reservoir reservoirs water sewage drought floods
wildfire wildfires storm storms heatwave earthquake landslide erosion forest forests logging mining
coal copper lithium gold silver iron steel aluminium timber cotton wheat maize rice coffee cocoa sugar
fishing fisheries farms farmers livestock cattle poultry dairy fertiliser pesticides seeds harvest crops
vineyards orchards groceries bread milk eggs prices supermarket supermarkets bakery restaurants cafes
hotels tourism tourists visas passports border borders customs asylum migration immigrants citizenship
census election elections ballot ballots referendum vote votes turnout campaign candidate candidates
coalition opposition party parties manifesto pledge pledges reform reforms constitution amendment
amendments bill bills law laws statute decree decrees ordinance regulation regulations licence licences
permit permits inquiry inquiries audit audits scandal scandals bribery corruption fraud embezzlement
lobbying donations donors ethics watchdog ombudsman tribunal court courts verdict verdicts appeal
appeals lawsuit lawsuits settlement settlements sentence sentences prison prisons jail parole bail
police policing detectives crime crimes burglary theft robbery vandalism graffiti drugs smuggling
trafficking firearms gangs curfew surveillance cameras privacy data passwords hackers ransomware
cyberattack outage outages blackout blackouts internet broadband satellite satellites telescope rocket
rockets launch spacecraft laboratory laboratories research scientists vaccine vaccines virus outbreak
pandemic epidemic hospital hospitals clinic clinics nurses doctors surgeons ambulance ambulances
pharmacy medicines prescriptions insurance healthcare dentists therapy mental screening cancer diabetes
obesity smoking alcohol gambling lottery casino casinos stadium stadiums arena league tournament
championship olympics marathon football rugby cricket tennis cycling swimming athletics boxing chess
museum museums gallery galleries theatre theatres cinema cinemas festival festivals concert concerts
orchestra opera library libraries bookshop bookshops newspaper newspapers magazine magazines radio
podcast podcasts website websites app apps smartphone smartphones software algorithm algorithms robots
automation chips semiconductors startup startups investors venture merger mergers
acquisition takeover takeovers bankruptcy layoffs hiring apprenticeships internships school schools
university universities college colleges students teachers tuition scholarships exams curriculum
kindergarten nursery childcare playgrounds parks gardens allotments trees zoo aquarium wildlife wolves
bears bees birds whales dolphins salmon elephants rhinos tigers habitat reserve reserves coastline
beaches islands glacier glaciers mountains valley rivers lakes canal canals wetlands ozone emissions
carbon pollution smog plastic plastics recycling landfill waste composting packaging bottles straws
housing homes apartments flats tenants landlords eviction evictions homelessness shelters construction
builders cranes skyscraper skyscrapers zoning planning suburbs village villages town towns district
districts neighbourhood neighbourhoods streets pavements streetlights sidewalks crossings cycleways
speed cameras fines accidents crashes pedestrians drivers motorists lorries trucks delivery deliveries
couriers parcels postal stamps bank banks branch branches cash coins banknotes currency exchange
interest rates savings crypto bitcoin pensioners retirement elderly youth teenagers families parents
babies birth births marriage marriages divorce funerals cemetery cemeteries church churches mosque
mosques temple temples synagogue cathedral monastery pilgrimage holiday holidays christmas easter
ramadan diwali carnival parade parades fireworks monument monuments statue statues palace palaces
castle castles embassy embassies consulate summit summits treaty treaties alliance sanctions embargo
diplomats ambassador ambassadors envoy envoys trade exports imports shipping containers freight cargo
tanker tankers pipeline shortages stockpiles reserves rationing queues smugglers pirates
coastguard lifeboats lighthouse lighthouses floodwalls levees barriers sirens alarms drills shelters
firefighters fire brigade rescue volunteers charity charities foodbank foodbanks donations appeal
fundraiser lottery grants funding scholarships awards prize prizes medal medals trophy trophies
ceremony ceremonies inauguration coronation anniversary jubilee speech speeches debate debates
hearing hearings testimony witness witnesses whistleblower leaks documents archives records files
emails letters memos minutes agenda committee committees senate parliament congress council councils
cabinet treasury judiciary regulator mayor governor chancellor premier president senator prosecutor
auditor commissioner inspector spokesperson bureau agency agencies directorate inspectorate
municipality province provinces region regions county counties capital suburb metropolis
broadband telecoms operator operators network tower towers antenna masts cables subsea rail
airline airlines flights pilots cabin crew runway runways terminal terminals luggage baggage security
checkpoint checkpoints queue passport ticket tickets fares timetable timetables strikes delays
cancellations refunds compensation complaints consumers warranty recall recalls safety standards
labels ingredients allergens additives sugar salt fat calories diet nutrition vitamins supplements
gym gyms fitness yoga running walking hiking camping fishing hunting skiing snowboarding surfing
sailing rowing golf horses racing motorsport drivers cars electric chargers charging hydrogen engines
engineers mechanics garages tyres brakes emissions exhaust mileage odometer insurance premiums claims
actuaries brokers traders markets commodities futures options hedge funds sovereign wealth
assets property estates auctions antiques paintings sculptures manuscripts heritage restoration
conservation archaeology excavation ruins fossils dinosaurs meteorite eclipse comet planet moon mars
asteroid observatory weather forecast rainfall snowfall temperatures frost hail fog tides tsunami
volcano eruption ash evacuation sandbags pumps irrigation wells boreholes desalination aquifer
bakeries butchers florists pharmacies hairdressers laundries launderettes kiosks markets stalls
vendors hawkers street food trucks cafeterias canteens lunches breakfasts dinners menus recipes chefs
waiters tips wages overtime shifts rotas nightshifts contracts freelancers gig platforms riders couriers
pensions annuities benefits allowances vouchers coupons discounts loyalty rewards points miles
passengers commuters season passes railcards concessions students pensioners veterans carers
volunteers interns trainees graduates dropouts truancy attendance uniforms textbooks laptops tablets
classrooms lecture halls dormitories campuses canteens playgrounds sports days trips excursions
"""

QUALIFIERS = """
coastal rural urban regional national federal municipal provincial local foreign domestic public
private annual monthly weekly daily temporary permanent emergency controversial disputed planned
proposed delayed cancelled expanded unpaid overdue unfinished abandoned illegal unlicensed informal
seasonal digital electronic online offline automated manual voluntary compulsory mandatory optional
free subsidised expensive cheap affordable costly overpriced discounted rising falling record stalled
troubled failing booming struggling ageing aging modern historic ancient derelict crumbling flooded
drought polluted toxic contaminated clean green renewable fossil organic industrial agricultural
commercial residential financial medical surgical dental psychiatric paediatric maternity veterinary
educational academic vocational technical scientific cultural artistic musical literary religious
secular ethnic tribal indigenous migrant seasonal nightly overnight weekend midweek morning evening
winter summer spring autumn festive christmas coastal inland upland lowland mountain island border
central southern metropolitan suburban transatlantic pacific arctic tropical desert
maritime naval airborne underground overground elevated driverless autonomous hybrid diesel electric
solar wind tidal geothermal hydro thermal frozen melting shrinking growing vanishing endangered invasive
protected restricted banned licensed registered unregistered anonymous encrypted leaked stolen forged
counterfeit fake genuine disputed audited unaudited secretive transparent confidential classified
bipartisan partisan populist liberal conservative progressive radical moderate centrist socialist
nationalist separatist loyalist royal republican democratic imperial colonial postwar wartime interim
caretaker provisional transitional
experimental pioneering innovative outdated obsolete refurbished upgraded secondhand imported exported
exclusive shared communal cooperative municipalised privatised nationalised outsourced insourced
underfunded overfunded oversubscribed undersubscribed overcrowded understaffed unsafe hazardous
fireproof waterproof soundproof portable mobile wireless cashless paperless contactless plastic wooden
concrete glass marble brick stone wooden medieval victorian baroque gothic futuristic minimalist
luxury budget premium basic standard express rapid slow late early overnight hourly quarterly biennial
centennial landmark flagship pilot trial prototype experimental unpopular popular famous notorious
beloved forgotten hidden unexpected sudden gradual phased staggered partial total blanket targeted
nationwide citywide statewide worldwide global international multinational offshore onshore inshore
upstream downstream riverside lakeside hillside seaside harbourside roadside trackside pitchside
"""

# (present, past) pairs: they vary between an entry's questions, so they are noise, not topic.
VERBS = """
ban:banned approve:approved reject:rejected propose:proposed fund:funded raise:raised delay:delayed
cancel:cancelled expand:expanded launch:launched suspend:suspended restore:restored privatise:privatised
nationalise:nationalised regulate:regulated tax:taxed subsidise:subsidised investigate:investigated
audit:audited review:reviewed overturn:overturned veto:vetoed sign:signed ratify:ratified block:blocked
challenge:challenged support:supported oppose:opposed defend:defended criticise:criticised
praise:praised promise:promised deliver:delivered build:built demolish:demolished repair:repaired
close:closed open:opened sell:sold buy:bought lease:leased borrow:borrowed lend:lent invest:invested
spend:spent save:saved waste:wasted pay:paid owe:owed import:imported export:exported deploy:deployed
hire:hired fire:fired sack:sacked appoint:appointed elect:elected nominate:nominated replace:replaced
merge:merged restructure:restructured relocate:relocated boycott:boycotted sue:sued charge:charged
arrest:arrested convict:convicted acquit:acquitted pardon:pardoned inspect:inspected test:tested
vaccinate:vaccinated treat:treated prescribe:prescribed warn:warned predict:predicted measure:measured
monitor:monitored track:tracked record:recorded survey:surveyed poll:polled rank:ranked grade:graded
teach:taught train:trained recruit:recruited mediate:mediated settle:settled dispute:disputed
deny:denied allow:allowed permit:permitted forbid:forbade restrict:restricted relax:relaxed
tighten:tightened loosen:loosened extend:extended shorten:shortened double:doubled halve:halved
freeze:froze lift:lifted impose:imposed enforce:enforced waive:waived exempt:exempted
postpone:postponed schedule:scheduled host:hosted organise:organised sponsor:sponsored donate:donated
rescue:rescued shelter:sheltered flood:flooded burn:burned plant:planted harvest:harvested mine:mined
drill:drilled pump:pumped recycle:recycled pollute:polluted clean:cleaned upgrade:upgraded
digitise:digitised hack:hacked leak:leaked encrypt:encrypted stream:streamed print:printed edit:edited
censor:censored translate:translated award:awarded compete:competed qualify:qualified score:scored
coach:coached celebrate:celebrated mourn:mourned honour:honoured commemorate:commemorated
rename:renamed rebuild:rebuilt renovate:renovated inaugurate:inaugurated unveil:unveiled
"""

# {a} actor, {n} subject, {q} qualifier, {v} verb (present), {p} verb (past). Every frame names the actor
# and the subject; most name the qualifier too.
FRAMES: tuple[str, ...] = (
    "How many {q} {n} did {A} {v}?",
    "why did {a} {v} the {q} {n}",
    "What did {A} say about the {q} {n}?",
    "who is responsible for the {n} in {A}?",
    "{a} {q} {n}",
    "When will {A} {v} the {n}?",
    "is it true that {a} {p} the {q} {n}",
    "What is the latest on {A} and the {q} {n}?",
    "How much did the {q} {n} cost {A}?",
    "where did {a} {v} the {n}",
    "{a} {n} {p}",
    "What happened to the {q} {n} after {A} {p} them?",
    "Why is {A} trying to {v} the {n}?",
    "how did {a} {v} {q} {n}",
    "Did {A} {v} the {q} {n} last year?",
    "what are the {q} {n} in {a}",
)
QUALIFIED_FRAMES: tuple[str, ...] = tuple(frame for frame in FRAMES if "{q}" in frame)


def _words(text: str, *, exclude: Sequence[str] = ()) -> list[str]:
    """The distinct words of ``text`` in order, leaving out those of ``exclude``."""
    seen = set(exclude)
    kept: list[str] = []
    for word in text.split():
        if word not in seen:
            seen.add(word)
            kept.append(word)
    return kept


ACTORS: list[str] = _words(PEOPLE + PLACES)
SUBJECTS: list[str] = _words(NOUNS, exclude=ACTORS)
ADJECTIVES: list[str] = _words(QUALIFIERS, exclude=ACTORS + SUBJECTS)
VERB_FORMS: list[tuple[str, str]] = [(pair.split(":")[0], pair.split(":")[1]) for pair in VERBS.split()]


def vocabulary() -> set[str]:
    """Every content word the synthetic questions draw on."""
    verbs = {form for pair in VERB_FORMS for form in pair}
    return set(ACTORS) | set(SUBJECTS) | set(ADJECTIVES) | verbs


def synthetic_entries(count: int = ENTRY_COUNT, *, seed: int = SEED) -> list[Entry]:
    """``count`` entries with ids ``e00001``…, 5 questions each.

    Most topics (actor, subject) belong to one entry; about a quarter of the entries come in families of
    2 or 3 that share actor and subject and differ in the qualifier (like an article's official and
    estimated tolls). Those are asked only with frames that name the qualifier, so each entry stays
    well-defined, and telling the siblings apart takes the qualifier, typos and all.
    """
    rng = random.Random(seed)
    used: set[tuple[str, str]] = set()
    entries: list[Entry] = []
    while len(entries) < count:
        actor, subject = rng.choice(ACTORS), rng.choice(SUBJECTS)
        if (actor, subject) in used:
            continue
        used.add((actor, subject))
        size = 1 if rng.random() < FAMILY_SHARE else rng.choice((2, 3))
        size = min(size, count - len(entries))
        frames = FRAMES if size == 1 else QUALIFIED_FRAMES
        for qualifier in rng.sample(ADJECTIVES, size):
            entries.append(_entry(len(entries) + 1, actor, subject, qualifier, frames, rng))
    return entries


def _entry(number: int, actor: str, subject: str, qualifier: str, frames: Sequence[str], rng: random.Random) -> Entry:
    """One entry: five distinct questions from ``frames`` about its topic, and filler texts."""
    questions: list[str] = []
    seen: set[str] = set()
    for frame in rng.sample(frames, len(frames)):
        verb, past = rng.choice(VERB_FORMS)
        question = frame.format(a=actor, A=actor.title(), n=subject, q=qualifier, v=verb, p=past)
        key = " ".join(question.casefold().rstrip("?").split())
        if key not in seen:
            seen.add(key)
            questions.append(question)
        if len(questions) == QUESTIONS_PER_ENTRY:
            break
    verb, past = rng.choice(VERB_FORMS)
    answer = f"{actor.title()} {past} the {qualifier} {subject}, the article reports."
    return Entry(
        id=f"e{number:05d}",
        questions=tuple(questions),
        answer=answer,
        source=f"Synthetic article, paragraph {rng.randint(1, 40)}.",
        caveat="Synthetic entry made for the speed benchmark; not a real fact.",
        quote=(answer,),
    )


# -- perturbations ------------------------------------------------------------------------------------


def typo_word(word: str, rng: random.Random) -> str:
    """One letter wrong: two adjacent letters swapped, one dropped or one inserted; never the same word."""
    while True:
        kind = rng.randrange(3)
        if kind == 0:
            i = rng.randrange(len(word) - 1)
            changed = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
        elif kind == 1:
            i = rng.randrange(len(word))
            changed = word[:i] + word[i + 1 :]
        else:
            i = rng.randrange(len(word) + 1)
            changed = word[:i] + rng.choice(string.ascii_lowercase) + word[i:]
        if changed != word:
            return changed


def _split(question: str) -> tuple[list[str], str]:
    """Words of a question and its closing punctuation (kept aside so a perturbation does not eat it)."""
    stripped = question.rstrip("?!.")
    return stripped.split(), question[len(stripped) :]


def typos(question: str, rng: random.Random, *, words: int = 1) -> str:
    """A one-letter typo in ``words`` different words of at least 4 letters (fewer when there are fewer)."""
    tokens, end = _split(question)
    eligible = [i for i, token in enumerate(tokens) if token.isalpha() and len(token) >= TYPO_MIN_LENGTH]
    for i in rng.sample(eligible, min(words, len(eligible))):
        tokens[i] = typo_word(tokens[i], rng)
    return " ".join(tokens) + end


def drop_word(question: str, rng: random.Random) -> str:
    """One word left out (a one-word question is kept whole)."""
    tokens, end = _split(question)
    if len(tokens) > 1:
        del tokens[rng.randrange(len(tokens))]
    return " ".join(tokens) + end


def swap_words(question: str, rng: random.Random) -> str:
    """Two different words exchanging places (any two, not only neighbours)."""
    tokens, end = _split(question)
    pairs = [
        (i, j)
        for i in range(len(tokens))
        for j in range(i + 1, len(tokens))
        if tokens[i].casefold() != tokens[j].casefold()
    ]
    if pairs:
        i, j = rng.choice(pairs)
        tokens[i], tokens[j] = tokens[j], tokens[i]
    return " ".join(tokens) + end


Perturbation = Callable[[str, random.Random], str]

PERTURBATIONS: dict[str, Perturbation] = {
    "typo in 1 word": lambda q, rng: typos(q, rng, words=1),
    "typos in 2 words": lambda q, rng: typos(q, rng, words=2),
    "dropped word": drop_word,
    "swapped words": swap_words,
}
