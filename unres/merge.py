"""Shards and the previous release -> the release tables, in one streaming pass.

A rebuild parses only the inputs that are new or changed since the previous release.
Each release table is then written in one streaming pass: the previous release's
file is read once, in key order, less the rows of the documents that were parsed
again or removed, and the fresh shards' rows are interleaved where their keys fall.
The order is checked and the files laid out (row groups whose doc_id statistics let
readers skip to one document) by ``unres.parquet_layout``.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Collection, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import polars as pl
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from schemas import input_column, table_file
from unres.duplicates import duplicate_marks, with_duplicate_marks
from unres.parquet_layout import ROW_GROUP_ROWS, write_release_table
from unres.tables import BATCH_TABLES, citation_edges


def merge_release(
    shards: Sequence[str],
    staging: Path,
    *,
    previous: Path | None = None,
    dropped: Collection[str] = (),
) -> dict[str, int]:
    """Write the release tables into ``staging``; returns the row count per table.

    The rows are those of ``previous`` (a release directory) less the rows of the
    ``dropped`` documents (doc_ids, paths for rejects), and those of ``shards``, given
    in doc_id order, whose documents must not be among the ones kept. Kept rows were
    validated when ``previous`` was published, under the same schema version; only
    their duplicate flags are set anew, as are the fresh rows'.
    """
    drop = sorted(dropped)
    marks = duplicate_marks(shards, previous, drop)
    rows: dict[str, int] = {}
    for name in BATCH_TABLES:
        key = input_column(name)
        assert key is not None  # a batch table's rows each come from one input
        fresh = (pq.read_table(Path(s) / table_file(name)) for s in shards)
        kept = _kept_rows(previous / table_file(name), key, drop) if previous else iter(())
        parts = _interleaved(kept, fresh, key)
        if name == "documents":
            parts = (with_duplicate_marks(part, marks) for part in parts)
        rows[name] = write_release_table(name, parts, staging / table_file(name))
    edges = citation_edges(
        pl.scan_parquet(staging / table_file("documents")),
        pl.scan_parquet(staging / table_file("citations")),
    ).collect()
    rows["citation_edges"] = write_release_table(
        "citation_edges", [edges.to_arrow()], staging / table_file("citation_edges")
    )
    return rows


def _kept_rows(path: Path, key: str, dropped: list[str]) -> Iterator[pa.Table]:
    """The rows of a release's table file, a row group's worth at a time, less those
    of the ``dropped`` documents (sorted), whose ids are in the ``key`` column."""
    file = pq.ParquetFile(path)
    for batch in file.iter_batches(batch_size=ROW_GROUP_ROWS):
        if not batch.num_rows:
            continue
        part = pa.Table.from_batches([batch])
        first, last = part[key][0].as_py(), part[key][-1].as_py()
        at = bisect_left(dropped, first)
        if at < len(dropped) and dropped[at] <= last:  # a dropped document is in this part
            part = part.filter(pc.invert(pc.is_in(part[key], value_set=pa.array(dropped))))
        yield part


def _interleaved(
    first: Iterable[pa.Table], second: Iterable[pa.Table], key: str
) -> Iterator[pa.Table]:
    """Two streams of parts, each sorted by its ``key`` column, as one sorted stream.

    No key may be in both streams (a document's rows come from one side), so runs of
    rows are taken from one side up to the other's next key: a stream of parts that
    are slices of the given ones, never concatenated or copied here.
    """
    runs = [_Run(first, key), _Run(second, key)]
    while True:
        live = [run for run in runs if run.part is not None]
        if len(live) < 2:
            if live:
                yield live[0].take_below(None)
                continue
            return
        low, high = sorted(live, key=_Run.head)
        if low.head() == high.head():
            raise RuntimeError(
                f"{key} {low.head()!r} both kept from the previous release and parsed afresh "
                "(this is a bug, please report it)"
            )
        yield low.take_below(high.head())


class _Run:
    """A stream of sorted parts, consumed from its head."""

    def __init__(self, parts: Iterable[pa.Table], key: str) -> None:
        self._parts = (part for part in parts if part.num_rows)
        self._key = key
        self.part: pa.Table | None = None
        self._at = 0  # first row of ``part`` not taken yet
        self._keys: list[Any] | None = None  # ``part``'s keys, once they are searched
        self._advance()

    def _advance(self) -> None:
        self.part, self._at, self._keys = next(self._parts, None), 0, None

    def head(self) -> Any:
        assert self.part is not None
        return self.part[self._key][self._at].as_py()

    def take_below(self, bound: Any) -> pa.Table:
        """The rows from the head on whose key is below ``bound`` (None: no bound), up to
        the end of the current part."""
        part = self.part
        assert part is not None
        if bound is None or part[self._key][-1].as_py() < bound:
            taken = part.slice(self._at)
            self._advance()
            return taken
        if self._keys is None:
            self._keys = part[self._key].to_pylist()
        end = bisect_left(self._keys, bound, self._at)
        taken = part.slice(self._at, end - self._at)
        self._at = end
        return taken
