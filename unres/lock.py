"""One build at a time per output directory.

An ``flock`` held on ``OUT/.lock`` for the whole build. This module imports nothing
heavy: ``unres build`` checks the lock before it starts Prefect.
"""

from __future__ import annotations

import datetime as dt
import errno
import fcntl
import os
from pathlib import Path
from types import TracebackType

LOCK_FILE = ".lock"


class LockHeld(RuntimeError):
    """Another build holds the output directory."""


class OutputNotWritable(RuntimeError):
    """The output directory cannot be written to (read-only, no permission)."""


_UNWRITABLE = (errno.EACCES, errno.EPERM, errno.EROFS)


class BuildLock:
    """Exclusive right to write under ``out_dir``, for one build at a time.

    An ``flock`` on ``out_dir/.lock``: the kernel drops it when the holder exits,
    however it dies, so a killed build never leaves the directory locked. The file
    records the holder's pid for the message other builds get.
    """

    def __init__(self, out_dir: Path, *, wait: bool = False) -> None:
        self.path = out_dir / LOCK_FILE
        self.wait = wait
        self._fd: int | None = None

    def __enter__(self) -> BuildLock:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as error:
            if error.errno in _UNWRITABLE:
                raise OutputNotWritable(
                    f"{self.path.parent} is not writable ({error.strerror}): "
                    "give --out a directory this user may write to"
                ) from None
            raise
        try:
            fcntl.flock(fd, fcntl.LOCK_EX if self.wait else fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.read(fd, 200).decode("utf-8", "replace").strip() or "pid unknown"
            os.close(fd)
            raise LockHeld(
                f"{self.path.parent} is being written by another build ({holder}). "
                "Wait for it to finish, or build with wait=True to queue behind it. "
                "A build that died released the lock with its process: just retry."
            ) from None
        started = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        os.ftruncate(fd, 0)
        os.write(fd, f"pid {os.getpid()}, since {started}\n".encode())
        self._fd = fd
        return self

    @classmethod
    def check(cls, out_dir: Path) -> None:
        """Raise ``LockHeld`` (or ``OutputNotWritable``) now if a build could not take
        the lock: ``unres build`` asks before it starts Prefect."""
        with cls(out_dir):
            pass

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self._fd is None:
            return
        # The file stays: deleting a lock file lets two builds lock two different files.
        os.ftruncate(self._fd, 0)
        fcntl.flock(self._fd, fcntl.LOCK_UN)
        os.close(self._fd)
        self._fd = None
