"""Named analyst queries: listed with their parameters, run with validated values."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path

from graph_service.api import named_queries
from graph_service.api.deps import ReadAccess, ReaderDep, SettingsDep
from graph_service.api.errors import NOT_FOUND, READ_RESPONSES, TIMEOUT
from graph_service.api.schemas import (
    QUERY_NAME_PATTERN,
    NamedQueryList,
    NamedQueryPublic,
    NamedQueryRequest,
    QueryParameterPublic,
    QueryResultPublic,
)
from graph_service.services import alignment
from graph_service.store.records import QueryResult

router = APIRouter(
    prefix="/queries", tags=["queries"], dependencies=[ReadAccess], responses=READ_RESPONSES
)


def _public(query: named_queries.NamedQuery) -> NamedQueryPublic:
    return NamedQueryPublic(
        name=query.name,
        description=query.description,
        parameters=[
            QueryParameterPublic(
                name=p.name,
                type=p.type,
                description=p.description,
                required=p.required,
                default=p.default.isoformat() if hasattr(p.default, "isoformat") else p.default,
                minimum=p.low,
                maximum=p.high,
            )
            for p in query.parameters
        ],
    )


@router.get("", response_model=NamedQueryList, summary="The named analyst queries")
async def list_queries() -> NamedQueryList:
    """Name, description and typed parameters of every query in ``cypher/queries``."""
    return NamedQueryList(items=[_public(q) for q in named_queries.named_queries().values()])


@router.post(
    "/{name}",
    response_model=QueryResultPublic,
    responses={**NOT_FOUND, **TIMEOUT},
    summary="Run a named query",
)
async def run_query(
    name: Annotated[str, Path(pattern=QUERY_NAME_PATTERN, examples=["allies_of"])],
    body: NamedQueryRequest,
    reader: ReaderDep,
    settings: SettingsDep,
) -> QueryResultPublic:
    """Runs read-only, with the server's timeout and row cap."""
    query = named_queries.get(name)
    values = named_queries.bind(query, body.parameters)
    if name == NEW_EDGES:
        return QueryResultPublic.of(await _new_edges(reader, settings, values), name=name)
    return QueryResultPublic.of(await reader.run_named_query(name, values), name=name)


# `new_edges_since` is a case of /changes (its `new` list, without an end): the route
# answers it from the changes logic; the Cypher file keeps its header (the parameters) and
# the same query on the aggregated edges for Neo4j Browser.
NEW_EDGES = "new_edges_since"


async def _new_edges(
    reader: ReaderDep, settings: SettingsDep, values: dict[str, Any]
) -> QueryResult:
    report = await alignment.changes(reader, since=values["since"], settings=settings)
    rows = alignment.new_edge_rows(report, values["limit"])
    cap = settings.cypher_row_cap
    return QueryResult(
        columns=list(alignment.NEW_EDGE_COLUMNS), rows=rows[:cap], truncated=len(rows) > cap
    )
