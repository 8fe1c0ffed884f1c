"""Map pages served by the API: GET / (landing), GET /map (whole graph), GET /map/{actor_id}.

Thin: parse the query, load a MapGraph with the map service (``graph_service.viz.maps``)
over the request's read port, render it with the builder.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Annotated
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from graph_service.api.deps import ReaderDep, require_read_key
from graph_service.viz import maps
from graph_service.viz.builder import PageLinks, build_html, build_landing, content_security_policy
from graph_service.viz.model import DEFAULT_LIMIT, MAX_LIMIT, MapFilters, MapGraph, parse_types

logger = logging.getLogger(__name__)

# Maps are reads: closed like every read when the server requires keys for reading.
router = APIRouter(tags=["maps"], dependencies=[Depends(require_read_key)])

TypesQuery = Annotated[
    list[str] | None,
    Query(
        description="Relation types to show (partnership, supplies, opposes): repeated or "
        "comma-separated; all when absent."
    ),
]
SinceQuery = Annotated[dt.date | None, Query(description="Relations last seen on or after.")]
UntilQuery = Annotated[dt.date | None, Query(description="Relations first seen on or before.")]
ConfidenceQuery = Annotated[float, Query(ge=0.0, le=1.0, description="Minimum confidence.")]
WeightQuery = Annotated[float, Query(ge=0.0, description="Minimum relation weight.")]
LimitQuery = Annotated[
    int,
    Query(ge=1, le=MAX_LIMIT, description="Most actors on the map; the strongest relations stay."),
]
DepthQuery = Annotated[int, Query(ge=1, le=2, description="1: direct relations, 2: two steps.")]
DownloadQuery = Annotated[
    bool, Query(description="Send as a standalone file (attachment, no links back to the API).")
]


def _links(request: Request) -> PageLinks:
    root = str(request.scope.get("root_path") or "").rstrip("/")
    return PageLinks(
        home=f"{root}/",
        whole=f"{root}/map",
        docs=f"{root}/docs",
        queries=f"{root}/queries",
        actor_base=f"{root}/map/",
        actor_page_base=f"{root}/view/actors/",
        pair_page_base=f"{root}/view/alignment/",
    )


def _page(body: str, *, status_code: int = 200, filename: str | None = None) -> HTMLResponse:
    headers = {
        "Content-Security-Policy": content_security_policy(),
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        "Cache-Control": "no-store",
    }
    if filename:
        headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return HTMLResponse(body, status_code=status_code, headers=headers)


def _map_page(request: Request, graph: MapGraph, *, download: bool, filename: str) -> HTMLResponse:
    """The rendered map: a page linking back to the API, or a standalone file to download."""
    if download:
        return _page(build_html(graph, links=None), filename=filename)
    return _page(build_html(graph, links=_links(request)))


def map_filters(
    types: TypesQuery = None,
    since: SinceQuery = None,
    until: UntilQuery = None,
    min_confidence: ConfidenceQuery = 0.0,
    min_weight: WeightQuery = 0.0,
    limit: LimitQuery = DEFAULT_LIMIT,
) -> MapFilters:
    """The map filters, shared by /map and /map/{actor_id}."""
    return MapFilters(
        types=parse_types(types),
        since=since,
        until=until,
        min_confidence=min_confidence,
        min_weight=min_weight,
        limit=limit,
    )


FiltersDep = Annotated[MapFilters, Depends(map_filters)]


@router.get("/", response_class=HTMLResponse, summary="Landing page: search an actor")
async def landing(request: Request, reader: ReaderDep) -> HTMLResponse:
    actors, counts = await maps.landing_data(reader)
    page = build_landing(actors, counts=counts, links=_links(request))
    return _landing_response(page)


def _landing_response(page: str, status_code: int = 200) -> HTMLResponse:
    return HTMLResponse(
        page,
        status_code=status_code,
        headers={"X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer"},
    )


@router.get("/map", response_class=HTMLResponse, summary="Alliance map of the whole graph")
async def whole_map(
    request: Request,
    reader: ReaderDep,
    filters: FiltersDep,
    actor: Annotated[
        str | None, Query(description="Find an actor by name or ID and open its map.")
    ] = None,
    depth: DepthQuery = 1,
    download: DownloadQuery = False,
) -> Response:
    if actor is not None:
        found = await maps.find_actor(reader, actor)
        if found is None:
            actors, counts = await maps.landing_data(reader)
            page = build_landing(
                actors,
                counts=counts,
                message=f"No actor matches “{actor}”.",
                links=_links(request),
            )
            return _landing_response(page, status_code=404)
        params = {k: v for k, v in request.query_params.multi_items() if k != "actor"}
        target = f"{_links(request).actor_base}{quote(found.id, safe='')}"
        if params:
            target += "?" + urlencode(params)
        return RedirectResponse(target, status_code=303)
    graph = await maps.load_map(reader, filters)
    return _map_page(request, graph, download=download, filename="alliance-map.html")


@router.get("/map/{actor_id}", response_class=HTMLResponse, summary="Alliance map around one actor")
async def actor_map(
    request: Request,
    reader: ReaderDep,
    actor_id: str,
    filters: FiltersDep,
    depth: DepthQuery = 1,
    download: DownloadQuery = False,
) -> HTMLResponse:
    graph = await maps.load_map(reader, filters, center=actor_id, depth=depth)
    safe_name = "".join(c if c.isalnum() or c in "-_" else "_" for c in actor_id)[:60]
    return _map_page(request, graph, download=download, filename=f"alliance-map-{safe_name}.html")
