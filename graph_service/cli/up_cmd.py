"""``graph-service up``: the main job in one command.

Starts the local Neo4j (unless an external one is configured), applies the schema,
ingests the sample corpus (or the given paths) and serves the API and the maps.
"""

from __future__ import annotations

from pathlib import Path

import typer

from graph_service.config import get_settings

SAMPLE_CORPUS = Path(__file__).resolve().parent.parent / "data" / "sample_corpus"


def up(
    paths: list[Path] = typer.Argument(
        None, help="Documents to ingest (default: the bundled sample corpus)."
    ),
    serve: bool = typer.Option(True, help="Serve the API and maps after ingesting."),
) -> None:
    """Start Neo4j, apply the schema, ingest the sample corpus, serve API and maps."""
    from graph_service import neo4j_local
    from graph_service.asyncrun import run_sync
    from graph_service.cli import CLI_RETRY_SECONDS, ingest_cmd, say, serve_cmd
    from graph_service.store.graph_store import GraphStore

    settings = get_settings()
    neo4j_local.start(settings, report=say)

    async def init() -> None:
        async with GraphStore(settings, retry_seconds=CLI_RETRY_SECONDS) as store:
            await store.apply_schema()

    run_sync(init())
    say("schema ready")
    failed = ingest_cmd.run_ingest(paths or [SAMPLE_CORPUS], settings)
    if failed:
        say(f"[yellow]{failed} document(s) could not be read; see above[/]")
    if serve:
        url = f"http://{settings.api_host}:{settings.api_port}"
        say(
            f"API on {url}/docs, maps on {url}/map, Neo4j Browser on "
            f"http://127.0.0.1:{settings.neo4j_http_port}/browser/ (Ctrl-C stops the API; "
            "`graph-service neo4j stop` stops Neo4j)"
        )
        serve_cmd.run_server(settings)
