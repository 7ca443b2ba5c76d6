"""The build flow, one named stage after another (``build_release``):

1. take stock  list the inputs; find those unchanged since the latest release. When
               nothing changed the build ends here: nothing to publish.
2. parse       the new and changed inputs, one task per batch: read, parse (in a child
               process, within a time limit per document), tabulate, then validate
               and quarantine (a document whose rows break a row rule becomes a
               ``schema_violation`` reject), written as a shard
3. merge       the rows kept from the previous release and the fresh shards, into
               release tables
4. check       every input accounted for; what the merge added validated; with
               ``strict``, no quarantined input
5. document    the data dictionary and report
6. compare     the diff against the previous release
7. publish     seal the release and point ``latest`` at it

Tasks work on whole batches and pass paths and small summaries, never DataFrames,
so Prefect's per-task overhead stays a rounding error and nothing large goes
through its result machinery. (Importing this module runs ``flows/__init__``, which
sets Prefect's defaults before Prefect is imported; ``flows.prefect_workarounds``
holds what Prefect needs worked around.)
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
from typing import Any

import polars as pl
from prefect import flow, task
from prefect.cache_policies import NO_CACHE
from prefect.client.schemas.objects import State
from prefect.futures import as_completed
from prefect.states import Failed
from prefect.task_runners import ProcessPoolTaskRunner, TaskRunner, ThreadPoolTaskRunner

from flows.defaults import DEFAULT_BATCH_SIZE, DEFAULT_MAX_BYTES, DEFAULT_WORKERS
from flows.prefect_workarounds import InProcess, Unwalked, exit_with_the_build
from schemas import SCHEMA_VERSION, SchemaViolation, table_file, validate_table
from schemas.vocabulary import QUARANTINE_REASONS
from unres import PARSER_VERSION
from unres.batches import ShardResult, process_batch
from unres.change_detection import find_unchanged
from unres.dictionary import write_release_docs
from unres.diff import ReleaseDiff, diff_releases
from unres.ingest import InputFile, InputRecord, discover_inputs
from unres.lock import BuildLock, OutputNotWritable
from unres.merge import merge_release
from unres.parquet_layout import has_current_columns
from unres.parse_worker import DEFAULT_TIME_LIMIT
from unres.pdf_cache import PDF_CACHE_DIR
from unres.publish import (
    RELEASES_DIR,
    clean_stale_staging,
    latest_release,
    new_release_id,
    new_staging_dir,
    publish_release,
    read_manifest,
)
from unres.report import write_report

log = logging.getLogger("unres.build")

# Quarantined inputs named in the message of a --strict build that refuses them.
STRICT_SHOWN = 5


class QuarantineRefused(RuntimeError):
    """A --strict build found quarantined inputs and published nothing."""


@dataclass(frozen=True, slots=True)
class PreviousBuild:
    """The release ``latest`` points at, when its rows can be reused: same parser and
    schema versions. ``inputs``: what its manifest records of each input, by doc_id;
    ``rows``: its tables' row counts; ``quarantined``: its quarantined inputs."""

    release: str
    inputs: dict[str, InputRecord]
    rows: dict[str, int]
    quarantined: int


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
        inputs={r.doc_id: r for r in map(InputRecord.from_json, manifest["inputs"])},
        rows={name: table["rows"] for name, table in manifest["tables"].items()},
        quarantined=manifest.get("build", {}).get("quarantined", 0),
    )


