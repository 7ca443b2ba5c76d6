"""Shards and the previous release -> release tables, without Prefect: sorted, laid out
for readers, duplicates flagged, a rebuild equal to a build from scratch."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import unres.merge as merge
import unres.parquet_layout as parquet_layout
from schemas import TABLES, sort_key, table_schema
from tests.conftest import RAW, SEED_NAMES
from unres.batches import process_batch
from unres.change_detection import find_unchanged
from unres.ingest import InputRecord, discover_inputs
from unres.merge import merge_release
from unres.parquet_layout import write_release_table
from unres.tables import BATCH_TABLES


def _build(
    raw: Path, staging: Path, batch_size: int = 2, previous: Path | None = None
) -> dict[str, int]:
    """Build release tables into ``staging`` as the flow does, keeping the rows of
    ``previous`` (release tables of an earlier build, with its ``inputs.json``) for
    the inputs unchanged since."""
    inputs = discover_inputs(raw)
    records = {} if previous is None else _read_records(previous)
    unchanged = find_unchanged(inputs, records)
    fresh = [item for item in inputs if item.doc_id not in unchanged]
    results = [
        process_batch(fresh[i : i + batch_size], str(staging / f"shard{i:04d}"), max_bytes=10**6)
        for i in range(0, len(fresh), batch_size)
    ]
    staging.mkdir(exist_ok=True)
    rows = merge_release(
        [r.shard for r in results],
        staging,
        previous=previous,
        dropped=records.keys() - unchanged.keys(),
    )
    now = [*unchanged.values(), *(record for r in results for record in r.inputs)]
    (staging / "inputs.json").write_text(json.dumps([record.to_json() for record in now]))
    return rows


def _read_records(release: Path) -> dict[str, InputRecord]:
    entries = json.loads((release / "inputs.json").read_text())
    return {entry["doc_id"]: InputRecord.from_json(entry) for entry in entries}


def _row_groups_of(rows: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """Release tables written, and previous ones read back, in row groups of ``rows``."""
    monkeypatch.setattr(parquet_layout, "ROW_GROUP_ROWS", rows)
    monkeypatch.setattr(merge, "ROW_GROUP_ROWS", rows)


@pytest.fixture()
def raw(seed_raw: Path) -> Path:
    return seed_raw


def test_exact_duplicates_both_stay_and_are_flagged(raw: Path, tmp_path: Path) -> None:
    shutil.copy(raw / f"{SEED_NAMES[0]}.txt", raw / "copy of seed.txt")
    rows = _build(raw, tmp_path / "staging")

    documents = pl.read_parquet(tmp_path / "staging" / "documents.parquet")
    assert rows["documents"] == 4
    flagged = dict(zip(documents["doc_id"], documents["warnings"].to_list(), strict=True))
    assert "duplicate_input:copy of seed.txt" in flagged[f"{SEED_NAMES[0]}.txt"]
    assert f"duplicate_input:{SEED_NAMES[0]}.txt" in flagged["copy of seed.txt"]
    assert not any(w.startswith("duplicate_input") for w in flagged[f"{SEED_NAMES[1]}.txt"])


def test_release_tables_come_out_sorted_by_their_keys(raw: Path, tmp_path: Path) -> None:
    _build(raw, tmp_path / "staging", batch_size=1)

    paragraphs = pl.read_parquet(tmp_path / "staging" / "paragraphs.parquet")
    assert paragraphs.select("doc_id", "index").equals(
        paragraphs.select("doc_id", "index").sort("doc_id", "index")
    )
    edges = pl.read_parquet(tmp_path / "staging" / "citation_edges.parquet")
    assert ("A/RES/75/180", "A/RES/70/1") in set(
        edges.select("citing_symbol", "cited_symbol").rows()
    )


def assert_load_friendly(release: Path, row_group_rows: int) -> None:
    """Every table file of ``release`` as the contract has it: zstd; sorted by its key,
    which it declares; row groups of ``row_group_rows`` rows (the last one fewer) whose
    min/max statistics on the first key column follow one another; dates as Parquet
    DATE, lists as LIST."""
    for name in TABLES:
        file = pq.ParquetFile(release / f"{name}.parquet")
        meta, key = file.metadata, sort_key(name)
        leaves = [file.schema.column(i).path for i in range(len(file.schema))]
        sizes = [meta.row_group(i).num_rows for i in range(meta.num_row_groups)]
        assert sum(sizes) == meta.num_rows and 0 not in sizes, name
        assert all(size == row_group_rows for size in sizes[:-1]), (name, sizes)
        assert all(size <= row_group_rows for size in sizes), (name, sizes)
        bounds = []
        for i in range(meta.num_row_groups):
            group = meta.row_group(i)
            columns = [group.column(c) for c in range(group.num_columns)]
            assert {c.compression for c in columns} == {"ZSTD"}, name
            declared = [(leaves[s.column_index], s.descending) for s in group.sorting_columns]
            assert declared == [(column, False) for column in key], name
            stats = columns[leaves.index(key[0])].statistics
            assert stats is not None and stats.has_min_max, name
            bounds += [stats.min, stats.max]
        assert bounds == sorted(bounds), (name, bounds)  # groups in order, never overlapping
        rows = pl.read_parquet(release / f"{name}.parquet")
        assert rows.equals(rows.sort(key, maintain_order=True)), name
        for column, dtype in table_schema(name).items():
            if dtype == pl.Date:
                assert file.schema.column(leaves.index(column)).logical_type.type == "DATE"
            if dtype == pl.List:
                assert re.search(rf"group field_id=-1 {column} \(List\)", str(file.schema))
                assert f"{column}.list.element" in leaves


def test_release_tables_are_sorted_zstd_parquet_in_row_groups_of_a_set_size(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Groups far smaller than the real ones, so they cut across shards of 3 inputs
    # (parts of 6 to 100 paragraph rows) and most tables have several.
    _row_groups_of(16, monkeypatch)
    staging = tmp_path / "staging"
    rows = _build(RAW, staging, batch_size=3)

    assert_load_friendly(staging, 16)
    assert pq.ParquetFile(staging / "paragraphs.parquet").metadata.num_row_groups > 20
    parts = sorted(staging.glob("shard*/paragraphs.parquet"))
    assert len(parts) == 7
    merged = pl.read_parquet(staging / "paragraphs.parquet")
    assert merged.height == rows["paragraphs"]
    assert merged.equals(pl.concat([pl.read_parquet(part) for part in parts]))


def test_merge_refuses_shards_out_of_key_order(raw: Path, tmp_path: Path) -> None:
    inputs = discover_inputs(raw)
    shard_dirs = [
        process_batch([item], str(tmp_path / f"shard{n}"), max_bytes=10**6).shard
        for n, item in enumerate(inputs)
    ]
    staging = tmp_path / "staging"
    staging.mkdir()

    with pytest.raises(RuntimeError, match=r"out of .* order across shards"):
        merge_release(shard_dirs[::-1], staging)


def test_a_table_is_written_while_its_parts_stream_in(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _row_groups_of(10, monkeypatch)
    held = most_held = 0  # rows read from the parts and not yet written
    write_table = pq.ParquetWriter.write_table

    def write_and_count(self: pq.ParquetWriter, table: pa.Table, **options: int) -> None:
        nonlocal held
        held -= table.num_rows
        write_table(self, table, **options)

    def parts() -> Iterator[pa.Table]:
        nonlocal held, most_held
        for n in range(40):
            part = pl.DataFrame(
                {"doc_id": [f"doc{n:02d}"] * 7, "number": range(1, 8), "text": ["note"] * 7},
                schema=table_schema("footnotes"),
            )
            held += part.height
            most_held = max(most_held, held)
            yield part.to_arrow()

    monkeypatch.setattr(pq.ParquetWriter, "write_table", write_and_count)
    target = tmp_path / "footnotes.parquet"
    assert write_release_table("footnotes", parts(), target) == 280

    assert held == 0 and most_held < 10 + 7  # less than a group's rows, plus one part
    metadata = pq.ParquetFile(target).metadata
    assert [metadata.row_group(i).num_rows for i in range(metadata.num_row_groups)] == [10] * 28


def test_a_rebuild_publishes_the_tables_a_build_from_scratch_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Small row groups: kept rows come from many groups of the previous files, and the
    # fresh rows fall between them.
    _row_groups_of(16, monkeypatch)
    raw = tmp_path / "raw"
    shutil.copytree(RAW, raw)
    shutil.copy(RAW / "A_RES_80_7.md", raw / "A_RES_80_7 copy.md")  # a duplicate, to lose
    previous = tmp_path / "previous"
    _build(raw, previous, batch_size=3)

    edited = raw / "A_RES_80_14.txt"
    edited.write_text(edited.read_text().replace("Calls upon African States", "Urges States"))
    (raw / "A_RES_80_22.txt").unlink()
    (raw / "A_RES_80_7 copy.md").unlink()
    shutil.copy(RAW / "A_RES_80_5.txt", raw / "B copy of 80_5.txt")  # a duplicate of a kept one
    shutil.copy(RAW / "A_RES_80_61.md", raw / "A_RES_80_61 (new).md")
    (raw / "00 empty.txt").write_text("")  # a new reject, first of its table
    rebuilt, scratch = tmp_path / "rebuilt", tmp_path / "scratch"
    rows = _build(raw, rebuilt, batch_size=2, previous=previous)
    _build(raw, scratch, batch_size=5)

    assert rows["documents"] + rows["rejects"] == len(list(raw.iterdir()))
    assert len(list(rebuilt.glob("shard*"))) == 2  # the 4 new or changed inputs, by 2
    for name in TABLES:
        fresh = pl.read_parquet(scratch / f"{name}.parquet")
        assert pl.read_parquet(rebuilt / f"{name}.parquet").equals(fresh), name
    assert_load_friendly(rebuilt, 16)
    documents = pl.read_parquet(rebuilt / "documents.parquet")
    flags = dict(zip(documents["doc_id"], documents["warnings"].to_list(), strict=True))
    assert "duplicate_input:B copy of 80_5.txt" in flags["A_RES_80_5.txt"]
    assert not any(w.startswith("duplicate_input") for w in flags["A_RES_80_7.md"])


def test_a_merge_refuses_a_document_both_kept_and_parsed_afresh(raw: Path, tmp_path: Path) -> None:
    previous = tmp_path / "previous"
    _build(raw, previous)
    inputs = discover_inputs(raw)
    shard = process_batch(inputs[:1], str(tmp_path / "shard"), max_bytes=10**6).shard
    staging = tmp_path / "staging"
    staging.mkdir()

    with pytest.raises(RuntimeError, match="both kept from the previous release and parsed"):
        merge_release([shard], staging, previous=previous, dropped=())


def test_a_rebuild_reads_the_previous_tables_a_row_group_at_a_time(
    raw: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _row_groups_of(10, monkeypatch)
    previous = tmp_path / "previous"
    _build(raw, previous)
    read: list[int] = []
    iter_batches = pq.ParquetFile.iter_batches

    def counted(self: pq.ParquetFile, **options: Any) -> Iterator[pa.RecordBatch]:
        for batch in iter_batches(self, **options):
            read.append(batch.num_rows)
            yield batch

    read_table = pq.read_table

    def not_previous(source: Path, **options: Any) -> pa.Table:
        assert not source.is_relative_to(previous), f"{source} read whole"
        return read_table(source, **options)

    monkeypatch.setattr(pq.ParquetFile, "iter_batches", counted)
    monkeypatch.setattr(pq, "read_table", not_previous)
    edited = raw / f"{SEED_NAMES[1]}.txt"
    edited.write_text(edited.read_text() + "\n")
    _build(raw, tmp_path / "rebuilt", previous=previous)

    assert max(read) == 10
    assert sum(read) == sum(
        pq.read_metadata(previous / f"{name}.parquet").num_rows for name in BATCH_TABLES
    )


def test_parquet_fields_are_non_nullable_where_the_model_requires_a_value(
    raw: Path, tmp_path: Path
) -> None:
    import pandas as pd

    from schemas import required_columns

    staging = tmp_path / "release"
    _build(raw, staging)
    for name in TABLES:
        declared = pq.read_schema(staging / f"{name}.parquet")
        assert {f.name for f in declared if not f.nullable} == required_columns(name), name
    documents = pq.read_schema(staging / "documents.parquet")
    assert not documents.field("doc_id").nullable and not documents.field("warnings").nullable
    assert documents.field("session").nullable and documents.field("symbol").nullable

    # The README's pandas reading: whole numbers stay integers, missing ones <NA>.
    frame = pd.read_parquet(staging / "documents.parquet", dtype_backend="pyarrow")
    assert str(frame.dtypes["session"]) == str(frame.dtypes["plenary_meeting"]) == "int32[pyarrow]"
