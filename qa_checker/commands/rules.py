"""``qa-checker rules`` and ``qa-checker explain ID``: what each rule finds and why it matters."""

from __future__ import annotations

import shutil
import sys
from typing import Annotated

import typer

from qa_checker.commands import ExitCode, app


def _width() -> int:
    return min(100, shutil.get_terminal_size((80, 24)).columns)


@app.command("rules")
def list_rules() -> None:
    """List every rule: id, name, severity and what it finds."""
    from qa_checker.registry import all_rules
    from qa_checker.reporters.rules import format_rules

    sys.stdout.write(format_rules(all_rules(), width=_width()))


@app.command()
def explain(
    rule_id: Annotated[str, typer.Argument(metavar="ID", help="A rule id such as S01 (or its name, such as missing-section).")],
) -> None:
    """Explain one rule: why it matters, a weak and a better example, its limits and source."""
    from qa_checker.registry import all_rules
    from qa_checker.reporters.rules import closest, format_explanation

    rules = all_rules()
    wanted = rule_id.strip().lower()
    rule = next((r for r in rules if wanted in (r.code.lower(), r.name)), None)
    if rule is None:
        guesses = closest(wanted, rules)
        hint = f" Did you mean {' or '.join(guesses)}?" if guesses else ""
        typer.echo(f"There is no rule '{rule_id}'.{hint} Run 'qa-checker rules' to see every rule.", err=True)
        raise typer.Exit(ExitCode.USAGE)
    sys.stdout.write(format_explanation(rule, width=_width()))
