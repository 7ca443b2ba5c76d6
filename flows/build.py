"""The build flow: discover -> parse in batches -> merge -> validate -> publish.

Each task works on a whole batch of files and passes paths and small summaries,
never DataFrames, so Prefect's per-task overhead stays a rounding error and
nothing large goes through its result machinery. (Importing this module runs
``flows/__init__``, which sets Prefect's defaults before Prefect is imported.)
"""

from __future__ import annotations

import logging
import shutil
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from prefect import flow, task
from prefect.cache_policies import NO_CACHE
from prefect.futures import as_completed
from prefect.task_runners import ProcessPoolTaskRunner, TaskRunner, ThreadPoolTaskRunner

from schemas import SCHEMA_VERSION
from unres import PARSER_VERSION
from unres.dictionary import write_release_docs
from unres.diff import ReleaseDiff, diff_releases
from unres.ingest import InputFile, discover_inputs
from unres.publish import (
    BuildLock,
    clean_stale_staging,
    latest_release,
    new_staging_dir,
    publish_release,
    read_manifest,
)
from unres.report import write_report
from unres.shards import ShardResult, merge_shards, process_batch

log = logging.getLogger("unres.build")

DEFAULT_BATCH_SIZE = 500
DEFAULT_MAX_BYTES = 5 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class PreviousBuild:
    """The release ``latest`` points at, when its rows can be reused: same parser and
    schema versions. ``inputs`` maps its doc_ids to their sha256 (None: not read)."""

    release: str
    inputs: dict[str, str | None]

    def hashes_of(self, doc_ids: Iterable[str]) -> dict[str, str]:
        return {d: h for d in doc_ids if (h := self.inputs.get(d)) is not None}


def reusable_previous_build(out_dir: Path) -> PreviousBuild | None:
    release = latest_release(out_dir)
    if release is None:
        return None
    manifest = read_manifest(release)
    if (manifest.get("parser_version"), manifest.get("schema_version")) != (
        PARSER_VERSION,
        SCHEMA_VERSION,
    ):
        return None
    return PreviousBuild(
        release=str(release), inputs={i["doc_id"]: i["sha256"] for i in manifest["inputs"]}
    )


@dataclass(slots=True)
class BuildSummary:
    release: str
    inputs: int
    documents: int
    rejects: int
    warnings: int
    seconds: float
    reused: int = 0
    # True when nothing changed since ``release``, so no new release was published.
    unchanged: bool = False
    # One line: what changed since the previous release ("" for a first release).
    changes: str = ""
    rows: dict[str, int] = field(default_factory=dict)


@task(name="discover-inputs", cache_policy=NO_CACHE)
def discover(raw_dir: str) -> list[InputFile]:
    return discover_inputs(Path(raw_dir))


@task(name="parse-batch", cache_policy=NO_CACHE)
def parse_batch(
    inputs: list[InputFile], shard_dir: str, max_bytes: int, previous: PreviousBuild | None
) -> ShardResult:
    return process_batch(
        inputs,
        shard_dir,
        max_bytes=max_bytes,
        previous_release=previous.release if previous else None,
        previous_hashes=previous.hashes_of(item.doc_id for item in inputs) if previous else None,
    )


@task(name="merge-shards", cache_policy=NO_CACHE)
def merge(shards: list[str], staging: str) -> dict[str, int]:
    return merge_shards(shards, Path(staging))


@task(name="publish-release", cache_policy=NO_CACHE)
def publish(
    staging: str, out_dir: str, inputs: list[tuple[str, str | None]], summary: dict[str, object]
) -> str:
    release = publish_release(
        Path(staging),
        Path(out_dir),
        inputs=sorted(inputs, key=lambda pair: pair[0]),
        parser_version=PARSER_VERSION,
        schema_version=SCHEMA_VERSION,
        extra={"build": summary},
    )
    return str(release)


