"""Checking an upload: the same library calls as ``check`` and ``annotate``, in a private folder.

The readers read files, so an upload is written into a temporary folder of its own (mode 0700)
under its own name and the folder is removed before the response goes out. Messages name the
uploaded file, never the temporary folder. One check runs at a time: the spaCy pipeline and the
rules' memos are shared, and on two cores a second check at once would only slow the first.
All of it runs on one thread of its own (the warm-up first): requests queue for it, and the
memory the checks use stays that one thread's (with a thread per waiting request, the server
grew by 120 MB in 90 s of 8 clients; with one, see README "Speed").
"""

from __future__ import annotations

import dataclasses
import re
import tempfile
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from qa_checker.readers import InputError, read_document
from qa_checker.report import Report
from qa_checker.settings import Settings

SUFFIXES = (".docx", ".txt", ".md", ".markdown", ".text")
PASTED = "pasted text.txt"


class UploadError(Exception):
    """An upload that cannot be checked: the HTTP status and one line for the supervisor."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass(frozen=True)
class Upload:
    name: str
    data: bytes


@dataclass(frozen=True)
class Checked:
    """A checked upload: its report, and the document and sections the page shows it with."""

    report: Report
    document: object
    recording: object


def safe_name(filename: str | None) -> str:
    """The uploaded file's own name: no folders, no control characters."""
    name = re.split(r"[\\/]", filename or "")[-1]
    name = re.sub(r"[\x00-\x1f\x7f]", "", name).strip().lstrip(".")
    return name[:200]


def unsupported(name: str) -> UploadError | None:
    """415 with the reader's own message for a file that is not a .docx, .txt or .md."""
    if Path(name).suffix.lower() in SUFFIXES:
        return None
    try:
        read_document(Path(name))  # raises before touching the disk for these suffixes
    except InputError as exc:
        return UploadError(415, str(exc))
    return UploadError(415, f"{name}: qa-checker reads .docx, .txt and .md recordings")


class Checker:
    """The warm checker the server keeps: settings, explanations, and a lock around each check."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()
        self.ready = threading.Event()
        self._lock = threading.Lock()
        self._thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="qa-checker-check")

    async def run(self, function, *args):
        """``function(*args)`` on the checker's own thread, in turn with every other check."""
        import asyncio

        return await asyncio.wrap_future(self._thread.submit(function, *args))

    def start(self, function) -> None:
        """Queue ``function`` on the checker's thread without waiting (the warm-up)."""
        self._thread.submit(function)

    def exclusive(self) -> threading.Lock:
        """Held while anything else uses the pipeline (the team page's review)."""
        return self._lock

    def warm(self) -> None:
        """Load the pipeline, rules, template and policy once (``qa_checker.api.warm_up``)."""
        from qa_checker.api import warm_up

        with self._lock:
            warm_up()
        self.ready.set()

    def report(self, upload: Upload) -> Report:
        """The report ``qa-checker check FILE`` gives for the upload (``path`` is its name)."""
        return self.check(upload).report

    def check(self, upload: Upload) -> Checked:
        """Read and check the upload; raises UploadError (422) for a file that cannot be read."""
        with self._private(upload) as path:
            try:
                document = read_document(path)
            except InputError as exc:
                raise UploadError(422, _renamed(str(exc), path, upload.name)) from None
            return self.check_document(dataclasses.replace(document, path=upload.name))

    def check_document(self, document, settings: Settings | None = None) -> Checked:
        """Check a document already read (the team page reads from its folder, with its settings)."""
        from qa_checker.api import check_document
        from qa_checker.splitter import split
        from qa_checker.template import load_template

        settings = settings or self.settings
        with self._lock:
            report = check_document(document, settings=settings)
        return Checked(report=report, document=document, recording=split(document, settings.template or load_template()))

    def annotate(self, upload: Upload) -> tuple[bytes, str, Report]:
        """What ``qa-checker annotate`` writes for the upload: (bytes, the copy's name, report)."""
        from qa_checker.annotate import AnnotateError, annotate_file, default_output

        with self._private(upload) as path:
            output = path.parent / "out" / default_output(path).name
            output.parent.mkdir()
            try:
                with self._lock:
                    result = annotate_file(path, output, settings=self.settings)
            except (InputError, AnnotateError) as exc:
                raise UploadError(422, _renamed(str(exc), path, upload.name)) from None
            return output.read_bytes(), output.name, result.report

    @staticmethod
    def _private(upload: Upload):
        return _PrivateCopy(upload)


class _PrivateCopy:
    """The upload written to a fresh 0700 folder; the folder goes on leaving the ``with``."""

    def __init__(self, upload: Upload) -> None:
        self.upload = upload
        self.folder: tempfile.TemporaryDirectory | None = None

    def __enter__(self) -> Path:
        self.folder = tempfile.TemporaryDirectory(prefix="qa-checker-serve-")
        path = Path(self.folder.name) / self.upload.name
        path.write_bytes(self.upload.data)
        return path

    def __exit__(self, *exc) -> None:
        if self.folder is not None:
            self.folder.cleanup()


def _renamed(message: str, path: Path, name: str) -> str:
    """The reader's message about ``path``, naming the upload instead."""
    return message.replace(str(path), name)
