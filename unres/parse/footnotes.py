"""Footnotes: their definitions among the lines, and their markers in the text.

Definitions come as blocks after a rule, at page breaks in mid-paragraph, at the
end as Markdown ``[^n]:`` lines, or as ``N text`` lines with no rule at all. A
numbered line is a definition only with evidence: the marker is certain (a
canonical mark from ``normalise``), or the number is the next one due and a
marker candidate for it appeared in the body before. A ``[^2321]:`` "definition"
that nothing references, under a footnote that has not ended, is a wrapped line
of that footnote.

Markers: canonical marks are certain. Bare digits ("Treaty4", "1996,1",
"Convention 1 and", "20242" = 2024 + 2, "2016–20302") are markers only when a
footnote with that number exists and the number is the next one due (footnotes
are numbered in reading order); a number in a numbering or quantity context
("article 14", "187 States", "41 of the 44") never is. A bare number with no
footnote behind it, stranded where a page broke ("effect; 2", "consistent 3
with"), is a page number and is removed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal, NamedTuple

import regex

from unres.parse.furniture import strip_inline_furniture
from unres.parse.lines import Line, is_terminated, join_lines, starts_paragraph, with_gap
from unres.parse.marks import FOOTNOTE_MARK, FOOTNOTE_OPEN, RULE
from unres.parse.openers import opener_kind
from unres.parse.paragraphs import is_closing_line
from unres.parse.prefilter import Prefiltered
from unres.parse.repair import WordRepairs, clean_text
from unres.parse.vocab import MONTHS

__all__ = ["FootnoteBlocks", "MarkerReader", "clean_footnote_text", "take_footnote_blocks"]

# --- tokenizer layer -----------------------------------------------------------------
# Patterns are ``regex`` patterns: the word before a marker is found by a reverse search
# (``(?r)``) over Unicode property classes (``\p{..}``), which ``re`` lacks, and the
# module keeps to one engine.

_CANONICAL_LABEL = regex.compile(f"^{FOOTNOTE_MARK.pattern}\\s*(.*)$")
_PLAIN_LABEL = regex.compile(r"^(\d{1,3})\s+(\S.*)$")
# What a closing line opens with: "Adopted ...", "Approved ...", "46th plenary meeting".
_CLOSING_LEADS = frozenset("0123456789A")
_ASTERISK_NOTE = regex.compile(r"^\*{1,3}\s*\S")
# What a definition line opens with, besides a digit.
_LABEL_LEADS = frozenset(FOOTNOTE_OPEN + "*")
_SENTENCE_END = regex.compile(r"[.)] (?=\S)")
_FIRST_WORD = regex.compile(r"[A-Za-z]+")
# A number of up to three digits, or a year with one glued on ("20242"): what a marker
# can stand for.
_MARKER_NUMBER = regex.compile(r"(?<!\d)(?:(?:1[89]|20)\d\d([1-9]\d{0,2})|(\d{1,3}))(?!\d)")
_YEAR_PREFIX = regex.compile(r"(?:1[89]|20)\d\d")

_GLUE_PUNCTUATION = frozenset(".,;:)]”’\"'")
# Digit runs, and canonical marks among them, in text order; markers are printed in ASCII
# digits. The mark alternative needs a mark's opening character: a text without one is
# scanned for digit runs alone.
_DIGITS = regex.compile(r"[0-9]+")
_DIGITS_OR_MARK = Prefiltered(regex.compile(f"{FOOTNOTE_MARK.pattern}|[0-9]+"), FOOTNOTE_OPEN)
# The last word before the end, then maybe its full stop: "([^\W\d_]+)(\.?)\W*$" (those
# classes spelled as Unicode properties), matched backwards from the end.
_WORD_BEFORE = regex.compile(r"(?r)([\p{L}\p{Nl}\p{No}]+)(\.?)[^\p{L}\p{N}_]*?$")
_CERTAIN_MARK = Prefiltered(FOOTNOTE_MARK, FOOTNOTE_OPEN)
_DIGITS_BEFORE = regex.compile(r"(\d+)$")
_WORD_AFTER = regex.compile(r"\s*(\S+)")
_ORDINAL_SUFFIX = regex.compile(r"(?:st|nd|rd|th)\b")

# Words after which a number is the thing numbered, never a footnote.
_NUMBERING_WORDS = frozenset(
    """
    article articles art paragraph paragraphs para paras subparagraph goal goals target
    targets annex annexes resolution resolutions decision decisions chapter chapters chap
    section sections sect part parts vol volume volumes no nos item items principle
    principles rule rules protocol protocols phase level levels page pages p pp session
    step stage category class grade option cluster appendix footnote note notes table
    figure box recommendation recommendations objective objectives indicator indicators
    action actions element elements pillar pillars track module point points
    sdg cop cmp cma group committee add rev corr suppl annexe and or to through
    """.split()
)
# Words after which a number counts something: "by 187 States", "up to 3 in".
_QUANTITY_WORDS = frozenset(
    """
    to than least most about over under some only all the of and or by with for in on at
    from are were is was be been being have has had including among between each every
    first last next within per into nearly almost around approximately up down just
    more less fewer which that these those its their his her our these remaining
    """.split()
)
# Words after which a number is a quantity or part of a date.
_QUANTITY_FOLLOWERS = frozenset(
    """
    of per percent million millions billion billions thousand thousands hundred hundreds
    times years year months month days day hours hour weeks week decades per-cent
    """.split()
) | frozenset(MONTHS)
_STRAY_FOLLOWERS = frozenset("with to in for by on at from into upon".split())
_ABBREVIATIONS = frozenset(
    "add rev corr no nos vol para paras chap sect art p pp suppl sales".split()
)
_MIN_MARKED_WORD = 3
_SPACED_REACH = 2
_MIN_PAGE_NUMBER = 2
_MAX_MARKER_DIGITS = 3
# Definitions a conversion may have dropped before the next one it kept.
_LOST_DEFINITIONS = 2


# --- definitions ---------------------------------------------------------------------


@dataclass(slots=True)
class FootnoteBlocks:
    """The body lines with the definitions taken out, and the definitions' lines."""

    body: list[Line]
    definitions: dict[int, list[str]]


