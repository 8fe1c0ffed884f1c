"""Subgraphs for dashboards (JSON), Gephi (GraphML, GEXF) and spreadsheets (CSV); the files
are written by ``graph_service.services.export``."""

from __future__ import annotations

from typing import Annotated, Any, Literal

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
from graph_service.services.export import MEDIA_TYPES, export_subgraph
from graph_service.store.records import ALL_TYPES, EdgeFilter, Subgraph

router = APIRouter(tags=["graph"], dependencies=[ReadAccess], responses=READ_RESPONSES)


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
    if format == "json":
        return to_public(sub, center, depth if center else None)
    exported = export_subgraph(sub, format, center)
    return Response(
        exported.body,
        media_type=exported.media_type,
        headers={"Content-Disposition": f'attachment; filename="{exported.filename}"'},
    )
