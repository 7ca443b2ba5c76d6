"""Batches of input files -> validated table shards -> one set of release tables.

A shard is a directory holding one Parquet file per batch table. Shards are written
and validated one batch at a time, so memory stays flat however large the corpus is.
Each is sorted by the tables' keys, and batches are consecutive runs of the inputs in
doc_id order, so concatenating shards in order sorts them without a global sort.

A rebuild parses only the inputs that are new or changed since the previous release.
Each release table is then written in one streaming pass: the previous release's
file is read once, in key order, less the rows of the documents that were parsed
again or removed, and the fresh shards' rows are interleaved where their keys fall.
The merge checks the order and cuts the tables into row groups of ROW_GROUP_ROWS rows
whose doc_id statistics let readers skip to one document.
"""

from __future__ import annotations

import io
from bisect import bisect_left
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Final

import polars as pl
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from schemas import table_schema, validate_or_quarantine
from unres.ingest import (
    InputFile,
    InputRecord,
    Reject,
    RejectReason,
    read_and_hash,
    sha256_file,
)
from unres.model import ParsedDocument
from unres.parse import parse_text
from unres.tables import (
    BATCH_TABLES,
    ParsedInput,
    RejectedInput,
    build_tables,
    citation_edges,
    sort_key,
)

PARQUET_COMPRESSION: Final = "zstd"
# Rows per row group of a release table. With the tables sorted by doc_id and min/max
# statistics in every group, a reader filtering on one document reads the one or two
# groups whose doc_id range holds it. Measured on 738,000 paragraph rows of 42,000
# documents (the corpus's paragraphs repeated, their words shuffled; 115 MB): one
# document in 9 ms with polars, 13 ms with DuckDB and 26 ms with pyarrow, against 58,
# 39 and 939 ms for a single 1M-row group, while reading the whole table slowed from
# 1.1 s to 1.5 s; groups of 4,096 rows made that 2.7 s and DuckDB's look-up 23 ms.
ROW_GROUP_ROWS: Final = 16_384
DUPLICATE_WARNING: Final = "duplicate_input"


@dataclass(frozen=True, slots=True)
class ShardResult:
    shard: str
    # What the release manifest records of every input of the batch.
    inputs: tuple[InputRecord, ...]
    documents: int
    rejects: int


def process_batch(inputs: Sequence[InputFile], shard_dir: str, *, max_bytes: int) -> ShardResult:
    """Read, parse, tabulate and validate one batch; write it as a shard."""
    parsed: list[ParsedInput] = []
    rejected: list[RejectedInput] = []
    records: list[InputRecord] = []
    for item in inputs:
        outcome = process_input(item, max_bytes=max_bytes)
        if isinstance(outcome, ParsedInput):
            parsed.append(outcome)
        else:
            rejected.append(outcome)
        records.append(InputRecord(item.doc_id, outcome.sha256, item.signature))
    tables = validate_or_quarantine(build_tables(parsed, rejected))
    shard = Path(shard_dir)
    shard.mkdir(parents=True, exist_ok=True)
    for name, frame in tables.items():
        frame.sort(sort_key(name), maintain_order=True).write_parquet(
            shard / f"{name}.parquet", compression=PARQUET_COMPRESSION
        )
    return ShardResult(
        shard=str(shard),
        inputs=tuple(records),
        documents=tables["documents"].height,
        rejects=tables["rejects"].height,
    )


def find_unchanged(
    inputs: Iterable[InputFile], previous: Mapping[str, InputRecord]
) -> dict[str, InputRecord]:
    """The inputs whose bytes are those ``previous`` (the previous release's records, by
    doc_id) hashed, by doc_id, with what the next release records of them.

    An input whose signature equals the recorded one is not read; any other is hashed.
    """
    unchanged = {}
    for item in inputs:
        before = previous.get(item.doc_id)
        if before is None or before.sha256 is None or item.problem is not None:
            continue
        if item.signature is not None and item.signature == before.signature:
            unchanged[item.doc_id] = before
            continue
        try:
            now = sha256_file(item.path)
        except OSError:
            continue  # parsed again, and rejected there with the reason
        if now == before.sha256:
            unchanged[item.doc_id] = InputRecord(item.doc_id, now, item.signature)
    return unchanged


def process_input(item: InputFile, *, max_bytes: int) -> ParsedInput | RejectedInput:
    """One input read, parsed and judged: its document, or its reject with the reason."""
    path = item.path
    if item.problem is not None:
        return _rejected(item, None, item.problem)
    read = read_and_hash(path, max_bytes=max_bytes)
    if isinstance(read, Reject):  # the bytes were not read: no hash
        return _rejected(item, None, read)
    sha256, decoded = read.sha256, read.decoded
    if isinstance(decoded, Reject):
        return _rejected(item, sha256, decoded)
    try:
        document = parse_text(decoded.text)
    except Exception as error:  # one bad document must never fail the build
        return _rejected(item, sha256, Reject("parse_error", f"{type(error).__name__}: {error}"))
    if not looks_like_resolution(document):
        reason: RejectReason = "html_not_resolution" if decoded.was_html else "not_a_resolution"
        return _rejected(
            item, sha256, Reject(reason, "no symbol, organ or resolution paragraph found")
        )
    return ParsedInput(doc_id=item.doc_id, sha256=sha256, document=document)


