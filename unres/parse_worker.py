"""Parsing in a child process, so that no input can stall or crash a batch.

The parser is pure Python regular expressions. A pathological text can keep a pattern
busy for minutes, and nothing in the process can stop it: a watchdog thread cannot
interrupt a match, and an alarm signal reaches only the main thread, where a build's
batches do not run (Prefect runs them in threads, or on Dask). A process can be
killed. ``ParseWorker`` keeps one child per batch, hands it one text at a time and
waits for the document while the child has spent less than ``time_limit`` seconds
of CPU on it: a loaded machine slows a parse down, it does not make it time out.
A child that overruns is killed and the next text gets a fresh one; a child that
dies (a crash in C code, memory exhausted) costs only its document.

Texts and documents cross the pipe pickled, each behind an 8-byte length. The child
ends when its parent does: when the pipe closes, or (Linux) at once, by the
parent-death signal, even in the middle of a parse.
"""

from __future__ import annotations

import contextlib
import importlib
import os
import pickle
import select
import signal
import struct
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from types import TracebackType
from typing import IO, Any, Final

from schemas.vocabulary import RejectReason
from unres.model import ParsedDocument
from unres.reject import Reject

DEFAULT_PARSER: Final = "unres.parse:parse_text"
DEFAULT_TIME_LIMIT: Final = 10.0
# How often a waiting parent looks at the child's CPU time.
_POLL_SECONDS: Final = 0.1
# Without /proc (no CPU time to read) and as a backstop with it: wall time allowed,
# as a multiple of the limit, before a child is taken to be stuck.
_WALL_FACTOR: Final = 10
# CPU seconds a child may take to import the parser before it says it is ready.
STARTUP_SECONDS: Final = 60.0
_READY = b"ready"
_LENGTH = struct.Struct("<Q")
_CLOCK_TICKS: Final = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


@dataclass(slots=True)
class _Child:
    process: subprocess.Popen[bytes]
    requests: IO[bytes]
    replies: int  # file descriptor


class ParseWorker:
    """Parse texts in a child process, each within ``time_limit`` CPU seconds.

    ``parser`` names the function the child calls, "module:function" (a text in, a
    ``ParsedDocument`` out). The child is started on the first text and again after
    one was killed or died; ``close`` (or leaving a ``with`` block) stops it.
    """

    def __init__(self, time_limit: float = DEFAULT_TIME_LIMIT, parser: str = DEFAULT_PARSER):
        self.time_limit = time_limit
        self.parser = parser
        self._child: _Child | None = None

    def __enter__(self) -> ParseWorker:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def parse(self, text: str) -> ParsedDocument | Reject:
        """The parsed document, or why there is none: ``parse_error`` when the parser
        raised (the detail: exception type and message) or its process died,
        ``parse_timeout`` when it ran out of time."""
        child = self._child
        if child is None or child.process.poll() is not None:  # none yet, or it ended
            self.close()
            child = self._start()
        try:
            _write_frame(child.requests, pickle.dumps(text, pickle.HIGHEST_PROTOCOL))
            reply = self._read_reply(child)
        except _ChildGone as gone:
            self.close()
            return Reject(RejectReason.PARSE_ERROR, f"the parser's process died ({gone})")
        except _OutOfTime:
            self.close()
            limit = f"{self.time_limit:g}"
            return Reject(
                RejectReason.PARSE_TIMEOUT, f"parsing took more than {limit} s (--time-limit)"
            )
        outcome, value = pickle.loads(reply)
        if outcome == "error":
            return Reject(RejectReason.PARSE_ERROR, value)
        document: ParsedDocument = value
        return document

    def close(self) -> None:
        child, self._child = self._child, None
        if child is None:
            return
        with contextlib.suppress(OSError):
            child.requests.close()
        if child.process.poll() is None:
            child.process.kill()
        child.process.wait()
        os.close(child.replies)

    def _start(self) -> _Child:
        process = subprocess.Popen(
            [sys.executable, "-m", "unres.parse_worker", str(os.getpid()), self.parser],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env=_child_environment(),
        )
        assert process.stdin is not None and process.stdout is not None
        # The replies are read with select and os.read, never through a buffer.
        replies = os.dup(process.stdout.fileno())
        process.stdout.close()
        child = _Child(process, process.stdin, replies)
        self._child = child
        # The child says when it has imported the parser: the time that takes (seconds
        # on a loaded machine) is not any document's.
        try:
            _read_frame(child, _Clock(process.pid, STARTUP_SECONDS))
        except (_ChildGone, _OutOfTime) as error:
            self.close()
            raise RuntimeError(f"the parser's process did not start ({error})") from None
        return child

    def _read_reply(self, child: _Child) -> bytes:
        return _read_frame(child, _Clock(child.process.pid, self.time_limit))


