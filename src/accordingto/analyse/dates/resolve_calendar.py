"""Resolvers of expressions the calendar names: dates, ranges, months, seasons, years, holidays.

Each takes the pattern's match, the :class:`~.context.Context` and the expression's span,
and returns a :class:`~.resolved.Resolved`, or None where the match is not a date after
all ("2000 people", "Christmas trees"). An absolute date ("June 20, 2018", "2016", "the
1990s") resolves alone; a partial one ("June 20", "in May", "Labor Day") is placed by
:meth:`~.context.Context.nearest`; with no publication date it stays undated
(:data:`~.resolved.NOTE_NO_YEAR`).
"""

from __future__ import annotations

import re
from datetime import date

from .arithmetic import month, months_range, season, third, year
from .calendar import holiday
from .context import Context
from .expressions import MONTHS
from .parsing import calendar_parts
from .resolved import (
    NOTE_NO_YEAR,
    NOTE_VAGUE,
    Range,
    Resolved,
    group,
    need_publication,
    point,
    span,
)

__all__ = [
    "r_cal",
    "r_range",
    "r_cal_rel",
    "r_mod_month",
    "r_mod_year",
    "r_quarter_year",
    "r_season_year",
    "r_decade",
    "r_season_rel",
    "r_month",
    "r_holiday",
    "r_year",
]

_Parts = tuple[int | None, int | None, int | None]


def _cal_range(c: _Parts, y: int) -> Range | None:
    _, m, d = c
    try:
        if m and d:
            x = date(y, m, d)
            return x, x
        if m:
            return month(y, m)
        return year(y)
    except ValueError:
        return None


_SHORT_NUMERIC = re.compile(r"(\d{1,2})/(\d{1,2})/(\d\d)")


def r_cal(m: re.Match[str] | None, ctx: Context, s: int, e: int) -> Resolved | None:
    """A calendar string (also a spaCy DATE entity no pattern took: then m is None)."""
    if short := _SHORT_NUMERIC.fullmatch(ctx.text, s, e):  # "9/17/16": the century nearest publication
        y = 2000 + int(short.group(3))
        if y > (ctx.pub or date.today()).year + 1:
            y -= 100
        c: _Parts | None = (y, int(short.group(1)), int(short.group(2)))
    else:
        c = calendar_parts(ctx.text[s:e])
    if c is None or c[1] is None and c[0] is None:
        return None
    if c[0] is not None:
        return span(_cal_range(c, c[0]), False, NOTE_VAGUE)
    if ctx.pub is None:
        return Resolved(None, None, False, NOTE_NO_YEAR)
    return span(ctx.nearest(lambda y: _cal_range(c, y), s, e, day=c[2] is not None), False, NOTE_VAGUE)


