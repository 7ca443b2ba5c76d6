"""Shared fixtures: where the real inputs live, and one Prefect server per session."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

import flows  # noqa: F401  (sets Prefect's defaults before anything imports Prefect)

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "raw"
EVAL_CASES = ROOT / "tests" / "eval" / "cases"
# No deadline: an example's wall time says how loaded the machine is, not whether the
# code is right (linear-time bounds are checked by CPU-time tests under `make test-slow`).
settings.register_profile("default", max_examples=50, deadline=None)
settings.register_profile("thorough", max_examples=1000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

SEED_NAMES = ("000_e02343ddb4ce8db6", "001_ef61d0dabfe29b93", "004_624a2f6c0cb2078c")


def seed_text(name: str) -> str:
    return (RAW / f"{name}.txt").read_text(encoding="utf-8")


def seed_expected(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((EVAL_CASES / f"{name}.expected.json").read_text())
    return data


@pytest.fixture()
def seed_raw(tmp_path: Path) -> Path:
    """A fresh input directory holding the three seeds."""
    raw = tmp_path / "raw"
    raw.mkdir()
    for name in SEED_NAMES:
        shutil.copy(RAW / f"{name}.txt", raw / f"{name}.txt")
    return raw


@pytest.fixture(scope="session")
def prefect_server() -> Iterator[None]:
    """A temporary Prefect server for the whole session (it takes ~20 s to start here)."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=180):
        yield


@pytest.fixture()
def release(seed_raw: Path, tmp_path: Path) -> Path:
    """Merged release tables (no report yet) from the seeds plus a Security Council page,
    an excerpt with a parser warning and an empty file: every report section has rows."""
    from tests.test_merge import _build  # a test module that imports this one

    shutil.copy(RAW / "S_RES_2583_lawglobalhub-page.txt", seed_raw / "sc.txt")
    shutil.copy(RAW / "A_RES_51_77_unorg-htm-excerpt.txt", seed_raw / "excerpt.txt")
    (seed_raw / "empty.txt").write_text("")
    staging = tmp_path / "release"
    _build(seed_raw, staging)
    return staging
