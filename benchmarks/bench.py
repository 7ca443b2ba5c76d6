"""``make bench``: parsing and build throughput, and memory, on a generated corpus.

The corpus is made by varying the real resolutions in ``raw/``, so the parser meets
the converters' artifacts it meets in production, at production sizes: each generated
document takes one real resolution, gives it another session and number (consistent
across symbol, title line, session line, report symbols and running headers), moves
the dates by as many years, re-dates and shuffles the paragraphs that carry no
footnote (preambular ones among themselves, operative ones among themselves, then
renumbered), rewrites the footnote markers in another style and inserts page breaks
(running header, "3/7" page number, job number) in the middle of paragraphs.

Then it measures, in this order: the parsing core alone in this process (docs/s per
core), a full ``unres build`` as a subprocess (docs/s, peak RSS of its process tree),
an incremental build after one input changed (wall time), and the PDF path on the
real official PDFs of the shared bulk corpus (``ga-pdf``): each PDF extracted, with
its layout, and parsed, as a build's worker does it without a cached extraction
(docs per CPU second of this process). The last line printed is machine-readable::

    bench n_docs=... parse_docs_per_s_per_core=... build_docs_per_s=... peak_rss_mb=...
    incremental_s=... pdf_docs_per_s_per_core=...

(on one line).
"""

from __future__ import annotations

import argparse
import calendar
import datetime as dt
import itertools
import math
import os
import random
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from tests.eval.eval_bulk import default_bulk
from unres.parse import parse_text
from unres.parse.dates import MONTH_NAME, find_dates
from unres.parse.furniture import BARCODE, JOB_NUMBER
from unres.parse.header_grammar import (
    ENACTING_FORMULA,
    NUMBER_BEFORE_TITLE,
    ORDINAL_IN_WORDS,
    ORDINAL_WORD_DASH,
    WHITESPACE,
)
from unres.parse.marks import EMPHASIS_CLOSE, FOOTNOTE_MARK, FOOTNOTE_OPEN, RULE
from unres.parse.normalise import SUP_NUMBER, SUPERSCRIPT_DIGITS, UNICODE_MARKER, normalise
from unres.parse.paragraphs import ANNEX_HEADING, is_closing_line
from unres.parse.vocab import MONTHS, ORDINAL_WORDS

FILES_PER_FOLDER = 1000
PARSE_SAMPLE = 5000
RSS_SAMPLE_SECONDS = 0.2
BENCH_ROOT = Path("bench")

# ---------------------------------------------------------------------------------------
# Patterns. What a resolution is made of (its number before the title, the enacting
# formula, the meeting line, dates, session ordinals, job numbers, barcodes, footnote
# markers) is read with the parser's own patterns and words, so the generator varies
# what the parser reads. The parser reads normalised text, though, where ``normalise``
# has taken out the Markdown of a line's edges and unwrapped bold paragraph numbers;
# the generator rewrites the raw text, so it allows for that markup itself, and keeps
# the few patterns of its own trade (how it cuts blocks to move, when a paragraph is
# complete) below. Every pattern is compiled once.

# Markdown or spaces a raw line may open or end with ("## ", "*", "**").
LINE_MARKUP = "#*_ \t"
_LINE_MARKUP = f"[{LINE_MARKUP}]*"
_MONTH = "|".join(MONTHS)
_SPACE = r"[ \t\u00a0]"

