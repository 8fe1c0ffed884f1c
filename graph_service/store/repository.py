"""The read repository the API talks to, and its Neo4j implementation.

The API depends on :class:`GraphStore` / :class:`GraphReader` and the plain records
below; only this module (with the rest of ``graph_service.store``) knows the driver.
Queries come from ``cypher/read`` and ``cypher/queries``; where a relation type must be
written into a pattern, each type has its own file, chosen from :class:`RelationType`.
"""

from __future__ import annotations

import datetime as dt
import logging
import math
from collections.abc import AsyncIterator, Mapping, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, LiteralString, Protocol

import neo4j
import neo4j.graph
import neo4j.spatial
import neo4j.time
from neo4j import exceptions as neo4j_errors

from graph_service.config import Settings
from graph_service.errors import NotFoundError, QueryError, StoreError
from graph_service.models import RelationType
from graph_service.store import catalog
from graph_service.store.adhoc import run_adhoc
from graph_service.store.convert import (
    ALL_TYPES,
    SYMMETRIC_TYPES,
    finite_float,
    str_list,
    to_date,
    type_values,
)
from graph_service.store.driver import create_async_driver, translated_errors
from graph_service.store.rows import pair_key
from graph_service.store.schema import apply_schema_async, missing_schema_async

if TYPE_CHECKING:
    from graph_service.models import Document, Statement

logger = logging.getLogger(__name__)

# --- records: what the store returns (plain Python values, no driver types) -------------


@dataclass(frozen=True, slots=True)
class ActorRef:
    id: str
    name: str
    kind: str | None = None


@dataclass(frozen=True, slots=True)
class ActorRecord:
    id: str
    name: str
    kind: str | None
    names_de: list[str] = field(default_factory=list)
    names_en: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    state: str | None = None
    role: str | None = None


@dataclass(frozen=True, slots=True)
class RelationCount:
    type: str
    direction: str  # out | in | both (symmetric)
    edges: int
    statements: int


@dataclass(frozen=True, slots=True)
class ActorDetail:
    actor: ActorRecord
    counts: list[RelationCount]


@dataclass(frozen=True, slots=True)
class EdgeStats:
    statements: int = 0
    documents: int = 0
    weight: float = 0.0
    confidence: float | None = None
    first_seen: dt.date | None = None
    last_seen: dt.date | None = None
    items: list[str] = field(default_factory=list)
    speculative: bool = False


@dataclass(frozen=True, slots=True)
class ActorRelation:
    type: RelationType
    direction: str  # out | in | both
    counterpart: ActorRef
    stats: EdgeStats


@dataclass(frozen=True, slots=True)
class Edge:
    type: RelationType
    source: ActorRef
    target: ActorRef
    stats: EdgeStats


@dataclass(frozen=True, slots=True)
class DocumentRef:
    id: str
    title: str | None = None
    url: str | None = None
    date: dt.date | None = None
    source: str | None = None
    lang: str | None = None


@dataclass(frozen=True, slots=True)
class StatementRecord:
    id: str
    type: str
    subject: ActorRef
    object: ActorRef
    evidence: str
    confidence: float
    modality: str
    negated: bool
    subtype: str | None
    items: list[str]
    attributed_to: str | None
    rule: str | None
    date: dt.date | None
    span: tuple[int, int] | None
    sentence_index: int | None
    document: DocumentRef | None


@dataclass(frozen=True, slots=True)
class Subgraph:
    nodes: list[ActorRef]
    edges: list[Edge]
    truncated: bool


@dataclass(frozen=True, slots=True)
class QueryResult:
    columns: list[str]
    rows: list[dict[str, Any]]
    truncated: bool


@dataclass(frozen=True, slots=True)
class Readiness:
    reachable: bool
    server: str | None
    missing_schema: list[str]
    detail: str | None = None

    @property
    def ready(self) -> bool:
        return self.reachable and not self.missing_schema


@dataclass(frozen=True, slots=True)
class WrittenDocument:
    document_id: str
    status: str
    statements: int


@dataclass(frozen=True, slots=True)
class DateWindow:
    since: dt.date | None = None
    until: dt.date | None = None


# --- the interface the API depends on -----------------------------------------------------


