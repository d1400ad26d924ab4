"""The JSON format (contract version 1, see README)."""

from __future__ import annotations

from qa_checker.report import RunResult


def render_json(result: RunResult) -> str:
    return result.model_dump_json(indent=2) + "\n"
