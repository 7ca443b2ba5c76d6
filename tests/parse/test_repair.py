"""Clean text: converter faults inside words and symbols, repaired where it is safe."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from unres.parse.marks import ALL_MARKS, EMPHASIS_CLOSE, EMPHASIS_OPEN, footnote_mark, strip_marks
from unres.parse.repair import clean_text, find_word_repairs


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Page breaks and wraps leave line ends, odd spaces and doubled spaces behind.
        ("Calls upon\nall States  to\u00a0act ;", "Calls upon all States to act;"),
        ("  Decides to remain seized of the matter.\t", "Decides to remain seized of the matter."),
        (f"{EMPHASIS_OPEN}Recalling{EMPHASIS_CLOSE} its resolution", "Recalling its resolution"),
        (f"the Treaty{footnote_mark(3)} and", "the Treaty and"),
        # A hyphen cut from its word at a line end, but not a suspended one.
        ("the Nuclear- Weapon-Free Zone", "the Nuclear-Weapon-Free Zone"),
        ("small- and medium-sized enterprises", "small- and medium-sized enterprises"),
        (
            "the Treaty on the Non- Proliferation of Nuclear Weapons;",
            "the Treaty on the Non-Proliferation of Nuclear Weapons;",
        ),
        (
            "non- governmental organizations and the private sector",
            "non-governmental organizations and the private sector",
        ),
        (
            "importance of burden- and responsibility-sharing;",
            "importance of burden- and responsibility-sharing;",
        ),
        # After a digit the hyphen is not a word's (the first a variant of real damage).
        ("COVID-19- related measures", "COVID-19- related measures"),
        ("their 5-, 10-, 15- and 20-year reviews", "their 5-, 10-, 15- and 20-year reviews"),
        # Symbols broken by converter spaces.
        ("see A/75/ 381/Add. 1, para. 4", "see A/75/381/Add.1, para. 4"),
        ("in document S/2021/ 456", "in document S/2021/456"),
        # A full stop repeated across a break, emphasis left open.
        ("of the present resolution. .", "of the present resolution."),
        ("*Requests* the Secretary-General", "Requests the Secretary-General"),
    ],
)
def test_clean_text(text: str, expected: str) -> None:
    assert clean_text(text) == expected


def test_word_repairs_need_proof_from_the_document_itself() -> None:
    text = (
        "The General Assembly, recalling the Convention and the report of the Gene ral "
        "Assembl y, welcomes the Conventionon the Rights of the Child, and reaffirms in to"
    )
    repairs = find_word_repairs(text)
    assert repairs == {
        "Gene ral": "General",  # "General" occurs whole elsewhere
        "Assembl y": "Assembly",  # a stranded letter after a word
        "Conventionon": "Convention on",  # "Convention" occurs whole elsewhere
    }
    assert clean_text("the Gene ral Assembl y and the Conventionon", repairs) == (
        "the General Assembly and the Convention on"
    )


def test_no_repair_without_proof() -> None:
    # "Gene ral" alone proves nothing: "General" never occurs whole.
    assert find_word_repairs("the report of the Gene ral Secretary") == {}


# Texts free of what the other repairs look for (hyphens, slashes, stops, commas,
# asterisks): words and marks between runs of whitespace, odd spaces among them.
words = st.text(st.sampled_from([*"abcXYZé\u201c", *ALL_MARKS]), min_size=1, max_size=6)
spaces = st.sampled_from([" ", " ", "  ", "   ", "\n", " \t", "\u00a0", "\u2009 "])
plain_texts = st.lists(st.tuples(spaces, words), max_size=12).map(
    lambda pairs: "".join(space + word for space, word in pairs)
)


@given(plain_texts, spaces)
@example("the  Council", " ")  # printable, but a double space
@example(f"{EMPHASIS_OPEN}Notes{EMPHASIS_CLOSE}  with", "\n")
def test_clean_text_collapses_whitespace_and_drops_marks(text: str, end: str) -> None:
    text += end
    assert clean_text(text) == " ".join(strip_marks(text).split())
