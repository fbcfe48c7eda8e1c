"""Holidays: the day a named US holiday falls on in a year, None in a year that has none.

The days whose date moves or was set by law come from the ``holidays`` package (the US
federal calendar with the District of Columbia's, for Inauguration Day; the holidays
themselves, not the weekday they are observed on): Thanksgiving, Labor Day, Memorial Day,
Veterans Day, Martin Luther King Jr. Day, Presidents Day (Washington's Birthday) and
Inauguration Day (January 20 of the year after a presidential election: 2013, 2017,
2021…; March 4 before 1937). A year without the holiday has none: no Inauguration Day
in 2016, no Martin Luther King Jr. Day before 1986, no Veterans Day before 1954 (and the
fourth Monday of October in 1971–1977, as it was).

Kept as rules, documented here: the days on a fixed date, which the package holds only
as federal holidays from 1870 or not at all (Christmas Eve, December 24; Christmas,
December 25; New Year's Eve, December 31; New Year's Day, January 1; Independence Day
and the Fourth of July, July 4; Halloween, October 31; Valentine's Day, February 14), and
Election Day, the Tuesday after the first Monday in November (2 U.S.C. § 7), which the
package has only as a holiday of some states.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from dateutil.relativedelta import TU, relativedelta

__all__ = ["holiday"]

# the words a name starts with (lower case, straight apostrophe) → the package's name for it
_FROM_LIBRARY = (
    ("thanksgiving", "Thanksgiving Day"),
    ("labor", "Labor Day"),
    ("memorial", "Memorial Day"),
    ("veterans", "Veterans Day"),
    ("martin", "Martin Luther King Jr. Day"),
    ("mlk", "Martin Luther King Jr. Day"),
    ("presidents", "Washington's Birthday"),
    ("inauguration", "Inauguration Day"),
)
# fixed dates: (words a name starts with, month, day); the first that fits wins
_FIXED = (
    ("christmas eve", 12, 24),
    ("christmas", 12, 25),
    ("new year's eve", 12, 31),
    ("new year", 1, 1),
    ("independence", 7, 4),
    ("fourth of july", 7, 4),
    ("july", 7, 4),
    ("halloween", 10, 31),
    ("valentine", 2, 14),
)


@lru_cache(maxsize=512)
def _us(y: int) -> dict[str, date]:
    """The package's US (and DC) holidays of year y, by name (imported on first use: half a second)."""
    import holidays

    days = holidays.US(years=y, subdiv="DC", observed=False, language="en_US")
    return {name: d for d in days for name in days.get_list(d)}


def holiday(name: str, y: int) -> date | None:
    """The day of the holiday ``name`` ("Labor Day", "Christmas Eve", "MLK Day") in year y."""
    n = " ".join(name.lower().replace("\u2019", "'").split())
    for words, month, day in _FIXED:
        if n.startswith(words):
            return date(y, month, day)
    if n.startswith("election"):
        return date(y, 11, 2) + relativedelta(weekday=TU)  # the Tuesday after the first Monday
    for words, library_name in _FROM_LIBRARY:
        if n.startswith(words):
            return _us(y).get(library_name)
    raise ValueError(f"not a holiday this module knows: {name!r}")
