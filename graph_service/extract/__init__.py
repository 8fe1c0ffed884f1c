"""Statement extraction: news text -> typed alignment statements. Pure Python, no database.

from graph_service.extract import read_documents, extract_statements
for doc in read_documents(["news/"]):
    if not isinstance(doc, DocumentReadError):
        statements = extract_statements(doc)
"""

from graph_service.extract.langid import detect_language
from graph_service.extract.lexicon import actor_catalog, resolve_actor_name
from graph_service.extract.pipeline import extract_statements
from graph_service.extract.reader import document_from_bytes, read_documents

__all__ = [
    "actor_catalog",
    "detect_language",
    "document_from_bytes",
    "extract_statements",
    "read_documents",
    "resolve_actor_name",
]
