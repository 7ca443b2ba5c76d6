"""unres diff: rows added, removed and changed between two releases."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from flows.cli import main
from tests.conftest import RAW, SEED_NAMES
from tests.test_merge import _build
from unres.diff import diff_releases


@pytest.fixture()
def two_releases(seed_raw: Path, tmp_path: Path) -> tuple[Path, Path]:
    old = tmp_path / "old"
    _build(seed_raw, old)
    # One document edited (a verb changed), one removed, one added.
    edited = seed_raw / f"{SEED_NAMES[2]}.txt"
    edited.write_text(edited.read_text().replace("14. *Invites* States", "14. *Urges* States"))
    (seed_raw / f"{SEED_NAMES[1]}.txt").unlink()
    shutil.copy(RAW / "A_RES_80_14.txt", seed_raw / "A_RES_80_14.txt")
    new = tmp_path / "new"
    _build(seed_raw, new)
    return old, new


def test_diff_counts_rows_and_names_documents(two_releases: tuple[Path, Path]) -> None:
    diff = diff_releases(*two_releases)

    assert diff.documents_added == ["A_RES_80_14.txt"]
    assert diff.documents_removed == [f"{SEED_NAMES[1]}.txt"]
    assert diff.documents_changed == [f"{SEED_NAMES[2]}.txt"]
    paragraphs = diff.tables["paragraphs"]
    assert paragraphs.changed == 1  # only the edited paragraph's verb and text
    assert paragraphs.added == 5 + 8 and paragraphs.removed == 14 + 17  # 80/14 in, 72/169 out
    assert diff.tables["documents"].added == 1 and diff.tables["documents"].removed == 1
    assert diff.tables["documents"].changed == 1  # its source_sha256


def test_diff_of_a_release_with_itself_is_empty(two_releases: tuple[Path, Path]) -> None:
    old, _ = two_releases
    diff = diff_releases(old, old)
    assert all((d.added, d.removed, d.changed) == (0, 0, 0) for d in diff.tables.values())
    assert diff.documents_changed == diff.documents_added == diff.documents_removed == []


def test_cli_diff_prints_a_summary(
    two_releases: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["diff", *map(str, two_releases)]) == 0
    out = capsys.readouterr().out
    assert "1 added, 1 removed, 1 changed" in out and "paragraphs +13 -31 ~1" in out
