"""Errors a reader raises for input it cannot use: one line each, said to the user."""

from __future__ import annotations

# Real recordings are 5-50 KB of text; these limits are far above that and keep a stray
# log file or a zip bomb from hanging a batch. Documented in README.md ("Limits").
MAX_TEXT_CHARS = 1_000_000          # extracted text, any format
MAX_TEXT_FILE_BYTES = 2_000_000     # a .txt or .md file on disk
MAX_DOCX_FILE_BYTES = 50_000_000    # a .docx on disk (photos make them large)
MAX_DOCX_UNCOMPRESSED = 200_000_000  # all parts of a .docx once inflated
MAX_DOCX_XML_PART = 30_000_000      # word/document.xml once inflated


class InputError(Exception):
    """A file that cannot be checked. ``str()`` is one line: what is wrong and what to do."""
