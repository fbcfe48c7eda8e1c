"""Reporting verbs the parser missed, read from the words around them.

- ``parenthetical``: "Among them, TheDC notes, were …": a verb between commas;
- ``surface``: 'A sign … read, “…”' when the tagger took the verb for a noun.
"""

from __future__ import annotations

from .. import cues
from .candidates import Cand, char_ranges
from .context import Context
from .registry import rule


@rule("parenthetical", order=40)
def parenthetical(ctx: Context) -> list[Cand]:
    """', TheDC notes, were …': a reporting verb between commas the parser missed."""
    out: list[Cand] = []
    doc = ctx.doc
    for v in doc:
        if v.lower_ not in cues.PARENTHETICAL:
            continue
        if v.i + 1 >= len(doc) or doc[v.i + 1].text != ",":
            continue
        j = v.i - 1
        while j >= 0 and doc[j].text != "," and v.i - j <= 6 and not doc[j].is_sent_start:
            if doc[j].pos_ in ("VERB",) or doc[j].text in '."“”':
                break
            j -= 1
        if j < 0 or doc[j].text != "," or j == v.i - 1:
            continue
        src = [doc[k] for k in range(j + 1, v.i)]
        if not any(t.pos_ in ("PROPN", "NOUN", "PRON") for t in src):
            continue
        sent = v.sent
        before = [t for t in sent if t.i < j]
        after = [t for t in sent if t.i > v.i + 1]
        content = char_ranges(before) + char_ranges(after)
        if not before or not after:
            continue
        out.append(Cand(char_ranges([v]), char_ranges(src), content, "cue", 2, v.i))
    return out


@rule("surface", order=50)
def surface(ctx: Context) -> list[Cand]:
    """'A sign in front of the guillotine read, “…”': a reporting verb the tagger
    took for a noun, read from the words: subject, verb, comma or colon, quote."""
    out: list[Cand] = []
    doc = ctx.doc
    taken = {c.anchor for c in ctx.cands}
    for v in doc:
        if v.i in taken or v.lower_ not in cues.SURFACE_FORMS or v.pos_ == "VERB":
            continue
        if v.i + 2 >= len(doc) or doc[v.i + 1].text not in (",", ":"):
            continue
        q = ctx.quotes.at(doc[v.i + 2].idx)
        if q is None or q.single or q.start != doc[v.i + 2].idx:
            continue
        sent = v.sent
        src = [t for t in sent if t.i < v.i and not t.is_space]
        if not src or len(src) > 12 or any(t.pos_ in ("VERB", "AUX") for t in src):
            continue
        if not any(t.pos_ in ("NOUN", "PROPN", "PRON") for t in src):
            continue
        out.append(Cand(char_ranges([v]), char_ranges(src), [(q.start, q.end)], "cue", 2, v.i))
    return out
