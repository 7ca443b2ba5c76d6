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
