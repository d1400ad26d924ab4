"""What a rule is: metadata, documentation and one function of the parsed recording."""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from qa_checker.policy import Policy
from qa_checker.report import Severity
from qa_checker.splitter.model import Recording, Span

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
    """Everything a rule may look at: the split recording, the policy, today's date, the team's
    options and the NLP analysis of what the writer wrote (computed on first use, or handed in
    by a batch)."""

    recording: Recording
    policy: Policy
    today: dt.date
    extras: dict[str, object] = field(default_factory=dict)
    options: RuleOptions = field(default_factory=RuleOptions)
    analysis: object | None = None

    def memo(self, key: str, compute: Callable[[], object]):
        """What ``compute`` gives, computed once for this recording and kept in ``extras``
        (so that a rule's ``parses`` hook, its check and its helpers share it)."""
        if key not in self.extras:
            self.extras[key] = compute()
        return self.extras[key]

    @functools.cached_property
    def language(self):
        """The :class:`~qa_checker.nlp.analysis.Analysis` of the writer's sentences."""
        if self.analysis is not None:
            return self.analysis
        from qa_checker.nlp.analysis import analyse

        base, extra = self.options.nlp_key
        return analyse(self.recording, base, extra)

    @functools.cached_property
    def scaling(self):
        """The :class:`~qa_checker.scaling.ScalingResult`: every 0-10 scaling, tied to the overall
        or a child, with its reason and next step (computed on first use)."""
        from qa_checker.scaling import parse_scaling

        return parse_scaling(self.recording, self.language)


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: Severity
    summary: str
    check: Callable[[Parsed], Iterable[Hit]]
    doc: str
    # The sentences the check will judge on their parse, known from the cheap pass alone: they are
    # parsed before the rules run, in one batch with every recording's (a parse per recording
    # costs twice as much a word). It sees the analysis' sentences, not its phrasing triggers.
    parses: Callable[[Parsed], Iterable] | None = None

    def __reduce__(self):
        # A rule travels to a worker process by its code: its check function cannot be pickled by
        # name (the module's ``check`` is this Rule), and the worker has the same rules.
        return (_registered, (self.code,))

    def part(self, heading: str) -> str:
        """One part of the docstring ("Why it matters", "Weak", "Better", ...)."""
        pattern = rf"^{re.escape(heading)}:\s*\n(.*?)(?=^\S[^\n]*:\s*$|\Z)"
        match = re.search(pattern, self.doc, re.MULTILINE | re.DOTALL)
        return _dedent(match.group(1)) if match else ""


def _registered(code: str) -> Rule:
    from qa_checker.engine import rule_by_code

    found = rule_by_code(code)
    if found is None:
        raise LookupError(f"no rule {code} in this process")
    return found


def _dedent(text: str) -> str:
    import textwrap

    return textwrap.dedent(text).strip()


def rule(
    code: str, name: str, severity: str, *, parses: Callable[[Parsed], Iterable] | None = None,
) -> Callable[[Callable], Rule]:
    """Decorate a check function; its module docstring documents the rule. ``parses`` gives the
    sentences the check will need parsed (see :attr:`Rule.parses`)."""

    def wrap(func: Callable[[Parsed], Iterable[Hit]]) -> Rule:
        import sys

        module_doc = sys.modules[func.__module__].__doc__ or ""
        summary = module_doc.strip().splitlines()[0] if module_doc.strip() else name
        return Rule(code, name, Severity(severity), summary, func, module_doc, parses)

    return wrap
