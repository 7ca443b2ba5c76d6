"""What a failed check reports, and how it reads to the person fixing it.

Every failure names the table, the column and the rule, then the first few
offending rows by their key ("doc_id=x.txt index=3 value='foo'"), so the message
alone leads to the row in the data.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pandera.polars as pa
import polars as pl

from schemas.columns import DOC_ID

ROWS_SHOWN = 3
ROW_POSITION = "row"


@dataclass(frozen=True, slots=True)
class Failure:
    """One rule broken in one column of one table.

    ``rows`` holds the offending rows to show (their key columns, then ``value``
    and any other context), already cut to a few; ``count`` is how many rows
    fail in all, or None when the rule concerns the table as a whole (a missing
    column, a wrong dtype).

    ``documents`` makes the failure a row-level one: every document (doc_id) with a
    failing row, each with its first failing value as shown. Removing those documents
    removes the failure, so the build quarantines them instead of failing. None: no
    single document explains the failure (the table's shape is wrong, a doc_id repeats
    across inputs, a reject or a release-wide row is wrong), and it blocks the build.
    """

    table: str
    column: str | None
    rule: str
    rows: pl.DataFrame | None = None
    count: int | None = None
    documents: Mapping[str, str] | None = None

    def describe(self) -> str:
        where = self.table if self.column is None else f"{self.table}.{self.column}"
        if self.rows is None or self.count is None:
            return f"{where}: {self.rule}"
        shown = "; ".join(
            " ".join(f"{name}={_show(value)}" for name, value in row.items())
            for row in self.rows.head(ROWS_SHOWN).iter_rows(named=True)
        )
        more = f"; ... {self.count - ROWS_SHOWN} more" if self.count > ROWS_SHOWN else ""
        return f"{where}: {self.count} rows fail {self.rule}: {shown}{more}"


class SchemaViolation(Exception):
    """Tables broke the dataset contract; ``problems`` has one line per broken rule."""

    def __init__(self, failures: Sequence[Failure]) -> None:
        self.problems: tuple[str, ...] = tuple(failure.describe() for failure in failures)
        super().__init__("\n".join(self.problems))


def _show(value: object) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    return repr(value)


UNIQUE_KEY_CHECK = "unique_key"
VALUE_SHOWN_CHARS = 80


def offending_documents(
    df: pl.DataFrame, positions: pl.Series, column: str | None
) -> dict[str, str] | None:
    """doc_id -> the first failing value shown, for the rows of ``df`` at ``positions``;
    None for a table whose rows belong to no document."""
    if DOC_ID not in df.columns:
        return None
    numbered = df.with_row_index(ROW_POSITION)
    picked = numbered.filter(pl.col(ROW_POSITION).is_in(positions.cast(pl.UInt32).implode()))
    shown = column if column is not None and column in df.columns else DOC_ID
    first = picked.group_by(DOC_ID, maintain_order=True).agg(pl.col(shown).first().alias("value"))
    return {
        doc_id: _shortened(_show(value))
        for doc_id, value in first.iter_rows()
        if doc_id is not None
    } or None


def _shortened(text: str) -> str:
    return text if len(text) <= VALUE_SHOWN_CHARS else text[: VALUE_SHOWN_CHARS - 3] + "..."


def _first_line(text: str, limit: int = 160) -> str:
    """Shortens what pandera reports for a check that raised (a whole query plan)."""
    line = text.split("\n", 1)[0]
    return line if len(line) <= limit else line[: limit - 3] + "..."


def identity_columns(df: pl.DataFrame, primary_key: Sequence[str]) -> list[str]:
    """The columns that name a row to a reader: the key, else doc_id and row position."""
    if primary_key:
        return [column for column in primary_key if column in df.columns]
    return [column for column in (DOC_ID, ROW_POSITION) if column in df.columns]


def offending_rows(
    df: pl.DataFrame, positions: pl.Series, column: str | None, primary_key: Sequence[str]
) -> pl.DataFrame:
    """The rows of ``df`` at ``positions``: their identity columns, then the value."""
    numbered = df.with_row_index(ROW_POSITION)
    wanted = identity_columns(numbered, primary_key)
    selection = [pl.col(name) for name in wanted]
    if column is not None and column in df.columns and column not in wanted:
        selection.append(pl.col(column).alias("value"))
    picked = numbered.filter(pl.col(ROW_POSITION).is_in(positions.cast(pl.UInt32).implode()))
    return picked.select(selection)


def from_pandera(
    table: str, df: pl.DataFrame, error: pa.errors.SchemaErrors, primary_key: Sequence[str]
) -> list[Failure]:
    """Turn pandera's failure-case table into one ``Failure`` per (column, check)."""
    cases: pl.DataFrame = error.failure_cases
    failures: list[Failure] = []
    for (column, check), group in cases.group_by(["column", "check"], maintain_order=True):
        positions = group["index"].drop_nulls().unique(maintain_order=True)
        found = [_first_line(str(case)) for case in group["failure_case"].to_list()]
        if check == "column_in_schema":
            failures += [Failure(table, name, "is not a column of the table") for name in found]
        elif check == "column_in_dataframe":
            failures += [Failure(table, name, "is missing") for name in found]
        elif positions.is_empty():
            failures.append(Failure(table, str(column), f"fails {check}: got {', '.join(found)}"))
        else:
            rows = offending_rows(df, positions.head(ROWS_SHOWN), str(column), primary_key)
            documents = (
                None
                if _spans_documents(str(check), primary_key)
                else offending_documents(df, positions, str(column))
            )
            failures.append(
                Failure(table, str(column), str(check), rows, positions.len(), documents)
            )
    return failures


def _spans_documents(check: str, primary_key: Sequence[str]) -> bool:
    """A repeated doc_id repeats across inputs: no single document explains it. Keys
    within a document (doc_id and a paragraph index) repeat inside one."""
    return check == UNIQUE_KEY_CHECK and list(primary_key) == [DOC_ID]
