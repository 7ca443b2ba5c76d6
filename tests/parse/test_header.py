"""Header metadata (``unres.parse.header``).

Inputs are what the segmenter hands over: the plain text before the first paragraph and
after the last operative paragraph, Markdown removed. They are real snippets copied from
the seeds and the corpus (/work/shared), or realistically damaged variants of them; the
seed truths are read from the seeds' own ``expected.json``.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from unres.model import Header
from unres.parse.header import parse_header

CASES = Path(__file__).parents[1] / "eval" / "cases"

GA = "General Assembly"
SC = "Security Council"
HRC = "Human Rights Council"


def fields(header: Header, names: dict[str, Any]) -> dict[str, Any]:
    return {name: getattr(header, name) for name in names}


# --- The seeds: header and closing as the segmenter hands them ---------------------------

SEEDS: list[tuple[str, str, str]] = [
    (
        "000_e02343ddb4ce8db6",
        "Distr.: General 28 December 2020\n\n"
        "Seventy-fifth session Agenda item 72 (b) Promotion and protection of human rights: "
        "human rights questions, including alternative approaches for improving the effective "
        "enjoyment of human rights and fundamental freedoms\n\n"
        "Resolution adopted by the General Assembly on 16 December 2020\n\n"
        "[on the report of the Third Committee (A/75/478/Add.2, para. 89)]\n\n"
        "75/180. Enhancement of international cooperation in the field of human rights\n\n"
        "The General Assembly,",
        "46th plenary meeting 16 December 2020",
    ),
    (
        "001_ef61d0dabfe29b93",
        "General Assembly\n\nDistr.: General\n23 January 2018\n\nSeventy-second session\n\n"
        "Agenda item 72 (b)\n\nResolution adopted by the General Assembly on 19 December 2017\n\n"
        "[on the report of the Third Committee (A/72/439/Add.2)]\n\n"
        "72/169. Enhancement of international cooperation in the field of human rights\n\n"
        "The General Assembly,",
        "73rd plenary meeting\n19 December 2017",
    ),
    (
        "004_624a2f6c0cb2078c",
        "General Assembly\n\nDistr.: General\n5 January 2023\n\nSeventy-seventh session\n\n"
        "Agenda item 68 (b)\n\nPromotion and protection of human rights: human rights "
        "questions, including alternative approaches for improving the effective enjoyment of "
        "human rights and fundamental freedoms\n\n"
        "Resolution adopted by the General Assembly on 15 December 2022\n\n"
        "[on the report of the Third Committee (A/77/463/Add.2, para. 87)]\n\n"
        "77/213. Enhancement of international cooperation in the field of human rights\n\n"
        "The General Assembly,",
        "54th plenary meeting\n15 December 2022",
    ),
]
SEED_FIELDS = (
    "symbol",
    "session",
    "title",
    "adoption_date",
    "distribution_date",
    "agenda_item",
    "committee_report",
    "plenary_meeting",
)


@pytest.mark.parametrize(("seed", "header", "closing"), SEEDS, ids=[s[0] for s in SEEDS])
def test_seed_headers_give_the_expected_values(seed: str, header: str, closing: str) -> None:
    expected = json.loads((CASES / f"{seed}.expected.json").read_text(encoding="utf-8"))
    parsed = parse_header(header, closing)
    got = {name: getattr(parsed, name) for name in SEED_FIELDS}
    for name in ("adoption_date", "distribution_date"):
        got[name] = got[name].isoformat()
    assert got == {name: expected[name] for name in SEED_FIELDS}
    assert (parsed.organ, parsed.draft_symbols, parsed.meeting_number) == (GA, (), None)


# --- The corpus: every file, all fields --------------------------------------------------

CORPUS: list[tuple[str, str, str, Header]] = [
    (
        "A_RES_80_56.md: symbol line, agenda sub-item merged with its title",
        "United Nations A/RES/80/56\n\nGeneral Assembly Distr.: General 5 December 2025\n\n"
        "Eightieth session Agenda item 99 (jj) General and complete disarmament: addressing "
        "the legacy of nuclear weapons: providing victim assistance and environmental "
        "remediation to Member States affected by the use or testing of nuclear weapons\n\n"
        "Resolution adopted by the General Assembly on 1 December 2025\n\n"
        "[on the report of the First Committee (A/80/534, para. 7)]\n\n"
        "80/56. Modalities of the 2026 meeting on victim assistance and environmental "
        "remediation\n\nThe General Assembly,",
        "52nd plenary meeting 1 December 2025",
        Header(
            symbol="A/RES/80/56",
            organ=GA,
            session=80,
            title="Modalities of the 2026 meeting on victim assistance and environmental "
            "remediation",
            adoption_date=dt.date(2025, 12, 1),
            distribution_date=dt.date(2025, 12, 5),
            agenda_item="99 (jj)",
            committee_report="A/80/534",
            plenary_meeting=52,
        ),
    ),
    (
        "A_RES_80_7.md: without reference to a Main Committee",
        "United Nations A/RES/80/7\n\nGeneral Assembly Distr.: General 18 November 2025\n\n"
        "Eightieth session Agenda item 89 Report of the International Atomic Energy Agency\n\n"
        "Resolution adopted by the General Assembly on 14 November 2025\n\n"
        "[without reference to a Main Committee (A/80/L.7)]\n\n"
        "80/7. Report of the International Atomic Energy Agency\n\nThe General Assembly,",
        "40th plenary meeting 14 November 2025",
        Header(
            symbol="A/RES/80/7",
            organ=GA,
            session=80,
            title="Report of the International Atomic Energy Agency",
            adoption_date=dt.date(2025, 11, 14),
            distribution_date=dt.date(2025, 11, 18),
            agenda_item="89",
            draft_symbols=("A/80/L.7",),
            plenary_meeting=40,
        ),
    ),
    (
        "A_RES_80_11.txt: no symbol line, title opening with a year",
        "United Nations\n\nGeneral Assembly Distr.: General 1 December 2025\n\n"
        "Eightieth session Agenda item 62 Peacebuilding and sustaining peace\n\n"
        "Resolution adopted by the General Assembly on 26 November 2025\n\n"
        "[without reference to a Main Committee (A/80/L.15)]\n\n"
        "80/11. 2025 review of the United Nations peacebuilding architecture\n\n"
        "The General Assembly,",
        "51st plenary meeting 26 November 2025",
        Header(
            symbol="A/RES/80/11",
            organ=GA,
            session=80,
            title="2025 review of the United Nations peacebuilding architecture",
            adoption_date=dt.date(2025, 11, 26),
            distribution_date=dt.date(2025, 12, 1),
            agenda_item="62",
            draft_symbols=("A/80/L.15",),
            plenary_meeting=51,
        ),
    ),
    (
        "A_RES_80_14.txt",
        "United Nations\n\nGeneral Assembly Distr.: General 5 December 2025\n\n"
        "Eightieth session Agenda item 92\n\n"
        "Resolution adopted by the General Assembly on 1 December 2025\n\n"
        "[on the report of the First Committee (A/80/534, para. 7)]\n\n"
        "80/14. African Nuclear-Weapon-Free Zone Treaty\n\nThe General Assembly,",
        "52nd plenary meeting 1 December 2025",
        Header(
            symbol="A/RES/80/14",
            organ=GA,
            session=80,
            title="African Nuclear-Weapon-Free Zone Treaty",
            adoption_date=dt.date(2025, 12, 1),
            distribution_date=dt.date(2025, 12, 5),
            agenda_item="92",
            committee_report="A/80/534",
            plenary_meeting=52,
        ),
    ),
    (
        "A_RES_80_22.txt",
        "United Nations\n\nGeneral Assembly Distr.: General 5 December 2025\n\n"
        "Eightieth session Agenda item 98\n\n"
        "Resolution adopted by the General Assembly on 1 December 2025\n\n"
        "[on the report of the First Committee (A/80/534, para. 7)]\n\n"
        "80/22. Role of science and technology in the context of international security and "
        "disarmament\n\nThe General Assembly,",
        "52nd plenary meeting 1 December 2025",
        Header(
            symbol="A/RES/80/22",
            organ=GA,
            session=80,
            title="Role of science and technology in the context of international security "
            "and disarmament",
            adoption_date=dt.date(2025, 12, 1),
            distribution_date=dt.date(2025, 12, 5),
            agenda_item="98",
            committee_report="A/80/534",
            plenary_meeting=52,
        ),
    ),
    (
        "A_RES_80_61.md: agenda title over two lines, title cut short",
        "United Nations\n\nGeneral Assembly Distr.: General 5 December 2025\n\n"
        "Eightieth session Agenda item 100 (c) Review and implementation of the Concluding "
        "Document of the Twelfth Special Session of the General Assembly:\n"
        "United Nations Regional Centre for Peace, Disarmament and Development in Latin "
        "America and the Caribbean\n\n"
        "Resolution adopted by the General Assembly on 1 December 2025\n\n"
        "[on the report of the First Committee (A/80/534, para. 7)]\n\n"
        "80/61. United Nations Regional Centre for Peace, Disarmament and\n\n"
        "The General Assembly,",
        "52nd plenary meeting 1 December 2025",
        Header(
            symbol="A/RES/80/61",
            organ=GA,
            session=80,
            title=(
                "United Nations Regional Centre for Peace, Disarmament and Development in "
                "Latin America and the Caribbean"
            ),
            adoption_date=dt.date(2025, 12, 1),
            distribution_date=dt.date(2025, 12, 5),
            agenda_item="100 (c)",
            committee_report="A/80/534",
            plenary_meeting=52,
        ),
    ),
    (
        "A_RES_80_70.md",
        "United Nations\n\nGeneral Assembly Distr.: General 19 December 2025\n\n"
        "Eightieth session Agenda item 105\n\n"
        "Resolution adopted by the General Assembly on 1 December 2025\n\n"
        "[on the report of the First Committee (A/80/534, para. 7)]\n\n"
        "80/70. Comprehensive Nuclear-Test-Ban Treaty\n\nThe General Assembly,",
        "52nd plenary meeting 1 December 2025",
        Header(
            symbol="A/RES/80/70",
            organ=GA,
            session=80,
            title="Comprehensive Nuclear-Test-Ban Treaty",
            adoption_date=dt.date(2025, 12, 1),
            distribution_date=dt.date(2025, 12, 19),
            agenda_item="105",
            committee_report="A/80/534",
            plenary_meeting=52,
        ),
    ),
    (
        "A_RES_80_5.txt: page furniture left in, adoption line and title wrapped, no comma",
        "United Nations \nA/RES/80/5\n \n \nGeneral Assembly \nDistr.: General \n"
        "4 November 2025 \n \n25-17700 (E) \n*2517700* \n \n \nEightieth session \n"
        "Agenda item 25 (b) \nSocial development: social development, including \n"
        "questions relating to the world social situation and to \n"
        "youth, ageing, persons with disabilities and the family \n \n \n \n \n"
        " Resolution adopted by the General Assembly \non 4 November 2025 \n \n \n \n \n"
        "[without reference to a Main Committee (A/80/L.5)] \n \n \n \n"
        "80/5. Doha Political Declaration of the “World Social Summit” under \n"
        "the title “the Second World Summit for Social Development” \n \n \n \n"
        "The General Assembly \n",
        "28th plenary meeting \n4 November 2025 \n",
        Header(
            symbol="A/RES/80/5",
            organ=GA,
            session=80,
            title="Doha Political Declaration of the “World Social Summit” under the title "
            "“the Second World Summit for Social Development”",
            adoption_date=dt.date(2025, 11, 4),
            distribution_date=dt.date(2025, 11, 4),
            agenda_item="25 (b)",
            draft_symbols=("A/80/L.5",),
            plenary_meeting=28,
        ),
    ),
    (
        "A_RES_49_12 procon page: web leftovers, date on the symbol line, glued title",
        "Last updated on: 5/15/2008 | Author:\n\nUN General Assembly Resolution 49/12\n\n\n"
        "This site was archived on Aug. 3, 2021. The two-state solution is no longer the most "
        "popular solution among the jurisdictions involved. A reconsideration of the topic is "
        "possible in the future.\n\nNov. 9, 1994\n\nA/RES/49/12 21 November 1994\n\n"
        "Forty-ninth session Agenda item 44\n\n"
        "[without reference to a Main Committee (A/49/48)]\n\n"
        "49/12.Work of the Preparatory Committee for the Fiftieth Anniversary of the United "
        "Nations\n\nThe General Assembly,",
        "55th plenary meeting 9 November 1994",
        Header(
            symbol="A/RES/49/12",
            organ=GA,
            session=49,
            title="Work of the Preparatory Committee for the Fiftieth Anniversary of the "
            "United Nations",
            adoption_date=dt.date(1994, 11, 9),
            distribution_date=dt.date(1994, 11, 21),
            agenda_item="44",
            draft_symbols=("A/49/48",),
            plenary_meeting=55,
        ),
    ),
    (
        "A_RES_51_77 un.org excerpt: Distr. GENERAL, capitals, indentation, no closing",
        "United Nations\n\nA/RES/51/77\n\n\nGeneral Assembly\n\nDistr. GENERAL  \n\n"
        "20 February 1997\n\nORIGINAL:\nENGLISH\n\n\n\nFifty-first session\nAgenda item 106\n\n\n"
        "                  RESOLUTION ADOPTED BY THE GENERAL ASSEMBLY\n\n"
        "               [on the report of the Third Committee (A/51/615)]\n\n\n"
        "                        51/77.  The rights of the child\n\n\n"
        "      The General Assembly,",
        "",
        Header(
            symbol="A/RES/51/77",
            organ=GA,
            session=51,
            title="The rights of the child",
            distribution_date=dt.date(1997, 2, 20),
            agenda_item="106",
            committee_report="A/51/615",
        ),
    ),
    (
        "A_RES_58_85 guam page: no symbol or title line, preamble on the formula's line",
        "Resolution adopted by the General Assembly\n\n"
        "[on the report of the Sixth Committee (A/58/524)]\n\n"
        "The General Assembly, Wishing to promote cooperation between the United Nations and "
        "the GUUAM,",
        "72nd plenary meeting 9 December 2003\n\n"
        "Observer status for the GUUAM in the General Assembly (pdf)",
        Header(
            organ=GA,
            session=58,
            adoption_date=dt.date(2003, 12, 9),
            committee_report="A/58/524",
            plenary_meeting=72,
        ),
    ),
    (
        "A_RES_192_III dfat: archive heading with place and date, title in capitals",
        "213 General Assembly Resolution on Reduction of Armaments\n\n"
        "Resolution 192 (III) extract, PARIS, 19 November 1948\n\n"
        "PROHIBITION OF THE ATOMIC WEAPON AND REDUCTION BY ONE-THIRD OF THE ARMAMENTS AND "
        "ARMED FORCES OF THE PERMANENT MEMBERS OF THE SECURITY COUNCIL The General Assembly, "
        "[matter omitted]",
        "",
        Header(
            symbol="A/RES/192 (III)",
            organ=GA,
            session=3,
            title="PROHIBITION OF THE ATOMIC WEAPON AND REDUCTION BY ONE-THIRD OF THE "
            "ARMAMENTS AND ARMED FORCES OF THE PERMANENT MEMBERS OF THE SECURITY COUNCIL",
            adoption_date=dt.date(1948, 11, 19),
        ),
    ),
    (
        "S_RES_2583 lawglobalhub page: web title, adoption line after the text, on29",
        "United Nations Security Council Resolution 2583 – Date of an election to fill a "
        "vacancy in the International Court of Justice\nResolution 2583 (2021)\n"
        "The Security Council,",
        "Adopted by the Security Council at its 8808th meeting, on29 June 2021",
        Header(
            symbol="S/RES/2583 (2021)",
            organ=SC,
            adoption_date=dt.date(2021, 6, 29),
            meeting_number=8808,
        ),
    ),
    (
        "S_RES_2403 press page: news prose before the quoted resolution",
        " date 2018-02-28 The Security Council today decided that a vacancy on the "
        "International Court of Justice would be filled by election in June.\n\n"
        "Unanimously adopting resolution 2403 (2018), the Council noted with regret the "
        "resignation from the Court of Judge Hisashi Owada, which would take effect 7 June.\n\n"
        "The meeting began at 10:07 a.m. and ended at 10:09 a.m.\n\nResolution\n\n"
        "The full text of resolution 2403 (2018) reads as follows:\n\n“The Security Council,",
        "",
        Header(symbol="S/RES/2403 (2018)", organ=SC),
    ),
    (
        "S_RES_36_1947 dfat cable: no symbol; a sub-committee's meeting is not the adopting one",
        "Cablegram UN1063 NEW YORK, 1 November 1947, 11.51 p.m.\n\nSECRET\n\nSecurity 518.\n\n"
        "Our immediately preceding cable. Following is text of resolution adopted by "
        "Council:\n\n'Text of the resolution on the Indonesian question submitted by the "
        "United States and amended by sub-committee appointed by the Security Council at its "
        "217th Meeting, 31st October, 1947.\n\nSecurity Council,",
        "",
        Header(organ=SC),
    ),
    ("S_RES_1820 JSON record: one paragraph, no header at all", "", "", Header()),
]


@pytest.mark.parametrize(
    ("header", "closing", "expected"),
    [case[1:] for case in CORPUS],
    ids=[case[0] for case in CORPUS],
)
def test_corpus_headers(header: str, closing: str, expected: Header) -> None:
    assert parse_header(header, closing) == expected


# --- Damaged and other-organ variants: the fields each one is about ----------------------

VARIANTS: list[tuple[str, str, str, dict[str, Any]]] = [
    (
        "seed 000 with every header line merged into one",
        "General Assembly Distr.: General 28 December 2020 Seventy-fifth session Agenda item "
        "72 (b) Promotion and protection of human rights: human rights questions Resolution "
        "adopted by the General Assembly on 16 December 2020 [on the report of the Third "
        "Committee (A/75/478/Add.2, para. 89)] 75/180. Enhancement of international "
        "cooperation in the field of human rights The General Assembly,",
        "46th plenary meeting 16 December 2020",
        {
            "symbol": "A/RES/75/180",
            "session": 75,
            "title": "Enhancement of international cooperation in the field of human rights",
            "adoption_date": dt.date(2020, 12, 16),
            "distribution_date": dt.date(2020, 12, 28),
            "agenda_item": "72 (b)",
            "committee_report": "A/75/478/Add.2",
        },
    ),
    (
        "header in capitals",
        "GENERAL ASSEMBLY\nDISTR. GENERAL\n20 FEBRUARY 1997\nFIFTY-FIRST SESSION\n"
        "AGENDA ITEM 106\nRESOLUTION ADOPTED BY THE GENERAL ASSEMBLY\n"
        "[ON THE REPORT OF THE THIRD COMMITTEE (A/51/615)]\n51/77. The rights of the child\n"
        "THE GENERAL ASSEMBLY,",
        "",
        {
            "symbol": "A/RES/51/77",
            "organ": GA,
            "session": 51,
            "title": "The rights of the child",
            "distribution_date": dt.date(1997, 2, 20),
            "agenda_item": "106",
            "committee_report": "A/51/615",
        },
    ),
    (
        "seed 001 with no distribution date and a blank line after every line",
        "General Assembly\n\nSeventy-second session\n\nAgenda item 72 (b)\n\n"
        "Resolution adopted by the General Assembly\n\non 19 December 2017\n\n"
        "[on the report of the Third\n\nCommittee (A/72/439/Add.2)]\n\n"
        "72/169. Enhancement of international cooperation in the\n\nfield of human rights\n\n"
        "The General Assembly,",
        "73rd plenary meeting\n\n19 December 2017",
        {
            "symbol": "A/RES/72/169",
            "title": "Enhancement of international cooperation in the field of human rights",
            "adoption_date": dt.date(2017, 12, 19),
            "distribution_date": None,
            "committee_report": "A/72/439/Add.2",
            "plenary_meeting": 73,
        },
    ),
    (
        "words and symbols broken by spaces",
        "Gene ral Assembl y\nDistr.: General\n5 December 2025\nEightieth session\n"
        "Agenda item 99(jj)\nResolution adopted by the Gene ral Assembly on 1 December 2025\n"
        "[on the report of the First Committee (A/75/ 381/Add. 1, para. 7)]\n"
        "A/RES/ 80/ 56\n80/56. Modalities\nThe General Assembl y,",
        "",
        {
            "symbol": "A/RES/80/56",
            "organ": GA,
            "agenda_item": "99 (jj)",
            "committee_report": "A/75/381/Add.1",
            "adoption_date": dt.date(2025, 12, 1),
        },
    ),
    (
        "draft symbols of a Main Committee-less resolution, a plenary-only closing",
        "[without reference to a Main Committee (A/79/L.5 and A/79/L.5/Add.1)]\n"
        "79/5. Title\nThe General Assembly,",
        "30th plenary meeting, 4 November 2024",
        {
            "committee_report": None,
            "draft_symbols": ("A/79/L.5", "A/79/L.5/Add.1"),
            "adoption_date": dt.date(2024, 11, 4),
        },
    ),
    (
        "a report of a Main Committee known by two names, with a Markdown link left in",
        "[on the report of the Special Political and Decolonization Committee (Fourth "
        "Committee) ([A/77/414](#), para. 20)]\n77/121. Title\nThe General Assembly,",
        "",
        {"committee_report": "A/77/414", "session": 77},
    ),
    (
        "Human Rights Council resolution, all on one line",
        "Human Rights Council Thirty-first session Agenda item 3 Resolution adopted by the "
        "Human Rights Council on 23 March 2016 31/12. Right to food The Human Rights Council,",
        "53rd meeting\n23 March 2016\n[Adopted without a vote.]",
        {
            "symbol": "A/HRC/RES/31/12",
            "organ": HRC,
            "session": 31,
            "title": "Right to food",
            "adoption_date": dt.date(2016, 3, 23),
            "agenda_item": "3",
            "meeting_number": 53,
            "plenary_meeting": None,
        },
    ),
    (
        "Human Rights Council decision: no formula, the title ends at 'At its 30th meeting'",
        "United Nations A/HRC/DEC/31/116\nGeneral Assembly Distr.: General\n20 April 2016\n"
        "Human Rights Council\nThirty-first session\nAgenda item 1\n"
        "Decision adopted by the Human Rights Council on 5 April 2016\n"
        "31/116. Enhancing the efficiency of the Human Rights\nCouncil\n"
        "At its 30th meeting, on 5 April 2016, the Human Rights Council",
        "",
        {
            "symbol": "A/HRC/DEC/31/116",
            "organ": HRC,
            "title": "Enhancing the efficiency of the Human Rights Council",
            "adoption_date": dt.date(2016, 4, 5),
            "meeting_number": 30,
        },
    ),
    (
        "Human Rights Council resolution issued as a General Assembly document",
        "United Nations A/HRC/RES/31/12\nGeneral Assembly Distr.: General 22 April 2016\n"
        "Human Rights Council\nThirty-first session\nAgenda item 3\n"
        "Resolution adopted by the Human Rights Council on 23 March 2016\n"
        "31/12. Right to food\nThe Human Rights Council,",
        "",
        {
            "symbol": "A/HRC/RES/31/12",
            "organ": HRC,
            "session": 31,
            "distribution_date": dt.date(2016, 4, 22),
        },
    ),
    (
        "the printed symbol names the organ when no formula or adoption line does",
        "United Nations A/HRC/RES/31/12\nGeneral Assembly Distr.: General 22 April 2016\n"
        "Human Rights Council\nThirty-first session",
        "",
        {"organ": HRC, "session": 31},
    ),
    (
        "the symbol's session wins over a session named in an agenda title",
        "General Assembly\nAgenda item 12 Follow-up to the outcome of the twenty-sixth "
        "session\n77/98. Title\nThe General Assembly,",
        "",
        {"session": 77},
    ),
    (
        "a draft symbol on its own line is no symbol in a resolution",
        "Resolution adopted by the General Assembly\nwithout reference to a Main Committee\n"
        "A/80/L.7\nThe General Assembly,",
        "",
        {"symbol": None, "session": None},
    ),
    (
        "Human Rights Council decision with its number before the title",
        "Human Rights Council\nThirty-first session\nAgenda item 6\n"
        "Decision adopted by the Human Rights Council on 24 March 2016\n"
        "31/116. Outcome of the universal periodic review: Mongolia\nThe Human Rights Council,",
        "",
        {"symbol": "A/HRC/DEC/31/116", "organ": HRC, "adoption_date": dt.date(2016, 3, 24)},
    ),
    (
        "Human Rights Council decision told as a sentence",
        "Human Rights Council\nThirtieth session\n"
        "At its 30th meeting, on 5 April 2016, the Human Rights Council decided",
        "",
        {"organ": HRC, "meeting_number": 30, "adoption_date": dt.date(2016, 4, 5)},
    ),
    (
        "Commission on Human Rights resolution numbered by year",
        "Commission on Human Rights\nSixty-first session\nResolution 2005/45\n"
        "The right to development\nThe Commission on Human Rights,",
        "59th meeting\n19 April 2005",
        {
            "symbol": "E/CN.4/RES/2005/45",
            "organ": "Commission on Human Rights",
            "session": 61,
            "title": "The right to development",
            "meeting_number": 59,
            "adoption_date": dt.date(2005, 4, 19),
        },
    ),
    (
        "Economic and Social Council resolution",
        "Resolution adopted by the Economic and Social Council on 24 July 2009\n"
        "2009/15. Future organization and methods of work of the Commission\n"
        "The Economic and Social Council,",
        "44th plenary meeting\n28 July 2009",
        {
            "symbol": "E/RES/2009/15",
            "organ": "Economic and Social Council",
            "session": None,
            "adoption_date": dt.date(2009, 7, 24),
            "plenary_meeting": 44,
        },
    ),
    (
        "Security Council heading and adoption line merged",
        "Resolution 1325 (2000) Adopted by the Security Council at its 4213th meeting, on 31 "
        "October 2000 The Security Council,",
        "",
        {
            "symbol": "S/RES/1325 (2000)",
            "organ": SC,
            "session": None,
            "title": None,
            "adoption_date": dt.date(2000, 10, 31),
            "meeting_number": 4213,
        },
    ),
    (
        "Security Council PDF header, adoption date wrapped",
        "United Nations S/RES/1325 (2000)\nSecurity Council Distr.: General\n31 October 2000\n"
        "Resolution 1325 (2000)\nAdopted by the Security Council at its 4213th meeting, on\n"
        "31 October 2000\nThe Security Council,",
        "",
        {
            "symbol": "S/RES/1325 (2000)",
            "distribution_date": dt.date(2000, 10, 31),
            "adoption_date": dt.date(2000, 10, 31),
            "meeting_number": 4213,
        },
    ),
    (
        "Security Council number without year takes the adoption year",
        "Security Council Resolution 2583",
        "Adopted by the Security Council at its 8808th meeting, on 29 June 2021",
        {"symbol": "S/RES/2583 (2021)", "organ": SC},
    ),
    (
        "Security Council number with no year anywhere gives no symbol",
        "Security Council Resolution 2583",
        "",
        {"symbol": None, "organ": SC},
    ),
    (
        "1940s: adopted at the nth meeting",
        "Resolution 36 (1947)\nAdopted at the 219th meeting\nThe Security Council,",
        "",
        {"symbol": "S/RES/36 (1947)", "organ": SC, "meeting_number": 219},
    ),
    (
        "1940s General Assembly: old-style number before the title, plenary in words",
        "192 (III). Prohibition of the atomic weapon\nThe General Assembly,",
        "Hundred and fifty-seventh plenary meeting,\n19 November 1948.",
        {
            "symbol": "A/RES/192 (III)",
            "session": 3,
            "title": "Prohibition of the atomic weapon",
            "plenary_meeting": 157,
            "adoption_date": dt.date(1948, 11, 19),
        },
    ),
    (
        "1940s plenary meetings in words, below and above a hundred",
        "1 (I). Establishment of a Commission\nThe General Assembly,",
        "Seventeenth plenary meeting, 24 January 1946.",
        {"plenary_meeting": 17, "adoption_date": dt.date(1946, 1, 24), "session": 1},
    ),
    (
        "two hundred and ...",
        "",
        "Two hundred and third plenary meeting, 3 December 1949.",
        {"plenary_meeting": 203, "adoption_date": dt.date(1949, 12, 3)},
    ),
    (
        "draft resolution: its own symbol, Distr.: Limited, sponsor line",
        "United Nations A/C.3/75/L.5\nGeneral Assembly Distr.: Limited 3 May 2019\n"
        "Seventy-fifth session\nAgenda item 72 (b)\n"
        "Austria, Brazil and Chile: draft resolution\n"
        "Enhancement of international cooperation\nThe General Assembly,",
        "",
        {
            "symbol": "A/C.3/75/L.5",
            "organ": GA,
            "session": 75,
            "title": "Enhancement of international cooperation",
            "distribution_date": dt.date(2019, 5, 3),
            "adoption_date": None,
        },
    ),
    (
        "several agenda items",
        "Forty-ninth session Agenda items 44 and 45\n49/12. Title\nThe General Assembly,",
        "",
        {"agenda_item": "44 and 45"},
    ),
    (
        "agenda sub-items listed",
        "Agenda items 68 (b), (c) and 70 Promotion and protection\n77/1. Title\n"
        "The General Assembly,",
        "",
        {"agenda_item": "68 (b), (c) and 70"},
    ),
    (
        "a title citing a Security Council resolution is still a GA title",
        "General Assembly\n80/99. Implementation of Security Council resolution 1325 (2000)\n"
        "The General Assembly,",
        "",
        {
            "symbol": "A/RES/80/99",
            "organ": GA,
            "title": "Implementation of Security Council resolution 1325 (2000)",
        },
    ),
    (
        "a cited resolution number in a title is not the document's number",
        "Resolution adopted by the General Assembly\n"
        "Follow-up to resolution 60/251.\nThe General Assembly,",
        "",
        {"symbol": None, "title": None},
    ),
    (
        "non-breaking spaces and hyphens; a hyphen left at a line end",
        "General Assembly\nDistr.:\u00a0General\n5\u00a0December\u00a02025\n"
        "Agenda item\u00a092\n80/14. African Nuclear\u2011Weapon\u2011Free Zone Treaty and non-\n"
        "proliferation in Africa\nThe General Assembly,",
        "",
        {
            "distribution_date": dt.date(2025, 12, 5),
            "agenda_item": "92",
            "title": "African Nuclear-Weapon-Free Zone Treaty and non-proliferation in Africa",
        },
    ),
    (
        "impossible and pre-UN dates are rejected, never raised",
        "Distr.: General 31 February 2021\n"
        "Resolution adopted by the General Assembly on 16 December 1820\n75/180. X\n"
        "The General Assembly,",
        "46th plenary meeting 45 December 2020",
        {"distribution_date": None, "adoption_date": None, "plenary_meeting": 46},
    ),
    (
        "adoption line without the word Resolution",
        "General Assembly\nAdopted by the General Assembly on 9 December 2003\n"
        "58/85. Observer status for the GUUAM in the General Assembly\nThe General Assembly,",
        "",
        {"adoption_date": dt.date(2003, 12, 9), "symbol": "A/RES/58/85"},
    ),
    (
        "Commission on Human Rights heading, the title after a colon",
        "Human Rights Resolution 2005/17: Question of the realization in all countries of "
        "the economic, social and cultural rights\n\n    The Commission on Human Rights,",
        "55th meeting\n14 April 2005\n[Adopted without a vote. See chap. X.]",
        {
            "symbol": "E/CN.4/RES/2005/17",
            "organ": "Commission on Human Rights",
            "title": "Question of the realization in all countries of the economic, social "
            "and cultural rights",
            "adoption_date": dt.date(2005, 4, 14),
            "meeting_number": 55,
            "plenary_meeting": None,
        },
    ),
    (
        "closing with only the adoption line and no header",
        "",
        "46th plenary meeting 16 December 2020",
        {"adoption_date": dt.date(2020, 12, 16), "plenary_meeting": 46, "symbol": None},
    ),
    (
        "a Main Committee's draft decision: its type from the sponsor line, session from symbol",
        "United Nations\nA/C.1/80/L.35\nGeneral Assembly\nDistr.: Limited\n14 October 2025\n"
        "First Committee\nAgenda item 97 (d)\n"
        "United Kingdom of Great Britain and Northern Ireland: draft decision\n"
        "Reducing space threats\nThe General Assembly,",
        "",
        {
            "symbol": "A/C.1/80/L.35",
            "document_type": "draft_decision",
            "organ": GA,
            "session": 80,
            "title": "Reducing space threats",
        },
    ),
    (
        "a plenary draft resolution with a revision",
        "United Nations A/80/L.1/Rev.1\nGeneral Assembly Distr.: Limited 9 September 2025\n"
        "Egypt:* draft resolution\nA title\nThe General Assembly,",
        "",
        {"symbol": "A/80/L.1/Rev.1", "document_type": "draft_resolution", "session": 80},
    ),
    (
        "a General Assembly decision has a symbol in the decision series",
        "Decision adopted by the General Assembly on 22 December 2017\n"
        "[on the report of the Fifth Committee (A/72/682)]\n"
        "72/410. Appointment of members of the Advisory Committee\nThe General Assembly,",
        "",
        {
            "symbol": "A/DEC/72/410",
            "document_type": "decision",
            "session": 72,
            "adoption_date": dt.date(2017, 12, 22),
        },
    ),
    (
        "a Human Rights Council decision without a printed symbol",
        "Human Rights Council\nThirty-first session\n31/117. Outcome of the universal periodic "
        "review: Tuvalu\nAt its 30th meeting, on 5 April 2016, the Human Rights Council",
        "",
        {
            "symbol": "A/HRC/DEC/31/117",
            "document_type": "decision",
            "organ": "Human Rights Council",
            "meeting_number": 30,
            "session": 31,
        },
    ),
    (
        "ECOSOC numbers by year: no session",
        "Economic and Social Council\n2019/4. Promoting the rights of persons with disabilities"
        "\nThe Economic and Social Council,",
        "36th plenary meeting\n6 June 2019",
        {
            "symbol": "E/RES/2019/4",
            "document_type": "resolution",
            "organ": "Economic and Social Council",
            "session": None,
        },
    ),
    (
        "the Human Rights Council's resolutions of 2006 numbered by year",
        "Human Rights Council\nResolution 2006/2\nWorking group of the Commission on Human "
        "Rights to elaborate a draft declaration\nThe Human Rights Council,",
        "21st meeting\n29 June 2006",
        {"symbol": "A/HRC/RES/2006/2", "session": None, "adoption_date": dt.date(2006, 6, 29)},
    ),
    (
        "ECOSOC's roman-session numbering",
        "1503 (XLVIII). Procedure for dealing with communications\n"
        "The Economic and Social Council,",
        "1693rd plenary meeting\n27 May 1970",
        {"symbol": "E/RES/1503 (XLVIII)", "organ": "Economic and Social Council"},
    ),
]


@pytest.mark.parametrize(
    ("header", "closing", "expected"),
    [case[1:] for case in VARIANTS],
    ids=[case[0] for case in VARIANTS],
)
def test_header_variants(header: str, closing: str, expected: dict[str, Any]) -> None:
    assert fields(parse_header(header, closing), expected) == expected


# --- Never raise, whatever the converter did ---------------------------------------------

# Pieces of real headers and closings, to be shuffled into damaged ones.
FRAGMENTS = [
    "Resolution adopted by the ",
    "Decision adopted by the ",
    "General Assembly",
    "Gene ral Assembl y",
    "Security Council",
    "Human Rights Council",
    "The General Assembly,",
    "The Security Council,",
    "Security Council,",
    " on ",
    "on29 June 2021",
    "16 December 2020",
    "31 February 2021",
    "Distr.: General ",
    "Distr. GENERAL",
    "Distr.: Limited",
    "A/RES/",
    "75/180.",
    "49/12.Work",
    "192 (III).",
    "(III)",
    "S/RES/1325 (2000)",
    "Resolution 2583",
    " (2021)",
    "Adopted by the Security Council at its 8808th meeting, ",
    "Adopted at the ",
    "At its 30th meeting, ",
    "46th plenary meeting ",
    "Hundred and fifty-seventh plenary meeting",
    "53rd meeting",
    "Seventy-fifth session ",
    "Agenda items 68 (b), (c) and ",
    "99 (jj)",
    "[on the report of the Third Committee (A/75/ 381/Add. 1, para. 89)]",
    "[without reference to a Main Committee (A/79/L.5 and A/79/L.5/Add.1)]",
    "Austria: draft resolution",
    "A/C.3/75/L.5",
    "(",
    ")",
    "[",
    "/",
    ".",
    ":",
    " ",
    "\n",
    "\u00a0",
    "\u2011",
    "\u0130",  # a capital letter that grows when lower-cased
]
fragment_soup = st.lists(st.sampled_from(FRAGMENTS), max_size=24).map("".join)


@settings(max_examples=300, deadline=None)
@given(header=fragment_soup, closing=fragment_soup)
def test_any_damage_parses_without_raising(header: str, closing: str) -> None:
    parsed = parse_header(header, closing)
    for date in (parsed.adoption_date, parsed.distribution_date):
        assert date is None or 1945 <= date.year <= 2100
    if parsed.organ == SC:
        assert (parsed.session, parsed.title) == (None, None)
    for value in (parsed.symbol, parsed.title, parsed.committee_report, *parsed.draft_symbols):
        assert value is None or (value == value.strip() and "\n" not in value)


# A_RES_80_61.md: the title line is cut short; the sub-item's agenda title prints it whole.
CUT_TITLE_HEADER = """United Nations

