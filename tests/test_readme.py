"""The README's loading examples run against a real release, so they never go stale."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.test_merge import _build

EXAMPLES = re.findall(r"```python\n(.*?)```", (ROOT / "README.md").read_text(), re.S)


@pytest.fixture(scope="module")
def release_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tests.conftest import RAW

    raw = tmp_path_factory.mktemp("raw")
    for name in ("000_e02343ddb4ce8db6.txt", "A_RES_80_14.txt", "S_RES_2583_lawglobalhub-page.txt"):
        (raw / name).write_bytes((RAW / name).read_bytes())
    work = tmp_path_factory.mktemp("work")
    _build(raw, work / "output" / "releases" / "r1")
    (work / "output" / "latest").symlink_to("releases/r1")
    pointer = {"release_id": "r1", "path": "releases/r1", "created_at": "2026-12-06T00:00:00Z"}
    (work / "output" / "latest.json").write_text(json.dumps(pointer))
    return work


def test_the_readme_has_polars_pandas_and_duckdb_examples() -> None:
    joined = "\n".join(EXAMPLES)
    assert len(EXAMPLES) == 4
    assert "import polars" in joined and "import pandas" in joined and "import duckdb" in joined


@pytest.mark.parametrize("example", EXAMPLES, ids=["polars", "pandas", "duckdb", "latest.json"])
def test_readme_example_runs(
    example: str,
    release_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(release_dir)
    exec(compile(example, "README.md", "exec"), {})
    printed = capsys.readouterr().out
    assert printed.strip()
    assert "A/RES/75/180" in printed or "Reaffirms" in printed or "Decides" in printed
