"""Dates: every date or time expression, resolved against the publication date; the timeline.

One module a job, in the order the data flows:

- :mod:`.expressions`: the words and patterns of date and time expressions;
- :mod:`.finder`: :func:`find_dates`, the patterns run over the text, overlaps settled;
- :mod:`.resolution`: which resolver reads which pattern, and the rules they follow;
  the resolvers are in :mod:`.resolve_calendar` (dates the calendar names) and
  :mod:`.resolve_relative` (dates counted from publication, and the undatable);
- :mod:`.context` (the publication date, the tense, the nearest occurrence of a
  partial date), :mod:`.tense`, :mod:`.parsing` (dateparser), :mod:`.arithmetic`
  (relativedelta), :mod:`.calendar` (holidays, from the ``holidays`` package) and
  :mod:`.resolved` (what a resolver returns, and the notes);
- :mod:`.timeline`: :func:`build_timeline`, the dated events of the article.
"""

from __future__ import annotations

from .context import AHEAD_DAYS
from .finder import find_dates
from .resolved import (
    NOTE_ANCHORED,
    NOTE_CLOCK,
    NOTE_DURATION,
    NOTE_NO_PUBLICATION,
    NOTE_NO_YEAR,
    NOTE_RECURRING,
    NOTE_VAGUE,
)
from .timeline import build_timeline

__all__ = [
    "find_dates",
    "build_timeline",
    "AHEAD_DAYS",
    "NOTE_NO_PUBLICATION",
    "NOTE_NO_YEAR",
    "NOTE_DURATION",
    "NOTE_RECURRING",
    "NOTE_ANCHORED",
    "NOTE_VAGUE",
    "NOTE_CLOCK",
]
