"""The cue lexicon: which words mark an attribution.

Lemmas were chosen from PolNeAR's train split (how often each lemma is
annotated as a cue, and how often it is one when it occurs), then sorted by
what they need before they count:

- ``SPEECH``: verbs of saying, writing and judging; a direct object, a
  clause or a quotation can be their content ("said X", "denied it",
  "praised the plan", '"…," she added').
- ``COGNITION``: verbs of belief, knowledge, intention and desire; they count
  only with a clause or an infinitive as content ("thinks that…", "plans
  to…"), never with a bare object ("knows Trump").
- ``QUOTE_ONLY``: verbs that count only next to a quotation or a colon
  ("continued:", '"…," she laughed').
"""

from __future__ import annotations

SPEECH = frozenset(
    """
    say tell add note write report argue announce explain claim declare acknowledge
    insist warn state reply respond remark recall conclude suggest tweet post ask answer
    mention reveal confirm predict admit deny stress emphasize emphasise assert contend
    maintain allege complain boast brag joke concede reiterate repeat quip shout yell
    scream chant read describe comment testify assure remind urge vow pledge promise
    threaten swear observe counter retort indicate show estimate forecast imply hint
    signal highlight underscore cite quote accuse blame criticize criticise praise slam
    blast denounce condemn decry lament rail mock dismiss reject defend question
    challenge call demand order rule propose recommend endorse oppose disclose tout echo
    portray characterize label dub proclaim caution advise speculate theorize muse
    notice email text confide concur disagree recount detail outline summarize depict
    applaud credit fault lambast ridicule scold chide rebuke berate attack tease
    acknowledge insinuate announce pronounce opine agree interject elaborate clarify
    complain lament plead beg apologize apologise thank welcome hail celebrate laud
    salute congratulate concede warn vow pledge declare assure guarantee predict
    projected forecast speculate surmise deduce reason explain justify
    argue contend assert affirm reaffirm insist stress underline
    slam blast knock hit pan trash torch ding jab needle taunt
    express discuss list reference voice request assail attribute invoke disavow
    dispute rebut recite vouch bemoan articulate liken contradict deride rebuff
    compare retweet retweete inform interpret encourage press convince persuade
    """.split()
) | frozenset(
    # verbs that count only with their preposition (cues.VERB_PREP)
    "talk point refer speak push lash allude weigh campaign vote care advocate object side".split()
)

# verbs that are cues only together with their preposition: "talked about", "pointed to"
PREP_ONLY = frozenset(
    "talk point refer speak push lash allude weigh campaign vote care advocate object side".split()
)

# the tagger's lemma slips: "hoping" -> "hop"
LEMMA_FIX = {"hop": "hope", "retweete": "retweet"}

COGNITION = frozenset(
    """
    think believe feel know see find learn understand realize realise recognize
    consider expect hope wish want plan intend fear worry doubt decide seek prefer aim
    refuse decline agree hear remember suspect assume imagine guess reckon suppose
    trust bet anticipate determine seem appear like love hate dislike dread favor
    favour support back oppose wonder acknowledge figure view regard deem judge
    recognize suspect envision foresee predict demand need desire crave long
    prefer resolve choose vote promise vow pledge threaten offer agree refuse
    """.split()
)

# "seem", "appear" and friends take their subject as the source only with an infinitive
RAISING = frozenset("seem appear".split())

QUOTE_ONLY = frozenset(
    """
    continue conclude begin start end laugh smile sigh cry shrug exclaim snap
    scoff sneer fume gush grumble mutter whisper bellow roar thunder write go
    """.split()
)

# verbs whose direct object is the person spoken to, not the content
RECIPIENT_OBJECT = frozenset("tell ask inform assure remind urge warn thank beg advise".split())

# speech verbs whose bare direct object is seldom content ("add $84 billion", "post a video")
NO_OBJECT = frozenset(
    "add read post hit knock pan trash torch ding press list text email continue".split()
)

# verb + preposition that make one cue: "called for", "pointed to", "referring to"
VERB_PREP = {
    "call": {"for", "on"},
    "point": {"to"},
    "refer": {"to"},
    "talk": {"about", "of"},
    "speak": {"about", "of", "on"},
    "ask": {"about"},
    "say": {"of"},
    "comment": {"on"},
    "write": {"about", "of"},
    "complain": {"about", "of"},
    "warn": {"of", "about", "against"},
    "argue": {"for", "against"},
    "push": {"for"},
    "rail": {"against"},
    "hint": {"at"},
    "lash": {"out"},
    "weigh": {"in"},
    "rule": {"on", "against"},
    "vote": {"for", "against"},
    "testify": {"about"},
    "boast": {"about", "of"},
    "brag": {"about"},
    "joke": {"about"},
    "worry": {"about"},
    "think": {"of", "about"},
    "care": {"about"},
    "object": {"to"},
    "advocate": {"for"},
    "apologize": {"for"},
    "blame": set(),
    "campaign": {"for", "against"},
    "praise": set(),
    "criticize": set(),
    "respond": {"to"},
    "reply": {"to"},
    "allude": {"to"},
    "insist": {"on"},
    "side": {"with", "against"},
}

# nouns that are cues with a possessive or "of" source: "his view", "her claim that"
NOUN_CUES = frozenset(
    """
    statement claim view belief opinion argument assertion allegation accusation
    announcement remark comment warning promise pledge vow prediction suggestion
    proposal plan hope fear concern criticism praise support opposition message
    interview speech tweet testimony insistence contention conclusion estimate
    suspicion doubt demand call case determination desire wish insistence
    assurance reminder threat question questions admission acknowledgment
    """.split()
)

# verbs that carry a cue noun: "expressed concern that", "made the case that"
SUPPORT_VERBS = frozenset("express voice raise issue make offer give share repeat reiterate renew".split())

# words that, as a subject, are dummies and not sources ("it is said")
DUMMY_SUBJECTS = frozenset("it there this that which 's ’s".split())

# reporting verbs that may stand in a parenthetical: "Among them, TheDC notes, were …"
PARENTHETICAL = frozenset(
    """
    say says said note notes noted add adds added report reports reported write writes
    wrote argue argues argued explain explains explained claim claims claimed continue
    continues continued insist insists insisted warn warns warned told tells tell
    reckon reckons reckoned believe believes believed think thinks thought
    """.split()
)

# inflected forms of reporting verbs, for text the tagger got wrong ("… read, “…”")
SURFACE_FORMS = frozenset(
    """
    said says read reads wrote writes added adds told tells asked asks yelled yells
    shouted shouts replied replies noted notes explained explains declared declares
    tweeted tweets posted posts warned warns continued continues insisted insists
    chanted chants screamed screams stated states
    """.split()
)

# headline tails: "…, Says Union", "…, Experts Say"
HEADLINE_VERBS = frozenset(
    "say says said warn warns warned claim claims claimed tell tells told report reports".split()
)


def is_speech(lemma: str) -> bool:
    return lemma in SPEECH


def is_cognition(lemma: str) -> bool:
    return lemma in COGNITION


def is_cue_lemma(lemma: str) -> bool:
    return lemma in SPEECH or lemma in COGNITION
