"""Scheduled builds: a real local Prefect server and the build flow served on a cron.

Schedules need a persistent server (the temporary one of ``unres build`` dies with
the process), so ``unres serve`` starts ``prefect server start`` on loopback unless
``--api-url`` names a running one, then serves the flow until interrupted.
"""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

log = logging.getLogger("unres.serve")

DEPLOYMENT = "scheduled"
SERVER_STARTUP_SECONDS = 180


@contextmanager
def local_prefect_server(port: int, database_url: str | None = None) -> Iterator[str]:
    """Start ``prefect server start`` on 127.0.0.1:``port``; yield its API URL."""
    env = dict(os.environ)
    if database_url:
        env["PREFECT_API_DATABASE_CONNECTION_URL"] = database_url
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "prefect",
            "server",
            "start",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}/api"
    try:
        _wait_healthy(url, server)
        log.info("Prefect server up at %s (UI: http://127.0.0.1:%d)", url, port)
        yield url
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=60)


def _wait_healthy(url: str, server: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + SERVER_STARTUP_SECONDS
    while True:
        try:
            with urllib.request.urlopen(f"{url}/health", timeout=2):
                return
        except OSError as error:
            if server.poll() is not None:
                raise RuntimeError(f"the Prefect server exited with {server.returncode}") from error
            if time.monotonic() > deadline:
                raise RuntimeError(f"the Prefect server at {url} did not answer in time") from error
            time.sleep(0.5)


def serve_build(api_url: str, *, cron: str, raw_dir: Path, out_dir: Path) -> None:
    """Serve the build flow on ``cron`` against the server at ``api_url`` (blocks)."""
    os.environ["PREFECT_API_URL"] = api_url
    from flows.build import build_release

    build_release.serve(
        name=DEPLOYMENT,
        cron=cron,
        parameters={"raw_dir": str(raw_dir.resolve()), "out_dir": str(out_dir.resolve())},
        pause_on_shutdown=False,
    )
