"""One batch of inputs -> one shard, without Prefect: every input lands somewhere."""

from __future__ import annotations

import hashlib
from pathlib import Path

import polars as pl
import pytest

import unres.batches as batches
import unres.ingest as ingest
from tests.conftest import SEED_NAMES
from tests.parsers import RAISE
from tests.test_merge import _build
from unres.ingest import discover_inputs

FAULTY = "tests.parsers:faulty_parse"


def test_a_parser_crash_becomes_a_reject_and_the_batch_goes_on(
    seed_raw: Path, tmp_path: Path
) -> None:
    crashing = seed_raw / f"{SEED_NAMES[0]}.txt"
    crashing.write_text(crashing.read_text() + f"\n{RAISE}\n")
    result = batches.process_batch(
        discover_inputs(seed_raw), str(tmp_path / "shard"), max_bytes=10**6, parser=FAULTY
    )

    rejects = pl.read_parquet(tmp_path / "shard" / "rejects.parquet")
    assert result.documents == 2 and result.rejects == 1
    assert rejects.select("path", "reason", "detail").row(0) == (
        f"{SEED_NAMES[0]}.txt",
        "parse_error",
        "ValueError: boom on purpose",
    )


def test_each_input_is_read_once_and_hashed_as_parsed(
    seed_raw: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The recorded sha256 is that of the bytes the parser saw: a file rewritten between
    # two reads would otherwise publish rows under another text's hash. The parser
    # used here fails with the hash of the text it was given.
    def no_second_read(path: Path) -> str:
        raise AssertionError(f"{path} was read a second time to hash it")

    monkeypatch.setattr(ingest, "sha256_file", no_second_read)
    (seed_raw / "empty.txt").write_text("")
    result = batches.process_batch(
        discover_inputs(seed_raw),
        str(tmp_path / "shard"),
        max_bytes=10**6,
        parser="tests.parsers:hash_of_text",
    )

    rejects = pl.read_parquet(tmp_path / "shard" / "rejects.parquet")
    parsed = rejects.filter(pl.col("reason") == "parse_error")
    assert parsed.height == len(SEED_NAMES)
    for sha256, detail in parsed.select("sha256", "detail").iter_rows():
        assert detail == f"ValueError: {sha256}"
    hashes = {record.doc_id: record.sha256 for record in result.inputs}
    assert hashes["empty.txt"] == hashlib.sha256(b"").hexdigest()


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
