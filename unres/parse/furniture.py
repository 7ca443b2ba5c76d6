"""Page furniture: what a PDF page prints around the text and a conversion keeps.

Page numbers ("3/7", "**4/12**", "- 3 -"), job numbers ("24-01234 (E)", Geneva's
"GE.16-06573(E)"), barcodes
("*2517700*"), and running headers: the document symbol, the title (often wrapped
or truncated), alternating from page to page. A line that is only a title
fragment is furniture only next to other furniture, so a body line that happens
to repeat words of the title stays.
"""

from __future__ import annotations

import re
from itertools import compress

from unres.parse.bodies import adopted_series_pattern
from unres.parse.lines import Line, with_gap
from unres.parse.marks import EMPHASIS_OPEN, strip_marks
from unres.parse.prefilter import Prefiltered

__all__ = [
    "BARCODE",
    "JOB_NUMBER",
    "is_furniture_line",
    "remove_furniture",
    "strip_inline_furniture",
]

JOB_NUMBER = r"(?:GE\.)?\d{2}-\d{5}(?:[ ]?\([A-Z]\))?"
# "Page PAGE 2 of NUMPAGES 7": Word's page fields with their codes left in by a
# .doc-to-text conversion.
_PAGE_NUMBER = (
    r"(?:Page[ ])?\d{1,3}[ ]?/[ ]?\d{1,3}|-[ ]?\d{1,3}[ ]?-"
    r"|(?:Page[ ](?:PAGE[ ]?)?|PAGE[ ]?)\d{1,3}(?:[ ]of[ ](?:NUMPAGES[ ]?)?\d{1,3})?"
)
BARCODE = r"\*\d{6,}\*"
_DATE_STAMP = r"\d{6}"
_TOKEN = f"(?:{JOB_NUMBER}|{_PAGE_NUMBER}|{BARCODE}|{_DATE_STAMP})"
_FURNITURE_LINE = re.compile(f"\\**(?:{_TOKEN})(?:[ ]+(?:{_TOKEN}))*\\**")
_PAGE_FRACTION = re.compile(r"(\d{1,3})[ ]?/[ ]?(\d{1,3})")
_SERIES = adopted_series_pattern()
# A resolution's symbol as a running header prints it: "A/RES/75/180", "S/RES/1325 (2000)".
_RESOLUTION_SYMBOL = re.compile(rf"(?:{_SERIES})/[\w.\-/]+(?:[ ]?\((?:Part[ ])?[IVXL\d]+\))?\**")
_TRAILING_SYMBOL = re.compile(f"(?<=\\s)(?:{_RESOLUTION_SYMBOL.pattern})$")
# Printed where a page breaks mid-text; "(E)" makes a job number certain anywhere.
_INLINE_FURNITURE = re.compile(
    f"[ ]?(?:{BARCODE}|(?:GE\\.)?\\d{{2}}-\\d{{5}}[ ]?\\([A-Z]\\))|[ ](?:GE\\.)?\\d{{2}}-\\d{{5}}$"
)
_ELLIPSIS = Prefiltered(re.compile(r"\s*(?:…|\.\.\.)\s*$"), "…", "...")
_MIN_TITLE_FRAGMENT = 12
_MAX_FURNITURE_LINE = 250
# A furniture line opens with a number, a barcode or page-number dash, "Page" or "GE.".
_FURNITURE_STARTS = frozenset("0123456789*-PG" + EMPHASIS_OPEN)


def is_furniture_line(text: str) -> bool:
    """A line holding only page numbers, job numbers, barcodes and the like."""
    plain = strip_marks(text)
    if _FURNITURE_LINE.fullmatch(plain) is None:
        return False
    # "70/1" alone is a resolution number, not page 70 of 1.
    return all(int(m.group(1)) <= int(m.group(2)) for m in _PAGE_FRACTION.finditer(plain))


def strip_inline_furniture(text: str) -> str:
    if "*" in text or "(E)" in text or text[-5:].isdigit():
        return _INLINE_FURNITURE.sub("", text)
    return text


def remove_furniture(lines: list[Line], title: str | None) -> list[Line]:
    """Drop page furniture, marking the line after a dropped run as a page break."""
    title_key = _key(title) if title else ""
    furniture = [_is_hard_furniture(line.text, title_key) for line in lines]
    if title_key:
        _extend_to_title_fragments(lines, furniture, title_key)
    kept: list[Line] = []
    dropped = False
    for line, is_furniture in zip(lines, furniture, strict=True):
        if is_furniture:
            dropped = True
            continue
        text = strip_inline_furniture(line.text)
        if text != line.text:
            line = Line(text.strip(), line.gap)
        if line.text:
            kept.append(with_gap(line, "break") if dropped else line)
        dropped = False
    return kept


def _is_hard_furniture(text: str, title_key: str) -> bool:
    if len(text) > _MAX_FURNITURE_LINE:
        return False
    if text[0] in _FURNITURE_STARTS and is_furniture_line(text):
        return True
    # A running header: the symbol, alone or before or after (part of) the title.
    if "/" not in text:
        return False
    plain = strip_marks(text).strip(" *")
    symbol = _RESOLUTION_SYMBOL.match(plain) or _TRAILING_SYMBOL.search(plain)
    if symbol is None:
        return False
    rest = (plain[: symbol.start()] + plain[symbol.end() :]).strip(" *")
    return not rest or _is_title_fragment(rest, title_key)


def _extend_to_title_fragments(lines: list[Line], furniture: list[bool], title_key: str) -> None:
    """Mark title fragments that touch furniture, in both directions."""
    for step in (1, -1):
        # Only the lines next to furniture can extend it: start from those.
        for index in list(compress(range(len(lines)), furniture))[::step]:
            following = index + step
            while (
                0 <= following < len(lines)
                and not furniture[following]
                and _is_title_fragment(lines[following].text, title_key)
            ):
                furniture[following] = True
                following += step


def _is_title_fragment(text: str, title_key: str) -> bool:
    key = _key(text)
    return len(key) >= _MIN_TITLE_FRAGMENT and key in title_key


def _key(text: str) -> str:
    text = _ELLIPSIS.sub("", strip_marks(text))
    return " ".join(text.split()).strip(" *").lower()
