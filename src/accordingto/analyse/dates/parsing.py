"""Calendar strings ("June 20, 2018", "20 June", "January 2017") read by dateparser.

One parser for the process, built lazily (its first parse is slow), its answers cached by
string. Only the parts the string names are kept: the rest is filled by the resolvers'
own rules, since dateparser has no ranges and misreads "62 years" or "the 1990s".
"""

from __future__ import annotations

import re
from datetime import datetime
from functools import lru_cache

__all__ = ["calendar_parts"]


@lru_cache(maxsize=1)
def _dateparser():
    """One DateDataParser for the process, built on first use (its first parse is slow)."""
    from dateparser import DateDataParser

    return DateDataParser(
        languages=["en"],
        settings={
            # the parts a string leaves out are filled by our own rules, not from this base
            "RELATIVE_BASE": datetime(2000, 1, 1, 12),
            "PREFER_DATES_FROM": "past",
            "RETURN_AS_TIMEZONE_AWARE": False,
        },
    )


_WEEKDAY_PREFIX = re.compile(r"^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:['\u2019]s)?,?\s+")


@lru_cache(maxsize=4096)
def calendar_parts(text: str) -> tuple[int | None, int | None, int | None] | None:
    """(year, month, day) of a calendar string, None for the parts it leaves out; None if not a date."""
    text = _WEEKDAY_PREFIX.sub("", " ".join(text.split()))
    data = _dateparser().get_date_data(text)
    if data.date_obj is None:
        return None
    parts = set(data.parts)
    d = data.date_obj
    return (
        d.year if "year" in parts else None,
        d.month if "month" in parts else None,
        d.day if "day" in parts else None,
    )
