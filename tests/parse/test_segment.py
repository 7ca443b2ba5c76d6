"""The structural parse of whole documents (``normalise`` + ``split_document``).

Every corpus file (raw/) and seed (tests/eval/cases/) is parsed; the expected counts,
kinds, numbers and footnotes were worked out by reading the files. Damaged variants
of real files (no blank lines, a blank line after every line, hard-wrapped, on one
line, page breaks inside paragraphs) must give the same paragraphs as the original.
"""

from __future__ import annotations

import json
import re
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from unres.model import Structure
from unres.parse.marks import ALL_MARKS
from unres.parse.normalise import normalise
from unres.parse.segment import split_document

ROOT = Path(__file__).parents[2]
RAW = ROOT / "raw"
CASES = ROOT / "tests" / "eval" / "cases"
# The three seeds: numbered cases whose truth came with the project.
SEEDS = sorted(path.stem for path in CASES.glob("[0-9][0-9][0-9]_*.txt"))


def parse(text: str) -> Structure:
    return split_document(normalise(text))


def parse_file(name: str) -> Structure:
    path = RAW / name if (RAW / name).exists() else CASES / name
    return parse(path.read_text(encoding="utf-8"))


def _header_lines(structure: Structure) -> list[str]:
    """The header's lines; the blank lines it keeps between paragraphs left out."""
    return [line for line in structure.header.splitlines() if line]


def test_the_header_keeps_a_blank_line_between_paragraphs_not_between_wrapped_lines() -> None:
    sentence = "39 (I). Relations with Spain\n\nThe peoples condemned the\nregime.\n\n"
    organ = "The General Assembly,\n\n"
    body = "".join(f"{n}. Recommends that Spain\nbe debarred;\n\n" for n in range(1, 6))
    assert parse(sentence + organ + body).header == (
        "39 (I). Relations with Spain\n\nThe peoples condemned the\nregime.\nThe General Assembly,"
    )
    # A converter's blank line after every line says nothing about paragraphs.
    wrapped = "39 (I). Relations of Members\n\nwith Spain\n\n"
    body = body.replace("\n", "\n\n").replace("\n\n\n\n", "\n\n")
    assert parse(wrapped + organ + body).header == (
        "39 (I). Relations of Members\nwith Spain\nThe General Assembly,"
    )


def kinds(structure: Structure) -> tuple[int, int, int]:
    counted = [p.kind for p in structure.paragraphs]
    return counted.count("preambular"), counted.count("operative"), counted.count("annex")


# --- the seeds -------------------------------------------------------------------------


@pytest.mark.parametrize("seed", SEEDS)
def test_seed_counts_match_the_truth(seed: str) -> None:
    expected = json.loads((CASES / f"{seed}.expected.json").read_text(encoding="utf-8"))
    structure = parse_file(f"{seed}.txt")
    preambular, operative, annex = kinds(structure)
    assert (preambular, operative, annex) == (expected["n_preambular"], expected["n_operative"], 0)
    assert len(structure.footnotes) == expected["n_footnotes"]
    assert [p.number for p in structure.paragraphs if p.kind == "operative"] == list(
        range(1, operative + 1)
    )


@pytest.mark.parametrize("seed", SEEDS)
def test_seed_emphasis_or_text_opens_with_the_truths_phrases(seed: str) -> None:
    expected = json.loads((CASES / f"{seed}.expected.json").read_text(encoding="utf-8"))
    structure = parse_file(f"{seed}.txt")
    preambular = [p for p in structure.paragraphs if p.kind == "preambular"]
    operative = [p for p in structure.paragraphs if p.kind == "operative"]
    assert all(
        p.text.startswith(opener)
        for p, opener in zip(preambular, expected["preambular_openers"], strict=True)
    )
    assert all(
        p.text.startswith(verb)
        for p, verb in zip(operative, expected["operative_verbs"], strict=True)
    )


