"""The one place that reaches the data packaged with qa-checker (``rules/`` and ``models/``)."""

from __future__ import annotations

import tomllib
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any


class DataFileError(ValueError):
    """A rule data file is missing or does not match its schema."""


def packaged(*parts: str) -> Traversable:
    """Return a packaged data file, e.g. ``packaged("rules", "template.toml")``."""
    node = resources.files("qa_checker")
    for part in parts:
        node = node.joinpath(part)
    return node


def read_toml(source: Traversable | Path) -> dict[str, Any]:
    """Read a TOML file, naming the file (and line) in any syntax error."""
    try:
        return tomllib.loads(source.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise DataFileError(f"{source}: file not found") from exc
    except tomllib.TOMLDecodeError as exc:
        raise DataFileError(f"{source}: {exc}") from exc


def validation_message(source: object, exc: Exception) -> str:
    """One line per problem of a pydantic ValidationError, naming file and key."""
    errors = getattr(exc, "errors", None)
    if errors is None:
        return f"{source}: {exc}"
    parts = []
    for err in errors():
        key = ".".join(str(p) for p in err["loc"]) or "(top level)"
        parts.append(f"{source}: {key}: {err['msg']}")
    return "; ".join(parts)


def read_jsonl(source: Traversable | Path, model: type, prepare=None, context: object = None) -> list:
    """Validate every line of a JSONL file with ``model``; an error names the file, line and key.

    ``prepare`` may adjust each decoded object first (e.g. rename a key that is a Python keyword);
    ``context`` reaches the model's validators (pydantic's validation context).
    """
    import json

    from pydantic import ValidationError

    try:
        lines = source.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError as exc:
        raise DataFileError(f"{source}: file not found") from exc
    items = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
            items.append(model.model_validate(prepare(data) if prepare else data, context=context))
        except (json.JSONDecodeError, ValidationError) as exc:
            detail = exc.errors()[0] if isinstance(exc, ValidationError) else {"loc": (), "msg": str(exc)}
            key = ".".join(str(p) for p in detail["loc"]) or "(line)"
            raise DataFileError(f"{source}: line {number}: {key}: {detail['msg']}") from exc
    return items


def load_validated(path: str | None, default: tuple[str, ...], model: type):
    """Read a TOML file (a packaged one when ``path`` is None) and validate it with ``model``."""
    from pydantic import ValidationError

    source = Path(path) if path else packaged(*default)
    data = read_toml(source)
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise DataFileError(validation_message(source, exc)) from exc
