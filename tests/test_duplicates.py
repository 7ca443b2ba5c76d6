"""One resolution, one canonical row: every input that gives a symbol stays in
documents; one of them is canonical and the others point to it."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import polars as pl
import pytest

from tests.conftest import RAW
from tests.test_merge import _build
from unres.duplicates import canonical_documents
from unres.report import write_report


@pytest.fixture()
def both(seed_raw: Path, tmp_path: Path) -> Path:
    """Release tables of the seeds, A/RES/80/14 and A/RES/80/11 from two extractors
    (.txt and .md)."""
    for name in ("A_RES_80_11.md", "A_RES_80_11.txt", "A_RES_80_14.txt"):
        shutil.copy(RAW / name, seed_raw / name)
    _build(seed_raw, tmp_path / "both")
    return tmp_path / "both"


def test_two_inputs_of_one_resolution_stay_and_one_is_canonical(both: Path) -> None:
    documents = pl.read_parquet(both / "documents.parquet")

    copies = documents.filter(pl.col("symbol") == "A/RES/80/11")
    assert sorted(copies["doc_id"]) == ["A_RES_80_11.md", "A_RES_80_11.txt"]
    (canonical,) = copies.filter(pl.col("duplicate_of").is_null())["doc_id"]
    (other,) = copies.filter(pl.col("duplicate_of") == canonical)["doc_id"]
    warnings = dict(zip(documents["doc_id"], documents["warnings"].to_list(), strict=True))
    assert f"duplicate_symbol:{canonical}" in warnings[other]
    assert not any(w.startswith("duplicate_symbol") for w in warnings[canonical])
    # The rule: fewest warnings of its own, then most header fields read.
    own = {
        doc_id: [w for w in warnings[doc_id] if not w.startswith("duplicate_")]
        for doc_id in (canonical, other)
    }
    assert len(own[canonical]) <= len(own[other])
    # Every other document is alone with its symbol: none points anywhere.
    assert documents.filter(pl.col("symbol") != "A/RES/80/11")["duplicate_of"].null_count() == (
        documents.height - 2
    )


def test_citation_edges_and_the_report_count_a_resolution_once(
    both: Path, seed_raw: Path, tmp_path: Path
) -> None:
    documents = pl.read_parquet(both / "documents.parquet")
    (canonical,) = documents.filter(
        (pl.col("symbol") == "A/RES/80/11") & pl.col("duplicate_of").is_null()
    )["doc_id"]
    only = tmp_path / "only"
    only.mkdir()
    for path in seed_raw.iterdir():
        if path.name.startswith("A_RES_80_11") and path.name != canonical:
            continue
        shutil.copy(path, only / path.name)
    _build(only, tmp_path / "one")

    edges = {
        name: pl.read_parquet(tmp_path / name / "citation_edges.parquet").sort(
            "citing_symbol", "cited_symbol"
        )
        for name in ("both", "one")
    }
    from_80_11 = edges["both"].filter(pl.col("citing_symbol") == "A/RES/80/11")
    assert from_80_11.height > 0
    assert edges["both"].equals(edges["one"])

    pages = {name: write_report(tmp_path / name).read_text() for name in ("both", "one")}
    cited = {name: _section(page, "Top 15 cited resolutions") for name, page in pages.items()}
    assert cited["both"] == cited["one"]
    assert _section(pages["both"], "Documents per body") == _section(
        pages["one"], "Documents per body"
    )


def _section(page: str, title: str) -> str:
    found = re.search(rf"<h2>{re.escape(title)}</h2>(.*?)</section>", page, re.S)
    assert found is not None, title
    return found.group(1)


def test_the_canonical_copy_has_fewest_warnings_then_most_fields_then_paragraphs() -> None:
    def copy(
        doc_id: str, warnings: list[str], title: str | None, n_operative: int
    ) -> dict[str, object]:
        return {
            "doc_id": doc_id,
            "source_sha256": doc_id * 4,
            "symbol": "A/RES/80/11",
            "warnings": warnings,
            "n_preambular": 3,
            "n_operative": n_operative,
            "organ": "General Assembly",
            "session": 80,
            "title": title,
            "adoption_date": dt.date(2025, 10, 27),
            "distribution_date": None,
            "agenda_item": "29",
            "committee_report": None,
            "plenary_meeting": 30,
            "meeting_number": None,
        }

    def canonical(*rows: dict[str, object]) -> dict[str, str]:
        return canonical_documents(
            pl.DataFrame(list(rows), schema_overrides={"warnings": pl.List(pl.String)})
        )

    warned = copy("a.txt", ["operative_numbering_gap"], "Peacebuilding", 10)
    clean = copy("b.md", [], None, 9)
    assert canonical(warned, clean) == {"a.txt": "b.md"}
    # Duplicate marks from an earlier release are not the document's own warnings.
    marked = copy("a.txt", ["duplicate_symbol:b.md"], "Peacebuilding", 10)
    assert canonical(marked, clean) == {"b.md": "a.txt"}  # a title read wins
    fewer = copy("a.txt", [], "Peacebuilding", 8)
    more = copy("b.md", [], "Peacebuilding", 9)
    assert canonical(fewer, more) == {"a.txt": "b.md"}
    assert canonical(copy("b.md", [], None, 9), copy("a.txt", [], None, 9)) == {"b.md": "a.txt"}
