"""Which resolver reads which pattern of :mod:`.expressions`, and the rules they follow.

Each expression is resolved to a day (``date``) or a range (``date`` … ``date_end``):

- an absolute date ("June 20, 2018", "2016", "the 1990s") resolves alone;
  calendar strings are read by dateparser (:mod:`.parsing`); the rest is arithmetic
  on the publication date (:mod:`.arithmetic`);
- a partial date ("June 20", "in May", "Labor Day") takes the publication year, or
  the year before where that would put it more than :data:`~.context.AHEAD_DAYS`
  days after publication; in a sentence about the future ("will close on June 30",
  "plans to vote", "is scheduled for") it is the next occurrence on or after
  publication, in the present tense a day is the occurrence nearest publication
  ("leaves office on Jan. 20"), after "since" the latest on or before it
  (:meth:`~.context.Context.nearest`, the tense from :mod:`.tense`, holidays from
  :mod:`.calendar`). With no publication date it stays unresolved: ``NOTE_NO_YEAR``;
- a relative expression (``relative`` true) needs the publication date
  (``NOTE_NO_PUBLICATION`` without one): a weekday is the latest one on or before
  publication (the next one on or after, in the future tense); "last week" is the
  calendar week before publication's (Monday to Sunday); "the past two weeks" the
  fourteen days up to publication; "two weeks ago" a day; "last spring" the latest
  meteorological spring that ended before publication;
- expressions counted from another event ("after two weeks", "two years later",
  "that Tuesday") are relative too, but left undated: ``NOTE_ANCHORED``;
- durations ("62 years", "weeks-long", "for decades"), recurring times ("every day",
  "the branch's Saturday story hour"), vague ones ("years ago", "recent months") and
  clock times with no day are kept with no date and a note saying which. Ages
  ("40-year-old"), lone numbers and other spaCy misfires are left out (None).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .context import Context
from .resolve_calendar import (
    r_cal,
    r_cal_rel,
    r_decade,
    r_holiday,
    r_mod_month,
    r_mod_year,
    r_month,
    r_quarter_year,
    r_range,
    r_season_rel,
    r_season_year,
    r_year,
)
from .resolve_relative import (
    r_after,
    r_ago,
    r_clock,
    r_deictic,
    r_duration,
    r_recent,
    r_recurring,
    r_unit_pos,
    r_unit_rel,
    r_weekday,
    r_window,
)
from .resolved import Resolved

__all__ = ["RESOLVERS", "Resolver"]

Resolver = Callable[[re.Match[str], Context, int, int], Resolved | None]

# pattern name (the first field of expressions.PATTERNS) → its resolver
RESOLVERS: dict[str, Resolver] = {
    "range": r_range,
    "cal_rel": r_cal_rel,
    "cal": r_cal,
    "mod_month": r_mod_month,
    "mod_year": r_mod_year,
    "quarter_year": r_quarter_year,
    "season_year": r_season_year,
    "decade": r_decade,
    "season_rel": r_season_rel,
    "month": r_month,
    "weekday": r_weekday,
    "deictic": r_deictic,
    "unit_pos": r_unit_pos,
    "unit_rel": r_unit_rel,
    "window": r_window,
    "recent": r_recent,
    "ago": r_ago,
    "after": r_after,
    "duration": r_duration,
    "recurring": r_recurring,
    "clock": r_clock,
    "holiday": r_holiday,
    "year": r_year,
}