@dataclass(slots=True)
class _Walk:
    """State of one pass over the lines: where footnote blocks begin and end."""

    body: list[Line] = field(default_factory=list)
    definitions: dict[int, list[str]] = field(default_factory=dict)
    # Marker candidates of body[:scanned], gathered only when a plain label needs them.
    scanned: int = 0
    seen_numbers: set[int] = field(default_factory=set)
    highest: int = 0  # the highest footnote number defined so far
    current: int | None = None  # the footnote the next line may continue
    last: int | None = None  # the footnote defined last, which may go on after a rule
    in_zone: bool = False  # after a rule, until the body resumes
    after_rule: bool = False  # right after a rule, before any definition
    removed: bool = False  # lines were taken out since the last body line
    body_unfinished: bool = False  # the last body line stopped in mid-sentence
    # After the meeting or adoption line: in printed volumes the notes follow it, numbered
    # on from the volume's earlier pages ("122 Official Records ...").
    after_closing: bool = False

    def define(self, number: int, text: str) -> str:
        """Start footnote ``number``; returns body text run on after it, if any."""
        text = strip_inline_furniture(text)
        text, resumed = _split_resumed_body(text) if self.body_unfinished else (text, "")
        parts = self.definitions.setdefault(number, [])
        if text:
            parts.append(text)
        self.highest = max(self.highest, number)
        self.current = self.last = number
        self.after_rule = False
        self.removed = True
        return resumed

    def extend(self, number: int, text: str) -> None:
        self.definitions[number].append(strip_inline_furniture(text))
        self.current = self.last = number
        self.removed = True

    def add_body(self, line: Line) -> None:
        self.current = None
        self.in_zone = self.after_rule = False
        self.body.append(with_gap(line, "break") if self.removed else line)
        self.removed = False
        # A sentence cut at a page break ends in a word, not a date or meeting line.
        self.body_unfinished = line.text[-1:].isalpha() and not is_terminated(line.text)

    def has_evidence(self, number: int) -> bool:
        """Whether the body so far holds a marker candidate for ``number``."""
        if self.scanned < len(self.body):
            # One scan over the new lines together: the numbers never span a line end.
            unseen = "\n".join([line.text for line in self.body[self.scanned :]])
            self.seen_numbers.update(_candidate_numbers(unseen))
            self.scanned = len(self.body)
        return number in self.seen_numbers

    def last_text(self) -> str:
        parts = self.definitions.get(self.last, []) if self.last is not None else []
        return parts[-1] if parts else ""


