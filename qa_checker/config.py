"""Team settings: a ``qa-checker.toml`` (keys at top level) or ``[tool.qa-checker]`` in ``pyproject.toml``.

The file is found by walking up from each checked file's folder; the nearest wins, and in one
folder ``qa-checker.toml`` wins over ``pyproject.toml`` (a ``pyproject.toml`` without
``[tool.qa-checker]`` is passed over). Every value is validated here, with errors that name the
file, the line and the key; the engine and the API apply them (see :mod:`qa_checker.settings`).
"""

from __future__ import annotations

import difflib
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from qa_checker.report import Severity

CONFIG_NAMES = ("qa-checker.toml", "pyproject.toml")
PYPROJECT_TABLE = ("tool", "qa-checker")
_PIPELINE = re.compile(r"[A-Za-z][A-Za-z0-9_.-]*")


class ConfigError(ValueError):
    """Settings that cannot be used. ``str()`` names the file (or option), line and key."""


def _registry():
    from qa_checker.registry import all_rules

    return all_rules()


class ConfigFile(BaseModel):
    """What one config file (or the command line) says; every key is optional."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = Field(default=(), alias="extend-select")
    ignore: tuple[str, ...] = ()
    severity: dict[str, Severity] = Field(default_factory=dict)
    fail_on: Severity | None = Field(default=None, alias="fail-on")
    template: Path | None = None
    policy: Path | None = None
    pipeline: str | None = None
    extra_words: dict[str, tuple[str, ...]] = Field(default_factory=dict, alias="extra-words")
    accepted_abbreviations: tuple[str, ...] = Field(default=(), alias="accepted-abbreviations")

    @field_validator("select", "extend_select", "ignore")
    @classmethod
    def _selectors(cls, value: tuple[str, ...] | None) -> tuple[str, ...] | None:
        from qa_checker.selection import check_selector

        return None if value is None else tuple(check_selector(s, _registry()) for s in value)

    @field_validator("severity", mode="before")
    @classmethod
    def _severity_keys(cls, value: Any) -> Any:
        from qa_checker.selection import check_selector

        if not isinstance(value, dict):
            return value
        return {check_selector(str(k), _registry()): v.lower() if isinstance(v, str) else v for k, v in value.items()}

    @field_validator("fail_on", mode="before")
    @classmethod
    def _lower(cls, value: Any) -> Any:
        return value.lower() if isinstance(value, str) else value

    @field_validator("pipeline")
    @classmethod
    def _pipeline(cls, value: str | None) -> str | None:
        if value is not None and not _PIPELINE.fullmatch(value):
            raise ValueError(f"{value!r} is not a spaCy pipeline name (e.g. 'en_core_web_sm')")
        if value is not None:
            import importlib.util

            if importlib.util.find_spec(value) is None:
                raise ValueError(f"the spaCy pipeline {value!r} is not installed; install its package "
                                 f"(nothing is downloaded at run time) or leave 'pipeline' out")
        return value

    @field_validator("extra_words")
    @classmethod
    def _extra_words(cls, value: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
        result = {}
        for key, words in value.items():
            rule = next((r for r in _registry() if key.upper() == r.code or key.lower() == r.name), None)
            if rule is None:
                raise ValueError(f"{key!r} is not a rule id or name (extra words are listed per rule, e.g. P01)")
            if rule.words is None or rule.words.team_kind is None:
                takers = ", ".join(r.code for r in _registry() if r.words is not None and r.words.team_kind is not None)
                raise ValueError(f"{key!r} ({rule.name}) has no word list a team can add to; "
                                 f"extra words go to one of {takers}")
            result[rule.code] = _words((*result.get(rule.code, ()), *words), f"extra-words.{key}")
        return result

    @field_validator("accepted_abbreviations")
    @classmethod
    def _abbreviations(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        words = _words(value, "accepted-abbreviations")
        spaced = [w for w in words if " " in w]
        if spaced:
            raise ValueError(f"an abbreviation is one word, not {spaced[0]!r}")
        return words


def _words(words: tuple[str, ...], key: str) -> tuple[str, ...]:
    cleaned = tuple(dict.fromkeys(" ".join(w.split()) for w in words))
    if "" in cleaned:
        raise ValueError(f"{key} holds an empty entry; remove it")
    return cleaned


KNOWN_KEYS = tuple(f.alias or name for name, f in ConfigFile.model_fields.items())


@dataclass(frozen=True)
class LoadedConfig:
    """Validated settings and where they came from (``path`` None: the command line)."""

    values: ConfigFile
    path: Path | None = None

    @property
    def base(self) -> Path:
        """The folder that relative paths in the settings are resolved against."""
        return self.path.parent if self.path else Path.cwd()

    @property
    def label(self) -> str:
        return str(self.path) if self.path else "command line"


def find_config(folder: Path) -> Path | None:
    """The nearest config file in ``folder`` or above it, or None."""
    folder = folder.resolve()
    for candidate_folder in (folder, *folder.parents):
        for name in CONFIG_NAMES:
            candidate = candidate_folder / name
            if candidate.is_file() and (name != "pyproject.toml" or _table(_read(candidate)[1], candidate) is not None):
                return candidate
    return None


def _read(path: Path) -> tuple[str, dict[str, Any]]:
    try:
        text = path.read_text(encoding="utf-8")
        return text, tomllib.loads(text)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read the settings file ({exc.strerror or exc})") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: the settings file is not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None


def _table(data: dict[str, Any], path: Path) -> dict[str, Any] | None:
    if path.name != "pyproject.toml":
        return data
    table = data.get("tool", {}).get("qa-checker") if isinstance(data.get("tool"), dict) else None
    return table if isinstance(table, dict) else None


def load_config(path: Path) -> LoadedConfig:
    """Read and validate one config file (``pyproject.toml`` means its ``[tool.qa-checker]``)."""
    text, data = _read(path)
    table = _table(data, path)
    prefix = PYPROJECT_TABLE if path.name == "pyproject.toml" else ()
    if table is None:
        raise ConfigError(f"{path}: has no [tool.qa-checker] table")
    try:
        values = ConfigFile.model_validate(table)
    except ValidationError as exc:
        raise ConfigError(_messages(exc, str(path), key_lines(text), prefix)) from None
    loaded = LoadedConfig(values, path)
    for key in ("template", "policy"):
        value = getattr(values, key)
        if value is not None and not (loaded.base / value).is_file():
            line = key_lines(text).get((*prefix, key))
            raise ConfigError(_line(str(path), line, prefix, key, f"no such file: {loaded.base / value}"))
    return loaded


def parse_overrides(values: dict[str, Any]) -> LoadedConfig:
    """Validate settings given on the command line (keys as in the file: ``fail-on``...)."""
    given = {k: v for k, v in values.items() if v not in (None, (), [], {})}
    try:
        loaded = LoadedConfig(ConfigFile.model_validate(given))
    except ValidationError as exc:
        raise ConfigError(_messages(exc, "command line", {}, (), option=True)) from None
    for key in ("template", "policy"):
        value = getattr(loaded.values, key)
        if value is not None and not value.is_file():
            raise ConfigError(f"command line: --{key}: no such file: {value}")
    return loaded


def _messages(exc: ValidationError, source: str, lines: dict, prefix: tuple, option: bool = False) -> str:
    out = []
    for err in exc.errors():
        loc = tuple(str(p) for p in err["loc"])
        line = _nearest_line(lines, prefix, loc)
        key = f"--{loc[0]}" if option and loc else ".".join(loc)
        out.append((line or 0, _line(source, line, () if option else prefix, key, _explain(err, loc))))
    return "\n".join(message for _, message in sorted(out, key=lambda item: item[0]))


def _line(source: str, line: int | None, prefix: tuple, key: str, message: str) -> str:
    where = f"{source}:{line}" if line else source
    table = "[tool.qa-checker] " if prefix else ""
    return f"{where}: {table}{key}: {message}"


def _nearest_line(lines: dict, prefix: tuple, loc: tuple) -> int | None:
    for end in range(len(loc), 0, -1):
        line = lines.get((*prefix, *loc[:end]))
        if line:
            return line
    return None


def _explain(err: dict, loc: tuple) -> str:
    """Say what is wrong in plain words (pydantic's wording is for programmers)."""
    kind = err["type"]
    if kind == "extra_forbidden":
        key = loc[-1] if loc else ""
        hint = difflib.get_close_matches(key, KNOWN_KEYS, n=1)
        if key == "tool":
            return "unknown setting; in qa-checker.toml the settings sit at top level, without [tool.qa-checker]"
        return "unknown setting" + (f"; did you mean '{hint[0]}'?" if hint else f"; known settings: {', '.join(KNOWN_KEYS)}")
    if kind == "enum":
        return f"{err['input']!r} is not a severity; use error, warning or info"
    if kind in ("tuple_type", "list_type"):
        return "should be a list, e.g. [\"P01\", \"SC\"]"
    if kind == "value_error":
        return str(err["ctx"]["error"])
    return err["msg"][:1].lower() + err["msg"][1:]


_TABLE_HEADER = re.compile(r"^\s*\[\s*([^\[\]]+?)\s*\]\s*(?:#.*)?$")
_KEY_PART = r"(?:[A-Za-z0-9_-]+|\"[^\"]*\"|'[^']*')"
_KEY_LINE = re.compile(rf"^\s*({_KEY_PART}(?:\s*\.\s*{_KEY_PART})*)\s*=")


def _split_key(dotted: str) -> tuple[str, ...]:
    return tuple(p.strip("\"'") for p in re.findall(_KEY_PART, dotted))


def key_lines(text: str) -> dict[tuple[str, ...], int]:
    """The 1-based line of each key and table in TOML text (tomllib does not give them)."""
    lines: dict[tuple[str, ...], int] = {}
    table: tuple[str, ...] = ()
    for number, line in enumerate(text.splitlines(), start=1):
        header = _TABLE_HEADER.match(line)
        if header:
            table = _split_key(header.group(1))
            for end in range(1, len(table) + 1):  # [tool.qa-checker] also places "tool"
                lines.setdefault(table[:end], number)
            continue
        key = _KEY_LINE.match(line)
        if key:
            lines.setdefault((*table, *_split_key(key.group(1))), number)
    return lines
