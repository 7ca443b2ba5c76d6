"""Batches of input files -> validated table shards -> one set of release tables.

A shard is a directory holding one Parquet file per batch table. Shards are written
and validated one batch at a time, so memory stays flat however large the corpus is,
and they are concatenated in input order, so the release tables come out sorted by
their keys without a global sort.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

import polars as pl
import pyarrow.parquet as pq

from schemas import table_schema, validate_tables
from unres.ingest import InputFile, Reject, RejectReason, read_decoded, sha256_file
from unres.model import ParsedDocument
from unres.parse import parse_text
from unres.tables import BATCH_TABLES, ParsedInput, RejectedInput, build_tables, citation_edges

PARQUET_COMPRESSION: Final = "zstd"
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
    tables = validate_tables(tables)
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
    """Add the previous release's rows of ``doc_ids``, keeping every table in key order."""
    combined = {}
    # A batch's inputs are neighbours in key order, so the range lets the reader skip
    # every row group of the previous release outside it by its statistics.
    first, last = min(doc_ids), max(doc_ids)
    for name, fresh in tables.items():
        key = fresh.columns[0]  # doc_id, or path for rejects
        earlier = pl.scan_parquet(previous / f"{name}.parquet").filter(
            pl.col(key).is_between(pl.lit(first), pl.lit(last)) & pl.col(key).is_in(doc_ids)
        )
        rows = pl.concat([fresh, earlier.collect()])
        # A stable sort on the document alone keeps each document's rows in their order.
        combined[name] = rows.sort(key, maintain_order=True)
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
        target = staging / f"{name}.parquet"
        parts = [Path(s) / f"{name}.parquet" for s in shards]
        rows[name] = _concat_parquet(parts, target, empty=pl.DataFrame(schema=table_schema(name)))
    rows["documents"] = flag_duplicate_inputs(staging / "documents.parquet")
    edges = citation_edges(
        pl.scan_parquet(staging / "documents.parquet"),
        pl.scan_parquet(staging / "citations.parquet"),
    ).collect()
    edges.write_parquet(staging / "citation_edges.parquet", compression=PARQUET_COMPRESSION)
    rows["citation_edges"] = edges.height
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
        documents.write_parquet(documents_file, compression=PARQUET_COMPRESSION)
        return documents.height
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
    documents.write_parquet(documents_file, compression=PARQUET_COMPRESSION)
    return documents.height


def _concat_parquet(parts: Sequence[Path], target: Path, *, empty: pl.DataFrame) -> int:
    """Stream Parquet files into one, a row group per part, never holding more than one part.

    ``empty`` is written when there are no parts, so every release has every table.
    """
    total = 0
    writer: pq.ParquetWriter | None = None
    try:
        for part in parts:
            table = pq.read_table(part)
            if writer is None:
                writer = pq.ParquetWriter(target, table.schema, compression=PARQUET_COMPRESSION)
            if table.num_rows:
                writer.write_table(table)
            total += table.num_rows
    finally:
        if writer is not None:
            writer.close()
    if writer is None:
        empty.write_parquet(target, compression=PARQUET_COMPRESSION)
    return total
