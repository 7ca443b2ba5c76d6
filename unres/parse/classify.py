"""Whether a parsed text is a resolution at all, and which reject it is when not."""

from __future__ import annotations

from typing import Final, Literal

from unres.model import ParsedDocument

NotAResolution = Literal["html_not_resolution", "not_a_resolution"]
NOT_A_RESOLUTION_DETAIL: Final = "no symbol, organ or resolution paragraph found"


def looks_like_resolution(document: ParsedDocument) -> bool:
    """A resolution names itself or its organ, or opens its paragraphs with UN verb phrases."""
    header = document.header
    if header.symbol or header.organ:
        return True
    return any(p.verb for p in document.paragraphs if p.kind != "annex")


def not_a_resolution(document: ParsedDocument, *, was_html: bool) -> NotAResolution | None:
    """The reject reason of a text that holds no resolution (a web page's has its own);
    None for a resolution."""
    if looks_like_resolution(document):
        return None
    return "html_not_resolution" if was_html else "not_a_resolution"
