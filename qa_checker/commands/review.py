"""``qa-checker review FOLDER``: a team leader's summary of a week's recordings."""

from __future__ import annotations

import shutil
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer

from qa_checker.commands import ExitCode, app, say, use_color


def _fail(message: str) -> typer.Exit:
    say(f"qa-checker review: {message}", err=True)
    return typer.Exit(ExitCode.USAGE)


@contextmanager
def _progress_bar():
    """A progress bar on stderr (files done, rate, time left); nothing when it is not a terminal."""
    from qa_checker.commands.progress import progress_bar
    from qa_checker.review.pipeline import Progress as Callbacks

    with progress_bar() as (start, advance):
        yield Callbacks(start=start, advance=advance)


def _outputs_clear_of_inputs(outputs: list[Path | None], targets: list[Path]) -> None:
    """Refuse an output path that is one of the recordings: a review never writes over one."""
    from qa_checker.annotate import same_file
    from qa_checker.readers import discover

    found = list(discover(targets))
    inputs = {p.resolve() for p in found}
    for output in outputs:
        if output is None:
            continue
        # the same path, a link to a recording, or a hard link to one (the same file under another name)
        if output.resolve() in inputs or (output.exists() and any(same_file(output, p) for p in found)):
            raise _fail(f"{output} is one of the recordings being reviewed; choose another output file")


@app.command()
def review(
    paths: Annotated[list[Path], typer.Argument(help="Folders (searched recursively) or recordings to review.", readable=False)],
    date_from: Annotated[str | None, typer.Option("--from", help="First Date of Contact to include.")] = None,
    date_to: Annotated[str | None, typer.Option("--to", help="Last Date of Contact to include.")] = None,
    week: Annotated[str | None, typer.Option("--week", help="Any date in the week (Monday to Sunday) to review.")] = None,
    csv_file: Annotated[Path | None, typer.Option("--csv", help="Write one row per finding to this CSV file.")] = None,
    csv_summary: Annotated[Path | None, typer.Option("--csv-summary", help="Write one row per recording to this CSV file.")] = None,
    html_file: Annotated[Path | None, typer.Option("--html", help="Write the summary as one self-contained HTML page.")] = None,
    redact: Annotated[bool, typer.Option("--redact", help="Show the names of children and adults as initials.")] = False,
    history: Annotated[Path | None, typer.Option("--history", help="SQLite file keeping results across reviews.")] = None,
    recheck: Annotated[bool, typer.Option("--recheck", help="Check every file again, even when the history has its result.")] = False,
    workers: Annotated[int | None, typer.Option("--workers", min=1, help="Processes to check with (default: one per core).")] = None,
    config: Annotated[Path | None, typer.Option("--config", help="Use this settings file instead of looking for one.")] = None,
    isolated: Annotated[bool, typer.Option("--isolated", help="Ignore every settings file.")] = False,
) -> None:
    """Check a folder of recordings and summarise them for a team leader's review."""
    from qa_checker.config import ConfigError
    from qa_checker.readers import InputError
    from qa_checker.review.history import HistoryError
    from qa_checker.review.pipeline import run_review
    from qa_checker.review.selection import window_from_options

    try:
        window = window_from_options(date_from, date_to, week)
        _outputs_clear_of_inputs([csv_file, csv_summary, html_file, history], paths)
        with _progress_bar() as progress:
            result = run_review(paths, window, workers=workers, history_path=history, recheck=recheck,
                                progress=progress, config=config, isolated=isolated, redact=redact)
    except (ValueError, InputError, HistoryError, ConfigError) as exc:
        raise _fail(str(exc)) from None
    summary = result.summary
    from qa_checker.terminal import cleaned, printable, valid_unicode

    # a file name that is not valid UTF-8 shows U+FFFD in the files; the terminal sees no control characters
    summary = cleaned(summary, valid_unicode)
    _write_outputs(summary, csv_file, csv_summary, html_file)
    from qa_checker.review.text import render_review

    width = shutil.get_terminal_size((120, 24)).columns if sys.stdout.isatty() else 120
    sys.stdout.write(render_review(cleaned(summary, printable), color=use_color(), width=max(80, width)))
    written = [(csv_file, "one row per finding"), (csv_summary, "one row per recording"),
               (html_file, "the review as one page")]
    if any(path for path, _ in written):
        say("")
    for path, what in written:
        if path:
            say(f"Wrote {path} ({what}).")
    _exit(summary)


def _write_outputs(summary, csv_file: Path | None, csv_summary: Path | None, html_file: Path | None) -> None:
    try:
        if csv_file:
            from qa_checker.review.csv_out import write_findings_csv

            write_findings_csv(summary, csv_file)
        if csv_summary:
            from qa_checker.review.csv_out import write_summary_csv

            write_summary_csv(summary, csv_summary)
        if html_file:
            from qa_checker.review.html import render_html

            html_file.write_text(render_html(summary), encoding="utf-8")
    except OSError as exc:
        raise _fail(f"cannot write {exc.filename}: {exc.strerror}") from None


def _exit(summary) -> None:
    from qa_checker.review.summary import Verdict

    if summary.count(Verdict.UNREADABLE):
        raise typer.Exit(ExitCode.USAGE)
    if summary.count(Verdict.CHANGES):
        raise typer.Exit(ExitCode.FINDINGS)