# The resolution's own number opening its title line: "75/180.", "## 80/5.", "49/12.Work".
OWN_NUMBER = re.compile(rf"^{_LINE_MARKUP}(?:{NUMBER_BEFORE_TITLE.pattern.pattern})", re.MULTILINE)
# The lead-in line that the first paragraph follows: "## The General Assembly,".
ENACTING_LINE = re.compile(
    rf"{_LINE_MARKUP}(?:{ENACTING_FORMULA.pattern.pattern}){_LINE_MARKUP}\Z",
    ENACTING_FORMULA.pattern.flags,
)
# An operative number opening a line ("12. ", "**3.**", "1. " alone on its line). The
# parser's ``lines.PARAGRAPH_NUMBER`` reads one after ``normalise`` has unwrapped its
# bold into marks; here the bold is still raw and kept when the number is rewritten.
OPERATIVE_LINE = re.compile(r"^([ \t]*(?:\*\*)?)(\d{1,3})(?=\.(?:\*\*)?(?:[ \t]|$))", re.MULTILINE)
# How the generator cuts a text into the blocks it moves; the parser has no such unit.
# Blocks are separated by blank lines (converters leave spaces on them); an operative
# number at the start of a line also opens a block, for texts with no blank lines.
BLOCK_SEPARATOR = re.compile(
    rf"(\n(?:{_SPACE}*\n)+|\n(?=[ \t]*(?:\*\*)?\d{{1,3}}\.(?:\*\*)?[ \t]))"
)
# A block that can open a paragraph: a capital, maybe behind emphasis or a quote mark.
# (The parser's ``lines.starts_paragraph`` asks a normalised line for more, a number or
# an opening verb; here an unfinished paragraph before the block tells it apart.)
PARAGRAPH_OPENER = re.compile(r"[ \t]*[*_“\"]*[A-Z]")
# Footnotes. A marker or a definition in a form that leaves no doubt ("<sup>1</sup>",
# "¹", "$^1$", "[^2]:") and a rule ("____") are what ``normalise`` turns into its marks;
# bare digits the parser judges with evidence from the whole text (``footnotes``), which
# the generator, cutting blocks, does without: it takes a bare label at a block's start
# ("1 A/50/426", "1/ A/49/48", not "24 April 2009, ...": a continuation), and digits
# glued to a word or a comma ("peace,1", "Treaty4 ") as a marker.
BARE_FOOTNOTE_LABEL = re.compile(rf"[ \t]*\d{{1,3}}/?[ \t]+(?!(?:{_MONTH})\b)", re.I)
BARE_FOOTNOTE_MARKER = re.compile(r"[A-Za-z)\u201d\u2019,;]\d{1,2}(?=[\s,;.]|$)")
# A paragraph's normalised last line ends with punctuation, maybe followed by a footnote
# marker (not a colon: what follows a colon belongs to the paragraph).
PARAGRAPH_END = re.compile(
    rf"[,;.][)\u201d\u2019\"*_{EMPHASIS_CLOSE}]*"
    rf"(?:[ ]?(?:{FOOTNOTE_MARK.pattern}|\d{{1,3}}/?))?[*_{EMPHASIS_CLOSE}]*$"
)
# Markers this generator knows how to rewrite unambiguously: "<sup>3</sup>", "³".
REWRITABLE_MARKER = re.compile(
    rf"({SUP_NUMBER.pattern.pattern})|({UNICODE_MARKER.pattern.pattern})"
)
# ISO dates occur only in wrapper metadata (front matter), which the parser leaves out
# (see ``dates``); the generator moves them with the document's other dates.
ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
SESSION_ORDINAL = re.compile(rf"\b({ORDINAL_IN_WORDS})(?=\s+session\b)", re.I)
# A job number and a barcode anywhere in the text. The parser reads a job number only
# as a whole furniture line or before "(E)", so it needs no bounds; here it does.
JOB_NUMBER_IN_TEXT = re.compile(rf"(?<![\d/.-])(?:{JOB_NUMBER})(?![\d-])")
BARCODE_IN_TEXT = re.compile(BARCODE)
# The year at the end of a date's raw span ("2020", broken "19 98").
_YEAR_AT_END = re.compile(r"\d\d ?\d\d\Z")
_DAY = re.compile(r"\d+")

# ---------------------------------------------------------------------------------------
# Source resolutions, cut once into a head, paragraph units and a tail, each tokenized
# into literal text and the slots a variant rewrites (own number, session, dates, ...).

UnitKind = Literal["preambular", "operative", "fixed"]
SlotKind = Literal[
    "own_number", "session_prefix", "ordinal", "job", "barcode", "date", "iso_date",
    "marker", "operative",
]  # fmt: skip
MarkerStyle = Literal["sup", "escaped_sup", "unicode", "bare", "latex"]
PageStyle = Literal["pdf", "markdown", "job_barcode", "short_header"]
MARKER_STYLES: tuple[MarkerStyle, ...] = ("sup", "escaped_sup", "unicode", "bare", "latex")
PAGE_STYLES: tuple[PageStyle, ...] = ("pdf", "markdown", "job_barcode", "short_header")
# A page of a UN resolution holds about this many characters of text.
CHARS_PER_PAGE = 3500
MIN_SPLIT_PARAGRAPH = 300
PAGE_BREAK_PROBABILITY = 0.8
MARKER_RESTYLE_PROBABILITY = 0.8
SESSIONS = range(45, 81)
NUMBERS = range(1, 331)
_WORD_OF_ORDINAL = {number: word for word, number in ORDINAL_WORDS.items()}
_MONTH_NAMES = tuple(MONTHS)
_FROM_SUPERSCRIPT = str.maketrans(SUPERSCRIPT_DIGITS, "0123456789")
_TO_SUPERSCRIPT = str.maketrans("0123456789", SUPERSCRIPT_DIGITS)