def test_seed_000_paragraphs_are_clean_and_joined_across_the_footnote_block() -> None:
    paragraphs = parse_file("000_e02343ddb4ce8db6.txt").paragraphs
    assert paragraphs[2].text == (
        "Recalling also its adoption of the United Nations Millennium Declaration on 8 "
        "September 2000, "
        "its resolution 74/153 of 18 December 2019, Human Rights Council resolution 44/18 of 17 "
        "July 2020 "
        "and the resolutions of the Commission on Human Rights on the enhancement of international "
        "cooperation in the field of human rights,"
    )
    assert paragraphs[2].footnotes == (2, 3)
    assert paragraphs[2].emphasis == "Recalling also"
    assert (
        "held in Geneva from 20 to 24 April 2009, and the political declaration"
        in paragraphs[3].text
    )
    assert paragraphs[3].footnotes == (4,)
    assert paragraphs[28].text.endswith(
        "mutual cooperation, understanding and dialogue in ensuring the "
        "promotion and protection of all human rights;"
    )


def test_seed_000_header_closing_and_footnotes() -> None:
    structure = parse_file("000_e02343ddb4ce8db6.txt")
    assert _header_lines(structure) == [
        "Distr.: General 28 December 2020",
        "Seventy-fifth session Agenda item 72 (b) Promotion and protection of human rights: human "
        "rights questions, including alternative approaches for improving the effective "
        "enjoyment of "
        "human rights and fundamental freedoms",
        "Resolution adopted by the General Assembly on 16 December 2020",
        "[on the report of the Third Committee (A/75/478/Add.2, para. 89)]",
        "75/180. Enhancement of international cooperation in the field of human rights",
        "The General Assembly,",
    ]
    assert structure.closing == "46th plenary meeting 16 December 2020"
    assert [(f.number, f.text) for f in structure.footnotes] == [
        (1, "A/CONF.157/24 (Part I), chap. III."),
        (2, "Resolution 55/2."),
        (
            3,
            "See Official Records of the General Assembly, Seventy-fifth Session, Supplement "
            "No. 53 "
            "(A/75/53), chap. V, sect. A.",
        ),
        (4, "Resolution 66/3."),
        (5, "See E/CN.4/2001/2-E/CN.4/Sub.2/2000/46, chap. II, sect. A."),
    ]


def test_seed_001_footnote_referenced_twice_and_defined_after_the_closing() -> None:
    structure = parse_file("001_ef61d0dabfe29b93.txt")
    assert structure.paragraphs[28].footnotes == (6, 1)
    assert structure.footnotes[-1].text == "Resolution 217 A (III)."
    assert structure.closing == "73rd plenary meeting\n19 December 2017"


# --- the corpus ------------------------------------------------------------------------

# file: (preambular, operative numbers or count of unnumbered, annex, footnotes defined,
#        {paragraph index: footnotes referenced})
CORPUS: dict[str, tuple[int, list[int] | int, int, list[int], dict[int, tuple[int, ...]]]] = {
    "A_RES_80_5.txt": (
        0,
        1,
        44,
        list(range(1, 16)),
        {
            1: (1, 2),
            6: (3,),
            8: (4, 5),
            9: (6,),
            10: (7,),
            13: (8, 9),
            14: (10,),
            20: (11, 12, 13),
            31: (14,),
            37: (15,),
        },
    ),
    "A_RES_80_11.txt": (16, list(range(1, 31)), 0, [1, 2, 3, 4], {1: (1,), 14: (2, 3, 4)}),
    "A_RES_80_11.md": (16, list(range(1, 31)), 0, [1, 2, 3, 4], {1: (1,), 14: (2, 3, 4)}),
    "A_RES_80_14.txt": (
        5,
        list(range(1, 9)),
        0,
        [1, 2, 3, 4, 5],
        {1: (1,), 2: (2,), 3: (3,), 8: (4,), 10: (5,)},
    ),
    "A_RES_80_22.txt": (12, list(range(1, 8)), 0, [1, 2, 3, 4], {5: (1, 2), 8: (3,), 14: (4,)}),
    "A_RES_80_56.md": (2, [1, 2, 3, 4], 0, [], {}),
    "A_RES_80_61.md": (
        15,
        list(range(1, 11)),
        0,
        list(range(1, 8)),
        {2: (1,), 4: (2,), 7: (3,), 10: (4,), 12: (5,), 19: (6,), 20: (7,)},
    ),
    "A_RES_80_7.md": (4, [1, 2, 3, 4, 5], 0, [1, 2, 3], {0: (1,), 5: (2, 3)}),
    "A_RES_80_70.md": (
        16,
        list(range(1, 12)),
        0,
        [1, 2, 3, 4],
        {9: (1,), 10: (2,), 16: (3,), 20: (4,)},
    ),
    "A_RES_192_III_dfat.md": (0, 4, 0, [], {}),
    "A_RES_49_12_procon-page.txt": (1, [1, 2, 3, 4, 5, 6], 0, [1], {0: (1,)}),
    # A page excerpt cut in mid-word; its footnote texts are not in the excerpt.
    "A_RES_51_77_unorg-htm-excerpt.txt": (6, 0, 0, [], {0: (1,), 1: (2,), 2: (3,)}),
    "A_RES_58_85_guam-page.txt": (1, [1, 2], 0, [], {}),
    "S_RES_1820_crsv-json-para2.txt": (0, 1, 0, [], {}),
    "S_RES_1820_crsv-json-para9.txt": (0, 1, 0, [], {}),
    "S_RES_2403_unpress-page.txt": (3, 1, 0, [], {}),
    "S_RES_2583_lawglobalhub-page.txt": (3, 1, 0, [], {}),
    # The cable's editorial footnotes [1]-[3] are wrapper, not the resolution's; its
    # "... resolution. Requests the Consular Commission ..." runs two paragraphs together.
    "S_RES_36_1947_dfat.md": (2, 5, 0, [], {}),
}


