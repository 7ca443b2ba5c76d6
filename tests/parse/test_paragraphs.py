"""Reading body lines into paragraphs (``unres.parse.paragraphs``).

The input is the body as ``segment`` hands it over: normalised lines after the organ
line, furniture and footnote blocks already out. Snippets are from the corpus.
"""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from unres.parse.lines import PARAGRAPH_NUMBER, SUB_ITEM, paragraph_label, to_lines
from unres.parse.marks import EMPHASIS_CLOSE, EMPHASIS_OPEN
from unres.parse.normalise import normalise
from unres.parse.paragraphs import Body, read_body, strip_quotes


def read(text: str) -> Body:
    return read_body(to_lines(normalise(text)))


def outline(body: Body) -> list[tuple[str, int | None, str]]:
    return [(p.kind, p.number, p.text[:24]) for p in body.paragraphs]


def test_numbered_section_keeps_unlabelled_and_labelled_sub_paragraphs() -> None:
    # A_RES_80_11: the labels (a)-(d) were lost; headings sit between paragraphs.
    body = read(
        "Affirming that the 2025 review is aimed at further enhancing impact at the field "
        "level,\n\n"
        "Peacebuilding Commission\n\n"
        "1. Reaffirms all relevant resolutions, and also reaffirms the need to strengthen its "
        "fulfilment by:\n\n"
        "Requesting the Peacebuilding Commission to establish a programme of work;\n\n"
        "(ii) Inviting international financial institutions to engage;\n\n"
        "2. Recognizes the importance of the advisory role, and in this regard:\n\n"
        "Decides to consider seeking advice from the Peacebuilding Commission;\n\n"
        "May consider diverse formats of engagement;\n\n"
        "Peacebuilding financing\n\n"
        "3. Calls for the full implementation of relevant resolutions on financing for "
        "peacebuilding;"
    )
    assert outline(body) == [
        ("preambular", None, "Affirming that the 2025 "),
        ("operative", 1, "Reaffirms all relevant r"),
        ("operative", 2, "Recognizes the importanc"),
        ("operative", 3, "Calls for the full imple"),
    ]
    assert body.paragraphs[1].text.endswith(
        "fulfilment by: Requesting the Peacebuilding Commission to "
        "establish a programme of work; (ii) Inviting international "
        "financial institutions to engage;"
    )
    assert body.paragraphs[2].text.endswith("May consider diverse formats of engagement;")


def test_page_break_inside_a_paragraph_is_joined() -> None:
    # A_RES_80_22: "Production and" / "Stockpiling of" split over two blocks.
    body = read(
        "Cognizant of the decision of the Ninth Review Conference of the States Parties to the "
        "Convention "
        "on the Prohibition of the Development, Production and\n\nStockpiling of Bacteriological "
        "(Biological) and Toxin Weapons,\n\nCognizant also of the discussions in the Conference on "
        "Disarmament in 2025,"
    )
    assert len(body.paragraphs) == 2
    assert body.paragraphs[0].text.endswith("(Biological) and Toxin Weapons,")
    assert "Production and Stockpiling of" in body.paragraphs[0].text


def test_a_single_unnumbered_operative_paragraph_then_the_annex() -> None:
    # A_RES_80_5, hard-wrapped with numbers and labels alone on their lines.
    body = read(
        "Adopts the Doha Political Declaration of the “World Social Summit”, as contained in "
        "the annex\n"
        "to the present resolution.\n\n28th plenary meeting\n4 November 2025\n\nAnnex\n\n"
        "Doha Political Declaration of the “World Social Summit” under the title “the\n"
        "Second World Summit for Social Development”\n\n1.\nWe, Heads of State and Government, "
        "have\n"
        "gathered in Doha.\n2.\nWe acknowledge the urgent need to address social "
        "challenges:\n\n(a)\n"
        "Although great strides have been made in reducing poverty;\n\nA call to action\n\n"
        "3. We recommit ourselves to creating an enabling environment."
    )
    assert outline(body) == [
        ("operative", None, "Adopts the Doha Politica"),
        ("annex", 1, "We, Heads of State and G"),
        ("annex", 2, "We acknowledge the urgen"),
        ("annex", 3, "We recommit ourselves to"),
    ]
    assert body.paragraphs[2].text.endswith(
        "social challenges: (a) Although great strides have been made in reducing poverty;"
    )
    assert body.closing == ["28th plenary meeting", "4 November 2025"]


def test_unnumbered_operative_paragraphs() -> None:
    # S_RES_36 (1947), as cabled: no numbers, and two paragraphs run together.
    body = read(
        "having received and taken note of report of Consular Commission;\n\n"
        "Having taken note that according to report no attempt was made;\n\n"
        "Calls upon the parties concerned forthwith to consult with each other;\n\n"
        "Requests the Committee of Good Offices to assist the parties. Requests the Consular "
        "Commission to make its services available;\n\n"
        "Should it appear that some withdrawals be necessary, invites the parties to conclude "
        "an agreement."
    )
    assert outline(body) == [
        ("preambular", None, "having received and take"),
        ("preambular", None, "Having taken note that a"),
        ("operative", None, "Calls upon the parties c"),
        ("operative", None, "Requests the Committee o"),
        ("operative", None, "Requests the Consular Co"),
        ("operative", None, "Should it appear that so"),
    ]


