"""Wrong usage: one line saying what is wrong and what to do, exit status 2, nothing
left behind, and no Prefect server started for a command line that cannot work.

Each case runs the real `unres` command, as a user types it.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from flows.server import free_port

UNRES = str(Path(sys.executable).with_name("unres"))


def _unres(
    *arguments: str, cwd: Path, prefix: tuple[str, ...] = (), env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*prefix, UNRES, *arguments],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def _assert_usage_error(done: subprocess.CompletedProcess[str], *mentions: str) -> None:
    assert done.returncode == 2, done.stderr
    assert done.stdout == ""
    (line,) = done.stderr.splitlines()
    assert line.startswith("unres: ") and "Traceback" not in line
    for mention in mentions:
        assert mention in line


def _tree(path: Path) -> list[str]:
    return sorted(str(p.relative_to(path)) for p in path.rglob("*"))


@pytest.fixture()
def workdir(seed_raw: Path) -> Path:
    """A directory holding `raw/` and a README.md, as a clone does."""
    (seed_raw.parent / "README.md").write_text("# a project\n")
    return seed_raw.parent


def test_build_into_a_file(workdir: Path) -> None:
    before = _tree(workdir)
    done = _unres("build", "--raw", "raw", "--out", "README.md", cwd=workdir)
    _assert_usage_error(done, "--out README.md is not a directory")
    assert _tree(workdir) == before
    assert (workdir / "README.md").read_text() == "# a project\n"


def test_build_from_an_unreadable_directory() -> None:
    # As root every directory is readable: then the command runs as nobody, in a
    # directory of its own (pytest's are root's alone).
    with tempfile.TemporaryDirectory() as shared_dir:
        shared = Path(shared_dir)
        shared.chmod(0o777)
        (shared / "raw").mkdir(mode=0o000)
        prefix: tuple[str, ...] = ()
        env = dict(os.environ)
        if os.geteuid() == 0:
            prefix = ("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups")
            env |= {"HOME": str(shared), "PREFECT_HOME": str(shared / "prefect")}
        done = _unres("build", "--raw", "raw", "--out", "out", cwd=shared, prefix=prefix, env=env)
        _assert_usage_error(done, "cannot read --raw raw", "Permission denied")
        assert not (shared / "out").exists()


def test_build_on_an_unreachable_dask_scheduler_says_so_at_once(workdir: Path) -> None:
    address = f"tcp://127.0.0.1:{free_port()}"  # nothing listens there
    started = time.monotonic()
    done = _unres("build", "--raw", "raw", "--out", "out", "--dask", address, cwd=workdir)
    assert time.monotonic() - started < 20  # the Dask client alone waited 30 s
    _assert_usage_error(done, f"cannot reach the Dask scheduler at {address}", "--dask")
    assert not (workdir / "out").exists()


def test_build_with_a_dask_address_that_is_not_one(workdir: Path) -> None:
    done = _unres("build", "--raw", "raw", "--out", "out", "--dask", "localhost", cwd=workdir)
    _assert_usage_error(done, "tcp://HOST:PORT")


@pytest.fixture()
def built(workdir: Path) -> Path:
    """A release-like directory: report needs only its tables."""
    from tests.test_merge import _build

    release = workdir / "release"
    _build(workdir / "raw", release)
    return release


def test_report_into_a_directory(built: Path, workdir: Path) -> None:
    target = workdir / "reports"
    target.mkdir()
    before = _tree(workdir)
    done = _unres("report", str(built), "--output", "reports", cwd=workdir)
    _assert_usage_error(done, "--output reports is a directory", "reports/report.html")
    assert _tree(workdir) == before


def test_report_into_a_missing_directory(built: Path, workdir: Path) -> None:
    before = _tree(workdir)
    done = _unres("report", str(built), "--output", "nowhere/r.html", cwd=workdir)
    _assert_usage_error(done, "there is no directory nowhere")
    assert _tree(workdir) == before


@pytest.fixture()
def busy_port() -> Iterator[int]:
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        yield listener.getsockname()[1]


def test_serve_on_a_port_in_use_names_the_port(busy_port: int, workdir: Path) -> None:
    done = _unres("serve", "--port", str(busy_port), cwd=workdir)
    _assert_usage_error(done, f"port {busy_port} on 127.0.0.1 is in use", "--port")


def test_a_failed_report_leaves_no_file_aside(built: Path, tmp_path: Path) -> None:
    from unres.report import write_report

    target = tmp_path / "report.html"
    target.mkdir()  # the final rename fails
    with pytest.raises(IsADirectoryError):
        write_report(built, target)
    assert list(tmp_path.glob(".report.html*")) == []


def test_report_over_a_published_release(workdir: Path) -> None:
    from tests.test_publish import _publish

    release = _publish(workdir / "out")
    before = _tree(release)
    done = _unres("report", str(release), cwd=workdir)
    _assert_usage_error(done, "is a published release", "--output FILE")
    assert _tree(release) == before


def test_a_prefect_home_that_cannot_be_made(workdir: Path) -> None:
    # A user whose home is not writable, or a PREFECT_HOME under a file.
    (workdir / "a-file").write_text("")
    env = {**os.environ, "PREFECT_HOME": str(workdir / "a-file" / "prefect")}
    done = _unres("build", cwd=workdir, env=env)  # --raw raw --out output, the defaults
    _assert_usage_error(done, "PREFECT_HOME", "writable")
    assert not (workdir / "output").exists()
