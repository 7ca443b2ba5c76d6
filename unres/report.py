"""``report.html``: a release at a glance, every plot an inline SVG (no network at view time).

Documents per body and per session or year, the most frequent operative verbs and
preambular openers, the most-cited resolutions, citation coverage, rejects by
reason and parser warnings.
"""

from __future__ import annotations

import html
import io
import os
from collections.abc import Sequence
from pathlib import Path

import polars as pl
import pyarrow.parquet as pq

from schemas import TABLES
from unres.publish import MANIFEST_FILE, read_manifest

REPORT_FILE = "report.html"
TOP = 15
# Only these are read: a release's paragraph texts alone can weigh gigabytes.
_COLUMNS_PLOTTED = {
    "documents": ("organ", "session", "adoption_date", "warnings"),
    "paragraphs": ("kind", "verb"),
    "citations": ("kind", "value", "resolved_symbol"),
    "rejects": ("reason",),
}


def write_report(
    release: Path, target: Path | None = None, *, release_id: str | None = None
) -> Path:
    """Write the report of ``release`` to ``target`` (default: its ``report.html``).

    The file is replaced whole (written aside, then renamed), so a reader never
    sees half a report and a published, read-only one can be regenerated. The page
    names ``release_id``; by default the one in the release's manifest.
    """
    tables = {
        name: pl.read_parquet(release / f"{name}.parquet", columns=list(columns))
        for name, columns in _COLUMNS_PLOTTED.items()
    }
    sections = [
        _section("Documents per body", _counts(tables["documents"], "organ")),
        _section("Documents per session or year", _per_session_or_year(tables["documents"])),
        _section(
            f"Top {TOP} operative verbs",
            _counts(_of_kind(tables["paragraphs"], "operative"), "verb"),
        ),
        _section(
            f"Top {TOP} preambular openers",
            _counts(_of_kind(tables["paragraphs"], "preambular"), "verb"),
        ),
        _section(f"Top {TOP} cited resolutions", _most_cited(tables["citations"])),
        _section("Citation coverage", _coverage(tables["citations"])),
        _section("Rejects by reason", _counts(tables["rejects"], "reason")),
        _section("Parser warnings", _warnings(tables["documents"])),
    ]
    page = _page(release_id or _release_id(release), _row_counts(release), sections)
    target = target or release / REPORT_FILE
    aside = target.with_name(f".{target.name}.tmp")
    aside.write_text(page, encoding="utf-8")
    os.replace(aside, target)
    return target


def _release_id(release: Path) -> str:
    if (release / MANIFEST_FILE).is_file():
        release_id: str = read_manifest(release)["release_id"]
        return release_id
    return release.resolve().name


def _of_kind(paragraphs: pl.DataFrame, kind: str) -> pl.DataFrame:
    return paragraphs.filter(pl.col("kind") == kind)


def _counts(frame: pl.DataFrame, column: str) -> list[tuple[str, int]]:
    counted = (
        frame.select(pl.col(column).fill_null("(none)").cast(pl.Utf8))
        .group_by(column)
        .len()
        .sort(["len", column], descending=[True, False])
        .head(TOP)
    )
    return list(zip(counted[column].to_list(), counted["len"].to_list(), strict=True))


def _per_session_or_year(documents: pl.DataFrame) -> list[tuple[str, int]]:
    label = (
        pl.when(pl.col("session").is_not_null())
        .then(pl.lit("session ") + pl.col("session").cast(pl.Utf8))
        .otherwise(pl.col("adoption_date").dt.year().cast(pl.Utf8))
        .alias("when")
    )
    return _counts(documents.select(label), "when")


def _most_cited(citations: pl.DataFrame) -> list[tuple[str, int]]:
    resolutions = citations.filter(pl.col("kind") == "resolution")
    cited = resolutions.select(pl.coalesce("resolved_symbol", "value").alias("cited"))
    return _counts(cited, "cited")


def _coverage(citations: pl.DataFrame) -> list[tuple[str, int]]:
    resolved = int(citations["resolved_symbol"].is_not_null().sum())
    return [("resolved to a symbol", resolved), ("body unknown", citations.height - resolved)]


def _warnings(documents: pl.DataFrame) -> list[tuple[str, int]]:
    codes = documents.select(pl.col("warnings").explode().str.split(":").list.first().alias("code"))
    return _counts(codes.drop_nulls(), "code")


def _bar_chart_svg(rows: Sequence[tuple[str, int]]) -> str:
    """Horizontal bars, largest on top; the section's heading is its title."""
    # Imported here, not at the top: matplotlib takes ~0.7 s to load, which every build
    # worker process would pay while only the one writing the report needs it. A bare
    # Figure (no pyplot) needs no display, no GUI toolkit and no closing.
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    figure = Figure(figsize=(7, 0.35 * max(len(rows), 1) + 1))
    axes = figure.subplots()
    labels = [label for label, _ in rows][::-1]
    values = [value for _, value in rows][::-1]
    axes.barh(labels, values, color="#4472c4")
    axes.xaxis.set_major_locator(MaxNLocator(integer=True))  # counts: no 0.5 documents
    axes.tick_params(axis="y", labelsize=8)
    figure.tight_layout()
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg")
    svg = buffer.getvalue()
    return svg[svg.index("<svg") :]  # drop the XML prologue: the SVG sits inside HTML


def _section(title: str, rows: list[tuple[str, int]]) -> str:
    body = _bar_chart_svg(rows) if rows else "<p>(nothing to show)</p>"
    return f'<section class="plot"><h2>{html.escape(title)}</h2>{body}</section>'


def _row_counts(release: Path) -> dict[str, int]:
    """Every table's row count, from the Parquet footers: no table is read for it."""
    return {name: pq.read_metadata(release / f"{name}.parquet").num_rows for name in TABLES}


def _page(release: str, rows: dict[str, int], sections: list[str]) -> str:
    counts = ", ".join(f"{name} {n}" for name, n in rows.items())
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>unres release {html.escape(release)}</title>"
        "<style>body{font-family:sans-serif;max-width:60em;margin:2em auto}"
        "section.plot svg{max-width:100%;height:auto}</style></head><body>"
        f"<h1>unres release {html.escape(release)}</h1><p>Rows: {html.escape(counts)}.</p>"
        + "\n".join(sections)
        + "</body></html>\n"
    )
