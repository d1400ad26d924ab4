"""The review history: each recording's result and each review, in one SQLite file.

A result is keyed by the file's content hash and the checker's fingerprint (qa-checker's code
and rule data), so an unchanged file is not checked again, and a result is never reused by a
qa-checker whose rules have changed since. The schema carries its version in ``PRAGMA
user_version``; opening an older file applies the missing steps of :data:`MIGRATIONS` in order.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from enum import Enum
from pathlib import Path

from pydantic import BaseModel

from qa_checker.report import Report
from qa_checker.review.model import Item, renamed
from qa_checker.review.selection import DateSource, DateWindow
from qa_checker.review.summary import PreviousReview
from qa_checker.terminal import cleaned, valid_unicode

# One entry per schema version; never edit a released entry, add a new one.
MIGRATIONS: tuple[str, ...] = (
    # 1: each recording's result, with its findings and scalings as rows for queries.
    """
    CREATE TABLE results (
        id INTEGER PRIMARY KEY,
        path TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        checker TEXT NOT NULL,
        checked_at TEXT NOT NULL,
        date_of_contact TEXT,
        supervisor TEXT,
        passed INTEGER NOT NULL,
        error TEXT,
        report TEXT NOT NULL
    );
    CREATE INDEX results_by_hash ON results (content_hash, checker);
    CREATE TABLE result_children (
        result_id INTEGER NOT NULL REFERENCES results (id),
        child TEXT NOT NULL
    );
    CREATE TABLE findings (
        result_id INTEGER NOT NULL REFERENCES results (id),
        rule TEXT NOT NULL,
        severity TEXT NOT NULL,
        section TEXT,
        child TEXT
    );
    CREATE TABLE scalings (
        result_id INTEGER NOT NULL REFERENCES results (id),
        child TEXT,
        score REAL,
        has_reason INTEGER NOT NULL,
        has_next_step INTEGER NOT NULL
    );
    """,
    # 2: reviews and the results each covered, so a review can show what changed since the last.
    """
    CREATE TABLE reviews (
        id INTEGER PRIMARY KEY,
        created TEXT NOT NULL,
        description TEXT NOT NULL,
        date_from TEXT,
        date_to TEXT
    );
    CREATE TABLE review_results (
        review_id INTEGER NOT NULL REFERENCES reviews (id),
        result_id INTEGER NOT NULL REFERENCES results (id),
        date TEXT,
        date_source TEXT NOT NULL,
        PRIMARY KEY (review_id, result_id)
    );
    CREATE INDEX result_children_by_result ON result_children (result_id);
    """,
)


# How long to wait for another review (or any program) holding the file's lock.
WAIT_SECONDS = 30.0
# PRAGMA application_id of every history file qa-checker makes ("QAHC").
APPLICATION_ID = 0x51414843

# Parts of the package that do not change a recording's result.
_NOT_CHECKING = {"review", "commands", "reporters", "__pycache__"}


def checker_fingerprint() -> str:
    """qa-checker's version and a hash of the code and rule data that produce a result."""
    import hashlib

    from qa_checker import __version__
    from qa_checker.resources import packaged

    digest = hashlib.sha256()
    pending = [(packaged(), "")]
    while pending:
        node, name = pending.pop()
        for child in sorted(node.iterdir(), key=lambda c: c.name):
            relative = f"{name}/{child.name}"
            if child.is_dir() and child.name not in _NOT_CHECKING:
                pending.append((child, relative))
            elif child.is_file() and not child.name.endswith(".pyc"):
                digest.update(relative.encode() + b"\0" + child.read_bytes() + b"\0")
    return f"{__version__}+{digest.hexdigest()[:16]}"


class HistoryError(Exception):
    """The history file cannot be used (unreadable, not SQLite, or from a newer qa-checker)."""


def plain(value):
    """A model as JSON-ready values, fields excluded from JSON v1 (info, scalings) included."""
    if isinstance(value, BaseModel):
        return {name: plain(getattr(value, name)) for name in type(value).model_fields}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return value


