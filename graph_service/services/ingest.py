"""Ingest: read documents, extract statements, write them to Neo4j in atomic batches.

:func:`ingest_paths` is ``graph-service ingest`` (files and folders);
:func:`ingest_documents` is ``POST /documents`` (documents already read and checked).

Reading and extraction (Python, CPU) run off the event loop while it writes the previous
batch (Neo4j), so the two overlap: with one worker in a thread, with ``workers`` > 1 in
that many worker processes (:mod:`graph_service.services.extract_pool`), each batch split
into pieces whose results are taken in input order. One writer (this event loop) writes
the batches in order, so the graph is the same whatever the number of workers. A document
that cannot be read or extracted is recorded as failed and skipped; the rest goes on. A
failure of the store itself (Neo4j down) stops the ingest: batches already written stay
complete, and re-running the same ingest finishes the job (unchanged documents are
skipped).
"""

from __future__ import annotations

import asyncio
import logging
import math
import os
import time
from collections.abc import AsyncIterator, Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel

from graph_service.config import Settings
from graph_service.errors import GraphServiceError
from graph_service.extract import actor_catalog, extract_statements, read_documents
from graph_service.extract.reader import count_documents
from graph_service.models import Document, Statement
from graph_service.services.extract_pool import Outcome, extract_chunk, extract_one, start_pool
from graph_service.store.graph_store import GraphStore
from graph_service.store.writer import DocumentWriteResult, WriteStatus

logger = logging.getLogger(__name__)


class IngestFailure(BaseModel):
    """A document (or file) that could not be read or extracted."""

    path: str | None = None
    message: str


class IngestSummary(BaseModel):
    """What one ingest run did."""

    new: int = 0
    unchanged: int = 0
    replaced: int = 0
    failed: int = 0
    statements: int = 0  # statements written (new and replaced documents)
    actors: int = 0  # distinct actors the ingested statements name
    seconds: float = 0.0
    docs_per_second: float = 0.0
    errors: list[IngestFailure] = []

    @property
    def documents(self) -> int:
        return self.new + self.unchanged + self.replaced

    @property
    def statements_per_second(self) -> float:
        return self.statements / self.seconds if self.seconds > 0 else 0.0


@dataclass
class IngestProgress:
    """Passed to the ``progress`` callback after every document and every written batch."""

    total: int | None  # documents expected (estimated from the input files), if known
    processed: int = 0  # documents read and extracted (or failed)
    written: int = 0  # documents whose batch is committed
    failed: int = 0
    statements: int = 0  # statements written so far
    seconds: float = 0.0

    @property
    def docs_per_second(self) -> float:
        return self.processed / self.seconds if self.seconds > 0 else 0.0


ProgressCallback = Callable[[IngestProgress], None]


def estimate_documents(paths: Iterable[Path]) -> int:
    """How many documents the paths hold, counted by the reader's own rules."""
    return count_documents(paths)


@dataclass
class _Run:
    summary: IngestSummary
    progress: IngestProgress
    callback: ProgressCallback | None
    started: float
    actors: set[str] = field(default_factory=set)

    def tick(self) -> None:
        self.progress.seconds = time.perf_counter() - self.started
        if self.callback is not None:
            self.callback(self.progress)

    def fail(self, path: str | None, message: str) -> None:
        logger.info("skipped %s", message)
        self.summary.failed += 1
        self.summary.errors.append(IngestFailure(path=path, message=message))
        self.progress.failed += 1
        self.progress.processed += 1
        self.tick()

    def record(self, results: Sequence[DocumentWriteResult]) -> None:
        for r in results:
            if r.status is WriteStatus.NEW:
                self.summary.new += 1
            elif r.status is WriteStatus.REPLACED:
                self.summary.replaced += 1
            else:
                self.summary.unchanged += 1
            if r.status is not WriteStatus.UNCHANGED:
                self.summary.statements += r.statements
        self.progress.written += len(results)
        self.progress.statements = self.summary.statements
        self.tick()


