"""The damage transformations keep the values readable, and the committed variants are current."""

from __future__ import annotations

import pytest

from tests.eval.make_variants import (
    FOOTNOTE_STYLES,
    VARIANTS,
    may_break_before,
    one_line,
    render_variants,
    restyle_footnotes,
    rewrap_70,
    wrap_line,
)

# Seed 001_ef61d0dabfe29b93: a paragraph with two markers and a footnote line.
SEED_001_SNIPPET = (
    "Recalling also its adoption of the United Nations Millennium Declaration on 8 September "
    "2000,\u00b2 its resolution 70/153 of 17 December 2015, Human Rights Council resolution 32/6 "
    "of 30 June 2016\u00b3 and the resolutions\n\n\u00b2 Resolution 55/2.\n"
)


@pytest.mark.parametrize(
    ("style", "expected"),
    [
        ("sup", ("2000,<sup>2</sup> its", "2016<sup>3</sup> and", "<sup>2</sup> Resolution 55/2.")),
        (
            "escaped_sup",
            (
                "2000,&lt;sup&gt;2&lt;/sup&gt; its",
                "2016&lt;sup&gt;3&lt;/sup&gt; and",
                "&lt;sup&gt;2&lt;/sup&gt; Resolution 55/2.",
            ),
        ),
        ("latex", ("2000,$^{2}$ its", "2016$^{3}$ and", "$^{2}$ Resolution 55/2.")),
        ("bare", ("2000,2 its", "20163 and", "\n2 Resolution 55/2.")),
        ("slash", ("2000, 2/ its", "2016 3/ and", "\n2/ Resolution 55/2.")),
    ],
)
def test_restyled_footnotes(style: str, expected: tuple[str, str, str]) -> None:
    text = restyle_footnotes(SEED_001_SNIPPET, FOOTNOTE_STYLES[style])
    for piece in expected:
        assert piece in text
    assert "\u00b2" not in text and "\u00b3" not in text


def test_bracket_footnotes_move_to_the_end() -> None:
    text = restyle_footnotes(SEED_001_SNIPPET, FOOTNOTE_STYLES["bracket"])
    assert "2000,[^2] its" in text and "2016[^3] and" in text
    assert text.endswith("the resolutions\n\n[^2]: Resolution 55/2.\n")


@pytest.mark.parametrize(
    ("previous", "following", "allowed"),
    [
        ("among", "Member", True),  # a capital mid-sentence
        ("rights,", "Recalling", False),  # reads as a new paragraph
        ("reaffirmed;", "Urges", False),
        ("entitled", "\u201cTransforming", False),  # press releases open paragraphs with a quote
        ("September", "2000,\u00b2", True),  # a date across a line break
        ("Council,", "1996", False),  # reads as a footnote label
        ("paragraph", "3,", False),
        ("annex", "(b)", False),  # reads as a sub-paragraph label
        ("the", "resolutions", True),
    ],
)
def test_may_break_before(previous: str, following: str, allowed: bool) -> None:
    assert may_break_before(previous, following) is allowed


def test_wrap_line_keeps_words_and_width() -> None:
    line = (
        "3 S/PRST/1996/17; see Resolutions and Decisions of the Security Council, 1996 (S/INF/52)."
    )
    lines = wrap_line(line, 70)
    assert " ".join(lines) == line
    assert all(not later.startswith(("1996", "(")) for later in lines[1:])


def test_rewrap_and_one_line_leave_front_matter_alone() -> None:
    text = (
        '---\nsymbol: A/RES/80/56\ntitle: "Modalities :"\n---\n\nUnited Nations A/RES/80/56\n\n'
        "Recalling its resolutions 78/240 of 22 December 2023 and 79/60 of 2 December 2024, "
        "which were adopted without a vote,\n"
    )
    front = '---\nsymbol: A/RES/80/56\ntitle: "Modalities :"\n---\n'
    for damaged in (rewrap_70(text, {}, "x"), one_line(text, {}, "x")):
        assert damaged.startswith(front)
        assert " ".join(damaged[len(front) :].split()) == " ".join(text[len(front) :].split())
    assert one_line(text, {}, "x").count("\n") == front.count("\n")


def test_committed_variants_are_what_the_generator_makes() -> None:
    rendered = {v.name: v for v in render_variants()}
    committed = {p.name for p in VARIANTS.iterdir() if not p.name.endswith(".expected.json")}
    assert committed == set(rendered), "run: uv run python tests/eval/make_variants.py"
    for name, variant in rendered.items():
        assert (VARIANTS / name).read_bytes() == variant.text.encode("utf-8"), name
        labels = VARIANTS / f"{name}.expected.json"
        assert labels.read_bytes() == variant.labels.read_bytes(), name
