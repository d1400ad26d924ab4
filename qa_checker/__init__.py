"""qa-checker: checks supervised family time recordings before they are submitted.

>>> from qa_checker import check_file
>>> report = check_file("recording.docx")   # doctest: +SKIP
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("qa-checker")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0"

from qa_checker.api import check_document, check_documents, check_file, check_paths, check_text  # noqa: E402
from qa_checker.report import Finding, Report, RunResult, Severity  # noqa: E402

__all__ = [
    "__version__", "check_document", "check_documents", "check_file", "check_paths", "check_text",
    "Finding", "Report", "RunResult", "Severity",
]
