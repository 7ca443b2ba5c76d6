"""Resolutions, decisions and document symbols cited (``unres.parse.citations``).

The tables hold real snippets copied from the seeds and the corpus (/work/shared), or
realistically damaged variants of them, with what a careful reader marks as a
resolution, decision or document citation.
"""

# Real UN text: en dashes, curly quotes and non-breaking hyphens are the data under test.

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from unres.parse.bodies import SUBCOMMISSION
from unres.parse.citations import (
    find_citation_matches,
    find_citations,
    resolve_symbol,
)
from unres.parse.symbols import SYMBOL

CASES = Path(__file__).parents[1] / "eval" / "cases"
SEEDS = ("000_e02343ddb4ce8db6", "001_ef61d0dabfe29b93", "004_624a2f6c0cb2078c")

Found = list[tuple[str, str, str]]

# --- What a reader marks ------------------------------------------------------------------

CITED: list[tuple[str, set[str], Found]] = [
    # GA resolutions, with dates and titles between list items
    (
        '*Recalling* its resolution 70/1 of 25 September 2015, entitled "Transforming our '
        'world: the 2030 Agenda for Sustainable Development", in which the General Assembly',
        {"A/RES/75/180", "A/75/478/Add.2"},
        [("resolution", "70/1", "70/1")],
    ),
    (
        "Recalling its resolutions 51/53 of 10 December 1996 and 56/17 of 29 November 2001 "
        "and all its other relevant resolutions, as well as those of the Organization",
        {"A/RES/80/14", "A/80/534"},
        [("resolution", "51/53", "51/53"), ("resolution", "56/17", "56/17")],
    ),
    (
        "Recalling its resolutions 41/60 J of 3 December 1986, 42/39 K of 30 November 1987 "
        "and 43/76 H of 7 December 1988 on the United Nations Regional Centre",
        {"A/RES/80/61", "A/80/534"},
        [
            ("resolution", "41/60 J", "41/60 J"),
            ("resolution", "42/39 K", "42/39 K"),
            ("resolution", "43/76 H", "43/76 H"),
        ],
    ),
    (
        "as encouraged in its resolutions 65/69 of 8 December 2010 and 74/64 of 12 December 2019,",
        {"A/RES/80/61"},
        [("resolution", "65/69", "65/69"), ("resolution", "74/64", "74/64")],
    ),
    (
        "Fully and effectively implementing the mandate set out in General \nAssembly "
        "resolution 78/322 of 13 August 2024 on the multidimensional vulnerability",
        {"A/RES/80/5"},
        [("resolution", "78/322", "78/322")],
    ),
    # footnotes
    ("² Resolution 55/2.", {"A/RES/72/169"}, [("resolution", "55/2", "55/2")]),
    ("3 Resolution S-24/2, annex.", {"A/RES/80/5"}, [("resolution", "S-24/2", "S-24/2")]),
    (
        "4 Resolution 74/4, annex, and resolution 78/1, annex.",
        {"A/RES/80/5"},
        [("resolution", "74/4", "74/4"), ("resolution", "78/1", "78/1")],
    ),
    (
        "12 Resolution 79/233, annex; see also resolution 79/279.",
        {"A/RES/80/5"},
        [("resolution", "79/233", "79/233"), ("resolution", "79/279", "79/279")],
    ),
    (
        "[^3]: See resolution 50/245 and A/50/1027.",
        {"A/RES/80/70", "A/80/534"},
        [("resolution", "50/245", "50/245"), ("document", "A/50/1027", "A/50/1027")],
    ),
    # other bodies: HRC, the Subcommission, the Commission on Human Rights, ECOSOC
    (
        "its resolution 74/153 of 18 December 2019, Human Rights Council resolution 44/18 of "
        "17 July 2020 and the resolutions of the Commission on Human Rights",
        {"A/RES/75/180"},
        [("resolution", "74/153", "74/153"), ("resolution", "44/18", "44/18")],
    ),
    (
        "*Recalling* the adoption of resolution 2000/22 of 18 August 2000, on the promotion of "
        "dialogue on human rights issues, by the Subcommission",
        {"A/RES/75/180"},
        [("resolution", "2000/22", "2000/22")],
    ),
    (
        "      Recalling its resolution 50/153 of 21 December 1995 and\nCommission on Human "
        "Rights resolution 1996/85 of 24 April 1996, 1/",
        {"A/RES/51/77", "A/51/615"},
        [("resolution", "50/153", "50/153"), ("resolution", "1996/85", "1996/85")],
    ),
    (
        "Recalling Economic and Social Council resolution 1996/31 of 25 July 1996,",
        set(),
        [("resolution", "1996/31", "1996/31")],
    ),
    # old GA numbers with their session in Roman numerals
    (
        "and by the General Assembly in the annex to its resolution 1145 (XII) of 14 November "
        "1957,",
        {"A/RES/80/7", "A/80/L.7"},
        [("resolution", "1145 (XII)", "1145 (XII)")],
    ),
    (
        "Universal Declaration of Human Rights, resolution 217 A (III), and the Declaration on "
        "Principles of International Law, resolution 2625 (XXV), annex",
        {"A/RES/72/169"},
        [("resolution", "217 A (III)", "217 A (III)"), ("resolution", "2625 (XXV)", "2625 (XXV)")],
    ),
    (
        "Recalling its resolution 60/251 B and Human Rights Council resolution 5/1",
        set(),
        [("resolution", "60/251 B", "60/251 B"), ("resolution", "5/1", "5/1")],
    ),
    # Security Council numbers: with their year (on the next line too), and bare
    (
        "[^4]: Including Security Council resolutions 1718 (2006), 1874 (2009), 2094 (2013), "
        "2270 (2016), 2321 (2016) and 2375 (2017).",
        {"A/RES/80/70"},
        [
            ("resolution", "1718 (2006)", "1718 (2006)"),
            ("resolution", "1874 (2009)", "1874 (2009)"),
            ("resolution", "2094 (2013)", "2094 (2013)"),
            ("resolution", "2270 (2016)", "2270 (2016)"),
            ("resolution", "2321 (2016)", "2321 (2016)"),
            ("resolution", "2375 (2017)", "2375 (2017)"),
        ],
    ),
    (
        "1 Including General Assembly resolution 60/180 and Security Council resolution 1645 "
        "(2005), Assembly resolution 65/7 and Council resolution 1947 (2010), Assembly "
        "resolution 70/262 and Council resolution 2282 (2016) and Assembly resolution 75/201 "
        "and Council resolution 2558\n(2020).",
        {"A/RES/80/11", "A/80/L.15"},
        [
            ("resolution", "60/180", "60/180"),
            ("resolution", "1645 (2005)", "1645 (2005)"),
            ("resolution", "65/7", "65/7"),
            ("resolution", "1947 (2010)", "1947 (2010)"),
            ("resolution", "70/262", "70/262"),
            ("resolution", "2282 (2016)", "2282 (2016)"),
            ("resolution", "75/201", "75/201"),
            ("resolution", "2558 (2020)", "2558\n(2020)"),
        ],
    ),
    (
        "Reaffirming also, in the context of the twenty-fifth anniversary of the adoption of "
        "Security Council resolution 1325 (2000) on 31 October 2000, the important role",
        {"A/RES/80/11"},
        [("resolution", "1325 (2000)", "1325 (2000)")],
    ),
    (
        "Recalling its resolutions 1325 (2000) and 1820 on women and peace and security,",
        {"S/RES/2467 (2019)"},
        [("resolution", "1325 (2000)", "1325 (2000)"), ("resolution", "1820", "1820")],
    ),
    (
        "Recalling its resolutions 1325 and 1820 on women and peace and security,",
        {"S/RES/2467 (2019)"},
        [("resolution", "1325", "1325"), ("resolution", "1820", "1820")],
    ),
    # Human Rights Council texts: its own resolutions and decisions, and the Assembly's
    (
        "Recalling General Assembly resolution 60/251 of 15 March 2006, Human Rights Council "
        "resolutions 5/1 and 5/2 of 18 June 2007, and its decision 2/102 of 6 October 2006,",
        {"A/HRC/RES/31/12"},
        [
            ("resolution", "60/251", "60/251"),
            ("resolution", "5/1", "5/1"),
            ("resolution", "5/2", "5/2"),
            ("decision", "2/102", "2/102"),
        ],
    ),
    # a Security Council text: its numbers with and without the year, its statements
    (
        "Recalling its resolutions 1325 (2000), 1820 (2008), 1888 (2009) and 2467 (2019), and "
        "the statements of its President S/PRST/2019/12",
        {"S/RES/2493 (2019)"},
        [
            ("resolution", "1325 (2000)", "1325 (2000)"),
            ("resolution", "1820 (2008)", "1820 (2008)"),
            ("resolution", "1888 (2009)", "1888 (2009)"),
            ("resolution", "2467 (2019)", "2467 (2019)"),
            ("document", "S/PRST/2019/12", "S/PRST/2019/12"),
        ],
    ),
    (
        "Reaffirming its resolutions 2250 and 2419,",
        {"S/RES/2535 (2020)"},
        [
            ("resolution", "2250", "2250"),
            ("resolution", "2419", "2419"),
        ],
    ),
    # emergency special sessions, a non-breaking hyphen, words run together
    (
        "Recalling its resolutions ES-10/19 and ES‑10/20,",
        {"A/RES/77/161"},
        [("resolution", "ES-10/19", "ES-10/19"), ("resolution", "ES-10/20", "ES‑10/20")],
    ),
    (
        "Recalling its resolution70/1 and its resolutions 51/53 of 10 December 19962 and 56/17",
        {"A/RES/80/14"},
        [
            ("resolution", "70/1", "70/1"),
            ("resolution", "51/53", "51/53"),
            ("resolution", "56/17", "56/17"),
        ],
    ),
    # decisions
    (
        "Recalling its decision 75/555 of 8 September 2021,",
        {"A/RES/76/1"},
        [("decision", "75/555", "75/555")],
    ),
    # document symbols, as written, and printed resolution symbols
    (
        "¹ A/CONF.157/24 (Part I), chap. III.",
        {"A/RES/75/180"},
        [("document", "A/CONF.157/24 (Part I)", "A/CONF.157/24 (Part I)")],
    ),
    (
        "⁵ See E/CN.4/2001/2-E/CN.4/Sub.2/2000/46, chap. II, sect. A.",
        {"A/RES/75/180"},
        [
            (
                "document",
                "E/CN.4/2001/2-E/CN.4/Sub.2/2000/46",
                "E/CN.4/2001/2-E/CN.4/Sub.2/2000/46",
            )
        ],
    ),
    (
        "³ See Official Records of the General Assembly, Seventy-fifth Session, Supplement "
        "No. 53 (A/75/53), chap. V, sect. A.",
        {"A/RES/75/180", "A/75/478/Add.2"},
        [("document", "A/75/53", "A/75/53")],
    ),
    (
        "1 A/50/426, annex.\n\n2 A/51/113-S/1996/276, annex.\n\n3 S/PRST/1996/17; see "
        "Resolutions and Decisions of the Security Council, 1996 (S/INF/52).",
        {"A/RES/80/14", "A/80/534"},
        [
            ("document", "A/50/426", "A/50/426"),
            ("document", "A/51/113-S/1996/276", "A/51/113-S/1996/276"),
            ("document", "S/PRST/1996/17", "S/PRST/1996/17"),
            ("document", "S/INF/52", "S/INF/52"),
        ],
    ),
    (
        "[^2]: A/79/552-S/2024/767.",
        {"A/RES/80/11"},
        [("document", "A/79/552-S/2024/767", "A/79/552-S/2024/767")],
    ),
    (
        "[^1]: 2010 Review Conference of the Parties to the Treaty on the Non-Proliferation of "
        "Nuclear\n    Weapons, Final Document, vol. I (NPT/CONF.2010/50 (Vol. I)), part I,",
        {"A/RES/80/70"},
        [("document", "NPT/CONF.2010/50 (Vol. I)", "NPT/CONF.2010/50 (Vol. I)")],
    ),
    (
        "2 BWC/CONF.IX/9, sect. II.E.\n\n4 A/80/237.",
        {"A/RES/80/22"},
        [
            ("document", "BWC/CONF.IX/9", "BWC/CONF.IX/9"),
            ("document", "A/80/237", "A/80/237"),
        ],
    ),
    (
        "New York, 9–20 July 2001 (A/CONF.192/15), chap. IV, para. 24.",
        {"A/RES/80/61"},
        [("document", "A/CONF.192/15", "A/CONF.192/15")],
    ),
    (
        "safeguards agreement ---\n\n1 See A/80/348.\n\nA/RES/80/7 Report of the",
        {
            "A/RES/80/7",
            "A/80/L.7",
        },
        [("document", "A/80/348", "A/80/348")],
    ),
    (
        "9 Adopted under the United Nations Framework Convention on Climate Change. See \n"
        "FCCC/CP/2015/10/Add.1, decision 1/CP.21, annex.",
        {"A/RES/80/5"},
        [("document", "FCCC/CP/2015/10/Add.1", "FCCC/CP/2015/10/Add.1")],
    ),
    (
        "Taking note of the report of the Third Committee (A/C.3/75/L.12) and E/2020/33",
        set(),
        [
            ("document", "A/C.3/75/L.12", "A/C.3/75/L.12"),
            ("document", "E/2020/33", "E/2020/33"),
        ],
    ),
    (
        "See A/RES/70/1, S/RES/1325 (2000), A/HRC/RES/44/18 and A/DEC/75/555.",
        {"A/RES/80/5"},
        [
            ("resolution", "70/1", "A/RES/70/1"),
            ("resolution", "1325 (2000)", "S/RES/1325 (2000)"),
            ("resolution", "44/18", "A/HRC/RES/44/18"),
            ("decision", "75/555", "A/DEC/75/555"),
        ],
    ),
    # converter damage: a symbol broken by spaces, Markdown-escaped brackets
    (
        "Having considered the report of the Fifth Committee (A/75/ 381/Add. 1).",
        {"A/RES/75/254"},
        [("document", "A/75/381/Add.1", "A/75/ 381/Add. 1")],
    ),
    (
        "¹ A/CONF.157/24 \\(Part I\\), chap. III.",
        {"A/RES/77/213"},
        [("document", "A/CONF.157/24 (Part I)", "A/CONF.157/24 \\(Part I\\)")],
    ),
    (
        "Recalling the Vienna Declaration, 25 June 1993 (A/CONF.157/24 (Part I)); "
        "decision 75/555 and A/75/53",
        {"A/RES/75/180"},
        [
            ("document", "A/CONF.157/24 (Part I)", "A/CONF.157/24 (Part I)"),
            ("decision", "75/555", "75/555"),
            ("document", "A/75/53", "A/75/53"),
        ],
    ),
]


