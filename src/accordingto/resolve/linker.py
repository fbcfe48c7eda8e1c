"""The linker: every attribution's source to one entity of the article, and those entities as speakers.

:func:`resolve` builds the article's entities (:mod:`.entities`), then links each source in turn:
a pronoun to what it refers back to (:mod:`.coref`), several speakers or part of a group to their
entity (:mod:`.groups`), a name or a nominal to its entity (:mod:`.phrases`, :mod:`.entities`), a
first person to the speaker of the quotation around it. Every entity that some source resolves to
becomes a :class:`~accordingto.schema.Speaker`.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from ..schema import Attribution, Mention, Speaker
from . import coref
from .roles import Describer
from .canonical import canonical_name, finish_named
from .entities import build
from .nominals import link_nominal, named_apposite, new_nominal, source_nominal
from .registry import Entity, Registry
from .mentions import Cand, DocInfo, category_of, head_of, make_cand, pronoun_info
from . import lexicon as lx
from . import types as tp
from .lexicon import PRONOUNS as lx_pronouns
from .groups import coordination, partitive_antecedent, partitive_pronoun, recent_coordination
from .phrases import (
    headline_noun,
    headline_subject,
    link_unlabelled_name,
    looks_like_name,
    qualified_group,
    relative_antecedent,
    trim_phrase,
)


_NO_ONE = frozenset({"no one", "nobody", "no - one", "no-one"})
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
        if head is None or " ".join(t.lower_ for t in tokens) in _NO_ONE:
            continue  # "no one said …": a claim that nobody makes has no speaker
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
            e = relative_antecedent(reg, head)
            if e is None and head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.i != head.i:
                return partitive_antecedent(reg, head.head.head)  # "most of whom"
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
    e = partitive_pronoun(reg, a, tokens, head)
    if e is not None:
        return e
    # "most of whom", "many of whom": the people the relative pronoun stands for
    if any(t.lower_ in ("whom", "which") and t.dep_ == "pobj" and t.head.head.i == head.i for t in tokens):
        e = partitive_antecedent(reg, head)
        if e is not None:
            return e
    # a headline source that runs on past its name into the verb: "Ines Ortega Slams Ferry Deal"
    e = headline_subject(reg, tokens)
    if e is not None:
        return e
    # several speakers: "Sens. Jon Tester and David Vitter", "France and Germany"
    e = coordination(reg, tokens)
    if e is not None:
        return e
    # a name, or a phrase around a name: "lawyer Sean J. Riddell", "A spokesman, John Smith"
    hit = reg.at(head.i)
    qualified = hit is not None and hit[0].named and qualified_group(info, tokens, head, hit[0])
    if hit is not None and hit[0].named and not qualified:
        return hit[0]
    if hit is not None and (hit[0].named or hit[1].head != head.i):
        hit = None  # a qualified group ("skittish Democrats"), or a word of another phrase
    if head.pos_ == "NOUN":
        e = named_apposite(reg, head, within={t.i for t in tokens}) or _called(reg, head, tokens)
        if e is not None:
            return e
    headline = headline_noun(info, a, head)
    if hit is None and not headline and not qualified and looks_like_name(info, tokens, head):
        return link_unlabelled_name(reg, tokens, head)
    # a nominal: its own noun phrase, or what it refers back to
    phrase = trim_phrase(tokens, head)
    c = source_nominal(info, phrase)
    if c is None:
        return None
    c.given = phrase[-1].i == tokens[-1].i
    group = recent_coordination(reg, c)
    if group is not None:
        e = group
        reg.attach(e, c)
    elif hit is not None:
        e = hit[0]
        reg.attach(e, c)
    else:
        e = link_nominal(reg, c, headline=headline)
        if e is None and _one_person(c):
            # "The dean of the journalism school" … "the dean, Steve Coll": the one person the article
            # gives that role, before or after; else, as a pronoun would ("the billionaire business mogul")
            e = _role_holder(reg, c)
            if e is None and c.det == "the":
                e = coref.resolve_epithet(c, reg.entities)
        if e is None:
            e = reg.new(new_nominal(c))
        else:
            reg.attach(e, c)
    if qualified and e.type == "unknown":
        e.type, e.label, e.plural = "group", "group", True
    if not e.named and not e.fixed_name and set(canonical_name(e, info).lower().split()) & _OWNER_PRONOUNS:
        name = _pronoun_owner_name(reg, a, phrase)
        if name:
            e.fixed_name = name
    _name_owner(reg, a, e)
    return e


def _one_person(c: Cand) -> bool:
    """A definite description of one person ("The Democratic front-runner and former secretary of
    state", "Columbia's dean"): it names someone the text names."""
    if c.det not in ("the", "poss") or c.plural or c.lemma in lx.ANONYMOUS_NOUNS:
        return False
    return tp.nominal_type(c.label, c.lemma, c.plural, c.text) == "person"


_NAMING_VERBS = frozenset({"call", "name", "dub", "know"})


def _called(reg: Registry, head: Token, tokens: list[Token]) -> Entity | None:
    """ "a pro-Islamic State group that calls itself Asawitiri Media", "an outfit known as X": the
    name the phrase gives its head, where it is a named entity of the article."""
    within = {t.i for t in tokens}
    for verb in head.children:
        if verb.dep_ not in ("relcl", "acl") or verb.lemma_ not in _NAMING_VERBS:
            continue
        for t in verb.subtree:
            if t.i in within and t.i > verb.i and t.pos_ == "PROPN":
                hit = reg.at(t.i)
                if hit is not None and hit[0].named:
                    e = hit[0]
                    if e.type == "person" and category_of(head)[0] == "organisation":
                        e.type = "organisation"  # what the phrase calls it says more than NER's label
                    return e
    return None


def _role_holder(reg: Registry, c: Cand) -> Entity | None:
    holders = [e for e in reg.entities if e.named and e.type == "person" and coref.same_role(c.lemma, e.roles)]
    return holders[0] if len(holders) == 1 else None


def _name_owner(reg: Registry, a: Attribution, e: Entity) -> None:
    """An unnamed speaker whose name has a pronoun in it ("his income tax returns", reached from a
    "they"): the pronoun replaced by the name it stands for, read where that mention stands."""
    info = reg.info
    if e.named or e.fixed_name or not set(canonical_name(e, info).lower().split()) & _OWNER_PRONOUNS:
        return
    name = canonical_name(e, info)
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
        name = canonical_name(e, info)
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
