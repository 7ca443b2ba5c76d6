"""Dataset wrappers around a resolution's text: tab-separated rows repeating metadata
columns, and JSON strings with every paragraph in quotes. Each wrapped copy must read
as the plain text does (S/RES/705 (1991), as the Council's printed volume gives it)."""

from __future__ import annotations

import json

import pytest

from unres.parse import parse_text
from unres.parse.records import unwrap_records

PARAGRAPHS = [
    "Resolution 705 (1991)\nof 15 August 1991",
    "The Security Council,",
    "Having considered the note of 30 May 1991 which the Secretary-General submitted "
    "pursuant to paragraph 13 of his report of 2 May 1991,",
    "Acting under Chapter VII of the Charter of the United Nations,",
    "1. Expresses its appreciation to the Secretary-General for his note of 30 May 1991;",
    "2. Decides that, in accordance with the suggestion made by the Secretary-General in "
    "paragraph 7 of his note, compensation to be paid by Iraq, as arising from section E of "
    'resolution 687 (1991) of 3 April 1991, shall not exceed 30 per cent of the "annual value" '
    "of its exports of petroleum and petroleum products;",
    "3. Decides also to review the figure established in paragraph 2 above from time to time.",
    "Adopted unanimously at the 3004th meeting.",
]
PLAIN = "\n\n".join(PARAGRAPHS)


def _tab_separated(header: bool) -> str:
    """One row per paragraph after the heading, the metadata repeated in every row."""
    rows = ["symbol\torgan\tdate\tpara\ttext"] if header else []
    for index, paragraph in enumerate(PARAGRAPHS[1:], start=1):
        cell = '"' + paragraph.replace('"', '""') + '"' if '"' in paragraph else paragraph
        rows.append(f"S/RES/705 (1991)\tSecurity Council\t1991-08-15\t{index}\t{cell}")
    return "\n".join(rows) + "\n"


WRAPPED = {
    "tsv with column names": _tab_separated(header=True),
    "tsv without column names": _tab_separated(header=False),
    "json array": json.dumps(PARAGRAPHS),
    "json array, one string a line": json.dumps(PARAGRAPHS, indent=2),
    "quoted lines": "\n".join(json.dumps(p) + "," for p in PARAGRAPHS).rstrip(","),
}


def _essentials(text: str) -> tuple[object, ...]:
    parsed = parse_text(text)
    return (
        [(p.kind, p.number, p.verb, p.text) for p in parsed.paragraphs],
        parsed.header.meeting_number,
        parsed.header.organ,
    )


@pytest.mark.parametrize("wrapper", sorted(WRAPPED))
def test_a_wrapped_text_reads_as_the_plain_text(wrapper: str) -> None:
    assert _essentials(WRAPPED[wrapper]) == _essentials(PLAIN)


def test_the_repeated_metadata_is_kept_once_where_a_header_prints_it() -> None:
    unwrapped = unwrap_records(_tab_separated(header=True))
    assert unwrapped.startswith("S/RES/705 (1991)\n\nSecurity Council\n\n1991-08-15\n\n")
    assert unwrapped.count("S/RES/705 (1991)") == 1
    assert "symbol" not in unwrapped and "\t" not in unwrapped
    assert parse_text(_tab_separated(header=True)).header.symbol == "S/RES/705 (1991)"


def test_json_escapes_are_decoded() -> None:
    assert '"annual value"' in unwrap_records(json.dumps(PARAGRAPHS))


@pytest.mark.parametrize(
    "text",
    [
        PLAIN,
        # A table in an annex: a few tab-separated lines among ordinary ones.
        PLAIN + "\n\nAnnex\n\nState\tContribution\nFrance\t12\nGhana\t3\n",
        # A paragraph quoted whole is no JSON record.
        '"The Security Council,\n\nRecalling its resolutions,\n\n1. Decides to act."',
    ],
)
def test_other_texts_are_left_alone(text: str) -> None:
    assert unwrap_records(text) == text
