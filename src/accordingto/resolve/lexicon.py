"""Word lists for speaker resolution: titles, roles, kinds of nouns, first names.

Everything here is lowercase; lookups use ``word.lower()`` with dots removed
where noted. Only data lives here: no logic.
"""

from __future__ import annotations

# Words that may precede a name and are not part of it, and name suffixes: kept with the one name
# normaliser (:mod:`accordingto.names`), which adds nameparser's.
from ..names import OWN_TITLES as TITLES  # noqa: E402, F401 - read as lexicon.TITLES
from ..names import OWN_SUFFIXES as NAME_SUFFIXES  # noqa: E402, F401 - read as lexicon.NAME_SUFFIXES

# Headline verbs NER glues onto names ("Obama Says", "Rip Donald Trump").
HEADLINE_WORDS = frozenset(
    """
    says said say seeks speech slams tells warns claims calls urges vows blasts rip rips hits admits
    denies responds defends touts pushes backs endorses attacks accuses mocks praises reveals
    explains argues insists suggests announces declares confirms refuses agrees plans wants needs
    knocks rejects sues wins loses leads trails unveils releases launches doubles dismisses
    """.split()
)

# Title → the role noun it implies ("Sen." → senator), for nominal anaphora ("the senator").
TITLE_ROLE = {
    "sen": "senator",
    "rep": "representative",
    "gov": "governor",
    "lt": "lieutenant",
    "gen": "general",
    "col": "colonel",
    "maj": "major",
    "capt": "captain",
    "sgt": "sergeant",
    "adm": "admiral",
    "cmdr": "commander",
    "prof": "professor",
    "rev": "reverend",
    "atty": "attorney",
    "dr": "doctor",
    "vp": "vice president",
}

# Role nouns that are the same role ("the attorney" may refer back to "lawyer X").
ROLE_SYNONYMS = [
    {"lawyer", "attorney", "counsel"},
    {"spokesman", "spokeswoman", "spokesperson", "representative"},
    {"senator", "lawmaker", "legislator"},
    {"representative", "congressman", "congresswoman", "lawmaker"},
    {"president", "commander"},
    {"chairman", "chairwoman", "chair"},
    {"candidate", "nominee"},
    {"officer", "agent"},
    {"poll", "survey"},
]

# Describing words that mean the same ("GOP nominee" = "Republican nominee").
DESCR_SYNONYMS = {
    "gop": "republican", "republicans": "republican", "democrat": "democratic", "democrats": "democratic",
    "dem": "democratic", "u.s": "american", "us": "american", "america": "american",
}
# Describing words of which one excludes the others ("the Republican nominee" is not the Libertarian).
EXCLUSIVE_DESCR = [{"republican", "democratic", "libertarian", "green", "independent"}]

# Last words of a company's name ("Halvorsen Pharma", "Osterfeld Holdings", "Velmar Industries Inc."):
# legal forms and the commonest kinds of business.
CORPORATE_WORDS = frozenset(
    """
    inc corp corporation co llc ltd plc ag gmbh sa nv llp lp bv oy ab spa srl kg pty
    holdings industries pharma pharmaceuticals partners capital motors airlines airways technologies
    systems labs laboratories energy foods brands enterprises solutions associates ventures logistics
    securities investments insurance bancorp financial telecom communications manufacturing
    """.split()
)
# Roles held in an organisation: "a spokesman for X", "an analyst at X" make X an organisation.
MEMBER_ROLES = frozenset(
    """
    spokesman spokeswoman spokesperson executive ceo director manager employee engineer analyst
    economist lawyer attorney counsel representative officer president chairman chairwoman founder
    partner vice-president vp strategist researcher consultant worker staffer
    """.split()
)
# What an organisation has and a person does not: "X's chief executive", "X's shares".
ORG_PARTS = frozenset(
    """
    ceo executive shares stock shareholders board headquarters subsidiary subsidiaries employees
    workforce factory factories plant plants stores products customers revenue profits earnings
    """.split()
)

# Words that can be skipped when matching an abbreviation to a name.
FUNCTION_WORDS = frozenset("and of the for & de du la le on in at to a an".split())

# Trailing words an organisation's name may drop ("the ICE agency").
ORG_GENERIC_SUFFIXES = frozenset("agency inc corp co company ltd llc plc group".split())

