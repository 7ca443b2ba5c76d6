"""Stand-ins for the parser, named to ``ParseWorker`` ("tests.parsers:...") by tests
that need a parser stage to raise, stall or die on a given input."""

from __future__ import annotations

import dataclasses
import hashlib
import os
import signal

from unres.model import ParsedDocument
from unres.parse import parse_text

RAISE = "RAISE ON PURPOSE"
STALL = "STALL ON PURPOSE"
DIE = "DIE ON PURPOSE"
BREAK_RELATION = "BREAK A RELATION ON PURPOSE"


def faulty_parse(text: str) -> ParsedDocument:
    """``parse_text``, except on texts holding one of the markers above."""
    if RAISE in text:
        raise ValueError("boom on purpose")
    if STALL in text:
        while True:  # pure-Python busy work, as a regex gone quadratic
            pass
    if DIE in text:
        os.kill(os.getpid(), signal.SIGSEGV)
    document = parse_text(text)
    if BREAK_RELATION in text:  # a citation placed in a paragraph the document lacks
        document.citations[0] = dataclasses.replace(document.citations[0], paragraph=999)
    return document


def hash_of_text(text: str) -> ParsedDocument:
    """Raises with the sha256 of the text it was given, for tests that compare it with
    the hash recorded for the input."""
    raise ValueError(hashlib.sha256(text.encode()).hexdigest())
