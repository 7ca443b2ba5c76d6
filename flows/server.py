"""Local Prefect servers on loopback: the temporary one of a build, the lasting one of
``unres serve``.

Both are started as subprocesses before Prefect is imported here, so their boot (a
few seconds: the server imports all of Prefect) overlaps with this process loading
the pipeline instead of following it.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

SERVER_STARTUP_SECONDS = 180
_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


@dataclass(frozen=True, slots=True)
class LocalServer:
    url: str  # the API URL, http://127.0.0.1:PORT/api
    process: subprocess.Popen[bytes]

    def wait_until_healthy(self) -> None:
        deadline = time.monotonic() + SERVER_STARTUP_SECONDS
        while True:
            try:
                with urllib.request.urlopen(f"{self.url}/health", timeout=2):
                    return
            except OSError as error:
                if self.process.poll() is not None:
                    raise RuntimeError(
                        f"the Prefect server exited with {self.process.returncode}"
                    ) from error
                if time.monotonic() > deadline:
                    raise RuntimeError(
                        f"the Prefect server at {self.url} did not answer in time"
                    ) from error
                time.sleep(0.05)  # a refused connection costs nothing; be prompt


@contextmanager
def temporary_prefect_server() -> Iterator[LocalServer]:
    """The server Prefect's local mode would start on the first flow run, started now.

    Prefect launches it only once the client has imported Prefect, and imports the
    server module in the client too just to do so: seconds spent before the server's
    own boot even begins. Same command and settings as Prefect's own temporary server
    (an ephemeral app: no UI, the database in PREFECT_HOME) but for block registration,
    on a free loopback port;
    PREFECT_API_URL points at it while the context lasts, and it stops at the end.
    """
    port = free_port()
    command = [
        *("-m", "uvicorn", "--factory", "prefect.server.api.server:create_app"),
        *("--host", "127.0.0.1", "--port", str(port), "--log-level", "error", "--lifespan", "on"),
    ]
    ephemeral = {
        "PREFECT_UI_ENABLED": "0",
        "PREFECT__SERVER_EPHEMERAL": "1",
        # A build uses no blocks. Registering their types, or only checking whether
        # that was done, imports every installed Prefect collection (prefect-dask brings
        # dask and distributed): half a second of every start.
        "PREFECT_API_BLOCKS_REGISTER_ON_START": "false",
        "PREFECT_MEMOIZE_BLOCK_AUTO_REGISTRATION": "false",
    }
    url = f"http://127.0.0.1:{port}/api"
    with _server_process(command, ephemeral, url) as server:
        before = os.environ.get("PREFECT_API_URL")
        os.environ["PREFECT_API_URL"] = url
        try:
            yield server
        finally:
            if before is None:
                os.environ.pop("PREFECT_API_URL", None)
            else:
                os.environ["PREFECT_API_URL"] = before


@contextmanager
def local_prefect_server(port: int, database_url: str | None = None) -> Iterator[str]:
    """Start ``prefect server start`` (with its UI) on 127.0.0.1:``port``; yield its API URL."""
    command = ["-m", "prefect", "server", "start", "--host", "127.0.0.1", "--port", str(port)]
    database = {"PREFECT_API_DATABASE_CONNECTION_URL": database_url} if database_url else {}
    with _server_process(command, database, f"http://127.0.0.1:{port}/api") as server:
        server.wait_until_healthy()
        yield server.url


@contextmanager
def _server_process(
    arguments: Sequence[str], environment: dict[str, str], url: str
) -> Iterator[LocalServer]:
    process = subprocess.Popen(
        [sys.executable, *arguments],
        env={**os.environ, **environment},
        stdout=subprocess.DEVNULL,
        start_new_session=True,  # its own process group: stopped whole, with any children
        preexec_fn=_die_with_parent if sys.platform == "linux" else None,
    )
    try:
        yield LocalServer(url, process)
    finally:
        _stop(process)


def _stop(process: subprocess.Popen[bytes]) -> None:
    """Stop the server's process group; it may be gone already (it failed to start)."""
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
    except ProcessLookupError:
        process.wait()
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def _die_with_parent() -> None:
    """Have the kernel stop the server when the process that started it dies, even by
    SIGKILL, which leaves no chance to stop it: a killed build leaves no server behind.

    Runs in the child between fork and exec (Linux's PR_SET_PDEATHSIG).
    """
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM) != 0:
        raise OSError(ctypes.get_errno(), "prctl(PR_SET_PDEATHSIG) failed")


def free_port() -> int:
    """A loopback TCP port nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def port_is_free(port: int) -> bool:
    """True when a server could listen on loopback ``port`` now."""
    with socket.socket() as probe:
        # As uvicorn binds: a port left in TIME_WAIT by a server just stopped is free.
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True