class GraphReader(Protocol):
    """Read access for one request (one session, managed read transactions)."""

    async def search_actors(
        self, q: str | None, kind: str | None, after: str | None, limit: int
    ) -> list[ActorRecord]: ...

    async def get_actor(self, actor_id: str) -> ActorDetail: ...

    async def actor_relations(
        self,
        actor_id: str,
        types: Sequence[RelationType],
        direction: str,
        window: DateWindow,
        min_confidence: float | None,
        limit: int,
    ) -> list[ActorRelation]: ...

    async def list_relations(
        self,
        types: Sequence[RelationType],
        source: str | None,
        target: str | None,
        window: DateWindow,
        min_confidence: float | None,
        after: tuple[str, str, str] | None,
        limit: int,
    ) -> list[Edge]: ...

    async def edge_evidence(
        self,
        source: str,
        rel_type: RelationType,
        target: str,
        include_negated: bool,
        after: tuple[str, str] | None,
        limit: int,
    ) -> list[StatementRecord]: ...

    async def list_statements(
        self, filters: Mapping[str, Any], after: str | None, limit: int
    ) -> list[StatementRecord]: ...

    async def subgraph(
        self,
        center: str | None,
        depth: int,
        types: Sequence[RelationType],
        window: DateWindow,
        min_weight: float,
        max_edges: int,
    ) -> Subgraph: ...

    async def run_named_query(self, name: str, parameters: Mapping[str, Any]) -> QueryResult: ...

    async def run_cypher(self, text: str, parameters: Mapping[str, Any]) -> QueryResult: ...


# --- conversions -----------------------------------------------------------------------------


def plain(value: Any) -> Any:
    """A driver value as JSON-compatible Python (nodes, paths, temporal and spatial types)."""
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, neo4j.graph.Node):
        return {
            "element_id": value.element_id,
            "labels": sorted(value.labels),
            "properties": {k: plain(v) for k, v in value.items()},
        }
    if isinstance(value, neo4j.graph.Relationship):
        return {
            "element_id": value.element_id,
            "type": value.type,
            "start": value.start_node.element_id if value.start_node else None,
            "end": value.end_node.element_id if value.end_node else None,
            "properties": {k: plain(v) for k, v in value.items()},
        }
    if isinstance(value, neo4j.graph.Path):
        return {
            "nodes": [plain(n) for n in value.nodes],
            "relationships": [plain(r) for r in value.relationships],
        }
    if isinstance(value, neo4j.time.Date | neo4j.time.DateTime | neo4j.time.Time):
        return value.iso_format()
    if isinstance(value, neo4j.time.Duration):
        return value.iso_format()
    if isinstance(value, dt.date | dt.datetime | dt.time):
        return value.isoformat()
    if isinstance(value, dt.timedelta):
        return value.total_seconds()
    if isinstance(value, neo4j.spatial.Point):
        return {"srid": value.srid, "coordinates": [plain(c) for c in value]}
    if isinstance(value, bytes | bytearray):
        return value.hex()
    if isinstance(value, Mapping):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    return str(value)


def _actor_ref(row: Mapping[str, Any] | None) -> ActorRef:
    row = row or {}
    actor_id = str(row.get("id") or "")
    return ActorRef(id=actor_id, name=str(row.get("name") or actor_id), kind=row.get("kind"))


def _actor(row: Mapping[str, Any]) -> ActorRecord:
    return ActorRecord(
        id=str(row["id"]),
        name=str(row.get("name") or row["id"]),
        kind=row.get("kind"),
        names_de=str_list(row.get("names_de")),
        names_en=str_list(row.get("names_en")),
        aliases=str_list(row.get("aliases")),
        state=row.get("state"),
        role=row.get("role"),
    )


def _stats(edge: Mapping[str, Any]) -> EdgeStats:
    confidence = edge.get("confidence")
    return EdgeStats(
        statements=int(edge.get("statements") or 0),
        documents=int(edge.get("documents") or 0),
        weight=finite_float(edge.get("weight")),
        confidence=None if confidence is None else finite_float(confidence),
        first_seen=to_date(edge.get("first_seen")),
        last_seen=to_date(edge.get("last_seen")),
        items=str_list(edge.get("items")),
        speculative=bool(edge.get("speculative") or False),
    )


def _direction(rel_type: str, outgoing: bool | None) -> str:
    if rel_type in SYMMETRIC_TYPES:
        return "both"
    return "out" if outgoing else "in"


