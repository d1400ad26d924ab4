"""Review: checking in a process pool, and folders with files that cannot be read."""

from __future__ import annotations

import re

from conftest import GOOD_SPEC, build
from review_cases import BAD_TIME, recording, run

from qa_checker.review import runner
from qa_checker.review.history import plain
from qa_checker.review.selection import DateWindow


def broken_folder(tmp_path):
    """Five good recordings and five that cannot be read, each in its own way."""
    folder = tmp_path / "mixed"
    folder.mkdir()
    for number in range(5):
        spec = recording(f"1{number}/03/2025", edits=[BAD_TIME] if number % 2 else [])
        build(spec, "docx" if number % 2 else "text", folder, f"good-{number}")
    good = (folder / "good-1.docx").read_bytes()
    (folder / "cut-short.docx").write_bytes(good[: len(good) // 2])
    (folder / "not-word.docx").write_bytes(b"plain text pretending to be Word")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (folder / "empty.docx").write_bytes(b"")
    return folder


def test_pool_gives_the_same_reports_as_one_process(tmp_path):
    folder = broken_folder(tmp_path)
    paths = sorted(str(p) for p in folder.iterdir())
    (tmp_path / "qa-checker.toml").write_text('severity = { H03 = "warning" }\n', encoding="utf-8")
    alone = runner.run_checks(paths, DateWindow(), workers=1)
    done = []
    pooled = runner.run_checks(paths, DateWindow(), workers=2, on_done=lambda: done.append(1))
    assert len(done) == len(paths) == 10
    key = lambda item: item.report.path  # noqa: E731
    assert [plain(i) for i in sorted(pooled, key=key)] == [plain(i) for i in sorted(alone, key=key)]
    assert sum(1 for i in alone if i.report.error) == 5
    # the team's settings (one folder up) apply in the workers too
    assert {f.severity.value for i in pooled for f in i.report.findings if f.rule == "H03"} == {"warning"}


def test_a_bug_on_one_file_is_reported_and_the_rest_are_checked(tmp_path, monkeypatch):
    good = build(GOOD_SPEC, "text", tmp_path, "good")
    odd = build(GOOD_SPEC, "text", tmp_path, "odd")
    import qa_checker.api

    real = qa_checker.api.check_document

    def fails_on_odd(document, **options):
        if document.path.endswith("odd.txt"):
            raise RuntimeError("boom")
        return real(document, **options)

    monkeypatch.setattr(qa_checker.api, "check_document", fails_on_odd)
    items = runner.run_checks([str(good), str(odd)], DateWindow(), workers=1)
    assert [(i.report.path, i.report.error) for i in items] == [
        (str(good), None),
        (str(odd), f"{odd}: qa-checker failed on this file (RuntimeError: boom); please report it to the qa-checker team"),
    ]


def test_folder_with_broken_files_is_reviewed_to_the_end(tmp_path):
    folder = broken_folder(tmp_path)
    result = run("review", folder, "--workers", "2")
    assert result.returncode == 2
    assert result.stderr == ""
    assert result.stdout.splitlines()[0] == "Review of 10 recordings of any date: 3 passed, 2 need changes, 5 could not be read."
    reasons = result.stdout.split("Could not be read (ask for a readable copy):\n", 1)[1].split("\n\n", 1)[0]
    listed = sorted(re.findall(r"^  (\S+?): ", reasons, re.MULTILINE))
    assert listed == ["binary.txt", "cut-short.docx", "empty.docx", "empty.txt", "not-word.docx"]
    for name in ("good-0.txt", "good-2.txt", "good-4.txt"):
        assert re.search(rf"^{re.escape(name)} .* passed$", result.stdout, re.MULTILINE)
    for name in ("good-1.docx", "good-3.docx"):
        assert re.search(rf"^{re.escape(name)} .* H03 invalid-time +needs changes$", result.stdout, re.MULTILINE)


def test_paths_are_shown_relative_to_the_folders_reviewed(tmp_path):
    from qa_checker.review.pipeline import display_path

    one, two = tmp_path / "Week 12", tmp_path / "Week 13"
    (one / "sub").mkdir(parents=True)
    two.mkdir()
    assert display_path(str(one / "sub" / "a.docx"), [one]) == "sub/a.docx"
    assert display_path(str(one / "a.docx"), [one, two]) == "Week 12/a.docx"
    assert display_path(str(two / "a.docx"), [one, two]) == "Week 13/a.docx"
    assert display_path("elsewhere/a.docx", [one]) == "elsewhere/a.docx"


def test_worker_initialiser_loads_what_the_checks_need_once():
    from qa_checker import policy, registry, template
    from qa_checker.nlp import pipeline

    caches = (registry.all_rules, template._load, policy._load, pipeline._load)
    runner.init_worker()
    assert all(c.cache_info().currsize >= 1 for c in caches)
    misses = [c.cache_info().misses for c in caches]
    runner.init_worker()
    assert [c.cache_info().misses for c in caches] == misses  # nothing loaded a second time


def test_progress_bar_only_on_a_terminal(tmp_path):
    from review_cases import stderr_on_a_terminal, week_folder

    folder = week_folder(tmp_path)
    text = stderr_on_a_terminal(["review", folder])
    assert "Checking" in text and "6/6" in text and "time left" in text
    assert "Checking" not in run("review", folder).stderr
