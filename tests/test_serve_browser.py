"""``qa-checker serve`` in a real headless Chromium: upload, paste, download, errors, the team page.

Skipped (not failed) where Chromium is not installed; ``.ci/run`` installs Debian's ``chromium``.
The server is the session's app behind uvicorn on a loopback port; the browser is driven over the
DevTools protocol (tests/chromium.py), as the review page's browser test does.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from chromium import Browser, chromium_path
from conftest import SAMPLES
from review_cases import week_folder
from serve_support import running

from qa_checker.serve.app import ServeOptions, create_app

pytestmark = pytest.mark.skipif(chromium_path() is None, reason="Chromium is not installed")

FLAWED = SAMPLES / "flawed-sunday-sophie-oliver-2025-05-04.docx"


def wait_until(browser: Browser, expression: str, timeout: float = 30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = browser.evaluate(expression)
        if value:
            return value
        time.sleep(0.05)
    raise TimeoutError(expression)


def choose(browser: Browser, path: Path) -> None:
    """Choose ``path`` in the page's file input, as a person picking it in the file dialogue."""
    root = browser.call("DOM.getDocument")["root"]["nodeId"]
    node = browser.call("DOM.querySelector", nodeId=root, selector="#file")["nodeId"]
    browser.call("DOM.setFileInputFiles", nodeId=node, files=[str(path.resolve())])


def checked(browser: Browser, name: str) -> None:
    wait_until(browser, f"(document.getElementById('report-heading') || {{}}).textContent === 'Result for {name}'")


@pytest.fixture(scope="module")
def page(live_server, tmp_path_factory):
    browser = Browser(width=1280, height=900)
    downloads = tmp_path_factory.mktemp("downloads")
    browser.call("Browser.setDownloadBehavior", behavior="allow", downloadPath=str(downloads))
    browser.downloads = downloads
    browser.url = live_server
    try:
        yield browser
    finally:
        browser.close()


def test_upload_shows_highlighted_findings_and_the_scaling_table(page):
    page.open(page.url + "/")
    choose(page, FLAWED)
    checked(page, FLAWED.name)
    from qa_checker import check_file

    placed = {str(n) for n, f in enumerate(check_file(FLAWED).findings) if f.start is not None and f.end > f.start}
    marked = page.evaluate("[...new Set([...document.querySelectorAll('#result mark.hit')]"
                           ".flatMap(m => m.dataset.findings.split(' ')))]")
    assert len(marked) == len(placed) == 10
    assert page.evaluate("document.querySelectorAll('#result li.finding').length") == 11
    rows = page.evaluate("[...document.querySelectorAll('#scaling-table tbody tr')].map(r => r.innerText.split('\\t'))")
    assert rows == [["Overall", "7/10", "no", "no"], ["Sophie Dunn", "8/10", "yes", "yes"], ["Oliver Dunn", "missing", "-", "-"]]
    assert page.evaluate("document.activeElement.id") == "report-heading"  # focus moves to the result
    assert page.evaluate("document.getElementById('status').textContent") == (
        "Checked. Needs changes before you submit: 3 errors, 8 warnings.")
    # the explanation is one click away
    assert not page.evaluate("document.querySelector('#f-1 details').open")
    page.evaluate("document.querySelector('#f-1 details summary').click()")
    assert page.evaluate("document.querySelector('#f-1 details pre').innerText").startswith("S01 missing-section (error)")
    assert page.problems() == []
    assert all(url.startswith(page.url) or url.startswith("data:") for url in page.requested())


def test_download_the_annotated_copy(page, tmp_path):
    import docx

    from qa_checker.annotate import annotate_file

    page.open(page.url + "/")
    choose(page, FLAWED)
    checked(page, FLAWED.name)
    page.evaluate("document.getElementById('download').click()")
    target = page.downloads / "flawed-sunday-sophie-oliver-2025-05-04.checked.docx"
    deadline = time.monotonic() + 30
    while not target.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    comments = [c.text for c in docx.Document(str(target)).comments]
    draft = tmp_path / FLAWED.name
    draft.write_bytes(FLAWED.read_bytes())
    expected = [c.text for c in docx.Document(str(annotate_file(draft).output)).comments]
    assert comments == expected and len(comments) == 11
    assert page.problems() == []


def test_paste_text_and_check_again(page):
    page.open(page.url + "/")
    page.evaluate("document.querySelector('#paste summary').click()")
    page.evaluate("document.getElementById('text').value = 'INTRODUCTIONS\\nWhat is working well?\\nMum arrived on time.'")
    page.evaluate("document.querySelector('#paste-form button').click()")
    checked(page, "pasted text.txt")
    first = page.evaluate("document.querySelectorAll('#result li.finding').length")
    assert first > 0
    # edit the text and check again: one action
    page.evaluate("document.getElementById('text').value = document.getElementById('text').value + ' She seemed upset.'")
    page.evaluate("document.getElementById('report-heading').textContent = ''")
    page.evaluate("document.getElementById('recheck').click()")
    checked(page, "pasted text.txt")
    assert page.evaluate("[...document.querySelectorAll('#result mark')].map(m => m.textContent).join('|')").count(
        "She seemed upset.") == 1


