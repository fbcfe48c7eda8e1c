"""Dates: every date or time expression, resolved against the publication date; the timeline.

:func:`find_dates` reads ``doc.text`` with the patterns of :mod:`.datewords`
(calendar dates, ranges, years, quarters, decades, seasons, months, weekdays, "today",
"last week", "two weeks ago", "after two weeks", durations, recurring times,
clock times, holidays) and adds what spaCy tags DATE/TIME that no pattern
took, when it names a month or a weekday. Where candidates overlap, the
longest wins. Each expression is resolved to a day (``date``) or a range
(``date`` … ``date_end``):

- an absolute date ("June 20, 2018", "2016", "the 1990s") resolves alone;
  calendar strings are read by dateparser (one parser, built lazily, its
  answers cached by string); the rest is arithmetic on the publication date,
  since dateparser has no ranges and misreads "62 years" or "the 1990s";
- a partial date ("June 20", "in May", "Labor Day") takes the publication
  year, or the year before where that would put it more than
  :data:`AHEAD_DAYS` days after publication; in a sentence about the future
  ("will close on June 30", "plans to vote", "is scheduled for") it is the
  next occurrence on or after publication, in the present tense a day is the
  occurrence nearest publication ("leaves office on Jan. 20"), after "since"
  the latest on or before it. With no publication date it stays unresolved:
  :data:`NOTE_NO_YEAR`;
- a relative expression (``relative`` true) needs the publication date
  (:data:`NOTE_NO_PUBLICATION` without one): a weekday is the latest one on
  or before publication (the next one on or after, in the future tense);
  "last week" is the calendar week before publication's (Monday to Sunday);
  "the past two weeks" the fourteen days up to publication; "two weeks ago"
  a day; "last spring" the latest meteorological spring that ended before
  publication;
- expressions counted from another event ("after two weeks", "two years
  later", "that Tuesday") are relative too, but left undated:
  :data:`NOTE_ANCHORED`;
- durations ("62 years", "weeks-long", "for decades"), recurring times
  ("every day", "the branch's Saturday story hour"), vague ones ("years
  ago", "recent months") and clock times with no day are kept with no date
  and a note saying which. Ages ("40-year-old"), lone numbers and other
  spaCy misfires are left out.

:func:`build_timeline` keeps one event per sentence that reports something
(a verb, prose, not a byline or dateline) and holds a resolved date.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Callable, NamedTuple

from spacy.tokens import Doc, Token

from ..doctext import doc_text
from ..schema import Attribution, DateMention, Sentence, TimelineEvent
from .datewords import (
    EXACTISH,
    FUTURE_AUX,
    FUTURE_LEMMAS,
    MONTHS,
    NUMBER_WORDS,
    PARTS_OF_DAY,
    PATTERNS,
    SEASONS,
    TRIGGER_WORDS,
    UNITS,
    VAGUE_QUANTITIES,
    WEEKDAYS,
)

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

NOTE_NO_PUBLICATION = "relative to the publication date, which is unknown"
NOTE_NO_YEAR = "year unknown: no publication date"
NOTE_DURATION = "a duration, not a date"
NOTE_RECURRING = "a recurring time, not a date"
NOTE_ANCHORED = "counted from another event, not from the publication date"
NOTE_VAGUE = "too vague to date"
NOTE_CLOCK = "a time of day with no date"

# A partial date more than this many days after publication is last year's (not in the future tense).
AHEAD_DAYS = 61

_Range = tuple[date, date]


class _Res(NamedTuple):
    date: date | None
    end: date | None
    relative: bool
    note: str | None = None


def _point(d: date, relative: bool) -> _Res:
    return _Res(d, None, relative)


def _span(r: _Range | None, relative: bool, missing: str) -> _Res:
    if r is None:
        return _Res(None, None, relative, missing)
    return _Res(r[0], r[1] if r[1] != r[0] else None, relative)


# --- dateparser, for calendar strings ----------------------------------------------------------


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
def _calendar(text: str) -> tuple[int | None, int | None, int | None] | None:
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


# --- date arithmetic ----------------------------------------------------------------------------


def _last_day(y: int, m: int) -> int:
    return calendar.monthrange(y, m)[1]


def _month(y: int, m: int) -> _Range:
    return date(y, m, 1), date(y, m, _last_day(y, m))


def _year(y: int) -> _Range:
    return date(y, 1, 1), date(y, 12, 31)


def _add_months(d: date, n: int) -> date:
    y, m = divmod(d.year * 12 + d.month - 1 + n, 12)
    return date(y, m + 1, min(d.day, _last_day(y, m + 1)))


def _shift(d: date, q: float, unit: str, sign: int) -> date:
    days, months = UNITS[unit]
    if months:
        return _add_months(d, sign * round(q * months))
    return d + timedelta(days=sign * round(q * days))


def _months_range(y: int, m: int, n: int) -> _Range:
    """n months from (y, m)."""
    start = date(y, m, 1)
    last = _add_months(start, n - 1)
    return start, date(last.year, last.month, _last_day(last.year, last.month))


def _season(y: int, name: str) -> _Range:
    """The season that starts in year y (winter: December y to February y+1)."""
    return _months_range(y, SEASONS[name], 3)


def _third(r: _Range, which: str | None) -> _Range:
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


def _unit_range(d: date, unit: str, offset: int) -> _Range:
    """The calendar week/weekend/month/quarter/year/decade/century holding d, moved by offset units."""
    if unit == "week":
        start = d - timedelta(days=d.weekday()) + timedelta(weeks=offset)
        return start, start + timedelta(days=6)
    if unit == "weekend":
        sat = d - timedelta(days=d.weekday()) + timedelta(days=5, weeks=offset)
        return sat, sat + timedelta(days=1)
    if unit == "month":
        s = _add_months(date(d.year, d.month, 1), offset)
        return _month(s.year, s.month)
    if unit == "quarter":
        s = _add_months(date(d.year, 3 * ((d.month - 1) // 3) + 1, 1), 3 * offset)
        return _months_range(s.year, s.month, 3)
    if unit == "year":
        return _year(d.year + offset)
    if unit == "decade":
        y = d.year // 10 * 10 + 10 * offset
        return date(y, 1, 1), date(y + 9, 12, 31)
    y = d.year // 100 * 100 + 100 * offset  # century
    return date(y, 1, 1), date(y + 99, 12, 31)


def _quantity(q: str | None) -> float | None:
    """The number in "two", "62", "seven and a half", "twenty-two"; None for "a few", "years"."""
    if not q:
        return None
    q = " ".join(q.lower().replace("-", " ").split())
    half = 0.0
    if q.endswith(" and a half"):
        q, half = q[: -len(" and a half")], 0.5
    if q in VAGUE_QUANTITIES:
        return None
    try:
        return float(q) + half
    except ValueError:
        pass
    if q in NUMBER_WORDS:
        return NUMBER_WORDS[q] + half
    words = q.split()
    if len(words) == 2 and words[0] in NUMBER_WORDS and words[1] in NUMBER_WORDS:
        return NUMBER_WORDS[words[0]] + NUMBER_WORDS[words[1]] + half
    return None


def _unit(u: str) -> str:
    u = u.lower()
    if u in ("centuries", "century"):
        return "century"
    return u[:-1] if u.endswith("s") else u


# --- context: the publication date and the verb's tense ------------------------------------------


class _Ctx:
    def __init__(self, doc: Doc, text: str, pub: date | None):
        self.doc = doc
        self.text = text
        self.pub = pub
        self._tense: dict[tuple[int, int], str | None] = {}

    def token(self, start: int, end: int) -> Token | None:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return span.root if span is not None and len(span) else None

    def tense(self, start: int, end: int) -> str | None:
        """"future", "present", "past" or None: the tense of the clause the expression sits in."""
        key = (start, end)
        if key not in self._tense:
            tok = self.token(start, end)
            self._tense[key] = _tense(tok) if tok is not None else None
        return self._tense[key]

    def word_before(self, start: int) -> str:
        m = re.search(r"([A-Za-z]+)\W*$", self.text[max(0, start - 30) : start])
        return m.group(1).lower() if m else ""

    def nearest(
        self, fn: Callable[[int], _Range | None], start: int, end: int, day: bool = False
    ) -> _Range | None:
        """A partial date (fn: year → range) placed by the publication date and the tense.

        "since" takes the latest occurrence on or before publication; the future tense the next
        one on or after it; the present, for a day ("expires Sept. 30", "leaves office on
        Jan. 20"), the occurrence nearest publication; otherwise this year's, or last year's
        where this year's is more than AHEAD_DAYS after publication.
        """
        pub = self.pub
        if pub is None:
            return None
        if self.word_before(start) == "since":  # the latest occurrence on or before publication
            for y in range(pub.year, pub.year - 5, -1):
                if (r := fn(y)) and r[0] <= pub:
                    return r
            return None
        tense = self.tense(start, end)
        if day and tense == "present":
            options = [r for y in (pub.year - 1, pub.year, pub.year + 1) if (r := fn(y))]
            if options:
                return min(options, key=lambda r: abs((r[0] - pub).days))
        if tense == "future":
            for y in range(pub.year, pub.year + 5):
                r = fn(y)
                if r and r[1] >= pub:
                    return r
            return None
        for y in range(pub.year, pub.year - 5, -1):  # back over years with no such day (Feb. 29)
            r = fn(y)
            if r is None:
                continue
            if y == pub.year and r[0] > pub + timedelta(days=AHEAD_DAYS):
                continue
            return r
        return None


def _tense(tok: Token) -> str | None:
    """"future", "present", "past" or None: the tense of the verb that governs tok."""
    v = tok
    for _ in range(8):
        if v.pos_ in ("VERB", "AUX") or v.head is v:
            break
        v = v.head
    if v.pos_ not in ("VERB", "AUX"):
        return _tense_by_window(tok)
    tense = _own_tense(v)
    if tense is None and v.head is not v:
        infinitive = any(c.lower_ == "to" and c.dep_ == "aux" for c in v.children)
        if v.dep_ == "conj" or v.dep_ in ("xcomp", "ccomp") and infinitive:
            head = v.head
            tense = _own_tense(head)
            if infinitive and tense == "present" and (head.lemma_ in FUTURE_LEMMAS or head.lemma_ == "be"):
                tense = "future"  # "plans to vote", "expect Clinton to win", "is to vote"
    return tense or _tense_by_window(tok)


def _own_tense(w: Token) -> str | None:
    """The tense marked on w itself or on its auxiliaries."""
    auxes = [c for c in w.children if c.dep_ in ("aux", "auxpass")]
    if w.lower_ in FUTURE_AUX or any(c.lower_ in FUTURE_AUX for c in auxes):
        return "future"
    present = w.tag_ in ("VBZ", "VBP") or any(c.tag_ in ("VBZ", "VBP") for c in auxes)
    if present and (w.lemma_ in FUTURE_LEMMAS and w.lemma_ != "go" or w.lemma_ == "go" and w.tag_ == "VBG"):
        return "future"  # "is scheduled for", "plans a vote", "is going to"
    if w.tag_ == "VBD" or any(c.tag_ == "VBD" for c in auxes):
        return "past"
    if w.tag_ == "VBN" and any(c.lemma_ == "have" for c in auxes):
        return "past"
    return "present" if present else None


def _tense_by_window(tok: Token) -> str | None:
    """A "will" earlier in the sentence with no past-tense verb between: the future (headlines)."""
    try:
        sent = tok.sent
    except ValueError:  # a Doc with no sentence boundaries
        return None
    for t in reversed(sent[: tok.i - sent.start]):
        if t.tag_ == "VBD":
            return "past"
        if t.lower_ in FUTURE_AUX:
            return "future"
    return None


# --- resolvers, one per pattern ---------------------------------------------------------------


def _g(m: re.Match[str], name: str) -> str | None:
    try:
        return m.group(name)
    except IndexError:
        return None


def _need_pub(ctx: _Ctx) -> _Res | None:
    return None if ctx.pub else _Res(None, None, True, NOTE_NO_PUBLICATION)


def _cal_range(c: tuple[int | None, int | None, int | None], y: int) -> _Range | None:
    _, m, d = c
    try:
        if m and d:
            x = date(y, m, d)
            return x, x
        if m:
            return _month(y, m)
        return _year(y)
    except ValueError:
        return None


_SHORT_NUMERIC = re.compile(r"(\d{1,2})/(\d{1,2})/(\d\d)")


def _r_cal(m: re.Match[str] | None, ctx: _Ctx, s: int, e: int) -> _Res | None:
    """A calendar string (also a spaCy DATE entity no pattern took: then m is None)."""
    if short := _SHORT_NUMERIC.fullmatch(ctx.text, s, e):  # "9/17/16": the century nearest publication
        y = 2000 + int(short.group(3))
        if y > (ctx.pub or date.today()).year + 1:
            y -= 100
        c: tuple[int | None, int | None, int | None] | None = (y, int(short.group(1)), int(short.group(2)))
    else:
        c = _calendar(ctx.text[s:e])
    if c is None or c[1] is None and c[0] is None:
        return None
    if c[0] is not None:
        return _span(_cal_range(c, c[0]), False, NOTE_VAGUE)
    if ctx.pub is None:
        return _Res(None, None, False, NOTE_NO_YEAR)
    return _span(ctx.nearest(lambda y: _cal_range(c, y), s, e, day=c[2] is not None), False, NOTE_VAGUE)


def _r_range(m: re.Match[str], ctx: _Ctx, s: int, e: int) -> _Res | None:
    a_text, b_text, y_text = m.group("a"), m.group("b"), _g(m, "y")
    a = _calendar(a_text)
    if a is None:
        return None
    if re.fullmatch(r"\d\d", b_text) and a[0] and a[1] is None:  # "2016-17"
        b = (a[0] // 100 * 100 + int(b_text), None, None)
        if b[0] <= a[0]:
            return None
    elif re.fullmatch(r"\d{1,2}(?:st|nd|rd|th)?", b_text):  # "June 20-23"
        b = (None, a[1], int(re.match(r"\d+", b_text).group()))
    else:
        b = _calendar(b_text)
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
        return _Res(ra[0], rb[1], False)
    if ctx.pub is None:
        return _Res(None, None, False, NOTE_NO_YEAR)

    def both(y: int) -> _Range | None:
        ra, rb = _cal_range(a, y), _cal_range(b, y)
        if not ra or not rb:
            return None
        if rb[1] < ra[0]:
            rb = _cal_range(b, y + 1)
        return (ra[0], rb[1]) if rb else None

    return _span(ctx.nearest(both, s, e), False, NOTE_VAGUE)


def _r_cal_rel(m: re.Match[str], ctx: _Ctx, s: int, e: int) -> _Res | None:
    if (r := _need_pub(ctx)) is not None:
        return r
    y = ctx.pub.year + {"last": -1, "next": 1, "this": 0}[m.group("rel").lower()]
    mon = MONTHS[m.group("m").lower().rstrip(".")]
    d = m.group("d")
    try:
        if d:
            x = date(y, mon, int(re.match(r"\d+", d).group()))
            return _point(x, True)
    except ValueError:
        return None
    return _span(_month(y, mon), True, NOTE_VAGUE)


def _r_mod_month(m: re.Match[str], ctx: _Ctx, s: int, e: int) -> _Res | None:
    mon = MONTHS[m.group("m").lower().rstrip(".")]
    which = (m.group("mod") or m.group("pos")).lower()
    if m.group("y"):
        return _span(_third(_month(int(m.group("y")), mon), which), False, NOTE_VAGUE)
    if ctx.pub is None:
        return _Res(None, None, False, NOTE_NO_YEAR)
    return _span(ctx.nearest(lambda y: _third(_month(y, mon), which), s, e), False, NOTE_VAGUE)


def _r_mod_year(m: re.Match[str], ctx: _Ctx, s: int, e: int) -> _Res | None:
    which = (m.group("mod") or m.group("pos")).lower()
    return _span(_third(_year(int(m.group("y"))), which), False, NOTE_VAGUE)


_QUARTERS = {"first": 1, "second": 4, "third": 7, "fourth": 10, "final": 10, "last": 10}


def _r_quarter_year(m: re.Match[str], ctx: _Ctx, s: int, e: int) -> _Res | None:
    return _span(_months_range(int(m.group("y")), _QUARTERS[m.group("n").lower()], 3), False, NOTE_VAGUE)


def _r_season_year(m: re.Match[str], ctx: _Ctx, s: int, e: int) -> _Res | None:
    r = _season(int(m.group("y")), m.group("s").lower())
    return _span(_third(r, (m.group("mod") or "").lower() or None), False, NOTE_VAGUE)


def _r_decade(m: re.Match[str], ctx: _Ctx, s: int, e: int) -> _Res | None:
    if m.group("dec"):
        y = int(m.group("dec"))
    else:
        y = 2000 + int(m.group("dec2"))
        if y > (ctx.pub or date.today()).year:
            y -= 100
    mod = (m.group("mod") or "").lower()
    first, last = {"early": (0, 3), "mid": (3, 6), "late": (7, 9)}.get(mod, (0, 9))
    return _Res(date(y + first, 1, 1), date(y + last, 12, 31), False)


def _r_season_rel(m: re.Match[str], ctx: _Ctx, s: int, e: int) -> _Res | None:
    if (r := _need_pub(ctx)) is not None:
        return r
    pub, name = ctx.pub, m.group("s").lower()
    rel = " ".join(m.group("rel").lower().split())
    occurrences = [_season(y, name) for y in range(pub.year - 2, pub.year + 2)]
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
    return _span(_third(r, (m.group("mod") or "").lower() or None), True, NOTE_VAGUE)


def _r_month(m: re.Match[str], ctx: _Ctx, s: int, e: int) -> _Res | None:
    name = m.group("m") or m.group("m2")
    mon = MONTHS[name.lower()]
    rel = " ".join(m.group("rel").lower().split()) if m.group("rel") else None
    if rel is None:  # "in May": a partial date
        if ctx.pub is None:
            return _Res(None, None, False, NOTE_NO_YEAR)
        return _span(ctx.nearest(lambda y: _month(y, mon), s, e), False, NOTE_VAGUE)
    if (r := _need_pub(ctx)) is not None:
        return r
    pub = ctx.pub
    if rel in ("last", "this past"):
        y = pub.year if mon < pub.month else pub.year - 1
    elif rel in ("next", "this coming"):
        y = pub.year if mon > pub.month else pub.year + 1
    else:
        y = pub.year
    return _span(_month(y, mon), True, NOTE_VAGUE)


_ANAPHORIC = {"that", "the following", "the previous", "the next", "the same"}


def _r_weekday(m: re.Match[str], ctx: _Ctx, s: int, e: int) -> _Res | None:
    mod = " ".join(m.group("mod").lower().split()) if m.group("mod") else None
    if mod in ("every", "each") or m.group("pl"):
        return _Res(None, None, False, NOTE_RECURRING)
    if mod in _ANAPHORIC:
        return _Res(None, None, True, NOTE_ANCHORED)
    if mod is None and _in_name(ctx, m.start("wd"), m.end("wd")):
        return None
    if mod is None and not m.group("pod") and _names_recurring_day(ctx, m.start("wd"), m.end("wd")):
        return _Res(None, None, False, NOTE_RECURRING)
    if (r := _need_pub(ctx)) is not None:
        return r
    pub, wd = ctx.pub, WEEKDAYS[m.group("wd").lower()]
    if m.group("wk"):
        week = {"last": -1, "this": 0, "next": 1}[m.group("wk").lower()]
        return _point(_unit_range(pub, "week", week)[0] + timedelta(days=wd), True)
    back = (pub.weekday() - wd) % 7  # days back to the latest such weekday on or before publication
    ahead = (wd - pub.weekday()) % 7
    if mod in ("last", "this past"):
        return _point(pub - timedelta(days=back or 7), True)
    if mod in ("next", "this coming"):
        return _point(pub + timedelta(days=ahead or 7), True)
    if ctx.tense(s, e) == "future":
        return _point(pub + timedelta(days=ahead), True)
    return _point(pub - timedelta(days=back), True)


def _names_recurring_day(ctx: _Ctx, start: int, end: int) -> bool:
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


def _in_name(ctx: _Ctx, start: int, end: int, trust_ner: bool = True) -> bool:
    """ "USA Today", "Fox News Sunday": a capitalised date word after a capitalised word.

    With trust_ner, spaCy's DATE/TIME tag keeps it ("a piñata of President Donald Trump Tuesday").
    """
    if not ctx.text[start].isupper() or not _NAME_BEFORE.search(ctx.text, max(0, start - 40), start):
        return False
    if not trust_ner:
        return True
    tok = ctx.token(start, end)
    return tok is None or tok.ent_type_ not in ("DATE", "TIME")


def _r_deictic(m: re.Match[str], ctx: _Ctx, s: int, e: int) -> _Res | None:
    if _in_name(ctx, s, m.end("w"), trust_ner=False):
        return None
    if (r := _need_pub(ctx)) is not None:
        return r
    return _point(ctx.pub + timedelta(days=_DEICTIC[" ".join(m.group("w").lower().split())]), True)


def _r_unit_pos(m: re.Match[str], ctx: _Ctx, s: int, e: int) -> _Res | None:
    if (r := _need_pub(ctx)) is not None:
        return r
    offset = {"last": -1, "next": 1}.get((m.group("rel") or "").lower(), 0)
    return _span(_third(_unit_range(ctx.pub, m.group("unit").lower(), offset), m.group("pos").lower()), True, "")


def _r_unit_rel(m: re.Match[str], ctx: _Ctx, s: int, e: int) -> _Res | None:
    rel = " ".join(m.group("rel").lower().split())
    unit = m.group("unit").lower()
    mod = (m.group("mod") or "").lower()
    if rel in ("the previous", "the following"):
        return _Res(None, None, True, NOTE_ANCHORED)
    if (r := _need_pub(ctx)) is not None:
        return r
    pub = ctx.pub
    if rel in ("the past", "the last", "past"):
        r = (_shift(pub, 1, unit, -1), pub)
    elif rel in ("the coming", "the next"):
        r = (pub, _shift(pub, 1, unit, 1))
    elif unit == "weekend":
        r = _weekend(pub, rel, ctx.tense(s, e) if rel == "this" else None)
    else:
        offset = {"last": -1, "this past": -1, "next": 1, "this coming": 1}.get(rel, 0)
        r = _unit_range(pub, unit, offset)
    if mod == "earlier":
        r = (r[0], min(r[1], pub)) if rel == "this" else _half(r, 0)
    elif mod == "later":
        r = (max(r[0], pub), r[1]) if rel == "this" else _half(r, 1)
    elif mod:
        r = _third(r, mod)
    return _span(r, True, NOTE_VAGUE)


def _half(r: _Range, which: int) -> _Range:
    mid = r[0] + timedelta(days=((r[1] - r[0]).days + 1) // 2)
    return (r[0], mid - timedelta(days=1)) if which == 0 else (mid, r[1])


def _weekend(pub: date, rel: str, tense: str | None) -> _Range:
    this = _unit_range(pub, "weekend", 0)  # the Saturday and Sunday of publication's week
    if rel in ("last", "this past"):
        return this if this[1] < pub else _unit_range(pub, "weekend", -1)
    if rel in ("next", "this coming"):
        return this if this[0] > pub else _unit_range(pub, "weekend", 1)
    if tense == "past" and this[0] > pub:
        return _unit_range(pub, "weekend", -1)
    return this


def _r_window(m: re.Match[str], ctx: _Ctx, s: int, e: int) -> _Res | None:
    direction = m.group("dir").lower()
    unit_word = m.group("unit")
    unit = _unit(unit_word)
    if direction in ("previous", "following", "first", "final", "remaining", "closing"):
        return _Res(None, None, True, NOTE_ANCHORED)
    q = _quantity(m.group("q"))
    if q is None:
        if m.group("q") or unit_word.lower().endswith("s"):  # "the past few days", "the coming weeks"
            return _Res(None, None, True, NOTE_VAGUE)
        return None  # "the last week": left to the unit_rel pattern
    if (r := _need_pub(ctx)) is not None:
        return r
    if direction in ("past", "last"):
        return _span((_shift(ctx.pub, q, unit, -1), ctx.pub), True, NOTE_VAGUE)
    return _span((ctx.pub, _shift(ctx.pub, q, unit, 1)), True, NOTE_VAGUE)


def _r_recent(m: re.Match[str], ctx: _Ctx, s: int, e: int) -> _Res | None:
    return _Res(None, None, True, NOTE_VAGUE)


def _r_ago(m: re.Match[str], ctx: _Ctx, s: int, e: int) -> _Res | None:
    direction = " ".join(m.group("dir").lower().split())
    unit = _g(m, "unit")  # None in "long ago"
    if unit and not m.group("q") and not unit.lower().endswith("s") and ctx.word_before(s) not in ("the", "that"):
        return None  # "last night before a crowd", "all night after the attacks"; "the day after" counts
    if direction not in ("ago", "from now", "hence"):
        return _Res(None, None, True, NOTE_ANCHORED)
    approx = " ".join((_g(m, "approx") or "").lower().split())
    q = _quantity(m.group("q")) if unit else None  # None: "years ago", "a few weeks ago", "long ago"
    if q is None or approx and approx not in EXACTISH:
        return _Res(None, None, True, NOTE_VAGUE)
    if (r := _need_pub(ctx)) is not None:
        return r
    return _point(_shift(ctx.pub, q, _unit(unit), -1 if direction == "ago" else 1), True)


def _r_after(m: re.Match[str], ctx: _Ctx, s: int, e: int) -> _Res | None:
    prep = m.group("prep").lower()
    if prep != "in":
        return _Res(None, None, True, NOTE_ANCHORED)
    if ctx.tense(s, e) != "future":  # "did it in two weeks"
        return _r_duration(m, ctx, s, e)
    q = _quantity(m.group("q"))
    approx = " ".join((m.group("approx") or "").lower().split())
    if q is None or approx and approx not in EXACTISH:
        return _Res(None, None, True, NOTE_VAGUE)
    if (r := _need_pub(ctx)) is not None:
        return r
    return _point(_shift(ctx.pub, q, _unit(m.group("unit")), 1), True)


_A_DURATION_AFTER = {"for", "over", "than", "within", "in", "during", "took", "takes", "take", "spent", "spend",
                     "lasted", "last", "lasts", "after", "nearly", "about", "almost", "around", "another", "half",
                     "entire", "whole", "full", "extra", "additional"}  # fmt: skip
_AGE_BEFORE = {"age", "aged", "ages"}


def _r_duration(m: re.Match[str], ctx: _Ctx, s: int, e: int) -> _Res | None:
    q = (_g(m, "q") or "").lower()
    before = ctx.word_before(s)
    if before in _AGE_BEFORE or _quarter_of(m.group("unit"), ctx, e):
        return None  # "age 16", "a quarter of the money"
    if not _g(m, "approx") and before not in _A_DURATION_AFTER:
        if q in ("a", "an") or q == "one" and m.group("unit").lower() == "quarter":
            return None  # "$50,000 a year", "a day" in passing, "spend a quarter"
        if q == "one" and m.group("unit").lower() == "day":
            return _Res(None, None, False, NOTE_VAGUE)  # "one day" = some day
    return _Res(None, None, False, NOTE_DURATION)


def _quarter_of(unit: str, ctx: _Ctx, end: int) -> bool:
    return unit.lower().startswith("quarter") and ctx.text[end : end + 4].lower() == " of "


def _r_recurring(m: re.Match[str], ctx: _Ctx, s: int, e: int) -> _Res | None:
    return _Res(None, None, False, NOTE_RECURRING)


def _r_clock(m: re.Match[str], ctx: _Ctx, s: int, e: int) -> _Res | None:
    return _Res(None, None, False, NOTE_CLOCK)  # dated later from a date next to it


def _nth_weekday(y: int, month: int, weekday: int, n: int) -> date:
    if n > 0:
        first = date(y, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = date(y, month, _last_day(y, month))
    return last - timedelta(days=(last.weekday() - weekday) % 7)


def _holiday(name: str, y: int) -> date:
    n = " ".join(name.lower().replace("\u2019", "'").split())
    if n.startswith("christmas eve"):
        return date(y, 12, 24)
    if n.startswith("christmas"):
        return date(y, 12, 25)
    if n.startswith("new year's eve"):
        return date(y, 12, 31)
    if n.startswith("new year"):
        return date(y, 1, 1)
    if n.startswith("thanksgiving"):
        return _nth_weekday(y, 11, 3, 4)
    if n.startswith(("independence", "fourth of july", "july")):
        return date(y, 7, 4)
    if n.startswith("labor"):
        return _nth_weekday(y, 9, 0, 1)
    if n.startswith("memorial"):
        return _nth_weekday(y, 5, 0, -1)
    if n.startswith("veterans"):
        return date(y, 11, 11)
    if n.startswith("election"):
        return _nth_weekday(y, 11, 0, 1) + timedelta(days=1)
    if n.startswith("halloween"):
        return date(y, 10, 31)
    if n.startswith("valentine"):
        return date(y, 2, 14)
    if n.startswith(("martin", "mlk")):
        return _nth_weekday(y, 1, 0, 3)
    if n.startswith("presidents"):
        return _nth_weekday(y, 2, 0, 3)
    return date(y, 1, 20)  # inauguration day


_HOLIDAY_TIMES = {"day", "eve", "morning", "afternoon", "evening", "night", "weekend"}


def _r_holiday(m: re.Match[str], ctx: _Ctx, s: int, e: int) -> _Res | None:
    name = m.group("h")
    if " " not in name and not m.group("y"):  # "Christmas trees", "Halloween costumes": no date
        tok = ctx.token(s, m.end("h"))
        if tok is not None and tok.dep_ == "compound" and tok.head.lower_ not in _HOLIDAY_TIMES:
            return None
    if m.group("y"):
        return _point(_holiday(name, int(m.group("y"))), False)
    if ctx.pub is None:
        return _Res(None, None, False, NOTE_NO_YEAR)
    r = ctx.nearest(lambda y: (_holiday(name, y),) * 2, s, e, day=True)
    return _span(r, False, NOTE_VAGUE)


def _r_year(m: re.Match[str], ctx: _Ctx, s: int, e: int) -> _Res | None:
    if not m.group("pre"):
        tok = ctx.token(s, e)
        if tok is None or tok.ent_type_ != "DATE":
            return None  # "2000 people": a number, not a year
    return _span(_year(int(m.group("x"))), False, NOTE_VAGUE)


_RESOLVERS: dict[str, Callable[[re.Match[str], _Ctx, int, int], _Res | None]] = {
    "range": _r_range,
    "cal_rel": _r_cal_rel,
    "cal": _r_cal,
    "mod_month": _r_mod_month,
    "mod_year": _r_mod_year,
    "quarter_year": _r_quarter_year,
    "season_year": _r_season_year,
    "decade": _r_decade,
    "season_rel": _r_season_rel,
    "month": _r_month,
    "weekday": _r_weekday,
    "deictic": _r_deictic,
    "unit_pos": _r_unit_pos,
    "unit_rel": _r_unit_rel,
    "window": _r_window,
    "recent": _r_recent,
    "ago": _r_ago,
    "after": _r_after,
    "duration": _r_duration,
    "recurring": _r_recurring,
    "clock": _r_clock,
    "holiday": _r_holiday,
    "year": _r_year,
}

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
    ctx = _Ctx(doc, text, _published(published))
    found: list[tuple[int, int, int, _Res]] = []  # start, end, pattern order, resolution
    triggers = _triggers(text)
    for order, (kind, rx, classes) in enumerate(PATTERNS):
        resolve = _RESOLVERS[kind]
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
        res = _r_cal(None, ctx, s, e)
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


def _longest_first(found: list[tuple[int, int, int, _Res]]) -> list[tuple[int, int, int, _Res]]:
    """The candidates that survive overlaps: the longest first, then the pattern listed first."""
    found.sort(key=lambda c: (c[0] - c[1], c[2], c[0]))
    chosen: list[tuple[int, int, int, _Res]] = []
    for c in found:
        if not any(c[0] < o[1] and o[0] < c[1] for o in chosen):
            chosen.append(c)
    return chosen


def _date_clock_times(chosen: list[tuple[int, int, int, _Res]], text: str) -> None:
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
                chosen[i] = (s, e, order, _Res(r2.date, None, r2.relative))
                break


# --- timeline -----------------------------------------------------------------------------------

_FURNITURE = re.compile(
    r"(?i)^\W*(?:by|written\s+by|published|posted|updated|last\s+updated|first\s+published|filed|"
    r"photo|image|credit|related|read\s+more|copyright|\u00a9)\b"
)
_WORD = re.compile(r"[A-Za-z]{2,}")
_FINITE = {"VBD", "VBZ", "VBP", "MD"}


def build_timeline(doc: Doc, dates: list[DateMention], attributions: list[Attribution]) -> list[TimelineEvent]:
    """One event per sentence that reports something and holds a resolved date, in date order.

    The sentence's date is its first resolved expression (a clock time only when nothing
    else is dated). Bylines, datelines and other lines with no finite verb are left out.
    Events on the same day keep reading order. ``attributions`` is not used yet: a dated
    sentence counts whether or not someone is reported as saying it.
    """
    lines: dict[tuple[int, int], tuple[str, list[DateMention]]] = {}  # (start, end) → (text, dated mentions)
    for d in sorted(dates, key=lambda d: d.start):
        if not d.date:
            continue
        line = _line_of(doc, d)
        if line is None:
            continue
        start, end, line_text = line
        lines.setdefault((start, end), (line_text, []))[1].append(d)
    events: list[TimelineEvent] = []
    for (start, end), (line_text, inside) in lines.items():
        candidates = [
            d for d in inside if not _span_of_state(line_text, start, d) and not _in_dateline(line_text, start, d)
        ]
        if not candidates or not _reports_event(doc, line_text, start, end, inside):
            continue
        mention = next((d for d in candidates if not _is_clock(d.text)), candidates[0])
        events.append(
            TimelineEvent(
                sentence=Sentence(start=start, end=end, text=line_text),
                date=mention.date,
                date_end=mention.date_end,
                expression=mention.text,
            )
        )
    events.sort(key=lambda ev: ev.date)
    return events


_CLOCK_RX = re.compile(r"(?i)\d{1,2}(?::\d\d)?\s*[ap]\.?m\b|noon|midnight|o['\u2019]clock")
_WINDOW_START = ("the next", "the past", "the last", "the coming")


# "HEMPSTEAD, N.Y., Sept. 26 (UPI) — …": the date of a dateline is the publication's, not an event's
_DATELINE_BEFORE = re.compile(
    r"(?:^|\n)[ \t]*[A-Z][A-Z .'\u2019&-]+"  # PLACE in capitals
    r"(?:,[ \t]*[A-Z][A-Za-z.]*(?:[ \t]+[A-Z][A-Za-z.]*)*)*,?[ \t]*$"  # , State
)
_DATELINE_AFTER = re.compile(r"[ \t]*(?:\([^()\n]{1,40}\))?[ \t]*(?:[-\u2013\u2014]{1,2}|:)")


def _in_dateline(line: str, base: int, d: DateMention) -> bool:
    start, end = d.start - base, d.end - base
    return bool(_DATELINE_AFTER.match(line, end) and _DATELINE_BEFORE.search(line, max(0, start - 80), start))


def _span_of_state(line: str, base: int, d: DateMention) -> bool:
    """ "(budget) for the next decade", "for the past two weeks": how long something holds, not when."""
    start = d.start - base
    return d.text.lower().startswith(_WINDOW_START) and line[max(0, start - 4) : start].lower() == "for "


def _is_clock(s: str) -> bool:
    return bool(_CLOCK_RX.match(s))


def _line_of(doc: Doc, d: DateMention) -> tuple[int, int, str] | None:
    """The sentence holding d, cut at line breaks and trimmed: (start, end, text)."""
    span = doc.char_span(d.start, d.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    try:
        sent = span[0].sent
    except ValueError:  # a Doc with no sentence boundaries
        return None
    text, base = sent.text, sent.start_char
    a = text.rfind("\n", 0, d.start - base) + 1
    b = text.find("\n", d.end - base)
    if b < 0:
        b = len(text)
    piece = text[a:b]
    a += len(piece) - len(piece.lstrip())
    b = a + len(piece.strip())
    return base + a, base + b, text[a:b]


def _reports_event(doc: Doc, line: str, start: int, end: int, inside: list[DateMention]) -> bool:
    if _FURNITURE.match(line):
        return False
    rest = line
    for d in reversed(inside):
        rest = rest[: d.start - start] + " " + rest[d.end - start :]
    if len(_WORD.findall(rest)) < 3:  # a dateline or a date on its own
        return False
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    return any(t.pos_ == "VERB" or t.pos_ == "AUX" and t.dep_ == "ROOT" or t.tag_ in _FINITE for t in span)
