"""The terminal report for supervisors: flagged words in their sentence, what to do, a closing count."""

from __future__ import annotations

import os
import subprocess
import sys

from conftest import GOOD_SCALING_SUMMARY, GOOD_SPEC, SAMPLES, TODAY, apply_edits

from qa_checker import check_paths, check_text
from qa_checker.report import Excerpt, Finding, Report, RunResult, Severity
from qa_checker.reporters.text import render_text

SENTENCE = "At 16:20 Mum seemed happy to see Amelia and hugged her."


def _phrasing_finding(sentence: str = SENTENCE, words: str = "seemed happy", **extra) -> Finding:
    """A finding on words inside a sentence, as the phrasing rules give them."""
    offset = 500
    start = offset + sentence.index(words)
    return Finding(
        rule="P01", name="speculative-phrasing", severity=Severity.WARNING, section="introductions",
        message="'seemed happy' is a guess about how Mum felt.", text=words, start=start, end=start + len(words),
        suggestion="Describe what you saw: her face, her words, what she did.",
        excerpt=Excerpt(text=sentence, start=offset), **extra,
    )


def _result(*findings: Finding, path: str = "draft.docx") -> RunResult:
    passed = not any(f.severity == Severity.ERROR for f in findings)
    return RunResult.of([Report(path=path, passed=passed, findings=list(findings))])


def test_flagged_words_in_their_sentence_message_and_what_to_do():
    out = render_text(_result(_phrasing_finding()), width=80)
    assert out == (
        "draft.docx\n"
        "  1 thing to fix before submitting (1 warning)\n"
        "\n"
        "  Introductions\n"
        "    warning  P01 speculative-phrasing\n"
        "      “At 16:20 Mum [seemed happy] to see Amelia and hugged her.”\n"
        "      'seemed happy' is a guess about how Mum felt.\n"
        "      What to do: Describe what you saw: her face, her words, what she did.\n"
        "\n"
        "1 recording checked: 1 thing to fix before submitting (1 warning).\n"
    )


def test_colour_highlights_the_flagged_words_instead_of_brackets():
    out = render_text(_result(_phrasing_finding()), width=80, color=True)
    assert "Mum \x1b[1;30;43mseemed happy\x1b[0m to see Amelia" in out
    assert "[seemed happy]" not in out


def test_a_long_sentence_is_shortened_around_the_flagged_words():
    sentence = ("When the children came in from the car park with their foster carer at 16:00 after a long day "
                "at school and a traffic jam, Mum seemed happy to see Amelia, hugged her, and then sat down "
                "with Jayden on the floor by the window to build a tower with the wooden blocks he likes best.")
    out = render_text(_result(_phrasing_finding(sentence)), width=80)
    assert (
        "      “…carer at 16:00 after a long day at school and a traffic jam, Mum [seemed\n"
        "      happy] to see Amelia, hugged her, and then sat down with Jayden on the…”\n"
    ) in out


def test_a_long_flagged_passage_running_over_several_lines_is_cut_once():
    line = ("This section should cover how you felt the contact went, draw upon any difficulties experienced, "
            "and the parts that worked well in contact, using phrases such as these.")
    finding = Finding(rule="S03", name="prompt-left-in", severity=Severity.WARNING, section="reflection",
                      message="The template's prompt text is still here.", text=line + "\nMore prompt text.",
                      start=0, end=len(line) + 19, excerpt=Excerpt(text=line, start=0))
    out = render_text(_result(finding), width=80)
    assert (
        "      “This section should cover how you felt the contact went, draw upon any\n"
        "      difficulties experienced, and the parts that worked well in contact, using\n"
        "      phrases such…”\n"
    ) in out


def test_every_line_fits_80_columns_without_trailing_spaces():
    out = render_text(RunResult.of(check_paths([SAMPLES], today=TODAY)), width=80)
    lines = out.splitlines()
    assert all(len(line) <= 80 and line == line.rstrip() for line in lines)
    assert lines[-3:] == [
        "10 recordings checked: 5 passed, 5 need changes.",
        # 69 and 3 since SC07 (issue 14): Tyler's overall scaling leans on his own next step.
        "69 things to fix before submitting (16 errors, 53 warnings); 3 info findings to",
        "consider (optional).",
    ]


def test_quiet_shows_errors_only_and_says_how_many_warnings_are_hidden():
    spec = apply_edits(GOOD_SPEC, [["Time: 16:00 to 17:30", "Time: 17:00 to 16:00"], ["12/03/2025", "09/03/2025"]])
    flawed = check_text(spec, "flawed.txt", today=TODAY)
    warned = check_text(apply_edits(GOOD_SPEC, [["12/03/2025", "09/03/2025"]]), "sunday.txt", today=TODAY)
    out = render_text(RunResult.of([flawed, warned]), width=80, quiet=True)
    assert "sunday.txt" not in out and "H04" not in out
    assert out.splitlines()[:5] == [
        "flawed.txt", "  1 error to fix before submitting (1 warning not shown)", "", "  Header",
        "    error    H03 invalid-time",
    ]
    assert out.splitlines()[-2:] == [
        "2 recordings checked: 1 passed, 1 needs changes.",
        "1 error to fix before submitting (2 warnings not shown).",
    ]
    full = render_text(RunResult.of([flawed, warned]), width=80)
    assert "sunday.txt" in full and full.count("H04 no-session-day") == 2


