"""The build's defaults, stated once. The flow's parameters take them from here, and so
does the command line, which imports this module before Prefect is loaded."""

from __future__ import annotations

from pathlib import Path
from typing import Final

# Where `unres build` and `unres serve` read their inputs and publish releases unless
# told: the repository's raw/ and output/ (so `make run` and `make serve` name neither).
DEFAULT_RAW: Final = Path("raw")
DEFAULT_OUT: Final = Path("output")

# Files per parse task: one Prefect task per batch (a task per document would spend
# more time in Prefect than in the parser), validated once per batch.
DEFAULT_BATCH_SIZE: Final = 500
# Inputs larger than this are rejected as too_large.
DEFAULT_MAX_BYTES: Final = 5 * 1024 * 1024
# Local processes that parse batches; 1 parses them in the build's own process.
DEFAULT_WORKERS: Final = 1