@pytest.mark.parametrize("name", sorted(CORPUS))
def test_corpus_structure(name: str) -> None:
    preambular, operative, annex, footnotes, references = CORPUS[name]
    structure = parse_file(name)
    numbers = [p.number for p in structure.paragraphs if p.kind == "operative"]
    expected_numbers = operative if isinstance(operative, list) else [None] * operative
    assert kinds(structure) == (preambular, len(expected_numbers), annex)
    assert numbers == expected_numbers
    assert [f.number for f in structure.footnotes] == footnotes
    assert {i: p.footnotes for i, p in enumerate(structure.paragraphs) if p.footnotes} == references


def all_outputs(structure: Structure) -> list[str]:
    texts = [structure.header, structure.closing]
    texts += [p.text for p in structure.paragraphs]
    texts += [p.emphasis for p in structure.paragraphs if p.emphasis]
    texts += [f.text for f in structure.footnotes]
    return texts


@pytest.mark.parametrize("name", [*sorted(CORPUS), *(f"{seed}.txt" for seed in SEEDS)])
def test_no_mark_markup_or_furniture_reaches_the_output(name: str) -> None:
    structure = parse_file(name)
    for text in all_outputs(structure):
        assert not any(char in text for char in ALL_MARKS)
        assert "**" not in text and "<sup>" not in text and "[^" not in text and "\\(" not in text
    for paragraph in structure.paragraphs:
        assert not re.search(r"\d{2}-\d{5}|\*\d{7}\*|A/RES/80/5\b|---|___", paragraph.text)
        assert paragraph.text == paragraph.text.strip() and "  " not in paragraph.text


def test_a_txt_and_md_conversion_of_one_resolution_agree() -> None:
    text, markdown = parse_file("A_RES_80_11.txt"), parse_file("A_RES_80_11.md")
    assert text.paragraphs == markdown.paragraphs
    assert text.footnotes == markdown.footnotes


def test_unlabelled_sub_paragraphs_stay_in_their_operative_paragraph() -> None:
    paragraphs = parse_file("A_RES_80_11.md").paragraphs
    first, second = paragraphs[16], paragraphs[17]
    assert first.text.startswith("Reaffirms all relevant resolutions relating to the mandate")
    assert "fulfilment by: Requesting the Peacebuilding Commission to establish" in first.text
    assert "(ii) Inviting international financial institutions" in first.text
    assert "its country-specific, regional and thematic issues" in first.text
    assert first.text.endswith("attract more attention from the media and the public;")
    assert "in this regard: Decides, where appropriate" in second.text
    assert second.text.endswith("early coordination preceding transition processes;")
    assert not any(p.text.startswith("Peacebuilding") for p in paragraphs)
    assert paragraphs[26].text.endswith(
        "grass-roots organizations, and women-led and youth-led "
        "organizations from countries considered by the Commission;"
    )


