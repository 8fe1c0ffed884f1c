"""``graph-service map``: write an alliance map as one HTML file that opens without network."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import typer
from rich.console import Console

from graph_service.asyncrun import run_sync
from graph_service.config import Settings, get_settings
from graph_service.errors import InputError
from graph_service.viz.model import DEFAULT_LIMIT, MAX_LIMIT, MapFilters, MapGraph, parse_types

_DATE_FORMATS = ["%Y-%m-%d"]


def _day(value: dt.datetime | None) -> dt.date | None:
    return value.date() if value else None


async def _load(
    settings: Settings, filters: MapFilters, center: str | None, depth: int
) -> MapGraph:
    from graph_service.cli import CLI_RETRY_SECONDS
    from graph_service.store.graph_store import GraphStore
    from graph_service.viz import maps

    async with (
        GraphStore(settings, retry_seconds=CLI_RETRY_SECONDS) as store,
        store.reader() as reader,
    ):
        actor_id = None
        if center:
            found = await maps.find_actor(reader, center)
            if found is None:
                raise InputError(f"no actor matches {center!r}", field="center")
            actor_id = found.id
        return await maps.load_map(reader, filters, center=actor_id, depth=depth)


def map_command(
    center: str | None = typer.Option(
        None, "--center", "-c", help="Actor ID (or name) whose neighbourhood to draw."
    ),
    depth: int = typer.Option(
        1, "--depth", "-d", min=1, max=2, help="Around --center: 1 or 2 relations away."
    ),
    types: list[str] = typer.Option(
        [],
        "--type",
        "-t",
        help="Relation types (partnership, supplies, opposes); repeat or comma-separate.",
    ),
    since: dt.datetime | None = typer.Option(
        None, formats=_DATE_FORMATS, help="Relations last seen on or after this date."
    ),
    until: dt.datetime | None = typer.Option(
        None, formats=_DATE_FORMATS, help="Relations first seen on or before this date."
    ),
    min_confidence: float = typer.Option(0.0, min=0.0, max=1.0, help="Minimum confidence."),
    min_weight: float = typer.Option(0.0, min=0.0, help="Minimum relation weight."),
    limit: int = typer.Option(
        DEFAULT_LIMIT, min=1, max=MAX_LIMIT, help="Most actors; the strongest relations stay."
    ),
    out: Path = typer.Option(..., "--out", "-o", help="The HTML file to write."),
) -> None:
    """Write an interactive alliance map (whole graph or around --center) as a standalone file."""
    from graph_service.viz.builder import build_html

    settings = get_settings()
    filters = MapFilters(
        types=parse_types(types),
        since=_day(since),
        until=_day(until),
        min_confidence=min_confidence,
        min_weight=min_weight,
        limit=limit,
    )
    if out.is_dir():
        raise InputError(f"--out {out} is a folder; give a file name like map.html", field="out")
    graph = run_sync(_load(settings, filters, center, depth))
    page = build_html(graph)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(page, encoding="utf-8")
    err = Console(stderr=True)
    left_out = ""
    if graph.omitted.nodes or graph.omitted.edges:
        left_out = (
            f"; left out {graph.omitted.nodes} actors and {graph.omitted.edges} weaker relations"
        )
    err.print(
        f"wrote {out} ({len(graph.nodes)} actors, {len(graph.edges)} relations, "
        f"{len(graph.blocs)} blocs{left_out})",
        highlight=False,
    )
