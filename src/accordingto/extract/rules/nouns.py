"""The noun rule: cue nouns with a possessive source or a support verb ("his promise to …",
"North Korea's claims about …", "Republicans expressed concern that …")."""

from __future__ import annotations

from spacy.tokens import Token

from .. import cues
from ..spans import subtract
from .candidates import Cand, char_ranges
from .context import Context
from .registry import rule
from .syntax import cue_group, find_subject, source_tokens


def _noun_content(ctx: Context, n: Token) -> tuple[list[Token], Token | None]:
    """The clause a cue noun introduces ("claim that …", "promise to …", "concern about …")."""
    for c in n.children:
        if c.i < n.i:
            continue
        if c.dep_ in ("acl", "ccomp", "relcl") and (
            any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
            or any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
        ):
            return ctx.subtree(c, anchor=n), None
        if c.dep_ == "prep" and c.lower_ in ("about", "on", "over", "that") and c.i == n.i + 1:
            obj = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
            if obj is not None:
                return ctx.subtree(obj, anchor=n), c
    return [], None


@rule("nouns", order=30)
def nouns(ctx: Context) -> list[Cand]:
    """Cue nouns: "His promises to …", "North Korea's claims about …",
    "Republicans have expressed concern that …"."""
    out: list[Cand] = []
    for n in ctx.doc:
        if n.pos_ != "NOUN" or n.lemma_.lower() not in cues.NOUN_CUES:
            continue
        content, prep = _noun_content(ctx, n)
        if not content:
            continue
        cue_toks = [n] + ([prep] if prep is not None else [])
        src: list[Token] = []
        poss = next((c for c in n.children if c.dep_ == "poss"), None)
        if poss is not None:
            case = [g for g in poss.children if g.dep_ == "case"]
            src = [t for t in ctx.subtree(poss, anchor=n) if t not in case]
            cue_toks += case
            cue_toks += [c for c in n.children if c.dep_ == "amod" and poss.i < c.i < n.i]
        elif n.dep_ == "dobj" and n.head.lemma_.lower() in cues.SUPPORT_VERBS:
            v = n.head
            subj, passive = find_subject(ctx, v)
            if subj is None or passive:
                continue
            src = source_tokens(ctx, subj) if subj.head is v else ctx.subtree(subj, anchor=v)
            cue_toks += cue_group(ctx, v) + [t for t in ctx.doc[v.i : n.i]]
        if not src:
            continue
        lo = min(t.i for t in cue_toks)
        hi = max(t.i for t in cue_toks)
        cue_r = [(ctx.doc[lo].idx, ctx.doc[hi].idx + len(ctx.doc[hi].text))]
        src_r = char_ranges(src)
        content_r = ctx.extend_quotes(char_ranges(content), cue_r + src_r)
        content_r = subtract(content_r, cue_r + src_r)
        if content_r:
            out.append(Cand(cue_r, src_r, content_r, "cue", 1, n.i))
    return out
