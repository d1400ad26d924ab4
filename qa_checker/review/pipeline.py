"""A whole review as one library call: find, reuse or check, record in the history, summarise.

Redaction is the caller's last step (:func:`qa_checker.review.redact.redact_summary` with
:attr:`ReviewResult.names`), so the history keeps the real names for the next review.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from qa_checker.review.model import Item, renamed
from qa_checker.review.runner import plan_workers, run_checks
from qa_checker.review.selection import DateWindow, date_of
from qa_checker.review.summary import PreviousReview, ReviewSummary, build_summary


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
    """The path as the user will recognise it: relative to the folder reviewed when inside it
    (starting with that folder's name when several were reviewed, so that names stay apart)."""
    full = Path(path).resolve()
    for root in roots:
        base = root.resolve()
        if base.is_dir() and full.is_relative_to(base):
            relative = full.relative_to(base).as_posix()
            return f"{base.name}/{relative}" if len(roots) > 1 else relative
    return path


def _with_path(item: Item, path: str) -> Item:
    return item.model_copy(update={"report": renamed(item.report, path)})


def settings_keys(files: Sequence[str], config: Path | None, isolated: bool) -> dict[str, str]:
    """Each file's team settings, as a short key: the settings file's path and a hash of its
    bytes ("" without one). Loading them here also stops a review at a bad settings file."""
    from qa_checker.settings import ConfigResolver

    found, keys = ConfigResolver(config=config, isolated=isolated), {}
    for path in files:
        found.settings_for(Path(path))
        where = found.config_path(Path(path))
        digest = hashlib.sha256(where.read_bytes()).hexdigest()[:16] if where else ""
        keys[path] = f"{where}:{digest}" if where else ""
    return keys


def _reuse(files, window, history, checkers, hashes) -> tuple[list[Item], list[str]]:
    """Items taken from the history (outside the window: dropped) and the files still to check."""
    reused, to_check = [], []
    for path in files:
        stored = history.stored(hashes[path], checkers[path]) if history and hashes[path] else None
        if stored is None:
            to_check.append(path)
            continue
        report = renamed(stored, path)
        date, source = date_of(report.info.date if report.info else None, path)
        if date in window:
            reused.append(Item(report=report, date=date, date_source=source, content_hash=hashes[path], reused=True))
    return reused, to_check


def _relative(items: Sequence[Item], roots: Sequence[Path]) -> list[Item]:
    return [_with_path(i, display_path(i.report.path, roots)) for i in items]


def _check_all(files, window, history, checkers, recheck, workers, progress, settings) -> tuple[list[Item], int, int]:
    """Reuse what the history has (unless ``recheck``), check the rest: (items, reused, workers)."""
    hashes = {path: content_hash(path) for path in files} if history else {}
    reused, to_check = _reuse(files, window, None if recheck else history, checkers, hashes)
    count = plan_workers(workers, len(to_check))
    progress.start(len(to_check))
    checked = run_checks(to_check, window, count, progress.advance, config=settings[0], isolated=settings[1])
    checked = [i.model_copy(update={"content_hash": hashes.get(i.report.path)}) for i in checked]
    return reused + checked, len(reused), count


def _with_history(history, items, files, window, checkers) -> tuple[PreviousReview | None, list[Item]]:
    """The last review and the children's earlier recordings; then records this review."""
    previous = history.previous_review()
    children = {c for i in items for c in i.report.children}
    earlier = history.earlier_items(children, exclude=[os.path.abspath(f) for f in files])
    history.record(items, {i.report.path: os.path.abspath(i.report.path) for i in items},
                   {i.report.path: checkers[i.report.path] for i in items}, window)
    return previous, earlier


def _unreadable_folder(exc) -> Item:
    """A folder that could not be opened, as an unreadable item (listed whatever the dates)."""
    from qa_checker.api import error_report
    from qa_checker.review.selection import DateSource

    return Item(report=error_report(exc.path, str(exc)), date=None, date_source=DateSource.MODIFIED)


def run_review(
    targets: Sequence[Path], window: DateWindow = DateWindow(), *, workers: int | None = None,
    history_path: Path | None = None, recheck: bool = False, progress: Progress = Progress(),
    today: dt.date | None = None, config: Path | None = None, isolated: bool = False,
) -> ReviewResult:
    """Review the recordings under ``targets`` dated inside ``window``, each with its team
    settings (``config``, or the nearest settings file above it; none when ``isolated``).

    Raises :class:`~qa_checker.readers.InputError` for a target that does not exist,
    :class:`~qa_checker.config.ConfigError` for a bad settings file and
    :class:`~qa_checker.review.history.HistoryError` for a history file that cannot be used.
    """
    from qa_checker.readers import discover
    from qa_checker.review.redact import header_names

    unreadable: list = []
    files = [str(p) for p in discover(list(targets), on_error=unreadable.append)]
    keys = settings_keys(files, config, isolated)
    previous, earlier = None, []
    if history_path:
        from qa_checker.review.history import History, checker_fingerprint

        checker = checker_fingerprint()
        checkers = {path: f"{checker}/{key}" if key else checker for path, key in keys.items()}
        with History(history_path) as history:
            items, reused, count = _check_all(files, window, history, checkers, recheck, workers, progress,
                                              (config, isolated))
            previous, earlier = _with_history(history, items, files, window, checkers)
    else:
        items, reused, count = _check_all(files, window, None, keys, recheck, workers, progress, (config, isolated))
    items = items + [_unreadable_folder(exc) for exc in unreadable]
    items, earlier = _relative(items, targets), _relative(earlier, targets)
    if previous:
        previous = previous.model_copy(update={"items": _relative(previous.items, targets)})
    everyone = [*items, *earlier, *(previous.items if previous else [])]
    return ReviewResult(
        summary=build_summary(items, window, previous=previous, earlier=earlier, today=today),
        items=items, checked=len(items) - reused, reused=reused, workers=count,
        names=header_names(i.report for i in everyone),
    )
