"""One recording in a review: its report, how it was dated and where the result came from."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict

from qa_checker.report import Report
from qa_checker.review.selection import DateSource


class Item(BaseModel):
    """A recording in the review (``report.error`` set when it could not be read)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    report: Report
    date: dt.date | None
    date_source: DateSource
    content_hash: str | None = None
    # True when the result was taken from the history instead of checking the file again.
    reused: bool = False
    # Names written in the recording's body (found for --redact only; never stored).
    names: tuple[str, ...] = ()


def renamed(report: Report, path: str) -> Report:
    """The report under another path (an error message names the file the same way)."""
    update: dict[str, object] = {"path": path}
    if report.error and report.error.startswith(f"{report.path}: "):
        update["error"] = f"{path}: " + report.error.removeprefix(f"{report.path}: ")
    return report.model_copy(update=update)
