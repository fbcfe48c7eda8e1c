"""What the text says about each speaker: role, affiliation, other names, author.

* role: the title or role the text gives a person: before the name ("lawyer
  Sean J. Riddell" → "lawyer", "Library director Marcus Oyelaran" → "Library
  director"), in apposition ("Marcus Oyelaran, the library director" →
  "library director"), or as a nominal ("Portland's mayor" → "mayor"); as a
  last resort a relative clause ("who chairs the budget committee" → "chair of
  the budget committee");
* affiliation: the organisation the text ties the speaker to: "a lawyer for the
  union", "director of the Millbrook Public Library", "Portland's mayor",
  "Portland Mayor Ted Wheeler", "council member X" (the council named earlier),
  "Rep. X (D-Calif.)";
* aliases: the other names the speaker goes by in the article ("TheDC", "ICE",
  "Riddell"): no pronouns or nominals, no repeat of the canonical name;
* author: who wrote a document or made an artefact: "the letter, sent by lawyer
  Sean J. Riddell", "a statement from the White House", "the union's letter",
  "a White House statement", "the union has sent a letter".

Everything is read off spaCy's parse around the mentions the resolver already
found; nothing here changes which speaker a source is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Token

from ..names import person_name
from . import lexicon as lx
from .registry import Entity, Registry
from .mentions import Cand, category_of

_PEOPLE_TYPES = frozenset({"person", "anonymous"})
_AUTHORED_TYPES = frozenset({"document", "artefact"})
_ORG_TYPES = frozenset({"organisation", "outlet"})

# Titles that are forms of address, not roles ("Mr. Smith").
_HONORIFICS = frozenset("mr mrs ms miss mx messrs mme mlle".split())
# Nouns for people that are no role ("a man", "one person").
_NOT_ROLES = frozenset(
    "man woman men women person people individual someone somebody guy boy girl gentleman source sources family".split()
)
# Words among the titles that only modify one: "Republican Donald Trump", "former Sen. X".
_MODIFIER_TITLES = frozenset(
    "democratic democrat republican gop independent libertarian green former retired then acting interim "
    "incumbent vice lt".split()
)
# Roles that are offices of a place: "Portland Mayor", "Oregon Gov.", "West Virginia official".
_OFFICES = frozenset(
    """
    mayor governor gov senator sen rep representative congressman congresswoman lawmaker legislator
    assemblyman assemblywoman delegate official commissioner secretary minister president premier
    chancellor ambassador general sheriff councilman councilwoman councillor councilor member chief
    prosecutor judge justice treasurer comptroller auditor leader governor-elect mayor-elect
    """.split()
)
_PLACE_LABELS = frozenset({"GPE", "LOC"})
# "secretary of state", "minister of defence": a title, not an organisation named after "of".
_DEPARTMENTS = frozenset(
    """
    state defense defence labor labour energy commerce justice treasury education agriculture
    transportation interior health housing finance war trade veterans homeland
    """.split()
)
# Words that may join a role to the name before it ("Portland Mayor", "former President").
_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "flat", "hyph", "npadvmod"})
# "Riddell, a lawyer for the union", "director of the library", "an aide at the White House".
_AFFILIATION_PREPS = frozenset({"for", "of", "at", "with"})
# Verbs whose agent ("by …") wrote or made a document: "the letter, sent by lawyer X".
_AUTHOR_VERBS = frozenset(
    """
    send write sign issue release publish post author draft pen file submit prepare produce compile
    conduct commission tweet share record film upload circulate distribute deliver
    """.split()
)
# "The union has sent a letter": the subject of these wrote the document they govern.
_SENDER_VERBS = frozenset("send write sign issue release publish post author draft pen file submit tweet".split())
# "X said in a statement": the subject of these is the author of the document after "in".
_SAY_VERBS = frozenset("say write tell add announce state note argue claim warn explain respond".split())
# "who chairs the budget committee" → "chair of the budget committee".
_ROLE_VERBS = {
    "chair": "chair", "head": "head", "lead": "leader", "direct": "director", "manage": "manager",
    "run": "head", "own": "owner", "found": "founder", "co-found": "co-founder", "represent": "representative",
}
_PARTY_AFTER = re.compile(r"\s*\(\s*([DR])\s*[-–]\s*[A-Z][A-Za-z. ]{0,20}\)")
_PARTIES = {"D": "Democratic Party", "R": "Republican Party"}


@dataclass
class Description:
    role: str | None = None
    affiliation: str | None = None
    aliases: list[str] = field(default_factory=list)
    author: str | None = None


class Describer:
    """Describes the entities of one article (organisation names are looked up once)."""

    def __init__(self, reg: Registry):
        self.reg = reg
        self.info = reg.info
        self.doc = reg.info.doc
        self._names: dict[int, str] = {}
        self._org_heads: dict[str, list[Entity]] | None = None

    def name(self, e: Entity) -> str:
        if id(e) not in self._names:
            self._names[id(e)] = e.name(self.info)
        return self._names[id(e)]

    def describe(self, e: Entity) -> Description:
        d = Description(aliases=aliases_of(e, self.name(e)))
        if e.type in _PEOPLE_TYPES:
            d.role, d.affiliation = self.role_and_affiliation(e)
        if e.type in _AUTHORED_TYPES:
            d.author = self.author_of(e)
        return d

    # ---- role and affiliation -----------------------------------------------------------

    def role_and_affiliation(self, e: Entity) -> tuple[str | None, str | None]:
        role = affiliation = None
        names = [m for m in e.mentions if m.kind == "name"]
        nominals = [m for m in e.mentions if m.kind == "nominal" and not m.plural]
        if e.named:  # a role the name was given ("Portland's mayor" of Mayor Ted Wheeler)
            nominals = [m for m in nominals if m.lemma in e.roles]
        else:  # where an unnamed speaker is introduced: later ones may be chained wrongly
            nominals = nominals[:1]
        for m in names + nominals:
            found = self._name_role(e, m) if m.kind == "name" else self._noun_role(e, self.doc[m.head])
            for r, a in found:
                role = role or r
                affiliation = affiliation or a
            if role and affiliation:
                return role, affiliation
        if affiliation is None:
            affiliation = next(filter(None, (party_after(self.info.text, m) for m in names)), None)
        if role is None:
            role, aff = self._clause_role(e, names)
            affiliation = affiliation or aff
        return role, affiliation

    def _name_role(self, e: Entity, m: Cand) -> list[tuple[str | None, str | None]]:
        """Roles around a name: before it ("lawyer Sean J. Riddell"), then in apposition."""
        span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            return []
        root = self.doc[m.head]
        inside = []  # titles NER kept in the name: "Sen. Ted Cruz"
        for t in span:
            if t.i == root.i or _bare(t) not in lx.TITLES:
                break
            inside.append(t)
        before = left_modifiers(self.doc, span.start, set(range(span.start, span.end)))
        out = [self._role_from_run(e, before + inside, m.start)]
        noun = appositive_role(root)
        if noun is not None:
            out += self._noun_role(e, noun)
        return out

    def _noun_role(self, e: Entity, noun: Token) -> list[tuple[str | None, str | None]]:
        """A role noun and what hangs on it: "the town's finance director", "a lawyer for the union"."""
        if noun.pos_ not in ("NOUN", "PROPN") or not is_role_word(noun):
            return []
        run = left_modifiers(self.doc, noun.i, {noun.i}) + [noun]
        role, aff = self._role_from_run(e, run, self.doc[noun.left_edge.i].idx)
        department = office_of(noun)
        if role and department is not None:  # "secretary of state": one title, no organisation
            return [(f"{role} of {department.text}", aff)]
        return [(role, aff or self._attached_org(e, noun))]

    def _role_from_run(self, e: Entity, run: list[Token], at: int) -> tuple[str | None, str | None]:
        """Split a run of words before a name or a role noun into the role and the organisation
        named in it ("Portland Mayor" → Mayor, Portland; "former New Mexico governor" → New Mexico);
        the role must end in a word for a role."""
        run = sorted((t for t in run if _bare(t) not in _HONORIFICS), key=lambda t: t.i)
        while run and self._glued(run[0]):
            run = run[1:]  # the end of "14-year-old": not a word of the role
        if not run or not is_role_word(run[-1]) or run[-1].tag_ in ("NNS", "NNPS"):
            return None, None  # no role, or one for several people ("Presidential candidates X and Y")
        office = _bare(run[-1]) in _OFFICES or run[-1].lemma_.lower() in _OFFICES
        in_org = [self._org_token(e, t, office) is not None for t in run[:-1]] + [False]
        for k in range(1, len(run) - 1):  # "AFL-CIO"
            if run[k].text == "-" and in_org[k - 1] and in_org[k + 1]:
                in_org[k] = True
        lead = 0
        while lead < len(run) - 1 and (in_org[lead] or lead and self._glued(run[lead])):
            lead += 1  # "Portland" of "Portland Mayor", "-Mecklenburg" of "Charlotte-Mecklenburg police chief"
        if lead == 1 and run[0].lower_ in lx.ORG_NOUNS:
            lead = 0  # "Council member", "Senate Majority Leader": the kind of body is part of the role
        role = self.info.text[run[lead].idx : run[-1].idx + len(run[-1].text)]
        aff = None
        if any(in_org):  # the last word of the first organisation named in the run
            k = in_org.index(True)
            while in_org[k + 1]:
                k += 1
            aff = self._org_name(e, run[k])
        if aff is None:
            aff = next(filter(None, (self._org_by_head(e, run, k, at) for k in range(len(run) - 1))), None)
        if aff is None:
            aff = next(filter(None, (self._possessor_org(e, t) for t in run)), None)
        return role, aff

    def _glued(self, t: Token) -> bool:
        """A hyphen, or a word right after one: the end of a word cut in two."""
        return t.is_punct or self.info.text[t.idx - 1 : t.idx] == "-"

    def _clause_role(self, e: Entity, names: list[Cand]) -> tuple[str | None, str | None]:
        """ "Dana Whitfield, who chairs the budget committee" → chair of the budget committee."""
        for m in names:
            root = self.doc[m.head]
            for verb in root.children:
                noun = _ROLE_VERBS.get(verb.lemma_.lower()) if verb.dep_ == "relcl" else None
                if noun is None:
                    continue
                obj = next((c for c in verb.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")), None)
                if obj is None:
                    continue
                phrase = self.info.text[self.doc[obj.left_edge.i].idx : obj.idx + len(obj.text)]
                return f"{noun} of {phrase}", self._org_name(e, obj)
        return None, None

    # ---- organisations ------------------------------------------------------------------

    def _attached_org(self, e: Entity, noun: Token) -> str | None:
        """ "the union's lawyer", "a lawyer for the union", "director of the Millbrook Public Library"."""
        org = self._possessor_org(e, noun)
        if org:
            return org
        office = _bare(noun) in _OFFICES or noun.lemma_.lower() in _OFFICES
        for prep in noun.children:
            if prep.dep_ == "prep" and prep.lower_ in _AFFILIATION_PREPS:
                for obj in prep.children:
                    if obj.dep_ == "pobj" and (office or obj.ent_type_ not in _PLACE_LABELS):
                        org = self._org_name(e, obj)
                        if org:
                            return org
        return None

    def _possessor_org(self, e: Entity, noun: Token) -> str | None:
        for child in noun.children:
            if child.dep_ == "poss" and child.pos_ != "PRON":
                return self._org_name(e, child)
        return None

    def _org_token(self, e: Entity, t: Token, office: bool) -> Entity | str | None:
        """The organisation a word before a role belongs to: "Wells Fargo" of "Wells Fargo CEO", a
        place only before an office ("Portland" of "Portland Mayor", not of "a Miami lawyer")."""
        if t.pos_ not in ("PROPN", "NOUN") or (t.ent_type_ in _PLACE_LABELS and not office):
            return None
        hit = self.reg.at(t.i)
        if t.pos_ == "NOUN" and (hit is None or not hit[0].named):
            return None  # a common noun only where it is a name's ("Council member" of the Council)
        if hit is not None and hit[0] is not e:
            if hit[0].label in _PLACE_LABELS and not office:
                return None
            return hit[0] if hit[0].type in _ORG_TYPES else None
        return t.text if t.ent_type_ in ("ORG", "GPE", "FAC") else None

    def _org_name(self, e: Entity, t: Token) -> str | None:
        """The canonical name of the organisation a word names or refers to, if it is one."""
        hit = self.reg.at(t.i)
        if hit is not None and hit[0] is not e:
            return self.name(hit[0]) if _is_organisation(hit[0], self.name(hit[0])) else None
        if t.pos_ == "PROPN" and t.ent_type_ in ("ORG", "GPE", "FAC"):
            return _phrase(self.info.text, t)
        return None

    def _org_by_head(self, e: Entity, run: list[Token], k: int, at: int) -> str | None:
        """A common noun in a role that names an organisation of the article by its last word:
        "council member" → the city council, "Library director" → Millbrook Public Library (but
        not "Trump campaign spokesman": a name before the noun makes it another one)."""
        t = run[k]
        if t.pos_ not in ("NOUN", "PROPN") or (t.ent_type_ and not t.is_lower):
            return None
        if k and (run[k - 1].pos_ == "PROPN" or run[k - 1].ent_type_):
            return None
        index = self._orgs_by_head()
        orgs = [o for o in index.get(t.lower_) or index.get(t.lemma_.lower()) or [] if o is not e]
        # the organisation's mentions elsewhere, not this very word ("council" of "council member")
        spans = [(o, [m.start for m in o.mentions if not m.start <= t.idx < m.end]) for o in orgs]
        before = [(max(s for s in starts if s < at), o) for o, starts in spans if any(s < at for s in starts)]
        if before:
            return self.name(max(before, key=lambda p: p[0])[1])
        after = [(min(starts), o) for o, starts in spans if starts]
        return self.name(min(after, key=lambda p: p[0])[1]) if after else None

    def _orgs_by_head(self) -> dict[str, list[Entity]]:
        if self._org_heads is None:
            self._org_heads = {}
            for o in self.reg.entities:
                if _is_organisation(o, self.name(o)):
                    last = self.name(o).split()[-1].lower()
                    self._org_heads.setdefault(last, []).append(o)
        return self._org_heads

    # ---- authors --------------------------------------------------------------------------

    def author_of(self, e: Entity) -> str | None:
        """Who wrote the document: named beside one of its mentions, else the subject that sent it."""
        heads = [self.doc[m.head] for m in e.mentions if m.kind != "pronoun"]
        for finder in (by_agent, by_preposition, by_possessor, by_compound, by_sender):
            for head in heads:
                for t in finder(head):
                    name = self._author_name(e, t, strict=finder is by_compound)
                    if name:
                        return name
        return None

    def _author_name(self, e: Entity, t: Token, strict: bool = False) -> str | None:
        """The name of the author a word names; with ``strict`` (a name modifying the document
        noun: "a White House statement") only a registered name that is no place ("a California law")."""
        hit = self.reg.at(t.i)
        if strict and (hit is None or not hit[0].named or hit[0].label in ("GPE", "LOC", "NORP")):
            return None
        if hit is not None and hit[0] is not e:
            other, name = hit[0], self.name(hit[0])
            if other.type in _AUTHORED_TYPES or not (other.named or len(name.split()) > 1):
                return None  # a bare "the union" names no author
            return name
        if t.pos_ == "PROPN":
            return _phrase(self.info.text, t)
        return None


def _is_organisation(e: Entity, name: str) -> bool:
    """A named organisation, or an unnamed one the text describes ("the Clinton campaign"), not a
    bare "the union" or "the town" (which name nothing)."""
    return e.type in _ORG_TYPES and (e.named or (len(name.split()) > 1 and not e.plural))


# ---- parse helpers --------------------------------------------------------------------------


def _bare(t: Token) -> str:
    return t.lower_.replace(".", "")


def is_role_word(t: Token) -> bool:
    """A word for a title or role: "lawyer", "Mayor", "Sen.", "director", "spokesman"."""
    low, lemma = _bare(t), t.lemma_.lower()
    if low in _NOT_ROLES or lemma in _NOT_ROLES or low in _HONORIFICS or low in _MODIFIER_TITLES:
        return False
    if low in lx.TITLES or low in lx.PERSON_ROLE_NOUNS or lemma in lx.PERSON_ROLE_NOUNS or low in lx.TITLE_ROLE:
        return True
    return t.pos_ == "NOUN" and category_of(t)[0] == "person"


def left_modifiers(doc, first: int, group: set[int]) -> list[Token]:
    """The words just before ``first`` that modify it or each other: "Library director" of
    "Library director Marcus Oyelaran", "finance director" of "the town's finance director"."""
    out: list[Token] = []
    i = first - 1
    while i >= 0:
        t = doc[i]
        hyphen = t.text == "-" and not t.whitespace_  # "AFL-CIO President", "co-founder"
        if "\n" in t.text_with_ws or t.head.i not in group or not (hyphen or t.dep_ in _MODIFIER_DEPS):
            break
        if t.pos_ not in ("NOUN", "PROPN", "ADJ") and not hyphen:
            break
        group.add(i)
        out.insert(0, t)
        i -= 1
    return out


def office_of(noun: Token) -> Token | None:
    """The department of a title that names one: "state" of "secretary of state"."""
    if noun.lemma_.lower() not in ("secretary", "minister", "department"):
        return None
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            objs = [o for o in prep.children if o.dep_ == "pobj"]
            if len(objs) == 1 and objs[0].lower_ in _DEPARTMENTS and not list(objs[0].children):
                return objs[0]
    return None


def appositive_role(root: Token) -> Token | None:
    """The role noun in apposition to a name: "Riddell, a lawyer", "the library director, Oyelaran"."""
    for child in root.children:
        if child.dep_ == "appos" and child.pos_ == "NOUN" and is_role_word(child):
            return child
    if root.dep_ == "appos" and root.head.pos_ == "NOUN" and is_role_word(root.head):
        return root.head
    return None


def _phrase(text: str, t: Token) -> str:
    """A name as the text writes it: the word with the compounds before it, no "the"."""
    words = [w for w in t.subtree if w.i <= t.i and w.dep_ in ("compound", "flat", "nmod", "amod") or w.i == t.i]
    start = min(w.idx for w in words)
    out = text[start : t.idx + len(t.text)]
    return re.sub(r"^(?:the|The)\s+", "", re.sub(r"\s+", " ", out))


def by_agent(noun: Token) -> list[Token]:
    """ "the letter, sent by X", "footage posted by X", "a poll conducted by X"."""
    out = []
    for verb in noun.children:
        if verb.dep_ in ("acl", "relcl") and verb.lemma_.lower() in _AUTHOR_VERBS:
            for agent in verb.children:
                if agent.dep_ == "agent":
                    out += [o for o in agent.children if o.dep_ == "pobj"]
    return out


def by_preposition(noun: Token) -> list[Token]:
    """ "a report by the Congressional Budget Office", "a statement from the White House"."""
    return [
        o
        for prep in noun.children
        if prep.dep_ == "prep" and prep.lower_ in ("by", "from")
        for o in prep.children
        if o.dep_ == "pobj"
    ]


def by_possessor(noun: Token) -> list[Token]:
    """ "the union's letter", "Trump's tweet" (not "his letter": pronouns are left alone)."""
    return [c for c in noun.children if c.dep_ == "poss" and c.pos_ != "PRON"]


def by_compound(noun: Token) -> list[Token]:
    """ "a White House statement", "a CBO report": a name modifying the document noun."""
    return [c for c in noun.children if c.dep_ == "compound" and c.pos_ == "PROPN"]


def by_sender(noun: Token) -> list[Token]:
    """ "The union has sent a letter", "X said in a statement": the subject of the verb."""
    verb = None
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in _SENDER_VERBS:
        verb = noun.head
    elif noun.dep_ == "pobj" and noun.head.lower_ == "in" and noun.head.head.lemma_.lower() in _SAY_VERBS:
        verb = noun.head.head
    if verb is None:
        return []
    return [c for c in verb.children if c.dep_ == "nsubj" and c.pos_ != "PRON"]


# ---- other names ----------------------------------------------------------------------------

_NAME_KINDS = frozenset({"name", "last_name", "abbreviation", "other"})


def aliases_of(e: Entity, canonical: str) -> list[str]:
    """The other names an entity goes by, in order of appearance: short forms, abbreviations,
    other full forms; never pronouns, nominals or the canonical name again."""
    person = e.type == "person"
    keep_the = canonical.startswith("The ")  # "The Post" of "The Washington Post"
    seen = {alias_key(canonical)}
    out = []
    for m in e.mentions:
        if m.kind != "name" or m.mention_kind not in _NAME_KINDS:
            continue
        if person and m.mention_kind == "abbreviation":  # a person has no acronym here ("U.N." is not Kim's)
            continue
        if person and m.in_quote and m.mention_kind == "name":  # "Crooked Hillary Clinton": a quote's
            continue
        form = name_form(m.text, person, keep_the)
        key = alias_key(form)
        if form and key and key not in seen:
            seen.add(key)
            out.append(form)
    return out


def name_form(text: str, person: bool, keep_the: bool = False) -> str:
    """A mention as a name: one line, no possessive, no leading "the" (unless ``keep_the`` and it is
    capitalised), a person's titles dropped."""
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"(?:'s|’s|'|’)$", "", text)
    text = re.sub(r"^the\s+" if keep_the else r"^(?:the|The)\s+", "", text)
    if person:
        text = person_name(text)
    return text


def alias_key(name: str) -> str:
    key = re.sub(r"(?:'s|’s)$", "", name.lower().replace(".", ""))
    key = re.sub(r"^the\s+", "", key)
    return " ".join(key.split())


def party_after(text: str, m: Cand) -> str | None:
    """ "Rep. Jane Doe (D-Calif.)" → Democratic Party."""
    hit = _PARTY_AFTER.match(text, m.end)
    return _PARTIES[hit.group(1)] if hit else None
