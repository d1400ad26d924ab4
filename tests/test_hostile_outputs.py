"""What a recording or a file name holds never acts on a terminal (escape sequences, bell,
right-to-left override), and a file name that is not valid UTF-8 is shown with U+FFFD in every
output (text, JSON, SARIF, JUnit, GitHub, CSV, HTML, the history), never a crash."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from cli_runner import run_cli
from conftest import GOOD_SPEC, apply_edits, build

from qa_checker import check_paths
from qa_checker.report import RunResult
from qa_checker.reporters import OutputFormat, render

CLI = [sys.executable, "-m", "qa_checker"]
TITLE = "\x1b]0;pwned\x07"   # sets the terminal window's title
CLEAR = "\x1b[2J"            # clears the screen
RLO = "\u202e"               # right-to-left override: the rest of the line reads backwards
RAW = ("\x1b", "\x07", RLO, "\x9b")
HOSTILE_NAME = f"evil{TITLE}{RLO}name.txt"
SHOWN_NAME = "evil\u241b]0;pwned\u2407\ufffdname.txt"


@pytest.fixture
def hostile(tmp_path) -> Path:
    spec = apply_edits(GOOD_SPEC, [["Time: 16:00 to 17:30", f"Time: 17:00 to 16:00 {TITLE}{CLEAR}{RLO}\x9b31m"]])
    path = build(spec, "text", tmp_path, "recording")
    return path.rename(tmp_path / HOSTILE_NAME)


def test_text_report_escapes_what_the_recording_and_its_name_hold(hostile):
    run = run_cli("check", HOSTILE_NAME, cwd=hostile.parent)
    assert run.returncode == 1, run.stderr
    assert not any(char in run.stdout for char in RAW)
    assert run.stdout.startswith(f"{SHOWN_NAME}\n")
    assert "“Time: [17:00 to 16:00 \u241b]0;pwned\u2407\u241b[2J\ufffd\ufffd31m]”" in run.stdout


def test_coloured_report_has_only_its_own_escape_sequences(hostile):
    text = render(RunResult.of(check_paths([hostile])), OutputFormat.TEXT, color=True)
    assert "\x1b]" not in text and CLEAR not in text and "\x07" not in text and RLO not in text and "\x9b" not in text
    assert "\x1b[" in text  # rich's own colours are still there


@pytest.mark.parametrize("fmt", ["junit", "github"])
def test_ci_formats_escape_control_characters(fmt, hostile):
    text = render(RunResult.of(check_paths([hostile])), OutputFormat(fmt))
    assert not any(char in text for char in RAW)


@pytest.mark.parametrize("fmt", ["json", "sarif"])
def test_json_formats_escape_them_and_keep_the_values(fmt, hostile):
    # SARIF carries the recording's words only when asked (--show-text): then escaped, kept
    text = render(RunResult.of(check_paths([hostile])), OutputFormat(fmt), show_text=True)
    assert not any(char in text for char in RAW)
    assert "\\u202e" in text and "\\u001b" in text and "\\u009b" in text
    if fmt == "json":
        assert json.loads(text)["reports"][0]["path"] == str(hostile)


def test_review_table_escapes_them(hostile):
    run = run_cli("review", str(hostile.parent))
    assert run.returncode == 1, run.stderr
    assert not any(char in run.stdout for char in RAW)
    assert SHOWN_NAME in run.stdout


def test_an_error_line_escapes_the_file_name(tmp_path):
    run = run_cli("annotate", str(tmp_path / f"draft{CLEAR}{RLO}.docx"))
    assert (run.returncode, run.stdout) == (2, "")
    assert run.stderr == f"{tmp_path}/draft\u241b[2J\ufffd.docx: no such file\n"


# --- a file name that is not valid UTF-8 ---------------------------------------------------------

LATIN1_NAME = os.fsdecode(b"caf\xe9.txt")  # 'café.txt' saved by a Windows-1252 system
SHOWN = "caf\ufffd.txt"


def strict(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    """The command with standard output strictly UTF-8, as under en_GB.UTF-8 (no lone surrogates)."""
    env = {**os.environ, "NO_COLOR": "1", "PYTHONIOENCODING": "utf-8:strict"}
    return subprocess.run(CLI + list(args), capture_output=True, timeout=180, cwd=cwd, env=env)


@pytest.fixture
def latin1(tmp_path) -> Path:
    folder = tmp_path / "week"
    folder.mkdir()
    spec = apply_edits(GOOD_SPEC, [["Time: 16:00 to 17:30", "Time: 17:00 to 16:00"]])
    build(spec, "text", folder, "x").rename(folder / LATIN1_NAME)
    return folder


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "junit", "github"])
def test_a_name_that_is_not_utf8_is_shown_with_replacement_characters(fmt, latin1):
    shown = "caf%EF%BF%BD.txt" if fmt == "sarif" else SHOWN  # SARIF's artifact location is a URI
    run = strict("check", ".", "--format", fmt, cwd=latin1)
    assert (run.returncode, run.stderr) == (1, b""), run.stderr
    assert shown in run.stdout.decode("utf-8")
    written = strict("check", ".", "--format", fmt, "-o", str(latin1.parent / f"out.{fmt}"), cwd=latin1)
    assert written.returncode == 1, written.stderr
    assert shown in (latin1.parent / f"out.{fmt}").read_text(encoding="utf-8")


def test_review_outputs_and_history_show_replacement_characters(latin1):
    out = latin1.parent
    args = ["review", ".", "--csv", str(out / "f.csv"), "--csv-summary", str(out / "s.csv"),
            "--html", str(out / "r.html"), "--history", str(out / "h.db")]
    run = strict(*args, cwd=latin1)
    assert (run.returncode, run.stderr) == (1, b""), run.stderr
    assert SHOWN in run.stdout.decode("utf-8")
    for name in ("f.csv", "s.csv", "r.html"):
        assert SHOWN in (out / name).read_text(encoding="utf-8-sig"), name
    with sqlite3.connect(out / "h.db") as db:
        paths = [row[0] for row in db.execute("SELECT path FROM results")]
    assert [Path(p).name for p in paths] == [SHOWN]
    again = strict(*args, cwd=latin1)  # the second review reuses the stored result
    assert (again.returncode, again.stderr) == (1, b""), again.stderr
