"""Ad hoc read-only Cypher for analysts (write-scoped key required)."""

from __future__ import annotations

from fastapi import APIRouter

from graph_service.api.deps import ReaderDep, WriteAccess
from graph_service.api.errors import READ_RESPONSES, TIMEOUT
from graph_service.api.schemas import CypherRequest, QueryResultPublic
from graph_service.api.validation import check_cypher, check_parameters

router = APIRouter(tags=["cypher"], responses={**READ_RESPONSES, **TIMEOUT})


@router.post(
    "/cypher",
    response_model=QueryResultPublic,
    dependencies=[WriteAccess],
    summary="Run read-only Cypher",
)
async def run_cypher(body: CypherRequest, reader: ReaderDep) -> QueryResultPublic:
    """The database enforces read-only: the query runs in a read-access session through a
    managed read transaction, so a write, schema or admin command is refused (403) and
    changes nothing. A server-side timeout (408) and a row cap (``truncated``) apply."""
    check_cypher(body.query)
    check_parameters(body.parameters)
    return QueryResultPublic.of(await reader.run_cypher(body.query, body.parameters))
