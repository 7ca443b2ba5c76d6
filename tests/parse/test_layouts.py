"""Layouts of other eras and document types, read whole (header, paragraphs, closing).

Each input is a real text's layout, trimmed: pre-1976 General Assembly resolutions,
resumed and worded plenary meetings, drafts of the Main Committees.
"""

from __future__ import annotations

import datetime as dt

import pytest

from unres.parse import parse_text

OLD_GA = """\
2625 (XXV). Declaration on Principles of International Law concerning Friendly
Relations and Co-operation among States in accordance with the Charter of the
United Nations

The General Assembly,

Recalling its resolutions 1815 (XVII) of 18 December 1962,

1. Approves the Declaration on Principles of International Law, the text of which
is annexed to the present resolution;

2. Expresses its appreciation to the Special Committee for its work.

1883rd plenary meeting,
24 October 1970.
"""


def test_a_resolution_numbered_by_roman_session() -> None:
    document = parse_text(OLD_GA)
    header = document.header
    assert header.symbol == "A/RES/2625 (XXV)"
    assert header.session == 25
    assert header.title is not None and header.title.startswith("Declaration on Principles")
    assert header.title.endswith("Charter of the United Nations")
    assert (header.plenary_meeting, header.adoption_date) == (1883, dt.date(1970, 10, 24))
    last = document.paragraphs[-1]
    assert last.text == "Expresses its appreciation to the Special Committee for its work."


def test_a_plenary_meeting_in_words_closes_the_text() -> None:
    document = parse_text(
        "57 (I). Establishment of an International Children's Emergency Fund\n\n"
        "The General Assembly,\n\nHaving considered the resolution of the Economic and "
        "Social Council,\n\nCreates an International Children's Emergency Fund.\n\n"
        "Fifty-sixth plenary meeting,\n11 December 1946.\n"
    )
    header = document.header
    assert (header.symbol, header.session) == ("A/RES/57 (I)", 1)
    assert (header.plenary_meeting, header.adoption_date) == (56, dt.date(1946, 12, 11))
    assert [(p.kind, p.verb) for p in document.paragraphs] == [
        ("preambular", "Having considered"),
        ("operative", "Creates"),
    ]


def test_a_resumed_plenary_meeting() -> None:
    document = parse_text(
        "79/233. Title\n\nThe General Assembly,\n\n1. Decides to remain seized of the "
        "matter.\n\n55th (resumed) plenary meeting\n19 December 2024\n"
    )
    assert document.header.plenary_meeting == 55
    assert document.paragraphs[-1].text == "Decides to remain seized of the matter."


DRAFT_HEAD = """\
United Nations
A/C.2/80/L.42
General Assembly
Distr.: Limited
30 October 2025
Original: English
Eightieth session
Second Committee
Agenda item 16 (a)
Macroeconomic policy questions: international trade
and development

"""


def test_a_sponsor_line_with_a_footnote_star() -> None:
    document = parse_text(
        DRAFT_HEAD + "Indonesia:* draft resolution\n\nImplementation of the Declaration of the "
        "Indian Ocean as a Zone\nof Peace\n\nThe General Assembly,\n\n"
        "Recalling its resolution 2832 (XXVI),\n\n1. Requests the Secretary-General to report.\n"
    )
    header = document.header
    title = "Implementation of the Declaration of the Indian Ocean as a Zone of Peace"
    assert header.title == title
    assert (header.symbol, header.document_type) == ("A/C.2/80/L.42", "draft_resolution")


def test_a_draft_submitted_by_an_officer_of_the_committee() -> None:
    document = parse_text(
        DRAFT_HEAD + "Draft resolution submitted by the Vice-Chair of the Committee, Andrés\n"
        "Napurí Pita (Peru), on the basis of informal consultations on draft\n"
        "resolution A/C.2/80/L.31\n\n Implementation of the Third United Nations Decade for "
        "the\nEradication of Poverty (2018–2027)\n\nThe General Assembly,\n\n"
        "Recalling its resolution 72/233,\n\n1. Reaffirms its resolution 72/233.\n"
    )
    header = document.header
    assert header.title == (
        "Implementation of the Third United Nations Decade for the Eradication of Poverty "
        "(2018–2027)"
    )
    assert header.document_type == "draft_resolution"
    assert header.adoption_date is None
    # The draft it replaces is one of its drafts, not a document it cites.
    assert header.draft_symbols == ("A/C.2/80/L.31",)
    assert not [c for c in document.citations if c.kind == "document"]


