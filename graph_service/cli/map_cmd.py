"""``graph-service map``: write an alliance map as one HTML file that opens without network."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import typer
from rich.console import Console

from graph_service.config import get_settings
from graph_service.errors import InputError
from graph_service.viz.model import DEFAULT_LIMIT, MAX_LIMIT, MapFilters, parse_types

_DATE_FORMATS = ["%Y-%m-%d"]


def _day(value: dt.datetime | None) -> dt.date | None:
    return value.date() if value else None


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
    from graph_service.store.driver import create_driver, translated_errors
    from graph_service.store.maps import find_actor, load_map
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
    with translated_errors(settings), create_driver(settings) as driver:
        actor_id = None
        if center:
            found = find_actor(driver, settings, center)
            if found is None:
                raise InputError(f"no actor matches {center!r}", field="center")
            actor_id = found.id
        graph = load_map(driver, settings, filters, center=actor_id, depth=depth)
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
