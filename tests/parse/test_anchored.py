"""Anchored patterns: run only at their keywords or needles, they find on real texts what
the same pattern finds scanning the whole text."""

from __future__ import annotations

import re

import pytest

from tests.conftest import RAW
from unres.parse import header_grammar as g
from unres.parse.normalise import normalise
from unres.parse.prefilter import (
    AroundNeedle,
    AtKeyword,
    EndingAtKeyword,
    FromWordBefore,
    Lowered,
)
from unres.parse.segment import split_document
from unres.parse.symbols import CITATION_KEYWORD, SYMBOLS

NAMES = sorted(path.name for path in RAW.iterdir())


def _text(name: str) -> str:
    return normalise((RAW / name).read_text(encoding="utf-8"))


def _header_and_closing(name: str) -> str:
    structure = split_document(_text(name))
    return f"{structure.header}\n\n{structure.closing}"


AT_KEYWORD = [
    g.ENACTING_FORMULA,
    g.ADOPTED_BY,
    g.ADOPTED_AT_MEETING,
    g.APPROVED_AT_MEETING,
    g.AT_ITS_MEETING,
    g.DISTRIBUTION,
    g.AGENDA,
    g.REPORT_OF,
    g.WITHOUT_COMMITTEE,
    g.RESOLUTION_HEADING,
    g.DRAFT_LINE,
]


def _opens_with_keyword(anchored: AtKeyword, matched: str) -> bool:
    opening = matched.lower() if anchored.case_blind else matched
    return opening.startswith(anchored.keywords)


@pytest.mark.parametrize("name", NAMES)
def test_patterns_at_keywords_find_what_a_whole_text_scan_finds(name: str) -> None:
    text = _header_and_closing(name)
    for anchored in AT_KEYWORD:
        plain = [
            found.span()
            for found in anchored.pattern.finditer(text)
            if _opens_with_keyword(anchored, found.group(0))
        ]
        assert [found.span() for found in anchored.matches(Lowered.of(text))] == plain, (
            anchored.pattern.pattern[:60]
        )


@pytest.mark.parametrize("name", NAMES)
def test_patterns_ending_at_keywords_find_what_an_unbounded_search_finds(name: str) -> None:
    """Each ordinal before "meeting" or "session" is found within the pattern's reach."""
    text = _header_and_closing(name)
    lower = text.lower()
    for anchored in (g.ORDINAL_BEFORE_MEETING, g.ORDINAL_BEFORE_SESSION):
        (keyword,) = anchored.keywords
        ends = [found.end() for found in re.finditer(re.escape(keyword), lower)]
        unbounded = [anchored.pattern.search(text, 0, end) for end in ends]
        plain = [found.span() for found in unbounded if found]
        assert [found.span() for found in anchored.matches(Lowered.of(text))] == plain, keyword


@pytest.mark.parametrize("name", NAMES)
def test_patterns_around_needles_find_what_a_whole_text_scan_finds(name: str) -> None:
    """The same numbers at the same places (a window may end inside trailing spaces)."""
    text = _header_and_closing(name)
    for anchored in (g.PRINTED_SYMBOL, g.NUMBER_BEFORE_TITLE):
        plain = [
            (found.start(), found.group(0).rstrip())
            for found in anchored.pattern.finditer(text)
            if any(needle in found.group(0) for needle in anchored.keywords)
        ]
        around = [(found.start(), found.group(0).rstrip()) for found in anchored.matches(text)]
        assert around == plain, anchored.keywords


@pytest.mark.parametrize("name", NAMES)
def test_citation_scans_find_what_a_whole_text_scan_finds(name: str) -> None:
    text = _text(name)
    for anchored in (CITATION_KEYWORD, SYMBOLS):
        plain = [found.span() for found in anchored.pattern.finditer(text)]
        assert [found.span() for found in anchored.matches(text)] == plain