def test_a_corrupt_file_shows_the_commands_error(page, tmp_path):
    broken = tmp_path / "cut.docx"
    broken.write_bytes(FLAWED.read_bytes()[:5000])
    page.open(page.url + "/")
    choose(page, broken)
    wait_until(page, "!document.getElementById('error').hidden")
    assert page.evaluate("document.getElementById('error').textContent") == (
        "cut.docx: the Word file is damaged or incomplete (perhaps cut short while copying); "
        "open it in Word and save it again")
    assert page.evaluate("document.getElementById('error').getAttribute('role')") == "alert"


def test_hostile_text_renders_as_text(page):
    hostile = "<script>window.pwned=1</script> <img src=x onerror=window.pwned=2> </textarea>"
    page.open(page.url + "/")
    page.evaluate("document.querySelector('#paste summary').click()")
    page.evaluate(f"document.getElementById('text').value = 'INTRODUCTIONS\\nWhat is working well?\\n' + {hostile!r}")
    page.evaluate("document.querySelector('#paste-form button').click()")
    checked(page, "pasted text.txt")
    assert page.evaluate("window.pwned === undefined")
    assert page.evaluate("document.querySelectorAll('#result script, #result img').length") == 0
    assert hostile in page.evaluate("document.getElementById('result').innerText")
    assert not any(url.endswith("/x") for url in page.requested())


CONTRAST = """(() => {
  const channel = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
  const luminance = c => { const [r, g, b] = c.match(/[\\d.]+/g).slice(0, 3).map(Number).map(channel);
                           return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  const background = el => { for (; el; el = el.parentElement) { const c = getComputedStyle(el).backgroundColor;
                             if (c !== "transparent" && !c.startsWith("rgba(0, 0, 0, 0)")) return c; }
                             return "rgb(255, 255, 255)"; };
  const low = [];
  for (const el of document.querySelectorAll("body *")) {
    if (![...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())) continue;
    const a = luminance(getComputedStyle(el).color), b = luminance(background(el));
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    if (ratio < 4.5) low.push(el.tagName + "." + el.className + " " + ratio.toFixed(2));
  }
  return low;
})()"""


def test_text_contrast_is_at_least_4_5_to_1(page):
    page.open(page.url + "/")
    choose(page, FLAWED)
    checked(page, FLAWED.name)
    page.evaluate("document.querySelectorAll('#result details').forEach(d => d.open = true)")
    assert page.evaluate(CONTRAST) == []


def test_keyboard_only(page):
    page.open(page.url + "/")

    def tab() -> str:
        page.call("Input.dispatchKeyEvent", type="keyDown", key="Tab", code="Tab", windowsVirtualKeyCode=9)
        page.call("Input.dispatchKeyEvent", type="keyUp", key="Tab", code="Tab", windowsVirtualKeyCode=9)
        return page.evaluate("document.activeElement.id || document.activeElement.textContent.trim()")

    assert [tab() for _ in range(5)] == ["Skip to main content", "Check a draft", "file", "Check this draft",
                                         "Or paste the recording's text"]
    page.call("Input.dispatchKeyEvent", type="keyDown", key="Enter", code="Enter", windowsVirtualKeyCode=13, text="\r")
    page.call("Input.dispatchKeyEvent", type="keyUp", key="Enter", code="Enter", windowsVirtualKeyCode=13)
    assert page.evaluate("document.getElementById('paste').open")
    assert tab() == "text"


def test_360_pixels_wide(page):
    page.call("Emulation.setDeviceMetricsOverride", width=360, height=800, deviceScaleFactor=2, mobile=True)
    try:
        page.open(page.url + "/")
        choose(page, FLAWED)
        checked(page, FLAWED.name)
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
        # the findings follow the text they belong to, one column
        assert page.evaluate("getComputedStyle(document.querySelector('.part-body')).gridTemplateColumns").count("px") == 1
    finally:
        page.call("Emulation.clearDeviceMetricsOverride")


def test_team_page_with_redact_shows_no_name(tmp_path):
    folder = week_folder(tmp_path)
    browser = Browser(width=1280, height=900)
    try:
        with running(create_app(ServeOptions(folder=folder, redact=True))) as url:
            browser.open(url + "/team?week=2025-03-12")
            wait_until(browser, "!!document.getElementById('recordings-table')")
            texts = [browser.evaluate("document.body.innerText")]
            links = browser.evaluate("[...document.querySelectorAll('#recordings-table a')].map(a => a.href)")
            assert len(links) == 4
            for link in links:
                browser.open(link)
                texts.append(browser.evaluate("document.body.innerText"))
            assert browser.problems() == []
    finally:
        browser.close()
    assert "A.-12.txt" in texts[0]
    for text in texts:
        for name in ("Amelia", "Jayden", "Smith", "Sarah", "Patel", "Priya", "Khan"):
            assert name not in text
