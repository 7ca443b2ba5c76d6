"""Official PDFs in: text and layout, rejects, the extraction cache, a batch with PDFs.

The real PDFs in tests/fixtures/pdf are copied from the shared bulk corpus: A/RES/79/3
(2 pages, one footnote), A/RES/79/117 (8 pages, 30 footnotes, one split across two
pages) with its PyMuPDF text twin, and A/52/826 (a report, not a resolution). The
bad PDFs, and a Security Council resolution laid out as the UN sets one (no such
PDF is in the shared corpus), are made here, by ``make_pdf``.
"""

from __future__ import annotations

import multiprocessing
import re
from pathlib import Path

import polars as pl
import pytest

from tests.eval.pdf_twins import FIELD_GROUPS, disagreements
from unres import pdf_cache
from unres.batches import process_batch
from unres.ingest import DecodedText, decode_input, discover_inputs, read_pdf
from unres.parse import parse_text
from unres.parse.classify import adopted_text_heading
from unres.pdf_text import PdfText, extract_pdf
from unres.reject import Reject

FIXTURES = Path(__file__).parent / "fixtures" / "pdf"
SMALL = FIXTURES / "A_RES_79_3.pdf"
LONG = FIXTURES / "A_RES_79_117.pdf"
REPORT = FIXTURES / "A_52_826.en.pdf"


def make_pdf(pages: list[bytes], *, encrypted: bool = False) -> bytes:
    """A minimal PDF: one Letter page per content stream, fonts F1 Helvetica and F2
    Times-Italic (standard fonts, no descriptors: italic only by name)."""
    objects: list[bytes] = [
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Times-Italic >>",
    ]
    pages_id = len(objects) + 2 * len(pages) + 1
    kids = []
    for content in pages:
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content))
        objects.append(
            b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] /Contents %d 0 R "
            b"/Resources << /Font << /F1 1 0 R /F2 2 0 R >> >> >>" % (pages_id, len(objects))
        )
        kids.append(b"%d 0 R" % len(objects))
    objects.append(b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(kids), len(kids)))
    objects.append(b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id)
    trailer = b"/Root %d 0 R" % len(objects)
    if encrypted:  # the standard handler, with keys no empty password opens
        objects.append(
            b"<< /Filter /Standard /V 1 /R 2 /O <%s> /U <%s> /P -4 >>" % (b"11" * 32, b"22" * 32)
        )
        trailer += b" /Encrypt %d 0 R /ID [<%s> <%s>]" % (len(objects), b"ab" * 16, b"ab" * 16)
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d %s >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        trailer,
        xref,
    )
    return bytes(out)


def text_page(*lines: str) -> bytes:
    shown = b" ".join(b"(%s) Tj 0 -14 Td" % line.encode() for line in lines)
    return b"BT /F1 11 Tf 72 700 Td " + shown + b" ET"


# A run of text: font (F1 roman, F2 italic), size, rise above the baseline, text.
Run = tuple[str, float, float, str]


def laid_out_page(lines: list[tuple[float, float, list[Run]]]) -> bytes:
    """A content stream setting each line's runs from (x, y)."""
    out = [b"BT"]
    for x, y, runs in lines:
        out.append(b"1 0 0 1 %.1f %.1f Tm" % (x, y))
        for font, size, rise, text in runs:
            escaped = text.replace("(", "\\(").replace(")", "\\)").encode("latin-1")
            out.append(b"/%s %.1f Tf %.1f Ts (%s) Tj" % (font.encode(), size, rise, escaped))
    out.append(b"0 Ts ET")
    return b"\n".join(out)


def roman(text: str, size: float = 10.0, rise: float = 0.0) -> Run:
    return ("F1", size, rise, text)


def italic(text: str) -> Run:
    return ("F2", 10.0, 0.0, text)


