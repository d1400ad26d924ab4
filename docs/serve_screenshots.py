"""Make the web page's screenshots in docs/ (run by `make screenshots`; needs Debian's chromium).

- docs/serve-supervisor.png: the supervisor page after checking a flawed sample, one
  explanation unfolded (1280 px wide).
- docs/serve-supervisor-360.png: the same page 360 px wide, as a phone shows it.
- docs/serve-team.png: the team page for the week of 10 March 2025 of 40 generated recordings
  (bench/make_recordings.py; fictional people).

`qa-checker serve` runs on a free loopback port for the duration and is stopped after.
"""

from __future__ import annotations

import base64
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "bench")]

from bench_serve import start_server  # noqa: E402
from chromium import Browser  # noqa: E402

SAMPLE = ROOT / "samples" / "flawed-sunday-sophie-oliver-2025-05-04.docx"


def _wait(browser: Browser, expression: str) -> None:
    deadline = time.monotonic() + 60
    while not browser.evaluate(expression):
        if time.monotonic() > deadline:
            raise TimeoutError(expression)
        time.sleep(0.1)


def _shot(browser: Browser, target: Path, width: int, max_height: int) -> None:
    browser.call("Emulation.setDeviceMetricsOverride", width=width, height=900, deviceScaleFactor=1, mobile=width < 500)
    height = min(int(browser.evaluate("document.documentElement.scrollHeight")), max_height)
    browser.call("Emulation.setDeviceMetricsOverride", width=width, height=height, deviceScaleFactor=1, mobile=width < 500)
    target.write_bytes(base64.b64decode(browser.call("Page.captureScreenshot", format="png")["data"]))
    print(f"wrote {target.relative_to(ROOT)}; console problems: {browser.problems() or 'none'}")


def supervisor(browser: Browser, url: str, width: int, target: Path) -> None:
    browser.call("Emulation.setDeviceMetricsOverride", width=width, height=900, deviceScaleFactor=1, mobile=width < 500)
    browser.open(url)
    root = browser.call("DOM.getDocument")["root"]["nodeId"]
    node = browser.call("DOM.querySelector", nodeId=root, selector="#file")["nodeId"]
    browser.call("DOM.setFileInputFiles", nodeId=node, files=[str(SAMPLE)])
    _wait(browser, "!!document.getElementById('report')")
    browser.evaluate("document.querySelector('#f-2 details').open = true")
    browser.evaluate("document.activeElement.blur()")
    _shot(browser, target, width, 2400 if width > 500 else 3200)


def main() -> None:
    work = Path(tempfile.mkdtemp(prefix="qa-serve-shot-"))
    folder = work / "Family time recordings"
    subprocess.run([sys.executable, str(ROOT / "bench" / "make_recordings.py"), "--count", "40", "--out", str(folder)],
                   check=True, stdout=subprocess.DEVNULL)
    server, port = start_server("--folder", str(folder))
    browser = None
    try:
        url = f"http://127.0.0.1:{port}"
        browser = Browser()
        docs = ROOT / "docs"
        supervisor(browser, url + "/", 1280, docs / "serve-supervisor.png")
        supervisor(browser, url + "/", 360, docs / "serve-supervisor-360.png")
        browser.call("Emulation.setDeviceMetricsOverride", width=1280, height=900, deviceScaleFactor=1, mobile=False)
        browser.open(url + "/team?week=2025-03-10")
        _shot(browser, docs / "serve-team.png", 1280, 1800)
    finally:
        if browser is not None:
            browser.close()
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
