"""find_dates: every date and time expression of a Doc, in reading order, resolved where it can be.

It reads ``doc.text`` with the patterns of :mod:`.expressions` (calendar dates, ranges,
years, quarters, decades, seasons, months, weekdays, "today", "last week", "two weeks
ago", "after two weeks", durations, recurring times, clock times, holidays), each only
near a word that can start it, and adds what spaCy tags DATE/TIME that no pattern took,
when it names a month or a weekday. Where candidates overlap, the longest wins, then the
pattern listed first. Each is resolved by the resolver :mod:`.resolution` names for its
pattern; a clock time next to a dated expression takes its day.
"""

from __future__ import annotations

import re
from datetime import date

from spacy.tokens import Doc

from ...doctext import doc_text
from ...schema import DateMention
from .context import Context
from .expressions import PATTERNS, TRIGGER_WORDS
from .resolution import RESOLVERS
from .resolve_calendar import r_cal
from .resolved import Resolved

__all__ = ["find_dates"]

_Found = tuple[int, int, int, Resolved]  # start, end, pattern order, resolution

# spaCy DATE/TIME entities no pattern took are read by dateparser only when they name a month or weekday.
_NAMES = re.compile(
    r"(?-i:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
    r"|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)
_CLOCK_ORDER = next(i for i, (k, _, _) in enumerate(PATTERNS) if k == "clock")
# a clock time and the date next to it: "3 a.m. Tuesday", "Sept. 26 at 9 a.m.", "Monday, 6 p.m."
_CLOCK_GLUE = re.compile(r"[\s,]*(?:(?:on|at|of|this|around|about|after|before)\s+)?(?:the\s+)?[\s,]*", re.I)


def _published(published: str | None) -> date | None:
    if not published:
        return None
    try:
        return date.fromisoformat(published.strip()[:10])
    except ValueError:
        return None


def find_dates(doc: Doc, published: str | None) -> list[DateMention]:
    """Every date and time expression of ``doc``, in reading order, resolved where it can be.

    ``published`` (YYYY-MM-DD) anchors partial and relative expressions; without it they
    keep ``date`` null and say why in ``note``.
    """
    text = doc_text(doc)
    ctx = Context(doc, text, _published(published))
    found: list[_Found] = []
    triggers = _triggers(text)
    for order, (kind, rx, classes) in enumerate(PATTERNS):
        resolve = RESOLVERS[kind]
        for ws, we in _windows(triggers, classes, len(text)):
            for m in rx.finditer(text, ws, we):
                if "x" in rx.groupindex and m.group("x") is not None:
                    s, e = m.span("x")
                else:
                    s, e = m.span()
                res = resolve(m, ctx, s, e)
                if res is not None:
                    found.append((s, e, order, res))
    chosen = _longest_first(found)
    taken = [(s, e) for s, e, _, _ in chosen]
    for ent in doc.ents:
        if ent.label_ not in ("DATE", "TIME") or not _NAMES.search(ent.text):
            continue
        s, e = ent.start_char, ent.end_char
        if any(s < te and ts < e for ts, te in taken):
            continue
        res = r_cal(None, ctx, s, e)
        if res is not None:
            chosen.append((s, e, len(PATTERNS), res))
    chosen.sort(key=lambda c: c[0])
    _date_clock_times(chosen, text)
    return [
        DateMention(
            start=s,
            end=e,
            text=text[s:e],
            date=r.date.isoformat() if r.date else None,
            date_end=r.end.isoformat() if r.end else None,
            relative=r.relative,
            note=r.note if r.date is None else None,
        )
        for s, e, _, r in chosen
    ]


_WORDS = re.compile(r"[A-Za-z]+|\d+[a-z]*")
_DIGIT_WORD = re.compile(r"(1[6-9]\d\d|20\d\d)|\d*0s|\d{1,2}(?:am|pm)")
# how far a pattern's match may reach before and after the trigger word it holds
_BEFORE, _AFTER = 60, 50


def _triggers(text: str) -> dict[str, list[int]]:
    """Offsets of the words that some pattern needs, by trigger class."""
    out: dict[str, list[int]] = {}
    get = TRIGGER_WORDS.get
    for m in _WORDS.finditer(text):
        w = m.group()
        classes = get(w)
        if classes is None:
            if not w[0].isdigit():
                continue
            if not (d := _DIGIT_WORD.fullmatch(w)):
                if text.startswith("/", m.end()):
                    out.setdefault("numeric", []).append(m.start())
                continue
            classes = ("year",) if d.group(1) else ("decade",) if w.endswith("s") else ("clock",)
        for c in classes:
            out.setdefault(c, []).append(m.start())
    return out


def _windows(triggers: dict[str, list[int]], classes: tuple[str, ...], n: int) -> list[tuple[int, int]]:
    """The stretches of text around the trigger words of these classes, merged."""
    offsets = sorted(o for c in classes for o in triggers.get(c, ()))
    out: list[tuple[int, int]] = []
    for o in offsets:
        a, b = max(0, o - _BEFORE), min(n, o + _AFTER)
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def _longest_first(found: list[_Found]) -> list[_Found]:
    """The candidates that survive overlaps: the longest first, then the pattern listed first."""
    found.sort(key=lambda c: (c[0] - c[1], c[2], c[0]))
    chosen: list[_Found] = []
    for c in found:
        if not any(c[0] < o[1] and o[0] < c[1] for o in chosen):
            chosen.append(c)
    return chosen


def _date_clock_times(chosen: list[_Found], text: str) -> None:
    """A clock time right next to a dated expression takes its day."""
    for i, (s, e, order, r) in enumerate(chosen):
        if order != _CLOCK_ORDER:
            continue
        for j in (i + 1, i - 1):
            if not 0 <= j < len(chosen):
                continue
            s2, e2, order2, r2 = chosen[j]
            if order2 == _CLOCK_ORDER or r2.date is None or r2.end is not None:
                continue
            gap = text[e:s2] if j > i else text[e2:s]
            if "\n" not in gap and _CLOCK_GLUE.fullmatch(gap):
                chosen[i] = (s, e, order, Resolved(r2.date, None, r2.relative))
                break
