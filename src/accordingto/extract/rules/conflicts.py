"""Conflicts between candidates: the outermost of nested candidates wins, and one per cue.

A candidate whose cue lies inside another's content is speech the other
reports ('"…," she said he told her'): it is dropped, unless its cue sits in a
relative clause, which attributes a modifier, not the clause around it. Then,
of candidates whose cues overlap, the one with the lowest rank (then the
earliest cue) is kept.
"""

from __future__ import annotations

from bisect import bisect_left, insort

from ..spanindex import RangeIndex
from ..spans import inside
from .candidates import Cand, Range
from .context import Context
from .syntax import in_relative_clause


def settle(ctx: Context, cands: list[Cand]) -> list[Cand]:
    """The candidates that survive: the outermost of nested ones, one per cue (lower rank, then
    earlier cue, first)."""
    # outermost wins: drop a candidate whose cue lies inside another's content
    contents = RangeIndex([(a, b, o) for o in cands if o.via != "block" for a, b in o.content])
    keep = []
    for c in cands:
        nested = False
        if c.anchor >= 0 and in_relative_clause(ctx.doc[c.anchor]):
            keep.append(c)
            continue
        for o in contents.containing(*c.cue[0]) if c.cue else ():
            if o is c:
                continue
            if inside(c.cue, o.content) and not inside(o.cue, c.content):
                nested = True
                break
        if not nested:
            keep.append(c)
    keep.sort(key=lambda c: (c.rank, c.cue[0][0]))
    out: list[Cand] = []
    taken: list[Range] = []  # the cue ranges of out, sorted
    widest = 0
    for c in keep:
        if any(
            taken[i][1] > a
            for a, b in c.cue
            for i in range(bisect_left(taken, (b,)) - 1, bisect_left(taken, (a - widest,)) - 1, -1)
        ):
            continue
        out.append(c)
        for r in c.cue:
            insort(taken, r)
            widest = max(widest, r[1] - r[0])
    return out
