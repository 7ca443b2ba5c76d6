"""Whether a parsed text is a resolution at all, and which reject it is when not."""

from __future__ import annotations

import re
from typing import Final, Literal

from unres.model import ParsedDocument

NotAResolution = Literal["html_not_resolution", "not_a_resolution"]
NOT_A_RESOLUTION_DETAIL: Final = "no symbol, organ or resolution paragraph found"
NOT_ADOPTED_DETAIL: Final = (
    "its first page has no resolution or decision symbol and no 'adopted by' line"
)


def looks_like_resolution(document: ParsedDocument) -> bool:
    """A resolution names itself or its organ, or opens its paragraphs with UN verb phrases.

    A symbol or organ alone is not enough in a text with neither a paragraph nor an
    adoption date: a description of a corpus or a list of symbols names them too. A draft
    keeps its place without either (an amendment has no paragraph of its own)."""
    header = document.header
    if not document.paragraphs and header.adoption_date is None:
        return header.document_type.startswith("draft")
    if header.symbol or header.organ:
        return True
    return any(p.verb for p in document.paragraphs if p.kind != "annex")


def not_a_resolution(document: ParsedDocument, *, was_html: bool) -> NotAResolution | None:
    """The reject reason of a text that holds no resolution (a web page's has its own);
    None for a resolution."""
    if looks_like_resolution(document):
        return None
    return "html_not_resolution" if was_html else "not_a_resolution"


# The masthead's own symbol of an adopted resolution or decision: A/RES/79/3,
# S/RES/2719 (2023), A/HRC/RES/55/1, E/RES/2024/1, A/HRC/DEC/55/101.
_ADOPTED_SYMBOL = re.compile(r"\b[A-Z]+(?:/[A-Z0-9.]+)*/(?:RES|DEC)/\d")
# The heading under the masthead: "Resolution adopted by the General Assembly on …",
# "Adopted by the Security Council at its 9520th meeting, on …".
_ADOPTED_HEADING = re.compile(
    r"^(?:(?:Resolution|Decision)\s+adopted\s+by\s+the\b"
    r"|Adopted\s+by\s+the\s+[\w ]{3,40}\s+at\s+its\b)",
    re.M | re.I,
)
# How far into the text the masthead and heading reach.
_HEAD_LINES: Final = 40


def adopted_text_heading(text: str) -> str | None:
    """What on the first page of an official document's text shows it an adopted
    resolution or decision (its own /RES/ or /DEC/ symbol in the masthead, an
    "adopted by" heading), or None: reports, letters, notes and drafts have neither.
    Asked of PDFs, whose first page is always the document's own."""
    head = "\n".join(text.split("\n", _HEAD_LINES)[:_HEAD_LINES])
    masthead = head.split("\n", 2)[:2]
    for line in masthead:
        symbol = _ADOPTED_SYMBOL.search(line)
        if symbol:
            return f"the masthead symbol {line[symbol.start() :].split()[0]}"
    heading = _ADOPTED_HEADING.search(head)
    return None if heading is None else f"the heading {heading.group()!r}"
