"""The HTML pages of an actor and of a pair over time (issue 13): read through the store's
read port and the alignment service, render with Jinja2 and the SVG charts.

- ``/view/actors/{id}``: the actor's relations, a chart of its alignment with its top
  counterparts (one line each), their latest sentences, links to the pair pages.
- ``/view/alignment/{a}/{b}``: the pair's series, and the sentences behind each period;
  a point of the chart links to its period's sentences.

The pages carry no script: period links are anchors, and CSS (``:target``) shows the
chosen period's sentences only. Text from documents and actor names is untrusted: Jinja2
escapes every value (``autoescape``), the charts escape their own, and document links are
kept only for http(s) URLs.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode, urlsplit

import jinja2
from markupsafe import Markup

from graph_service.config import Settings
from graph_service.models import RelationType
from graph_service.services import alignment as al
from graph_service.store.reader import GraphReader
from graph_service.store.records import ActorDetail, ActorRelation, DateWindow
from graph_service.viz.charts import ChartPoint, ChartSeries, alignment_chart, format_score

logger = logging.getLogger(__name__)

_TEMPLATES = Path(__file__).resolve().parent / "templates"
RELATIONS_SHOWN = 200
COUNTERPARTS_READ = 100_000  # all of them: the service ranks, the page picks
EVIDENCE_PER_COUNTERPART = 5
TYPE_WORDS = {
    RelationType.PARTNERSHIP: "partnership with",
    RelationType.SUPPLIES: "supplies",
    RelationType.OPPOSES: "opposes",
}

# No script at all, no network: the pages are text, inline SVG and links.
PAGE_CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
    "base-uri 'none'; form-action 'self'"
)


# --- links -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ViewLinks:
    """Where the pages link to, under the API's root path."""

    root: str = ""

    def home(self) -> str:
        return f"{self.root}/"

    def whole_map(self) -> str:
        return f"{self.root}/map"

    def actor_map(self, actor_id: str) -> str:
        return f"{self.root}/map/{quote(actor_id, safe='')}"

    def actor(self, actor_id: str, **query: str | int | None) -> str:
        return _with_query(f"{self.root}/view/actors/{quote(actor_id, safe='')}", query)

    def pair(self, a: str, b: str, **query: str | int | None) -> str:
        path = f"{self.root}/view/alignment/{quote(a, safe='')}/{quote(b, safe='')}"
        return _with_query(path, query)

    def actor_json(self, actor_id: str) -> str:
        return f"{self.root}/actors/{quote(actor_id, safe='')}/alignment"

    def pair_json(self, a: str, b: str, **query: str | int | None) -> str:
        path = f"{self.root}/alignment/{quote(a, safe='')}/{quote(b, safe='')}"
        return _with_query(path, query)


def _with_query(path: str, query: Mapping[str, str | int | None]) -> str:
    kept = {k: str(v) for k, v in query.items() if v is not None and v != ""}
    return f"{path}?{urlencode(kept)}" if kept else path


def safe_url(url: str | None) -> str | None:
    """``url`` when it is an absolute http(s) URL; anything else (javascript:, data:) none."""
    if not url:
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    return url if parts.scheme in ("http", "https") and parts.netloc else None


# --- periods -----------------------------------------------------------------------------------


def period_label(start: dt.date, interval: str) -> str:
    """2024-03 (month), 2024-Q1 (quarter), 2024 (year): sortable like the dates."""
    if interval == "year":
        return f"{start.year:04d}"
    if interval == "quarter":
        return f"{start.year:04d}-Q{(start.month - 1) // 3 + 1}"
    return f"{start.year:04d}-{start.month:02d}"


def period_anchor(label: str) -> str:
    return f"p-{label}"


def chart_series(series: al.PairSeries, counterpart_of: str | None = None) -> ChartSeries:
    """A pair series as one chart line; keyed and labelled by the counterpart of
    ``counterpart_of`` (the actor page), else by the pair (the pair page)."""
    other = series.b if counterpart_of == series.a.id else series.a
    if counterpart_of is None:
        key, label = f"{series.a.id}|{series.b.id}", f"{series.a.name} and {series.b.name}"
    else:
        key, label = other.id, other.name
    return ChartSeries(
        key=key,
        label=label,
        points=[
            ChartPoint(
                period=period_label(p.start, series.interval),
                score=p.score,
                statements=p.statements,
            )
            for p in series.points
        ],
    )