def test_single_unnumbered_operative_paragraph_then_the_annex() -> None:
    structure = parse_file("A_RES_80_5.txt")
    adopts = structure.paragraphs[0]
    assert (adopts.kind, adopts.number) == ("operative", None)
    assert adopts.text == (
        "Adopts the Doha Political Declaration of the “World Social Summit” under the title “the "
        "Second World Summit for Social Development”, as contained in the annex to the present "
        "resolution."
    )
    assert structure.closing == "28th plenary meeting\n4 November 2025"
    annex = structure.paragraphs[1:]
    assert [p.number for p in annex] == list(range(1, 45))
    assert annex[0].text.startswith("We, Heads of State and Government")
    assert "consequences in accordance with international law" in annex[1].text
    assert "(m) Strengthening investment in social development" in annex[28].text
    assert "for the Decade 2024–2034 and the Antigua" in annex[19].text
    assert "long-lasting consequences" in annex[17].text
    assert not any(
        re.search(r"\b\d{1,2}/18\b|World Summit” under the title “the$", p.text) for p in annex
    )


def test_broken_markdown_definition_is_the_rest_of_footnote_4() -> None:
    footnotes = parse_file("A_RES_80_70.md").footnotes
    assert len(footnotes) == 4
    assert footnotes[3].text == (
        "Including Security Council resolutions 1718 (2006), 1874 (2009), 2094 (2013), 2270 "
        "(2016), "
        "2321 (2016) and 2375 (2017)."
    )


def test_page_break_footnotes_in_mid_sentence_and_the_running_header() -> None:
    structure = parse_file("A_RES_80_7.md")
    takes_note = structure.paragraphs[5].text
    assert (
        "“Implementation of the NPT safeguards agreement between the Agency and the Democratic"
        in takes_note
    )
    assert "A/RES/80/7" not in takes_note
    assert (
        "General Conference agenda item 8 entitled “Election of Members to the Board of "
        "Governors”; item 15" in takes_note
    )
    assert structure.footnotes[0].text == "See A/80/348."
    assert structure.footnotes[1].text.endswith(
        "(GC(69)/RES/DEC(2025)) for the full texts of relevant "
        "resolutions and decisions and information regarding their adoption."
    )


def test_hyphen_space_artifact_is_repaired() -> None:
    paragraphs = parse_file("A_RES_80_14.txt").paragraphs
    assert paragraphs[5].text == (
        "Recalls with satisfaction the entry into force of the African Nuclear-Weapon-Free Zone "
        "Treaty "
        "(Treaty of Pelindaba) on 15 July 2009;"
    )


def test_old_web_page_with_an_inline_footnote_and_job_number() -> None:
    structure = parse_file("A_RES_49_12_procon-page.txt")
    assert structure.footnotes[0].text == "A/49/48."
    assert structure.paragraphs[0].text == (
        "Having considered the report of the Preparatory Committee for the Fiftieth Anniversary "
        "of the United Nations,"
    )
    assert _header_lines(structure)[0] == "A/RES/49/12 21 November 1994"
    assert "Last updated" not in structure.header and "archived" not in structure.header
    assert structure.closing == "55th plenary meeting 9 November 1994"


def test_press_release_quote_marks_are_stripped() -> None:
    structure = parse_file("S_RES_2403_unpress-page.txt")
    assert _header_lines(structure) == [
        "The full text of resolution 2403 (2018) reads as follows:",
        "The Security Council,",
    ]
    assert (
        structure.paragraphs[0].text
        == "Noting with regret the resignation of Judge Hisashi Owada, to take effect on 7 June "
        "2018,"
    )
    assert structure.paragraphs[-1].text.endswith(
        "at a meeting of the General Assembly at its seventy-second session."
    )


def test_quoted_resolution_in_a_cable_ends_at_its_closing_quote() -> None:
    structure = parse_file("S_RES_36_1947_dfat.md")
    assert structure.paragraphs[0].text.startswith(
        "Having received and taken note of report of Consular Commission"
    )
    assert structure.paragraphs[-1].text == (
        "Should it appear that some withdrawals of armed forces be necessary, invites the "
        "parties to "
        "conclude between them as soon as possible the agreement referred to in its resolution of "
        "August 25th, 1947."
    )
    assert structure.footnotes == []


def test_web_copy_with_adoption_line_after_the_text_and_broken_words() -> None:
    structure = parse_file("S_RES_2583_lawglobalhub-page.txt")
    assert (
        structure.closing == "Adopted by the Security Council at its 8808th meeting, on29 June 2021"
    )
    assert structure.paragraphs[-1].text.endswith(
        "a meeting of the General Assembly at its seventy-sixth session."
    )


