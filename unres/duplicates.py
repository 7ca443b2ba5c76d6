"""Duplicates: inputs with the same bytes, and inputs that give the same resolution.

All stay in documents. Every document whose bytes equal another's carries the
warning ``duplicate_input:<the other doc_ids>``. Of the documents that give one
symbol, one is canonical, by the rule of ``canonical_documents``; each of the others
points to it in ``duplicate_of`` and carries ``duplicate_symbol:<its doc_id>``.
Citation edges, and the report's counts, are of canonical documents only.

Both can only be seen across all batches, so they are set while the release tables
are merged, on fresh rows and on rows kept from an earlier release alike (whose
copies may have come or gone).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Final

import polars as pl
import pyarrow as pa

from schemas import table_file
from schemas.columns import DOC_ID

DUPLICATE_WARNING: Final = "duplicate_input"
DUPLICATE_SYMBOL_WARNING: Final = "duplicate_symbol"
_MARKS = (DUPLICATE_WARNING, DUPLICATE_SYMBOL_WARNING)
# The header fields whose count decides between copies with as many warnings.
_HEADER_FIELDS = (
    "organ",
    "session",
    "title",
    "adoption_date",
    "distribution_date",
    "agenda_item",
    "committee_report",
    "plenary_meeting",
    "meeting_number",
)
_COLUMNS = (
    DOC_ID,
    "source_sha256",
    "symbol",
    "warnings",
    "n_preambular",
    "n_operative",
    *_HEADER_FIELDS,
)


def duplicate_marks(
    shards: Sequence[str], previous: Path | None, dropped: list[str]
) -> pl.DataFrame:
    """The marks of the documents of the release made of ``shards`` and of ``previous``
    less its ``dropped`` documents: one row per marked document, its doc_id, its
    ``marks`` (warnings) and ``duplicate_of``. Only header columns are read."""
    parts = [pl.scan_parquet(Path(s) / table_file("documents")).select(_COLUMNS) for s in shards]
    if previous is not None:
        earlier = pl.scan_parquet(previous / table_file("documents")).select(_COLUMNS)
        parts.append(earlier.filter(~pl.col(DOC_ID).is_in(dropped)))
    documents = pl.concat(parts).collect() if parts else pl.DataFrame()
    same_bytes = _same_bytes(documents) if parts else {}
    canonical = canonical_documents(documents) if parts else {}
    marked = sorted(same_bytes.keys() | canonical.keys())
    return pl.DataFrame(
        {
            DOC_ID: marked,
            "marks": [
                [flag for flag in (same_bytes.get(doc_id), _symbol_mark(canonical, doc_id)) if flag]
                for doc_id in marked
            ],
            "duplicate_of": [canonical.get(doc_id) for doc_id in marked],
        },
        schema={DOC_ID: pl.String, "marks": pl.List(pl.String), "duplicate_of": pl.String},
    )


def _symbol_mark(canonical: dict[str, str], doc_id: str) -> str | None:
    return (
        f"{DUPLICATE_SYMBOL_WARNING}:{_one_line(canonical[doc_id])}"
        if doc_id in canonical
        else None
    )


def _same_bytes(documents: pl.DataFrame) -> dict[str, str]:
    copies = (
        documents.group_by("source_sha256")
        .agg(pl.col(DOC_ID).sort().alias("copies"))
        .filter(pl.col("copies").list.len() > 1)
    )
    return {
        doc_id: f"{DUPLICATE_WARNING}:"
        + ",".join(_one_line(other) for other in group if other != doc_id)
        for group in copies["copies"].to_list()
        for doc_id in group
    }


def _one_line(doc_id: str) -> str:
    """A doc_id as a warning's detail, which is one line: a file name may hold a line
    break or another unprintable character; it is spelt out as an escape."""
    if doc_id.isprintable():
        return doc_id
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode() for c in doc_id)


def canonical_documents(documents: pl.DataFrame) -> dict[str, str]:
    """doc_id -> the canonical document of its symbol, for each document that shares
    its symbol with others and is not the canonical one.

    The canonical one has the fewest warnings of its own (the duplicate marks aside),
    then the most header fields read, then the most paragraphs; then it is the first
    by doc_id.
    """
    ranked = (
        documents.filter(pl.col("symbol").is_not_null())
        .with_columns(
            _own_warnings().list.len().alias("_warnings"),
            pl.sum_horizontal(pl.col(f).is_not_null() for f in _HEADER_FIELDS).alias("_read"),
            (pl.col("n_preambular") + pl.col("n_operative")).alias("_paragraphs"),
        )
        .sort(
            ["symbol", "_warnings", "_read", "_paragraphs", DOC_ID],
            descending=[False, False, True, True, False],
        )
        .with_columns(pl.col(DOC_ID).first().over("symbol").alias("canonical"))
        .filter(pl.col(DOC_ID) != pl.col("canonical"))
    )
    return dict(ranked.select(DOC_ID, "canonical").iter_rows())


def with_duplicate_marks(documents: pa.Table, marks: pl.DataFrame) -> pa.Table:
    """Rows of the documents table with their marks set anew (``duplicate_marks``):
    rows kept from an earlier release carry that release's."""
    frame = pl.from_arrow(documents)
    assert isinstance(frame, pl.DataFrame)
    no_marks = pl.lit([], dtype=pl.List(pl.String))
    marked = (
        frame.drop("duplicate_of")
        .join(marks, on=DOC_ID, how="left", maintain_order="left")
        .with_columns(
            pl.concat_list(_own_warnings(), pl.col("marks").fill_null(no_marks)).alias("warnings")
        )
        .select(frame.columns)
    )
    return marked.to_arrow()


def _own_warnings() -> pl.Expr:
    return pl.col("warnings").list.eval(
        pl.element().filter(~pl.any_horizontal(pl.element().str.starts_with(m) for m in _MARKS))
    )
