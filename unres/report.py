"""``report.html``: a release at a glance for analysts, with no network needed to view it.

Plots (inline SVG): documents per body, per session or year and adopted per year,
the most frequent operative verbs and preambular openers, the most-cited
resolutions, citation coverage, rejects by reason and parser warnings. Tables: how
often each field was read, by body and decade; every document with warnings; every
rejected or quarantined input with its reason; and the documents, each linked to
its text at undocs.org.

Counts are of canonical documents (``duplicate_of`` null): a resolution read from two
inputs counts once. The warnings list shows every document, duplicates included.
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
from schemas.columns import DOC_ID
from schemas.vocabulary import QUARANTINE_REASONS
from unres.publish import MANIFEST_FILE, read_manifest

REPORT_FILE = "report.html"
TOP = 15
# Longer lists are cut there, saying how many rows the table itself has.
LISTED = 2_000
# The tables read. Each plot and table is computed while its columns stream in, so
# neither a release's paragraph texts (gigabytes) nor whole columns are ever held.
_READ = ("documents", "paragraphs", "citations", "rejects")
# Coverage: the share of documents for which each field was read.
_COVERED: dict[str, pl.Expr] = {
    "symbol": pl.col("symbol").is_not_null(),
    "title": pl.col("title").is_not_null(),
    "adoption date": pl.col("adoption_date").is_not_null(),
    "meeting": pl.col("plenary_meeting").is_not_null() | pl.col("meeting_number").is_not_null(),
    "agenda item": pl.col("agenda_item").is_not_null(),
    "verbs": pl.col("verbs"),
}


def write_report(
    release: Path, target: Path | None = None, *, release_id: str | None = None
) -> Path:
    """Write the report of ``release`` to ``target`` (default: its ``report.html``).

    The file is replaced whole (written aside, then renamed), so a reader never
    sees half a report. The page names ``release_id``; by default the one in the
    release's manifest.
    """
    tables = {name: pl.scan_parquet(release / table_file(name)) for name in _READ}
    every_document = tables["documents"]
    documents = every_document.filter(pl.col("duplicate_of").is_null())
    canonical = documents.select(DOC_ID)
    paragraphs = tables["paragraphs"].join(canonical, on=DOC_ID, how="semi")
    citations = tables["citations"].join(canonical, on=DOC_ID, how="semi")
    sections = [
        _plot("Documents per body", _counts(documents, "organ")),
        _plot("Documents per session or year", _per_session_or_year(documents)),
        _plot("Adoptions per year", _adoptions_per_year(documents)),
        _plot(
            f"Top {TOP} operative verbs",
            _counts(_of_kind(paragraphs, "operative"), "verb"),
        ),
        _plot(
            f"Top {TOP} preambular openers",
            _counts(_of_kind(paragraphs, "preambular"), "verb"),
        ),
        _plot(f"Top {TOP} cited resolutions", _most_cited(citations)),
        _plot("Citation coverage", _coverage(citations)),
        _plot("Rejects by reason", _counts(tables["rejects"], "reason")),
        _plot("Parser warnings", _warnings(every_document)),
        _coverage_table(documents, paragraphs),
        _warnings_table(every_document),
        _rejects_table(tables["rejects"]),
        _documents_table(documents),
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


def _adoptions_per_year(documents: pl.LazyFrame) -> list[tuple[str, int]]:
    """Every year with an adoption, in order (not only the TOP busiest)."""
    years = (
        documents.select(pl.col("adoption_date").dt.year().alias("year"))
        .drop_nulls()
        .group_by("year")
        .len()
        .sort("year")
        .collect(engine="streaming")
    )
    return [(str(year), n) for year, n in years.iter_rows()]


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


def _coverage_table(documents: pl.LazyFrame, paragraphs: pl.LazyFrame) -> str:
    """Per body and decade of adoption (else of distribution), the share of documents
    for which each field was read; "verbs": every operative paragraph has its verb."""
    verbs = (
        _of_kind(paragraphs, "operative")
        .group_by(DOC_ID)
        .agg(pl.col("verb").is_not_null().all().alias("verbs"))
    )
    year = pl.coalesce(pl.col("adoption_date").dt.year(), pl.col("distribution_date").dt.year())
    decade = (
        pl.when(year.is_null())
        .then(pl.lit("date unknown"))
        .otherwise((year // 10 * 10).cast(pl.Utf8) + "s")
    )
    shares = (
        documents.join(verbs, on=DOC_ID, how="left")
        .with_columns(pl.col("verbs").fill_null(False))
        .group_by(pl.col("organ").fill_null("(body unknown)").alias("body"), decade.alias("decade"))
        .agg(
            pl.len().alias("documents"),
            *(expression.mean().alias(field) for field, expression in _COVERED.items()),
        )
        .sort("body", "decade")
        .collect(engine="streaming")
    )
    rows = [
        [
            html.escape(row["body"]),
            html.escape(row["decade"]),
            f"{row['documents']:,}",
            *(f"{row[field]:.0%}" for field in _COVERED),
        ]
        for row in shares.iter_rows(named=True)
    ]
    return _table_section(
        "Coverage by body and decade",
        "Share of documents for which each field was read, by the body that adopted "
        "them and the decade of adoption (else of distribution). Meeting: a plenary or "
        "other meeting number; verbs: every operative paragraph opens with its verb.",
        ["body", "decade", "documents", *_COVERED],
        rows,
        shares.height,
    )


def _warnings_table(documents: pl.LazyFrame) -> str:
    flagged = documents.filter(pl.col("warnings").list.len() > 0)
    total = flagged.select(pl.len()).collect(engine="streaming").item()
    listed = (
        flagged.select(DOC_ID, "symbol", "url", "warnings")
        .sort(DOC_ID)
        .head(LISTED)
        .collect(engine="streaming")
    )
    rows = [
        [
            html.escape(row[DOC_ID]),
            _document_link(row["symbol"], row["url"]),
            html.escape("; ".join(row["warnings"])),
        ]
        for row in listed.iter_rows(named=True)
    ]
    return _table_section(
        "Documents with warnings",
        "What the parser was unsure of, per document (documents.warnings).",
        ["input", "symbol", "warnings"],
        rows,
        total,
    )


def _rejects_table(rejects: pl.LazyFrame) -> str:
    total = rejects.select(pl.len()).collect(engine="streaming").item()
    listed = rejects.select("path", "reason", "detail").head(LISTED).collect(engine="streaming")
    rows = [
        [html.escape(path), html.escape(reason), html.escape(_cut(detail, 200))]
        for path, reason, detail in listed.iter_rows()
    ]
    return _table_section(
        "Rejected and quarantined inputs",
        "Every input that is not in documents, with the reason (rejects table); "
        f"quarantined ones have the reason {' or '.join(QUARANTINE_REASONS)}.",
        ["input", "reason", "detail"],
        rows,
        total,
    )


def _documents_table(documents: pl.LazyFrame) -> str:
    total = documents.select(pl.len()).collect(engine="streaming").item()
    listed = (
        documents.select(DOC_ID, "symbol", "url", "adoption_date", "title")
        .sort("adoption_date", "symbol", nulls_last=True)
        .head(LISTED)
        .collect(engine="streaming")
    )
    rows = [
        [
            _document_link(symbol, url, doc_id),
            "" if adopted is None else adopted.isoformat(),
            html.escape(title or ""),
        ]
        for doc_id, symbol, url, adopted, title in listed.iter_rows()
    ]
    return _table_section(
        "Documents",
        "Each resolution once, linked to its official text at undocs.org "
        "(documents.url), by date of adoption; one without a symbol by its input.",
        ["symbol", "adopted", "title"],
        rows,
        total,
    )


def _document_link(symbol: str | None, url: str | None, doc_id: str | None = None) -> str:
    if symbol is None or url is None:
        return "(no symbol)" if doc_id is None else f"({html.escape(doc_id)})"
    return f'<a href="{html.escape(url)}">{html.escape(symbol)}</a>'


def _table_section(
    title: str, about: str, header: Sequence[str], rows: Sequence[Sequence[str]], total: int
) -> str:
    """An HTML table of already escaped cells; ``total``: the rows there are in all."""
    if not rows:
        body = "<p>(none)</p>"
    else:
        head = "".join(f"<th>{html.escape(name)}</th>" for name in header)
        lines = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
        body = f"<table><thead><tr>{head}</tr></thead><tbody>{lines}</tbody></table>"
        if total > len(rows):
            body += f"<p>The first {len(rows):,} of {total:,}; the table has them all.</p>"
    return (
        f'<section class="table"><h2>{html.escape(title)}</h2>'
        f"<p>{html.escape(about)}</p>{body}</section>"
    )


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


def _cut(text: str, limit: int = _LABEL_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _tick_step(largest: int) -> int:
    """The smallest of 1, 2, 5, 10, 20, 50… that marks 0 to ``largest`` in _TICKS steps."""
    step, factors = 1, itertools.cycle((2, 2.5, 2))
    while step * _TICKS < largest:
        step = int(step * next(factors))
    return step


def _plot(title: str, rows: list[tuple[str, int]]) -> str:
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
        "section.plot svg{max-width:100%;height:auto}"
        "table{border-collapse:collapse;font-size:90%}"
        "th,td{border-bottom:1px solid #ddd;padding:2px 8px;text-align:left;vertical-align:top}"
        "td a{white-space:nowrap}"
        "</style></head><body>"
        f"<h1>unres release {html.escape(release)}</h1><p>Rows: {html.escape(counts)}.</p>"
        + "\n".join(sections)
        + "</body></html>\n"
    )