@dataclass(frozen=True, slots=True)
class Slot:
    kind: SlotKind
    groups: tuple[str, ...]  # the match's groups, or the whole match when it has none


Piece = tuple[str | Slot, ...]
# Where a slot's text starts and ends, and its groups.
Found = tuple[int, int, tuple[str, ...]]
Scanner = tuple[SlotKind, Callable[[str], Iterable[Found]]]


@dataclass(frozen=True, slots=True)
class Unit:
    """A paragraph with what the page layout glued to it (footnote blocks, continuations)."""

    kind: UnitKind
    movable: bool
    piece: Piece


@dataclass(frozen=True, slots=True)
class SourceTemplate:
    name: str
    suffix: str
    session: int
    title: str
    head: Piece  # up to the first paragraph, with the separator after it
    units: tuple[Unit, ...]
    gaps: tuple[str, ...]  # the separators between consecutive units
    tail: Piece  # from the separator before the closing (meeting line, annex, footnotes)


@dataclass(frozen=True, slots=True)
class Variant:
    text: str
    session: int
    number: int

    @property
    def symbol(self) -> str:
        return f"A/RES/{self.session}/{self.number}"


def load_templates(source_dir: Path) -> list[SourceTemplate]:
    """The resolutions under ``source_dir`` that can be varied, in name order.

    A resolution file names itself on a title line ("75/180. Title") and has at least
    one numbered operative paragraph after it; excerpts, single paragraphs and
    cablegrams are left out.
    """
    templates = []
    for path in sorted(source_dir.iterdir()):
        if path.suffix not in {".txt", ".md"} or not path.is_file():
            continue
        template = cut_template(path.name, path.read_text(encoding="utf-8"))
        if template is not None:
            templates.append(template)
    return templates


def cut_template(name: str, text: str) -> SourceTemplate | None:
    text = text.replace("\r\n", "\n")
    # A number with a session to move: not "192 (III)." nor "ES-10/21.".
    own = next((m for m in OWN_NUMBER.finditer(text) if (m["session"] or "").isdigit()), None)
    if own is None or OPERATIVE_LINE.search(text, own.end()) is None:
        return None
    session, number = int(own["session"]), int(own["serial"])
    line_end = text.find("\n", own.end())
    title_line = text[own.end() : line_end if line_end >= 0 else len(text)]
    parts = BLOCK_SEPARATOR.split(text)
    blocks, separators = parts[0::2], parts[1::2]
    start = _body_start(parts, after=own.end())
    end = next((i for i in range(start, len(blocks)) if _closes(blocks[i])), len(blocks))
    scanners = _scanners(session, number)
    units: list[Unit] = []
    gaps: list[str] = []
    head, tail = text, ""
    if start < end:
        head, tail = "".join(parts[: 2 * start]), "".join(parts[2 * end - 1 :])
        units, gaps = _cut_units(blocks[start:end], separators[start : end - 1], scanners)
    return SourceTemplate(
        name=name,
        suffix=Path(name).suffix,
        session=session,
        title=title_line.strip(LINE_MARKUP),
        head=tokenize(head, scanners),
        units=tuple(units),
        gaps=tuple(gaps),
        tail=tokenize(tail, scanners),
    )


def _body_start(parts: Sequence[str], *, after: int) -> int:
    """Index of the block that follows a block ending with "The General Assembly,".

    ``parts`` alternates blocks and separators; only blocks that end past ``after``
    (the title line) count. With no such block, there is no body: len(blocks).
    """
    offset = 0
    for i, part in enumerate(parts):
        offset += len(part)
        if i % 2 == 0 and offset > after and ENACTING_LINE.match(part.rsplit("\n", 1)[-1]):
            return i // 2 + 1
    return (len(parts) + 1) // 2


def _closes(block: str) -> bool:
    """Whether ``block`` ends the resolution's own text: its meeting line, an annex."""
    first_line = block.split("\n", 1)[0].strip(LINE_MARKUP)
    return is_closing_line(first_line) or ANNEX_HEADING.match(first_line) is not None


def _join(blocks: Sequence[str], separators: Sequence[str]) -> str:
    pieces = [blocks[0]] if blocks else []
    for separator, block in zip(separators, blocks[1:], strict=False):
        pieces += [separator, block]
    return "".join(pieces)


