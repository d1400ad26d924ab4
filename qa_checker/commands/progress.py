"""The progress bar `check` and `review` show on stderr while they check many files."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager


@contextmanager
def progress_bar(fewest: int = 1) -> Iterator[tuple[Callable[[int], None], Callable[..., None]]]:
    """``(start, advance)`` callbacks driving a bar on stderr (files done, rate, time left), shown
    from ``start(total)`` when there are at least ``fewest`` files; nothing is shown when stderr
    is not a terminal. ``advance(n)`` counts ``n`` more files done."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    bar = Progress(
        TextColumn("Checking"), BarColumn(), MofNCompleteColumn(),
        TextColumn("{task.fields[rate]}"), TextColumn("time left"), TimeRemainingColumn(),
        console=Console(stderr=True), transient=True, disable=not sys.stderr.isatty(),
    )
    task = bar.add_task("check", total=None, rate="")
    shown = False

    def start(total: int) -> None:
        nonlocal shown
        bar.update(task, total=total)
        if total >= fewest and not shown:
            bar.start()
            shown = True

    def advance(done: int = 1) -> None:
        bar.update(task, advance=done)
        speed = bar.tasks[0].speed
        bar.update(task, rate=f"{speed:.1f} files/s" if speed else "")

    try:
        yield start, advance
    finally:
        if shown:
            bar.stop()
