"""The weak-truth checks of ``make eval-bulk``: what they read off file names and raw
texts, how they judge, and one run over a small bulk-shaped directory."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from tests.eval.eval_bulk import (
    Outcome,
    Truth,
    check_accepted,
    check_adoption_date,
    check_meeting,
    check_operative_numbering,
    check_title,
    main,
    meetings_named,
    symbol_from_name,
)

# S/RES/243 (1967) as the bulk's sc-text folder has it.
SC_243 = """Resolution 243 (1967)
of 12 December 1967

The Security Council,

Having examined the application of the People's
Republic of Southern Yemen for admission to the
United Nations, 32

Recommends to the General Assembly that the
People's Republic of Southern Yemen be admitted to
membership in the United Nations.

Adopted unanimously at the
1384th meeting.


32 Official Records of the Security Council, Twenty-second
Year, Supplement for October, November and December 1967, document S/8270.
"""


@pytest.mark.parametrize(
    ("name", "symbol"),
    [
        ("A_RES_79_100.txt", "A/RES/79/100"),
        ("A_RES_79_3.pdf", "A/RES/79/3"),
        ("S_RES_0243_1967_EN_GOLD.txt", "S/RES/243 (1967)"),
        ("S_RES_1445_2002_EN_GOLD.txt", "S/RES/1445 (2002)"),
        ("A_C.1_80_L.12.txt", "A/C.1/80/L.12"),
        ("A_80_L.1.txt", "A/80/L.1"),
    ],
)
def test_symbol_from_file_name(name: str, symbol: str) -> None:
    assert symbol_from_name(name) == symbol


@pytest.mark.parametrize(
    ("text", "meetings"),
    [
        ("Adopted at the 49th meeting.", {49}),
        ("Adopted unanimously at the\n1384th meeting.", {1384}),
        ("Adopted at the 194th meet-\ning by 8 votes to none", {194}),
        ("Adopted by the Security Council at its 3217th meeting, on 5 May 1993", {3217}),
        # OCR damage: a 1 read as I, a number split, an "e" dropped.
        ("Adopted at the 298Ist meeting by 12\nvotes to 1 (Cuba)", {2981}),
        ("Adopted unanimously at the\n283 3rd meeting.", {2833}),
        ("Adopted at the 1771st meting by 14 votes to none", {1771}),
        ("46th plenary meeting\n16 December 2024", {46}),
        ("50th (resumed) plenary meeting\n5 March 2025", {50}),
        # Another resolution's meeting inside a paragraph gives way to the closing line.
        (
            "resolution 30 (1947),\nadopted on 25 August 1947, at the 194th meeting of\n"
            "the Council, to send ...\n\nAdopted at the 395th meeting by 9 votes to none,",
            {395},
        ),
        # A cited record's meeting is not one the text was adopted at.
        ("2 Ibid., First Year, First Series, No. 2, 29th meeting, p. 84", set()),
    ],
)
def test_meetings_named_by_the_raw_text(text: str, meetings: set[int]) -> None:
    assert meetings_named(text) == meetings


SC_TRUTH = Truth(folder="sc-text", name="S_RES_0243_1967_EN_GOLD.txt", title=None)
DRAFT_TRUTH = Truth(folder="drafts-text", name="A_C.1_80_L.12.txt", title=None)
OTHER_TRUTH = Truth(folder="not-resolutions-pdf", name="A_79_718.en.pdf", title=None)


def outcome(**fields: object) -> Outcome:
    defaults: dict[str, object] = {"doc_id": "x/y.txt", "raw_text": "", "rejected": None}
    return Outcome(**{**defaults, **fields})  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("numbers", "passes"),
    [
        ((1, 2, 3), True),
        ((None,), True),  # one unnumbered operative paragraph
        ((1, 2, 1, 2, 3), True),  # parts A and B, each numbered from 1
        ((1, 2, 4), False),
        ((2, 3), False),
        ((None, None), False),
        ((), False),
    ],
)
def test_operative_numbering(numbers: tuple[int | None, ...], passes: bool) -> None:
    assert check_operative_numbering(SC_TRUTH, outcome(operative_numbers=numbers)) is passes


def test_sc_adoption_date_must_fall_in_the_file_names_year() -> None:
    assert check_adoption_date(SC_TRUTH, outcome(adoption_date=dt.date(1967, 12, 12)))
    assert not check_adoption_date(SC_TRUTH, outcome(adoption_date=dt.date(1976, 12, 12)))
    assert not check_adoption_date(SC_TRUTH, outcome())


def test_a_draft_has_no_adoption_date_and_no_meeting_check() -> None:
    assert check_adoption_date(DRAFT_TRUTH, outcome())
    assert not check_adoption_date(DRAFT_TRUTH, outcome(adoption_date=dt.date(2025, 1, 1)))
    raw = "at its 397th meeting, on 7 April 2025, the Disarmament Commission adopted"
    assert check_meeting(DRAFT_TRUTH, outcome(raw_text=raw)) is None


def test_meeting_applies_only_where_the_text_names_one() -> None:
    assert check_meeting(SC_TRUTH, outcome(raw_text=SC_243, meeting=1384))
    assert not check_meeting(SC_TRUTH, outcome(raw_text=SC_243, meeting=32))
    assert check_meeting(SC_TRUTH, outcome(raw_text="no closing line", meeting=None)) is None


def test_title_compared_loosely_and_only_where_titles_json_has_one() -> None:
    truth = Truth(folder="ga-text", name="A_RES_79_1.txt", title="The Pact for the Future")
    assert check_title(truth, outcome(title="The  Pact for the\nFuture."))
    assert not check_title(truth, outcome(title="The Pact"))
    assert check_title(SC_TRUTH, outcome(title=None)) is None


def test_accepted_or_rejected_by_folder() -> None:
    assert check_accepted(SC_TRUTH, outcome())
    assert not check_accepted(SC_TRUTH, outcome(rejected="not_a_resolution"))
    assert check_accepted(OTHER_TRUTH, outcome(rejected="binary"))
    assert not check_accepted(OTHER_TRUTH, outcome())


def test_a_bulk_shaped_directory_is_run_through_the_pipeline(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "sc-text").mkdir()
    (tmp_path / "sc-text" / "S_RES_0243_1967_EN_GOLD.txt").write_text(SC_243, encoding="utf-8")
    (tmp_path / "not-resolutions-pdf").mkdir()
    (tmp_path / "not-resolutions-pdf" / "A_79_718.en.pdf").write_bytes(b"%PDF-1.7\n%\xe2\xe3\n")
    (tmp_path / "titles.json").write_text("{}", encoding="utf-8")
    tallies = tmp_path / "tallies.json"

    assert main(["--bulk", str(tmp_path), "--json", str(tallies)]) == 0

    printed = capsys.readouterr().out
    assert "sc-text" in printed and "not-resolutions-pdf" in printed and "overall:" in printed
    written = json.loads(tallies.read_text())
    accepted = written["not-resolutions-pdf"]["accepted/rejected"]
    assert accepted == {"passed": 1, "applicable": 1, "failures": []}
    sc = written["sc-text"]
    assert sc["accepted/rejected"]["passed"] == 1
    assert sc["meeting"]["applicable"] == 1
    assert sc["title"]["applicable"] == 0


def test_a_missing_bulk_directory_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--bulk", str(tmp_path / "nowhere")])
    assert exit_info.value.code == 2
