"""One batch of inputs -> one shard, without Prefect: every input lands somewhere."""

from __future__ import annotations

import hashlib
from pathlib import Path

import polars as pl
import pytest

import unres.batches as batches
import unres.ingest as ingest
from tests.conftest import SEED_NAMES
from tests.test_merge import _build
from unres.ingest import discover_inputs


def test_a_parser_crash_becomes_a_reject_and_the_batch_goes_on(
    seed_raw: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_parse = batches.parse_text

    def parse_or_crash(text: str):  # type: ignore[no-untyped-def]
        if "75/180" in text:
            raise ValueError("boom on purpose")
        return real_parse(text)

    monkeypatch.setattr(batches, "parse_text", parse_or_crash)
    rows = _build(seed_raw, tmp_path / "staging")

    rejects = pl.read_parquet(tmp_path / "staging" / "rejects.parquet")
    assert rows["documents"] == 2 and rows["rejects"] == 1
    assert rejects.select("path", "reason", "detail").row(0) == (
        f"{SEED_NAMES[0]}.txt",
        "parse_error",
        "ValueError: boom on purpose",
    )


def test_each_input_is_read_once_and_hashed_as_parsed(
    seed_raw: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The recorded sha256 is that of the bytes the parser saw: a file rewritten between
    # two reads would otherwise publish rows under another text's hash.
    (seed_raw / "empty.txt").write_text("")
    seen: dict[str, str] = {}
    real_parse = batches.parse_text

    def parse_and_note(text: str):  # type: ignore[no-untyped-def]
        seen[hashlib.sha256(text.encode()).hexdigest()] = text
        return real_parse(text)

    def no_second_read(path: Path) -> str:
        raise AssertionError(f"{path} was read a second time to hash it")

    monkeypatch.setattr(batches, "parse_text", parse_and_note)
    monkeypatch.setattr(ingest, "sha256_file", no_second_read)
    result = batches.process_batch(
        discover_inputs(seed_raw), str(tmp_path / "shard"), max_bytes=10**6
    )

    hashes = {record.doc_id: record.sha256 for record in result.inputs}
    assert hashes["empty.txt"] == hashlib.sha256(b"").hexdigest()
    assert {hashes[f"{name}.txt"] for name in SEED_NAMES} == set(seen)


def test_not_a_resolution_is_rejected_with_its_reason(seed_raw: Path, tmp_path: Path) -> None:
    (seed_raw / "notes.txt").write_text("Shopping list: eggs, milk and bread.\nCall the plumber.\n")
    _build(seed_raw, tmp_path / "staging")

    rejects = pl.read_parquet(tmp_path / "staging" / "rejects.parquet")
    assert rejects.select("path", "reason").rows() == [("notes.txt", "not_a_resolution")]


def test_a_web_page_is_parsed_when_it_holds_a_resolution_and_rejected_when_not(
    seed_raw: Path, tmp_path: Path
) -> None:
    seed = (seed_raw / f"{SEED_NAMES[1]}.txt").read_text(encoding="utf-8")
    paragraphs = "".join(f"<p>{block}</p>\n" for block in seed.split("\n\n"))
    (seed_raw / "resolution.html").write_text(
        f"<!DOCTYPE html><html><body>{paragraphs}</body></html>"
    )
    (seed_raw / "menu.html").write_text(
        "<!DOCTYPE html><html><body><nav>Home | News</nav><p>Opening hours: 9 to 5.</p>"
        "</body></html>"
    )
    _build(seed_raw, tmp_path / "staging")

    documents = pl.read_parquet(tmp_path / "staging" / "documents.parquet")
    rejects = pl.read_parquet(tmp_path / "staging" / "rejects.parquet")
    page = documents.filter(pl.col("doc_id") == "resolution.html").row(0, named=True)
    assert page["symbol"] == "A/RES/72/169" and page["n_operative"] == 17
    assert rejects.select("path", "reason").rows() == [("menu.html", "html_not_resolution")]