def _cut_units(
    blocks: Sequence[str], separators: Sequence[str], scanners: Sequence[Scanner]
) -> tuple[list[Unit], list[str]]:
    """Group body blocks into paragraph units.

    A block opens a new unit only when the paragraph before it is complete (ends with
    punctuation); footnote blocks and continuations after a page break stay with the
    paragraph they interrupt, so moving a unit never splits a paragraph. Operative
    paragraphs move only when the body numbers them 1..n, so they can be renumbered.
    """
    groups: list[tuple[UnitKind, list[int]]] = []
    paragraph_open = seen_operative = False
    normalised = [normalise(block) for block in blocks]
    footnote_blocks = [
        text[:1] in (FOOTNOTE_OPEN, RULE) or BARE_FOOTNOTE_LABEL.match(block) is not None
        for block, text in zip(blocks, normalised, strict=True)
    ]
    for i, block in enumerate(blocks):
        is_footnote = footnote_blocks[i]
        is_operative = OPERATIVE_LINE.match(block) is not None
        opens = is_operative or (PARAGRAPH_OPENER.match(block) is not None and not is_footnote)
        seen_operative = seen_operative or is_operative
        if not groups or (opens and not paragraph_open):
            kind: UnitKind = "operative" if is_operative else "fixed"
            groups.append((kind if seen_operative else "preambular", [i]))
        else:
            groups[-1][1].append(i)
        if not is_footnote or len(groups[-1][1]) == 1:
            paragraph_open = PARAGRAPH_END.search(normalised[i]) is None
    numbers = [int(m.group(2)) for block in blocks for m in OPERATIVE_LINE.finditer(block)]
    renumberable = numbers == list(range(1, len(numbers) + 1))
    if renumberable:
        scanners = (*scanners, ("operative", _matches(OPERATIVE_LINE)))
    units = [
        _unit(
            blocks,
            separators,
            kind,
            group,
            renumberable=renumberable,
            scanners=scanners,
            has_footnote_block=any(footnote_blocks[i] for i in group[1:]),
        )
        for kind, group in groups
    ]
    gaps = [separators[group[0] - 1] for _, group in groups[1:]]
    return units, gaps


def _unit(
    blocks: Sequence[str],
    separators: Sequence[str],
    kind: UnitKind,
    group: Sequence[int],
    *,
    renumberable: bool,
    scanners: Sequence[Scanner],
    has_footnote_block: bool,
) -> Unit:
    first, last = group[0], group[-1]
    text = _join(blocks[first : last + 1], separators[first:last])
    carries_footnote = (
        has_footnote_block
        or FOOTNOTE_OPEN in normalise(text)
        or BARE_FOOTNOTE_MARKER.search(text) is not None
    )
    operative_lines = len(OPERATIVE_LINE.findall(text))
    movable = (kind == "preambular" and operative_lines == 0) or (
        kind == "operative" and renumberable and operative_lines == 1
    )
    return Unit(kind, movable and not carries_footnote, tokenize(text, scanners))


def _scanners(session: int, number: int) -> tuple[Scanner, ...]:
    return (
        ("own_number", _matches(re.compile(rf"(?<!\d){session}/{number}(?!\d)"))),
        ("session_prefix", _matches(re.compile(rf"(?<=\bA/){session}(?=/)"))),
        ("ordinal", _matches(SESSION_ORDINAL)),
        ("job", _matches(JOB_NUMBER_IN_TEXT)),
        ("barcode", _matches(BARCODE_IN_TEXT)),
        ("date", _dates),
        ("iso_date", _matches(ISO_DATE)),
        ("marker", _matches(REWRITABLE_MARKER)),
    )


def _matches(pattern: re.Pattern[str]) -> Callable[[str], Iterator[Found]]:
    def scan(text: str) -> Iterator[Found]:
        for m in pattern.finditer(text):
            yield m.start(), m.end(), m.groups() or (m.group(),)

    return scan


def _dates(text: str) -> Iterator[Found]:
    """The parser's full dates, as their raw span and the date they read as."""
    position = 0
    for date, span in find_dates(text):
        start = text.index(span, position)
        position = start + len(span)
        yield start, position, (span, date.isoformat())


def tokenize(text: str, scanners: Sequence[Scanner]) -> Piece:
    """``text`` as literal strings and slots; of overlapping matches the first one wins."""
    found = sorted(
        (start, -end, kind, groups) for kind, scan in scanners for start, end, groups in scan(text)
    )
    piece: list[str | Slot] = []
    position = 0
    for start, negative_end, kind, groups in found:
        if start < position:
            continue
        piece += [text[position:start], Slot(kind, groups)]
        position = -negative_end
    piece.append(text[position:])
    return tuple(p for p in piece if p != "")


# ---------------------------------------------------------------------------------------
# Variation of one template into one new document.


