"""``graph-service doctor``: one line per prerequisite and setting, with the fix."""

from __future__ import annotations

import typer
from rich.markup import escape
from rich.table import Table

from graph_service.config import get_settings
from graph_service.doctor import Verdict, run_checks

_STYLE = {
    Verdict.ok: "[green]ok[/]",
    Verdict.warn: "[yellow]warn[/]",
    Verdict.fail: "[bold red]FAIL[/]",
    Verdict.skip: "[dim]-[/]",
}


def doctor() -> None:
    """Check Python, Java, Maven, Neo4j, ports, data folder, Bolt and credentials; say how
    to fix what fails (exit 1 when something does)."""
    from graph_service.cli import err_console

    checks = run_checks(get_settings())
    table = Table(show_header=False, box=None, pad_edge=False)
    table.add_column("verdict", no_wrap=True)
    table.add_column("what", no_wrap=True, style="bold")
    table.add_column("found / fix", overflow="fold")
    for check in checks:
        table.add_row(_STYLE[check.verdict], check.name, escape(check.found))
        if check.fix:
            table.add_row("", "", "[cyan]fix:[/] " + escape(check.fix))
    err_console.print(table)
    failed = [check.name for check in checks if check.verdict is Verdict.fail]
    if failed:
        err_console.print(f"[bold red]{len(failed)} problem(s):[/] {', '.join(failed)}")
        raise typer.Exit(1)
    err_console.print("[green]all good[/]")
