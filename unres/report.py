"""``report.html``: a release at a glance, every plot an inline SVG (no network at view time).

Documents per body and per session or year, the most frequent operative verbs and
preambular openers, the most-cited resolutions, citation coverage, rejects by
reason and parser warnings.
"""

from __future__ import annotations

import html
import itertools
import os
from collections.abc import Sequence
from pathlib import Path

import polars as pl
import pyarrow.parquet as pq

from schemas import TABLES, table_file
from unres.publish import MANIFEST_FILE, read_manifest

REPORT_FILE = "report.html"
TOP = 15
# The tables plotted. Each plot is counted while its columns stream in, so neither a
# release's paragraph texts (gigabytes) nor whole columns are ever held.
_PLOTTED = ("documents", "paragraphs", "citations", "rejects")


def write_report(
    release: Path, target: Path | None = None, *, release_id: str | None = None
) -> Path:
    """Write the report of ``release`` to ``target`` (default: its ``report.html``).

    The file is replaced whole (written aside, then renamed), so a reader never
    sees half a report and a published, read-only one can be regenerated. The page
    names ``release_id``; by default the one in the release's manifest.
    """
    tables = {name: pl.scan_parquet(release / table_file(name)) for name in _PLOTTED}
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
    try:
        aside.write_text(page, encoding="utf-8")
        os.replace(aside, target)
    except BaseException:
        aside.unlink(missing_ok=True)
        raise
    return target


def _release_id(release: Path) -> str:
    if (release / MANIFEST_FILE).is_file():
        release_id: str = read_manifest(release)["release_id"]
        return release_id
    return release.resolve().name


def _of_kind(paragraphs: pl.LazyFrame, kind: str) -> pl.LazyFrame:
    return paragraphs.filter(pl.col("kind") == kind)


def _counts(frame: pl.LazyFrame, column: str) -> list[tuple[str, int]]:
    counted = (
        frame.select(pl.col(column).fill_null("(none)").cast(pl.Utf8))
        .group_by(column)
        .len()
        .sort(["len", column], descending=[True, False])
        .head(TOP)
        .collect(engine="streaming")
    )
    return list(zip(counted[column].to_list(), counted["len"].to_list(), strict=True))


def _per_session_or_year(documents: pl.LazyFrame) -> list[tuple[str, int]]:
    label = (
        pl.when(pl.col("session").is_not_null())
        .then(pl.lit("session ") + pl.col("session").cast(pl.Utf8))
        .otherwise(pl.col("adoption_date").dt.year().cast(pl.Utf8))
        .alias("when")
    )
    return _counts(documents.select(label), "when")


def _most_cited(citations: pl.LazyFrame) -> list[tuple[str, int]]:
    resolutions = citations.filter(pl.col("kind") == "resolution")
    cited = resolutions.select(pl.coalesce("resolved_symbol", "value").alias("cited"))
    return _counts(cited, "cited")


def _coverage(citations: pl.LazyFrame) -> list[tuple[str, int]]:
    counts = citations.select(
        pl.col("resolved_symbol").is_not_null().sum().alias("resolved"), pl.len().alias("all")
    ).collect(engine="streaming")
    resolved, total = int(counts["resolved"].item()), int(counts["all"].item())
    return [("resolved to a symbol", resolved), ("body unknown", total - resolved)]


def _warnings(documents: pl.LazyFrame) -> list[tuple[str, int]]:
    codes = documents.select(pl.col("warnings").explode().str.split(":").list.first().alias("code"))
    return _counts(codes.drop_nulls(), "code")


# Chart geometry in SVG units; the page scales a chart down to its width.
_WIDTH = 700
_ROW = 24  # height of one bar's row; the bar fills 70% of it
_MARGIN = 10
_AXIS_LABELS = 24  # under the bars, for the counts on the axis
_CHAR_WIDTH = 7  # of a 12 px sans-serif character, generously
_LABEL_CHARS = 40  # longer labels are cut (the bar's tooltip has them whole)
_COUNT_ROOM = 60  # right of the longest bar, for its count
_TICKS = 8  # at most, on the count axis
_BAR = "#4472c4"


def _bar_chart_svg(rows: Sequence[tuple[str, int]]) -> str:
    """Horizontal bars in the given order (largest first, on top), each labelled with its
    count; the section's heading is its title. Written out directly: a chart is a few
    lines of SVG (matplotlib took 0.1 s a chart, and 0.7 s to load)."""
    labels = [_cut(label) for label, _ in rows]
    left = _MARGIN + _CHAR_WIDTH * max(len(label) for label in labels)
    largest = max(value for _, value in rows)
    step = _tick_step(largest)
    axis_end = step * max(1, -(-largest // step))
    scale = (_WIDTH - left - _COUNT_ROOM) / axis_end
    bottom = _MARGIN + _ROW * len(rows)
    height = bottom + _AXIS_LABELS
    svg = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_WIDTH} {height}" '
        f'width="{_WIDTH}" height="{height}" font-family="sans-serif" font-size="12">'
    ]
    for tick in range(0, axis_end + 1, step):
        x = left + tick * scale
        svg.append(
            f'<line x1="{x:.1f}" y1="{_MARGIN}" x2="{x:.1f}" y2="{bottom}" stroke="#ddd"/>'
            f'<text x="{x:.1f}" y="{bottom + 16}" text-anchor="middle" fill="#555">'
            f"{tick:,}</text>"
        )
    for n, ((label, value), shown) in enumerate(zip(rows, labels, strict=True)):
        top, width = _MARGIN + n * _ROW, value * scale
        middle = top + _ROW / 2 + 4  # text baseline
        svg.append(
            f'<path fill="{_BAR}" d="M{left} {top + 0.15 * _ROW:.1f}h{width:.1f}'
            f'v{0.7 * _ROW:.1f}h{-width:.1f}z"><title>{html.escape(label)}: {value:,}'
            f'</title></path><text x="{left - 6}" y="{middle:.1f}" text-anchor="end">'
            f'{html.escape(shown)}</text><text x="{left + width + 4:.1f}" y="{middle:.1f}">'
            f"{value:,}</text>"
        )
    svg.append(f'<line x1="{left}" y1="{_MARGIN}" x2="{left}" y2="{bottom}" stroke="#333"/>')
    return "".join(svg) + "</svg>"


def _cut(label: str) -> str:
    return label if len(label) <= _LABEL_CHARS else label[: _LABEL_CHARS - 1] + "…"


def _tick_step(largest: int) -> int:
    """The smallest of 1, 2, 5, 10, 20, 50… that marks 0 to ``largest`` in _TICKS steps."""
    step, factors = 1, itertools.cycle((2, 2.5, 2))
    while step * _TICKS < largest:
        step = int(step * next(factors))
    return step


def _section(title: str, rows: list[tuple[str, int]]) -> str:
    body = _bar_chart_svg(rows) if rows else "<p>(nothing to show)</p>"
    return f'<section class="plot"><h2>{html.escape(title)}</h2>{body}</section>'


def _row_counts(release: Path) -> dict[str, int]:
    """Every table's row count, from the Parquet footers: no table is read for it."""
    return {name: pq.read_metadata(release / table_file(name)).num_rows for name in TABLES}


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