def security_council_pdf() -> bytes:
    """A Security Council resolution as the UN sets one: masthead, "Adopted by the
    Security Council at its ...th meeting" heading, italic opening phrases, a footnote
    under a rule, a job number at the foot, a running header and page number on page 2."""
    first = [
        (72, 740, [roman("United Nations", 14), roman("  S/RES/2720 (2023)")]),
        (72, 712, [roman("Security Council", 20), roman("  Distr.: General")]),
        (400, 693, [roman("22 December 2023")]),
        (120, 640, [roman("Resolution 2720 (2023)", 12)]),
        (120, 622, [roman("Adopted by the Security Council at its 9520th meeting, on", 12)]),
        (120, 608, [roman("22 December 2023", 12)]),
        (144, 580, [italic("The Security Council,")]),
        (144, 562, [italic("Recalling"), roman(" its previous resolutions on the situation,")]),
        (
            120,
            550,
            [roman("including resolution 2712 (2023) of 15 November 2023,"), roman("1", 6.5, 3.5)],
        ),
        (144, 532, [italic("Deeply concerned"), roman(" by the humanitarian situation,")]),
        (144, 514, [roman("1. "), italic("Demands"), roman(" that all parties comply with their")]),
        (120, 502, [roman("obligations under international law;")]),
        (144, 484, [roman("2. "), italic("Requests"), roman(" the Secretary-General to report;")]),
        (100, 120, [roman("__________________", 8)]),
        (110, 108, [roman("1", 5.5, 3), roman(" S/2023/100.", 8.5)]),
        (72, 40, [roman("23-41234 (E)")]),
    ]
    second = [
        (72, 750, [roman("S/RES/2720 (2023)", 8.5)]),
        (144, 700, [roman("3. "), italic("Decides"), roman(" to remain seized of the matter.")]),
        (72, 40, [roman("2/2   23-41234", 8.5)]),
    ]
    return make_pdf([laid_out_page(first), laid_out_page(second)])


def extracted(path: Path) -> str:
    result = extract_pdf(path.read_bytes())
    assert isinstance(result, PdfText), result
    return result.text


# --- text and layout of real PDFs ------------------------------------------------------


def test_italic_opening_phrases_are_marked_and_whole_italic_lines_are_not() -> None:
    text = extracted(SMALL)
    assert "*Having considered* chapter V of the report" in text
    assert "2. *Also reaffirms* its resolution 54/237 C" in text
    # "The General Assembly," is italic to its end: a formula, not an opening phrase.
    assert "\nThe General Assembly,\n" in text


def test_superscript_becomes_a_marker_and_the_footnote_a_definition() -> None:
    text = extracted(SMALL)
    assert "on its eighty-fourth session,[^1]\n" in text
    assert text.count("[^1]: Official Records of the General Assembly, Seventy-ninth") == 1


def test_job_number_barcode_and_running_header_are_dropped() -> None:
    text = extracted(SMALL)
    assert "24-18683" not in text  # job number, on both pages
    assert "*2418683*" not in text and "2418683" not in text  # barcode font
    assert "2/2" not in text  # page number
    assert text.count("A/RES/79/3") == 1  # the masthead's, not the running header's
    assert text.startswith("United Nations A/RES/79/3\n")


def test_paragraphs_are_separated_by_the_spacing_between_them() -> None:
    paragraphs = extracted(SMALL).split("\n\n")
    numbered = [p for p in paragraphs if re.match(r"\d\. ", p)]
    assert [p[:2] for p in numbered] == ["1.", "2.", "3.", "4.", "5.", "6."]
    # Paragraph 5 opens page 2, behind the running header: nothing of it shows.
    assert numbered[4].startswith("5. *Agrees* that the failure of Sao Tome")


def test_a_footnote_split_across_pages_is_one_note() -> None:
    text = extracted(LONG)
    notes = [line for line in text.splitlines() if line.startswith("[^27]:")]
    assert notes == [
        "[^27]: See resolutions 59/39, para. 9, and 65/21, para. 18; see also Official "
        "Records of the General Assembly, Fifty-ninth Session, Supplement No. 17 (A/59/17), "
        "paras. 124–128."
    ]


def test_a_paragraph_split_across_pages_stays_whole() -> None:
    document = parse_text(extracted(LONG))
    preamble = [p.text for p in document.paragraphs if p.kind == "preambular"]
    assert any(
        "to maintain close cooperation with other international organs" in p for p in preamble
    )


