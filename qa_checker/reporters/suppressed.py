"""The text report's closing block of findings accepted on purpose (``--show-suppressed``)."""

from __future__ import annotations

from qa_checker.report import RunResult
from qa_checker.reporters.places import place
from qa_checker.reporters.rulemeta import title
from qa_checker.wording import plural


def render_suppressed(result: RunResult, *, show: bool) -> str:
    """Each suppressed finding and why; without ``show``, one line saying how many there were."""
    total = sum(len(r.suppressed) for r in result.reports)
    if not total:
        return ""
    if not show:
        was, it = ("was", "it") if total == 1 else ("were", "them")
        return (f"{plural(total, 'finding')} {was} accepted on purpose (by a Word comment or the baseline) "
                f"and not shown; --show-suppressed lists {it}\n")
    lines = [f"Suppressed ({plural(total, 'finding')} accepted on purpose, not counted above):"]
    for report in result.reports:
        if not report.suppressed:
            continue
        lines.append(f"  {report.path}")
        for item in report.suppressed:
            finding = item.finding
            lines.append(f"    {finding.severity.value:<7}  {title(finding.rule, finding.name)} ({place(finding, report)})")
            lines.append(f"      {item.reason}")
    return "\n".join(lines) + "\n"
