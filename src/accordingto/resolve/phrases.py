"""Reading a source's noun phrase: headline subjects, names spaCy gave no entity label, qualified groups, relative pronouns and what they stand for."""

from __future__ import annotations

from spacy.tokens import Token

from ..schema import Attribution
from . import aliases
from .canonical import finish_named
from .groups import coordination
from .nominals import named_apposite, new_nominal, source_nominal
from .registry import Entity, Registry
from .mentions import NOMINAL_WORDS, DocInfo, category_of, headline_name, make_cand, nominal_category
from . import lexicon as lx
from .lexicon import RELATIVE_PRONOUNS
from .types import is_outlet_name


def headline_subject(reg: Registry, tokens: list[Token]) -> Entity | None:
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


def qualified_group(info: DocInfo, tokens: list[Token], head: Token, e: Entity) -> bool:
    """ "Republicans on the House Financial Services Committee", "skittish Democrats": a named group
    with words that pick out some of it is a group of its own, named by its phrase."""
    if e.label != "NORP" or head.tag_ not in ("NNPS", "NNS") or not any(t.i == head.i for t in tokens):
        return False
    for t in trim_phrase(tokens, head):
        if t.i == head.i or t.is_punct or t.lower_ in lx.DETERMINERS or t.lower_ in lx.QUANTITY_WORDS:
            continue
        if (t.pos_ == "ADJ" and t.i < head.i) or (t.dep_ in ("prep", "relcl", "acl") and t.i > head.i):
            return True
    return False


def headline_noun(info: DocInfo, a: Attribution, tok: Token) -> bool:
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


def looks_like_name(info: DocInfo, tokens: list[Token], head: Token) -> bool:
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


def trim_phrase(tokens: list[Token], head: Token) -> list[Token]:
    """The source phrase up to a comma after its head, or up to a relative clause about the source's
    anonymity ("A city employee who asked not to be named"); a restrictive relative clause stays
    ("all the experts I interviewed", "leaders who have been the most strident opponents").
    A preposition the span starts with is left out."""
    out = []
    for k, t in enumerate(tokens):
        if not out and t.i < head.i and t.pos_ == "ADP" and t.lower_ in _LEADING_PREPOSITIONS:
            continue  # "from the Senate banking committee": the committee; "in media reports": the reports
        if t.i > head.i and t.text in (",", "(", "—", "–", "--"):
            break
        if t.i > head.i and (t.dep_ == "relcl" or _relative_word(t)):
            rest = " ".join(w.lower_ for w in tokens[k:])
            if any(w in rest for w in _ANONYMITY_WORDS):
                break
        out.append(t)
    return out


_LEADING_PREPOSITIONS = ("from", "by", "with", "of", "in")
_ANONYMITY_WORDS = ("named", "anonymity", "identified", "authorized", "authorised", "publicly", "on the record")


def _relative_word(t: Token) -> bool:
    return t.tag_ in ("WP", "WDT", "WP$") and t.lower_ in RELATIVE_PRONOUNS


def link_unlabelled_name(reg: Registry, tokens: list[Token], head: Token) -> Entity | None:
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


def relative_antecedent(reg: Registry, tok: Token) -> Entity | None:
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
    # "such as Fox News and the Drudge Report, which devoted …": after a comma, the whole coordination
    if noun.dep_ == "conj" and tok.i > 0 and reg.info.doc[tok.i - 1].text == ",":
        first = noun
        while first.dep_ == "conj" and first.head.i < first.i:
            first = first.head
        e = coordination(reg, list(reg.info.doc[first.left_edge.i : noun.i + 1]))
        if e is not None:
            return e
    # "Alan Berger, a gynecologist who …": the noun is a name's apposition, and "who" the named person
    if noun.pos_ == "NOUN" and noun.dep_ == "appos":
        e = named_apposite(reg, noun)
        if e is not None:
            return e
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
