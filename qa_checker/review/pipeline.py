"""A whole review as one library call: find, reuse or check, record, summarise (and redact)."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from qa_checker.report import Report
from qa_checker.review.model import Item
from qa_checker.review.runner import plan_workers, run_checks
from qa_checker.review.selection import DateWindow, date_of
from qa_checker.review.summary import ReviewSummary, build_summary


@dataclass
class Progress:
    """Callbacks for a progress display: ``start(total)`` once, then ``advance()`` per file checked."""

    start: Callable[[int], None] = lambda total: None
    advance: Callable[[], None] = lambda: None


@dataclass(frozen=True)
class ReviewResult:
    summary: ReviewSummary
    items: list[Item]
    checked: int
    reused: int
    workers: int
    # Everyone named in the headers of the recordings the summary draws on (for --redact).
    names: set[str]


def content_hash(path: str) -> str | None:
    """SHA-256 of the file's bytes (None when it cannot be read: the check will say why)."""
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return None


def display_path(path: str, roots: Sequence[Path]) -> str:
    """The path as the user will recognise it: relative to the folder reviewed when inside it."""
    full = Path(path).resolve()
    for root in roots:
        base = root.resolve()
        if base.is_dir() and full.is_relative_to(base):
            return full.relative_to(base).as_posix()
    return path


def _renamed(report: Report, path: str) -> Report:
    """The report under another path (an error message names the file the same way)."""
    update: dict[str, object] = {"path": path}
    if report.error and report.error.startswith(f"{report.path}: "):
        update["error"] = f"{path}: " + report.error.removeprefix(f"{report.path}: ")
    return report.model_copy(update=update)


def _with_path(item: Item, path: str) -> Item:
    return item.model_copy(update={"report": _renamed(item.report, path)})


def _reuse(files, window, history, checker, hashes) -> tuple[list[Item], list[str]]:
    """Items taken from the history (outside the window: dropped) and the files still to check."""
    reused, to_check = [], []
    for path in files:
        stored = history.stored(hashes[path], checker) if history and hashes[path] else None
        if stored is None:
            to_check.append(path)
            continue
        report = _renamed(stored[1], path)
        date, source = date_of(report.info.date if report.info else None, path)
        if date in window:
            reused.append(Item(report=report, date=date, date_source=source, content_hash=hashes[path], reused=True))
    return reused, to_check


def run_review(
    targets: Sequence[Path], window: DateWindow = DateWindow(), *, workers: int | None = None,
    history_path: Path | None = None, recheck: bool = False, progress: Progress = Progress(),
    today: dt.date | None = None,
) -> ReviewResult:
    """Review the recordings under ``targets`` dated inside ``window``.

    Raises :class:`~qa_checker.readers.InputError` for a target that does not exist and
    :class:`~qa_checker.review.history.HistoryError` for a history file that cannot be used.
    """
    from qa_checker.readers import discover

    files = [str(p) for p in discover(list(targets))]
    history = checker = None
    if history_path:
        from qa_checker.review.history import History, checker_fingerprint

        history, checker = History(history_path), checker_fingerprint()
    try:
        hashes = {path: content_hash(path) for path in files} if history else {}
        reused, to_check = _reuse(files, window, None if recheck else history, checker, hashes)
        count = plan_workers(workers, len(to_check))
        progress.start(len(to_check))
        checked = run_checks(to_check, window, count, progress.advance)
        checked = [i.model_copy(update={"content_hash": hashes.get(i.report.path)}) for i in checked]
        items = reused + checked
        if history:
            history.record(items, {i.report.path: os.path.abspath(i.report.path) for i in items}, checker)
    finally:
        if history:
            history.close()
    shown = [_with_path(i, display_path(i.report.path, targets)) for i in items]
    summary = build_summary(shown, window, today=today)
    from qa_checker.review.redact import header_names

    return ReviewResult(summary=summary, items=shown, checked=len(checked), reused=len(reused), workers=count,
                        names=header_names(i.report for i in items))
