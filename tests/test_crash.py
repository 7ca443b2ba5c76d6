"""Kill -9 a real build at random moments: every release stays whole, latest too.

Slow (minutes): run with `make test-crash`. The builds talk to one real Prefect
server started here on loopback, so each killed build costs seconds, not the
~20 s a temporary server takes to start.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from benchmarks.bench import generate_corpus
from flows.server import free_port, local_prefect_server
from tests.conftest import RAW
from unres.publish import STAGING_PREFIX, latest_release, verify_release

pytestmark = pytest.mark.slow

KILLS = 20


@pytest.fixture(scope="module")
def prefect_api(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real Prefect server with a home of its own, shared by every build of the module."""
    with pytest.MonkeyPatch.context() as env:
        env.setenv("PREFECT_HOME", str(tmp_path_factory.mktemp("prefect-home")))
        with local_prefect_server(free_port()) as url:
            yield url


def _build(raw: Path, out: Path, api: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "flows.cli",
            "build",
            "--raw",
            str(raw),
            "--out",
            str(out),
            "--batch-size",
            "50",
            "-q",
        ],
        env={**os.environ, "PREFECT_API_URL": api},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _assert_every_release_whole(out: Path) -> None:
    releases = [p for p in (out / "releases").iterdir() if not p.name.startswith(".")]
    for release in releases:
        assert verify_release(release) == [], release.name
    latest = latest_release(out)
    assert latest is not None and latest in releases


def test_killed_builds_never_leave_a_broken_release(prefect_api: str, tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    generate_corpus(RAW, raw, 300, 7)
    out = tmp_path / "out"

    started = time.monotonic()
    assert _build(raw, out, prefect_api).wait(timeout=600) == 0
    full = time.monotonic() - started
    _assert_every_release_whole(out)

    rng = random.Random(20261123)
    for _ in range(KILLS):
        build = _build(raw, out, prefect_api)
        time.sleep(rng.uniform(0, full))
        build.send_signal(signal.SIGKILL)
        build.wait()
        _assert_every_release_whole(out)

    # The next build cleans what the killed ones left and publishes.
    assert _build(raw, out, prefect_api).wait(timeout=600) == 0
    _assert_every_release_whole(out)
    leftovers = [p for p in (out / "releases").iterdir() if p.name.startswith(STAGING_PREFIX)]
    assert leftovers == []


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/health", timeout=2):
            return True
    except OSError:
        return False


def test_a_killed_build_leaves_no_prefect_server_behind(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    build = subprocess.Popen(
        [sys.executable, "-m", "flows.cli", "build", "--raw", str(RAW), "--out", str(tmp_path)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert build.stderr is not None
    url = None
    for line in build.stderr:
        if "temporary Prefect server at " in line:
            url = line.split("temporary Prefect server at ")[1].split()[0]
            break
    assert url is not None, "the build did not say where its server is"
    deadline = time.monotonic() + 180
    while not _answers(url):
        assert time.monotonic() < deadline, "the temporary server never answered"
        time.sleep(0.5)

    build.send_signal(signal.SIGKILL)
    build.wait()

    deadline = time.monotonic() + 30
    while _answers(url):
        assert time.monotonic() < deadline, f"the server at {url} outlived its killed build"
        time.sleep(0.5)
