"""Security Council resolutions of 1946-1994 in the layouts of their printed volumes.

Every text here is a real resolution as the hand-corrected OCR of the Council's
"Resolutions and Decisions" volumes gives it (SeanFobbe/cr-unsc, CC0; the bulk
corpus's sc-text folder), cut where noted. Values are read off the texts.
"""

from __future__ import annotations

import datetime as dt

import pytest

from unres.parse import parse_text
from unres.parse.header import parse_header

# S/RES/13 (1946), whole: "N (year). Resolution of <date>" heading, closing on one line.
RES_13_1946 = """13 (1946). Resolution of 12 December 1946

The Security Council,

Having taken note of the unanimous approval by its members of the application of Siam for membership
in the United Nations,

Recommends to the General Assembly that it admit Siam to membership in the United Nations.

Adopted unanimously at the 83rd meeting."""

# S/RES/153 (1960), whole: the draft's symbol in brackets under the heading, a footnote.
RES_153_1960 = """153 (1960). Resolution of 23 August 1960
[S/4465]

The Security Council,

Having examined the application of the Gabon Republic, 30
Recommends to the General Assembly that the Gabon
Republic be admitted to membership in the United
Nations.

Adopted unanimously at the
891st meeting.

30 Ibid., document S/4436."""

# S/RES/279 (1970), whole: "Resolution N (year)" with the date on the next line.
RES_279_1970 = """Resolution 279 (1970)
of 12 May 1970

The Security Council

Demands the immediate withdrawal of all Israeli
armed forces from Lebanese territory.

Adopted unanimously at the
1537th meeting.
"""

# S/RES/31 (1947), whole: the closing line hyphenated across lines, votes after it.
RES_31_1947 = """31 (1947). Resolution of 25 August 1947
[S/525, IY]

The Security Council

Resolves to tender its good offices to the parties in
order to assist in the pacific settlement of their dispute
in accordance with sub-paragraph (5) of its resolution
27 (1947) of 1 August 1947. The Council expresses
its readiness, if the parties so request, to assist in the
settlement through a committee of the Council consisting of three members of the Council, each party
selecting one and the third to be designated by the
two so selected.

Adopted at the 194th meet-
ing by 8 votes to none,
with 3 abstentions (Poland,
Syria, Union of Soviet Socialist Republics)."""

# S/RES/17 (1947), whole: no "The Security Council," line; the number names the body.
RES_17_1947 = """17 (1947). Resolution of 10 February 1947

Whereas the Commission of Investigation established by the Security Council by its resolution
15 (1946) of 19 December 1946 has referred to the
Council the question of whether the Commission's
request to the Greek Government to postpone the
execution of persons sentenced to death by that
Government for political offences is covered by the
terms of reference in such resolution,

It is resolved that the Security Council request the
Secretary-General to advise the Commission of Investigation that it is the sense of the Security \
Council
that the Commission, acting under resolution 15 (1946)
adopted by the Council on 19 December 1946, is not
empowered to request the appropriate authorities of
Greece, Albania, Bulgaria and Yugoslavia to postpone
the execution of any persons sentenced to death,
unless the Commission has reason to believe that the
examination of any such person as a witness would
assist the Commission in its work, and makes its
request on this ground.

Adopted at the 101st meeting by 9 votes to none,
with 2 abstentions (Poland,
Union of Soviet Socialist
Republics)."""


@pytest.mark.parametrize(
    ("text", "symbol", "adopted", "meeting"),
    [
        (RES_13_1946, "S/RES/13 (1946)", dt.date(1946, 12, 12), 83),
        (RES_153_1960, "S/RES/153 (1960)", dt.date(1960, 8, 23), 891),
        (RES_279_1970, "S/RES/279 (1970)", dt.date(1970, 5, 12), 1537),
        (RES_31_1947, "S/RES/31 (1947)", dt.date(1947, 8, 25), 194),
        (RES_17_1947, "S/RES/17 (1947)", dt.date(1947, 2, 10), 101),
    ],
)
def test_printed_volume_layouts(text: str, symbol: str, adopted: dt.date, meeting: int) -> None:
    header = parse_text(text).header
    assert header.symbol == symbol
    assert header.organ == "Security Council"
    assert header.adoption_date == adopted
    assert header.meeting_number == meeting
    assert header.title is None and header.session is None


@pytest.mark.parametrize("text", [RES_13_1946, RES_153_1960, RES_279_1970, RES_31_1947])
def test_the_closing_line_is_no_paragraph(text: str) -> None:
    operative = [p for p in parse_text(text).paragraphs if p.kind == "operative"]
    assert len(operative) == 1
    assert operative[0].verb in ("Recommends", "Demands", "Resolves")
    assert "Adopted" not in operative[0].text


