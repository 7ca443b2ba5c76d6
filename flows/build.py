"""The build flow: discover -> find the unchanged inputs -> parse the others in batches
-> merge them with the rows kept from the previous release -> publish.

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
from collections.abc import Collection, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar

# Prefect imports fastapi's encoders on a process's first flow run, to record the run's
# parameters: a quarter of a second, spent here instead, while the server starts.
import fastapi.encoders  # noqa: F401
from prefect import flow, task
from prefect.cache_policies import NO_CACHE
from prefect.futures import as_completed
from prefect.task_runners import ProcessPoolTaskRunner, TaskRunner, ThreadPoolTaskRunner

from flows.defaults import DEFAULT_BATCH_SIZE, DEFAULT_MAX_BYTES, DEFAULT_WORKERS
from schemas import SCHEMA_VERSION, table_file
from unres import PARSER_VERSION
from unres.batches import ShardResult, process_batch
from unres.change_detection import find_unchanged
from unres.dictionary import write_release_docs
from unres.diff import ReleaseDiff, diff_releases
from unres.ingest import InputFile, InputRecord, discover_inputs
from unres.merge import count_warnings, merge_release
from unres.parquet_layout import has_current_columns
from unres.pdf_cache import PDF_CACHE_DIR
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

log = logging.getLogger("unres.build")
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class PreviousBuild:
    """The release ``latest`` points at, when its rows can be reused: same parser and
    schema versions. ``inputs``: what its manifest records of each input, by doc_id;
    ``rows``: its tables' row counts."""

    release: str
    inputs: dict[str, InputRecord]
    rows: dict[str, int]


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
    if not has_current_columns(release):
        return None
    return PreviousBuild(
        release=str(release),
        inputs={i["doc_id"]: InputRecord.from_json(i) for i in manifest["inputs"]},
        rows={name: table["rows"] for name, table in manifest["tables"].items()},
    )


@dataclass(slots=True)
class BuildSummary:
    release: str
    inputs: int
    documents: int = 0
    rejects: int = 0
    warnings: int = 0  # in the documents table, duplicate_input flags included
    seconds: float = 0.0
    reused: int = 0  # inputs unchanged since the previous release, rows kept from it
    # True when nothing changed since ``release``, so no new release was published.
    unchanged: bool = False
    # One line: what changed since the previous release ("" for a first release).
    changes: str = ""
    rows: dict[str, int] = field(default_factory=dict)


class Unwalked(Generic[T]):
    """A task argument that Prefect hands over as it is. Prefect walks every item of
    lists, dicts and dataclasses it is given, looking for futures: for the thousands
    of inputs of a build that took seconds per task. (Prefect's own ``quote`` does not
    survive the Dask task runner, which walks into it.)"""

    __slots__ = ("value",)

    def __init__(self, value: T) -> None:
        self.value = value


class InProcess(Generic[T]):
    """A flow argument for this process alone. Prefect ships a flow run's parameters,
    in its context, with every task it runs in another process, pickled once per
    task: this one arrives there empty."""

    __slots__ = ("value",)

    def __init__(self, value: T | None) -> None:
        self.value = value

    def __reduce__(self) -> tuple[type[InProcess[T]], tuple[None]]:
        return type(self), (None,)


@dataclass(frozen=True, slots=True)
class Stock:
    """What a build starts from: the release ``latest`` pointed at (None: none yet) and
    the previous build whose rows can be reused, every input under the input
    directory and, by doc_id, those unchanged since that build."""

    latest: Path | None
    previous: PreviousBuild | None
    inputs: list[InputFile]
    unchanged: dict[str, InputRecord]

    def is_current(self, out_dir: Path) -> bool:
        """True while no other release has been published since it was taken."""
        return latest_release(out_dir) == self.latest


