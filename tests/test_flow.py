"""End to end: the Prefect flow turns real inputs into a published, validated release."""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import re
import shutil
import subprocess
import sys
import urllib.request
from pathlib import Path

import polars as pl
import pytest

from flows.cli import main
from tests.conftest import RAW, SEED_NAMES
from tests.test_merge import assert_load_friendly
from unres.parquet_layout import ROW_GROUP_ROWS

TABLES = {
    "documents",
    "paragraphs",
    "citations",
    "dates",
    "footnotes",
    "rejects",
    "citation_edges",
}


@pytest.fixture()
def raw_dir(seed_raw: Path) -> Path:
    shutil.copy(RAW / "A_RES_80_14.txt", seed_raw / "A_RES_80_14.txt")
    (seed_raw / "empty.txt").write_text("  \n")
    return seed_raw


def test_build_publishes_a_whole_validated_release(
    prefect_server: None, raw_dir: Path, tmp_path: Path
) -> None:
    from flows.build import run_build
    from unres.publish import verify_release

    out = tmp_path / "out"
    summary = run_build(raw_dir, out)

    latest = out / "latest"
    assert latest.is_symlink()
    assert latest.resolve() == Path(summary.release).resolve()
    manifest = json.loads((latest / "manifest.json").read_text())
    assert set(manifest["tables"]) == TABLES
    for name, info in manifest["tables"].items():
        data = (latest / info["file"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == info["sha256"], name
        assert pl.read_parquet(latest / info["file"]).height == info["rows"], name
    assert {i["doc_id"] for i in manifest["inputs"]} == {p.name for p in raw_dir.iterdir()}

    documents = pl.read_parquet(latest / "documents.parquet")
    rejects = pl.read_parquet(latest / "rejects.parquet")
    assert sorted(documents["doc_id"]) == sorted(
        [f"{n}.txt" for n in SEED_NAMES] + ["A_RES_80_14.txt"]
    )
    assert rejects.select("path", "reason").rows() == [("empty.txt", "empty")]
    assert "A/RES/75/180" in documents["symbol"].to_list()
    assert summary.documents == 4 and summary.rejects == 1
    assert verify_release(latest) == []
    assert_load_friendly(latest, ROW_GROUP_ROWS)

    # The release describes itself, from the schemas.
    package = json.loads((latest / "datapackage.json").read_text())
    assert {r["name"] for r in package["resources"]} == TABLES
    documents_fields = next(r for r in package["resources"] if r["name"] == "documents")
    assert [f["name"] for f in documents_fields["schema"]["fields"]] == documents.columns
    report = (latest / "report.html").read_text()
    assert report.count("<svg") >= 6
    # Written before the release was sealed, it names the release, not the staging area.
    assert f"<title>unres release {manifest['release_id']}</title>" in report
    dictionary = (latest / "README.md").read_text()
    assert all(f"| {column} |" in dictionary for column in documents.columns)


def test_second_build_keeps_the_first_release_and_links_it(
    prefect_server: None, raw_dir: Path, tmp_path: Path
) -> None:
    from flows.build import run_build

    out = tmp_path / "out"
    first = Path(run_build(raw_dir, out).release)
    (raw_dir / "empty.txt").unlink()
    second = Path(run_build(raw_dir, out).release)

    assert first.is_dir() and second.is_dir() and first != second
    assert (out / "latest").resolve() == second.resolve()
    manifest = json.loads((second / "manifest.json").read_text())
    assert manifest["previous_release"] == first.name


def test_cli_refuses_a_missing_raw_directory(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["build", "--raw", str(tmp_path / "nope"), "--out", str(tmp_path / "out")])
    assert code == 2
    assert "is not a directory" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_cli_help_explains_build(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["build", "--help"])
    assert exit_info.value.code == 0
    help_text = capsys.readouterr().out
    assert "--raw" in help_text and "exit status" in help_text and "latest" in help_text


def test_cli_verify_says_whole_or_names_the_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.test_publish import _publish

    release = _publish(tmp_path / "out")
    assert main(["verify", str(tmp_path / "out" / "latest")]) == 0
    assert "is whole" in capsys.readouterr().out

    table = release / "footnotes.parquet"
    table.chmod(0o644)
    table.write_bytes(table.read_bytes()[:-1] + b"\0")
    assert main(["verify", str(release)]) == 1
    assert "footnotes" in capsys.readouterr().err


def test_rebuild_reuses_unchanged_inputs_and_skips_when_nothing_changed(
    prefect_server: None, raw_dir: Path, tmp_path: Path
) -> None:
    from flows.build import run_build
    from unres.diff import diff_releases

    out = tmp_path / "out"
    first = run_build(raw_dir, out)
    unchanged = run_build(raw_dir, out)
    assert unchanged.unchanged and unchanged.release == first.release
    assert len(list((out / "releases").iterdir())) == 1

    changed = raw_dir / "A_RES_80_14.txt"
    changed.write_text(
        changed.read_text().replace("Calls upon African States", "Urges African States")
    )
    (raw_dir / "empty.txt").unlink()
    shutil.copy(RAW / "A_RES_80_5.txt", raw_dir / "A_RES_80_5.txt")
    second = run_build(raw_dir, out, workers=2, batch_size=1)

    assert not second.unchanged and second.reused == 3 and second.documents == 5
    scratch = run_build(raw_dir, tmp_path / "scratch")
    for name in TABLES:
        expected = pl.read_parquet(Path(scratch.release) / f"{name}.parquet")
        assert pl.read_parquet(Path(second.release) / f"{name}.parquet").equals(expected), name
    paragraphs = pl.read_parquet(Path(second.release) / "paragraphs.parquet")
    assert "Urges" in paragraphs.filter(pl.col("doc_id") == "A_RES_80_14.txt")["verb"].to_list()
    diff = json.loads((Path(second.release) / "manifest.json").read_text())["build"]["diff"]
    assert diff["old"] == Path(first.release).name
    assert diff["documents_changed"] == ["A_RES_80_14.txt"]
    assert diff["documents_added"] == ["A_RES_80_5.txt"]
    assert diff["documents_removed"] == ["empty.txt"]
    # Compared only where rows could differ, the build's diff is the full comparison's.
    full = diff_releases(Path(first.release), Path(second.release)).to_json()
    assert diff == {key: value for key, value in full.items() if key != "new"}
    assert "1 changed" in second.changes


def test_a_stock_taken_before_another_build_published_is_taken_again(
    prefect_server: None, raw_dir: Path, tmp_path: Path
) -> None:
    from flows.build import run_build, take_stock

    out = tmp_path / "out"
    run_build(raw_dir, out)
    stale = take_stock(str(raw_dir), str(out))  # as the command line does, before the lock
    assert stale.unchanged  # everything as in the first release
    changed = raw_dir / "A_RES_80_14.txt"
    changed.write_text(changed.read_text().replace("Calls upon", "Urges"))
    second = run_build(raw_dir, out)  # another build publishes meanwhile
    (raw_dir / "empty.txt").unlink()

    third = run_build(raw_dir, out, stock=stale)

    assert third.reused == 4 and third.documents == 4 and third.rejects == 0
    manifest = json.loads((Path(third.release) / "manifest.json").read_text())
    assert manifest["previous_release"] == Path(second.release).name
    assert manifest["build"]["diff"]["documents_removed"] == ["empty.txt"]


def test_a_stock_given_to_the_flow_is_not_shipped_to_worker_processes(
    raw_dir: Path, tmp_path: Path
) -> None:
    # Prefect pickles a flow run's parameters into every task it sends to another
    # process: with tens of thousands of inputs that cost a core and gigabytes.
    from flows.build import InProcess, take_stock

    stock = InProcess(take_stock(str(raw_dir), str(tmp_path / "out")))
    assert stock.value is not None and len(stock.value.inputs) == 5

    assert pickle.loads(pickle.dumps(stock)).value is None


def test_the_cli_starts_its_own_prefect_server_and_stops_it(raw_dir: Path, tmp_path: Path) -> None:
    from unres.publish import verify_release

    # A home with no ~/.prefect, as on a fresh machine (Prefect's own home stays ours).
    cache = os.environ.get("XDG_CACHE_HOME", str(Path.home() / ".cache"))
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    env.update(HOME=str(tmp_path / "home"), XDG_CACHE_HOME=cache)
    command = [sys.executable, "-m", "flows.cli", "build", "--raw", str(raw_dir)]
    done = subprocess.run(
        [*command, "--out", str(tmp_path / "out")],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )

    assert done.returncode == 0, done.stderr
    assert "published" in done.stdout
    assert "listed the inputs while the Prefect server started" in done.stderr
    # Its start-up state is kept in Prefect's home, so the next start can skip work.
    assert "memo_store" not in done.stderr and not (tmp_path / "home" / ".prefect").exists()
    assert verify_release(tmp_path / "out" / "latest") == []
    server = re.search(r"temporary Prefect server at (\S+)", done.stderr)
    assert server is not None, done.stderr
    with pytest.raises(OSError):  # stopped with the build
        urllib.request.urlopen(f"{server.group(1)}/health", timeout=2)


def test_nothing_to_publish_needs_no_writable_output(
    prefect_server: None, raw_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # As root, permissions cannot make a directory read-only here: the lock is made
    # to find it so, as it does on a read-only mount or without write permission.
    import flows.build
    from unres.lock import OutputNotWritable

    out = tmp_path / "out"
    first = flows.build.run_build(raw_dir, out)

    class ReadOnlyOutput:
        def __init__(self, out_dir: Path) -> None:
            self.out_dir = out_dir

        def __enter__(self) -> None:
            raise OutputNotWritable(f"{self.out_dir} is not writable (Read-only file system)")

        def __exit__(self, *args: object) -> None:
            return None

    monkeypatch.setattr(flows.build, "BuildLock", ReadOnlyOutput)
    again = flows.build.run_build(raw_dir, out)
    assert again.unchanged and again.release == first.release

    (raw_dir / "new.txt").write_text((RAW / "A_RES_80_5.txt").read_text())
    with pytest.raises(OutputNotWritable, match="not writable"):
        flows.build.run_build(raw_dir, out)


def test_a_held_lock_is_refused_in_one_line_before_prefect_starts(
    raw_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from unres.lock import BuildLock

    out = tmp_path / "out"
    with BuildLock(out):
        code = main(["build", "--raw", str(raw_dir), "--out", str(out)])
    err = capsys.readouterr().err
    assert code == 1
    assert err.count("\n") == 1 and "being written by another build" in err
    assert "Prefect" not in err


def test_strict_refuses_a_quarantined_input_in_plain_words(
    prefect_server: None,
    raw_dir: Path,
    tmp_path: Path,
    capfd: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from prefect.settings import PREFECT_API_URL

    monkeypatch.setenv("PREFECT_API_URL", str(PREFECT_API_URL.value()))  # the session's server
    seed = (raw_dir / f"{SEED_NAMES[0]}.txt").read_text(encoding="utf-8")
    (raw_dir / "adopted_2090.txt").write_text(seed.replace("16 December 2020", "16 December 2090"))
    out = tmp_path / "out"

    status = main(["build", "--raw", str(raw_dir), "--out", str(out), "--strict"])

    err = capfd.readouterr().err
    assert status == 1
    assert "--strict: 1 input quarantined: adopted_2090.txt (schema_violation: " in err
    # A refusal the build explains is no crash: no traceback, nothing published.
    assert "Traceback" not in err
    assert not (out / "latest").exists()
