"""Idempotent, batched writes of documents, statements, actors and aggregated edges.

A batch of documents is written in ONE managed write transaction (``execute_write``,
retried on transient errors such as deadlocks), so it is atomic: after a crash nothing is
half-written and re-running the same ingest completes the graph. Inside the transaction:

1. documents the graph does not hold are created with their properties, and those it holds
   are locked (one ``MERGE``, ids sorted) and what they hold is read again, so two writers
   of the same document serialise and the second one sees it unchanged;
2. the (subject, type, object) keys of documents being replaced are collected;
3. every actor involved is created if unknown and locked (ids sorted), so aggregated edges
   are never created twice by concurrent writers;
4. replaced documents lose their old statements; their documents are updated; statements
   are written (all new at this point: ``MERGE`` on the id, ``CREATE`` of their three
   relationships);
5. aggregated edges are recomputed from the database for pairs a replacement touched, and
   incremented for pairs only new documents touched (exact: a new document never counted),
   from per-pair aggregates computed in Python: one ``UNWIND`` row per edge, not per statement.

The steps are a generator of ``(query, parameters)`` that receives each query's records
(the transaction's logic, without I/O), driven by one async runner; ``POST /documents`` and
``graph-service ingest`` both call :func:`write_documents`. Unchanged documents are detected
by step 1, under their locks; the ingest service also skips them before extraction with
:func:`unchanged_documents`.
"""

from __future__ import annotations

import logging
from collections.abc import Generator, Iterable, Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, LiteralString, TypeVar

import neo4j
from pydantic import BaseModel

from graph_service.config import Settings
from graph_service.models import Actor, ActorKind, Document, RelationType, Statement
from graph_service.store import catalog
from graph_service.store.driver import translated_errors
from graph_service.store.rows import (
    Row,
    StatementRow,
    actor_row,
    document_row,
    edge_deltas,
    leader_row,
    recompute_pairs,
    recomputed_edges,
    same_content,
    statement_rows,
)
from graph_service.store.rows import document_id as _document_id

logger = logging.getLogger(__name__)

__all__ = [
    "DocumentWriteResult",
    "WriteStatus",
    "document_id",
    "unchanged_documents",
    "upsert_actors",
    "write_documents",
]


class Q(StrEnum):
    """Every Cypher file the writer runs (``cypher/write/<name>.cypher``)."""

    GET_DOCUMENT_STATES = "write/get_document_states"
    CREATE_OR_LOCK_DOCUMENTS = "write/create_or_lock_documents"
    GET_STATEMENT_PAIRS = "write/get_statement_pairs_of_documents"
    LOCK_ACTORS = "write/lock_actors"
    DELETE_DOCUMENT_STATEMENTS = "write/delete_document_statements"
    UPSERT_DOCUMENTS = "write/upsert_documents"
    UPSERT_STATEMENTS = "write/upsert_statements"
    UPSERT_ACTORS = "write/upsert_actors"
    UPSERT_LEADERS = "write/upsert_leaders"
    ADD_EDGES = "write/add_edges"  # templates: the relation type filled in by the catalog
    DELETE_EDGES = "write/delete_edges"
    GET_PAIR_STATEMENTS = "write/get_pair_statements"


# Kind given to an actor that statements name but the actor catalog does not know.
UNKNOWN_ACTOR_KIND = ActorKind.ORGANIZATION


class WriteStatus(StrEnum):
    NEW = "new"
    UNCHANGED = "unchanged"
    REPLACED = "replaced"


class DocumentWriteResult(BaseModel):
    """What happened to one document: its id, new/unchanged/replaced, statements stored."""

    document_id: str
    status: WriteStatus
    statements: int


def document_id(doc: Document) -> str:
    """Stable document id: from the URL if present, else from the text (same text, same id)."""
    return _document_id(doc)


# --- preparing a batch (pure) ----------------------------------------------------------


@dataclass(frozen=True)
class _Prepared:
    doc_id: str
    doc_row: Row
    statements: list[StatementRow]


def _prepare(doc: Document, statements: Sequence[Statement]) -> _Prepared:
    doc_id = _document_id(doc)
    return _Prepared(doc_id, document_row(doc, doc_id), statement_rows(doc, doc_id, statements))


def _batches(
    items: Sequence[tuple[Document, Sequence[Statement]]], size: int
) -> Iterator[list[tuple[int, _Prepared]]]:
    """Batches of at most ``size`` documents, each document id at most once per batch (a
    repeated id starts a new batch, so repeats are applied in input order)."""
    batch: list[tuple[int, _Prepared]] = []
    ids: set[str] = set()
    for index, (doc, statements) in enumerate(items):
        prepared = _prepare(doc, statements)
        if len(batch) >= size or prepared.doc_id in ids:
            yield batch
            batch, ids = [], set()
        batch.append((index, prepared))
        ids.add(prepared.doc_id)
    if batch:
        yield batch


def _native(value: Any) -> Any:
    """neo4j.time values as the Python values the rows hold."""
    to_native = getattr(value, "to_native", None)
    return to_native() if callable(to_native) else value


