"""Sources that are several speakers or part of a group: "Sens. Jon Tester and David Vitter", "some of them", "most of whom"."""

from __future__ import annotations

from spacy.tokens import Token

from ..schema import Attribution
from . import coref
from .nominals import named_apposite, new_nominal, source_nominal
from .canonical import canonical_name
from .registry import Entity, Registry
from .mentions import category_of, make_cand
from . import lexicon as lx


_PLAIN_PEOPLE = frozenset({"man", "men", "woman", "women", "two", "pair", "candidate", "leader", "nominee"})


def recent_coordination(reg: Registry, c) -> Entity | None:
    """ "the senators", "both men" just after "Mr. Grassley and Mr. Leahy": the speakers named together."""
    if not c.plural or c.det not in ("the", "these", "those", "both") or c.label not in ("person", "group"):
        return None
    best, best_pos = None, -1
    for e in reg.entities:
        if not e.members:
            continue
        before = [m.start for m in e.mentions if m.end <= c.start]
        if before and max(before) > best_pos:
            best, best_pos = e, max(before)
    if best is None or reg.info.sent_of[reg.info.doc[c.head].i] - _sent_at(reg, best_pos) > 3:
        return None
    lemma = c.lemma
    roles = {r.lower().rstrip(".").removesuffix("s") for r in best.roles}
    if lemma in _PLAIN_PEOPLE or coref.same_role(lemma, roles):
        return best
    return None


def _sent_at(reg: Registry, char: int) -> int:
    span = reg.info.doc.char_span(char, char + 1, alignment_mode="expand")
    return reg.info.sent_of[span[0].i] if span is not None else 0


def coordination(reg: Registry, tokens: list[Token]) -> Entity | None:
    """Several speakers joined by "and" in one source, at least one of them named: one entity named
    "A and B" ("A, B and C"), an organisation when all are organisations, else a group."""
    inside = {t.i for t in tokens}
    conj = [t for t in tokens if t.dep_ == "conj" and t.head.i in inside and t.pos_ in ("NOUN", "PROPN")]
    if not conj:
        return None
    root = conj[0].head
    while root.dep_ == "conj" and root.head.i in inside:
        root = root.head
    chain = [root]
    k = 0
    while k < len(chain):
        chain += [c for c in chain[k].children if c.dep_ == "conj" and c.i in inside]
        k += 1
    chain.sort(key=lambda t: t.i)

    def top(t: Token) -> bool:
        return t.head.i not in inside or t.head.i == t.i

    # the coordination must be the source itself, not inside a modifier or an apposition of it
    # ("Critics of the program, like Senators A and B"; "X, a developer and spokeswoman for …")
    if not top(root):
        if root.dep_ != "appos" or not top(root.head):
            return None
        if root.head.pos_ != "NOUN" and not any(t.tag_ in ("NNS", "NNPS") for t in chain[1:]):
            return None  # "Craig Bryan, head of …, and other scientists": a plural after the role
    info = reg.info
    members: list[tuple[str, Entity | None, bool]] = []  # name, entity, organisation
    seen: set[int] = set()
    for t in chain:
        e = _named_member(reg, t, inside)
        if e is not None:
            if id(e) not in seen:
                seen.add(id(e))
                members.append((canonical_name(e, info), e, e.type in ("organisation", "outlet")))
            continue
        if t.pos_ != "NOUN":
            continue  # "R-Tenn." of "Bob Corker, R-Tenn., and Lindsey Graham"
        words = [w for w in info.doc[t.left_edge.i : t.i + 1] if w.i in inside and not w.is_punct]
        while words and (words[0].dep_ in ("cc", "preconj") or words[0].lower_ in lx_determiners):
            words = words[1:]
        if not words:
            continue
        hit = reg.at(t.i)
        cat = hit[0].type if hit is not None else category_of(t)[0]
        if t.tag_ not in ("NNS", "NNPS") and cat != "organisation":
            continue  # "China, Pyongyang's only ally and its lifeline": an apposition
        members.append((info.text[words[0].idx : t.idx + len(t.text)], None, cat == "organisation"))
    if len(members) < 2 or not any(e is not None for _, e, _ in members):
        return None
    key = tuple(id(e) if e is not None else name.lower() for name, e, _ in members)
    for e in reg.entities:
        if e.members == key:
            return e
    names = [name for name, _, _ in members]
    c = make_cand(info, tokens, "nominal", "group")
    if c is None:
        return None
    c.mention_kind = "nominal"
    c.plural = True
    organisations = all(org for _, _, org in members)
    outlets = all(e is not None and e.type == "outlet" for _, e, _ in members)  # "Fox News and the Drudge Report"
    kind = "outlet" if outlets else "organisation" if organisations else "group"
    roles: set[str] = set()
    for _, e, _ in members:
        if e is not None:
            roles |= e.roles
    e = Entity(
        mentions=[c],
        named=False,
        type=kind,
        label="group" if kind == "group" else "organisation",
        lemma="",
        plural=True,
        roles=roles,
        fixed_name=", ".join(names[:-1]) + " and " + names[-1],
        members=key,
    )
    return reg.new(e)


