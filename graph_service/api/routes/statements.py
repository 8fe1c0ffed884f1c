"""Statements: the extracted facts, filtered and paginated."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from graph_service.api.deps import (
    Cursor,
    Limit,
    MinConfidence,
    ReadAccess,
    ReaderDep,
    RelationTypeFilter,
    SettingsDep,
    Since,
    Until,
    date_window,
    decode_cursor,
    next_page,
    page_size,
)
from graph_service.api.errors import READ_RESPONSES
from graph_service.api.schemas import ACTOR_ID_PATTERN, StatementPage, StatementPublic
from graph_service.models import Modality

router = APIRouter(
    prefix="/statements", tags=["statements"], dependencies=[ReadAccess], responses=READ_RESPONSES
)

ActorFilter = Annotated[str | None, Query(pattern=ACTOR_ID_PATTERN, examples=["PRK"])]


@router.get("", response_model=StatementPage, summary="Statements, filtered and paginated")
async def list_statements(
    reader: ReaderDep,
    settings: SettingsDep,
    type: RelationTypeFilter = None,
    subject: ActorFilter = None,
    object: ActorFilter = None,
    actor: Annotated[
        str | None,
        Query(pattern=ACTOR_ID_PATTERN, description="Either side.", examples=["RUS"]),
    ] = None,
    document: Annotated[str | None, Query(max_length=500, description="Document ID.")] = None,
    since: Since = None,
    until: Until = None,
    min_confidence: MinConfidence = None,
    modality: Annotated[Modality | None, Query()] = None,
    negated: Annotated[
        bool | None, Query(description="true: only denials; false: only affirmations.")
    ] = None,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> StatementPage:
    size = page_size(limit, settings)
    window = date_window(since, until)
    after = decode_cursor(cursor, "statements", 1)
    filters = {
        "type": type.value if type else None,
        "subject": subject,
        "object": object,
        "actor": actor,
        "document": document,
        "since": window.since,
        "until": window.until,
        "min_confidence": min_confidence,
        "modality": modality.value if modality else None,
        "negated": negated,
    }
    rows = await reader.list_statements(filters, after[0] if after else None, size + 1)
    page, next_cursor = next_page(rows, size, "statements", lambda s: [s.id])
    return StatementPage(items=[StatementPublic.of(s) for s in page], next_cursor=next_cursor)
