"""Dates and the timeline: accordingto.analyse.find_dates and build_timeline.

Three kinds of test: the founding article and the bundled example through the
whole pipeline (``accordingto.analyze``), and made-up sentences parsed by the
real spaCy pipeline, one rule at a time.

Decisions the tests pin down:

- a partial date with no publication date has ``date`` null and the note
  "year unknown: no publication date"; a relative one (weekday, "last week")
  the note "relative to the publication date, which is unknown";
- durations ("62 years", "weeks-long") are kept, undated, with the note
  "a duration, not a date"; ages ("40-year-old") are left out;
- "after two weeks" is counted from another event: relative, undated;
- "last spring" is the latest meteorological spring (March to May) that ended
  before publication;
- in the future tense a partial date or weekday is the next one on or after
  publication ("will close on June 30").
"""

from __future__ import annotations


import pytest

import accordingto
from accordingto.analyse import build_timeline, find_dates
from accordingto.analyse.dates import (
    NOTE_ANCHORED,
    NOTE_DURATION,
    NOTE_NO_PUBLICATION,
    NOTE_NO_YEAR,
    NOTE_RECURRING,
    NOTE_VAGUE,
)
from accordingto.pipeline import parse
from accordingto.schema import DateMention
from conftest import FOUNDING


def _dates(text: str, published: str | None = "2018-07-09") -> list[DateMention]:
    return find_dates(parse(text), published)


def _one(text: str, published: str | None = "2018-07-09") -> DateMention:
    found = _dates(text, published)
    assert len(found) == 1, [d.text for d in found]
    return found[0]


def _by_text(dates: list[DateMention], text: str) -> DateMention:
    hits = [d for d in dates if d.text == text]
    assert hits, (text, [d.text for d in dates])
    return hits[0]


def _offsets_hold(text: str, dates: list[DateMention]) -> None:
    for d in dates:
        assert 0 <= d.start < d.end <= len(text)
        assert text[d.start : d.end] == d.text
    assert [d.start for d in dates] == sorted(d.start for d in dates)


# --- the founding article, published Monday 2018-07-09 ---------------------------------------


def test_founding_partial_date_takes_the_publication_year(founding_report):
    d = _by_text(founding_report.dates, "June 20")
    assert (d.date, d.date_end, d.relative, d.note) == ("2018-06-20", None, False, None)


def test_founding_weekday_is_the_one_before_publication(founding_report):
    d = _by_text(founding_report.dates, "Tuesday")
    assert d.date == "2018-07-03"  # the Tuesday before Monday 2018-07-09
    assert d.relative and d.note is None


def test_founding_weeks_ago(founding_report):
    d = _by_text(founding_report.dates, "two weeks ago")
    assert d.date == "2018-06-25" and d.relative


def test_founding_durations_and_counted_from_an_event(founding_report):
    weeks_long = _by_text(founding_report.dates, "Weeks-long")
    assert weeks_long.date is None and weeks_long.note == NOTE_DURATION and not weeks_long.relative
    after = _by_text(founding_report.dates, "After two weeks")
    assert after.date is None and after.note == NOTE_ANCHORED and after.relative


def test_founding_names_are_not_dates(founding_report):
    # "The Daily Caller" is no recurring time
    assert not any(d.text.lower() == "daily" for d in founding_report.dates)


def test_founding_offsets(founding_report):
    assert founding_report.dates
    _offsets_hold(founding_report.text, founding_report.dates)


def test_founding_timeline(founding_report):
    got = [(e.date, e.expression) for e in founding_report.timeline]
    assert got == [("2018-06-20", "June 20"), ("2018-06-25", "two weeks ago"), ("2018-07-03", "Tuesday")]
    for e in founding_report.timeline:
        assert founding_report.text[e.sentence.start : e.sentence.end] == e.sentence.text
        assert e.expression in e.sentence.text
    assert founding_report.timeline[0].sentence.text.startswith("Weeks-long protests")


@pytest.fixture(scope="module")
def founding_undated():
    if not FOUNDING.exists():
        pytest.skip("../shared/examples is not beside this checkout")
    return accordingto.analyze(FOUNDING.read_bytes(), fast=True)


def test_founding_without_publication_date(founding_undated):
    june = _by_text(founding_undated.dates, "June 20")
    assert june.date is None and june.note == NOTE_NO_YEAR and not june.relative
    for text in ("Tuesday", "two weeks ago"):
        d = _by_text(founding_undated.dates, text)
        assert d.date is None and d.note == NOTE_NO_PUBLICATION and d.relative
    assert founding_undated.timeline == []


# --- the bundled example, published Saturday 2026-03-14 -----------------------------------------


