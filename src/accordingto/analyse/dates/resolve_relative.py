"""Resolvers of expressions counted from the publication date, and of the undatable ones.

Weekdays ("Tuesday": the latest on or before publication, the next on or after it in the
future tense), "today", "last week" (the calendar week before publication's, Monday to
Sunday), "the past two weeks" (the fourteen days up to publication), "two weeks ago" (a
day). They need the publication date (:data:`~.resolved.NOTE_NO_PUBLICATION` without
one). Expressions counted from another event ("after two weeks", "that Tuesday") are
left undated (:data:`~.resolved.NOTE_ANCHORED`), and so are durations ("62 years"),
recurring times ("every day") and clock times with no day.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from dateutil.relativedelta import FR, MO, SA, SU, TH, TU, WE, relativedelta

from .arithmetic import half, quantity, shift, third, unit_name, unit_range
from .context import Context
from .expressions import EXACTISH, PARTS_OF_DAY, WEEKDAYS
from .resolved import (
    NOTE_ANCHORED,
    NOTE_CLOCK,
    NOTE_DURATION,
    NOTE_RECURRING,
    NOTE_VAGUE,
    Range,
    Resolved,
    group,
    need_publication,
    point,
    span,
)

__all__ = [
    "r_weekday",
    "r_deictic",
    "r_unit_pos",
    "r_unit_rel",
    "r_window",
    "r_recent",
    "r_ago",
    "r_after",
    "r_duration",
    "r_recurring",
    "r_clock",
]

_WEEKDAYS = (MO, TU, WE, TH, FR, SA, SU)  # relativedelta's, by date.weekday()
_ANAPHORIC = {"that", "the following", "the previous", "the next", "the same"}


def r_weekday(m: re.Match[str], ctx: Context, s: int, e: int) -> Resolved | None:
    """ "last Tuesday", "Tuesday", "Friday night", "every Monday", "Tuesday of next week"."""
    mod = " ".join(m.group("mod").lower().split()) if m.group("mod") else None
    if mod in ("every", "each") or m.group("pl"):
        return Resolved(None, None, False, NOTE_RECURRING)
    if mod in _ANAPHORIC:
        return Resolved(None, None, True, NOTE_ANCHORED)
    if mod is None and _in_name(ctx, m.start("wd"), m.end("wd")):
        return None
    if mod is None and not m.group("pod") and _names_recurring_day(ctx, m.start("wd"), m.end("wd")):
        return Resolved(None, None, False, NOTE_RECURRING)
    if (r := need_publication(ctx.pub)) is not None:
        return r
    pub, wd = ctx.pub, WEEKDAYS[m.group("wd").lower()]
    if m.group("wk"):
        week = {"last": -1, "this": 0, "next": 1}[m.group("wk").lower()]
        return point(unit_range(pub, "week", week)[0] + timedelta(days=wd), True)
    if mod in ("last", "this past"):  # the latest such weekday before publication's day
        return point(pub + relativedelta(days=-1, weekday=_WEEKDAYS[wd](-1)), True)
    if mod in ("next", "this coming"):  # the first after it
        return point(pub + relativedelta(days=1, weekday=_WEEKDAYS[wd](+1)), True)
    if ctx.tense(s, e) == "future":  # on or after publication
        return point(pub + relativedelta(weekday=_WEEKDAYS[wd](+1)), True)
    return point(pub + relativedelta(weekday=_WEEKDAYS[wd](-1)), True)  # on or before it


def _names_recurring_day(ctx: Context, start: int, end: int) -> bool:
    """ "the branch's Saturday story hour", "Sunday services": a weekday that names a habit."""
    tok = ctx.token(start, end)
    if tok is None or tok.dep_ not in ("compound", "nmod", "amod"):
        return False
    head = tok.head
    if head.pos_ not in ("NOUN", "PROPN") or head.lower_ in PARTS_OF_DAY:
        return False
    return head.tag_ in ("NNS", "NNPS") or any(c.dep_ == "poss" for c in head.children)


_DEICTIC = {"today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
            "yesterday": -1, "last night": -1, "tomorrow": 1, "day before yesterday": -2,
            "the day before yesterday": -2, "day after tomorrow": 2, "the day after tomorrow": 2}  # fmt: skip


_NAME_BEFORE = re.compile(r"(?:^|[^\w\n])[A-Z][\w.&\u2019'-]*[ \t\u00a0]+$")


def _in_name(ctx: Context, start: int, end: int, trust_ner: bool = True) -> bool:
    """ "USA Today", "Fox News Sunday": a capitalised date word after a capitalised word.

    With trust_ner, spaCy's DATE/TIME tag keeps it ("a piñata of President Donald Trump Tuesday").
    """
    if not ctx.text[start].isupper() or not _NAME_BEFORE.search(ctx.text, max(0, start - 40), start):
        return False
    if not trust_ner:
        return True
    tok = ctx.token(start, end)
    return tok is None or tok.ent_type_ not in ("DATE", "TIME")


def r_deictic(m: re.Match[str], ctx: Context, s: int, e: int) -> Resolved | None:
    """ "today", "last night", "this morning", "tomorrow night"."""
    if _in_name(ctx, s, m.end("w"), trust_ner=False):
        return None
    if (r := need_publication(ctx.pub)) is not None:
        return r
    return point(ctx.pub + timedelta(days=_DEICTIC[" ".join(m.group("w").lower().split())]), True)


def r_unit_pos(m: re.Match[str], ctx: Context, s: int, e: int) -> Resolved | None:
    """ "the end of the year", "the beginning of next month"."""
    if (r := need_publication(ctx.pub)) is not None:
        return r
    offset = {"last": -1, "next": 1}.get((m.group("rel") or "").lower(), 0)
    return span(third(unit_range(ctx.pub, m.group("unit").lower(), offset), m.group("pos").lower()), True, "")


def r_unit_rel(m: re.Match[str], ctx: Context, s: int, e: int) -> Resolved | None:
    """ "last week", "earlier this month", "the past decade", "next year", "this past weekend"."""
    rel = " ".join(m.group("rel").lower().split())
    unit = m.group("unit").lower()
    mod = (m.group("mod") or "").lower()
    if rel in ("the previous", "the following"):
        return Resolved(None, None, True, NOTE_ANCHORED)
    if (r := need_publication(ctx.pub)) is not None:
        return r
    pub = ctx.pub
    if rel in ("the past", "the last", "past"):
        r = (shift(pub, 1, unit, -1), pub)
    elif rel in ("the coming", "the next"):
        r = (pub, shift(pub, 1, unit, 1))
    elif unit == "weekend":
        r = _weekend(pub, rel, ctx.tense(s, e) if rel == "this" else None)
    else:
        offset = {"last": -1, "this past": -1, "next": 1, "this coming": 1}.get(rel, 0)
        r = unit_range(pub, unit, offset)
    if mod == "earlier":
        r = (r[0], min(r[1], pub)) if rel == "this" else half(r, 0)
    elif mod == "later":
        r = (max(r[0], pub), r[1]) if rel == "this" else half(r, 1)
    elif mod:
        r = third(r, mod)
    return span(r, True, NOTE_VAGUE)


def _weekend(pub: date, rel: str, tense: str | None) -> Range:
    this = unit_range(pub, "weekend", 0)  # the Saturday and Sunday of publication's week
    if rel in ("last", "this past"):
        return this if this[1] < pub else unit_range(pub, "weekend", -1)
    if rel in ("next", "this coming"):
        return this if this[0] > pub else unit_range(pub, "weekend", 1)
    if tense == "past" and this[0] > pub:
        return unit_range(pub, "weekend", -1)
    return this


def r_window(m: re.Match[str], ctx: Context, s: int, e: int) -> Resolved | None:
    """ "the past two weeks", "the next eight weeks", "the coming years", "the final weeks"."""
    direction = m.group("dir").lower()
    unit_word = m.group("unit")
    unit = unit_name(unit_word)
    if direction in ("previous", "following", "first", "final", "remaining", "closing"):
        return Resolved(None, None, True, NOTE_ANCHORED)
    q = quantity(m.group("q"))
    if q is None:
        if m.group("q") or unit_word.lower().endswith("s"):  # "the past few days", "the coming weeks"
            return Resolved(None, None, True, NOTE_VAGUE)
        return None  # "the last week": left to the unit_rel pattern
    if (r := need_publication(ctx.pub)) is not None:
        return r
    if direction in ("past", "last"):
        return span((shift(ctx.pub, q, unit, -1), ctx.pub), True, NOTE_VAGUE)
    return span((ctx.pub, shift(ctx.pub, q, unit, 1)), True, NOTE_VAGUE)


def r_recent(m: re.Match[str], ctx: Context, s: int, e: int) -> Resolved | None:
    return Resolved(None, None, True, NOTE_VAGUE)


def r_ago(m: re.Match[str], ctx: Context, s: int, e: int) -> Resolved | None:
    """ "two weeks ago", "about a year ago", "years ago", "three days later", "a month from now"."""
    direction = " ".join(m.group("dir").lower().split())
    unit = group(m, "unit")  # None in "long ago"
    if unit and not m.group("q") and not unit.lower().endswith("s") and ctx.word_before(s) not in ("the", "that"):
        return None  # "last night before a crowd", "all night after the attacks"; "the day after" counts
    if direction not in ("ago", "from now", "hence"):
        return Resolved(None, None, True, NOTE_ANCHORED)
    approx = " ".join((group(m, "approx") or "").lower().split())
    q = quantity(m.group("q")) if unit else None  # None: "years ago", "a few weeks ago", "long ago"
    if q is None or approx and approx not in EXACTISH:
        return Resolved(None, None, True, NOTE_VAGUE)
    if (r := need_publication(ctx.pub)) is not None:
        return r
    return point(shift(ctx.pub, q, unit_name(unit), -1 if direction == "ago" else 1), True)


def r_after(m: re.Match[str], ctx: Context, s: int, e: int) -> Resolved | None:
    """ "after two weeks", "within a month" (anchored); "in two weeks" (future: dated)."""
    prep = m.group("prep").lower()
    if prep != "in":
        return Resolved(None, None, True, NOTE_ANCHORED)
    if ctx.tense(s, e) != "future":  # "did it in two weeks"
        return r_duration(m, ctx, s, e)
    q = quantity(m.group("q"))
    approx = " ".join((m.group("approx") or "").lower().split())
    if q is None or approx and approx not in EXACTISH:
        return Resolved(None, None, True, NOTE_VAGUE)
    if (r := need_publication(ctx.pub)) is not None:
        return r
    return point(shift(ctx.pub, q, unit_name(m.group("unit")), 1), True)


_A_DURATION_AFTER = {"for", "over", "than", "within", "in", "during", "took", "takes", "take", "spent", "spend",
                     "lasted", "last", "lasts", "after", "nearly", "about", "almost", "around", "another", "half",
                     "entire", "whole", "full", "extra", "additional"}  # fmt: skip
_AGE_BEFORE = {"age", "aged", "ages"}


def r_duration(m: re.Match[str], ctx: Context, s: int, e: int) -> Resolved | None:
    """ "62 years", "more than a year", "weeks-long", "for decades"."""
    q = (group(m, "q") or "").lower()
    before = ctx.word_before(s)
    if before in _AGE_BEFORE or _quarter_of(m.group("unit"), ctx, e):
        return None  # "age 16", "a quarter of the money"
    if not group(m, "approx") and before not in _A_DURATION_AFTER:
        if q in ("a", "an") or q == "one" and m.group("unit").lower() == "quarter":
            return None  # "$50,000 a year", "a day" in passing, "spend a quarter"
        if q == "one" and m.group("unit").lower() == "day":
            return Resolved(None, None, False, NOTE_VAGUE)  # "one day" = some day
    return Resolved(None, None, False, NOTE_DURATION)


def _quarter_of(unit: str, ctx: Context, end: int) -> bool:
    return unit.lower().startswith("quarter") and ctx.text[end : end + 4].lower() == " of "


def r_recurring(m: re.Match[str], ctx: Context, s: int, e: int) -> Resolved | None:
    return Resolved(None, None, False, NOTE_RECURRING)


def r_clock(m: re.Match[str], ctx: Context, s: int, e: int) -> Resolved | None:
    return Resolved(None, None, False, NOTE_CLOCK)  # dated later from a date next to it
