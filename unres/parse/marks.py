"""Canonical in-band marks that ``normalise`` writes and the structural stages read.

Converters spell the same thing many ways (``<sup>3</sup>``, ``$^3$``, ``³``,
``[^3]``; ``*Recalling*``, ``_Recalling_``; ``---``, ``__________``). ``normalise``
rewrites each to one form made of private-use characters, which never occur in
real text, so later stages match one pattern instead of many. None of these
characters may reach an output: ``strip_marks`` removes them all.
"""

from __future__ import annotations

import re

FOOTNOTE_OPEN = "\ue000"
FOOTNOTE_CLOSE = "\ue001"
EMPHASIS_OPEN = "\ue002"
EMPHASIS_CLOSE = "\ue003"
# A horizontal rule (``---``, ``_____``): in PDF conversions it opens a footnote block.
RULE = "\ue004"

ALL_MARKS = FOOTNOTE_OPEN + FOOTNOTE_CLOSE + EMPHASIS_OPEN + EMPHASIS_CLOSE + RULE

# A footnote reference whose number is certain: ``\ue0003\ue001``.
FOOTNOTE_MARK = re.compile(f"{FOOTNOTE_OPEN}(\\d+){FOOTNOTE_CLOSE}")
_SINGLE_MARKS = (FOOTNOTE_CLOSE, EMPHASIS_OPEN, EMPHASIS_CLOSE, RULE)
_ANY_MARK = re.compile(f"{FOOTNOTE_OPEN}\\d*{FOOTNOTE_CLOSE}|[{ALL_MARKS}]")


def footnote_mark(number: int) -> str:
    return f"{FOOTNOTE_OPEN}{number}{FOOTNOTE_CLOSE}"


def strip_marks(text: str) -> str:
    """Remove every canonical mark, footnote references with their number."""
    if FOOTNOTE_OPEN in text:
        return _ANY_MARK.sub("", text)
    if EMPHASIS_OPEN in text or EMPHASIS_CLOSE in text or RULE in text:
        # No footnote reference: single characters only, removed by replace() rather than
        # the pattern (make bench measures the choice).
        for mark in _SINGLE_MARKS:
            text = text.replace(mark, "")
    return text