def test_preamble_on_the_organ_line() -> None:
    structure = parse_file("A_RES_58_85_guam-page.txt")
    assert _header_lines(structure)[-1] == "The General Assembly,"
    assert (
        structure.paragraphs[0].text
        == "Wishing to promote cooperation between the United Nations and the GUUAM,"
    )
    assert structure.closing == "72nd plenary meeting 9 December 2003"


def test_extract_in_capitals_with_an_editorial_omission() -> None:
    structure = parse_file("A_RES_192_III_dfat.md")
    assert _header_lines(structure)[-2:] == [
        "PROHIBITION OF THE ATOMIC WEAPON AND REDUCTION BY ONE-THIRD OF THE ARMAMENTS AND ARMED "
        "FORCES "
        "OF THE PERMANENT MEMBERS OF THE SECURITY COUNCIL",
        "The General Assembly,",
    ]
    assert [p.text.split()[0] for p in structure.paragraphs] == [
        "Recommends",
        "Trusts",
        "Invites",
        "Invites",
    ]
    assert structure.paragraphs[-1].text.endswith("the above-mentioned objectives.")
    assert not any("omitted" in text or "AA" in text for text in all_outputs(structure))


@pytest.mark.parametrize(
    ("name", "text"),
    [
        (
            "S_RES_1820_crsv-json-para2.txt",
            "Demands the immediate and complete cessation by all parties to armed "
            "conflict of all acts of sexual violence against civilians with immediate effect;",
        ),
        (
            "S_RES_1820_crsv-json-para9.txt",
            "Requests the Secretary-General to develop effective guidelines and "
            "strategies to enhance the ability of relevant UN peacekeeping operations, "
            "consistent with their "
            "mandates, to protect civilians,",
        ),
    ],
)
def test_stray_page_numbers_are_removed(name: str, text: str) -> None:
    assert parse_file(name).paragraphs[0].text.startswith(text)


def test_hard_wrapped_old_text_with_slash_markers() -> None:
    structure = parse_file("A_RES_51_77_unorg-htm-excerpt.txt")
    assert structure.paragraphs[2].text.startswith("Seriously concerned about those reservations")
    assert (
        "Human Rights, held at Vienna from 14 to 25 June 1993, urges States"
        in structure.paragraphs[2].text
    )
    assert "unmatched_footnote_marker" in structure.warnings


# --- header variants -------------------------------------------------------------------


def test_human_rights_council_decision() -> None:
    structure = parse(
        "Human Rights Council\nThirty-first session\n\n31/116. Outcome of the universal "
        "periodic review\n\n"
        "At its 30th meeting, on 5 April 2016, the Human Rights Council decided, without a "
        "vote, to "
        "adopt the outcome of the universal periodic review.\n\n30th meeting\n5 April 2016"
    )
    assert (
        _header_lines(structure)[-1]
        == "At its 30th meeting, on 5 April 2016, the Human Rights Council"
    )
    assert [(p.kind, p.text[:18]) for p in structure.paragraphs] == [
        ("operative", "decided, without a")
    ]
    assert structure.closing == "30th meeting\n5 April 2016"


def test_human_rights_council_resolution_closing_lines() -> None:
    structure = parse(
        "The Human Rights Council,\n\n*Guided* by the purposes of the Charter,\n\n"
        "1. *Decides* to continue its consideration;\n\n52nd meeting\n7 October 2016\n\n"
        "[Adopted without a vote.]"
    )
    assert kinds(structure) == (1, 1, 0)
    assert structure.paragraphs[0].emphasis == "Guided"
    assert structure.closing == "52nd meeting\n7 October 2016\n[Adopted without a vote.]"


def test_security_council_adoption_line_before_the_text_stays_in_the_header() -> None:
    structure = parse(
        "Resolution 1325 (2000)\n\nAdopted by the Security Council at its 4213th meeting, on 31 "
        "October 2000\n\n"
        "The Security Council,\n\nRecalling its resolutions 1261 (1999),\n\n1. Urges Member States;"
    )
    assert _header_lines(structure) == [
        "Resolution 1325 (2000)",
        "Adopted by the Security Council at its 4213th meeting, on 31 October 2000",
        "The Security Council,",
    ]
    assert kinds(structure) == (1, 1, 0) and structure.closing == ""