@pytest.mark.parametrize(("text", "own", "expected"), CITED)
def test_citations_are_found_in_order_with_values_and_raw_spans(
    text: str, own: set[str], expected: Found
) -> None:
    assert find_citations(text, own_symbols=own) == expected


@pytest.mark.parametrize(("text", "own", "expected"), CITED)
def test_raw_is_the_exact_span_at_the_match_start(
    text: str, own: set[str], expected: Found
) -> None:
    for match in find_citation_matches(text, own_symbols=own):
        assert text[match.start : match.start + len(match.raw)] == match.raw


# --- The document itself, its report and drafts are never listed --------------------------

OWN: list[tuple[str, set[str]]] = [
    ("[on the report of the Third Committee (A/75/478/Add.2, para. 89)]", {"A/75/478/Add.2"}),
    ("[without reference to a Main Committee (A/80/L.5)]", {"A/RES/80/5", "A/80/L.5"}),
    ("A/RES/80/5 \nDoha Political Declaration of the", {"A/RES/80/5", "A/80/L.5"}),
    ("__________ 1/ A/49/48. . 94-60069", {"A/RES/49/12", "A/49/48"}),
    ("UN General Assembly Resolution 49/12\n\nA/RES/49/12 21 November 1994", {"A/RES/49/12"}),
    ("## Resolution 192 (III) extract, PARIS, 19 November 1948", {"A/RES/192 (III)"}),
    (
        "Unanimously adopting resolution 2403 (2018), the Council noted with regret",
        {"S/RES/2403 (2018)"},
    ),
    ("The full text of resolution 2403 reads as follows:", {"S/RES/2403 (2018)"}),
    ("Resolution 2583 (2021)\nThe Security Council,", {"S/RES/2583 (2021)"}),
    ("Recalling its resolution 31/12 of 24 March 2016,", {"A/HRC/RES/31/12"}),
]


