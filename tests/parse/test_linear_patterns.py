"""Three patterns that took quadratic time on hostile texts, made linear: each gives
what the original pattern gave (compared on small texts, where the original is fast),
and the slow tests hold each to a time bound on a large hostile input."""

from __future__ import annotations

import re
import sys
import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from unres.parse import header_grammar as g
from unres.parse.header import _completed_title
from unres.parse.normalise import normalise
from unres.parse.repair import _join_symbol_spaces

# The patterns as they were, for comparison.
OLD_SYMBOL_SPACE = re.compile(r"\b([A-Z]{1,5}/(?:[A-Za-z0-9.\-]+/)*)[ ](?=\d)")
OLD_SUP_OTHER = re.compile(r"<(?:sup|SUP)>(.*?)</(?:sup|SUP)>", re.S)


def old_completed_title(cut: str, before: str) -> str | None:
    words = (re.escape(word) for word in cut.split())
    found = re.search(r"\s+".join(words) + g.TITLE_CONTINUATION, before)
    if found is None or not found["rest"].strip():
        return None
    return g.WHITESPACE.sub(" ", f"{cut} {found['rest']}").strip()


symbolish = st.text(st.sampled_from("AB/ 1.-xé_\u0663"), max_size=16)
# A cut title is never empty: it ends on a word that cannot end a title.
titles = st.lists(
    st.sampled_from(["and", "Disarmament", "of", "the", "an", "d"]), min_size=1, max_size=5
)
headers = st.lists(
    st.sampled_from(["and", "Disarmament", "of", "the", "nd", " ", "\n", "\n\n", "Distr."]),
    max_size=14,
)


@given(symbolish)
def test_symbol_spaces_are_joined_as_the_original_pattern_joined_them(text: str) -> None:
    assert _join_symbol_spaces(text) == OLD_SYMBOL_SPACE.sub(r"\1", text)


def test_symbol_spaces_real_examples() -> None:
    assert _join_symbol_spaces("A/75/ 381/Add.1 and S/ 2020/1") == "A/75/381/Add.1 and S/2020/1"
    assert _join_symbol_spaces("para. 3/ 4 of A/RES/ ES-10/19") == "para. 3/ 4 of A/RES/ ES-10/19"


@given(st.lists(st.sampled_from(["<sup>", "</sup>", "<SUP>", "a", "1", "\n", "<"]), max_size=12))
def test_sup_tags_come_out_as_before(parts: list[str]) -> None:
    text = "The General Assembly,\n" + "".join(parts)
    assert normalise(text) == _normalise_with(OLD_SUP_OTHER, text)


def _normalise_with(pattern: re.Pattern[str], text: str) -> str:
    module = sys.modules["unres.parse.normalise"]
    current = module._SUP_OTHER
    module._SUP_OTHER = pattern
    try:
        return normalise(text)
    finally:
        module._SUP_OTHER = current


@given(titles, headers)
def test_cut_titles_are_completed_as_before(words: list[str], parts: list[str]) -> None:
    cut, before = " ".join(words), "".join(parts)
    assert _completed_title(cut, before) == old_completed_title(cut, before)


# Each input is large enough that the quadratic patterns took seconds to minutes on it.
HOSTILE = [
    pytest.param(lambda: _join_symbol_spaces("A/" * 100_000 + " x"), id="symbol-space"),
    pytest.param(lambda: normalise("<sup>x " * 30_000), id="unclosed-sup"),
    pytest.param(
        lambda: _completed_title("x " * 25_000 + "and", "Distr.\n" + "x " * 25_000),
        id="cut-title",
    ),
]
SECONDS_PER_INPUT = 2.0


@pytest.mark.slow
@pytest.mark.parametrize("run", HOSTILE)
def test_hostile_input_is_handled_within_the_time_bound(run: object) -> None:
    assert callable(run)
    started = time.process_time()
    run()
    assert time.process_time() - started < SECONDS_PER_INPUT
