"""report.html: one inline SVG plot per section, readable with no network."""

from __future__ import annotations

import html
import re
from pathlib import Path

import polars as pl

from flows.cli import main
from schemas import TABLES
from unres.report import _bar_chart_svg, write_report

SECTIONS = [
    "Documents per body",
    "Documents per session or year",
    "Top 15 operative verbs",
    "Top 15 preambular openers",
    "Top 15 cited resolutions",
    "Citation coverage",
    "Rejects by reason",
    "Parser warnings",
]


def test_every_section_has_its_plot(release: Path) -> None:
    page = write_report(release).read_text()

    sections = re.findall(r'<section class="plot"><h2>(.*?)</h2>(.*?)</section>', page, re.S)
    assert [title for title, _ in sections] == SECTIONS
    for title, body in sections:
        assert body.startswith("<svg") and "<path" in body, title
    # Nothing to fetch at view time: no scripts, stylesheets or external references.
    assert not re.search(r"<script|<link|<img|(?:src|href)=\"https?:", page)
    assert "Security Council" in page and "General Assembly" in page
    assert "Reaffirms" in page and "empty" in page  # a verb bar and the reject reason
    assert "footnote_text_missing" in page  # the excerpt's warning
    rows = re.search(r"<p>Rows: (.*?)\.</p>", page)
    assert rows is not None
    assert rows.group(1) == ", ".join(
        f"{name} {pl.read_parquet(release / f'{name}.parquet').height}" for name in TABLES
    )


def test_cli_report_writes_the_file(release: Path, tmp_path: Path) -> None:
    target = tmp_path / "elsewhere.html"
    assert main(["report", str(release), "--output", str(target)]) == 0
    assert target.read_text().count("<svg") == len(SECTIONS)


def test_a_bar_chart_has_a_bar_per_row_as_long_as_its_count_and_says_the_count() -> None:
    rows = [("General Assembly", 1200), ("Security Council", 300), ("<b> & co", 0)]
    svg = _bar_chart_svg(rows)

    bars = re.findall(r'<path fill="#4472c4" d="M[\d.]+ [\d.]+h([\d.]+)', svg)
    assert [float(width) for width in bars][1:] == [float(bars[0]) / 4, 0.0]
    texts = re.findall(r"<text[^>]*>(.*?)</text>", svg)
    for label, count in rows:
        assert html.escape(label) in texts and f"{count:,}" in texts
    assert "<b>" not in svg
