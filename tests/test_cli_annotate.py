"""``qa-checker annotate`` as a supervisor runs it: the line it prints, its exit codes, --force and -o."""

from __future__ import annotations

import os
import subprocess
import sys

from conftest import GOOD_SPEC, apply_edits, build
from docx_comments import anchored_comments

CLI = [sys.executable, "-m", "qa_checker"]


def run(*args, cwd=None):
    env = {**os.environ, "NO_COLOR": "1"}
    return subprocess.run(CLI + list(args), capture_output=True, text=True, timeout=120, cwd=cwd, env=env)


def test_annotate_writes_the_copy_beside_the_draft_and_refuses_a_second_time(tmp_path):
    draft = build(apply_edits(GOOD_SPEC, [["Time: 16:00 to 17:30", "Time: 17:00 to 16:00"]]), "docx", tmp_path, "draft")
    before = draft.read_bytes()
    first = run("annotate", "draft.docx", cwd=tmp_path)
    assert (first.returncode, first.stdout, first.stderr) == (
        1, "Wrote draft.checked.docx: 1 comment, 1 thing to fix before submitting (1 error).\n", "",
    )
    assert [anchored for _, _, anchored in anchored_comments(tmp_path / "draft.checked.docx")] == ["17:00 to 16:00"]
    second = run("annotate", "draft.docx", cwd=tmp_path)
    assert (second.returncode, second.stdout, second.stderr) == (
        2, "", "draft.checked.docx already exists; add --force to replace it, or choose another name with -o\n",
    )
    forced = run("annotate", "draft.docx", "--force", cwd=tmp_path)
    assert forced.returncode == 1 and forced.stdout.startswith("Wrote draft.checked.docx: 1 comment")
    assert draft.read_bytes() == before


def test_annotate_output_option_and_a_clean_text_draft(tmp_path):
    draft = build(GOOD_SPEC, "text", tmp_path, "draft")
    result = run("annotate", str(draft), "-o", str(tmp_path / "mine.md"))
    assert (result.returncode, result.stdout) == (0, f"Wrote {tmp_path / 'mine.md'}: no notes, nothing to fix.\n")
    assert (tmp_path / "mine.md").read_text(encoding="utf-8").endswith("Checked by qa-checker: nothing to fix.\n")


def test_annotate_usage_errors(tmp_path):
    missing = run("annotate", str(tmp_path / "nope.docx"))
    assert (missing.returncode, missing.stderr) == (2, f"{tmp_path / 'nope.docx'}: no such file\n")
    assert run("annotate").returncode == 2
    draft = build(GOOD_SPEC, "docx", tmp_path, "draft")
    itself = run("annotate", str(draft), "-o", str(draft), "--force")
    assert itself.returncode == 2 and "never writes to it" in itself.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["draft.docx"]