def take_footnote_blocks(lines: list[Line]) -> FootnoteBlocks:
    walk = _Walk()
    for line in lines:
        lead = line.text[:1]
        if line.text == RULE:
            walk.in_zone = walk.after_rule = walk.removed = True
            walk.current = None
            continue
        if not walk.after_closing and lead in _CLOSING_LEADS and is_closing_line(line.text):
            walk.after_closing = True
        if not (
            walk.current is not None or walk.after_rule or lead in _LABEL_LEADS or lead.isdecimal()
        ):
            # Outside a footnote block, a line that cannot open a note: most of them.
            walk.add_body(line)
            continue
        taken, resumed = _take_definition_line(walk, line)
        if not taken:
            walk.add_body(line)
        elif resumed:
            walk.add_body(Line(resumed, "break"))
    return FootnoteBlocks(walk.body, walk.definitions)


def _take_definition_line(walk: _Walk, line: Line) -> tuple[bool, str]:
    """Whether ``line`` belongs to a footnote, and body text run on after it."""
    text = line.text
    lead = text[:1]
    canonical = _CANONICAL_LABEL.match(text) if lead == FOOTNOTE_OPEN else None
    if canonical:
        number, rest = int(canonical.group(1)), canonical.group(2)
        if rest[:1].islower():
            return False, ""
        if walk.last is not None and _is_wrapped_line_of_last(walk, number):
            walk.extend(walk.last, f"{number} {rest}")
            return True, ""
        return True, walk.define(number, rest)
    plain = _PLAIN_LABEL.match(text) if lead.isdecimal() else None
    if plain and _is_plain_definition(walk, int(plain.group(1)), plain.group(2)):
        return True, walk.define(int(plain.group(1)), plain.group(2))
    if walk.in_zone and lead == "*" and _ASTERISK_NOTE.match(text):
        walk.current, walk.removed = None, True
        return True, ""
    return _take_continuation(walk, line), ""


def _is_wrapped_line_of_last(walk: _Walk, number: int) -> bool:
    """``[^2321]: (2016) and ...``: a number nothing cites, under an unfinished footnote."""
    plausible = number == walk.highest + 1 or walk.has_evidence(number)
    return not plausible and not _is_finished(walk.last_text())


def _is_plain_definition(walk: _Walk, number: int, rest: str) -> bool:
    if number <= walk.highest or not _looks_like_footnote(rest):
        return False
    if not walk.has_evidence(number):
        return number == walk.highest + 1 and walk.in_zone
    return number <= walk.highest + 1 + _LOST_DEFINITIONS or walk.in_zone or walk.after_closing


def _looks_like_footnote(rest: str) -> bool:
    first = _FIRST_WORD.match(rest)
    if rest[:1].islower() or (first is not None and first.group().lower() in MONTHS):
        return False
    return opener_kind(rest) != "operative"


def _take_continuation(walk: _Walk, line: Line) -> bool:
    if walk.current is not None:
        finished = _is_finished(walk.last_text())
        # After a finished footnote, a paragraph opening or the rest of an unfinished
        # body sentence ends the block even without a blank line.
        resumes_body = finished and (walk.body_unfinished or starts_paragraph(line.text))
        if line.gap == "none" and not resumes_body:
            walk.extend(walk.current, line.text)
            return True
        # Across a blank line only an unfinished footnote goes on, and not when the body
        # sentence the block interrupted is still waiting for its end.
        resumable = not finished and not walk.body_unfinished
        if line.gap == "blank" and resumable and not starts_paragraph(line.text):
            walk.extend(walk.current, line.text)
            return True
        return False
    # A footnote carried over from the previous page opens the next page's block.
    carried_over = walk.after_rule and walk.last is not None and not _is_finished(walk.last_text())
    if carried_over and walk.last is not None and not starts_paragraph(line.text):
        walk.extend(walk.last, line.text)
        return True
    return False


