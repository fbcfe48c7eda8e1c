"""What every rule reads: the Doc, its text and quotes, the candidates so far, and the helpers
that keep a rule's tokens and ranges within a paragraph and whole quotations."""

from __future__ import annotations

import re
from bisect import bisect_left

from spacy.tokens import Doc, Token

from ..quotes import Quote, QuoteIndex
from ..spans import overlaps
from .candidates import Cand, Range

_TAIL = re.compile(r",\s+(?:which|although|though|even though)\b")

_NEWLINES: tuple = (None, [])  # the last text looked up, and where its line breaks are


def paragraph_of(text: str, offset: int) -> Range:
    """(start, end) of the line of ``text`` that holds ``offset``."""
    # bisect over the line breaks, found once per text: a scan from the offset
    # is quadratic on a text of one long line
    global _NEWLINES
    known, nl = _NEWLINES
    if known is not text:
        nl = [m.start() for m in re.finditer("\n", text)]
        _NEWLINES = (text, nl)
    k = bisect_left(nl, offset)
    return (nl[k - 1] + 1 if k else 0), (nl[k] if k < len(nl) else len(text))


class Context:
    """One Doc as the rules see it; ``cands`` holds what the rules run so far proposed."""

    def __init__(self, doc: Doc, text: str, quotes: QuoteIndex):
        self.doc = doc
        self.text = text
        self.quotes = quotes
        self.cands: list[Cand] = []

    def subtree(self, tok: Token, stop: set[int] | None = None, anchor: Token | None = None) -> list[Token]:
        """The subtree of ``tok`` within the paragraph of ``anchor`` (default ``tok``)."""
        stop = stop or set()
        out = []
        todo = [tok]
        while todo:
            t = todo.pop()
            if t.i in stop:
                continue
            out.append(t)
            todo.extend(t.children)
        p0, p1 = paragraph_of(self.text, (anchor or tok).idx)
        return [t for t in out if p0 <= t.idx < p1 and not t.is_space]

    def adjacent_quote(self, frame: list[Range]) -> list[Quote]:
        """The quotations right before or after the source+cue frame, if any."""
        lo = min(a for a, _ in frame)
        hi = max(b for _, b in frame)
        p0, p1 = paragraph_of(self.text, lo)
        best = []
        # only a quote within 3 characters of the frame can qualify
        for q in self.quotes.overlapping(max(p0, lo - 4), min(p1, hi + 4), doubles_only=True):
            if q.end <= lo:
                gap = self.text[q.end : lo]
                if len(gap) <= 3 and not re.search(r"\w", gap):
                    best.append(q)
            elif q.start >= hi:
                gap = self.text[hi : q.start]
                if len(gap) <= 3 and not re.search(r"\w", gap):
                    best.append(q)
        return best

    def cut_tail(self, ranges: list[Range]) -> list[Range]:
        """Leave out a trailing aside the author adds (", which …", ", although …"):
        PolNeAR keeps only what is clearly attributed."""
        if not ranges:
            return ranges
        ranges = sorted(ranges)
        a, b = ranges[-1]
        for m in _TAIL.finditer(self.text, a, b):
            if self.quotes.at(m.start()) is None and m.start() > a:
                return ranges[:-1] + [(a, m.start())]
        return ranges

    def extend_quotes(self, ranges: list[Range], frame: list[Range]) -> list[Range]:
        """Widen content to the whole of any double quotation it partly covers."""
        out = list(ranges)
        for a, b in ranges:
            for q in self.quotes.overlapping(a, b, doubles_only=True):
                if q.start < a or q.end > b:
                    if overlaps([(q.start, q.end)], frame):
                        continue
                    out.append((q.start, q.end))
        return out