def test_numbering_restart_opens_an_adopted_declaration() -> None:
    structure = parse(
        "The General Assembly,\n\nRecalling its resolution 53/202,\n\n1. Adopts the following "
        "Declaration;\n\n"
        "2. Decides to review it;\n\n1. We, the Heads of State, reaffirm our faith.\n\n2. We "
        "resolve to act."
    )
    assert [(p.kind, p.number) for p in structure.paragraphs] == [
        ("preambular", None),
        ("operative", 1),
        ("operative", 2),
        ("annex", 1),
        ("annex", 2),
    ]


# --- damaged variants ------------------------------------------------------------------


def without_blank_lines(text: str) -> str:
    return re.sub(r"\n\s*\n", "\n", text)


def hard_wrapped(text: str) -> str:
    return "\n".join(
        "\n".join(textwrap.wrap(line, 70)) if line.strip() else "" for line in text.split("\n")
    )


def blank_after_every_line(text: str) -> str:
    return "\n\n".join(line for line in hard_wrapped(text).split("\n") if line.strip())


def on_one_line(text: str) -> str:
    return " ".join(text.split())


VARIANTS: dict[str, Callable[[str], str]] = {
    "no blank lines": without_blank_lines,
    "hard-wrapped at 70 columns": hard_wrapped,
    "blank line after every line": blank_after_every_line,
    "whole document on one line": on_one_line,
}
SEED_FILES = [f"{seed}.txt" for seed in SEEDS]
# Footnote definitions written as bare "N text" cannot be told from body text once all
# line breaks are gone (nor a hard-wrapped PDF page), so one-line variants are of texts
# whose definitions are marked ("[^n]:", <sup>, superscripts) or absent.
ONE_LINE = [
    *SEED_FILES,
    "A_RES_80_11.md",
    "A_RES_80_56.md",
    "A_RES_80_61.md",
    "A_RES_80_70.md",
    "A_RES_58_85_guam-page.txt",
    "S_RES_2403_unpress-page.txt",
    "S_RES_2583_lawglobalhub-page.txt",
    "S_RES_1820_crsv-json-para9.txt",
]
# Wrapping the dfat link line and the cable's unnumbered paragraphs leaves the
# boundary between "...1947;" and "Should it appear" unknowable without blank lines.
WRAPPED = [name for name in [*SEED_FILES, *CORPUS] if not name.endswith("dfat.md")]
VARIANT_CASES = [
    *((name, "no blank lines") for name in [*SEED_FILES, *CORPUS]),
    *((name, "hard-wrapped at 70 columns") for name in WRAPPED),
    *((name, "blank line after every line") for name in WRAPPED),
    *((name, "whole document on one line") for name in ONE_LINE),
]


def essentials(structure: Structure) -> tuple[object, ...]:
    return (
        [(p.kind, p.number, p.text, p.footnotes) for p in structure.paragraphs],
        [(f.number, f.text) for f in structure.footnotes],
        structure.closing.replace("\n", " "),
    )


@pytest.mark.parametrize(("name", "variant"), VARIANT_CASES)
def test_damaged_variant_gives_the_same_paragraphs(name: str, variant: str) -> None:
    path = RAW / name if (RAW / name).exists() else CASES / name
    text = path.read_text(encoding="utf-8")
    assert essentials(parse(VARIANTS[variant](text))) == essentials(parse(text))


PAGE_FURNITURE = [
    "\n\nA/RES/75/180\n\n3/7\n\n20-17654 (E)\n\n*2017654*\n\n",
    "\n\n**A/RES/75/180**\n\n**4/12**\n\nEnhancement of international cooperation in the field\n\n",
    "\n\nEnhancement of international cooperation in the field of human rights "
    "A/RES/75/180\n\n20-17654\n5/7\n\n",
    # Word's page fields, their codes left in by a .doc-to-text conversion.
    "\n\nPage PAGE 2\n\n",
    "\n\nPage PAGE 3 of NUMPAGES 7\n\nA/RES/75/180\n\n",
]


