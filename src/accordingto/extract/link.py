"""Linking: tie tagged sources, cues and contents into attributions.

Every attribution has exactly one cue (PolNeAR's cues are never split), so cues
anchor attributions. Each content goes to the nearest cue of its own sentences
(a cue inside or next to it: "…, a source said", "X said that …"); failing
that, to a cue in the sentence just before it that ends with a colon or
introduces it, or in the sentence just after. Each source goes to the nearest
cue of its sentence, preferring the cue right after it ("X said") and then
the one right before ("said X"). Cues left with no content are dropped:
a cue alone asserts nothing.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

Fragment = tuple[int, int]


@dataclass
class Linked:
    cue: Fragment
    source: list[Fragment] = field(default_factory=list)
    content: list[Fragment] = field(default_factory=list)


class Sentences:
    """Sentence lookup by character offset."""

    def __init__(self, bounds: list[Fragment]):
        self.bounds = sorted(bounds)
        self.starts = [s for s, _ in self.bounds]

    def index(self, offset: int) -> int:
        return max(0, bisect_right(self.starts, offset) - 1)

    def range(self, span: Fragment) -> tuple[int, int]:
        return self.index(span[0]), self.index(max(span[0], span[1] - 1))


def _gap(a: Fragment, b: Fragment) -> int:
    """Characters between two spans (0 when they touch or overlap)."""
    return max(0, max(a[0], b[0]) - min(a[1], b[1]))


_OPENING_QUOTES = "\"“‘'«"


def _neighbour_cue(content: Fragment, lo: int, hi: int, candidates, sents: Sentences, text: str) -> list[int]:
    """A cue in the sentence before (when it introduces the content) or after (same paragraph).

    The sentence before introduces the content when it ends with a colon
    ('Riddell continues:') or when the content is a quote that runs on from
    it in the same paragraph ('"…," Oyelaran said. "But …"').
    """
    before = candidates(lo - 1, lo - 1)
    if before:
        prev_start, prev_end = sents.bounds[lo - 1]
        gap = text[prev_end : content[0]]
        introduces = text[prev_start:prev_end].rstrip().endswith(":")
        runs_on = text[content[0]] in _OPENING_QUOTES and "\n" not in gap
        if introduces or runs_on:
            return before[-1:]
    after = candidates(hi + 1, hi + 1)
    if after and hi + 1 < len(sents.bounds):
        if "\n" not in text[content[1] : sents.bounds[hi + 1][0]]:
            return after[:1]
    return []


def link(spans: dict[str, list[Fragment]], sentences: list[Fragment], text: str) -> list[Linked]:
    """Attributions (cue, sources, contents) from role spans and sentence bounds."""
    sents = Sentences(sentences)
    cues = sorted(spans.get("cue", []))
    linked = [Linked(cue=c) for c in cues]
    cue_sent = [sents.range(c)[0] for c in cues]

    def candidates(lo: int, hi: int) -> list[int]:
        return [i for i, s in enumerate(cue_sent) if lo <= s <= hi]

    for content in sorted(spans.get("content", [])):
        lo, hi = sents.range(content)
        pool = candidates(lo, hi)
        if not pool:
            pool = _neighbour_cue(content, lo, hi, candidates, sents, text)
        if not pool:
            continue
        best = min(pool, key=lambda i: _gap(cues[i], content))
        linked[best].content.append(content)

    # sources: each cue takes at most one, the closest in its sentence
    taken: set[int] = set()
    for source in sorted(spans.get("source", [])):
        lo, hi = sents.range(source)
        pool = [i for i in candidates(lo, hi) if i not in taken and linked[i].content]
        if not pool:
            continue

        def cost(i: int) -> tuple[int, int]:
            cue = cues[i]
            # a cue that follows the source closely is the usual order; a content between them is not
            between = [c for c in linked[i].content if min(cue[1], source[1]) <= c[0] < max(cue[0], source[0])]
            return (1 if between else 0, _gap(cue, source) + (0 if cue[0] >= source[1] else 2))

        best = min(pool, key=cost)
        linked[best].source.append(source)
        taken.add(best)
    return [a for a in linked if a.content]
