"""The team page: ``review``'s summary of a folder for a chosen week, filtered by supervisor, rule
and verdict, each recording opening its own page. The folder is only read.

The week's summary is made by the review itself (``run_review``, in this process, the folder's
own settings files applying as they do for ``review``), redacted once with ``redact_summary`` when
the server was started with ``--redact``, and kept until a file in the folder changes. Filters
then choose among its rows and the tables are summed again from them with ``build_summary``, so
every name the page shows has been through the redaction. Recordings are linked by a hash of their
path, never by the path, which may hold a child's name.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import Path

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from qa_checker.report import RecordingInfo, Report
from qa_checker.review.model import Item
from qa_checker.review.selection import DateWindow, show_date
from qa_checker.review.summary import RecordingRow, ReviewSummary, Verdict, build_summary


@dataclass(frozen=True)
class Week:
    """One week of the folder, reviewed: the rows (redacted when asked) and each row's link id."""

    window: DateWindow
    rows: list[RecordingRow]
    ids: list[str]
    generated: dt.date


@dataclass(frozen=True)
class Filters:
    supervisor: str = ""
    rule: str = ""
    verdict: str = ""

    def keep(self, row: RecordingRow) -> bool:
        return ((not self.supervisor or row.supervisor == self.supervisor)
                and (not self.rule or any(f.rule == self.rule for f in row.findings))
                and (not self.verdict or row.verdict.value == self.verdict))


def link_id(relative: str) -> str:
    return hashlib.sha256(relative.encode()).hexdigest()[:16]


def week_of(text: str | None, today: dt.date) -> tuple[dt.date, str | None]:
    """The day asked for (2025-03-12, as a date field sends it), or today with a message."""
    if not text:
        return today, None
    try:
        return dt.date.fromisoformat(text), None
    except ValueError:
        return today, f"'{text}' is not a date (use the form 2025-03-12); showing this week instead"


def filtered(week: Week, filters: Filters) -> tuple[ReviewSummary, list[tuple[RecordingRow, str]]]:
    """The summary of the rows the filters keep, and those rows with their link ids."""
    kept = [(row, link) for row, link in zip(week.rows, week.ids) if filters.keep(row)]
    summary = build_summary([_item(row) for row, _ in kept], week.window, today=week.generated)
    return summary, kept


def _item(row: RecordingRow) -> Item:
    """A row as the review item it came from (strings as the row shows them: redacted or not)."""
    report = Report(path=row.path, passed=row.verdict == Verdict.PASSED, error=row.error, children=row.children,
                    findings=row.findings, scalings=row.scalings, info=RecordingInfo(supervised_by=row.supervisor))
    return Item(report=report, date=row.date, date_source=row.date_source)