@pytest.mark.parametrize(("text", "own"), OWN)
def test_own_symbols_are_not_citations(text: str, own: set[str]) -> None:
    assert find_citations(text, own_symbols=own) == []


def test_own_number_of_another_body_is_still_a_citation() -> None:
    text = "Recalling Human Rights Council resolution 75/180 and its resolution 75/180,"
    assert find_citations(text, own_symbols={"A/RES/75/180"}) == [
        ("resolution", "75/180", "75/180")
    ]


# --- Look-alikes: nothing is cited ---------------------------------------------------------

NOT_CITED = [
    # reporting periods, page numbers, job numbers
    "Approves the budget of the Mission for the period 2022/23 and the requirements for 2024/25",
    "A/RES/80/5 \nDoha Political Declaration\n \n25-17700\n2/18 \n",
    "**4/12**",
    # Treaty Series and sales numbers
    "5 United Nations, Treaty Series, vol. 729, No. 10485.",
    "(United \nNations publication, Sales No. E.96.IV.8), chap. I, resolution 1, annexes I and II.",
    "Sales No. E.93.I.8 and corrigendum), resolution 1, annex I.",
    "Sales No. E.96.IV.13",
    # other organisations' numbering
    "Adopted under the Paris Agreement: decision 1/CP.21 and decision 2/CMA.1, annex",
    "World Health Assembly resolution 72.2 and resolution WHA72.2",
    "2. Takes note of resolutions GC(69)/RES/7, entitled “Nuclear and radiation safety”; "
    "GC(69)/RES/8, entitled “Nuclear security”; and decisions GC(69)/DEC/10, entitled",
    "(GC(69)/RES/DEC(2025)) for the full texts of relevant resolutions and decisions",
    "3 See International Atomic Energy Agency General Conference resolution GC(67)/RES/15,",
    "in accordance with decision 14/8 of the Conference of the Parties to the Convention",
    # prose with slashes and numbers
    "diseases and people living with HIV/AIDS, Indigenous Peoples, people of African",
    "Department of Political and Peacebuilding Affairs/Peacebuilding Support Office",
    "Reiterates its condemnation of the six nuclear tests conducted in violation of relevant "
    "Security Council resolutions, 4  urges full compliance",
    "as well as in the implementation of the 1540 programme on the non‑proliferation",
    "the ratification of the Treaty by 178 States, including 35 of the 44",
    "Last updated on: 5/15/2008 | Author:",
    "https://digitallibrary.un.org/record/4093784/files/A_RES_80_7-EN.pdf",
    # a Council number followed by a quantity is not a list item
    "Welcomes resolution 20 years after its adoption",
]


