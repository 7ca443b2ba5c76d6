"""Scheduled builds: a real local Prefect server and the build flow served on a cron.

Schedules need a persistent server (the temporary one of ``unres build`` dies with
the process), so ``unres serve`` starts ``prefect server start`` on loopback unless
``--api-url`` names a running one, then serves the flow until interrupted.
"""

from __future__ import annotations

import os
from pathlib import Path

DEPLOYMENT = "scheduled"


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