class Renderer:
    """Fills a template's slots for one new document: its identity, dates and markers."""

    def __init__(self, template: SourceTemplate, rng: random.Random) -> None:
        self.rng = rng
        self.session = rng.choice(SESSIONS)
        self.number = rng.choice(NUMBERS)
        self.years = self.session - template.session
        self.job = f"{(1945 + self.session) % 100:02d}-{rng.randrange(100_000):05d}"
        restyle = rng.random() < MARKER_RESTYLE_PROBABILITY
        self.marker_style: MarkerStyle | None = rng.choice(MARKER_STYLES) if restyle else None
        self.operative_numbers = itertools.count(1)

    def render(self, piece: Piece, *, redate: bool) -> str:
        return "".join(p if isinstance(p, str) else self._slot(p, redate=redate) for p in piece)

    def _slot(self, slot: Slot, *, redate: bool) -> str:
        groups = slot.groups
        if slot.kind == "own_number":
            return f"{self.session}/{self.number}"
        if slot.kind == "session_prefix":
            return str(self.session)
        if slot.kind == "ordinal":
            word_key = ORDINAL_WORD_DASH.sub("-", WHITESPACE.sub(" ", groups[0].lower()))
            shifted = ORDINAL_WORDS[word_key] + self.years
            word = _WORD_OF_ORDINAL.get(shifted)
            return groups[0] if word is None else _same_case(word, groups[0])
        if slot.kind == "job":  # "20-17700", "20-17700 (E)", "GE.16-06573(E)"
            digits_at = groups[0].index("-") - 2
            return groups[0][:digits_at] + self.job + groups[0][digits_at + len(self.job) :]
        if slot.kind == "barcode":
            return f"*{self.job.replace('-', '')}*"
        if slot.kind == "date":
            return self._random_date(groups) if redate else self._shifted_date(groups)
        if slot.kind == "iso_date":
            year, month = int(groups[0]) + self.years, int(groups[1])
            day = min(int(groups[2]), calendar.monthrange(year, month)[1]) if month else 1
            return f"{year:04d}-{groups[1]}-{day:02d}"
        if slot.kind == "marker":
            digits = groups[1] or groups[2].translate(_FROM_SUPERSCRIPT)
            raw = groups[0] or groups[2]
            return raw if self.marker_style is None else render_marker(digits, self.marker_style)
        return f"{groups[0]}{next(self.operative_numbers)}"

    def _shifted_date(self, groups: tuple[str, ...]) -> str:
        """The date moved by the session's years: header and meeting line stay consistent."""
        span, iso = groups
        date = dt.date.fromisoformat(iso)
        year = date.year + self.years
        day = min(date.day, calendar.monthrange(year, date.month)[1])
        return _redated(span, day, None, year)

    def _random_date(self, groups: tuple[str, ...]) -> str:
        """A new day and month in the year moved by the session's years."""
        span, iso = groups
        year = dt.date.fromisoformat(iso).year + self.years
        month = self.rng.randint(1, 12)
        day = self.rng.randint(1, calendar.monthrange(year, month)[1])
        return _redated(span, day, month, year)


def _redated(span: str, day: int, month: int | None, year: int) -> str:
    """A date's raw ``span`` with its day, year and (unless None) month replaced; its
    spacing, punctuation and case kept. The day is the span's first number, in both
    "16 December 2020" and "November 9, 1994"."""
    text = _DAY.sub(str(day), _YEAR_AT_END.sub(str(year), span), count=1)
    if month is None:
        return text
    name = _MONTH_NAMES[month - 1]
    return MONTH_NAME.sub(lambda found: _same_case(name, found.group()), text, count=1)


def make_variant(template: SourceTemplate, rng: random.Random) -> Variant:
    renderer = Renderer(template, rng)
    units = _shuffle_units(template.units, rng)
    body = [renderer.render(u.piece, redate=True) for u in units]
    if body and rng.random() < PAGE_BREAK_PROBABILITY:
        symbol = f"A/RES/{renderer.session}/{renderer.number}"
        tail_length = sum(len(p) for p in template.tail if isinstance(p, str))
        pages = _PageSetting(rng.choice(PAGE_STYLES), symbol, template.title, renderer.job)
        body = _insert_page_breaks(body, rng, pages, tail_length)
    text = (
        renderer.render(template.head, redate=False)
        + _join(body, template.gaps)
        + renderer.render(template.tail, redate=False)
    )
    return Variant(text=text, session=renderer.session, number=renderer.number)


def _shuffle_units(units: Sequence[Unit], rng: random.Random) -> list[Unit]:
    """Permute the movable units among the slots of their own kind; the others stay put."""
    shuffled = list(units)
    for kind in ("preambular", "operative"):
        slots = [i for i, u in enumerate(units) if u.kind == kind and u.movable]
        moved = [units[i] for i in slots]
        rng.shuffle(moved)
        for slot, unit in zip(slots, moved, strict=True):
            shuffled[slot] = unit
    return shuffled


