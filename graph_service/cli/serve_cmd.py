"""Placeholder until the API lands."""

from graph_service.config import Settings
from graph_service.errors import GraphServiceError


def serve() -> None:
    """Not available yet."""
    raise GraphServiceError("'serve' is not available yet")


def run_server(settings: Settings) -> None:
    """Serve the API (blocking)."""
    raise GraphServiceError("'serve' is not available yet")
