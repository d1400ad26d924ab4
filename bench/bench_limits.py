"""Time and peak memory of `qa-checker check` on the largest Word files it accepts, and on the
hostile ones it refuses (README "Limits").

`.venv/bin/python bench/bench_limits.py`: builds each case in a temporary folder (from the good
test recording), runs a cold `qa-checker check` on it and prints its wall time, exit code and
peak resident memory (the child's ru_maxrss). A measurement, not a test: it never fails on a number.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from conftest import GOOD_SPEC, build  # noqa: E402
from hostile_docx import body, empty_paragraphs, replace_part, understated  # noqa: E402

from qa_checker.readers.errors import (  # noqa: E402
    MAX_DOCX_ELEMENTS,
    MAX_DOCX_PARAGRAPHS,
    MAX_DOCX_UNCOMPRESSED,
    MAX_DOCX_XML_PART,
    MAX_TEXT_CHARS,
)

EXE = Path(sys.executable).with_name("qa-checker")


def dense(good: Path, target: Path) -> Path:
    """Just inside every limit of word/document.xml: paragraphs, elements, characters, bytes."""
    paragraphs = MAX_DOCX_PARAGRAPHS - 100
    per = (MAX_DOCX_ELEMENTS - 50_000) // paragraphs  # elements per paragraph: the p, then r and t pairs
    runs = max(1, (per - 1) // 2)
    chars = max(1, (MAX_TEXT_CHARS - 2 * paragraphs) // (paragraphs * runs))
    bare = f'<r><t a="">{"w" * chars}</t></r>'
    pad = max(0, (MAX_DOCX_XML_PART - 200_000 - 7 * paragraphs) // (paragraphs * runs) - len(bare))
    run = f'<r><t a="{"x" * pad}">{"w" * chars}</t></r>'
    return replace_part(good, target, "word/document.xml", body(("<p>" + run * runs + "</p>") * paragraphs))


def media(good: Path, target: Path, room: int = 2_000_000) -> Path:
    """A picture, shown in the recording, that inflates to ``room`` bytes under the package limit."""
    rels = "word/_rels/document.xml.rels"
    link = ('<Relationship Id="rIdBig" Target="media/image1.png" '
            'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"/></Relationships>')
    replace_part(good, target, rels, zipfile.ZipFile(good).read(rels).replace(b"</Relationships>", link.encode()))
    types = zipfile.ZipFile(target).read("[Content_Types].xml")
    png = b'<Default Extension="png" ContentType="image/png"/></Types>'
    replace_part(target, target.with_suffix(".tmp"), "[Content_Types].xml", types.replace(b"</Types>", png))
    target.with_suffix(".tmp").replace(target)
    size = MAX_DOCX_UNCOMPRESSED - room
    with zipfile.ZipFile(target, "a", zipfile.ZIP_DEFLATED) as archive:
        with archive.open("word/media/image1.png", "w", force_zip64=True) as member:
            chunk = bytes(range(256)) * 4096
            for _ in range(size // len(chunk)):
                member.write(chunk)
    return target


def run(path: Path) -> tuple[float, int, float]:
    code = ("import resource, subprocess, sys, time\n"
            "t = time.perf_counter()\n"
            "r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
            "print(time.perf_counter() - t, r.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n")
    out = subprocess.run([sys.executable, "-c", code, str(EXE), "check", "--jobs", "1", str(path)],
                         capture_output=True, text=True, check=True).stdout.split()
    return float(out[0]), int(out[1]), int(out[2]) / 1024


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        good = build(GOOD_SPEC, "docx", tmp, "good")
        text = tmp / "long.txt"
        text.write_text(("Mum smiled and said hello to Amelia at the door of the room. " * 16_000)[:MAX_TEXT_CHARS - 1000],
                        encoding="utf-8")
        cases = [
            ("good recording (1,500 words)", good),
            ("accepted: .txt of 999,000 characters", text),
            ("accepted: document.xml at every limit", dense(good, tmp / "dense.docx")),
            ("accepted: 198 MB of pictures", media(good, tmp / "media.docx")),
            ("accepted: both, 168 MB of pictures", media(dense(good, tmp / "dense2.docx"), tmp / "both.docx",
                                                        MAX_DOCX_XML_PART + 2_000_000)),
            ("refused: 5 million empty paragraphs", replace_part(good, tmp / "paragraphs.docx", "word/document.xml",
                                                                  empty_paragraphs(5_000_000))),
            ("refused: 2 GB part, headers say 2 KB", understated(good, tmp / "bomb.docx", "word/document.xml",
                                                                 body(" " * 2_000_000_000), 2_000)),
        ]
        print(f"{'case':<42} {'file KB':>8} {'wall s':>7} {'exit':>4} {'peak MB':>8}")
        for label, path in cases:
            seconds, code, peak = run(path)
            print(f"{label:<42} {path.stat().st_size / 1000:>8.0f} {seconds:>7.2f} {code:>4} {peak:>8.0f}", flush=True)


if __name__ == "__main__":
    main()