def _same_case(word: str, like: str) -> str:
    if like.isupper():
        return word.upper()
    return word[:1].upper() + word[1:] if like[:1].isupper() else word


@dataclass(frozen=True, slots=True)
class _PageSetting:
    style: PageStyle
    symbol: str
    title: str
    job: str


def _insert_page_breaks(
    body: Sequence[str], rng: random.Random, setting: _PageSetting, tail_length: int
) -> list[str]:
    """Page furniture in the middle of long paragraphs, as a PDF conversion leaves it.

    Only a paragraph's own first block is split, never the footnotes glued to it.
    """
    first_blocks = [_first_block_length(text) for text in body]
    candidates = [i for i, n in enumerate(first_blocks) if n >= MIN_SPLIT_PARAGRAPH]
    length = sum(map(len, body))
    breaks = sorted(rng.sample(candidates, min(len(candidates), length // CHARS_PER_PAGE + 1)))
    pages = len(breaks) + 1 + tail_length // CHARS_PER_PAGE
    broken = list(body)
    for page, i in enumerate(breaks, start=2):
        text, end = broken[i], first_blocks[i]
        split = text.find(" ", rng.randint(end // 3, 2 * end // 3), end)
        if split < 0:
            continue
        furniture = page_furniture(
            setting.style, page, pages, setting.symbol, setting.title, setting.job
        )
        broken[i] = f"{text[:split]}\n\n{furniture}\n\n{text[split + 1 :]}"
    return broken


def _first_block_length(text: str) -> int:
    separator = BLOCK_SEPARATOR.search(text)
    return separator.start() if separator else len(text)


def page_furniture(
    style: PageStyle, page: int, pages: int, symbol: str, title: str, job: str
) -> str:
    """The running header, page number and job number between two pages.

    Even pages print the symbol first, odd pages the title first, as the UN layout does.
    """
    folio = f"{page}/{pages}"
    even = page % 2 == 0
    if style == "pdf":
        lines = [symbol, title, "", job, folio] if even else [title, symbol, "", folio, job]
    elif style == "markdown":
        header = f"**{symbol}** {title}" if even else f"{title} **{symbol}**"
        lines = [header, "", f"**{folio}**"]
    elif style == "job_barcode":
        lines = [folio, "", f"{job} (E)", "", f"*{job.replace('-', '')}*", "", symbol]
    else:
        short_title = " ".join(title.split()[:5])
        lines = [f"{symbol} {short_title}" if even else f"{short_title} {symbol}", folio]
    return "\n".join(lines)


def render_marker(digits: str, style: MarkerStyle) -> str:
    """Footnote ``digits`` as a marker (or a footnote's label) in ``style``."""
    if style == "sup":
        return f"<sup>{digits}</sup>"
    if style == "escaped_sup":
        return f"&lt;sup&gt;{digits}&lt;/sup&gt;"
    if style == "unicode":
        return digits.translate(_TO_SUPERSCRIPT)
    if style == "latex":
        return f"$^{{{digits}}}$"
    return digits


# ---------------------------------------------------------------------------------------
# The corpus.


def generate_corpus(
    source_dir: Path,
    target: Path,
    n: int,
    seed: int,
    *,
    files_per_folder: int = FILES_PER_FOLDER,
    progress: Callable[[int], None] | None = None,
) -> list[Path]:
    """Write ``n`` documents varied from the resolutions in ``source_dir`` under ``target``.

    Document ``i`` depends only on ``seed`` and ``i``; files are spread over numbered
    folders of ``files_per_folder``. ``progress`` is called with the count written.
    """
    templates = load_templates(source_dir)
    if not templates:
        raise ValueError(f"no resolution texts to vary under {source_dir}")
    paths = []
    for index in range(n):
        template, variant = _document(templates, seed, index)
        folder = target / f"{index // files_per_folder:04d}"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{index:07d}_A_RES_{variant.session}_{variant.number}{template.suffix}"
        path.write_text(variant.text, encoding="utf-8")
        paths.append(path)
        if progress is not None:
            progress(index + 1)
    return paths


def _document(
    templates: Sequence[SourceTemplate], seed: int, index: int
) -> tuple[SourceTemplate, Variant]:
    rng = random.Random(f"{seed}:{index}")
    template = rng.choice(templates)
    return template, make_variant(template, rng)


# ---------------------------------------------------------------------------------------
# Measurements.


@dataclass(frozen=True, slots=True)
class ParseRun:
    documents: int
    seconds: float
    errors: Counter[str]

    @property
    def docs_per_s(self) -> float:
        return self.documents / self.seconds if self.seconds else math.nan


@dataclass(frozen=True, slots=True)
class BuildRun:
    seconds: float
    peak_rss_mb: float
    returncode: int
    output: str


def measure_pdf(paths: Sequence[Path]) -> ParseRun:
    """Extraction (no cache) and parse_text of the PDFs at ``paths``, files read
    beforehand, in CPU seconds of this process: documents per second per core."""
    from unres.ingest import DecodedText, read_pdf
    from unres.parse import parse_text

    blobs = [path.read_bytes() for path in paths]
    errors: Counter[str] = Counter()
    started = time.process_time()
    for blob in blobs:
        decoded = read_pdf(blob)
        if isinstance(decoded, DecodedText):
            parse_text(decoded.text)
        else:
            errors[f"{decoded.reason}: {decoded.detail}"[:120]] += 1
    return ParseRun(len(blobs), time.process_time() - started, errors)


def measure_parse(paths: Sequence[Path]) -> ParseRun:
    """parse_text over ``paths`` in this process, files read beforehand.

    One document is parsed before the clock starts, so one-time set-up (lazy imports,
    tables built on first use) is not counted against throughput.
    """
    texts = [path.read_text(encoding="utf-8") for path in paths]
    errors: Counter[str] = Counter()

    def parse(text: str) -> None:
        try:
            parse_text(text)
        except Exception as error:  # a bench reports failures, it does not stop on them
            errors[f"{type(error).__name__}: {error}"[:120]] += 1

    parse(texts[0])
    errors.clear()
    started = time.perf_counter()
    for text in texts:
        parse(text)
    return ParseRun(len(texts), time.perf_counter() - started, errors)


def run_measured(command: Sequence[str]) -> BuildRun:
    """Run ``command``, sampling the RSS of its whole process tree until it exits."""
    print(f"running {shlex.join(command)}", flush=True)
    with tempfile.TemporaryFile() as output:
        started = time.perf_counter()
        process = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT)
        peak_kb = 0
        while True:
            peak_kb = max(peak_kb, tree_rss_kb(process.pid))
            try:
                process.wait(timeout=RSS_SAMPLE_SECONDS)
                break
            except subprocess.TimeoutExpired:
                continue
        seconds = time.perf_counter() - started
        output.seek(0)
        text = output.read().decode("utf-8", errors="replace")
    return BuildRun(seconds, peak_kb / 1024, process.returncode, text)


def tree_rss_kb(root: int) -> int:
    """Resident memory of ``root`` and all its descendants, in kB (0 for a gone process)."""
    total = 0
    pending = [root]
    while pending:
        pid = pending.pop()
        total += _rss_kb(pid)
        pending += _children(pid)
    return total


def _rss_kb(pid: int) -> int:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0
    for line in status.splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def _children(pid: int) -> list[int]:
    children = []
    try:
        tasks = list(Path(f"/proc/{pid}/task").iterdir())
    except OSError:
        return []
    for task in tasks:
        try:
            children += [int(child) for child in (task / "children").read_text().split()]
        except OSError:
            continue
    return children


def build_command(corpus: Path, out: Path, workers: int) -> list[str]:
    return [
        sys.executable,
        "-m",
        "flows.cli",
        "build",
        "--raw",
        str(corpus),
        "--out",
        str(out),
        "--workers",
        str(workers),
    ]


def bench_line(
    n: int, parse_rate: float, build_rate: float, rss_mb: float, inc: float, pdf_rate: float
) -> str:
    return (
        f"bench n_docs={n} parse_docs_per_s_per_core={parse_rate:.1f} "
        f"build_docs_per_s={build_rate:.1f} peak_rss_mb={rss_mb:.1f} incremental_s={inc:.2f} "
        f"pdf_docs_per_s_per_core={pdf_rate:.1f}"
    )


def _arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.bench",
        description="Throughput and memory of the parser and of `unres build` on a corpus "
        "generated from the resolutions in raw/.",
    )
    parser.add_argument("--n", type=int, default=20000, help="documents to generate")
    parser.add_argument("--seed", type=int, default=0, help="corpus seed (default 0)")
    parser.add_argument(
        "--workers", type=int, default=os.cpu_count() or 1, help="build workers (default: cores)"
    )
    parser.add_argument("--raw", type=Path, default=Path("raw"), help="real texts to vary")
    parser.add_argument(
        "--workdir", type=Path, help="where corpus and releases go (default: a temp dir in bench/)"
    )
    parser.add_argument("--keep", action="store_true", help="keep the corpus and releases")
    parser.add_argument(
        "--pdfs", type=Path, help="official PDFs to extract (default: the bulk corpus's ga-pdf)"
    )
    args = parser.parse_args(argv)
    if args.n < 1 or args.workers < 1:
        parser.error("--n and --workers must be at least 1")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = _arguments(argv)
    if args.workdir is None:
        BENCH_ROOT.mkdir(exist_ok=True)
        workdir = Path(tempfile.mkdtemp(prefix="run-", dir=BENCH_ROOT))
    else:
        workdir = args.workdir
    corpus, out = workdir / "corpus", workdir / "out"
    for stale in (corpus, out):
        shutil.rmtree(stale, ignore_errors=True)
    try:
        return _run(args, corpus, out)
    finally:
        if not args.keep:
            shutil.rmtree(corpus, ignore_errors=True)
            shutil.rmtree(out, ignore_errors=True)
            if args.workdir is None:
                shutil.rmtree(workdir, ignore_errors=True)
        else:
            print(f"kept {workdir}")


def _run(args: argparse.Namespace, corpus: Path, out: Path) -> int:
    paths = _generate(args.raw, corpus, args.n, args.seed)

    parse = measure_parse(paths[:PARSE_SAMPLE])
    print(
        f"(a) parse_text alone: {parse.documents} documents in {parse.seconds:.2f} s "
        f"-> {parse.docs_per_s:.1f} docs/s per core, {sum(parse.errors.values())} raised",
        flush=True,
    )
    for message, count in parse.errors.most_common(5):
        print(f"      {count} x {message}")

    command = build_command(corpus, out, args.workers)
    full = run_measured(command)
    build_rate = args.n / full.seconds if full.returncode == 0 else math.nan
    _report_build(
        f"(b) full build, {args.workers} workers: {full.seconds:.1f} s wall -> "
        f"{build_rate:.1f} docs/s; peak RSS of the process tree {full.peak_rss_mb:.0f} MB",
        full,
    )

    incremental_s = math.nan
    if full.returncode == 0:
        _, variant = _document(load_templates(args.raw), args.seed + 1, 0)
        paths[0].write_text(variant.text, encoding="utf-8")
        incremental = run_measured(command)
        if incremental.returncode == 0:
            incremental_s = incremental.seconds
        _report_build(
            f"(c) incremental build after changing {paths[0].relative_to(corpus)}: "
            f"{incremental.seconds:.1f} s wall",
            incremental,
        )
    else:
        print("(c) incremental build: skipped, the full build failed")

    pdf_rate = math.nan
    pdf_dir = args.pdfs or ((default_bulk() or Path("missing")) / "ga-pdf")
    pdfs = sorted(pdf_dir.glob("*.pdf"))
    if pdfs:
        pdf = measure_pdf(pdfs)
        pdf_rate = pdf.docs_per_s
        print(
            f"(d) official PDFs extracted and parsed: {pdf.documents} in {pdf.seconds:.2f} "
            f"CPU s -> {pdf_rate:.1f} docs/s per core, {sum(pdf.errors.values())} rejected",
            flush=True,
        )
    else:
        print(f"(d) official PDFs: none in {pdf_dir} (pass --pdfs DIR)")
    print(
        bench_line(args.n, parse.docs_per_s, build_rate, full.peak_rss_mb, incremental_s, pdf_rate)
    )
    return 0 if not parse.errors and not math.isnan(incremental_s) else 1


def _generate(raw: Path, corpus: Path, n: int, seed: int) -> list[Path]:
    step = max(n // 10, 1)
    started = time.perf_counter()

    def progress(done: int) -> None:
        if done % step == 0 or done == n:
            print(f"generating corpus: {done}/{n}", flush=True)

    paths = generate_corpus(raw, corpus, n, seed, progress=progress)
    mean_kb = sum(p.stat().st_size for p in paths) / len(paths) / 1024
    print(
        f"corpus: {n} documents in {corpus}, mean {mean_kb:.1f} KB, "
        f"generated in {time.perf_counter() - started:.1f} s",
        flush=True,
    )
    return paths


def _report_build(summary: str, run: BuildRun) -> None:
    failure = "" if run.returncode == 0 else f"; FAILED with exit {run.returncode}"
    print(summary + failure, flush=True)
    _show_tail(run.output)


def _show_tail(output: str, lines: int = 6) -> None:
    for line in output.rstrip().splitlines()[-lines:]:
        print(f"      {line}")


if __name__ == "__main__":
    sys.exit(main())
