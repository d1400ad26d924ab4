"""The settings one recording is checked with: defaults, then its config file, then the command line."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from qa_checker.config import ConfigError, LoadedConfig, find_config, load_config
from qa_checker.policy import Policy, load_policy
from qa_checker.report import Severity
from qa_checker.resources import DataFileError
from qa_checker.rule import Rule, RuleOptions
from qa_checker.template import Template, load_template


@dataclass(frozen=True)
class Settings:
    """Resolved settings. ``rules`` are the codes of the selected rules (None: every rule), so
    that settings travel to worker processes as plain values and each process resolves them in
    its own registry; ``template``/``policy`` None use the packaged ones."""

    rules: tuple[str, ...] | None = None
    severities: Mapping[str, Severity] = field(default_factory=dict)
    fail_on: Severity = Severity.ERROR
    template: Template | None = None
    policy: Policy | None = None
    options: RuleOptions = field(default_factory=RuleOptions)
    config_path: Path | None = None

    def selected(self) -> tuple[Rule, ...]:
        """The selected rules, from this process's registry."""
        from qa_checker.registry import resolve

        return resolve(self.rules)

    def passed(self, findings) -> bool:
        """True when no finding reaches ``fail_on`` (the exit code and the report's ``passed``)."""
        return not any(f.severity.reaches(self.fail_on) for f in findings)


def resolve(configs: Sequence[LoadedConfig]) -> Settings:
    """Apply ``configs`` in order (a file, then the command line): later ones win."""
    from qa_checker.registry import all_rules
    from qa_checker.selection import Layer, select_rules, severities

    if not configs:
        return Settings()
    rules = all_rules()
    layers = [Layer(c.values.select, c.values.extend_select, c.values.ignore, c.values.severity) for c in configs]
    extra_words: dict[str, tuple[str, ...]] = {}
    for config in configs:
        for code, words in config.values.extra_words.items():
            extra_words[code] = tuple(dict.fromkeys((*extra_words.get(code, ()), *words)))
    return Settings(
        rules=tuple(r.code for r in select_rules(layers, rules)),
        severities=severities(layers, rules),
        fail_on=_last(configs, "fail_on") or Severity.ERROR,
        template=_load(configs, "template", load_template),
        policy=_load(configs, "policy", load_policy),
        options=RuleOptions(
            extra_words=extra_words,
            accepted_abbreviations=frozenset(a for c in configs for a in c.values.accepted_abbreviations),
            pipeline=_last(configs, "pipeline"),
        ),
        config_path=next((c.path for c in reversed(configs) if c.path), None),
    )


def _last(configs: Sequence[LoadedConfig], key: str):
    return next((getattr(c.values, key) for c in reversed(configs) if getattr(c.values, key) is not None), None)


def _load(configs: Sequence[LoadedConfig], key: str, loader):
    """Load the template or policy named by the last config that names one (relative to that file)."""
    config = next((c for c in reversed(configs) if getattr(c.values, key) is not None), None)
    if config is None:
        return None
    try:
        return loader(config.base / getattr(config.values, key))
    except DataFileError as exc:
        raise ConfigError(f"{config.label}: {key}: {exc}") from None


class ConfigResolver:
    """Finds each checked file's settings: the config file given (or the nearest one above the
    file, unless ``isolated``), then ``overrides`` from the command line. Cached per folder."""

    def __init__(
        self, *, config: Path | None = None, isolated: bool = False, overrides: LoadedConfig | None = None,
    ) -> None:
        if config is not None and isolated:
            raise ConfigError("command line: --config and --isolated cannot be used together")
        self._explicit = load_config(config) if config is not None else None
        self._isolated = isolated
        self._overrides = overrides
        self._by_folder: dict[Path, Path | None] = {}
        self._by_config: dict[Path | None, Settings] = {}

    def config_path(self, path: Path) -> Path | None:
        """The config file that applies to ``path`` (None when there is none)."""
        if self._explicit is not None:
            return self._explicit.path
        if self._isolated:
            return None
        folder = (path if path.is_dir() else path.parent).resolve()
        if folder not in self._by_folder:
            self._by_folder[folder] = find_config(folder)
        return self._by_folder[folder]

    def settings_for(self, path: Path) -> Settings:
        """The settings that ``path`` (a recording) is checked with."""
        config_path = self.config_path(path)
        if config_path not in self._by_config:
            configs = []
            if config_path is not None:
                configs.append(self._explicit if self._explicit is not None else load_config(config_path))
            if self._overrides is not None:
                configs.append(self._overrides)
            self._by_config[config_path] = resolve(configs)
        return self._by_config[config_path]