def _statement(record: Mapping[str, Any]) -> StatementRecord:
    s = record["statement"]
    doc = record.get("document")
    document = None
    if doc and doc.get("id") is not None:
        document = DocumentRef(
            id=str(doc["id"]),
            title=doc.get("title"),
            url=doc.get("url"),
            date=to_date(doc.get("date")),
            source=doc.get("source"),
            lang=doc.get("lang"),
        )
    start, end = s.get("span_start"), s.get("span_end")
    return StatementRecord(
        id=str(s["id"]),
        type=str(s.get("type") or ""),
        subject=_actor_ref(record["subject"]),
        object=_actor_ref(record["object"]),
        evidence=str(s.get("evidence") or ""),
        confidence=finite_float(s.get("confidence")),
        modality=str(s.get("modality") or "asserted"),
        negated=bool(s.get("negated") or False),
        subtype=s.get("subtype"),
        items=str_list(s.get("items")),
        attributed_to=s.get("attributed_to"),
        rule=s.get("rule"),
        date=to_date(s.get("date")) or (document.date if document else None),
        span=(int(start), int(end)) if start is not None and end is not None else None,
        sentence_index=s.get("sentence_index"),
        document=document,
    )


# --- the Neo4j implementation ------------------------------------------------------------------


class Neo4jGraphReader:
    """:class:`GraphReader` over one async session in read access mode."""

    def __init__(self, session: neo4j.AsyncSession, settings: Settings) -> None:
        self._session = session
        self._settings = settings

    async def _rows(self, name: str, **params: Any) -> list[dict[str, Any]]:
        return await self._run(catalog.body(name), **params)

    async def _run(self, query: LiteralString, **params: Any) -> list[dict[str, Any]]:
        async def work(tx: neo4j.AsyncManagedTransaction) -> list[dict[str, Any]]:
            result = await tx.run(query, params)
            return [dict(record.items()) async for record in result]

        with translated_errors(self._settings):
            return await self._session.execute_read(work)

    async def _capped(self, query: LiteralString, params: Mapping[str, Any]) -> QueryResult:
        cap = self._settings.cypher_row_cap

        @neo4j.unit_of_work(timeout=self._settings.cypher_timeout_seconds)
        async def work(tx: neo4j.AsyncManagedTransaction) -> QueryResult:
            # The timeout is the transaction's, enforced by the server (it terminates it).
            result = await tx.run(query, dict(params))
            columns = list(result.keys())
            records = await result.fetch(cap + 1)
            rows = [{key: plain(value) for key, value in record.items()} for record in records]
            # The rest stays unfetched: the read transaction ends without streaming it.
            return QueryResult(columns=columns, rows=rows[:cap], truncated=len(rows) > cap)

        try:
            with translated_errors(self._settings):
                return await self._session.execute_read(work)
        except StoreError as exc:
            # A client error the driver layer has no better class for (a transaction
            # command, an unknown procedure mode, ...): the caller's query is at fault.
            cause = exc.__cause__
            if type(exc) is StoreError and isinstance(cause, neo4j_errors.ClientError):
                raise QueryError(f"{cause.code}: {cause.message}", field="query") from cause
            raise

    async def _require_actors(self, *ids: str) -> None:
        rows = await self._rows("read/actor_exists", ids=list(ids))
        found = {row["id"] for row in rows}
        for actor_id, field_name in zip(ids, ("source", "target"), strict=False):
            if actor_id not in found:
                name = "id" if len(ids) == 1 else field_name
                raise NotFoundError(f"no actor with id {actor_id!r}", field=name)

    async def search_actors(
        self, q: str | None, kind: str | None, after: str | None, limit: int
    ) -> list[ActorRecord]:
        rows = await self._rows(
            "read/search_actors",
            q=q.lower() if q else None,
            kind=kind,
            after=after,
            limit=limit,
        )
        return [_actor(row["actor"]) for row in rows]

    async def get_actor(self, actor_id: str) -> ActorDetail:
        rows = await self._rows("read/get_actor", id=actor_id)
        if not rows:
            raise NotFoundError(f"no actor with id {actor_id!r}", field="id")
        row = rows[0]
        counts = [
            RelationCount(
                type=str(c["type"]),
                direction=_direction(str(c["type"]), c["outgoing"]),
                edges=int(c["edges"]),
                statements=int(c["statements"] or 0),
            )
            for c in row["counts"]
        ]
        return ActorDetail(actor=_actor(row["actor"]), counts=counts)

    async def actor_relations(
        self,
        actor_id: str,
        types: Sequence[RelationType],
        direction: str,
        window: DateWindow,
        min_confidence: float | None,
        limit: int,
    ) -> list[ActorRelation]:
        rows = await self._rows(
            "read/get_actor_relations",
            id=actor_id,
            types=type_values(types),
            symmetric_types=SYMMETRIC_TYPES,
            outgoing=None if direction == "both" else direction == "out",
            since=window.since,
            until=window.until,
            min_confidence=min_confidence,
            limit=limit,
        )
        if not rows:
            await self._require_actors(actor_id)
        return [
            ActorRelation(
                type=RelationType(row["type"]),
                direction=_direction(row["type"], row["outgoing"]),
                counterpart=_actor_ref(row),
                stats=_stats(row),
            )
            for row in rows
        ]

    async def list_relations(
        self,
        types: Sequence[RelationType],
        source: str | None,
        target: str | None,
        window: DateWindow,
        min_confidence: float | None,
        after: tuple[str, str, str] | None,
        limit: int,
    ) -> list[Edge]:
        edges: list[Edge] = []
        # Pages run through the types in enum order, then (source, target) within a type.
        for rel_type in sorted(types, key=ALL_TYPES.index):
            if after and ALL_TYPES.index(rel_type) < ALL_TYPES.index(RelationType(after[0])):
                continue
            same_type = after is not None and after[0] == rel_type.value
            rows = await self._run(
                catalog.for_type("read/list_relations", rel_type),
                symmetric=rel_type.symmetric,
                source=source,
                target=target,
                since=window.since,
                until=window.until,
                min_confidence=min_confidence,
                after_source=after[1] if after and same_type else None,
                after_target=after[2] if after and same_type else None,
                limit=limit - len(edges),
            )
            edges.extend(
                Edge(
                    type=rel_type,
                    source=_actor_ref(row["source"]),
                    target=_actor_ref(row["target"]),
                    stats=_stats(row["edge"]),
                )
                for row in rows
            )
            if len(edges) >= limit:
                break
        return edges

    async def edge_evidence(
        self,
        source: str,
        rel_type: RelationType,
        target: str,
        include_negated: bool,
        after: tuple[str, str] | None,
        limit: int,
    ) -> list[StatementRecord]:
        rows = await self._rows(
            "read/list_edge_evidence",
            pair_key=pair_key(source, rel_type, target),
            include_negated=include_negated,
            no_date="",
            after_day=after[0] if after else None,
            after_id=after[1] if after else None,
            limit=limit,
        )
        if not rows and after is None:
            await self._require_actors(source, target)
            exists = await self._rows(
                "read/edge_exists",
                source=source,
                target=target,
                type=rel_type.value,
                symmetric_types=SYMMETRIC_TYPES,
            )
            if not exists or not exists[0]["exists"]:
                raise NotFoundError(
                    f"no {rel_type.value} relation from {source!r} to {target!r}", field="type"
                )
        return [_statement(row) for row in rows]

    async def list_statements(
        self, filters: Mapping[str, Any], after: str | None, limit: int
    ) -> list[StatementRecord]:
        params: dict[str, Any] = {
            key: filters.get(key)
            for key in (
                "type",
                "subject",
                "object",
                "actor",
                "document",
                "since",
                "until",
                "min_confidence",
                "modality",
                "negated",
            )
        }
        rows = await self._rows("read/list_statements", after=after, limit=limit, **params)
        return [_statement(row) for row in rows]

    async def subgraph(
        self,
        center: str | None,
        depth: int,
        types: Sequence[RelationType],
        window: DateWindow,
        min_weight: float,
        max_edges: int,
    ) -> Subgraph:
        filters = {
            "types": type_values(types),
            "since": window.since,
            "until": window.until,
            "min_weight": min_weight,
        }
        if center is None:
            rows = await self._rows("read/graph_edges_all", limit=max_edges + 1, **filters)
        else:
            await self._require_actors(center)
            ids = {center}
            frontier = [center]
            for _ in range(depth):
                if not frontier:
                    break
                found = await self._rows(
                    "read/graph_neighbours", ids=frontier, limit=max_edges + 1, **filters
                )
                frontier = [row["id"] for row in found if row["id"] not in ids]
                ids.update(frontier)
            rows = await self._rows(
                "read/graph_edges_among", ids=sorted(ids), limit=max_edges + 1, **filters
            )
        truncated = len(rows) > max_edges
        rows = rows[:max_edges]
        ids = {row["source"] for row in rows} | {row["target"] for row in rows}
        if center is not None:
            ids.add(center)
        refs = await self._rows("read/actor_refs", ids=sorted(ids)) if ids else []
        nodes = {row["id"]: _actor_ref(row) for row in refs}
        edges = [
            Edge(
                type=RelationType(row["type"]),
                source=nodes.get(row["source"]) or ActorRef(row["source"], row["source"]),
                target=nodes.get(row["target"]) or ActorRef(row["target"], row["target"]),
                stats=_stats(row),
            )
            for row in rows
        ]
        ordered = [nodes[i] for i in ([center] if center in nodes else [])]
        ordered += [ref for key, ref in nodes.items() if key != center]
        return Subgraph(nodes=ordered, edges=edges, truncated=truncated)

    async def run_named_query(self, name: str, parameters: Mapping[str, Any]) -> QueryResult:
        if f"queries/{name}" not in catalog.names("queries"):
            raise NotFoundError(f"no named query {name!r}", field="name")
        return await self._capped(catalog.body(f"queries/{name}"), parameters)

    async def run_cypher(self, text: str, parameters: Mapping[str, Any]) -> QueryResult:
        if not text.strip():
            raise QueryError("the query is empty", field="query")
        # Neo4j's EXPLAIN decides what runs (store/adhoc.py), in an explicit read
        # transaction with the server-side timeout, a client-side deadline and the row cap.
        return await run_adhoc(self._session, self._settings, text, parameters)