def test_a_draft_decision_of_the_bureau_with_lettered_items() -> None:
    document = parse_text(
        DRAFT_HEAD + "Draft decision submitted by the Bureau\n\n Revitalization of the work "
        "of the Second Committee\n\nThe General Assembly:\n\n(a) Approves the programme of "
        "work;\n"
    )
    header = document.header
    assert header.title == "Revitalization of the work of the Second Committee"
    assert (header.document_type, header.organ) == ("draft_decision", "General Assembly")


def test_a_decision_adopted_by_the_assembly_opens_its_header() -> None:
    document = parse_text(
        "Decision adopted by the General Assembly on 22 December 2017\n\n"
        "[on the report of the Fifth Committee (A/72/682)]\n\n"
        "72/410. Appointment of members of the Advisory Committee\n\n"
        "The General Assembly,\n\n1. Appoints Mr. X as a member of the Advisory Committee.\n"
    )
    header = document.header
    assert (header.symbol, header.document_type) == ("A/DEC/72/410", "decision")
    assert header.committee_report == "A/72/682"


def test_an_assembly_decision_in_the_official_records() -> None:
    document = parse_text(
        "72/410. Appointment of members of the Advisory Committee on Administrative and "
        "Budgetary Questions\n\nAt its 74th plenary meeting, on 22 December 2017, the General\n"
        "Assembly, on the recommendation of the Fifth Committee (A/72/682, para. 6), appointed\n"
        "the following as members of the Advisory Committee for a three-year term of office: "
        "Mr. A and Ms. B.\n"
    )
    header = document.header
    assert (header.symbol, header.document_type) == ("A/DEC/72/410", "decision")
    assert (header.plenary_meeting, header.meeting_number) == (74, None)
    assert header.adoption_date == dt.date(2017, 12, 22)
    assert header.committee_report == "A/72/682"
    assert [(p.kind, p.verb) for p in document.paragraphs] == [("operative", "Appointed")]


def test_a_council_decision_under_its_heading() -> None:
    document = parse_text(
        "Decision 2/102. Reports and studies of mechanisms and activities\n\n"
        "At its 31st meeting, on 6 October 2006, the Human Rights Council decided, without a "
        "vote, to request the High Commissioner to continue.\n"
    )
    header = document.header
    assert (header.symbol, header.document_type) == ("A/HRC/DEC/2/102", "decision")
    assert header.title == "Reports and studies of mechanisms and activities"
    assert (header.meeting_number, header.session) == (31, 2)


def test_a_council_decision_in_one_sentence_in_the_present() -> None:
    document = parse_text(
        "Decision 1/102. Extension by the Human Rights Council of all mandates, mechanisms,\n"
        "functions and responsibilities of the Commission on Human Rights\n\n"
        "The Human Rights Council decides to extend exceptionally for one year, subject to "
        "the\nreview to be undertaken by the Council, the mandates of the Commission.\n\n"
        "21st meeting\n30 June 2006\n\n[Adopted without a vote.]\n"
    )
    header = document.header
    assert (header.symbol, header.document_type, header.session) == (
        "A/HRC/DEC/1/102",
        "decision",
        1,
    )
    assert header.title == (
        "Extension by the Human Rights Council of all mandates, mechanisms, functions and "
        "responsibilities of the Commission on Human Rights"
    )
    assert (header.meeting_number, header.adoption_date) == (21, dt.date(2006, 6, 30))
    assert [(p.kind, p.verb) for p in document.paragraphs] == [("operative", "Decides")]


