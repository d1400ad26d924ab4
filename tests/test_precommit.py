"""The pre-commit hook (.pre-commit-hooks.yaml) run by pre-commit itself against a temporary repository.

pre-commit builds the hook's environment the way a team's machine would: a virtualenv with
qa-checker installed from this repository (spaCy included) from the package index. try-repo
builds it afresh on every run, which takes 25-50 s here, so the test runs pre-commit once
(marked `slow`; it still runs in `make test`). The passing exit code is covered by test_cli.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from cli_runner import run_cli
from conftest import SAMPLES

ROOT = Path(__file__).resolve().parent.parent
HOOK_LINE = "qa-checker (family time recordings)"


def _git(*args: str, cwd: Path) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


def _try_repo(repo: Path, cache: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PRE_COMMIT_HOME": str(cache), "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "qa-checker", "--color", "never", *args],
        cwd=repo, env=env, capture_output=True, text=True, timeout=900,
    )


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed, and pre-commit needs it")
def test_pre_commit_hook_checks_recordings(tmp_path):
    repo = tmp_path / "recordings"
    repo.mkdir()
    _git("init", "-q", cwd=repo)
    shutil.copy(SAMPLES / "good-harper-2025-06-12.txt", repo / "good.txt")
    shutil.copy(SAMPLES / "good-amelia-jayden-2025-03-12.docx", repo / "good.docx")
    shutil.copy(SAMPLES / "flawed-placeholders-ruby.md", repo / "bad.md")
    (repo / "~$good.docx").write_bytes(b"\x00Word lock file")  # must not reach the hook
    (repo / "notes.rst").write_text("Not a recording.\n", encoding="utf-8")  # must not either
    _git("add", "-A", cwd=repo)
    cache = tmp_path / "pre-commit-cache"

    failing = _try_repo(repo, cache, "--all-files")
    output = failing.stdout
    assert failing.returncode == 1, output + failing.stderr
    lines = output.splitlines()
    hook = next(i for i, line in enumerate(lines) if line.startswith(HOOK_LINE))
    assert lines[hook].endswith("Failed")
    assert lines[hook + 1:hook + 3] == ["- hook id: qa-checker", "- exit code: 1"]
    # the hook printed exactly what `qa-checker check` prints for the three recordings
    expected = run_cli("check", "bad.md", "good.docx", "good.txt", cwd=repo)
    assert expected.returncode == 1
    assert expected.stdout.startswith("bad.md\n") and "good.docx\n  nothing to fix" in expected.stdout
    assert f"- exit code: 1\n\n{expected.stdout}" in output
    assert "~$good.docx" not in output and "notes.rst" not in output
