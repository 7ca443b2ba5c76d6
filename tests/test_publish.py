"""Releases appear whole or not at all, and one build at a time writes them."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import polars as pl
import pytest

from schemas import SCHEMA_VERSION, empty_tables, table_schema
from unres.ingest import FileSignature, InputRecord
from unres.lock import BuildLock, LockHeld
from unres.publish import (
    clean_stale_staging,
    latest_release,
    new_staging_dir,
    publish_release,
    read_manifest,
    verify_release,
)

INPUTS = [
    InputRecord("A_RES_80_14.txt", "3f" * 32, FileSignature(13_804, 10**18, 10**18 + 7, 42)),
    InputRecord("scans/A_RES_75_181.pdf", "ab" * 32),
    # A link leading outside: never read.
    InputRecord("liens/résolution hors du dépôt.txt", None),
]


def _batch() -> dict[str, pl.DataFrame]:
    tables = empty_tables()
    tables["documents"] = pl.DataFrame(
        [
            {
                "doc_id": "A_RES_80_14.txt",
                "source_sha256": "3f" * 32,
                "symbol": "A/RES/80/14",
                "url": "https://undocs.org/A/RES/80/14",
                "document_type": "resolution",
                "organ": "General Assembly",
                "session": 80,
                "title": "Treaty on the Southeast Asia Nuclear Weapon-Free Zone (Bangkok Treaty)",
                "adoption_date": dt.date(2025, 12, 1),
                "distribution_date": dt.date(2025, 12, 4),
                "agenda_item": "99",
                "committee_report": "A/80/530",
                "draft_symbols": [],
                "plenary_meeting": 43,
                "meeting_number": None,
                "n_preambular": 0,
                "n_operative": 0,
                "n_footnotes": 0,
                "warnings": [],
            }
        ],
        schema=table_schema("documents"),
    )
    tables["rejects"] = pl.DataFrame(
        [
            {
                "path": INPUTS[1].doc_id,
                "sha256": INPUTS[1].sha256,
                "reason": "binary",
                "detail": "PDF",
            },
            {
                "path": INPUTS[2].doc_id,
                "sha256": None,
                "reason": "symlink_outside_raw",
                "detail": "a symbolic link to a file outside the input directory",
            },
        ],
        schema=table_schema("rejects"),
    )
    return tables


def _stage(out: Path, tables: dict[str, pl.DataFrame] | None = None) -> Path:
    staging = new_staging_dir(out)
    for name, df in (tables or _batch()).items():
        df.write_parquet(staging / f"{name}.parquet")
    return staging


def _publish(out: Path, **extra: object) -> Path:
    return publish_release(
        _stage(out),
        out,
        inputs=INPUTS,
        parser_version="0.1.0",
        schema_version=SCHEMA_VERSION,
        extra=extra or None,
    )


def test_published_release_is_whole_and_latest(tmp_path: Path) -> None:
    release = _publish(tmp_path, batch_id="test")
    manifest = read_manifest(release)

    assert release.parent == tmp_path / "releases"
    assert re.fullmatch(r"\d{8}T\d{6}Z-\d{6}", release.name)
    assert manifest["release_id"] == release.name
    assert manifest["schema_version"] == SCHEMA_VERSION
    assert manifest["parser_version"] == "0.1.0"
    assert manifest["previous_release"] is None
    assert manifest["batch_id"] == "test"
    assert dt.datetime.fromisoformat(manifest["created_at"]).tzinfo == dt.UTC
    by_doc_id = sorted(INPUTS, key=lambda record: record.doc_id)
    assert [InputRecord.from_json(entry) for entry in manifest["inputs"]] == by_doc_id
    assert manifest["inputs"][0]["stat"] == {
        "size": 13_804,
        "mtime_ns": 10**18,
        "ctime_ns": 10**18 + 7,
        "inode": 42,
    }
    assert sorted(p.name for p in release.iterdir()) == sorted(
        ["manifest.json", *(f"{name}.parquet" for name in _batch())]
    )
    for entry in manifest["tables"].values():
        data = (release / entry["file"]).read_bytes()
        assert entry["sha256"] == hashlib.sha256(data).hexdigest()
        assert entry["rows"] == pl.read_parquet(release / entry["file"]).height
    assert manifest["tables"]["documents"]["rows"] == 1
    assert manifest["tables"]["paragraphs"]["rows"] == 0

    assert os.readlink(tmp_path / "latest") == f"releases/{release.name}"
    assert latest_release(tmp_path) == release
    assert not [p for p in release.parent.iterdir() if p.name.startswith(".staging-")]
    assert verify_release(release) == []


def test_second_release_records_the_first(tmp_path: Path) -> None:
    first = _publish(tmp_path)
    second = _publish(tmp_path)
    assert read_manifest(second)["previous_release"] == first.name
    assert second.name > first.name
    assert latest_release(tmp_path) == second
    assert verify_release(first) == []


def test_failed_build_leaves_latest_and_releases_untouched(tmp_path: Path) -> None:
    first = _publish(tmp_path)
    with pytest.raises(RuntimeError), BuildLock(tmp_path):
        staging = _stage(tmp_path)
        raise RuntimeError("parser crashed before publishing")
    assert latest_release(tmp_path) == first
    assert sorted(p.name for p in (tmp_path / "releases").iterdir()) == sorted(
        [first.name, staging.name]
    )
    with BuildLock(tmp_path):
        assert clean_stale_staging(tmp_path) == [staging]
    assert [p.name for p in (tmp_path / "releases").iterdir()] == [first.name]
    assert verify_release(first) == []


def test_crash_at_the_rename_publishes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = _publish(tmp_path)

    def power_cut(source: object, target: object) -> None:
        raise OSError("power cut")

    monkeypatch.setattr(os, "rename", power_cut)
    with pytest.raises(OSError, match="power cut"):
        _publish(tmp_path)
    assert latest_release(tmp_path) == first
    names = [p.name for p in (tmp_path / "releases").iterdir()]
    assert [n for n in names if not n.startswith(".staging-")] == [first.name]


def test_lock_refuses_a_second_holder(tmp_path: Path) -> None:
    held = rf"pid {os.getpid()}\b.*Wait for it to finish"
    with BuildLock(tmp_path), pytest.raises(LockHeld, match=held):
        BuildLock(tmp_path).__enter__()
    with BuildLock(tmp_path):  # free again once released
        pass


HOLD_LOCK = """
import fcntl, os, sys, time
fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT)
fcntl.flock(fd, fcntl.LOCK_EX)
os.write(fd, f"pid {os.getpid()}".encode())
print("locked", flush=True)
time.sleep(60)
"""


def test_a_killed_holder_releases_the_lock(tmp_path: Path) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(tmp_path / ".lock")],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(LockHeld, match=rf"pid {holder.pid}\b"):
            BuildLock(tmp_path).__enter__()
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait()
    with BuildLock(tmp_path):
        pass


def test_stale_staging_dirs_are_cleaned(tmp_path: Path) -> None:
    release = _publish(tmp_path)
    stale = sorted([_stage(tmp_path), new_staging_dir(tmp_path)])
    with BuildLock(tmp_path):
        assert clean_stale_staging(tmp_path) == stale
        assert clean_stale_staging(tmp_path) == []
    assert [p.name for p in (tmp_path / "releases").iterdir()] == [release.name]
    assert latest_release(tmp_path) == release


def _overwrite(path: Path, df: pl.DataFrame) -> None:
    path.chmod(0o644)
    df.write_parquet(path)


def test_verify_detects_a_tampered_table(tmp_path: Path) -> None:
    release = _publish(tmp_path)
    documents = pl.read_parquet(release / "documents.parquet")
    _overwrite(release / "documents.parquet", pl.concat([documents, documents]))
    assert verify_release(release) == [
        "documents.parquet: sha256 is "
        + hashlib.sha256((release / "documents.parquet").read_bytes()).hexdigest()
        + ", the manifest says "
        + read_manifest(release)["tables"]["documents"]["sha256"],
        "documents.parquet: rows is 2, the manifest says 1",
        "documents.doc_id: 2 rows fail unique_key: doc_id='A_RES_80_14.txt'; "
        "doc_id='A_RES_80_14.txt'",
    ]


def test_verify_detects_damaged_and_unlisted_files(tmp_path: Path) -> None:
    release = _publish(tmp_path)
    damaged = release / "dates.parquet"
    damaged.chmod(0o644)
    damaged.write_bytes(damaged.read_bytes()[:-20])
    (release / "notes.parquet").write_bytes(b"PAR1")
    problems = verify_release(release)
    assert problems[0].startswith("dates.parquet: cannot be read:")
    assert "notes.parquet: not listed in the manifest" in problems
    assert "dates: is missing" in problems


def test_verify_wants_every_table_of_the_release(tmp_path: Path) -> None:
    tables = _batch()
    del tables["citation_edges"]
    release = publish_release(
        _stage(tmp_path, tables),
        tmp_path,
        inputs=INPUTS,
        parser_version="0.1.0",
        schema_version=SCHEMA_VERSION,
    )
    assert verify_release(release) == ["citation_edges: not in the manifest"]


def test_verify_holds_a_published_table_to_the_schemas(tmp_path: Path) -> None:
    tables = _batch()
    tables["rejects"] = tables["rejects"].with_columns(
        reason=pl.when(pl.col("reason") == "binary").then(pl.lit("corrupt")).otherwise("reason")
    )
    release = publish_release(
        _stage(tmp_path, tables),
        tmp_path,
        inputs=INPUTS,
        parser_version="0.1.0",
        schema_version=SCHEMA_VERSION,
    )
    [problem] = verify_release(release)
    assert problem.startswith("rejects.reason: 1 rows fail isin(")
    assert problem.endswith("path='scans/A_RES_75_181.pdf' value='corrupt'")


def test_extra_fields_may_not_replace_the_manifest_s_own(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="previous_release"):
        _publish(tmp_path, previous_release="forged")
    assert latest_release(tmp_path) is None


def test_publish_only_takes_its_own_staging_dirs(tmp_path: Path) -> None:
    elsewhere = tmp_path / "tmp-tables"
    elsewhere.mkdir()
    _batch()["documents"].write_parquet(elsewhere / "documents.parquet")
    with pytest.raises(ValueError, match="not a staging directory"):
        publish_release(
            elsewhere,
            tmp_path / "out",
            inputs=INPUTS,
            parser_version="0.1.0",
            schema_version=SCHEMA_VERSION,
        )


def test_verify_follows_the_latest_link(tmp_path: Path) -> None:
    out = tmp_path / "out"
    release = _publish(out)
    assert verify_release(out / "latest") == verify_release(release) == []


def _stage_with_docs(out: Path) -> Path:
    """A staging directory as a build leaves it: tables, data dictionary, data package
    and report."""
    staging = _stage(out)
    (staging / "README.md").write_text("# unres release: data dictionary\n")
    (staging / "datapackage.json").write_text('{"name": "unres"}\n')
    (staging / "report.html").write_text("<!DOCTYPE html>\n<html></html>\n")
    return staging


@pytest.mark.parametrize("name", ["README.md", "datapackage.json", "report.html"])
def test_verify_covers_every_file_of_a_release(tmp_path: Path, name: str) -> None:
    release = publish_release(
        _stage_with_docs(tmp_path),
        tmp_path,
        inputs=INPUTS,
        parser_version="0.1.0",
        schema_version=SCHEMA_VERSION,
    )
    listed = read_manifest(release)["files"]
    assert listed[name] == {
        "sha256": hashlib.sha256((release / name).read_bytes()).hexdigest(),
        "bytes": (release / name).stat().st_size,
    }
    assert verify_release(release) == []

    path = release / name
    path.chmod(0o644)
    with path.open("a") as junk:
        junk.write("appended junk\n")
    problems = verify_release(tmp_path / "latest")
    assert [p.split(":")[0] for p in problems] == [name, name]  # its sha256 and size

    path.unlink()
    assert verify_release(release)[0].startswith(f"{name}: cannot be read")


def test_verify_finds_a_file_the_manifest_does_not_list(tmp_path: Path) -> None:
    release = _publish(tmp_path)
    (release / "notes.txt").write_text("added after publishing\n")
    assert verify_release(release) == ["notes.txt: not listed in the manifest"]


def test_latest_json_points_at_the_latest_release_with_its_manifest_hash(
    tmp_path: Path,
) -> None:
    first = _publish(tmp_path)
    second = _publish(tmp_path)
    pointer = json.loads((tmp_path / "latest.json").read_text())
    manifest = read_manifest(second)
    assert pointer == {
        "release_id": second.name,
        "path": f"releases/{second.name}",
        "created_at": manifest["created_at"],
        "manifest_sha256": hashlib.sha256((second / "manifest.json").read_bytes()).hexdigest(),
    }
    assert (tmp_path / pointer["path"]).resolve() == (tmp_path / "latest").resolve()
    # Replaced whole: no temporary file is left beside it.
    assert sorted(p.name for p in tmp_path.iterdir()) == ["latest", "latest.json", "releases"]
    assert first.name != second.name

    # The pointer vouches for the manifest: a manifest changed afterwards is found.
    manifest_file = second / "manifest.json"
    manifest_file.chmod(0o644)
    manifest_file.write_text(manifest_file.read_text().replace('"0.1.0"', '"0.1.1"'))
    assert verify_release(second) == [
        f"manifest.json: sha256 is {hashlib.sha256(manifest_file.read_bytes()).hexdigest()}, "
        f"latest.json says {pointer['manifest_sha256']}"
    ]
    assert verify_release(first) == []  # latest.json says nothing of other releases


def test_a_pointer_left_aside_by_a_dead_build_is_removed(tmp_path: Path) -> None:
    release = _publish(tmp_path)
    link = tmp_path / ".latest-0badc0de"
    link.symlink_to(f"releases/{release.name}")
    pointer = tmp_path / ".latest.json-0badc0de"
    pointer.write_text('{"release_id": ')  # cut off mid-write
    with BuildLock(tmp_path):
        assert clean_stale_staging(tmp_path) == [link, pointer]
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        ".lock",
        "latest",
        "latest.json",
        "releases",
    ]
