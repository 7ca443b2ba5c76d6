"""Rules that run their regex only on texts holding a literal the match needs.

Scanning a whole text with a regex costs far more than looking for a string, and most
texts hold nothing most rules fix. So a rule declares the literal strings of which one
occurs wherever its pattern matches, as eyecite's extractors do, and ``Prefiltered``
runs the pattern only on texts that hold one. The literals only decide whether the
pattern runs, never what it matches: a rule with a wrong literal misses matches, which
the rule's tests catch.

How the literals are looked for is decided here, once (``make bench`` measures it): a
character with ``in`` (a memchr); longer literals by one compiled search from their
common start, the rest checked ahead, else from their common end, the rest checked
behind, where a start or end of spaces does not count (spaces are everywhere: the
engine would stop at each); literals that share neither, one search each.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from itertools import groupby
from typing import Any

__all__ = ["Prefiltered"]


class Prefiltered:
    """``pattern``, run only on a text that holds one of ``literals``."""

    __slots__ = ("_holds", "literals", "pattern")

    def __init__(self, pattern: Any, *literals: str) -> None:
        if not literals or not all(literals):
            raise ValueError("a prefiltered pattern needs literals, none of them empty")
        self.pattern = pattern  # a compiled ``re`` or ``regex`` pattern
        self.literals = literals
        self._holds = _finder(literals)

    def holds(self, text: str) -> bool:
        """Whether ``text`` holds one of the literals: whether the pattern can match."""
        return self._holds(text)

    def sub(self, replacement: str | Callable[[Any], str], text: str) -> str:
        return str(self.pattern.sub(replacement, text)) if self._holds(text) else text


def _finder(literals: tuple[str, ...]) -> Callable[[str], bool]:
    search = None if all(len(literal) == 1 for literal in literals) else _search(literals)
    if search is not None:
        return lambda text: search(text) is not None
    finders = [_one_finder(literal) for literal in literals]
    if len(finders) == 1:
        return finders[0]
    return lambda text: any(holds(text) for holds in finders)


def _one_finder(literal: str) -> Callable[[str], bool]:
    if len(literal) == 1:
        return lambda text: literal in text
    search = _search((literal,))
    assert search is not None  # one literal is its own common start
    return lambda text: search(text) is not None


def _search(literals: tuple[str, ...]) -> Callable[[str], re.Match[str] | None] | None:
    """One search for any of ``literals``: from their common start, the rest checked
    ahead; else from their common end, the rest checked behind; a start or end that is
    all spaces does not count (unless a literal is nothing else). None when they share
    neither."""
    head = _common_start(literals)
    if (head and not head.startswith(" ")) or all(not literal.strip(" ") for literal in literals):
        ahead = "|".join(re.escape(literal[len(head) :]) for literal in literals)
        return re.compile(re.escape(head) + (f"(?={ahead})" if ahead.strip("|") else "")).search
    tail = _common_start([literal[::-1] for literal in literals])[::-1].lstrip(" ")
    if not tail:
        return None
    # A look-behind holds literals of one length only: one per length.
    by_length = groupby(sorted(literals, key=len), len)
    behind = "|".join(
        "(?<=" + "|".join(re.escape(literal) for literal in group) + ")" for _, group in by_length
    )
    return re.compile(f"{re.escape(tail)}(?:{behind})").search


def _common_start(strings: Sequence[str]) -> str:
    shortest = min(strings, key=len)
    for at, char in enumerate(shortest):
        if any(string[at] != char for string in strings):
            return shortest[:at]
    return shortest
