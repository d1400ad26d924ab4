"""The review as one self-contained HTML page: inline CSS and SVG, no script, nothing fetched.

It must open offline from a shared drive, so the page carries a Content-Security-Policy that
forbids every outside resource: anything that tried to load would be blocked (and show as an
error in the browser's console, which the browser test checks is empty). The drill-down per
recording is a ``<details>`` element, which needs no script.
"""

from __future__ import annotations

from html import escape

from qa_checker.report import Finding, section_title
from qa_checker.review.selection import show_date
from qa_checker.review.summary import RecordingRow, ReviewSummary, Verdict
from qa_checker.review.svg import scaling_chart
from qa_checker.review.text import (
    change_of_rate,
    change_of_rule,
    headline,
    percent,
    plural,
    score,
    shown_date,
    yes_no,
)

_CSS = """
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1d2330;margin:0 auto;
 max-width:1200px;padding:1.5rem}
h1{font-size:1.5rem;margin:0 0 .4rem}h2{font-size:1.2rem;margin:2rem 0 .6rem;border-bottom:2px solid #d8dde6}
h3{font-size:1rem;margin:1rem 0 .3rem}p.lead{margin:.2rem 0;color:#384152}
nav a{margin-right:1rem}
table{border-collapse:collapse;width:100%;font-size:.92rem}
th,td{padding:.35rem .5rem;border-bottom:1px solid #e3e7ee;text-align:left;vertical-align:top}
th{background:#f3f5f9;position:sticky;top:0}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
.v-unreadable{color:#7a1f8c;font-weight:600}.v-changes{color:#b3261e;font-weight:600}.v-passed{color:#1e7a34}
.s-error{color:#b3261e;font-weight:600}.s-warning{color:#8a5a00;font-weight:600}.s-info{color:#1f5f8c}
#recordings-table td:nth-child(3),#recordings-table td:nth-child(8){white-space:nowrap}
.up{color:#1e7a34}.down{color:#b3261e}
details{border:1px solid #e3e7ee;border-radius:6px;margin:.5rem 0;padding:.3rem .8rem}
details:target{outline:3px solid #f2b705}
summary{cursor:pointer;font-weight:600}
ol.findings{padding-left:1.2rem}ol.findings li{margin:.6rem 0}
blockquote{margin:.3rem 0;padding:.3rem .6rem;background:#f7f7f2;border-left:3px solid #c9c3a3;white-space:pre-wrap}
.try{color:#1e5f2e}.meta{color:#5b6577;font-size:.88rem}
.charts{display:flex;flex-wrap:wrap;gap:1rem 2rem}figure.chart{margin:0 0 1rem}
figcaption{font-weight:600;margin-bottom:.2rem}
svg.chart .grid{stroke:#e3e7ee}svg.chart .axis{font-size:11px;fill:#5b6577}
svg.chart .line{fill:none;stroke:#2458a6;stroke-width:2}svg.chart .dot{fill:#2458a6}
svg.chart .dot.earlier{fill:#fff;stroke:#2458a6;stroke-width:2}
@media print{details{break-inside:avoid}th{position:static}}
"""

_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
_VERDICT_CLASS = {Verdict.UNREADABLE: "v-unreadable", Verdict.CHANGES: "v-changes", Verdict.PASSED: "v-passed"}


def _e(value: object) -> str:
    return escape(str(value), quote=True)


def _table(table_id: str, headers: list[str], rows: list[list[str]], numeric: set[int] | frozenset[int] = frozenset()) -> str:
    """A table of already-escaped cells; columns in ``numeric`` align right."""
    head = "".join(f'<th class="n">{_e(h)}</th>' if i in numeric else f"<th>{_e(h)}</th>"
                   for i, h in enumerate(headers))
    body = "".join(
        "<tr>" + "".join(f'<td class="n">{c}</td>' if i in numeric else f"<td>{c}</td>" for i, c in enumerate(row))
        + "</tr>" for row in rows)
    return f'<table id="{table_id}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def _change(text: str, more_is_better: bool = False) -> str:
    """A signed change, green when things got better and red when worse."""
    better = text.startswith("+") if more_is_better else text.startswith("-")
    css = "" if not text or text[0] not in "+-" else "up" if better else "down"
    return f'<span class="{css}">{_e(text)}</span>' if css else _e(text)


def _recordings(summary: ReviewSummary) -> str:
    rows = []
    for index, row in enumerate(summary.recordings, 1):
        readable = row.verdict != Verdict.UNREADABLE
        rows.append([
            f'<a href="#rec-{index}">{_e(row.path)}</a>', _e(", ".join(row.children)),
            _e(shown_date(row.date, row.date_source)), _e(row.supervisor or ""),
            _e(row.errors) if readable else "", _e(row.warnings) if readable else "",
            _e(row.top_issue or "") if readable else "cannot read",
            f'<span class="{_VERDICT_CLASS[row.verdict]}">{_e(row.verdict.value)}</span>',
        ])
    return _table("recordings-table", ["File", "Children", "Date", "Supervisor", "Errors", "Warnings", "Top issue",
                                       "Verdict"], rows, numeric={4, 5})