def _split_resumed_body(text: str) -> tuple[str, str]:
    """``Resolution 55/2. 24 April 2009, and ...``: a one-line footnote, then the body
    sentence it interrupted, when lines were lost."""
    for match in _SENTENCE_END.finditer(text):
        word = _WORD_BEFORE.search(text, max(0, match.start() - 12), match.start() + 1)
        if word is not None and word.group(1).lower() in _ABBREVIATIONS:
            continue
        rest = text[match.end() :]
        # A capital may open the footnote's next sentence; a marker shows body text.
        if rest[:1].islower() or rest[:1].isdigit() or FOOTNOTE_OPEN in rest:
            return text[: match.start() + 1], rest
    return text, ""


def _is_finished(text: str) -> bool:
    text = text.rstrip()
    if not text.endswith((".", ".)", ".\u201d", '."')):
        return False
    word = _WORD_BEFORE.search(text, max(0, len(text) - 12))
    return word is None or word.group(1).lower() not in _ABBREVIATIONS


def _candidate_numbers(text: str) -> set[int]:
    """Every number a marker in ``text`` could stand for (a superset, cheap to get)."""
    return {int(glued or short) for glued, short in _MARKER_NUMBER.findall(text)}


def clean_footnote_text(parts: list[str], repairs: WordRepairs | None = None) -> str:
    return clean_text(strip_inline_furniture(join_lines(parts)), repairs)


# --- markers -------------------------------------------------------------------------


class _Candidate(NamedTuple):
    """Digits that may be a footnote marker; ``start:end`` is what goes if it is one."""

    kind: Literal["mark", "year", "word", "punct", "before", "spaced"]
    start: int
    end: int
    number: int


def _candidates(text: str, defined: set[int]) -> Iterator[_Candidate]:
    """Marker candidates; glued digits only when a footnote with their number exists
    (spaced ones may also be stray page numbers)."""
    runs = _DIGITS_OR_MARK.pattern if _DIGITS_OR_MARK.holds(text) else _DIGITS
    for match in runs.finditer(text):
        start, end = match.span()
        if match.lastindex:
            yield _Candidate("mark", start, end, int(match.group(1)))
            continue
        digits = match.group()
        before, after = text[start - 1 : start], text[end : end + 2]
        if after[:1] == "/" or (after[:1] in ".," and after[1:2].isdigit()):
            continue
        if len(digits) > _MAX_MARKER_DIGITS:
            # "20242": a year with the marker glued on; "2016–20302" a range's end.
            year_then_marker = 4 < len(digits) <= _MAX_MARKER_DIGITS + 4 and _YEAR_PREFIX.match(
                digits
            )
            if year_then_marker and digits[4] != "0" and before not in ("/", ".", ","):
                number = int(digits[4:])
                if number in defined:
                    yield _Candidate("year", start + 4, end, number)
            continue
        if digits[0] == "0" or not before:
            continue
        number = int(digits)
        if before == " " and (not after or after[0].isspace()):
            spaces = start
            while spaces > 0 and text[spaces - 1] == " ":
                spaces -= 1
            if spaces > 0:
                yield _Candidate("spaced", spaces, end, number)
        elif number not in defined:
            continue
        elif before.isalpha():
            yield _Candidate("word", start, end, number)
        elif before in _GLUE_PUNCTUATION:
            yield _Candidate("punct", start, end, number)
        elif before == " " and after.isalpha() and after.islower():
            yield _Candidate("before", start, end, number)


