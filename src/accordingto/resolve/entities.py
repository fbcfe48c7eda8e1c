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

from ..names import is_given_name, person_name
from . import aliases, coref
from . import lexicon as lx
from . import types as tp
from .mentions import (
    Cand,
    DocInfo,
    category_of,
    headline_name,
    make_cand,
    named_candidates,
    nominal_candidates,
    phrase_descr,
)


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
    gender_from_name: bool = False  # only a first-name guess: a pronoun may still say otherwise
    plural: bool = False
    aliases: set[str] = field(default_factory=set)
    attributions: int = 0
    quoted_words: int = 0
    first_spoke: int | None = None
    fixed_name: str | None = None  # several speakers in one source: "Jon Tester and David Vitter"
    members: tuple[int, ...] = ()  # their entities' ids
    part_of: "Entity | None" = None  # "Some" of "council members": the group it is part of

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
    proper_ids = {id(c) for c in proper}
    for k, c in enumerate(proper):
        c.kind, c.label, c.mention_kind = "name", "ORG", "name"
        if c.end <= info.headline_end:  # "Nadia Fiore Slams Ferry Deal": the name the body writes
            tokens = info.tokens_in(c.start, c.end)
            cut = headline_name(info, tokens)
            if len(cut) < len(tokens):
                short = make_cand(info, cut, "name", "PERSON" if any(t.ent_type_ == "PERSON" for t in cut) else "ORG")
                if short is not None:
                    short.mention_kind = "name"
                    proper[k] = short
    named += proper
    nominals = [c for c in nominals if id(c) not in proper_ids]
    named = _split_glued_names(info, named)
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
    _complete_names(reg)
    _repeat_names(reg)
    _expand_acronyms(reg)
    _scan_aliases(reg)
    _chain_nominals(reg, nominals)
    return reg


def _split_glued_names(info: DocInfo, cands: list[Cand]) -> list[Cand]:
    """ "Washington Post Trump": an organisation's name NER ran on into a person's last name."""
    lasts = set()
    for c in cands:
        if c.label == "PERSON":
            core = aliases.core_words(c.text)
            if len(core) > 1:
                lasts.add(core[-1])
    out = []
    for c in cands:
        if c.label == "ORG" and c.kind == "name":
            tokens = info.tokens_in(c.start, c.end)
            if len(tokens) >= 3 and tokens[-1].text in lasts and tokens[-1].pos_ == "PROPN":
                org = make_cand(info, tokens[:-1], "name", "ORG")
                person = make_cand(info, tokens[-1:], "name", "PERSON")
                if org is not None and person is not None:
                    org.roles, org.descr = c.roles, c.descr
                    out += [org, person]
                    continue
        out.append(c)
    return out


def _proper_phrase(info: DocInfo, c: Cand) -> bool:
    """A capitalised noun with capitalised words before it: "the National Immigration … Council"."""
    head = info.doc[c.head]
    if head.pos_ != "PROPN" or not head.text[:1].isupper():
        return False
    if c.end <= info.headline_end and info.lowercase_word(head):
        return False  # a title-cased headline's common noun: "New Survey Finds …" (the body's "a survey")
    span = info.doc.char_span(c.start, c.end, alignment_mode="expand")
    return span is not None and any(t.pos_ == "PROPN" and t.i != head.i and t.text[:1].isupper() for t in span)


def _annotate_named(info: DocInfo, cands: list[Cand]) -> None:
    """Gender from titles ("Mr.", "Mrs.") and first names."""
    doc = info.doc
    for c in cands:
        titles = aliases.titles_in(c.text)
        if c.label != "PERSON" and not any(lx.TITLE_GENDER.get(t) for t in titles):
            continue  # a gendered title inside the name ("Spokeswoman Haley Morris", tagged ORG) still says
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
                c.gender_from_name = c.gender is not None


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
    e.gender_from_name = e.gender is not None and all(m.gender_from_name for m in e.mentions if m.gender)
    for m in e.mentions:
        e.roles |= m.roles
        e.descr |= m.descr
        if m.mention_kind == "abbreviation":
            e.aliases.add(m.text.replace(".", ""))
    e.plural = e.label == "NORP" and best.text.endswith("s")
    if e.label in ("PERSON", "ORG", "") and e.type in ("person", "organisation", "outlet"):
        e.type = _context_type(e, info) or e.type


