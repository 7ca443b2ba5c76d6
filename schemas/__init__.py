"""The dataset contract in code: one pandera model per published table.

The models (``schemas.models``) are the single source of truth for what every
column means; ``validate_tables`` holds a batch to them and to the cross-table
rules, and raises ``SchemaViolation`` naming the table, column and rows at fault.
"""

from __future__ import annotations

from schemas.failures import SchemaViolation
from schemas.models import (
    DOCUMENT_PARTS,
    RELEASE_WIDE_TABLES,
    TABLE_FILE_SUFFIX,
    TABLES,
    input_column,
    primary_key,
    required_columns,
    sort_key,
    table_file,
    table_schema,
)
from schemas.quarantine import validate_or_quarantine
from schemas.validation import empty_tables, validate_table, validate_tables

SCHEMA_VERSION = "2.0.0"

__all__ = [
    "DOCUMENT_PARTS",
    "RELEASE_WIDE_TABLES",
    "SCHEMA_VERSION",
    "TABLES",
    "TABLE_FILE_SUFFIX",
    "SchemaViolation",
    "empty_tables",
    "input_column",
    "primary_key",
    "required_columns",
    "sort_key",
    "table_file",
    "table_schema",
    "validate_or_quarantine",
    "validate_table",
    "validate_tables",
]