Item = tuple[Document, Sequence[Statement]]


def _documents(paths: Sequence[Path], run: _Run) -> Iterator[Document]:
    """Every readable document; unreadable ones are recorded in ``run`` and skipped."""
    for doc in read_documents(paths):
        if isinstance(doc, GraphServiceError):
            run.fail(None, doc.message)
            continue
        yield doc


def _accept(run: _Run, doc: Document, outcome: Outcome, items: list[Item]) -> None:
    """Count one extracted (or failed) document and keep its statements for the writer."""
    if isinstance(outcome, str):
        run.fail(doc.path, outcome)
        return
    run.actors.update(s.subject for s in outcome)
    run.actors.update(s.object for s in outcome)
    run.progress.processed += 1
    run.tick()
    items.append((doc, outcome))


def _extract(docs: Sequence[Document], run: _Run) -> list[Item]:
    """(document, statements) per document; extraction failures recorded in ``run``."""
    items: list[Item] = []
    for doc in docs:
        _accept(run, doc, extract_one(doc), items)
    return items


# Pieces per worker and batch: small enough that the workers finish together (documents
# differ in length), large enough that pickling stays a small part of the work.
PIECES_PER_WORKER = 4


async def _extract_in_pool(
    pool: ProcessPoolExecutor, workers: int, docs: Sequence[Document], run: _Run
) -> list[Item]:
    """What :func:`_extract` returns, extracted by the pool's processes: the batch is
    split into pieces, all submitted at once, and their results taken in input order."""
    loop = asyncio.get_running_loop()
    step = max(1, math.ceil(len(docs) / (workers * PIECES_PER_WORKER)))
    pieces = [list(docs[i : i + step]) for i in range(0, len(docs), step)]
    futures = [loop.run_in_executor(pool, extract_chunk, piece) for piece in pieces]
    items: list[Item] = []
    try:
        for piece, future in zip(pieces, futures, strict=True):
            for doc, outcome in zip(piece, await future, strict=True):
                _accept(run, doc, outcome, items)
    finally:
        for future in futures:
            future.cancel()
    return items


# Below this many documents per worker a process is not worth starting by default (a
# fresh interpreter imports the extractor and loads its lexicons: 1 to 5 s on a loaded
# 2-core machine, the time to extract several hundred short documents).
MIN_DOCUMENTS_PER_WORKER = 500


def resolve_workers(settings: Settings, workers: int | None = None) -> int:
    """Extraction workers: ``workers``, else ``settings.ingest_workers``, else the cores."""
    n = workers if workers is not None else settings.ingest_workers
    return max(1, n if n is not None else (os.cpu_count() or 1))


def _chunks(docs: Iterator[Document], size: int) -> Iterator[list[Document]]:
    chunk: list[Document] = []
    for doc in docs:
        chunk.append(doc)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


# Commands retry transient Neo4j errors longer than API requests do.
INGEST_RETRY_SECONDS = 15.0


@asynccontextmanager
async def _store(settings: Settings, store: GraphStore | None) -> AsyncIterator[GraphStore]:
    if store is not None:
        yield store
        return
    async with GraphStore(settings, retry_seconds=INGEST_RETRY_SECONDS) as owned:
        yield owned


