"""Make docs/review-screenshot.png: the review page of two weeks of generated recordings.

    .venv/bin/python docs/make_screenshot.py

Generates 40 recordings (bench/make_recordings.py), reviews the week of 3 March and then the
week of 10 March with one history file (so the page shows the changes since the last review),
opens the page in headless Chromium with one recording's findings unfolded, and saves a PNG.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from chromium import Browser  # noqa: E402


def main() -> None:
    work = Path(tempfile.mkdtemp(prefix="qa-shot-"))
    folder = work / "Family time recordings"
    subprocess.run([sys.executable, str(ROOT / "bench" / "make_recordings.py"), "--count", "40", "--out", str(folder)],
                   check=True)
    exe = Path(sys.executable).with_name("qa-checker")
    history, page = work / "history.sqlite", work / "review.html"
    for week in ("2025-03-03", "2025-03-10"):
        subprocess.run([str(exe), "review", str(folder), "--week", week, "--history", str(history),
                        "--html", str(page)], stdout=subprocess.DEVNULL, check=False)
    browser = Browser()
    try:
        browser.open(page.as_uri())
        browser.evaluate("document.querySelector('#rec-1').open = true")
        target = ROOT / "docs" / "review-screenshot.png"
        browser.screenshot(target)
        print(f"wrote {target.relative_to(ROOT)}; console problems: {browser.problems() or 'none'}")
    finally:
        browser.close()


if __name__ == "__main__":
    main()