def _stored(records: Iterable[Row]) -> dict[str, Row]:
    return {r["id"]: {k: _native(v) for k, v in r.items()} for r in records}


# --- the transaction, written once ---------------------------------------------------------

T = TypeVar("T")
Step = tuple[LiteralString, Row]  # a query of the catalog and its parameters
Steps = Generator[Step, list[Row], dict[str, DocumentWriteResult]]


def _write_steps(batch: Sequence[_Prepared], force: bool = False) -> Steps:
    """The queries of one batch transaction, in order; returns the result per document id.

    ``force`` replaces documents even when their stored content is the same (new statements
    from an improved extractor)."""
    results: dict[str, DocumentWriteResult] = {}
    ordered = sorted(batch, key=lambda p: p.doc_id)  # locks in id order: no deadlock cycles
    # Documents the graph does not hold are created here with their properties; the others
    # are locked and come back with what they hold.
    stored = _stored(
        (yield catalog.body(Q.CREATE_OR_LOCK_DOCUMENTS), {"rows": [p.doc_row for p in ordered]})
    )

    new_ids: set[str] = set()
    replaced_ids: set[str] = set()
    to_write: list[_Prepared] = []
    doc_rows: list[Row] = []  # documents held before: properties written by upsert_documents
    for p in batch:
        before = stored.get(p.doc_id)
        if before is None:  # created by the first step
            new_ids.add(p.doc_id)
        elif before.get("text_hash") is None and not before.get("statements"):
            new_ids.add(p.doc_id)  # held without content (not written by this module)
            doc_rows.append(p.doc_row)
        elif not force and same_content(before, p.doc_row):  # a concurrent ingest wrote it
            results[p.doc_id] = DocumentWriteResult(
                document_id=p.doc_id,
                status=WriteStatus.UNCHANGED,
                statements=int(before.get("statements") or 0),
            )
            continue
        else:
            replaced_ids.add(p.doc_id)
            doc_rows.append(p.doc_row)
        to_write.append(p)
    if not to_write:
        return results

    old_keys: set[tuple[RelationType, str, str]] = set()
    if replaced_ids:
        records = yield catalog.body(Q.GET_STATEMENT_PAIRS), {"ids": sorted(replaced_ids)}
        old_keys = {(RelationType(r["type"]), r["subject"], r["object"]) for r in records}

    rows = [row for p in to_write for row in p.statements]
    actor_ids = {r.subject for r in rows} | {r.object for r in rows}
    actor_ids |= {k[1] for k in old_keys} | {k[2] for k in old_keys}
    if actor_ids:
        yield (
            catalog.body(Q.LOCK_ACTORS),
            {"ids": sorted(actor_ids), "unknown_kind": UNKNOWN_ACTOR_KIND.value},
        )
    if replaced_ids:
        yield catalog.body(Q.DELETE_DOCUMENT_STATEMENTS), {"ids": sorted(replaced_ids)}
    if doc_rows:
        yield catalog.body(Q.UPSERT_DOCUMENTS), {"rows": doc_rows}
    if rows:
        yield catalog.body(Q.UPSERT_STATEMENTS), {"rows": [r.as_param() for r in rows]}

    recompute_keys = old_keys | {
        (r.type, r.subject, r.object) for r in rows if r.document_id in replaced_ids
    }
    # Pairs a replacement touched lose their edge and get it back from their statements;
    # pairs only new documents touched are incremented. Both through rows.aggregate.
    recompute = recompute_pairs(recompute_keys)
    recomputed: dict[RelationType, list[Row]] = {t: [] for t in RelationType}
    keys = [pair["key"] for pairs in recompute.values() for pair in pairs]
    if keys:
        stored_rows = yield catalog.body(Q.GET_PAIR_STATEMENTS), {"keys": keys}
        recomputed = recomputed_edges(
            recompute, ({k: _native(v) for k, v in r.items()} for r in stored_rows)
        )
    done = set(keys)
    deltas = edge_deltas([r for r in rows if r.document_id in new_ids and r.key not in done])
    for type_ in RelationType:
        if recompute[type_]:
            yield catalog.for_type(Q.DELETE_EDGES, type_), {"pairs": recompute[type_]}
        edges = recomputed[type_] + deltas[type_]
        if edges:
            yield catalog.for_type(Q.ADD_EDGES, type_), {"edges": edges}

    for p in to_write:
        status = WriteStatus.REPLACED if p.doc_id in replaced_ids else WriteStatus.NEW
        results[p.doc_id] = DocumentWriteResult(
            document_id=p.doc_id, status=status, statements=len(p.statements)
        )
    return results


async def _run_steps(tx: neo4j.AsyncManagedTransaction, steps: Generator[Step, list[Row], T]) -> T:
    try:
        query, params = next(steps)
        while True:
            result = await tx.run(query, params)
            records = await result.data()
            query, params = steps.send(records)
    except StopIteration as stop:
        value: T = stop.value
        return value