TITLE_GENDER = {
    "mr": "m", "mrs": "f", "ms": "f", "miss": "f", "sir": "m", "dame": "f", "lord": "m", "lady": "f",
    "congressman": "m", "congresswoman": "f", "chairman": None, "chairwoman": "f",
    "spokesman": "m", "spokeswoman": "f", "king": "m", "queen": "f", "prince": "m",
    "princess": "f", "father": "m", "sister": "f", "brother": "m", "mother": "f",
    "businessman": "m", "businesswoman": "f", "actor": "m", "actress": "f",
    "husband": "m", "wife": "f", "son": "m", "daughter": "f", "man": "m", "woman": "f",
    "boy": "m", "girl": "f", "grandmother": "f", "grandfather": "m", "councilman": "m",
    "councilwoman": "f", "uncle": "m", "aunt": "f", "widow": "f", "widower": "m",
    "girlfriend": "f", "boyfriend": "m", "mom": "f", "dad": "m", "gentleman": "m",
}

# ---- kinds of nouns that head a nominal source ------------------------------------------

DOCUMENT_NOUNS = frozenset(
    """
    letter report statement filing memo memorandum email e-mail study poll survey complaint
    lawsuit suit ruling order document transcript release analysis audit review indictment
    affidavit motion brief petition resolution bill legislation constitution amendment
    guideline guidelines rule regulation proposal platform book article editorial op-ed
    column story paper research data figures estimate estimates record records notice cable
    note testimony declaration agreement contract opinion decision verdict summary manifesto
    bulletin advisory guidance findings finding assessment budget forecast projection census
    dossier complaint charter law statute act policy plan document documents letters reports
    polls surveys studies emails memos statements filings newsletter journal diary
    piece accord deal treaty standard standards statistic statistics return returns bylaw
    bylaws submission commentary account database average averages literature seller
    transcript tally count index model projection chart data dataset reporting coverage
    indictment warrant subpoena citation directive executive-order speech remarks interview
    """.split()
)

ARTEFACT_NOUNS = frozenset(
    """
    video footage sign tweet post photo photograph image picture banner poster placard
    caption clip recording ad advertisement billboard headline website webpage page graphic
    chart shirt t-shirt hat sticker meme slogan message text label screenshot livestream
    broadcast tape audio podcast commercial flyer leaflet pamphlet graffiti mural card
    videos tweets posts signs photos images banners posters placards ads messages
    film movie documentary spot slide slides presentation footage song album show episode
    program programme segment
    """.split()
)

# Nouns for an unnamed source (type anonymous).
ANONYMOUS_NOUNS = frozenset(
    """
    source official aide insider adviser advisor staffer spokesman spokeswoman spokesperson
    diplomat operative someone somebody person individual insider confidant associate
    representative whistleblower informant investigator prosecutor administrator
    """.split()
)

# Plural nouns for a group of people (type group).
GROUP_NOUNS = frozenset(
    """
    protester protestor demonstrator people person agent voter resident supporter critic
    member activist expert analyst economist scientist researcher observer lawmaker
    legislator leader conservative liberal progressive american citizen officer student
    teacher parent worker employee fan witness crowd doctor nurse veteran immigrant
    farmer owner neighbor neighbour victim family families friend colleague participant
    attendee delegate donor pollster strategist commentator pundit historian scholar
    democrat republican candidate organizer organiser volunteer youth child kid man woman
    men women investigator prosecutor lawyer attorney judge official officials
    """.split()
)

