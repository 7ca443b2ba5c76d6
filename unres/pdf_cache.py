"""Extracted PDF texts kept by the PDF's sha256 and the extractor's version.

A rebuild after a parser change parses every input again but extracts no PDF
twice. Entries are written to a temporary file and renamed into place, so
concurrent builds sharing the cache never see half an entry (the last writer of
the same entry wins, with the same content); an entry that cannot be read counts
as missing. The directory can be deleted at any time: it only costs the next
build the extraction. Entries of other extractor versions are never read.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from schemas.vocabulary import RejectReason
from unres.pdf_text import EXTRACTOR_VERSION, PdfText
from unres.reject import Reject

# Where a build keeps its cache, under its --out directory.
PDF_CACHE_DIR = Path(".cache") / "pdf"


def _entry(cache: Path, sha256: str) -> Path:
    return cache / EXTRACTOR_VERSION / sha256[:2] / f"{sha256}.json"


def cached_extraction(cache: Path, sha256: str) -> PdfText | Reject | None:
    """The extraction stored for ``sha256``, or None when there is none to be had."""
    try:
        with _entry(cache, sha256).open(encoding="utf-8") as stream:
            stored = json.load(stream)
        if "reject" in stored:
            return Reject(RejectReason.of(stored["reject"]), str(stored["detail"]))
        return PdfText(str(stored["text"]), int(stored["pages"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def store_extraction(cache: Path, sha256: str, extraction: PdfText | Reject) -> None:
    """Keep ``extraction`` for ``sha256``; a cache that cannot be written is skipped
    (the build goes on, extracting again next time)."""
    entry = _entry(cache, sha256)
    stored = (
        {"text": extraction.text, "pages": extraction.pages}
        if isinstance(extraction, PdfText)
        else {"reject": extraction.reason, "detail": extraction.detail}
    )
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=entry.parent, prefix=".tmp-")
    except OSError:
        return
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            json.dump(stored, stream, ensure_ascii=False)
        os.replace(temporary, entry)
    except OSError:
        Path(temporary).unlink(missing_ok=True)
