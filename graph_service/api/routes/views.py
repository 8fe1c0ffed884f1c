"""HTML pages of an actor and of a pair over time: GET /view/actors/{id} and
GET /view/alignment/{a}/{b} (the JSON of the same data is /actors/{id}/alignment and
/alignment/{a}/{b}).

Thin: load with :mod:`graph_service.viz.pages`, render, answer. An unknown actor or a bad
parameter is an HTML error page with its 4xx status, not the API's JSON error.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import HTMLResponse

from graph_service.api.deps import ReaderDep, SettingsDep, require_read_key
from graph_service.api.errors import READ_RESPONSES, Responses
from graph_service.api.schemas import ACTOR_ID_PATTERN
from graph_service.errors import InputError, NotFoundError
from graph_service.viz import pages

logger = logging.getLogger(__name__)

_HTML = {"text/html": {"schema": {"type": "string"}}}
_JSON_ERROR = {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorResponse"}}}
# Errors these pages answer as an HTML page (an unknown actor; a parameter the alignment
# service refuses); the others (a malformed value, a key, Neo4j down) are the API's JSON.
_HTML_TOO = {400, 422}


def _view_responses() -> Responses:
    """READ_RESPONSES with explicit media types: with ``response_class=HTMLResponse``
    FastAPI would list a ``model`` under text/html."""
    out: Responses = {}
    for status, entry in READ_RESPONSES.items():
        plain = {k: v for k, v in entry.items() if k != "model"}
        content = {**_JSON_ERROR, **(_HTML if status in _HTML_TOO else {})}
        out[status] = {**plain, "content": content}
    out[404] = {"description": "No such actor: an HTML page.", "content": _HTML}
    return out


# Pages are reads: closed like every read when the server requires keys for reading.
router = APIRouter(
    prefix="/view",
    tags=["pages"],
    dependencies=[Depends(require_read_key)],
    responses=_view_responses(),
)

ViewActor = Annotated[str, Path(pattern=ACTOR_ID_PATTERN, description="Canonical actor ID.")]
IntervalQuery = Annotated[
    str, Query(description="Length of one period: month, quarter or year.", max_length=16)
]
SinceQuery = Annotated[
    dt.date | None,
    Query(description="First day of the series (default: the first statement of the pair)."),
]
UntilQuery = Annotated[dt.date | None, Query(description="Last day, the day scored (today).")]
TopQuery = Annotated[int, Query(ge=1, le=10, description="Counterparts drawn on the chart.")]


def _links(request: Request) -> pages.ViewLinks:
    return pages.ViewLinks(root=str(request.scope.get("root_path") or "").rstrip("/"))


def _html(body: str, status_code: int = 200) -> HTMLResponse:
    return HTMLResponse(
        body,
        status_code=status_code,
        headers={
            "Content-Security-Policy": pages.PAGE_CSP,
            "X-Content-Type-Options": "nosniff",
            "Referrer-Policy": "no-referrer",
            "Cache-Control": "no-store",
        },
    )


def _error(request: Request, exc: InputError | NotFoundError) -> HTMLResponse:
    logger.info("%s %s: %s", request.method, request.url.path, exc.message)
    page = pages.render_error_page(exc.http_status, exc.message, _links(request))
    return _html(page, status_code=exc.http_status)


@router.get(
    "/actors/{actor_id}",
    response_class=HTMLResponse,
    summary="Actor page: relations, alignment over time with its top counterparts, evidence",
)
async def actor_page(
    request: Request,
    reader: ReaderDep,
    settings: SettingsDep,
    actor_id: ViewActor,
    interval: IntervalQuery = "month",
    top: TopQuery = 5,
    since: SinceQuery = None,
    until: UntilQuery = None,
) -> HTMLResponse:
    try:
        page = await pages.load_actor_page(
            reader,
            actor_id,
            settings=settings,
            interval=interval,
            top=top,
            since=since,
            until=until,
        )
    except (InputError, NotFoundError) as exc:
        return _error(request, exc)
    return _html(pages.render_actor_page(page, _links(request)))


@router.get(
    "/alignment/{a}/{b}",
    response_class=HTMLResponse,
    summary="Pair page: the alignment series of two actors and the sentences of each period",
)
async def pair_page(
    request: Request,
    reader: ReaderDep,
    settings: SettingsDep,
    a: ViewActor,
    b: ViewActor,
    interval: IntervalQuery = "month",
    since: SinceQuery = None,
    until: UntilQuery = None,
) -> HTMLResponse:
    try:
        series = await pages.load_pair_page(
            reader, a, b, settings=settings, interval=interval, since=since, until=until
        )
    except (InputError, NotFoundError) as exc:
        return _error(request, exc)
    return _html(pages.render_pair_page(series, _links(request)))
