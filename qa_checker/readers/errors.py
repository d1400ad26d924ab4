"""Errors a reader raises for input it cannot use: one line each, said to the user."""

from __future__ import annotations

# Real recordings are 5-50 KB of text; these limits are far above that and keep a stray
# log file or a zip bomb from hanging a batch. Documented in README.md ("Limits"). Each is
# enforced while reading (counted as the bytes are inflated and the XML is walked), never
# taken from what a file says of itself.
MAX_TEXT_CHARS = 1_000_000          # extracted text, any format
MAX_TEXT_FILE_BYTES = 2_000_000     # a .txt or .md file on disk
MAX_DOCX_FILE_BYTES = 50_000_000    # a .docx on disk (photos make them large)
MAX_DOCX_UNCOMPRESSED = 200_000_000  # all parts of a .docx once inflated
MAX_DOCX_XML_PART = 30_000_000      # any XML part of a .docx once inflated
MAX_DOCX_PARAGRAPHS = 20_000        # paragraphs in word/document.xml (a long recording has 1,000)
MAX_DOCX_ELEMENTS = 500_000         # XML elements in all parts together (a long recording has 50,000)

AGAIN = "open it in Word and save it again"


class InputError(Exception):
    """A file that cannot be checked. ``str()`` is one line: what is wrong and what to do."""


class UnreadableFolder(InputError):
    """A folder found while searching that cannot be opened; ``path`` names it."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(message)
        self.path = path


class Malformed(Exception):
    """A part of a Word package breaks the file format; ``str()`` names the part and what is wrong,
    e.g. "word/document.xml has a table cell span (w:gridSpan) of 'x', which is not a whole number"."""


def damaged(name: str, detail: str) -> InputError:
    """The one line for a Word file whose package is malformed in the way ``detail`` says."""
    return InputError(f"{name}: the Word file is damaged: {detail}; {AGAIN}")


def too_many_characters(name: str) -> InputError:
    return InputError(f"{name}: the recording holds more than {MAX_TEXT_CHARS:,} characters; check that this is the right file")


def whole_number(value: str, part: str, what: str) -> int:
    """``value`` as an int when it is ASCII digits (what the format allows); otherwise
    :class:`Malformed` naming ``part`` and ``what`` (e.g. "a table cell span (w:gridSpan)")."""
    if value.isascii() and value.isdigit():
        return int(value)
    shown = value if len(value) <= 20 else value[:20] + "…"
    raise Malformed(f"{part} has {what} of {shown!r}, which is not a whole number")