def _context_type(e: Entity, info: DocInfo) -> str | None:
    """Person, organisation or outlet by the words around a name, where NER's label may be wrong:
    a corporate word ending it ("Halvorsen Pharma", "Keller & Dunn"), an apposition ("X, the
    retailer", "X, a writer for …"), a role it is the organisation of ("a spokesman for X", "X's
    chief executive"), a title or a given name (a person), "X reported" (an outlet), "X said in a
    statement" (an organisation, where NER does not say person). None where the words say nothing
    or disagree."""
    doc = info.doc
    person = org = outlet = 0.0
    statement = False
    for m in e.mentions:
        if m.kind != "name":
            continue
        ws = aliases.words(m.text)
        org_words = any(_bare_word(w) in lx.ORG_NOUNS or _bare_word(w) in lx.CORPORATE_WORDS for w in ws)
        if len(ws) > 1 and (_bare_word(ws[-1]) in lx.CORPORATE_WORDS or "&" in ws):
            org += 1
        titles = [t for t in aliases.titles_in(m.text) if t not in _PARTY_TITLES]
        if (titles and len(aliases.core_words(m.text)) < len(ws)) or m.gender:
            person += 1  # "Sen. X", "Mr. X" (not "GOP" alone)
        head = doc[m.head]
        for noun in _apposed_nouns(head):
            cat = category_of(noun, guess=False)[0]
            if cat in ("person", "anonymous") and noun.tag_ not in ("NNS", "NNPS"):
                person += 1
            elif cat == "outlet":
                outlet += 1
            elif cat == "organisation" or noun.lemma_.lower() in lx.ORG_NOUN_CLASSES["company"]:
                org += 1
        # "a spokesman for X", "an analyst at X", "the chief executive of X"
        if head.dep_ == "pobj" and head.head.lower_ in ("for", "at", "with") and head.ent_type_ not in ("GPE", "LOC"):
            role = head.head.head
            if role.pos_ == "NOUN" and role.lemma_.lower() in lx.MEMBER_ROLES:
                org += 1
        # "X's chief executive", "X's shares"
        if any(c.tag_ == "POS" for c in head.children) and head.head.lemma_.lower() in lx.ORG_PARTS:
            org += 1
        verb = head.head if head.dep_ == "nsubj" else None
        the = ws[:1] == ["The"] or (head.left_edge.i < head.i and head.left_edge.text == "The")
        if verb is not None and verb.lemma_.lower() in _REPORT_VERBS and the and not org_words:
            outlet += 1  # "The Ledger reported"
        if verb is not None and verb.lemma_.lower() in ("say", "announce") and any(
            p.lower_ == "in" and any(o.lemma_.lower() in ("statement", "release", "filing") for o in p.children)
            for p in verb.children
        ):
            statement = True
    if statement and not person and e.label != "PERSON":
        org += 1
    given = _given_name(e)
    if given and not org and not outlet and e.type != "outlet":
        person += 1
    if outlet and not person:
        return "outlet"
    if org > person:
        return "organisation" if e.type != "outlet" else None
    if person > org and e.type == "organisation" and e.label in ("ORG", "", "PERSON"):
        return "person"
    return None


_REPORT_VERBS = frozenset({"report", "publish", "broadcast", "air"})
# Titles that also start organisations' names ("Democratic National Committee"): no sign of a person.
_PARTY_TITLES = frozenset("democratic republican gop independent former retired then acting interim incumbent".split())


def _bare_word(w: str) -> str:
    return w.lower().replace(".", "").strip(",")


