"""The body of a resolution cut into paragraphs: preambular, operative, annex.

Two steps. First the lines become *units*: a line opens a new unit when it
carries a paragraph number, a sub-item label, an emphasised or opener word
after a finished line, or follows a blank line after a finished line; a line
after an unfinished one (page break mid-sentence, hard wrap) continues it. Blank
lines alone never split a sentence, so texts with a blank line after every line,
none at all, or page breaks inside paragraphs give the same units.

Then the units are read in order, as a reader does:

* preamble: units opening with a participle or adjective ("Recalling", "Mindful")
  start preambular paragraphs; anything else continues the current one;
* operative: the first numbered unit ("1.") or finite verb ("Decides") starts
  it. When the paragraphs are numbered, every unnumbered unit until the next
  number belongs to the current paragraph (its sub-paragraphs, labelled or not);
  when they are not, a finished paragraph followed by a new sentence starts the
  next one, except inside a list opened by ":";
* headings (short unfinished lines: "I", "Peacebuilding financing") are dropped;
* the meeting or adoption line ends the resolution: it goes to ``closing``;
* "Annex", a numbering restarting at 1, or numbered paragraphs after a single
  operative paragraph ending ":" (an adopted declaration) open the annex, whose
  paragraphs come last with kind "annex".

Where the source lost paragraph breaks, long lines (a paragraph per line) make
every line break after a finished line a possible boundary, and in an unnumbered
operative section a sentence opening with an operative verb ("... resolution.
Requests ...") starts the next paragraph.

Sub-paragraphs are joined to their parent with a single space; paragraph texts
keep markers here (``segment`` reads them out in reading order).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from unres.model import ParagraphKind
from unres.parse.header_grammar import MEETING_ORDINAL
from unres.parse.lines import (
    OPENING_QUOTES,
    Gap,
    Line,
    is_terminated,
    join_lines,
    mean_length,
    paragraph_label,
    paragraph_number,
)
from unres.parse.marks import ALL_MARKS, EMPHASIS_OPEN, strip_marks
from unres.parse.openers import opener_kind
from unres.parse.vocab import MONTHS

__all__ = ["ANNEX_HEADING", "Body", "DraftParagraph", "is_closing_line", "read_body"]

# --- tokenizer layer -----------------------------------------------------------------

_MONTH = "|".join(name.capitalize() for name in MONTHS)
_DATE = rf"(?:\d{{1,2}}\s*(?:{_MONTH})\s*,?\s*\d{{4}}|(?:{_MONTH})\s+\d{{1,2}},\s*\d{{4}})"
_CLOSING_LINE = re.compile(
    rf"^(?:{MEETING_ORDINAL}\s+(?:plenary\s+)?meeting"
    rf"|Adopted\b[^;]{{0,160}}\bmeeting)\b\.?(?:,?\s*(?:held\s+)?(?:on\s*)?{_DATE})?\.?$"
    # Capitalised: "that resolution was / adopted unanimously," continues a paragraph.
    r"|^\[?(?-i:Adopted|ADOPTED)\s+"
    r"(?:without\s+a\s+vote|by\s+(?:a\s+)?recorded\s+vote|unanimously|by\s+consensus)"
    r"[^\]]{0,200}\]?\.?$"
    # The Security Council's printed volumes: "Adopted at the 194th meet-" (the line
    # wraps; votes follow), "Approved unanimously at the", "Adopted without a vote at".
    # Capitalised: a wrapped "adopted on 25 August 1947, at the 194th meeting" of
    # another resolution continues its paragraph.
    r"|^(?-i:Adopted|ADOPTED|Approved)\b[^.;]{0,60}?\b(?-i:at)(?:\s+(?-i:the|its)\b|$)",
    re.I,
)
_CLOSING_DATE = re.compile(rf"^{_DATE}\.?$")
ANNEX_HEADING = re.compile(
    r"^(?:ANNEX(?:ES)?|Annex(?:es)?|APPENDIX|Appendix)(?:\s+(?:[IVXLC]+|\d{1,2}|[A-Z]))?\s*\.?(?:\s|$)"
)
_EDITORIAL = re.compile(r"\[(?:matter omitted|text omitted|omitted|\.\.\.|…)\]", re.I)
_BRACKETED_ONLY = re.compile(r"^[\W_]*\[[^\]]*\][\W_]*$")
_FIRST_PERSON = re.compile(r"^(?:We|I)\b")
_QUOTE_PAIRS = {"\u201c": "\u201d", "\u2018": "\u2019", '"': '"', "'": "'"}
_CLOSING_QUOTES = {"\u201d": "\u201c", "\u2019": "\u2018", '"': '"', "'": "'"}
_TERMINAL_PUNCTUATION = frozenset(".;,!?")
_APOSTROPHE = re.compile(r"(?<=[^\W\d_])'(?=[^\W\d_])")
_FUNCTION_WORD_END = re.compile(
    r"\b(?:of|the|and|to|in|on|for|by|with|a|an|at|from|or|its|their|as|that|under)$", re.I
)
_WORDS = re.compile(r"\S+")
_SENTENCE_BOUNDARY = re.compile(r"[.;] (?=[A-Z])")
_CLOSING_STARTS = frozenset("0123456789Aa[")
_MEETING = "meeting"
# A line whose plain text may open with one of those: marks and leftover emphasis go.
_CLOSING_OR_HIDDEN_STARTS = _CLOSING_STARTS | frozenset(ALL_MARKS + "*_ ")
_PARAGRAPH_LINE_LENGTH = 150
# Emphasis markup a converter could not pair, around a meeting line.
_LEFTOVER_EMPHASIS = "*_ "
_MAX_HEADING_WORDS = 25
_MAX_HEADING_LINE_WORDS = 12
_NUMBERING_GAP = 3

UnitStart = Literal["number", "item", "opener", "blank", "first"]
Section = Literal["preamble", "operative", "annex"]


@dataclass(slots=True)
class _Unit:
    start: UnitStart
    lines: list[str]
    gap: Gap

    @property
    def text(self) -> str:
        return join_lines(self.lines)


@dataclass(slots=True)
class DraftParagraph:
    """A paragraph as read, markers still in its text."""

    kind: ParagraphKind
    number: int | None
    parts: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return " ".join(self.parts)


@dataclass(slots=True)
class Body:
    paragraphs: list[DraftParagraph]
    closing: list[str]
    warnings: list[str]


def read_body(lines: list[Line], first_kind: ParagraphKind | None = None) -> Body:
    """Paragraphs and closing lines of the body ``lines`` (the text after the organ line).

    ``first_kind`` forces the kind of the first paragraph ("At its 30th meeting, ...,
    the Human Rights Council decided ..." opens an operative paragraph).
    """
    closing: list[str] = []
    units = _units(_numbers_alone_joined(lines), closing)
    reader = _Reader(first_kind)
    for index, unit in enumerate(units):
        reader.read(unit, units[index + 1] if index + 1 < len(units) else None)
    reader.flush()
    return Body(reader.paragraphs, closing, reader.warnings)


# --- lines -> units ------------------------------------------------------------------


def _numbers_alone_joined(lines: list[Line]) -> list[Line]:
    """A paragraph number whose full stop a PDF extraction lost, alone on its line ("26"
    between "25. Recalls ..." and "Condemns ..."), joined to the line it numbers: only
    the number after the last one printed, before an operative verb."""
    if not any(line.text.isdecimal() for line in lines):
        return lines
    joined: list[Line] = []
    last = 0
    index = 0
    while index < len(lines):
        line = lines[index]
        number = paragraph_number(line.text) if line.text[:1].isdecimal() else None
        if number:
            last = number[0]
        following = lines[index + 1].text if index + 1 < len(lines) else ""
        if (
            line.text.isdecimal()
            and int(line.text) == last + 1
            and opener_kind(following, guess=False) == "operative"
        ):
            last += 1
            joined.append(Line(f"{line.text}. {following}", line.gap))
            index += 2
            continue
        joined.append(line)
        index += 1
    return joined


def _units(lines: list[Line], closing: list[str]) -> list[_Unit]:
    units: list[_Unit] = []
    closed = False
    # Long lines are whole paragraphs: a line break after a finished one is a boundary.
    line_per_paragraph = mean_length(lines) > _PARAGRAPH_LINE_LENGTH
    for index, line in enumerate(lines):
        text = line.text
        # Only a line opening like a closing line, or one after it, needs its plain text.
        plain = ""
        if closed or text[:1] in _CLOSING_OR_HIDDEN_STARTS or _MEETING in text:
            plain = strip_marks(text).strip(_LEFTOVER_EMPHASIS)
            if (
                is_closing_line(plain)
                or (
                    closed
                    and (_CLOSING_DATE.match(plain) or _continues_closing(closing[-1], plain))
                )
                or _is_meeting_before_date(plain, lines[index + 1 : index + 2])
            ):
                closing.append(plain)
                closed = True
                continue
        if "[" in text:
            text = _EDITORIAL.sub("", text).strip()
            if not text or _BRACKETED_ONLY.match(strip_marks(text)):
                continue
            plain = strip_marks(text)
        if closed:
            # After the meeting line only an annex belongs to the document.
            if ANNEX_HEADING.match(plain):
                closed = False
                units.append(_Unit("blank", [text], line.gap))
            continue
        gap: Gap = "blank" if line_per_paragraph and line.gap == "none" else line.gap
        start = _unit_start(units[-1] if units else None, text, gap)
        if start is None and units:
            units[-1].lines.append(text)
        else:
            units.append(_Unit(start or "first", [text], line.gap))
    return units


def _unit_start(current: _Unit | None, text: str, gap: Gap) -> UnitStart | None:
    label = paragraph_label(text)
    if label:
        return label
    if current is None:
        return "first"
    finished = is_terminated(current.lines[-1])
    if not finished and not _is_heading_line(current):
        return None
    first = text.lstrip(OPENING_QUOTES)[:1]
    if first == EMPHASIS_OPEN or (first.isupper() and opener_kind(text) is not None):
        return "opener"
    # A heading may be wrapped over lines; only after a finished line can one begin.
    if finished and first.isupper() and (gap == "blank" or _looks_like_heading(strip_marks(text))):
        return "blank"
    return None


def _is_meeting_before_date(plain: str, following: list[Line]) -> bool:
    """ "1883rd plenary meeting," with its date on the next line (not "at its\n2396th
    meeting," wrapped inside a paragraph)."""
    return (
        plain.endswith(",")
        and bool(following)
        and _CLOSING_DATE.match(strip_marks(following[0].text).strip()) is not None
        and is_closing_line(plain[:-1])
    )


def _continues_closing(closing: str, plain: str) -> bool:
    """A wrapped closing line goes on: "Adopted at the 194th meet- / ing by 8 votes to
    none, / with 3 abstentions (Poland, / Syria, ...)"; an "Annex" after "46th plenary
    meeting" does not."""
    if closing.rstrip("0123456789 ").endswith((".", "]")):  # a footnote marker may follow
        return False
    if closing.endswith((" the", " its")):  # "Adopted unanimously at the / I364th meeting."
        return True
    return plain[:1].islower() or closing.endswith(("-", ",", "("))


def is_closing_line(plain: str) -> bool:
    """Whether a line (marks stripped) is a meeting or adoption line that ends the text."""
    # A meeting in words opens with a capital: "Fifty-second plenary meeting".
    opens = plain[:1] in _CLOSING_STARTS or (plain[:1].isupper() and _MEETING in plain)
    return opens and _CLOSING_LINE.match(plain) is not None


def _is_heading_line(unit: _Unit) -> bool:
    if len(unit.lines) != 1 or unit.start in ("number", "item"):
        return False
    return _looks_like_heading(strip_marks(unit.lines[0]))


def _looks_like_heading(line: str) -> bool:
    return (
        _could_be_heading(line)
        and len(_WORDS.findall(line)) <= _MAX_HEADING_LINE_WORDS
        and _FUNCTION_WORD_END.search(line) is None
    )


def _could_be_heading(plain: str) -> bool:
    """Unfinished, without clause punctuation, not opening with a paragraph's verb."""
    return (
        not is_terminated(plain)
        and "," not in plain
        and ";" not in plain
        and opener_kind(plain, guess=False) is None
    )


# --- units -> paragraphs -------------------------------------------------------------


class _Reader:
    def __init__(self, first_kind: ParagraphKind | None) -> None:
        self.paragraphs: list[DraftParagraph] = []
        self.warnings: list[str] = []
        self._first_kind = first_kind
        self._section: Section = "preamble"
        self._current: DraftParagraph | None = None
        self._numbered = False
        self._last_number = 0
        self._annex_numbered = False
        # The current paragraph opened a list ("... by:"); its items follow unnumbered.
        self._in_list = False

    def read(self, unit: _Unit, following: _Unit | None) -> None:
        """Read ``unit``; ``following`` tells whether it stands as a heading above it."""
        text = unit.text
        plain = strip_marks(text)
        if plain[:1] == "A" and ANNEX_HEADING.match(plain) and unit.start != "first":
            self._open_annex()
            return
        if unit.start in ("opener", "blank") and _heads(following) and _is_heading(plain):
            return
        if self._section == "annex":
            self._read_annex(unit, text)
        elif self._section == "operative":
            self._read_operative(unit, text)
        else:
            self._read_preamble(unit, text)

    def flush(self) -> None:
        if self._current is not None and self._current.parts:
            self.paragraphs.append(self._current)
        self._current = None

    # -- sections --

    def _read_preamble(self, unit: _Unit, text: str) -> None:
        if unit.start == "number":
            number, rest = _split_number(text)
            if number <= _NUMBERING_GAP or opener_kind(rest) == "operative":
                self._note_gap(number, 1)
                self._start("operative", number, rest)
                self._section, self._numbered, self._last_number = "operative", True, number
                return
        kind = self._first_kind if unit.start == "first" and self._first_kind else opener_kind(text)
        if kind == "operative":
            self._start_unnumbered(text)
            self._section = "operative"
        elif kind == "preambular" or unit.start in ("first", "opener") or self._current is None:
            if unit.start != "first" and kind is None and self._current is None:
                self.warnings.append("no_preamble_opener")
            self._start("preambular", None, text)
        else:
            self._attach(text)

    def _read_operative(self, unit: _Unit, text: str) -> None:
        if unit.start == "number":
            number, rest = _split_number(text)
            if self._numbered and self._last_number < number <= self._last_number + _NUMBERING_GAP:
                self._note_gap(number, self._last_number + 1)
                self._start("operative", number, rest)
                self._last_number = number
                return
            if number == 1 and (self._numbered or self._in_list):
                self._open_annex()
                self._read_annex(unit, text)
                return
            if not self._numbered and number == 1:
                self._start("operative", number, rest)
                self._numbered, self._last_number = True, 1
                return
        if self._numbered or unit.start in ("item", "number"):
            self._attach(text)
            return
        kind = opener_kind(text)
        if self._in_list and kind != "operative":
            self._attach(text)
        elif unit.start in ("opener", "blank") and self._ends_sentence():
            self._start_unnumbered(text)
        else:
            self._attach(text)

    def _start_unnumbered(self, text: str) -> None:
        """Unnumbered operative paragraphs; a sentence opening with an operative verb
        ("... resolution. Requests the Consular Commission ...") is one more, run on."""
        start = 0
        for boundary in _SENTENCE_BOUNDARY.finditer(text):
            if opener_kind(text[boundary.end() :], guess=False) == "operative":
                self._start("operative", None, text[start : boundary.start() + 1])
                start = boundary.end()
        self._start("operative", None, text[start:])

    def _read_annex(self, unit: _Unit, text: str) -> None:
        if unit.start == "number":
            number, rest = _split_number(text)
            if not self._annex_numbered or number == self._last_number + 1:
                self._start("annex", number, rest)
                self._annex_numbered, self._last_number = True, number
                return
        if self._current is None or (
            not self._annex_numbered
            and unit.start in ("opener", "blank", "first")
            and (self._ends_sentence() or _FIRST_PERSON.match(text) is not None)
        ):
            self._start("annex", None, text)
        else:
            self._attach(text)

    # -- helpers --

    def _open_annex(self) -> None:
        self.flush()
        self._section, self._annex_numbered, self._last_number = "annex", False, 0

    def _start(self, kind: ParagraphKind, number: int | None, text: str) -> None:
        self.flush()
        self._current = DraftParagraph(kind, number, [text] if text else [])
        self._in_list = _opens_list(text)

    def _attach(self, text: str) -> None:
        if self._current is None:
            kind: ParagraphKind = "annex" if self._section == "annex" else "preambular"
            self._current = DraftParagraph(kind, None)
        self._current.parts.append(text)
        self._in_list = self._in_list or _opens_list(text)

    def _ends_sentence(self) -> bool:
        if self._current is None or not self._current.parts:
            return True
        return strip_marks(self._current.parts[-1]).rstrip(" \"'”’").endswith((";", "."))

    def _note_gap(self, number: int, expected: int) -> None:
        if number != expected:
            self.warnings.append("operative_numbering_gap")


def _opens_list(text: str) -> bool:
    return strip_marks(text).rstrip().endswith(":")


def _heads(following: _Unit | None) -> bool:
    """Whether a unit before ``following`` can be a heading: a paragraph opens after it."""
    return following is not None and following.start in ("number", "item", "opener")


def _split_number(text: str) -> tuple[int, str]:
    found = paragraph_number(text)
    if found is None:
        return 0, text
    number, end = found
    return number, text[end:]


def _is_heading(plain: str) -> bool:
    return _could_be_heading(plain) and len(_WORDS.findall(plain)) <= _MAX_HEADING_WORDS


def strip_quotes(text: str) -> str:
    """A quoted resolution's quote marks: one opens each paragraph, one closes the last."""
    first, last = text[:1], text[-1:]
    if first in _QUOTE_PAIRS and (_is_unbalanced(text, first) or _wraps_whole(text, first)):
        text = text[1:].lstrip()
    if last in _CLOSING_QUOTES and text[-2:-1] in _TERMINAL_PUNCTUATION:
        opening = _CLOSING_QUOTES[last]
        if opening == last:
            unbalanced = (text.count(last) - len(_APOSTROPHE.findall(text))) % 2 == 1
        else:
            unbalanced = text.count(last) > text.count(opening)
        if unbalanced:
            text = text[:-1]
    return text


def _is_unbalanced(text: str, opening: str) -> bool:
    closing = _QUOTE_PAIRS[opening]
    if opening == closing:
        return (opening == '"' and text.count(opening) % 2 == 1) or text[1:2].isupper()
    return text.count(opening) > text.count(closing)


def _wraps_whole(text: str, opening: str) -> bool:
    """``“Decides ... session.”``: one pair around the whole paragraph."""
    closing = _QUOTE_PAIRS[opening]
    inner = text[1:-1]
    return text.endswith(closing) and opening not in inner and closing not in inner
