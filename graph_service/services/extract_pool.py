"""Extraction in worker processes, for ``graph-service ingest --workers N``.

The workers are started with ``spawn``: a fresh interpreter that imports only this module
and the extractor (no Neo4j driver, no event loop, no threads inherited from the parent).
They read the same ``GRAPH_SERVICE_*`` environment as the parent, and each loads the
lexicons lazily on its first document. Results come back per document and in input order,
so the writer sees exactly what ``--workers 1`` would give it.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import threading
from concurrent.futures import ProcessPoolExecutor

from graph_service.extract import extract_statements
from graph_service.models import Document, Statement

logger = logging.getLogger(__name__)

# A statement list, or the failure message of a document that could not be extracted.
Outcome = list[Statement] | str


def failure_message(document: Document, exc: BaseException) -> str:
    return f"{document.path}: extraction failed: {exc!r}"[:500]


def extract_one(document: Document) -> Outcome:
    """The document's statements, or why it failed: the extractor must not stop the rest."""
    try:
        return extract_statements(document)
    except Exception as exc:
        logger.debug("extraction failed for %s", document.path, exc_info=True)
        return failure_message(document, exc)


def extract_chunk(documents: list[Document]) -> list[Outcome]:
    """Run in a worker process: one outcome per document, in order."""
    return [extract_one(document) for document in documents]


def _exit_with_parent() -> None:
    """Worker initializer: leave when the ingest process is gone (killed, not shut down),
    instead of waiting forever for work that will not come."""
    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def watch() -> None:
        parent.join()
        os._exit(1)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def start_pool(workers: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(
        max_workers=workers,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_exit_with_parent,
    )
