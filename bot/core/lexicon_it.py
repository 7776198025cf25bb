"""Italian word knowledge for the matcher: the same concepts as the English lexicon (``bot.core.lexicon``).

Pure data, written in the matcher's normalised form (``bot.core.text.normalise``): lower case, accents
dropped (perché → perche, è → e, più → piu) and apostrophes splitting words (l'Ucraina → l ucraina,
dov'è → dov e), so elided articles and prepositions (l, d, dell, all, sull, nell, un) are filler words.

Italian inflects little, so most forms are listed exactly; STEMS catch the rest (gender, number, verb
forms) as word beginnings, the longest matching one winning (bieloruss → BELARUS beside russ → RUSSIAN).
The languages' lexicons are merged, English first, so an Italian word that is also an English word keeps
the English concept: "data" (the date) would read as English data → COUNT, hence the phrases below that
rewrite the date senses to "quando".
"""

from __future__ import annotations

from collections.abc import Mapping

# Words that carry no meaning for matching. Question words that do (perché, dove, chi, quando, quanti)
# are concepts below, not filler.
STOPWORDS: frozenset[str] = frozenset(
    """
    buonanotte
    mezza mezzo
    ad ste de ce x propri voler ormai proposito legge
    nn cmq sto cortesemente gentilmente signor signore signora vorrei buongiorno buonasera salve sapere
    il lo la i gli le l c un uno una d di del dello della dei degli delle dell a al allo alla ai agli alle all
    da dal dallo dalla dai dagli dalle dall in nel nello nella nei negli nelle nell su sul sullo sulla sui
    sugli sulle sull con col coi per tra fra e ed o od ma pure anche neanche nemmeno neppure che cosa cos
    come com qual quale quali quel quei quegli quell quello quella quelli quelle quest questo questa questi
    queste cio io tu lui lei noi voi loro me te se si ci vi ne mi ti mio mia miei mie tuo tua tuoi tue suo
    sua suoi sue nostro nostra nostri nostre vostro vostra vostri vostre sono sei siamo siete era erano eri
    ero eravamo sara saranno sarebbe sarebbero stato stata stati sia siano fosse fossero essere esser
    ho hai ha abbiamo avete hanno aveva avevano avevo avuto avuta avuti avere aver avra avranno avrebbe
    avrebbero abbia abbiano avesse avessero sta stanno stava stavano stare fa fanno faceva facevano fare far
    fatto fatta fatti fatte puo possono poteva potevano potrebbe potrebbero potere posso puoi potete
    potresti potreste deve devono doveva dovevano dovrebbe dovrebbero dovere devo viene vengono veniva
    venivano venuto venuti voglio vorrei volevo vuoi volete sapere so sai sa sappiamo sapete sanno sapresti
    capire chiedo chiedere chiesto domanda domande dimmi dirmi dicci ditemi dici mostrami
    allora poi pero quindi dunque cioe gia ancora sempre mai solo soltanto proprio davvero veramente
    effettivamente praticamente circa quasi esattamente precisamente approssimativamente intorno oltre
    verso presso secondo sopra sotto dentro fuori tramite via durante contro senza dopo prima mentre
    invece comunque insomma ecco beh boh mah eh ah oh ehi ok okay ciao salve grazie prego favore scusa
    scusate scusami buongiorno buonasera qui qua li cosi tanto tanti tante tanta troppo troppi molto
    molti molte molta piu meno poco pochi poche ogni altro altri altra altre stesso stessa stessi stesse
    tale tali qualche alcuni alcune alcuno qualcuno qualcosa nessuno niente nulla tutto tutti tutta tutte
    entrambi non no vero vera veri reale reali sicuro esatto tipo ecc etc po volta volte successo
    successa accaduto capitato usi usare usato risultano risulta rimasti rimaste rimasto tengono tiene
    cercato cercare facendo fino finora avvenuto avvenuta avvenuti avvenute succede succedendo accade
    accadendo accadde subito subita subiti subite subendo subire subisce subiscono fornito fornita forniti
    fornite fornire fornisce forniscono rilasciato rilasciata rilasciare rilascia zona zone area aree
    regione regioni scritto scritta scrive scrivere significa significano significare mostra
    mostrare mostrato dimostra dimostrare dimostrato settimane tentativi tentativo tentato tentata tenta
    tentano finalmente repubblica
    ragazzi laggiu bella
    mille migliaia
    tizio tizi
    ignoranza
    danno
    cose onestamente sinceramente francamente
    lassu insomma
    tenuto tenuta tenere
    panna
    tesina tesine tesi compito compiti ricerca scrivendo oppure occasione fact check checking factchecking
    granche
    minchia cazzo cavolo desidererei conoscere ove possibile
    aspetta aspetto sbaglia sbaglio
    st paura verita
    precisione usata usato usare gliel maestri schifo mandano
    gliela
    insegnante pensione pensionato pensionata confonde roba
    na sti mo dar resto straniera straniero stranieri straniere chillo cu
    uomo
    marco luca giulia paolo giovanni francesco andrea matteo alessandro chiara anna maria giuseppe antonio roberto
    laura giorgio stefano davide simone federico elena francesca martina valentina
    intendo
    perfino persino addirittura
    visto vista
    nonna nonno nonni mamma papa zio zia cugino cugina chiede chiedeva glielo gliela
    dovuto dovuta dovuti
    guagliu guaglio guaglio
    stavolta
    giusto
    pensa pensi penso
    realmente
    collegato collegati collegata collegate collegamento legato legati connesso connessi
    provavano provava riuscivano riusciva sembra capito immagino parliamo gente notare genere specie
    parecchie parecchi
    """.split()
)

