"""Annotated copies of a draft: the findings as Word comments, or as notes in a Markdown copy.

``annotate_file("DRAFT.docx")`` writes ``DRAFT.checked.docx`` beside it (``DRAFT.checked.md`` for a
text or Markdown draft). The draft itself is only ever read, and an existing file is replaced
only when ``force`` is given.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from qa_checker.readers import InputError, read_document
from qa_checker.report import Report

WORD = (".docx",)
TEXT = (".txt", ".md", ".markdown", ".text")


class AnnotateError(Exception):
    """The copy cannot be written where asked. ``str()`` is one line: what is wrong and what to do."""


@dataclass(frozen=True)
class Annotated:
    """What :func:`annotate_file` did: the draft's report, where the copy went, how many notes it holds."""

    report: Report
    output: Path
    notes: int


def default_output(path: Path) -> Path:
    """``DRAFT.checked.docx`` beside a Word draft, ``DRAFT.checked.md`` beside a text one."""
    suffix = ".docx" if path.suffix.lower() in WORD else ".md"
    return path.with_name(f"{path.stem}.checked{suffix}")


def annotate_file(path: str | Path, output: str | Path | None = None, *, force: bool = False, **options) -> Annotated:
    """Check ``path`` and write an annotated copy; raises InputError or AnnotateError with one line."""
    path = Path(path)
    _check_input(path)
    output = Path(output) if output is not None else default_output(path)
    _check_output(path, output, force)
    check = _checker(options)
    try:
        if path.suffix.lower() in WORD:
            from qa_checker.annotate.word import annotate_docx

            report, data, notes = annotate_docx(path, check)
        else:
            from qa_checker.annotate.markdown import annotate_markdown

            report, data, notes = annotate_markdown(path, check)
    except PermissionError:
        raise InputError(f"{path}: permission denied; check that you can open this file") from None
    _write(output, data, force)
    return Annotated(report=report, output=output, notes=notes)


def _check_input(path: Path) -> None:
    if path.is_dir():
        raise InputError(f"{path}: this is a folder; annotate takes one recording (to check a folder, use qa-checker check)")
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if path.suffix.lower() not in WORD + TEXT:
        read_document(path)  # raises the reader's own message for .doc and other kinds of file
        raise InputError(f"{path}: qa-checker annotates .docx, .txt and .md recordings")


def _check_output(path: Path, output: Path, force: bool) -> None:
    if output.resolve() == path.resolve():
        raise AnnotateError(f"{output}: this is the draft itself, and qa-checker never writes to it; choose another name with -o")
    if path.suffix.lower() in WORD and output.suffix.lower() != ".docx":
        raise AnnotateError(f"{output}: the annotated copy of a Word draft is a Word file; give a name ending in .docx")
    if path.suffix.lower() not in WORD and output.suffix.lower() == ".docx":
        raise AnnotateError(f"{output}: the annotated copy of a text draft is Markdown; give a name ending in .md")
    if output.exists() and not force:
        raise AnnotateError(f"{output} already exists; add --force to replace it, or choose another name with -o")


def _write(output: Path, data: bytes, force: bool) -> None:
    """Write the copy; without ``force``, exclusive creation guards against a file appearing meanwhile."""
    try:
        with output.open("wb" if force else "xb") as handle:
            handle.write(data)
    except FileExistsError:
        raise AnnotateError(f"{output} already exists; add --force to replace it, or choose another name with -o") from None
    except FileNotFoundError:
        raise AnnotateError(f"{output}: the folder {output.parent} does not exist") from None
    except (PermissionError, IsADirectoryError):
        raise AnnotateError(f"{output}: cannot write here; choose another name or folder with -o") from None


def _checker(options: dict):
    """``check(document) -> (report, recording)`` with one template for the rules and the anchors."""
    from qa_checker.api import check_document
    from qa_checker.splitter import split
    from qa_checker.template import load_template

    template = options.pop("template", None) or load_template()

    def check(document):
        return check_document(document, template=template, **options), split(document, template)

    return check
