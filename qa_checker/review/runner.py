"""Check many recordings in parallel: a process pool whose workers each load the checker once
(qa_checker/parallel.py: how workers are started and how many)."""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from concurrent.futures import Future, as_completed
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from qa_checker.api import warm_up_worker as init_worker
from qa_checker.parallel import plan_workers, pool
from qa_checker.review.model import Item
from qa_checker.review.selection import DateWindow, date_of

__all__ = ["check_one", "init_worker", "plan_workers", "run_checks"]


@functools.cache
def resolver(config: Path | None = None, isolated: bool = False):
    """The team settings finder, one per process (it caches each folder's settings)."""
    from qa_checker.settings import ConfigResolver

    return ConfigResolver(config=config, isolated=isolated)


def check_one(path: str, window: DateWindow, config: Path | None = None, isolated: bool = False) -> Item | None:
    """Check one file whose date falls in ``window``; None when it falls outside.

    The file is checked with its team settings, found as ``check`` finds them (``config`` or
    the nearest settings file above it, none when ``isolated``). The header is read before
    the rules run, so that a recording outside the window costs only its reading. An
    unreadable file (or a bug) gives an item whose report has ``error``.
    """
    from qa_checker.api import error_report

    try:
        return _check(path, window, resolver(config, isolated).settings_for(Path(path)))
    except Exception as exc:  # a bug must not stop a review; the summary names the file instead
        report = error_report(path, f"{path}: qa-checker failed on this file ({type(exc).__name__}: {exc}); "
                                    "please report it to the qa-checker team")
        return _item(report, None, path, window)


def _check(path: str, window: DateWindow, settings) -> Item | None:
    from qa_checker.api import check_document, error_report, recording_info
    from qa_checker.readers import InputError, read_document
    from qa_checker.splitter import split
    from qa_checker.template import load_template

    try:
        document = read_document(Path(path))
    except InputError as exc:
        return _item(error_report(path, str(exc)), None, path, window)
    contact = recording_info(split(document, settings.template or load_template())).date
    if date_of(contact, path)[0] not in window:
        return None
    return _item(check_document(document, settings=settings), contact, path, window)


def _item(report, contact, path: str, window: DateWindow) -> Item | None:
    date, source = date_of(contact, path)
    if date not in window:
        return None
    return Item(report=report, date=date, date_source=source)


def run_checks(
    paths: Sequence[str], window: DateWindow, workers: int, on_done: Callable[[], None] = lambda: None,
    *, config: Path | None = None, isolated: bool = False,
) -> list[Item]:
    """Check ``paths`` (one worker: in this process) and return the items inside ``window``."""
    if workers <= 1:
        resolver.cache_clear()  # settings files may have changed since an earlier review in this process
        items = []
        for path in paths:
            items.append(check_one(path, window, config, isolated))
            on_done()
        return [i for i in items if i is not None]
    return _in_pool(paths, window, workers, on_done, (config, isolated))


def _in_pool(paths, window, workers, on_done, settings) -> list[Item]:
    items = []
    with pool(workers, initializer=init_worker) as workers_pool:
        futures = {workers_pool.submit(check_one, path, window, *settings): path for path in paths}
        for future in as_completed(futures):
            items.append(_outcome(future, futures[future], window))
            on_done()
    return [i for i in items if i is not None]


def _outcome(future: Future, path: str, window: DateWindow) -> Item | None:
    """The worker's item, or an error item when the worker died (killed, out of memory)."""
    from qa_checker.api import error_report

    try:
        return future.result()
    except BrokenProcessPool:
        report = error_report(path, f"{path}: the process checking this file stopped unexpectedly "
                                    "(perhaps out of memory); run the review again, or check this file on its own")
        return _item(report, None, path, window)
