"""``make test-slow``: a fuzz campaign of mutated real texts through the build's
per-batch path (parse in a child process within the time limit, tabulate, validate
and quarantine). No input may escape (every text is a document or a reject), stall
past the limit, make the parser raise, or stop a build (a table-level failure).

FUZZ_TEXTS sets the number of texts (default 100,000); they are cut into batches as
the build cuts inputs, and the batches are shared out over the machine's cores.
"""

from __future__ import annotations

import multiprocessing
import os
import random
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field

import pytest

from tests.conftest import RAW

TEXTS = int(os.environ.get("FUZZ_TEXTS", "100000"))
BATCH = 1000
TIME_LIMIT = 5.0
# Wall time the parent may wait for one text beyond the CPU limit (polling, a loaded
# machine): a text held longer than this has stalled the batch.
WAIT_SLACK = 30.0
SOURCES = sorted(RAW.glob("*.txt"))
# Pieces that stress the patterns: symbols, markup, markers, numbers, odd spaces.
JUNK = [
    "A/",
    "A/RES/",
    " 1",
    "<sup>",
    "</sup>",
    "\n",
    "\n\n",
    "\x0c",
    "and ",
    "1. ",
    "(a) ",
    "¹",
    "*",
    "_",
    "Resolution adopted by the General Assembly on ",
    "The General Assembly,\n",
    "at its 0th meeting",
    "1 January 1553",
    "31 December 2099",
    "S/RES/",
    " (",
    ")",
    "\u00a0",
    "\u0663",
    "[^1]:",
    "|",
]


@dataclass
class Tally:
    texts: int = 0
    documents: int = 0
    reasons: Counter[str] = field(default_factory=Counter)
    slowest: float = 0.0
    failures: list[str] = field(default_factory=list)


def mutated(rng: random.Random, sources: list[str]) -> str:
    """A window of a real text, damaged one to four times."""
    text = rng.choice(sources)
    start = rng.randrange(len(text))
    text = text[start : start + rng.choice((300, 2000, 8000, 30000))]
    for _ in range(rng.randint(1, 4)):
        at = rng.randrange(len(text) + 1)
        action = rng.randrange(6)
        if action == 0:  # a span deleted
            text = text[:at] + text[at + rng.randint(1, 400) :]
        elif action == 1:  # a span repeated
            span = text[at : at + rng.randint(1, 400)]
            text = text[:at] + span * rng.randint(2, 30) + text[at:]
        elif action == 2:  # junk inserted, often repeated
            junk = "".join(rng.choice(JUNK) for _ in range(rng.randint(1, 5)))
            text = text[:at] + junk * rng.choice((1, 1, 10, 500)) + text[at:]
        elif action == 3:  # digits changed
            text = "".join(
                rng.choice("0123456789") if c.isdigit() and rng.random() < 0.3 else c for c in text
            )
        elif action == 4:  # lines shuffled
            lines = text.split("\n")
            rng.shuffle(lines)
            text = "\n".join(lines)
        else:  # cut short
            text = text[:at]
    return text


def run_batch(first: int, count: int) -> Tally:
    """Texts ``first`` .. ``first + count``, each from its own seed, as one batch."""
    from schemas import SchemaViolation, validate_or_quarantine
    from unres.parse.classify import not_a_resolution
    from unres.parse_worker import ParseWorker
    from unres.reject import Reject
    from unres.tables import ParsedInput, RejectedInput, build_tables

    sources = [path.read_text(encoding="utf-8") for path in SOURCES]
    tally = Tally(texts=count)
    parsed: list[ParsedInput] = []
    rejected: list[RejectedInput] = []
    with ParseWorker(time_limit=TIME_LIMIT) as worker:
        for n in range(first, first + count):
            text = mutated(random.Random(n), sources)
            started = time.monotonic()
            outcome = worker.parse(text)
            tally.slowest = max(tally.slowest, time.monotonic() - started)
            doc_id = f"fuzz-{n:07d}.txt"
            if isinstance(outcome, Reject):
                rejected.append(RejectedInput(doc_id, "0" * 64, outcome.reason, outcome.detail))
                if outcome.reason == "parse_error":
                    tally.failures.append(f"text {n}: {outcome.detail}")
            elif not_a_resolution(outcome, was_html=False) is not None:
                rejected.append(RejectedInput(doc_id, "0" * 64, "not_a_resolution", ""))
            else:
                parsed.append(ParsedInput(doc_id, "0" * 64, outcome))
    try:
        tables = validate_or_quarantine(build_tables(parsed, rejected))
    except SchemaViolation as stopped:
        tally.failures.append(f"texts {first}..{first + count}: the build stopped: {stopped}")
        return tally
    tally.documents = tables["documents"].height
    tally.reasons.update(tables["rejects"]["reason"].to_list())
    landed = tally.documents + tables["rejects"].height
    if landed != count:
        tally.failures.append(f"texts {first}..{first + count}: {landed} of {count} landed")
    return tally


@pytest.mark.slow
def test_fuzz_campaign_of_mutated_real_texts() -> None:
    assert SOURCES, "no real texts under raw/"
    starts = range(0, TEXTS, BATCH)
    total = Tally()
    # Spawned, not forked: by now this process holds threads (Prefect's, pytest's), and a
    # child forked while one of them holds a lock waits on it for ever.
    spawn = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=os.cpu_count() or 1, mp_context=spawn) as pool:
        for tally in pool.map(run_batch, starts, [min(BATCH, TEXTS - s) for s in starts]):
            total.texts += tally.texts
            total.documents += tally.documents
            total.reasons += tally.reasons
            total.slowest = max(total.slowest, tally.slowest)
            total.failures += tally.failures
    print(
        f"\nfuzz campaign: {total.texts} texts, {total.documents} documents, "
        f"rejects {dict(total.reasons)}, slowest parse {total.slowest:.2f} s"
    )
    assert total.texts == TEXTS
    assert not total.failures, total.failures[:10]
    assert total.reasons["parse_timeout"] == 0, "a text stalled the parser past the limit"
    assert total.slowest < TIME_LIMIT + WAIT_SLACK