@pytest.mark.parametrize("furniture", PAGE_FURNITURE)
@pytest.mark.parametrize(
    "cut", ["human rights and fundamental freedoms through, inter", "obstacles and challenges"]
)
def test_page_break_inside_a_paragraph_is_joined(furniture: str, cut: str) -> None:
    text = (CASES / "000_e02343ddb4ce8db6.txt").read_text(encoding="utf-8")
    broken = text.replace(cut, cut + furniture, 1)
    assert broken != text
    assert essentials(parse(broken)) == essentials(parse(text))


@pytest.mark.parametrize(
    ("text", "header", "kinds_expected"),
    [
        (
            # A draft: sponsors before the title, "Distr.: Limited", organ in capitals.
            "United Nations A/80/L.5\nGeneral Assembly Distr.: Limited 20 October 2025\n"
            "Eightieth session\nAgenda item 25\nAlbania, Andorra and Austria: draft resolution\n"
            "Social development\nTHE GENERAL ASSEMBLY,\nRecalling its resolution 79/1,\n"
            "1. Decides to adopt the declaration;",
            [
                "United Nations A/80/L.5",
                "General Assembly Distr.: Limited 20 October 2025",
                "Eightieth session",
                "Agenda item 25",
                "Albania, Andorra and Austria: draft resolution",
                "Social development",
                "THE GENERAL ASSEMBLY,",
            ],
            (1, 1, 0),
        ),
        (
            # "by the General Assembly," in lower case is no organ line.
            "Resolution adopted by the General Assembly, 16 December 2020\n\n"
            "The General Assembly,\n\nNoting the report,\n\nDecides to act.",
            [
                "Resolution adopted by the General Assembly, 16 December 2020",
                "The General Assembly,",
            ],
            (1, 1, 0),
        ),
        (
            "Commission on Human Rights\n\n2001/12. Question of the violation of human rights\n\n"
            "The Commission on Human Rights,\n\nGuided by the Charter,\n\n1. Calls upon all "
            "States;\n\n"
            "Adopted at the 5th meeting.",
            [
                "Commission on Human Rights",
                "2001/12. Question of the violation of human rights",
                "The Commission on Human Rights,",
            ],
            (1, 1, 0),
        ),
    ],
)
def test_header_variants(
    text: str, header: list[str], kinds_expected: tuple[int, int, int]
) -> None:
    structure = parse(text)
    assert _header_lines(structure) == header
    assert kinds(structure) == kinds_expected


def test_geneva_job_numbers_are_page_furniture() -> None:
    structure = parse(
        "The Human Rights Council,\n\n"
        "2.   Calls upon States to ensure that persons with disabilities can access an\n"
        "inclusive education;\n\n"
        "                                                    GE.16-06573(E)\n*1606573*\n\n"
        "A/HRC/RES/31/12\n\n"
        "3.   Decides to continue its consideration of the question.\n\n"
        "2                                                     GE.16-06573\n"
    )
    assert [p.text for p in structure.paragraphs] == [
        "Calls upon States to ensure that persons with disabilities can access an "
        "inclusive education;",
        "Decides to continue its consideration of the question.",
    ]


def test_one_line_text_with_the_footnote_rule_and_definitions_run_in() -> None:
    structure = parse(
        "The Security Council, Taking note of the final report (S/2021/560) of the Group "
        "of Experts established pursuant to resolution 1533 (2004),1 Acting under Chapter "
        "VII of the Charter of the United Nations, 1. Decides to renew until 1 July 2022 "
        "the measures on arms set out in paragraph 1 of resolution 1807 (2008) and "
        'requests the Group to report on 3 June 2022 (the "Committee");2 '
        "2. Decides to remain seized of the matter. _______________ 1 Transmitted by "
        "letter dated 10 June 2021 from the Group of Experts (S/2021/560). 3 States were "
        "consulted. 2 See S/2021/456."
    )
    assert [(f.number, f.text[:12]) for f in structure.footnotes] == [
        (1, "Transmitted "),
        (2, "See S/2021/4"),
    ]
    assert structure.paragraphs[-1].text == "Decides to remain seized of the matter."


def test_a_commission_on_human_rights_heading_opens_the_header() -> None:
    text = (Path(__file__).parents[1] / "eval" / "cases" / "formats").joinpath(
        "E_CN_4_RES_2005_17_chr.txt"
    )
    structure = split_document(normalise(text.read_text(encoding="utf-8")))

    assert structure.header.startswith("Human Rights Resolution 2005/17: Question of")
    assert structure.closing.startswith("55th meeting")
