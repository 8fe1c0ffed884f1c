"""Ad hoc read-only Cypher for analysts (write-scoped key required)."""

from __future__ import annotations

from fastapi import APIRouter

from graph_service.api.deps import ReaderDep, WriteAccess
from graph_service.api.errors import READ_RESPONSES, TIMEOUT
from graph_service.api.schemas import CypherRequest, QueryResultPublic
from graph_service.api.validation import check_parameters

router = APIRouter(tags=["cypher"], responses={**READ_RESPONSES, **TIMEOUT})


@router.post(
    "/cypher",
    response_model=QueryResultPublic,
    dependencies=[WriteAccess],
    summary="Run read-only Cypher",
)
async def run_cypher(body: CypherRequest, reader: ReaderDep) -> QueryResultPublic:
    """Neo4j decides: the query is ``EXPLAIN``-ed first, in the same read transaction and
    with the same parameters. Only a read-only query type whose plan calls nothing but
    allow-listed procedures runs; a write or schema change is refused with 403
    ``read_only``, a ``SHOW``/admin command or another procedure with 403
    ``query_not_allowed``. The answer comes within the timeout plus about a second (408
    ``query_timeout``); a query past the transaction memory limit gets 413
    ``query_too_large``; a row cap applies (``truncated``)."""
    check_parameters(body.parameters)
    return QueryResultPublic.of(await reader.run_cypher(body.query, body.parameters))