def _rejected(item: InputFile, sha256: str | None, reject: Reject) -> RejectedInput:
    return RejectedInput(
        path=item.doc_id, sha256=sha256, reason=reject.reason, detail=reject.detail
    )


def looks_like_resolution(document: ParsedDocument) -> bool:
    """A resolution names itself or its organ, or opens its paragraphs with UN verb phrases."""
    header = document.header
    if header.symbol or header.organ:
        return True
    return any(p.verb for p in document.paragraphs if p.kind != "annex")


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
    flags = _duplicate_flags(shards, previous, drop)
    rows: dict[str, int] = {}
    for name in BATCH_TABLES:
        fresh = (pq.read_table(Path(s) / f"{name}.parquet") for s in shards)
        kept = _kept_rows(previous / f"{name}.parquet", drop) if previous else iter(())
        parts = _interleaved(kept, fresh, sort_key(name)[0])
        if name == "documents":
            parts = (_with_duplicate_flags(part, flags) for part in parts)
        rows[name] = write_release_table(name, parts, staging / f"{name}.parquet")
    edges = citation_edges(
        pl.scan_parquet(staging / "documents.parquet"),
        pl.scan_parquet(staging / "citations.parquet"),
    ).collect()
    rows["citation_edges"] = write_release_table(
        "citation_edges", [edges.to_arrow()], staging / "citation_edges.parquet"
    )
    return rows


def count_warnings(documents_file: Path) -> int:
    """All the warnings of a documents table, read from its one list column."""
    counted = pl.scan_parquet(documents_file).select(pl.col("warnings").list.len().sum())
    return int(counted.collect().item() or 0)


def _duplicate_flags(
    shards: Sequence[str], previous: Path | None, dropped: list[str]
) -> dict[str, str]:
    """doc_id -> its ``duplicate_input:<other doc_ids>`` warning, for every document
    whose bytes equal another's in the release ``merge_release`` writes.

    Duplicates can only be seen across all batches; only two columns are read for it.
    """
    columns = ("doc_id", "source_sha256")
    pairs = [pl.scan_parquet(Path(s) / "documents.parquet").select(columns) for s in shards]
    if previous is not None:
        earlier = pl.scan_parquet(previous / "documents.parquet").select(columns)
        pairs.append(earlier.filter(~pl.col("doc_id").is_in(dropped)))
    if not pairs:
        return {}
    copies = (
        pl.concat(pairs)
        .group_by("source_sha256")
        .agg(pl.col("doc_id").sort().alias("copies"))
        .filter(pl.col("copies").list.len() > 1)
        .collect()
    )
    return {
        doc_id: f"{DUPLICATE_WARNING}:{','.join(other for other in group if other != doc_id)}"
        for group in copies["copies"].to_list()
        for doc_id in group
    }


def _with_duplicate_flags(documents: pa.Table, flags: Mapping[str, str]) -> pa.Table:
    """Rows of the documents table with their duplicate flags set anew: rows kept from
    an earlier release carry that release's flags."""
    own = pl.col("warnings").list.eval(
        pl.element().filter(~pl.element().str.starts_with(DUPLICATE_WARNING))
    )
    flag = pl.col("doc_id").replace_strict(flags, default=None, return_dtype=pl.String)
    frame = pl.from_arrow(documents)
    assert isinstance(frame, pl.DataFrame)
    flagged = frame.with_columns(
        pl.when(flag.is_null()).then(own).otherwise(pl.concat_list(own, flag)).alias("warnings")
    )
    return flagged.to_arrow()


def _kept_rows(table_file: Path, dropped: list[str]) -> Iterator[pa.Table]:
    """The rows of a release's table file, a row group's worth at a time, less those
    of the ``dropped`` documents (sorted)."""
    file = pq.ParquetFile(table_file)
    key = file.schema_arrow.names[0]  # doc_id, or path for rejects
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
    names a list's items "item" in memory, Parquet "element")."""
    buffer = io.BytesIO()
    pl.DataFrame(schema=table_schema(name)).write_parquet(buffer)
    buffer.seek(0)
    return pq.read_schema(buffer)


def _table_writer(target: Path, schema: pa.Schema, key: tuple[str, ...]) -> pq.ParquetWriter:
    return pq.ParquetWriter(
        target,
        schema,
        compression=PARQUET_COMPRESSION,
        sorting_columns=pq.SortingColumn.from_ordering(schema, [(c, "ascending") for c in key]),
    )


def _key_of_row(table: pa.Table, key: tuple[str, ...], row: int) -> tuple[Any, ...]:
    return tuple(table.column(column)[row].as_py() for column in key)
