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

This module's :class:`Describer` puts the description together; the token-level
helpers are :mod:`.role_words` (role words, offices, parties), the author
finders :mod:`.authors`, the other names :mod:`.other_names`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from . import lexicon as lx
from .authors import by_agent, by_compound, by_possessor, by_preposition, by_sender
from .mentions import Cand
from .other_names import aliases_of
from .canonical import canonical_name
from .registry import Entity, Registry
from .role_words import (
    HONORIFICS,
    appositive_role,
    bare,
    is_role_word,
    left_modifiers,
    name_phrase,
    office_of,
    party_after,
)

_PEOPLE_TYPES = frozenset({"person", "anonymous"})
_AUTHORED_TYPES = frozenset({"document", "artefact"})
_ORG_TYPES = frozenset({"organisation", "outlet"})
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
# "Riddell, a lawyer for the union", "director of the library", "an aide at the White House".
_AFFILIATION_PREPS = frozenset({"for", "of", "at", "with"})
# "who chairs the budget committee" → "chair of the budget committee".
_ROLE_VERBS = {
    "chair": "chair", "head": "head", "lead": "leader", "direct": "director", "manage": "manager",
    "run": "head", "own": "owner", "found": "founder", "co-found": "co-founder", "represent": "representative",
}


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
            self._names[id(e)] = canonical_name(e, self.info)
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
            if t.i == root.i or bare(t) not in lx.TITLES:
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
        run = sorted((t for t in run if bare(t) not in HONORIFICS), key=lambda t: t.i)
        while run and self._glued(run[0]):
            run = run[1:]  # the end of "14-year-old": not a word of the role
        if not run or not is_role_word(run[-1]) or run[-1].tag_ in ("NNS", "NNPS"):
            return None, None  # no role, or one for several people ("Presidential candidates X and Y")
        office = bare(run[-1]) in _OFFICES or run[-1].lemma_.lower() in _OFFICES
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
        office = bare(noun) in _OFFICES or noun.lemma_.lower() in _OFFICES
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
            return name_phrase(self.info.text, t)
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
            return name_phrase(self.info.text, t)
        return None


def _is_organisation(e: Entity, name: str) -> bool:
    """A named organisation, or an unnamed one the text describes ("the Clinton campaign"), not a
    bare "the union" or "the town" (which name nothing)."""
    return e.type in _ORG_TYPES and (e.named or (len(name.split()) > 1 and not e.plural))