def migrate(db: sqlite3.Connection, migrations: Sequence[str] = MIGRATIONS) -> int:
    """Bring the schema up to ``len(migrations)``; returns the version.

    The write lock is taken before the version is read (``BEGIN IMMEDIATE``), so of two reviews
    creating the same new file at once, the second waits and then finds it made. A file that
    another program made (another application id, or tables that are not ours) is refused
    untouched."""
    db.execute("BEGIN IMMEDIATE")
    try:
        version = db.execute("PRAGMA user_version").fetchone()[0]
        owner = db.execute("PRAGMA application_id").fetchone()[0]
        tables = {row[0] for row in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")}
        _check_ours(owner, version, tables, migrations)
        for number in range(version + 1, len(migrations) + 1):
            for statement in migrations[number - 1].split(";"):
                if statement.strip():
                    db.execute(statement)
            db.execute(f"PRAGMA user_version = {number}")
        if owner != APPLICATION_ID:
            db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        db.execute("COMMIT")
    except BaseException:
        if db.in_transaction:
            db.execute("ROLLBACK")
        raise
    return len(migrations)


_ANOTHER = "give --history a new file name or an existing qa-checker history"


def _check_ours(owner: int, version: int, tables: set[str], migrations: Sequence[str]) -> None:
    """Refuse a database qa-checker did not make (histories made before the application id was
    set are recognised by their tables)."""
    if owner not in (0, APPLICATION_ID):
        raise HistoryError(f"this is not a qa-checker history file (it belongs to another program: application "
                           f"id {owner}); {_ANOTHER}")
    if version > len(migrations):
        raise HistoryError(f"it was written by a newer qa-checker (schema version {version}); "
                           "update qa-checker to use it")
    made = {name for step in migrations[:version] for name in re.findall(r"CREATE TABLE (\w+)", step)}
    if owner == 0 and tables != made:
        raise HistoryError(f"this is not a qa-checker history file (it holds another program's tables); {_ANOTHER}")


def _guarded(method):
    """Turn SQLite's errors while using the file (a lock held too long) into one HistoryError line."""
    @functools.wraps(method)
    def guarded(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except sqlite3.OperationalError as exc:
            raise self._error(exc) from None

    return guarded


class History:
    """An open history file. Use as a context manager, or call :meth:`close`."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._known: dict[tuple[str, str], int] = {}
        if not self.path.parent.is_dir():
            raise HistoryError(f"{self.path}: the folder {self.path.parent} does not exist")
        self.wait = WAIT_SECONDS
        try:
            self.db = sqlite3.connect(self.path, isolation_level=None, timeout=self.wait)
            self.db.execute("PRAGMA foreign_keys = ON")
            migrate(self.db)
        except sqlite3.OperationalError as exc:
            raise self._error(exc) from None
        except sqlite3.DatabaseError as exc:
            raise HistoryError(f"{self.path}: this is not a qa-checker history file ({exc})") from None
        except HistoryError as exc:
            raise HistoryError(f"{self.path}: {exc}") from None

    def _error(self, exc: sqlite3.OperationalError) -> HistoryError:
        if "locked" in str(exc) or "busy" in str(exc):
            return HistoryError(f"{self.path}: another review (or another program) is using the history file and did "
                                f"not finish within {self.wait:g} s; try again when it has finished")
        return HistoryError(f"{self.path}: cannot use it ({exc})")

    def __enter__(self) -> History:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.db.close()

    @_guarded
    def stored(self, content_hash: str, checker: str) -> Report | None:
        """The latest result for this content from this checker (remembered for :meth:`record`)."""
        row = self.db.execute(
            "SELECT id, report FROM results WHERE content_hash = ? AND checker = ? ORDER BY id DESC LIMIT 1",
            (content_hash, checker),
        ).fetchone()
        if row is None:
            return None
        self._known[(content_hash, checker)] = row[0]
        return Report.model_validate_json(row[1])

    def add_result(self, item: Item, path: str, checker: str) -> int:
        """Store one result (inside the caller's transaction) and return its row id.

        A file name that is not valid UTF-8 is stored with U+FFFD for its stray bytes."""
        report = cleaned(item.report, valid_unicode)
        path = valid_unicode(path)
        info = report.info
        cursor = self.db.execute(
            "INSERT INTO results (path, content_hash, checker, checked_at, date_of_contact, supervisor, passed, "
            "error, report) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (path, item.content_hash or "", checker, dt.datetime.now().isoformat(timespec="seconds"),
             info.date.isoformat() if info and info.date else None, info.supervised_by if info else None,
             int(report.passed), report.error, json.dumps(plain(report), ensure_ascii=False)),
        )
        result_id = cursor.lastrowid
        assert result_id is not None  # set by the INSERT just made
        self.db.executemany("INSERT INTO result_children (result_id, child) VALUES (?, ?)",
                            [(result_id, child) for child in report.children])
        self.db.executemany(
            "INSERT INTO findings (result_id, rule, severity, section, child) VALUES (?, ?, ?, ?, ?)",
            [(result_id, f.rule, f.severity.value, f.section, f.child) for f in report.findings])
        self.db.executemany(
            "INSERT INTO scalings (result_id, child, score, has_reason, has_next_step) VALUES (?, ?, ?, ?, ?)",
            [(result_id, s.child, s.score, int(s.has_reason), int(s.has_next_step)) for s in report.scalings])
        return result_id

    @_guarded
    def record(self, items: Sequence[Item], paths: dict[str, str], checker: str | Mapping[str, str],
               window: DateWindow) -> int:
        """Store a review of ``items`` (``paths``: report path -> the file's full path) and the
        results not stored before; returns the review's id. ``checker`` is the checker key of
        every item, or of each by report path (when team settings differ between folders)."""
        self.db.execute("BEGIN IMMEDIATE")
        try:
            review_id = self.db.execute(
                "INSERT INTO reviews (created, description, date_from, date_to) VALUES (?, ?, ?, ?)",
                (dt.datetime.now().isoformat(timespec="seconds"), window.describe(),
                 window.start.isoformat() if window.start else None, window.end.isoformat() if window.end else None),
            ).lastrowid
            assert review_id is not None  # set by the INSERT just made
            for item in items:
                key = checker if isinstance(checker, str) else checker[item.report.path]
                known = self._known.get((item.content_hash or "", key)) if item.reused else None
                result_id = known or self.add_result(item, paths.get(item.report.path, item.report.path), key)
                self.db.execute(
                    "INSERT OR IGNORE INTO review_results (review_id, result_id, date, date_source) VALUES (?, ?, ?, ?)",
                    (review_id, result_id, item.date.isoformat() if item.date else None, item.date_source.value))
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        return review_id

    def _review_items(self, review_id: int) -> list[Item]:
        rows = self.db.execute(
            "SELECT r.path, r.report, rr.date, rr.date_source FROM review_results rr "
            "JOIN results r ON r.id = rr.result_id WHERE rr.review_id = ? ORDER BY r.id", (review_id,))
        return [_item(*row) for row in rows]

    @_guarded
    def previous_review(self, window: DateWindow | None = None) -> PreviousReview | None:
        """The review to compare a review of ``window`` with: the last review of the same dates,
        else the last of the period just before (for a week, the week before); None when there
        is neither. Without ``window``, the last review stored (None before the first)."""
        if window is None:
            row = self.db.execute("SELECT id, created, description FROM reviews ORDER BY id DESC LIMIT 1").fetchone()
        else:
            row = None
            for start, end in _periods(window):
                row = self.db.execute(
                    "SELECT id, created, description FROM reviews WHERE date_from IS ? AND date_to IS ? "
                    "ORDER BY id DESC LIMIT 1",
                    (start and start.isoformat(), end and end.isoformat())).fetchone()
                if row is not None:
                    break
        if row is None:
            return None
        return PreviousReview(created=dt.datetime.fromisoformat(row[1]), description=row[2],
                              items=self._review_items(row[0]))

    @_guarded
    def earlier_items(self, children: Iterable[str], exclude: Iterable[str]) -> list[Item]:
        """Recordings of these children from earlier reviews (the latest result for each file),
        leaving out the files in ``exclude`` (full paths): the scalings across weeks."""
        wanted = {c.casefold() for c in children}
        left_out = {valid_unicode(path) for path in exclude}
        rows = self.db.execute(
            "SELECT r.path, r.report, rr.date, rr.date_source, c.child FROM review_results rr "
            "JOIN results r ON r.id = rr.result_id JOIN result_children c ON c.result_id = r.id "
            "ORDER BY rr.review_id DESC, r.id DESC")
        latest: dict[str, Item] = {}
        for path, report, date, source, child in rows:
            if child.casefold() in wanted and path not in left_out and path not in latest:
                latest[path] = _item(path, report, date, source)
        return list(latest.values())


def _periods(window: DateWindow) -> list[tuple[dt.date | None, dt.date | None]]:
    """The dates of ``window``, then (when it has both ends) those of the period as long just before it."""
    periods = [(window.start, window.end)]
    if window.start and window.end:
        length = window.end - window.start + dt.timedelta(days=1)
        periods.append((window.start - length, window.end - length))
    return periods


def _item(path: str, report_json: str, date: str | None, source: str) -> Item:
    """A stored result as an item, under the full path it was stored with."""
    report = renamed(Report.model_validate_json(report_json), path)
    return Item(report=report, date=dt.date.fromisoformat(date) if date else None,
                date_source=DateSource(source), reused=True)