@pytest.mark.parametrize("text", NOT_CITED)
def test_look_alikes_are_not_citations(text: str) -> None:
    assert find_citations(text, own_symbols={"A/RES/80/5"}) == []


def test_a_year_after_a_council_number_is_not_another_number() -> None:
    text = "Recalling resolution 1325 (2000), 20 years after its adoption,"
    assert find_citations(text, own_symbols=set()) == [("resolution", "1325 (2000)", "1325 (2000)")]


def test_bare_numbers_need_the_security_council() -> None:
    """In an Assembly text, "resolutions 1325 and 1820" names no Council: nothing to read."""
    text = "Recalling resolutions 1325 and 1820 on women and peace and security,"
    assert find_citations(text, own_symbols={"A/RES/80/11"}) == []
    assert [value for _, value, _ in find_citations(text, own_symbols={"S/RES/2467 (2019)"})] == [
        "1325",
        "1820",
    ]


# --- The body a citation names --------------------------------------------------------------

BODIES = [
    ("Human Rights Council resolution 44/18 of 17 July 2020", "Human Rights Council"),
    ("Commission on Human Rights resolution 1996/85", "Commission on Human Rights"),
    ("Economic and Social Council resolution 1996/31", "Economic and Social Council"),
    ("General Assembly resolution 60/180", "General Assembly"),
    ("Security Council resolution 1645\n    (2005)", "Security Council"),
    ("Recalling its resolution 74/153", "General Assembly"),
    ("Recalling the Council's resolution 5/1", None),
    ("Recalling the Sub‑Commission resolution 2000/22", SUBCOMMISSION.name),
    ("Recalling United Nations Environment Assembly resolution 5/14", "other"),
    ("RECALLING ITS RESOLUTION 70/1", "General Assembly"),
    ("Resolution 55/2.", None),
]


