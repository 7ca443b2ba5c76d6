"""A folder of good and bad inputs publishes exactly the good documents; every other
input is a reject that says why. No single input stops the build."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import polars as pl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from schemas import table_file, validate_tables
from tests.conftest import RAW, SEED_NAMES
from tests.parsers import BREAK_RELATION, RAISE, STALL
from unres.batches import process_batch
from unres.ingest import discover_inputs
from unres.merge import merge_release
from unres.tables import BATCH_TABLES

FAULTY = "tests.parsers:faulty_parse"
TIME_LIMIT = 1.0
SEED = (RAW / f"{SEED_NAMES[0]}.txt").read_text(encoding="utf-8")

# name -> (text or None for a link loop, expected reason, a fragment of its detail).
BAD_INPUTS: dict[str, tuple[str | None, str, str]] = {
    # Real texts damaged as conversions damage them: values the schema refuses.
    "date_1553.txt": (
        SEED.replace("25 June 1993", "25 June 1553"),
        "schema_violation",
        "dates.date fails plausible_mentioned_date: 1553-06-25",
    ),
    "adopted_2090.txt": (
        SEED.replace("16 December 2020", "16 December 2090"),
        "schema_violation",
        "documents.adoption_date fails plausible_document_date: 2090-12-16",
    ),
    "broken_relation.txt": (
        f"{SEED}\n{BREAK_RELATION}\n",
        "schema_violation",
        "citations.paragraph fails points_to_paragraphs_row: 999",
    ),
    "parser_raises.txt": (f"{SEED}\n{RAISE}\n", "parse_error", "ValueError: boom on purpose"),
    "parser_stalls.txt": (f"{SEED}\n{STALL}\n", "parse_timeout", "parsing took more than 1 s"),
    "loop.txt": (None, "unreadable", "a symbolic link loop"),
    "empty.txt": ("", "empty", "no bytes"),
}


def _write(raw: Path, name: str, text: str | None) -> None:
    if text is None:
        (raw / name).symlink_to(name)
    else:
        (raw / name).write_text(text, encoding="utf-8")


def _build(raw: Path, staging: Path, batch_size: int = 4) -> dict[str, pl.DataFrame]:
    """The release tables of ``raw``, built as the flow builds them."""
    inputs = discover_inputs(raw)
    staging.mkdir(parents=True, exist_ok=True)
    shards = [
        process_batch(
            inputs[i : i + batch_size],
            str(staging / "shards" / f"{i:06d}"),
            max_bytes=10**6,
            time_limit=TIME_LIMIT,
            parser=FAULTY,
        ).shard
        for i in range(0, len(inputs), batch_size)
    ]
    merge_release(shards, staging)
    tables = {name: pl.read_parquet(staging / table_file(name)) for name in BATCH_TABLES}
    tables["citation_edges"] = pl.read_parquet(staging / table_file("citation_edges"))
    return tables


def test_a_mixed_folder_publishes_exactly_the_good_documents(
    seed_raw: Path, tmp_path: Path
) -> None:
    for name, (text, _, _) in BAD_INPUTS.items():
        _write(seed_raw, name, text)

    tables = _build(seed_raw, tmp_path / "staging")

    assert sorted(tables["documents"]["doc_id"]) == [f"{name}.txt" for name in SEED_NAMES]
    rejects = {
        path: (reason, detail)
        for path, reason, detail in tables["rejects"].select("path", "reason", "detail").iter_rows()
    }
    assert rejects.keys() == BAD_INPUTS.keys()
    for name, (_, reason, fragment) in BAD_INPUTS.items():
        assert rejects[name][0] == reason, (name, rejects[name])
        assert fragment in rejects[name][1], (name, rejects[name])
    # No row of a quarantined document is left anywhere, and the release validates.
    for name in ("paragraphs", "citations", "dates", "footnotes"):
        assert set(tables[name]["doc_id"]) <= set(tables["documents"]["doc_id"]), name
    validate_tables(tables)


KINDS = [*BAD_INPUTS, "good"]


@settings(
    max_examples=6,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(st.lists(st.sampled_from([k for k in KINDS if k != "parser_stalls.txt"]), max_size=9))
def test_documents_and_rejects_are_the_inputs(tmp_path: Path, kinds: list[str]) -> None:
    work = tmp_path / f"mix-{os.urandom(4).hex()}"
    raw = work / "raw"
    raw.mkdir(parents=True)
    for n, kind in enumerate(kinds):
        name = f"{n:02d}_{kind}"
        text = SEED if kind == "good" else BAD_INPUTS[kind][0]
        if text is None:
            (raw / name).symlink_to(name)
        else:
            _write(raw, name, text)

    tables = _build(raw, work / "staging", batch_size=3)

    documents, rejects = set(tables["documents"]["doc_id"]), set(tables["rejects"]["path"])
    assert not documents & rejects
    assert documents | rejects == {entry.doc_id for entry in discover_inputs(raw)}
    assert len(documents) == kinds.count("good")
    validate_tables(tables)
    shutil.rmtree(work)
