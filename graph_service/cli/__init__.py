"""The ``graph-service`` command line: thin wrappers over extract, store, api and viz."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

import typer
from rich.console import Console

from graph_service.config import get_settings
from graph_service.errors import GraphServiceError

err_console = Console(stderr=True)
# Commands retry transient Neo4j errors longer than API requests do.
CLI_RETRY_SECONDS = 15.0
F = TypeVar("F", bound=Callable[..., Any])

app = typer.Typer(
    name="graph-service",
    help="Geopolitical alignment knowledge graph: news -> statements -> Neo4j -> API and maps.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
neo4j_app = typer.Typer(help="The project's own local Neo4j server.", no_args_is_help=True)
db_app = typer.Typer(help="Database schema and maintenance.", no_args_is_help=True)
app.add_typer(neo4j_app, name="neo4j")
app.add_typer(db_app, name="db")


def say(message: str) -> None:
    err_console.print(message, highlight=False)


def friendly_errors(func: F) -> F:
    """Turn a ``GraphServiceError`` into a one-paragraph message and exit code 2."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except GraphServiceError as exc:
            err_console.print(f"[bold red]error:[/] {exc.message}", highlight=False)
            raise typer.Exit(2) from None

    return wrapper  # type: ignore[return-value]


@app.callback()
def _configure(
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Log debug details."),
) -> None:
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    if not verbose:
        logging.getLogger("neo4j").setLevel(logging.ERROR)


# --- neo4j ---------------------------------------------------------------------------


@neo4j_app.command("install")
@friendly_errors
def neo4j_install(
    version: str = typer.Option(
        None,
        "--version",
        help="Release line (5.26: its newest patch) or exact version (5.26.30); "
        "default: GRAPH_SERVICE_NEO4J_VERSION.",
    ),
    upgrade: bool = typer.Option(
        False, help="Look up the newest patch of the line and fetch it if it is newer."
    ),
    force: bool = typer.Option(False, help="Fetch again even if already installed."),
) -> None:
    """Fetch Neo4j Community (and Neo4j Browser) from Maven Central into the cache folder."""
    from graph_service import neo4j_local
    from graph_service.cli.fetch_progress import fetch_progress

    with fetch_progress(err_console) as progress:
        neo4j_local.install(
            get_settings(),
            version=version,
            force=force,
            upgrade=upgrade,
            report=say,
            progress=progress,
        )


@neo4j_app.command("start")
@friendly_errors
def neo4j_start() -> None:
    """Start the local Neo4j on 127.0.0.1 and wait until Bolt answers."""
    from graph_service import neo4j_local

    neo4j_local.start(get_settings(), report=say)


@neo4j_app.command("stop")
@friendly_errors
def neo4j_stop() -> None:
    """Stop the local Neo4j that this project started."""
    from graph_service import neo4j_local

    neo4j_local.stop(get_settings(), report=say)


@neo4j_app.command("status")
@friendly_errors
def neo4j_status() -> None:
    """Say whether the Neo4j server is running; exit 3 when it is not."""
    from graph_service import neo4j_local

    settings = get_settings()
    state = neo4j_local.status(settings)
    where = "external" if state.external else "local"
    word = "running" if state.running else "stopped"
    typer.echo(
        f"{word} ({where}) uri={state.uri} version={state.version or '-'}"
        + (f" pid={state.pid}" if state.pid else "")
        + (f" [{state.detail}]" if state.detail else "")
    )
    if not state.running:
        raise typer.Exit(3)


@neo4j_app.command("logs")
def neo4j_logs(lines: int = typer.Option(40, help="How many lines of each log.")) -> None:
    """Print the last lines of the local server's logs."""
    from graph_service import neo4j_local

    typer.echo(neo4j_local.log_tail(get_settings(), lines))


# --- db --------------------------------------------------------------------------------


@db_app.command("init")
@friendly_errors
def db_init() -> None:
    """Create the constraints and indexes from cypher/schema and load the actor catalog
    (idempotent)."""
    from graph_service.asyncrun import run_sync
    from graph_service.extract import actor_catalog
    from graph_service.store.graph_store import GraphStore

    async def init() -> tuple[list[str], int]:
        async with GraphStore(get_settings(), retry_seconds=CLI_RETRY_SECONDS) as store:
            return await store.apply_schema(), await store.upsert_actors(actor_catalog().values())

    applied, actors = run_sync(init())
    say(f"schema ready: {len(applied)} constraints and indexes ({', '.join(applied)})")
    say(f"actor catalog loaded: {actors} actors")


@db_app.command("reset")
@friendly_errors
def db_reset(
    yes: bool = typer.Option(False, "--yes", help="Confirm without asking."),
) -> None:
    """Delete every node and relationship (the schema stays)."""
    from graph_service.asyncrun import run_sync
    from graph_service.store.graph_store import GraphStore

    settings = get_settings()
    if not yes:
        typer.confirm(
            f"Delete all data in {settings.bolt_uri}/{settings.neo4j_database}?", abort=True
        )

    async def reset() -> None:
        async with GraphStore(settings, retry_seconds=CLI_RETRY_SECONDS) as store:
            await store.delete_everything()

    run_sync(reset())
    say("database emptied")


def _register_optional_commands() -> None:
    """Commands whose modules belong to the extract, ingest, api and viz layers."""
    from graph_service.cli import (
        alignment_cmd,
        doctor_cmd,
        extract_cmd,
        ingest_cmd,
        map_cmd,
        serve_cmd,
        up_cmd,
    )

    app.command("extract")(friendly_errors(extract_cmd.extract))
    app.command("ingest")(friendly_errors(ingest_cmd.ingest))
    app.command("serve")(friendly_errors(serve_cmd.serve))
    app.command("map")(friendly_errors(map_cmd.map_command))
    app.command("up")(friendly_errors(up_cmd.up))
    app.command("doctor")(friendly_errors(doctor_cmd.doctor))
    app.command("alignment")(friendly_errors(alignment_cmd.alignment))
    app.command("changes")(friendly_errors(alignment_cmd.changes))


_register_optional_commands()


def main() -> None:
    app()
