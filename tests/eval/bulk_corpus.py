"""Where the shared bulk corpus is: $UNRES_BULK, or shared/bulk beside the checkout
(a clone next to shared/, as CI has it) or beside its parent (a worktree under wt/)."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def bulk_directory() -> Path:
    named = os.environ.get("UNRES_BULK")
    if named:
        return Path(named)
    candidates = [ROOT.parent / "shared" / "bulk", ROOT.parent.parent / "shared" / "bulk"]
    return next((c for c in candidates if c.is_dir()), candidates[0])
