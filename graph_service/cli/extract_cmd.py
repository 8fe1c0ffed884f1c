"""Placeholder until the extractor lands."""

from graph_service.errors import GraphServiceError


def extract() -> None:
    """Not available yet."""
    raise GraphServiceError("'extract' is not available yet")