def test_clean_and_unreadable_recordings():
    good = check_text(GOOD_SPEC, "good.txt", today=TODAY)
    broken = Report(path="old.doc", passed=False, error="old.doc: this is an old-style Word 97-2003 document (.doc); open it in Word and save it as .docx")
    out = render_text(RunResult.of([good, broken]), width=80)
    assert out == (
        "good.txt\n"
        "  nothing to fix: ready to submit\n"
        "\n"
        f"{GOOD_SCALING_SUMMARY}"
        "\n"
        "old.doc\n"
        "  cannot check: this is an old-style Word 97-2003 document (.doc); open it in\n"
        "  Word and save it as .docx\n"
        "\n"
        "2 recordings checked: 1 passed, 1 could not be read.\n"
        "Nothing to fix.\n"
    )


def _on_a_terminal(*args: str, no_color: bool) -> str:
    """Run the CLI with its output on a pseudo-terminal, as a supervisor's shell would."""
    import pty

    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"} | {"COLUMNS": "80"}
    if no_color:
        env["NO_COLOR"] = "1"
    leader, follower = pty.openpty()
    process = subprocess.Popen([sys.executable, "-m", "qa_checker", *args], stdout=follower, stderr=follower, env=env)
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closes when the process ends
            break
        if not chunk:
            break
        chunks.append(chunk)
    process.wait(timeout=120)
    os.close(leader)
    return b"".join(chunks).decode("utf-8")


def test_colour_only_on_a_terminal_and_never_with_no_color(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text(apply_edits(GOOD_SPEC, [["Time: 16:00 to 17:30", "Time: 17:00 to 16:00"]]).replace("# ", ""), encoding="utf-8")
    assert "\x1b[" in _on_a_terminal("check", str(draft), no_color=False)
    assert "\x1b[" not in _on_a_terminal("check", str(draft), no_color=True)
    piped = subprocess.run([sys.executable, "-m", "qa_checker", "check", str(draft)], capture_output=True, text=True,
                           env={k: v for k, v in os.environ.items() if k != "NO_COLOR"}, timeout=120)
    assert "\x1b[" not in piped.stdout and "[17:00 to 16:00]" in piped.stdout


def test_scaling_summary_rows_missing_out_of_range_and_a_ten():
    from qa_checker.report import Scaling

    rows = [Scaling(child=None, score=6.5, has_reason=True, has_next_step=False),
            Scaling(child="Amelia Smith", score=10, has_reason=True, has_next_step=False),
            Scaling(child="Amelia Jones", score=12, has_reason=False, has_next_step=True),
            Scaling(child="Anastasia-Maximiliana-Rose Smith", score=None, has_reason=False, has_next_step=False),
            Scaling(child="Lily", score=0, has_reason=True, has_next_step=True)]
    out = render_text(RunResult.of([Report(path="draft.docx", passed=True, scalings=rows)]), width=80)
    assert out.splitlines()[2:10] == [
        "",
        "  Scaling summary",
        "    child                     score    reason  next step",
        "    Overall                   6.5/10   yes     no",
        "    Amelia Smith              10/10    yes     -",
        "    Amelia Jones              12/10    no      yes",
        "    Anastasia-Maximiliana-R…  missing  -       -",
        "    Lily                      0/10     yes     yes",
    ]
    coloured = render_text(RunResult.of([Report(path="draft.docx", passed=True, scalings=rows)]), width=80, color=True)
    assert "\x1b[31mmissing\x1b[0m" in coloured and "\x1b[31m12/10\x1b[0m" in coloured
    quiet = render_text(RunResult.of([Report(path="draft.docx", passed=False, scalings=rows, findings=[
        Finding(rule="SC02", name="missing-child-scaling", severity=Severity.ERROR, message="m")])]), width=80, quiet=True)
    assert "Scaling summary" not in quiet


def test_info_findings_are_counted_in_the_closing_lines():
    note = _phrasing_finding(words="Mum").model_copy(update={"severity": Severity.INFO, "rule": "P06"})
    out = render_text(_result(note, _phrasing_finding()), width=120)
    assert out.splitlines()[-1] == (
        "1 recording checked: 1 thing to fix before submitting (1 warning); 1 info finding to consider (optional).")
    assert render_text(_result(note), width=80).splitlines()[-1] == (
        "1 recording checked: nothing to fix; 1 info finding to consider (optional).")
    two = RunResult.of([_result(note).reports[0], _result(note, path="b.docx").reports[0]])
    assert render_text(two, width=80).splitlines()[-2:] == [
        "2 recordings checked: 2 passed.", "Nothing to fix; 2 info findings to consider (optional)."]
    quiet = render_text(two, width=80, quiet=True).splitlines()[-1]
    assert quiet == "No errors to fix (2 info findings not shown)."
    assert RunResult.of(two.reports).model_dump(mode="json")["summary"] == {  # JSON v1 keys unchanged
        "files": 2, "passed": 2, "failed": 0, "errors": 0, "warnings": 0}
