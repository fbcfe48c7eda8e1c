"""The verb rule: a reporting verb, its subject as the source, and what it reports as the content.

The content is the verb's clause, infinitive, object or an adjacent quotation,
in either order ("X said that …", '"…," X said', "…, said X"); a colon after
the verb joins the cue ('Riddell continues: "…"'). A second "said" hung on the
reported clause ("X said … and said, '…'") is X's own attribution, not what
the first one reports.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from .. import cues
from ..spans import subtract
from .candidates import Cand, Range, char_ranges
from .context import Context
from .registry import rule
from .syntax import cue_group, find_subject, noun_before_who, said_again, source_tokens

_ANONYMITY = re.compile(
    r"(?:asked|requested|spoke|speaking|talked|talking)\s+(?:not\s+to\s+be\s+(?:named|identified)|on\s+(?:the\s+)?condition)",
    re.IGNORECASE,
)


@rule("verbs", order=10)
def verbs(ctx: Context) -> list[Cand]:
    """A reporting verb with its subject (the source) and what it reports (the content)."""
    out: list[Cand] = []
    for v in ctx.doc:
        if v.pos_ not in ("VERB", "AUX") and not (v.pos_ == "NOUN" and v.tag_ == "VBZ"):
            continue
        lemma = v.lemma_.lower()
        lemma = cues.LEMMA_FIX.get(lemma, lemma)
        speech = lemma in cues.SPEECH
        cog = lemma in cues.COGNITION
        quote_only = lemma in cues.QUOTE_ONLY
        if not (speech or cog or quote_only):
            continue
        if v.dep_ in ("amod", "compound", "nmod", "npadvmod", "pobj", "dobj", "nsubj", "attr"):
            continue
        if v.dep_ == "acl" and v.tag_ in ("VBN", "VBG"):
            continue
        if v.pos_ == "AUX" and lemma not in ("say",):
            continue
        cand = _verb_candidate(ctx, v, lemma, speech, cog, quote_only)
        if cand is not None:
            out.append(cand)
    return out


def _verb_candidate(ctx: Context, v: Token, lemma: str, speech: bool, cog: bool, quote_only: bool) -> Cand | None:
    """The attribution the reporting verb ``v`` makes, if any."""
    if _ANONYMITY.match(ctx.text, v.idx):
        return None  # "asked not to be named": why a source is anonymous, not what it says
    subj, passive = find_subject(ctx, v)
    agent = None
    if passive:
        for c in v.children:
            if c.dep_ == "agent":
                agent = next((g for g in c.children if g.dep_ == "pobj"), None)
        if agent is None or not speech:
            return None
    group = cue_group(ctx, v)
    cue_toks = list(group)
    content_toks: list[Token] = []
    content_ranges: list[Range] = []
    kids = list(v.children)
    # "X, who has led the union, said …": that clause is the source's, not what was said
    clause = [c for c in kids if c.dep_ in ("ccomp", "csubj") and c is not subj
              and noun_before_who(c, v) is None]
    xcomp = [c for c in kids if c.dep_ == "xcomp"]
    dobj = [c for c in kids if c.dep_ in ("dobj",)]
    prep = [c for c in kids if c.dep_ == "prep"]
    # verb + preposition: "called for", "referring to"
    vp = cues.VERB_PREP.get(lemma, ())
    prep_obj = None
    for p in prep:
        if p.lower_ in vp and p.i == max(t.i for t in cue_toks) + 1:
            obj = next((g for g in p.children if g.dep_ in ("pobj", "pcomp")), None)
            if obj is not None:
                cue_toks.append(p)
                prep_obj = obj
                break
    if lemma in cues.PREP_ONLY and prep_obj is None:
        return None
    for c in clause:
        # a second "said" hung on the clause is its own attribution, not what was said
        again = {k.i for k in c.children if said_again(k)}
        if again:
            first = min(again)
            again |= {k.i for k in c.children if k.dep_ in ("cc", "punct") and k.i < first and k.i > c.i
                      and all(j.i < k.i or j.i >= first for j in c.children if j.dep_ not in ("cc", "punct"))}
        content_toks += ctx.subtree(c, stop=again, anchor=v)
    for c in xcomp:
        if any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children) or c.tag_ == "VBG":
            if lemma in cues.RAISING:
                continue
            content_toks += ctx.subtree(c, anchor=v)
    if prep_obj is not None:
        content_toks += ctx.subtree(prep_obj, anchor=v)
    if speech and not content_toks and dobj and lemma not in cues.RECIPIENT_OBJECT | cues.NO_OBJECT:
        d = dobj[0]
        content_toks += ctx.subtree(d, anchor=v)
        for c in kids:
            if c.dep_ in ("oprd",) or (c.dep_ == "prep" and c.i > d.i and c.lower_ in ("of", "for", "as")):
                content_toks += ctx.subtree(c, anchor=v)
    if passive and agent is not None and not content_toks and subj is not None:
        content_toks += ctx.subtree(subj, anchor=v)
    # the colon after the verb group joins the cue
    last = max(t.i for t in cue_toks)
    nxt = last + 1
    if nxt < len(ctx.doc) and ctx.doc[nxt].text == ":":
        cue_toks.append(ctx.doc[nxt])
    src_toks: list[Token] = []
    if agent is not None:
        src_toks = ctx.subtree(agent, anchor=v)
    elif subj is not None and not passive:
        src_toks = source_tokens(ctx, subj) if subj.head is v else ctx.subtree(subj, anchor=v)
        if subj.head is not v:
            src_toks = [t for t in src_toks if t.i < subj.head.i or t.i > subj.head.i]
            # a subject inherited from a governing verb: its own tokens only
            src_toks = [t for t in src_toks if t.i <= max(x.i for x in source_tokens(ctx, subj))] if src_toks else []
    if not src_toks:
        # no source: PolNeAR rarely agrees (2 of 94 on dev)
        return None
    cue_r = char_ranges(cue_toks)
    src_r = char_ranges(src_toks)
    frame = cue_r + src_r
    content_ranges = char_ranges(content_toks) if content_toks else []
    adj = ctx.adjacent_quote(frame)
    if quote_only and not adj and not (cue_toks[-1].text == ":" and content_ranges):
        return None
    if not content_ranges:
        if not adj:
            return None
        if cog and not speech:
            return None
        content_ranges = [(q.start, q.end) for q in adj]
    else:
        # a quote the content touches belongs to it whole
        for q in adj:
            content_ranges.append((q.start, q.end))
    content_ranges = ctx.extend_quotes(content_ranges, frame)
    content_ranges = subtract(content_ranges, frame)
    content_ranges = ctx.cut_tail(content_ranges)
    if not content_ranges:
        return None
    via = "colon" if cue_toks[-1].text == ":" else "cue"
    return Cand(cue_r, src_r, content_ranges, via, 0, v.i)
