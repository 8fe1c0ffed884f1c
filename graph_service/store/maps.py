"""Loading maps from Neo4j: the whole graph, or an actor's neighbourhood, with the map filters.

The loading logic is written once, as generators that yield ``(query name, parameters)`` and
receive the records (sans-I/O); :func:`load_map` runs them on the sync driver and
:func:`load_map_async` on the async driver. Relation types pick a Cypher file from a closed
table (one file per type), never a string built from input.
"""

from __future__ import annotations

import logging
from collections.abc import Generator, Iterable
from typing import Any, LiteralString

import neo4j

from graph_service.config import Settings
from graph_service.errors import NotFoundError
from graph_service.models import ActorKind, Modality, RelationType
from graph_service.store import catalog
from graph_service.store.convert import str_list, to_date
from graph_service.store.driver import translated_errors
from graph_service.viz.builder import ActorEntry
from graph_service.viz.model import Evidence, MapEdge, MapFilters, MapGraph, MapNode
from graph_service.viz.shape import assemble

logger = logging.getLogger(__name__)

Row = dict[str, Any]
Request = tuple[LiteralString, dict[str, Any]]
Plan = Generator[Request, list[Row], Any]
AsyncDriver = neo4j.AsyncDriver  # for the API layer, which does not import neo4j

ACTORS = "read/map_actors"
EVIDENCE = "read/map_evidence"
FIND_ACTOR = "read/map_find_actor"
ACTOR_INDEX = "read/map_actor_index"
COUNTS = "read/map_counts"

# Per type and query: how many relations to read at most, relative to the node limit. The
# strongest come first, so the cap only cuts relations the limit would drop anyway.
EDGES_PER_NODE_CAP = 20
MIN_EDGE_CAP = 2000
AROUND_EDGE_CAP = 20000
OUTER_RING_FACTOR = 4
EVIDENCE_BATCH = 500
ACTOR_INDEX_CAP = 5000


# --- conversions -----------------------------------------------------------------------------


def _count(value: Any) -> int:
    if isinstance(value, list):
        return len(value)
    return int(value or 0)


def _kind(value: Any) -> ActorKind | None:
    try:
        return ActorKind(value)
    except ValueError:
        return None


def _modality(value: Any) -> Modality | None:
    try:
        return Modality(value)
    except ValueError:
        return None


def edge_from_row(row: Row, type_: RelationType) -> MapEdge:
    props = row.get("props") or {}
    return MapEdge(
        source=row["source"],
        target=row["target"],
        type=type_,
        weight=float(props.get("weight") or 0.0),
        confidence=float(props.get("confidence") or 0.0),
        statements=_count(props.get("statements")),
        documents=_count(props.get("documents")),
        first_seen=to_date(props.get("first_seen")),
        last_seen=to_date(props.get("last_seen")),
        items=str_list(props.get("items")),
        speculative=bool(props.get("speculative")),
        evidence_total=_count(props.get("statements")),
    )


def evidence_from_row(row: Row) -> Evidence:
    confidence = row.get("confidence")
    return Evidence(
        statement_id=str(row.get("statement_id") or ""),
        sentence=str(row.get("sentence") or ""),
        confidence=float(confidence) if confidence is not None else None,
        modality=_modality(row.get("modality")),
        date=to_date(row.get("date")),
        document_id=row.get("document_id"),
        title=row.get("title"),
        url=row.get("url"),
        source=row.get("source"),
    )


def _filter_params(filters: MapFilters) -> dict[str, Any]:
    return {
        "min_weight": filters.min_weight,
        "min_confidence": filters.min_confidence,
        "since": filters.since,
        "until": filters.until,
    }


# --- plans (sans-I/O) ------------------------------------------------------------------------


def _edges_around(
    ids: list[str], filters: MapFilters
) -> Generator[Request, list[Row], list[MapEdge]]:
    found: list[MapEdge] = []
    if not ids:
        return found
    for type_ in filters.types:
        rows = yield (
            catalog.for_type("read/map_edges_around", type_),
            {"ids": ids, "cap": AROUND_EDGE_CAP, **_filter_params(filters)},
        )
        found.extend(edge_from_row(r, type_) for r in rows)
    return found


def _evidence(edges: list[MapEdge], filters: MapFilters) -> Generator[Request, list[Row], None]:
    """Attach the best ``evidence_per_edge`` statements to each edge (in place)."""
    if filters.evidence_per_edge <= 0 or not edges:
        return
    by_key = {e.key: e for e in edges}
    for e in edges:
        e.evidence_total = 0  # counted again below, within the period
    params = {
        "since": filters.since,
        "until": filters.until,
        "per_edge": filters.evidence_per_edge,
    }
    for start in range(0, len(edges), EVIDENCE_BATCH):
        pairs: list[Row] = []
        for e in edges[start : start + EVIDENCE_BATCH]:
            pairs.append(
                {"key": e.key, "type": e.type.value, "source": e.source, "target": e.target}
            )
            if e.type.symmetric:
                # Either actor may be the subject of a partnership statement.
                pairs.append(
                    {"key": e.key, "type": e.type.value, "source": e.target, "target": e.source}
                )
        rows = yield catalog.body(EVIDENCE), {"pairs": pairs, **params}
        for row in rows:
            edge = by_key.get(row["key"])
            if edge is not None:
                edge.evidence = [evidence_from_row(r) for r in row["evidence"] or []]
                edge.evidence_total = int(row["total"] or 0)


def _actors(ids: Iterable[str]) -> Generator[Request, list[Row], dict[str, MapNode]]:
    id_list = sorted(set(ids))
    if not id_list:
        return {}
    rows = yield catalog.body(ACTORS), {"ids": id_list}
    return {
        r["id"]: MapNode(id=r["id"], name=r["name"] or r["id"], kind=_kind(r["kind"])) for r in rows
    }


