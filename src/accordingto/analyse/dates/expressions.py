"""The words and patterns of date and time expressions, for :mod:`.finder`.

Every pattern is compiled case-insensitive, except month and weekday names,
which must start with a capital ("May 12", not "may"; "Monday", not "monday")
so that the modal verb, "march" and "sun" never read as dates.
"""

from __future__ import annotations

import re

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
# meteorological seasons (northern hemisphere): first month, number of months
SEASONS = {"spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12}

NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "a hundred": 100, "one hundred": 100, "a dozen": 12, "dozen": 12,
    "half a": 0.5, "a half": 0.5,
}  # fmt: skip
# quantities that name no number: the expression cannot be dated
VAGUE_QUANTITIES = {
    "a few", "few", "several", "many", "some", "a couple", "a couple of", "couple of", "couple",
    "dozens of", "hundreds of", "a number of", "numerous", "countless", "so many", "a handful of",
}  # fmt: skip

# unit → (days, months): one of them is 0
UNITS = {
    "second": (0, 0), "minute": (0, 0), "hour": (0, 0), "day": (1, 0), "night": (1, 0),
    "week": (7, 0), "weekend": (7, 0), "fortnight": (14, 0), "month": (0, 1), "quarter": (0, 3),
    "year": (0, 12), "decade": (0, 120), "century": (0, 1200), "half-century": (0, 600),
}  # fmt: skip

FUTURE_AUX = {"will", "'ll", "\u2019ll", "shall", "wo"}  # "wo" of "won't"
# "plans to vote", "is scheduled to", "is set for": a present-tense verb that puts its event ahead
FUTURE_LEMMAS = {"plan", "schedule", "set", "slate", "expect", "intend", "due", "go", "aim", "prepare", "poise"}
PARTS_OF_DAY = {"morning", "afternoon", "evening", "night", "noon", "midnight", "overnight"}

# --- regular expression pieces -------------------------------------------------------------------

_MON_FULL = r"January|February|March|April|May|June|July|August|September|October|November|December"
_MON_ABBR = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
MON = rf"(?-i:(?:{_MON_FULL})\b|{_MON_ABBR}(?!\w))"
MON_FULL = rf"(?-i:(?:{_MON_FULL})\b)"
WD = r"(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d|[:.]\d|\s*(?:%|percent\b))\b"
YEAR = r"(?:1[6-9]\d\d|20\d\d)(?![\d%]|,\d)"
_NUM_WORD = (
    r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:[-\s](?:one|two|three|four|five|six|seven|eight|nine))?"
    r"|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen"
    r"|seventeen|eighteen|nineteen|(?:a|one)\s+hundred|hundred|a\s+dozen|dozen|half\s+a"
)
_VAGUE = (
    r"a\s+few|few|several|many|some|a\s+couple(?:\s+of)?|couple(?:\s+of)?|dozens\s+of|hundreds\s+of"
    r"|a\s+number\s+of|numerous|countless|a\s+handful\s+of"
)
NUM = rf"(?:\d+(?:\.\d+)?|{_NUM_WORD}|{_VAGUE}|an?)(?:\s+and\s+a\s+half)?"
_UNIT_WORDS = r"second|minute|hour|day|night|weekend|week|fortnight|month|quarter|year|decade|half-century"
UNIT = rf"(?:(?:{_UNIT_WORDS})s?|century|centuries)"
APPROX = (
    r"about|nearly|almost|roughly|around|approximately|some|just|only|more\s+than|over|less\s+than|under"
    r"|at\s+least|at\s+most|barely|exactly|precisely|close\s+to|upwards\s+of|fewer\s+than|up\s+to"
)
# approximations that still name a day: "about a year ago" is dated, "more than a year ago" is not
EXACTISH = {
    "about", "nearly", "almost", "roughly", "around", "approximately", "some", "just", "only", "barely",
    "exactly", "precisely", "close to",
}  # fmt: skip
SEASON = r"spring|summer|fall|autumn|winter"
POD = r"morning|afternoon|evening|night"

_CAL_MDY = rf"{MON}\s*{DAY}(?:\s*,?\s*{YEAR})?"
_CAL_DMY = rf"(?:the\s+)?(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\s+(?:of\s+)?{MON}(?:\s*,?\s*{YEAR})?"
_CAL_MY = rf"{MON}\s*,?\s+(?:of\s+)?{YEAR}"
_NUMERIC = r"(?<![\d/.-])(?:\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})|\d{4}-\d{2}-\d{2})(?![\d/.-]\d)"
CAL = rf"(?:{_CAL_MDY}|{_CAL_DMY}|{_CAL_MY}|{_NUMERIC})"
_SIDE = rf"(?:{_CAL_MDY}|{_CAL_MY}|{MON_FULL}|{YEAR})"


