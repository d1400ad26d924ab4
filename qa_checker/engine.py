"""Runs the rules over a batch of recordings: plans their parses, then applies their findings.

The walk, one way: the NLP layer's cheap pass (:func:`~qa_checker.nlp.analysis.analyse_many`);
then, round by round, every selected rule says which sentences it will read on their parse
(``Rule.reads``, a pure function of the read-only view), the NLP layer parses all of them for
the batch at once and returns new analyses (:func:`~qa_checker.nlp.analysis.fulfil`); then each
rule's check reads the final view, and the engine turns hits into findings, applying severities
and precedence (``Rule.yields_to``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from qa_checker.excerpt import excerpt
from qa_checker.nlp.analysis import Analysis, Sentence, analyse_many, fulfil
from qa_checker.nlp.pipeline import text_parsers
from qa_checker.policy import Policy, load_policy
from qa_checker.registry import all_rules, lexicon_spec
from qa_checker.report import Finding, Severity
from qa_checker.rule import Carry, Parsed, Reading, Rule, RuleOptions
from qa_checker.scaling import parse_scaling
from qa_checker.splitter.model import Recording


@dataclass(frozen=True)
class Job:
    """One recording to check, with the rules selected for it and the team's options."""

    recording: Recording
    policy: Policy
    rules: tuple[Rule, ...]
    options: RuleOptions = field(default_factory=RuleOptions)
    severities: Mapping[str, Severity] = field(default_factory=dict)


@dataclass(frozen=True)
class Outcome:
    """What the rules found in one recording, and the view they read (for the scaling summary)."""

    findings: list[Finding]
    parsed: Parsed


def check_batch(jobs: Sequence[Job], today: dt.date) -> list[Outcome]:
    """Check recordings together: one cheap pass and one parse batch per round for all of them
    (per distinct pipeline and team word lists, since teams' settings may differ by folder)."""
    outcomes: list[Outcome | None] = [None] * len(jobs)
    groups: dict[tuple[object, ...], list[int]] = {}
    for position, job in enumerate(jobs):
        groups.setdefault(job.options.nlp_key, []).append(position)
    for positions in groups.values():
        views = plan([jobs[p] for p in positions], today)
        for position, view in zip(positions, views):
            job = jobs[position]
            outcomes[position] = Outcome(run(view, job.rules, job.severities), view)
    return [o for o in outcomes if o is not None]


def plan(jobs: Sequence[Job], today: dt.date, limit: int | None = None) -> list[Parsed]:
    """The read-only views the rules will check: the cheap pass, then as many parse rounds as the
    selected rules declare (at least one: the phrasing triggers wait on a parse; ``limit`` stops
    sooner). ``jobs`` share one pipeline and one set of team words."""
    base, extra = jobs[0].options.nlp_key
    spec = lexicon_spec()
    analyses = analyse_many([j.recording for j in jobs], base, extra, spec)
    rounds = max([1, *(len(r.reads) for j in jobs for r in j.rules)])
    carried: list[dict[str, Carry]] = [{} for _ in jobs]
    for number in range(rounds if limit is None else min(rounds, limit)):
        asked = []
        for job, analysis, carry in zip(jobs, analyses, carried):
            asked.append(wanted(_view(job, analysis, today, carry), job.rules, number, carry))
        analyses = fulfil(analyses, asked, base, extra, spec)
    parsers = text_parsers(base)
    return [replace(_view(job, analysis, today, carry), scaling_result=parse_scaling(job.recording, analysis, parsers))
            for job, analysis, carry in zip(jobs, analyses, carried)]


def _read(result: Iterable[Sentence] | Reading, code: str, carry: dict[str, Carry]) -> list[Sentence]:
    """A round's sentences; what the rule carries forward goes into ``carry`` (this plan's own)."""
    if isinstance(result, Reading):
        carry[code] = result.carry
        return list(result.sentences)
    return list(result)


def wanted(view: Parsed, rules: Sequence[Rule], number: int, carry: dict[str, Carry] | None = None) -> list[Sentence]:
    """The sentences ``rules`` will read on their parse in round ``number``, seen from ``view``;
    what they carry forward goes into ``carry`` (the plan's own; dropped when not given)."""
    carry = {} if carry is None else carry
    return [s for r in rules if len(r.reads) > number for s in _read(r.reads[number](view), r.code, carry)]


def view(
    recording: Recording, *, rules: Sequence[Rule] | None = None, policy: Policy | None = None,
    options: RuleOptions | None = None, today: dt.date | None = None, rounds: int | None = None,
) -> Parsed:
    """One recording's view as the rules check it (``rounds``: stop after that many parse
    rounds; 0 is the cheap pass alone). For tests and tools; a batch goes through :func:`check_batch`."""
    job = Job(recording, policy or load_policy(), tuple(rules) if rules is not None else all_rules(),
              options or RuleOptions())
    return plan([job], today or dt.date.today(), rounds)[0]


def _view(job: Job, analysis: Analysis, today: dt.date, carried: Mapping[str, Carry] | None = None) -> Parsed:
    return Parsed(recording=job.recording, policy=job.policy, today=today, analysis=analysis, options=job.options,
                  carried=dict(carried or {}))


def run(
    parsed: Parsed, rules: Sequence[Rule] | None = None, severities: Mapping[str, Severity] | None = None,
) -> list[Finding]:
    """Run ``rules`` (all by default) over a planned view; their findings, sorted, without
    repeats, and without those of a rule that yields to a reported finding of another.

    ``severities`` overrides a rule's default severity by code (the team's configuration).
    """
    recording = parsed.recording
    rules = tuple(rules) if rules is not None else all_rules()
    order = {s.name: i for i, s in enumerate(recording.template.sections)}
    severities = severities or {}
    by_rule: dict[str, set[Finding]] = {}
    for rule in rules:
        severity = severities.get(rule.code, rule.severity)
        found = by_rule.setdefault(rule.code, set())
        for hit in rule.check(parsed):
            start, end = hit.span if hit.span else (None, None)
            found.add(Finding(
                rule=rule.code, name=rule.name, severity=severity,
                section=hit.section, child=hit.child, message=hit.message,
                text=recording.text[start:end] if hit.span else None, start=start, end=end,
                suggestion=hit.suggestion, excerpt=excerpt(recording.document, start, end),
                highlight=hit.highlight,
            ))
    findings: set[Finding] = set()
    for rule in rules:
        others = [f for code in rule.yields_to for f in by_rule.get(code, ())]
        findings.update(f for f in by_rule[rule.code] if not any(_overlap(f, o) for o in others))
    # Template order, then offset, then rule; the rest only breaks ties, so that the order never
    # depends on set iteration (string hashes differ between processes).
    return sorted(findings, key=lambda f: (
        order.get(f.section or "", len(order)), -1 if f.start is None else f.start, f.rule, f.child or "",
        -1 if f.end is None else f.end, f.message, f.text or "",
    ))


def _overlap(finding: Finding, other: Finding) -> bool:
    if finding.start is None or finding.end is None or other.start is None or other.end is None:
        return False
    return finding.start < other.end and other.start < finding.end