def take_stock(raw_dir: str, out_dir: str) -> Stock:
    """List the inputs and find those unchanged since the latest reusable release.

    Needs no lock and no Prefect: ``unres build`` takes stock while the temporary
    Prefect server starts, and the flow takes it again if another release was
    published meanwhile.
    """
    out = Path(out_dir)
    latest = latest_release(out)
    previous = reusable_previous_build(out)
    inputs = discover_inputs(Path(raw_dir))
    unchanged = find_unchanged(inputs, previous.inputs) if previous else {}
    return Stock(latest, previous, inputs, unchanged)


@task(name="take-stock", cache_policy=NO_CACHE)
def take_stock_task(raw_dir: str, out_dir: str) -> Unwalked[Stock]:
    return Unwalked(take_stock(raw_dir, out_dir))


@task(name="parse-batch", cache_policy=NO_CACHE)
def parse_batch(
    inputs: Unwalked[list[InputFile]], shard_dir: str, max_bytes: int, pdf_cache: str
) -> ShardResult:
    return process_batch(inputs.value, shard_dir, max_bytes=max_bytes, pdf_cache=Path(pdf_cache))


@task(name="merge-release-tables", cache_policy=NO_CACHE)
def merge(
    shards: list[str], staging: str, previous_release: str | None, dropped: Unwalked[list[str]]
) -> dict[str, int]:
    previous = Path(previous_release) if previous_release else None
    return merge_release(shards, Path(staging), previous=previous, dropped=dropped.value)


@task(name="publish-release", cache_policy=NO_CACHE)
def publish(
    staging: str,
    out_dir: str,
    inputs: Unwalked[list[InputRecord]],
    summary: dict[str, object],
    release_id: str,
) -> str:
    release = publish_release(
        Path(staging),
        Path(out_dir),
        inputs=inputs.value,
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
    stock: InProcess[Stock] | None = None,
) -> BuildSummary:
    """Build a release of ``raw_dir`` into ``out_dir``; ``stock``, when given, is
    ``take_stock(raw_dir, out_dir)`` taken a moment ago, before the lock."""
    started = time.perf_counter()
    _log_stages_unless_configured()
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    with BuildLock(out):
        for stale in clean_stale_staging(out):
            log.info("removed leftover staging directory %s", stale)
        if stock is not None and stock.value is not None and stock.value.is_current(out):
            taken = stock.value
        else:
            with _stage("listed the inputs and found those unchanged since the previous release"):
                taken = take_stock_task(raw_dir, out_dir).value
        staging = new_staging_dir(out)
        try:
            summary = _build(raw_dir, out, staging, taken, batch_size, max_bytes)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
    summary.seconds = time.perf_counter() - started
    return summary


def _log_stages_unless_configured() -> None:
    """A run served by ``unres serve`` happens in a process of Prefect's, where nobody
    set the level of the ``unres`` loggers: without this its stage lines (INFO) would
    be dropped, and the run's logs on the server would not say what it did."""
    unres_logger = logging.getLogger("unres")
    if unres_logger.level == logging.NOTSET:
        unres_logger.setLevel(logging.INFO)