lx_determiners = frozenset("the a an both either".split())


def _named_member(reg: Registry, t: Token, inside: set[int]) -> Entity | None:
    """The named entity one conjunct names: itself, a name in apposition ("head of …" of "Craig Bryan,
    head of …"), or the name right after a role noun ("nominee Donald Trump")."""
    hit = reg.at(t.i)
    if hit is not None and hit[0].named:
        return hit[0]
    if t.pos_ != "NOUN":
        return None
    e = named_apposite(reg, t, within=inside)
    if e is not None:
        return e
    nxt = t.i + 1
    if nxt in inside:
        hit = reg.at(nxt)
        if hit is not None and hit[0].named and hit[0].type == "person":
            return hit[0]
    return None


_PARTITIVE_PRONOUNS = frozenset("some many most several few both all none".split())


def partitive_pronoun(reg: Registry, a: Attribution, tokens: list[Token], head: Token) -> Entity | None:
    """A quantifier standing alone for people ("Some said …", "A few said …") or for some of a
    pronoun's ("Some of them"): part of the group the text was just about, named by the quantifier
    and that group's phrase ("Some council members who opposed the plan", "Some of the council
    members who opposed the plan"). A new speaker of its own, of type group."""
    info = reg.info
    if head.lower_ not in _PARTITIVE_PRONOUNS or head.pos_ not in ("PRON", "DET", "ADJ", "NOUN", "PROPN"):
        return None
    inside = {t.i for t in tokens}
    of = [c for c in head.children if c.dep_ == "prep" and c.lower_ == "of" and c.i in inside]
    objs = [g for c in of for g in c.children if g.dep_ == "pobj" and g.i in inside]
    words = [t for t in tokens if not t.is_punct]
    if objs:
        if objs[0].lower_ not in ("them", "these", "those") or len(words) > 3:
            return None
        pron = objs[0]
    elif len(words) <= 2 and all(t.lower_ in _PARTITIVE_PRONOUNS or t.lower_ == "a" for t in words):
        pron = head
    else:
        return None
    if head.i + 1 < len(info.doc) and info.doc[head.i + 1].pos_ in ("NOUN", "PROPN") and not objs:
        return None  # "Some Democrats": a noun phrase of its own
    exclude = [(s.start, s.end) for s in a.content]
    group = coref.resolve_personal(
        pron.idx, info.sent_of[pron.i], info.in_quote(pron.idx), None, True,
        [e for e in reg.entities if e.type in ("group", "anonymous") and e.plural and not e.named], exclude,
    )
    if group is not None and group.part_of is not None:
        group = group.part_of  # "Some said …; some of them said": of the same group
    if group is None:
        return None
    last = max((m for m in group.mentions if m.end <= pron.idx), key=lambda m: m.start, default=None)
    if last is None or info.sent_of[pron.i] - last.sent > 2:
        return None
    ws = canonical_name(group, info).split()
    while len(ws) > 1 and (ws[0].lower() in lx.QUANTITY_WORDS or ws[0].lower() in lx.DETERMINERS):
        ws = ws[1:]  # "Several council members": the members
    name = " ".join(ws)
    quant = info.text[words[0].idx : head.idx + len(head.text)]
    fixed = f"{quant} of the {name}" if objs else f"{quant} {name}"
    for e in reg.entities:
        if e.fixed_name == fixed and e.part_of is group:
            return e
    c = make_cand(info, tokens, "nominal", "group")
    if c is None:
        return None
    c.mention_kind = "nominal"
    c.plural = True
    return reg.new(
        Entity(
            mentions=[c], named=False, type="group", label="group", lemma=group.lemma, plural=True,
            fixed_name=fixed, part_of=group,
        )
    )


def partitive_antecedent(reg: Registry, quant: Token) -> Entity | None:
    """ "95 retired generals and admirals -- most of whom …": the noun phrase just before."""
    doc = reg.info.doc
    i = quant.i - 1
    while i >= 0 and quant.i - i <= 3 and doc[i].is_punct:
        i -= 1
    if i < 0 or doc[i].pos_ not in ("NOUN", "PROPN"):
        return None
    noun = doc[i]
    last = noun
    while noun.dep_ == "conj":
        noun = noun.head
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN":
        noun = noun.head.head  # "family members of 9/11 victims"
    hit = reg.at(noun.i)
    if hit is not None and hit[0].named:
        return hit[0]
    c = source_nominal(reg.info, list(doc[noun.left_edge.i : last.i + 1]))
    if c is None:
        return None
    if hit is not None and hit[1].start == c.start and hit[1].end == c.end:
        return hit[0]
    e = reg.new(new_nominal(c))
    if e.type in ("unknown", "person"):
        e.type = "group"
    return e