_THREAD_WORKERS = threading.local()


def worker_of_this_thread(
    time_limit: float = DEFAULT_TIME_LIMIT, parser: str = DEFAULT_PARSER
) -> ParseWorker:
    """A ``ParseWorker`` kept for the calling thread, so a process that parses batch
    after batch starts its child (about half a second) once. The child ends with the
    thread (Linux's parent-death signal follows the thread that started it) or with
    the process (its pipe closes)."""
    workers: dict[tuple[float, str], ParseWorker] = _THREAD_WORKERS.__dict__.setdefault(
        "workers", {}
    )
    key = (time_limit, parser)
    if key not in workers:
        workers[key] = ParseWorker(time_limit, parser)
    return workers[key]


class _ChildGone(Exception):
    pass


class _OutOfTime(Exception):
    pass


class _Clock:
    """The time a child has spent on the current text: CPU seconds where /proc tells."""

    def __init__(self, pid: int, limit: float) -> None:
        self.pid, self.limit = pid, limit
        self.cpu_start = _cpu_seconds(pid)
        self.wall_start = time.monotonic()

    def overrun(self) -> bool:
        wall = time.monotonic() - self.wall_start
        cpu = _cpu_seconds(self.pid)
        if cpu is None or self.cpu_start is None:
            return wall > self.limit
        return cpu - self.cpu_start > self.limit or wall > self.limit * _WALL_FACTOR


def _read_frame(child: _Child, clock: _Clock) -> bytes:
    (length,) = _LENGTH.unpack(_read_exactly(child, _LENGTH.size, clock))
    return _read_exactly(child, length, clock)


def _read_exactly(child: _Child, size: int, clock: _Clock) -> bytes:
    data = bytearray()
    while len(data) < size:
        ready, _, _ = select.select([child.replies], [], [], _POLL_SECONDS)
        if not ready:
            if clock.overrun():
                raise _OutOfTime
            continue
        chunk = os.read(child.replies, size - len(data))
        if not chunk:
            raise _ChildGone(_how_it_ended(child.process))
        data += chunk
    return bytes(data)


def _how_it_ended(process: subprocess.Popen[bytes]) -> str:
    code = process.wait()
    if code < 0:
        return f"killed by {signal.Signals(-code).name}"
    return f"exit status {code}"


def _write_frame(stream: IO[bytes], payload: bytes) -> None:
    try:
        stream.write(_LENGTH.pack(len(payload)))
        stream.write(payload)
        stream.flush()
    except OSError as error:  # a broken pipe: the child is gone
        raise _ChildGone(str(error)) from None


def _cpu_seconds(pid: int) -> float | None:
    """User plus system CPU time of process ``pid``, from /proc; None where unknown."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as stat:
            fields = stat.read().rsplit(b")", 1)[1].split()
    except (OSError, IndexError):
        return None
    # After the command's closing parenthesis: state is field 0, utime 11, stime 12.
    return (int(fields[11]) + int(fields[12])) / _CLOCK_TICKS


def _child_environment() -> dict[str, str]:
    """The parent's environment, with its import path: the parser named may live
    anywhere the parent can import from."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(path for path in sys.path if path)
    return env


# --- the child ---------------------------------------------------------------------


def _die_with_parent(parent: int) -> None:
    """Ask Linux to kill this process when its parent ends; elsewhere the closed pipe
    ends it once the current parse is done."""
    with contextlib.suppress(OSError, AttributeError):
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        pr_set_pdeathsig = 1
        libc.prctl(pr_set_pdeathsig, signal.SIGKILL)
    if os.getppid() != parent:  # the parent ended before the request was made
        os._exit(0)


def _serve(parse: Callable[[str], Any], requests: IO[bytes], replies: IO[bytes]) -> None:
    _write_frame(replies, _READY)
    while True:
        header = requests.read(_LENGTH.size)
        if len(header) < _LENGTH.size:
            return  # the parent closed the pipe
        (length,) = _LENGTH.unpack(header)
        text = pickle.loads(requests.read(length))
        try:
            reply: tuple[str, Any] = ("ok", parse(text))
        except Exception as error:  # reported as this document's parse_error
            reply = ("error", f"{type(error).__name__}: {error}")
        _write_frame(replies, pickle.dumps(reply, pickle.HIGHEST_PROTOCOL))


def main(argv: list[str]) -> None:
    parent, spec = int(argv[0]), argv[1]
    _die_with_parent(parent)
    module, _, name = spec.partition(":")
    parse = getattr(importlib.import_module(module), name)
    # Replies get the real stdout to themselves: anything the parser prints goes to stderr.
    replies = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    _serve(parse, sys.stdin.buffer, replies)


if __name__ == "__main__":
    main(sys.argv[1:])