@dataclass(frozen=True, slots=True)
class BuildSummary:
    """What a build did. ``release``: the release published, or the one that stays
    ``latest`` when nothing changed (``unchanged``)."""

    release: str
    inputs: int
    documents: int
    rejects: int
    # Rejects whose reason says the pipeline failed on readable text (QUARANTINE_REASONS).
    quarantined: int
    reused: int  # inputs unchanged since the previous release, rows kept from it
    unchanged: bool = False
    warnings: int = 0  # in the documents table, duplicate_input flags included
    # One line: what changed since the previous release ("" for a first release).
    changes: str = ""
    rows: dict[str, int] = field(default_factory=dict)

    def manifest_entry(self, diff: ReleaseDiff | None) -> dict[str, object]:
        """The manifest's ``build`` field: these counts and the diff."""
        return {
            "inputs": self.inputs,
            "documents": self.documents,
            "rejects": self.rejects,
            "quarantined": self.quarantined,
            "warnings": self.warnings,
            "reused": self.reused,
            # "new" is the staging directory's name: the manifest's own release_id
            # says which release this is.
            "diff": _without_new(diff.to_json()) if diff else None,
        }


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

    @property
    def fresh(self) -> list[InputFile]:
        """The inputs to parse: new, changed, or never read."""
        return [item for item in self.inputs if item.doc_id not in self.unchanged]

    def nothing_changed(self) -> bool:
        """The previous release holds these very inputs: the same names, the same bytes,
        and the same refusal for those that were not read (a link out of the input
        directory, say)."""
        previous = self.previous
        if previous is None or {i.doc_id for i in self.inputs} != previous.inputs.keys():
            return False
        return all(
            item.problem is not None and previous.inputs[item.doc_id].sha256 is None
            for item in self.fresh
        )


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
    inputs: Unwalked[list[InputFile]],
    shard_dir: str,
    max_bytes: int,
    pdf_cache: str,
    time_limit: float,
) -> ShardResult:
    exit_with_the_build()
    return process_batch(
        inputs.value,
        shard_dir,
        max_bytes=max_bytes,
        pdf_cache=Path(pdf_cache),
        time_limit=time_limit,
    )


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
    build: dict[str, object],
    release_id: str,
) -> str:
    release = publish_release(
        Path(staging),
        Path(out_dir),
        inputs=inputs.value,
        parser_version=PARSER_VERSION,
        schema_version=SCHEMA_VERSION,
        extra={"build": build},
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
    time_limit: float = DEFAULT_TIME_LIMIT,
    strict: bool = False,
    stock: InProcess[Stock] | None = None,
) -> BuildSummary | State[BuildSummary]:
    """Build a release of ``raw_dir`` into ``out_dir``; ``stock``, when given, is
    ``take_stock(raw_dir, out_dir)`` taken a moment ago, before the lock.
    ``time_limit``: CPU seconds a document's parse may take; ``strict``: publish
    nothing when an input is quarantined."""
    _log_stages_unless_configured()
    out = Path(out_dir)
    given = stock.value if stock is not None else None
    try:
        with BuildLock(out):
            return _build_under_lock(raw_dir, out, given, batch_size, max_bytes, time_limit, strict)
    except OutputNotWritable:
        # Nothing to publish needs no writing: a read-only release root is fine then.
        taken = given or take_stock(raw_dir, out_dir)
        if taken.nothing_changed():
            return _unchanged_summary(taken)
        raise
    except (QuarantineRefused, SchemaViolation) as refusal:
        # The build's verdict on its inputs, which names what is at fault, not a crash:
        # the run fails with that message and no traceback (calling the flow raises it).
        return Failed(message=str(refusal), data=refusal)


def _build_under_lock(
    raw_dir: str,
    out: Path,
    given: Stock | None,
    batch_size: int,
    max_bytes: int,
    time_limit: float,
    strict: bool,
) -> BuildSummary:
    for stale in clean_stale_staging(out):
        log.info("removed leftover staging directory %s", stale)
    if given is not None and given.is_current(out):
        taken = given
    else:
        with _stage("1. listed the inputs and found those unchanged since the last release"):
            taken = take_stock_task(raw_dir, str(out)).value
    if taken.nothing_changed():
        return _unchanged_summary(taken)
    staging = new_staging_dir(out)
    try:
        return _build(raw_dir, out, staging, taken, batch_size, max_bytes, time_limit, strict)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def _unchanged_summary(stock: Stock) -> BuildSummary:
    previous = stock.previous
    assert previous is not None
    return BuildSummary(
        release=previous.release,
        inputs=len(stock.inputs),
        documents=previous.rows["documents"],
        rejects=previous.rows["rejects"],
        quarantined=previous.quarantined,
        reused=len(stock.unchanged),
        unchanged=True,
    )


def _log_stages_unless_configured() -> None:
    """A run served by ``unres serve`` happens in a process of Prefect's, where nobody
    set the level of the ``unres`` loggers: without this its stage lines (INFO) would
    be dropped, and the run's logs on the server would not say what it did."""
    unres_logger = logging.getLogger("unres")
    if unres_logger.level == logging.NOTSET:
        unres_logger.setLevel(logging.INFO)


