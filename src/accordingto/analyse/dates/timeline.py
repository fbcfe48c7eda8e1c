"""build_timeline: one event per sentence that reports something and holds a resolved date.

A sentence is cut at line breaks; bylines, datelines ("HEMPSTEAD, N.Y., Sept. 26
(UPI) —") and other lines with no finite verb are left out, and so are spans of state
("for the past two weeks"). Events come in date order, same-day events in reading order.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from ...schema import Attribution, DateMention, Sentence, TimelineEvent

__all__ = ["build_timeline"]


_FURNITURE = re.compile(
    r"(?i)^\W*(?:by|written\s+by|published|posted|updated|last\s+updated|first\s+published|filed|"
    r"photo|image|credit|related|read\s+more|copyright|\u00a9)\b"
)
_WORD = re.compile(r"[A-Za-z]{2,}")
_FINITE = {"VBD", "VBZ", "VBP", "MD"}


def build_timeline(doc: Doc, dates: list[DateMention], attributions: list[Attribution]) -> list[TimelineEvent]:
    """One event per sentence that reports something and holds a resolved date, in date order.

    The sentence's date is its first resolved expression (a clock time only when nothing
    else is dated). Bylines, datelines and other lines with no finite verb are left out.
    Events on the same day keep reading order. ``attributions`` is not used yet: a dated
    sentence counts whether or not someone is reported as saying it.
    """
    lines: dict[tuple[int, int], tuple[str, list[DateMention]]] = {}  # (start, end) → (text, dated mentions)
    for d in sorted(dates, key=lambda d: d.start):
        if not d.date:
            continue
        line = _line_of(doc, d)
        if line is None:
            continue
        start, end, line_text = line
        lines.setdefault((start, end), (line_text, []))[1].append(d)
    events: list[TimelineEvent] = []
    for (start, end), (line_text, inside) in lines.items():
        candidates = [
            d for d in inside if not _span_of_state(line_text, start, d) and not _in_dateline(line_text, start, d)
        ]
        if not candidates or not _reports_event(doc, line_text, start, end, inside):
            continue
        mention = next((d for d in candidates if not _is_clock(d.text)), candidates[0])
        events.append(
            TimelineEvent(
                sentence=Sentence(start=start, end=end, text=line_text),
                date=mention.date,
                date_end=mention.date_end,
                expression=mention.text,
            )
        )
    events.sort(key=lambda ev: ev.date)
    return events


_CLOCK_RX = re.compile(r"(?i)\d{1,2}(?::\d\d)?\s*[ap]\.?m\b|noon|midnight|o['\u2019]clock")
_WINDOW_START = ("the next", "the past", "the last", "the coming")


# "HEMPSTEAD, N.Y., Sept. 26 (UPI) — …": the date of a dateline is the publication's, not an event's
_DATELINE_BEFORE = re.compile(
    r"(?:^|\n)[ \t]*[A-Z][A-Z .'\u2019&-]+"  # PLACE in capitals
    r"(?:,[ \t]*[A-Z][A-Za-z.]*(?:[ \t]+[A-Z][A-Za-z.]*)*)*,?[ \t]*$"  # , State
)
_DATELINE_AFTER = re.compile(r"[ \t]*(?:\([^()\n]{1,40}\))?[ \t]*(?:[-\u2013\u2014]{1,2}|:)")


def _in_dateline(line: str, base: int, d: DateMention) -> bool:
    start, end = d.start - base, d.end - base
    return bool(_DATELINE_AFTER.match(line, end) and _DATELINE_BEFORE.search(line, max(0, start - 80), start))


def _span_of_state(line: str, base: int, d: DateMention) -> bool:
    """ "(budget) for the next decade", "for the past two weeks": how long something holds, not when."""
    start = d.start - base
    return d.text.lower().startswith(_WINDOW_START) and line[max(0, start - 4) : start].lower() == "for "


def _is_clock(s: str) -> bool:
    return bool(_CLOCK_RX.match(s))


def _line_of(doc: Doc, d: DateMention) -> tuple[int, int, str] | None:
    """The sentence holding d, cut at line breaks and trimmed: (start, end, text)."""
    span = doc.char_span(d.start, d.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    try:
        sent = span[0].sent
    except ValueError:  # a Doc with no sentence boundaries
        return None
    text, base = sent.text, sent.start_char
    a = text.rfind("\n", 0, d.start - base) + 1
    b = text.find("\n", d.end - base)
    if b < 0:
        b = len(text)
    piece = text[a:b]
    a += len(piece) - len(piece.lstrip())
    b = a + len(piece.strip())
    return base + a, base + b, text[a:b]


def _reports_event(doc: Doc, line: str, start: int, end: int, inside: list[DateMention]) -> bool:
    if _FURNITURE.match(line):
        return False
    rest = line
    for d in reversed(inside):
        rest = rest[: d.start - start] + " " + rest[d.end - start :]
    if len(_WORD.findall(rest)) < 3:  # a dateline or a date on its own
        return False
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    return any(t.pos_ == "VERB" or t.pos_ == "AUX" and t.dep_ == "ROOT" or t.tag_ in _FINITE for t in span)
