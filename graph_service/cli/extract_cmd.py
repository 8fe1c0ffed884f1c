"""``graph-service extract``: statements from documents, as JSONL or a table."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from graph_service.errors import DocumentReadError
from graph_service.models import Statement


class OutputFormat(StrEnum):
    jsonl = "jsonl"
    table = "table"


def extract(
    paths: list[Path] = typer.Argument(
        ..., help="Files or folders (.txt, .md, .html, .jsonl); folders are read recursively."
    ),
    format: OutputFormat = typer.Option(
        OutputFormat.jsonl, "--format", "-f", help="jsonl (one statement per line) or table."
    ),
) -> None:
    """Extract alignment statements (PARTNERSHIP, SUPPLIES, OPPOSES) from news text."""
    from graph_service.extract import extract_statements, read_documents

    err = Console(stderr=True)
    out = sys.stdout
    failed = 0
    collected: list[Statement] = []
    show_progress = sys.stderr.isatty()
    progress = Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        TextColumn("{task.completed} documents"),
        TimeElapsedColumn(),
        console=err,
        transient=True,
        disable=not show_progress,
    )
    with progress:
        task = progress.add_task("extracting", total=None)
        for doc in read_documents(paths):
            if isinstance(doc, DocumentReadError):
                failed += 1
                err.print(f"[bold red]unreadable:[/] {doc.message}", highlight=False)
                continue
            statements = extract_statements(doc)
            if format is OutputFormat.jsonl:
                for st in statements:
                    # every statement names its rule and sentence; absent optional fields
                    # (None) are left out rather than written as null
                    out.write(st.model_dump_json(exclude_none=True) + "\n")
            else:
                collected.extend(statements)
            progress.advance(task)
    if format is OutputFormat.table:
        _print_table(collected)
    out.flush()
    if failed:
        raise typer.Exit(1)


def _print_table(statements: list[Statement]) -> None:
    table = Table(show_lines=False)
    for col in ("doc", "subject", "type", "object", "conf", "modality", "neg", "evidence"):
        table.add_column(col, overflow="fold")
    for st in statements:
        table.add_row(
            Path(st.path.split("#")[0]).name
            + ("#" + st.path.split("#")[1] if "#" in st.path else ""),
            st.subject,
            st.type.value,
            st.object,
            f"{st.confidence:.2f}",
            st.modality.value,
            "yes" if st.negated else "",
            st.evidence if len(st.evidence) <= 160 else st.evidence[:157] + "...",
        )
    Console().print(table)


def main() -> None:
    app = typer.Typer(add_completion=False, pretty_exceptions_enable=False)
    app.command()(extract)
    app()
