"""Text made safe to show: what a recording or a file name holds never acts on a terminal, and a
file name that is not valid UTF-8 never stops an output.

A recording or a file name can hold escape sequences (clear the screen, set the window title,
make a hyperlink) or right-to-left overrides that make a line read differently from what it
holds. :func:`printable` turns each such character into one visible stand-in, so offsets into
the text stay right. A file name that is not valid UTF-8 reaches Python with its stray bytes as
lone surrogates (``\\udcff``), which no UTF-8 output can encode: :func:`valid_unicode` shows
each as U+FFFD.
"""

from __future__ import annotations

import re

REPLACEMENT = "\ufffd"
# Bidirectional embeddings, overrides and isolates, and the marks (U+061C, U+200E, U+200F).
_BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_UNSAFE = re.compile(f"[\x00-\x1f\x7f-\x9f{_BIDI}\ud800-\udfff]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def _stand_in(char: str) -> str:
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)  # the control pictures: ␛ for ESC, ␇ for BEL
    if code == 0x7F:
        return "\u2421"  # ␡
    return REPLACEMENT


def printable(text: str, keep: str = "") -> str:
    """``text`` with every control, bidirectional-override or undecodable character replaced by
    one visible character (those in ``keep``, e.g. ``"\\n"``, left as they are)."""
    return _UNSAFE.sub(lambda m: m.group() if m.group() in keep else _stand_in(m.group()), text)


def valid_unicode(text: str) -> str:
    """``text`` with the stray bytes of a file name that is not valid UTF-8 shown as U+FFFD."""
    return _SURROGATE.sub(REPLACEMENT, text)
