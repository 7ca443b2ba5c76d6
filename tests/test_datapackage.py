"""datapackage.json: generated with frictionless-py from the schemas, and accepted by
`frictionless validate`, which reads every row of every table."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import polars as pl

from schemas import TABLES
from unres.datapackage import package_metadata, write_datapackage


def _frictionless_validate(release: Path) -> dict[str, Any]:
    """The report of the `frictionless` command, as a user runs it in this environment."""
    frictionless = Path(sys.executable).with_name("frictionless")
    done = subprocess.run(
        [str(frictionless), "validate", "--json", "datapackage.json"],
        cwd=release,
        capture_output=True,
        text=True,
    )
    report: dict[str, Any] = json.loads(done.stdout)
    return report


def _errors(report: dict[str, Any]) -> list[tuple[str, str]]:
    return [
        (task["name"], error["type"]) for task in report["tasks"] for error in task["errors"]
    ] + [("package", error["type"]) for error in report["errors"]]


def test_frictionless_validate_accepts_a_release(release: Path) -> None:
    write_datapackage(release)
    report = _frictionless_validate(release)
    assert _errors(report) == []
    assert report["valid"] is True
    assert {task["name"] for task in report["tasks"]} == set(TABLES)
    # Every row was read: list columns, nullable integers and dates included.
    rows = {task["name"]: task["stats"]["rows"] for task in report["tasks"]}
    assert rows == {name: pl.read_parquet(release / f"{name}.parquet").height for name in TABLES}


def test_the_package_declares_types_keys_licence_and_sources(release: Path) -> None:
    package = json.loads(write_datapackage(release).read_text())
    resources = {r["name"]: r for r in package["resources"]}
    assert all(r["type"] == "table" and r["format"] == "parquet" for r in resources.values())
    documents = {f["name"]: f for f in resources["documents"]["schema"]["fields"]}
    assert documents["warnings"]["type"] == "array"
    assert documents["warnings"]["arrayItem"] == {"type": "string"}
    assert documents["session"]["type"] == "integer"
    assert "required" not in documents["session"].get("constraints", {})
    assert documents["doc_id"]["constraints"]["required"] is True
    assert resources["paragraphs"]["schema"]["primaryKey"] == ["doc_id", "index"]
    for part in ("paragraphs", "citations", "dates", "footnotes"):
        (key,) = resources[part]["schema"]["foreignKeys"]
        assert key == {
            "fields": ["doc_id"],
            "reference": {"resource": "documents", "fields": ["doc_id"]},
        }
    assert package["licenses"] == package_metadata()["licenses"]
    assert package["sources"] == package_metadata()["sources"]


def test_frictionless_validate_finds_a_part_of_no_document(release: Path) -> None:
    footnotes = pl.read_parquet(release / "footnotes.parquet")
    orphan = footnotes.head(1).with_columns(doc_id=pl.lit("no such document.txt"))
    pl.concat([footnotes, orphan]).write_parquet(release / "footnotes.parquet")
    write_datapackage(release)
    assert ("footnotes", "foreign-key") in _errors(_frictionless_validate(release))
