"""The kept libraries under accordingto.analyse.dates: relativedelta arithmetic, the holidays package.

Month arithmetic clamps the day to the month's end; weekdays count from publication;
holidays come from the ``holidays`` package, and Inauguration Day falls only in the
years after a presidential election (issue 13: an article of 2016-06-01 gave 2016-01-20).
"""

from __future__ import annotations

from datetime import date

import pytest

from accordingto.analyse import find_dates
from accordingto.analyse.dates.arithmetic import months_range, shift, unit_range
from accordingto.analyse.dates.calendar import holiday
from accordingto.pipeline import parse


def _only(text: str, published: str | None) -> tuple[str, str | None, str | None]:
    found = find_dates(parse(text), published)
    assert len(found) == 1, [d.text for d in found]
    return found[0].text, found[0].date, found[0].date_end


# --- relativedelta arithmetic --------------------------------------------------------------------


def test_month_arithmetic_clamps_the_day():
    assert shift(date(2016, 3, 31), 1, "month", -1) == date(2016, 2, 29)
    assert shift(date(2015, 3, 31), 1, "month", -1) == date(2015, 2, 28)
    assert shift(date(2016, 1, 31), 1.5, "year", 1) == date(2017, 7, 31)
    assert shift(date(2016, 8, 31), 1, "quarter", 1) == date(2016, 11, 30)
    assert months_range(2016, 12, 3) == (date(2016, 12, 1), date(2017, 2, 28))
    assert unit_range(date(2016, 6, 5), "week", -1) == (date(2016, 5, 23), date(2016, 5, 29))  # a Sunday
    assert unit_range(date(2016, 6, 6), "weekend", 0) == (date(2016, 6, 11), date(2016, 6, 12))
    assert unit_range(date(2016, 1, 15), "quarter", -1) == (date(2015, 10, 1), date(2015, 12, 31))


@pytest.mark.parametrize(
    "text, published, expected",
    [
        ("They met last month.", "2016-03-31", ("last month", "2016-02-01", "2016-02-29")),
        ("They met a month ago.", "2016-03-31", ("a month ago", "2016-02-29", None)),
        ("They met in the past month.", "2016-03-31", ("the past month", "2016-02-29", "2016-03-31")),
        ("They met last quarter.", "2016-01-31", ("last quarter", "2015-10-01", "2015-12-31")),
        # 2016-06-01 is a Wednesday, 2016-06-02 a Thursday
        ("They will meet next Thursday.", "2016-06-01", ("next Thursday", "2016-06-02", None)),
        ("They will meet next Thursday.", "2016-06-02", ("next Thursday", "2016-06-09", None)),
        ("They met last Thursday.", "2016-06-02", ("last Thursday", "2016-05-26", None)),
        ("They met Thursday.", "2016-06-02", ("Thursday", "2016-06-02", None)),
        ("They met Thursday.", "2016-06-01", ("Thursday", "2016-05-26", None)),
        ("They will meet Thursday.", "2016-06-01", ("Thursday", "2016-06-02", None)),
    ],
)
def test_months_and_weekdays_from_publication(text, published, expected):
    assert _only(text, published) == expected


# --- holidays ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("They met on Thanksgiving 2016.", ("Thanksgiving 2016", "2016-11-24", None)),
        ("They met on Memorial Day 2018.", ("Memorial Day 2018", "2018-05-28", None)),
        ("They met on Labor Day 2016.", ("Labor Day 2016", "2016-09-05", None)),
        ("They met on Martin Luther King Jr. Day 2016.", ("Martin Luther King Jr. Day 2016", "2016-01-18", None)),
        ("They met on Presidents Day 2016.", ("Presidents Day 2016", "2016-02-15", None)),
        ("They met on Election Day 2016.", ("Election Day 2016", "2016-11-08", None)),
        ("They met on Christmas Eve 2016.", ("Christmas Eve 2016", "2016-12-24", None)),
    ],
)
def test_holidays_of_a_year(text, expected):
    assert _only(text, "2018-07-09") == expected


def test_the_calendar():
    assert holiday("Thanksgiving", 2017) == date(2017, 11, 23)
    assert holiday("Memorial Day", 1960) == date(1960, 5, 30)  # before the Uniform Monday Holiday Act
    assert holiday("Election Day", 2020) == date(2020, 11, 3)
    assert holiday("Election Day", 2015) == date(2015, 11, 3)  # the rule, every year
    assert holiday("Christmas", 1776) == date(1776, 12, 25)  # a fixed date, federal holiday or not
    assert holiday("MLK Day", 1980) is None  # a federal holiday from 1986
    assert [y for y in range(2010, 2030) if holiday("Inauguration Day", y)] == [2013, 2017, 2021, 2025, 2029]
    assert holiday("Inauguration Day", 2013) == date(2013, 1, 20)
    assert holiday("Inauguration Day", 2017) == date(2017, 1, 20)


def test_inauguration_day_only_in_an_inauguration_year():
    """Issue 13: published 2016-06-01, "Inauguration Day" was 2016-01-20, when no one was sworn in."""
    text = "Obama leaves office on Inauguration Day."  # the present tense: the nearest one
    assert _only(text, "2016-06-01") == ("Inauguration Day", "2017-01-20", None)
    text = "Protesters marched in Washington on Inauguration Day."  # the past: the latest one
    assert _only(text, "2016-06-01") == ("Inauguration Day", "2013-01-20", None)
    assert _only("They met on Inauguration Day 2016.", "2016-06-01") == ("Inauguration Day 2016", None, None)


def test_inauguration_day_ahead():
    text = "The winner will be sworn in on Inauguration Day."
    assert _only(text, "2016-06-01") == ("Inauguration Day", "2017-01-20", None)
    assert _only(text, "2017-03-01") == ("Inauguration Day", "2021-01-20", None)
