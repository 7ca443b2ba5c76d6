"""Batches of input files -> validated table shards -> one set of release tables.

A shard is a directory holding one Parquet file per batch table. Shards are written
and validated one batch at a time, so memory stays flat however large the corpus is.
Each is sorted by the tables' keys, and batches are consecutive runs of the inputs in
doc_id order, so concatenating shards in order sorts the release tables without a
global sort; the merge checks that, and cuts the tables into row groups of
ROW_GROUP_ROWS rows whose doc_id statistics let readers skip to one document.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq

from schemas import table_schema, validate_tables
from unres.ingest import InputFile, Reject, RejectReason, read_decoded, sha256_file
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
# Rejects whose bytes were never read have no hash (a huge file is not hashed either).
_BYTES_NOT_READ = frozenset({"too_large", "unreadable"})
DUPLICATE_WARNING: Final = "duplicate_input"


@dataclass(frozen=True, slots=True)
class ShardResult:
    shard: str
    # (doc_id, sha256) of every input of the batch, for the release manifest.
    inputs: tuple[tuple[str, str | None], ...]
    documents: int
    rejects: int
    reused: int  # inputs unchanged since the previous release, rows copied from it
    warnings: int
    seconds: float


def process_batch(
    inputs: Sequence[InputFile],
    shard_dir: str,
    *,
    max_bytes: int,
    previous_release: str | None = None,
    unchanged: Mapping[str, str] | None = None,
) -> ShardResult:
    """Read, parse, tabulate and validate one batch; write it as a shard.

    An input in ``unchanged`` (doc_id -> sha256, from ``find_unchanged``) is not
    parsed again: its rows are copied from ``previous_release``.
    """
    started = time.perf_counter()
    parsed: list[ParsedInput] = []
    rejected: list[RejectedInput] = []
    reused: list[tuple[str, str | None]] = []
    for item in inputs:
        if unchanged and item.doc_id in unchanged:
            reused.append((item.doc_id, unchanged[item.doc_id]))
            continue
        outcome = _process_one(item, max_bytes=max_bytes)
        if isinstance(outcome, ParsedInput):
            parsed.append(outcome)
        else:
            rejected.append(outcome)
    tables = build_tables(parsed, rejected)
    if reused and previous_release is not None:
        tables = _with_previous_rows(tables, Path(previous_release), [d for d, _ in reused])
    if parsed or rejected:
        # Reused rows come after the fresh ones. A stable sort puts the shard in key
        # order and keeps a document's rows in their order where the key does not fix it.
        tables = {
            name: frame.sort(sort_key(name), maintain_order=True) for name, frame in tables.items()
        }
        tables = validate_tables(tables)
    # else every row was copied, in key order, from a release that validated it under
    # this schema version: checking it again would cost a rebuild most of its time.
    shard = Path(shard_dir)
    shard.mkdir(parents=True, exist_ok=True)
    for name, frame in tables.items():
        frame.write_parquet(shard / f"{name}.parquet", compression=PARQUET_COMPRESSION)
    return ShardResult(
        shard=str(shard),
        inputs=tuple(
            [(p.doc_id, p.sha256) for p in parsed] + [(r.path, r.sha256) for r in rejected] + reused
        ),
        documents=tables["documents"].height,
        rejects=tables["rejects"].height,
        reused=len(reused),
        warnings=int(tables["documents"]["warnings"].list.len().sum()),
        seconds=time.perf_counter() - started,
    )


def find_unchanged(
    inputs: Iterable[InputFile], previous_hashes: Mapping[str, str | None]
) -> dict[str, str]:
    """doc_id -> sha256 of the inputs whose bytes hash as they did in the previous
    release (``previous_hashes``: its doc_ids and their sha256)."""
    unchanged = {}
    for item in inputs:
        before = previous_hashes.get(item.doc_id)
        if before is None or item.problem is not None:
            continue
        try:
            now = sha256_file(Path(item.path))
        except OSError:
            continue  # parsed again, and rejected there with the reason
        if now == before:
            unchanged[item.doc_id] = now
    return unchanged


def _with_previous_rows(
    tables: dict[str, pl.DataFrame], previous: Path, doc_ids: list[str]
) -> dict[str, pl.DataFrame]:
    """Add the previous release's rows of ``doc_ids`` (after the fresh ones: unsorted)."""
    combined = {}
    # A batch's inputs are neighbours in key order, so the range lets the reader skip
    # every row group of the previous release outside it by its statistics.
    first, last = min(doc_ids), max(doc_ids)
    for name, fresh in tables.items():
        key = fresh.columns[0]  # doc_id, or path for rejects
        earlier = pl.scan_parquet(previous / f"{name}.parquet").filter(
            pl.col(key).is_between(pl.lit(first), pl.lit(last)) & pl.col(key).is_in(doc_ids)
        )
        combined[name] = pl.concat([fresh, earlier.collect()])
    return combined


