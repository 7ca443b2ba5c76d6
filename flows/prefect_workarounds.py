"""Where the build works around Prefect, each with why. Nothing here is about UN
resolutions; drop a piece when the Prefect release we lock no longer needs it.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from typing import Generic, TypeVar

# Prefect imports fastapi's encoders on a process's first flow run, to record the run's
# parameters: a quarter of a second, spent at import instead, while the server starts.
import fastapi.encoders  # noqa: F401

T = TypeVar("T")
# How often a pool worker looks whether the build that started it is still alive.
_ORPHAN_POLL_SECONDS = 0.5


class Unwalked(Generic[T]):
    """A task argument that Prefect hands over as it is. Prefect walks every item of
    lists, dicts and dataclasses it is given, looking for futures: for the thousands
    of inputs of a build that took seconds per task. (Prefect's own ``quote`` does not
    survive the Dask task runner, which walks into it.)"""

    __slots__ = ("value",)

    def __init__(self, value: T) -> None:
        self.value = value


class InProcess(Generic[T]):
    """A flow argument for this process alone. Prefect ships a flow run's parameters,
    in its context, with every task it runs in another process, pickled once per
    task: this one arrives there empty."""

    __slots__ = ("value",)

    def __init__(self, value: T | None) -> None:
        self.value = value

    def __reduce__(self) -> tuple[type[InProcess[T]], tuple[None]]:
        return type(self), (None,)


_watching = threading.Lock()
_watched = False


def exit_with_the_build() -> None:
    """In a worker process of Prefect's ProcessPoolTaskRunner: end the process when the
    build that started it is gone (killed with SIGKILL, say).

    The pool's workers outlive a killed parent (and keep its resource tracker alive),
    and the runner takes no initializer of ours, so the first task a worker runs starts
    a thread that watches its parent. A no-op in the build's own process.
    """
    global _watched
    if multiprocessing.parent_process() is None:
        return
    with _watching:
        if _watched:
            return
        _watched = True
    parent = os.getppid()
    threading.Thread(target=_exit_when_orphaned, args=(parent,), daemon=True).start()


def _exit_when_orphaned(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(_ORPHAN_POLL_SECONDS)
    os._exit(1)
