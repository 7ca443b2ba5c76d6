"""Checks that span tables: what no single-table model can see.

They run only on tables whose columns and dtypes are already right, so a missing
column is reported once, by the table's own model, and never crashes a join here.
"""

from __future__ import annotations

from collections.abc import Mapping

import polars as pl

from schemas.columns import DOC_ID
from schemas.failures import (
    ROW_POSITION,
    ROWS_SHOWN,
    Failure,
    offending_documents,
    offending_rows,
)
from schemas.models import DOCUMENT_PARTS, primary_key

# documents' count column -> (the table whose rows it counts, which rows).
_COUNTED_ROWS: dict[str, tuple[str, pl.Expr]] = {
    "n_preambular": ("paragraphs", pl.col("kind") == "preambular"),
    "n_operative": ("paragraphs", pl.col("kind") == "operative"),
    "n_footnotes": ("footnotes", pl.lit(True)),
}
_LOCATED_TABLES = ("citations", "dates")
# A location column -> the table and key it points into.
_LOCATIONS: dict[str, tuple[str, str]] = {
    "paragraph": ("paragraphs", "index"),
    "footnote": ("footnotes", "number"),
}


def cross_table_failures(tables: Mapping[str, pl.DataFrame]) -> list[Failure]:
    """Every broken relation between the given (well-formed) tables."""
    documents = tables.get("documents")
    if documents is None:
        return []
    failures = _count_failures(documents, tables)
    for part in DOCUMENT_PARTS:
        if part in tables:
            failures += _unmatched(
                part, tables[part], (DOC_ID,), documents, (DOC_ID,), "doc_id_in_documents"
            )
    if "rejects" in tables:
        failures += _also_parsed(tables["rejects"], documents)
    canonical = documents.filter(pl.col("duplicate_of").is_null())
    failures += _unmatched(
        "documents",
        documents,
        ("symbol", "duplicate_of"),
        canonical,
        ("symbol", DOC_ID),
        "points_to_canonical_document_of_its_symbol",
    )
    for located in _LOCATED_TABLES:
        for column, (target, target_key) in _LOCATIONS.items():
            if located in tables and target in tables:
                failures += _unmatched(
                    located,
                    tables[located],
                    (DOC_ID, column),
                    tables[target],
                    (DOC_ID, target_key),
                    f"points_to_{target}_row",
                )
    if "citation_edges" in tables and "citations" in tables:
        failures += _edge_failures(tables["citation_edges"], tables["citations"], documents)
    return failures


def _failure(
    table: str,
    column: str,
    rule: str,
    df: pl.DataFrame,
    bad: pl.DataFrame,
    context: pl.Expr | None = None,
) -> Failure:
    """A failure for the rows of ``df`` at ``bad``'s positions, plus ``context`` from ``bad``."""
    shown = bad.sort(ROW_POSITION).head(ROWS_SHOWN)
    rows = offending_rows(df, shown.get_column(ROW_POSITION), column, primary_key(table))
    if context is not None:
        rows = rows.with_columns(shown.select(context).to_series())
    documents = offending_documents(df, bad.get_column(ROW_POSITION), column)
    return Failure(table, column, rule, rows, bad.height, documents)


def _count_failures(documents: pl.DataFrame, tables: Mapping[str, pl.DataFrame]) -> list[Failure]:
    failures = []
    numbered = documents.with_row_index(ROW_POSITION)
    for count_column, (counted_table, which_rows) in _COUNTED_ROWS.items():
        if counted_table not in tables:
            continue
        actual = tables[counted_table].filter(which_rows).group_by(DOC_ID).agg(pl.len())
        compared = numbered.join(actual, on=DOC_ID, how="left").with_columns(
            pl.col("len").fill_null(0)
        )
        bad = compared.filter(pl.col(count_column) != pl.col("len"))
        if bad.height:
            failures.append(
                _failure(
                    "documents",
                    count_column,
                    f"equals_its_rows_in_{counted_table}",
                    documents,
                    bad,
                    context=pl.col("len").alias(f"in_{counted_table}"),
                )
            )
    return failures


def _unmatched(
    table: str,
    df: pl.DataFrame,
    columns: tuple[str, ...],
    parent: pl.DataFrame,
    parent_columns: tuple[str, ...],
    rule: str,
) -> list[Failure]:
    """Rows whose non-null ``columns`` match no row of ``parent`` on ``parent_columns``."""
    keys = parent.select(
        pl.col(theirs).alias(ours) for ours, theirs in zip(columns, parent_columns, strict=True)
    ).unique()
    references = df.with_row_index(ROW_POSITION).drop_nulls(list(columns))
    bad = references.join(keys, on=list(columns), how="anti")
    return [_failure(table, columns[-1], rule, df, bad)] if bad.height else []


def _also_parsed(rejects: pl.DataFrame, documents: pl.DataFrame) -> list[Failure]:
    """Every input is in exactly one of documents and rejects."""
    doc_ids = documents.get_column(DOC_ID).implode()
    bad = rejects.with_row_index(ROW_POSITION).filter(pl.col("path").is_in(doc_ids))
    return [_failure("rejects", "path", "not_in_documents", rejects, bad)] if bad.height else []


def _edge_failures(
    edges: pl.DataFrame, citations: pl.DataFrame, documents: pl.DataFrame
) -> list[Failure]:
    """citation_edges must be exactly the citations counted per (citing, cited) symbol,
    of the canonical document of each symbol."""
    canonical = documents.filter(pl.col("duplicate_of").is_null())
    citing = canonical.select(DOC_ID, citing_symbol="symbol").drop_nulls()
    derived = (
        citations.select(DOC_ID, cited_symbol="resolved_symbol")
        .drop_nulls()
        .join(citing, on=DOC_ID)
        .group_by("citing_symbol", "cited_symbol")
        .agg(from_citations=pl.len().cast(pl.Int32))
    )
    compared = edges.join(
        derived, on=["citing_symbol", "cited_symbol"], how="full", coalesce=True
    ).filter(pl.col("count").ne_missing(pl.col("from_citations")))
    if compared.is_empty():
        return []
    rows = compared.select(
        "citing_symbol", "cited_symbol", pl.col("count").alias("value"), "from_citations"
    ).sort("citing_symbol", "cited_symbol")
    return [
        Failure("citation_edges", "count", "equals_citations_per_symbol_pair", rows, rows.height)
    ]
