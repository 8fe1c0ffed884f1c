"""Alignment blocs: communities of actors tied by partnership and supply, opposition kept apart.

1. Louvain communities (fixed seed, so a map is reproducible) on the positive graph: one
   undirected edge per pair, weighted by the sum of its PARTNERSHIP and SUPPLIES weights.
2. A community whose members oppose each other is split: the two ends of its strongest
   internal OPPOSES edge seed two groups, every other member joins the group it is more
   attached to (positive weight minus opposing weight), most-attached first; each group is
   split again until no member opposes another.
3. A group that is not connected by positive edges falls apart into its components.

Blocs have at least two members; an actor alone is in no bloc.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable, Mapping

import networkx as nx

from graph_service.models import RelationType
from graph_service.viz.model import Bloc, MapEdge

logger = logging.getLogger(__name__)

_POSITIVE = frozenset({RelationType.PARTNERSHIP, RelationType.SUPPLIES})
_MIN_WEIGHT = 1e-6
_SEED = 7

Pair = frozenset[str]


def positive_graph(node_ids: Iterable[str], edges: Iterable[MapEdge]) -> nx.Graph:
    graph = nx.Graph()
    graph.add_nodes_from(sorted(set(node_ids)))
    for edge in edges:
        if edge.type not in _POSITIVE or edge.source == edge.target:
            continue
        weight = max(edge.weight, _MIN_WEIGHT)
        if graph.has_edge(edge.source, edge.target):
            graph[edge.source][edge.target]["weight"] += weight
        else:
            graph.add_edge(edge.source, edge.target, weight=weight)
    return graph


def opposition(edges: Iterable[MapEdge]) -> dict[Pair, float]:
    pairs: dict[Pair, float] = defaultdict(float)
    for edge in edges:
        if edge.type is RelationType.OPPOSES and edge.source != edge.target:
            pairs[frozenset((edge.source, edge.target))] += max(edge.weight, _MIN_WEIGHT)
    return dict(pairs)


def _affinity(node: str, group: set[str], graph: nx.Graph, opposed: Mapping[Pair, float]) -> float:
    score = 0.0
    for other in group:
        if graph.has_edge(node, other):
            score += graph[node][other]["weight"]
        score -= opposed.get(frozenset((node, other)), 0.0)
    return score


def _split(members: set[str], graph: nx.Graph, opposed: Mapping[Pair, float]) -> list[set[str]]:
    inside = sorted((sorted(pair), weight) for pair, weight in opposed.items() if pair <= members)
    if not inside:
        return [members]
    # Strongest opposition first; among equals the first pair in id order (max keeps it).
    (first, second), _ = max(inside, key=lambda item: item[1])
    groups = ({first}, {second})
    rest = set(members) - {first, second}
    while rest:
        # Most decided member first, so attachments propagate through the community.
        scored = []
        for node in rest:
            a = _affinity(node, groups[0], graph, opposed)
            b = _affinity(node, groups[1], graph, opposed)
            scored.append((abs(a - b), max(a, b), node, 0 if a >= b else 1))
        scored.sort(key=lambda item: (-item[0], -item[1], item[2]))
        _, _, node, side = scored[0]
        groups[side].add(node)
        rest.remove(node)
    return _split(groups[0], graph, opposed) + _split(groups[1], graph, opposed)


def _components(group: set[str], graph: nx.Graph) -> list[set[str]]:
    return [set(c) for c in nx.connected_components(graph.subgraph(group))]


def compute_blocs(
    node_ids: Iterable[str], edges: list[MapEdge], names: Mapping[str, str] | None = None
) -> tuple[list[Bloc], dict[str, int]]:
    """Blocs (largest first) and, for each actor in one, the index of its bloc."""
    names = names or {}
    graph = positive_graph(node_ids, edges)
    if graph.number_of_nodes() == 0:
        return [], {}
    opposed = opposition(edges)
    if graph.number_of_edges():
        communities = nx.community.louvain_communities(graph, weight="weight", seed=_SEED)
    else:
        communities = [{node} for node in graph.nodes]
    parts: list[set[str]] = []
    for community in communities:
        for group in _split(set(community), graph, opposed):
            parts.extend(_components(group, graph))
    parts = [p for p in parts if len(p) >= 2]
    parts.sort(key=lambda p: (-len(p), min(p)))
    strength = dict(graph.degree(weight="weight"))
    blocs: list[Bloc] = []
    membership: dict[str, int] = {}
    for index, part in enumerate(parts):
        members = sorted(part, key=lambda n: (-strength.get(n, 0.0), n))
        leaders = ", ".join(names.get(n, n) for n in members[:2])
        more = f" +{len(members) - 2}" if len(members) > 2 else ""
        blocs.append(Bloc(index=index, label=f"{leaders}{more}", members=members))
        for member in members:
            membership[member] = index
    logger.debug("blocs: %d from %d actors", len(blocs), graph.number_of_nodes())
    return blocs, membership
