"""Rules that run their regex only where a literal the match needs occurs.

Scanning a whole text with a regex costs far more than looking for a string, and a
regex that opens with ``\\b``, a look-behind, a case-blind group or an alternation
defeats the engine's own literal search. So a rule declares the literal strings its
matches need, as eyecite's extractors do, and runs its pattern only where they occur:

* ``Prefiltered(pattern, *literals)``: the pattern runs on a whole text that holds one;
* ``AtKeyword(pattern, *keywords)``: matches that start at a keyword ("adopted by ...");
* ``EndingAtKeyword(pattern, *keywords, reach=)``: matches that end with a keyword, at
  most ``reach`` characters before it ("46th plenary meeting");
* ``AroundNeedle(pattern, *needles, before=, after=)``: matches that hold a needle, in
  a window around it ("RES" of "A/RES/75/180");
* ``FromWordBefore(pattern, needle, word=)``: matches that start the word of ``word``
  characters that runs up to a needle ("A/75/53" from its "/"), as ``finditer``.

A case-blind keyword is found in a ``Lowered`` text, whose lower-cased copy is made once
for all the rules read on it. The literals only decide where the pattern runs, never
what it matches: a rule with a wrong literal misses matches, which the rule's tests
catch.

How the literals are looked for is decided here, once (``make bench`` measures it):
keywords and needles with ``str.find``; a prefilter's literals, a character with ``in``
(a memchr); longer literals by one compiled search from their common start, the rest
checked ahead, else from their common end, the rest checked behind, where a start or
end of spaces does not count (spaces are everywhere: the engine would stop at each);
literals that share neither, one search each.
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import groupby
from typing import Any

__all__ = [
    "AroundNeedle",
    "AtKeyword",
    "EndingAtKeyword",
    "FromWordBefore",
    "Lowered",
    "Prefiltered",
]

_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)


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

    def search(self, text: str) -> Any:
        return self.pattern.search(text) if self._holds(text) else None


@dataclass(frozen=True, slots=True)
class Lowered:
    """A text and a lower-cased copy of the same length, where case-blind keywords are
    found (a position in one is the same position in the other)."""

    text: str
    lower: str

    @classmethod
    def of(cls, text: str) -> Lowered:
        return cls(text, _lower(text))


class _Anchored:
    """A pattern run only at the occurrences of its keywords."""

    __slots__ = ("case_blind", "keywords", "pattern")

    def __init__(self, pattern: re.Pattern[str], *keywords: str, case_blind: bool) -> None:
        if not keywords or not all(keywords):
            raise ValueError("an anchored pattern needs keywords, none of them empty")
        if any(one != other and other.startswith(one) for one in keywords for other in keywords):
            raise ValueError("no keyword may begin another: each occurrence is one start")
        if case_blind and any(keyword != keyword.lower() for keyword in keywords):
            raise ValueError("a case-blind keyword is written in lower case")
        self.pattern = pattern
        self.keywords = keywords
        self.case_blind = case_blind

    def _texts(self, text: str | Lowered) -> tuple[str, str]:
        """The text the pattern reads and the one its keywords are found in."""
        if isinstance(text, Lowered):
            return text.text, text.lower if self.case_blind else text.text
        return text, _lower(text) if self.case_blind else text

    def _occurrences(self, haystack: str) -> list[tuple[int, int]]:
        """(start, end) of each keyword occurrence, in text order."""
        spans = []
        for keyword in self.keywords:
            at = haystack.find(keyword)
            while at >= 0:
                spans.append((at, at + len(keyword)))
                at = haystack.find(keyword, at + 1)
        if len(self.keywords) > 1:
            spans.sort()
        return spans


class AtKeyword(_Anchored):
    """Matches of ``pattern`` that start at one of ``keywords``, in text order."""

    __slots__ = ()

    def __init__(self, pattern: re.Pattern[str], *keywords: str, case_blind: bool = False) -> None:
        super().__init__(pattern, *keywords, case_blind=case_blind)

    def matches(self, text: str | Lowered) -> list[re.Match[str]]:
        source, haystack = self._texts(text)
        match = self.pattern.match
        return [
            found for start, _ in self._occurrences(haystack) if (found := match(source, start))
        ]


class EndingAtKeyword(_Anchored):
    """Matches of ``pattern`` that end with one of ``keywords`` and start at most
    ``reach`` characters before it, in text order: the pattern ends in its keyword and
    ``\\Z``."""

    __slots__ = ("reach",)

    def __init__(
        self, pattern: re.Pattern[str], *keywords: str, reach: int, case_blind: bool = False
    ) -> None:
        super().__init__(pattern, *keywords, case_blind=case_blind)
        self.reach = reach

    def matches(self, text: str | Lowered) -> list[re.Match[str]]:
        source, haystack = self._texts(text)
        search, reach = self.pattern.search, self.reach
        return [
            found
            for start, end in self._occurrences(haystack)
            if (found := search(source, max(0, start - reach), end))
        ]


class AroundNeedle(_Anchored):
    """Matches of ``pattern`` that hold one of ``needles``, searched from ``before``
    characters before the needle to ``after`` characters after it; one per start, in
    text order."""

    __slots__ = ("after", "before")

    def __init__(self, pattern: re.Pattern[str], *needles: str, before: int, after: int) -> None:
        super().__init__(pattern, *needles, case_blind=False)
        self.before, self.after = before, after

    def matches(self, text: str | Lowered) -> list[re.Match[str]]:
        source, haystack = self._texts(text)
        found_at: dict[int, re.Match[str]] = {}
        # Needle by needle: where two windows read a match from one start, the later
        # needle's reading is kept.
        for needle in self.keywords:
            at = haystack.find(needle)
            while at >= 0:
                found = self.pattern.search(source, max(0, at - self.before), at + self.after)
                if found and found.start() <= at < found.end():
                    found_at[found.start()] = found
                at = haystack.find(needle, at + 1)
        return [found_at[start] for start in sorted(found_at)]


class FromWordBefore(_Anchored):
    """What ``pattern.finditer`` finds, when every match starts the run of ``word``
    characters that ends at a ``needle`` (a look-behind keeps the pattern from starting
    inside such a run): the pattern is tried at those starts only."""

    __slots__ = ("word",)

    def __init__(self, pattern: re.Pattern[str], needle: str, *, word: frozenset[str]) -> None:
        super().__init__(pattern, needle, case_blind=False)
        self.word = word

    def matches(self, text: str | Lowered) -> list[re.Match[str]]:
        source, _ = self._texts(text)
        (needle,), word, match = self.keywords, self.word, self.pattern.match
        found_all = []
        consumed = 0
        at = source.find(needle)
        while at >= 0:
            start = at
            while start > consumed and source[start - 1] in word:
                start -= 1
            found = match(source, start)
            if found:
                found_all.append(found)
                consumed = found.end()
            at = source.find(needle, max(at + 1, consumed))
        return found_all


def _lower(text: str) -> str:
    lower = text.lower()
    if len(lower) != len(text):  # a few non-ASCII letters grow when lower-cased
        return text.translate(_ASCII_LOWER)
    return lower


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
