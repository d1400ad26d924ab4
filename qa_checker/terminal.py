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
    if not _UNSAFE.search(text):
        return text
    return _UNSAFE.sub(lambda m: m.group() if m.group() in keep else _stand_in(m.group()), text)


def has_surrogates(text: str) -> bool:
    return _SURROGATE.search(text) is not None


def valid_unicode(text: str) -> str:
    """``text`` with the stray bytes of a file name that is not valid UTF-8 shown as U+FFFD."""
    return _SURROGATE.sub(REPLACEMENT, text) if _SURROGATE.search(text) else text


_JSON_UNSAFE = re.compile(f"[\x7f-\x9f{_BIDI}]")


def json_escaped(text: str) -> str:
    """JSON text with DEL, the C1 controls and the bidirectional controls written as ``\\uXXXX``
    escapes (JSON already escapes the C0 controls): the values are unchanged, and nothing acts on
    a terminal the JSON is printed to. Such characters only occur inside JSON strings."""
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def cleaned(value, clean):
    """``value`` (a pydantic model, or lists, tuples and dicts of them) with ``clean`` applied to
    every string in it; parts with nothing to clean are the same objects."""
    from enum import Enum

    from pydantic import BaseModel

    if isinstance(value, Enum):
        return value
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, BaseModel):
        update = {}
        for name in type(value).model_fields:
            old = getattr(value, name)
            new = cleaned(old, clean)
            if new is not old:
                update[name] = new
        return value.model_copy(update=update) if update else value
    if isinstance(value, (list, tuple)):
        items = [cleaned(item, clean) for item in value]
        changed = any(new is not old for new, old in zip(items, value))
        return type(value)(items) if changed else value
    if isinstance(value, dict):
        pairs = {cleaned(k, clean): cleaned(v, clean) for k, v in value.items()}
        changed = any(new is not old for new, old in zip(pairs.values(), value.values())) or list(pairs) != list(value)
        return pairs if changed else value
    return value


def for_terminal(result):
    """A run's result with what its recordings and file names hold made :func:`printable`:
    paths and error lines wholly, recording text keeping its tabs and line breaks."""
    reports = [cleaned(r.model_copy(update={"path": printable(r.path), "error": r.error and printable(r.error)}),
                       lambda text: printable(text, keep="\t\n"))
               for r in result.reports]
    return result.model_copy(update={"reports": reports})