# --- what the pages show -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ActorPage:
    detail: ActorDetail
    alignment: al.ActorAlignment
    series: list[al.PairSeries]
    relations: list[ActorRelation]
    interval: str
    since: dt.date | None
    until: dt.date | None


def chart_counterparts(alignment: al.ActorAlignment, top: int) -> list[al.CounterpartScore]:
    """The counterparts the actor page draws: those with the most statements (the main
    relationships, not a lone strong sentence), then the strongest scores either way."""
    ranked = sorted(
        [*alignment.closest, *alignment.hostile],
        key=lambda c: (-c.statements, -abs(c.score), c.counterpart.id),
    )
    return ranked[:top]


async def load_actor_page(
    reader: GraphReader,
    actor_id: str,
    *,
    settings: Settings,
    interval: str = "month",
    top: int = 5,
    since: dt.date | None = None,
    until: dt.date | None = None,
    today: dt.date | None = None,
) -> ActorPage:
    """Everything the actor page shows; NotFoundError for an unknown actor, 422s (invalid
    parameters) from the alignment service."""
    al.check_interval(interval)
    al.check_window(since, until)
    detail = await reader.get_actor(actor_id)
    # Every counterpart (the chart picks by statements), then the tables' top of each list.
    everyone = await al.actor_alignment(
        reader,
        actor_id,
        top=COUNTERPARTS_READ,
        since=since,
        until=until,
        settings=settings,
        today=today,
    )
    alignment = dataclasses.replace(
        everyone,
        closest=everyone.closest[:top],
        hostile=everyone.hostile[:top],
        moved=everyone.moved[:top],
    )
    series = [
        await al.pair_series(
            reader,
            actor_id,
            c.counterpart.id,
            interval=interval,
            since=since,
            until=alignment.as_of,
            settings=settings,
            today=today,
        )
        for c in chart_counterparts(everyone, top)
    ]
    relations = await reader.actor_relations(
        actor_id,
        list(RelationType),
        "both",
        DateWindow(since=since, until=until),
        None,
        RELATIONS_SHOWN,
    )
    return ActorPage(
        detail=detail,
        alignment=alignment,
        series=series,
        relations=relations,
        interval=interval,
        since=since,
        until=until,
    )


async def load_pair_page(
    reader: GraphReader,
    a: str,
    b: str,
    *,
    settings: Settings,
    interval: str = "month",
    since: dt.date | None = None,
    until: dt.date | None = None,
    today: dt.date | None = None,
) -> al.PairSeries:
    return await al.pair_series(
        reader, a, b, interval=interval, since=since, until=until, settings=settings, today=today
    )


# --- rendering ---------------------------------------------------------------------------------