def _c(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.I | re.X)


# (name, pattern, triggers): every match of every pattern is a candidate; where candidates overlap the
# longest wins, then the one listed first. A group named ``x`` gives the expression's span
# where the match takes in context words ("in May" → "May"). A pattern is only tried near
# a word of one of its trigger classes (see :data:`TRIGGER_WORDS`): a few windows of the
# text instead of all of it.
PATTERNS: list[tuple[str, re.Pattern[str], tuple[str, ...]]] = [
    # "between June 20 and July 3", "from 2010 to 2012"
    ("range", _c(
        rf"\b(?:between|from)\s+(?P<a>{_SIDE})"
        rf"\s*(?:and|to|until|till|through|thru|[-\u2013\u2014])\s*(?P<b>{_SIDE}|{DAY})"
    ), ("mon", "year")),
    # "September 16-19", "Sept. 19 to 22", "June 20 - July 3, 2018"
    ("range", _c(
        rf"(?P<a>{MON}\s*{DAY})\s*(?:[-\u2013\u2014]|\bto\b|\bthrough\b|\buntil\b)\s*"
        rf"(?P<b>{MON}\s*{DAY}|{DAY})(?:\s*,?\s*(?P<y>{YEAR}))?"
    ), ("mon",)),
    # "1995 to 1997", "2010-2012", "2016-17"
    ("range", _c(
        rf"(?<![\w$.,/-])(?P<a>{YEAR})\s*(?:[-\u2013\u2014]|\bto\b|\bthrough\b)\s*"
        rf"(?P<b>{YEAR}|\d\d)\b(?!\s*(?:%|percent|-))"
    ), ("year",)),
    # "June 16th of last year", "March of next year"
    ("cal_rel", _c(rf"(?P<m>{MON})(?:\s*(?P<d>{DAY}))?\s+of\s+(?P<rel>last|next|this)\s+year\b"), ("mon",)),
    # "Tuesday, June 20, 2018", "June 20", "20 June 2018", "January 2017", "6/20/2018"
    ("cal", _c(rf"(?:(?P<wd>{WD})(?:['\u2019]s)?,?\s+)?(?P<x>{CAL})"), ("mon", "year", "numeric")),
    # "late September", "the end of June 2015", "mid-June"
    ("mod_month", _c(
        rf"(?:(?P<mod>early|mid|late)[\s-]*|the\s+(?P<pos>end|beginning|start|middle)\s+of\s+)"
        rf"(?P<m>{MON_FULL}|{_MON_ABBR})(?:\s*,?\s+(?:of\s+)?(?P<y>{YEAR}))?(?!\s*\d)"
    ), ("mon",)),
    # "late 2014", "the end of 2015"
    ("mod_year", _c(
        rf"(?:\b(?P<mod>early|mid|late)[\s-]*|\bthe\s+(?P<pos>end|beginning|start|middle)\s+of\s+)(?P<y>{YEAR})\b"
    ), ("year",)),
    # "the third quarter of 2015"
    ("quarter_year", _c(
        rf"(?:\bthe\s+)?\b(?P<n>first|second|third|fourth|final|last)\s+quarter\s+(?:of\s+)?(?P<y>{YEAR})"
    ), ("year",)),
    # "the summer of 2010", "spring 2015"
    ("season_year", _c(
        rf"(?:\bthe\s+)?(?:\b(?P<mod>early|mid|late)[\s-]*)?\b(?P<s>{SEASON})\s+(?:of\s+)?(?P<y>{YEAR})"
    ), ("year",)),
    # "the 1990s", "the mid-1990s", "the early '80s"
    ("decade", _c(
        r"(?:\bthe\s+)?(?:\b(?P<mod>early|mid|late)[\s-]*)?"
        r"(?:\b(?P<dec>1[5-9]\d0|20\d0)s|['\u2019](?P<dec2>\d0)s)\b"
    ), ("decade",)),
    # "last spring", "this summer", "next fall"
    ("season_rel", _c(
        rf"\b(?:(?P<mod>early|late)\s+)?(?P<rel>last|this\s+past|this\s+coming|this|next)\s+(?P<s>{SEASON})\b"
    ), ("season",)),
    # "last December", "in May", "by March"
    ("month", _c(
        rf"\b(?:(?P<rel>last|next|this\s+past|this\s+coming|this)\s+(?P<m>{MON_FULL})"
        rf"|(?:in|since|until|till|by|from|through|during|before|after)\s+(?P<x>(?P<m2>{MON_FULL})))"
        r"(?!\s*\d)(?!\s*,?\s+(?:of\s+)?(?:last|next|this)\s+year\b)"
    ), ("mon",)),
    # "last Tuesday", "Tuesday", "Friday night", "earlier Friday", "every Monday", "Mondays"
    ("weekday", _c(
        r"(?:\b(?P<mod>last|next|this\s+past|this\s+coming|this|early|late|earlier|later|that|the\s+following"
        r"|the\s+previous|the\s+next|the\s+same|every|each|midnight)\s+)?"
        rf"\b(?P<wd>{WD})(?P<pl>s)?\b(?:\s+(?P<pod>{POD}))?(?:\s+of\s+(?P<wk>last|this|next)\s+week)?"
    ), ("wd",)),
    # "today", "last night", "this morning", "tomorrow night"
    ("deictic", _c(
        r"\b(?P<w>today|tonight|yesterday|tomorrow|last\s+night|this\s+(?:morning|afternoon|evening)"
        r"|(?:the\s+)?day\s+before\s+yesterday|(?:the\s+)?day\s+after\s+tomorrow)\b"
        rf"(?:\s+(?P<pod>{POD}))?"
    ), ("deictic",)),
    # "the end of the year", "the beginning of next month"
    ("unit_pos", _c(
        r"\bthe\s+(?P<pos>end|beginning|start|middle)\s+of\s+(?:the|this|(?P<rel>last|next))\s+"
        r"(?P<unit>week|month|year|decade|century)\b"
    ), ("unit",)),
    # "last week", "earlier this month", "the past decade", "next year", "this past weekend"
    ("unit_rel", _c(
        r"\b(?:(?P<mod>earlier|later|early|late)\s+)?"
        r"(?P<rel>last|this\s+past|this\s+coming|this|next|the\s+past|the\s+last|the\s+coming|the\s+next"
        r"|the\s+previous|the\s+following|past)\s+"
        r"(?P<unit>weekend|week|month|year|decade|century|quarter)\b(?!-)(?!\s+of\b)"
    ), ("unit",)),
    # "the past two weeks", "the next eight weeks", "the coming years", "the final weeks"
    ("window", _c(
        r"\b(?:(?:the|these|those)\s+)?"
        r"(?P<dir>past|last|next|coming|previous|following|first|final|remaining|closing)\s+"
        rf"(?:(?P<q>{NUM})\s+)?(?P<unit>{UNIT})\b(?!-)"
    ), ("unit",)),
    # "in recent months", "recent years"
    ("recent", _c(r"\b(?:in\s+)?recent\s+(?P<unit>days|weeks|months|years|decades)\b"), ("unit",)),
    # "two weeks ago", "about a year ago", "years ago", "three days later", "a month from now"
    ("ago", _c(
        rf"(?:\b(?P<approx>{APPROX})\s+)?(?:\b(?P<q>{NUM})\s+)?\b(?P<unit>{UNIT})\s+"
        r"(?P<dir>ago|from\s+now|hence|earlier|later|before|after|afterwards?|prior)\b"
    ), ("unit",)),
    ("ago", _c(r"\b(?P<q>(?:a\s+)?long\s+time|long|not\s+long|not\s+so\s+long|ages)\s+(?P<dir>ago)\b"), ("ago",)),
    # "after two weeks", "within a month", "in two weeks"
    ("after", _c(
        rf"\b(?P<prep>after|within|before|in)\s+(?:(?P<approx>{APPROX})\s+)?(?P<q>{NUM})\s+(?P<unit>{UNIT})\b"
        r"(?![-\u2019']|\s+(?:old|of\s+age)\b)"
    ), ("unit",)),
    # "62 years", "more than a year", "seven and a half years"
    ("duration", _c(
        rf"(?:\b(?P<approx>{APPROX})\s+)?\b(?P<q>{NUM})\s+(?P<unit>{UNIT})\b"
        r"(?![-\u2019']|\s+(?:old|of\s+age)\b)"
    ), ("unit",)),
    # "four-year", "30-minute", "weeks-long"
    ("duration", _c(rf"\b(?P<q>\d+|{_NUM_WORD})-(?P<unit>{_UNIT_WORDS}|century)(?:-long)?\b(?!-old|-\w)"), ("unit",)),
    ("duration", _c(r"\b(?P<unit>seconds|minutes|hours|days|weeks|months|years|decades|centuries)-long\b"), ("unit",)),
    # "for years", "over decades"
    ("duration", _c(
        r"\b(?:for|over)\s+(?P<x>(?:many\s+|several\s+)?(?P<unit>hours|days|weeks|months|years|decades|centuries))"
        r"\b(?!\s*-)"
    ), ("unit",)),
    # "every day", "each year", "daily", "twice a week", "on Saturdays"
    ("recurring", _c(
        rf"\b(?:(?:every|each)\s+(?:single\s+|other\s+)?(?:{UNIT}|{SEASON}|{POD})"
        rf"|(?:once|twice|\w+\s+times)\s+(?:a|per|each)\s+{UNIT}"
        r"|(?-i:daily|weekly|monthly|annually|yearly|quarterly|nightly|biweekly)|day\s+after\s+day)\b"
    ), ("unit", "recur", "deictic", "season")),
    # "3 a.m.", "9:00 a.m. Eastern", "noon", "6 o'clock"
    ("clock", _c(
        r"(?<![\w.:])(?:\d{1,2}(?::\d\d)?\s*(?:[ap]\.m\.|[ap]\.m\b|[ap]m\b)"
        r"|\d{1,2}:\d\d(?=\s*(?:ET|EST|EDT|PT|PST|PDT|CT|CST|CDT|GMT|UTC)\b)|\d{1,2}\s+o['\u2019]clock|noon|midnight)"
        r"(?:\s+(?:ET|EST|EDT|PT|PST|PDT|CT|CST|CDT|MT|GMT|UTC|E\.T\.|(?-i:Eastern|Pacific|Central|Mountain))\b\.?)?"
    ), ("clock",)),
    # "Christmas", "Election Day 2016", "Labor Day"
    ("holiday", _c(
        r"(?-i:\b(?P<h>Christmas\s+Eve|Christmas(?:\s+Day)?|New\s+Year['\u2019]s(?:\s+Eve|\s+Day)?"
        r"|Thanksgiving(?:\s+Day)?|Independence\s+Day|Fourth\s+of\s+July|July\s+(?:4th|Fourth)|Labor\s+Day"
        r"|Memorial\s+Day|Veterans\s+Day|[Ee]lection\s+[Dd]ay|Halloween|Valentine['\u2019]s\s+Day"
        r"|Martin\s+Luther\s+King(?:\s+Jr\.?)?\s+Day|MLK\s+Day|Presidents['\u2019]?\s+Day|Inauguration\s+Day)\b)"
        rf"(?:\s*,?\s*(?P<y>{YEAR}))?"
    ), ("holiday", "mon")),
    # "in 2016", "since 1995", "2012" (a year alone counts where spaCy tags it DATE or a word before it says so)
    ("year", _c(
        r"(?:\b(?P<pre>in|since|by|until|till|through|from|before|after|during|of|between|and|to|circa|around"
        r"|year|the\s+year|early|late|mid|spring|summer|fall|autumn|winter)[\s-]+)?"
        rf"(?<![\w$\u00a3\u20ac#.,/-])(?P<x>{YEAR})\b(?!-\d)"
    ), ("year",)),
]  # fmt: skip


