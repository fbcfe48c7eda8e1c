"""Resolution: which real speaker each source is.

:func:`resolve` links every attribution's source to one entity of the article
(see :mod:`.entities`): a name to its cluster of names (:mod:`.aliases`), a
pronoun or a definite nominal to what it refers back to (:mod:`.coref`), any
other noun phrase to itself; the type of each comes from :mod:`.types`. Every
entity that some source resolves to becomes a :class:`~accordingto.schema.Speaker`.
"""

from __future__ import annotations

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
    make_cand,
    nominal_category,
    pronoun_info,
)
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
        e = _link(reg, a, tokens, head, p)
        if e is not None:
            _credit(e, i, a, linked)
    for i, head in firsts:
        e = _enclosing_speaker(info, head.idx, attributions, linked)
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


def _link(reg: Registry, a: Attribution, tokens: list[Token], head: Token, p) -> Entity | None:
    """The entity a source refers to, its mention added to the entity; None when unknown."""
    info = reg.info
    if p is not None:
        kind, gender, plural = p
        if kind == "second":
            return None
        if kind == "relative":
            e = _relative_antecedent(reg, head)
        else:
            exclude = [(s.start, s.end) for s in a.content]
            e = coref.resolve_personal(
                head.idx, info.sent_of[head.i], info.in_quote(head.idx), gender, plural, reg.entities, exclude
            )
            if e is not None and gender in ("m", "f") and e.gender is None:
                e.gender = gender  # pronoun history
        if e is not None:
            reg.attach(e, _pronoun_cand(info, head))
        return e
    # a name, or a phrase around a name: "lawyer Sean J. Riddell", "A spokesman, John Smith"
    hit = reg.at(head.i)
    if hit is not None and hit[0].named:
        return hit[0]
    if head.pos_ == "NOUN":
        e = named_apposite(reg, head, within={t.i for t in tokens})
        if e is not None:
            return e
    headline = _headline_noun(info, a, head)
    if hit is None and not headline and _looks_like_name(info, tokens, head):
        return _link_unlabelled_name(reg, tokens, head)
    # a nominal: its own noun phrase, or what it refers back to
    c = source_nominal(info, _trim_phrase(tokens, head))
    if c is None:
        return None
    if hit is not None:
        reg.attach(hit[0], c)
        return hit[0]
    e = link_nominal(reg, c, headline=headline)
    if e is None:
        e = reg.new(new_nominal(c))
    else:
        reg.attach(e, c)
    return e


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
    """The source phrase up to a comma or relative clause after its head ("A city employee who …")."""
    out = []
    for t in tokens:
        if t.i > head.i and (t.text in (",", "(", "—", "–") or t.dep_ == "relcl" or _relative_word(t)):
            break
        out.append(t)
    return out


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
    c = make_cand(info, list(doc[lo : hi + 1]), "name", "")
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
    hit = reg.at(noun.i)
    if hit is not None:
        return hit[0]
    # an unregistered noun phrase: an entity of its own (not an unknown proper name)
    c = source_nominal(reg.info, list(reg.info.doc[noun.left_edge.i : noun.i + 1]))
    if c is None or (noun.pos_ == "PROPN" and c.label == "unknown"):
        return None
    return reg.new(new_nominal(c))


def _personlike(noun: Token, e: Entity | None) -> bool:
    if e is not None:
        return e.type in ("person", "group", "anonymous")
    if noun.ent_type_ in ("PERSON", "NORP"):
        return True
    return category_of(noun, guess=False)[0] in ("person", "group", "anonymous")


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