def _build(
    raw_dir: str,
    out: Path,
    staging: Path,
    stock: Stock,
    batch_size: int,
    max_bytes: int,
    time_limit: float,
    strict: bool,
) -> BuildSummary:
    previous, inputs, unchanged, fresh = stock.previous, stock.inputs, stock.unchanged, stock.fresh
    log.info(
        "found %d input files under %s: %d unchanged since the previous release, %d to parse",
        len(inputs),
        raw_dir,
        len(unchanged),
        len(fresh),
    )
    with _stage(f"2. parsed, validated and quarantined {len(fresh)} new or changed inputs"):
        results = _parse_all(fresh, staging, batch_size, max_bytes, out / PDF_CACHE_DIR, time_limit)
    # The previous release's rows of these documents are not carried over: parsed
    # again, or their input is gone.
    dropped = sorted(previous.inputs.keys() - unchanged.keys()) if previous else []
    with _stage("3. merged the kept and fresh rows into release tables"):
        rows = merge(
            [r.shard for r in results],
            str(staging),
            previous.release if previous else None,
            Unwalked(dropped),
        )
    shutil.rmtree(staging / "shards", ignore_errors=True)
    with _stage("4. checked the release tables"):
        _check_every_input_accounted_for(len(inputs), rows)
        warnings = _validate_merged_documents(staging)
        quarantined = _quarantined(staging)
        if strict and quarantined.height:
            raise QuarantineRefused(_refusal(quarantined))
    with _stage("5. wrote the data dictionary and report"):
        release_id = new_release_id(out)
        write_release_docs(staging)
        write_report(staging, release_id=release_id)
    with _stage("6. compared with the previous release"):
        # Only the documents parsed again, added or removed can have other rows than
        # before (with a reusable previous release: every other row was kept as it was).
        touched = {item.doc_id for item in fresh}.union(dropped) if previous else None
        changes = _diff_against_latest(out, staging, touched)
    summary = BuildSummary(
        release=str(out / RELEASES_DIR / release_id),
        inputs=len(inputs),
        documents=rows["documents"],
        rejects=rows["rejects"],
        quarantined=quarantined.height,
        reused=len(unchanged),
        warnings=warnings,
        changes=changes.summary() if changes else "",
        rows=rows,
    )
    records = dict(unchanged) | {r.doc_id: r for result in results for r in result.inputs}
    with _stage("7. published the release"):
        published = publish(
            str(staging),
            str(out),
            Unwalked(list(records.values())),  # publish_release lists them by doc_id
            summary.manifest_entry(changes),
            release_id,
        )
    assert Path(published) == Path(summary.release)
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
    batch_size: int,
    max_bytes: int,
    pdf_cache: Path,
    time_limit: float,
) -> list[ShardResult]:
    """Parse ``inputs`` in batches of ``batch_size`` into shards under ``staging``,
    PDFs extracted through ``pdf_cache``."""
    batches = [list(inputs[i : i + batch_size]) for i in range(0, len(inputs), batch_size)]

    def arguments(n: int) -> tuple[Any, ...]:
        shard = str(staging / "shards" / f"{n:06d}")
        return Unwalked(batches[n]), shard, max_bytes, str(pdf_cache), time_limit

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


def _validate_merged_documents(staging: Path) -> int:
    """Hold the documents table to its model again (the merge set its duplicate
    flags) and with it the citation edges (derived by the merge); returns the number
    of warnings in the documents table."""
    documents = pl.read_parquet(staging / table_file("documents"))
    validate_table("documents", documents)
    validate_table("citation_edges", pl.read_parquet(staging / table_file("citation_edges")))
    return int(documents.select(pl.col("warnings").list.len().sum()).item() or 0)


def _quarantined(staging: Path) -> pl.DataFrame:
    return (
        pl.scan_parquet(staging / table_file("rejects"))
        .filter(pl.col("reason").is_in(QUARANTINE_REASONS))
        .select("path", "reason", "detail")
        .collect()
    )


def _refusal(quarantined: pl.DataFrame) -> str:
    shown = "; ".join(
        f"{path} ({reason}: {detail})"
        for path, reason, detail in quarantined.head(STRICT_SHOWN).iter_rows()
    )
    more = quarantined.height - STRICT_SHOWN
    inputs = "input" if quarantined.height == 1 else "inputs"
    return f"--strict: {quarantined.height} {inputs} quarantined: {shown}" + (
        f"; ... {more} more" if more > 0 else ""
    )


def _diff_against_latest(
    out: Path, staging: Path, touched: Collection[str] | None
) -> ReleaseDiff | None:
    previous = latest_release(out)
    return diff_releases(previous, staging, documents=touched) if previous else None


def _without_new(diff: Mapping[str, object]) -> dict[str, object]:
    return {key: value for key, value in diff.items() if key != "new"}


def _check_every_input_accounted_for(n_inputs: int, rows: Mapping[str, int]) -> None:
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
    time_limit: float = DEFAULT_TIME_LIMIT,
    strict: bool = False,
    stock: Stock | None = None,
) -> BuildSummary:
    """Run the flow on an existing Dask cluster (``dask_address``, "tcp://host:port"),
    or with ``workers`` local processes (1 = in this process). ``stock``: see
    ``build_release``."""
    runner = task_runner(workers=workers, dask_address=dask_address)
    configured = build_release.with_options(task_runner=runner)
    summary = asyncio.run(
        configured(
            str(raw_dir),
            str(out_dir),
            batch_size=batch_size,
            max_bytes=max_bytes,
            time_limit=time_limit,
            strict=strict,
            stock=None if stock is None else InProcess(stock),
        )
    )
    assert isinstance(summary, BuildSummary)  # a run that ends Failed raises its error here
    return summary
