"""Character spans: turn token runs and offsets into trimmed ``Span`` lists.

PolNeAR's boundary conventions: a span never starts or ends with white
space; punctuation at either edge is left out (the sentence's full stop, the
comma before "he said") unless it belongs to a quotation — quotation marks
and whatever lies inside them are part of the content.

Also the one home of range comparisons (:func:`overlap_length`,
:func:`overlaps`, :func:`inside`), for (start, end) pairs and ``Span`` s alike.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from spacy.tokens import Doc, Token

from ..doctext import doc_text
from ..schema import Span

QUOTE_CHARS = "\"“”„«»'‘’`"
_EDGE_PUNCT = set(",.;:!?—–-…/*•|") | set(" \t\n\r\u00a0\u200b")
_PAIR = {"(": ")", "[": "]", "{": "}", ")": "(", "]": "[", "}": "{"}
# "U.S.", "Jr.", "Sen. J." : a full stop that ends an abbreviation stays
_ABBREV = re.compile(r"(?:\b[A-Z]\.|\b(?:Jr|Sr|Inc|Corp|Co|Ltd|St|Mr|Mrs|Ms|Dr)\.)$")


Range = tuple[int, int]


def _bounds(r: "Range | Span | Sequence[int]") -> "Range | Sequence[int]":
    return (r.start, r.end) if isinstance(r, Span) else r


def overlap_length(a: "Range | Span", b: "Range | Span") -> int:
    """How many characters two ranges share (0 when they do not overlap)."""
    (a0, a1), (b0, b1) = _bounds(a), _bounds(b)
    return max(0, min(a1, b1) - max(a0, b0))


def overlaps(a: "Iterable[Range | Span]", b: "Iterable[Range | Span]") -> bool:
    """Does some range of ``a`` overlap some range of ``b``?"""
    b = [_bounds(y) for y in b]
    return any(x0 < y1 and y0 < x1 for x0, x1 in map(_bounds, a) for y0, y1 in b)


def inside(inner: list[Range], outer: list[Range]) -> bool:
    """Is every range of ``inner`` (there is one at least) within some range of ``outer``?"""
    return bool(inner) and all(any(o0 <= a and b <= o1 for o0, o1 in outer) for a, b in inner)


def trim(text: str, start: int, end: int, keep_quotes: bool = True) -> tuple[int, int]:
    """Offsets of text[start:end] less edge white space and punctuation.

    With ``keep_quotes``, an opening mark at the start and a closing mark at
    the end stay, and so does punctuation just inside a closing mark
    ('…,”' keeps its comma). Brackets stay when their partner is inside."""
    while True:
        old = (start, end)
        while start < end and (text[start] in _EDGE_PUNCT or text[start].isspace()):
            start += 1
        while end > start and (text[end - 1] in _EDGE_PUNCT or text[end - 1].isspace()):
            if text[end - 1] == "." and _ABBREV.search(text, max(start, end - 6), end):
                break
            end -= 1
        if start < end and text[start] in ")]}":
            start += 1
        if start < end and text[start] in "([{" and _PAIR[text[start]] not in text[start:end]:
            start += 1
        if end > start and text[end - 1] in ")]}" and _PAIR[text[end - 1]] not in text[start:end]:
            end -= 1
        if end > start and text[end - 1] in "([{“„«‘`":
            end -= 1
        if start < end and text[start] in "”»":
            start += 1
        if not keep_quotes:
            while start < end and text[start] in QUOTE_CHARS:
                start += 1
            while end > start and text[end - 1] in QUOTE_CHARS:
                end -= 1
        if (start, end) == old:
            return start, end


def make_span(text: str, start: int, end: int, keep_quotes: bool = True) -> Span | None:
    """A trimmed Span of text[start:end], or None when nothing is left."""
    s, e = trim(text, start, end, keep_quotes)
    if s >= e:
        return None
    return Span(start=s, end=e, text=text[s:e])


def char_range(tokens: Iterable[Token]) -> tuple[int, int] | None:
    """(start, end) offsets covering ``tokens``."""
    toks = list(tokens)
    if not toks:
        return None
    a = min(t.idx for t in toks)
    b = max(t.idx + len(t.text) for t in toks)
    return a, b


def token_runs(indices: Iterable[int], doc: Doc) -> list[tuple[int, int]]:
    """Contiguous runs (first, last+1) of token indices, skipping white-space tokens in gaps."""
    idx = sorted(set(indices))
    runs: list[tuple[int, int]] = []
    for i in idx:
        if runs and (runs[-1][1] == i or all(doc[k].is_space for k in range(runs[-1][1], i))):
            runs[-1] = (runs[-1][0], i + 1)
        else:
            runs.append((i, i + 1))
    return runs


def spans_from_tokens(doc: Doc, indices: Iterable[int], keep_quotes: bool = True) -> list[Span]:
    """Trimmed Spans, one per contiguous run of the given token indices."""
    out: list[Span] = []
    for a, b in token_runs(indices, doc):
        sp = make_span(doc_text(doc), doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text), keep_quotes)
        if sp is not None:
            out.append(sp)
    return out


def spans_from_ranges(text: str, ranges: Iterable[tuple[int, int]], keep_quotes: bool = True) -> list[Span]:
    """Trimmed Spans of character ranges, merged where they overlap or only spaces part them
    (a line break keeps paragraphs apart)."""
    merged: list[list[int]] = []
    for a, b in sorted(ranges):
        gap = text[merged[-1][1] : a] if merged else ""
        if merged and (a <= merged[-1][1] or (not gap.strip() and "\n" not in gap)):
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    out = []
    for a, b in merged:
        sp = make_span(text, a, b, keep_quotes)
        if sp is not None:
            out.append(sp)
    return out


def subtract(ranges: list[tuple[int, int]], cut: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Character ranges less the ``cut`` ranges."""
    out = list(ranges)
    for c0, c1 in cut:
        nxt = []
        for a, b in out:
            if c1 <= a or b <= c0:
                nxt.append((a, b))
                continue
            if a < c0:
                nxt.append((a, c0))
            if c1 < b:
                nxt.append((c1, b))
        out = nxt
    return out


def close_parenthetical(text: str, span: Span) -> Span:
    """'Mr. X, an aide,' keeps the comma (or dash) that closes its apposition.

    PolNeAR counts the comma that pairs with one inside the source as part of
    it: 'Michael Tanner, an analyst at Cato,' said …"""
    inner = span.text
    m = re.match(r"\.?,|\.?\s*--|\.?\s*—", text[span.end : span.end + 4])
    if not m:
        return span
    mark = m.group(0).strip(". ")
    if (mark == "," and "," in inner) or (mark in ("--", "—") and mark in inner):
        end = span.end + m.end()
        return Span(start=span.start, end=end, text=text[span.start : end])
    return span