class GraphStore:
    """The process-wide entry point: one async driver, sessions per request."""

    def __init__(self, settings: Settings) -> None:
        self._settings = settings
        # Short retries: while Neo4j is down a request should get its 503 quickly.
        self._driver = create_async_driver(
            settings, max_retry_seconds=settings.api_store_retry_seconds, quiet=True
        )
        self.schema_checked = False

    @property
    def settings(self) -> Settings:
        return self._settings

    @property
    def driver(self) -> neo4j.AsyncDriver:
        """The process's one async driver, for other store modules (the maps)."""
        return self._driver

    async def start(self) -> None:
        """Verify connectivity and apply the schema; raises ``StoreUnavailableError``."""
        with translated_errors(self._settings):
            await self._driver.verify_connectivity()
        await apply_schema_async(self._driver, self._settings)
        self.schema_checked = True

    async def close(self) -> None:
        await self._driver.close()

    async def readiness(self) -> Readiness:
        """Whether Neo4j answers and the schema is present (applied if it is missing)."""
        try:
            with translated_errors(self._settings):
                info = await self._driver.get_server_info()
            missing = await missing_schema_async(self._driver, self._settings)
            if missing:
                await apply_schema_async(self._driver, self._settings)
                missing = await missing_schema_async(self._driver, self._settings)
        except Exception as exc:  # reported as "not ready", never raised
            message = getattr(exc, "message", None) or str(exc)
            return Readiness(reachable=False, server=None, missing_schema=[], detail=message)
        self.schema_checked = not missing
        return Readiness(reachable=True, server=str(info.agent), missing_schema=missing)

    @asynccontextmanager
    async def reader(self) -> AsyncIterator[GraphReader]:
        """A reader over one session in read access mode, closed when the request ends."""
        session = self._driver.session(
            database=self._settings.neo4j_database,
            default_access_mode=neo4j.READ_ACCESS,
        )
        try:
            yield Neo4jGraphReader(session, self._settings)
        finally:
            with translated_errors(self._settings):
                await session.close()

    async def write_documents(
        self, items: Sequence[tuple[Document, Sequence[Statement]]]
    ) -> list[WrittenDocument]:
        """Write documents with their statements (managed write transactions)."""
        from graph_service.store.writer import write_documents_async

        with translated_errors(self._settings):
            results = await write_documents_async(
                self._driver, self._settings, [(doc, list(stmts)) for doc, stmts in items]
            )
        return [
            WrittenDocument(
                document_id=result.document_id,
                status=str(result.status),
                statements=int(result.statements),
            )
            for result in results
        ]