# concept → the Italian forms (normalised) that express it, matched exactly.
SYNONYMS: Mapping[str, tuple[str, ...]] = {
    "MARCH": ("marzo",),
    "RARELY": ("raramente", "rado", "radamente"),
    "DEATH": tuple(
        """
        morti morto morta morte morire muore muoiono morendo mortali mortale morirono ucciso uccisi uccisa
        uccise uccidere uccidono uccisione uccisioni ammazzati caduti caduto vittime vittima perdite perdita
        perso persi persa perse perdere perde perdono perduto perduti bilancio decessi decesso deceduti
        deceduto periti cadaveri salme corpi abbattuti abbattuto abbattute
        """.split()
    ),
    "SOLDIER": tuple(
        """
        soldato soldati soldatessa truppa truppe militare militari esercito eserciti forze armata armate
        combattente combattenti coscritto coscritti fanteria personale uomini reparti reclute
        """.split()
    ),
    "RUSSIAN": ("russia", "russo", "russa", "russi", "russe", "mosca", "moscovita", "moscoviti"),
    "UKRAINIAN": ("ucraino", "ucraini", "ucraine"),
    "UKRAINE": ("ucraina",),
    "KREMLIN": (
        "cremlino",
        "kremlin",
        "governo",
        "governi",
        "autorita",
        "putin",
        "regime",
        "dirigenza",
    ),
    "WEST": tuple(
        """
        occidente occidentale occidentali nato usa america americano americani americana americane pentagono
        alleati alleato intelligence europa europeo europei europea europee ue inghilterra cia
        """.split()
    ),
    "OFFICIAL": tuple(
        """
        ufficiale ufficiali ufficialmente ufficializzato formale formali formalmente conferma confermato
        confermati confermata confermate funzionario funzionari funzionaria
        """.split()
    ),
    "DEFENCE": ("difesa", "ministero", "ministro", "ministri", "shoigu", "sojgu", "shojgu"),
    "ESTIMATE": tuple(
        """
        stima stime stimato stimati stimata stimate stimano stimare stimando valutazione valutazioni valutano
        valutare calcolo calcoli calcolato calcolati calcolano credono ritengono ritiene pensano ipotesi
        previsione previsioni
        """.split()
    ),
    "ADMIT": tuple(
        """
        ammesso ammessa ammessi ammesse ammette ammettono ammettere ammise ammissione ammissioni riconosce
        riconoscono riconoscere riconosciuto riconosciuta riconosciuti riconosciute riconoscimento confessato
        confessa confessione accetta accettano accettato accettata accettare
        """.split()
    ),
    "HEAVY": tuple(
        """
        trascurabili trascurabile irrilevanti minime
        pesante pesanti pesantissime significativo significativa significativi significative enorme enormi
        grande grandi grave gravi gravissime ingente ingenti massiccio massiccia massicce notevole notevoli
        considerevole considerevoli serio seria seri sostanziale sostanziali elevate elevato elevati
        importante importanti
        """.split()
    ),
    "WOUNDED": ("feriti", "ferito", "ferita", "ferite", "ferimento", "lesioni", "mutilati", "infortunati"),
    "CIVILIAN": tuple(
        """
        civile civili bambini bambino bambine bimbi neonati donne anziani famiglie popolazione residenti
        abitanti cittadini innocenti
        """.split()
    ),
    "EQUIPMENT": tuple(
        """
        carro carri carrarmato carrarmati tank aereo aerei velivoli caccia jet elicottero elicotteri nave navi
        mezzi veicolo veicoli equipaggiamento equipaggiamenti attrezzature drone droni artiglieria arma armi
        armamenti corazzati blindati blindato
        """.split()
    ),
    "PRISONER": tuple(
        """
        prigioniero prigionieri prigionia catturati catturato catturata catturate cattura dispersi disperso
        scomparsi arresi arreso detenuti ostaggi
        """.split()
    ),
    "REFUGEE": tuple(
        """
        rifugiati rifugiato profughi profugo sfollati sfollato sfollate fuggiti fuggito fuggite fuggire
        fuggono fuga evacuati evacuato evacuazione migranti esodo
        """.split()
    ),
    "WITHDRAW": tuple(
        """
        ritiro ritirata ritirate ritirati ritirato ritirarsi ritirare ritira ritirano ritirandosi
        scappati scappato scappata scappate scappare scappano scappando
        spostati spostate spostamento spostare abbandonato abbandonata abbandonare abbandono lasciato lasciata
        lasciati lasciate lasciare partenza arretramento ripiegamento rinunciato rinuncia tornate tornati
        tornato tornata rientrati rientrate rientrato rientrata rientro ritirarono ritirera
        spostamenti abbandonati abbandonate ripiegati ripiegate ripiegato ripiegare arretrati arretrate arretrato
        arretrare ridispiegati ridispiegate ridispiegamento riposizionati riposizionate riposizionamento
        trasferiti trasferite trasferimento andarsene mollato mollata mollati mollare mollano cacciati cacciate
        respinti respinte sgomberato sgomberata sgomberare sgombero indietreggiato indietreggiati
        """.split()
    ),
    "NORTH": tuple(
        """
        nord settentrionale settentrionali kiev kyiv kiew chernihiv cernihiv chernigov sumy
        """.split()
    ),
    "EAST": tuple(
        """
        est orientale orientali donbass donbas donetsk doneck donec luhansk lugansk luhans
        """.split()
    ),
    "BELARUS": ("bielorussia", "bielorusso", "bielorussa", "bielorussi", "belarus", "minsk"),
    "HUMILIATION": tuple(
        """
        umiliazione umiliazioni umiliante umilianti umiliata umiliato umiliare vergogna vergognoso imbarazzo
        imbarazzante disonore smacco figuraccia
        """.split()
    ),
    "READY": ("pronta", "pronto", "pronti", "pronte", "disponibilita"),
    "NEGOTIATION": tuple(
        """
        negoziati negoziato negoziazione negoziazioni negoziare negoziano negoziando trattativa trattative pace
        diplomazia diplomatico diplomatica diplomatici colloqui colloquio accordo accordi
        firmato firmare trattare trattando
        """.split()
    ),
    "TENSION": tuple(
        """
        tensione tensioni distensione escalation deescalation descalation calma allentare allentamento
        """.split()
    ),
    "GOAL": tuple(
        """
        obiettivo obiettivi obbiettivo obbiettivi scopo scopi mira mirano punta puntano intento intenti
        intenzione intenzioni intende intendono piano piani strategia ambizione ambizioni missione traguardo
        vuole vogliono voleva volevano vorrebbe volere voluto raggiungere ottenere serviva concentra cerca cercano
        concentrarsi
        """.split()
    ),
    "SPOKESMAN": tuple(
        """
        portavoce segretario rappresentante ruolo incarico carica posizione titolo lavoro mestiere ricopre
        """.split()
    ),
    "INTERVIEW": tuple(
        """
        intervista interviste intervistato intervistata intervistatore giornalista giornalisti reporter
        cronista emittente canale tv televisione tivu media rete testata telegiornale
        """.split()
    ),
    "SKY": ("sky", "skynews"),
    "SAY": tuple(
        """
        detto detta detti dice dicono diceva dicevano disse dissero dire dicendo dichiarato dichiarazione
        dichiarazioni affermato afferma affermazione affermazioni annunciato annuncia parla parlano parlato
        parlare parlando menzionato menziona commentato commento commenti sostiene sostengono sostenuto
        riferito parole parola citato citazione comunicato comunica risposto parlasse parlassero parli parlino
        dicesse dicessero dica dicano riporta riportano riportato riportata riferisce riferiscono versione
        versioni
        """.split()
    ),
    "WHY": tuple(
        """
        perche xke xche perke
        motivo motivi motivazione motivazioni ragione ragioni causa cause causato spiegazione spiegare
        spiega spiegato spiegami motivato motivata motiva motivare giustificazione giustifica giustificare
        giustificato movente scuse
        """.split()
    ),
    "WHERE": (
        "dirigendo",
        "dirigono",
        "dirigersi",
        "ndo",
        "dove",
        "dov",
        "destinazione",
        "andati",
        "andate",
        "andato",
        "andata",
        "diretti",
        "dirette",
        "mandati",
        "mandate",
        "inviati",
        "inviate",
    ),
    "START": ("iniziato", "iniziata", "inizia", "iniziare", "cominciato", "cominciata", "comincia", "cominciare"),
    "HIGHER": ("alte", "alti", "maggiori", "superiori"),
    "REALITY": (
        "realta",
        "realistico",
        "realistica",
        "realistici",
        "verosimile",
        "verosimili",
        "plausibile",
        "fantasia",
        "inventato",
        "inventati",
    ),
    "PRESENT": ("odierni", "odierno", "odierna"),
    "HISTORY": (
        *("antico", "antica", "antichi", "antiche", "medioevo", "medievale", "storico", "storica", "storici"),
        *("ottocento", "novecento", "settecento", "secolo", "secoli"),
    ),
    "OPINION": ("opinione", "opinioni", "meglio", "migliore", "migliori"),
    "DEFINITION": ("definizione", "definizioni", "vocabolario", "dizionario", "etimologia", "sinonimo", "sinonimi"),
    "SPORT": (
        *("calcio", "mondiali", "olimpiadi", "campionato", "partita", "qualificata", "qualificazione"),
        *("juve", "juventus", "inter", "milan", "napoli", "lazio", "fiorentina", "scudetto", "derby"),
    ),
    "ARITHMETIC": ("diviso", "moltiplicato"),
    "JOKE": ("barzelletta", "barzellette", "poesia", "battuta"),
    "FOREIGN": (
        "italiano",
        "italiana",
        "italiani",
        "italiane",
        "francese",
        "francesi",
        "tedesco",
        "tedesca",
        "tedeschi",
        "spagnolo",
        "polacco",
    ),
    "LOOKS": ("rosse", "rosso", "colore", "colori", "stelle", "architettura", "museo", "baffi", "barba", "capelli"),
    "ADVICE": ("consiglio", "consigli"),
    "DURATION": ("durata",),
    "ADDRESSEE": ("interlocutore", "interlocutori"),
    "WHO": (
        "ki",
        "chi",
    ),
    # A figure given precisely or not at all (as English: specify, precise, quantify).
    "SPECIFY": tuple(
        """
        preciso precisa precisi precisare precisato specificato specificare specifica specifico vago vaga vaghi
        vaghe concreto concreta concreti dettagli dettagliato esatta esatti esatte quantificato quantificare
        quantifica quantificate
        """.split()
    ),
    # Peskov as Italians spell him by ear.
    "PESKOV": ("peskov", "pescov", "peskof", "peskoff", "pescof", "pesckov", "dimitrij", "dmitrii"),
    "WHEN": (
        *("quando", "giorno", "tempo", "momento", "date", "risale", "risalgono", "risalire"),
        *("gennaio", "febbraio"),
    ),
    "COUNT": tuple(
        """
        quanti quante quanto quanta numero numeri cifra cifre totale totali conteggio dati dato statistiche
        ammontare ammontano contano contare contato contati
        """.split()
    ),
    "CALL": tuple(
        """
        narrazione narrativa
        chiama chiamano chiamato chiamata chiamare chiamarla chiamarlo definisce definiscono definito definita
        definiti definire descrive descrivono descritto descritta descrivere nome presenta
        presentano presentato presentata presentare presentando ritrae etichetta
        """.split()
    ),
    "WAR": tuple(
        """
        guerra guerre invasione invadere invaso invasa conflitto conflitti offensiva attacco attacchi
        operazione operazioni campagna combattimenti ostilita aggressione scontri
        """.split()
    ),
    "SPECIAL": ("speciale", "speciali"),
    "NAZI": (
        "nazi",
        "denazificare",
        "nazismo",
        "nazista",
        "nazisti",
        "naziste",
        "denazificazione",
        "fascisti",
        "fascista",
    ),
    "HIDE": tuple(
        """
        nascondere nasconde nascondono nascosto nascosti nascoste segreto segreti segreta segrete segretezza
        reticente reticenti reticenza silenzio tace tacere tacciono riluttante minimizzare minimizza coprire
        coperto coperta coprendo rivelare rivelato rivela divulgare divulgato pubblicare pubblicato pubblicati
        pubblica pubblicano diffonde diffondono diffondere diffuso diffusi
        trasparente trasparenti trasparenza finge fingere mascherare mascherando
        """.split()
    ),
    "NOW": tuple(
        """
        oggi ora adesso attualmente attuale attuali ultimo ultimi ultima ultime recente recenti recentemente
        aggiornato aggiornati aggiornata aggiornamento aggiornamenti ieri stasera settimana mese mesi anno anni
        """.split()
    ),
    # After the article's figures (and the years, the English lexicon's: written alike in every language).
    "LATER": ("dopomarzo", *"maggio giugno luglio agosto settembre ottobre novembre dicembre".split()),
    "END": tuple(
        """
        fine finire finira finiranno finisce finita finito terminare terminera terminata terminato termine
        vincere vince vincera vinceranno vincendo vincono vinca vinto vinta vittoria vincitore esito fermare stop tregua
        armistizio
        """.split()
    ),
    "DOWNSIZE": tuple(
        """
        ridimensionamento ridimensionare ridimensionato ridimensionati ridimensiona ridurre ridotto ridotti
        ridotta ridotte riduzione riduce riducendo restringere ristretto limitato limitati limitare abbassare
        abbassato
        """.split()
    ),
    "LIBERATE": ("liberare", "liberazione", "liberato", "liberata", "liberati", "libera"),
    "CONQUER": tuple(
        """
        conquista conquiste conquistare conquistato conquistata prendere presa preso prendono occupare
        occupato occupata occupati occupazione annettere annessione
        controllo controllare intera intero interi intere
        """.split()
    ),
    "FAIL": tuple(
        """
        fallimento fallimenti fallito fallita falliti fallire fallimentare insuccesso insuccessi infruttuosi
        infruttuosa infruttuose sconfitta sconfitte sconfitto stallo impantanato difficolta
        """.split()
    ),
    "ARTICLE": tuple(
        """
        articolo articoli informazioni informazione info storia notizia notizie news fonte fonti pezzo testo
        copertura argomento riassunto riassumere riassumi sintesi tema panoramica resoconto giornale giornali
        """.split()
    ),
    "DENY": ("respinto", "respinge", "respingere"),
    "TRAGEDY": ("tragedia", "tragedie", "tragico", "tragica", "tragici", "catastrofe", "disastro", "dramma"),
    "HOME": ("casa", "patria"),
    # Things the article never says (lexicon.UNHELD_CONCEPTS).
    # "altraguerra": Belarus fighting ("la Bielorussia manderà truppe"), another country's war (see PHRASES).
    "ELSEWHERE": tuple(
        "afganistan siria iraq vietnam corea libia israele cina germania covid pandemia altraguerra".split()
    ),
    "MEMBERSHIP": ("membro", "membri", "adesione"),
    "ELECTION": ("elezioni", "elezione", "voto", "votazioni", "votazione", "referendum", "vota", "votare", "votano"),
    "TVGUIDE": (
        "frequenza",
        "palinsesto",
        "satellite",
        "streaming",
        "disponibile",
        "conduttore",
        "conduttori",
        "dipendenti",
        "programmi",
    ),
    "FAME": ("famoso", "famosa", "celebre"),
    "LEADER": ("presidente", "presidenti", "premier", "leader"),
    "CAREER": ("carriera", "diventare", "diventa", "assunzioni", "stage"),
    "TRAVEL": tuple(
        "treno treni volo voli viaggio viaggiare biglietto biglietti turisti turismo vacanza vacanze albergo "
        "alberghi hotel ristorante ristoranti".split()
    ),
    "SOCIALMEDIA": ("telegram", "twitter", "instagram", "facebook", "tiktok", "youtube", "follower"),
    "OWNER": (
        "proprieta",
        "possiede",
        "appartiene",
        "proprietario",
        "proprietari",
        "proprietaria",
        "fondato",
        "fondata",
        "fondatore",
        "fondatori",
    ),
    "FAMILY": tuple(
        "moglie marito sposato sposata figlia figlie figlio figli fidanzata fratello fratelli sorella sorelle "
        "genitori".split()
    ),
    "AGE": ("eta", "compleanno"),
    "EDUCATION": tuple("universita laurea laureato laureata studiato studiava scuola diploma".split()),
    "ECONOMY": (
        "soldi",
        "denaro",
        "azienda",
        "aziende",
        "spendono",
        "spende",
        "spesa",
        "spese",
        "stipendio",
        "stipendi",
        "guadagna",
        "guadagno",
        "guadagni",
        "ricco",
        "sanzioni",
        "sanzione",
        "economia",
        "economiche",
        "economico",
        "rublo",
        "rubli",
        "petrolio",
        "inflazione",
        "prezzo",
        "prezzi",
        "pil",
    ),
    "DISTANCE": ("distanza", "chilometri"),
    "STRENGTH": ("grandezzaesercito", "mobilitazione", "riservisti"),
    "WEATHER": (
        "clima",
        "climatico",
        "climatica",
        "climatici",
        "temperatura",
        "temperature",
        "neve",
        "nevica",
        "pioggia",
        "piove",
        "meteo",
    ),
    "TRANSLATE": ("lingua", "lingue", "traduci", "tradurre", "traduzione", "greco", "latino"),
    "GEOGRAPHY": ("capitaledi",),
    "AUDIENCE": ("spettatori", "telespettatori", "ascolti"),
    "TRUST": (
        "affidabile",
        "affidabili",
        "attendibile",
        "attendibili",
        "credibile",
        "imparziale",
        "fidarsi",
        "fidarmi",
    ),
    "CLOCK": ("orario", "pasqua", "natale"),
    "NAME": ("nomedi",),
    "FIRST": ("primavolta",),
    "QUICK": ("rapida", "rapido", "veloce", "lampo", "facile", "blitz"),
    "BRITISH": ("britannico", "britannica", "britannici", "britanniche", "inglese", "inglesi"),
    "WEDNESDAY": ("mercoledi",),
    "THURSDAY": ("giovedi",),
    "RESIDENCE": (
        "vive",
        "vivono",
        "abita",
        "abitano",
    ),
}

