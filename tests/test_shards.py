"""Batches -> shards -> release tables, without Prefect: every input lands somewhere."""

from __future__ import annotations

import shutil
from pathlib import Path

import polars as pl
import pytest

import unres.shards as shards
from tests.conftest import SEED_NAMES
from unres.ingest import discover_inputs


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
