"""A document that breaks a row rule is quarantined; a broken table still blocks.

Every contract violation of tests/test_schemas.py is either one document's fault (its
rows leave every table, its input becomes a ``schema_violation`` reject naming table,
column, check and value) or the table's (``SchemaViolation``, as before).
"""

from __future__ import annotations

from collections.abc import Callable

import polars as pl
import pytest

from schemas import SchemaViolation, validate_or_quarantine, validate_tables
from tests.test_schemas import DOC, VIOLATIONS, Tables, valid_batch

# Violations no single document explains: they must still stop the build.
TABLE_LEVEL = {
    "document listed twice",
    "input both parsed and rejected",
    "unknown reject reason",
    "edge count off",
    "edge missing",
    "wrong dtype",
    "missing column",
    "extra column",
    "missing table",
    "unknown table",
}
ROW_LEVEL = [
    pytest.param(mutate, id=name) for name, mutate, _ in VIOLATIONS if name not in TABLE_LEVEL
]
BLOCKING = [
    pytest.param(mutate, expected, id=name)
    for name, mutate, expected in VIOLATIONS
    if name in TABLE_LEVEL
]


def _batch(mutate: Callable[[Tables], None]) -> Tables:
    """The valid batch, broken by ``mutate``, as a batch is built: its release-wide
    citation_edges are derived after the merge, from what the batches kept."""
    batch = valid_batch()
    mutate(batch)
    if "citation_edges" in batch and "citation_edges" in valid_batch():
        del batch["citation_edges"]
    return batch


def test_every_violation_is_classified() -> None:
    assert {name for name, _, _ in VIOLATIONS} >= TABLE_LEVEL


@pytest.mark.parametrize("mutate", ROW_LEVEL)
def test_a_row_level_violation_quarantines_the_document(
    mutate: Callable[[Tables], None],
) -> None:
    batch = _batch(mutate)
    with pytest.raises(SchemaViolation) as refused:
        validate_tables(batch)
    problems = refused.value.problems

    tables = validate_or_quarantine(batch)

    for name, df in tables.items():
        if "doc_id" in df.columns:
            assert DOC not in df["doc_id"].to_list(), name
    quarantined = tables["rejects"].filter(pl.col("reason") == "schema_violation")
    row = quarantined.filter(pl.col("path") == DOC).row(0, named=True)
    sha256 = batch["documents"]["source_sha256"][0]
    assert row["sha256"] == (sha256 if len(sha256) == 64 else None)
    # The detail names table, column and check as the refusal did.
    for problem in problems:
        where, rule = problem.split(": ", 1)[0], problem.split(" fail ", 1)[-1].split(":")[0]
        if f"doc_id='{DOC}'" in problem:
            assert f"{where} fails {rule}" in row["detail"], (problem, row["detail"])
    # What is left holds to the contract: it publishes.
    assert validate_tables(tables).keys() == tables.keys()


def test_the_detail_names_table_column_check_and_value() -> None:
    batch = _batch(
        lambda t: t.update(documents=t["documents"].with_columns(symbol=pl.lit("S/RES/1325")))
    )

    rejects = validate_or_quarantine(batch)["rejects"]

    detail = rejects.filter(pl.col("path") == DOC)["detail"].item()
    assert detail == "documents.symbol fails un_symbol: 'S/RES/1325'"


def test_other_documents_of_the_batch_stay() -> None:
    batch = _batch(lambda t: None)
    other = "A_RES_75_181.txt"
    for name, df in list(batch.items()):
        if "doc_id" in df.columns:
            batch[name] = pl.concat([df, df.with_columns(doc_id=pl.lit(other))])
    batch["documents"] = batch["documents"].with_columns(
        symbol=pl.when(pl.col("doc_id") == other).then(pl.col("symbol")).otherwise(pl.lit("X"))
    )

    tables = validate_or_quarantine(batch)

    assert tables["documents"]["doc_id"].to_list() == [other]
    assert tables["paragraphs"].height == valid_batch()["paragraphs"].height
    assert tables["rejects"].filter(pl.col("reason") == "schema_violation")["path"].to_list() == [
        DOC
    ]


@pytest.mark.parametrize(("mutate", "expected"), BLOCKING)
def test_a_table_level_violation_still_blocks(
    mutate: Callable[[Tables], None], expected: list[str]
) -> None:
    batch = valid_batch()
    mutate(batch)
    with pytest.raises(SchemaViolation) as refused:
        validate_or_quarantine(batch)
    for fragment in expected:
        assert fragment in str(refused.value)
