"""The read port (:class:`GraphReader`) and its Neo4j implementation.

The API, the maps (``graph_service.viz.maps``) and the CLI read through :class:`GraphReader`
and get the records of :mod:`graph_service.store.records`; only the store knows the driver.
Queries come from ``cypher/read`` and ``cypher/queries``.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, LiteralString, Protocol

import neo4j
from neo4j import exceptions as neo4j_errors

from graph_service.config import Settings
from graph_service.errors import NotFoundError, QueryError, StoreError
from graph_service.models import Modality, RelationType
from graph_service.store import catalog
from graph_service.store.adhoc import run_adhoc
from graph_service.store.convert import finite_float, plain_row, str_list, to_date, type_values
from graph_service.store.driver import translated_errors
from graph_service.store.records import (
    ALL_TYPES,
    SYMMETRIC_TYPES,
    ActorDetail,
    ActorRecord,
    ActorRef,
    ActorRelation,
    DateWindow,
    DocumentRef,
    Edge,
    EdgeAggregate,
    EdgeFilter,
    EdgeStats,
    EvidenceKey,
    EvidenceRef,
    EvidenceSample,
    PeriodAggregate,
    QueryResult,
    RelationCount,
    SeriesQuery,
    StatementRecord,
    Subgraph,
)
from graph_service.store.rows import pair_key

logger = logging.getLogger(__name__)

# Edges per evidence query (each UNWINDs one row per edge and orientation).
EVIDENCE_BATCH = 500


# --- the port ------------------------------------------------------------------------------


class GraphReader(Protocol):
    """THE read port: every read of the API, the maps and the CLI goes through it.

    One instance serves one request or command (one session, managed read transactions)."""

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
        self, center: str | None, depth: int, edge_filter: EdgeFilter, max_edges: int
    ) -> Subgraph: ...

    async def sample_evidence(
        self, edges: Sequence[Edge], window: DateWindow, per_edge: int
    ) -> dict[tuple[RelationType, str, str], EvidenceSample]: ...

    async def edge_months(
        self, edges: Sequence[Edge], window: DateWindow
    ) -> dict[tuple[RelationType, str, str], dict[str, int]]: ...

    async def pair_periods(
        self, a: str, b: str, since: dt.date | None, until: dt.date, query: SeriesQuery
    ) -> tuple[ActorRef, ActorRef, list[PeriodAggregate]]: ...

    async def actor_edges(
        self, actor_id: str, since: dt.date | None, end: dt.date, query: SeriesQuery
    ) -> tuple[ActorRef, list[EdgeAggregate]]: ...

    async def changed_edges(
        self,
        since: dt.date,
        until: dt.date | None,
        end: dt.date,
        actor_id: str | None,
        query: SeriesQuery,
    ) -> list[EdgeAggregate]: ...

    async def find_actor(self, text: str) -> ActorRef | None: ...

    async def actor_index(self, cap: int) -> list[ActorRef]: ...

    async def graph_counts(self) -> dict[str, int]: ...

    async def run_named_query(self, name: str, parameters: Mapping[str, Any]) -> QueryResult: ...

    async def run_cypher(self, text: str, parameters: Mapping[str, Any]) -> QueryResult: ...


# --- conversions -----------------------------------------------------------------------------


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
    confidence, mean = edge.get("confidence"), edge.get("intensity_mean")
    return EdgeStats(
        statements=int(edge.get("statements") or 0),
        documents=int(edge.get("documents") or 0),
        weight=finite_float(edge.get("weight")),
        confidence=None if confidence is None else finite_float(confidence),
        first_seen=to_date(edge.get("first_seen")),
        last_seen=to_date(edge.get("last_seen")),
        items=str_list(edge.get("items")),
        speculative=bool(edge.get("speculative") or False),
        intensity_statements=int(edge.get("intensity_statements") or 0),
        intensity_sum=finite_float(edge.get("intensity_sum")),
        intensity_mean=None if mean is None else finite_float(mean),
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
    intensity, quad_class = s.get("intensity"), s.get("quad_class")
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
        date_kind=s.get("date_kind"),
        event_date=to_date(s.get("event_date")),
        event_date_end=to_date(s.get("event_date_end")),
        date_text=s.get("date_text"),
        intensity=None if intensity is None else finite_float(intensity),
        quad_class=None if quad_class is None else int(quad_class),
    )


def _evidence_keys(items: Any, default: dt.date) -> list[EvidenceKey]:
    return [
        EvidenceKey(
            id=str(item["id"]),
            strength=finite_float(item["strength"]),
            day=to_date(item["day"]) or default,
        )
        for item in items or []
    ]


def _edge_aggregate(row: Mapping[str, Any], default: dt.date) -> EdgeAggregate:
    return EdgeAggregate(
        key=str(row["key"]),
        type=str(row["type"]),
        source=_actor_ref(row["source"]),
        target=_actor_ref(row["target"]),
        statements=int(row["statements"]),
        weight=round(finite_float(row["weight"]), 6),
        intensity_statements=int(row["intensity_statements"]),
        intensity_sum=round(finite_float(row["intensity_sum"]), 6),
        first_seen=to_date(row["first_seen"]) or default,
        last_seen=to_date(row["last_seen"]) or default,
        before_statements=int(row["before_statements"]),
        before_intensity_statements=int(row["before_intensity_statements"]),
        before_intensity_sum=round(finite_float(row["before_intensity_sum"]), 6),
        before_num=finite_float(row["before_num"]),
        before_den=finite_float(row["before_den"]),
        after_num=finite_float(row["after_num"]),
        after_den=finite_float(row["after_den"]),
        evidence=_evidence_keys(row["evidence"], default),
        evidence_all=_evidence_keys(row.get("evidence_all"), default),
    )


def pair_keys(a: str, b: str) -> list[str]:
    """The pair keys of every edge between ``a`` and ``b`` (each type, both directions)."""
    keys = {pair_key(x, t, y) for t in ALL_TYPES for x, y in ((a, b), (b, a))}
    return sorted(keys)


def _evidence(row: Mapping[str, Any]) -> EvidenceRef:
    confidence = row.get("confidence")
    document_id = row.get("document_id")
    return EvidenceRef(
        statement_id=str(row.get("statement_id") or ""),
        sentence=str(row.get("sentence") or ""),
        confidence=None if confidence is None else finite_float(confidence),
        modality=row.get("modality"),
        date=to_date(row.get("date")),
        document=None
        if document_id is None
        else DocumentRef(
            id=str(document_id),
            title=row.get("title"),
            url=row.get("url"),
            source=row.get("source"),
        ),
    )


# --- the Neo4j implementation ------------------------------------------------------------------


class Neo4jGraphReader:
    """:class:`GraphReader` over one async session in read access mode."""

    def __init__(self, session: neo4j.AsyncSession, settings: Settings) -> None:
        self._session = session
        self._settings = settings

    async def _rows(self, name: str, **params: Any) -> list[dict[str, Any]]:
        return await self._run(catalog.body(name), **params)

    async def _run(self, cypher: LiteralString, /, **params: Any) -> list[dict[str, Any]]:
        async def work(tx: neo4j.AsyncManagedTransaction) -> list[dict[str, Any]]:
            result = await tx.run(cypher, params)
            return [
                dict(zip(record.keys(), record.values(), strict=True)) async for record in result
            ]

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
            rows = [plain_row(record) for record in records]
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

    async def _require_actors(self, *ids: str, fields: tuple[str, ...] | None = None) -> None:
        """A 404 naming the field of the first unknown actor (default: ``id`` for one,
        ``source`` and ``target`` for two)."""
        rows = await self._rows("read/actor_exists", ids=list(ids))
        found = {row["id"] for row in rows}
        names = fields or (("id",) if len(ids) == 1 else ("source", "target"))
        for actor_id, field_name in zip(ids, names, strict=False):
            if actor_id not in found:
                raise NotFoundError(f"no actor with id {actor_id!r}", field=field_name)

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
        self, center: str | None, depth: int, edge_filter: EdgeFilter, max_edges: int
    ) -> Subgraph:
        """The edges passing ``edge_filter`` among the actors within ``depth`` steps of
        ``center`` (of the whole graph without one), strongest first, at most ``max_edges``."""
        window = edge_filter.window
        filters = {
            "types": type_values(edge_filter.types),
            "since": window.since,
            "until": window.until,
            "min_weight": edge_filter.min_weight,
            "min_confidence": edge_filter.min_confidence,
        }
        distance: dict[str, int] = {}
        if center is None:
            rows = await self._rows("read/graph_edges_all", limit=max_edges + 1, **filters)
        else:
            await self._require_actors(center)
            distance[center] = 0
            frontier = [center]
            for hop in range(1, depth + 1):
                if not frontier:
                    break
                found = await self._rows(
                    "read/graph_neighbours", ids=frontier, limit=max_edges + 1, **filters
                )
                frontier = [row["id"] for row in found if row["id"] not in distance]
                distance.update((actor_id, hop) for actor_id in frontier)
            rows = await self._rows(
                "read/graph_edges_among", ids=sorted(distance), limit=max_edges + 1, **filters
            )
        truncated = len(rows) > max_edges
        rows = rows[:max_edges]
        ids = {row["source"] for row in rows} | {row["target"] for row in rows}
        if center is not None:
            ids.add(center)
        nodes = await self.actor_refs(ids)
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
        return Subgraph(nodes=ordered, edges=edges, truncated=truncated, distance=distance)

    async def actor_refs(self, ids: Iterable[str]) -> dict[str, ActorRef]:
        """Id, name and kind of each known actor among ``ids``."""
        wanted = sorted(set(ids))
        rows = await self._rows("read/actor_refs", ids=wanted) if wanted else []
        return {row["id"]: _actor_ref(row) for row in rows}

    async def sample_evidence(
        self, edges: Sequence[Edge], window: DateWindow, per_edge: int
    ) -> dict[tuple[RelationType, str, str], EvidenceSample]:
        """The ``per_edge`` best non-negated statements behind each edge within ``window``,
        and how many there are (either orientation of a symmetric edge)."""
        found: dict[tuple[RelationType, str, str], EvidenceSample] = {}
        for start in range(0, len(edges), EVIDENCE_BATCH):
            keys: dict[str, tuple[RelationType, str, str]] = {}
            pairs: list[dict[str, str]] = []
            for edge in edges[start : start + EVIDENCE_BATCH]:
                source, target = edge.source.id, edge.target.id
                key = f"{edge.type.value}|{source}|{target}"
                keys[key] = (edge.type, source, target)
                pairs.append(
                    {"key": key, "type": edge.type.value, "source": source, "target": target}
                )
                if edge.type.symmetric:
                    # Either actor may be the subject of a partnership statement.
                    pairs.append(
                        {"key": key, "type": edge.type.value, "source": target, "target": source}
                    )
            rows = await self._rows(
                "read/sample_edge_evidence",
                pairs=pairs,
                since=window.since,
                until=window.until,
                per_edge=per_edge,
            )
            for row in rows:
                found[keys[row["key"]]] = EvidenceSample(
                    total=int(row["total"] or 0),
                    statements=[_evidence(item) for item in row["evidence"] or []],
                )
        return found

    async def edge_months(
        self, edges: Sequence[Edge], window: DateWindow
    ) -> dict[tuple[RelationType, str, str], dict[str, int]]:
        """Per edge, its non-negated statements within ``window`` counted by month
        (``YYYY-MM`` of their time); edges without dated statements are absent."""
        found: dict[tuple[RelationType, str, str], dict[str, int]] = {}
        for start in range(0, len(edges), EVIDENCE_BATCH):
            keys = {
                pair_key(edge.source.id, edge.type, edge.target.id): (
                    edge.type,
                    edge.source.id,
                    edge.target.id,
                )
                for edge in edges[start : start + EVIDENCE_BATCH]
            }
            rows = await self._rows(
                "read/edge_months", keys=sorted(keys), since=window.since, until=window.until
            )
            for row in rows:
                found[keys[row["key"]]] = {
                    str(month): int(count) for month, count in row["months"] or []
                }
        return found

    async def pair_periods(
        self, a: str, b: str, since: dt.date | None, until: dt.date, query: SeriesQuery
    ) -> tuple[ActorRef, ActorRef, list[PeriodAggregate]]:
        """Both actors (404 naming ``a`` or ``b`` when unknown) and their non-negated,
        dated statements (both directions, every type) aggregated per period, oldest first."""
        refs = await self.actor_refs([a, b])
        if a not in refs or b not in refs:
            await self._require_actors(a, b, fields=("a", "b"))
        rows = await self._rows(
            "read/pair_periods",
            keys=pair_keys(a, b),
            since=since,
            until=until,
            unit=query.unit,
            months=query.months,
            half_life=query.half_life_days,
            speculative=Modality.SPECULATIVE.value,
            speculative_weight=query.speculative_weight,
            evidence=query.evidence,
        )
        periods = []
        for row in rows:
            evidence = [_statement(item) for item in row["evidence"] or []]
            periods.append(
                PeriodAggregate(
                    start=to_date(row["start"]) or until,
                    first=to_date(row["first"]) or until,
                    statements=int(row["statements"]),
                    intensity_statements=int(row["intensity_statements"]),
                    intensity_sum=round(finite_float(row["intensity_sum"]), 6),
                    num=finite_float(row["num"]),
                    den=finite_float(row["den"]),
                    evidence_ids=[s.id for s in evidence],
                    evidence=evidence,
                )
            )
        return refs[a], refs[b], periods

    async def actor_edges(
        self, actor_id: str, since: dt.date | None, end: dt.date, query: SeriesQuery
    ) -> tuple[ActorRef, list[EdgeAggregate]]:
        """The actor (404 when unknown) and each of its edges aggregated up to ``end``, split
        at ``since`` (``read/actor_edges``)."""
        refs = await self.actor_refs([actor_id])
        if actor_id not in refs:
            raise NotFoundError(f"no actor with id {actor_id!r}", field="id")
        rows = await self._rows(
            "read/actor_edges",
            id=actor_id,
            since=since,
            end=end,
            sep="|",
            half_life=query.half_life_days,
            speculative=Modality.SPECULATIVE.value,
            speculative_weight=query.speculative_weight,
            evidence=query.evidence,
        )
        return refs[actor_id], [_edge_aggregate(row, end) for row in rows]

    async def changed_edges(
        self,
        since: dt.date,
        until: dt.date | None,
        end: dt.date,
        actor_id: str | None,
        query: SeriesQuery,
    ) -> list[EdgeAggregate]:
        """Every edge between the pairs of actors with a non-negated statement in ``since``
        … ``until`` (only pairs of ``actor_id``, when given; 404 when unknown), aggregated
        (``read/changed_edges``; ``end`` is the day the after-sums decay to)."""
        if actor_id is not None:
            await self._require_actors(actor_id, fields=("actor",))
        rows = await self._rows(
            "read/changed_edges",
            since=since,
            until=until,
            end=end,
            actor_prefix=None if actor_id is None else f"{actor_id}|",
            actor_suffix=None if actor_id is None else f"|{actor_id}",
            types=type_values(ALL_TYPES),
            symmetric_types=SYMMETRIC_TYPES,
            sep="|",
            half_life=query.half_life_days,
            speculative=Modality.SPECULATIVE.value,
            speculative_weight=query.speculative_weight,
            evidence=query.evidence,
        )
        return [_edge_aggregate(row, since) for row in rows]

    async def find_actor(self, text: str) -> ActorRef | None:
        """The actor a user means by ``text``: id or name, then any known name, then a part."""
        query = text.strip()
        if not query:
            return None
        rows = await self._rows("read/find_actor", query=query, lowered=query.lower())
        return _actor_ref(rows[0]) if rows else None

    async def actor_index(self, cap: int) -> list[ActorRef]:
        """Actors by name, at most ``cap`` (the landing page's suggestions)."""
        return [_actor_ref(row) for row in await self._rows("read/list_actor_index", cap=cap)]

    async def graph_counts(self) -> dict[str, int]:
        """How many actors, documents and statements the graph holds."""
        rows = await self._rows("read/graph_counts")
        return {key: int(value) for key, value in rows[0].items()} if rows else {}

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
