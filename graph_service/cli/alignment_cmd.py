"""``graph-service alignment A B`` and ``graph-service changes --since DATE``: the alignment
series of a pair and what changed in a period, as a table (rich) or CSV."""

from __future__ import annotations

import csv
import datetime as dt
import sys
from collections.abc import Sequence

import typer
from rich.console import Console
from rich.table import Table

from graph_service.asyncrun import run_sync
from graph_service.config import Settings, get_settings
from graph_service.errors import NotFoundError
from graph_service.services import alignment as al
from graph_service.store.reader import GraphReader

_DATE_FORMATS = ["%Y-%m-%d"]


def _day(value: dt.datetime | None) -> dt.date | None:
    return value.date() if value else None


def _score(value: float | None) -> str:
    return "" if value is None else f"{value:+.4f}"


async def _actor_id(reader: GraphReader, text: str, field: str) -> str:
    found = await reader.find_actor(text)
    if found is None:
        raise NotFoundError(f"no actor matches {text!r} ({field})", field=field)
    return found.id


async def _series(
    settings: Settings,
    a: str,
    b: str,
    interval: str,
    since: dt.date | None,
    until: dt.date | None,
) -> al.PairSeries:
    from graph_service.cli import CLI_RETRY_SECONDS
    from graph_service.store.graph_store import GraphStore

    async with (
        GraphStore(settings, retry_seconds=CLI_RETRY_SECONDS) as store,
        store.reader() as reader,
    ):
        first, second = await _actor_id(reader, a, "A"), await _actor_id(reader, b, "B")
        return await al.pair_series(
            reader, first, second, interval=interval, since=since, until=until, settings=settings
        )


async def _changes(
    settings: Settings, since: dt.date, until: dt.date | None, actor: str | None
) -> al.Changes:
    from graph_service.cli import CLI_RETRY_SECONDS
    from graph_service.store.graph_store import GraphStore

    async with (
        GraphStore(settings, retry_seconds=CLI_RETRY_SECONDS) as store,
        store.reader() as reader,
    ):
        actor_id = None if actor is None else await _actor_id(reader, actor, "--actor")
        return await al.changes(reader, since=since, until=until, actor=actor_id, settings=settings)


def _write_csv(header: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)


def alignment(
    a: str = typer.Argument(..., help="First actor: ID or name (RUS, Russland)."),
    b: str = typer.Argument(..., help="Second actor: ID or name."),
    interval: str = typer.Option("month", "--interval", "-i", help="month, quarter or year."),
    since: dt.datetime | None = typer.Option(
        None, formats=_DATE_FORMATS, help="First day (default: the pair's first statement)."
    ),
    until: dt.datetime | None = typer.Option(
        None, formats=_DATE_FORMATS, help="Last day, the day scored (default: today)."
    ),
    as_csv: bool = typer.Option(False, "--csv", help="CSV on stdout instead of a table."),
) -> None:
    """The alignment score of two actors per period, with the strongest evidence."""
    settings = get_settings()
    series = run_sync(_series(settings, a, b, interval, _day(since), _day(until)))
    if as_csv:
        _write_csv(
            [
                "start",
                "end",
                "score",
                "statements",
                "intensity_sum",
                "intensity_mean",
                "scored_statements",
                "evidence_ids",
            ],
            [
                [
                    p.start.isoformat(),
                    p.end.isoformat(),
                    "" if p.score is None else round(p.score, 6),
                    p.statements,
                    p.intensity_sum,
                    "" if p.intensity_mean is None else p.intensity_mean,
                    p.scored_statements,
                    " ".join(p.evidence_ids),
                ]
                for p in series.points
            ],
        )
        return
    table = Table(
        title=f"{series.a.name} ({series.a.id}) – {series.b.name} ({series.b.id}), "
        f"by {series.interval}, half-life {series.half_life_days:g} days",
    )
    for column in ("period", "score", "statements", "intensity", "strongest evidence"):
        table.add_column(column, justify="right" if column != "strongest evidence" else "left")
    for p in series.points:
        strongest = p.evidence[0].sentence if p.evidence else ""
        table.add_row(
            f"{p.start.isoformat()} … {p.end.isoformat()}",
            _score(p.score),
            str(p.statements),
            f"{p.intensity_sum:g}" if p.statements else "",
            strongest,
        )
    Console().print(table)


def changes(
    since: dt.datetime = typer.Option(..., formats=_DATE_FORMATS, help="First day of the period."),
    until: dt.datetime | None = typer.Option(
        None, formats=_DATE_FORMATS, help="Last day of the period (default: no end)."
    ),
    actor: str | None = typer.Option(None, "--actor", "-a", help="Only this actor's edges."),
    as_csv: bool = typer.Option(False, "--csv", help="CSV on stdout instead of tables."),
) -> None:
    """What changed in a period: new edges, pairs that strengthened, weakened or reversed."""
    settings = get_settings()
    report = run_sync(_changes(settings, since.date(), _day(until), actor))
    rows: list[list[object]] = [
        [
            "new",
            e.source.id,
            e.type.value,
            e.target.id,
            "",
            "",
            "",
            0,
            e.figures.statements,
            e.figures.intensity_sum,
            e.figures.first_seen.isoformat(),
            " ".join(e.evidence_ids),
        ]
        for e in report.new
    ]
    for change in (*report.reversed, *report.strengthened, *report.weakened):
        rows.append(
            [
                change.kind,
                change.a.id,
                "+".join(change.types),
                change.b.id,
                _score(change.before.score),
                _score(change.after.score),
                f"{change.delta:+.4f}",
                change.before.statements,
                change.after.statements,
                change.after.intensity_sum,
                "",
                " ".join(change.evidence_ids),
            ]
        )
    header = [
        "kind",
        "source",
        "type",
        "target",
        "before",
        "after",
        "delta",
        "statements_before",
        "statements_after",
        "intensity_sum_after",
        "first_seen",
        "evidence_ids",
    ]
    if as_csv:
        _write_csv(header, rows)
        return
    end = report.until.isoformat() if report.until else "now"
    table = Table(title=f"Changes {report.since.isoformat()} … {end}")
    for column in ("kind", "source", "type", "target", "before", "after", "delta", "statements"):
        table.add_column(column)
    for row in rows:
        table.add_row(*(str(v) for v in row[:7]), f"{row[7]} → {row[8]}")
    console = Console()
    console.print(table)
    if not rows:
        console.print("nothing changed in the period", highlight=False)
