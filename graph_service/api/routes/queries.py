"""Named analyst queries: listed with their parameters, run with validated values."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path

from graph_service.api import named_queries
from graph_service.api.deps import ReadAccess, ReaderDep
from graph_service.api.errors import NOT_FOUND, READ_RESPONSES, TIMEOUT
from graph_service.api.schemas import (
    QUERY_NAME_PATTERN,
    NamedQueryList,
    NamedQueryPublic,
    NamedQueryRequest,
    QueryParameterPublic,
    QueryResultPublic,
)

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
) -> QueryResultPublic:
    """Runs read-only, with the server's timeout and row cap."""
    query = named_queries.get(name)
    values = named_queries.bind(query, body.parameters)
    return QueryResultPublic.of(await reader.run_named_query(name, values), name=name)
