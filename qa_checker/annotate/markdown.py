"""The annotated copy of a text or Markdown draft: numbered markers in the text, notes at the end.

The copy keeps the writer's own text as it is in the file (line endings made ``\n``) and adds
``[^n]`` after each flagged passage (or heading) and a footnote per finding: rule, message and
what to do.
"""

from __future__ import annotations

from pathlib import Path

from qa_checker.annotate.anchors import Anchor, anchors
from qa_checker.readers.errors import MAX_TEXT_FILE_BYTES
from qa_checker.readers.text import decode, read_bounded, read_text
from qa_checker.report import Report, Severity
from qa_checker.wording import things_to_fix

_QUOTE = 60


def annotate_markdown(path: Path, check) -> tuple[Report, bytes, int]:
    """Check the text file at ``path``; return (report, the annotated Markdown copy as UTF-8, notes)."""
    source = read_text(path)
    report, recording = check(source)
    raw = decode(read_bounded(path, MAX_TEXT_FILE_BYTES), str(path)).replace("\r\n", "\n").replace("\r", "\n")
    placed = anchors(report.findings, recording)
    positions = align(source.text, raw)
    marked = _insert_markers(raw, [(positions[a.end - 1] + 1, n) for n, a in enumerate(placed, 1)])
    if source.format == "text":
        marked = _hard_breaks(marked)
    notes = [_footnote(n, a, source.text) for n, a in enumerate(placed, 1)]
    closing = (f"Checked by qa-checker: {things_to_fix(report.count(Severity.ERROR), report.count(Severity.WARNING))}."
               + (" Each note below is marked [^n] in the text." if placed else ""))
    copy = marked.rstrip("\n") + "\n\n---\n\n" + closing + "\n" + "".join("\n" + note for note in notes)
    return report, copy.encode("utf-8"), len(placed)


def align(extracted: str, raw: str) -> list[int]:
    """For each character of the reader's text, its index in the raw file text.

    The text reader only deletes (Markdown marks, bullets, edge spaces, converter marks) and
    turns tabs into spaces, so the extracted text is a subsequence of the raw text and a
    greedy walk finds it. Its line breaks may stand for a table's cell borders, so they take
    the position of whatever comes next instead of consuming a raw line break.
    """
    positions = []
    j = 0
    for char in extracted:
        if char == "\n":
            positions.append(j)
            continue
        while j < len(raw) and raw[j] != char and not (char == " " and raw[j] == "\t"):
            j += 1
        if j == len(raw):
            raise ValueError("the extracted text is not part of the file's text")
        positions.append(j)
        j += 1
    return positions


def _insert_markers(raw: str, markers: list[tuple[int, int]]) -> str:
    """Insert ``[^n]`` at each raw position (several at one place keep their order)."""
    out = []
    previous = 0
    for position, number in sorted(markers):
        out.append(raw[previous:position])
        out.append(f"[^{number}]")
        previous = position
    out.append(raw[previous:])
    return "".join(out)


def _hard_breaks(text: str) -> str:
    """End each non-blank line of a plain-text draft with a Markdown line break, so it renders line by line."""
    return "\n".join(line + "  " if line.strip() and not line.endswith("  ") else line for line in text.split("\n"))


def _footnote(number: int, anchor: Anchor, text: str) -> str:
    finding = anchor.finding
    quote = " ".join(text[anchor.start:anchor.end].split())
    if len(quote) > _QUOTE:
        quote = quote[: _QUOTE - 1].rstrip() + "…"
    lines = [f"[^{number}]: **{finding.rule} {finding.name}** ({finding.severity.value}), at “{quote}”  ",
             f"    {finding.message}"]
    if finding.suggestion:
        lines[-1] += "  "
        lines.append(f"    What to do: {finding.suggestion}")
    return "\n".join(lines) + "\n"
