"""Which files a run checks, as ruff chooses them: default excludes, ``exclude`` (replaces them)
and ``extend-exclude`` (adds to them) in the team's settings; a file named on the command line is
checked whatever the settings say, unless ``--force-exclude`` (as pre-commit passes files by name).
A text or Markdown file with no heading and no header field of the template is not a recording.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Iterable, Sequence
from pathlib import Path, PurePosixPath

# READMEs and the like, Word lock files, hidden files, qa-checker's annotated copies and its
# reports written into the folder (qa-checker*.txt, *.sarif ...).
DEFAULT_EXCLUDE = ("README*", "CHANGELOG*", "LICENSE*", "LICENCE*", "CONTRIBUTING*", "~$*", ".*", "*.checked.docx",
                   "*.checked.md", "qa-checker*", "qa-baseline*")
NOT_A_RECORDING = ("not a recording (no template heading and no header field); add it to extend-exclude in "
                   "qa-checker.toml if it belongs in this folder")


def none_found(paths: Iterable[Path | str]) -> str:
    """The one line for a run that found no recording to check (exit code 2)."""
    where = ", ".join(str(p) for p in paths)
    return (f"no recordings found in {where}: qa-checker checks .docx, .txt and .md files (folders are searched "
            "recursively; READMEs, lock files and excluded files are left out)")


def excluded(path: Path, patterns: Sequence[str], base: Path | None) -> bool:
    """True when a glob of ``patterns`` matches the file's name, one of its folders' names, or its
    path relative to ``base`` (the settings file's folder); a pattern ending in / names a folder."""
    full = path.resolve()
    relative = full.relative_to(base.resolve()) if base and full.is_relative_to(base.resolve()) else None
    parts = relative.parts if relative else (path.name,)
    for pattern in patterns:
        folder = pattern.endswith("/")
        pattern = pattern.rstrip("/")
        names = parts[:-1] if folder else parts
        if any(fnmatch.fnmatchcase(name, pattern) for name in names):
            return True
        if relative and "/" in pattern:
            posix = PurePosixPath(relative.as_posix())
            if posix.match(pattern) or any(PurePosixPath(*parts[:i]).match(pattern) for i in range(1, len(parts))):
                return True
    return False


def is_recording(document, template) -> bool:
    """A .docx always counts; a text or Markdown file needs a template heading or header field."""
    if _is_docx(document.path):
        return True  # no need to split it
    from qa_checker.splitter import split

    return _has_template(split(document, template))


def looks_like_recording(recording) -> bool:
    """:func:`is_recording` of a document already split (a batch splits each file once)."""
    return _is_docx(recording.document.path) or _has_template(recording)


def _is_docx(path) -> bool:
    return str(path).lower().endswith(".docx")


def _has_template(recording) -> bool:
    return bool(recording.sections) or any(f.value.strip() for f in recording.header.values())
