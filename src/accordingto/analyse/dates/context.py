"""What every resolver reads: the text, the parsed Doc, the publication date and the tense.

:meth:`Context.nearest` places a partial date ("June 20", "in May", "Labor Day") in a
year: after "since" the latest occurrence on or before publication; in the future tense
the next one on or after it; in the present tense, for a day, the occurrence nearest
publication; otherwise this year's, or last year's where this year's is more than
:data:`AHEAD_DAYS` days after publication. A year with no such day (Feb. 29, an
Inauguration Day outside an inauguration year) is passed over.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from spacy.tokens import Doc, Token

from .resolved import Range
from .tense import tense_of

__all__ = ["AHEAD_DAYS", "Context"]

# A partial date more than this many days after publication is last year's (not in the future tense).
AHEAD_DAYS = 61


class Context:
    def __init__(self, doc: Doc, text: str, pub: date | None):
        self.doc = doc
        self.text = text
        self.pub = pub
        self._tense: dict[tuple[int, int], str | None] = {}

    def token(self, start: int, end: int) -> Token | None:
        """The root token of the characters start…end (expanded to whole tokens)."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return span.root if span is not None and len(span) else None

    def tense(self, start: int, end: int) -> str | None:
        """"future", "present", "past" or None: the tense of the clause the expression sits in."""
        key = (start, end)
        if key not in self._tense:
            tok = self.token(start, end)
            self._tense[key] = tense_of(tok) if tok is not None else None
        return self._tense[key]

    def word_before(self, start: int) -> str:
        m = re.search(r"([A-Za-z]+)\W*$", self.text[max(0, start - 30) : start])
        return m.group(1).lower() if m else ""

    def nearest(self, fn: Callable[[int], Range | None], start: int, end: int, day: bool = False) -> Range | None:
        """A partial date (fn: year → range, None in a year without one) placed by publication and tense."""
        pub = self.pub
        if pub is None:
            return None
        if self.word_before(start) == "since":  # the latest occurrence on or before publication
            for y in range(pub.year, pub.year - 5, -1):
                if (r := fn(y)) and r[0] <= pub:
                    return r
            return None
        tense = self.tense(start, end)
        if day and tense == "present":
            options = [r for y in (pub.year - 1, pub.year, pub.year + 1) if (r := fn(y))]
            if options:
                return min(options, key=lambda r: abs((r[0] - pub).days))
        if tense == "future":
            for y in range(pub.year, pub.year + 5):
                r = fn(y)
                if r and r[1] >= pub:
                    return r
            return None
        for y in range(pub.year, pub.year - 5, -1):  # back over years with no such day (Feb. 29)
            r = fn(y)
            if r is None:
                continue
            if y == pub.year and r[0] > pub + timedelta(days=AHEAD_DAYS):
                continue
            return r
        return None