def test_example_future_partial_dates(example_report):
    june = _by_text(example_report.dates, "June 30")  # "will close on June 30"
    assert june.date == "2026-06-30" and not june.relative
    may = _by_text(example_report.dates, "May 12")  # "will hold a public hearing … on May 12"
    assert may.date == "2026-05-12"


def test_example_weekday(example_report):
    assert _by_text(example_report.dates, "Tuesday").date == "2026-03-10"


def test_example_seasons(example_report):
    spring = _by_text(example_report.dates, "last spring")
    assert (spring.date, spring.date_end, spring.relative) == ("2025-03-01", "2025-05-31", True)
    summer = _by_text(example_report.dates, "This Summer")  # headline: "Will Close Its Doors This Summer"
    assert (summer.date, summer.date_end) == ("2026-06-01", "2026-08-31")


def test_example_durations_and_habits(example_report):
    assert _by_text(example_report.dates, "62 years").note == NOTE_DURATION
    assert _by_text(example_report.dates, "more than a year").note == NOTE_DURATION
    saturday = _by_text(example_report.dates, "Saturday")  # "the branch's Saturday story hour"
    assert saturday.date is None and saturday.note == NOTE_RECURRING


def test_example_offsets_and_timeline(example_report):
    _offsets_hold(example_report.text, example_report.dates)
    got = [(e.date, e.date_end, e.expression) for e in example_report.timeline]
    assert got == [
        ("2025-03-01", "2025-05-31", "last spring"),
        ("2026-05-12", None, "May 12"),
        ("2026-06-01", "2026-08-31", "This Summer"),
        ("2026-06-30", None, "June 30"),  # one event per sentence: the first date, not "Tuesday"
    ]
    # "for the next decade" is how long the budget holds, not when something happened
    assert not any("next decade" in e.sentence.text for e in example_report.timeline)


# --- one rule at a time ---------------------------------------------------------------------------


def test_absolute_date_needs_no_publication_date():
    d = _one("The treaty was signed on June 20, 2018.", None)
    assert (d.text, d.date, d.date_end, d.relative, d.note) == ("June 20, 2018", "2018-06-20", None, False, None)


@pytest.mark.parametrize(
    "text, published, expected",
    [
        ("The offices closed on June 20.", "2018-07-09", "2018-06-20"),
        ("The offices closed on June 20.", "2018-03-01", "2017-06-20"),  # over two months ahead: last year's
        ("The offices closed on Sept. 11.", "2016-09-20", "2016-09-11"),
        ("The court will rule on June 30.", "2018-07-09", "2019-06-30"),  # future: the next June 30
        ("The board plans to vote on Aug. 3.", "2018-07-09", "2018-08-03"),
        ("Shootings have risen since January 1st.", "2016-09-29", "2016-01-01"),
    ],
)
def test_partial_dates(text, published, expected):
    d = _one(text, published)
    assert d.date == expected and not d.relative and d.note is None


def test_partial_date_without_publication_date():
    d = _one("The offices closed on June 20.", None)
    assert (d.date, d.relative, d.note) == (None, False, NOTE_NO_YEAR)


@pytest.mark.parametrize(
    "text, published, expected",
    [
        ("Protesters gathered Tuesday.", "2018-07-09", "2018-07-03"),  # Monday: last Tuesday
        ("Protesters gathered Tuesday.", "2018-07-03", "2018-07-03"),  # a Tuesday: that day
        ("The council will vote Tuesday.", "2018-07-09", "2018-07-10"),  # future: the coming Tuesday
        ("He spoke last Monday.", "2018-07-09", "2018-07-02"),
        ("Police made arrests Friday night.", "2018-07-09", "2018-07-06"),
    ],
)
def test_weekdays(text, published, expected):
    d = _one(text, published)
    assert d.date == expected and d.relative and d.note is None


def test_relative_without_publication_date():
    for text in ("Protesters gathered Tuesday.", "Police made arrests last week.", "The mayor spoke three days ago."):
        d = _one(text, None)
        assert (d.date, d.relative, d.note) == (None, True, NOTE_NO_PUBLICATION)