def _rules(summary: ReviewSummary) -> str:
    rows = [[_e(r.code), _e(r.name), f'<span class="s-{r.severity.value}">{_e(r.severity.value)}</span>',
             _e(r.findings), _e(r.recordings), "" if r.previous is None else _e(r.previous),
             _change(change_of_rule(r))] for r in summary.rules]
    return _table("rules-table", ["Rule", "Name", "Severity", "Findings", "Recordings", "Last review", "Change"],
                  rows, numeric={3, 4, 5, 6})


def _supervisors(summary: ReviewSummary) -> str:
    rows = [[_e(r.name), _e(r.recordings), _e(r.passed), _e(percent(r.pass_rate)), _e(percent(r.previous_rate)),
             _change(change_of_rate(r), more_is_better=True), _e(r.top_rule or "")] for r in summary.supervisors]
    return _table("supervisors-table", ["Supervisor", "Recordings", "Passed", "Pass rate", "Last review", "Change",
                                        "Most frequent rule"], rows, numeric={1, 2, 3, 4, 5})


def _children(summary: ReviewSummary) -> str:
    """A chart for each child with a score, then one table of every child's recordings by date."""
    charts = "".join(f'<figure class="chart"><figcaption>{_e(child.name)}</figcaption>{chart}</figure>'
                     for child in summary.children if (chart := scaling_chart(child)))
    rows = []
    for child in summary.children:
        for index, p in enumerate(child.points):
            rows.append([_e(child.name) if index == 0 else "",
                         _e(show_date(p.date) + (" (earlier review)" if p.earlier else "")), _e(score(p.score)),
                         _e(score(p.overall)), _e(yes_no(p.has_reason, p.score)),
                         _e(yes_no(p.has_next_step, p.score)), _e(p.path)])
    table = _table("children-table", ["Child", "Date", "Child's scaling", "Overall", "Reason", "Next step", "File"],
                   rows)
    note = "" if charts else '<p class="meta">No recording in this review gives a child\'s scaling yet.</p>'
    return f'<div class="charts">{charts}</div>{note}{table}' if rows else ""


def _finding(finding: Finding, titles: dict[str, str]) -> str:
    parts = [f'<span class="s-{finding.severity.value}">{_e(finding.severity.value)}</span> '
             f"<b>{_e(finding.rule)}</b> {_e(finding.name)} "
             f'<span class="meta">· {_e(section_title(finding.section, titles))}'
             + (f" · {_e(finding.child)}" if finding.child else "") + "</span>",
             f"<div>{_e(finding.message)}</div>"]
    if finding.suggestion:
        parts.append(f'<div class="try">Try: {_e(finding.suggestion)}</div>')
    if finding.text:
        parts.append(f"<blockquote>{_e(finding.text)}</blockquote>")
    return "<li>" + "".join(parts) + "</li>"


def _details(index: int, row: RecordingRow) -> str:
    if row.error:
        body = f"<p>Could not be read: {_e(row.error.removeprefix(row.path + ': '))}</p>"
    elif not row.findings:
        body = "<p>No problems found.</p>"
    else:
        body = '<ol class="findings">' + "".join(_finding(f, row.section_titles) for f in row.findings) + "</ol>"
    counts = "" if row.error else f" · {plural(row.errors, 'error')}, {plural(row.warnings, 'warning')}"
    return (f'<details id="rec-{index}"><summary>{_e(row.path)} · '
            f'<span class="{_VERDICT_CLASS[row.verdict]}">{_e(row.verdict.value)}</span>{_e(counts)}</summary>'
            f'<p class="meta">{_e(", ".join(row.children))} · {_e(shown_date(row.date, row.date_source))} · '
            f"{_e(row.supervisor or 'supervisor not given')}</p>{body}</details>")


def render_html(summary: ReviewSummary) -> str:
    """The whole page as a string (UTF-8 when written)."""
    lead = "".join(f'<p class="lead">{_e(line)}</p>' for line in headline(summary))
    details = "".join(_details(i, row) for i, row in enumerate(summary.recordings, 1))
    sections = [
        ("recordings", "Recordings, worst first", _recordings(summary)),
        ("rules", "Most frequent rules", _rules(summary) if summary.rules else "<p>No findings.</p>"),
        ("supervisors", "Supervisors", _supervisors(summary) if summary.supervisors else "<p>None.</p>"),
        ("children", "Scalings by child", _children(summary) or "<p>No children named.</p>"),
        ("details", "Findings by recording", details or "<p>No recordings.</p>"),
    ]
    nav = "".join(f'<a href="#{key}">{_e(title)}</a>' for key, title, _ in sections)
    body = "".join(f'<section id="{key}"><h2>{_e(title)}</h2>{content}</section>' for key, title, content in sections)
    title = f"Recordings review {summary.description}"
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="en-GB"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_e(title)}</title><style>{_CSS}</style></head>"
        f"<body><header><h1>{_e(title)}</h1>{lead}"
        f'<p class="meta">Made by qa-checker on {_e(show_date(summary.generated))}.</p><nav>{nav}</nav></header>'
        f"{body}</body></html>\n"
    )
