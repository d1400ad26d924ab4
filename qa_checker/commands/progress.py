"""The progress bar `check` and `review` show on stderr while they check many files."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager


@contextmanager
def progress_bar() -> Iterator[tuple[Callable[[int], None], Callable[..., None]]]:
    """``(start, advance)`` callbacks driving a bar on stderr (files done, rate, time left);
    nothing is shown when stderr is not a terminal. ``advance(n)`` counts ``n`` more files."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    bar = Progress(
        TextColumn("Checking"), BarColumn(), MofNCompleteColumn(),
        TextColumn("{task.fields[rate]}"), TextColumn("time left"), TimeRemainingColumn(),
        console=Console(stderr=True), transient=True, disable=not sys.stderr.isatty(),
    )
    task = bar.add_task("check", total=None, rate="")

    def start(total: int) -> None:
        bar.update(task, total=total)

    def advance(done: int = 1) -> None:
        bar.update(task, advance=done)
        speed = bar.tasks[0].speed
        bar.update(task, rate=f"{speed:.1f} files/s" if speed else "")

    with bar:
        yield start, advance
