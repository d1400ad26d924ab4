"""Checking a folder on several cores gives exactly what one process gives."""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import GOOD_SPEC, apply_edits, build
from review_cases import BAD_TIME, PLAIN

from qa_checker import check_paths, parallel
from qa_checker.settings import ConfigResolver


def mixed_folder(tmp_path):
    """Ten recordings (half with a bad time), four files that cannot be read, and team settings."""
    folder = tmp_path / "week"
    folder.mkdir()
    for number in range(10):
        build(apply_edits(GOOD_SPEC, [BAD_TIME] if number % 2 else []), "docx" if number % 3 else "text",
              folder, f"rec-{number:02}")
    (folder / "cut-short.docx").write_bytes((folder / "rec-01.docx").read_bytes()[:900])
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (folder / "not-word.docx").write_bytes(b"plain text pretending to be Word")
    (folder / "qa-checker.toml").write_text('severity = { H03 = "warning" }\n', encoding="utf-8")
    return folder


@pytest.mark.parametrize("requested, files, expected", [
    (None, 0, 1), (2, 3, 1), (2, 8, 2), (4, 9, 2), (1, 100, 1), (3, 100, 3),
])
def test_plan_workers(requested, files, expected):
    assert parallel.plan_workers(requested, files) == expected


def test_plan_workers_one_per_core_by_default():
    assert parallel.plan_workers(0, 1000) == parallel.plan_workers(None, 1000) == parallel.cores()


def test_workers_give_the_same_reports_in_the_same_order(tmp_path):
    folder = mixed_folder(tmp_path)
    alone = check_paths([folder], config=ConfigResolver(), jobs=1)
    pooled = check_paths([folder], config=ConfigResolver(), jobs=2)
    assert [r.model_dump() for r in pooled] == [r.model_dump() for r in alone]
    assert len(alone) == 14 and sum(1 for r in alone if r.error) == 4
    assert [r.path for r in alone] == sorted((r.path for r in alone), key=str.lower)
    # the team's settings apply in the workers too: the bad times are warnings there
    assert {f.severity.value for r in pooled for f in r.findings if f.rule == "H03"} == {"warning"}
    assert sum(1 for r in pooled if any(f.rule == "H03" for f in r.findings)) == 5


def test_cli_jobs_change_nothing_but_speed(tmp_path):
    folder = mixed_folder(tmp_path)
    runs = [subprocess.run([sys.executable, "-m", "qa_checker", "check", str(folder), "-f", "json", "-j", jobs],
                           capture_output=True, text=True, timeout=300, env=PLAIN) for jobs in ("1", "2")]
    assert runs[0].returncode == runs[1].returncode == 2, runs[1].stderr  # four files cannot be read
    assert runs[0].stdout == runs[1].stdout and '"error"' in runs[0].stdout
    assert "Traceback" not in runs[1].stderr


@pytest.mark.parametrize("before, method", [("", "fork"), ("import numpy", "forkserver")])
def test_workers_are_forked_only_before_blas_is_loaded(before, method):
    script = f"{before}\nfrom qa_checker import parallel\nprint(parallel._context().get_start_method())"
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True)
    assert run.stdout.strip() == method


def test_a_folder_check_still_forks_once_every_rule_is_loaded():
    """The rules are imported before the pool starts (the registry loads every rule module): none
    may import spaCy or numpy at import time, or workers start from a forkserver and pay for it
    (seen: a linker importing spaCy's stop words at the top made a 200-file check 18% slower)."""
    script = ("from qa_checker import cli, parallel\nfrom qa_checker.registry import all_rules\n"
              "all_rules()\nprint(parallel._context().get_start_method())")
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True)
    assert run.stdout.strip() == "fork"
