"""The library API: check a file, some text or several paths and get reports back."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from qa_checker import engine, registry, speedups
from qa_checker.document import SourceDocument
from qa_checker.engine import Job
from qa_checker.files import NOT_A_RECORDING, looks_like_recording
from qa_checker.policy import Policy, load_policy
from qa_checker.readers import InputError, discover, read_document
from qa_checker.readers.errors import UnreadableFolder
from qa_checker.report import Finding, RecordingInfo, Report, SectionStatus
from qa_checker.scaling import ScalingResult, report_rows
from qa_checker.settings import ConfigResolver, Settings
from qa_checker.splitter import split
from qa_checker.splitter.model import Recording
from qa_checker.template import Template, load_template

if TYPE_CHECKING:
    from qa_checker.baseline import Baseline


def check_document(
    document: SourceDocument,
    *,
    template: Template | None = None,
    policy: Policy | None = None,
    today: dt.date | None = None,
    settings: Settings | None = None,
    baseline: Baseline | None = None,
) -> Report:
    """Check a document already read into the document model.

    ``settings`` (rule selection, severities, fail-on, template, policy, the team's word lists)
    default to every rule with the packaged template and policy. Findings accepted by a Word
    comment or by ``baseline`` move to ``Report.suppressed``.
    """
    return check_documents(
        [document], template=template, policy=policy, today=today, settings=settings, baseline=baseline,
    )[0]


def check_documents(
    documents: list[SourceDocument],
    *,
    template: Template | None = None,
    policy: Policy | None = None,
    today: dt.date | None = None,
    settings: Settings | Sequence[Settings] | None = None,
    baseline: Baseline | None = None,
) -> list[Report]:
    """Check several documents, parsing all their candidate sentences in one batch.

    ``settings`` applies to every document, or is a sequence with each document's own.
    """
    each: list[Settings] = (list(settings) if isinstance(settings, (list, tuple))
                            else [settings if isinstance(settings, Settings) else Settings()] * len(documents))
    recordings = [split(d, _template_for(template, s)) for d, s in zip(documents, each)]
    return _check_recordings(recordings, each, policy=policy, today=today, baseline=baseline)


def _template_for(template: Template | None, own: Settings) -> Template:
    """The template a document is split with: the caller's, else its settings', else the shipped one."""
    return template or own.template or load_template()


def _check_recordings(
    recordings: list[Recording], each: list[Settings], *, policy: Policy | None = None,
    today: dt.date | None = None, baseline: Baseline | None = None,
) -> list[Report]:
    """:func:`check_documents` once the documents are split (each with its own settings)."""
    today = today or dt.date.today()
    jobs = [Job(recording=r, policy=policy or s.policy or load_policy(), rules=s.selected(), options=s.options,
                severities=s.severities) for r, s in zip(recordings, each)]
    return [_report(job.recording, own, baseline, outcome.findings, outcome.parsed.scaling)
            for job, own, outcome in zip(jobs, each, engine.check_batch(jobs, today))]


def _report(
    recording: Recording, settings: Settings, baseline: Baseline | None, findings: list[Finding], scaling: ScalingResult,
) -> Report:
    from qa_checker.suppress import settle

    findings, suppressed = settle(recording.document, findings, baseline)
    sections = [
        SectionStatus(name=s.name, title=s.title,
                      present=bool(recording.header) if s.name == "header" else s.name in recording.sections)
        for s in recording.template.sections
    ]
    return Report(
        path=recording.document.path,
        passed=settings.passed(findings),
        # "Child's Name", or else the children "Present at contact" names (the scaling's roster).
        children=[c.name for c in recording.children] or [c.name for c in scaling.roster.children],
        sections=sections,
        findings=findings,
        info=recording_info(recording),
        suppressed=suppressed,
        scalings=report_rows(scaling, recording.text),
    )


def recording_info(recording: Recording) -> RecordingInfo:
    """The header's date, times and people as values (None where missing or unreadable)."""
    from qa_checker.datetimes import parse_date, parse_time_range

    def value(name: str) -> str | None:
        field = recording.header.get(name)
        return field.value if field and field.value else None

    written_date, written_time = value("date"), value("time")
    date = parse_date(written_date).date if written_date else None
    times = parse_time_range(written_time) if written_time else None
    return RecordingInfo(
        date=date,
        start_time=times.start if times and not times.problem else None,
        end_time=times.end if times and not times.problem else None,
        supervised_by=value("supervised_by"),
        report_by=value("report_by"),
        present=[p.name for p in recording.present],
    )


def check_file(path: str | Path, **options: Any) -> Report:
    """Check one recording file. A file that cannot be read gives a report with ``error`` set."""
    path = Path(path)
    try:
        document = read_document(path)
    except InputError as exc:
        return error_report(str(path), str(exc))
    return check_document(document, **options)


def check_text(text: str, name: str = "<text>", *, markdown: bool = False, **options: Any) -> Report:
    """Check a recording given as text (handy for tests and other programs)."""
    from qa_checker.readers.text import parse_text

    return check_document(parse_text(text, name, markdown=markdown), **options)


# Recordings analysed together: one nlp.pipe batch for all their candidate sentences.
BATCH = 64


def check_paths(
    paths: Iterable[str | Path], *, config: ConfigResolver | None = None, jobs: int | None = 1,
    force_exclude: bool = False, progress: Callable[[int, int], None] | None = None, **options: Any,
) -> list[Report]:
    """Check files and folders (searched recursively); unreadable files become error reports.

    With ``config``, each file is checked with its own settings (its nearest config file and
    the command line), and files its settings exclude are left out of folders (and out of the
    files named, with ``force_exclude``). Reports come sorted by path, each file once, whatever the order given.
    ``jobs`` is how many processes may check at once (None or 0: one per core); a few files are
    always checked in this process (see qa_checker/parallel.py). ``progress(done, total)`` is
    called before the first file is checked and as files are done (for a progress display).
    """
    files: dict[str, Path | Report] = {}
    for target in paths:
        def unreadable(exc: UnreadableFolder) -> None:  # a folder inside that cannot be opened: its own line
            files.setdefault(exc.path, error_report(exc.path, str(exc)))

        try:
            found = list(discover([Path(target)], config.excluded if config else None, force_exclude,
                                  on_error=unreadable))
        except InputError as exc:
            files.setdefault(str(target), error_report(str(target), str(exc)))
            continue
        for file in found:
            files.setdefault(str(file.resolve()), file)
    ordered = sorted(files.values(), key=lambda item: (str(_name(item)).lower(), str(_name(item))))
    settings_for = config.settings_for if config else (lambda path: options.get("settings"))
    options = {k: v for k, v in options.items() if k != "settings"}
    slots: list[Report | None] = []
    work: list[tuple[Path, Settings]] = []
    for item in ordered:
        if isinstance(item, Path):
            work.append((item, settings_for(item) or Settings()))  # a bad config file stops the run here
        slots.append(item if isinstance(item, Report) else None)
    checked = iter(_check_all(work, options, jobs, progress or (lambda done, total: None)))
    return [slot if slot is not None else next(checked) for slot in slots]


def _name(item: Path | Report) -> str:
    return item.path if isinstance(item, Report) else str(item)


def _check_all(work: list[tuple[Path, Settings]], options: dict[str, Any], jobs: int | None,
               progress: Callable[[int, int], None]) -> list[Report]:
    """Reports for ``work`` in its order: in this process, or in batches spread over workers."""
    from qa_checker.parallel import plan_workers

    workers = plan_workers(jobs, len(work))
    # Several batches per worker, so that one slow batch does not keep the other cores waiting.
    size = BATCH if workers == 1 else max(1, min(BATCH, -(-len(work) // (workers * 3))))
    batches = [work[start:start + size] for start in range(0, len(work), size)]
    progress(0, len(work))
    if workers == 1:
        reports: list[Report] = []
        for batch in batches:
            reports.extend(_check_batch(batch, options))
            progress(len(reports), len(work))
        return reports
    return _check_in_pool(batches, options, workers, lambda done: progress(done, len(work)))


def _check_in_pool(batches: list[list[tuple[Path, Settings]]], options: dict[str, Any], workers: int,
                   progress: Callable[[int], None]) -> list[Report]:
    from concurrent.futures.process import BrokenProcessPool

    from qa_checker.parallel import pool

    reports: list[Report] = []
    with pool(workers, initializer=warm_up_worker) as workers_pool:
        futures = [workers_pool.submit(_check_batch, batch, options) for batch in batches]
        for batch, future in zip(batches, futures):
            try:
                reports.extend(future.result())
            except BrokenProcessPool:
                reports.extend(error_report(str(path), f"{path}: the process checking this file stopped unexpectedly "
                                                       "(perhaps out of memory); check this file on its own")
                               for path, _ in batch)
            except Exception as exc:  # noqa: BLE001 - e.g. a report that cannot be sent back: that batch's error only
                reports.extend(error_report(str(path), f"{path}: qa-checker failed on this file ({type(exc).__name__}); "
                                                       "please report it to the qa-checker team") for path, _ in batch)
            progress(len(reports))
    return reports


def _check_batch(batch: list[tuple[Path, Settings]], options: dict[str, Any]) -> list[Report]:
    """Read and check one batch of files (in this process or a worker), one NLP batch for all."""
    slots: list[Report | None] = []
    documents, recordings, positions, settings = [], [], [], []
    for path, own in batch:
        try:
            document = read_document(path)
        except InputError as exc:
            slots.append(error_report(str(path), str(exc)))
            continue
        # split once: whether it is a recording at all, then its check (as check_documents would)
        recording = split(document, _template_for(options.get("template"), own))
        if not looks_like_recording(recording):
            slots.append(error_report(str(path), f"{path}: {NOT_A_RECORDING}"))
            continue
        documents.append(document)
        recordings.append(recording)
        settings.append(own)
        positions.append(len(slots))
        slots.append(None)
    try:
        checked = _check_recordings(recordings, settings, **{k: v for k, v in options.items() if k != "template"})
        for position, report in zip(positions, checked):
            slots[position] = report
    except Exception:  # a bug must not stop a batch: check one by one to name the file it is in
        for position, document, own in zip(positions, documents, settings):
            slots[position] = _check_alone(document, {**options, "settings": own})
    filled = [slot for slot in slots if slot is not None]
    assert len(filled) == len(slots)  # an unreadable file's report, or its check's
    return filled


def _check_alone(document: SourceDocument, options: dict[str, Any]) -> Report:
    try:
        return check_document(document, **options)
    except Exception as exc:
        return error_report(document.path, f"{document.path}: qa-checker failed on this file "
                                           f"({type(exc).__name__}: {exc}); please report it to the qa-checker team")


_WARM_UP = "INTRODUCTIONS\nWhat is working well?\nMum arrived at 16:00 and seemed happy to see them.\n"


def warm_up() -> None:
    """Load once what every check needs, e.g. in a worker process before its first recording.

    Rules, template and policy, then one tiny check through every rule, so that whatever the
    rules load on first use (the spaCy pipeline, matchers, word lists) is loaded here too, and
    all of it moved out of the garbage collector's way (``gc.freeze``, with the speed-ups).
    """
    registry.all_rules()
    load_template()
    load_policy()
    check_text(_WARM_UP, "<warm-up>")
    # What is loaded lives as long as the process: keep the garbage collector from walking it
    # again on every collection (when the process enabled the speed-ups).
    speedups.freeze()


def warm_up_worker() -> None:
    """A pool worker's initialiser: the process is the pool's, so the speed-ups are enabled."""
    speedups.enable()
    warm_up()


def error_report(path: str, message: str) -> Report:
    return Report(path=path, passed=False, error=message)