def test_the_pdf_gives_the_rows_of_its_text_twin() -> None:
    pdf = parse_text(extracted(LONG))
    twin = parse_text((FIXTURES / "A_RES_79_117.txt").read_text(encoding="utf-8"))
    differing = {d.group for d in disagreements("A_RES_79_117", pdf, twin)}
    # The twin never lists footnote 25 (a bare URL); the PDF marks it and lists it.
    assert differing == {"counts", "footnotes"}
    assert set(FIELD_GROUPS) - differing >= {"symbol", "title", "dates", "verbs", "citations"}
    assert pdf.header.symbol == "A/RES/79/117"
    assert [p.verb for p in pdf.paragraphs if p.kind == "operative"][:3] == [
        "Takes note with appreciation",
        "Commends",
        "Also commends",
    ]


def test_a_security_council_pdf_reads_by_the_same_rules() -> None:
    text = extract_pdf(security_council_pdf())
    assert isinstance(text, PdfText)
    assert adopted_text_heading(text.text) == "the masthead symbol S/RES/2720"
    assert "23-41234" not in text.text and "2/2" not in text.text
    document = parse_text(text.text)
    header = document.header
    assert (header.symbol, header.organ, header.meeting_number) == (
        "S/RES/2720 (2023)",
        "Security Council",
        9520,
    )
    assert str(header.adoption_date) == "2023-12-22"
    assert [(p.kind, p.number, p.verb) for p in document.paragraphs] == [
        ("preambular", None, "Recalling"),
        ("preambular", None, "Deeply concerned"),
        ("operative", 1, "Demands"),
        ("operative", 2, "Requests"),
        ("operative", 3, "Decides"),
    ]
    assert document.paragraphs[0].text.endswith("of 15 November 2023,")
    assert document.paragraphs[0].footnotes == (1,)
    assert [(f.number, f.text) for f in document.footnotes] == [(1, "S/2023/100.")]


@pytest.mark.parametrize(("gap", "expected"), [(150, "4–15 September"), (250, "4 –15 September")])
def test_a_space_pdfium_makes_up_beside_a_dash_goes_when_the_gap_is_kerning(
    gap: int, expected: str
) -> None:
    """PDFium writes "4 –15" where a range's figures stand 1.1 pt apart (A/RES/79/153,
    note 13); a gap of a quarter of the type size is a real space."""
    content = b"BT /F1 10 Tf 100 600 Td [(Beijing, 4) -%d (\xb115 September 1995)] TJ ET" % gap
    result = extract_pdf(make_pdf([content]))
    assert isinstance(result, PdfText)
    assert expected in result.text


# --- what a PDF is -----------------------------------------------------------------------


def test_resolutions_show_their_adoption_on_the_first_page() -> None:
    assert adopted_text_heading(extracted(SMALL)) == "the masthead symbol A/RES/79/3"
    assert adopted_text_heading(extracted(REPORT)) is None
    sc = "United Nations S/RES/2719 (2023)\nSecurity Council Distr.: General\n"
    assert adopted_text_heading(sc) == "the masthead symbol S/RES/2719"
    hrc = (
        "United Nations A/HRC/58/L.1\n\n"
        "Resolution adopted by the Human Rights Council on 3 April 2025\n"
    )
    assert adopted_text_heading(hrc) == "the heading 'Resolution adopted by the'"
    draft = "United Nations S/2025/68\nSecurity Council\nUnited Kingdom: draft resolution\n"
    assert adopted_text_heading(draft) is None


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("encrypted", make_pdf([text_page("Hello")], encrypted=True), "pdf_encrypted"),
        ("truncated", SMALL.read_bytes()[: SMALL.stat().st_size // 2], "pdf_corrupt"),
        ("garbage after the header", b"%PDF-1.7\n" + bytes(range(256)) * 4, "pdf_corrupt"),
        ("a scan: drawings, no text", make_pdf([b"0 0 1 rg 72 72 200 200 re f"]), "no_text_layer"),
        ("thousands of pages", make_pdf([b""] * 1001), "too_many_pages"),
    ],
)
def test_bad_pdfs_are_rejected_with_a_reason(name: str, data: bytes, reason: str) -> None:
    result = decode_input(data)
    assert isinstance(result, Reject), name
    assert result.reason == reason
    assert result.detail


