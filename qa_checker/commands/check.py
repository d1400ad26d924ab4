"""``qa-checker check PATH...``: check recordings and report what is missing or weak."""

from __future__ import annotations

import shutil
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer

from qa_checker.commands import ExitCode, app, say, use_color
from qa_checker.report import Severity
from qa_checker.reporters import OutputFormat

_LIST = "Comma-separated rule ids or prefixes (repeatable)."


def _split(values: list[str] | None) -> tuple[str, ...] | None:
    if values is None:
        return None
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


def _severities(values: list[str] | None) -> dict[str, str]:
    from qa_checker.config import ConfigError

    result = {}
    for item in _split(values) or ():
        code, sep, level = item.partition("=")
        if not sep or not code.strip() or not level.strip():
            raise ConfigError(f"command line: --severity: {item!r} should be RULE=LEVEL, e.g. R01=warning")
        result[code.strip()] = level.strip()
    return result


def _fail(message: str) -> typer.Exit:
    say(message, err=True)
    return typer.Exit(ExitCode.USAGE)


def _write(path: Path, text: str) -> None:
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise _fail(f"qa-checker: cannot write {path}: {exc.strerror or exc}") from None


@app.command()
def check(
    paths: Annotated[list[Path], # readable=False: an unreadable file is that file's one line, and the rest are still checked
        typer.Argument(help="Recordings (.docx, .txt, .md) or folders to search.", readable=False)],
    output_format: Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")] = OutputFormat.TEXT,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Show errors only (warnings are still counted).")] = False,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write the report to FILE, not the terminal.")] = None,
    config: Annotated[Path | None, typer.Option("--config", help="Use this settings file instead of looking for one.")] = None,
    isolated: Annotated[bool, typer.Option("--isolated", help="Ignore every settings file.")] = False,
    select: Annotated[list[str] | None, typer.Option("--select", help=f"Run only these rules. {_LIST}")] = None,
    extend_select: Annotated[list[str] | None, typer.Option("--extend-select", help=f"Run these rules too. {_LIST}")] = None,
    ignore: Annotated[list[str] | None, typer.Option("--ignore", help=f"Do not run these rules. {_LIST}")] = None,
    severity: Annotated[list[str] | None, typer.Option("--severity", help="Change a rule's severity: RULE=LEVEL, e.g. R01=warning.")] = None,
    fail_on: Annotated[Severity | None, typer.Option("--fail-on", help="Lowest severity that fails a recording (default error).")] = None,
    template: Annotated[Path | None, typer.Option("--template", help="Another trust's template TOML.")] = None,
    policy: Annotated[Path | None, typer.Option("--policy", help="Another Family Time Agreement policy TOML.")] = None,
    pipeline: Annotated[str | None, typer.Option("--pipeline", help="spaCy pipeline name.")] = None,
    baseline: Annotated[Path | None, typer.Option("--baseline", help="Leave out findings recorded in this baseline.")] = None,
    write_baseline: Annotated[Path | None, typer.Option("--write-baseline", help="Record the current findings as accepted, and exit.")] = None,
    show_suppressed: Annotated[bool, typer.Option("--show-suppressed", help="List findings accepted by Word comments or the baseline.")] = False,
    redact: Annotated[bool, typer.Option("--redact", help="Show the names in each recording's header as initials, in every format.")] = False,
    force_exclude: Annotated[bool, typer.Option("--force-exclude", help="Apply the exclude settings to files named too (for pre-commit).")] = False,
    show_text: Annotated[bool, typer.Option("--show-text", help="Let sarif, junit and github output carry messages and names (for a private CI).")] = False,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=0, help="Processes checking at once (0: one per core; a few files are checked in one).")] = 0,
) -> None:
    """Check recordings and report what is missing or weak."""
    from qa_checker.api import check_paths
    from qa_checker.baseline import Baseline
    from qa_checker.config import ConfigError, parse_overrides
    from qa_checker.report import RunResult
    from qa_checker.reporters import render
    from qa_checker.settings import ConfigResolver

    if baseline and write_baseline:
        raise _fail("qa-checker: use --baseline or --write-baseline, not both")
    try:
        overrides = parse_overrides({
            "select": _split(select), "extend-select": _split(extend_select), "ignore": _split(ignore),
            "severity": _severities(severity), "fail-on": fail_on, "template": template, "policy": policy,
            "pipeline": pipeline,
        })
        resolver = ConfigResolver(config=config, isolated=isolated, overrides=overrides)
        accepted = Baseline.load(baseline) if baseline else None
        with _progress() as progress:
            reports = check_paths(paths, config=resolver, baseline=accepted, jobs=jobs, force_exclude=force_exclude,
                                  progress=progress)
    except ConfigError as exc:
        raise _fail(str(exc)) from None
    if not reports:
        from qa_checker.files import none_found

        raise _fail(f"qa-checker: {none_found(paths)}")
    inputs = {Path(r.path).resolve() for r in reports}
    for target in (output, write_baseline):
        if target is not None and (target.resolve() in inputs or _links_to_input(target, reports)):
            raise _fail(f"qa-checker: {target} is one of the recordings being checked; choose another file")
    if write_baseline:
        _write_baseline(write_baseline, reports)
    else:
        result = RunResult.of(_redacted(reports) if redact else reports)
        # 80 columns when the output is not a terminal (a file, a pipe, an e-mail).
        width = min(100, shutil.get_terminal_size((80, 24)).columns)
        text = render(result, output_format, color=use_color() and output is None, width=width,
                      quiet=quiet, show_suppressed=show_suppressed, show_text=show_text)
        if output is None:
            sys.stdout.write(text)
        else:
            _write(output, text)
    if any(r.error for r in reports):
        raise typer.Exit(ExitCode.USAGE)
    if not write_baseline and not all(r.passed for r in reports):
        raise typer.Exit(ExitCode.FINDINGS)


@contextmanager
def _progress():
    """``progress(done, total)`` for ``check_paths``: a bar on stderr when it is a terminal and
    there are several files to check."""
    from qa_checker.commands.progress import progress_bar

    with progress_bar(fewest=2) as (start, advance):
        shown = 0

        def progress(done: int, total: int) -> None:
            nonlocal shown
            if done == 0:
                start(total)
            advance(done - shown)
            shown = done

        yield progress


def _redacted(reports):
    """Each report with the names its header gives (and its file's name) as initials."""
    from qa_checker.review.redact import Redactor, header_names, redact_report

    return [redact_report(r, Redactor.of(header_names([r]))) for r in reports]


def _links_to_input(target: Path, reports) -> bool:
    """Whether ``target`` is one of the recordings under another name (a hard link)."""
    from qa_checker.annotate import same_file

    return target.exists() and any(same_file(target, Path(r.path)) for r in reports)


def _write_baseline(path: Path, reports) -> None:
    from qa_checker.baseline import Baseline
    from qa_checker.config import ConfigError

    try:
        existing = Baseline.load(path) if path.exists() else Baseline(path)
    except ConfigError as exc:
        raise _fail(str(exc)) from None
    updated = existing.updated(reports)
    _write(path, updated.dumps())
    from qa_checker.wording import plural

    checked = sum(1 for r in reports if not r.error)
    unreadable = f"; {len(reports) - checked} could not be read" if len(reports) > checked else ""
    say(f"Wrote {path}: {plural(len(updated), 'accepted finding')} "
               f"({plural(checked, 'recording')} checked now{unreadable})")
