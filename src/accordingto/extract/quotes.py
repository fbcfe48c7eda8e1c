"""Quotation marks: pair opening and closing marks into quotes.

Pairing works paragraph by paragraph, so one stray mark cannot derail the
rest of the article. Curly marks say which way they face; a straight ``"``
(or a doubled ``''``/``````) is read from the characters around it.
Apostrophes ("Agents' Lives", "don't") are never taken for quotation marks:
only double marks open a quote, and single marks (‘…’, '…') are paired
only where they clearly open and close, outside any double quote.

A quote left open at the end of its paragraph runs to the end of that
paragraph (``closed=False``): the newspaper convention for a quote that goes
on in the next paragraph, which opens with a new mark.

Extraction and the analyses ask :func:`quote_index` (or :func:`paired_quotes`)
for a Doc's quotes: they are paired once per Doc and kept in ``doc.user_data``
as plain tuples of ints, which a ``DocBin`` serialises. Speaker resolution
still reads the marks its own, looser way (:func:`quote_stretches`, also
computed once per Doc), for the reason given there.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc

from ..doctext import doc_text

OPENERS = "“„«"
CLOSERS = "”»"
SINGLE_OPEN = "‘"
SINGLE_CLOSE = "’"
_BEFORE_OPEN = set(" \t\n\r\u00a0([{—–-/:;,")  # a straight mark after these opens
_AFTER_CLOSE = set(" \t\n\r\u00a0)]}.,;:!?—–-/…")  # a straight mark before these closes

# double marks: curly, straight, and the doubled ASCII forms `` and ''
_DOUBLE = re.compile(r"``|''|[\"“”„«»]")


@dataclass(frozen=True)
class Quote:
    """One quotation: ``start``/``end`` include the marks (``end`` exclusive)."""

    start: int
    end: int
    closed: bool = True
    single: bool = False

    @property
    def inner(self) -> tuple[int, int]:
        """Offsets of the quoted words, marks excluded."""
        return self.start + 1, self.end - (1 if self.closed else 0)

    def __contains__(self, offset: int) -> bool:
        return self.start <= offset < self.end


def _paragraphs(text: str):
    """(start, end) of each paragraph (runs of text between line breaks)."""
    for m in re.finditer(r"[^\n]+", text):
        yield m.start(), m.end()


def _direction(text: str, start: int, end: int) -> str:
    """'open', 'close' or '?' for the double mark text[start:end]."""
    mark = text[start:end]
    if mark in OPENERS or mark == "``":
        return "open"
    if mark in CLOSERS:
        return "close"
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    opens = before in _BEFORE_OPEN and not after.isspace()
    closes = after in _AFTER_CLOSE and not before.isspace()
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return "?"


def _pair_double(text: str, p0: int, p1: int) -> list[Quote]:
    quotes: list[Quote] = []
    open_at: int | None = None
    for m in _DOUBLE.finditer(text, p0, p1):
        s, e = m.start(), m.end()
        d = _direction(text, s, e)
        if d == "?" and text[s - 1 : s].isspace() and text[e : e + 1].isspace():
            continue  # a mark standing alone between spaces pairs with nothing
        if d == "?":
            d = "close" if open_at is not None else "open"
        if d == "open":
            if open_at is not None:
                # a second opener: the first quote was never closed; it ends here
                if text[open_at:s].strip(" \u00a0\"“„«`'"):
                    quotes.append(Quote(open_at, _rstrip(text, open_at, s), closed=False))
            open_at = s
        else:
            if open_at is None:
                # a stray closer: a quote opened before this paragraph began,
                # or a typo; if it ends a quoted paragraph, take the paragraph
                if s > p0 + 1 and not quotes:
                    quotes.append(Quote(p0, e, closed=True))
                continue
            quotes.append(Quote(open_at, e))
            open_at = None
    if open_at is not None and text[open_at + 1 : p1].strip():
        quotes.append(Quote(open_at, _rstrip(text, open_at, p1), closed=False))
    return quotes


def _pair_single(text: str, p0: int, p1: int, taken: list[Quote]) -> list[Quote]:
    """‘…’ and '…' quotes: an opener after a space, a closer before a space or punctuation."""
    quotes: list[Quote] = []
    taken_starts = [q.start for q in taken]  # double quotes are disjoint and in order

    def inside(i: int) -> bool:
        k = bisect_right(taken_starts, i) - 1
        return k >= 0 and i < taken[k].end

    open_at: int | None = None
    for i in range(p0, p1):
        c = text[i]
        if c not in "'‘’" or inside(i):
            continue
        before = text[i - 1] if i > p0 else " "
        after = text[i + 1] if i + 1 < p1 else " "
        is_open = c in "'‘" and before in _BEFORE_OPEN | {"“", '"'} and after.isalnum()
        is_close = (
            c in "'’"
            and before not in " \t\u00a0"
            and (after in _AFTER_CLOSE or after in "”\"" or i + 1 >= p1)
        )
        if open_at is None:
            if is_open:
                open_at = i
        elif is_close:
            # "Agents' Lives": a plural possessive mid-phrase is no closer
            # when another closer follows in the same run of words
            if before in "sS" and after == " " and _later_closer(text, i + 1, p1):
                continue
            quotes.append(Quote(open_at, i + 1, single=True))
            open_at = None
    return quotes


def _later_closer(text: str, start: int, end: int) -> bool:
    """A plausible single closing mark soon after ``start`` (before any sentence end)."""
    for j in range(start, min(end, start + 120)):
        c = text[j]
        if c in ".!?" and (j + 1 >= end or text[j + 1] == " "):
            return False
        if c in "'’" and text[j - 1] not in " " and (j + 1 >= end or text[j + 1] in _AFTER_CLOSE):
            if not (text[j - 1] in "sS" and j + 1 < end and text[j + 1] == " "):
                return True
    return False


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def find_quotes(text: str, single: bool = True) -> list[Quote]:
    """Every quote in ``text``, in order of their start."""
    quotes: list[Quote] = []
    for p0, p1 in _paragraphs(text):
        doubles = _pair_double(text, p0, p1)
        quotes.extend(doubles)
        if single:
            quotes.extend(_pair_single(text, p0, p1, doubles))
    quotes.sort(key=lambda q: q.start)
    return quotes


class QuoteIndex:
    """The quotes of one text, with look-ups by offset.

    Look-ups bisect over the quotes' starts and ends instead of scanning every
    quote: double quotes never overlap one another, nor do single quotes, so
    each kind, sorted by start, is sorted by end too (cost linear in the text).
    """

    def __init__(self, text: str, quotes: list[Quote] | None = None):
        self.text = text
        self.quotes = find_quotes(text) if quotes is None else quotes
        self.doubles = [q for q in self.quotes if not q.single]
        self.singles = [q for q in self.quotes if q.single]
        self._starts = [q.start for q in self.quotes]
        self._kinds = [
            (qs, [q.start for q in qs], [q.end for q in qs]) for qs in (self.doubles, self.singles)
        ]

    def at(self, offset: int) -> Quote | None:
        """The innermost-starting quote containing ``offset``, if any."""
        k = bisect_right(self._starts, offset)
        best = None
        for q in self.quotes[max(0, k - 8) : k]:
            if q.start <= offset < q.end:
                best = q if best is None or not q.single else best
        return best

    def overlapping(self, start: int, end: int, doubles_only: bool = False) -> list[Quote]:
        """The quotes that overlap text[start:end], in order of their start."""
        out: list[Quote] = []
        for qs, starts, ends in self._kinds[:1] if doubles_only else self._kinds:
            out.extend(qs[bisect_right(ends, start) : bisect_left(starts, end)])
        if not doubles_only and out:
            out.sort(key=lambda q: q.start)
        return out

    def quoted_chars(self, start: int, end: int) -> int:
        """Non-space characters of text[start:end] that lie inside a quote."""
        n = 0
        for q in self.overlapping(start, end):
            a, b = max(start, q.start), min(end, q.end)
            n += sum(1 for c in self.text[a:b] if not c.isspace())
        return n


_QUOTES_KEY = "accordingto.quotes"


def paired_quotes(doc: Doc) -> tuple[tuple[int, int, int, int], ...]:
    """``(start, end, closed, single)`` (closed and single as 0/1) of every quote of ``doc``, in
    order of their start: paired once per Doc, then read from ``doc.user_data`` (tuples of ints,
    as a ``DocBin`` gives them back)."""
    rows = doc.user_data.get(_QUOTES_KEY)
    if rows is None:
        rows = doc.user_data[_QUOTES_KEY] = tuple(
            (q.start, q.end, int(q.closed), int(q.single)) for q in find_quotes(doc_text(doc))
        )
    return rows


def quote_index(doc: Doc) -> QuoteIndex:
    """The quotes of ``doc`` (see :func:`paired_quotes`), indexed for look-ups by offset."""
    quotes = [Quote(s, e, closed=bool(c), single=bool(g)) for s, e, c, g in paired_quotes(doc)]
    return QuoteIndex(doc_text(doc), quotes)


_STRETCHES_KEY = "accordingto.quote_stretches"
_STRETCH_MARKS = re.compile(r'["“”]|\n\s*\n')


def quote_stretches(doc: Doc) -> tuple[tuple[int, int], ...]:
    """(start, end) of the stretches of ``doc``'s text inside quotation marks, as the speaker
    resolver reads them: only ``"`` and ``“`` open, ``"`` and ``”`` close, and a quote left open
    ends at a blank line. Computed once per Doc (``doc.user_data``).

    It is not :func:`paired_quotes`: it ignores ``''`` and single marks, and lets a quote run
    across single line breaks. Reading :func:`quote_index` instead leaves the speaker scores
    as they are (benchmarks/speakers.py: dev 0.916, blind 0.792) but changes 4 of 1,976
    predicted speakers on PolNeAR dev (3 of 1,227 with ``--fast``), 3 of them for the worse
    ("Robert C. \"Bobby\" Scott" becomes "Tim Kaine" where an unpaired ``"`` leaves "he told
    the group" inside an open quote; "Vladimir Putin" becomes "Putin"); so the resolver keeps
    its reading until the pairing handles those cases.
    """
    rows = doc.user_data.get(_STRETCHES_KEY)
    if rows is None:
        text = doc_text(doc)
        spans = []
        open_at = None
        for m in _STRETCH_MARKS.finditer(text):
            ch = m.group()
            if ch == "“" or (ch == '"' and open_at is None):
                if open_at is None:
                    open_at = m.start()
            elif open_at is not None:  # a closing mark or a paragraph break
                spans.append((open_at, m.end() if ch in '"”' else m.start()))
                open_at = None
        if open_at is not None:
            spans.append((open_at, len(text)))
        rows = doc.user_data[_STRETCHES_KEY] = tuple(spans)
    return rows
