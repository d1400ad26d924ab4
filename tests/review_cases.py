"""Folders of recordings and hand-built reports for the review tests."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

from conftest import GOOD_SPEC, apply_edits, build

from qa_checker.report import Finding, RecordingInfo, Report, Scaling, Severity

CLI = [sys.executable, "-m", "qa_checker"]
PLAIN = {**os.environ, "NO_COLOR": "1"}


def run(*args, cwd=None):
    return subprocess.run(CLI + [str(a) for a in args], capture_output=True, text=True, timeout=300, env=PLAIN, cwd=cwd)


def stderr_on_a_terminal(args: list) -> str:
    """``qa-checker ARGS`` with stderr on a pseudo-terminal: what it showed there, escape codes removed."""
    import re

    master, slave = os.openpty()
    process = subprocess.Popen(CLI + [str(a) for a in args], stdout=subprocess.PIPE, stderr=slave, env=PLAIN)
    os.close(slave)
    shown = b""
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:  # the terminal closed with the process
            break
        if not chunk:
            break
        shown += chunk
    process.communicate(timeout=120)
    os.close(master)
    return re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", shown.decode("utf-8", "replace"))


def set_mtime(path: Path, day: dt.date) -> None:
    stamp = dt.datetime.combine(day, dt.time(12, 0)).timestamp()
    os.utime(path, (stamp, stamp))


def recording(date: str = "12/03/2025", *, supervisor: str = "Jo Patel", edits=()) -> str:
    """The good recording with another date, supervisor and any other edits."""
    spec = apply_edits(GOOD_SPEC, [["Date of Contact: 12/03/2025", f"Date of Contact: {date}"],
                                   ["Supervised by: Jo Patel", f"Supervised by: {supervisor}"]])
    return apply_edits(spec, list(edits))


BAD_TIME = ["Time: 16:00 to 17:30", "Time: 17:00 to 16:00"]
NO_WORRY = ["Jayden cried at the door for two minutes and held Sarah's sleeve until his carer lifted him.", "N/A"]


def week_folder(tmp_path: Path) -> Path:
    """Recordings around the week of Monday 10 to Sunday 16 March 2025, one of them unreadable.

    in the week: amelia-12.txt (passes), sam-13.docx (two errors), undated.txt (no Date of
    Contact; file dated 14 March), broken.docx (not a Word file; file dated 11 March).
    outside: later-19.txt (19 March), broken-old.docx (file dated 1 March).
    """
    folder = tmp_path / "week"
    folder.mkdir()
    build(recording(), "text", folder, "amelia-12")
    build(recording("13/03/2025", supervisor="Sam Lee", edits=[BAD_TIME, NO_WORRY]), "docx", folder, "sam-13")
    build(recording("19/03/2025"), "text", folder, "later-19")
    undated = build(recording("", edits=[]), "text", folder, "undated")
    set_mtime(undated, dt.date(2025, 3, 14))
    for name, day in (("broken.docx", dt.date(2025, 3, 11)), ("broken-old.docx", dt.date(2025, 3, 1))):
        (folder / name).write_bytes(b"this is not a zip file")
        set_mtime(folder / name, day)
    return folder


def finding(rule: str, severity: str = "error", *, section: str = "basic_needs", text: str | None = None,
            message: str = "Say what you saw.") -> Finding:
    return Finding(rule=rule, name=f"rule-{rule.lower()}", severity=Severity(severity), section=section,
                   message=message, text=text, start=0 if text else None, end=len(text) if text else None)


def report(path: str, *, findings=(), children=("Amelia Smith",), supervisor="Jo Patel, Family Time Supervisor",
           scalings=(), error: str | None = None, date: dt.date | None = dt.date(2025, 3, 12)) -> Report:
    if error:
        return Report(path=path, passed=False, error=f"{path}: {error}")
    return Report(
        path=path, passed=not any(f.severity == Severity.ERROR for f in findings), children=list(children),
        findings=list(findings),
        info=RecordingInfo(date=date, supervised_by=supervisor, report_by=supervisor, present=["Sarah Smith"]),
        scalings=list(scalings),
    )


def scaling(child: str | None, score: float | None, reason: bool = True, step: bool = True) -> Scaling:
    return Scaling(child=child, score=score, has_reason=reason, has_next_step=step)
