"""Nominal entities: chaining "a cease-and-desist letter" … "the letter", "Mayor Ted Wheeler" …
"the mayor", and the nominal of a source phrase."""

from __future__ import annotations

from . import coref
from . import lexicon as lx
from . import types as tp
from .mentions import Cand, DocInfo, category_of, make_cand, phrase_descr
from .registry import Entity, Registry, nominal_key


def chain_nominals(reg: Registry, cands: list[Cand]) -> None:
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
        elif c.label == "organisation" and nominal_key(c.text) in orgs:
            target = orgs[nominal_key(c.text)]  # "the Harbor Town council" = "Harbor Town Council"
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
                key = nominal_key(m.text)
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
        e = reg.bare.get(nominal_key(c.text))
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
