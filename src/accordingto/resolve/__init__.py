"""Resolution: which real speaker each source is.

:func:`resolve` links every attribution's source to one entity of the article
(see :mod:`.entities`): a name to its cluster of names (:mod:`.aliases`), a
pronoun or a definite nominal to what it refers back to (:mod:`.coref`), any
other noun phrase to itself; the type of each comes from :mod:`.types`. Every
entity that some source resolves to becomes a :class:`~accordingto.schema.Speaker`.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from ..schema import Attribution, Mention, Speaker
from . import aliases, coref
from .roles import Describer
from .entities import (
    Entity,
    Registry,
    build,
    finish_named,
    link_nominal,
    named_apposite,
    new_nominal,
    source_nominal,
)
from .mentions import (
    NOMINAL_WORDS,
    Cand,
    DocInfo,
    category_of,
    head_of,
    headline_name,
    make_cand,
    nominal_category,
    pronoun_info,
)
from . import lexicon as lx
from .lexicon import PRONOUNS as lx_pronouns
from .lexicon import RELATIVE_PRONOUNS
from .types import is_outlet_name

_MENTION_KINDS = frozenset({"name", "last_name", "abbreviation", "pronoun", "nominal"})

__all__ = ["resolve"]


def resolve(doc: Doc, attributions: list[Attribution]) -> tuple[list[Attribution], list[Speaker]]:
    """Attach a speaker to every attribution with a source; return the attributions and the speakers."""
    info = DocInfo(doc)
    reg = build(info)
    linked: dict[int, Entity] = {}  # index in ``attributions`` → entity
    order = sorted(
        (i for i, a in enumerate(attributions) if a.source),
        key=lambda i: min(s.start for s in attributions[i].source),
    )
    # sources inside quotation marks after those outside, whose speakers they may need
    order.sort(key=lambda i: info.in_quote(min(s.start for s in attributions[i].source)))
    # first persons ("I", "we") last: they take the speaker of the quotation around them
    firsts = []
    for i in order:
        a = attributions[i]
        tokens, head = _source_head(info, a)
        if head is None:
            continue
        p = pronoun_info(head) if head.pos_ == "PRON" or head.tag_.startswith("W") else None
        if p is not None and p[0] == "first":
            firsts.append((i, head))
            continue
        e = _link(reg, a, tokens, head, p, attributions, linked)
        if e is not None:
            _credit(e, i, a, linked)
    for i, head in firsts:
        e = _enclosing_speaker(info, head.idx, attributions, linked)
        if e is None and not info.in_quote(head.idx):
            e = _signature(reg, head)
        if e is not None:
            reg.attach(e, _pronoun_cand(info, head))
            _credit(e, i, attributions[i], linked)
    return _report(info, reg, attributions, linked)


def _source_head(info: DocInfo, a: Attribution) -> tuple[list[Token], Token | None]:
    tokens: list[Token] = []
    seen = set()
    for s in sorted(a.source, key=lambda s: s.start):
        for t in info.tokens_in(s.start, s.end):
            if t.i not in seen:
                seen.add(t.i)
                tokens.append(t)
    while tokens and tokens[0].is_punct:
        tokens = tokens[1:]
    while tokens and tokens[-1].is_punct:
        tokens = tokens[:-1]
    return tokens, head_of(tokens, info.heads)


def _credit(e: Entity, i: int, a: Attribution, linked: dict[int, Entity]) -> None:
    linked[i] = e
    e.attributions += 1
    e.quoted_words += a.quoted_words
    start = min(s.start for s in a.source)
    e.first_spoke = start if e.first_spoke is None else min(e.first_spoke, start)


def _pronoun_cand(info: DocInfo, tok: Token) -> Cand:
    c = make_cand(info, [tok], "pronoun")
    assert c is not None
    c.mention_kind = "pronoun"
    return c


def _link(
    reg: Registry,
    a: Attribution,
    tokens: list[Token],
    head: Token,
    p,
    attributions: list[Attribution] | None = None,
    linked: dict[int, Entity] | None = None,
) -> Entity | None:
    """The entity a source refers to, its mention added to the entity; None when unknown."""
    info = reg.info
    if p is not None:
        kind, gender, plural = p
        if kind == "second":
            return None
        if kind == "relative":
            e = _relative_antecedent(reg, head)
            if e is None and head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.i != head.i:
                return _partitive_antecedent(reg, head.head.head)  # "most of whom"
        else:
            exclude = [(s.start, s.end) for s in a.content]
            quote = info.quote_at(head.idx)
            speaker = None  # the quote's own speaker, who would say "I"
            if quote is not None and attributions is not None and linked is not None:
                speaker = _enclosing_speaker(info, head.idx, attributions, linked)
            e = coref.resolve_personal(
                head.idx, info.sent_of[head.i], quote is not None, gender, plural, reg.entities, exclude,
                quote=quote, speaker=speaker,
            )
            if e is not None and gender in ("m", "f") and (e.gender is None or e.gender_from_name):
                e.gender, e.gender_from_name = gender, False  # pronoun history (it beats a first name)
        if e is not None:
            reg.attach(e, _pronoun_cand(info, head))
            _name_owner(reg, a, e)
        return e
    # "Some said", "Some of them said": some of the group the text was just about
    e = _partitive_pronoun(reg, a, tokens, head)
    if e is not None:
        return e
    # "most of whom", "many of whom": the people the relative pronoun stands for
    if any(t.lower_ in ("whom", "which") and t.dep_ == "pobj" and t.head.head.i == head.i for t in tokens):
        e = _partitive_antecedent(reg, head)
        if e is not None:
            return e
    # a headline source that runs on past its name into the verb: "Ines Ortega Slams Ferry Deal"
    e = _headline_subject(reg, tokens)
    if e is not None:
        return e
    # several speakers: "Sens. Jon Tester and David Vitter", "France and Germany"
    e = _coordination(reg, tokens)
    if e is not None:
        return e
    # a name, or a phrase around a name: "lawyer Sean J. Riddell", "A spokesman, John Smith"
    hit = reg.at(head.i)
    qualified = hit is not None and hit[0].named and _qualified_group(info, tokens, head, hit[0])
    if hit is not None and hit[0].named and not qualified:
        return hit[0]
    if hit is not None and (hit[0].named or hit[1].head != head.i):
        hit = None  # a qualified group ("skittish Democrats"), or a word of another phrase
    if head.pos_ == "NOUN":
        e = named_apposite(reg, head, within={t.i for t in tokens})
        if e is not None:
            return e
    headline = _headline_noun(info, a, head)
    if hit is None and not headline and not qualified and _looks_like_name(info, tokens, head):
        return _link_unlabelled_name(reg, tokens, head)
    # a nominal: its own noun phrase, or what it refers back to
    phrase = _trim_phrase(tokens, head)
    c = source_nominal(info, phrase)
    if c is None:
        return None
    c.given = phrase[-1].i == tokens[-1].i
    group = _recent_coordination(reg, c)
    if group is not None:
        e = group
        reg.attach(e, c)
    elif hit is not None:
        e = hit[0]
        reg.attach(e, c)
    else:
        e = link_nominal(reg, c, headline=headline)
        if e is None:
            e = reg.new(new_nominal(c))
        else:
            reg.attach(e, c)
    if qualified and e.type == "unknown":
        e.type, e.label, e.plural = "group", "group", True
    if not e.named and not e.fixed_name and set(e.name(info).lower().split()) & _OWNER_PRONOUNS:
        name = _pronoun_owner_name(reg, a, phrase)
        if name:
            e.fixed_name = name
    _name_owner(reg, a, e)
    return e


def _name_owner(reg: Registry, a: Attribution, e: Entity) -> None:
    """An unnamed speaker whose name has a pronoun in it ("his income tax returns", reached from a
    "they"): the pronoun replaced by the name it stands for, read where that mention stands."""
    info = reg.info
    if e.named or e.fixed_name or not set(e.name(info).lower().split()) & _OWNER_PRONOUNS:
        return
    name = e.name(info)
    for m in e.mentions:
        if m.kind != "pronoun" and name in m.text:
            tokens = info.tokens_in(m.start, m.end)
            owner = _pronoun_owner_name(reg, a, tokens)
            if owner:
                ws = owner.split()
                while len(ws) > 1 and ws[0].lower() in lx.DETERMINERS:
                    ws = ws[1:]
                e.fixed_name = " ".join(ws)
            return


_OWNER_PRONOUNS = frozenset({"his", "her", "him", "its", "their", "them"})


_PLAIN_PEOPLE = frozenset({"man", "men", "woman", "women", "two", "pair", "candidate", "leader", "nominee"})


def _headline_subject(reg: Registry, tokens: list[Token]) -> Entity | None:
    """The named speaker a headline source starts with, where the words after the name are the
    headline's verb and its object ("Elizabeth Warren Hammers Wells Fargo CEO")."""
    info = reg.info
    if not tokens or tokens[-1].idx >= info.headline_end:
        return None
    hit = reg.at(tokens[0].i)
    if hit is None or not hit[0].named or hit[1].start != tokens[0].idx or hit[0].type not in ("person", "organisation"):
        return None
    after = [t for t in tokens if t.idx >= hit[1].end and not t.is_punct]
    if not after:
        return None
    verb = after[0]
    low = verb.lower_
    if low in lx.HEADLINE_WORDS or (verb.text[:1].isupper() and low.endswith("s") and not low.endswith("ss")
                                    and verb.tag_ in ("VBZ", "NNP", "NNPS", "NNS") and reg.at(verb.i) is None
                                    and not verb.ent_type_):
        return hit[0]
    return None


