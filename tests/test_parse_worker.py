"""Parsing in a child process: a text that raises, stalls or kills its parser costs
only its own document, and the child never outlives the build."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import RAW, SEED_NAMES
from tests.parsers import DIE, RAISE, STALL
from unres.model import ParsedDocument
from unres.parse import parse_text
from unres.parse_worker import ParseWorker
from unres.reject import Reject

FAULTY = "tests.parsers:faulty_parse"


def test_the_child_parses_as_the_parser_does() -> None:
    text = (RAW / f"{SEED_NAMES[0]}.txt").read_text(encoding="utf-8")
    with ParseWorker() as worker:
        assert worker.parse(text) == parse_text(text)


def test_a_raising_stalling_or_dying_parser_costs_one_document() -> None:
    good = (RAW / f"{SEED_NAMES[1]}.txt").read_text(encoding="utf-8")
    with ParseWorker(time_limit=0.5, parser=FAULTY) as worker:
        raised = worker.parse(f"{good}\n{RAISE}")
        started = time.monotonic()
        stalled = worker.parse(f"{good}\n{STALL}")
        waited = time.monotonic() - started
        died = worker.parse(f"{good}\n{DIE}")
        after = worker.parse(good)

    assert raised == Reject("parse_error", "ValueError: boom on purpose")
    assert stalled == Reject("parse_timeout", "parsing took more than 0.5 s (--time-limit)")
    assert waited < 5  # the CPU limit, plus the child's start and the polling interval
    assert died == Reject("parse_error", "the parser's process died (killed by SIGSEGV)")
    assert isinstance(after, ParsedDocument) and after == parse_text(good)


def test_the_child_dies_with_its_parent(tmp_path: Path) -> None:
    # A parent that starts a child on a stalling text, then is killed with SIGKILL.
    script = tmp_path / "parent.py"
    script.write_text(
        "import sys\n"
        "from unres.parse_worker import ParseWorker\n"
        f"worker = ParseWorker(time_limit=600, parser={FAULTY!r})\n"
        "worker.parse('x')\n"
        "print(worker._child.process.pid, flush=True)\n"
        f"worker.parse({STALL!r})\n"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
    parent = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, env=env)
    assert parent.stdout is not None
    child = int(parent.stdout.readline())
    time.sleep(0.5)  # the child is now busy on the stalling text
    parent.kill()
    parent.wait()

    deadline = time.monotonic() + 10
    while _alive(child) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _alive(child)


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"  # a zombie has ended; only its exit status waits to be read
