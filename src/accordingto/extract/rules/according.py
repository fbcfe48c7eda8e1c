"""The "according to" rule: "according to X" (source X, content the clause it modifies)."""

from __future__ import annotations

from ..spans import subtract
from .candidates import Cand, char_ranges
from .context import Context
from .registry import rule


@rule("according_to", order=20)
def according_to(ctx: Context) -> list[Cand]:
    """"According to X": the source X, the cue "according to", the content the clause it modifies."""
    out: list[Cand] = []
    for t in ctx.doc:
        if t.lower_ != "according" or t.i + 1 >= len(ctx.doc) or ctx.doc[t.i + 1].lower_ != "to":
            continue
        to = ctx.doc[t.i + 1]
        pobj = next((g for g in to.children if g.dep_ == "pobj"), None)
        if pobj is None:
            pobj = next((g for g in t.children if g.dep_ == "pobj"), None)
        if pobj is None:
            continue
        src = ctx.subtree(pobj, anchor=t)
        cue_r = [(t.idx, to.idx + len(to.text))]
        src_r = char_ranges(src)
        # content: the clause "according to" modifies, within its sentence
        sent = t.sent
        head = t.head
        while head.dep_ not in ("ROOT",) and head.pos_ not in ("VERB", "AUX") and head.head is not head:
            head = head.head
        body = ctx.subtree(head, anchor=t) if head.i != t.i else list(sent)
        body = [x for x in body if sent.start <= x.i < sent.end]
        phrase = {x.i for x in ctx.subtree(t, anchor=t)} | {t.i, to.i} | {x.i for x in src}
        rest = [x for x in body if x.i not in phrase]
        if not rest:
            continue
        content = char_ranges(rest)
        content = subtract(content, cue_r + src_r)
        out.append(Cand(cue_r, src_r, content, "according_to", 1, t.i))
    return out
