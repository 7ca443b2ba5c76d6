"""Official PDFs -> the text the parser reads, with what only the layout tells.

A PDF is read with PDFium (pypdfium2): its plain text, line by line, and for each
line where it sits on the page and in which font. The layout decides what a text
dump cannot:

* page furniture: lines in the running-header band of every page but the first
  (the masthead is there), in the footer band of every page (job number, page
  number, barcode), set in a barcode font, or opening or closing most pages at
  the same height, are dropped;
* paragraphs: a vertical gap wider than the line spacing, or a first line indented
  past the lines before it, opens a paragraph (a blank line in the text);
* superscripts: a number set smaller than its line is a footnote marker
  (``[^n]``), and a line at the page foot opening with one is that footnote's
  text (``[^n]:``), so a note split across pages keeps its number once;
* the verb phrase or opener: the italic run at the start of a paragraph is
  marked as emphasis (``*Recalling also*``), which the parser prefers to its
  word lists.

What comes out is plain text in the shape of the PDF-to-text conversions the
parser already reads (Markdown footnotes and emphasis), so every text rule still
applies; where a page carries no font information the plain text stands alone.
No Prefect here: this is the ingest side of the parsing core.
"""

from __future__ import annotations

import ctypes
import hashlib
import re
import statistics
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Final

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from schemas.vocabulary import RejectReason
from unres.reject import Reject

# What made an extraction: this module's source and PDFium's build. Cached
# extractions of another version are never used.
EXTRACTOR_VERSION: Final = (
    f"{hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:12]}"
    f"+pdfium-{pdfium.version.PDFIUM_INFO.build}"
)
# A resolution with its annexes runs to a few hundred pages at most; a PDF of
# thousands is something else and would hold a worker for minutes.
MAX_PAGES: Final = 1000


@dataclass(frozen=True, slots=True)
class PdfText:
    text: str
    pages: int


# --- page geometry (in PDF points, y upwards) -------------------------------------

# The running header of a UN page sits within this distance of the page top, the
# footer (job number, page number, barcode) within this distance of its foot;
# body text and footnotes keep clear of both (measured on 1,260 pages of GA PDFs,
# letter and A4: header baselines 49-60 pt from the top, first body line 82 pt;
# footer baselines up to 48 pt from the foot, last footnote line 56 pt).
_HEADER_BAND: Final = 72.0
_FOOTER_BAND: Final = 52.0
# Segments whose baselines differ by less than this share of the font size are one
# line (a superscript rides about a third of the size above its line).
_SAME_LINE: Final = 0.45
# A gap between baselines wider than this many font sizes opens a paragraph (UN
# body text: 12 pt pitch for 10 pt type, 18 pt between paragraphs).
_PARAGRAPH_GAP: Final = 1.45
# A first line indented at least this far past the line before opens a paragraph.
_INDENT: Final = 12.0
# Type smaller than this share of its line's size, raised above its baseline by at
# least _RAISED of that size, is a superscript (UN type: 5.5 pt figures 3 pt above
# 8.5 pt notes, 6.5 pt 3.5 pt above 10 pt text; a masthead symbol in 10 pt beside
# 14 pt "United Nations" sits 1.3 pt higher).
_SUPERSCRIPT: Final = 0.8
_RAISED: Final = 0.2
# A line that repeats at the same height on at least this share of the pages (of at
# least _MIN_REPEAT_PAGES) is furniture wherever it stands.
_REPEATED_SHARE: Final = 0.6
_MIN_REPEAT_PAGES: Final = 3
# How many lines at either end of a page can be running headers or footers.
_EDGE_LINES: Final = 3
_ITALIC_FLAG: Final = 1 << 6  # PDF font descriptor flag: italic
_BARCODE_FONT = re.compile(rb"barcode|3 ?of ?9|code ?39|code ?128", re.I)
_ITALIC_NAME = re.compile(rb"italic|oblique", re.I)
# A space PDFium made up (none in the PDF) where the gap between two characters is
# narrower than this share of the type size is kerning, not a word break: PDFium
# writes "4 –15" and "( 22)" for "4–15" and "(22)". Only spaces beside a bracket,
# slash or dash are looked at: elsewhere a space is almost always a word break.
_KERNING: Final = 0.2
_SUSPECT_SPACE = re.compile(r"(?<=[(\[/–-]) | (?=[)\]/–])")
# Stands for a dropped character until the text is finished, so that positions in a
# line stay those of PDFium's text for the font queries.
_DROPPED: Final = "\x00"
_DIGITS = re.compile(r"\d+")
# A number glued to the end of a word or standing alone after one: a marker candidate.
_LEADING_NUMBER = re.compile(r"\d{1,3}")
# What may stand before the italic run of a paragraph: its number or sub-item label.
_PARAGRAPH_LABEL = re.compile(r"(?:\d{1,3}\.|\([a-z]{1,4}\)|\([ivxl]{1,6}\)|[a-z]\))\s+")
_WORD_START = re.compile(r"(?<!\S)\S")
_RULE = re.compile(r"_{5,}|-{5,}")


