"""How tables lie in Parquet files: compression, row groups, declared sort order.

Shard tables (one batch's) and release tables (the whole release's, streamed in) are
both zstd-compressed and sorted by the table's key (``schemas.sort_key``).
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any, Final

import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq

from schemas import TABLES, required_columns, sort_key, table_file, table_schema

PARQUET_COMPRESSION: Final = "zstd"
# Rows per row group of a release table. With the tables sorted by doc_id and min/max
# statistics in every group, a reader filtering on one document reads the one or two
# groups whose doc_id range holds it. Measured on 738,000 paragraph rows of 42,000
# documents (the corpus's paragraphs repeated, their words shuffled; 115 MB): one
# document in 9 ms with polars, 13 ms with DuckDB and 26 ms with pyarrow, against 58,
# 39 and 939 ms for a single 1M-row group, while reading the whole table slowed from
# 1.1 s to 1.5 s; groups of 4,096 rows made that 2.7 s and DuckDB's look-up 23 ms.
ROW_GROUP_ROWS: Final = 16_384


def write_shard_table(name: str, frame: pl.DataFrame, shard: Path) -> None:
    """One batch's table ``name`` into the shard directory, sorted by its key."""
    frame.sort(sort_key(name), maintain_order=True).write_parquet(
        shard / table_file(name), compression=PARQUET_COMPRESSION
    )


def write_release_table(name: str, parts: Iterable[pa.Table], target: Path) -> int:
    """Stream ``parts`` of release table ``name``, in order, into one Parquet file.

    Row groups hold ROW_GROUP_ROWS rows (the last one fewer) whatever the parts'
    sizes, and no more than one part and one group of rows are held at a time. The
    file declares its sort order (``sort_key``) to readers: each part must be sorted
    (shards are), and the order across parts is checked here. With no parts, the
    file still has the table's columns, so every release has every table. Returns
    the number of rows.
    """
    key = sort_key(name)
    schema = arrow_schema(name)
    pending: pa.Table | None = None
    last: tuple[Any, ...] | None = None
    total = 0
    with _table_writer(target, schema, key) as writer:
        for part in parts:
            if not part.num_rows:
                continue
            first = _key_of_row(part, key, 0)
            if last is not None and first < last:
                raise RuntimeError(
                    f"{name}: rows out of {key} order across shards, {first} after {last} "
                    "(this is a bug, please report it)"
                )
            last = _key_of_row(part, key, part.num_rows - 1)
            total += part.num_rows
            part = part.cast(schema) if part.schema != schema else part
            pending = part if pending is None else pa.concat_tables([pending, part])
            while pending.num_rows >= ROW_GROUP_ROWS:
                writer.write_table(pending.slice(0, ROW_GROUP_ROWS), row_group_size=ROW_GROUP_ROWS)
                pending = pending.slice(ROW_GROUP_ROWS)
        if pending is not None and pending.num_rows:
            writer.write_table(pending, row_group_size=ROW_GROUP_ROWS)
    return total


@cache
def arrow_schema(name: str) -> pa.Schema:
    """The Arrow schema of release table ``name`` as its Parquet files read back (polars
    names a list's items "item" in memory, Parquet "element"), each column declared
    non-nullable where the model requires a value: readers learn it from the file."""
    buffer = io.BytesIO()
    pl.DataFrame(schema=table_schema(name)).write_parquet(buffer)
    buffer.seek(0)
    required = required_columns(name)
    return pa.schema(
        [field.with_nullable(field.name not in required) for field in pq.read_schema(buffer)]
    )


def _table_writer(target: Path, schema: pa.Schema, key: tuple[str, ...]) -> pq.ParquetWriter:
    return pq.ParquetWriter(
        target,
        schema,
        compression=PARQUET_COMPRESSION,
        sorting_columns=pq.SortingColumn.from_ordering(schema, [(c, "ascending") for c in key]),
    )


def _key_of_row(table: pa.Table, key: tuple[str, ...], row: int) -> tuple[Any, ...]:
    return tuple(table.column(column)[row].as_py() for column in key)


def has_current_columns(release: Path) -> bool:
    """True when every table of ``release`` has this schema's columns, in order: rows of
    a release written before a column was added under the same schema version cannot
    be kept. Only the files' footers are read."""
    return all(
        pq.read_schema(release / table_file(name)).names == table_schema(name).names()
        for name in TABLES
    )