def test_an_operative_paragraph_opening_a_list_keeps_its_items() -> None:
    body = read(
        "Decides to establish a fund with the following tasks:\n\n"
        "Assisting Member States in building their capacities;\n\n"
        "Providing technical assistance;\n\n"
        "Requests the Secretary-General to report on the implementation of the present resolution."
    )
    assert outline(body) == [
        ("operative", None, "Decides to establish a f"),
        ("operative", None, "Requests the Secretary-G"),
    ]


def test_adopted_declaration_after_a_list_opening_paragraph() -> None:
    body = read(
        "Adopts the following Declaration:\n\nUnited Nations Millennium Declaration\n\nI. "
        "Values and principles\n\n"
        "1. We, the Heads of State and Government, have gathered.\n\n2. We recognize our "
        "collective responsibility."
    )
    assert outline(body) == [
        ("operative", None, "Adopts the following Dec"),
        ("annex", 1, "We, the Heads of State a"),
        ("annex", 2, "We recognize our collect"),
    ]


@pytest.mark.parametrize(
    ("closing", "lines"),
    [
        ("*73rd plenary meeting\n19 December 2017*", ["73rd plenary meeting", "19 December 2017"]),
        ("52nd plenary meeting 1 December 2025", ["52nd plenary meeting 1 December 2025"]),
        (
            "Adopted by the Security Council at its 8808th meeting, on29 June 2021",
            ["Adopted by the Security Council at its 8808th meeting, on29 June 2021"],
        ),
        ("Adopted at the 5th meeting.", ["Adopted at the 5th meeting."]),
        (
            "41st meeting\n24 September 2015\n[Adopted without a vote.]",
            ["41st meeting", "24 September 2015", "[Adopted without a vote.]"],
        ),
    ],
)
def test_closing_lines(closing: str, lines: list[str]) -> None:
    body = read(f"1. Decides to remain seized of the matter.\n\n{closing}\n\nObserver status (pdf)")
    assert body.closing == lines
    assert [p.text for p in body.paragraphs] == ["Decides to remain seized of the matter."]


def test_a_meeting_phrase_inside_a_sentence_is_no_closing() -> None:
    body = read("1. Decides to convene, at its\n52nd meeting, held on 3 May 2025, a debate;")
    assert body.closing == []
    assert (
        body.paragraphs[0].text
        == "Decides to convene, at its 52nd meeting, held on 3 May 2025, a debate;"
    )


def test_numbering_gap_is_reported_and_kept() -> None:
    body = read("1. Decides to act;\n\n3. Requests a report;\n\n4. Decides to remain seized.")
    assert [p.number for p in body.paragraphs] == [1, 3, 4]
    assert body.warnings == ["operative_numbering_gap"]


def test_a_number_out_of_sequence_continues_the_paragraph() -> None:
    body = read(
        "1. Decides to apply the procedure of article\n14. of the Statute;\n\n2. Requests a report."
    )
    assert [p.number for p in body.paragraphs] == [1, 2]
    assert (
        body.paragraphs[0].text == "Decides to apply the procedure of article 14. of the Statute;"
    )


def test_sub_paragraphs_and_dash_bullets_stay_with_their_parent() -> None:
    body = read(
        "5. Calls upon all States:\n(a) To ratify the Treaty;\n(b) To implement it, including:\n"
        "(i) by adopting laws;\n- by training officials;\n6. Decides to remain seized of the "
        "matter."
    )
    assert [p.number for p in body.paragraphs] == [5, 6]
    assert body.paragraphs[0].text == (
        "Calls upon all States: (a) To ratify the Treaty; (b) To implement it, including: "
        "(i) by adopting laws; - by training officials;"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "“Noting with regret the resignation of Judge Hisashi Owada,",
            "Noting with regret the resignation of Judge Hisashi Owada,",
        ),
        (
            "“Decides that the election shall take place at its seventy-second session.”",
            "Decides that the election shall take place at its seventy-second session.",
        ),
        (
            "Decides to include the item entitled “Comprehensive Nuclear-Test-Ban Treaty”.",
            "Decides to include the item entitled “Comprehensive Nuclear-Test-Ban Treaty”.",
        ),
        ("'Having taken note of the report;", "Having taken note of the report;"),
        (
            "Decides that the Council's resolution applies.",
            "Decides that the Council's resolution applies.",
        ),
        (
            'Decides to include the item entitled "Personnel."',
            'Decides to include the item entitled "Personnel."',
        ),
        ("Requests the Commission to act.'", "Requests the Commission to act."),
    ],
)
def test_strip_quotes(text: str, expected: str) -> None:
    assert strip_quotes(text) == expected


# paragraph_label looks at a line's first characters before trying the patterns; it
# must say what the patterns say.
_label_chars = st.sampled_from(
    [*"12a(b)iv.*- A", "\u2022", "\u0663", EMPHASIS_OPEN, EMPHASIS_CLOSE]
)


@given(st.lists(_label_chars, max_size=8).map("".join))
@example("12. Decides")
@example(f"{EMPHASIS_OPEN}3.{EMPHASIS_CLOSE} Requests")
@example("(iv) the")
@example("b) the")
@example("\u2022 item")
@example("\u0663. Arabic-Indic digit")
def test_paragraph_label_says_what_the_label_patterns_say(line: str) -> None:
    expected = (
        "number" if PARAGRAPH_NUMBER.match(line) else "item" if SUB_ITEM.match(line) else None
    )
    assert paragraph_label(line) == expected