def _process_one(item: InputFile, *, max_bytes: int) -> ParsedInput | RejectedInput:
    path = Path(item.path)
    if item.problem is not None:
        return _rejected(item, None, item.problem)
    decoded = read_decoded(path, max_bytes=max_bytes)
    if isinstance(decoded, Reject) and decoded.reason in _BYTES_NOT_READ:
        return _rejected(item, None, decoded)
    try:
        sha256 = sha256_file(path)
    except OSError as error:
        return _rejected(item, None, Reject("unreadable", f"{type(error).__name__}: {error}"))
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


def merge_shards(shards: Sequence[str], staging: Path) -> dict[str, int]:
    """Concatenate shards table by table into ``staging``; returns the row count per table."""
    rows: dict[str, int] = {}
    for name in BATCH_TABLES:
        parts = (pq.read_table(Path(s) / f"{name}.parquet") for s in shards)
        rows[name] = write_release_table(name, parts, staging / f"{name}.parquet")
    rows["documents"] = flag_duplicate_inputs(staging / "documents.parquet")
    edges = citation_edges(
        pl.scan_parquet(staging / "documents.parquet"),
        pl.scan_parquet(staging / "citations.parquet"),
    ).collect()
    rows["citation_edges"] = write_release_table(
        "citation_edges", [edges.to_arrow()], staging / "citation_edges.parquet"
    )
    return rows


def flag_duplicate_inputs(documents_file: Path) -> int:
    """Warn on every document whose bytes equal another's; both stay in the release.

    Duplicates can only be seen once all batches are merged, so the (small)
    documents table is rewritten here when there are any. Returns its row count.
    """
    documents = pl.read_parquet(documents_file)
    # Rows reused from an earlier release carry that release's flags: start afresh.
    documents = documents.with_columns(
        pl.col("warnings").list.eval(
            pl.element().filter(~pl.element().str.starts_with(DUPLICATE_WARNING))
        )
    )
    copies = documents.group_by("source_sha256").agg(pl.col("doc_id").sort().alias("copies"))
    copies = copies.filter(pl.col("copies").list.len() > 1)
    if copies.height == 0:
        return write_release_table("documents", [documents.to_arrow()], documents_file)
    twins = {
        doc_id: [other for other in group if other != doc_id]
        for group in copies["copies"].to_list()
        for doc_id in group
    }
    warnings = [
        [*existing, f"{DUPLICATE_WARNING}:{','.join(twins[doc_id])}"]
        if doc_id in twins
        else existing
        for doc_id, existing in zip(
            documents["doc_id"].to_list(), documents["warnings"].to_list(), strict=True
        )
    ]
    documents = documents.with_columns(
        pl.Series("warnings", warnings, dtype=documents.schema["warnings"])
    )
    return write_release_table("documents", [documents.to_arrow()], documents_file)


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
    writer: pq.ParquetWriter | None = None
    pending: pa.Table | None = None
    last: tuple[Any, ...] | None = None
    total = 0
    try:
        for part in parts:
            if writer is None:
                writer = _table_writer(target, part.schema, key)
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
            pending = part if pending is None else pa.concat_tables([pending, part])
            while pending.num_rows >= ROW_GROUP_ROWS:
                writer.write_table(pending.slice(0, ROW_GROUP_ROWS), row_group_size=ROW_GROUP_ROWS)
                pending = pending.slice(ROW_GROUP_ROWS)
        if writer is None:
            writer = _table_writer(
                target, pl.DataFrame(schema=table_schema(name)).to_arrow().schema, key
            )
        if pending is not None and pending.num_rows:
            writer.write_table(pending, row_group_size=ROW_GROUP_ROWS)
    finally:
        if writer is not None:
            writer.close()
    return total


def _table_writer(target: Path, schema: pa.Schema, key: tuple[str, ...]) -> pq.ParquetWriter:
    return pq.ParquetWriter(
        target,
        schema,
        compression=PARQUET_COMPRESSION,
        sorting_columns=pq.SortingColumn.from_ordering(schema, [(c, "ascending") for c in key]),
    )


def _key_of_row(table: pa.Table, key: tuple[str, ...], row: int) -> tuple[Any, ...]:
    return tuple(table.column(column)[row].as_py() for column in key)
