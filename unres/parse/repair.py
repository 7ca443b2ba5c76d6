"""Clean text: converter faults inside words and symbols repaired where it is safe.

* ``Nuclear- Weapon-Free`` -> ``Nuclear-Weapon-Free``; a suspended hyphen
  (``small- and medium-sized``) stays.
* Symbols broken by spaces: ``A/75/ 381/Add. 1`` -> ``A/75/381/Add.1``.
* Words broken by a space (``Gene ral``, ``Assembl y``) or run together
  (``Conventionon``) are repaired only when the document itself proves it: the
  joined word occurs elsewhere in it and a piece does not (``WordRepairs``).
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from itertools import compress, islice

from unres.parse.marks import strip_marks
from unres.parse.prefilter import Prefiltered

__all__ = ["WordRepairs", "clean_text", "find_word_repairs"]

WordRepairs = dict[str, str]

_HYPHEN_SPACE = Prefiltered(
    re.compile(r"(?<=[^\W\d_])- (?!(?:and|or|to|nor|as|but|than|through|with)\b)(?=[^\W\d_])"),
    "- ",
)
# Every text reaching these has one space between words (``clean_text``).
_DOUBLE_STOP = Prefiltered(re.compile(r"(?<=\.)(?:\s+\.)+(?=\s|$)"), ". .")
# A space inside a symbol, before a digit: r"\b([A-Z]{1,5}/(?:[A-Za-z0-9.\-]+/)*)[ ](?=\d)".
# Read forwards, that pattern tries every capital of a long "A/A/A/..." run as a start
# and scans to the run's end from each: quadratic. It is run on the reversed text,
# where it starts only at a space after a digit and reads the run once.
_SYMBOL_SPACE_REVERSED = Prefiltered(
    re.compile(r"(?<=\d) ((?:/[A-Za-z0-9.\-]+)*/[A-Z]{1,5})\b"), " /"
)
_SYMBOL_SUFFIX_SPACE = Prefiltered(
    re.compile(r"\b(Add|Rev|Corr|Amend)\.[ ](?=\d)"), "Add. ", "Rev. ", "Corr. ", "Amend. "
)
_SPACE_BEFORE_PUNCTUATION = Prefiltered(re.compile(r" (?=[,;:](?:\s|$))"), " ,", " ;")
# A lone lower-case letter other than "a" and "i" is the split-off end of a word.
_STRANDED_LETTERS = frozenset("bcdefghjklmnopqrstuvwxyz")
_MIN_STRANDED_HEAD = 3
_MAX_FRAGMENT = 5
_MAX_TOKEN = _MAX_FRAGMENT + 2
_PUNCTUATION = ",.;:()[]\"'\u201c\u201d\u2018\u2019"
# A piece after these is a word of its own ("in to" is not "into").
_FUNCTION_WORDS = frozenset(
    {"a", "an", "the", "of", "in", "on", "to", "and", "or", "by", "for", "at"}
)
_MIN_RUN_TOGETHER = 8
_MIN_RUN_TOGETHER_HEAD = 6
_RUN_TOGETHER_TAILS = ("on", "of", "the", "and")


def clean_text(text: str, repairs: WordRepairs | None = None) -> str:
    text = " ".join(strip_marks(text).split())
    if "*" in text:
        # Emphasis a converter left open, or an asterisk footnote marker.
        text = " ".join(text.replace("*", "").split())
    text = _HYPHEN_SPACE.sub("-", text)
    text = _DOUBLE_STOP.sub("", text)
    text = _join_symbol_spaces(text)
    text = _SYMBOL_SUFFIX_SPACE.sub(r"\1.", text)
    text = _SPACE_BEFORE_PUNCTUATION.sub("", text)
    if repairs:
        text = _repair_words(text, repairs)
    return text


def _join_symbol_spaces(text: str) -> str:
    """``A/75/ 381`` -> ``A/75/381``: the space after a symbol's slash, before a digit."""
    if "/ " not in text:
        return text
    return _SYMBOL_SPACE_REVERSED.sub(r"\1", text[::-1])[::-1]


def find_word_repairs(text: str) -> WordRepairs:
    """Broken and run-together words of ``text`` that ``text`` itself can mend."""
    tokens = text.split()
    counts = Counter(tokens)
    # Only words seen once can be pieces; the filters run first because they are cheap.
    singles = [t for t, n in counts.items() if n == 1]
    fragments = {
        token: core
        for token in singles
        if len(token) <= _MAX_TOKEN
        and token[0].islower()
        and (core := token.rstrip(_PUNCTUATION)).isalpha()
        and len(core) <= _MAX_FRAGMENT
    }
    repairs: WordRepairs = {}
    if fragments:
        # The token before each fragment (each occurs once), found without a Python loop.
        following = islice(tokens, 1, None)
        selected = map(fragments.__contains__, islice(tokens, 1, None))
        previous_of = dict(compress(zip(following, tokens, strict=False), selected))
        for token, core in fragments.items():
            previous = previous_of.get(token, "")
            if _is_broken_word(previous, core, counts):
                repairs[f"{previous} {core}"] = previous + core
    for token in singles:
        if len(token) < _MIN_RUN_TOGETHER:
            continue
        core = token.rstrip(_PUNCTUATION)
        if core.endswith(_RUN_TOGETHER_TAILS) and core.isalpha():
            split = _split_run_together(core, counts)
            if split:
                repairs[core] = split
    return repairs


def _is_broken_word(head: str, tail: str, counts: Counter[str]) -> bool:
    if not head.isalpha() or head in _FUNCTION_WORDS:
        return False
    if tail in _STRANDED_LETTERS:
        return len(head) >= _MIN_STRANDED_HEAD
    return _occurs(head + tail, counts)


def _occurs(word: str, counts: Counter[str]) -> bool:
    """Whether ``word`` is one of the text's tokens, bare or before punctuation."""
    return (
        word in counts
        or word + "," in counts
        or word + "." in counts
        or word + ";" in counts
        or word + ":" in counts
    )


def _split_run_together(word: str, counts: Counter[str]) -> str | None:
    for tail in _RUN_TOGETHER_TAILS:
        head = word[: -len(tail)]
        if word.endswith(tail) and len(head) >= _MIN_RUN_TOGETHER_HEAD and _occurs(head, counts):
            return f"{head} {tail}"
    return None


def _repair_words(text: str, repairs: WordRepairs) -> str:
    return _repair_pattern(tuple(repairs)).sub(lambda match: repairs[match.group()], text)


# A document's paragraphs and footnotes share one set of repairs.
@functools.lru_cache(maxsize=64)
def _repair_pattern(broken: tuple[str, ...]) -> Prefiltered:
    return Prefiltered(
        re.compile(r"(?<![^\W\d_])(?:" + "|".join(map(re.escape, broken)) + r")(?![^\W\d_])"),
        *broken,
    )
