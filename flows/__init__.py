"""Prefect orchestration of the unres build. Thin by design: the work lives in ``unres``.

Importing this package sets Prefect's defaults for a pipeline that runs on machines
with no network and no server started by hand: a temporary local server, no
telemetry, no logs shipped to the API, and a Prefect home of our own so that a
database left by another Prefect version elsewhere cannot break the run. Every
default yields to a value the user has set in the environment.
"""

from __future__ import annotations

import os
import sys
from importlib.metadata import version
from pathlib import Path


def _prefect_defaults() -> dict[str, str]:
    cache = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache"))
    return {
        "PREFECT_HOME": str(cache / "unres" / f"prefect-{version('prefect')}"),
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "DO_NOT_TRACK": "1",
        "PREFECT_LOGGING_TO_API_ENABLED": "false",
        "PREFECT_LOGGING_LEVEL": "WARNING",
        "PREFECT_SERVER_LOGGING_LEVEL": "WARNING",
        # The temporary server takes about 5 s to start on a 2-core machine, far longer
        # on a loaded one; Prefect's default patience (20 s) can be too short there.
        "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "120",
        "PREFECT_RESULTS_PERSIST_BY_DEFAULT": "false",
    }


for _name, _value in _prefect_defaults().items():
    os.environ.setdefault(_name, _value)
# Where the server notes that it registered its block types, so later starts skip that
# (~0.5 s). Prefect derives it from ~/.prefect, not from PREFECT_HOME, and warns and
# registers again on every start when that folder does not exist.
if not {"PREFECT_SERVER_MEMO_STORE_PATH", "PREFECT_MEMO_STORE_PATH"} & os.environ.keys():
    os.environ["PREFECT_MEMO_STORE_PATH"] = str(
        Path(os.environ["PREFECT_HOME"]) / "memo_store.toml"
    )
# The temporary server keeps its SQLite database here and cannot create the folder.
try:
    Path(os.environ["PREFECT_HOME"]).expanduser().mkdir(parents=True, exist_ok=True)
except OSError as error:
    # Raised on import, before any command runs: one line, as for a bad command line.
    print(
        f"unres: cannot create Prefect's home PREFECT_HOME={os.environ['PREFECT_HOME']} "
        f"({error.strerror}); set PREFECT_HOME (or XDG_CACHE_HOME) to a writable folder",
        file=sys.stderr,
    )
    raise SystemExit(2) from None