def _recent_coordination(reg: Registry, c) -> Entity | None:
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


def _pronoun_owner_name(reg: Registry, a: Attribution, phrase: list[Token]) -> str | None:
    """A noun phrase with a pronoun in it, the pronoun replaced by the name it stands for: "his
    operatives" → "Donald Trump's operatives", "Those close to him" → "those close to Terry McAuliffe"."""
    info = reg.info
    for t in phrase:
        low = t.lower_
        if low not in ("his", "her", "him", "its", "their", "them"):
            continue
        possessive = t.tag_ == "PRP$" or t.dep_ == "poss"
        if low in ("him", "them") or (low == "her" and not possessive):
            if t.dep_ != "pobj":
                continue
        gender, plural = lx_pronouns[low]
        exclude = [(s.start, s.end) for s in a.content]
        e = coref.resolve_personal(
            t.idx, info.sent_of[t.i], info.in_quote(t.idx), gender, plural, reg.entities, exclude
        )
        if e is None or not (e.named or e.fixed_name):
            return None
        name = e.name(info)
        words = []
        for w in phrase:
            if w.i == t.i:
                words.append(name + "'s" if possessive else name)
            else:
                words.append(w.text)
            words.append(w.whitespace_)
        text = "".join(words).strip()
        return text[:1].upper() + text[1:] if text and phrase[0].i == t.i else text
    return None