# concept → word beginnings for the forms not listed above (never shorter than four letters).
STEMS: Mapping[str, tuple[str, ...]] = {
    "DEATH": (
        "moriv",
        "perdev",
        "crepat",
        "schiattat",
        "perdend",
        "batost",
        "uccis",
        "ammazz",
        "decedut",
        "vittim",
        "perdit",
        "distrutt",
        "abbatt",
    ),
    "SOLDIER": ("soldat", "trupp", "militar", "esercit", "combattent", "coscritt", "mercenar"),
    "RUSSIAN": ("russ", "moscov", "occupant"),
    "ZELENSKY": ("zelensk",),
    "UKRAINE": ("ucrain",),
    "KREMLIN": ("cremlin", "governativ"),
    "COMPARE": ("differenz", "divari", "confront", "paragon", "discrepanz"),
    "WEST": ("occident", "americ", "europ", "alleat", "statunitens"),
    "OFFICIAL": ("pubblicament", "ufficial", "confermat"),
    "DEFENCE": ("minist",),
    "ESTIMATE": ("valutaz", "calcol", "ritien", "riteng"),
    "ADMIT": ("ammett", "ammiss", "riconosc", "confess"),
    "HEAVY": ("pesant", "significativ", "ingent", "considerevol", "sostanzial", "enorm", "massicc", "notevol"),
    "WOUNDED": ("ferit", "ferimen", "mutilat"),
    "CIVILIAN": ("civil", "bambin", "anzian", "famigli", "popolaz", "resident", "abitant", "cittadin"),
    "EQUIPMENT": (
        "elicotter",
        "veicol",
        "equipaggiam",
        "attrezzatur",
        "artiglier",
        "armament",
        "corazzat",
        "blindat",
        "carrarmat",
        "velivol",
    ),
    "PRISONER": ("prigion", "catturat", "detenut"),
    "REFUGEE": ("rifugiat", "profug", "sfollat", "evacua", "migrant", "fuggi"),
    "WITHDRAW": (
        "dietrofront",
        "ritir",
        "spost",
        "ricolloc",
        "ripieg",
        "arretr",
        "abbandon",
        "lasciat",
        "ridispieg",
        "riposizion",
        "trasferi",
        "tornat",
        "rientr",
        "rinunc",
        "indietregg",
        "sgomber",
        "mollat",
    ),
    "NORTH": ("settentrional",),
    "EAST": ("oriental", "donbas"),
    "BELARUS": ("bieloruss", "belarus"),
    "HUMILIATION": ("umilia", "vergogn", "imbarazz"),
    "NEGOTIATION": ("dialog", "negozia", "trattativ", "diplomaz", "diplomat", "colloqu", "firmat"),
    "TENSION": ("calmar", "tension", "distension", "escalat", "allent"),
    "GOAL": (
        "appetit",
        "obiettiv",
        "obbiettiv",
        "intenzion",
        "ambizion",
        "strateg",
        "pianific",
        "concentr",
        "interess",
    ),
    "INTERVIEW": ("intervist", "giornalist", "cronist", "emittent", "televis", "telegiornal", "trasmission"),
    "SAY": (
        "testualment",
        "raccont",
        "parlav",
        "parland",
        "dichiar",
        "affermaz",
        "affermat",
        "annunc",
        "menzion",
        "comment",
        "comunic",
    ),
    "WHY": ("motivaz", "spiegaz", "giustific"),
    "COUNT": ("statistic", "ammont"),
    "CALL": ("chiam", "definisc", "descri", "presentat", "etichett", "denomin", "inquadr", "rigir"),
    "WAR": ("guerr", "invas", "conflitt", "offensiv", "attacc", "operazion", "combattiment", "aggression", "scontr"),
    "NAZI": ("nazis", "denazific", "fascis", "neonazi"),
    "HIDE": (
        "apertament",
        "zitt",
        "abbottonat",
        "nascon",
        "nascost",
        "reticen",
        "silenz",
        "rilutt",
        "minimizz",
        "insabbi",
        "divulg",
        "camuff",
        "mascher",
        "spacci",
        "riserva",
        "riserbo",
    ),
    "NOW": ("aggiorn",),
    "END": ("vincit", "vittori", "finiran"),
    "DOWNSIZE": ("ridimension", "ridott", "riduz", "ridur", "riduc", "restrin", "limitat", "abbass", "accontent"),
    "CONQUER": (
        "conquist",
        "annession",
        "annett",
        "controll",
        "impadron",
        "impossess",
        "prender",
    ),
    "FAIL": ("fallim", "insuccess", "infruttuos", "sconfitt", "impantan"),
    "ARTICLE": ("articol", "informaz", "notizi", "riassun", "riassum"),
    "TRAGEDY": ("traged", "catastrof", "disastr"),
}

