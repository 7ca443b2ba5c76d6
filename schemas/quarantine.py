"""Validation with a dead-letter queue: a document that breaks a row rule leaves the
release, whole, and its input becomes a reject; only table-level failures block.

A value of one document failing a column check (a pattern, a range, a vocabulary) or
a relation between tables broken by one document is that document's fault: every row
of it is removed from every table and its input lands in ``rejects`` with reason
``schema_violation`` and a detail naming table, column, check and value. A failure no
single document explains (a missing column, a wrong dtype, a doc_id repeated across
inputs, a bad reject row) still raises ``SchemaViolation``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import polars as pl

from schemas.columns import DOC_ID
from schemas.failures import Failure, SchemaViolation
from schemas.models import table_schema
from schemas.patterns import SHA256_HEX
from schemas.validation import find_failures, in_schema_order
from schemas.vocabulary import RejectReason

# Removing a document removes its failures, so a second round finds none; a third is
# a safety margin against a rule that only fires once another document is gone.
MAX_ROUNDS = 3
DETAIL_CHARS = 500


def validate_or_quarantine(tables: dict[str, pl.DataFrame]) -> dict[str, pl.DataFrame]:
    """The tables checked as ``validate_tables`` does, less every document with a failing
    row, whose input is added to ``rejects`` instead (see the module's docstring).

    Raises ``SchemaViolation`` when a failure is not one document's (``Failure.documents``
    is None), naming every failure found.
    """
    failures: list[Failure] = []
    for _ in range(MAX_ROUNDS):
        failures = find_failures(tables)
        if not failures:
            return in_schema_order(tables)
        if any(failure.documents is None for failure in failures):
            raise SchemaViolation(failures)
        tables = _quarantined(tables, _details(failures))
    raise SchemaViolation(failures)


def _details(failures: Sequence[Failure]) -> dict[str, str]:
    """doc_id -> what its rows break: "documents.symbol fails un_symbol: 'X'"."""
    found: dict[str, list[str]] = {}
    for failure in failures:
        assert failure.documents is not None
        for doc_id, value in failure.documents.items():
            found.setdefault(doc_id, []).append(
                f"{failure.table}.{failure.column} fails {failure.rule}: {value}"
            )
    return {doc_id: _shortened("; ".join(broken)) for doc_id, broken in found.items()}


def _shortened(text: str) -> str:
    return text if len(text) <= DETAIL_CHARS else text[: DETAIL_CHARS - 3] + "..."


def _quarantined(
    tables: dict[str, pl.DataFrame], details: Mapping[str, str]
) -> dict[str, pl.DataFrame]:
    """``tables`` without any row of the documents in ``details``, which become rejects."""
    quarantined = pl.Series(list(details), dtype=pl.String).implode()
    documents = tables["documents"]
    # A hash that is no hash (a bug upstream) is not carried over: the reject would
    # fail the same pattern, and block the release.
    hashes = dict(
        documents.filter(pl.col(DOC_ID).is_in(quarantined))
        .filter(pl.col("source_sha256").str.contains(SHA256_HEX))
        .select(DOC_ID, "source_sha256")
        .iter_rows()
    )
    kept = {
        name: df.filter(~pl.col(DOC_ID).is_in(quarantined)) if DOC_ID in df.columns else df
        for name, df in tables.items()
    }
    rejected = pl.DataFrame(
        [
            {
                "path": doc_id,
                "sha256": hashes.get(doc_id),
                "reason": RejectReason.SCHEMA_VIOLATION,
                "detail": detail,
            }
            for doc_id, detail in details.items()
        ],
        schema=table_schema("rejects"),
    )
    kept["rejects"] = pl.concat([kept["rejects"], rejected])
    return kept
