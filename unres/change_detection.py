"""Which inputs are unchanged since the previous release, so their rows are kept.

As git trusts its index, an input whose file signature (``ingest.FileSignature``) is
the one recorded is taken as unchanged without being read; any other is hashed and
compared with the recorded sha256.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from unres.ingest import InputFile, InputRecord, sha256_file


def find_unchanged(
    inputs: Iterable[InputFile], previous: Mapping[str, InputRecord]
) -> dict[str, InputRecord]:
    """The inputs whose bytes are those ``previous`` (the previous release's records, by
    doc_id) hashed, by doc_id, with what the next release records of them.

    An input whose signature equals the recorded one is not read; any other is hashed.
    """
    unchanged = {}
    for item in inputs:
        before = previous.get(item.doc_id)
        if before is None or before.sha256 is None or item.problem is not None:
            continue
        if item.signature is not None and item.signature == before.signature:
            unchanged[item.doc_id] = before
            continue
        try:
            now = sha256_file(item.path)
        except OSError:
            continue  # parsed again, and rejected there with the reason
        if now == before.sha256:
            unchanged[item.doc_id] = InputRecord(item.doc_id, now, item.signature)
    return unchanged
