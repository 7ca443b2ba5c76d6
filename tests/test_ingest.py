"""Reading inputs: real bytes written the ways converters and editors write them."""

from __future__ import annotations

import hashlib
import html
import os
from pathlib import Path

import pytest

from unres.html_text import html_to_text
from unres.ingest import (
    Reject,
    decode_input,
    discover_inputs,
    read_and_hash,
    read_input,
    sha256_file,
)

REPO_RAW = Path(__file__).resolve().parents[1] / "raw"
SEED = REPO_RAW / "001_ef61d0dabfe29b93.txt"
LIMIT = 1_000_000

# The opening of A/RES/72/169 (seed 001), with its curly quotes.
PREAMBLE = (
    "Resolution adopted by the General Assembly on 19 December 2017\n\n"
    "72/169. Enhancement of international cooperation in the field of human rights\n\n"
    "The General Assembly,\n\n"
    "Recalling its resolution 70/1 of 25 September 2015, entitled \u201cTransforming our "
    "world: the 2030 Agenda for Sustainable Development\u201d,\n"
)
FRENCH = (
    "R\u00e9solution adopt\u00e9e par l\u2019Assembl\u00e9e g\u00e9n\u00e9rale le "
    "19 d\u00e9cembre 2017 \u00e0 Gen\u00e8ve\n"
)


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


DECODED = [
    ("utf-8", PREAMBLE.encode("utf-8"), PREAMBLE),
    ("utf-8 with BOM", b"\xef\xbb\xbf" + PREAMBLE.encode("utf-8"), PREAMBLE),
    ("windows-1252 curly quotes", (PREAMBLE + FRENCH).encode("cp1252"), PREAMBLE + FRENCH),
    ("latin-1", FRENCH.replace("\u2019", "'").encode("latin-1"), FRENCH.replace("\u2019", "'")),
    ("utf-16 LE with BOM", b"\xff\xfe" + PREAMBLE.encode("utf-16-le"), PREAMBLE),
    ("utf-16 BE with BOM", b"\xfe\xff" + PREAMBLE.encode("utf-16-be"), PREAMBLE),
    ("CRLF line ends", PREAMBLE.replace("\n", "\r\n").encode("utf-8"), PREAMBLE),
    ("old Mac CR line ends", PREAMBLE.replace("\n", "\r").encode("utf-8"), PREAMBLE),
    ("utf-16 with CRLF", PREAMBLE.replace("\n", "\r\n").encode("utf-16"), PREAMBLE),
    (
        "windows-1251 stays Cyrillic",
        "\u0413\u0435\u043d\u0435\u0440\u0430\u043b\u044c\u043d\u0430\u044f "
        "\u0410\u0441\u0441\u0430\u043c\u0431\u043b\u0435\u044f, \u0441\u0441\u044b\u043b"
        "\u0430\u044f\u0441\u044c \u043d\u0430 \u0441\u0432\u043e\u044e \u0440\u0435\u0437"
        "\u043e\u043b\u044e\u0446\u0438\u044e 70/1".encode("cp1251"),
        "\u0413\u0435\u043d\u0435\u0440\u0430\u043b\u044c\u043d\u0430\u044f "
        "\u0410\u0441\u0441\u0430\u043c\u0431\u043b\u0435\u044f, \u0441\u0441\u044b\u043b"
        "\u0430\u044f\u0441\u044c \u043d\u0430 \u0441\u0432\u043e\u044e \u0440\u0435\u0437"
        "\u043e\u043b\u044e\u0446\u0438\u044e 70/1",
    ),
]


@pytest.mark.parametrize(
    ("data", "expected"), [pytest.param(d, e, id=name) for name, d, e in DECODED]
)
def test_text_files_decode(tmp_path: Path, data: bytes, expected: str) -> None:
    assert read_input(_write(tmp_path, "A_RES_72_169.txt", data), max_bytes=LIMIT) == expected


def test_windows_1252_seed_reads_back_whole(tmp_path: Path) -> None:
    seed = SEED.read_text(encoding="utf-8")
    legacy = seed.encode("cp1252", errors="replace")  # superscripts 4-6 are not in cp1252
    assert "\u2019" in seed or "\u201c" in seed
    text = read_input(_write(tmp_path, "seed.txt", legacy), max_bytes=LIMIT)
    assert text == legacy.decode("cp1252")
    assert "entitled \u201cTransforming our world" in str(text)