# Nouns for an organisation, by kind: "the union" may refer back to "the ... Council".
ORG_NOUN_CLASSES = {
    "labour": {"union", "council", "association", "federation", "guild", "brotherhood", "local"},
    "government": {
        "agency", "department", "administration", "office", "bureau", "ministry", "government",
        "service", "commission", "authority", "court", "police",
        "military", "army", "navy", "force", "congress", "senate", "house", "legislature",
        "embassy", "council",
    },
    "company": {"company", "firm", "corporation", "business", "bank", "retailer", "maker",
                "manufacturer", "employer", "startup", "airline", "chain", "group", "fund"},
    "panel": {"panel", "board", "caucus", "jury", "tribunal", "committee", "subcommittee",
              "court", "alliance", "coalition", "media", "medium", "labor", "labour", "bloc"},
    "place": {"city", "state", "country", "nation", "county", "town", "village", "province",
              "region", "republic", "kingdom", "capital"},
    "campaign": {"campaign", "committee", "party", "pac", "organization", "organisation",
                 "group", "coalition", "movement", "team"},
    "school": {"university", "college", "school", "institute", "center", "centre", "foundation",
               "charity", "nonprofit", "think tank", "organization", "organisation"},
    "outlet": {"newspaper", "paper", "outlet", "network", "station", "magazine", "site",
               "website", "channel", "publication", "broadcaster", "tabloid", "daily"},
}
# Kinds of organisation that stand for the one of that kind named in the article ("Council" for
# "Harbor Town Council"); not "party", "house" or "state", which name several.
SHORT_ORG_NOUNS = frozenset(
    """
    council union committee commission board association federation caucus coalition agency bureau
    guild foundation institute university college company corporation
    """.split()
)
ORG_NOUNS = frozenset(w for ws in ORG_NOUN_CLASSES.values() for w in ws)
OUTLET_NOUNS = frozenset(ORG_NOUN_CLASSES["outlet"])

# Words for a part or a number of something: "one of the family's attorneys", "46 percent",
# "a chorus of prominent Republicans". The source is what follows "of".
QUANTITY_WORDS = frozenset(
    """
    one some many several most all each any none few both half third quarter majority minority
    plurality number percent dozens dozen hundreds thousands millions share handful chorus raft
    pair couple lot bunch slew series group host score majority body proportion fraction
    two three four five six seven eight nine ten
    """.split()
)
# Nouns for a batch or run of things, seen through like quantities: "the first round of exit
# polls", "a wave of online posts", "a trove of emails". The source is what follows "of".
CONTAINER_WORDS = frozenset(
    """
    round wave series batch spate flood stream trove cache set slate string barrage torrent rash
    flurry volley pile stack collection bundle tranche release batches rounds waves sets
    """.split()
)
# Prepositions that pick some out of a group: "several in the crowd", "some among the delegates".
PARTITIVE_PREPS = frozenset("of in among from at within".split())
# Pronouns that stand for people: "Everyone I spoke to", "others", "no one".
PEOPLE_PRONOUNS = {
    "everyone": "group", "everybody": "group", "others": "group", "all": "group", "some": "group",
    "many": "group", "most": "group", "few": "group", "both": "group", "several": "group",
    "none": "group", "someone": "anonymous", "somebody": "anonymous", "one": "anonymous",
    "anyone": "anonymous", "another": "anonymous", "each": "group", "nobody": "group", "no one": "group",
    "those": "group",
}
# Endings of nouns for people ("questioner", "environmentalist", "proponent"), and the words
# with those endings that are not people.
PERSON_SUFFIXES = ("er", "or", "ist", "ian", "ent", "ant", "eer", "ee", "ess", "ive", "ite", "ino", "ina", "al")
NOT_PERSON = frozenset(
    """
    number paper letter order matter power center centre water border poster computer quarter
    chapter meter corner dollar factor sector error mirror floor door labor labour color colour
    honor rumor motor tenor major minor document statement agreement government department
    comment argument movement event content element moment percent payment amendment management
    development incident accident talent cent restaurant plant grant elephant ant element
    summer winter weather river tower tower career answer other manner member offer shooter
    chamber cancer cluster charter counter filter folder banner trailer thriller character
    theater theatre computer remainder reminder monitor
    behavior behaviour favor favour vigor anchor mentor sponsor error indicator calculator
    ancestor excess access process address success progress business congress darkness
    initiative incentive alternative perspective narrative objective executive directive
    site bite rite suite appetite website favorite satellite
    casino
    proposal approval arrival survival festival signal journal animal capital hospital
    trial total deal meal goal rival material manual ritual portal interval critical official
    potential principal tribal federal general local national rational personal
    intent extent percent patent accent current recent event parent
    """.split()
) - {"official", "parent", "member", "executive", "general", "principal", "rival", "national"}

