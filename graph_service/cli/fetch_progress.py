"""A progress display for ``graph-service neo4j install``: a rich bar on a terminal."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import (
    BarColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)

from graph_service.neo4j_fetch import FetchProgress, ProgressHook


@contextmanager
def fetch_progress(console: Console) -> Iterator[ProgressHook | None]:
    """A hook drawing the fetch on ``console``; ``None`` when it is no terminal (the
    installer then reports plain lines now and then, readable in a CI log)."""
    if not console.is_terminal:
        yield None
        return
    progress = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        TextColumn("{task.fields[count]}"),
        TimeElapsedColumn(),
        console=console,
        transient=False,
    )
    tasks: dict[str, TaskID] = {}

    def hook(state: FetchProgress) -> None:
        if state.phase == "versions":
            return
        if state.phase == "tree":
            if "tree" not in tasks:
                tasks["tree"] = progress.add_task("dependency tree", total=None, count="")
            progress.update(tasks["tree"], count=f"{state.done} POMs")
            return
        if "tree" in tasks and not progress.tasks[tasks["tree"]].finished:
            progress.update(tasks["tree"], total=1, completed=1)
            progress.stop_task(tasks["tree"])
        if state.total is None:
            return
        if "jars" not in tasks:
            tasks["jars"] = progress.add_task("jars", total=state.bytes_total, count="")
        progress.update(
            tasks["jars"],
            completed=state.bytes_done,
            count=f"{state.done}/{state.total} artifacts · "
            f"{state.bytes_done / 1e6:.1f}/{(state.bytes_total or 0) / 1e6:.1f} MB",
        )

    with progress:
        yield hook