def test_a_made_pdf_reads_without_layout_surprises() -> None:
    result = extract_pdf(make_pdf([text_page("First line", "Second line")]))
    assert result == PdfText("First line\nSecond line\n", 1)


# --- the extraction cache -------------------------------------------------------------------


def test_a_cached_extraction_is_not_extracted_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = SMALL.read_bytes()
    first = read_pdf(data, sha256="ab" * 32, cache=tmp_path)
    assert isinstance(first, DecodedText) and first.was_pdf

    def no_extraction(_data: bytes) -> PdfText:
        raise AssertionError("extracted twice")

    monkeypatch.setattr("unres.ingest.extract_pdf", no_extraction)
    assert read_pdf(data, sha256="ab" * 32, cache=tmp_path) == first


def test_rejects_are_cached_too(tmp_path: Path) -> None:
    reject = Reject("no_text_layer", "none of its 1 pages has text")
    pdf_cache.store_extraction(tmp_path, "cd" * 32, reject)
    assert pdf_cache.cached_extraction(tmp_path, "cd" * 32) == reject


def test_a_damaged_or_foreign_entry_counts_as_missing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pdf_cache.store_extraction(tmp_path, "ef" * 32, PdfText("text", 1))
    [entry] = tmp_path.rglob("*.json")
    entry.write_text('{"text": "cut sh')
    assert pdf_cache.cached_extraction(tmp_path, "ef" * 32) is None
    pdf_cache.store_extraction(tmp_path, "ef" * 32, PdfText("text", 1))
    monkeypatch.setattr(pdf_cache, "EXTRACTOR_VERSION", "another-extractor")
    assert pdf_cache.cached_extraction(tmp_path, "ef" * 32) is None


def test_a_cache_that_cannot_be_written_is_skipped(tmp_path: Path) -> None:
    blocked = tmp_path / "file-in-the-way"
    blocked.write_text("")
    pdf_cache.store_extraction(blocked, "01" * 32, PdfText("text", 1))
    assert pdf_cache.cached_extraction(blocked, "01" * 32) is None


def _store_many(cache: str, text: str) -> None:
    for _ in range(200):
        pdf_cache.store_extraction(Path(cache), "99" * 32, PdfText(text, 1))


def test_concurrent_writers_never_leave_half_an_entry(tmp_path: Path) -> None:
    text = "x" * 200_000
    context = multiprocessing.get_context("spawn")
    writers = [context.Process(target=_store_many, args=(str(tmp_path), text)) for _ in range(2)]
    for writer in writers:
        writer.start()
    seen = 0
    while any(writer.is_alive() for writer in writers):
        found = pdf_cache.cached_extraction(tmp_path, "99" * 32)
        assert found is None or found == PdfText(text, 1)
        seen += found is not None
    for writer in writers:
        writer.join()
    assert pdf_cache.cached_extraction(tmp_path, "99" * 32) == PdfText(text, 1)
    assert not list(tmp_path.rglob(".tmp-*"))


# --- a batch with PDFs, as a build's worker runs it ---------------------------------------


def test_a_batch_reads_pdfs_beside_texts(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    for source in (SMALL, REPORT):
        (raw / source.name).write_bytes(source.read_bytes())
    (raw / "scan.pdf").write_bytes(make_pdf([b"0 0 1 rg 72 72 200 200 re f"]))
    cache = tmp_path / "cache"
    result = process_batch(
        discover_inputs(raw), str(tmp_path / "shard"), max_bytes=10**7, pdf_cache=cache
    )
    assert (result.documents, result.rejects) == (1, 2)
    documents = pl.read_parquet(tmp_path / "shard" / "documents.parquet")
    assert documents.select(
        "doc_id", "symbol", "n_preambular", "n_operative", "n_footnotes"
    ).rows() == [("A_RES_79_3.pdf", "A/RES/79/3", 2, 6, 1)]
    rejects = pl.read_parquet(tmp_path / "shard" / "rejects.parquet")
    assert rejects.select("path", "reason").rows() == [
        ("A_52_826.en.pdf", "not_a_resolution"),
        ("scan.pdf", "no_text_layer"),
    ]
    assert len(list(cache.rglob("*.json"))) == 3  # the reject's extraction too
