"""``qa-checker serve``: what the supervisor page and the team page show, read as markup."""

from __future__ import annotations

import hashlib
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import GOOD_SPEC, SAMPLES, apply_edits
from review_cases import week_folder
from serve_support import ready_client

from qa_checker import check_file
from qa_checker.serve.app import ServeOptions, create_app

FLAWED = SAMPLES / "flawed-sunday-sophie-oliver-2025-05-04.docx"
HOSTILE = "<script>alert(1)</script> <img src=x onerror=alert(2)> </textarea><b>bold</b>"


class Markup(HTMLParser):
    """Tags, attributes, the text of each element with an id, and marked passages."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.marks: list[tuple[str, str]] = []   # (data-findings, text)
        self.by_id: dict[str, str] = {}
        self._open: list[tuple[str, str | None, list[str]]] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if tag not in ("input", "meta", "link", "br", "img"):
            self._open.append((tag, attrs.get("id"), [], attrs.get("data-findings")))

    def handle_endtag(self, tag):
        while self._open:
            name, ident, text, findings = self._open.pop()
            joined = "".join(text)
            if ident:
                self.by_id[ident] = " ".join(joined.split())
            if findings:
                self.marks.append((findings, joined))
            if self._open:
                self._open[-1][2].append(joined)
            if name == tag:
                break

    def handle_data(self, data):
        if self._open:
            self._open[-1][2].append(data)

    def all(self, tag: str) -> list[dict]:
        return [attrs for name, attrs in self.tags if name == tag]


def view(client, path: Path, name: str | None = None):
    return client.post("/api/view", files={"file": (name or path.name, path.read_bytes())})


def test_the_flagged_passages_are_marked_with_their_findings(serve_client):
    report = check_file(FLAWED)
    response = view(serve_client, FLAWED)
    assert response.status_code == 200
    page = Markup(response.text)
    cards = [a["id"] for a in page.all("li") if a.get("id", "").startswith("f-")]
    assert cards == [f"f-{n}" for n in range(1, len(report.findings) + 1)]
    placed = [f for f in report.findings if f.start is not None and f.end > f.start]
    marked: dict[str, str] = {}
    for numbers, text in page.marks:
        for number in numbers.split():
            marked[number] = marked.get(number, "") + text
    flagged = sorted(f.text for f in placed)
    assert sorted(marked.values()) == flagged
    # each marked passage is followed by a link to its finding, and each finding links back
    refs = [a["href"] for a in page.all("a") if "ref" in a.get("class", "")]
    assert sorted(refs) == sorted(f"#f-{n}" for n in marked)
    assert page.by_id["verdict"] == "Needs changes before you submit: 3 errors, 8 warnings."


def test_each_finding_says_what_is_wrong_what_to_do_and_why(serve_client):
    report = check_file(FLAWED)
    page = Markup(view(serve_client, FLAWED).text)
    text = {ident: body for ident, body in page.by_id.items() if ident.startswith("f-")}
    missing = next(f for f in report.findings if f.rule == "S01")
    assert text["f-1"].startswith(f"1 error S01 missing-section What is wrong: {missing.message}")
    assert "Why this matters (S01)" in text["f-1"]
    assert len(page.all("details")) == len(report.findings)  # one explanation each
    vague = [body for body in text.values() if "P03 vague-phrasing" in body]
    assert vague and all("What to do:" in body for body in vague)


def test_scaling_table_and_structure_checklist(serve_client):
    page = view(serve_client, FLAWED).text
    rows = re.findall(r"<tr class=\"(ok|bad)\"><th scope=\"row\">([^<]+)</th><td>([^<]+)</td><td>([^<]+)</td><td>([^<]+)</td>",
                      page)
    assert rows == [("bad", "Overall", "7/10", "no", "no"), ("ok", "Sophie Dunn", "8/10", "yes", "yes"),
                    ("bad", "Oliver Dunn", "missing", "-", "-")]
    checklist = Markup(page).by_id["checklist"]
    assert "✓ Introductions: present" in checklist
    assert "✗ What needs to happen?: not done (missing)" in checklist
    assert "✗ Scaling: Oliver Dunn: not done (missing)" in checklist
    assert "✓ Scaling: Sophie Dunn: present" in checklist


def test_a_missing_worry_is_crossed(serve_client, tmp_path):
    spec = apply_edits(GOOD_SPEC, [["Jayden cried at the door for two minutes and held Sarah's sleeve until his carer "
                                    "lifted him.", "N/A"]])
    from conftest import build

    path = build(spec, "docx", tmp_path, "draft")
    items = re.findall(r'<li class="level-(\d) (ok|bad)">.*?\n\s*([^<]+)<', view(serve_client, path).text)
    assert ("1", "bad", "What are you worried about?") in items
    assert items.count(("1", "ok", "What are you worried about?")) == 3


@pytest.mark.parametrize("endpoint", ["/api/view", "/check"])
def test_recording_text_is_escaped(serve_client, endpoint):
    text = f"INTRODUCTIONS\nWhat is working well?\nMum said {HOSTILE} at 16:00.\n"
    response = serve_client.post(endpoint, data={"text": text}, files={"none": ("", b"")})
    assert response.status_code == 200
    page = Markup(response.text)
    assert [a.get("src") for a in page.all("script")] == ([] if endpoint == "/api/view" else ["/static/app.js"])
    assert page.all("img") == [] and len(page.all("textarea")) == (0 if endpoint == "/api/view" else 1)
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(2)&gt; &lt;/textarea&gt;&lt;b&gt;bold&lt;/b&gt;" in response.text
    assert not any(name == "b" for name, _ in page.tags)


def test_the_page_without_its_script_checks_too(serve_client):
    response = serve_client.post("/check", files={"file": (FLAWED.name, FLAWED.read_bytes())})
    assert response.status_code == 200
    assert "Result for flawed-sunday-sophie-oliver-2025-05-04.docx" in response.text
    bad = serve_client.post("/check", files={"file": ("cut.docx", b"PK\x03\x04")})
    assert bad.status_code == 422
    assert Markup(bad.text).by_id["error"].startswith("cut.docx: ")


def test_the_page_has_labels_and_landmarks(serve_client):
    page = Markup(serve_client.get("/").text)
    labelled = {a["for"] for a in page.all("label")}
    assert {a["id"] for a in page.all("input") if a.get("type") == "file"} <= labelled
    assert {a["id"] for a in page.all("textarea")} <= labelled
    assert [n for n, _ in page.tags if n in ("header", "nav", "main", "footer")] == ["header", "nav", "main", "footer"]
    assert page.all("html")[0]["lang"] == "en-GB"
    assert not any("style" in attrs for _, attrs in page.tags)  # the CSP allows no inline style
    assert not any(k.startswith("on") for _, attrs in page.tags for k in attrs)


# The team page -------------------------------------------------------------------------------------

def _fingerprint(folder: Path) -> dict[str, tuple[str, int]]:
    return {p.name: (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns) for p in folder.iterdir()}


@pytest.fixture(scope="module")
def team_folder(tmp_path_factory):
    return week_folder(tmp_path_factory.mktemp("team"))


@pytest.fixture(scope="module")
def team(team_folder):
    with ready_client(create_app(ServeOptions(folder=team_folder))) as client:
        yield client


@pytest.fixture(scope="module")
def redacted(team_folder):
    with ready_client(create_app(ServeOptions(folder=team_folder, redact=True))) as client:
        yield client


def _rows(html: str) -> list[list[str]]:
    body = html.split('id="recordings-table"')[1].split("</table>")[0]
    return [[re.sub(r"<[^>]+>", "", cell).strip() for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)]
            for row in re.findall(r"<tr>(.*?)</tr>", body.split("<tbody>")[1], re.S)]


def test_team_week_lists_the_weeks_recordings_worst_first(team, team_folder):
    before = _fingerprint(team_folder)
    response = team.get("/team?week=2025-03-12")
    assert response.status_code == 200
    assert [r[0] for r in _rows(response.text)] == ["broken.docx", "sam-13.docx", "undated.txt", "amelia-12.txt"]
    assert [r[-1] for r in _rows(response.text)] == ["unreadable", "needs changes", "needs changes", "passed"]
    assert Markup(response.text).by_id["headline"] == "4 recordings: 1 passed, 2 need changes, 1 could not be read."
    assert _fingerprint(team_folder) == before  # read only


def test_team_filters(team, team_folder):
    def paths(query: str) -> list[str]:
        return [r[0] for r in _rows(team.get(f"/team?week=2025-03-12&{query}").text)]

    assert paths("supervisor=Sam+Lee") == ["sam-13.docx"]
    assert paths("supervisor=Jo+Patel") == ["undated.txt", "amelia-12.txt"]
    assert paths("passed=passed") == ["amelia-12.txt"]
    assert paths("passed=needs+changes") == ["sam-13.docx", "undated.txt"]
    assert paths("passed=unreadable") == ["broken.docx"]
    rule = check_file(team_folder / "sam-13.docx").findings[0].rule
    assert paths(f"rule={rule}") == ["sam-13.docx"]
    filtered = team.get("/team?week=2025-03-12&supervisor=Sam+Lee").text
    assert "<th scope=\"row\">Jo Patel</th>" not in filtered and "<th scope=\"row\">Sam Lee</th>" in filtered


def test_each_recording_opens_its_own_page(team):
    links = re.findall(r'href="(/team/recording/[0-9a-f]{16})\?week=2025-03-12">([^<]+)<', team.get("/team?week=2025-03-12").text)
    pages = {name: team.get(link) for link, name in links}
    assert pages["sam-13.docx"].status_code == 200
    assert "<h1>sam-13.docx</h1>" in pages["sam-13.docx"].text and 'class="finding' in pages["sam-13.docx"].text
    assert "could not be read" in pages["broken.docx"].text
    assert team.get("/team/recording/0000000000000000").status_code == 404


def test_redact_applies_to_everything_the_team_pages_show(redacted):
    week = redacted.get("/team?week=2025-03-12").text
    links = re.findall(r'href="(/team/recording/[0-9a-f]{16})\?week=2025-03-12"', week)
    shown = [week] + [redacted.get(link).text for link in links]
    assert len(shown) == 5 and "Names are shown as initials." in week
    for html in shown:
        for name in ("Amelia", "Jayden", "Smith", "Sarah", "Patel", "Priya", "Khan"):
            assert name not in html, re.findall(f".{{80}}{name}.{{40}}", html)
    assert "A.-12.txt" in week and "J. P." in week
