"""A whole review as one library call: find, reuse or check, record in the history, summarise.

With ``redact``, each result is redacted as soon as it is checked (names from the recording
itself, see :mod:`qa_checker.review.redact`), so the history, the summary and every output hold
initials only; such results are stored apart from unredacted ones and reused only by a redacted
review.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from collections.abc import Callable, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from qa_checker.review.model import Item, renamed
from qa_checker.review.runner import plan_workers, run_checks
from qa_checker.review.selection import DateWindow, date_of
from qa_checker.review.summary import PreviousReview, ReviewSummary, build_summary

if TYPE_CHECKING:
    from qa_checker.review.redact import Redactor


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
    """Reuse what the history has (unless ``recheck``), check the rest: (items, reused, workers).
    ``settings`` is (config, isolated, names)."""
    hashes = {path: content_hash(path) for path in files} if history else {}
    reused, to_check = _reuse(files, window, None if recheck else history, checkers, hashes)
    count = plan_workers(workers, len(to_check))
    progress.start(len(to_check))
    checked = run_checks(to_check, window, count, progress.advance, config=settings[0], isolated=settings[1],
                         names=settings[2])
    checked = [i.model_copy(update={"content_hash": hashes.get(i.report.path)}) for i in checked]
    return reused + checked, len(reused), count


def _with_history(history, items, full, window, checkers) -> tuple[PreviousReview | None, list[Item]]:
    """The review to compare with (the same period's last, or the period's before) and the
    children's earlier recordings; then records this review.
    ``full``: each item's report path -> the full path stored (redacted when the items are)."""
    previous = history.previous_review(window)
    children = {c for i in items for c in i.report.children}
    earlier = history.earlier_items(children, exclude=list(full.values()))
    history.record(items, full, checkers, window)
    return previous, earlier


def _redacted(items: list[Item], checkers: dict[str, str]) -> tuple[list[Item], dict[str, str], dict[str, str], Redactor]:
    """Items with their names as initials, the checker key and full path of each (by redacted
    path), and the redactor (the header and body names of every item)."""
    from qa_checker.review.redact import Redactor, header_names, redact_report

    redact = Redactor.of(header_names(i.report for i in items) | {n for i in items for n in i.names})
    out, keys, full = [], {}, {}
    for item in items:
        report = redact_report(item.report, redact)
        keys[report.path], full[report.path] = checkers[item.report.path], redact.path(os.path.abspath(item.report.path))
        out.append(item.model_copy(update={"report": report, "names": ()}))
    return out, keys, full, redact


def _unreadable_folder(exc) -> Item:
    """A folder that could not be opened, as an unreadable item (listed whatever the dates)."""
    from qa_checker.api import error_report
    from qa_checker.review.selection import DateSource

    return Item(report=error_report(exc.path, str(exc)), date=None, date_source=DateSource.MODIFIED)


def run_review(
    targets: Sequence[Path], window: DateWindow = DateWindow(), *, workers: int | None = None,
    history_path: Path | None = None, recheck: bool = False, progress: Progress = Progress(),
    today: dt.date | None = None, config: Path | None = None, isolated: bool = False, redact: bool = False,
) -> ReviewResult:
    """Review the recordings under ``targets`` dated inside ``window``, each with its team
    settings (``config``, or the nearest settings file above it; none when ``isolated``);
    with ``redact``, names as initials everywhere, the history included.

    Raises :class:`~qa_checker.readers.InputError` for a target that does not exist,
    :class:`~qa_checker.config.ConfigError` for a bad settings file and
    :class:`~qa_checker.review.history.HistoryError` for a history file that cannot be used.
    """
    from qa_checker.readers import discover
    from qa_checker.review.redact import header_names
    from qa_checker.settings import ConfigResolver

    unreadable: list = []
    files = [str(p) for p in discover(list(targets), ConfigResolver(config=config, isolated=isolated).excluded,
                                      on_error=unreadable.append)]
    if not files and not unreadable:
        from qa_checker.files import none_found
        from qa_checker.readers import InputError

        raise InputError(none_found(targets))
    keys = settings_keys(files, config, isolated)
    previous: PreviousReview | None = None
    earlier: list[Item] = []
    redactor: Redactor | None = None
    checkers = keys
    if history_path:
        from qa_checker.review.history import History, checker_fingerprint

        checker = checker_fingerprint() + ("/redacted" if redact else "")
        checkers = {path: f"{checker}/{key}" if key else checker for path, key in keys.items()}
    with History(history_path) if history_path else _no_history() as history:
        items, reused, count = _check_all(files, window, history, checkers, recheck, workers, progress,
                                          (config, isolated, redact))
        full = {i.report.path: os.path.abspath(i.report.path) for i in items}
        by_path = {i.report.path: checkers[i.report.path] for i in items}
        if redact:
            items, by_path, full, redactor = _redacted(items, checkers)
            targets = [Path(redactor(str(t))) for t in targets]
        if history:
            previous, earlier = _with_history(history, items, full, window, by_path)
    folders = [_unreadable_folder(exc) for exc in unreadable]
    if redactor is not None:
        from qa_checker.review.redact import redact_report

        folders = [f.model_copy(update={"report": redact_report(f.report, redactor)}) for f in folders]
    items = items + folders
    items, earlier = _relative(items, targets), _relative(earlier, targets)
    if previous:
        previous = previous.model_copy(update={"items": _relative(previous.items, targets)})
    everyone = [*items, *earlier, *(previous.items if previous else [])]
    names = header_names(i.report for i in everyone)
    summary = build_summary(items, window, previous=previous, earlier=earlier, today=today)
    if redact:
        from qa_checker.review.redact import Redactor, redact_summary

        known: frozenset[str] = redactor.words if redactor is not None else frozenset()
        summary = redact_summary(summary, Redactor(known | Redactor.of(names).words))
    return ReviewResult(summary=summary, items=items, checked=len(items) - reused, reused=reused, workers=count,
                        names=names)


@contextmanager
def _no_history():
    yield None
