"""``qa-checker annotate DRAFT``: a copy of the draft with each finding as a comment on its words."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from qa_checker.commands import ExitCode, app, say


@app.command()
def annotate(
    path: Annotated[Path, typer.Argument(help="The draft recording (.docx, .txt or .md).", readable=False)],
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Where to write the copy (default: DRAFT.checked.docx, or DRAFT.checked.md for text, beside the draft).",
    )] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace the copy if it already exists.")] = False,
) -> None:
    """Write a copy of the draft with each finding as a Word comment (or a note in a Markdown copy).

    The draft itself is never changed.
    """
    from qa_checker.annotate import AnnotateError, annotate_file
    from qa_checker.readers import InputError
    from qa_checker.report import Severity
    from qa_checker.wording import plural, things_to_fix

    try:
        result = annotate_file(path, output, force=force)
    except (InputError, AnnotateError) as exc:
        say(str(exc), err=True)
        raise typer.Exit(ExitCode.USAGE) from None
    report = result.report
    kind = "comment" if result.output.suffix.lower() == ".docx" else "note"
    notes = plural(result.notes, kind) if result.notes else f"no {kind}s"
    todo = things_to_fix(report.count(Severity.ERROR), report.count(Severity.WARNING))
    say(f"Wrote {result.output}: {notes}, {todo}.")
    if not report.passed:
        raise typer.Exit(ExitCode.FINDINGS)
