"""What a resolver returns: a day or a range, whether it is relative, and a note when undated.

The notes are the fixed sentences a :class:`~accordingto.schema.DateMention` carries in
``note`` when its expression has no date; they are part of the public interface.
"""

from __future__ import annotations

import re
from datetime import date
from typing import NamedTuple

NOTE_NO_PUBLICATION = "relative to the publication date, which is unknown"
NOTE_NO_YEAR = "year unknown: no publication date"
NOTE_DURATION = "a duration, not a date"
NOTE_RECURRING = "a recurring time, not a date"
NOTE_ANCHORED = "counted from another event, not from the publication date"
NOTE_VAGUE = "too vague to date"
NOTE_CLOCK = "a time of day with no date"

Range = tuple[date, date]


class Resolved(NamedTuple):
    """A day (``end`` None) or a range (``date`` … ``end``); with no ``date``, ``note`` says why."""

    date: date | None
    end: date | None
    relative: bool
    note: str | None = None


def point(d: date, relative: bool) -> Resolved:
    return Resolved(d, None, relative)


def span(r: Range | None, relative: bool, missing: str) -> Resolved:
    """A range (a one-day range as a day); ``missing`` is the note where there is none."""
    if r is None:
        return Resolved(None, None, relative, missing)
    return Resolved(r[0], r[1] if r[1] != r[0] else None, relative)


def group(m: re.Match[str], name: str) -> str | None:
    """The match's group ``name``, None where the pattern has no such group."""
    try:
        return m.group(name)
    except IndexError:
        return None


def need_publication(pub: date | None) -> Resolved | None:
    """The undated result of an expression relative to an unknown publication date, else None."""
    return None if pub else Resolved(None, None, True, NOTE_NO_PUBLICATION)
