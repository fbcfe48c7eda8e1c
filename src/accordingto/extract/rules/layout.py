"""Rules read from the text's layout rather than its parse.

- ``headline``: "…, Says Union" / "…, Experts Say" / "Trump: …" on the title line;
- ``dash``: '“…” ― Name', a quote signed with a dash;
- ``transcript``: 'PENCE: …', a speaker's name in capitals and a colon;
- ``block``: a paragraph that introduces what follows with a colon, then
  paragraphs quoted without quotation marks (:mod:`..blocks`).
"""

from __future__ import annotations

import re

from ..blocks import find_blocks
from .candidates import Cand
from .context import Context
from .registry import rule


@rule("headline", order=60)
def headline(ctx: Context) -> list[Cand]:
    """'…, Says Union' / '…, Experts Say' / 'Trump: …' on the title line."""
    out: list[Cand] = []
    text = ctx.text
    m = re.match(r"\s*([^\n]+)", text)
    if not m:
        return out
    line_start = m.start(1)
    line = m.group(1)
    if len(line.split()) > 30 or line.rstrip().endswith((".", "?")) and len(line.split()) > 20:
        return out
    h = re.search(r",\s+(Says?|Said|Warns?|Claims?|Tells?|Reports?)\s+([^,]{2,60}?)\s*$", line)
    if h:
        out.append(
            Cand(
                [(line_start + h.start(1), line_start + h.end(1))],
                [(line_start + h.start(2), line_start + h.end(2))],
                [(line_start, line_start + h.start())],
                "headline",
                -1,
            )
        )
        return out
    h = re.search(r",\s+([^,]{2,60}?)\s+(Says?|Say|Said|Warns?|Warn|Claims?|Claim)\s*$", line)
    if h:
        out.append(
            Cand(
                [(line_start + h.start(2), line_start + h.end(2))],
                [(line_start + h.start(1), line_start + h.end(1))],
                [(line_start, line_start + h.start())],
                "headline",
                -1,
            )
        )
        return out
    h = re.match(r"([A-Z][\w.'’\- ]{1,40}?):\s+(\S.*)$", line)
    if h and not all(w[:1].isupper() or w in ("of", "the", "and", "de") for w in h.group(1).split()):
        h = None  # 'The governor continued: …' is a sentence, not a name and a colon
    if h and not re.match(r"(?i)(update|exclusive|watch|breaking|video|live|related|analysis|opinion|photos?|transcript|update)\b", h.group(1)):
        out.append(
            Cand(
                [(line_start + h.end(1), line_start + h.end(1) + 1)],
                [(line_start + h.start(1), line_start + h.end(1))],
                [(line_start + h.start(2), line_start + h.end(2))],
                "headline",
                -1,
            )
        )
    return out


@rule("dash", order=70)
def dash(ctx: Context) -> list[Cand]:
    """'“…” ― Name': a quote signed with a dash."""
    out: list[Cand] = []
    text = ctx.text
    for q in ctx.quotes.doubles:
        m = re.match(r"[ \t\u00a0]*([―—]|--)[ \t\u00a0]*([^\n]{2,80}?)[ \t\u00a0.]*(?:\n|$)", text[q.end : q.end + 90])
        if not m:
            continue
        name = m.group(2)
        if len(name.split()) > 8 or re.search(r"[“\"”]", name):
            continue
        o = q.end
        out.append(
            Cand([(o + m.start(1), o + m.end(1))], [(o + m.start(2), o + m.end(2))], [(q.start, q.end)], "cue", 2)
        )
    return out


@rule("transcript", order=80)
def transcript(ctx: Context) -> list[Cand]:
    """'PENCE: Well, …' — a speaker's name in capitals, a colon, the words."""
    out: list[Cand] = []
    for m in re.finditer(r"(?m)^[\"“]?([A-Z][A-Z.'’\- ]{1,30}[A-Z.]):[ \t\u00a0]+(\S[^\n]*)$", ctx.text):
        out.append(
            Cand([(m.end(1), m.end(1) + 1)], [(m.start(1), m.end(1))], [(m.start(2), m.end(2))], "colon", 2)
        )
    return out


@rule("block", order=90)
def blocks(ctx: Context) -> list[Cand]:
    """A paragraph that introduces what follows with a colon, then paragraphs quoted without marks."""
    out: list[Cand] = []
    for intro, cue_r, src_r, paras in find_blocks(ctx.doc, ctx.quotes):
        out.append(Cand(cue_r, src_r, paras, "block", -1, intro))
    return out
