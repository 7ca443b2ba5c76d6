"""Batches -> shards -> release tables, without Prefect: every input lands somewhere."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import unres.shards as shards
from schemas import TABLES, table_schema
from tests.conftest import RAW, SEED_NAMES
from unres.ingest import discover_inputs
from unres.tables import BATCH_TABLES, sort_key


def _build(raw: Path, staging: Path, batch_size: int = 2) -> dict[str, int]:
    inputs = discover_inputs(raw)
    results = [
        shards.process_batch(
            inputs[i : i + batch_size], str(staging / f"shard{i:04d}"), max_bytes=10**6
        )
        for i in range(0, len(inputs), batch_size)
    ]
    staging.mkdir(exist_ok=True)
    return shards.merge_shards([r.shard for r in results], staging)


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


def test_a_parser_crash_becomes_a_reject_and_the_batch_goes_on(
    raw: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_parse = shards.parse_text

    def parse_or_crash(text: str):  # type: ignore[no-untyped-def]
        if "75/180" in text:
            raise ValueError("boom on purpose")
        return real_parse(text)

    monkeypatch.setattr(shards, "parse_text", parse_or_crash)
    rows = _build(raw, tmp_path / "staging")

    rejects = pl.read_parquet(tmp_path / "staging" / "rejects.parquet")
    assert rows["documents"] == 2 and rows["rejects"] == 1
    assert rejects.select("path", "reason", "detail").row(0) == (
        f"{SEED_NAMES[0]}.txt",
        "parse_error",
        "ValueError: boom on purpose",
    )


def test_not_a_resolution_is_rejected_with_its_reason(raw: Path, tmp_path: Path) -> None:
    (raw / "notes.txt").write_text("Shopping list: eggs, milk and bread.\nCall the plumber.\n")
    _build(raw, tmp_path / "staging")

    rejects = pl.read_parquet(tmp_path / "staging" / "rejects.parquet")
    assert rejects.select("path", "reason").rows() == [("notes.txt", "not_a_resolution")]


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


def test_a_web_page_is_parsed_when_it_holds_a_resolution_and_rejected_when_not(
    raw: Path, tmp_path: Path
) -> None:
    seed = (raw / f"{SEED_NAMES[1]}.txt").read_text(encoding="utf-8")
    paragraphs = "".join(f"<p>{block}</p>\n" for block in seed.split("\n\n"))
    (raw / "resolution.html").write_text(f"<!DOCTYPE html><html><body>{paragraphs}</body></html>")
    (raw / "menu.html").write_text(
        "<!DOCTYPE html><html><body><nav>Home | News</nav><p>Opening hours: 9 to 5.</p>"
        "</body></html>"
    )
    _build(raw, tmp_path / "staging")

    documents = pl.read_parquet(tmp_path / "staging" / "documents.parquet")
    rejects = pl.read_parquet(tmp_path / "staging" / "rejects.parquet")
    page = documents.filter(pl.col("doc_id") == "resolution.html").row(0, named=True)
    assert page["symbol"] == "A/RES/72/169" and page["n_operative"] == 17
    assert rejects.select("path", "reason").rows() == [("menu.html", "html_not_resolution")]


def test_find_unchanged_keeps_only_inputs_whose_bytes_hash_as_before(raw: Path) -> None:
    inputs = discover_inputs(raw)
    before = {item.doc_id: shards.sha256_file(item.path) for item in inputs}
    edited, same, new = inputs[0], inputs[1], inputs[2]
    edited.path.write_text(edited.path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    del before[new.doc_id]  # not in the previous release: parsed afresh

    unchanged = shards.find_unchanged(inputs, before)

    assert unchanged == {same.doc_id: before[same.doc_id]}


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
    monkeypatch.setattr(shards, "ROW_GROUP_ROWS", 16)
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
        shards.process_batch([item], str(tmp_path / f"shard{n}"), max_bytes=10**6).shard
        for n, item in enumerate(inputs)
    ]
    staging = tmp_path / "staging"
    staging.mkdir()

    with pytest.raises(RuntimeError, match=r"out of .* order across shards"):
        shards.merge_shards(shard_dirs[::-1], staging)


def test_a_table_is_written_while_its_parts_stream_in(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(shards, "ROW_GROUP_ROWS", 10)
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
    assert shards.write_release_table("footnotes", parts(), target) == 280

    assert held == 0 and most_held < 10 + 7  # less than a group's rows, plus one part
    metadata = pq.ParquetFile(target).metadata
    assert [metadata.row_group(i).num_rows for i in range(metadata.num_row_groups)] == [10] * 28


def test_a_batch_of_unchanged_inputs_copies_the_previous_rows_as_they_were(
    raw: Path, tmp_path: Path
) -> None:
    previous = tmp_path / "previous"
    _build(raw, previous)
    inputs = discover_inputs(raw)
    hashes = {item.doc_id: shards.sha256_file(item.path) for item in inputs}

    result = shards.process_batch(
        inputs,
        str(tmp_path / "shard"),
        max_bytes=10**6,
        previous_release=str(previous),
        unchanged=shards.find_unchanged(inputs, hashes),
    )

    assert result.reused == len(inputs) == result.documents == 3
    for name in BATCH_TABLES:
        copied = pl.read_parquet(tmp_path / "shard" / f"{name}.parquet")
        assert copied.equals(pl.read_parquet(previous / f"{name}.parquet")), name