def _session_config(settings: Settings) -> dict[str, Any]:
    # Writes into an empty database make the server warn about property keys and types
    # it has not seen yet; those notifications are noise for the write path.
    return {"database": settings.neo4j_database, "notifications_min_severity": "OFF"}


def _unchanged(
    batch: Sequence[_Prepared], stored: dict[str, Row]
) -> dict[str, DocumentWriteResult]:
    out: dict[str, DocumentWriteResult] = {}
    for p in batch:
        before = stored.get(p.doc_id)
        if before is not None and before.get("text_hash") and same_content(before, p.doc_row):
            out[p.doc_id] = DocumentWriteResult(
                document_id=p.doc_id,
                status=WriteStatus.UNCHANGED,
                statements=int(before.get("statements") or 0),
            )
    return out


def _log_batch(results: dict[str, DocumentWriteResult]) -> None:
    if logger.isEnabledFor(logging.DEBUG):
        counts = {s: sum(1 for r in results.values() if r.status is s) for s in WriteStatus}
        logger.debug(
            "batch written: %s new, %s replaced, %s unchanged, %s statements",
            counts[WriteStatus.NEW],
            counts[WriteStatus.REPLACED],
            counts[WriteStatus.UNCHANGED],
            sum(r.statements for r in results.values() if r.status is not WriteStatus.UNCHANGED),
        )


# --- public API ------------------------------------------------------------------------------


async def write_documents(
    driver: neo4j.AsyncDriver,
    settings: Settings,
    items: Sequence[tuple[Document, Sequence[Statement]]],
    *,
    force: bool = False,
) -> list[DocumentWriteResult]:
    """Write documents with their statements, in atomic batches of ``ingest_batch_size``.

    Returns one result per item, in input order. Re-writing the same content changes
    nothing; a document whose content changed (same URL) has its statements replaced and
    the aggregated edges it touched recomputed. Statements about unknown actors create an
    actor named by its id (kind organization); none is dropped. ``force=True`` replaces
    the statements of stored documents even when the content is unchanged (after an
    extractor update).
    """
    out: list[DocumentWriteResult | None] = [None] * len(items)
    size = max(1, settings.ingest_batch_size)
    with translated_errors(settings):
        async with driver.session(**_session_config(settings)) as session:
            for batch in _batches(items, size):
                pending = [p for _, p in batch]

                async def work(
                    tx: neo4j.AsyncManagedTransaction, pending: list[_Prepared] = pending
                ) -> dict[str, DocumentWriteResult]:
                    # A fresh generator per attempt: execute_write may retry the work.
                    return await _run_steps(tx, _write_steps(pending, force))

                # Unchanged documents are found inside the transaction, under their locks
                # (a read before it would cost a round trip per batch and could be stale).
                results = await session.execute_write(work)
                _log_batch(results)
                for index, p in batch:
                    out[index] = results[p.doc_id]
    return [r for r in out if r is not None]


async def unchanged_documents(
    driver: neo4j.AsyncDriver, settings: Settings, docs: Sequence[Document]
) -> list[DocumentWriteResult | None]:
    """For each document: its result if the graph already holds exactly this content
    (nothing to extract or write), else None. One read, no transaction held open."""
    prepared = [
        _Prepared(d_id, document_row(doc, d_id), []) for doc in docs for d_id in [_document_id(doc)]
    ]
    ids = sorted({p.doc_id for p in prepared})

    async def work(tx: neo4j.AsyncManagedTransaction) -> dict[str, Row]:
        result = await tx.run(catalog.body(Q.GET_DOCUMENT_STATES), {"ids": ids})
        return _stored(await result.data())

    with translated_errors(settings):
        async with driver.session(**_session_config(settings)) as session:
            stored = await session.execute_read(work)
    found = _unchanged(prepared, stored)
    return [found.get(p.doc_id) for p in prepared]


def _actor_steps(actors: Iterable[Actor]) -> Generator[Step, list[Row], int]:
    # Sorted by id: locks are taken in the same order as the batch writer takes them.
    unique = {a.id: a for a in sorted(actors, key=lambda a: a.id)}
    rows = [actor_row(a) for a in unique.values()]
    if not rows:
        return 0
    yield catalog.body(Q.UPSERT_ACTORS), {"rows": rows}
    leaders = [row for a in unique.values() if (row := leader_row(a)) is not None]
    if leaders:
        yield catalog.body(Q.UPSERT_LEADERS), {"rows": leaders, "state_kind": ActorKind.STATE.value}
    return len(rows)


async def upsert_actors(
    driver: neo4j.AsyncDriver, settings: Settings, actors: Iterable[Actor]
) -> int:
    """Create or update actors (idempotent); persons get :Person and LEADS. Returns the count."""
    listed = list(actors)

    async def work(tx: neo4j.AsyncManagedTransaction) -> int:
        return await _run_steps(tx, _actor_steps(listed))

    with translated_errors(settings):
        async with driver.session(**_session_config(settings)) as session:
            count = await session.execute_write(work)
    logger.info("upserted %s actors", count)
    return count
