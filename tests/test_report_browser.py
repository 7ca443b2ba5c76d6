"""report.html as a person sees it: headless Chromium draws every plot.

The browser is Debian's chromium at /usr/bin/chromium (``make test`` installs it
through scripts/ensure-chromium when run as root), driven by Playwright; Playwright's
own browser builds are never downloaded.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image
from playwright.sync_api import Browser, ConsoleMessage, ViewportSize, sync_playwright

from tests.test_report import SECTIONS, TABLE_SECTIONS
from unres.report import write_report

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",  # Chromium will not start as root with its sandbox on
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    # Without these Chromium keeps calling home for updates, sync and field trials,
    # which a closed network answers with a flood of failed connections.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VIEWPORT: ViewportSize = {"width": 1200, "height": 900}
BACKGROUND = (255, 255, 255)
BAR_COLOUR = (0x44, 0x72, 0xC4)  # unres.report's bars
# On the test release 19-50% of a plot's pixels are drawn and 15-44% are bars; an
# empty or unrendered SVG has none, and axes without bars stay under 5%.
MIN_DRAWN_SHARE = 0.10
MIN_BAR_SHARE = 0.05
# An element's box in page pixels, the full-page screenshot's coordinates.
_PAGE_BOX = """plot => {
    const box = plot.getBoundingClientRect();
    return [box.left + window.scrollX, box.top + window.scrollY,
            box.right + window.scrollX, box.bottom + window.scrollY];
}"""


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        reason = (
            f"no {CHROMIUM}: run scripts/ensure-chromium as root "
            "(or apt-get install chromium) for the browser check of report.html"
        )
        if os.environ.get("CI") == "true":
            pytest.fail(reason)  # CI must run the check, never pass without it
        pytest.skip(reason)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def _pixel_shares(image: Image.Image) -> tuple[float, float]:
    """Shares of the image's pixels that are not background, and that are bar-coloured."""
    image = image.convert("RGB")
    total = image.width * image.height
    counts = {colour: n for n, colour in image.getcolors(maxcolors=total) or []}
    drawn = total - counts.get(BACKGROUND, 0)
    return drawn / total, counts.get(BAR_COLOUR, 0) / total


def test_every_plot_renders_in_chromium(browser: Browser, release: Path, tmp_path: Path) -> None:
    report = write_report(release)
    page = browser.new_page(viewport=VIEWPORT, device_scale_factor=1)
    problems: list[str] = []
    requested: list[str] = []

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            problems.append(f"console error: {message.text}")

    page.on("console", on_console)
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    page.on("request", lambda request: requested.append(request.url))
    page.goto(report.as_uri(), wait_until="load")
    screenshot = tmp_path / "report.png"
    page.screenshot(path=screenshot, full_page=True)

    assert page.locator("section.plot > h2").all_inner_texts() == SECTIONS
    plots = page.locator("section.plot > svg").all()
    assert len(plots) == len(SECTIONS)
    shot = Image.open(screenshot)
    for title, plot in zip(SECTIONS, plots, strict=True):
        left, top, right, bottom = (round(edge) for edge in plot.evaluate(_PAGE_BOX))
        assert right > left and bottom > top, title
        assert right <= VIEWPORT["width"], title  # scaled down to fit the page
        assert bottom <= shot.height, title  # the whole page was taken, not its first screen
        drawn, bars = _pixel_shares(shot.crop((left, top, right, bottom)))
        assert drawn >= MIN_DRAWN_SHARE, (title, drawn)
        assert bars >= MIN_BAR_SHARE, (title, bars)
    # The analysts' tables: each shown with its rows, documents linked to undocs.org.
    tables = page.locator("section.table")
    assert tables.locator("h2").all_inner_texts() == TABLE_SECTIONS
    for title, table in zip(TABLE_SECTIONS, tables.all(), strict=True):
        assert table.locator("tbody tr").count() > 0, title
        assert table.locator("tbody tr").first.is_visible(), title
    links = page.locator('section.table a[href^="https://undocs.org/"]')
    assert links.count() > 0 and links.first.is_visible()
    assert problems == []
    assert requested == [report.as_uri()]  # nothing fetched at view time
