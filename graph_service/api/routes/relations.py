"""Aggregated relations and the statements (evidence) behind each."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

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
from graph_service.api.errors import NOT_FOUND, READ_RESPONSES, InvalidParameterError
from graph_service.api.schemas import (
    ACTOR_ID_PATTERN,
    EvidencePage,
    RelationPage,
    RelationPublic,
    StatementPublic,
)
from graph_service.models import RelationType
from graph_service.store.records import ALL_TYPES

router = APIRouter(
    prefix="/relations", tags=["relations"], dependencies=[ReadAccess], responses=READ_RESPONSES
)


@router.get("", response_model=RelationPage, summary="Aggregated alignment edges")
async def list_relations(
    reader: ReaderDep,
    settings: SettingsDep,
    type: RelationTypeFilter = None,
    source: Annotated[
        str | None,
        Query(
            pattern=ACTOR_ID_PATTERN,
            description="Source actor ID (either side for the symmetric PARTNERSHIP).",
            examples=["PRK"],
        ),
    ] = None,
    target: Annotated[
        str | None,
        Query(pattern=ACTOR_ID_PATTERN, description="Target actor ID.", examples=["RUS"]),
    ] = None,
    since: Since = None,
    until: Until = None,
    min_confidence: MinConfidence = None,
    limit: Limit = 100,
    cursor: Cursor = None,
) -> RelationPage:
    size = page_size(limit, settings)
    window = date_window(since, until)
    after = decode_cursor(cursor, "relations", 3)
    if after is not None and after[0] not in RelationType.__members__:
        raise InvalidParameterError("cursor is not valid here", field="cursor")
    edges = await reader.list_relations(
        [type] if type else ALL_TYPES,
        source,
        target,
        window,
        min_confidence,
        (after[0], after[1], after[2]) if after else None,
        size + 1,
    )
    page, next_cursor = next_page(
        edges, size, "relations", lambda e: [e.type.value, e.source.id, e.target.id]
    )
    return RelationPage(items=[RelationPublic.of(e) for e in page], next_cursor=next_cursor)


@router.get(
    "/{source}/{type}/{target}/evidence",
    response_model=EvidencePage,
    responses=NOT_FOUND,
    summary="Every statement behind one edge, newest first",
)
async def edge_evidence(
    source: Annotated[str, Path(pattern=ACTOR_ID_PATTERN, examples=["PRK"])],
    type: Annotated[RelationType, Path(examples=["SUPPLIES"])],
    target: Annotated[str, Path(pattern=ACTOR_ID_PATTERN, examples=["RUS"])],
    reader: ReaderDep,
    settings: SettingsDep,
    include_negated: Annotated[
        bool, Query(description="Also statements that deny the relation.")
    ] = False,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> EvidencePage:
    """Each statement with its sentence, modality, confidence and the document's title,
    date and URL. For the symmetric PARTNERSHIP both orders count."""
    size = page_size(limit, settings)
    kind = f"evidence:{source}:{type.value}:{target}"
    after = decode_cursor(cursor, kind, 2)
    statements = await reader.edge_evidence(
        source, type, target, include_negated, (after[0], after[1]) if after else None, size + 1
    )
    page, next_cursor = next_page(
        statements, size, kind, lambda s: [s.date.isoformat() if s.date else "", s.id]
    )
    return EvidencePage(
        source=source,
        type=type,
        target=target,
        items=[StatementPublic.of(s) for s in page],
        next_cursor=next_cursor,
    )
