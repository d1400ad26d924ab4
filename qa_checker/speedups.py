"""Speed-ups that change the process they run in: opt-in, all here.

A program that imports qa-checker keeps its process as it was: nothing below happens unless the
process asks, with :func:`enable`. The command line asks (it owns its process), and so does each
worker of a pool (``qa_checker.api.warm_up_worker``); a library caller may ask too. Each speed-up
gives the same results as without it (a test for each compares them); what each changes:

- ``import spacy`` without spaCy's command line (typer, weasel, requests: a third of the import):
  stand-ins for ``spacy.cli`` sit in ``sys.modules`` while spaCy is imported;
- only the United Kingdom's module of ``holidays`` (its package imports 200 countries): a stand-in
  for ``holidays.countries`` while it is imported, leaving ``holidays.countries.united_kingdom``
  imported without its package;
- thinc's global ops set to numpy's without blis, and the pipeline's model nodes given them;
- the pipeline's attribute ruler and lemmatizer given faster matching (their instances are changed,
  and the lemmatizer's class swapped);
- ``gc.freeze()`` once the checker is loaded (what is loaded then lives as long as the process).

This module imports nothing of qa-checker: the layers that apply the speed-ups ask :func:`enabled`.
"""

from __future__ import annotations

import gc
import importlib
import sys
import types
from collections.abc import Callable
from pathlib import Path

_enabled = False


def enable() -> None:
    """Let qa-checker change this process to run faster (see the module's documentation)."""
    global _enabled
    _enabled = True


def enabled() -> bool:
    return _enabled


def freeze() -> None:
    """Move everything loaded so far out of the garbage collector's way (5% of a worker's time on
    the benchmark), when the speed-ups are enabled."""
    if _enabled:
        gc.freeze()


def import_spacy():
    """``import spacy``, without the command line it imports only to offer ``spacy.info``.

    Stand-ins for ``spacy.cli`` and ``spacy.cli.info`` are in place while spaCy is imported and
    removed after, so ``import spacy.cli`` still gives the real one; anything spaCy takes from
    them (``spacy.info``) imports the real one when called. Should that import fail (another
    spaCy), spaCy is imported the usual way. Nothing changes when spaCy is imported already.
    """
    if "spacy" in sys.modules:
        return sys.modules["spacy"]
    stand_ins = {name: _StandIn(name) for name in ("spacy.cli", "spacy.cli.info")}
    stand_ins["spacy.cli"].__path__ = []
    sys.modules.update(stand_ins)
    try:
        import spacy
    except ImportError:
        for name in [n for n in sys.modules if n == "spacy" or n.startswith("spacy.")]:
            del sys.modules[name]
        import spacy
    finally:
        for name, module in stand_ins.items():
            if sys.modules.get(name) is module:
                del sys.modules[name]
    if getattr(spacy, "cli", None) is stand_ins["spacy.cli"]:
        del spacy.cli
    return spacy


class _StandIn(types.ModuleType):
    """A module whose every name is a function importing the real one when called."""

    def __getattr__(self, name: str):
        if name.startswith("__"):
            raise AttributeError(name)
        module = self.__name__

        def real(*args, **kwargs):
            return getattr(importlib.import_module(module), name)(*args, **kwargs)

        real.__name__ = name
        return real


def united_kingdom_holidays() -> Callable:
    """The holidays package's UnitedKingdom class, without importing its other 200 countries.

    ``holidays.country_holidays("GB")`` imports the package ``holidays.countries``, whose
    ``__init__`` imports every country (half of a single draft's start-up cost in rules). A
    stand-in package with the same path is in place while the one module is imported, then
    removed, so ``import holidays.countries`` still gives the real one. Any failure falls back
    to the registry (a test checks both give the same holidays).
    """
    import holidays

    if "holidays.countries" in sys.modules:
        return holidays.countries.UnitedKingdom
    stand_in = types.ModuleType("holidays.countries")
    stand_in.__path__ = [str(Path(holidays.__file__).parent / "countries")]
    sys.modules["holidays.countries"] = stand_in
    try:
        return importlib.import_module("holidays.countries.united_kingdom").UnitedKingdom
    except Exception:
        return lambda **options: holidays.country_holidays("GB", **options)
    finally:
        if sys.modules.get("holidays.countries") is stand_in:
            del sys.modules["holidays.countries"]
        if getattr(holidays, "countries", None) is stand_in:
            del holidays.countries


def use_numpy_ops() -> None:
    """thinc's global ops: numpy's, without blis (faster for small batches here)."""
    from thinc.api import NumpyOps, set_current_ops

    set_current_ops(NumpyOps(use_blis=False))


def set_model_ops(nlp) -> None:
    """Some model nodes keep the ops they were built with; give every node the current ones."""
    from thinc.api import get_current_ops

    ops = get_current_ops()
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is None:
            continue
        for node in model.walk():
            node.ops = ops
