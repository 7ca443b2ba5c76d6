"""Lines, the unit the structural stages pass around, and what their edges say."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from unres.parse.marks import ALL_MARKS, EMPHASIS_CLOSE, EMPHASIS_OPEN
from unres.parse.openers import opener_kind
from unres.parse.vocab import MONTHS, OCR_DIGITS

# What separated a line from the one before it: nothing, a blank line, or page
# material that was taken out (running header, page number, footnote block ...).
# A page break says nothing about paragraphs; a blank line may.
Gap = Literal["none", "blank", "break"]


@dataclass(frozen=True, slots=True)
class Line:
    text: str
    gap: Gap = "none"


def to_lines(text: str) -> list[Line]:
    """Non-empty stripped lines, each knowing whether a blank line preceded it."""
    lines: list[Line] = []
    blank = False
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            lines.append(Line(stripped, "blank" if blank and lines else "none"))
            blank = False
        else:
            blank = True
    return lines


def without_wrap_blanks(lines: list[Line]) -> list[Line]:
    """``lines`` with blank gaps dropped when a blank line follows every wrapped line.

    Such blank lines are a conversion's habit and say nothing about paragraphs.
    """
    if len(lines) < _MIN_LINES_FOR_HABIT:
        return lines
    blank = [line.gap for line in lines].count("blank")
    if blank < _BLANK_HABIT_SHARE * (len(lines) - 1) or mean_length(lines) > _WRAPPED_LINE_LENGTH:
        return lines
    return [Line(line.text, "none") if line.gap == "blank" else line for line in lines]


def mean_length(lines: list[Line]) -> float:
    """The mean number of characters of ``lines`` (0 for none)."""
    return sum([len(line.text) for line in lines]) / len(lines) if lines else 0.0


def with_gap(line: Line, gap: Gap) -> Line:
    """``line`` with ``gap``, a page break outranking a blank line."""
    if gap == "none" or line.gap == "break" or line.gap == gap:
        return line
    return Line(line.text, gap)


_MIN_LINES_FOR_HABIT = 10
_BLANK_HABIT_SHARE = 0.9
_WRAPPED_LINE_LENGTH = 100

OPENING_QUOTES = "\"'\u201c\u2018"

# --- what a line's edges say ---------------------------------------------------------

# "12. ", "12." alone, "**12.**": a printed paragraph number.
PARAGRAPH_NUMBER = re.compile(f"^[{EMPHASIS_OPEN}*]?(\\d{{1,3}})\\.[{EMPHASIS_CLOSE}*]?(?:\\s+|$)")
# OCR of printed volumes damages the number's punctuation and digits: "5, Notes", "7
# Calls upon", "6.Calls for", "ll. Calls once again" (11), "S. Appeals" (5). Such a
# label counts only before an operative verb, and a lone "I" stays a Roman heading.
_OCR_NUMBER = re.compile(r"^([0-9lS][0-9lIS]{0,2}|I[0-9lIS]{1,2})(?:[.,]\s*|\s+)(?=[A-Z])")


def paragraph_number(text: str) -> tuple[int, int] | None:
    """The printed paragraph number opening ``text`` and where the text after it starts."""
    found = PARAGRAPH_NUMBER.match(text)
    if found:
        return int(found.group(1)), found.end()
    found = _OCR_NUMBER.match(text)
    if found is None:
        return None
    rest = text[found.end() :]
    # "20 May 1971" is a wrapped date, not paragraph 20 opening "May ...".
    if rest.split(None, 1)[0].lower() in MONTHS or opener_kind(rest, guess=False) != "operative":
        return None
    return int(found.group(1).translate(OCR_DIGITS)), found.end()


# "(a)", "(iv)", "(A)", "a)", and dash or bullet items: kept inside their parent.
SUB_ITEM = re.compile(
    r"^(?:\((?:[a-z]{1,2}|[ivxlc]{1,6}|[A-Z]|\d{1,2})\)|[a-z]\)|[-–—•·▪◦])(?:\s|$)"
)
# What may follow the punctuation that ends a paragraph: quotes, brackets, markers.
_AFTER_TERMINAL = " \"'\u201d\u2019)]0123456789" + ALL_MARKS
_TERMINAL = frozenset(".,;:!?")
_LINE_END_HYPHENS = ("-", "\u2013")


def is_terminated(text: str) -> bool:
    """Whether ``text`` ends where a paragraph may end (after , ; : . and markers)."""
    return text.rstrip(_AFTER_TERMINAL)[-1:] in _TERMINAL


# The characters those labels can open with ("(a)" and "a)" aside), checked before the
# patterns: most lines open with a letter.
_NUMBER_LEADS = frozenset(EMPHASIS_OPEN + "*lIS")
_ITEM_LEADS = frozenset("(-–—•·▪◦")

Label = Literal["number", "item"]


def paragraph_label(text: str) -> Label | None:
    """ "number" when ``text`` opens with a paragraph number, "item" with a sub-item label."""
    lead = text[:1]
    if (lead.isdecimal() or lead in _NUMBER_LEADS) and paragraph_number(text):
        return "number"
    if (lead in _ITEM_LEADS or text[1:2] == ")") and SUB_ITEM.match(text):
        return "item"
    return None


def starts_paragraph(text: str) -> bool:
    """Whether ``text`` opens like a paragraph: number, sub-item, emphasis or opener."""
    if paragraph_label(text):
        return True
    first = text.lstrip(OPENING_QUOTES)[:1]
    return first == EMPHASIS_OPEN or (first.isupper() and opener_kind(text) is not None)


def join_lines(texts: list[str]) -> str:
    """One text from wrapped lines: a space between, none after a line-end hyphen."""
    if len(texts) == 1:
        return texts[0]
    if not any(text.endswith(_LINE_END_HYPHENS) for text in texts):
        return " ".join(texts)
    pieces: list[str] = []
    for index, text in enumerate(texts):
        if index:
            previous = texts[index - 1]
            hyphenated = previous.endswith(_LINE_END_HYPHENS) and previous[-2:-1].isalnum()
            if not hyphenated:
                pieces.append(" ")
        pieces.append(text)
    return "".join(pieces)