def _variants(words: str) -> list[str]:
    return [v for w in words.split() for v in (w, w.capitalize(), w.upper())]


# word → the trigger classes it belongs to (words as the scanner of :mod:`.finder` cuts them:
# runs of letters, or digits with the letters after them)
TRIGGER_WORDS: dict[str, tuple[str, ...]] = {}
for _cls, _words in (
    ("unit", _variants(
        "second seconds minute minutes hour hours day days night nights week weeks weekend weekends "
        "fortnight month months quarter quarters year years decade decades century centuries")),
    ("deictic", _variants("today tonight yesterday tomorrow morning afternoon evening night")),
    ("season", _variants("spring summer fall autumn winter")),
    ("recur", "daily weekly monthly annually yearly quarterly nightly biweekly".split()),
    ("ago", _variants("ago")),
    ("clock", _variants("am pm m noon midnight clock")),
    ("mon", [*(w.capitalize() for w in MONTHS), "Sept"]),
    ("wd", [*(w.capitalize() for w in WEEKDAYS), *(w.capitalize() + "s" for w in WEEKDAYS)]),
    ("holiday", "Christmas Thanksgiving Halloween Labor Memorial Veterans Election election Independence "
                "Inauguration Valentine MLK Presidents Fourth Year King".split()),
):  # fmt: skip
    for _w in _words:
        TRIGGER_WORDS[_w] = (*TRIGGER_WORDS.get(_w, ()), _cls)
