"""``graph-service serve``: run the HTTP API with uvicorn."""

from __future__ import annotations

import typer

from graph_service.config import Settings, get_settings


def serve(
    host: str = typer.Option(None, help="Interface to bind (default: settings.api_host)."),
    port: int = typer.Option(None, help="Port (default: settings.api_port)."),
    reload: bool = typer.Option(False, help="Restart on code changes (development)."),
) -> None:
    """Serve the API (and the map pages) until Ctrl-C."""
    settings = get_settings()
    overrides: dict[str, object] = {}
    if host:
        overrides["api_host"] = host
    if port:
        overrides["api_port"] = port
    if overrides:
        settings = settings.model_copy(update=overrides)
    if reload:
        import uvicorn

        # Reload needs an import string; the factory re-reads settings from the environment.
        uvicorn.run(
            "graph_service.api.app:create_app",
            factory=True,
            host=settings.api_host,
            port=settings.api_port,
            reload=True,
        )
        return
    run_server(settings)


def run_server(settings: Settings) -> None:
    """Serve the API for ``settings`` (blocking)."""
    import uvicorn

    from graph_service.api.app import create_app

    uvicorn.run(
        create_app(settings),
        host=settings.api_host,
        port=settings.api_port,
        log_level="info",
        proxy_headers=False,
    )
