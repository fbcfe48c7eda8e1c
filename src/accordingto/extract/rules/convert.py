"""From surviving candidates to report attributions: trimmed spans, kind and quoted words,
in reading order."""

from __future__ import annotations

from ...schema import Attribution, Span
from ..build import kind_of
from ..spans import close_parenthetical, spans_from_ranges
from .candidates import Cand
from .context import Context


def to_attributions(ctx: Context, kept: list[Cand]) -> list[Attribution]:
    """The attributions of ``kept``, numbered in reading order (by content start); a candidate
    left with no cue or no content once its spans are trimmed is dropped."""
    text = ctx.text
    rows = []
    for c in kept:
        content = spans_from_ranges(text, c.content + c.extra)
        cue = spans_from_ranges(text, c.cue)
        if c.cue and text[c.cue[-1][1] - 1 : c.cue[-1][1]] in ":―—":
            # keep the colon of 'said:' / 'Trump:', and the dash of '“…” ― Name'
            a, end = c.cue[-1]
            if cue and cue[-1].start >= a:
                a = cue[-1].start
                cue = cue[:-1]
            while text[a].isspace():
                a += 1
            cue.append(Span(start=a, end=end, text=text[a:end]))
        # a quotation mark at a source's edge is the quote's, not the name's ('," Gene Sperling')
        source = spans_from_ranges(text, c.source, keep_quotes=False)
        if source and cue and source[-1].end <= cue[0].start:
            source[-1] = close_parenthetical(text, source[-1])
        if not content or not cue:
            continue
        kind, quoted = kind_of(ctx.quotes, text, content)
        via = c.via
        rows.append((content[0].start, source, cue, content, kind, via, quoted))
    rows.sort(key=lambda r: r[0])
    return [
        Attribution(
            id=k,
            source=r[1],
            cue=r[2],
            content=r[3],
            kind=r[4],
            via=r[5],
            quoted_words=r[6],
        )
        for k, r in enumerate(rows)
    ]
