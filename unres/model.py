"""The parsed form of one resolution: what the parsing core hands to the table stage.

Plain dataclasses with no behaviour, so every parsing stage can be tested on its
own and the table stage (``unres.tables``) is the only place that knows about
polars. Column meanings are documented once, in ``schemas/``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

ParagraphKind = Literal["preambular", "operative", "annex"]
CitationKind = Literal["resolution", "decision", "document"]
DocumentType = Literal["resolution", "decision", "draft_resolution", "draft_decision"]


@dataclass(frozen=True, slots=True)
class Footnote:
    """A footnote; ``text`` is None when the text has the marker but not the note
    (an excerpt cut before it)."""

    number: int
    text: str | None


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One preambular or operative paragraph, already clean.

    ``text`` has page breaks joined, running headers, page numbers and footnote
    markers removed; sub-paragraphs stay inside their parent.
    """

    kind: ParagraphKind
    text: str
    number: int | None = None
    verb: str | None = None
    footnotes: tuple[int, ...] = ()
    # The leading span the source marked as emphasis (``*Recalling also*``), if any:
    # the best evidence of where the italicised verb phrase ends.
    emphasis: str | None = None


@dataclass(frozen=True, slots=True)
class Header:
    symbol: str | None = None
    organ: str | None = None
    session: int | None = None
    title: str | None = None
    adoption_date: dt.date | None = None
    distribution_date: dt.date | None = None
    agenda_item: str | None = None
    committee_report: str | None = None
    draft_symbols: tuple[str, ...] = ()
    plenary_meeting: int | None = None
    meeting_number: int | None = None
    document_type: DocumentType = "resolution"
    # What the header reader was unsure of (``documents.warnings`` codes).
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Citation:
    kind: CitationKind
    value: str
    raw: str
    paragraph: int | None = None
    footnote: int | None = None
    resolved_symbol: str | None = None


@dataclass(frozen=True, slots=True)
class DateMention:
    date: dt.date
    raw: str
    paragraph: int | None = None
    footnote: int | None = None


@dataclass(slots=True)
class Structure:
    """A resolution cut into its parts, with page furniture removed.

    ``header`` is everything before the first paragraph (wrapper material such as
    YAML front matter or web navigation dropped; the "The General Assembly," line
    included); ``closing`` is what follows the last operative paragraph and is not
    a footnote or annex (meeting line, "Adopted by the Security Council at ...").
    Paragraphs of an annex or adopted declaration come last, with kind ``annex``.
    """

    header: str
    paragraphs: list[Paragraph]
    closing: str
    footnotes: list[Footnote]
    warnings: list[str] = field(default_factory=list)


@dataclass(slots=True)
class ParsedDocument:
    header: Header
    paragraphs: list[Paragraph]
    footnotes: list[Footnote]
    citations: list[Citation]
    dates: list[DateMention]
    warnings: list[str] = field(default_factory=list)
