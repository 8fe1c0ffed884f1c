"""From loaded relations to a map: keep the strongest within the node limit, weigh, find blocs.

Pure functions: the store loads actors and aggregated edges, then calls :func:`assemble`.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import defaultdict
from collections.abc import Mapping

from graph_service.viz.communities import compute_blocs
from graph_service.viz.model import MapEdge, MapFilters, MapGraph, MapNode, Omitted

logger = logging.getLogger(__name__)

OMITTED_EXAMPLES = 8


def _strength(edges: list[MapEdge]) -> dict[str, float]:
    total: dict[str, float] = defaultdict(float)
    for edge in edges:
        total[edge.source] += edge.weight
        total[edge.target] += edge.weight
    return total


def keep_strongest(
    edges: list[MapEdge],
    limit: int,
    *,
    center: str | None = None,
    distance: Mapping[str, int] | None = None,
) -> tuple[set[str], list[MapEdge], set[str]]:
    """Greedy: take edges strongest first while their actors fit under ``limit``.

    Around a center, nearer rings come first (an edge counts at the distance of its farther
    end). Returns the kept actor ids, the kept edges (in input order) and the dropped actors.
    """
    distance = distance or {}
    far = max(distance.values(), default=0) + 1

    def rank(edge: MapEdge) -> tuple[int, float, float, str]:
        ring = max(distance.get(edge.source, far), distance.get(edge.target, far))
        return (ring if distance else 0, -edge.weight, -edge.confidence, edge.key)

    kept_nodes: set[str] = {center} if center else set()
    kept_keys: set[str] = set()
    for edge in sorted(edges, key=rank):
        new = {edge.source, edge.target} - kept_nodes
        if len(kept_nodes) + len(new) <= limit:
            kept_nodes |= new
            kept_keys.add(edge.key)
    every = {e.source for e in edges} | {e.target for e in edges}
    kept_edges = [e for e in edges if e.key in kept_keys]
    return kept_nodes, kept_edges, every - kept_nodes


def assemble(
    actors: Mapping[str, MapNode],
    edges: list[MapEdge],
    filters: MapFilters,
    *,
    center: str | None = None,
    depth: int | None = None,
    distance: Mapping[str, int] | None = None,
    total_edges: int | None = None,
) -> MapGraph:
    """Trim to the limit, weigh the nodes by their shown relations, and colour blocs.

    ``actors`` must hold every actor the edges mention (and the center). ``total_edges`` is
    how many edges matched before any cap in the query (defaults to ``len(edges)``).
    """
    kept_ids, kept_edges, dropped = keep_strongest(
        edges, filters.limit, center=center, distance=distance
    )
    strength = _strength(kept_edges)
    all_strength = _strength(edges)
    nodes = []
    for actor_id in sorted(kept_ids, key=lambda i: (-strength.get(i, 0.0), i)):
        actor = actors.get(actor_id) or MapNode(id=actor_id, name=actor_id)
        nodes.append(actor.model_copy(update={"weight": round(strength.get(actor_id, 0.0), 4)}))
    names = {n.id: n.name for n in nodes}
    blocs, membership = compute_blocs(names, kept_edges, names)
    nodes = [n.model_copy(update={"bloc": membership.get(n.id)}) for n in nodes]
    examples = [
        actors[a].name if a in actors else a
        for a in sorted(dropped, key=lambda i: (-all_strength.get(i, 0.0), i))[:OMITTED_EXAMPLES]
    ]
    matched = total_edges if total_edges is not None else len(edges)
    omitted = Omitted(
        nodes=len(dropped), edges=max(matched - len(kept_edges), 0), examples=examples
    )
    if omitted.nodes or omitted.edges:
        logger.info(
            "map limited to %d actors: left out %d actors and %d relations",
            filters.limit,
            omitted.nodes,
            omitted.edges,
        )
    return MapGraph(
        nodes=nodes,
        edges=kept_edges,
        blocs=blocs,
        center=center,
        depth=depth,
        filters=filters,
        omitted=omitted,
        generated_at=dt.datetime.now(dt.UTC),
    )
