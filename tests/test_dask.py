"""Distributed runs: the batches run on a Dask cluster and give the same tables."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import polars as pl
import pytest

from tests.conftest import RAW

TABLES = ("documents", "paragraphs", "citations", "dates", "footnotes", "rejects")


@pytest.fixture()
def dask_cluster() -> Iterator[str]:
    from distributed import LocalCluster

    # Worker threads in this process (so they reach the test's Prefect server), but
    # talking to the scheduler over TCP on loopback like a real cluster.
    with LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=False,
        protocol="tcp://",
        host="127.0.0.1",
        dashboard_address=None,
    ) as cluster:
        yield str(cluster.scheduler_address)


def test_a_dask_run_publishes_the_same_tables_as_a_local_run(
    prefect_server: None, dask_cluster: str, seed_raw: Path, tmp_path: Path
) -> None:
    from flows.build import run_build

    for name in ("A_RES_80_14.txt", "A_RES_80_5.txt", "S_RES_2583_lawglobalhub-page.txt"):
        shutil.copy(RAW / name, seed_raw / name)
    assert dask_cluster.startswith("tcp://127.0.0.1:")

    local = run_build(seed_raw, tmp_path / "local", batch_size=2)
    on_dask = run_build(seed_raw, tmp_path / "dask", dask_address=dask_cluster, batch_size=2)

    for name in TABLES:
        expected = pl.read_parquet(Path(local.release) / f"{name}.parquet")
        actual = pl.read_parquet(Path(on_dask.release) / f"{name}.parquet")
        assert actual.equals(expected), name
    assert on_dask.documents == 6