class MarkerReader:
    """Reads footnote markers out of texts given in reading order.

    Keeps the order state: which footnotes were referenced, which one is due next.
    """

    def __init__(self, defined: set[int]) -> None:
        self._pending = sorted(defined)
        self._defined = defined
        self.referenced: set[int] = set()
        self.undefined: set[int] = set()

    def take_certain_marks(self, text: str) -> str:
        """``text`` without its canonical marks, which count as references (a header's)."""
        return _CERTAIN_MARK.sub(self._take_certain_mark, text)

    def _take_certain_mark(self, mark: re.Match[str]) -> str:
        self._reference(int(mark.group(1)))
        return ""

    def read(self, text: str) -> tuple[str, list[int]]:
        """``text`` without its markers and stray page numbers; the markers' numbers."""
        numbers: list[int] = []
        pieces: list[str] = []
        position = 0
        for candidate in _candidates(text, self._defined):
            verdict = self._judge(text, candidate)
            if verdict is False:
                continue
            pieces.append(text[position : candidate.start])
            position = candidate.end
            if verdict is True:
                self._reference(candidate.number)
                if candidate.number not in numbers:
                    numbers.append(candidate.number)
        if not pieces:
            return text, numbers
        pieces.append(text[position:])
        return "".join(pieces), numbers

    def _due(self) -> int | None:
        while self._pending and self._pending[0] in self.referenced:
            self._pending.pop(0)
        return self._pending[0] if self._pending else None

    def _reference(self, number: int) -> None:
        self.referenced.add(number)
        if number not in self._defined:
            self.undefined.add(number)

    def _judge(self, text: str, candidate: _Candidate) -> bool | None:
        """True: a marker; None: a stray page number, removed too; False: text."""
        if candidate.kind == "mark":
            return True
        if candidate.kind == "spaced":
            return self._judge_spaced(text, candidate)
        if candidate.number not in self._defined or not _glue_allows(text, candidate):
            return False
        number, due = candidate.number, self._due()
        if number == due:
            return True
        fresh = due is not None and due <= number <= due + _SPACED_REACH
        return candidate.kind != "year" and (fresh or number in self.referenced)

    def _judge_spaced(self, text: str, candidate: _Candidate) -> bool | None:
        mark = text[candidate.start - 1]
        after_punctuation = mark in _GLUE_PUNCTUATION
        if not (after_punctuation or mark.isalpha()):
            return False
        after = _WORD_AFTER.match(text, candidate.end)
        next_word = after.group(1).lower().strip(".,;:") if after else ""
        if next_word in _QUANTITY_FOLLOWERS or (next_word and next_word[0] in "0123456789-–/%"):
            return False
        # The word before counts only after a word: "article 14", "by 187 States".
        previous_word = ""
        if not after_punctuation:
            previous = _WORD_BEFORE.search(text, max(0, candidate.start - 40), candidate.start)
            previous_word = previous.group(1).lower() if previous else ""
            if previous_word in _NUMBERING_WORDS:
                return False
        number = candidate.number
        if number in self._defined:
            due = self._due()
            close = due is not None and due < number <= due + _SPACED_REACH and after_punctuation
            return number == due or close
        if number < _MIN_PAGE_NUMBER:
            return False
        at_end = not next_word and after_punctuation
        stranded = (
            not after_punctuation
            and previous_word not in _QUANTITY_WORDS
            and next_word in _STRAY_FOLLOWERS
        )
        return None if at_end or stranded else False


def _glue_allows(text: str, candidate: _Candidate) -> bool:
    if candidate.kind == "word":
        word = _WORD_BEFORE.search(text, max(0, candidate.start - 40), candidate.start)
        return bool(word and len(word.group(1)) >= _MIN_MARKED_WORD and word.group(1)[-1].islower())
    if candidate.kind == "punct":
        return _punctuation_allows(text, candidate.start)
    if candidate.kind == "before":
        return _ORDINAL_SUFFIX.match(text, candidate.end) is None
    return True


def _punctuation_allows(text: str, start: int) -> bool:
    mark = text[start - 1]
    if mark == ".":
        word = _WORD_BEFORE.search(text, max(0, start - 40), start)
        if word is None or word.group(1).lower() in _ABBREVIATIONS:
            return False
        return len(word.group(1)) >= _MIN_MARKED_WORD and word.group(1)[-1].islower()
    if mark == ",":
        digits = _DIGITS_BEFORE.search(text, max(0, start - 9), start - 1)
        return digits is None or len(digits.group(1)) == 4
    return True