def _coordination(reg: Registry, tokens: list[Token]) -> Entity | None:
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
                members.append((e.name(info), e, e.type in ("organisation", "outlet")))
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
    roles: set[str] = set()
    for _, e, _ in members:
        if e is not None:
            roles |= e.roles
    e = Entity(
        mentions=[c],
        named=False,
        type="organisation" if organisations else "group",
        label="organisation" if organisations else "group",
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


def _qualified_group(info: DocInfo, tokens: list[Token], head: Token, e: Entity) -> bool:
    """ "Republicans on the House Financial Services Committee", "skittish Democrats": a named group
    with words that pick out some of it is a group of its own, named by its phrase."""
    if e.label != "NORP" or head.tag_ not in ("NNPS", "NNS") or not any(t.i == head.i for t in tokens):
        return False
    for t in _trim_phrase(tokens, head):
        if t.i == head.i or t.is_punct or t.lower_ in lx.DETERMINERS or t.lower_ in lx.QUANTITY_WORDS:
            continue
        if (t.pos_ == "ADJ" and t.i < head.i) or (t.dep_ in ("prep", "relcl", "acl") and t.i > head.i):
            return True
    return False


def _headline_noun(info: DocInfo, a: Attribution, tok: Token) -> bool:
    """A common noun capitalised in a headline ("…, Says Union"): a nominal, not a name."""
    low = tok.lower_
    lemma = low[:-1] if low.endswith("s") and not low.endswith("ss") else low
    if not nominal_category(lemma, low, lemma != low) or tok.ent_type_ in _NAME_LABELS:
        return False
    if a.via == "headline":
        return True
    sent = [t for t in info.doc if info.sent_of[t.i] == info.sent_of[tok.i]] if tok.i < 40 else []
    words = [t for t in sent if t.is_alpha and len(t) > 3]
    return len(words) >= 2 and sum(t.text[0].isupper() for t in words) >= 0.7 * len(words)


_NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC"})


def _looks_like_name(info: DocInfo, tokens: list[Token], head: Token) -> bool:
    """A proper name NER missed ("TheDC", "Politifact"), not a capitalised common noun ("Readers")."""
    if head.pos_ not in ("PROPN", "NOUN") or not head.text[:1].isupper():
        return False
    if (head.lower_ in lx.QUANTITY_WORDS or head.lower_ in lx.PEOPLE_PRONOUNS) and not head.ent_type_:
        return False  # "Several in the crowd" tagged a proper noun at a paragraph's start
    others = [t for t in tokens if t.i != head.i and t.pos_ == "PROPN"]
    if (head.lower_ in NOMINAL_WORDS or head.lemma_.lower() in NOMINAL_WORDS) and not others:
        return False  # "the Union", "Sources"
    if any(ch.isupper() for ch in head.text[1:]) or is_outlet_name(head.text):
        return True
    if head.pos_ == "PROPN" and not (head.is_sent_start and head.tag_ == "NNPS"):
        return True
    if not head.is_sent_start and head.i > 0 and "\n" not in head.nbor(-1).text:
        return True
    # sentence-initial: a common noun for people ("Scholars") is not a name; any other word
    # is one if the text capitalises it elsewhere too
    if category_of(head)[0]:
        return False
    return any(t.text == head.text and not t.is_sent_start for t in info.doc if t.i != head.i)


def _trim_phrase(tokens: list[Token], head: Token) -> list[Token]:
    """The source phrase up to a comma after its head, or up to a relative clause about the source's
    anonymity ("A city employee who asked not to be named"); a restrictive relative clause stays
    ("all the experts I interviewed", "leaders who have been the most strident opponents").
    A preposition the span starts with is left out."""
    out = []
    for k, t in enumerate(tokens):
        if not out and t.i < head.i and t.pos_ == "ADP" and t.lower_ in _LEADING_PREPOSITIONS:
            continue  # "from the Senate banking committee": the committee
        if t.i > head.i and t.text in (",", "(", "—", "–", "--"):
            break
        if t.i > head.i and (t.dep_ == "relcl" or _relative_word(t)):
            rest = " ".join(w.lower_ for w in tokens[k:])
            if any(w in rest for w in _ANONYMITY_WORDS):
                break
        out.append(t)
    return out


_LEADING_PREPOSITIONS = ("from", "by", "with", "of")
_ANONYMITY_WORDS = ("named", "anonymity", "identified", "authorized", "authorised", "publicly", "on the record")


def _relative_word(t: Token) -> bool:
    return t.tag_ in ("WP", "WDT", "WP$") and t.lower_ in RELATIVE_PRONOUNS


def _link_unlabelled_name(reg: Registry, tokens: list[Token], head: Token) -> Entity | None:
    """A proper name NER missed ("TheDC"): match it to a known name, else a new named entity."""
    info = reg.info
    inside = {t.i for t in tokens}
    doc = info.doc

    def part(i: int) -> bool:
        return i in inside and (doc[i].pos_ == "PROPN" or doc[i].text in ("&", ".", "-"))

    lo = hi = head.i
    while lo - 1 >= 0 and part(lo - 1) and head.i - lo < 4:
        lo -= 1
    while hi + 1 < len(doc) and part(hi + 1) and hi - head.i < 4:
        hi += 1
    run = list(doc[lo : hi + 1])
    if len(run) > 1 and run[-1].idx < info.headline_end:
        run = headline_name(info, run)  # "Nadia Fiore Slams": the name the body writes
    c = make_cand(info, run, "name", "")
    if c is None:
        return None
    for e in reg.entities:
        if not e.named:
            continue
        for m in e.mentions:
            if m.kind != "name" or len(aliases.cand_core(m)) < len(aliases.cand_core(c)):
                continue
            kind = aliases.match_kind(c, m)
            if kind == "outlet_short":
                kind = "name" if e.type == "outlet" else None
            if kind:
                c.mention_kind = kind
                reg.attach(e, c)
                return e
    e = Entity(mentions=[c], named=True)
    finish_named(e, info)
    return reg.new(e)


def _relative_antecedent(reg: Registry, tok: Token) -> Entity | None:
    """ "who"/"which"/"that": the noun its relative clause hangs on."""
    verb = tok.head
    if verb.dep_ not in ("relcl", "acl") or verb.head.i == verb.i:
        return None
    noun = verb.head
    # "Democrats on Capitol Hill, who …": "who" is a person, not the place the parser hung it on
    if tok.lower_ in ("who", "whom") and noun.dep_ == "pobj" and noun.head.dep_ == "prep":
        hit = reg.at(noun.i)
        if not _personlike(noun, hit[0] if hit else None) and noun.head.head.pos_ in ("NOUN", "PROPN"):
            noun = noun.head.head
    # "council members who opposed the plan, who said": the second "who" is the members', whom the
    # parser hung on "plan"; the antecedent is the phrase with its restrictive clause
    if tok.lower_ in ("who", "whom") and not _personlike(noun, reg.at(noun.i)[0] if reg.at(noun.i) else None):
        up = noun
        while up.head.i != up.i and up.dep_ in ("dobj", "pobj", "prep", "relcl", "acl", "attr", "npadvmod"):
            up = up.head
            if up.pos_ in ("NOUN", "PROPN") and up.i < noun.i and _personlike(up, reg.at(up.i)[0] if reg.at(up.i) else None):
                return _with_clause(reg, up, noun)
    hit = reg.at(noun.i)
    # "some who saw the comment as a dig": a restrictive clause (no comma before it) is part of
    # the unnamed antecedent's name
    if tok.lower_ in ("who", "whom") and _personlike(noun, hit[0] if hit else None) and (
        hit is None or not hit[0].named
    ) and noun.i < tok.i and not any(
        t.is_punct for t in reg.info.doc[noun.i + 1 : tok.i]
    ) and not (noun.pos_ == "PROPN" or noun.ent_type_):
        end = verb
        for t in verb.subtree:
            if t.is_punct and t.i > verb.i:
                break
            end = t if t.i > end.i else end
        e = _with_clause(reg, noun, end)
        if e is not None:
            return e
    if hit is not None:
        return hit[0]
    # an unregistered noun phrase: an entity of its own (not an unknown proper name)
    c = source_nominal(reg.info, list(reg.info.doc[noun.left_edge.i : noun.i + 1]))
    if c is None or (noun.pos_ == "PROPN" and c.label == "unknown"):
        return None
    return reg.new(new_nominal(c))


_PARTITIVE_PRONOUNS = frozenset("some many most several few both all none".split())


def _partitive_pronoun(reg: Registry, a: Attribution, tokens: list[Token], head: Token) -> Entity | None:
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
    ws = group.name(info).split()
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


def _partitive_antecedent(reg: Registry, quant: Token) -> Entity | None:
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


def _with_clause(reg: Registry, noun: Token, last: Token) -> Entity | None:
    """The entity of a noun phrase for people, given the mention that runs to the end of its
    restrictive relative clause ("council members who opposed the plan")."""
    info = reg.info
    tokens = [t for t in info.doc[noun.left_edge.i : last.i + 1]]
    hit = reg.at(noun.i)
    if hit is not None and hit[0].named:
        return hit[0]
    c = source_nominal(info, tokens)
    if c is None:
        return hit[0] if hit is not None else None
    if hit is not None:
        reg.attach(hit[0], c)
        return hit[0]
    e = reg.new(new_nominal(c))
    if e.type in ("unknown", "person") and c.plural:
        e.type = "group"
    return e


def _personlike(noun: Token, e: Entity | None) -> bool:
    if e is not None:
        return e.type in ("person", "group", "anonymous")
    if noun.ent_type_ in ("PERSON", "NORP"):
        return True
    return category_of(noun, guess=False)[0] in ("person", "group", "anonymous")


_SIGNATURE = re.compile(r"\n\n([A-Z][\w'’-]+(?: (?:[A-Z]\.|[A-Z][\w'’-]+)){1,3})\.?\n")


def _signature(reg: Registry, tok: Token) -> Entity | None:
    """ "I" in a reader's letter: the name signed under it, a paragraph of its own."""
    if tok.lower_ not in ("i", "me", "my"):
        return None
    info = reg.info
    m = _SIGNATURE.search(info.text, tok.idx)
    if m is None:
        return None
    span = info.doc.char_span(m.start(1), m.end(1), alignment_mode="contract")
    if span is None or not all(t.pos_ == "PROPN" for t in span if t.text != "."):
        return None
    hit = reg.at(span[-1].i)
    if hit is not None and hit[0].named:
        return hit[0] if hit[0].type == "person" else None
    if not any(t.ent_type_ == "PERSON" for t in span):
        return None
    c = make_cand(info, list(span), "name", "PERSON")
    if c is None:
        return None
    e = Entity(mentions=[c], named=True)
    finish_named(e, info)
    return reg.new(e)


def _enclosing_speaker(
    info: DocInfo, pos: int, attributions: list[Attribution], linked: dict[int, Entity]
) -> Entity | None:
    """For "I"/"we" in a quotation: the speaker of the quotation; None outside quotes (the author)."""
    for i, a in enumerate(attributions):
        if i in linked and any(s.start <= pos < s.end for s in a.content):
            return linked[i]
    quote = info.quote_at(pos)
    if quote is None:
        return None
    for i, a in enumerate(attributions):
        if i in linked and any(s.start < quote[1] and quote[0] < s.end for s in a.content):
            return linked[i]
    return None


def _report(
    info: DocInfo, reg: Registry, attributions: list[Attribution], linked: dict[int, Entity]
) -> tuple[list[Attribution], list[Speaker]]:
    """The attributions with their speakers filled in, and the speakers in order of first mention."""
    speakers_e = sorted({id(e): e for e in linked.values()}.values(), key=lambda e: e.first)
    ids = {id(e): i for i, e in enumerate(speakers_e)}
    speakers = []
    describer = Describer(reg)
    for i, e in enumerate(speakers_e):
        seen = set()
        mentions = []
        for m in e.mentions:
            if (m.start, m.end) in seen:
                continue
            seen.add((m.start, m.end))
            kind = m.mention_kind if m.mention_kind in _MENTION_KINDS else "other"
            mentions.append(Mention(start=m.start, end=m.end, text=info.text[m.start : m.end], kind=kind))
        about = describer.describe(e)
        speakers.append(
            Speaker(
                id=i,
                name=describer.name(e),
                type=e.type,
                mentions=mentions,
                role=about.role,
                affiliation=about.affiliation,
                aliases=about.aliases,
                author=about.author,
                attributions=e.attributions,
                quoted_words=e.quoted_words,
            )
        )
    out = []
    for i, a in enumerate(attributions):
        e = linked.get(i)
        if e is None:
            out.append(a.model_copy(update={"speaker_id": None, "speaker": None}))
        else:
            k = ids[id(e)]
            out.append(a.model_copy(update={"speaker_id": k, "speaker": speakers[k].name}))
    return out, speakers
