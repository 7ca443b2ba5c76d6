"""Which inputs a rebuild keeps: unchanged bytes, and stat signatures trusted as git does."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import unres.change_detection as change_detection
import unres.ingest as ingest
from tests.conftest import SEED_NAMES
from unres.change_detection import find_unchanged
from unres.ingest import InputRecord, discover_inputs, sha256_file


def _records(seed_raw: Path) -> dict[str, InputRecord]:
    """What a release built now records of the inputs under ``seed_raw``."""
    return {
        item.doc_id: InputRecord(item.doc_id, sha256_file(item.path), item.signature)
        for item in discover_inputs(seed_raw)
    }


def test_find_unchanged_keeps_only_inputs_whose_bytes_hash_as_before(seed_raw: Path) -> None:
    before = _records(seed_raw)  # files just written: no signature to trust, bytes are hashed
    inputs = discover_inputs(seed_raw)
    edited, same, new = inputs[0], inputs[1], inputs[2]
    edited.path.write_text(edited.path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    del before[new.doc_id]  # not in the previous release: parsed afresh

    unchanged = find_unchanged(inputs, before)

    assert list(unchanged) == [same.doc_id]
    assert unchanged[same.doc_id].sha256 == before[same.doc_id].sha256


@pytest.fixture()
def settled(monkeypatch: pytest.MonkeyPatch) -> None:
    """Files count as settled as soon as they are written: no wait for the racy window."""
    monkeypatch.setattr(ingest, "RACY_NANOSECONDS", 0)


def test_an_input_whose_stat_matches_its_record_is_not_read_again(
    seed_raw: Path, settled: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = _records(seed_raw)
    assert all(record.signature is not None for record in before.values())

    def no_reading(path: Path) -> str:
        raise AssertionError(f"{path} was read")

    monkeypatch.setattr(change_detection, "sha256_file", no_reading)
    unchanged = find_unchanged(discover_inputs(seed_raw), before)

    assert unchanged == before


def test_an_input_rewritten_with_as_many_bytes_and_its_old_mtime_is_read_again(
    seed_raw: Path, settled: None
) -> None:
    before = _records(seed_raw)
    edited = seed_raw / f"{SEED_NAMES[0]}.txt"
    old = edited.stat()
    text = edited.read_text(encoding="utf-8")
    edited.write_text(text.replace("Reaffirms", "Reiterate", 1), encoding="utf-8")
    os.utime(edited, ns=(old.st_atime_ns, old.st_mtime_ns))
    assert edited.stat().st_size == old.st_size and edited.stat().st_mtime_ns == old.st_mtime_ns

    unchanged = find_unchanged(discover_inputs(seed_raw), before)

    assert sorted(unchanged) == sorted(set(before) - {edited.name})


def test_a_file_written_just_before_discovery_has_no_signature_to_trust(seed_raw: Path) -> None:
    # Written in the same tick of the file system's clock as a later edit, a file can
    # change and keep its stat: only files older than the racy window are trusted.
    (seed_raw / "new.txt").write_text("fresh")
    found = {item.doc_id: item for item in discover_inputs(seed_raw)}
    assert found["new.txt"].signature is None