async def ingest_paths(
    paths: Sequence[Path | str],
    settings: Settings,
    *,
    batch_size: int | None = None,
    progress: ProgressCallback | None = None,
    store: GraphStore | None = None,
    force: bool = False,
    workers: int | None = None,
) -> IngestSummary:
    """Ingest files and folders (the inputs ``graph-service extract`` reads) into Neo4j.

    Applies the schema and upserts the actor catalog first (both idempotent), then writes
    ``batch_size`` documents per transaction (default ``settings.ingest_batch_size``).
    ``store`` lets callers reuse theirs; by default one is opened and closed here.
    ``force`` re-extracts and replaces documents even when unchanged (extractor update).
    ``workers``: extraction processes (default :func:`resolve_workers`; none for 1, a
    thread extracts). When neither ``workers`` nor the setting says, one per core but
    no more than one per ``MIN_DOCUMENTS_PER_WORKER`` documents of the input.
    """
    size = max(1, batch_size or settings.ingest_batch_size)
    path_list = [Path(p) for p in paths]
    started = time.perf_counter()
    total = estimate_documents(path_list)
    n_workers = resolve_workers(settings, workers)
    if workers is None and settings.ingest_workers is None:  # the cores, as many as useful
        n_workers = min(n_workers, max(1, total // MIN_DOCUMENTS_PER_WORKER))
    logger.info("ingest: %s documents, %s extraction workers", total, n_workers)
    run = _Run(
        summary=IngestSummary(),
        progress=IngestProgress(total=total),
        callback=progress,
        started=started,
    )
    pool: ProcessPoolExecutor | None = None
    async with _store(settings, store) as graph:
        await graph.apply_schema()
        await graph.upsert_actors(actor_catalog().values())
        run.tick()
        chunks = _chunks(_documents(path_list, run), size)
        # Reading and extraction of batch n+1 (a worker thread) overlap the write of batch n.
        pending: asyncio.Task[list[DocumentWriteResult]] | None = None
        try:
            while (chunk := await asyncio.to_thread(next, chunks, None)) is not None:
                # Documents the graph already holds unchanged are neither extracted nor
                # written: a re-ingest costs one indexed read per batch.
                known = [None] * len(chunk) if force else await graph.unchanged_documents(chunk)
                unchanged = [r for r in known if r is not None]
                run.progress.processed += len(unchanged)
                run.record(unchanged)
                changed = [doc for doc, r in zip(chunk, known, strict=True) if r is None]
                if n_workers > 1 and changed and pool is None:
                    pool = start_pool(n_workers)  # only when there is something to extract
                if pool is not None:
                    items = await _extract_in_pool(pool, n_workers, changed, run)
                else:
                    items = await asyncio.to_thread(_extract, changed, run)
                if pending is not None:
                    run.record(await pending)
                    pending = None
                if items:
                    pending = asyncio.create_task(
                        graph.write_documents(items, force=force, batch_size=size)
                    )
            if pending is not None:
                run.record(await pending)
                pending = None
        finally:
            if pending is not None:  # a failure elsewhere: let the batch finish or fail
                await asyncio.gather(pending, return_exceptions=True)
            if pool is not None:
                await asyncio.to_thread(pool.shutdown, wait=True, cancel_futures=True)

    summary = run.summary
    summary.actors = len(run.actors)
    summary.seconds = round(time.perf_counter() - started, 3)
    handled = summary.documents + summary.failed
    summary.docs_per_second = round(handled / summary.seconds, 1) if summary.seconds else 0.0
    run.tick()
    logger.info(
        "ingest done: %s new, %s unchanged, %s replaced, %s failed, %s statements in %.1f s",
        summary.new,
        summary.unchanged,
        summary.replaced,
        summary.failed,
        summary.statements,
        summary.seconds,
    )
    return summary


async def extract(document: Document, time_limit: float | None = None) -> list[Statement]:
    """Run the (CPU-bound, synchronous) extractor off the event loop; with ``time_limit``
    (CPU seconds) the extractor stops itself past it (a thread cannot be killed)."""
    return list(await asyncio.to_thread(extract_statements, document, time_limit))


async def ingest_documents(
    store: GraphStore, documents: Sequence[Document], time_limit: float | None = None
) -> list[tuple[DocumentWriteResult, list[Statement]]]:
    """Extract every document, then write them all (one batch as the store sizes it):
    each document's write result with the statements extracted from it, in input order.
    Nothing is written when one document fails to extract."""
    items = [(document, await extract(document, time_limit)) for document in documents]
    written = await store.write_documents(items)
    return [(result, statements) for result, (_, statements) in zip(written, items, strict=True)]
