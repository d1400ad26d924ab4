"""Review: the self-contained HTML page, read as markup and loaded in headless Chromium."""

from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser

import pytest
from chromium import Browser, chromium_path
from review_cases import finding, report, run, scaling, week_folder

from qa_checker.review.html import render_html
from qa_checker.review.model import Item
from qa_checker.review.selection import DateSource, DateWindow
from qa_checker.review.summary import build_summary


class Page(HTMLParser):
    """Tag names, every URL-bearing attribute, and the text of each table's body rows."""

    def __init__(self, markup: str) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.urls: list[str] = []
        self.tables: dict[str, list[list[str]]] = {}
        self._table = self._row = self._cell = None
        self._in_body = False
        self.feed(markup)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append(tag)
        self.urls += [v for k, v in attrs.items() if k in ("src", "href", "action", "data", "poster") and v]
        if tag == "table":
            self._table = self.tables.setdefault(attrs.get("id", ""), [])
        elif tag == "tbody":
            self._in_body = True
        elif tag == "tr" and self._in_body:
            self._row = []
        elif tag == "td" and self._row is not None:
            self._cell = []

    def handle_endtag(self, tag):
        if tag == "td" and self._cell is not None:
            self._row.append("".join(self._cell).strip())
            self._cell = None
        elif tag == "tr" and self._row is not None:
            self._table.append(self._row)
            self._row = None
        elif tag == "tbody":
            self._in_body = False

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


def scaled_summary():
    """Two recordings of Amelia in a week, with scalings, and one unreadable file."""
    items = [
        Item(report=report("mon.docx", findings=[finding("W02", text="<b>What are you worried about?</b>")],
                           scalings=[scaling(None, 5), scaling("Amelia", 4)]),
             date=dt.date(2025, 3, 10), date_source=DateSource.CONTACT),
        Item(report=report("thu.docx", scalings=[scaling(None, 7), scaling("Amelia", 7.5, step=False)]),
             date=dt.date(2025, 3, 13), date_source=DateSource.CONTACT),
        Item(report=report("bad.docx", error="this is not a Word .docx file"), date=dt.date(2025, 3, 11),
             date_source=DateSource.MODIFIED),
    ]
    return build_summary(items, DateWindow.week_of(dt.date(2025, 3, 12)), today=dt.date(2025, 3, 17))


def test_page_is_self_contained_with_the_tables_rows():
    markup = render_html(scaled_summary())
    page = Page(markup)
    assert "script" not in page.tags and "link" not in page.tags and "iframe" not in page.tags
    assert page.urls and all(url.startswith("#") for url in page.urls)
    assert re.findall(r"https?://[^\"' ]+", markup) == ["http://www.w3.org/2000/svg"]  # a namespace, never fetched
    assert "default-src 'none'" in markup
    assert page.tables["recordings-table"] == [
        ["bad.docx", "", "11 Mar 2025*", "", "", "", "cannot read", "unreadable"],
        ["mon.docx", "Amelia Smith", "10 Mar 2025", "Jo Patel", "1", "0", "W02 rule-w02", "needs changes"],
        ["thu.docx", "Amelia Smith", "13 Mar 2025", "Jo Patel", "0", "0", "", "passed"],
    ]
    assert page.tables["rules-table"] == [["W02", "rule-w02", "error", "1", "1", "", ""]]
    assert page.tables["supervisors-table"] == [["Jo Patel", "2", "1", "50%", "", "", "W02 rule-w02"]]
    assert page.tables["children-table"] == [
        ["Amelia Smith", "10 Mar 2025", "4/10", "5/10", "yes", "yes", "mon.docx"],
        ["", "13 Mar 2025", "7.5/10", "7/10", "yes", "no", "thu.docx"],
    ]
    assert "<figcaption>Amelia Smith</figcaption><svg" in markup
    assert markup.count("<circle ") == 2 and markup.count("<polyline ") == 1
    assert "&lt;b&gt;What are you worried about?&lt;/b&gt;" in markup  # recording text is escaped


needs_chromium = pytest.mark.skipif(
    chromium_path() is None,
    reason="headless Chromium is not installed (Debian package 'chromium'; .ci/run installs it)",
)


@pytest.fixture(scope="module")
def browser():
    chromium = Browser()
    yield chromium
    chromium.close()


def rows(browser, table_id):
    return browser.evaluate(
        f"[...document.querySelectorAll('#{table_id} tbody tr')].map(tr => [...tr.cells].map(td => td.textContent))")


@needs_chromium
def test_review_page_in_chromium(tmp_path, browser):
    folder = week_folder(tmp_path)
    page = tmp_path / "review.html"
    assert run("review", folder, "--week", "2025-03-12", "--html", page).returncode == 2
    browser.events.clear()
    browser.open(page.as_uri())
    assert browser.problems() == []
    assert browser.requested() == [page.as_uri()]
    kids = "Amelia Smith, Jayden Smith"
    assert rows(browser, "recordings-table") == [
        ["broken.docx", "", "11 Mar 2025*", "", "", "", "cannot read", "unreadable"],
        ["sam-13.docx", kids, "13 Mar 2025", "Sam Lee", "2", "0", "H03 invalid-time", "needs changes"],
        ["undated.txt", kids, "14 Mar 2025*", "Jo Patel", "1", "0", "H01 missing-header-field", "needs changes"],
        ["amelia-12.txt", kids, "12 Mar 2025", "Jo Patel", "0", "0", "", "passed"],
    ]
    assert [r[0] for r in rows(browser, "rules-table")] == ["H01", "H03", "W02"]
    assert [r[:4] for r in rows(browser, "supervisors-table")] == [["Sam Lee", "1", "0", "0%"],
                                                                   ["Jo Patel", "2", "1", "50%"]]
    drill = browser.evaluate("document.querySelector('#rec-2').open = true, "
                             "[...document.querySelectorAll('#rec-2 li blockquote')].map(b => b.textContent)")
    assert drill == ["17:00 to 16:00", "What are you worried about?"]
    assert browser.evaluate("document.querySelector('#rec-2').getBoundingClientRect().height > 100")


@needs_chromium
def test_charts_render_in_chromium(tmp_path, browser):
    page = tmp_path / "charts.html"
    page.write_text(render_html(scaled_summary()), encoding="utf-8")
    browser.events.clear()
    browser.open(page.as_uri())
    assert browser.problems() == []
    circles = browser.evaluate("[...document.querySelectorAll('svg.chart circle')].map(c => "
                               "[c.getBBox().width > 0, c.querySelector('title').textContent])")
    assert circles == [[True, "10 Mar 2025: 4/10"], [True, "13 Mar 2025: 7.5/10"]]


@needs_chromium
def test_the_browser_check_does_see_a_blocked_outside_resource(tmp_path, browser):
    """The console check is not vacuous: an outside script on such a page is refused and reported."""
    page = tmp_path / "bad.html"
    page.write_text(render_html(scaled_summary()).replace(
        "</body>", '<script src="http://127.0.0.1:9/x.js"></script></body>'), encoding="utf-8")
    browser.events.clear()
    browser.open(page.as_uri())
    (problem,) = browser.problems()
    assert "Content Security Policy" in problem and "http://127.0.0.1:9/x.js" in problem
