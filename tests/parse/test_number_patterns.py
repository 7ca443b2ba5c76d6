"""The number patterns generated from the numbering schemes of the bodies table, read
on real snippets (raw/, ../shared/bulk and the eval cases), one or more per scheme."""

from __future__ import annotations

import re

import pytest

from unres.parse import header_grammar as g
from unres.parse.bodies import ORGANS, SESSION_SCHEMES, Numbering, number_pattern, numbering_of
from unres.parse.prefilter import AroundNeedle, AtKeyword, Prefiltered
from unres.parse.symbols import SYMBOL

SESSION, YEAR = Numbering.SESSION, Numbering.YEAR
NUMBER_YEAR, ROMAN = Numbering.NUMBER_YEAR, Numbering.NUMBER_ROMAN_SESSION
GROUPS = ("session", "serial", "number", "part", "paren")

# (scheme, reader, snippet, the groups the header reads from it).
READINGS = [
    # the document's own printed symbol
    (
        SESSION,
        g.PRINTED_SYMBOL,
        "United Nations                                                    A/HRC/RES/31/12",
        {"session": "31", "serial": "12"},
    ),
    (YEAR, g.PRINTED_SYMBOL, " United Nations E/RES/2019/4", {"session": "2019", "serial": "4"}),
    (
        NUMBER_YEAR,
        g.PRINTED_SYMBOL,
        "United Nations S/RES/1445 (2002)",
        {"number": "1445", "paren": "2002"},
    ),
    # the number printed before the title
    (
        SESSION,
        g.NUMBER_BEFORE_TITLE,
        "72/169. Enhancement of international cooperation in the field of human rights",
        {"session": "72", "serial": "169"},
    ),
    (SESSION, g.NUMBER_BEFORE_TITLE, "6  Resolution S-10/2. ", {"session": "S-10", "serial": "2"}),
    (
        YEAR,
        g.NUMBER_BEFORE_TITLE,
        "2019/4. Future organization and methods of work of the Commission on",
        {"session": "2019", "serial": "4"},
    ),
    (
        NUMBER_YEAR,
        g.NUMBER_BEFORE_TITLE,
        "101 (1953). Resolution of 24 November 1953",
        {"number": "101", "paren": "1953"},
    ),
    (
        ROMAN,
        g.NUMBER_BEFORE_TITLE,
        "2625 (XXV). Declaration on Principles of International Law concerning",
        {"number": "2625", "paren": "XXV"},
    ),
    (
        ROMAN,
        g.NUMBER_BEFORE_TITLE,
        "⁶ Resolution 217 A (III).",
        {"number": "217", "part": "A", "paren": "III"},
    ),
    # a heading naming the resolution
    (
        YEAR,
        g.RESOLUTION_HEADING,
        "Resolution 2006/2. Working group of the Commission on Human Rights to",
        {"session": "2006", "serial": "2"},
    ),
    (
        YEAR,
        g.RESOLUTION_HEADING,
        "Human Rights Resolution 2005/17: Question of the realization in all countries",
        {"session": "2005", "serial": "17"},
    ),
    (
        SESSION,
        g.RESOLUTION_HEADING,
        "its decision 79/513 of 2 December 2024, decides t",
        {"session": "79", "serial": "513"},
    ),
    (
        NUMBER_YEAR,
        g.RESOLUTION_HEADING,
        "Resolution 2583 (2021)",
        {"number": "2583", "paren": "2021"},
    ),
    # a web page's title names the number without its year
    (
        NUMBER_YEAR,
        g.RESOLUTION_HEADING,
        "United Nations Security Council Resolution 2583 – Date of an election to fill",
        {"number": "2583"},
    ),
    (
        ROMAN,
        g.RESOLUTION_HEADING,
        "## Resolution 192 (III) extract, PARIS, 19 November 1948",
        {"number": "192", "paren": "III"},
    ),
    # a draft's open number and its own symbol
    (
        SESSION,
        g.NUMBER_PLACEHOLDER,
        "31/... Freedom of opinion and expression",
        {"session": "31", "serial": "..."},
    ),
    (SESSION, g.LINE_START_DRAFT_SYMBOL, "A/C.1/80/L.14", {"session": "80", "serial": "L.14"}),
]


@pytest.mark.parametrize(
    ("scheme", "reader", "snippet", "expected"),
    READINGS,
    ids=[f"{scheme.name}-{snippet.strip()[:24]}" for scheme, _, snippet, _ in READINGS],
)
def test_each_scheme_is_read_into_the_groups_the_header_takes_apart(
    scheme: Numbering, reader: object, snippet: str, expected: dict[str, str]
) -> None:
    found = _first_match(reader, snippet)
    assert found is not None
    assert {name: found[name] for name in GROUPS if found.groupdict().get(name)} == expected
    # A number with its session or parentheses is one the scheme alone reads.
    if found["serial"] or found["paren"]:
        alone = re.compile(number_pattern((scheme,), paren_gap=r"\s*", serial=r"\S+"))
        assert alone.search(found.group(0))


def _first_match(reader: object, text: str) -> re.Match[str] | None:
    """The reader's first match, found as the parser finds it: at its keyword or
    needle, or where its prefilter lets it run."""
    if isinstance(reader, AtKeyword | AroundNeedle):
        return next(iter(reader.matches(text)), None)
    assert isinstance(reader, re.Pattern | Prefiltered)
    found: re.Match[str] | None = reader.search(text)
    return found


def test_every_scheme_of_the_organs_has_a_real_snippet() -> None:
    assert {scheme for scheme, *_ in READINGS} == set(numbering_of(ORGANS)) == set(Numbering)


@pytest.mark.parametrize(
    ("scheme", "number", "others"),
    [
        (SESSION, "75/180", "1325 (2000)"),
        (YEAR, "2019/4", "75/180"),
        (NUMBER_YEAR, "1325 (2000)", "2625 (XXV)"),
        (ROMAN, "2625 (XXV)", "1325 (2000)"),
    ],
)
def test_a_scheme_alone_reads_its_own_numbers_only(
    scheme: Numbering, number: str, others: str
) -> None:
    alone = re.compile(number_pattern((scheme,)))
    assert alone.fullmatch(number)
    assert alone.fullmatch(others) is None


def test_a_draft_numbers_by_session_or_year() -> None:
    assert SESSION_SCHEMES == (SESSION, YEAR)


@pytest.mark.parametrize(
    ("snippet", "number"),
    [
        ("United Nations S/RES/1445 (2002)", "1445 (2002)"),
        (" United Nations E/RES/2019/4", "2019/4"),
        ("                                        A/HRC/RES/31/12", "31/12"),
    ],
)
def test_a_resolution_symbol_cited_is_read_with_its_number(snippet: str, number: str) -> None:
    found = SYMBOL.search(snippet)
    assert found is not None
    assert found["res_number"] == number


def test_a_special_session_in_roman_numerals_is_one_number() -> None:
    # "General Assembly resolution 1474 (ES-IV)" (bulk corpus), as a symbol: the
    # emergency special session is part of the number, not a bare 1474.
    found = SYMBOL.fullmatch("A/RES/1474 (ES-IV)")
    assert found is not None
    assert found["res_number"] == "1474 (ES-IV)"