def test_a_resolution_of_1946_in_one_sentence_opening_with_the_assembly() -> None:
    document = parse_text(
        "32 (I). Relations of Members of the United Nations with Spain\n\n"
        "The General Assembly recalls that the San Francisco Conference adopted a resolution "
        "according\nto which paragraph 2 of Article 4 of the Charter cannot apply to such "
        "States; and\nrecommends that the Members act in accordance with it.\n\n"
        "Twenty-sixth plenary meeting,\n9 February 1946.\n"
    )
    header = document.header
    assert header.title == "Relations of Members of the United Nations with Spain"
    assert (header.plenary_meeting, header.adoption_date) == (26, dt.date(1946, 2, 9))
    assert [(p.kind, p.verb) for p in document.paragraphs] == [("operative", "Recalls")]


# Headers of other bodies' layouts: (what, text, expected header fields).
HEADERS = [
    (
        "the Human Rights Council's resolutions of 2006 are numbered by year",
        "Human Rights Council\n\nResolution 2006/2. Working group of the Commission on Human "
        "Rights to elaborate a draft declaration\n\nThe Human Rights Council,\n\n"
        "Recalling General Assembly resolution 49/214,\n\n1. Adopts the Declaration;\n\n"
        "21st meeting\n29 June 2006\n",
        {
            "symbol": "A/HRC/RES/2006/2",
            "session": None,
            "title": "Working group of the Commission on Human Rights to elaborate a draft "
            "declaration",
            "meeting_number": 21,
            "adoption_date": dt.date(2006, 6, 29),
        },
    ),
    (
        "a Commission resolution headed by its organ",
        "Commission on Human Rights resolution 2003/12\n\nEffects of structural adjustment "
        "policies\n\nThe Commission on Human Rights,\n\nRecalling its resolution 2000/82,\n\n"
        "1. Takes note of the report;\n\n51st meeting\n22 April 2003\n",
        {
            "symbol": "E/CN.4/RES/2003/12",
            "organ": "Commission on Human Rights",
            "title": "Effects of structural adjustment policies",
            "meeting_number": 51,
        },
    ),
    (
        "a Council resolution on the recommendation of its commission",
        "Resolution adopted by the Economic and Social Council on 6 June 2019\n\n"
        "[on the recommendation of the Commission on the Status of Women (E/2019/27)]\n\n"
        "2019/4. Future organization and methods of work of the Commission\n\n"
        "The Economic and Social Council,\n\n1. Decides to continue;\n\n"
        "21st plenary meeting\n6 June 2019\n",
        {"symbol": "E/RES/2019/4", "session": None, "committee_report": "E/2019/27"},
    ),
    (
        "a Council draft leaves its number open before the title",
        "United Nations A/HRC/31/L.5/Rev.1\nGeneral Assembly Distr.: Limited\n21 March 2016\n"
        "Human Rights Council\nThirty-first session\nAgenda item 3\n"
        "Albania,* Austria,* Brazil, Chile: revised draft resolution\n"
        "31/... Freedom of opinion and expression\nThe Human Rights Council,\n"
        "1. Decides to extend the mandate.\n",
        {
            "symbol": "A/HRC/31/L.5/Rev.1",
            "document_type": "draft_resolution",
            "organ": "Human Rights Council",
            "session": 31,
            "title": "Freedom of opinion and expression",
        },
    ),
]


