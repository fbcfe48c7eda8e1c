"""Calendar arithmetic: months, years, seasons, weeks and shifts, with dateutil's relativedelta.

Month arithmetic clamps the day to the month's end as relativedelta does ("a month
before" March 31 is the last day of February); weeks run Monday to Sunday. Also here:
the quantity and unit an expression counts ("seven and a half", "years").
"""

from __future__ import annotations

from datetime import date, timedelta

from dateutil.relativedelta import MO, relativedelta

from .expressions import NUMBER_WORDS, SEASONS, UNITS, VAGUE_QUANTITIES
from .resolved import Range

__all__ = [
    "month",
    "year",
    "months_range",
    "season",
    "third",
    "half",
    "unit_range",
    "shift",
    "quantity",
    "unit_name",
]


def month(y: int, m: int) -> Range:
    start = date(y, m, 1)
    return start, start + relativedelta(day=31)


def year(y: int) -> Range:
    return date(y, 1, 1), date(y, 12, 31)


def months_range(y: int, m: int, n: int) -> Range:
    """n months from (y, m)."""
    start = date(y, m, 1)
    return start, start + relativedelta(months=n, days=-1)


def season(y: int, name: str) -> Range:
    """The season that starts in year y (winter: December y to February y+1)."""
    return months_range(y, SEASONS[name], 3)


def third(r: Range, which: str | None) -> Range:
    """The early, middle or late third of a range."""
    if not which:
        return r
    n = (r[1] - r[0]).days + 1
    a = max(1, n // 3)
    if which in ("early", "beginning", "start"):
        return r[0], r[0] + timedelta(days=a - 1)
    if which in ("late", "end"):
        return r[1] - timedelta(days=a - 1), r[1]
    return r[0] + timedelta(days=a), r[1] - timedelta(days=a)  # mid, middle


def half(r: Range, which: int) -> Range:
    """The first (0) or second (1) half of a range."""
    mid = r[0] + timedelta(days=((r[1] - r[0]).days + 1) // 2)
    return (r[0], mid - timedelta(days=1)) if which == 0 else (mid, r[1])


def unit_range(d: date, unit: str, offset: int) -> Range:
    """The calendar week/weekend/month/quarter/year/decade/century holding d, moved by offset units."""
    if unit == "week":
        start = d + relativedelta(weekday=MO(-1), weeks=offset)
        return start, start + timedelta(days=6)
    if unit == "weekend":
        sat = d + relativedelta(weekday=MO(-1)) + relativedelta(days=5, weeks=offset)
        return sat, sat + timedelta(days=1)
    if unit == "month":
        start = d + relativedelta(day=1, months=offset)
        return month(start.year, start.month)
    if unit == "quarter":
        start = date(d.year, 3 * ((d.month - 1) // 3) + 1, 1) + relativedelta(months=3 * offset)
        return months_range(start.year, start.month, 3)
    if unit == "year":
        return year(d.year + offset)
    if unit == "decade":
        y = d.year // 10 * 10 + 10 * offset
        return date(y, 1, 1), date(y + 9, 12, 31)
    y = d.year // 100 * 100 + 100 * offset  # century
    return date(y, 1, 1), date(y + 99, 12, 31)


def shift(d: date, q: float, unit: str, sign: int) -> date:
    """d moved q units forward (sign 1) or back (-1); months, quarters and longer by calendar months."""
    days, months = UNITS[unit]
    if months:
        return d + relativedelta(months=sign * round(q * months))
    return d + relativedelta(days=sign * round(q * days))


def quantity(q: str | None) -> float | None:
    """The number in "two", "62", "seven and a half", "twenty-two"; None for "a few", "years"."""
    if not q:
        return None
    q = " ".join(q.lower().replace("-", " ").split())
    extra = 0.0
    if q.endswith(" and a half"):
        q, extra = q[: -len(" and a half")], 0.5
    if q in VAGUE_QUANTITIES:
        return None
    try:
        return float(q) + extra
    except ValueError:
        pass
    if q in NUMBER_WORDS:
        return NUMBER_WORDS[q] + extra
    words = q.split()
    if len(words) == 2 and words[0] in NUMBER_WORDS and words[1] in NUMBER_WORDS:
        return NUMBER_WORDS[words[0]] + NUMBER_WORDS[words[1]] + extra
    return None


def unit_name(u: str) -> str:
    """The singular unit of "weeks", "centuries", "Year"."""
    u = u.lower()
    if u in ("centuries", "century"):
        return "century"
    return u.removesuffix("s")