# Singular nouns for a person's role ("the lawyer", "the mayor").
PERSON_ROLE_NOUNS = frozenset(
    """
    lawyer attorney counsel mayor governor senator president candidate nominee spokesman
    spokeswoman spokesperson secretary minister chairman chairwoman chair director chief
    ceo founder judge justice prosecutor sheriff officer detective agent congressman
    congresswoman representative lawmaker legislator leader speaker commissioner ambassador
    premier chancellor king queen prince pope bishop pastor rabbi imam reverend professor
    doctor author writer reporter journalist editor columnist analyst economist scientist
    researcher expert activist organizer organiser manager owner executive spokesperson
    adviser advisor aide staffer official strategist pollster coach player actor actress
    singer star host anchor commentator businessman businesswoman billionaire man woman
    general colonel captain sergeant lieutenant admiral commander witness victim suspect
    husband wife mother father son daughter brother sister councilman councilwoman
    superintendent principal teacher student resident neighbor neighbour protester
    demonstrator veteran nurse physician surgeon employee worker president-elect architect
    advocate surrogate delegate candidate graduate associate ex-wife ex-husband partner
    """.split()
) | frozenset(TITLE_GENDER)

# Pronouns that can be sources.
PRONOUNS = {
    "he": ("m", False), "him": ("m", False), "his": ("m", False), "himself": ("m", False),
    "she": ("f", False), "her": ("f", False), "hers": ("f", False), "herself": ("f", False),
    "they": (None, True), "them": (None, True), "their": (None, True), "themselves": (None, True),
    "it": ("n", False), "its": ("n", False), "itself": ("n", False),
}
FIRST_PERSON = frozenset("i me my myself we us our ourselves".split())
SECOND_PERSON = frozenset("you your yourself yourselves".split())
RELATIVE_PRONOUNS = frozenset("who whom whose which that".split())

DETERMINERS = frozenset("a an the this that these those".split())

# ---- first names (for he/she agreement) -------------------------------------------------

FEMALE_NAMES = frozenset(
    """
    mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa betty
    margaret sandra ashley kimberly emily donna michelle dorothy carol amanda melissa deborah
    stephanie rebecca sharon laura cynthia kathleen amy shirley angela helen anna brenda
    pamela nicole emma samantha katherine christine debra rachel catherine carolyn janet ruth
    maria heather diane virginia julie joyce victoria olivia kelly christina lauren joan
    evelyn judith megan cheryl andrea hannah martha jacqueline frances gloria ann teresa
    kathryn sara janice jean alice madison doris abigail julia judy grace denise amber
    marilyn beverly danielle theresa sophia marie diana brittany natalie isabella charlotte
    rose alexis kayla hillary chelsea melania ivanka nikki elizabeth kellyanne sarah huma
    nancy kamala elizabeth michelle condoleezza madeleine loretta sally janet betsy tulsi
    alexandria ilhan rashida ayanna kirsten amy dianne susan lisa marsha joni kristi
    jeanne tammy debbie donna hope omarosa laura barbara katie megyn rachel greta sean
    lucia sofia carmen rosa ana elena isabel lopez mariana gabriela fernanda valeria
    priya aisha fatima mei yuki ingrid greta angela theresa marine jacinda ursula
    """.split()
) - {"sean", "lopez"}

MALE_NAMES = frozenset(
    """
    james john robert michael william david richard joseph thomas charles christopher daniel
    matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george timothy
    ronald edward jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin
    scott brandon benjamin samuel gregory alexander frank patrick raymond jack dennis jerry
    tyler aaron jose adam nathan henry douglas zachary peter kyle ethan walter noah jeremy
    christian keith roger terry gerald harold sean austin carl arthur lawrence dylan jesse
    jordan bryan billy joe bruce gabriel logan albert willie alan juan wayne elijah randy
    roy vincent ralph eugene russell bobby mason philip louis barack bill bernie ted mike
    marco rand chris jeb ben hank newt mitch chuck harry rudy rudolph reince sean stephen
    steve jared eric tim joe bob al jim tom dick rick rex jeff bob corey kellyanne lindsey
    paul mitt herman martin lyndon franklin abraham woodrow vladimir xi boris emmanuel
    justin recep benjamin bibi kim jong-un hassan ali muhammad mohammed ahmed omar carlos
    luis miguel pedro jorge diego antonio manuel francisco javier fernando ted tommy
    """.split()
) - {"kellyanne", "lindsey", "kim"}