def test_a_text_without_the_organ_line_is_still_read() -> None:
    parsed = parse_text(RES_17_1947)
    kinds = [p.kind for p in parsed.paragraphs]
    assert kinds == ["preambular", "operative"]
    assert parsed.paragraphs[1].text.startswith("It is resolved that the Security Council")


@pytest.mark.parametrize(
    ("closing", "meeting"),
    [
        ("Adopted at the 49th meeting.", 49),
        ("Adopted unanimously at the 76th meeting.", 76),
        ("Adopted at the 194th meet-\ning by 8 votes to none,", 194),
        ("Adopted without a vote at the 2173rd\nmeeting.", 2173),
        ("Adopted unanimously, without a vote, at the 1886th meeting.", 1886),
        ("Approved unanimously at the\n2936th meeting.", 2936),
        ("Adopted at the 1311th meeting (private meeting).", 1311),
        ("Adopted unanimously at the\n2714th (closed) meeting", 2714),
        ("Adopted unanimously at the resumed 1735th meeting.", 1735),
        ("Adopted at the 1771st meting by 14 votes to none, with", 1771),
        # OCR: a 1 read as I, i or "]", a stray underscore, a number split in two.
        ("Adopted at the 298Ist meeting by 12\nvotes to 1 (Cuba)", 2981),
        ("Adopted at the i520th meeting by 13 votes to none,", 1520),
        ("Adopted unanimously at the\n1243rd_ meeting.", 1243),
        ("Adopted unanimously at the\n283 3rd meeting.", 2833),
        ("Adopted at the ]8S6ih meeting by 13 votes to none. 24", 1856),
        # What is left of the organ's name.
        ("Adopted by the Security at its 3167th meeting,\non 28 January 1993", 3167),
    ],
)
def test_meeting_of_the_closing_line(closing: str, meeting: int) -> None:
    heading = "Resolution 243 (1967)\nof 12 December 1967\nThe Security Council,"
    header = parse_header(heading, closing)
    assert header.meeting_number == meeting


@pytest.mark.parametrize(
    ("heading", "adopted"),
    [
        ("Resolution 705 (1991)\nof 15 August. 1991", dt.date(1991, 8, 15)),
        ("Resolution 757 (1992)\nof 30 May 1992 54", dt.date(1992, 5, 30)),
        ("Resolution 883 (1993)\n11 November 1993", dt.date(1993, 11, 11)),
        ("Resolution 477 (1980) of 30 July 1980", dt.date(1980, 7, 30)),
        ("101 (1953). Resolution of 24 November 1953\n(S/3139/Rev.2]", dt.date(1953, 11, 24)),
    ],
)
def test_date_of_the_heading(heading: str, adopted: dt.date) -> None:
    header = parse_header(f"{heading}\nThe Security Council,", "Adopted at the 642nd meeting")
    assert header.adoption_date == adopted


HEADING_279 = "Resolution 279 (1970)\nof 12 May 1970"


def test_an_ocr_damaged_month_is_read_when_the_year_confirms_it() -> None:
    text = RES_279_1970.replace(HEADING_279, "Resolution 687 (1991)\nof 3 Apri] 1991")
    parsed = parse_text(text)
    assert parsed.header.adoption_date == dt.date(1991, 4, 3)
    assert "adoption_date_ocr_repaired" in parsed.warnings


def test_an_ocr_damaged_month_is_not_read_against_the_year() -> None:
    text = RES_279_1970.replace(HEADING_279, "Resolution 687 (1991)\nof 3 Apri] 1990")
    parsed = parse_text(text)
    assert parsed.header.adoption_date is None
    assert "adoption_date_ocr_repaired" not in parsed.warnings


@pytest.mark.parametrize(
    ("paragraph", "verb"),
    [
        ("2. The Security Council requests the Secretary-General to report;", "Requests"),
        ("3. The Council decides to remain seized of the matter.", "Decides"),
        ("1. Holds that this interference in no way justifies the Israel action;", "Holds"),
        ("1. Strongly deprecates the secessionist activities;", "Strongly deprecates"),
        ("Dissolves the Commission for Conventional Armaments.", "Dissolves"),
        ("Addresses an urgent appeal to the interested parties;", "Addresses"),
        ("3. Maintains its offer of good offices;", "Maintains"),
        ("1. The Security Council reserves the right to rescind this resolution;", "Reserves"),
    ],
)
def test_operative_verbs_of_council_texts(paragraph: str, verb: str) -> None:
    text = f"Resolution 1 (1946)\nof 1 May 1946\n\nThe Security Council,\n\n{paragraph}\n"
    operative = [p for p in parse_text(text).paragraphs if p.kind == "operative"]
    assert [p.verb for p in operative] == [verb]


