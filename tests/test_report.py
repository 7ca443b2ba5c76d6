"""report.html: one inline SVG plot per section, readable with no network."""

from __future__ import annotations

import html
import re
from pathlib import Path

import polars as pl

from flows.cli import main
from schemas import TABLES
from schemas.vocabulary import undocs_url
from unres.report import _bar_chart_svg, write_report

SECTIONS = [
    "Documents per body",
    "Documents per session or year",
    "Adoptions per year",
    "Top 15 operative verbs",
    "Top 15 preambular openers",
    "Top 15 cited resolutions",
    "Citation coverage",
    "Rejects by reason",
    "Parser warnings",
]
TABLE_SECTIONS = [
    "Coverage by body and decade",
    "Documents with warnings",
    "Rejected and quarantined inputs",
    "Documents",
]


def test_every_section_has_its_plot(release: Path) -> None:
    page = write_report(release).read_text()

    sections = re.findall(r'<section class="plot"><h2>(.*?)</h2>(.*?)</section>', page, re.S)
    assert [title for title, _ in sections] == SECTIONS
    for title, body in sections:
        assert body.startswith("<svg") and "<path" in body, title
    # Nothing to fetch at view time: no scripts, stylesheets or images (links to the
    # documents at undocs.org are followed only when clicked).
    assert not re.search(r"<script|<link|<img|src=\"https?:", page)
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


def _table(page: str, title: str) -> list[list[str]]:
    """The rows of the report's table under ``title``, each cell's HTML."""
    found = re.search(rf"<h2>{re.escape(title)}</h2>.*?<tbody>(.*?)</tbody>", page, re.S)
    assert found is not None, title
    return [
        re.findall(r"<td>(.*?)</td>", row) for row in re.findall(r"<tr>(.*?)</tr>", found.group(1))
    ]


def test_coverage_by_body_and_decade(release: Path) -> None:
    page = write_report(release).read_text()
    documents = pl.read_parquet(release / "documents.parquet")
    rows = _table(page, "Coverage by body and decade")
    assert sum(int(row[2].replace(",", "")) for row in rows) == documents.height
    by_group = {(html.unescape(row[0]), row[1]): row for row in rows}
    # The seeds' A/RES/75/180 (adopted 16 December 2020) is a General Assembly
    # resolution of the 2020s; the Security Council page's S/RES/2583 was adopted in 2021.
    assembly = by_group[("General Assembly", "2020s")]
    council = by_group[("Security Council", "2020s")]
    for row in (assembly, council):
        assert row[3] == "100%"  # symbol
        assert row[5] == "100%"  # adoption date
    assert int(council[2]) == documents.filter(pl.col("organ") == "Security Council").height


def test_warnings_rejects_and_documents_are_listed_with_links(release: Path) -> None:
    page = write_report(release).read_text()
    documents = pl.read_parquet(release / "documents.parquet")

    warned = _table(page, "Documents with warnings")
    expected = documents.filter(pl.col("warnings").list.len() > 0)
    assert [html.unescape(row[0]) for row in warned] == sorted(expected["doc_id"])
    excerpt = next(row for row in warned if row[0] == "excerpt.txt")
    assert "footnote_text_missing" in excerpt[2]
    assert excerpt[1] == '<a href="https://undocs.org/A/RES/51/77">A/RES/51/77</a>'

    rejects = _table(page, "Rejected and quarantined inputs")
    assert [row[:2] for row in rejects] == [["empty.txt", "empty"]]

    listed = _table(page, "Documents")
    links = [re.fullmatch(r'<a href="(.*?)">(.*?)</a>', row[0]) for row in listed]
    symbols = documents["symbol"].drop_nulls().to_list()
    assert sorted(html.unescape(link.group(2)) for link in links if link) == sorted(symbols)
    for link in filter(None, links):
        assert html.unescape(link.group(1)) == undocs_url(html.unescape(link.group(2)))
    assert "https://undocs.org/S/RES/2583(2021)" in page


def test_adoptions_per_year_are_every_year_in_order(release: Path) -> None:
    page = write_report(release).read_text()
    plot = re.search(r"<h2>Adoptions per year</h2>(.*?)</section>", page, re.S)
    assert plot is not None
    labels = re.findall(r'text-anchor="end">(\d{4})</text>', plot.group(1))
    adopted = pl.read_parquet(release / "documents.parquet")["adoption_date"].drop_nulls()
    assert labels == sorted({str(day.year) for day in adopted})


def test_undocs_urls_follow_the_resolver() -> None:
    assert undocs_url("A/RES/75/180") == "https://undocs.org/A/RES/75/180"
    assert undocs_url("S/RES/1325 (2000)") == "https://undocs.org/S/RES/1325(2000)"
    assert undocs_url("A/RES/2625 (XXV)") == "https://undocs.org/A/RES/2625(XXV)"
    assert undocs_url("A/RES/60/251 B") == "https://undocs.org/A/RES/60/251%20B"
