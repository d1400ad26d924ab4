"""`check` over many files shows progress on stderr when stderr is a terminal, and nothing otherwise."""

from __future__ import annotations

from review_cases import run, stderr_on_a_terminal, week_folder


def test_check_shows_progress_only_on_a_terminal(tmp_path):
    folder = week_folder(tmp_path)
    text = stderr_on_a_terminal(["check", "--jobs", "1", folder])
    assert "Checking" in text and "6/6" in text and "time left" in text
    plain = run("check", "--jobs", "1", folder)
    assert plain.returncode == 2  # two files cannot be read
    assert "Checking" not in plain.stderr
