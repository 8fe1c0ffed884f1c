"""graph-service: who lines up with whom, from news text to a Neo4j alignment graph."""

from graph_service.errors import GraphServiceError

__all__ = ["GraphServiceError", "__version__"]
__version__ = "0.1.0"
