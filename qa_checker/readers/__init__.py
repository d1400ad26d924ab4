"""Readers turn a file into a :class:`~qa_checker.document.SourceDocument`; ``discover`` finds files."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from qa_checker.document import SourceDocument
from qa_checker.readers.errors import InputError, Malformed, UnreadableFolder, damaged

SUFFIXES = (".docx", ".txt", ".md")
# Also taken from a folder, to be reported rather than passed over in silence: a week's recordings
# saved in Word 97-2003 format get the one-line error that says to save them as .docx.
LEGACY = (".doc",)


def read_document(path: Path) -> SourceDocument:
    """Read one recording, raising :class:`InputError` with a one-line reason.

    This is the readers' boundary: whatever goes wrong inside one (a part of the package the
    format does not allow, or a bug) is that file's one-line error, never an exception that
    would stop the other files' checks.
    """
    suffix = path.suffix.lower()
    refuse_special(path)
    try:
        if suffix == ".docx":
            from qa_checker.readers.docx import read_docx

            return read_docx(path)
        if suffix in (".txt", ".md", ".markdown", ".text"):
            from qa_checker.readers.text import read_text

            return read_text(path)
        if suffix == ".doc":
            raise InputError(f"{path}: this is an old-style Word 97-2003 document (.doc); open it in Word and save it as .docx")
        raise InputError(f"{path}: qa-checker reads .docx, .txt and .md recordings, not {suffix or 'files without an extension'}")
    except PermissionError:
        raise InputError(f"{path}: permission denied; check that you can open this file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: this is a folder, not a file") from None
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except InputError:
        raise
    except Malformed as exc:
        raise damaged(str(path), str(exc)) from None
    except Exception as exc:  # noqa: BLE001 - the boundary: a bug reading one file is that file's error
        raise unexpected(path, "read", exc) from None


_KINDS = ((stat.S_ISFIFO, "a named pipe"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a device"),
          (stat.S_ISBLK, "a device"))


def refuse_special(path: Path) -> None:
    """A fifo, a socket or a device (or a link to one) is refused before anything opens it:
    reading one would wait for ever or never end."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return  # the reader's own open says what is wrong (no such file, permission denied)
    for test, kind in _KINDS:
        if test(mode):
            raise InputError(f"{path}: this is {kind}, not a recording file; name the recording itself")


def unexpected(path: Path | str, doing: str, exc: BaseException) -> InputError:
    """The one line for an error qa-checker did not expect while ``doing`` (read, annotate) a file."""
    reason = (str(exc).splitlines() or [""])[0][:160]
    detail = f"{type(exc).__name__}: {reason}" if reason else type(exc).__name__
    return InputError(f"{path}: qa-checker could not {doing} this file ({detail}); please report it to the qa-checker team")


def _skipped(path: Path, root: Path) -> bool:
    """Word lock files (``~$name.docx``), hidden files or folders and qa-checker's own annotated
    copies (``name.checked.docx``, ``name.checked.md``) are not recordings to check."""
    parts = path.relative_to(root).parts
    return any(part.startswith((".", "~$")) for part in parts) or path.stem.lower().endswith(".checked")


def discover(
    paths: Iterable[Path], excluded: Callable[[Path], bool] | None = None, force: bool = False,
    on_error: Callable[[UnreadableFolder], None] | None = None,
) -> Iterator[Path]:
    """Expand folders (recursively) into recording files, in a stable order, leaving out what
    ``excluded`` says (see :mod:`qa_checker.files`).

    A file named directly is always yielded (so that its error can be reported), unless
    ``force`` applies ``excluded`` to it too; a missing path raises :class:`InputError`. A folder
    inside that cannot be opened is passed to ``on_error`` as an :class:`UnreadableFolder` naming
    it (and skipped).
    """
    for path in paths:
        if path.is_dir():
            found = (p for p in _walk(path, on_error) if p.suffix.lower() in SUFFIXES + LEGACY and not _skipped(p, path)
                     and not (excluded and excluded(p)))
            yield from sorted(found, key=lambda p: str(p).lower())
        elif path.exists() or path.is_symlink():
            if not (force and excluded and excluded(path)):
                yield path
        else:
            raise InputError(f"{path}: no such file or folder")


def _walk(root: Path, on_error: Callable[[UnreadableFolder], None] | None) -> Iterator[Path]:
    """Every file below ``root`` (following links to folders, each folder once)."""
    seen: set[tuple[int, int]] = set()
    pending = [root]
    while pending:
        folder = pending.pop()
        try:
            info = folder.stat()
            if (info.st_dev, info.st_ino) in seen:
                continue
            seen.add((info.st_dev, info.st_ino))
            with os.scandir(folder) as entries:
                listed = list(entries)
        except OSError as exc:
            if on_error is not None:
                reason = "permission denied" if isinstance(exc, PermissionError) else (exc.strerror or str(exc)).lower()
                on_error(UnreadableFolder(str(folder), f"{folder}: cannot open this folder ({reason}), so the "
                                                       "recordings in it were not checked; check that you can open it"))
            continue
        for entry in listed:
            path = Path(entry.path)
            try:
                if entry.is_dir():
                    if not entry.name.startswith((".", "~$")):  # hidden folders hold no recordings to check
                        pending.append(path)
                elif entry.is_file():
                    yield path
            except OSError:
                continue
