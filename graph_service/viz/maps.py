"""Maps as a service over the store's read port: read a subgraph, keep what fits, add evidence.

The whole graph, or an actor's neighbourhood, through :class:`GraphReader` (the port the
API and the CLI use too); trimming and blocs are :func:`graph_service.viz.shape.assemble`.
"""

from __future__ import annotations

import logging
from enum import StrEnum
from typing import TypeVar

from graph_service.models import ActorKind, Modality
from graph_service.store.reader import GraphReader
from graph_service.store.records import DateWindow, Edge, EdgeFilter, EvidenceRef
from graph_service.viz.builder import ActorEntry
from graph_service.viz.model import Evidence, MapEdge, MapFilters, MapGraph, MapNode
from graph_service.viz.shape import assemble

logger = logging.getLogger(__name__)

E = TypeVar("E", bound=StrEnum)

# How many relations to read at most, relative to the node limit (per relation type shown).
# The strongest come first, so the cap only cuts relations the limit would drop anyway.
EDGES_PER_NODE_CAP = 20
MIN_EDGE_CAP = 2000
AROUND_EDGE_CAP = 20000
# Around a center, relations among the outermost ring are left out when that ring is far
# larger than the map.
OUTER_RING_FACTOR = 4
ACTOR_INDEX_CAP = 5000


def _member(enum: type[E], value: str | None) -> E | None:
    """The enum member stored as ``value``; None for a missing or unknown value."""
    try:
        return None if value is None else enum(value)
    except ValueError:
        return None


def map_edge(edge: Edge) -> MapEdge:
    stats = edge.stats
    return MapEdge(
        source=edge.source.id,
        target=edge.target.id,
        type=edge.type,
        weight=stats.weight,
        confidence=stats.confidence or 0.0,
        statements=stats.statements,
        documents=stats.documents,
        first_seen=stats.first_seen,
        last_seen=stats.last_seen,
        items=list(stats.items),
        speculative=stats.speculative,
        evidence_total=stats.statements,
    )


def map_evidence(ref: EvidenceRef) -> Evidence:
    document = ref.document
    return Evidence(
        statement_id=ref.statement_id,
        sentence=ref.sentence,
        confidence=ref.confidence,
        modality=_member(Modality, ref.modality),
        date=ref.date,
        document_id=document.id if document else None,
        title=document.title if document else None,
        url=document.url if document else None,
        source=document.source if document else None,
    )


def _edge_filter(filters: MapFilters) -> EdgeFilter:
    return EdgeFilter(
        types=filters.types,
        window=DateWindow(since=filters.since, until=filters.until),
        min_weight=filters.min_weight,
        min_confidence=filters.min_confidence,
    )


async def load_map(
    reader: GraphReader, filters: MapFilters, *, center: str | None = None, depth: int = 1
) -> MapGraph:
    """The whole map, or ``center``'s neighbourhood; raises NotFoundError for an unknown actor."""
    edge_filter = _edge_filter(filters)
    if center is None:
        cap = max(filters.limit * EDGES_PER_NODE_CAP, MIN_EDGE_CAP) * max(len(filters.types), 1)
        sub = await reader.subgraph(None, depth, edge_filter, cap)
        if sub.truncated:
            logger.info("map: read the %d strongest relations only", cap)
    else:
        sub = await reader.subgraph(center, depth, edge_filter, AROUND_EDGE_CAP)
    by_key: dict[str, Edge] = {}
    edges: list[MapEdge] = []
    outer = {a for a, hop in sub.distance.items() if hop == depth}
    skip_outer = len(sub.distance) > filters.limit * OUTER_RING_FACTOR
    for edge in sub.edges:
        if skip_outer and edge.source.id in outer and edge.target.id in outer:
            continue
        shown = map_edge(edge)
        by_key[shown.key] = edge
        edges.append(shown)
    actors = {
        n.id: MapNode(id=n.id, name=n.name, kind=_member(ActorKind, n.kind)) for n in sub.nodes
    }
    graph = assemble(
        actors,
        edges,
        filters,
        center=center,
        depth=depth if center else None,
        distance=sub.distance or None,
    )
    await _attach_evidence(reader, graph, by_key, filters)
    await _attach_months(reader, graph, by_key, filters)
    return graph


async def _attach_evidence(
    reader: GraphReader, graph: MapGraph, by_key: dict[str, Edge], filters: MapFilters
) -> None:
    """The best ``evidence_per_edge`` statements of each shown edge, counted in the period."""
    if filters.evidence_per_edge <= 0 or not graph.edges:
        return
    window = DateWindow(since=filters.since, until=filters.until)
    samples = await reader.sample_evidence(
        [by_key[e.key] for e in graph.edges], window, filters.evidence_per_edge
    )
    for shown in graph.edges:
        sample = samples.get((shown.type, shown.source, shown.target))
        shown.evidence = [map_evidence(s) for s in sample.statements] if sample else []
        shown.evidence_total = sample.total if sample else 0


async def _attach_months(
    reader: GraphReader, graph: MapGraph, by_key: dict[str, Edge], filters: MapFilters
) -> None:
    """Each shown edge's statements in the period by month, for the page's time slider."""
    if not graph.edges:
        return
    window = DateWindow(since=filters.since, until=filters.until)
    months = await reader.edge_months([by_key[e.key] for e in graph.edges], window)
    for shown in graph.edges:
        shown.months = months.get((shown.type, shown.source, shown.target), {})


async def find_actor(reader: GraphReader, text: str) -> ActorEntry | None:
    found = await reader.find_actor(text)
    return ActorEntry(id=found.id, name=found.name) if found else None


async def landing_data(reader: GraphReader) -> tuple[list[ActorEntry], dict[str, int]]:
    actors = [
        ActorEntry(id=a.id, name=a.name, kind=a.kind)
        for a in await reader.actor_index(ACTOR_INDEX_CAP)
    ]
    return actors, await reader.graph_counts()
