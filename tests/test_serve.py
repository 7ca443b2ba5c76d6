"""Scheduled runs: `unres serve` starts a real server; a run triggered through it publishes.

Slow (a minute or two): `make test-slow`.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from flows.server import free_port

pytestmark = pytest.mark.slow


def test_a_run_triggered_through_the_served_deployment_publishes(
    seed_raw: Path, tmp_path: Path
) -> None:
    port = free_port()
    out = tmp_path / "out"
    env = {**os.environ, "PREFECT_HOME": str(tmp_path / "prefect-home")}
    serve = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "flows.cli",
            "serve",
            "--cron",
            "0 3 * * *",
            "--port",
            str(port),
            "--raw",
            str(seed_raw),
            "--out",
            str(out),
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    api = {**env, "PREFECT_API_URL": f"http://127.0.0.1:{port}/api"}
    try:
        deadline = time.monotonic() + 240
        while (
            subprocess.run(
                [sys.executable, "-m", "prefect", "deployment", "run", "unres-build/scheduled"],
                env=api,
                capture_output=True,
            ).returncode
            != 0
        ):
            assert serve.poll() is None, "unres serve exited"
            assert time.monotonic() < deadline, "the deployment never appeared"
            time.sleep(2)
        while not (out / "latest" / "manifest.json").exists():
            assert time.monotonic() < deadline, "the triggered run published nothing"
            time.sleep(1)
    finally:
        os.killpg(serve.pid, signal.SIGINT)
        serve.wait(timeout=60)
    assert (out / "latest" / "documents.parquet").exists()
