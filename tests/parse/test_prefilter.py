"""Prefiltered rules: the literal search says exactly whether a literal occurs, and the
pattern runs only then."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import RAW
from unres.parse.prefilter import Prefiltered

# Literal sets of the shapes the parser declares: one character, several characters,
# a shared start, a shared end, leading spaces, nothing shared, only spaces.
LITERAL_SETS = [
    ("$",),
    tuple("⁰¹²³"),
    ("- ",),
    (". .",),
    ("<sup>", "<SUP>"),
    ("Add. ", "Rev. ", "Corr. ", "Amend. "),
    (" ,", " ;"),
    ("/ ", "/\n"),
    ("  ",),
    ("](", "[^"),
]
TEXTS = st.text(alphabet=" ,;./-\n$⁰¹²³<>supSUPAddRevCorAmn[]^()x", max_size=40)


@pytest.mark.parametrize("literals", LITERAL_SETS, ids=repr)
@given(text=TEXTS)
def test_holds_exactly_when_a_literal_occurs(literals: tuple[str, ...], text: str) -> None:
    rule = Prefiltered(re.compile("x"), *literals)
    assert rule.holds(text) == any(literal in text for literal in literals)


@pytest.mark.parametrize("name", sorted(p.name for p in RAW.iterdir()))
def test_holds_on_real_texts_as_in_does(name: str) -> None:
    text = (RAW / name).read_text(encoding="utf-8")
    for literals in LITERAL_SETS:
        rule = Prefiltered(re.compile("x"), *literals)
        assert rule.holds(text) == any(literal in text for literal in literals), literals


def test_the_pattern_runs_only_on_a_text_holding_a_literal() -> None:
    symbol_space = Prefiltered(re.compile(r"(?<=/) (?=\d)"), "/ ")
    assert symbol_space.sub("", "A/75/ 381") == "A/75/381"
    # The pattern would match here, but its declared literal is absent: left as it is.
    colon = Prefiltered(re.compile(r" (?=[,;:])"), " ,", " ;")
    assert colon.sub("", "Article 3 : text") == "Article 3 : text"
    assert colon.sub("", "States , and : others") == "States, and: others"


def test_a_rule_needs_literals() -> None:
    with pytest.raises(ValueError, match="needs literals"):
        Prefiltered(re.compile("x"))
    with pytest.raises(ValueError, match="needs literals"):
        Prefiltered(re.compile("x"), "")