def r_range(m: re.Match[str], ctx: Context, s: int, e: int) -> Resolved | None:
    a_text, b_text, y_text = m.group("a"), m.group("b"), group(m, "y")
    a = calendar_parts(a_text)
    if a is None:
        return None
    b: _Parts | None
    if re.fullmatch(r"\d\d", b_text) and a[0] and a[1] is None:  # "2016-17"
        b = (a[0] // 100 * 100 + int(b_text), None, None)
        if b[0] <= a[0]:
            return None
    elif re.fullmatch(r"\d{1,2}(?:st|nd|rd|th)?", b_text):  # "June 20-23"
        b = (None, a[1], int(re.match(r"\d+", b_text).group()))
    else:
        b = calendar_parts(b_text)
    if b is None or a[1] is None and a[0] is None or b[1] is None and b[0] is None:
        return None
    ya = a[0] or (int(y_text) if y_text else None) or b[0]
    yb = b[0] or (int(y_text) if y_text else None) or a[0]
    if ya is not None and yb is not None:
        ra, rb = _cal_range(a, ya), _cal_range(b, yb)
        if ra and rb and rb[1] < ra[0] and not a[0]:
            ra = _cal_range(a, ya - 1)
        if not ra or not rb or rb[1] < ra[0]:
            return None
        return Resolved(ra[0], rb[1], False)
    if ctx.pub is None:
        return Resolved(None, None, False, NOTE_NO_YEAR)

    def both(y: int) -> Range | None:
        ra, rb = _cal_range(a, y), _cal_range(b, y)
        if not ra or not rb:
            return None
        if rb[1] < ra[0]:
            rb = _cal_range(b, y + 1)
        return (ra[0], rb[1]) if rb else None

    return span(ctx.nearest(both, s, e), False, NOTE_VAGUE)


def r_cal_rel(m: re.Match[str], ctx: Context, s: int, e: int) -> Resolved | None:
    """ "June 16th of last year", "March of next year"."""
    if (r := need_publication(ctx.pub)) is not None:
        return r
    y = ctx.pub.year + {"last": -1, "next": 1, "this": 0}[m.group("rel").lower()]
    mon = MONTHS[m.group("m").lower().rstrip(".")]
    d = m.group("d")
    try:
        if d:
            x = date(y, mon, int(re.match(r"\d+", d).group()))
            return point(x, True)
    except ValueError:
        return None
    return span(month(y, mon), True, NOTE_VAGUE)


def r_mod_month(m: re.Match[str], ctx: Context, s: int, e: int) -> Resolved | None:
    """ "late September", "the end of June 2015", "mid-June"."""
    mon = MONTHS[m.group("m").lower().rstrip(".")]
    which = (m.group("mod") or m.group("pos")).lower()
    if m.group("y"):
        return span(third(month(int(m.group("y")), mon), which), False, NOTE_VAGUE)
    if ctx.pub is None:
        return Resolved(None, None, False, NOTE_NO_YEAR)
    return span(ctx.nearest(lambda y: third(month(y, mon), which), s, e), False, NOTE_VAGUE)


def r_mod_year(m: re.Match[str], ctx: Context, s: int, e: int) -> Resolved | None:
    """ "late 2014", "the end of 2015"."""
    which = (m.group("mod") or m.group("pos")).lower()
    return span(third(year(int(m.group("y"))), which), False, NOTE_VAGUE)


_QUARTERS = {"first": 1, "second": 4, "third": 7, "fourth": 10, "final": 10, "last": 10}


def r_quarter_year(m: re.Match[str], ctx: Context, s: int, e: int) -> Resolved | None:
    return span(months_range(int(m.group("y")), _QUARTERS[m.group("n").lower()], 3), False, NOTE_VAGUE)


def r_season_year(m: re.Match[str], ctx: Context, s: int, e: int) -> Resolved | None:
    r = season(int(m.group("y")), m.group("s").lower())
    return span(third(r, (m.group("mod") or "").lower() or None), False, NOTE_VAGUE)


def r_decade(m: re.Match[str], ctx: Context, s: int, e: int) -> Resolved | None:
    """ "the 1990s", "the mid-1990s", "the early '80s" (the century nearest publication)."""
    if m.group("dec"):
        y = int(m.group("dec"))
    else:
        y = 2000 + int(m.group("dec2"))
        if y > (ctx.pub or date.today()).year:
            y -= 100
    mod = (m.group("mod") or "").lower()
    first, last = {"early": (0, 3), "mid": (3, 6), "late": (7, 9)}.get(mod, (0, 9))
    return Resolved(date(y + first, 1, 1), date(y + last, 12, 31), False)


def r_season_rel(m: re.Match[str], ctx: Context, s: int, e: int) -> Resolved | None:
    """ "last spring": the latest meteorological spring that ended before publication."""
    if (r := need_publication(ctx.pub)) is not None:
        return r
    pub, name = ctx.pub, m.group("s").lower()
    rel = " ".join(m.group("rel").lower().split())
    occurrences = [season(y, name) for y in range(pub.year - 2, pub.year + 2)]
    if rel in ("last", "this past"):
        r = [o for o in occurrences if o[1] < pub][-1]
    elif rel in ("next", "this coming"):
        r = next(o for o in occurrences if o[0] > pub)
    else:  # "this summer": the one under way, else this year's, else by tense
        current = [o for o in occurrences if o[0] <= pub <= o[1]]
        if current:
            r = current[0]
        elif ctx.tense(s, e) == "past":
            r = [o for o in occurrences if o[1] < pub][-1]
        else:
            r = next(o for o in occurrences if o[0] > pub)
    return span(third(r, (m.group("mod") or "").lower() or None), True, NOTE_VAGUE)


def r_month(m: re.Match[str], ctx: Context, s: int, e: int) -> Resolved | None:
    """ "last December" (relative), "in May" (a partial date)."""
    name = m.group("m") or m.group("m2")
    mon = MONTHS[name.lower()]
    rel = " ".join(m.group("rel").lower().split()) if m.group("rel") else None
    if rel is None:  # "in May": a partial date
        if ctx.pub is None:
            return Resolved(None, None, False, NOTE_NO_YEAR)
        return span(ctx.nearest(lambda y: month(y, mon), s, e), False, NOTE_VAGUE)
    if (r := need_publication(ctx.pub)) is not None:
        return r
    pub = ctx.pub
    if rel in ("last", "this past"):
        y = pub.year if mon < pub.month else pub.year - 1
    elif rel in ("next", "this coming"):
        y = pub.year if mon > pub.month else pub.year + 1
    else:
        y = pub.year
    return span(month(y, mon), True, NOTE_VAGUE)


_HOLIDAY_TIMES = {"day", "eve", "morning", "afternoon", "evening", "night", "weekend"}


def _holiday_range(name: str, y: int) -> Range | None:
    d = holiday(name, y)
    return (d, d) if d is not None else None


def r_holiday(m: re.Match[str], ctx: Context, s: int, e: int) -> Resolved | None:
    """ "Christmas", "Election Day 2016", "Labor Day": a day of :mod:`.calendar`."""
    name = m.group("h")
    if " " not in name and not m.group("y"):  # "Christmas trees", "Halloween costumes": no date
        tok = ctx.token(s, m.end("h"))
        if tok is not None and tok.dep_ == "compound" and tok.head.lower_ not in _HOLIDAY_TIMES:
            return None
    if m.group("y"):
        return span(_holiday_range(name, int(m.group("y"))), False, NOTE_VAGUE)
    if ctx.pub is None:
        return Resolved(None, None, False, NOTE_NO_YEAR)
    return span(ctx.nearest(lambda y: _holiday_range(name, y), s, e, day=True), False, NOTE_VAGUE)


def r_year(m: re.Match[str], ctx: Context, s: int, e: int) -> Resolved | None:
    """ "in 2016", "since 1995", "2012" where spaCy tags it DATE."""
    if not m.group("pre"):
        tok = ctx.token(s, e)
        if tok is None or tok.ent_type_ != "DATE":
            return None  # "2000 people": a number, not a year
    return span(year(int(m.group("x"))), False, NOTE_VAGUE)
