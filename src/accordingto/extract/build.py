"""From character ranges to report attributions: spans, kind (direct, indirect, mixed), quoted words."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from ..doctext import doc_text
from ..schema import Attribution, Span
from .quotes import QuoteIndex, quote_index

Range = tuple[int, int]
_WORD = re.compile(r"\w[\w'’\-]*")


def _spans(text: str, ranges: list[Range]) -> list[Span]:
    out = []
    for s, e in sorted(ranges):
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            out.append(Span(start=s, end=e, text=text[s:e]))
    return out


def kind_of(quotes: QuoteIndex, text: str, content: list[Span]) -> tuple[str, int]:
    """(kind, quoted words) of a content: direct when (nearly) all of it is quoted, mixed when
    some of it is, else indirect; the words are those inside quotation marks.

    The one rule for every extractor (the rules' and the tagger's attributions)."""
    qchars = nchars = words = 0
    for sp in content:
        nchars += sum(1 for ch in sp.text if not ch.isspace())
        qchars += quotes.quoted_chars(sp.start, sp.end)
        for q in quotes.overlapping(sp.start, sp.end):
            a, b = max(sp.start, q.start), min(sp.end, q.end)
            words += len(_WORD.findall(text[a:b]))
    if qchars and qchars >= nchars - 1:
        return "direct", words
    return ("mixed" if qchars else "indirect"), words


def build(doc: Doc, rows: list[tuple[list[Range], list[Range], list[Range], str]]) -> list[Attribution]:
    """Attributions in reading order from (source, cue, content, via) ranges of ``doc``'s text; rows
    with no cue or content are dropped."""
    text = doc_text(doc)
    quotes = quote_index(doc)
    built = []
    for source, cue, content, via in rows:
        content_s, cue_s = _spans(text, content), _spans(text, cue)
        if not content_s or not cue_s:
            continue
        kind, words = kind_of(quotes, text, content_s)
        built.append((content_s[0].start, _spans(text, source), cue_s, content_s, kind, via, words))
    built.sort(key=lambda r: (r[0], r[2][0].start))
    return [
        Attribution(id=k, source=r[1], cue=r[2], content=r[3], kind=r[4], via=r[5], quoted_words=r[6])
        for k, r in enumerate(built)
    ]
