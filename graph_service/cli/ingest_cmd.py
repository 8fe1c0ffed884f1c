"""``graph-service ingest PATH...``: read, extract and write documents into Neo4j."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

from graph_service.config import Settings, get_settings

if TYPE_CHECKING:
    from graph_service.services.ingest import IngestSummary


_MAX_LISTED_FAILURES = 20


def ingest(
    paths: list[Path] = typer.Argument(
        ..., help="Files or folders (.txt, .md, .html, .jsonl), read recursively."
    ),
    batch_size: int | None = typer.Option(
        None,
        "--batch-size",
        min=1,
        help="Documents per write transaction (default: GRAPH_SERVICE_INGEST_BATCH_SIZE).",
    ),
    force: bool = typer.Option(
        False,
        "--force",
        help="Re-extract and replace documents even when unchanged (after an extractor update).",
    ),
    workers: int | None = typer.Option(
        None,
        "--workers",
        min=1,
        help="Processes that extract (one writer, in order: same graph for any number; "
        "default: GRAPH_SERVICE_INGEST_WORKERS, else the number of cores).",
    ),
) -> None:
    """Extract statements from documents and write them to the graph (idempotent)."""
    failed = run_ingest(paths, get_settings(), batch_size=batch_size, force=force, workers=workers)
    if failed:
        raise typer.Exit(1)


def run_ingest(
    paths: list[Path],
    settings: Settings,
    *,
    batch_size: int | None = None,
    force: bool = False,
    workers: int | None = None,
) -> int:
    """Ingest ``paths`` with a progress bar and a summary on stderr; return the failures."""
    from graph_service.asyncrun import run_sync
    from graph_service.cli import err_console
    from graph_service.services.ingest import IngestProgress, ingest_paths

    progress = Progress(
        SpinnerColumn(),
        TextColumn("ingest"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("documents · {task.fields[statements]} statements · {task.fields[rate]}/s"),
        TimeElapsedColumn(),
        console=err_console,
        transient=False,
    )
    task = progress.add_task("ingest", total=None, statements=0, rate="-")

    def update(p: IngestProgress) -> None:
        progress.update(
            task,
            total=max(p.total or 0, p.processed) or None,
            completed=p.processed,
            statements=p.statements,
            rate=f"{p.docs_per_second:,.0f} docs" if p.seconds > 0.5 else "-",
        )

    with progress:
        summary = run_sync(
            ingest_paths(
                paths,
                settings,
                batch_size=batch_size,
                progress=update,
                force=force,
                workers=workers,
            )
        )

    _print_summary(err_console, summary)
    return summary.failed


def _print_summary(console: Console, summary: IngestSummary) -> None:
    for failure in summary.errors[:_MAX_LISTED_FAILURES]:
        console.print(f"[red]failed:[/] {escape(failure.message)}", highlight=False, emoji=False)
    if len(summary.errors) > _MAX_LISTED_FAILURES:
        console.print(f"[red]... and {len(summary.errors) - _MAX_LISTED_FAILURES} more failures[/]")
    table = Table(title="ingest summary", show_header=False, title_justify="left")
    table.add_column("what")
    table.add_column("count", justify="right")
    table.add_row("documents new", str(summary.new))
    table.add_row("documents unchanged", str(summary.unchanged))
    table.add_row("documents replaced", str(summary.replaced))
    table.add_row("documents failed", f"[red]{summary.failed}[/]" if summary.failed else "0")
    table.add_row("statements written", str(summary.statements))
    table.add_row("actors named", str(summary.actors))
    table.add_row("seconds", f"{summary.seconds:.1f}")
    table.add_row("documents/s", f"{summary.docs_per_second:,.1f}")
    console.print(table)
