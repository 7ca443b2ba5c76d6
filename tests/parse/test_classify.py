"""Which texts hold a resolution, and the reject reason of those that do not."""

from __future__ import annotations

import pytest

from tests.conftest import RAW
from unres.parse import parse_text
from unres.parse.classify import not_a_resolution

# A text one reads as UN-like but that is no resolution: a press summary's opening.
NEWS = (
    "The Security Council met today to hear a briefing on the situation in the region.\n\n"
    "Speakers welcomed the progress made and called for restraint by all parties.\n"
)


@pytest.mark.parametrize("name", sorted(p.name for p in RAW.iterdir()))
def test_every_development_input_is_a_resolution(name: str) -> None:
    document = parse_text((RAW / name).read_text(encoding="utf-8"))
    assert not_a_resolution(document, was_html=False) is None


def test_one_paragraph_with_no_header_is_a_resolution_by_its_verb() -> None:
    # A dataset record holding only operative paragraph 9 of S/RES/1820 (2008).
    document = parse_text((RAW / "S_RES_1820_crsv-json-para9.txt").read_text(encoding="utf-8"))
    assert document.header.symbol is None and document.header.organ is None
    assert not_a_resolution(document, was_html=True) is None


@pytest.mark.parametrize(
    ("was_html", "reason"), [(False, "not_a_resolution"), (True, "html_not_resolution")]
)
def test_a_text_with_no_symbol_organ_or_verb_is_rejected_by_where_it_came_from(
    was_html: bool, reason: str
) -> None:
    document = parse_text(NEWS)
    assert not_a_resolution(document, was_html=was_html) == reason


# The closing section of a corpus's description file (shared/bulk/SOURCES.md): it quotes
# symbols, dates and meeting lines, but holds no paragraph of a resolution.
CORPUS_DESCRIPTION = """\
What every file's name tells, and a pipeline must read off the text itself:
- `A_RES_79_100.txt` / `.pdf` is A/RES/79/100; `S_RES_0243_1967_EN_GOLD.txt` is
  S/RES/243 (1967), adopted in 1967; `A_C.1_80_L.12.txt` is A/C.1/80/L.12.
- Every resolution has an adoption date in its text (old SC texts: "of 12
  December 1967", "Resolution of 4 April 1946"), operative paragraphs numbered
  1, 2, 3 … without gaps (or one unnumbered paragraph), and a verb opening each.
- GA resolutions name their plenary meeting ("50th plenary meeting", "50th
  (resumed) plenary meeting"); SC resolutions their meeting ("Adopted at the
  76th meeting", "at its 3217th meeting").
"""

# An amendment to a draft (A/C.2/80/L.63, abridged): a draft with no paragraph of its own.
AMENDMENT = """\
United Nations A/C.2/80/L.63
General Assembly Distr.: Limited
20 November 2025
Original: English
Eightieth session
Second Committee
Agenda item 16 (b)
Macroeconomic policy questions: external debt sustainability and development
Denmark:* amendment to draft resolution A/C.2/80/L.20
External debt sustainability and development
Delete operative paragraphs 3, 43 and 45.
"""


def test_a_text_that_only_quotes_symbols_is_not_a_resolution() -> None:
    document = parse_text(CORPUS_DESCRIPTION)
    assert document.paragraphs == []
    assert not_a_resolution(document, was_html=False) == "not_a_resolution"


def test_a_draft_with_no_paragraph_of_its_own_is_still_a_draft() -> None:
    document = parse_text(AMENDMENT)
    assert document.header.document_type == "draft_resolution"
    assert not_a_resolution(document, was_html=False) is None