class Team:
    def __init__(self, folder: Path, checker, *, redact: bool = False) -> None:
        self.folder = folder
        self.checker = checker
        self.redact = redact
        self._weeks: dict[tuple, Week] = {}

    def _files(self) -> list[Path]:
        from qa_checker.readers import discover

        return list(discover([self.folder]))

    def _snapshot(self) -> tuple:
        found = []
        for path in self._files():
            try:
                stat = path.stat()
            except OSError:
                continue
            found.append((str(path), stat.st_mtime_ns, stat.st_size))
        return tuple(found)

    def week(self, day: dt.date) -> Week:
        """The week holding ``day``, reviewed (or taken from the cache while no file changed)."""
        window = DateWindow.week_of(day)
        key = (window.start, self._snapshot())
        if key not in self._weeks:
            self._weeks = {k: v for k, v in self._weeks.items() if k[1] == key[1]}  # drop stale weeks
            self._weeks[key] = self._review(window)
        return self._weeks[key]

    def _review(self, window: DateWindow) -> Week:
        from qa_checker.review.pipeline import run_review

        with self.checker.exclusive():
            result = run_review([self.folder], window, workers=1)
        summary = result.summary
        ids = [link_id(row.path) for row in summary.recordings]
        if self.redact:
            from qa_checker.review.redact import Redactor, redact_summary

            names = set(result.names)
            for row in summary.recordings:  # names written only in the body, as review --redact finds them
                names |= self._body_names(self.folder / row.path, names)
            summary = redact_summary(summary, Redactor.of(names))
        return Week(window=window, rows=list(summary.recordings), ids=ids, generated=summary.generated)

    def path_of(self, link: str) -> Path | None:
        for path in self._files():
            if link_id(path.relative_to(self.folder).as_posix()) == link:
                return path
        return None

    def recording(self, link: str, explanations: dict[str, str]):
        """(view, error) for the recording behind ``link``; (None, None) when there is none."""
        from qa_checker.readers import InputError, read_document
        from qa_checker.serve.view import build_view

        path = self.path_of(link)
        if path is None:
            return None, None
        relative = path.relative_to(self.folder).as_posix()
        try:
            document = read_document(path)
        except InputError as exc:
            message = str(exc).replace(str(path), relative)
            return None, self._redactor([message], [])(message) if self.redact else message
        import dataclasses

        from qa_checker.settings import ConfigResolver

        settings = ConfigResolver().settings_for(path)  # the folder's own settings file, as review finds it
        checked = self.checker.check_document(dataclasses.replace(document, path=relative), settings)
        redact = self._redactor([b.text for b in document.blocks], [checked.report]) if self.redact else str
        return build_view(checked, explanations, redact), None

    def _redactor(self, texts: list[str], reports: list[Report]):
        """The review's redaction for one recording: the names its header gives and those written
        in its body (next to a relationship word, a nickname, or a person the recogniser finds)."""
        from qa_checker.review.redact import Redactor, body_names, header_names

        known = header_names(reports)
        return Redactor.of(known | body_names("\n".join(texts), known))

    @staticmethod
    def _body_names(path: Path, known: set[str]) -> set[str]:
        from qa_checker.readers import InputError, read_document
        from qa_checker.review.redact import body_names

        try:
            return body_names(read_document(path).text, known)
        except InputError:
            return set()

    def routes(self, site) -> list[Route]:
        """The team page and each recording's page, drawn with ``site``'s templates."""
        from qa_checker.config import ConfigError
        from qa_checker.readers import InputError

        async def team_page(request: Request) -> Response:
            query = request.query_params
            day, problem = week_of(query.get("week"), dt.date.today())
            filters = Filters(query.get("supervisor", ""), query.get("rule", ""), query.get("passed", ""))
            try:
                week = await self.checker.run(self.week, day)
            except (ConfigError, InputError) as exc:  # a bad settings file in the folder, the folder gone
                return site.page(request, "message.html", status=422, message=str(exc))
            summary, rows = filtered(week, filters)
            return site.page(request, "team.html", week=week, day=day, problem=problem, filters=filters, summary=summary,
                        rows=rows, supervisors=sorted({r.supervisor for r in week.rows if r.supervisor}),
                        rules=sorted({(f.rule, f.name) for r in week.rows for f in r.findings}),
                        verdict=Verdict, show_date=show_date, redacted=self.redact,
                        previous=week.window.start - dt.timedelta(days=7), following=week.window.start + dt.timedelta(days=7))

        async def recording_page(request: Request) -> Response:
            try:
                view, error = await self.checker.run(self.recording, request.path_params["link"],
                                                     site.explanations)
            except ConfigError as exc:
                return site.page(request, "message.html", status=422, message=str(exc))
            if view is None and error is None:
                return site.page(request, "message.html", status=404,
                            message="There is no such recording in the team's folder (it may have been moved).")
            return site.page(request, "recording.html", view=view, error=error, recheck=False,
                        back=request.query_params.get("week", ""))

        return [Route("/team", team_page), Route("/team/recording/{link:str}", recording_page)]
