"""Parsed documents -> polars tables, one frame per published table.

Column names, order and dtypes come from the pandera models in ``schemas/``, the
single source of truth; this module only lays the rows out.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import polars as pl

from schemas import RELEASE_WIDE_TABLES, TABLES, table_schema
from schemas.columns import DOC_ID
from schemas.vocabulary import RejectReason, undocs_url
from unres.model import ParsedDocument

# Tables built per batch of inputs; the release-wide ones (citation_edges) are
# derived once over the merged release.
BATCH_TABLES: tuple[str, ...] = tuple(name for name in TABLES if name not in RELEASE_WIDE_TABLES)


@dataclass(frozen=True, slots=True)
class ParsedInput:
    doc_id: str
    sha256: str
    document: ParsedDocument


@dataclass(frozen=True, slots=True)
class RejectedInput:
    path: str
    sha256: str | None
    reason: RejectReason
    detail: str


def build_tables(
    parsed: Iterable[ParsedInput], rejected: Iterable[RejectedInput]
) -> dict[str, pl.DataFrame]:
    """Lay out one batch of results as the per-batch tables (rows in input order)."""
    rows: dict[str, list[dict[str, object]]] = {name: [] for name in BATCH_TABLES}
    for item in parsed:
        _add_document_rows(rows, item)
    rows["rejects"] = [
        {"path": r.path, "sha256": r.sha256, "reason": r.reason, "detail": r.detail}
        for r in rejected
    ]
    return {name: pl.DataFrame(rows[name], schema=table_schema(name)) for name in BATCH_TABLES}


def _add_document_rows(rows: dict[str, list[dict[str, object]]], item: ParsedInput) -> None:
    doc, doc_id = item.document, item.doc_id
    header = doc.header
    kinds = [p.kind for p in doc.paragraphs]
    rows["documents"].append(
        {
            DOC_ID: doc_id,
            "source_sha256": item.sha256,
            "symbol": header.symbol,
            "url": None if header.symbol is None else undocs_url(header.symbol),
            "document_type": header.document_type,
            "organ": header.organ,
            "session": header.session,
            "title": header.title,
            "adoption_date": header.adoption_date,
            "distribution_date": header.distribution_date,
            "agenda_item": header.agenda_item,
            "committee_report": header.committee_report,
            "draft_symbols": list(header.draft_symbols),
            "plenary_meeting": header.plenary_meeting,
            "meeting_number": header.meeting_number,
            "n_preambular": kinds.count("preambular"),
            "n_operative": kinds.count("operative"),
            "n_footnotes": len(doc.footnotes),
            "warnings": list(doc.warnings),
            "duplicate_of": None,  # set over the whole release (unres.duplicates)
        }
    )
    rows["paragraphs"].extend(
        {
            DOC_ID: doc_id,
            "index": index,
            "kind": p.kind,
            "number": p.number,
            "text": p.text,
            "verb": p.verb,
            "footnotes": list(p.footnotes),
        }
        for index, p in enumerate(doc.paragraphs)
    )
    rows["citations"].extend(
        {
            DOC_ID: doc_id,
            "paragraph": c.paragraph,
            "footnote": c.footnote,
            "kind": c.kind,
            "value": c.value,
            "raw": c.raw,
            "resolved_symbol": c.resolved_symbol,
        }
        for c in doc.citations
    )
    rows["dates"].extend(
        {
            DOC_ID: doc_id,
            "paragraph": d.paragraph,
            "footnote": d.footnote,
            "date": d.date,
            "raw": d.raw,
        }
        for d in doc.dates
    )
    rows["footnotes"].extend(
        {DOC_ID: doc_id, "number": f.number, "text": f.text} for f in doc.footnotes
    )


def citation_edges(documents: pl.LazyFrame, citations: pl.LazyFrame) -> pl.LazyFrame:
    """Who cites whom: one row per (citing symbol, cited symbol) with the occurrence count,
    counted in the canonical document of each symbol only (see unres.duplicates)."""
    canonical = documents.filter(pl.col("duplicate_of").is_null())
    return (
        citations.filter(pl.col("resolved_symbol").is_not_null())
        .join(canonical.select(DOC_ID, "symbol"), on=DOC_ID)
        .filter(pl.col("symbol").is_not_null())
        .group_by(
            pl.col("symbol").alias("citing_symbol"), pl.col("resolved_symbol").alias("cited_symbol")
        )
        .agg(pl.len().cast(pl.Int32).alias("count"))
        .sort("citing_symbol", "cited_symbol")
    )