@flow(name="unres-build", validate_parameters=False)
def build_release(
    raw_dir: str,
    out_dir: str,
    batch_size: int = DEFAULT_BATCH_SIZE,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> BuildSummary:
    started = time.perf_counter()
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    with BuildLock(out):
        for stale in clean_stale_staging(out):
            log.info("removed leftover staging directory %s", stale)
        previous = reusable_previous_build(out)
        staging = new_staging_dir(out)
        try:
            inputs = discover(raw_dir)
            log.info("found %d input files under %s", len(inputs), raw_dir)
            results = _parse_all(
                inputs, staging, batch_size=batch_size, max_bytes=max_bytes, previous=previous
            )
            summary = BuildSummary(
                release="",
                inputs=len(inputs),
                documents=sum(r.documents for r in results),
                rejects=sum(r.rejects for r in results),
                warnings=sum(r.warnings for r in results),
                reused=sum(r.reused for r in results),
                seconds=0.0,
            )
            hashes = dict(pair for r in results for pair in r.inputs)
            if previous is not None and hashes == previous.inputs:
                shutil.rmtree(staging)
                summary.release, summary.unchanged = previous.release, True
            else:
                summary.rows = merge([r.shard for r in results], str(staging))
                _check_every_input_accounted_for(len(inputs), summary.rows)
                shutil.rmtree(staging / "shards")
                write_release_docs(staging)
                write_report(staging)
                changes = _diff_against_latest(out, staging)
                summary.changes = changes.summary() if changes else ""
                summary.release = publish(
                    str(staging),
                    out_dir,
                    list(hashes.items()),
                    {
                        "inputs": summary.inputs,
                        "documents": summary.documents,
                        "rejects": summary.rejects,
                        "warnings": summary.warnings,
                        "reused": summary.reused,
                        # "new" is the staging directory's name: the manifest's own
                        # release_id says which release this is.
                        "diff": _without_new(changes.to_json()) if changes else None,
                    },
                )
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
    summary.seconds = time.perf_counter() - started
    return summary


def _parse_all(
    inputs: Sequence[InputFile],
    staging: Path,
    *,
    batch_size: int,
    max_bytes: int,
    previous: PreviousBuild | None,
) -> list[ShardResult]:
    batches = [list(inputs[i : i + batch_size]) for i in range(0, len(inputs), batch_size)]
    futures = [
        parse_batch.submit(batch, str(staging / "shards" / f"{n:06d}"), max_bytes, previous)
        for n, batch in enumerate(batches)
    ]
    done_files = 0
    for future in as_completed(futures):
        result: ShardResult = future.result()
        done_files += result.documents + result.rejects
        log.info(
            "parsed %d/%d files (%d%%)",
            done_files,
            len(inputs),
            100 * done_files // max(len(inputs), 1),
        )
    # Shards are merged in input order so the tables come out sorted by doc_id.
    return sorted((f.result() for f in futures), key=lambda r: r.shard)


def _diff_against_latest(out: Path, staging: Path) -> ReleaseDiff | None:
    previous = latest_release(out)
    return diff_releases(previous, staging) if previous else None


def _without_new(diff: dict[str, object]) -> dict[str, object]:
    return {key: value for key, value in diff.items() if key != "new"}


def _check_every_input_accounted_for(n_inputs: int, rows: dict[str, int]) -> None:
    landed = rows["documents"] + rows["rejects"]
    if landed != n_inputs:
        raise RuntimeError(
            f"{n_inputs} inputs but {rows['documents']} documents + {rows['rejects']} rejects; "
            "refusing to publish a release that lost inputs (this is a bug, please report it)"
        )


def task_runner(*, workers: int = 1, dask_address: str | None = None) -> TaskRunner[Any]:
    if dask_address:
        from prefect_dask.task_runners import DaskTaskRunner  # imported only for Dask runs

        runner: TaskRunner[Any] = DaskTaskRunner(address=dask_address)
        return runner
    if workers > 1:
        return ProcessPoolTaskRunner(max_workers=workers)
    return ThreadPoolTaskRunner(max_workers=1)


def run_build(
    raw_dir: Path,
    out_dir: Path,
    *,
    workers: int = 1,
    dask_address: str | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> BuildSummary:
    """Run the flow on an existing Dask cluster (``dask_address``, "tcp://host:port"),
    or with ``workers`` local processes (1 = in this process)."""
    runner = task_runner(workers=workers, dask_address=dask_address)
    configured = build_release.with_options(task_runner=runner)
    summary: BuildSummary = configured(
        str(raw_dir), str(out_dir), batch_size=batch_size, max_bytes=max_bytes
    )
    return summary
