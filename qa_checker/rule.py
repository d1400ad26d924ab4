"""What a rule is: metadata, documentation and one function of the parsed recording."""

from __future__ import annotations

import datetime as dt
import re
import sys
import textwrap
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from qa_checker.nlp.lexicon import RuleWords
from qa_checker.policy import Policy
from qa_checker.report import Severity
from qa_checker.splitter.model import Recording, Span

if TYPE_CHECKING:
    from qa_checker.nlp.analysis import Analysis, Sentence
    from qa_checker.scaling import ScalingResult

DOC_PARTS = ("Why it matters", "Weak", "Better", "Limitations", "Source")


@dataclass(frozen=True)
class Hit:
    """What a rule reports; the engine adds the rule's id, name and severity."""

    message: str
    section: str | None = None
    child: str | None = None
    span: Span | None = None
    suggestion: str | None = None
    highlight: Span | None = None


@dataclass(frozen=True)
class RuleOptions:
    """The team's settings a rule may read (from ``qa-checker.toml`` or ``[tool.qa-checker]``).

    ``extra_words`` maps a rule code (``"P01"``) to words or phrases the team adds to that rule's
    list; read them with :meth:`words`. ``accepted_abbreviations`` are abbreviations the team
    does not want spelled out (as the team wrote them). ``pipeline`` is the spaCy pipeline the
    team asked for (None: the packaged default). Selection and severity are not here: the engine
    applies them, so a rule never reads them.
    """

    extra_words: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    accepted_abbreviations: frozenset[str] = frozenset()
    pipeline: str | None = None

    def words(self, code: str) -> tuple[str, ...]:
        """The team's extra words for rule ``code`` (empty when it has none)."""
        return self.extra_words.get(code, ())

    @property
    def nlp_key(self) -> tuple:
        """What the NLP pass depends on: the pipeline and the extra words, hashable."""
        return self.pipeline, tuple(sorted((code, tuple(words)) for code, words in self.extra_words.items()))


@dataclass(frozen=True)
class Parsed:
    """Everything a rule may look at, read only: the split recording, the policy, today's date,
    the team's options and the NLP analysis of what the writer wrote, with the parses the rules
    asked for (built by the engine, one per parse round)."""

    recording: Recording
    policy: Policy
    today: dt.date
    analysis: Analysis
    options: RuleOptions = field(default_factory=RuleOptions)
    # Every 0-10 scaling, tied to the overall or a child, with its reason and next step: in the
    # view the checks read (None in the views the parse rounds show ``Rule.reads``).
    scaling_result: ScalingResult | None = None

    @property
    def language(self) -> Analysis:
        """The :class:`~qa_checker.nlp.analysis.Analysis` of the writer's sentences."""
        return self.analysis

    @property
    def scaling(self) -> ScalingResult:
        """The :class:`~qa_checker.scaling.ScalingResult` (see ``scaling_result``)."""
        if self.scaling_result is None:
            raise LookupError("the scalings are read once the parse rounds are done, in a rule's check")
        return self.scaling_result


# What a rule will read on its parse in one round: a pure function of the view so far.
Reads = Callable[[Parsed], Iterable["Sentence"]]


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: Severity
    summary: str
    check: Callable[[Parsed], Iterable[Hit]]
    doc: str
    # The parse plan: what the check will read on the parsed sentence, round by round. Round 0
    # sees the cheap pass only (triggers not yet confirmed); round 1 sees round 0's parses and
    # the confirmed triggers; and so on. The engine parses every rule's and every recording's
    # requests of a round in one batch (a parse per recording costs twice as much a word).
    reads: tuple[Reads, ...] = ()
    # Rules whose reported finding on the same words already asks for what this one asks: this
    # rule's finding is dropped where one of theirs, actually reported, overlaps it.
    yields_to: tuple[str, ...] = ()
    # The kinds of entry the rule's word lists (rules/phrasing/<code>.jsonl) may hold.
    words: RuleWords | None = None

    def part(self, heading: str) -> str:
        """One part of the docstring ("Why it matters", "Weak", "Better", ...)."""
        pattern = rf"^{re.escape(heading)}:\s*\n(.*?)(?=^\S[^\n]*:\s*$|\Z)"
        match = re.search(pattern, self.doc, re.MULTILINE | re.DOTALL)
        return _dedent(match.group(1)) if match else ""


def _dedent(text: str) -> str:
    return textwrap.dedent(text).strip()


def rule(
    code: str, name: str, severity: str, *, reads: Reads | tuple[Reads, ...] = (),
    yields_to: tuple[str, ...] = (), words: RuleWords | None = None,
) -> Callable[[Callable[[Parsed], Iterable[Hit]]], Rule]:
    """Decorate a check function; its module docstring documents the rule. ``reads`` is the
    rule's parse plan (one function, or one per round: see :attr:`Rule.reads`), ``yields_to``
    the rules it gives way to, ``words`` what its word lists hold."""

    def wrap(func: Callable[[Parsed], Iterable[Hit]]) -> Rule:
        module_doc = sys.modules[func.__module__].__doc__ or ""
        summary = module_doc.strip().splitlines()[0] if module_doc.strip() else name
        plan = reads if isinstance(reads, tuple) else (reads,)
        own = replace(words, code=code) if words is not None else None
        return Rule(code, name, Severity(severity), summary, func, module_doc, plan, tuple(yields_to), own)

    return wrap