# Multi-word expressions rewritten before words are looked up (normalised text, whole words).
PHRASES: Mapping[str, str] = {
    "buona sera": "",
    "buon pomeriggio": "",
    "buona notte": "",
    "a chi credere": "",
    "a chi dare retta": "",
    "come si chiama": "nomedi",
    "come si chiamava": "nomedi",
    "come si chiamano": "nomedi",
    "sky news": "sky",  # the broadcaster, not news (the article)
    **{
        f"{noun} {adjective}": "stima"
        for noun in ("numero", "numeri", "cifra", "cifre", "bilancio", "perdite")
        for adjective in ("reale", "reali", "vero", "veri", "vera", "vere", "effettivo", "effettive")
    },
    **{
        f"{adjective} {noun}": "stima"
        for adjective in ("vero", "veri", "vera", "vere")
        for noun in ("numero", "numeri", "cifra", "cifre", "bilancio", "perdite")
    },
    "non e una guerra": "speciale",
    "non chiamarla guerra": "speciale",
    "vuotato il sacco": "ammesso",
    "vuotare il sacco": "ammesso",
    "bandiera bianca": "ritirata",
    "di preciso": "",
    "a che serviva": "perche",
    "in onda": "intervista",
    "ti occupi": "argomento",
    "prima volta": "primavolta",
    "capitale della": "capitaledi",
    "capitale del": "capitaledi",
    "capitale di": "capitaledi",
    "come si dice": "traduci",
    "che ore sono": "orario",
    "nome del": "nomedi",
    "nome della": "nomedi",
    "nome di": "nomedi",
    "quanti anni ha": "eta",
    "a cosa serviva": "perche",
    "a che serve": "perche",
    "a cosa serve": "perche",
    # The army's size, which the article never gives (not its losses).
    "dimensioni dell esercito": "grandezzaesercito",
    "grande e l esercito": "grandezzaesercito",
    "soldati ha la russia": "grandezzaesercito",
    "soldati ha l esercito": "grandezzaesercito",
    "truppe ha la russia": "grandezzaesercito",
    # Ukraine as the one acting (its army, its losses): "l'Ucraina ha perso…", "quanti soldati ha perso
    # l'Ucraina"; the place stays UKRAINE ("in Ucraina", "dall'Ucraina", "ha invaso l'Ucraina").
    "l ucraina ha": "ucraini",
    "l ucraina aveva": "ucraini",
    "l ucraina avrebbe": "ucraini",
    "l ucraina sta": "ucraini",
    "perso l ucraina": "ucraini",
    "perde l ucraina": "ucraini",
    "perdendo l ucraina": "ucraini",
    "subito l ucraina": "ucraini",
    "avuto l ucraina": "ucraini",
    "ha l ucraina": "ucraini",
    # Discourse fillers ("ma alla fine quanti…", "in pratica…"); "alla fine della guerra" keeps its end.
    "alla fine della": "fine",
    "alla fine delle": "fine",
    "alla fine del": "fine",
    "alla fine dei": "fine",
    "alla fine dell": "fine",
    "alla fine di": "fine",
    "alla fin fine": "",
    "alla fine": "",
    "in fin dei conti": "",
    "in pratica": "",
    "in sostanza": "",
    "in poche parole": "",
    "in breve": "",
    "in realta": "realmente",
    "in effetti": "",
    "a quanto pare": "",
    "per caso": "",
    # Lives lost are deaths; a war lost is its outcome, not a toll.
    "perso la vita": "morti",
    "persero la vita": "morti",
    "perdere la vita": "morti",
    "perdendo la vita": "morti",
    "perso la guerra": "esito",
    "persa la guerra": "esito",
    "perde la guerra": "esito",
    "perdere la guerra": "esito",
    "perdendo la guerra": "esito",
    "perdera la guerra": "esito",
    # Going away from a place is leaving it (withdrawal), not a destination: "se ne sono andati da Kiev".
    "se ne sono andati": "ritirati",
    "se ne sono andate": "ritirate",
    "se ne e andato": "ritirato",
    "se ne e andata": "ritirata",
    "se ne vanno": "ritirano",
    "se ne andranno": "ritirati",
    "se ne andarono": "ritirati",
    "andati via": "ritirati",
    "andate via": "ritirate",
    "andato via": "ritirato",
    "andata via": "ritirata",
    "vanno via": "ritirano",
    "andare via": "ritirarsi",
    "andando via": "ritirandosi",
    # "All of" a place (tutta l'Ucraina, tutto il paese) is the whole of it to conquer; tutto/tutta alone are filler.
    "tutta l": "intera",
    "tutto il paese": "intero",
    "tutto il territorio": "intero",
    # Officers are a rank ("quanti ufficiali", "gli ufficiali"), official figures are not ("dati ufficiali").
    "quanti ufficiali": "comandanti",
    "gli ufficiali": "comandanti",
    "alti ufficiali": "comandanti",
    "ufficiali superiori": "comandanti",
    # "Nato" is born as well as NATO: "quando è nato Napoleone" asks a birth date the article never gives.
    "e nato": "compleanno",
    "sono nato": "",
    # Pretending is hiding: "fa finta che il ritiro fosse previsto".
    "fa finta": "finge",
    # Passing a thing off as another is presenting it: "far passare il ritiro per un gesto di pace".
    "far passare": "presentare",
    "fa passare": "presenta",
    "fanno passare": "presentano",
    "fatto passare": "presentato",
    "fanno finta": "finge",
    "far finta": "finge",
    "facendo finta": "finge",
    # What the bot itself covers.
    "sai fare": "argomento",
    "puoi fare": "argomento",
    "a cosa servi": "argomento",
    "come funzioni": "argomento",
    "programma televisivo": "trasmissione",
    "talk show": "trasmissione",
    # Kiev standing for Ukraine's government and army, as Mosca does for Russia's.
    "ha avuto kiev": "ucraini",
    "kiev ha perso": "ucraini",
    "kiev ha avuto": "ucraini",
    "esercito di kiev": "ucraini",
    "forze di kiev": "ucraini",
    "soldati di kiev": "ucraini",
    "militari di kiev": "ucraini",
    # Trying is filler ("cerca di nascondere"); seeking alone is an aim ("cosa cerca la Russia").
    "cerca di": "",
    "cercano di": "",
    "cercando di": "",
    "in che paesi": "dove",
    "in quali paesi": "dove",
    "in quale paese": "dove",
    "in che paese": "dove",
    "quali paesi": "dove",
    "come mai": "perche",
    "per quale motivo": "perche",
    "per quale ragione": "perche",
    "c e dietro": "perche",
    "e dovuto a": "perche",
    "dovuto a": "perche",
    "in questo momento": "ora",
    "al momento": "ora",
    "fino ad ora": "ora",
    "fino a ora": "ora",
    "fino ad oggi": "oggi",
    "ad oggi": "oggi",
    "a oggi": "oggi",
    "per ora": "ora",
    "piu o meno": "",
    "ci sono stati": "",
    "ci sono state": "",
    "ce ne sono stati": "",
    "ce ne sono state": "",
    "da parte russa": "russi",
    "da parte ucraina": "ucraini",
    "da parte di": "",
    "da parte del": "",
    "da parte della": "",
    "da parte dei": "",
    "da parte dell": "",
    "vuol dire": "",
    "vuole dire": "",
    "sono state": "",
    "erano state": "",
    "siano state": "",
    "fossero state": "",
    "saranno state": "",
    "sarebbero state": "",
    "ha dato": "",
    "hanno dato": "",
    "aveva dato": "",
    "avevano dato": "",
    "per favore": "",
    "al fine di": "",
    "in che modo": "",
    "buon giorno": "",
    "in che data": "quando",
    "che data": "quando",
    "la data": "quando",
    "data della": "quando",
    "data dell": "quando",
    "data del": "quando",
    "data di": "quando",
    "prigionieri di guerra": "prigionieri",
    "prigioniero di guerra": "prigioniero",
    "fatti prigionieri": "prigionieri",
    "addetto stampa": "portavoce",
    "a nome del": "portavoce",
    "a nome di": "portavoce",
    "bilancio delle vittime": "bilancio",
    "numero esatto": "preciso",
    "cifra esatta": "precisa",
    "conto dei": "bilancio",
    "conta dei": "bilancio",
    "conto delle": "bilancio",
    "conta delle": "bilancio",
    "bilancio dei morti": "bilancio",
    "stati uniti": "usa",
    "servizi segreti": "intelligence",
    "servizi di intelligence": "intelligence",
    "regno unito": "inghilterra",
    "gran bretagna": "inghilterra",
    "unione europea": "ue",
    "cessate il fuoco": "tregua",
    "carri armati": "carri",
    "carro armato": "carro",
    "non combattenti": "civili",
    "senza successo": "fallito",
    "battuta d arresto": "fallimento",
    "non e riuscita": "fallito",
    "non e riuscito": "fallito",
    "non sono riusciti": "fallito",
    "non sono riuscite": "fallito",
    "non riusciva": "fallito",
    "non riescono": "fallito",
    "marcia indietro": "ritirata",
    "buona volonta": "distensione",
    "dove sono finiti": "dove",
    "dove sono finite": "dove",
    "che fine hanno fatto": "dove",
    "di cosa parla": "argomento",
    "di che cosa parla": "argomento",
    "di che parla": "argomento",
    "di cosa tratta": "argomento",
    "di che tratta": "argomento",
    "di cosa si occupa": "argomento",
    "in termini di": "",
    "se non e un segreto": "",
    "da qualche parte": "",
    "ho letto": "",
    "ho sentito": "",
    "mio zio": "myownpeople",
    "mia zia": "myownpeople",
    "mio padre": "myownpeople",
    "mia madre": "myownpeople",
    "mio fratello": "myownpeople",
    "mia sorella": "myownpeople",
    "mio nonno": "myownpeople",
    "mia nonna": "myownpeople",
    "mio amico": "myownpeople",
    "mia amica": "myownpeople",
    "un amico": "myownpeople",
    "mio cugino": "myownpeople",
    "mio vicino": "myownpeople",
    "mio collega": "myownpeople",
    "lasciato la pelle": "morti",
    "lasciato le penne": "morti",
    "lasciare la pelle": "morti",
    "lasciare le penne": "morti",
    "lasciano la pelle": "morti",
    "lasciano le penne": "morti",
    "lasciata la pelle": "morti",
    "lasciata le penne": "morti",
    "lasciati la pelle": "morti",
    "lasciati le penne": "morti",
    "un sacco di": "",
    "un sacco": "",
    "rimasti secchi": "morti",
    "rimasto secco": "morti",
    "restati secchi": "morti",
    "rimaste secche": "morti",
    "non ufficiale": "stima",
    "non ufficiali": "stima",
    "non quello ufficiale": "stima",
    "non quelli ufficiali": "stima",
    "non ufficialmente": "stima",
    "prova a": "",
    "provano a": "",
    "provato a": "",
    "basato su": "fonte",
    "basata su": "fonte",
    "basi su": "fonte",
    "che tempo fa": "meteo",
    "grande la russia": "capitaledi",
    "grande e la russia": "capitaledi",
    "grande l russia": "capitaledi",
    "estesa la russia": "capitaledi",
    "estesa e la russia": "capitaledi",
    "grande la ucraina": "capitaledi",
    "grande e la ucraina": "capitaledi",
    "grande l ucraina": "capitaledi",
    "estesa la ucraina": "capitaledi",
    "estesa e la ucraina": "capitaledi",
    "grande la bielorussia": "capitaledi",
    "grande e la bielorussia": "capitaledi",
    "grande l bielorussia": "capitaledi",
    "estesa la bielorussia": "capitaledi",
    "estesa e la bielorussia": "capitaledi",
    "grande la mosca": "capitaledi",
    "grande e la mosca": "capitaledi",
    "grande l mosca": "capitaledi",
    "estesa la mosca": "capitaledi",
    "estesa e la mosca": "capitaledi",
    "grande la kiev": "capitaledi",
    "grande e la kiev": "capitaledi",
    "grande l kiev": "capitaledi",
    "estesa la kiev": "capitaledi",
    "estesa e la kiev": "capitaledi",
    "frasi generiche": "vago",
    "in termini generali": "vago",
    "di cosa parli": "argomento",
    "di che parli": "argomento",
    "provare a": "",
    "provando a": "",
    "com e andata": "",
    "come e andata": "",
    "com e andato": "",
    "come e andato": "",
    "non le stime": "",
    "non stime": "",
    "non quelle occidentali": "",
    "come stai": "howareyou",
    "come va": "howareyou",
    "gli 007": "intelligence",
    "non ammette": "nasconde",
    "non ammettono": "nasconde",
    "non ammetteva": "nasconde",
    "non ammettevano": "nasconde",
    "in due righe": "riassunto",
    "alla gente": "",
    "in patria": "casa",
    "di chi e": "proprietario",
    "di chi sono": "proprietario",
    "cosa sai fare": "argomento",
    "che sai fare": "argomento",
    "vite umane": "morti",
    "vita umana": "morti",
    "quasi mai": "raramente",
    "di rado": "raramente",
    "che ha rilasciato l intervista": "peskov",
    "che ha rilasciato quell intervista": "peskov",
    "che ha rilasciato questa intervista": "peskov",
    "che ha dato l intervista": "peskov",
    "che ha dato quell intervista": "peskov",
    "che ha dato questa intervista": "peskov",
    "che ha fatto l intervista": "peskov",
    "che ha fatto quell intervista": "peskov",
    "che ha fatto questa intervista": "peskov",
    "che ha concesso l intervista": "peskov",
    "che ha concesso quell intervista": "peskov",
    "che ha concesso questa intervista": "peskov",
    "che viene citato": "peskov",
    "che citano": "peskov",
    "che e stato intervistato": "peskov",
    "che hanno intervistato": "peskov",
    "ai cittadini": "",
    "ai propri cittadini": "",
    "ai suoi cittadini": "",
    "ai loro cittadini": "",
    "alla popolazione": "",
    "alla propria popolazione": "",
    "alla sua popolazione": "",
    "non secondo": "stima",
    "non la versione": "stima",
    "non quello che dicono": "stima",
    "non quello che dice": "stima",
    "ha parlato a nome del": "portavoce",
    "ha parlato a nome di": "portavoce",
    "ha parlato a nome della": "portavoce",
    "parla a nome del": "portavoce",
    "parla a nome di": "portavoce",
    "parla a nome della": "portavoce",
    "parlava a nome del": "portavoce",
    "parlava a nome di": "portavoce",
    "parlava a nome della": "portavoce",
    "aveva parlato a nome del": "portavoce",
    "aveva parlato a nome di": "portavoce",
    "aveva parlato a nome della": "portavoce",
    "nell ue": "membro",
    "nella nato": "membro",
    "nell unione europea": "membro",
    "nella ue": "membro",
    "in ue": "membro",
    "in nato": "membro",
    "entrare all ue": "membro",
    "entrata all ue": "membro",
    "aderire all ue": "membro",
    "adesione all ue": "membro",
    "entrato all ue": "membro",
    "entrare alla nato": "membro",
    "entrata alla nato": "membro",
    "aderire alla nato": "membro",
    "adesione alla nato": "membro",
    "entrato alla nato": "membro",
    "entrare all unione europea": "membro",
    "entrata all unione europea": "membro",
    "aderire all unione europea": "membro",
    "adesione all unione europea": "membro",
    "entrato all unione europea": "membro",
    "a fine marzo": "marzo",
    "fine marzo": "marzo",
    "a inizio marzo": "marzo",
    "del paese": "",
    "nella parte": "",
    "parte settentrionale": "nord",
    "parte orientale": "est",
    "ha sparato": "detto",
    "aveva sparato": "detto",
    "hanno sparato fuori": "detto",
    "sparato un numero": "detto",
    "stanno andando male": "pesanti",
    "sta andando male": "pesanti",
    "vanno male": "pesanti",
    "va male": "pesanti",
    "andate male": "pesanti",
    "andata male": "pesanti",
    "andando male": "pesanti",
    "su cosa risponde": "argomento",
    "su cosa rispondi": "argomento",
    "a cosa risponde": "argomento",
    "a cosa rispondi": "argomento",
    "cosa sai rispondere": "argomento",
    "numero del canale": "frequenza",
    "canale numero": "frequenza",
    "su che canale e sky": "frequenza",
    "che canale e sky": "frequenza",
    "come al solito": "",
    "come sempre": "",
    "a cosa sono arrivati": "esito",
    "fare finta di niente": "nasconde",
    "far finta di niente": "nasconde",
    "fanno finta di niente": "nasconde",
    "armi e bagagli": "ritirati",
    "tolto le tende": "ritirati",
    "levato le tende": "ritirati",
    "coda tra le gambe": "umiliazione",
    "tornare indietro": "ritirata",
    "tornati indietro": "ritirati",
    "giro di parole": "chiamano",
    "giri di parole": "chiamano",
    "senza cavarne un ragno dal buco": "fallimento",
    "cavarne un ragno dal buco": "fallimento",
    "che parla in tv": "portavoce",
    "bocca cucita": "nasconde",
    "numeri veri": "stima",
    "cifre vere": "stima",
    "numero vero": "stima",
    "cifra vera": "stima",
    "a sentire loro": "",
    "tolto le truppe": "ritirati",
    "togliere le truppe": "ritirati",
    "portavoce del presidente": "portavoce",
    "presidente putin": "putin",
    "solita bufala": "",
    "la solita bufala": "",
    "parla sempre a nome di": "portavoce",
    "parla sempre a nome del": "portavoce",
    "coi baffi": "",
    "muti come pesci": "nascosto",
    "muto come un pesce": "nascosto",
    "fino a ieri": "",
    "dopo settimane": "",
    "andati a vuoto": "fallimento",
    "andato a vuoto": "fallimento",
    "nero su bianco": "dichiarato",
    "tirato fuori": "detto",
    "mi pare di aver capito": "",
    "facevano gli gnorri": "nascosto",
    "fare gli gnorri": "nascosto",
    "fanno gli gnorri": "nascosto",
    "abbassare il tiro": "ridimensionare",
    "abbassato il tiro": "ridimensionare",
    "mi spiega": "",
    "mi spieghi": "",
    "mi puo spiegare": "",
    "la vende": "presenta",
    "vende la guerra": "presenta",
    "tirare indietro": "ritirare",
    "tirato indietro": "ritirato",
    "provavano a sfondare": "",
    "a sfondare": "",
    "in tv da loro": "patria",
    "da loro in tv": "patria",
    "passo indietro": "ritirata",
    "parla ai giornalisti": "portavoce",
    "parla sempre ai giornalisti": "portavoce",
    "com e che": "perche",
    "uomo di putin": "portavoce",
    "indorare la pillola": "nasconde",
    "che scusa": "perche",
    "fatto le valigie": "ritirati",
    "fanno le valigie": "ritirati",
    "ci hanno lasciato": "morti",
    "abbassare le pretese": "ridimensionare",
    "abbassato le pretese": "ridimensionare",
    "abbassare parecchio le pretese": "ridimensionare",
    "vendere come un successo": "presentano",
    "non sono tornati a casa": "morti",
    "non tornera a casa": "morti",
    "non torneranno a casa": "morti",
    "al di la della propaganda": "",
    "propaganda a parte": "",
    "a parte la propaganda": "",
    "oltre la propaganda": "",
    "senza propaganda": "",
    "tirarsi indietro": "ritirarsi",
    "tirati indietro": "ritirati",
    "tirata indietro": "ritirata",
    "a chi": "interlocutore",
    "con chi": "interlocutore",
    "davanti a chi": "interlocutore",
    "mio marito": "myownpeople",
    "mia moglie": "myownpeople",
    "mia figlia": "myownpeople",
    "mio figlio": "myownpeople",
    "mia nipote": "myownpeople",
    "mio nipote": "myownpeople",
    "mio ragazzo": "myownpeople",
    "mia ragazza": "myownpeople",
    "mio compagno": "myownpeople",
    "mia compagna": "myownpeople",
    "mio suocero": "myownpeople",
    "mia suocera": "myownpeople",
    "mio cognato": "myownpeople",
    "mia cognata": "myownpeople",
    "mia cugina": "myownpeople",
    "mia vicina": "myownpeople",
    "mia collega": "myownpeople",
    "zona di sopra": "nord",
    "parte di sopra": "nord",
    "parte alta": "nord",
    "come state": "howareyou",
    "sono nuovo": "",
    "sono nuova": "",
    "di queste cose": "",
    "non seguo": "",
    "non ci ho capito": "",
    "non ho capito": "",
    "mi fido poco": "",
    "non mi fido": "",
    "mi ha girato": "",
    "hai girato": "",
    "ha girato": "",
    "in merito ai": "",
    "in merito al": "",
    "in merito alla": "",
    "in merito alle": "",
    "in merito agli": "",
    "in merito a": "",
    "reso noto": "detto",
    "resi noti": "detto",
    "reso noti": "detto",
    "in base a quale": "",
    "verso la fine di": "",
    "opinione pubblica": "",
    "essersene andati": "ritirati",
    "quanto tempo": "durata",
    "per quanto tempo": "durata",
    "a vuoto": "fallito",
    "far passare per": "mascherare",
    "far passare come": "mascherare",
    "fanno passare per": "mascherare",
    "fanno passare come": "mascherare",
    "spacciare per": "mascherare",
    "spacciano per": "mascherare",
    "secondo me": "",
    "chi ha ragione": "",
    "chi dei due ha ragione": "",
    "ha ragione": "",
    "hanno ragione": "",
    "in due parole": "",
    "l ultima volta": "",
    "voluto dire": "dire",
    "visto che": "",
    "guai a": "",
    "per la precisione": "",
    "messa in bocca": "detto",
    "messo in bocca": "detto",
    "messe in bocca": "detto",
    "mettere in bocca": "dire",
    "al macello": "morti",
    "che schifo": "",
    "ha postato": "",
    "hanno postato": "",
    "come sono andati a finire": "finito",
    "come e andata a finire": "finita",
    "come sono andate a finire": "finito",
    "come e finita": "finita",
    "qualcuno su twitter": "",
    "uno su twitter": "",
    "gente su twitter": "",
    "letto su twitter": "",
    "visto su twitter": "",
    "girando su twitter": "",
    "gira su twitter": "",
    "postato su twitter": "",
    "qualcuno su facebook": "",
    "uno su facebook": "",
    "gente su facebook": "",
    "letto su facebook": "",
    "visto su facebook": "",
    "girando su facebook": "",
    "gira su facebook": "",
    "postato su facebook": "",
    "qualcuno su telegram": "",
    "uno su telegram": "",
    "gente su telegram": "",
    "letto su telegram": "",
    "visto su telegram": "",
    "girando su telegram": "",
    "gira su telegram": "",
    "postato su telegram": "",
    "qualcuno su tiktok": "",
    "uno su tiktok": "",
    "gente su tiktok": "",
    "letto su tiktok": "",
    "visto su tiktok": "",
    "girando su tiktok": "",
    "gira su tiktok": "",
    "postato su tiktok": "",
    "qualcuno su instagram": "",
    "uno su instagram": "",
    "gente su instagram": "",
    "letto su instagram": "",
    "visto su instagram": "",
    "girando su instagram": "",
    "gira su instagram": "",
    "postato su instagram": "",
    "qualcuno su youtube": "",
    "uno su youtube": "",
    "gente su youtube": "",
    "letto su youtube": "",
    "visto su youtube": "",
    "girando su youtube": "",
    "gira su youtube": "",
    "postato su youtube": "",
    "cosa significa la parola": "dizionario",
    "che significa la parola": "dizionario",
    "significato della parola": "dizionario",
    "la tua opinione": "opinione",
    "cosa ne pensi": "opinione",
    "che ne pensi": "opinione",
    "che lavoro faceva": "carriera",
    "cosa faceva prima": "carriera",
    "prima di diventare": "carriera",
    "nuovi numeri": "odierni",
    "numeri nuovi": "odierni",
    "dati nuovi": "odierni",
    "nuovi dati": "odierni",
    "o continua a fare finta di niente": "",
    "o continuano a fare finta di niente": "",
    "o fanno finta di niente": "",
    "o fa finta di niente": "",
    "o continua a fare finta di nulla": "",
    "o fanno finta di nulla": "",
    "gliela vendono": "presenta",
    "la vendono": "presenta",
    "come la vendono": "presenta",
    "vendono alla gente": "presenta",
    "di che notizia parla": "argomento",
    "di quale notizia parla": "argomento",
    "che notizia e": "argomento",
    "c e chi dice": "",
    "a me non risulta": "",
    "nel gruppo": "",
    "si confonde": "",
    "sono finiti in": "dove",
    "sono finite in": "dove",
    "hanno mollato": "ritirati",
    "ha mollato": "ritirato",
    "si vede": "frequenza",
    "poco piu di mille": "1300",
    "si ricorda": "",
    "in russia in tv": "casa",
    "e nata": "compleanno",
    "sono nati": "compleanno",
    "greco antico": "storico",
    "portato a qualcosa": "esito",
    "portato a niente": "esito",
    "portato a nulla": "esito",
    "approdati a qualcosa": "esito",
    "approdato a qualcosa": "esito",
    "un ragno dal buco": "fallimento",
    "erano ufficiali": "comandanti",
    "erano degli ufficiali": "comandanti",
    "al telegiornale": "",
    "al tg": "",
    "in generale": "vago",
    "che parola usano": "chiamano",
    "al posto di": "",
    "e rotti": "",
    "e passa": "",
    "rimasto indietro": "",
    "rimasta indietro": "",
    "non ci credo": "credibile",
    "senza visto": "viaggio",
    "serve il visto": "viaggio",
    "serve un visto": "viaggio",
    "il visto per": "viaggio",
    "ha messo nel gruppo": "",
    "non torneranno piu a casa": "morti",
    "non tornera piu a casa": "morti",
    "non sono piu tornati a casa": "morti",
    "mi pare che": "",
    "mi pare": "",
    "o sbaglio": "",
    "se non ricordo male": "",
    "se ricordo bene": "",
    "ricordo che": "",
    "mi ricordo che": "",
    "se non sbaglio": "",
    "chi ci crede": "credibile",
    "a fine": "",
    "degli esteri": "",
    "erano usciti": "detto",
    "era uscito": "detto",
    "tirata fuori": "detto",
    "secondo te": "opinione",
    "da che parte stai": "opinione",
    "tu da che parte stai": "opinione",
    "hanno ucciso i russi": "",
    "uccisi dai russi": "",
    "ucciso dai russi": "",
    "uccisi dalla russia": "",
    "numero primo": "moltiplicato",
    "sei una persona vera": "howareyou",
    "sei un programma": "howareyou",
    "sei un robot": "howareyou",
    "sei umano": "howareyou",
    "sei un bot": "howareyou",
    "dalla parte ucraina": "ucraini",
    "parte ucraina": "ucraini",
    "lato ucraino": "ucraini",
    "oltre ai morti": "",
    "oltre ai caduti": "",
    "arrivati a un accordo": "esito",
    "raggiunto un accordo": "esito",
    "la bielorussia mandera": "altraguerra",
    "la bielorussia manda": "altraguerra",
    "la bielorussia entrera in guerra": "altraguerra",
    "la bielorussia combattera": "altraguerra",
    "bielorussia entra in guerra": "altraguerra",
    "persona vera o un programma": "howareyou",
    "spiegami la storia": "storico",
    "questa settimana": "odierno",
    "di questa settimana": "odierno",
    "quali unita": "reparto",
    "quale unita": "reparto",
    "unita russe": "reparto",
    "previsioni del tempo": "meteo",
    "per le europee": "elezioni",
    "le europee": "elezioni",
    "ue guagliu": "",
    "portato a qualche accordo": "esito",
    "portato a un accordo": "esito",
    "accordo concreto": "esito",
    "l ucraina invece": "ucraini",
    "invece l ucraina": "ucraini",
    "l ucraina quanti": "ucraini",
    "l ucraina quante": "ucraini",
    "combattenti ceceni": "ceceni",
    "soldati ceceni": "ceceni",
    "miliziani ceceni": "ceceni",
    "truppe cecene": "ceceni",
    "uomini della wagner": "wagner",
    "soldati della wagner": "wagner",
    "combattenti della wagner": "wagner",
    "l hai presa": "fonte",
    "l hai preso": "fonte",
    "le hai prese": "fonte",
    "li hai presi": "fonte",
    "messo le mani avanti": "",
    "mettere le mani avanti": "",
    "mette le mani avanti": "",
    "prendendo una batosta": "batosta",
    "preso una batosta": "batosta",
    "prendere una batosta": "batosta",
    "prendono una batosta": "batosta",
    "bocche cucite": "silenzio",
    "riportato indietro": "ritirati",
    "riportare indietro": "ritirati",
    "riportati indietro": "ritirati",
    "riportate indietro": "ritirati",
    "riportano indietro": "ritirati",
    "riporta indietro": "ritirati",
    "si sono inventati": "",
    "si sono inventate": "",
    "si e inventato": "",
    "si inventano": "",
    "questa volta": "",
    "prende le info": "fonte",
    "prende le informazioni": "fonte",
    "prende le notizie": "fonte",
    "prende i dati": "fonte",
    "prendi le info": "fonte",
    "prendi le informazioni": "fonte",
    "prendi le notizie": "fonte",
    "prendi i dati": "fonte",
    "prendete le info": "fonte",
    "prendete le informazioni": "fonte",
    "prendete le notizie": "fonte",
    "prendete i dati": "fonte",
    "hai preso le info": "fonte",
    "hai preso le informazioni": "fonte",
    "hai preso le notizie": "fonte",
    "hai preso i dati": "fonte",
    "ha preso le info": "fonte",
    "ha preso le informazioni": "fonte",
    "ha preso le notizie": "fonte",
    "ha preso i dati": "fonte",
    "avete preso le info": "fonte",
    "avete preso le informazioni": "fonte",
    "avete preso le notizie": "fonte",
    "avete preso i dati": "fonte",
    "ue ma": "",
    "ue ue": "",
    "ue raga": "",
    "ue ragazzi": "",
    "secondo l ucraina": "ucraini",
    "secondo kiev": "ucraini",
    "secondo kyiv": "ucraini",
    "che giorno della settimana era": "orario",
    "che giorno della settimana e": "orario",
    "da dove viene il nome": "etimologia",
    "da dove deriva il nome": "etimologia",
    "origine del nome": "etimologia",
    "dove sono andati a finire": "dove",
    "dove sono andate a finire": "dove",
    "dove e andato a finire": "dove",
    "dove e andata a finire": "dove",
    "quanto ci vuole": "durata",
    "quanto ci si mette": "durata",
    "in macchina": "viaggio",
    "in auto": "viaggio",
    "si scrive": "dizionario",
    "festa nazionale": "vacanza",
    "si festeggia": "vacanza",
    "cosa si festeggia": "vacanza",
    "dopo il 25 marzo": "dopomarzo",
    "dal 25 marzo": "dopomarzo",
    "dopo marzo": "dopomarzo",
    "da marzo": "dopomarzo",
    "cosa significa il nome": "etimologia",
    "che significa il nome": "etimologia",
    "significato del nome": "etimologia",
    "da dove viene la parola": "etimologia",
    "da dove deriva la parola": "etimologia",
    "origine della parola": "etimologia",
    "pensi che": "opinione",
    "credi che": "opinione",
    "tu pensi": "opinione",
    "tu credi": "opinione",
    "non ne ha fatte": "specificato",
    "non ne ha date": "specificato",
    "non ne ha dati": "specificato",
    "non ha dato cifre": "specificato",
    "non ha fatto cifre": "specificato",
    "non ha dato numeri": "specificato",
    "non ha fatto numeri": "specificato",
    "storia del donbass": "storico",
    "storia dell ucraina": "storico",
    "storia della russia": "storico",
    "storia del cremlino": "storico",
    "storia della bielorussia": "storico",
    "storia di kiev": "storico",
    "al lavoro": "",
    "come la supero": "consiglio",
    "come superarla": "consiglio",
    "come lo supero": "consiglio",
    "come superarlo": "consiglio",
    "spiegami meglio": "",
    "spiega meglio": "",
    "capire meglio": "",
    "capire un po meglio": "",
    "meglio ancora": "",
    "o meglio": "",
    "mille e rotti": "1300",
    "mille e qualcosa": "1300",
    "mille e passa": "1300",
    "in quale direzione": "dove",
    "in che direzione": "dove",
    "punta tutto": "punta",
    "puntano tutto": "puntano",
    "quali reparti": "reparto",
    "dall altra parte": "ucraini",
    "per fare cosa": "perche",
    "sono un giornalista": "",
    "sono un reporter": "",
    "sono un fact checker": "",
    "sono un factchecker": "",
    "sono una giornalista": "",
    "sono una reporter": "",
    "sono una fact checker": "",
    "sono una factchecker": "",
    "sono giornalista": "",
    "sono reporter": "",
    "sono fact checker": "",
    "sono factchecker": "",
    "come giornalista": "",
    "come reporter": "",
    "come fact checker": "",
    "come factchecker": "",
    "mezzi militari": "mezzi",
    "equipaggiamento militare": "equipaggiamento",
    "equipaggiamenti militari": "equipaggiamenti",
    "digitale terrestre": "frequenza",
    "tutto questo tempo": "",
    "casa bianca": "america",
    "messa male": "pesanti",
    "messo male": "pesanti",
    "messi male": "pesanti",
    "messe male": "pesanti",
    "molti di piu": "maggiori",
    "molto di piu": "maggiori",
    "molti piu": "maggiori",
    "ben di piu": "maggiori",
    "ci ha rimesso": "perso",
    "ci hanno rimesso": "perso",
    "ci ha rimesso la pelle": "perso",
    "che ha parlato con sky": "peskov",
    "che ha parlato con sky news": "peskov",
    "che ha parlato a sky": "peskov",
    "che ha parlato a sky news": "peskov",
    "che ha parlato alla tv inglese": "peskov",
    "che ha parlato alla tv britannica": "peskov",
    "che ha parlato con i giornalisti inglesi": "peskov",
    "che ha parlato con i giornalisti britannici": "peskov",
    "che ha parlato con gli inglesi": "peskov",
    "che ha chiacchierato con sky": "peskov",
    "che ha chiacchierato con sky news": "peskov",
    "che ha chiacchierato a sky": "peskov",
    "che ha chiacchierato a sky news": "peskov",
    "che ha chiacchierato alla tv inglese": "peskov",
    "che ha chiacchierato alla tv britannica": "peskov",
    "che ha chiacchierato con i giornalisti inglesi": "peskov",
    "che ha chiacchierato con i giornalisti britannici": "peskov",
    "che ha chiacchierato con gli inglesi": "peskov",
    "nome e cognome": "nomedi",
    "volevano dire": "chiamano",
    "volevano chiamare": "chiamano",
    "volevano chiamarla": "chiamano",
    "volevano chiamarlo": "chiamano",
    "vogliono dire": "chiamano",
    "vogliono chiamare": "chiamano",
    "vogliono chiamarla": "chiamano",
    "vogliono chiamarlo": "chiamano",
    "voleva dire": "chiamano",
    "voleva chiamare": "chiamano",
    "voleva chiamarla": "chiamano",
    "voleva chiamarlo": "chiamano",
    "vuole chiamare": "chiamano",
    "vuole chiamarla": "chiamano",
    "vuole chiamarlo": "chiamano",
    "volevano mai dire": "chiamano",
    "volevano mai chiamare": "chiamano",
    "volevano mai chiamarla": "chiamano",
    "volevano mai chiamarlo": "chiamano",
    "vogliono mai dire": "chiamano",
    "vogliono mai chiamare": "chiamano",
    "vogliono mai chiamarla": "chiamano",
    "vogliono mai chiamarlo": "chiamano",
}

