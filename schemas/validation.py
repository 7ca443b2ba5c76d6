"""Validating one batch of tables against the contract, in one pass per table."""

from __future__ import annotations

import pandera.polars as pa
import polars as pl

from schemas.failures import Failure, SchemaViolation, from_pandera
from schemas.models import RELEASE_WIDE_TABLES, TABLES, primary_key, table_schema
from schemas.relations import cross_table_failures


def validate_tables(tables: dict[str, pl.DataFrame]) -> dict[str, pl.DataFrame]:
    """Check every table and the relations between them; raise ``SchemaViolation``.

    Every table of TABLES must be given, and nothing else, except that a batch
    may leave out the RELEASE_WIDE_TABLES (they are derived over the release).
    Returns the given tables in TABLES order with their columns in schema order,
    so every release lays them out alike.
    """
    failures = find_failures(tables)
    if failures:
        raise SchemaViolation(failures)
    return in_schema_order(tables)


def validate_table(name: str, df: pl.DataFrame) -> None:
    """Hold one table to its model alone (no cross-table rule); raise ``SchemaViolation``."""
    try:
        TABLES[name].validate(df, lazy=True)
    except pa.errors.SchemaErrors as error:
        raise SchemaViolation(from_pandera(name, df, error, primary_key(name))) from None


def in_schema_order(tables: dict[str, pl.DataFrame]) -> dict[str, pl.DataFrame]:
    """The given tables in TABLES order, their columns in schema order."""
    return {
        name: tables[name].select(table_schema(name).names()) for name in TABLES if name in tables
    }


def find_failures(tables: dict[str, pl.DataFrame]) -> list[Failure]:
    """Every rule the tables break (see ``validate_tables``), each naming the documents
    at fault when single documents are (``Failure.documents``).

    Data checks run on collected DataFrames (pandera skips them on LazyFrames).
    """
    failures = [
        Failure(name, None, "is not a table of the release")
        for name in sorted(tables.keys() - TABLES.keys())
    ]
    required = TABLES.keys() - RELEASE_WIDE_TABLES
    failures += [Failure(name, None, "is missing") for name in sorted(required - tables.keys())]
    well_formed: dict[str, pl.DataFrame] = {}
    for name, model in TABLES.items():
        df = tables.get(name)
        if df is None:
            continue
        try:
            model.validate(df, lazy=True)
        except pa.errors.SchemaErrors as error:
            failures += from_pandera(name, df, error, primary_key(name))
        if dict(df.schema) == dict(table_schema(name)):
            well_formed[name] = df
    failures += cross_table_failures(well_formed)
    return failures


def empty_tables() -> dict[str, pl.DataFrame]:
    """Every table with no rows and the right dtypes, for a batch with no documents."""
    return {name: pl.DataFrame(schema=table_schema(name)) for name in TABLES}
