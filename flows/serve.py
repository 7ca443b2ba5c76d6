"""Scheduled builds: a real local Prefect server and the build flow served on a cron.

Schedules need a persistent server (the temporary one of ``unres build`` dies with
the process), so ``unres serve`` starts ``prefect server start`` on loopback unless
``--api-url`` names a running one, then serves the flow until interrupted.
"""

from __future__ import annotations

import os
from pathlib import Path

DEPLOYMENT = "scheduled"

# A served run happens while nobody watches a terminal: its logs (Prefect's and the
# build's stage lines, from the `unres` loggers) go to the server, where the UI shows
# them with the run. `unres build` keeps them in the terminal only.
_SERVED_RUN_LOGGING = {
    "PREFECT_LOGGING_TO_API_ENABLED": "true",
    "PREFECT_LOGGING_LEVEL": "INFO",
    "PREFECT_LOGGING_EXTRA_LOGGERS": "unres",
}


def serve_build(api_url: str, *, cron: str, raw_dir: Path, out_dir: Path) -> None:
    """Serve the build flow on ``cron`` against the server at ``api_url`` (blocks)."""
    os.environ["PREFECT_API_URL"] = api_url
    os.environ.update(_SERVED_RUN_LOGGING)
    from flows.build import build_release

    build_release.serve(
        name=DEPLOYMENT,
        cron=cron,
        parameters={"raw_dir": str(raw_dir.resolve()), "out_dir": str(out_dir.resolve())},
        pause_on_shutdown=False,
    )