def test_days_ago():
    d = _one("The mayor spoke three days ago.")
    assert (d.text, d.date, d.date_end, d.relative) == ("three days ago", "2018-07-06", None, True)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Police made arrests last week.", ("last week", "2018-07-02", "2018-07-08")),  # Monday to Sunday
        ("Earlier this month, the agency changed course.", ("Earlier this month", "2018-07-01", "2018-07-09")),
        ("The company lost money last year.", ("last year", "2017-01-01", "2017-12-31")),
        ("Turnout rose over the past two weeks.", ("the past two weeks", "2018-06-25", "2018-07-09")),
        ("The council met between June 20 and July 3.", ("between June 20 and July 3", "2018-06-20", "2018-07-03")),
        ("The poll was conducted June 16-19.", ("June 16-19", "2018-06-16", "2018-06-19")),
    ],
)
def test_ranges(text, expected):
    d = _one(text)
    assert (d.text, d.date, d.date_end) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The report was published in 2016.", ("2016", "2016-01-01", "2016-12-31")),
        ("It happened in the 1990s.", ("the 1990s", "1990-01-01", "1999-12-31")),
        ("The bill failed in the summer of 2010.", ("the summer of 2010", "2010-06-01", "2010-08-31")),
        ("He said it in December 2009.", ("December 2009", "2009-12-01", "2009-12-31")),
        ("The panel ran from 2010 to 2012.", ("from 2010 to 2012", "2010-01-01", "2012-12-31")),
        ("Sales rose in the third quarter of 2015.", ("the third quarter of 2015", "2015-07-01", "2015-09-30")),
    ],
)
def test_absolute_periods(text, expected):
    d = _one(text, None)
    assert (d.text, d.date, d.date_end) == expected and not d.relative


def test_durations_are_not_dates():
    d = _one("He served on the council for 62 years.")
    assert (d.text, d.date, d.relative, d.note) == ("62 years", None, False, NOTE_DURATION)
    d = _one("Weeks-long protests shut the office.")
    assert (d.text, d.date, d.note) == ("Weeks-long", None, NOTE_DURATION)


def test_counted_from_another_event():
    d = _one("After two weeks, employees were able to return.")
    assert (d.text, d.date, d.relative, d.note) == ("After two weeks", None, True, NOTE_ANCHORED)
    d = _one("He joined the firm two years later.")
    assert (d.date, d.note) == (None, NOTE_ANCHORED)


def test_vague_and_recurring():
    assert _one("The group formed years ago.").note == NOTE_VAGUE
    assert _one("Prices have risen in recent months.").note == NOTE_VAGUE
    assert _one("The store opens every Monday.").note == NOTE_RECURRING


def test_no_dates():
    assert _dates("Nothing to see here, the mayor said.") == []
    assert find_dates(parse(""), "2018-07-09") == []


def test_ages_numbers_and_names_are_not_dates():
    assert _dates("The 40-year-old, who left school at age 16, is 43 years old.") == []
    assert _dates("She told USA Today that 2000 people came.") == []


def test_clock_time_takes_the_day_next_to_it():
    found = _dates("They met at 3 p.m. Tuesday.")
    assert [(d.text, d.date) for d in found] == [("3 p.m.", "2018-07-03"), ("Tuesday", "2018-07-03")]


def test_offsets_with_odd_spacing():
    text = "Filed\u00a0on Sept.\u00a011, 2001.  Updated last\n\nweek, and again   on Tuesday."
    found = _dates(text)
    _offsets_hold(text, found)
    assert _by_text(found, "Sept.\u00a011, 2001").date == "2001-09-11"


# --- the timeline ----------------------------------------------------------------------------------


def _timeline(text: str, published: str | None = "2018-07-09"):
    doc = parse(text)
    return build_timeline(doc, find_dates(doc, published), [])


def test_timeline_in_date_order():
    text = (
        "The council voted Tuesday to close the branch. "
        "The library first opened on March 3, 1956. "
        "Its roof began to leak last week, officials said."
    )
    got = [(e.date, e.expression) for e in _timeline(text)]
    assert got == [("1956-03-03", "March 3, 1956"), ("2018-07-02", "last week"), ("2018-07-03", "Tuesday")]


def test_timeline_one_event_per_sentence_and_stable_order():
    text = "On June 20 the office closed and on June 25 it reopened. Staff returned on June 20."
    events = _timeline(text)
    assert [(e.date, e.expression) for e in events] == [("2018-06-20", "June 20"), ("2018-06-20", "June 20")]
    assert events[0].sentence.text.startswith("On June 20 the office closed")
    assert events[1].sentence.text == "Staff returned on June 20."


def test_timeline_skips_bylines_and_datelines():
    text = (
        "Council Closes Library\n\n"
        "By Jane Doe\n"
        "July 9, 2018\n\n"
        "PORTLAND, Ore., July 9 (AP) \u2014 The council voted Tuesday to close the branch.\n\n"
        "Published July 9, 2018 at 10:00 a.m.\n"
    )
    events = _timeline(text)
    assert [(e.date, e.expression) for e in events] == [("2018-07-03", "Tuesday")]


def test_timeline_needs_resolved_dates():
    assert _timeline("The council voted Tuesday to close the branch.", None) == []
    assert _timeline("He served on the council for 62 years.") == []
    assert _timeline("Nothing happened.") == []