REJECTED: list[tuple[str, bytes, str, str]] = [
    ("empty", b"", "empty", "no bytes"),
    ("whitespace only", b" \r\n\t\n  \n", "empty", "only whitespace"),
    ("utf-16 whitespace only", "  \r\n ".encode("utf-16"), "empty", "only whitespace"),
    ("NUL bytes", PREAMBLE.encode()[:40] + b"\x00\x00" + PREAMBLE.encode(), "binary", "NUL byte"),
    ("PNG header", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary", "PNG"),
    ("truncated PDF", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "pdf_corrupt", "PDFium cannot open"),
    ("control bytes", bytes(range(1, 9)) * 50, "binary", "control bytes"),
    ("no encoding fits", bytes(range(0x80, 0x100)) * 4, "not_utf8", "offset 0"),
    ("broken utf-16", b"\xff\xfe" + "ok".encode("utf-16-le") + b"\x00\xd8", "not_utf8", "utf-16"),
]


@pytest.mark.parametrize(
    ("data", "reason", "detail"),
    [pytest.param(d, r, t, id=name) for name, d, r, t in REJECTED],
)
def test_unreadable_bytes_are_rejected(
    tmp_path: Path, data: bytes, reason: str, detail: str
) -> None:
    result = read_input(_write(tmp_path, "input.txt", data), max_bytes=LIMIT)
    assert isinstance(result, Reject)
    assert result.reason == reason
    assert detail in result.detail


def test_too_large_is_rejected_before_reading(tmp_path: Path) -> None:
    path = _write(tmp_path, "big.txt", PREAMBLE.encode() * 10)
    result = read_input(path, max_bytes=100)
    assert result == Reject("too_large", f"{path.stat().st_size} bytes, the limit is 100")
    assert read_input(path, max_bytes=path.stat().st_size) == PREAMBLE * 10


def test_a_fifo_is_rejected_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    assert read_input(fifo, max_bytes=LIMIT) == Reject("unreadable", "not a regular file")


def _page(body: str) -> str:
    return (
        "<!DOCTYPE html>\n<html lang='en'><head><title>UN resolution 72/169 | Site</title>"
        "<style>p { margin: 0 }</style><script>var tracking = 'x';</script></head>\n"
        "<body><nav><ul><li><a href='/'>Home</a></li><li><a href='/docs'>Documents</a>"
        f"</li></ul></nav><main>{body}</main><footer><p>&copy; Site 2024</p></footer>"
        "</body></html>"
    )


def test_html_page_wrapping_a_seed_becomes_its_text(tmp_path: Path) -> None:
    seed = SEED.read_text(encoding="utf-8").strip()
    blocks = [block for block in seed.split("\n\n") if block.strip()]
    body = "".join(f"<p>{html.escape(block)}</p>\n" for block in blocks)
    # Web pages mark footnotes with <sup>; the parser reads them as in Markdown.
    body = body.replace("25 June 1993,\u00b9", "25 June 1993,<sup>1</sup>")
    text = read_input(_write(tmp_path, "page.html", _page(body).encode()), max_bytes=LIMIT)
    assert isinstance(text, str)
    assert text.startswith("General Assembly\n\nDistr.: General 23 January 2018\n\n")
    assert "25 June 1993,<sup>1</sup> for enhancing" in text
    assert "[*on the report of the Third Committee (A/72/439/Add.2)*]" in text
    assert "entitled \u201cTransforming our world" in text
    assert text.endswith("\u00a9 Site 2024")
    for chrome in ("tracking", "Home", "Documents", "UN resolution 72/169 | Site", "margin"):
        assert chrome not in text


def test_html_without_doctype_is_recognised_by_its_tags() -> None:
    paragraphs = "".join(f"<p>{n}. Decides to remain seized of the matter;</p>" for n in range(12))
    decoded = decode_input(f"<div>{paragraphs}</div>".encode())
    assert not isinstance(decoded, Reject)
    assert decoded.was_html
    assert decoded.text.startswith("0. Decides to remain seized of the matter;\n\n1. Decides")


def test_markdown_with_line_break_tags_stays_markdown() -> None:
    lines = [f"{n}. *Decides* to remain seized of the matter;<br>" for n in range(1, 13)]
    markdown = "## The Security Council,\n\n" + "\n\n".join(lines) + "\n"
    decoded = decode_input(markdown.encode())
    assert not isinstance(decoded, Reject)
    assert (decoded.text, decoded.was_html) == (markdown, False)


def test_page_with_no_text_is_empty() -> None:
    page = "<!DOCTYPE html><html><head><title>Resolution</title></head>"
    page += "<body><nav>Home</nav><script>render()</script></body></html>"
    assert decode_input(page.encode()) == Reject("empty", "a web page with no text")


@pytest.mark.parametrize("name", sorted(p.name for p in REPO_RAW.iterdir()))
def test_corpus_files_come_back_unchanged(name: str) -> None:
    """Markdown with <sup> tags, web-page text and PDF text are not mistaken for HTML."""
    path = REPO_RAW / name
    expected = path.read_bytes().decode("utf-8").replace("\r\n", "\n")
    decoded = decode_input(path.read_bytes())
    assert not isinstance(decoded, Reject)
    assert (decoded.text, decoded.was_html) == (expected, False)


HTML_FRAGMENTS = [
    ("footnote superscript kept", "in 1993,<sup>1</sup> for", "in 1993,<sup>1</sup> for"),
    ("linked footnote", 'peace<sup><a href="#fn2">[2]</a></sup> and', "peace<sup>2</sup> and"),
    ("ordinal read inline", "at its 4321<sup>st</sup> meeting", "at its 4321st meeting"),
    ("entities", "Côte d&#8217;Ivoire &amp; &quot;Sahel&quot;", "Côte d\u2019Ivoire & \"Sahel\""),
    ("line breaks", "Adopted<br>at the 5th meeting<br/>1946", "Adopted\nat the 5th meeting\n1946"),
    ("list items", "<ol><li>Decides;</li><li>Requests;</li></ol>", "Decides;\n\nRequests;"),
    ("pre keeps spacing", "<pre>   1.  Urges\n   2.  Calls</pre>", "1.  Urges\n   2.  Calls"),
    ("spaces collapse", "<p>Recalling\n    its   resolution</p>", "Recalling its resolution"),
    ("unclosed head", "<head><title>T</title><body><p>Text</p>", "Text"),
    ("table cells", "<table><tr><td>A/75/53</td><td>Report</td></tr></table>", "A/75/53 Report"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("page", "expected"), [pytest.param(p, e, id=name) for name, p, e in HTML_FRAGMENTS]
)
def test_html_to_text(page: str, expected: str) -> None:
    assert html_to_text(page) == expected


def test_sha256_file_hashes_the_bytes(tmp_path: Path) -> None:
    data = SEED.read_bytes()
    assert sha256_file(_write(tmp_path, "seed.txt", data)) == hashlib.sha256(data).hexdigest()


@pytest.fixture
def raw_tree(tmp_path: Path) -> Path:
    raw = tmp_path / "raw"
    (raw / "ga 80" / "résolutions").mkdir(parents=True)
    (raw / ".git").mkdir()
    (raw / ".git" / "HEAD").write_text("ref: main")
    (raw / ".DS_Store").write_bytes(b"\x00\x00")
    (raw / "A_RES_80_11.md").write_text(PREAMBLE)
    (raw / "A_RES_80_11.txt").write_text(PREAMBLE)
    (raw / "ga 80" / "résolutions" / "A RES 80 5 (Año).txt").write_text(FRENCH)
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "secret.txt").write_text("not an input")
    (raw / "escape.txt").symlink_to(outside / "secret.txt")
    (raw / "escape_dir").symlink_to(outside)
    (raw / "alias.md").symlink_to(raw / "A_RES_80_11.md")
    (raw / "ga 80" / "loop").symlink_to(raw / "ga 80")
    (raw / "dangling.txt").symlink_to(raw / "gone.txt")
    return raw


def test_discover_lists_inputs_sorted_with_slash_ids(raw_tree: Path) -> None:
    found = discover_inputs(raw_tree)
    assert [entry.doc_id for entry in found] == [
        "A_RES_80_11.md",
        "A_RES_80_11.txt",
        "alias.md",
        "dangling.txt",
        "escape.txt",
        "escape_dir",
        "ga 80/résolutions/A RES 80 5 (Año).txt",
    ]
    by_id = {entry.doc_id: entry for entry in found}
    nested = by_id["ga 80/résolutions/A RES 80 5 (Año).txt"]
    assert nested.problem is None
    assert read_input(nested.path, max_bytes=LIMIT) == FRENCH


def test_discover_follows_links_only_inside_raw(raw_tree: Path) -> None:
    by_id = {entry.doc_id: entry for entry in discover_inputs(raw_tree)}
    alias = by_id["alias.md"]
    # Read at its target, which is inside the input directory.
    assert (alias.path, alias.doc_id, alias.problem) == (
        (raw_tree / "A_RES_80_11.md").resolve(),
        "alias.md",
        None,
    )
    assert read_input(alias.path, max_bytes=LIMIT) == PREAMBLE
    for escaping in ("escape.txt", "escape_dir"):
        problem = by_id[escaping].problem
        assert problem is not None
        assert problem.reason == "symlink_outside_raw"
        # No path outside the input directory is ever printed.
        assert "elsewhere" not in problem.detail and str(raw_tree.parent) not in problem.detail
    dangling = by_id["dangling.txt"].problem
    assert dangling is not None and dangling.reason == "unreadable"
    assert "broken link" in dangling.detail


def test_symbolic_link_loops_are_rejects_not_crashes(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(PREAMBLE)
    (tmp_path / "self.txt").symlink_to("self.txt")
    (tmp_path / "a.txt").symlink_to("b.txt")
    (tmp_path / "b.txt").symlink_to("a.txt")

    by_id = {entry.doc_id: entry for entry in discover_inputs(tmp_path)}

    assert by_id["good.txt"].problem is None
    for looping in ("self.txt", "a.txt", "b.txt"):
        problem = by_id[looping].problem
        assert problem == Reject("unreadable", "a symbolic link loop"), looping


def test_a_file_swapped_after_the_listing_is_not_read(tmp_path: Path) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text("a private file")
    raw = tmp_path / "raw"
    raw.mkdir()
    for name in ("linked.txt", "replaced.txt", "kept.txt"):
        (raw / name).write_text(PREAMBLE)
    listed = {entry.doc_id: entry for entry in discover_inputs(raw)}
    # After the listing, one input becomes a link to an outside file, another is
    # replaced by a new file (another inode).
    (raw / "linked.txt").unlink()
    (raw / "linked.txt").symlink_to(outside)
    (raw / "new.tmp").write_text("another text")  # made while the old one exists
    (raw / "new.tmp").replace(raw / "replaced.txt")

    def read(name: str) -> object:
        item = listed[name]
        return read_and_hash(item.path, max_bytes=LIMIT, identity=item.identity)

    assert read("linked.txt") == Reject(
        "unreadable", "replaced by a symbolic link since it was listed"
    )
    assert read("replaced.txt") == Reject(
        "unreadable", "replaced by another file since it was listed"
    )
    kept = read("kept.txt")
    assert not isinstance(kept, Reject)


def test_two_names_that_give_one_doc_id_get_distinct_stable_ids(tmp_path: Path) -> None:
    (tmp_path / os.fsdecode(b"r\xe9solution.txt")).write_text(PREAMBLE)
    (tmp_path / "r\\xe9solution.txt").write_text("the same name, literally")

    first = [(entry.doc_id, entry.location) for entry in discover_inputs(tmp_path)]
    again = [(entry.doc_id, entry.location) for entry in discover_inputs(tmp_path)]

    assert first == again
    assert [doc_id for doc_id, _ in first] == ["r\\xe9solution.txt", "r\\xe9solution.txt#2"]
    # The name that is the id's text keeps the id.
    assert first[0][1] == str(tmp_path / "r\\xe9solution.txt")


def test_discover_names_undecodable_file_names_readably(tmp_path: Path) -> None:
    (tmp_path / os.fsdecode(b"r\xe9solution.txt")).write_text(PREAMBLE)
    [entry] = discover_inputs(tmp_path)
    assert entry.doc_id == "r\\xe9solution.txt"
    assert entry.doc_id.encode("utf-8")  # storable in Parquet
    assert read_input(entry.path, max_bytes=LIMIT) == PREAMBLE
