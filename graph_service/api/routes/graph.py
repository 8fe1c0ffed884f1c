"""Subgraphs for dashboards (JSON), Gephi (GraphML, GEXF) and spreadsheets (CSV)."""

from __future__ import annotations

import csv
import io
from typing import Annotated, Any, Literal

import networkx as nx
from fastapi import APIRouter, Query
from fastapi.responses import Response

from graph_service.api.deps import ReadAccess, ReaderDep, SettingsDep, Since, Until, date_window
from graph_service.api.errors import NOT_FOUND, READ_RESPONSES
from graph_service.api.schemas import (
    ACTOR_ID_PATTERN,
    ActorRefPublic,
    GraphEdgePublic,
    GraphPublic,
)
from graph_service.models import RelationType
from graph_service.store.records import ALL_TYPES, EdgeFilter, Subgraph

router = APIRouter(tags=["graph"], dependencies=[ReadAccess], responses=READ_RESPONSES)

MEDIA_TYPES = {
    "graphml": "application/graphml+xml",
    "gexf": "application/gexf+xml",
    "csv": "text/csv; charset=utf-8",
}
CSV_COLUMNS = [
    "source",
    "target",
    "type",
    "statements",
    "documents",
    "weight",
    "confidence",
    "first_seen",
    "last_seen",
    "items",
    "speculative",
]


def _edge_attributes(edge: GraphEdgePublic) -> dict[str, Any]:
    """Flat attributes GraphML and GEXF can hold (no lists, no nulls)."""
    values: dict[str, Any] = {
        "type": edge.type.value,
        "statements": edge.statements,
        "documents": edge.documents,
        "weight": edge.weight,
        "confidence": edge.confidence if edge.confidence is not None else 0.0,
        "first_seen": edge.first_seen.isoformat() if edge.first_seen else "",
        "last_seen": edge.last_seen.isoformat() if edge.last_seen else "",
        "items": "; ".join(edge.items),
        "speculative": edge.speculative,
    }
    return values


def _networkx(graph: GraphPublic) -> nx.MultiDiGraph:
    g: nx.MultiDiGraph = nx.MultiDiGraph()
    for node in graph.nodes:
        g.add_node(node.id, label=node.name, kind=node.kind or "")
    for edge in graph.edges:
        g.add_edge(edge.source, edge.target, key=edge.type.value, **_edge_attributes(edge))
    return g


def render(graph: GraphPublic, fmt: str) -> Response:
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(CSV_COLUMNS)
        for edge in graph.edges:
            attrs = _edge_attributes(edge)
            writer.writerow([edge.source, edge.target, *(attrs[c] for c in CSV_COLUMNS[2:])])
        body = buffer.getvalue().encode("utf-8")
    else:
        out = io.BytesIO()
        if fmt == "graphml":
            nx.write_graphml(_networkx(graph), out, encoding="utf-8")
        else:
            nx.write_gexf(_networkx(graph), out, encoding="utf-8")
        body = out.getvalue()
    name = f"graph-{graph.center or 'all'}.{fmt}"
    return Response(
        body,
        media_type=MEDIA_TYPES[fmt],
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


def to_public(sub: Subgraph, center: str | None, depth: int | None) -> GraphPublic:
    return GraphPublic(
        center=center,
        depth=depth,
        nodes=[ActorRefPublic.of(n) for n in sub.nodes],
        edges=[GraphEdgePublic.of(e) for e in sub.edges],
        truncated=sub.truncated,
    )


@router.get(
    "/graph",
    response_model=GraphPublic,
    responses={
        **NOT_FOUND,
        200: {
            "description": "The subgraph: JSON, or a file for Gephi (GraphML, GEXF) or "
            "spreadsheets (CSV, one row per edge).",
            "content": {
                "application/json": {},
                MEDIA_TYPES["graphml"]: {"schema": {"type": "string"}},
                MEDIA_TYPES["gexf"]: {"schema": {"type": "string"}},
                "text/csv": {"schema": {"type": "string"}},
            },
        },
    },
    summary="A subgraph around an actor (or the whole graph)",
)
async def get_graph(
    reader: ReaderDep,
    settings: SettingsDep,
    center: Annotated[
        str | None,
        Query(
            pattern=ACTOR_ID_PATTERN,
            description="Actor at the centre; omitted: the whole graph.",
            examples=["PRK"],
        ),
    ] = None,
    depth: Annotated[int, Query(ge=1, le=2, description="Steps from the centre.")] = 1,
    types: Annotated[
        list[RelationType] | None,
        Query(description="Relation types to include (repeat the parameter); default all."),
    ] = None,
    since: Since = None,
    until: Until = None,
    min_weight: Annotated[float, Query(ge=0.0, description="Only edges this strong.")] = 0.0,
    format: Annotated[
        Literal["json", "graphml", "gexf", "csv"], Query(description="Response format.")
    ] = "json",
) -> Any:
    window = date_window(since, until)
    edge_filter = EdgeFilter(
        types=list(dict.fromkeys(types)) if types else ALL_TYPES,
        window=window,
        min_weight=min_weight,
    )
    sub = await reader.subgraph(center, depth, edge_filter, settings.api_max_graph_edges)
    graph = to_public(sub, center, depth if center else None)
    if format == "json":
        return graph
    return render(graph, format)
