"""Checking many recordings on several cores: a pool of worker processes, each loading the
checker (rules, template, policy, the spaCy pipeline) once.

Workers are forked only while this process holds nothing that runs threads (numpy's BLAS, the
spaCy pipeline): a forked copy of a process with BLAS threads can hang. A command that has not
loaded them yet (``qa-checker check`` on a folder) forks, so its workers start with what it has
imported; otherwise they start from 'forkserver' (or 'spawn' where that is missing).
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import sys
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor

# Starting a worker costs about as much as checking a few recordings (loading the spaCy pipeline);
# below this many files per worker, fewer workers finish sooner.
FILES_PER_WORKER = 4


def cores() -> int:
    """The cores this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def plan_workers(requested: int | None, files: int) -> int:
    """How many worker processes to use for ``files`` (1 means: check in this process, no pool).

    ``requested`` None or 0 means one per core."""
    wanted = requested if requested else cores()
    return max(1, min(wanted, files // FILES_PER_WORKER))


def _context() -> multiprocessing.context.BaseContext:
    methods = multiprocessing.get_all_start_methods()
    quiet = "numpy" not in sys.modules and "spacy" not in sys.modules and threading.active_count() == 1
    if quiet and "fork" in methods and sys.platform.startswith("linux"):
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


@contextlib.contextmanager
def pool(workers: int, initializer: Callable[[], None] | None = None) -> Iterator[ProcessPoolExecutor]:
    """A pool of ``workers`` processes, each starting with ``initializer`` (the caller's warm-up:
    load once what every check needs), shut down on leaving; when interrupted (Ctrl-C), the
    tasks not started are dropped rather than waited for."""
    executor = ProcessPoolExecutor(max_workers=workers, mp_context=_context(), initializer=initializer)
    try:
        yield executor
    except BaseException:
        executor.shutdown(wait=False, cancel_futures=True)
        raise
    executor.shutdown()