@dataclass(slots=True)
class _Segment:
    """A run of a page's text that PDFium gives as one line."""

    text: str
    start: int  # index of its first character in the page's text
    x: float
    y: float  # baseline of its first character
    end_y: float  # of its last: PDFium runs a line broken at a hyphen on into the next
    size: float  # font size of its body (not of a leading superscript)
    font: bytes


@dataclass(slots=True)
class _Line:
    """Segments on one baseline, left to right, as the parser will read them."""

    text: str
    x: float
    y: float
    end_y: float
    size: float
    # Page-text index of the first character and how many of ``text``'s first
    # characters are the page's as they stand: where font queries may be made.
    start: int
    queryable: int
    footnote: int | None = None  # the footnote this line opens, from its small number
    paragraph_start: bool = False


class _Page:
    """A page's text with the font queries the layout rules need."""

    def __init__(self, page: pdfium.PdfPage) -> None:
        self.height = page.get_size()[1]
        self.textpage = page.get_textpage()
        # PDFium writes U+FFFE for a hyphen it judged a line-end break: the PDF prints
        # a hyphen there, and so does a text conversion.
        self.text = self.textpage.get_text_range()
        # Font queries take character indices; they match the text's only when every
        # character is one UTF-16 unit, which the count tells.
        self.has_layout = len(self.text) == self.textpage.count_chars()
        self._raw = self.textpage.raw
        self._flags = ctypes.c_int()
        self._x = ctypes.c_double()
        self._y = ctypes.c_double()
        self._font = ctypes.create_string_buffer(128)

    def close(self) -> None:
        self.textpage.close()

    def size(self, index: int) -> float:
        return float(pdfium_c.FPDFText_GetFontSize(self._raw, index))

    def italic(self, index: int) -> bool:
        """By the font's italic flag, or by its name when it has no descriptor (the
        standard fonts: "Times-Italic", "Helvetica-Oblique")."""
        name = self.font(index)
        return bool(self._flags.value & _ITALIC_FLAG) or _ITALIC_NAME.search(name) is not None

    def font(self, index: int) -> bytes:
        length = pdfium_c.FPDFText_GetFontInfo(
            self._raw, index, self._font, len(self._font), ctypes.byref(self._flags)
        )
        return self._font.raw[: max(length - 1, 0)]

    def origin(self, index: int) -> tuple[float, float]:
        pdfium_c.FPDFText_GetCharOrigin(
            self._raw, index, ctypes.byref(self._x), ctypes.byref(self._y)
        )
        return self._x.value, self._y.value

    def _without_kerning_spaces(self, text: str, lead: int, size: float) -> str:
        """``text`` (from page index ``lead``) with the spaces PDFium made up inside a
        word marked _DROPPED."""
        for match in _SUSPECT_SPACE.finditer(text):
            index = lead + match.start()
            if pdfium_c.FPDFText_IsGenerated(self._raw, index) != 1:
                continue
            if self._span(index - 1)[1] + _KERNING * size > self._span(index + 1)[0]:
                text = text[: match.start()] + _DROPPED + text[match.end() :]
        return text

    def _span(self, index: int) -> tuple[float, float]:
        """Where a character's box starts and ends across the page."""
        left, right, bottom, top = (ctypes.c_double() for _ in range(4))
        pdfium_c.FPDFText_GetCharBox(
            self._raw,
            index,
            ctypes.byref(left),
            ctypes.byref(right),
            ctypes.byref(bottom),
            ctypes.byref(top),
        )
        return left.value, right.value

    def segments(self) -> list[_Segment]:
        found = []
        position = 0
        for raw_line in self.text.split("\r\n"):
            start, position = position, position + len(raw_line) + 2
            text = raw_line.strip().replace("\ufffe", "-")
            if not text:
                continue
            lead = start + len(raw_line) - len(raw_line.lstrip())
            last = lead + len(text) - 1
            x, y = self.origin(lead)
            size = max(self.size(lead), self.size(lead + len(text) // 2), self.size(last))
            end_y = y
            if "\ufffe" in raw_line or len(text) > 60:  # it may run on into the next line
                last_y = self.origin(last)[1]
                end_y = y if abs(last_y - y) < _SAME_LINE * size else last_y
            if " " in text:
                text = self._without_kerning_spaces(text, lead, size)
            found.append(_Segment(text, lead, x, y, end_y, size, self.font(lead)))
        return found


def extract_pdf(data: bytes, *, max_pages: int = MAX_PAGES) -> PdfText | Reject:
    """The text of a PDF for the parser, or why it has none."""
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        message = str(error)
        if "password" in message.lower():
            return Reject(RejectReason.PDF_ENCRYPTED, "the PDF is encrypted and needs a password")
        return Reject(RejectReason.PDF_CORRUPT, f"PDFium cannot open it: {message}")
    try:
        count = len(document)
        if count > max_pages:
            return Reject(RejectReason.TOO_MANY_PAGES, f"{count} pages, the limit is {max_pages}")
        if count == 0:
            return Reject(RejectReason.PDF_CORRUPT, "the PDF has no pages")
        pages = []
        for index in range(count):
            try:
                pages.append(_Page(document[index]))
            except pdfium.PdfiumError as error:
                return Reject(RejectReason.PDF_CORRUPT, f"page {index + 1} cannot be read: {error}")
        try:
            if not any(page.text.strip() for page in pages):
                return Reject(
                    RejectReason.NO_TEXT_LAYER,
                    f"none of its {count} pages has text (a scan? OCR it first)",
                )
            return PdfText(_page_texts(pages), count)
        finally:
            for page in pages:
                page.close()
    finally:
        document.close()


def _page_texts(pages: list[_Page]) -> str:
    """The document's text: the body, page after page, then its footnotes, each
    once with its number (a note split across pages is joined again)."""
    laid_out = [_lines(page) if page.has_layout else None for page in pages]
    repeated = _repeated_lines(laid_out)
    body: list[str] = []
    notes: list[str] = []
    for number, (page, lines) in enumerate(zip(pages, laid_out, strict=True)):
        if lines is None:  # no font information: the plain text, for the text rules
            body.append("\n\n" + page.text.replace("\r\n", "\n"))
            continue
        kept = [
            line
            for line in lines
            if not _is_furniture(line, page.height, first_page=number == 0, repeated=repeated)
        ]
        split = _footnote_zone(kept, page.height)
        main, foot = kept[:split], kept[split:]
        if main:
            body.append(_page_join(body, main[0]) + _render(page, main))
        _collect_notes(foot, notes)
    text = "".join(body).strip("\n")
    if notes:
        text += "\n\n" + "\n".join(notes)
    return text.replace(_DROPPED, "") + "\n"


def _joined(before: str, after: str) -> str:
    """Two lines of one paragraph on one line; a range's dash keeps its figures
    together ("2015–" + "31 December")."""
    return before + after if before.endswith(("–", "-")) else f"{before} {after}"


def _page_join(body: list[str], first: _Line) -> str:
    """What goes between the text so far and a page opening with ``first``: a line
    break when the page goes on with the sentence the page before left open (a space
    when it opens with a number, see ``_render``), else a paragraph break."""
    opening = first.text[:1]
    if opening.islower():
        return "\n"
    open_sentence = bool(body) and not body[-1].rstrip().endswith((".", ";", ":", ","))
    if opening.isdigit() and open_sentence and not _PARAGRAPH_LABEL.match(first.text):
        return " "
    return "\n\n"


def _footnote_zone(lines: list[_Line], height: float) -> int:
    """Where the page's footnotes begin (its length when it has none): at a rule in
    its lower half, or at the first line there numbered by a small figure and set
    smaller than the body, with nothing larger after it."""
    if not lines:
        return 0
    body_size = Counter(round(line.size, 1) for line in lines).most_common(1)[0][0]
    for index, line in enumerate(lines):
        if line.y > height / 2:
            continue
        if _RULE.fullmatch(line.text):
            return index
        if line.footnote is not None and all(later.size < body_size for later in lines[index:]):
            return index
    return len(lines)


def _collect_notes(lines: list[_Line], notes: list[str]) -> None:
    """Append the footnotes of a page's foot to ``notes``; a line with no number of
    its own goes on with the note before (across the page break too)."""
    for line in lines:
        if _RULE.fullmatch(line.text):
            continue
        if line.footnote is not None:
            notes.append(f"[^{line.footnote}]: {line.text}")
        elif notes:
            notes[-1] = _joined(notes[-1], line.text)


def _lines(page: _Page) -> list[_Line]:
    """The page's segments joined into lines by baseline, left to right."""
    lines: list[list[_Segment]] = []
    for segment in page.segments():
        if _BARCODE_FONT.search(segment.font):
            continue
        if lines and _same_line(lines[-1], segment):
            lines[-1].append(segment)
        else:
            lines.append([segment])
    return [_line(page, group) for group in lines]


def _same_line(line: list[_Segment], segment: _Segment) -> bool:
    body = max(line, key=lambda s: s.size)
    return abs(body.y - segment.y) < _SAME_LINE * max(body.size, segment.size)


def _line(page: _Page, group: list[_Segment]) -> _Line:
    group.sort(key=lambda s: s.x)
    body = max(group, key=lambda s: s.size)
    text = ""
    for n, segment in enumerate(group):
        piece = _marked_superscripts(page, segment, body, opens_line=n == 0)
        # A marker sits on the word before it, whatever gap the PDF left.
        text += piece if not text or piece.startswith("[^") else " " + piece
    first = group[0]
    marker = text.find("[^")
    queryable = min(len(first.text), marker if marker >= 0 else len(text))
    # Where the line ends: its last run of body type (a superscript rides higher).
    end_y = next(s.end_y for s in reversed(group) if s.size >= _SUPERSCRIPT * body.size)
    line = _Line(text, first.x, body.y, end_y, body.size, first.start, queryable)
    # A small number opening a line (a segment of its own, or the first word of one)
    # is the number of the footnote the line begins.
    number = _LEADING_NUMBER.match(first.text)
    if number and page.size(first.start) < _SUPERSCRIPT * body.size:
        line.footnote = int(number.group())
        line.text = text[number.end() :].lstrip()
        line.queryable = 0
    return line


def _marked_superscripts(
    page: _Page, segment: _Segment, body: _Segment, *, opens_line: bool
) -> str:
    """The segment's text with every number set small above the line's baseline
    written ``[^n]``, also one glued to the figures before it ("2023" + "10"), but for
    a number opening the line: that is a footnote's own number."""
    text = segment.text
    small = _SUPERSCRIPT * body.size
    out = []
    last = 0
    for match in _DIGITS.finditer(text):
        begin, end = match.span()
        if (begin == 0 and opens_line) or page.size(segment.start + end - 1) >= small:
            continue
        if page.origin(segment.start + end - 1)[1] < body.y + _RAISED * body.size:
            continue  # small but on the baseline: a smaller font, not a superscript
        first = end - 1
        while first > begin and end - first < 3 and page.size(segment.start + first - 1) < small:
            first -= 1
        before = text[last:first]
        out.append(before.rstrip() if first == begin else before)
        out.append(f"[^{text[first:end]}]")
        last = end
    if not out:
        return text
    out.append(text[last:])
    return "".join(out)


def _repeated_lines(pages: list[list[_Line] | None]) -> frozenset[tuple[str, int]]:
    """(text with digits as 0, rounded height) of lines that open or close most pages
    at the same height: furniture. Footnotes (numbered lines) never count."""
    laid_out = [lines for lines in pages if lines is not None]
    if len(laid_out) < _MIN_REPEAT_PAGES:
        return frozenset()
    seen: Counter[tuple[str, int]] = Counter()
    for lines in laid_out:
        edges = lines[:_EDGE_LINES] + lines[-_EDGE_LINES:]
        seen.update({_shape(line) for line in edges if line.footnote is None})
    least = _REPEATED_SHARE * len(laid_out)
    return frozenset(shape for shape, pages_with in seen.items() if pages_with >= least)


def _shape(line: _Line) -> tuple[str, int]:
    return _DIGITS.sub("0", line.text), round(line.y)


def _is_furniture(
    line: _Line, height: float, *, first_page: bool, repeated: frozenset[tuple[str, int]]
) -> bool:
    if line.y < _FOOTER_BAND:
        return True
    if not first_page and line.y > height - _HEADER_BAND:
        return True
    return _shape(line) in repeated


def _render(page: _Page, lines: list[_Line]) -> str:
    """The page's lines as text: blank lines between paragraphs, leading italics and
    footnote numbers marked."""
    if not lines:
        return ""
    body_left = statistics.median_low([line.x for line in lines])
    out = []
    previous: _Line | None = None
    for line in lines:
        if previous is not None and _opens_paragraph(previous, line, body_left):
            out.append("")
        text = line.text
        if previous is None or out[-1] == "":
            out.append(_with_italic_lead(page, line))
        elif text[:1].isdigit():
            # Inside a paragraph, a line opening with a number ("1 (b) of the
            # Convention") would read as a footnote or a paragraph number: it goes on
            # the line before, so only a paragraph's first line opens with one.
            out[-1] = _joined(out[-1], text)
        else:
            out.append(text)
        previous = line
    return "\n".join(out)


def _opens_paragraph(previous: _Line, line: _Line, body_left: float) -> bool:
    gap = previous.end_y - line.y
    if gap > _PARAGRAPH_GAP * max(previous.size, line.size) or gap < 0:
        return True
    return line.x - previous.x >= _INDENT and abs(previous.x - body_left) <= 1


def _with_italic_lead(page: _Page, line: _Line) -> str:
    """The line with its leading italic words (after a paragraph number) as emphasis,
    unless the whole line is italic (a heading, "The General Assembly,")."""
    text = line.text
    label = _PARAGRAPH_LABEL.match(text)
    begin = label.end() if label else 0
    end = begin
    for word in _WORD_START.finditer(text, begin, line.queryable):
        if not page.italic(line.start + word.start()):
            break
        end = text.find(" ", word.start(), line.queryable)
        end = line.queryable if end < 0 else end
    else:
        if end == len(text):
            return text  # italic to its end: a heading or formula, not an opening phrase
    run = text[begin:end].rstrip(" ,;:")
    if not run:
        return text
    return f"{text[:begin]}*{run}*{text[begin + len(run) :]}"
