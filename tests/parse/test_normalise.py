"""Canonical text (``unres.parse.normalise``).

Inputs are real snippets of the seeds and the corpus (raw/, tests/eval/cases/) or
realistically damaged variants of them. Canonical marks are shown with ``shown``:
footnote references as ``⟨n⟩``, emphasis as ``«...»``, rules as ``<RULE>``.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from unres.parse.marks import (
    EMPHASIS_CLOSE,
    EMPHASIS_OPEN,
    FOOTNOTE_CLOSE,
    FOOTNOTE_OPEN,
    RULE,
)
from unres.parse.normalise import normalise


def shown(text: str) -> str:
    return (
        text.replace(FOOTNOTE_OPEN, "⟨")
        .replace(FOOTNOTE_CLOSE, "⟩")
        .replace(EMPHASIS_OPEN, "«")
        .replace(EMPHASIS_CLOSE, "»")
        .replace(RULE, "<RULE>")
    )


CASES: list[tuple[str, str, str]] = [
    # --- characters ---
    (
        "bom and crlf",
        "\ufeffThe General Assembly,\r\n\r\nRecalling",
        "The General Assembly,\n\nRecalling",
    ),
    ("lone cr", "Distr.: General\r5 December 2025", "Distr.: General\n5 December 2025"),
    (
        "nbsp and thin spaces",
        "on 25\u00a0June\u2009 1993,  for enhancing",
        "on 25 June 1993, for enhancing",
    ),
    ("soft hyphen and zero width", "good\u00adneighbour\u200bliness", "goodneighbourliness"),
    (
        "non-breaking hyphen",
        "non\u2011proliferation measure and non\u2011State actors",
        "non-proliferation measure and non-State actors",
    ),
    (
        "curly quotes and apostrophes kept",
        "entitled “Transforming our world”, the Agency’s activities",
        "entitled “Transforming our world”, the Agency’s activities",
    ),
    (
        "trailing spaces and blank runs",
        "United Nations \n \n \n \nA/RES/80/5",
        "United Nations\n\nA/RES/80/5",
    ),
    # --- wrapper ---
    (
        "yaml front matter",
        '---\nsymbol: A/RES/80/14\ntitle: "African Nuclear-Weapon-Free Zone Treaty :"\n---\n\n'
        "United Nations",
        "United Nations",
    ),
    (
        "a rule later in the text is not front matter",
        "United Nations\n\n---\n\n[^1]: See",
        "United Nations\n\n<RULE>\n\n⟨1⟩ See",
    ),
    # --- markdown ---
    (
        "headings and bold heading",
        "## **Resolution adopted by the General Assembly on 16 December 2020**\n\n## The "
        "General Assembly,",
        "«Resolution adopted by the General Assembly on 16 December 2020»\n\nThe General Assembly,",
    ),
    (
        "leading emphasis kept",
        "*Recalling also* its adoption of the United Nations Millennium Declaration",
        "«Recalling also» its adoption of the United Nations Millennium Declaration",
    ),
    (
        "bold and underscore emphasis",
        "1. **Decides** and _Requests_ it",
        "1. «Decides» and «Requests» it",
    ),
    (
        "emphasis over two lines",
        "*73rd plenary meeting\n19 December 2017*",
        "«73rd plenary meeting\n19 December 2017»",
    ),
    ("bold paragraph number", "**12.** Calls upon Member States", "12. Calls upon Member States"),
    ("barcode left as printed", "25-17700 (E)\n*2517700*", "25-17700 (E)\n*2517700*"),
    (
        "links and backslash escapes",
        "[on the report of the Third Committee ([A/77/463/Add.2](#), para. 87)]\n\n"
        "See [A/CONF.157/24 \\(Part I\\)](#), chap. III.",
        "[on the report of the Third Committee (A/77/463/Add.2, para. 87)]\n\n"
        "See A/CONF.157/24 (Part I), chap. III.",
    ),
    (
        "link with url and image",
        "_ [ [AA : A816, 4/301/43](http://www.naa.gov.au/cgi-bin/Search?O=I&Number=169724) ]_ "
        "![logo](a.png)",
        "_ [ AA : A816, 4/301/43 ]_",
    ),
    # --- footnote markers ---
    (
        "html sup",
        "Human Rights on 25 June 1993,<sup>1</sup> for enhancing",
        "Human Rights on 25 June 1993,⟨1⟩ for enhancing",
    ),
    (
        "html-escaped sup whose ampersand was tagged",
        "<sup>&</sup>lt;sup&gt;3</sup> See Official Records of the General Assembly",
        "⟨3⟩ See Official Records of the General Assembly",
    ),
    ("escaped sup", "session,&lt;sup&gt;5&lt;/sup&gt;", "session,⟨5⟩"),
    (
        "latex with the comma inside",
        "Millennium Declaration on 8 September  $2000,^2$  its resolution 74/153",
        "Millennium Declaration on 8 September 2000,⟨2⟩ its resolution 74/153",
    ),
    (
        "latex after a year",
        "44/18 of 17 July  $2020^3$  and the",
        "44/18 of 17 July 2020⟨3⟩ and the",
    ),
    (
        "unicode superscripts, two digits",
        "Universal Declaration of Human Rights⁶ and the Vienna Declaration,¹ and ¹² here",
        "Universal Declaration of Human Rights⟨6⟩ and the Vienna Declaration,⟨1⟩ and ⟨12⟩ here",
    ),
    (
        "markdown footnote definitions and references",
        "resolutions, 4 urges[^4]\n\n[^4]: Including Security Council resolutions\n    1718 "
        "(2006).",
        "resolutions, 4 urges⟨4⟩\n\n⟨4⟩ Including Security Council resolutions\n1718 (2006).",
    ),
    (
        "editorial bracketed number",
        "Our immediately preceding cable. [1] Following is text",
        "Our immediately preceding cable. ⟨1⟩ Following is text",
    ),
    (
        "1990s slash markers and an inline rule",
        "Fiftieth Anniversary of the United Nations, 1/\n1. Approves the report\n"
        "__________ 1/ A/49/48. . 94-60069",
        "Fiftieth Anniversary of the United Nations, ⟨1⟩\n1. Approves the report\n"
        "<RULE>\n⟨1⟩ A/49/48. . 94-60069",
    ),
    (
        "slash marker before a paragraph number on one line",
        "United Nations, 1/ 1. Approves",
        "United Nations, ⟨1⟩ 1. Approves",
    ),
    (
        "dates and symbols are not slash markers",
        "Last updated on: 5/15/2008 and resolution 60/ 251 and A/49/48",
        "Last updated on: 5/15/2008 and resolution 60/ 251 and A/49/48",
    ),
    # --- rules ---
    (
        "rule glued to the end of a line",
        "at the national, regional and international ---\n\n1 United Nations, Treaty Series",
        "at the national, regional and international\n<RULE>\n\n1 United Nations, Treaty Series",
    ),
    (
        "underscore rules of any length",
        "their distressing \n__________________ \n \n1 Report",
        "their distressing\n<RULE>\n\n1 Report",
    ),
    ("single underscore line", "objectives.\n\n__\n\n_\n", "objectives.\n\n<RULE>\n\n<RULE>"),
    # --- html ---
    (
        "html tags and entities",
        "<p>Recalling&nbsp;its <i>resolution</i> 70/1</p><br/>Decides",
        "Recalling its resolution 70/1\n\nDecides",
    ),
]


@pytest.mark.parametrize(
    ("raw", "expected"), [case[1:] for case in CASES], ids=[c[0] for c in CASES]
)
def test_normalise(raw: str, expected: str) -> None:
    assert shown(normalise(raw)) == expected


def test_private_use_characters_in_the_input_are_dropped() -> None:
    assert normalise(f"Decides{FOOTNOTE_OPEN}3{FOOTNOTE_CLOSE} to{RULE}") == "Decides3 to"


@given(
    st.text(alphabet=st.sampled_from("ab ,.;\n\r\t\u00a0\u2011*_#>-[]()<>/1$^\ufeff"), max_size=80)
)
def test_output_is_canonical_whitespace(raw: str) -> None:
    text = normalise(raw)
    assert "\r" not in text and "\t" not in text and "\u00a0" not in text and "\ufeff" not in text
    assert "\n\n\n" not in text and "  " not in text
    assert all(line == line.strip() for line in text.split("\n"))
