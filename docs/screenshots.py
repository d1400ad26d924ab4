"""Render the README's screenshots into docs/ (run by hand: `make screenshots`).

- docs/terminal-report.svg and .png: `qa-checker check` on two flawed samples, in colour, as an
  80-column terminal shows it (rich's own SVG export; the PNG is Chromium's rendering of it).
- docs/annotated-page.png: the annotated copy of a flawed sample open in LibreOffice Writer, with
  the comments in the margin (a real Writer window under Xvfb).
- docs/annotated-page-pdf.png: page 1 of the same copy exported to PDF by LibreOffice, rendered by
  pdftoppm (LibreOffice 7.4 exports each comment as a PDF note, shown as an icon).

Needs Debian's libreoffice-writer, poppler-utils, xvfb, imagemagick (for `import`) and chromium.
Nothing here is part of the tests.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
TERMINAL_SAMPLES = ["samples/flawed-sunday-sophie-oliver-2025-05-04.docx", "samples/flawed-placeholders-ruby.md"]
WORD_SAMPLE = "samples/flawed-blue-prompts-tyler.docx"
# No first-run dialogs over the page.
PROFILE = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Common/Misc"><prop oor:name="ShowTipOfTheDay" oor:op="fuse"><value>false</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Misc"><prop oor:name="FirstRun" oor:op="fuse"><value>false</value></prop></item>
</oor:items>
"""


def terminal(work: Path) -> None:
    """The colour terminal report, exported by rich as SVG, then rendered to PNG by Chromium."""
    from rich.console import Console
    from rich.text import Text

    from qa_checker import check_paths
    from qa_checker.report import RunResult
    from qa_checker.reporters.text import render_text

    os.chdir(ROOT)  # the report shows the paths as a supervisor would type them
    ansi = render_text(RunResult.of(check_paths(TERMINAL_SAMPLES)), color=True, width=80)
    console = Console(record=True, width=80, force_terminal=True, color_system="standard", highlight=False,
                      file=open(os.devnull, "w"))
    command = " \\\n    ".join(["$ qa-checker check " + TERMINAL_SAMPLES[0], *TERMINAL_SAMPLES[1:]])
    console.print(command, style="bold")
    console.print(Text.from_ansi(ansi.rstrip("\n")), soft_wrap=True)
    svg = console.export_svg(title="qa-checker check")
    (DOCS / "terminal-report.svg").write_text(svg, encoding="utf-8")
    width, height = (round(float(v)) for v in re.search(r'viewBox="0 0 ([\d.]+) ([\d.]+)"', svg).groups())
    page = work / "terminal.html"
    page.write_text(f'<html><body style="margin:0;background:#fff">{svg}</body></html>', encoding="utf-8")
    subprocess.run(
        ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--force-device-scale-factor=1",
         f"--window-size={width},{height}", f"--screenshot={DOCS / 'terminal-report.png'}", page.as_uri()],
        check=True, capture_output=True, timeout=120,
    )


def annotated(work: Path) -> None:
    """Annotate a flawed sample, then photograph it in Writer and render its PDF's first page."""
    from qa_checker.annotate import annotate_file

    draft = work / Path(WORD_SAMPLE).name
    shutil.copy(ROOT / WORD_SAMPLE, draft)
    copy = annotate_file(draft).output
    subprocess.run(_office(work / "headless") + [
        "--headless", "--convert-to", 'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}',
        "--outdir", str(work), str(copy)], check=True, capture_output=True, timeout=180)
    subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", str(copy.with_suffix(".pdf")),
                    str(DOCS / "annotated-page-pdf")], check=True, timeout=120)
    # A profile of its own: a headless run leaves a small window size behind in its profile.
    _writer_window(_office(work / "window"), copy)


def _office(profile: Path) -> list[str]:
    (profile / "user").mkdir(parents=True)
    (profile / "user" / "registrymodifications.xcu").write_text(PROFILE, encoding="utf-8")
    return ["libreoffice", f"-env:UserInstallation={profile.as_uri()}", "--norestore", "--nologo"]


def _writer_window(office: list[str], copy: Path) -> None:
    display = ":97"
    xvfb = subprocess.Popen(["Xvfb", display, "-screen", "0", "1400x1000x24"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    writer = None
    try:
        time.sleep(2)
        env = {**os.environ, "DISPLAY": display, "SAL_USE_VCLPLUGIN": "gen"}
        # A session of its own, so that LibreOffice's helper processes end with it.
        writer = subprocess.Popen(office + ["--writer", str(copy)], env=env, stdout=subprocess.DEVNULL,
                                  stderr=subprocess.DEVNULL, start_new_session=True)
        time.sleep(15)  # Writer starting, laying out the page and its comments
        subprocess.run(["import", "-window", "root", "-display", display, "-crop", "1400x860+0+0", "+repage",
                        str(DOCS / "annotated-page.png")], check=True, timeout=60)
    finally:
        if writer is not None:
            os.killpg(writer.pid, signal.SIGTERM)
            writer.wait(timeout=30)
        xvfb.terminate()
        xvfb.wait(timeout=30)


def main() -> None:
    DOCS.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        terminal(Path(folder))
        annotated(Path(folder))
    for name in ("terminal-report.svg", "terminal-report.png", "annotated-page.png", "annotated-page-pdf.png"):
        print(DOCS / name, (DOCS / name).stat().st_size, "bytes", file=sys.stdout)


if __name__ == "__main__":
    main()
