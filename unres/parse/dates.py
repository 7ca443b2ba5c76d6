"""Every full date (day, month and year) written in a piece of text.

Forms read: "25 June 1993", "1st November 1947", "the 3rd of May 1999", "31st October,
1947", "October 14th, 1947", "November 9, 1994", capitals ("16 DECEMBER 2020"), and the
converter damage of real inputs: a date split over lines, glued to the word before
("on29 June 2021"), a footnote digit glued to the year ("17 July 20203" is 17 July 2020
with footnote 3) and a year broken by a space ("19 98") right after a month.

Not dates: a month and year alone ("in June 2018"), a year alone, numeric forms ("2/18",
"5/15/2008"), abbreviated months ("Nov. 9, 1994": UN texts spell months out; such forms
come from web-page wrappers), impossible days ("31 February 2021") and ISO dates
("2025-12-05"): UN resolution texts never write them, so in an input they only come from
wrapper metadata (YAML front matter, page "date" fields) that is not part of the document.

In a range only the fully written end is a date ("from 31 August to 8 September 2001",
"on 12 and 13 November 2012", "9 to 20 July 2001" also written with an en dash): the open
start has no year of its own in the text, so it is not read.
"""

from __future__ import annotations

import datetime as dt
import re

from unres.parse.vocab import MONTHS

__all__ = ["find_dates"]

# --- tokens ------------------------------------------------------------------------------
# Every date holds a month name, so the scan looks for month names only (one pass)
# and reads the day and year around each; the patterns below are matched at those spots.

# Title case or capitals only: "may" and "march" in lower case are verbs.
MONTH_NAME = re.compile(
    "(?:" + "|".join(f"{name.title()}|{name.upper()}" for name in MONTHS) + ")(?![A-Za-z])"
)
_ORDINAL_SUFFIX = r"(?:st|nd|rd|th)"
# Day first, matched backwards from the month: "25 June", "3rd of May", "on29 June" (no
# word boundary before the day: a converter may glue it to the preceding word).
# "of" only after an ordinal: "the 3rd of May", not "paragraph 3 of May 2019".
DAY_BEFORE_MONTH = re.compile(
    rf"(?<![0-9])(?P<day>[0-3]?[0-9])(?:{_ORDINAL_SUFFIX}(?:\s+of)?)?\s*\Z"
)
DAY_BEFORE_MONTH_REACH = 24
# A four-digit year, or one broken by a space ("19 98"). Up to three digits glued after
# it are a footnote marker, outside the raw span.
_YEAR = (
    r"(?:(?P<year>(?:1[5-9]|2[01])[0-9]{2})(?=[0-9]{0,3}(?![0-9]))"
    r"|(?P<year_head>1[5-9]|2[01])[ ](?P<year_tail>[0-9]{2})(?![0-9]))"
)
# After the month of a day-first date: "June 1993", "October, 1947", "December2020".
YEAR_AFTER_MONTH = re.compile(rf"\.?,?\s*{_YEAR}")
# After the month of a month-first date: "November 9, 1994", "August 4th 1947" (a bare
# "June 12 2019" is too ambiguous to read).
DAY_AND_YEAR_AFTER_MONTH = re.compile(
    rf"\s*(?P<day>[0-3]?[0-9])(?:{_ORDINAL_SUFFIX},?|,)\s*{_YEAR}"
)


# --- reading -----------------------------------------------------------------------------


def find_dates(text: str) -> list[tuple[dt.date, str]]:
    """Every full date in ``text``, in order, with its raw span."""
    found: list[tuple[dt.date, str]] = []
    for month in MONTH_NAME.finditer(text):
        start = month.start()
        if start and text[start - 1].isalpha():
            continue  # inside a word
        read = _read_around(text, month)
        if read is not None:
            found.append(read)
    return found


def _read_around(text: str, month: re.Match[str]) -> tuple[dt.date, str] | None:
    month_number = MONTHS[month.group(0).lower()]
    day_first = DAY_BEFORE_MONTH.search(
        text, max(0, month.start() - DAY_BEFORE_MONTH_REACH), month.start()
    )
    year = YEAR_AFTER_MONTH.match(text, month.end()) if day_first else None
    if day_first and year:
        span_start, day = day_first.start(), int(day_first["day"])
    else:
        year = DAY_AND_YEAR_AFTER_MONTH.match(text, month.end())
        if year is None:
            return None
        span_start, day = month.start(), int(year["day"])
    try:
        date = dt.date(_year_of(year), month_number, day)
    except ValueError:  # 31 February, day 0
        return None
    span_end = year.end("year") if year["year"] else year.end()
    return date, text[span_start:span_end]


def _year_of(match: re.Match[str]) -> int:
    return int(match["year"] or match["year_head"] + match["year_tail"])