# Real snippets (raw/ and the shared bulk corpus) and what each declared scan reads there.
SNIPPETS = [
    # A capitalised header: the case-blind keyword is found in the lower-cased copy.
    (
        g.ADOPTED_BY,
        "RESOLUTION ADOPTED BY THE GENERAL ASSEMBLY",
        ["ADOPTED BY THE GENERAL ASSEMBLY"],
    ),
    (
        g.ENACTING_FORMULA,
        "Resolution adopted by the General Assembly\n\nThe General Assembly,",
        ["The General Assembly,"],
    ),
    (
        g.ADOPTED_AT_MEETING,
        "Adopted unanimously at its 3033rd\nmeeting.",
        ["Adopted unanimously at its 3033rd\nmeeting"],
    ),
    (
        g.AT_ITS_MEETING,
        "At its 3254th meeting, on 15 July 1993, the Council decided to",
        ["At its 3254th meeting"],
    ),
    (g.DRAFT_LINE, "Viet Nam and \nZimbabwe: draft resolution \n", ["draft resolution"]),
    (g.ORDINAL_BEFORE_MEETING, "53rd meeting\n27 March 2015", ["53rd meeting"]),
    (g.ORDINAL_BEFORE_MEETING, "46th plenary meeting\n16 December 2020", ["46th plenary meeting"]),
    (
        g.ORDINAL_BEFORE_SESSION,
        "Seventy-fifth session\nAgenda item 72 (b)",
        ["Seventy-fifth session"],
    ),
    (g.PRINTED_SYMBOL, "United Nations A/RES/75/180 General Assembly", ["A/RES/75/180"]),
    (g.PRINTED_SYMBOL, "S/RES/1325 (2000)", ["S/RES/1325 (2000)"]),
    (g.NUMBER_BEFORE_TITLE, "192 (III). Appeal to the Great Powers", ["192 (III). "]),
    (CITATION_KEYWORD, "Recalling its resolutions 41/60 J and 42/39 K", ["resolutions "]),
    (SYMBOLS, "the report of the Secretary-General (A/75/ 381/Add. 1)", ["A/75/ 381/Add. 1"]),
    # "HIV/AIDS" holds a "/" but is no symbol; the symbol after it is read.
    (SYMBOLS, "HIV/AIDS (E/2019/27)", ["E/2019/27"]),
]


@pytest.mark.parametrize(("anchored", "text", "expected"), SNIPPETS)
def test_declared_scans_read_real_snippets(
    anchored: AtKeyword | EndingAtKeyword | AroundNeedle | FromWordBefore,
    text: str,
    expected: list[str],
) -> None:
    assert [found.group(0) for found in anchored.matches(text)] == expected


def test_a_pattern_runs_only_at_its_keywords() -> None:
    # The pattern would match "42/39" too, but only the one after "No. " is read.
    numbers = AtKeyword(re.compile(r"No\. ([0-9]+/[0-9]+)"), "No. ")
    assert [m.group(1) for m in numbers.matches("No. 41/60 and 42/39")] == ["41/60"]
    word = AtKeyword(re.compile(r"(?i:plenary)"), "plenary", case_blind=True)
    assert [m.group(0) for m in word.matches("PLENARY plenary Plenary")] == [
        "PLENARY",
        "plenary",
        "Plenary",
    ]


def test_a_lowered_copy_keeps_positions() -> None:
    # "İ" lower-cases to two characters: the copy lower-cases ASCII letters only.
    for text in ("RESOLUTION ADOPTED", "İstanbul Programme of Action, ADOPTED"):
        lowered = Lowered.of(text)
        assert len(lowered.lower) == len(text)
        assert lowered.lower.find("adopted") == text.find("ADOPTED")


def test_keywords_are_declared_usable() -> None:
    with pytest.raises(ValueError, match="needs keywords"):
        AtKeyword(re.compile("x"))
    with pytest.raises(ValueError, match="needs keywords"):
        AroundNeedle(re.compile("x"), "", before=1, after=1)
    with pytest.raises(ValueError, match="lower case"):
        AtKeyword(re.compile("x"), "Adopted", case_blind=True)
