"""The orchestrator: what parse_text adds on top of the stages."""

from __future__ import annotations

from schemas import validate_tables
from tests.conftest import RAW
from unres.parse import parse_text
from unres.tables import ParsedInput, build_tables


def test_footnotes_shown_only_by_their_markers_still_count() -> None:
    # The un.org excerpt stops before the page foot: markers 1/ 2/ 3/ but no notes.
    text = (RAW / "A_RES_51_77_unorg-htm-excerpt.txt").read_text(encoding="utf-8")
    document = parse_text(text)

    assert [(f.number, f.text) for f in document.footnotes] == [(1, None), (2, None), (3, None)]
    assert "footnote_text_missing" in document.warnings
    tables = validate_tables(build_tables([ParsedInput("x.txt", "0" * 64, document)], []))
    assert tables["footnotes"]["text"].null_count() == 3
    assert tables["documents"]["n_footnotes"].to_list() == [3]


def test_noted_footnotes_keep_their_text_and_raise_no_warning() -> None:
    document = parse_text((RAW / "A_RES_80_14.txt").read_text(encoding="utf-8"))

    assert [f.number for f in document.footnotes] == [1, 2, 3, 4, 5]
    assert document.footnotes[0].text == "A/50/426, annex."
    assert "footnote_text_missing" not in document.warnings