General Assembly Distr.: General 5 December 2025

Eightieth session Agenda item 100 (c) Review and implementation of the Concluding Document of \
the Twelfth Special Session of the General Assembly:
United Nations Regional Centre for Peace, Disarmament and Development in Latin America and the \
Caribbean

Resolution adopted by the General Assembly on 1 December 2025

[on the report of the First Committee (A/80/534, para. 7)]

80/61. United Nations Regional Centre for Peace, Disarmament and

The General Assembly,"""
FULL_TITLE = (
    "United Nations Regional Centre for Peace, Disarmament and Development in Latin America "
    "and the Caribbean"
)


@pytest.mark.parametrize(
    "header",
    [
        CUT_TITLE_HEADER,
        # the agenda title hard-wrapped at 70 columns
        CUT_TITLE_HEADER.replace("Development in Latin", "Development\nin Latin"),
        # every header line merged into one
        " ".join(CUT_TITLE_HEADER.split()),
    ],
    ids=["as printed", "agenda title wrapped", "merged lines"],
)
def test_a_title_cut_short_is_completed_from_the_agenda_title(header: str) -> None:
    assert parse_header(header, "").title == FULL_TITLE


def test_a_complete_title_is_left_as_printed() -> None:
    header = CUT_TITLE_HEADER.replace(
        "80/61. United Nations Regional Centre for Peace, Disarmament and",
        "80/61. United Nations Regional Centre for Peace",
    )
    assert parse_header(header, "").title == "United Nations Regional Centre for Peace"
