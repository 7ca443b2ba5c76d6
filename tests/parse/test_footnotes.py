"""Footnote definitions among the lines, and markers in paragraph text.

Snippets are copied from the seeds and the corpus (raw/, tests/eval/cases/); the
comment of each case names its source.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from unres.parse.footnotes import (
    _WORD_BEFORE,
    MarkerReader,
    clean_footnote_text,
    take_footnote_blocks,
)
from unres.parse.lines import to_lines
from unres.parse.marks import footnote_mark
from unres.parse.normalise import normalise

MARK_1, MARK_6 = footnote_mark(1), footnote_mark(6)

# --- markers ---------------------------------------------------------------------------

# (case, footnotes defined, texts in reading order, [(clean text, markers)] expected)
MARKER_CASES: list[tuple[str, set[int], list[str], list[tuple[str, list[int]]]]] = [
    (
        "glued after a year and a comma (A_RES_80_14)",
        {1, 2, 3, 4, 5},
        ["in Cairo on 11 April 1996,1", "adopted on that occasion,2 in which it was emphasized"],
        [
            ("in Cairo on 11 April 1996,", [1]),
            ("adopted on that occasion, in which it was emphasized", [2]),
        ],
    ),
    (
        "glued to a word (A_RES_80_14)",
        {4, 5},
        ["signed the Protocols to the Treaty4 that concern them", "Nuclear Weapons5 that have not"],
        [
            ("signed the Protocols to the Treaty that concern them", [4]),
            ("Nuclear Weapons that have not", [5]),
        ],
    ),
    (
        "years with the marker glued on (A_RES_80_11)",
        {1, 2, 3, 4},
        [
            "sustaining peace,1",
            "of 25 November 20242 and the inputs for the 2025 review of the peacebuilding "
            "architecture through its letter dated 13 November 20243 and the former Chairs",
        ],
        [
            ("sustaining peace,", [1]),
            (
                "of 25 November 2024 and the inputs for the 2025 review of the peacebuilding "
                "architecture through its letter dated 13 November 2024 and the former Chairs",
                [2, 3],
            ),
        ],
    ),
    (
        "a range whose end carries the marker (A_RES_80_5)",
        {11, 12, 13},
        ["Countries, 11  the Awaza Programme for the Decade 2024–203412 and the Antigua"],
        [("Countries,  the Awaza Programme for the Decade 2024–2034 and the Antigua", [11, 12])],
    ),
    (
        "spaced after a word and glued after a comma (A_RES_80_22)",
        {1, 2, 3, 4},
        [
            "developments relevant to the Convention 1 and to provide States Parties with "
            "relevant advice,2"
        ],
        [
            (
                "developments relevant to the Convention and to provide States Parties with "
                "relevant advice,",
                [1, 2],
            )
        ],
    ),
    (
        "glued to the next word (A_RES_80_61)",
        {1, 2},
        ["Development,1", "Taking note of the report of the Secretary-General, 2and expressing"],
        [
            ("Development,", [1]),
            ("Taking note of the report of the Secretary-General, and expressing", [2]),
        ],
    ),
    (
        "after a semicolon and a closing quote; the item number stays (A_RES_80_7)",
        {1, 2, 3},
        [
            "for 2024,1",
            "held from 15 to 19 September 2025;2 and of the statements",
            "agenda item 8 entitled “Election of Members to the Board of Governors”; 3 item 15 "
            "entitled",
        ],
        [
            ("for 2024,", [1]),
            ("held from 15 to 19 September 2025; and of the statements", [2]),
            (
                "agenda item 8 entitled “Election of Members to the Board of Governors”; item "
                "15 entitled",
                [3],
            ),
        ],
    ),
    (
        "counts and numbered things are not markers (A_RES_80_70)",
        {1, 2, 3, 4},
        [
            "Mindful that 2025 marks 80 years since nuclear weapons were first used",
            "from the remaining nine annex 2 States, which continues to delay",
            "Encouraged by the signing of the Treaty by 187 States, including 41 of the 44 whose "
            "ratification is needed, among which there are 2 nuclear-weapon States,",
            "in accordance with article IV of the Treaty and article 14 of the Statute",
            "Non-Proliferation of Nuclear Weapons,1 in which the Conference",
        ],
        [
            ("Mindful that 2025 marks 80 years since nuclear weapons were first used", []),
            ("from the remaining nine annex 2 States, which continues to delay", []),
            (
                "Encouraged by the signing of the Treaty by 187 States, including 41 of the 44 "
                "whose "
                "ratification is needed, among which there are 2 nuclear-weapon States,",
                [],
            ),
            ("in accordance with article IV of the Treaty and article 14 of the Statute", []),
            ("Non-Proliferation of Nuclear Weapons, in which the Conference", [1]),
        ],
    ),
    (
        "a document symbol keeps its digits (seed 000)",
        {2},
        ["[on the report of the Third Committee (A/75/478/Add.2, para. 89)]"],
        [("[on the report of the Third Committee (A/75/478/Add.2, para. 89)]", [])],
    ),
    (
        "a canonical marker referenced twice counts once (seed 001)",
        {1, 6},
        [
            f"Vienna Declaration,{MARK_1} for",
            f"Human Rights{MARK_6} and of the Vienna Declaration,{MARK_1} and",
        ],
        [
            ("Vienna Declaration, for", [1]),
            ("Human Rights and of the Vienna Declaration, and", [6, 1]),
        ],
    ),
    (
        "stray page numbers where no footnote exists (S_RES_1820)",
        set(),
        [
            "against civilians with immediate effect; 2",
            "UN peacekeeping operations, consistent 3 with their mandates, to protect civilians",
        ],
        [
            ("against civilians with immediate effect;", []),
            (
                "UN peacekeeping operations, consistent with their mandates, to protect civilians",
                [],
            ),
        ],
    ),
]


@pytest.mark.parametrize(
    ("defined", "texts", "expected"),
    [case[1:] for case in MARKER_CASES],
    ids=[c[0] for c in MARKER_CASES],
)
def test_markers_are_read_in_reading_order(
    defined: set[int], texts: list[str], expected: list[tuple[str, list[int]]]
) -> None:
    reader = MarkerReader(defined)
    assert [reader.read(text) for text in texts] == expected


def test_a_marker_without_definition_is_removed_and_reported() -> None:
    reader = MarkerReader({1})
    assert reader.read(f"session,{footnote_mark(5)}") == ("session,", [5])
    assert reader.undefined == {5}


def test_a_marker_not_yet_due_waits_for_its_turn() -> None:
    # "2" cannot be a marker before footnote 1 was referenced (A_RES_80_70).
    reader = MarkerReader({1, 2})
    assert reader.read("there are 2 nuclear-weapon States,") == (
        "there are 2 nuclear-weapon States,",
        [],
    )
    assert reader.read("Weapons,1 in which") == ("Weapons, in which", [1])
    assert reader.read("on 24 September 2024,2") == ("on 24 September 2024,", [2])


# --- definitions -----------------------------------------------------------------------


def blocks(text: str) -> tuple[list[str], dict[int, str]]:
    found = take_footnote_blocks(to_lines(normalise(text)))
    return [line.text for line in found.body], {
        number: clean_footnote_text(parts) for number, parts in found.definitions.items()
    }


def test_markdown_definitions_with_a_wrapped_line_mistaken_for_a_definition() -> None:
    # A_RES_80_70.md: "2321 (2016)" wrapped to a new line and became "[^2321]:".
    text = (
        "1. Stresses the vital importance of the Treaty;3\n\n52nd plenary meeting 1 December "
        "2025\n\n---\n\n"
        "[^3]: See resolution 50/245 and A/50/1027.\n\n"
        "[^4]: Including Security Council resolutions 1718 (2006), 1874 (2009), 2094 (2013), "
        "2270 (2016),\n"
        "[^2321]: (2016) and 2375 (2017)."
    )
    body, notes = blocks(text)
    assert body == [
        "1. Stresses the vital importance of the Treaty;3",
        "52nd plenary meeting 1 December 2025",
    ]
    assert notes == {
        3: "See resolution 50/245 and A/50/1027.",
        4: "Including Security Council resolutions 1718 (2006), 1874 (2009), 2094 (2013), "
        "2270 (2016), 2321 (2016) and 2375 (2017).",
    }


def test_plain_numbered_block_in_mid_paragraph() -> None:
    # A_RES_80_11.txt: the page broke inside a paragraph and its footnotes stayed inline.
    text = (
        "Taking note of the report of 25 November 20242 and its letter dated 13 November 20243 "
        "and further acknowledging\n\n2 A/79/552-S/2024/767.\n\n3 A/79/609-S/2024/827.\n\n"
        "the inputs from the group of independent eminent persons through its letter dated 21 "
        "November 2024,4"
    )
    body, notes = blocks(text)
    assert len(body) == 2 and body[1].startswith("the inputs from the group")
    assert notes == {2: "A/79/552-S/2024/767.", 3: "A/79/609-S/2024/827."}


def test_wrapped_footnote_with_continuation_lines() -> None:
    # A_RES_80_11.txt footnote 1: continuation lines without blank lines.
    text = (
        "statements by the President of the Security Council on peacebuilding and sustaining "
        "peace,1\n\n"
        "1 Including General Assembly resolution 60/180 and Security Council resolution 1645 "
        "(2005),\n"
        "Assembly resolution 65/7 and Council resolution 1947 (2010), Assembly resolution "
        "75/201 and "
        "Council resolution 2558\n(2020).\n\n"
        "Recognizing further that conflict prevention should be nationally led and owned,"
    )
    body, notes = blocks(text)
    assert (
        body[1]
        == "Recognizing further that conflict prevention should be nationally led and owned,"
    )
    assert notes[1].endswith("Council resolution 2558 (2020).")


def test_footnote_block_after_a_rule_at_a_page_break() -> None:
    # A_RES_80_22.txt: rule glued to the last body line of the page.
    text = (
        "6. Encourages Member States to organize events at the national, regional and "
        "international ---\n\n"
        "1 United Nations, Treaty Series, vol. 1015, No. 14860.\n\n2 BWC/CONF.IX/9, sect. II.E.\n\n"
        "levels, on the role of science and technology;"
    )
    body, notes = blocks(text)
    assert body == [
        "6. Encourages Member States to organize events at the national, regional and "
        "international",
        "levels, on the role of science and technology;",
    ]
    assert notes == {
        1: "United Nations, Treaty Series, vol. 1015, No. 14860.",
        2: "BWC/CONF.IX/9, sect. II.E.",
    }


def test_job_number_run_into_a_footnote() -> None:
    # A_RES_49_12 web page: "__________ 1/ A/49/48. . 94-60069" inline.
    text = (
        "Having considered the report of the Preparatory Committee, 1/\n"
        "4. Welcomes the commemorative programme;\n__________ 1/ A/49/48. . 94-60069\n"
        "5. Welcomes also the continuation of the work;"
    )
    body, notes = blocks(text)
    assert body[-1] == "5. Welcomes also the continuation of the work;"
    assert notes == {1: "A/49/48."}


def test_body_text_after_a_block_is_not_a_footnote() -> None:
    # Seed 000: "24 April 2009, and ..." resumes the body; it is no footnote 24.
    text = (
        "held in Geneva from 20 to\n\n<sup>&</sup>lt;sup&gt;3</sup> See Official Records, chap. "
        "V, sect. A.\n\n"
        "<sup>&</sup>lt;sup&gt;1</sup> A/CONF.157/24 (Part I), chap. III.\n\n"
        "<sup>&</sup>lt;sup&gt;2</sup> Resolution 55/2.\n\n"
        "24 April 2009, and the political declaration"
    )
    body, notes = blocks(text)
    assert body == ["held in Geneva from 20 to", "24 April 2009, and the political declaration"]
    assert sorted(notes) == [1, 2, 3]


def test_block_without_blank_lines_ends_where_the_body_sentence_resumes() -> None:
    text = (
        "held in Geneva from 20 to\n<sup>2</sup> Resolution 55/2.\n"
        "24 April 2009, and the political declaration,"
    )
    body, notes = blocks(text)
    assert body == ["held in Geneva from 20 to", "24 April 2009, and the political declaration,"]
    assert notes == {2: "Resolution 55/2."}


def test_footnote_continued_on_the_next_page() -> None:
    # Damaged A_RES_80_5: footnote 10 runs over the page break into the next block.
    text = (
        "Development, 10  including the principle of common but differentiated\n"
        "__________________\n\n"
        "10 Report of the United Nations Conference on Environment and Development, Rio de "
        "Janeiro,\n\n"
        "responsibilities, as set out in principle 7 thereof.\n"
        "__________________\n\n"
        "3–14 June 1992, vol. I, resolution 1, annex I.\n\n11 Resolution 76/258, annex."
    )
    body, notes = blocks(text)
    assert body[1] == "responsibilities, as set out in principle 7 thereof."
    assert notes[10].endswith("Rio de Janeiro, 3–14 June 1992, vol. I, resolution 1, annex I.")
    assert notes[11] == "Resolution 76/258, annex."


def test_numbered_paragraph_after_a_block_stays_in_the_body() -> None:
    # A_RES_80_14.txt: a block between operative paragraphs 2 and 3.
    text = (
        "in Cairo on 11 April 1996,1\n\n2. Calls upon African States to sign;\n\n"
        "1 A/50/426, annex.\n\n3. Recalls the convening of the first Conference;"
    )
    body, notes = blocks(text)
    assert body[-1] == "3. Recalls the convening of the first Conference;"
    assert notes == {1: "A/50/426, annex."}


def test_a_number_without_marker_evidence_is_body_text() -> None:
    text = (
        "Recalling its resolutions,\n\n2 nuclear-weapon States have ratified,\n\n"
        "3 States Parties met"
    )
    body, notes = blocks(text)
    assert notes == {} and len(body) == 3


# The word before a candidate marker is read backwards ("(?r)" in ``regex``); it must
# find what the plain forward pattern finds, on any characters and window.
_FORWARD_WORD_BEFORE = re.compile(r"([^\W\d_]+)(\.?)\W*$")
_word_chars = st.sampled_from([*"ab Z.,(1_-", "é", "e\u0301", "\u00b2", "\u2019", "\n"])


@given(st.lists(_word_chars, max_size=30).map("".join), st.integers(0, 40))
@example("the Treaty.", 0)
@example("see p. ", 0)
@example("article 14 (", 3)
@example("ab1 ", 0)
def test_word_before_reads_backwards_what_a_forward_match_reads(text: str, back: int) -> None:
    start = max(0, len(text) - back)
    forward = _FORWARD_WORD_BEFORE.search(text, start, len(text))
    backward = _WORD_BEFORE.search(text, start, len(text))
    assert (forward and forward.groups()) == (backward and backward.groups())
