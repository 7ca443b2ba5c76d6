"""A release describes itself: a data dictionary (README.md) and a frictionless
``datapackage.json``, both generated from the pandera models in ``schemas/`` so the
column documentation has one source of truth.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import polars as pl

from schemas import SCHEMA_VERSION, TABLES, primary_key, table_file
from unres.datapackage import write_datapackage

DICTIONARY_FILE = "README.md"


def write_release_docs(release_dir: Path) -> None:
    """Write the data dictionary and datapackage.json beside the tables in ``release_dir``."""
    tables = [_describe(name, release_dir / table_file(name)) for name in TABLES]
    (release_dir / DICTIONARY_FILE).write_text(_dictionary(tables), encoding="utf-8")
    write_datapackage(release_dir)


def _describe(name: str, path: Path) -> dict[str, Any]:
    model = TABLES[name]
    frame = pl.read_parquet(path, n_rows=1000)
    columns = []
    for column, spec in model.to_schema().columns.items():
        examples = frame.get_column(column).drop_nulls()
        columns.append(
            {
                "name": column,
                "dtype": spec.dtype.type,
                "nullable": spec.nullable,
                "description": spec.description or "",
                "example": _plain(examples[0]) if len(examples) else None,
            }
        )
    return {
        "name": name,
        "doc": " ".join((model.__doc__ or "").split()),
        "key": primary_key(name),
        "rows": pl.scan_parquet(path).select(pl.len()).collect().item(),
        "columns": columns,
    }


def _plain(value: object) -> object:
    if isinstance(value, pl.Series):
        return value.to_list()
    return value if isinstance(value, int | float | str | bool | list) else str(value)


def _dictionary(tables: list[dict[str, Any]]) -> str:
    lines = [
        "# unres release: data dictionary",
        "",
        f"Schema version {SCHEMA_VERSION}. Generated from the pandera models in `schemas/`;",
        "`manifest.json` has the row counts and hashes, `datapackage.json` the same",
        "description in the frictionless format.",
    ]
    for table in tables:
        key = ", ".join(table["key"]) or "none"
        lines += [
            "",
            f"## {table['name']}",
            "",
            f"{table['doc']} Rows: {table['rows']}. Key: {key}.",
            "",
            "| column | type | null? | meaning | example |",
            "|---|---|---|---|---|",
        ]
        for c in table["columns"]:
            example = (
                ""
                if c["example"] is None
                else _code_span(_cell(json.dumps(c["example"], ensure_ascii=False, default=str)))
            )
            lines.append(
                f"| {c['name']} | {c['dtype']} | {'yes' if c['nullable'] else 'no'} "
                f"| {_cell(c['description'], limit=None)} | {example} |"
            )
    return "\n".join(lines) + "\n"


def _code_span(text: str) -> str:
    """``text`` as a Markdown code span it cannot break out of: examples come from the
    inputs (a file name may hold backquotes, and then "<img onerror=...>" would render
    live). The fence is one backquote longer than any run inside (CommonMark)."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    padded = f" {text} " if text.startswith("`") or text.endswith("`") else text
    return f"{fence}{padded}{fence}"


def _cell(text: str, limit: int | None = 80) -> str:
    text = text.replace("|", "\\|").replace("\n", " ")
    return text if limit is None or len(text) <= limit else text[: limit - 1] + "…"
