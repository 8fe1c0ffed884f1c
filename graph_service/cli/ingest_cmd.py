"""Placeholder until the ingest layer lands."""

from pathlib import Path

from graph_service.config import Settings
from graph_service.errors import GraphServiceError


def ingest() -> None:
    """Not available yet."""
    raise GraphServiceError("'ingest' is not available yet")


def run_ingest(paths: list[Path], settings: Settings) -> int:
    """Ingest ``paths``; return the number of documents that failed."""
    raise GraphServiceError("'ingest' is not available yet")
