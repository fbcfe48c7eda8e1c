"""Continuations: a quotation right after an attributed quotation, with no cue of its own, is
more content of the same attribution."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort

from ..spanindex import RangeIndex
from ..spans import inside
from .candidates import Cand
from .context import Context

_ABBREV = re.compile(
    r"\b(?:[A-Z]|Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Jr|Sr|St|Lt|Col|Sgt|Capt|Prof|Rev|Inc|Co|Corp|Ltd|Jan|Feb|Aug|Sept|Oct|Nov|Dec)\."
)


def add_continuations(ctx: Context, kept: list[Cand]) -> list[Cand]:
    """A quote with no cue of its own right after an attributed quote joins its content.

    Attributions whose cue lies inside such a quote are speech reported by
    the quoted speaker, nested in the continuation, and are dropped."""
    dropped: set[int] = set()
    n = len(kept)
    # indexes over kept (by position k): where cues start, every range, and where each ends
    cue_starts = sorted((min(a for a, _ in c.cue), k) for k, c in enumerate(kept) if c.cue)
    ranges = RangeIndex([(a, b, k) for k, c in enumerate(kept) for a, b in c.all_ranges()])
    end_of = {k: max(b for _, b in c.all_ranges()) for k, c in enumerate(kept) if c.via in ("cue", "colon")}
    ends = sorted((e, k) for k, e in end_of.items())
    for q in ctx.quotes.doubles:
        qr = [(q.start, q.end)]
        inner = {
            k
            for _, k in cue_starts[bisect_left(cue_starts, (q.start, -1)) : bisect_left(cue_starts, (q.end, -1))]
            if inside(kept[k].cue, qr)
        }
        inner_cands = [kept[k] for k in inner]
        # a range of another attribution overlaps this quote (extras are earlier quotes: none do)
        if any(k not in inner and id(kept[k]) not in dropped for k in ranges.overlapping(q.start, q.end)):
            continue
        inner_text = ctx.text[q.start : q.end]
        if len(inner_text.split()) < 3 and not re.search(r"[.!?,][”\"']*$", inner_text):
            continue
        # the attribution that ends last before this quote (the first such in reading order)
        i = bisect_right(ends, (q.start, n)) - 1
        if i < 0:
            continue
        i = bisect_left(ends, (ends[i][0], -1))
        prev_end, p = ends[i]
        prev = kept[p]
        gap = _ABBREV.sub("X", ctx.text[prev_end : q.start])
        # only the rest of the cue's sentence ("…,” said X at a briefing.) may lie between
        if gap.count("\n") > 2 or not re.fullmatch(r"[^.!?\n“\"]{0,80}[.!?]?\s*", gap):
            continue
        if not ctx.quotes.overlapping(
            min(a for a, _ in prev.content), max(b for _, b in prev.content), doubles_only=True
        ):
            continue
        prev.extra.append((q.start, q.end))
        del ends[i]
        end_of[p] = max(prev_end, q.end)
        insort(ends, (end_of[p], p))
        for k in inner:
            if id(kept[k]) not in dropped and k in end_of:
                ends.remove((end_of.pop(k), k))
        dropped.update(id(c) for c in inner_cands)
    return [c for c in kept if id(c) not in dropped]
