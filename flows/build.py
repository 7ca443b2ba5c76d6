"""The build flow: discover -> parse in batches -> merge -> validate -> publish.

Each task works on a whole batch of files and passes paths and small summaries,
never DataFrames, so Prefect's per-task overhead stays a rounding error and
nothing large goes through its result machinery. (Importing this module runs
``flows/__init__``, which sets Prefect's defaults before Prefect is imported.)
"""

from __future__ import annotations

import asyncio
import logging
import shutil
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
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
    new_release_id,
    new_staging_dir,
    publish_release,
    read_manifest,
)
from unres.report import write_report
from unres.shards import ShardResult, find_unchanged, merge_shards, process_batch

log = logging.getLogger("unres.build")

DEFAULT_BATCH_SIZE = 500
DEFAULT_MAX_BYTES = 5 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class PreviousBuild:
    """The release ``latest`` points at, when its rows can be reused: same parser and
    schema versions. ``inputs`` maps its doc_ids to their sha256 (None: not read)."""

    release: str
    inputs: dict[str, str | None]


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


@task(name="find-unchanged-inputs", cache_policy=NO_CACHE)
def unchanged_since(inputs: list[InputFile], previous: PreviousBuild | None) -> dict[str, str]:
    return find_unchanged(inputs, previous.inputs) if previous else {}


@task(name="parse-batch", cache_policy=NO_CACHE)
def parse_batch(
    inputs: list[InputFile],
    shard_dir: str,
    max_bytes: int,
    previous_release: str | None,
    unchanged: dict[str, str],
) -> ShardResult:
    return process_batch(
        inputs,
        shard_dir,
        max_bytes=max_bytes,
        previous_release=previous_release,
        unchanged=unchanged,
    )


@task(name="merge-shards", cache_policy=NO_CACHE)
def merge(shards: list[str], staging: str) -> dict[str, int]:
    return merge_shards(shards, Path(staging))


@task(name="publish-release", cache_policy=NO_CACHE)
def publish(
    staging: str,
    out_dir: str,
    inputs: list[tuple[str, str | None]],
    summary: dict[str, object],
    release_id: str,
) -> str:
    release = publish_release(
        Path(staging),
        Path(out_dir),
        inputs=sorted(inputs, key=lambda pair: pair[0]),
        parser_version=PARSER_VERSION,
        schema_version=SCHEMA_VERSION,
        extra={"build": summary},
        release_id=release_id,
    )
    return str(release)


# An async flow: Prefect ends a sync flow run by waiting about a second for its
# heartbeat thread, an async one returns at once. The tasks stay sync.
@flow(name="unres-build", validate_parameters=False)
async def build_release(
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
            with _stage("parsed (or reused) every input into validated shards"):
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
                with _stage("merged the shards into release tables"):
                    summary.rows = merge([r.shard for r in results], str(staging))
                _check_every_input_accounted_for(len(inputs), summary.rows)
                shutil.rmtree(staging / "shards")
                with _stage("wrote the data dictionary and report"):
                    release_id = new_release_id(out)
                    write_release_docs(staging)
                    write_report(staging, release_id=release_id)
                with _stage("compared with the previous release"):
                    changes = _diff_against_latest(out, staging)
                summary.changes = changes.summary() if changes else ""
                with _stage("published the release"):
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
                        release_id,
                    )
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
    summary.seconds = time.perf_counter() - started
    return summary


@contextmanager
def _stage(done: str) -> Iterator[None]:
    """Log how long a stage of the build took, so a slow run shows where its time goes."""
    started = time.perf_counter()
    yield
    log.info("%s in %.1f s", done, time.perf_counter() - started)


def _parse_all(
    inputs: Sequence[InputFile],
    staging: Path,
    *,
    batch_size: int,
    max_bytes: int,
    previous: PreviousBuild | None,
) -> list[ShardResult]:
    unchanged = unchanged_since(list(inputs), previous)
    batches = [list(inputs[i : i + batch_size]) for i in range(0, len(inputs), batch_size)]

    def arguments(n: int) -> tuple[Any, ...]:
        batch = batches[n]
        return (
            batch,
            str(staging / "shards" / f"{n:06d}"),
            max_bytes,
            previous.release if previous else None,
            {i.doc_id: unchanged[i.doc_id] for i in batch if i.doc_id in unchanged},
        )

    to_parse = [
        n for n, batch in enumerate(batches) if any(i.doc_id not in unchanged for i in batch)
    ]
    # Worker processes (or a cluster) pay off only with two batches or more to parse:
    # starting them costs seconds, while copying unchanged rows takes milliseconds.
    farmed_out = set(to_parse) if len(to_parse) > 1 else set()
    futures = [parse_batch.submit(*arguments(n)) for n in sorted(farmed_out)]
    progress = _Progress(len(inputs))
    results = []
    for n in range(len(batches)):
        if n not in farmed_out:
            results.append(progress.add(parse_batch(*arguments(n))))
    results.extend(progress.add(future.result()) for future in as_completed(futures))
    # Shards are merged in input order so the tables come out sorted by doc_id.
    return sorted(results, key=lambda r: r.shard)


@dataclass(slots=True)
class _Progress:
    total: int
    done: int = 0

    def add(self, result: ShardResult) -> ShardResult:
        self.done += result.documents + result.rejects
        log.info(
            "parsed %d/%d files (%d%%)",
            self.done,
            self.total,
            100 * self.done // max(self.total, 1),
        )
        return result


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
    summary: BuildSummary = asyncio.run(
        configured(str(raw_dir), str(out_dir), batch_size=batch_size, max_bytes=max_bytes)
    )
    return summary