# Italian marks no case, so no word form by itself names Ukraine as the one acting ("l'Ucraina ha perso"
# and "ha invaso l'Ucraina" share it): the phrases above rewrite the acting uses to "ucraini" instead.
# The words for "he" (see lexicon.PRONOUNS).
# Chat spellings of one word, spelt out before phrases are read ("nn ci credo" is "non ci credo").
SHORTHANDS: Mapping[str, str] = {
    "nn": "non",
    "ke": "che",
    "cmq": "comunque",
    "xk": "perche",
    "xke": "perche",
    "xche": "perche",
    "perke": "perche",
    "x": "per",
    "xo": "pero",
    "qnd": "quando",
    "qnt": "quanti",
    "qnti": "quanti",
    "cm": "come",
    "sn": "sono",
    "tt": "tutti",
    "dv": "dove",
    "qst": "questo",
    "anke": "anche",
}
PRONOUNS: frozenset[str] = frozenset({"lui"})
PLURAL_PRONOUNS: frozenset[str] = frozenset({"loro"})  # "they" (see lexicon.PLURAL_PRONOUNS)
COURTESIES: frozenset[str] = frozenset(
    "grazie ciao salve buongiorno buonasera buonanotte arrivederci complimenti bravo brava".split()
)
DEFINING_OPENERS: frozenset[str] = frozenset(
    {
        "chi e",
        "chi era",
        "chi sarebbe",
        "chi sono",
        "cos e",
        "cosa e",
        "che cos e",
        "che cosa e",
        "cosa sono",
        "dove e",
        "dov e",
        "dove si trova",
    }
)
MEANING_SHAPES: frozenset[str] = frozenset(
    {
        "cosa vuol dire …",
        "cosa vuol dire esattamente …",
        "cosa significa esattamente …",
        "che significa esattamente …",
        "che vuol dire …",
        "cosa vuole dire …",
        "che cosa vuol dire …",
        "cosa significa …",
        "che significa …",
        "che cosa significa …",
        "cosa significa la parola …",
        "che significa la parola …",
        "cosa si intende per …",
    }
)
WHAT_WORDS: frozenset[str] = frozenset({"cosa", "cos"})
WHICH_WORDS: frozenset[str] = frozenset({"quale", "quali"})
RELATIVES: frozenset[str] = frozenset({"che", "quale"})
# A negation sets aside what follows it: "their figure, not the West's" does not ask the West's.
NEGATIONS: frozenset[str] = frozenset({"non", "senza"})
ALTERNATIVES: frozenset[str] = frozenset({"o solo", "oppure solo", "o ha solo"})  # "or just" (see lexicon)
WHY_OPENERS: frozenset[str] = frozenset()  # (see lexicon)
CONTRASTS: frozenset[str] = frozenset({"ma", "pero"})  # "but": a figure granted, then what is real (see lexicon)
BECAUSE: frozenset[str] = frozenset({"poiche"})  # "perché" asks why as often as it explains
FIRST_PERSON: frozenset[str] = frozenset({"io"})
# Whether a thing was done ("i russi sono riusciti a conquistare il Donbass?"): see lexicon.
DONE_OPENERS: frozenset[str] = frozenset({"hanno", "ha", "riusciti", "riuscita", "riuscito"})
EXPLAIN: frozenset[str] = frozenset({"spiegami", "spiega", "spiegatemi", "spiegate", "spiegaci"})  # "spiegami dove…"
# "Ma" opens too many Italian questions ("ma quanti sono morti?") to end a premise (see lexicon).
PREMISE_ENDS: frozenset[str] = frozenset()
QUESTION_STARTS: frozenset[str] = frozenset("quanti quante come cosa che perche dove chi quando quale quali".split())
TRUTH_WORDS: frozenset[str] = frozenset({"davvero", "veramente", "realmente", "effettivamente"})
ACCORDING: frozenset[str] = frozenset({"secondo"})  # "non secondo il Cremlino": a source disowned (see lexicon)
PERSON_HEADS: frozenset[str] = frozenset({"tizio", "tipo", "uomo", "signore", "quello", "quel", "tale"})

