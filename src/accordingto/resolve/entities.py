"""Entities: everyone and everything in the article that could be a speaker, with all its mentions.

:func:`build` groups the named mentions (via :mod:`.aliases`), finds the other
places that name them (last names and abbreviations in running text:
:mod:`.name_mentions`), and chains the nominal ones ("a cease-and-desist
letter" … "the letter", "Mayor Ted Wheeler" … "the mayor": :mod:`.nominals`);
the entities live in a :class:`~.registry.Registry`, their names and types
come from :mod:`.canonical`. Only the entities that some attribution's source
resolves to become speakers.
"""

from __future__ import annotations

from . import aliases
from . import lexicon as lx
from .mentions import Cand, DocInfo, headline_name, make_cand, named_candidates, nominal_candidates
from .registry import Entity, Registry
from .canonical import finish_named
from .name_mentions import complete_names, expand_acronyms, repeat_names, scan_aliases
from .nominals import chain_nominals


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
    complete_names(reg)
    repeat_names(reg)
    expand_acronyms(reg)
    scan_aliases(reg)
    chain_nominals(reg, nominals)
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
