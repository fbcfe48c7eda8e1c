"""Entities: everyone and everything in the article that could be a speaker, with all its mentions.

:func:`build` groups the named mentions (via :mod:`.aliases`), finds the other
places that name them (last names and abbreviations in running text), and
chains the nominal ones ("a cease-and-desist letter" … "the letter", "Mayor
Ted Wheeler" … "the mayor"). Only the entities that some attribution's
source resolves to become speakers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import aliases, coref
from . import lexicon as lx
from . import types as tp
from .mentions import Cand, DocInfo, category_of, make_cand, named_candidates, nominal_candidates, phrase_descr


@dataclass
class Entity:
    mentions: list[Cand]
    named: bool
    type: str = "unknown"
    label: str = ""  # NER label of the canonical mention (named) or nominal category
    lemma: str = ""  # head noun (nominals)
    roles: set[str] = field(default_factory=set)
    descr: set[str] = field(default_factory=set)
    gender: str | None = None
    plural: bool = False
    aliases: set[str] = field(default_factory=set)
    attributions: int = 0
    quoted_words: int = 0
    first_spoke: int | None = None

    def add(self, c: Cand) -> None:
        """Add a mention, dropping any of ours it contains (or skipping it when one of ours contains it)."""
        for m in self.mentions:
            if m.start <= c.start and c.end <= m.end:
                return
        self.mentions = [m for m in self.mentions if not (c.start <= m.start and m.end <= c.end)]
        self.mentions.append(c)
        self.mentions.sort(key=lambda m: m.start)
        self.roles |= c.roles
        self.descr |= c.descr

    @property
    def first(self) -> int:
        return self.mentions[0].start

    def name(self, info: DocInfo) -> str:
        return canonical_name(self, info)


class Registry:
    """All entities of one article, and which token belongs to which mention."""

    def __init__(self, info: DocInfo):
        self.info = info
        self.entities: list[Entity] = []
        self.by_token: dict[int, tuple[Entity, Cand]] = {}
        self.bare: dict[str, Entity] = {}  # unnamed entities by their words ("agents")

    def new(self, e: Entity) -> Entity:
        self.entities.append(e)
        for m in e.mentions:
            self.index(e, m)
        if not e.named:
            for m in e.mentions:
                self.bare.setdefault(_nominal_key(m.text), e)
        return e

    def attach(self, e: Entity, c: Cand) -> None:
        e.add(c)
        self.index(e, c)

    def index(self, e: Entity, c: Cand) -> None:
        doc = self.info.doc
        span = doc.char_span(c.start, c.end, alignment_mode="expand")
        if span is None:
            return
        for t in span:
            self.by_token.setdefault(t.i, (e, c))

    def at(self, token_i: int) -> tuple[Entity, Cand] | None:
        return self.by_token.get(token_i)


def build(info: DocInfo) -> Registry:
    """Every entity of the article: clustered names, their aliases in running text, nominal chains."""
    reg = Registry(info)
    named = named_candidates(info)
    in_names = set()
    for c in named:
        span = info.doc.char_span(c.start, c.end, alignment_mode="expand")
        if span is not None:
            in_names.update(range(span.start, span.end))
    nominals = nominal_candidates(info, in_names)
    # "the Central and East European Coalition": a name NER missed, not a nominal
    proper = [c for c in nominals if _proper_phrase(info, c)]
    for c in proper:
        c.kind, c.label, c.mention_kind = "name", "ORG", "name"
    named += proper
    proper_ids = {id(c) for c in proper}
    nominals = [c for c in nominals if id(c) not in proper_ids]
    _annotate_named(info, named)
    parens = aliases.paren_aliases(info, named)
    # an acronym in brackets belongs to the name before it, whatever NER made of it
    paren_spans = {(s, e) for _, s, e in parens}
    named = [c for c in named if (c.start, c.end) not in paren_spans]
    for cl in aliases.cluster(named):
        e = Entity(mentions=[], named=True)
        for c, kind in cl:
            c.mention_kind = kind
            e.add(c)
        finish_named(e, info)
        reg.new(e)
    for full, s, t in parens:
        owner = next((e for e in reg.entities if any(m is full for m in e.mentions)), None)
        if owner is None:
            continue
        tokens = info.tokens_in(s, t)
        c = make_cand(info, tokens, "name", "ORG")
        if c is None:
            continue
        c.mention_kind = "abbreviation"
        owner.aliases.add(c.text.replace(".", ""))
        reg.attach(owner, c)
    _scan_aliases(reg)
    _chain_nominals(reg, nominals)
    return reg


def _proper_phrase(info: DocInfo, c: Cand) -> bool:
    """A capitalised noun with capitalised words before it: "the National Immigration … Council"."""
    head = info.doc[c.head]
    if head.pos_ != "PROPN" or not head.text[:1].isupper():
        return False
    span = info.doc.char_span(c.start, c.end, alignment_mode="expand")
    return span is not None and any(t.pos_ == "PROPN" and t.i != head.i and t.text[:1].isupper() for t in span)


def _annotate_named(info: DocInfo, cands: list[Cand]) -> None:
    """Gender from titles ("Mr.", "Mrs.") and first names."""
    doc = info.doc
    for c in cands:
        if c.label != "PERSON":
            continue
        titles = aliases.titles_in(c.text)
        span = doc.char_span(c.start, c.end, alignment_mode="expand")
        if span is not None and span.start > 0:
            titles.append(doc[span.start - 1].lower_.rstrip("."))
        for t in titles + sorted(c.roles):
            g = lx.TITLE_GENDER.get(t)
            if g:
                c.gender = g
                break
        if c.gender is None:
            core = aliases.core_words(c.text)
            if len(core) > 1:
                first = core[0].lower()
                if first in lx.FEMALE_NAMES:
                    c.gender = "f"
                elif first in lx.MALE_NAMES:
                    c.gender = "m"


def finish_named(e: Entity, info: DocInfo) -> None:
    """Label, type, gender, roles and aliases of a named entity from its mentions."""
    best = _canonical_cand(e)
    e.label = best.label
    labels = [m.label for m in e.mentions]
    if best.label != "PERSON" and "PERSON" in labels and len(aliases.cand_core(best)) == 1:
        e.label = "PERSON"
    texts = [m.text for m in e.mentions if m.label in ("ORG", "")]
    outlet = any(tp.is_outlet_name(t) for t in texts) and e.label in ("ORG", "")
    e.type = "outlet" if outlet else tp.named_type(labels, canonical_name(e, info), e.label)
    genders = {m.gender for m in e.mentions if m.gender}
    e.gender = genders.pop() if len(genders) == 1 else None
    for m in e.mentions:
        e.roles |= m.roles
        e.descr |= m.descr
        if m.mention_kind == "abbreviation":
            e.aliases.add(m.text.replace(".", ""))
    e.plural = e.label == "NORP" and best.text.endswith("s")


def _canonical_cand(e: Entity) -> Cand:
    names = [m for m in e.mentions if m.kind == "name" and m.mention_kind in ("name", "last_name", "other")]
    names = names or [m for m in e.mentions if m.kind == "name"] or e.mentions
    # the fullest form outside quotation marks ("Crooked Hillary Clinton" is Trump's, not the name)
    return max(names, key=lambda m: (not m.in_quote, len(aliases.cand_core(m)), m.label == "PERSON", -m.start))


def canonical_name(e: Entity, info: DocInfo) -> str:
    """The fullest form in the text: "Sean J. Riddell", "The Daily Caller", "cease-and-desist letter"."""
    if not e.named:
        return _nominal_name(e)
    best = _canonical_cand(e)
    text = re.sub(r"\s+", " ", best.text).strip()
    text = re.sub(r"(?:'s|’s)$", "", text)
    if e.type == "person":
        core = aliases.core_words(text)
        if core:
            i = text.find(core[0])
            text = text[i:] if i >= 0 else " ".join(core)
    if text.lower().startswith("the "):
        keep = any(m.text.startswith("The ") and not _sentence_initial(info, m.start) for m in e.mentions)
        if e.type == "outlet" and not any(m.text.startswith("the ") for m in e.mentions):
            keep = True  # "The Washington Post" at the start of a sentence
        if not keep:
            text = text[4:]
    return text


def _sentence_initial(info: DocInfo, start: int) -> bool:
    span = info.doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None:
        return False
    tok = span[0]
    return tok.is_sent_start or tok.i == 0 or "\n" in info.text[max(0, start - 2) : start]


def _nominal_name(e: Entity) -> str:
    def words_of(m: Cand) -> list[str]:
        ws = m.text.split()
        while ws and ws[0].lower() in lx.DETERMINERS:
            ws = ws[1:]
        return ws

    best = max(e.mentions, key=lambda m: (m.kind != "pronoun", len(words_of(m)), -m.start))
    ws = words_of(best) or best.text.split()
    return " ".join(ws)


_CAPITALISED = re.compile(r"(?<![\w.])[A-Z][\w.&'’-]*")


def _scan_aliases(reg: Registry) -> None:
    """Find the short names in running text that NER missed: last names, acronyms."""
    info = reg.info
    lookup: dict[str, list[tuple[Entity, str]]] = {}
    for e in reg.entities:
        if e.type == "person":
            core = aliases.core_words(_canonical_cand(e).text)
            if len(core) > 1:
                lookup.setdefault(core[-1], []).append((e, "last_name"))
        elif e.type in ("organisation", "outlet"):
            for a in e.aliases:
                lookup.setdefault(a, []).append((e, "abbreviation"))
            core = aliases.core_words(_canonical_cand(e).text, person=False)
            initials = "".join(w[0] for w in core if w.lower() not in lx.FUNCTION_WORDS and w[0].isupper())
            if len(initials) >= 3 and len(core) >= 3:
                lookup.setdefault(initials, []).append((e, "abbreviation"))
    if not lookup:
        return
    doc = info.doc
    for m in _CAPITALISED.finditer(info.text):
        word = re.sub(r"(?:'s|’s|'|’)$", "", m.group())
        key = word.replace(".", "") if aliases.is_acronym(word) else word.rstrip(".")
        if key not in lookup:
            continue
        span = doc.char_span(m.start(), m.start() + len(word), alignment_mode="contract")
        if span is None or len(span) != 1:
            span = doc.char_span(m.start(), m.start() + len(key), alignment_mode="contract")
        if span is None or len(span) != 1 or span[0].i in reg.by_token:
            continue
        tok = span[0]
        hits = list({id(e): (e, kind) for e, kind in lookup.get(key, [])}.values())
        if len(hits) != 1:
            continue
        e, kind = hits[0]
        if kind == "last_name" and tok.pos_ != "PROPN" and not _name_only(info, tok):
            continue
        c = make_cand(info, [tok], "name", "")
        if c is None:
            continue
        c.mention_kind = kind
        reg.attach(e, c)


def _name_only(info: DocInfo, tok) -> bool:
    """A capitalised noun that the text never writes in lowercase: a last name the tagger took for a
    common noun at the start of a sentence ("Wheeler added …")."""
    return tok.pos_ == "NOUN" and re.search(r"(?<![\w-])" + re.escape(tok.lower_) + r"(?![\w-])", info.text) is None


def _chain_nominals(reg: Registry, cands: list[Cand]) -> None:
    """Link nominal noun phrases to what they refer back to; each unlinked one is a new entity."""
    info = reg.info
    cands = sorted((c for c in cands if c.head not in reg.by_token), key=lambda c: c.start)
    orgs = _org_names(reg)
    for c in cands:
        head = info.doc[c.head]
        target = named_apposite(reg, head)
        if target is not None:  # "Trump, the Republican nominee": a role of Trump's
            target.roles.add(c.lemma)
        elif c.label == "organisation" and _nominal_key(c.text) in orgs:
            target = orgs[_nominal_key(c.text)]  # "the Harbor Town council" = "Harbor Town Council"
        else:
            # a capitalised bare noun is a headline's ("…, Says Union"): it may point forward
            target = link_nominal(reg, c, headline=head.pos_ == "PROPN" and not c.det)
        if target is not None:
            reg.attach(target, c)
        else:
            reg.new(new_nominal(c))
    _merge_role_nominals(reg)


def _org_names(reg: Registry) -> dict[str, Entity]:
    """Named organisations by their name in lowercase, without "the" (names differing in case only)."""
    out: dict[str, Entity] = {}
    for e in reg.entities:
        if e.named and e.type in ("organisation", "outlet"):
            for m in e.mentions:
                if m.kind == "name" and m.mention_kind == "name":
                    out.setdefault(_nominal_key(m.text), e)
    return out


def named_apposite(reg: Registry, noun, within: set[int] | None = None) -> Entity | None:
    """The named entity a noun is the same as: "Riddell, a lawyer", "the union's lawyer, Sean Riddell",
    "lawyer Sean Riddell" (but not "the Trump campaign": a name modifying a noun is not the noun)."""

    def named(t) -> Entity | None:
        if within is not None and t.i not in within:
            return None
        hit = reg.at(t.i)
        return hit[0] if hit is not None and hit[0].named else None

    t = noun
    for _ in range(4):  # up from the noun through appositions and compounds
        if t.dep_ not in ("appos", "compound", "flat") or t.head.i == t.i:
            break
        t = t.head
        e = named(t)
        if e is not None:
            return e
    for child in noun.children:  # a name in apposition to the noun
        if child.dep_ == "appos":
            e = named(child)
            if e is not None:
                return e
    return None


def link_nominal(reg: Registry, c: Cand, headline: bool = False) -> Entity | None:
    """The entity an unnamed noun phrase refers back to, if it is anaphoric."""
    if c.det in ("the", "this", "that", "these", "those", "poss"):
        return coref.resolve_definite(c, reg.entities, c.start)
    if not c.det and c.plural:  # "agents" … "agents": the same group
        e = reg.bare.get(_nominal_key(c.text))
        return e if e is not None and e.first < c.start else None
    if not c.det and headline:
        return coref.resolve_definite(c, reg.entities, c.start, after=True)
    return None


def _nominal_key(text: str) -> str:
    ws = text.lower().split()
    while ws and ws[0] in lx.DETERMINERS:
        ws = ws[1:]
    return " ".join(ws)


def new_nominal(c: Cand) -> Entity:
    c.mention_kind = "nominal"
    gender = lx.TITLE_GENDER.get(c.lemma)
    return Entity(
        mentions=[c],
        named=False,
        type=tp.nominal_type(c.label, c.lemma, c.plural, c.text),
        label=c.label,
        lemma=c.lemma,
        gender=gender,
        plural=c.plural,
    )


def _merge_role_nominals(reg: Registry) -> None:
    """An unnamed definite role ("Portland's mayor") with exactly one named holder later on is that person."""
    persons = [e for e in reg.entities if e.named and e.type == "person"]
    for e in list(reg.entities):
        if e.named or e.type != "person" or e.plural:
            continue
        if not any(m.det in ("the", "poss") for m in e.mentions):
            continue
        holders = [p for p in persons if e.lemma in p.roles]
        if len(holders) != 1:
            continue
        target = holders[0]
        for m in e.mentions:
            reg.attach(target, m)
        for t, (owner, cand) in list(reg.by_token.items()):
            if owner is e:
                reg.by_token[t] = (target, cand)
        reg.entities.remove(e)


def source_nominal(info: DocInfo, tokens) -> Cand | None:
    """A nominal candidate for a source phrase with no registered mention ("Several people")."""
    c = make_cand(info, tokens, "nominal")
    if c is None:
        return None
    head = info.doc[c.head]
    cat, plural = category_of(head)
    c.label = cat or "unknown"
    c.plural = plural
    c.descr = phrase_descr(list(tokens), head)
    c.mention_kind = "nominal"
    return c