# Belarusians, always the ones acting ("soldati bielorussi"): another country's army, not where the troops went.
ACTORS: Mapping[str, str] = {"bielorussi": "ELSEWHERE"}


# Ranks, units, mercenaries and places the article does not break its figures down by: concepts of
# their own, so such questions meet the entry that says the article does not hold them.
STEMS = {
    **STEMS,
    "SOLDIER": tuple(stem for stem in STEMS["SOLDIER"] if stem != "mercenar"),
    "SPECIFY": ("evasiv", "eluso", "schivat", "glissat", "specific", "precisat", "precisar", "quantific", "dettagliat"),
    "RANK": (
        "generali",
        "comandant",
        "colonnell",
        "pilot",
        "paracadutist",
        "sottufficial",
        "repart",
        "battaglion",
        "brigat",
        "reggiment",
    ),
    "MERCENARY": ("mercenar", "wagner", "ceceni", "volontar"),
    "PLACE": (
        "mariupol",
        "bucha",
        "kharkiv",
        "charkiv",
        "kherson",
        "cherson",
        "irpin",
        "hostomel",
        "odessa",
        "mykolaiv",
        "zaporizhzhia",
        "izium",
        "bakhmut",
        "crimea",
        "sebastopoli",
        "azovstal",
    ),
}
