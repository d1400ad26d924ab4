"""Shared fixtures: a fixed 'today', the good base recording and DOCX/text builders."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))

from docx_builder import to_docx, to_text  # noqa: E402

TODAY = dt.date(2026, 11, 23)
GOOD_SPEC = (HERE / "fixtures" / "good_recording.txt").read_text(encoding="utf-8")
SAMPLES = HERE.parent / "samples"
# The terminal report's scaling summary for the good base recording.
GOOD_SCALING_SUMMARY = (
    "  Scaling summary\n"
    "    child    score  reason  next step\n"
    "    Overall  7/10   yes     yes\n"
    "    Amelia   6/10   yes     yes\n"
    "    Jayden   8/10   yes     yes\n"
)


def apply_edits(spec: str, edits: list[list[str]]) -> str:
    """Apply [old, new] replacements to a spec, failing loudly if an old text is absent."""
    for old, new in edits:
        assert old in spec, f"edit target not in spec: {old!r}"
        spec = spec.replace(old, new)
    return spec


def build(spec: str, fmt: str, tmp_path: Path, name: str = "recording") -> Path:
    """Write ``spec`` as a .txt or .docx recording in ``tmp_path``."""
    if fmt == "docx":
        return to_docx(spec, tmp_path / f"{name}.docx")
    path = tmp_path / f"{name}.txt"
    path.write_text(to_text(spec), encoding="utf-8")
    return path


@pytest.fixture
def good_spec() -> str:
    return GOOD_SPEC


# ``qa-checker serve``: one app for the whole session (its checker warms up once), a TestClient
# on it, and the same app behind a real uvicorn on a loopback port for the browser tests.
@pytest.fixture(scope="session")
def serve_app():
    from qa_checker.serve.app import create_app

    return create_app()


@pytest.fixture(scope="session")
def serve_client(serve_app):
    from serve_support import ready_client

    with ready_client(serve_app) as client:
        yield client


@pytest.fixture(scope="session")
def live_server(serve_app):
    from serve_support import running

    with running(serve_app) as url:
        yield url