def _build(
    raw_dir: str, out: Path, staging: Path, stock: Stock, batch_size: int, max_bytes: int
) -> BuildSummary:
    previous, inputs, unchanged = stock.previous, stock.inputs, stock.unchanged
    fresh = [item for item in inputs if item.doc_id not in unchanged]
    log.info(
        "found %d input files under %s: %d unchanged since the previous release, %d to parse",
        len(inputs),
        raw_dir,
        len(unchanged),
        len(fresh),
    )
    summary = BuildSummary(release="", inputs=len(inputs), reused=len(unchanged))
    with _stage(f"parsed {len(fresh)} new or changed inputs into validated shards"):
        results = _parse_all(
            fresh,
            staging,
            batch_size=batch_size,
            max_bytes=max_bytes,
            pdf_cache=out / PDF_CACHE_DIR,
        )
    records = dict(unchanged) | {r.doc_id: r for result in results for r in result.inputs}
    if previous is not None and _hashes(records) == _hashes(previous.inputs):
        shutil.rmtree(staging)
        summary.release, summary.unchanged = previous.release, True
        summary.documents, summary.rejects = previous.rows["documents"], previous.rows["rejects"]
        return summary
    # The previous release's rows of these documents are not carried over: parsed
    # again, or their input is gone.
    dropped = sorted(previous.inputs.keys() - unchanged.keys()) if previous else []
    with _stage("merged the kept and fresh rows into release tables"):
        summary.rows = merge(
            [r.shard for r in results],
            str(staging),
            previous.release if previous else None,
            Unwalked(dropped),
        )
    summary.documents, summary.rejects = summary.rows["documents"], summary.rows["rejects"]
    summary.warnings = count_warnings(staging / table_file("documents"))
    _check_every_input_accounted_for(len(inputs), summary.rows)
    shutil.rmtree(staging / "shards", ignore_errors=True)
    with _stage("wrote the data dictionary and report"):
        release_id = new_release_id(out)
        write_release_docs(staging)
        write_report(staging, release_id=release_id)
    with _stage("compared with the previous release"):
        # Only the documents parsed again, added or removed can have other rows than
        # before (with a reusable previous release: every other row was kept as it was).
        touched = {item.doc_id for item in fresh}.union(dropped) if previous else None
        changes = _diff_against_latest(out, staging, touched)
    summary.changes = changes.summary() if changes else ""
    with _stage("published the release"):
        summary.release = publish(
            str(staging),
            str(out),
            Unwalked(list(records.values())),  # publish_release lists them by doc_id
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
    return summary


def _hashes(records: Mapping[str, InputRecord]) -> dict[str, str | None]:
    return {doc_id: record.sha256 for doc_id, record in records.items()}


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
    pdf_cache: Path,
) -> list[ShardResult]:
    """Parse ``inputs`` in batches of ``batch_size`` into shards under ``staging``,
    PDFs extracted through ``pdf_cache``."""
    batches = [list(inputs[i : i + batch_size]) for i in range(0, len(inputs), batch_size)]

    def arguments(n: int) -> tuple[Any, ...]:
        shard = str(staging / "shards" / f"{n:06d}")
        return Unwalked(batches[n]), shard, max_bytes, str(pdf_cache)

    progress = _Progress(len(inputs))
    # Worker processes (or a cluster) pay off only with two batches or more: starting
    # them costs seconds.
    if len(batches) < 2:
        results = [progress.add(parse_batch(*arguments(n))) for n in range(len(batches))]
    else:
        futures = [parse_batch.submit(*arguments(n)) for n in range(len(batches))]
        results = [progress.add(future.result()) for future in as_completed(futures)]
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


def _diff_against_latest(
    out: Path, staging: Path, touched: Collection[str] | None
) -> ReleaseDiff | None:
    previous = latest_release(out)
    return diff_releases(previous, staging, documents=touched) if previous else None


def _without_new(diff: dict[str, object]) -> dict[str, object]:
    return {key: value for key, value in diff.items() if key != "new"}


def _check_every_input_accounted_for(n_inputs: int, rows: dict[str, int]) -> None:
    landed = rows["documents"] + rows["rejects"]
    if landed != n_inputs:
        raise RuntimeError(
            f"{n_inputs} inputs but {rows['documents']} documents + {rows['rejects']} rejects; "
            "refusing to publish a release that lost inputs (this is a bug, please report it)"
        )


def task_runner(
    *, workers: int = DEFAULT_WORKERS, dask_address: str | None = None
) -> TaskRunner[Any]:
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
    workers: int = DEFAULT_WORKERS,
    dask_address: str | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    max_bytes: int = DEFAULT_MAX_BYTES,
    stock: Stock | None = None,
) -> BuildSummary:
    """Run the flow on an existing Dask cluster (``dask_address``, "tcp://host:port"),
    or with ``workers`` local processes (1 = in this process). ``stock``: see
    ``build_release``."""
    runner = task_runner(workers=workers, dask_address=dask_address)
    configured = build_release.with_options(task_runner=runner)
    summary: BuildSummary = asyncio.run(
        configured(
            str(raw_dir),
            str(out_dir),
            batch_size=batch_size,
            max_bytes=max_bytes,
            stock=None if stock is None else InProcess(stock),
        )
    )
    return summary
