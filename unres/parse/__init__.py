"""The parsing core: one resolution's text in, a ``ParsedDocument`` out.

Pure functions only (no I/O, no Prefect), one module per concern:

    normalise  -> canonical text (wrapper stripped, markup and markers unified)
    segment    -> header / paragraphs / closing / footnotes, page furniture removed
                  (with ``paragraphs`` and ``footnotes`` doing the fine work)
    header     -> symbol, organ, session, title, dates, agenda item, report, meeting
    verbs      -> the italicised opening phrase of each paragraph
    dates      -> every full date
    citations  -> resolutions, decisions and document symbols cited
"""

from __future__ import annotations

from dataclasses import replace

from unres.model import (
    Citation,
    DateMention,
    Footnote,
    Header,
    Paragraph,
    ParsedDocument,
    Structure,
)
from unres.parse.citations import find_citation_matches, resolve_symbol
from unres.parse.dates import find_dates
from unres.parse.header import parse_header
from unres.parse.normalise import normalise
from unres.parse.segment import split_document
from unres.parse.verbs import read_verb

__all__ = ["parse_text"]


def parse_text(raw: str) -> ParsedDocument:
    structure = split_document(normalise(raw))
    header = parse_header(structure.header, structure.closing)
    paragraphs = [_with_verb(p) for p in structure.paragraphs]
    structure.paragraphs = paragraphs
    footnotes = _with_referenced_footnotes(structure)
    located = _located_texts(structure)
    return ParsedDocument(
        header=header,
        paragraphs=paragraphs,
        footnotes=footnotes,
        citations=_citations(located, header),
        dates=_dates(located),
        warnings=[
            *structure.warnings,
            *_header_warnings(header),
            *(["footnote_text_missing"] if len(footnotes) > len(structure.footnotes) else []),
        ],
    )


def _with_verb(paragraph: Paragraph) -> Paragraph:
    return replace(paragraph, verb=read_verb(paragraph))


def _with_referenced_footnotes(structure: Structure) -> list[Footnote]:
    """Every distinct footnote: the notes found, and those only their markers show.

    An excerpt can end before its footnotes; the markers still say they exist.
    """
    defined = {f.number for f in structure.footnotes}
    referenced = {n for p in structure.paragraphs for n in p.footnotes} - defined
    missing = [Footnote(number=n, text=None) for n in referenced]
    return sorted([*structure.footnotes, *missing], key=lambda f: f.number)


Located = list[tuple[str, int | None, int | None]]


def _located_texts(structure: Structure) -> Located:
    """Every piece of text with where it sits: (text, paragraph index, footnote number)."""
    texts: Located = [(structure.header, None, None)]
    texts += [(p.text, i, None) for i, p in enumerate(structure.paragraphs)]
    texts.append((structure.closing, None, None))
    texts += [(f.text, None, f.number) for f in structure.footnotes if f.text]
    return texts


def _own_symbols(header: Header) -> frozenset[str]:
    # Frozen once here, not again for every paragraph that cites something.
    own = {s for s in (header.symbol, header.committee_report) if s}
    own.update(header.draft_symbols)
    return frozenset(own)


def _citations(located: Located, header: Header) -> list[Citation]:
    own = _own_symbols(header)
    found: list[Citation] = []
    for text, paragraph, footnote in located:
        for match in find_citation_matches(text, own_symbols=own):
            found.append(
                Citation(
                    kind=match.kind,
                    value=match.value,
                    raw=match.raw,
                    paragraph=paragraph,
                    footnote=footnote,
                    resolved_symbol=resolve_symbol(
                        match.kind, match.value, header.organ, body=match.body
                    ),
                )
            )
    return found


def _dates(located: Located) -> list[DateMention]:
    return [
        DateMention(date=date, raw=raw, paragraph=paragraph, footnote=footnote)
        for text, paragraph, footnote in located
        for date, raw in find_dates(text)
    ]


def _header_warnings(header: Header) -> list[str]:
    warnings = list(header.warnings)
    if header.symbol is None:
        warnings.append("no_symbol")
    # A draft is not adopted yet: no date to miss.
    if header.adoption_date is None and header.document_type in ("resolution", "decision"):
        warnings.append("no_adoption_date")
    return warnings
