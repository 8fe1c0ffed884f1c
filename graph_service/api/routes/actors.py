"""Actors: search by any name in any language, one actor with counts, its relations."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query

from graph_service.api.deps import (
    ActorId,
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
from graph_service.api.errors import NOT_FOUND, READ_RESPONSES
from graph_service.api.schemas import (
    ActorDetailPublic,
    ActorPage,
    ActorPublic,
    ActorRelationList,
    ActorRelationPublic,
)
from graph_service.models import ActorKind
from graph_service.store.records import ALL_TYPES

router = APIRouter(
    prefix="/actors", tags=["actors"], dependencies=[ReadAccess], responses=READ_RESPONSES
)


@router.get("", response_model=ActorPage, summary="Search actors by name or alias")
async def search_actors(
    reader: ReaderDep,
    settings: SettingsDep,
    q: Annotated[
        str | None,
        Query(
            max_length=200,
            description="Part of any name or alias in any supported language "
            "(case-insensitive): 'Nordkorea' finds PRK.",
            examples=["Nordkorea"],
        ),
    ] = None,
    kind: Annotated[ActorKind | None, Query(description="Only actors of this kind.")] = None,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> ActorPage:
    size = page_size(limit, settings)
    after = decode_cursor(cursor, "actors", 1)
    needle = q.strip() if q else None
    actors = await reader.search_actors(
        needle or None, kind.value if kind else None, after[0] if after else None, size + 1
    )
    page, next_cursor = next_page(actors, size, "actors", lambda a: [a.id])
    return ActorPage(items=[ActorPublic.of(a) for a in page], next_cursor=next_cursor)


@router.get(
    "/{id}",
    response_model=ActorDetailPublic,
    responses=NOT_FOUND,
    summary="One actor with its counts per relation type and direction",
)
async def get_actor(id: ActorId, reader: ReaderDep) -> ActorDetailPublic:
    return ActorDetailPublic.of_detail(await reader.get_actor(id))


@router.get(
    "/{id}/relations",
    response_model=ActorRelationList,
    responses=NOT_FOUND,
    summary="Aggregated edges of an actor with counterpart, counts, first/last seen",
)
async def actor_relations(
    id: ActorId,
    reader: ReaderDep,
    settings: SettingsDep,
    type: RelationTypeFilter = None,
    direction: Annotated[
        Literal["out", "in", "both"],
        Query(
            description="out: the actor acts; in: it is the target. Symmetric relations "
            "(PARTNERSHIP) match any direction."
        ),
    ] = "both",
    since: Since = None,
    until: Until = None,
    min_confidence: MinConfidence = None,
    limit: Limit = 100,
) -> ActorRelationList:
    window = date_window(since, until)
    relations = await reader.actor_relations(
        id,
        [type] if type else ALL_TYPES,
        direction,
        window,
        min_confidence,
        page_size(limit, settings),
    )
    return ActorRelationList(actor=id, items=[ActorRelationPublic.of(r) for r in relations])