@pytest.mark.parametrize(
    ("line", "number"),
    [
        ("5, Notes General Assembly resolution 1542 (XV) of", 5),
        ("7 Calls upon all States to prohibit the import or entry", 7),
        ("6.Calls for an immediate cease-fire agreement between the", 6),
        ("ll. Calls once again for unimpeded access for international", 11),
        ("S. Appeals urgently to and encourages all parties to settle", 5),
    ],
)
def test_ocr_damaged_paragraph_numbers(line: str, number: int) -> None:
    text = (
        "Resolution 1 (1970)\nof 1 May 1970\n\nThe Security Council,\n\n"
        f"Recalling its resolutions,\n\n{line}\nthe parties concerned;\n"
    )
    operative = [p for p in parse_text(text).paragraphs if p.kind == "operative"]
    assert [p.number for p in operative] == [number]
    assert operative[0].verb is not None


@pytest.mark.parametrize(
    "line",
    [
        "20 May 1971 that in the present circumstances the Force",  # a wrapped date
        "I. General provisions",  # a Roman heading
        "2, 3 and 4 of its resolution 1514 (XV),",
    ],
)
def test_numbers_that_are_no_damaged_paragraph_numbers(line: str) -> None:
    text = (
        "Resolution 1 (1970)\nof 1 May 1970\n\nThe Security Council,\n\n"
        f"Noting from the report of the Secretary-General of\n{line}\n"
    )
    assert all(p.number is None for p in parse_text(text).paragraphs)


def test_a_lower_case_adopted_line_continues_its_paragraph() -> None:
    text = (
        "Resolution 365 (1974)\nof 13 December 1974\n\nThe Security Council,\n\n"
        "Noting with satisfaction that that resolution was\nadopted unanimously,\n\n"
        "1. Endorses General Assembly resolution 3212\n(XXIX);\n\n"
        "Adopted at the 1810th meeting by consensus."
    )
    parsed = parse_text(text)
    assert [p.kind for p in parsed.paragraphs] == ["preambular", "operative"]
    assert parsed.paragraphs[0].text.endswith("adopted unanimously,")
    assert parsed.header.meeting_number == 1810


# S/RES/663 (1990), whole: "Approved", and a note numbered on from the volume's pages.
RES_663_1990 = """Resolution 663 (1990)
of 14 August 1990

The Security Council,

Having examined the application of the Principality of
Liechtenstein for admission to the United Nations, 122

Recommends to the General Assembly that the Principality of Liechtenstein be admitted to \
membership in the
United Nations.

Approved unanimously at the
2936th meeting.


122 Official Records of the Security Council, Forty-fifth Year, Supplement for July, August \
and September 1990, document S/21486.
"""


def test_a_volume_footnote_after_the_closing_line() -> None:
    parsed = parse_text(RES_663_1990)
    assert [f.number for f in parsed.footnotes] == [122]
    assert parsed.paragraphs[0].footnotes == (122,)
    assert parsed.paragraphs[0].text.endswith("United Nations,")
    assert [c.value for c in parsed.citations if c.kind == "document"] == ["S/21486"]
    assert parsed.header.meeting_number == 2936


@pytest.mark.parametrize(
    ("closing", "meeting"),
    [("1243rd_ meeting.", 1243), ("I364th meeting.", 1364), ("1384th\nmeeting.", 1384)],
)
def test_a_meeting_number_wrapped_onto_the_next_closing_line(closing: str, meeting: int) -> None:
    wrapped = f"Adopted unanimously at the\n{closing}"
    text = RES_663_1990.replace("Approved unanimously at the\n2936th meeting.", wrapped)
    parsed = parse_text(text)
    assert parsed.header.meeting_number == meeting
    assert all("meeting" not in p.text for p in parsed.paragraphs)


@pytest.mark.parametrize(
    ("line", "drafts"),
    [("[S/4465]", ["S/4465"]), ("(S/3139/Rev.2]", ["S/3139/Rev.2"]), ("[S/525, IY]", ["S/525"])],
)
def test_the_bracketed_draft_under_the_heading(line: str, drafts: list[str]) -> None:
    text = RES_153_1960.replace("[S/4465]", line)
    parsed = parse_text(text)
    assert list(parsed.header.draft_symbols) == drafts
    assert [c.value for c in parsed.citations if c.kind == "document"] == ["S/4436"]