@cache
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(_TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["score"] = format_score
    env.filters["safe_url"] = safe_url
    return env


def _render(template: str, **values: Any) -> str:
    return _environment().get_template(template).render(**values)


def _evidence_view(ev: al.Evidence) -> dict[str, Any]:
    document = ev.document
    return {
        "id": ev.statement_id,
        "sentence": ev.sentence,
        "headline": f"{ev.subject.name} {_type_word(ev.type)} {ev.object.name}",
        "when": ev.when.isoformat() if ev.when != dt.date.min else "undated",
        "confidence": ev.confidence,
        "modality": ev.modality,
        "intensity": ev.intensity,
        "title": (document.title or document.url or "untitled document") if document else None,
        "url": safe_url(document.url) if document else None,
        "source": document.source if document else None,
    }


def _type_word(type_value: str) -> str:
    try:
        return TYPE_WORDS[RelationType(type_value)]
    except ValueError:
        return type_value.lower()


def render_pair_page(series: al.PairSeries, links: ViewLinks) -> str:
    interval = series.interval
    query = {"since": series.since.isoformat(), "until": series.until.isoformat()}
    periods = []
    for point in series.points:
        label = period_label(point.start, interval)
        periods.append(
            {
                "label": label,
                "anchor": period_anchor(label),
                "start": point.start.isoformat(),
                "end": point.end.isoformat(),
                "score": point.score,
                "statements": point.statements,
                "intensity_mean": point.intensity_mean,
                "evidence": [_evidence_view(ev) for ev in point.evidence],
            }
        )
    with_statements = {p["label"] for p in periods if p["statements"]}

    def href(_series: ChartSeries, point: ChartPoint) -> str | None:
        return f"#{period_anchor(point.period)}" if point.period in with_statements else None

    chart = alignment_chart(
        [chart_series(series)],
        title=f"Alignment of {series.a.name} and {series.b.name} per {interval}",
        point_href=href,
        chart_id="pair-chart",
    )
    return _render(
        "view_pair.html",
        title=f"{series.a.name} and {series.b.name} over time",
        series=series,
        chart=Markup(chart),  # alignment_chart escapes every value it inserts
        periods=[p for p in periods if p["statements"]],
        total=series.statements,
        intervals=[
            (name, links.pair(series.a.id, series.b.id, interval=name, until=query["until"]))
            for name in al.INTERVALS
        ],
        links={
            "home": links.home(),
            "whole_map": links.whole_map(),
            "a": links.actor(series.a.id),
            "b": links.actor(series.b.id),
            "json": links.pair_json(series.a.id, series.b.id, interval=interval, **query),
        },
    )


def render_actor_page(page: ActorPage, links: ViewLinks) -> str:
    actor = page.detail.actor
    alignment = page.alignment
    until = alignment.as_of.isoformat()
    since = page.since.isoformat() if page.since else None

    def pair_link(other: str) -> str:
        return links.pair(actor.id, other, interval=page.interval, since=since, until=until)

    def href(one: ChartSeries, point: ChartPoint) -> str:
        return pair_link(one.key) + f"#{period_anchor(point.period)}"

    chart = alignment_chart(
        [chart_series(s, counterpart_of=actor.id) for s in page.series],
        title=f"Alignment of {actor.name} with its top counterparts per {page.interval}",
        point_href=href,
        chart_id="actor-chart",
    )
    latest = []
    for s in page.series:
        other = s.b if s.a.id == actor.id else s.a
        evidence = sorted(
            (ev for p in s.points for ev in p.evidence),
            key=lambda ev: (ev.when, ev.statement_id),
            reverse=True,
        )
        latest.append(
            {
                "counterpart": other,
                "score": s.latest_score,
                "statements": s.statements,
                "pair": pair_link(other.id),
                "evidence": [_evidence_view(ev) for ev in evidence[:EVIDENCE_PER_COUNTERPART]],
            }
        )
    relations = [
        {
            "phrase": _relation_phrase(r),
            "counterpart": r.counterpart,
            "actor_page": links.actor(r.counterpart.id),
            "pair": pair_link(r.counterpart.id),
            "stats": r.stats,
        }
        for r in page.relations
    ]
    return _render(
        "view_actor.html",
        title=actor.name,
        actor=actor,
        counts=page.detail.counts,
        alignment=alignment,
        chart=Markup(chart),  # alignment_chart escapes every value it inserts
        has_series=bool(page.series),
        latest=latest,
        relations=relations,
        relations_capped=len(page.relations) >= RELATIONS_SHOWN,
        interval=page.interval,
        intervals=[
            (name, links.actor(actor.id, interval=name, since=since, until=until))
            for name in al.INTERVALS
        ],
        pair_link=pair_link,
        actor_link=links.actor,
        links={
            "home": links.home(),
            "whole_map": links.whole_map(),
            "map": links.actor_map(actor.id),
            "json": links.actor_json(actor.id),
        },
    )


def _relation_phrase(relation: ActorRelation) -> str:
    if relation.type.symmetric:
        return "partnership with"
    if relation.type is RelationType.SUPPLIES:
        return "supplies" if relation.direction == "out" else "supplied by"
    return "opposes" if relation.direction == "out" else "opposed by"


def render_error_page(status: int, message: str, links: ViewLinks) -> str:
    return _render(
        "view_error.html",
        title="Not found" if status == 404 else "Cannot show this page",
        status=status,
        message=message,
        links={"home": links.home(), "whole_map": links.whole_map()},
    )
