"""Alignment over time (issue 13): a pair's series, an actor's counterparts, what changed.

Thin: validation in the signatures, the work in :mod:`graph_service.services.alignment`."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query

from graph_service.api.alignment_schemas import (
    ActorAlignmentPublic,
    ChangesPublic,
    PairSeriesPublic,
)
from graph_service.api.deps import ActorId, ReadAccess, ReaderDep, SettingsDep, page_size
from graph_service.api.errors import NOT_FOUND, READ_RESPONSES
from graph_service.api.schemas import ACTOR_ID_PATTERN
from graph_service.services import alignment as al

router = APIRouter(tags=["alignment"], dependencies=[ReadAccess], responses=READ_RESPONSES)

PairActor = Annotated[
    str, Path(pattern=ACTOR_ID_PATTERN, description="Canonical actor ID.", examples=["RUS"])
]
SeriesSince = Annotated[
    dt.date | None,
    Query(
        description="First day of the series; statements before it do not count. Default: "
        "the first statement between the two (at most alignment_max_periods periods back).",
        examples=["2024-01-01"],
    ),
]
AsOf = Annotated[
    dt.date | None,
    Query(description="Last day (the day scored); default today.", examples=["2024-12-31"]),
]


@router.get(
    "/alignment/{a}/{b}",
    response_model=PairSeriesPublic,
    responses=NOT_FOUND,
    summary="Alignment score of two actors per month, quarter or year, with evidence",
)
async def pair_alignment(
    a: PairActor,
    b: Annotated[
        str, Path(pattern=ACTOR_ID_PATTERN, description="Canonical actor ID.", examples=["PRK"])
    ],
    reader: ReaderDep,
    settings: SettingsDep,
    interval: Annotated[
        Literal["month", "quarter", "year"], Query(description="Length of one period.")
    ] = "month",
    since: SeriesSince = None,
    until: AsOf = None,
) -> PairSeriesPublic:
    """Per period: the score at its end from the statements between the two (both
    directions, every type) since `since`, the period's statement count and intensity, and
    its strongest statements with their sentences."""
    series = await al.pair_series(
        reader, a, b, interval=interval, since=since, until=until, settings=settings
    )
    return PairSeriesPublic.of(series)


@router.get(
    "/actors/{id}/alignment",
    response_model=ActorAlignmentPublic,
    responses=NOT_FOUND,
    summary="An actor's closest and most hostile counterparts, and who moved most",
)
async def actor_alignment(
    id: ActorId,
    reader: ReaderDep,
    settings: SettingsDep,
    top: Annotated[int, Query(ge=1, le=100, description="Counterparts per list.")] = 5,
    since: Annotated[
        dt.date | None,
        Query(
            description="Also list who moved most from this day to `until`.",
            examples=["2024-01-01"],
        ),
    ] = None,
    until: AsOf = None,
) -> ActorAlignmentPublic:
    result = await al.actor_alignment(
        reader, id, top=top, since=since, until=until, settings=settings
    )
    return ActorAlignmentPublic.of(result)


@router.get(
    "/changes",
    response_model=ChangesPublic,
    responses=NOT_FOUND,
    summary="What changed in a period: new edges, pairs strengthened, weakened, reversed",
)
async def changes(
    reader: ReaderDep,
    settings: SettingsDep,
    since: Annotated[
        dt.date, Query(description="First day of the period.", examples=["2024-01-01"])
    ],
    until: Annotated[
        dt.date | None,
        Query(description="Last day of the period (default: no end).", examples=["2024-12-31"]),
    ] = None,
    actor: Annotated[
        str | None,
        Query(pattern=ACTOR_ID_PATTERN, description="Only this actor's edges.", examples=["RUS"]),
    ] = None,
    limit: Annotated[
        int, Query(ge=1, description="Items per list; capped at max_page_size.")
    ] = 100,
) -> ChangesPublic:
    """New: edges whose first statement is in the period. Strengthened, weakened,
    reversed: pairs seen before whose score (both directions, every type) moved from
    `since` to `until` by at least alignment_change_min_delta (default 0.1)."""
    report = await al.changes(reader, since=since, until=until, actor=actor, settings=settings)
    return ChangesPublic.of(report, page_size(limit, settings))
