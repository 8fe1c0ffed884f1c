"""Liveness and readiness."""

from __future__ import annotations

import logging

from fastapi import APIRouter, Request

from graph_service.api.deps import SettingsDep, StoreDep
from graph_service.api.errors import UNAVAILABLE, error_json
from graph_service.api.schemas import HealthPublic, ReadyPublic

logger = logging.getLogger(__name__)

router = APIRouter(tags=["health"])


@router.get("/health", response_model=HealthPublic, summary="The process is alive")
async def health() -> HealthPublic:
    """Answers as long as the process runs, whether or not Neo4j is reachable."""
    return HealthPublic()


@router.get(
    "/ready",
    response_model=ReadyPublic,
    responses={**UNAVAILABLE},
    summary="Neo4j is reachable and the schema is present",
)
async def ready(request: Request, store: StoreDep, settings: SettingsDep) -> ReadyPublic | object:
    """200 when Neo4j answers and every constraint and index exists; 503 with Retry-After
    otherwise, the supervisor's reason first when the local server is down. A probe only
    reads: the schema is applied by start-up and `db init`."""
    state = await store.readiness()
    if state.ready:
        return ReadyPublic(neo4j=state.server, missing_schema=[])
    headers = {"Retry-After": str(settings.api_retry_after_seconds)}
    if not state.reachable:
        # The supervisor of the local server knows why it is down (restarting, stopped).
        supervisor = getattr(request.app.state, "supervisor", None)
        why = f"{supervisor.reason}; " if supervisor and supervisor.reason else ""
        logger.warning("/ready: Neo4j is not reachable: %s", state.detail)
        return error_json(
            503,
            "store_unavailable",
            f"{why}the database is not reachable; retry later",  # details in the log
            headers=headers,
        )
    return error_json(
        503,
        "schema_missing",
        "the schema is incomplete (run `graph-service db init`): "
        + ", ".join(state.missing_schema),
        headers=headers,
    )