# Old Assembly texts: what stands between the title and the enacting formula.
OLD_GA_TITLES = [
    (
        "the Council's roman numbering before 1978 gives its session",
        "1296 (XLIV). Arrangements for consultation with non-governmental organizations\n\n"
        "The Economic and Social Council,\n\nRecalling its resolution 288 B (X) of 27 "
        "February 1950,\n\n1. Approves the following arrangements for consultation;\n\n"
        "2. Requests the Secretary-General to transmit this resolution.\n\n"
        "1520th plenary meeting,\n23 May 1968.\n",
        {
            "symbol": "E/RES/1296 (XLIV)",
            "session": 44,
            "title": "Arrangements for consultation with non-governmental organizations",
            "adoption_date": dt.date(1968, 5, 23),
        },
    ),
    (
        "a part letter on its own line under the title is not title text",
        "Resolution 181 (II). Future government of Palestine\n\nA\n\nThe General Assembly,\n\n"
        "Having met in special session at the request of the mandatory Power,\n\n"
        "Recommends to the United Kingdom the adoption of the Plan of Partition;\n\n"
        "Hundred and twenty-eighth plenary meeting,\n29 November 1947.\n",
        {"symbol": "A/RES/181 (II)", "title": "Future government of Palestine"},
    ),
    (
        "a sentence after a blank line under the title is not title text",
        "39 (I). Relations of Members of the United Nations with Spain\n\n"
        "The peoples of the United Nations, at San Francisco, Potsdam and London, condemned "
        "the Franco\nregime in Spain and decided that, as long as that regime remains, Spain "
        "may not be\nadmitted to the United Nations.\n\nThe General Assembly,\n\n"
        "Recommends that the Franco Government of Spain be debarred from membership.\n\n"
        "Fifty-ninth plenary meeting,\n12 December 1946.\n",
        {
            "symbol": "A/RES/39 (I)",
            "title": "Relations of Members of the United Nations with Spain",
            "adoption_date": dt.date(1946, 12, 12),
        },
    ),
    (
        "a title wrapped across a blank line stays whole",
        "2625 (XXV). Declaration on Principles of International Law concerning Friendly\n\n"
        "Relations and Co-operation among States in accordance with the Charter of the\n\n"
        "United Nations\n\nThe General Assembly,\n\n1. Approves the Declaration.\n\n"
        "1883rd plenary meeting,\n24 October 1970.\n",
        {
            "title": "Declaration on Principles of International Law concerning Friendly "
            "Relations and Co-operation among States in accordance with the Charter of the "
            "United Nations"
        },
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [c[1:] for c in (*HEADERS, *OLD_GA_TITLES)],
    ids=[c[0] for c in (*HEADERS, *OLD_GA_TITLES)],
)
def test_other_bodies_headers(text: str, expected: dict[str, object]) -> None:
    header = parse_text(text).header
    assert {name: getattr(header, name) for name in expected} == expected


def test_a_committee_report_is_not_a_cited_document() -> None:
    document = parse_text(HEADERS[2][1])
    assert not document.citations


def test_a_draft_decision_in_one_sentence() -> None:
    document = parse_text(
        DRAFT_HEAD + "Canada, Germany and Netherlands (Kingdom of the): draft decision\n\n"
        " Treaty banning the production of fissile material\n\n"
        "The General Assembly, recalling its resolution 78/28 of 4 December 2023 and\n"
        "its decision 79/513 of 2 December 2024, decides to include in the provisional agenda\n"
        "of its eighty-first session the sub-item entitled “Treaty banning the production”.\n"
    )
    assert document.header.document_type == "draft_decision"
    assert "no_adoption_date" not in document.warnings
    assert [(p.kind, p.number, p.verb) for p in document.paragraphs] == [
        ("operative", None, "Decides")
    ]


def test_a_paragraph_number_that_lost_its_full_stop() -> None:
    # A_RES_79_160 as PyMuPDF extracts it: "26" alone on its line, then the paragraph.
    document = parse_text(
        "79/160. Title\n\nThe General Assembly,\n\n25. Recalls the recommendation of the "
        "Special Rapporteur;14\n\n26\nCondemns without reservation any denial of the\n"
        "Holocaust;\n\n27\nAffirms its deep commitment to the duty of remembrance;\n\n"
        "28. Recalls the conclusions of the Special Rapporteur.\n"
    )
    assert [(p.number, p.verb) for p in document.paragraphs] == [
        (25, "Recalls"),
        (26, "Condemns"),
        (27, "Affirms its deep commitment"),
        (28, "Recalls"),
    ]
    assert (
        document.paragraphs[1].text == "Condemns without reservation any denial of the Holocaust;"
    )
