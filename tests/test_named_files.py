"""Files named on the command line and folders searched: an unreadable file is its own line and the
rest are checked; a fifo, socket or device is refused without being read; an unreadable folder
gets a line. The tests run as root in CI, so the commands run here without root's power to read
any file (setpriv drops it), as a supervisor's own account would."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import GOOD_SPEC, build

CLI = [sys.executable, "-m", "qa_checker"]
DROP = ["setpriv", "--bounding-set=-dac_override,-dac_read_search", "--inh-caps=-dac_override,-dac_read_search"]


def as_a_user(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    """``qa-checker ARGS`` with file permissions applying (root's override of them dropped)."""
    prefix = DROP if os.geteuid() == 0 else []
    if prefix and not shutil.which("setpriv"):
        pytest.skip("setpriv is needed to run without root's override of file permissions")
    return subprocess.run(prefix + CLI + list(args), capture_output=True, text=True, timeout=120, cwd=cwd,
                          env={**os.environ, "NO_COLOR": "1"})


@pytest.fixture
def folder(tmp_path) -> Path:
    build(GOOD_SPEC, "text", tmp_path, "a-good")
    secret = build(GOOD_SPEC, "text", tmp_path, "b-locked")
    secret.chmod(0)
    inner = tmp_path / "c-locked-folder"
    inner.mkdir()
    build(GOOD_SPEC, "text", inner, "inside")
    inner.chmod(0)
    yield tmp_path
    inner.chmod(0o755)


def test_an_unreadable_file_named_is_its_line_and_the_rest_are_checked(folder):
    run = as_a_user("check", "a-good.txt", "b-locked.txt", "--format", "json", cwd=folder)
    assert (run.returncode, run.stderr) == (2, "")
    reports = json.loads(run.stdout)["reports"]
    assert [(r["path"], r["passed"], r["error"]) for r in reports] == [
        ("a-good.txt", True, None),
        ("b-locked.txt", False, "b-locked.txt: permission denied; check that you can open this file"),
    ]


def test_an_unreadable_sub_folder_gets_a_line(folder):
    run = as_a_user("check", ".", "--format", "json", cwd=folder)
    assert (run.returncode, run.stderr) == (2, "")
    reports = json.loads(run.stdout)["reports"]
    assert [(r["path"], r["error"]) for r in reports] == [
        ("a-good.txt", None),
        ("b-locked.txt", "b-locked.txt: permission denied; check that you can open this file"),
        ("c-locked-folder", "c-locked-folder: cannot open this folder (permission denied), so the recordings in it "
                            "were not checked; check that you can open it"),
    ]


def test_review_names_the_unreadable_file_and_folder(folder):
    run = as_a_user("review", ".", "--csv-summary", str(folder.parent / "summary.csv"), cwd=folder)
    assert run.returncode == 2, run.stderr
    assert "Traceback" not in run.stderr
    summary = (folder.parent / "summary.csv").read_text(encoding="utf-8")
    assert "b-locked.txt" in summary and "c-locked-folder" in summary


def test_annotate_an_unreadable_draft_is_one_line(folder):
    run = as_a_user("annotate", "b-locked.txt", cwd=folder)
    assert (run.returncode, run.stdout, run.stderr) == (
        2, "", "b-locked.txt: permission denied; check that you can open this file\n")


def _socket(path: Path) -> Path:
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(str(path))
    server.close()
    return path


def test_a_fifo_socket_or_device_is_refused_without_reading(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    _socket(tmp_path / "socket.md")
    (tmp_path / "zeros.txt").symlink_to("/dev/zero")
    (tmp_path / "random.docx").symlink_to("/dev/urandom")
    build(GOOD_SPEC, "text", tmp_path, "zz-good")
    names = ["pipe.txt", "socket.md", "zeros.txt", "random.docx", "zz-good.txt"]
    run = subprocess.run(CLI + ["check", *names, "--format", "json"], capture_output=True, text=True, timeout=120,
                         cwd=tmp_path)
    assert (run.returncode, run.stderr) == (2, "")
    errors = {r["path"]: r["error"] for r in json.loads(run.stdout)["reports"]}
    assert errors == {
        "pipe.txt": "pipe.txt: this is a named pipe, not a recording file; name the recording itself",
        "random.docx": "random.docx: this is a device, not a recording file; name the recording itself",
        "socket.md": "socket.md: this is a socket, not a recording file; name the recording itself",
        "zeros.txt": "zeros.txt: this is a device, not a recording file; name the recording itself",
        "zz-good.txt": None,
    }
