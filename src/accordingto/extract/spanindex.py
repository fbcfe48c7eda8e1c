"""Look-ups among character ranges by bisection, so that the rules' cost stays linear in the text.

The rules ask, for each candidate, which other candidates' ranges contain or
overlap one of its own. Scanning every candidate for each is quadratic: on
'"He said," she said.' repeated 20,000 times (20,000 candidates) it takes
hours. :class:`RangeIndex` answers those questions by bisecting over the
ranges' starts.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from typing import Generic, TypeVar

T = TypeVar("T")

LONG = 2000  # ranges longer than this (a quote or clause of a whole paragraph) are kept apart


class RangeIndex(Generic[T]):
    """Fixed (start, end, item) triples; yields the items whose range contains or overlaps a query.

    Short ranges can only meet a query if they start at most ``LONG`` characters
    before it, so a look-up walks back that far; long ones (few, since they are
    quotes or clauses that rarely overlap) are walked back while the running
    maximum of their ends still reaches the query.
    """

    def __init__(self, triples: list[tuple[int, int, T]]):
        self._tiers = []
        for long in (False, True):
            rows = sorted((r for r in triples if (r[1] - r[0] > LONG) == long), key=lambda r: (r[0], r[1]))
            starts = [r[0] for r in rows]
            reach, top = [], -1
            for r in rows:
                top = max(top, r[1])
                reach.append(top)
            self._tiers.append((long, rows, starts, reach))

    def _walk(self, a: int, upto: int, need: int, strict: bool) -> Iterator[T]:
        """Items with start < ``upto`` (or <= when ``strict`` is False) and end reaching ``need``."""
        for long, rows, starts, reach in self._tiers:
            i = (bisect_left(starts, upto) if strict else bisect_right(starts, upto)) - 1
            while i >= 0:
                if long:
                    if reach[i] < need:
                        break
                elif rows[i][0] < a - LONG:
                    break
                if rows[i][1] >= need:
                    yield rows[i][2]
                i -= 1

    def containing(self, a: int, b: int) -> Iterator[T]:
        """Items whose range [start, end) contains [a, b)."""
        return self._walk(a, a, b, strict=False)

    def overlapping(self, a: int, b: int) -> Iterator[T]:
        """Items whose range [start, end) overlaps [a, b) (b > a)."""
        return self._walk(a, b, a + 1, strict=True)