@pytest.mark.parametrize(("text", "body"), BODIES)
def test_body_named_before_the_keyword(text: str, body: str | None) -> None:
    (match,) = find_citation_matches(text, own_symbols={"A/RES/75/180"})
    assert match.body == body


def test_council_means_the_citing_council() -> None:
    (match,) = find_citation_matches(
        "Recalling the Council's resolution 5/1", own_symbols={"A/HRC/RES/31/12"}
    )
    assert match.body == "Human Rights Council"


# --- Full symbols -------------------------------------------------------------------------

RESOLVED = [
    ("resolution", "70/1", "General Assembly", None, "A/RES/70/1"),
    ("resolution", "217 A (III)", "General Assembly", None, "A/RES/217 A (III)"),
    ("resolution", "2625 (XXV)", None, None, "A/RES/2625 (XXV)"),
    ("resolution", "S-24/2", "General Assembly", None, "A/RES/S-24/2"),
    ("resolution", "1325 (2000)", "General Assembly", "Security Council", "S/RES/1325 (2000)"),
    ("resolution", "1325", "Security Council", None, "S/RES/1325"),
    ("resolution", "44/18", "General Assembly", "Human Rights Council", "A/HRC/RES/44/18"),
    ("resolution", "44/18", "General Assembly", None, "A/RES/44/18"),
    ("resolution", "5/1", "Human Rights Council", None, None),
    ("resolution", "2000/22", "General Assembly", None, None),
    ("resolution", "1996/31", "General Assembly", None, None),
    ("resolution", "1996/31", None, "Economic and Social Council", "E/RES/1996/31"),
    ("resolution", "1996/85", None, "Commission on Human Rights", "E/CN.4/RES/1996/85"),
    ("resolution", "60/2", None, "other", None),
    # The series as printed, which the schema's symbol check accepts.
    ("resolution", "2000/22", None, SUBCOMMISSION.name, "E/CN.4/Sub.2/RES/2000/22"),
    ("decision", "75/555", "General Assembly", None, "A/DEC/75/555"),
    ("decision", "2/102", "Human Rights Council", "Human Rights Council", "A/HRC/DEC/2/102"),
    ("document", "A/75/53", "General Assembly", None, "A/75/53"),
]


