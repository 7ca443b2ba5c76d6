"""Why an input cannot be read or parsed: one type for every stage that rejects
(text and PDF ingest, the PDF cache, the parse worker, batches)."""

from __future__ import annotations

from dataclasses import dataclass

from schemas.vocabulary import RejectReason


@dataclass(frozen=True, slots=True)
class Reject:
    """A code for ``rejects.reason`` and a detail."""

    reason: RejectReason
    detail: str
