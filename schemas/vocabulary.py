"""Closed sets of values and plausible ranges the tables are held to."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import get_args
from urllib.parse import quote

from unres.model import CitationKind, ParagraphKind

# What a document is: defined with the parser's table of UN bodies, which issues them.
from unres.parse.bodies import DOCUMENT_TYPES as DOCUMENT_TYPES

# The kinds the parser's model gives its paragraphs and citations, which it defines.
PARAGRAPH_KINDS: tuple[str, ...] = get_args(ParagraphKind)
CITATION_KINDS: tuple[str, ...] = get_args(CitationKind)


class RejectReason(StrEnum):
    """Every code ``rejects.reason`` may hold, each with what it means (the data
    dictionary shows it). A member is its code: ``RejectReason.EMPTY == "empty"``."""

    meaning: str

    def __new__(cls, code: str, meaning: str) -> RejectReason:
        reason = str.__new__(cls, code)
        reason._value_ = code
        reason.meaning = meaning
        return reason

    @classmethod
    def of(cls, code: str) -> RejectReason:
        """The reason whose code is ``code`` (read back from a file, or named by the
        parser's classification); ValueError for any other string."""
        return cls(code)  # type: ignore[call-arg]  # a lookup by value, not the __new__ above

    EMPTY = "empty", "the file holds no bytes, or only whitespace"
    BINARY = "binary", "NUL bytes, many control bytes or a known binary format (PNG, ZIP...)"
    NOT_UTF8 = "not_utf8", "the bytes are not UTF-8 and no other text encoding fits them"
    TOO_LARGE = "too_large", "the file is larger than the build's size limit"
    UNREADABLE = "unreadable", "the file could not be opened or is not a regular file"
    SYMLINK_OUTSIDE_RAW = (
        "symlink_outside_raw",
        "a symbolic link whose target lies outside the input directory",
    )
    HTML_NOT_RESOLUTION = "html_not_resolution", "a web page whose text holds no resolution"
    NOT_A_RESOLUTION = "not_a_resolution", "readable text, but not a resolution or decision"
    PARSE_ERROR = (
        "parse_error",
        "the parser failed on this input (a bug: the detail says where)",
    )
    PARSE_TIMEOUT = (
        "parse_timeout",
        "parsing took longer than the build's time limit per document",
    )
    SCHEMA_VIOLATION = (
        "schema_violation",
        "the parsed rows break a row rule of the schema (a pattern, range or vocabulary, or "
        "a relation between tables): the detail names table, column, check and value",
    )
    PDF_ENCRYPTED = "pdf_encrypted", "a PDF that cannot be opened without a password"
    PDF_CORRUPT = (
        "pdf_corrupt",
        "a PDF that cannot be read: damaged, truncated or not a PDF inside",
    )
    NO_TEXT_LAYER = (
        "no_text_layer",
        "a PDF with no text on any page (a scan: OCR is not done here)",
    )
    TOO_MANY_PAGES = (
        "too_many_pages",
        "a PDF with more pages than a resolution has (the detail gives both)",
    )


QUARANTINE_REASONS: tuple[RejectReason, ...] = (
    RejectReason.PARSE_ERROR,
    RejectReason.PARSE_TIMEOUT,
    RejectReason.SCHEMA_VIOLATION,
)
"""Reject reasons that say the pipeline, not the input, failed: the input was readable
text, but no valid rows came of it. The build counts them as quarantined, and
``unres build --strict`` refuses to publish when there is one."""

# The UN's document resolver: this followed by a symbol opens the official text.
UNDOCS = "https://undocs.org/"


def undocs_url(symbol: str) -> str:
    """Where the official text of ``symbol`` is: 'S/RES/1325 (2000)' ->
    'https://undocs.org/S/RES/1325(2000)' (the resolver's form has no space before the
    year; any other character a URL cannot hold is percent-encoded)."""
    return UNDOCS + quote(symbol.replace(" (", "("), safe="/()")


# The day the Charter was signed: no UN document can be adopted or issued earlier.
FIRST_UN_DATE = dt.date(1945, 6, 26)
# Resolutions mention dates far from their own: treaties of the 19th century and
# deadlines decades ahead. These bounds only catch misread years ("20201", "0019").
EARLIEST_MENTIONED_DATE = dt.date(1600, 1, 1)
LATEST_MENTIONED_DATE = dt.date(2200, 12, 31)


def latest_document_date(today: dt.date | None = None) -> dt.date:
    """The latest plausible adoption or distribution date: one year from today."""
    today = today or dt.date.today()
    try:
        return today.replace(year=today.year + 1)
    except ValueError:  # 29 February
        return today.replace(year=today.year + 1, day=28)
