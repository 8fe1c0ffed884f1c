"""Placeholder until its layer lands."""

from graph_service.errors import GraphServiceError


def map_command() -> None:
    """Not available yet."""
    raise GraphServiceError("'map_command' is not available yet")