@pytest.mark.parametrize(("kind", "value", "organ", "body", "symbol"), RESOLVED)
def test_resolve_symbol(
    kind: str, value: str, organ: str | None, body: str | None, symbol: str | None
) -> None:
    assert resolve_symbol(kind, value, organ, body=body) == symbol


def test_resolved_symbols_read_back_as_the_same_citation() -> None:
    for kind, value, organ, _, symbol in RESOLVED:
        if symbol is None or kind == "document":
            continue
        (match,) = find_citation_matches(symbol, own_symbols=set())
        assert (match.kind, match.value) == (kind, value)
        assert SYMBOL.fullmatch(symbol)
        assert resolve_symbol(kind, value, organ, body=match.body) == symbol


# --- Seeds: the sets of cited resolutions and documents ----------------------------------


def _without_markup(text: str) -> str:
    """The seed text as the normaliser hands it on: markers and link/escape markup gone."""
    text = re.sub(r"<sup>.*?</sup>", "", text)  # <sup>n</sup> footnote markers
    text = re.sub(r"\$|\^\d+", "", text)  # LaTeX "$2000,^2$"
    text = re.sub(r"\[([^\]]*)\]\(#\)", r"\1", text)  # "[70/1](#)"
    return text.replace("\\(", "(").replace("\\)", ")")


@pytest.mark.parametrize("seed", SEEDS)
def test_seed_citations_match_expected(seed: str) -> None:
    expected = json.loads((CASES / f"{seed}.expected.json").read_text(encoding="utf-8"))
    text = _without_markup((CASES / f"{seed}.txt").read_text(encoding="utf-8"))
    own = {expected["symbol"], expected["committee_report"]}
    found = find_citations(text, own_symbols=own)
    assert {v for k, v, _ in found if k == "resolution"} == set(expected["cited_resolutions"])
    assert {v for k, v, _ in found if k == "document"} == set(expected["cited_documents"])
