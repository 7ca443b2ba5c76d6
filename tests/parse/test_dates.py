"""Full dates (day, month, year) in text (``unres.parse.dates``).

The tables hold real snippets copied from the seeds and the corpus (/work/shared), or
realistically damaged variants of them, with what a careful reader marks as a date.
"""

# Real UN text: en dashes, curly quotes and non-breaking hyphens are the data under test.

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from unres.parse.dates import find_dates

CASES = Path(__file__).parents[1] / "eval" / "cases"
SEEDS = ("000_e02343ddb4ce8db6", "001_ef61d0dabfe29b93", "004_624a2f6c0cb2078c")


def dates(text: str) -> list[tuple[str, str]]:
    return [(date.isoformat(), raw) for date, raw in find_dates(text)]


# --- Dates a reader marks, with their raw spans --------------------------------------

FULL_DATES: list[tuple[str, list[tuple[str, str]]]] = [
    # seed headers and closing lines
    ("Distr.: General 28 December 2020", [("2020-12-28", "28 December 2020")]),
    (
        "Distr.: General\n23 January 2018\n\nSeventy-second session",
        [("2018-01-23", "23 January 2018")],
    ),
    ("*54th plenary meeting\n15 December 2022*", [("2022-12-15", "15 December 2022")]),
    (
        "## **Resolution adopted by the General Assembly on 16 December 2020**",
        [("2020-12-16", "16 December 2020")],
    ),
    # ranges: only the fully written end
    (
        "held in Durban, South Africa, from 31 August to 8 September 2001, the Durban Review "
        "Conference, held in Geneva from 20 to\n\n24 April 2009, and the political declaration",
        [("2001-09-08", "8 September 2001"), ("2009-04-24", "24 April 2009")],
    ),
    (
        "Illicit Trade in Small Arms and Light Weapons in\n    All Its Aspects, New York, "
        "9–20 July 2001 (A/CONF.192/15), chap. IV, para. 24.",
        [("2001-07-20", "20 July 2001")],
    ),
    (
        "adopted by the General Conference of the Agency at its sixty-ninth regular session, "
        "held from 15 to 19 September 2025;2 and of the statements",
        [("2025-09-19", "19 September 2025")],
    ),
    (
        "Taken during the 69th Regular Session of the General Conference, 15–19 September 2025\n"
        "(GC(69)/RES/DEC(2025)) for the full texts",
        [("2025-09-19", "19 September 2025")],
    ),
    (
        "the second Conference of States Parties, on 12 and 13 November 2012, the third "
        "Conference of States Parties, on 29 and 30 May 2014, the fourth",
        [("2012-11-13", "13 November 2012"), ("2014-05-30", "30 May 2014")],
    ),
    (
        "1 Report of the World Summit for Social Development, Copenhagen, 6–12 March 1995 "
        "(United \nNations publication, Sales No. E.96.IV.8)",
        [("1995-03-12", "12 March 1995")],
    ),
    (
        "Report of the United Nations Conference on Environment and Development, Rio de "
        "Janeiro, \n3–14 June 1992, vol. I, Resolutions Adopted by the Conference",
        [("1992-06-14", "14 June 1992")],
    ),
    # a date wrapped over two lines (hard-wrapped 1990s HTML)
    (
        "Conference on Human Rights, 3/ held at Vienna from 14 to 25 June\n1993, urges States",
        [("1993-06-25", "25 June\n1993")],
    ),
    # footnote digits glued to the year
    (
        "Human Rights Council resolution 44/18 of 17 July 20203 and the resolutions",
        [("2020-07-17", "17 July 2020")],
    ),
    (
        "on peacebuilding and sustaining peace of 25 November 20242 and the inputs for the "
        "2025 review of the peacebuilding architecture of the Peacebuilding Commission "
        "through its letter dated 13 November 20243 and",
        [("2024-11-25", "25 November 2024"), ("2024-11-13", "13 November 2024")],
    ),
    (
        "Programme of Action adopted by the World Conference on Human Rights on 25 June 1993,¹",
        [
            ("1993-06-25", "25 June 1993"),
        ],
    ),
    # glued to the word before, broken year
    (
        "Adopted by the Security Council at its 8808th meeting, on29 June 2021",
        [("2021-06-29", "29 June 2021")],
    ),
    (
        "World Conference on Human Rights on 25 June 19 93, for enhancing",
        [
            ("1993-06-25", "25 June 19 93"),
        ],
    ),
    (
        "on 4 November\u00a02025 at the Second World Summit",
        [("2025-11-04", "4 November\u00a02025")],
    ),
    # 1940s cables: ordinals, month first, comma after the month
    (
        "Cablegram UN1063 NEW YORK, 1 November 1947, 11.51 p.m.",
        [("1947-11-01", "1 November 1947")],
    ),
    (
        "amended by sub-committee appointed by the Security Council at its 217th Meeting, "
        "31st October, 1947.",
        [("1947-10-31", "31st October, 1947")],
    ),
    (
        "report of Consular Commission dated October 14th, 1947, indicating that Council's "
        "resolution of August 1st, 1947, relating to cessation of hostilities",
        [("1947-10-14", "October 14th, 1947"), ("1947-08-01", "August 1st, 1947")],
    ),
    (
        "territory not occupied by it on August 4th 1947, is inconsistent with Council resolution",
        [("1947-08-04", "August 4th 1947")],
    ),
    ("1st November 1947", [("1947-11-01", "1st November 1947")]),
    ("signed at Geneva on the 3rd of May 1999,", [("1999-05-03", "3rd of May 1999")]),
    ("55th plenary meeting on November 9, 1994", [("1994-11-09", "November 9, 1994")]),
    # capitals
    (
        "RESOLUTION ADOPTED BY THE GENERAL ASSEMBLY ON 16 DECEMBER 2020",
        [
            ("2020-12-16", "16 DECEMBER 2020"),
        ],
    ),
    # every date of a paragraph, in order
    (
        "Recalling its resolutions 41/60 J of 3 December 1986, 42/39 K of 30 November 1987 "
        "and 43/76 H of 7 December 1988 on the United Nations Regional Centre",
        [
            ("1986-12-03", "3 December 1986"),
            ("1987-11-30", "30 November 1987"),
            ("1988-12-07", "7 December 1988"),
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), FULL_DATES)
def test_full_dates_are_found_with_their_raw_span(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert dates(text) == expected


# --- Look-alikes: nothing is a date ----------------------------------------------------

NOT_DATES = [
    "Cognizant also of the discussions in the Conference on Disarmament in 2025,",
    "the Council noted with regret the resignation from the Court of Judge Hisashi Owada, "
    "which would take effect 7 June.",
    "that its resolution of August 1st should be interpreted",
    "2 The resolution of 1 August (see Document 224).",
    "in June 2018",
    "in the context of the 2030 Agenda for Sustainable Development,",
    "according to the Sendai Framework for Disaster Risk Reduction 2015–\n2030;15",
    "Sendai Framework for Disaster Risk Reduction 2016–20302",
    "A/RES/80/5 \n \n25-17700\n2/18 \n",
    "Last updated on: 5/15/2008 | Author:",
    " date 2018-02-28 The Security Council today decided",
    'date: "2025-12-05"',
    "Nov. 9, 1994",
    "on 31 February 2021",
    "held in Geneva from 20 to",
    "the date of the election to fill the vacancy shall be fixed",
    "June 12 2019",
]


@pytest.mark.parametrize("text", NOT_DATES)
def test_look_alikes_are_not_dates(text: str) -> None:
    assert find_dates(text) == []


def test_every_returned_value_is_a_date() -> None:
    ((date, _),) = find_dates("on 29 February 2024")
    assert date == dt.date(2024, 2, 29)


# --- Seeds: the set of dates over the whole text ----------------------------------------


def _without_markup(text: str) -> str:
    """The seed text as the normaliser hands it on: markers and link/escape markup gone."""
    text = re.sub(r"<sup>.*?</sup>", "", text)  # <sup>n</sup> footnote markers
    text = re.sub(r"\$|\^\d+", "", text)  # LaTeX "$2000,^2$"
    text = re.sub(r"\[([^\]]*)\]\(#\)", r"\1", text)  # "[70/1](#)"
    return text.replace("\\(", "(").replace("\\)", ")")


@pytest.mark.parametrize("seed", SEEDS)
def test_seed_dates_match_expected(seed: str) -> None:
    expected = json.loads((CASES / f"{seed}.expected.json").read_text(encoding="utf-8"))
    text = _without_markup((CASES / f"{seed}.txt").read_text(encoding="utf-8"))
    assert {date.isoformat() for date, _ in find_dates(text)} == set(expected["dates"])


# --- Every month name, in title case and in capitals --------------------------------------

# One real snippet per month (bulk ga-text and sc-text), with the date a reader marks.
EVERY_MONTH = [
    ("Also approves the establishment, effective 1 January 2025,", "2025-01-01", "1 January 2025"),
    (
        "the declaration of the state of emergency on 1 February 2021,",
        "2021-02-01",
        "1 February 2021",
    ),
    ("protection of cultural heritage of 31 March 2022,", "2022-03-31", "31 March 2022"),
    ("appropriate, to submit, before 25 April 2025,", "2025-04-25", "25 April 2025"),
    ("international maritime traffic approved on 13 May 2022,", "2022-05-13", "13 May 2022"),
    ("in respect of the financial period ended 30 June 2024,", "2024-06-30", "30 June 2024"),
    ("which entered into force on 1 July 2002,", "2002-07-01", "1 July 2002"),
    ("obligations arising prior to 2 August 1990,", "1990-08-02", "2 August 1990"),
    (
        "movements of refugees and migrants, held on 19 September 2016,",
        "2016-09-19",
        "19 September 2016",
    ),
    ("anniversary of its entry into force on 12 October 2024;", "2024-10-12", "12 October 2024"),
    ("for an interim period, until 30 November 1992;", "1992-11-30", "30 November 1992"),
    ("Having considered, for the period ended 31 December 2023,", "2023-12-31", "31 December 2023"),
]


@pytest.mark.parametrize(("text", "iso", "raw"), EVERY_MONTH)
def test_every_month_name_is_read(text: str, iso: str, raw: str) -> None:
    assert dates(text) == [(iso, raw)]


@pytest.mark.parametrize(("text", "iso", "raw"), EVERY_MONTH)
def test_every_month_name_in_capitals_is_read(text: str, iso: str, raw: str) -> None:
    # As a heading set in capitals prints it ("ON 16 DECEMBER 2020").
    assert dates(text.upper()) == [(iso, raw.upper())]


@pytest.mark.parametrize(
    "text",
    [
        # "may" and "march" in lower case are verbs; only title case and capitals are months.
        "the Council may 9, 1994",
        # A month name glued to the word before is inside that word ("onNovember 9, 1994",
        # the month-first form of "on29 June 2021", is not read).
        "55th plenary meeting onNovember 9, 1994",
        "EXPRESSES ITS DISMAY 9, 1994",
    ],
)
def test_month_names_in_lower_case_or_glued_to_a_word_are_not_months(text: str) -> None:
    assert find_dates(text) == []