def _apposed_nouns(head) -> list:
    """The common nouns in apposition to a name, either way: "X, the retailer", "the retailer, X"."""
    out = [c for c in head.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
    if head.dep_ == "appos" and head.head.pos_ == "NOUN":
        out.append(head.head)
    return out


def _given_name(e: Entity) -> bool:
    """Whether the fullest name starts with a given name that the nickname lexicon or the first-name
    lists know ("Robert K. Ames", "Dana Reyes")."""
    best = _canonical_cand(e)
    core = aliases.core_words(best.text)
    if len(core) < 2 or len(core) > 4 or not core[0][:1].isupper():
        return False
    if any(_bare_word(w) in lx.ORG_NOUNS or _bare_word(w) in lx.CORPORATE_WORDS for w in core):
        return False  # "Christian News Service"
    first = core[0].lower()
    return first in lx.FEMALE_NAMES or first in lx.MALE_NAMES or is_given_name(first)


def _canonical_cand(e: Entity) -> Cand:
    names = [m for m in e.mentions if m.kind == "name" and m.mention_kind in ("name", "last_name", "other")]
    names = names or [m for m in e.mentions if m.kind == "name"] or e.mentions
    # the fullest form outside quotation marks ("Crooked Hillary Clinton" is Trump's, not the name)
    return max(names, key=lambda m: (not m.in_quote, len(aliases.cand_core(m)), m.label == "PERSON", -m.start))


def canonical_name(e: Entity, info: DocInfo) -> str:
    """The fullest form in the text: "Sean J. Riddell", "The Daily Caller", "cease-and-desist letter"."""
    if e.fixed_name:
        return e.fixed_name
    if not e.named:
        return _nominal_name(e, info)
    best = _canonical_cand(e)
    text = re.sub(r"\s+", " ", best.text).strip()
    text = re.sub(r"(?:'s|’s)$", "", text)
    if e.type == "person":
        text = person_name(text)
    if e.type != "person" and e.label in ("ORG", "FAC", ""):
        ws = text.split()
        lead = 1 if ws and ws[0].lower() == "the" else 0
        k = lead
        while k < len(ws) - 1 and ws[k][:1].islower() and ws[k].lower() not in lx.FUNCTION_WORDS:
            k += 1  # "the federal Securities and Exchange Commission": "federal" is no part of the name
        if k > lead and ws[k][:1].isupper():
            text = " ".join(ws[k:])
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


def _nominal_name(e: Entity, info: DocInfo | None = None) -> str:
    def full(m: Cand) -> str:
        if info is not None and e.type in _MODIFIED_TYPES and m.kind != "pronoun":
            if not m.given:  # a source span says itself where it ends
                return _with_modifiers(info, m)
        return m.text

    def size(m: Cand) -> int:
        ws = full(m).split()
        while ws and ws[0].lower() in lx.DETERMINERS:
            ws = ws[1:]
        return len(ws)

    best = max(e.mentions, key=lambda m: (m.kind != "pronoun", size(m), -m.start))
    text = full(best)
    ws = text.split()
    while ws and ws[0].lower() in lx.DETERMINERS:
        ws = ws[1:]
    ws = ws or best.text.split()
    return unglue(" ".join(ws))


_MODIFIED_TYPES = frozenset({"document", "artefact"})


def _with_modifiers(info: DocInfo, m: Cand) -> str:
    """A document's or an artefact's mention with the restrictive modifiers after its head: "A survey
    released Monday by the Pell Institute", "video footage posted by X" (up to a comma, a dash or a
    clause of its own)."""
    doc = info.doc
    head = doc[m.head]
    end = m.end
    for child in head.children:
        if child.i <= head.i or child.dep_ not in ("prep", "acl") or info.in_quote(child.idx) != m.in_quote:
            continue
        if any(t.is_punct or "\n" in t.text for t in doc[head.i + 1 : child.i]):
            break
        if child.dep_ == "acl" and child.tag_ not in ("VBN", "VBG"):
            break
        last = None
        for t in doc[child.i : child.right_edge.i + 1]:
            if t.text in (",", "—", "–", "--", ";", ":", '"', "“", "”") or "\n" in t.text:
                break
            if t.pos_ in ("VERB", "AUX") and t.i != child.i:
                break  # "a sign in front of the guillotine read …": the sentence's verb
            last = t
        if last is None:
            break
        end = max(end, last.idx + len(last.text))
        if last.i < child.right_edge.i:
            break
    return info.text[m.start : end]


def unglue(text: str) -> str:
    """A phrase without a word of the text before it glued on by a bracket ("plan(some of these
    members" → "some of these members") and without unmatched brackets or quotes at its ends."""
    m = re.search(r"^\S*?\w[(\[](?=\w)", text)
    if m:
        text = text[m.end() :]
        ws = text.split()
        while len(ws) > 1 and ws[0].lower() in lx.DETERMINERS:
            ws = ws[1:]
        text = " ".join(ws)
    for op, cl in ("()", "[]", "“”"):
        if text.endswith(cl) and op not in text:
            text = text[:-1]
        if text.startswith(op) and cl not in text:
            text = text[1:]
    return text.strip(" ,;:([“").rstrip(" ,;:([“")


def _expand_acronyms(reg: Registry) -> None:
    """An organisation the article calls by an acronym only ("the U.N.") whose full form stands inside
    another name ("the United Nations Security Council"): that full form is its name."""
    names = [
        aliases.core_words(m.text, person=False)
        for e in reg.entities
        if e.named
        for m in e.mentions
        if m.kind == "name" and m.label not in ("PERSON",)
    ]
    for e in reg.entities:
        if not e.named or e.type not in ("organisation", "outlet") or e.fixed_name:
            continue
        best = _canonical_cand(e)
        core = aliases.core_words(best.text, person=False)
        if len(core) != 1 or not aliases.is_acronym(core[0]):
            continue
        acronym = core[0]
        found = None
        for ws in names:
            for i in range(len(ws)):
                if not ws[i][:1].isupper():
                    continue
                for j in range(len(ws), i + 1, -1):
                    run = ws[i:j]
                    if run[-1][:1].isupper() and aliases.abbreviates(acronym, " ".join(run)):
                        found = " ".join(run)
                        break
                if found:
                    break
            if found:
                break
        if not found:  # a name NER cut up: "Russia Today" (a place and a date)
            doc = reg.info.doc
            for m in _CAPITALISED_RUN.finditer(reg.info.text):
                span = doc.char_span(m.start(), m.end(), alignment_mode="contract")
                if span is None or any(t.ent_type_ == "PERSON" for t in span):
                    continue
                if aliases.abbreviates(acronym, m.group()):
                    found = m.group()
                    break
        if found:
            e.fixed_name = found


_CAPITALISED_RUN = re.compile(r"(?<![\w.])[A-Z][a-z]+(?:[ -](?:(?:of|and|for|the) )?[A-Z][a-z]+)+")


def _complete_names(reg: Registry) -> None:
    """A person named by one word only ("Oz", "Mr. Obama") whose first name the text gives elsewhere,
    in a place NER missed or another name around it ("Mehmet Oz — …", "Barack Obama Election Day")."""
    info = reg.info
    doc = info.doc
    for e in list(reg.entities):
        if not e.named or e.type != "person":
            continue
        core = aliases.core_words(_canonical_cand(e).text)
        if len(core) != 1 or len(core[0]) < 2 or not core[0][0].isupper():
            continue
        last = core[0]
        pattern = r"(?<![\w.’'-])([A-Z][a-z]+)\s+" + re.escape(last).replace("’", "['’]").replace("'", "['’]") + r"(?![\w-])"
        for m in re.finditer(pattern, info.text):
            first = m.group(1)
            low = first.lower()
            if low in lx.TITLES or low in lx.FUNCTION_WORDS or low in lx.HEADLINE_WORDS:
                continue
            if (low in lx.FEMALE_NAMES and e.gender == "m") or (low in lx.MALE_NAMES and e.gender == "f"):
                continue
            span = doc.char_span(m.start(), m.end(), alignment_mode="contract")
            if span is None or len(span) != 2 or span[0].pos_ != "PROPN":
                continue
            if span[0].ent_type_ not in ("", "PERSON", "WORK_OF_ART", "EVENT"):
                continue
            if low not in lx.FEMALE_NAMES and low not in lx.MALE_NAMES and span[0].ent_type_:
                if span[0].ent_type_ != "PERSON":
                    continue
            owners = {id(hit[0]) for t in span if (hit := reg.at(t.i)) is not None}
            if owners - {id(e)}:
                continue  # "Michelle Obama" is someone else's name
            c = make_cand(info, list(span), "name", "PERSON")
            if c is None:
                continue
            c.in_quote = False  # a first name and a last name: the name itself, wherever it stands
            c.mention_kind = "name"
            reg.attach(e, c)
            break


def _repeat_names(reg: Registry) -> None:
    """A name of two or more words NER found in one place is the same name wherever the text writes it
    again as it is ("Velmar Industries said …" at a sentence's start, which NER missed)."""
    info = reg.info
    doc = info.doc
    forms: dict[str, list[Entity]] = {}
    for e in reg.entities:
        if not e.named:
            continue
        for m in e.mentions:
            if m.kind == "name" and m.mention_kind == "name" and len(m.text.split()) > 1 and "\n" not in m.text:
                last = m.text.split()[-1].lower().rstrip(".")
                if last in lx.TITLES or last in lx.PERSON_ROLE_NOUNS:
                    continue  # "British Prime Minister": a role, not a name
                if m.text[:1].isupper() and e not in forms.setdefault(m.text, []):
                    forms[m.text].append(e)
    for form, owners in forms.items():
        if len(owners) != 1:
            continue
        e = owners[0]
        for hit in re.finditer(r"(?<![\w-])" + re.escape(form) + r"(?![\w-])", info.text):
            span = doc.char_span(hit.start(), hit.end(), alignment_mode="contract")
            if span is None or any(t.i in reg.by_token for t in span):
                continue
            c = make_cand(info, list(span), "name", e.label)
            if c is None:
                continue
            c.mention_kind = "name"
            reg.attach(e, c)


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
    # a headline's bare noun ("New Survey Finds …") last: it may point forward to what the body describes
    def bare_headline(c: Cand) -> bool:
        return c.end <= info.headline_end and not c.det and info.doc[c.head].pos_ in ("PROPN", "NOUN")

    cands = sorted((c for c in cands if c.head not in reg.by_token), key=lambda c: (bare_headline(c), c.start))
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
            target = link_nominal(reg, c, headline=not c.det and (head.pos_ == "PROPN" or bare_headline(c)))
        if target is not None:
            reg.attach(target, c)
        else:
            reg.new(new_nominal(c))
    _merge_role_nominals(reg)
    _merge_epithets(reg)


def _merge_entity(reg: Registry, e: Entity, target: Entity) -> None:
    for m in e.mentions:
        reg.attach(target, m)
    for t, (owner, cand) in list(reg.by_token.items()):
        if owner is e:
            reg.by_token[t] = (target, cand)
    reg.entities.remove(e)


def _merge_epithets(reg: Registry) -> None:
    """ "the New York businessman", "The former first lady": a definite description of one person
    that names no role of anyone's refers, like a pronoun, to the salient person before it."""
    for e in list(reg.entities):
        if e.named or e.type != "person" or e.plural:
            continue
        first = e.mentions[0]
        if first.det != "the" or first.lemma in lx.ANONYMOUS_NOUNS:
            continue
        target = coref.resolve_epithet(first, reg.entities)
        if target is not None:
            _merge_entity(reg, e, target)


def _org_names(reg: Registry) -> dict[str, Entity]:
    """Named organisations by their name in lowercase, without "the" (names differing in case only)."""
    out: dict[str, Entity] = {}
    for e in reg.entities:
        if e.named and e.type in ("organisation", "outlet"):
            for m in e.mentions:
                key = _nominal_key(m.text)
                if m.kind == "name" and m.mention_kind == "name" and key not in lx.ORG_NOUNS:
                    out.setdefault(key, e)  # not "Bank" of "Bank executives" for "the bank"
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
        e = coref.resolve_definite(c, reg.entities, c.start)
        if e is not None and not _names_agree(reg, c, e):
            e = None  # "the Obama administration" is no earlier "Congress"
        if (e is None or not e.named) and not c.plural and c.lemma in lx.ORG_NOUN_CLASSES["company"]:
            first = c.text.split()[0].lower()
            if c.det == "the" or first in ("his", "her", "its", "their"):
                e = _main_company(reg, c) or e
        return e
    if not c.det and c.plural:  # "agents" … "agents": the same group
        e = reg.bare.get(_nominal_key(c.text))
        return e if e is not None and e.first < c.start else None
    if not c.det and headline:
        return coref.resolve_definite(c, reg.entities, c.start, after=True)
    return None


def _names_agree(reg: Registry, c: Cand, e: Entity) -> bool:
    """Whether the proper names inside a description ("the Obama administration", "the Saudi
    government") are words of the entity it would refer to: a description with a name of its own
    is that name's, not any body of its kind."""
    doc = reg.info.doc
    head = doc[c.head]
    names = [
        t.lower_ for t in doc[head.left_edge.i : head.i]
        if t.pos_ == "PROPN" and t.ent_type_ in ("PERSON", "GPE", "NORP") and t.dep_ in ("compound", "amod", "poss", "nmod")
    ]
    if not names:
        return True
    words = {w.lower().rstrip("'’s") for m in e.mentions for w in m.text.split()} | {r.lower() for r in e.roles}
    return all(n.rstrip("'’s") in words for n in names)


def _main_company(reg: Registry, c: Cand) -> Entity | None:
    """ "the bank", "the company" that names no role of anyone's: the named organisation of no other
    kind (no agency, no committee) the article mentions most before it."""
    other = set(lx.ORG_NOUN_CLASSES) - {"company", "campaign", "school"}
    best, best_key = None, (0, 0)
    for e in reg.entities:
        if not e.named or e.type != "organisation" or e.label != "ORG":
            continue
        if any(r in lx.ORG_NOUN_CLASSES[k] for r in e.roles for k in other):
            continue
        before = [m.start for m in e.mentions if m.end <= c.start]
        key = (len(before), max(before, default=0))
        if before and key > best_key:
            best, best_key = e, key
    return best if best_key[0] >= 2 else None


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
        _merge_entity(reg, e, holders[0])


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
