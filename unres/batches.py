"""One batch of input files -> one validated shard.

A shard is a directory holding one Parquet file per batch table. Shards are written
and validated one batch at a time, so memory stays flat however large the corpus is.
Each is sorted by the tables' keys, and batches are consecutive runs of the inputs in
doc_id order, so concatenating shards in order sorts them without a global sort.
Every input of a batch lands in its documents or its rejects.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from schemas import validate_or_quarantine
from schemas.vocabulary import RejectReason
from unres.ingest import InputFile, InputRecord, read_and_hash
from unres.parquet_layout import write_shard_table
from unres.parse.classify import (
    NOT_A_RESOLUTION_DETAIL,
    NOT_ADOPTED_DETAIL,
    adopted_text_heading,
    not_a_resolution,
)
from unres.parse_worker import (
    DEFAULT_PARSER,
    DEFAULT_TIME_LIMIT,
    ParseWorker,
    worker_of_this_thread,
)
from unres.reject import Reject
from unres.tables import ParsedInput, RejectedInput, build_tables


@dataclass(frozen=True, slots=True)
class ShardResult:
    shard: str
    # What the release manifest records of every input of the batch.
    inputs: tuple[InputRecord, ...]
    documents: int
    rejects: int


def process_batch(
    inputs: Sequence[InputFile],
    shard_dir: str,
    *,
    max_bytes: int,
    pdf_cache: Path | None = None,
    time_limit: float = DEFAULT_TIME_LIMIT,
    parser: str = DEFAULT_PARSER,
) -> ShardResult:
    """Read, parse, tabulate and validate one batch; write it as a shard.

    PDFs are extracted here, in the batch's worker, through ``pdf_cache`` when given.
    Each text is parsed in a child process (``ParseWorker``: ``parser`` given
    ``time_limit`` CPU seconds per text); documents whose rows break a row rule of
    the schemas are quarantined (``validate_or_quarantine``).
    """
    parsed: list[ParsedInput] = []
    rejected: list[RejectedInput] = []
    records: list[InputRecord] = []
    worker = worker_of_this_thread(time_limit, parser)
    for item in inputs:
        outcome = process_input(item, max_bytes=max_bytes, pdf_cache=pdf_cache, worker=worker)
        if isinstance(outcome, ParsedInput):
            parsed.append(outcome)
        else:
            rejected.append(outcome)
        records.append(InputRecord(item.doc_id, outcome.sha256, item.signature))
    tables = validate_or_quarantine(build_tables(parsed, rejected))
    shard = Path(shard_dir)
    shard.mkdir(parents=True, exist_ok=True)
    for name, frame in tables.items():
        write_shard_table(name, frame, shard)
    return ShardResult(
        shard=str(shard),
        inputs=tuple(records),
        documents=tables["documents"].height,
        rejects=tables["rejects"].height,
    )


def process_input(
    item: InputFile,
    *,
    max_bytes: int,
    pdf_cache: Path | None = None,
    worker: ParseWorker | None = None,
) -> ParsedInput | RejectedInput:
    """One input read, parsed and judged: its document, or its reject with the reason.
    A PDF's extraction goes through ``pdf_cache`` when given; the text is parsed by
    ``worker``, by default this thread's (``worker_of_this_thread``)."""
    path = item.path
    if item.problem is not None:
        return _rejected(item, None, item.problem)
    read = read_and_hash(path, max_bytes=max_bytes, pdf_cache=pdf_cache, identity=item.identity)
    if isinstance(read, Reject):  # the bytes were not read: no hash
        return _rejected(item, None, read)
    sha256, decoded = read.sha256, read.decoded
    if isinstance(decoded, Reject):
        return _rejected(item, sha256, decoded)
    if decoded.was_pdf and adopted_text_heading(decoded.text) is None:
        # An official PDF says on its first page what it is; reports, letters, notes
        # and drafts carry no resolution symbol and no "adopted by" heading.
        return _rejected(item, sha256, Reject(RejectReason.NOT_A_RESOLUTION, NOT_ADOPTED_DETAIL))
    document = (worker or worker_of_this_thread()).parse(decoded.text)
    if isinstance(document, Reject):  # one bad document must never fail the build
        return _rejected(item, sha256, document)
    reason = not_a_resolution(document, was_html=decoded.was_html)
    if reason is not None:
        return _rejected(item, sha256, Reject(RejectReason.of(reason), NOT_A_RESOLUTION_DETAIL))
    return ParsedInput(doc_id=item.doc_id, sha256=sha256, document=document)


def _rejected(item: InputFile, sha256: str | None, reject: Reject) -> RejectedInput:
    return RejectedInput(
        path=item.doc_id, sha256=sha256, reason=reject.reason, detail=reject.detail
    )
