"""Annotated copies of a draft: the findings as Word comments, or as notes in a Markdown copy.

``annotate_file("DRAFT.docx")`` writes ``DRAFT.checked.docx`` beside it (``DRAFT.checked.md`` for a
text or Markdown draft). The draft itself is only ever read, and an existing file is replaced
only when ``force`` is given.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from pathlib import Path

from qa_checker.readers import InputError, read_document, refuse_special
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
    except (InputError, AnnotateError):
        raise
    except Exception as exc:  # noqa: BLE001 - a bug annotating one draft is one line, never a traceback
        from qa_checker.readers import unexpected

        raise AnnotateError(str(unexpected(path, "annotate", exc))) from None
    _write(output, data, force)
    return Annotated(report=report, output=output, notes=notes)


def _check_input(path: Path) -> None:
    if path.is_dir():
        raise InputError(f"{path}: this is a folder; annotate takes one recording (to check a folder, use qa-checker check)")
    if not path.exists():
        raise InputError(f"{path}: no such file")
    refuse_special(path)
    if path.suffix.lower() not in WORD + TEXT:
        read_document(path)  # raises the reader's own message for .doc and other kinds of file
        raise InputError(f"{path}: qa-checker annotates .docx, .txt and .md recordings")


def same_file(one: Path, other: Path) -> bool:
    """Whether two paths are one file (a symbolic or hard link, or the same path spelt otherwise)."""
    try:
        return os.path.samefile(one, other)
    except OSError:  # one of them does not exist (yet)
        return False


def _check_output(path: Path, output: Path, force: bool) -> None:
    if output.resolve() == path.resolve():
        raise AnnotateError(f"{output}: this is the draft itself, and qa-checker never writes to it; choose another name with -o")
    if same_file(output, path):
        raise AnnotateError(f"{output}: this is the draft itself under another name, and qa-checker never writes to it; "
                            "choose another name with -o")
    if path.suffix.lower() in WORD and output.suffix.lower() != ".docx":
        raise AnnotateError(f"{output}: the annotated copy of a Word draft is a Word file; give a name ending in .docx")
    if path.suffix.lower() not in WORD and output.suffix.lower() == ".docx":
        raise AnnotateError(f"{output}: the annotated copy of a text draft is Markdown; give a name ending in .md")
    if output.exists() and not force:
        raise AnnotateError(f"{output} already exists; add --force to replace it, or choose another name with -o")


def _write(output: Path, data: bytes, force: bool) -> None:
    """Write the copy; without ``force``, exclusive creation guards against a file appearing meanwhile.

    With ``force`` the copy is written beside the old one and put in its place, so a file that
    was another name for something else (a hard link) is never written into."""
    try:
        if force:
            _replace(output, data)
            return
        with output.open("xb") as handle:
            handle.write(data)
    except FileExistsError:
        raise AnnotateError(f"{output} already exists; add --force to replace it, or choose another name with -o") from None
    except FileNotFoundError:
        raise AnnotateError(f"{output}: the folder {output.parent} does not exist") from None
    except (PermissionError, IsADirectoryError):
        raise AnnotateError(f"{output}: cannot write here; choose another name or folder with -o") from None


def _replace(output: Path, data: bytes) -> None:
    import tempfile

    handle, temporary = tempfile.mkstemp(prefix=f".{output.name}.", suffix=".tmp", dir=output.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        umask = os.umask(0o022)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)  # as a new file would be, not mkstemp's 0600
        os.replace(temporary, output)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _checker(options: dict):
    """``check(document) -> (report, recording)`` with one template for the rules and the anchors."""
    from qa_checker.api import check_document
    from qa_checker.splitter import split
    from qa_checker.template import load_template

    template = options.pop("template", None) or load_template()

    def check(document):
        return check_document(document, template=template, **options), split(document, template)

    return check