def whole_plan(filters: MapFilters) -> Plan:
    """The whole graph: the strongest relations of each type, trimmed to the node limit."""
    cap = max(filters.limit * EDGES_PER_NODE_CAP, MIN_EDGE_CAP)
    edges: list[MapEdge] = []
    for type_ in filters.types:
        rows = yield (
            catalog.for_type("read/map_edges", type_),
            {"cap": cap, **_filter_params(filters)},
        )
        if len(rows) >= cap:
            logger.info("map: read the %d strongest %s relations only", cap, type_.value)
        edges.extend(edge_from_row(r, type_) for r in rows)
    actors = yield from _actors([e.source for e in edges] + [e.target for e in edges])
    graph = assemble(actors, edges, filters)
    yield from _evidence(graph.edges, filters)
    return graph


def neighbourhood_plan(center: str, depth: int, filters: MapFilters) -> Plan:
    """An actor and the actors within ``depth`` relations, with the relations among them."""
    found = yield from _actors([center])
    if center not in found:
        raise NotFoundError(f"no actor with id {center!r}", field="actor_id")
    distance: dict[str, int] = {center: 0}
    collected: dict[str, MapEdge] = {}
    frontier = [center]
    for hop in range(1, depth + 1):
        edges = yield from _edges_around(frontier, filters)
        following: list[str] = []
        for edge in edges:
            collected[edge.key] = edge
            for end in (edge.source, edge.target):
                if end not in distance:
                    distance[end] = hop
                    following.append(end)
        frontier = sorted(following)
    # Relations among the outermost ring, unless that ring is far larger than the map.
    if frontier and len(distance) <= filters.limit * OUTER_RING_FACTOR:
        edges = yield from _edges_around(frontier, filters)
        for edge in edges:
            if edge.source in distance and edge.target in distance:
                collected[edge.key] = edge
    actors = yield from _actors(distance)
    actors[center] = found[center]
    graph = assemble(
        actors,
        list(collected.values()),
        filters,
        center=center,
        depth=depth,
        distance=distance,
    )
    yield from _evidence(graph.edges, filters)
    return graph


def find_actor_plan(query: str) -> Generator[Request, list[Row], ActorEntry | None]:
    text = query.strip()
    if not text:
        return None
    rows = yield catalog.body(FIND_ACTOR), {"query": text, "lowered": text.lower()}
    return ActorEntry(id=rows[0]["id"], name=rows[0]["name"] or rows[0]["id"]) if rows else None


def landing_plan() -> Generator[Request, list[Row], tuple[list[ActorEntry], dict[str, int]]]:
    rows = yield catalog.body(ACTOR_INDEX), {"cap": ACTOR_INDEX_CAP}
    actors = [ActorEntry(id=r["id"], name=r["name"] or r["id"], kind=r["kind"]) for r in rows]
    counts = yield catalog.body(COUNTS), {}
    totals = {k: int(v) for k, v in counts[0].items()} if counts else {}
    return actors, totals


def map_plan(center: str | None, depth: int, filters: MapFilters) -> Plan:
    if center:
        return neighbourhood_plan(center, depth, filters)
    return whole_plan(filters)


# --- runners ---------------------------------------------------------------------------------


def run_plan(
    driver: neo4j.Driver, settings: Settings, plan: Generator[Request, list[Row], Any]
) -> Any:
    """Drive a plan with the sync driver (reads, retried on transient errors)."""
    with translated_errors(settings):
        try:
            query, params = next(plan)
            while True:
                records, _, _ = driver.execute_query(
                    query,
                    params,
                    database_=settings.neo4j_database,
                    routing_=neo4j.RoutingControl.READ,
                )
                query, params = plan.send([r.data() for r in records])
        except StopIteration as stop:
            return stop.value


async def run_plan_async(
    driver: neo4j.AsyncDriver, settings: Settings, plan: Generator[Request, list[Row], Any]
) -> Any:
    """Drive a plan with the async driver."""
    with translated_errors(settings):
        try:
            query, params = next(plan)
            while True:
                records, _, _ = await driver.execute_query(
                    query,
                    params,
                    database_=settings.neo4j_database,
                    routing_=neo4j.RoutingControl.READ,
                )
                query, params = plan.send([r.data() for r in records])
        except StopIteration as stop:
            return stop.value


def load_map(
    driver: neo4j.Driver,
    settings: Settings,
    filters: MapFilters,
    *,
    center: str | None = None,
    depth: int = 1,
) -> MapGraph:
    """The whole map, or ``center``'s neighbourhood; raises NotFoundError for an unknown actor."""
    graph: MapGraph = run_plan(driver, settings, map_plan(center, depth, filters))
    return graph


async def load_map_async(
    driver: neo4j.AsyncDriver,
    settings: Settings,
    filters: MapFilters,
    *,
    center: str | None = None,
    depth: int = 1,
) -> MapGraph:
    graph: MapGraph = await run_plan_async(driver, settings, map_plan(center, depth, filters))
    return graph


async def find_actor_async(
    driver: neo4j.AsyncDriver, settings: Settings, query: str
) -> ActorEntry | None:
    found: ActorEntry | None = await run_plan_async(driver, settings, find_actor_plan(query))
    return found


def find_actor(driver: neo4j.Driver, settings: Settings, query: str) -> ActorEntry | None:
    found: ActorEntry | None = run_plan(driver, settings, find_actor_plan(query))
    return found


async def landing_data_async(
    driver: neo4j.AsyncDriver, settings: Settings
) -> tuple[list[ActorEntry], dict[str, int]]:
    data: tuple[list[ActorEntry], dict[str, int]] = await run_plan_async(
        driver, settings, landing_plan()
    )
    return data
