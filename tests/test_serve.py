"""Scheduled runs: `unres serve` starts a real server whose scheduler creates runs that
publish, with their logs on the server.

Slow (two to three minutes): `make test-slow`.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from flows.server import free_port

pytestmark = pytest.mark.slow


@pytest.fixture()
def served(seed_raw: Path, tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """`unres serve` on a one-minute cron, on loopback: (the API URL, the output root)."""
    port = free_port()
    out = tmp_path / "out"
    env = {**os.environ, "PREFECT_HOME": str(tmp_path / "prefect-home")}
    env.pop("PREFECT_API_URL", None)
    command = ["serve", "--cron", "* * * * *", "--port", str(port)]
    serve = subprocess.Popen(
        [sys.executable, "-m", "flows.cli", *command, "--raw", str(seed_raw), "--out", str(out)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=(tmp_path / "serve.log").open("wb"),
        start_new_session=True,
    )
    try:
        yield f"http://127.0.0.1:{port}/api", out
        assert serve.poll() is None, "unres serve exited"
    finally:
        os.killpg(serve.pid, signal.SIGINT)
        serve.wait(timeout=60)


def _post(url: str, body: dict[str, Any]) -> Any:
    request = urllib.request.Request(
        url, data=json.dumps(body).encode(), headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.load(response)


def test_a_scheduled_run_nobody_triggered_publishes_with_its_logs_on_the_server(
    served: tuple[str, Path],
) -> None:
    api, out = served
    # The scheduler creates runs a minute or two ahead; the first one is due within
    # a minute of the deployment appearing, and the build itself takes seconds.
    deadline = time.monotonic() + 300
    while not (out / "latest" / "manifest.json").exists():
        assert time.monotonic() < deadline, "no scheduled run published a release"
        time.sleep(2)
    published = json.loads((out / "latest" / "manifest.json").read_text())
    assert published["build"]["documents"] == 3

    while True:
        runs = _post(f"{api}/flow_runs/filter", {"sort": "START_TIME_ASC"})
        done = [r for r in runs if r["state_type"] == "COMPLETED"]
        if done:
            break
        assert time.monotonic() < deadline, "the run that published never completed"
        time.sleep(2)
    run = done[0]
    # Nobody triggered it: the scheduler made it, from the deployment's cron.
    assert run["auto_scheduled"] is True
    assert run["deployment_id"] is not None
    logs = _post(f"{api}/logs/filter", {"logs": {"flow_run_id": {"any_": [run["id"]]}}})
    messages = [entry["message"] for entry in logs]
    # The build's own stage lines (the `unres` loggers), not only Prefect's.
    assert any(re.match(r"(\d+\. )?published the release in", m) for m in messages), messages
