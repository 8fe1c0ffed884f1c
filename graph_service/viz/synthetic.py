"""Synthetic maps of a given size, for the benchmark and the builder's tests (no database)."""

from __future__ import annotations

import datetime as dt
import random

from graph_service.models import ActorKind, Modality, RelationType
from graph_service.viz.model import Evidence, MapEdge, MapFilters, MapGraph, MapNode
from graph_service.viz.shape import assemble

_KINDS = list(ActorKind)


def synthetic_map(
    nodes: int,
    *,
    edges_per_node: float = 2.5,
    blocs: int = 6,
    evidence_per_edge: int = 3,
    seed: int = 1,
    limit: int | None = None,
) -> MapGraph:
    """Actors in ``blocs`` camps: partnership and supply inside a camp, opposition across."""
    rng = random.Random(seed)
    actors = {
        f"A{i:04d}": MapNode(id=f"A{i:04d}", name=f"Actor {i}", kind=_KINDS[i % len(_KINDS)])
        for i in range(nodes)
    }
    ids = sorted(actors)
    camp = {actor_id: rng.randrange(blocs) for actor_id in ids}
    seen: set[tuple[str, str, RelationType]] = set()
    edges: list[MapEdge] = []
    base = dt.date(2023, 1, 1)
    target = int(nodes * edges_per_node)
    attempts = 0
    while len(edges) < target and attempts < target * 20:
        attempts += 1
        a, b = rng.sample(ids, 2)
        same = camp[a] == camp[b]
        if same:
            kind = RelationType.PARTNERSHIP if rng.random() < 0.7 else RelationType.SUPPLIES
        elif rng.random() < 0.35:
            kind = RelationType.OPPOSES
        else:
            continue
        if kind.symmetric:
            a, b = sorted((a, b))
        if (a, b, kind) in seen:
            continue
        seen.add((a, b, kind))
        count = rng.randint(1, 12)
        first = base + dt.timedelta(days=rng.randrange(400))
        last = first + dt.timedelta(days=rng.randrange(300))
        confidence = round(rng.uniform(0.3, 0.95), 2)
        evidence = [
            Evidence(
                statement_id=f"s-{a}-{b}-{kind.value}-{k}",
                sentence=f"{actors[a].name} and {actors[b].name}: {kind.value.lower()} #{k}.",
                confidence=confidence,
                modality=Modality.ASSERTED,
                date=first + dt.timedelta(days=k),
                document_id=f"d{k}",
                title=f"Report {k} on {actors[a].name}",
                url=f"https://news.example/{a}/{b}/{k}",
                source="example",
            )
            for k in range(min(count, evidence_per_edge))
        ]
        edges.append(
            MapEdge(
                source=a,
                target=b,
                type=kind,
                weight=round(count * confidence, 3),
                confidence=confidence,
                statements=count,
                documents=max(1, count - 1),
                first_seen=first,
                last_seen=last,
                items=["drones"] if kind is RelationType.SUPPLIES else [],
                speculative=rng.random() < 0.1,
                evidence=evidence,
                evidence_total=count,
            )
        )
    filters = MapFilters(limit=limit or max(nodes, 1))
    return assemble(actors, edges, filters)
