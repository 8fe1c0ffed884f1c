"""Alignment over time (issue 13): a score in [-1, 1] between two actors per period, an
actor's closest and most hostile counterparts, and what changed in a period.

Pure computation over the records the store's read port returns; the three ``async``
entry points read, the ``*_from`` functions compute (unit-tested without a database).

**The score.** At a day ``t``, over the non-negated statements ``i`` between ``a`` and ``b``
(both directions, every relation type) whose time ``t_i`` (the event's date when the
sentence gives one, else the report's) is on or before ``t`` (and on or after ``since``
in a series)::

    score(t) = Σ w_i · m_i · c_i · (I_i / 10)  /  Σ w_i · m_i · c_i
    w_i = 0.5 ** ((t − t_i) / H)

``I_i`` is the statement's intensity (Goldstein scale, −10 … +10), ``c_i`` its confidence,
``m_i`` its modality weight (1 for asserted and reported statements,
``alignment_speculative_weight``, default 0.5, for speculative ones) and ``H`` the
half-life in days (``alignment_half_life_days``, default 180). The score is a weighted
mean of ``I/10``, so it stays in [-1, 1]. The decay weighs a statement against the newer
ones: its factor at ``t`` is common to numerator and denominator, so the score changes
only when statements arrive (without news it keeps its last value, and a lone statement
scores its own ``I/10`` whatever its age). Statements
without an intensity (stored before intensities existed) count as statements but not in
the score; a period with no scored statement so far has no score (None).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal, Protocol, get_args

from graph_service.config import Settings
from graph_service.errors import InvalidParameterError
from graph_service.models import Modality, RelationType
from graph_service.store.reader import GraphReader
from graph_service.store.records import (
    ActorRef,
    DateWindow,
    DocumentRef,
    ScoredStatement,
    StatementRecord,
)

logger = logging.getLogger(__name__)

Interval = Literal["month", "quarter", "year"]
INTERVALS: tuple[str, ...] = get_args(Interval)
_MONTHS = {"month": 1, "quarter": 3, "year": 12}


# --- parameters ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AlignmentParams:
    """The knobs of the score (from :class:`Settings`, see the module docstring)."""

    half_life_days: float = 180.0
    speculative_weight: float = 0.5
    max_periods: int = 240
    evidence_per_period: int = 5
    change_min_delta: float = 0.1

    @classmethod
    def of(cls, settings: Settings) -> AlignmentParams:
        return cls(
            half_life_days=settings.alignment_half_life_days,
            speculative_weight=settings.alignment_speculative_weight,
            max_periods=settings.alignment_max_periods,
            evidence_per_period=settings.alignment_evidence_per_period,
            change_min_delta=settings.alignment_change_min_delta,
        )


class Scored(Protocol):
    """What a score reads of a statement (a :class:`StatementRecord` or a
    :class:`~graph_service.store.records.ScoredStatement`)."""

    @property
    def id(self) -> str: ...
    @property
    def type(self) -> str: ...
    @property
    def subject(self) -> ActorRef: ...
    @property
    def object(self) -> ActorRef: ...
    @property
    def when(self) -> dt.date | None: ...
    @property
    def confidence(self) -> float: ...
    @property
    def modality(self) -> str: ...
    @property
    def intensity(self) -> float | None: ...


# --- results ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Evidence:
    """One statement behind a point, strongest first: ``contribution`` is its
    ``m · c · I/10`` (undecayed, its own strength)."""

    statement_id: str
    type: str
    subject: ActorRef
    object: ActorRef
    sentence: str
    when: dt.date
    confidence: float
    modality: str
    intensity: float | None
    contribution: float
    document: DocumentRef | None = None


@dataclass(frozen=True, slots=True)
class SeriesPoint:
    """One period of a pair series: ``start`` … ``end`` (inclusive, clipped to the series'
    since/until), the score at ``end`` (None while no statement has been scored), this
    period's statements and their intensity (sum and mean over those that have one), how
    many statements the score at ``end`` rests on, and the period's strongest statements."""

    start: dt.date
    end: dt.date
    score: float | None
    statements: int
    intensity_statements: int
    intensity_sum: float
    intensity_mean: float | None
    scored_statements: int
    evidence: list[Evidence] = field(default_factory=list)

    @property
    def evidence_ids(self) -> list[str]:
        return [e.statement_id for e in self.evidence]


@dataclass(frozen=True, slots=True)
class PairSeries:
    a: ActorRef
    b: ActorRef
    interval: str
    since: dt.date
    until: dt.date
    half_life_days: float
    points: list[SeriesPoint]

    @property
    def statements(self) -> int:
        return sum(p.statements for p in self.points)

    @property
    def latest_score(self) -> float | None:
        return self.points[-1].score if self.points else None


@dataclass(frozen=True, slots=True)
class CounterpartScore:
    """An actor's standing with one counterpart at ``as_of``."""

    counterpart: ActorRef
    score: float
    statements: int
    last_seen: dt.date
    evidence_ids: list[str]


@dataclass(frozen=True, slots=True)
class Movement:
    """How an actor's score with a counterpart moved from ``since`` to ``as_of``:
    ``before`` from the statements before ``since`` (None: there were none), ``after``
    from all up to ``as_of``; ``delta`` = after − (before or 0)."""

    counterpart: ActorRef
    before: float | None
    after: float | None
    delta: float
    statements_since: int
    evidence_ids: list[str]


@dataclass(frozen=True, slots=True)
class ActorAlignment:
    actor: ActorRef
    as_of: dt.date
    since: dt.date | None
    closest: list[CounterpartScore]
    hostile: list[CounterpartScore]
    moved: list[Movement]


@dataclass(frozen=True, slots=True)
class EdgeFigures:
    """An aggregated edge up to the end of the period: statements, weight (summed
    confidence), intensity (count, sum, mean of those that have one), first and last seen."""

    statements: int
    weight: float
    intensity_statements: int
    intensity_sum: float
    intensity_mean: float | None
    first_seen: dt.date
    last_seen: dt.date


@dataclass(frozen=True, slots=True)
class NewEdge:
    """An edge first seen within the period (no statement before ``since``)."""

    type: RelationType
    source: ActorRef
    target: ActorRef
    figures: EdgeFigures
    evidence_ids: list[str]


@dataclass(frozen=True, slots=True)
class PairFigures:
    """A pair (both directions, every type) at one day: score and statements so far."""

    score: float | None
    statements: int
    intensity_statements: int
    intensity_sum: float
    intensity_mean: float | None


ChangeKind = Literal["strengthened", "weakened", "reversed"]


@dataclass(frozen=True, slots=True)
class PairChange:
    """A pair seen before the period whose score moved by at least the threshold:
    ``before`` at ``since`` (statements before it), ``after`` at the period's end."""

    kind: ChangeKind
    a: ActorRef
    b: ActorRef
    before: PairFigures
    after: PairFigures
    delta: float
    types: list[str]
    statements_in_period: int
    evidence_ids: list[str]


@dataclass(frozen=True, slots=True)
class Changes:
    since: dt.date
    until: dt.date | None
    actor: str | None
    new: list[NewEdge]
    strengthened: list[PairChange]
    weakened: list[PairChange]
    reversed: list[PairChange]


# --- the arithmetic ------------------------------------------------------------------------------


def modality_weight(modality: str, params: AlignmentParams) -> float:
    return params.speculative_weight if modality == Modality.SPECULATIVE.value else 1.0


def decay(age_days: float, params: AlignmentParams) -> float:
    """``0.5 ** (age / H)``; a statement dated after the day scored counts fully."""
    return float(0.5 ** (max(age_days, 0.0) / params.half_life_days))


def contribution(stmt: Scored, params: AlignmentParams) -> float:
    """``m · c · I/10``: the statement's signed strength before decay (0 without intensity)."""
    if stmt.intensity is None:
        return 0.0
    return modality_weight(stmt.modality, params) * stmt.confidence * stmt.intensity / 10.0


def score_at(statements: Iterable[Scored], t: dt.date, params: AlignmentParams) -> float | None:
    """The score at ``t`` over the given statements dated on or before ``t``.

    ``0.5 ** ((t − t_i) / H)`` is ``0.5 ** ((t − t_last) / H)`` times
    ``0.5 ** ((t_last − t_i) / H)``: the first factor is common to numerator and
    denominator, so the ages are taken from the latest statement ``t_last`` (same score,
    and no underflow for a ``t`` centuries away)."""
    scored = [
        s for s in statements if s.when is not None and s.when <= t and s.intensity is not None
    ]
    if not scored:
        return None
    latest = max(s.when or t for s in scored)
    num = den = 0.0
    for stmt in scored:
        w = decay((latest - (stmt.when or t)).days, params)
        w *= modality_weight(stmt.modality, params)
        num += w * stmt.confidence * (stmt.intensity or 0.0) / 10.0
        den += w * stmt.confidence
    return _ratio(num, den)


def _ratio(num: float, den: float) -> float | None:
    if den <= 0.0:
        return None
    return max(-1.0, min(1.0, num / den))


def _strongest(statements: Iterable[Scored], params: AlignmentParams) -> list[Scored]:
    return sorted(
        statements,
        key=lambda s: (-abs(contribution(s, params)), -(s.when or dt.date.min).toordinal(), s.id),
    )


def _intensity(statements: Sequence[Scored]) -> tuple[int, float, float | None]:
    values = [s.intensity for s in statements if s.intensity is not None]
    total = round(sum(values, 0.0), 6)
    return len(values), total, (round(total / len(values), 6) if values else None)


# --- periods ------------------------------------------------------------------------------------


def period_start(day: dt.date, interval: str) -> dt.date:
    months = _MONTHS[interval]
    return dt.date(day.year, (day.month - 1) // months * months + 1, 1)


def next_period(start: dt.date, interval: str) -> dt.date | None:
    """The first day of the period after the one starting at ``start`` (None after 9999)."""
    month = start.month - 1 + _MONTHS[interval]
    year = start.year + month // 12
    return dt.date(year, month % 12 + 1, 1) if year <= dt.MAXYEAR else None


def periods(since: dt.date, until: dt.date, interval: str) -> list[tuple[dt.date, dt.date]]:
    """Calendar periods covering ``since`` … ``until``, each clipped to that range."""
    out: list[tuple[dt.date, dt.date]] = []
    start = period_start(since, interval)
    while start <= until:
        following = next_period(start, interval)
        last = dt.date.max if following is None else following - dt.timedelta(days=1)
        out.append((max(start, since), min(last, until)))
        if following is None:
            break
        start = following
    return out


def count_periods(since: dt.date, until: dt.date, interval: str) -> int:
    first, last = period_start(since, interval), period_start(until, interval)
    months = (last.year - first.year) * 12 + last.month - first.month
    return months // _MONTHS[interval] + 1


def check_interval(interval: str) -> str:
    if interval not in INTERVALS:
        raise InvalidParameterError(
            f"interval must be one of {', '.join(INTERVALS)}, got {interval!r}", field="interval"
        )
    return interval


def check_window(since: dt.date | None, until: dt.date | None) -> None:
    if since is not None and until is not None and since > until:
        raise InvalidParameterError("until must not be before since", field="until")


# --- a pair over time ----------------------------------------------------------------------------


def _evidence(stmt: Scored, params: AlignmentParams) -> Evidence:
    record = stmt if isinstance(stmt, StatementRecord) else None
    return Evidence(
        statement_id=stmt.id,
        type=stmt.type,
        subject=stmt.subject,
        object=stmt.object,
        sentence=record.evidence if record else "",
        when=stmt.when or dt.date.min,
        confidence=stmt.confidence,
        modality=stmt.modality,
        intensity=stmt.intensity,
        contribution=round(contribution(stmt, params), 6),
        document=record.document if record else None,
    )


def series_from(
    a: ActorRef,
    b: ActorRef,
    statements: Sequence[Scored],
    interval: str,
    since: dt.date,
    until: dt.date,
    params: AlignmentParams,
) -> PairSeries:
    """The series of ``statements`` (those of the pair) per period of ``since`` … ``until``.

    The decayed sums are carried from one period end to the next (multiplied by
    ``0.5 ** (days / H)``), which is exactly the sum over every statement so far."""
    check_interval(interval)
    check_window(since, until)
    dated = sorted(
        (s for s in statements if s.when is not None and since <= s.when <= until),
        key=lambda s: (s.when or dt.date.min, s.id),
    )
    points: list[SeriesPoint] = []
    num = den = 0.0
    scored = 0
    updated: dt.date | None = None  # the period end the sums were last decayed to
    index = 0
    for start, end in periods(since, until, interval):
        in_period: list[Scored] = []
        while index < len(dated) and (dated[index].when or dt.date.min) <= end:
            in_period.append(dated[index])
            index += 1
        new = [s for s in in_period if s.intensity is not None]
        if new:
            # Without new statements the ratio stays as it is (the decay factor is common
            # to both sums), so the sums are decayed only when statements are added.
            if updated is not None:
                factor = decay((end - updated).days, params)
                num, den = num * factor, den * factor
            for stmt in new:
                when = stmt.when or end
                w = decay((end - when).days, params) * modality_weight(stmt.modality, params)
                num += w * stmt.confidence * (stmt.intensity or 0.0) / 10.0
                den += w * stmt.confidence
            scored += len(new)
            updated = end
        count, total, mean = _intensity(in_period)
        points.append(
            SeriesPoint(
                start=start,
                end=end,
                score=_ratio(num, den) if scored else None,
                statements=len(in_period),
                intensity_statements=count,
                intensity_sum=total,
                intensity_mean=mean,
                scored_statements=scored,
                evidence=[
                    _evidence(s, params)
                    for s in _strongest(in_period, params)[: params.evidence_per_period]
                ],
            )
        )
    return PairSeries(
        a=a,
        b=b,
        interval=interval,
        since=since,
        until=until,
        half_life_days=params.half_life_days,
        points=points,
    )


async def pair_series(
    reader: GraphReader,
    a: str,
    b: str,
    *,
    interval: str = "month",
    since: dt.date | None = None,
    until: dt.date | None = None,
    settings: Settings,
    today: dt.date | None = None,
) -> PairSeries:
    """The alignment series of ``a`` and ``b``: ``until`` defaults to today, ``since`` to
    the first statement between them (then clipped to the last ``alignment_max_periods``
    periods; an explicit ``since`` that needs more periods is a 422 naming ``since``)."""
    params = AlignmentParams.of(settings)
    check_interval(interval)
    check_window(since, until)
    if a == b:
        raise InvalidParameterError("a and b must be two different actors", field="b")
    end = until or today or dt.date.today()
    if since is not None and since > end:
        raise InvalidParameterError("since must not be after until (default: today)", field="until")
    ref_a, ref_b, statements = await reader.pair_statements(a, b, DateWindow(since, end))
    start = since
    if start is None:
        first = min((s.when for s in statements if s.when is not None), default=end)
        start = first
        if count_periods(start, end, interval) > params.max_periods:
            start = period_start(end, interval)
            for _ in range(params.max_periods - 1):
                start = period_start(start - dt.timedelta(days=1), interval)
    elif count_periods(start, end, interval) > params.max_periods:
        raise InvalidParameterError(
            f"{count_periods(start, end, interval)} {interval} periods from since to until; "
            f"at most {params.max_periods}: a later since or a longer interval",
            field="since",
        )
    return series_from(ref_a, ref_b, statements, interval, start, end, params)


# --- an actor and its counterparts ---------------------------------------------------------------


def _other(stmt: Scored, actor_id: str) -> ActorRef:
    return stmt.object if stmt.subject.id == actor_id else stmt.subject


def _decayed_strongest(
    statements: Sequence[Scored], t: dt.date, params: AlignmentParams
) -> list[str]:
    ranked = sorted(
        statements,
        key=lambda s: (
            -abs(contribution(s, params)) * decay((t - (s.when or t)).days, params),
            s.id,
        ),
    )
    return [s.id for s in ranked[: params.evidence_per_period]]


def actor_alignment_from(
    actor: ActorRef,
    statements: Sequence[Scored],
    as_of: dt.date,
    since: dt.date | None,
    top: int,
    params: AlignmentParams,
) -> ActorAlignment:
    """Closest (highest positive score) and most hostile (lowest negative) counterparts at
    ``as_of``, and with ``since`` who moved most (largest ``|delta|``) from then to ``as_of``."""
    check_window(since, as_of)
    by_counterpart: dict[str, list[Scored]] = {}
    refs: dict[str, ActorRef] = {}
    for stmt in statements:
        if stmt.when is None or stmt.when > as_of:
            continue
        other = _other(stmt, actor.id)
        if other.id == actor.id:
            continue
        refs[other.id] = other
        by_counterpart.setdefault(other.id, []).append(stmt)
    standing: list[CounterpartScore] = []
    moved: list[Movement] = []
    for other_id, members in by_counterpart.items():
        score = score_at(members, as_of, params)
        if score is not None:
            standing.append(
                CounterpartScore(
                    counterpart=refs[other_id],
                    score=score,
                    statements=len(members),
                    last_seen=max(s.when or as_of for s in members),
                    evidence_ids=_decayed_strongest(members, as_of, params),
                )
            )
        if since is None:
            continue
        recent = [s for s in members if (s.when or as_of) >= since]
        if not recent:
            continue
        before = score_at([s for s in members if (s.when or as_of) < since], since, params)
        delta = (score or 0.0) - (before or 0.0)
        moved.append(
            Movement(
                counterpart=refs[other_id],
                before=before,
                after=score,
                delta=delta,
                statements_since=len(recent),
                evidence_ids=[s.id for s in _strongest(recent, params)][
                    : params.evidence_per_period
                ],
            )
        )
    closest = sorted(
        (c for c in standing if c.score > 0),
        key=lambda c: (-c.score, -c.statements, c.counterpart.id),
    )
    hostile = sorted(
        (c for c in standing if c.score < 0),
        key=lambda c: (c.score, -c.statements, c.counterpart.id),
    )
    moved.sort(key=lambda m: (-abs(m.delta), m.counterpart.id))
    return ActorAlignment(
        actor=actor,
        as_of=as_of,
        since=since,
        closest=closest[:top],
        hostile=hostile[:top],
        moved=[m for m in moved if m.delta != 0.0][:top],
    )


async def actor_alignment(
    reader: GraphReader,
    actor_id: str,
    *,
    top: int = 5,
    since: dt.date | None = None,
    until: dt.date | None = None,
    settings: Settings,
    today: dt.date | None = None,
) -> ActorAlignment:
    """:func:`actor_alignment_from` over the actor's statements; ``until`` (the day
    scored, "now") defaults to today."""
    if top < 1:
        raise InvalidParameterError("top must be at least 1", field="top")
    as_of = until or today or dt.date.today()
    check_window(since, as_of)
    actor, statements = await reader.actor_scored_statements(actor_id, as_of)
    return actor_alignment_from(actor, statements, as_of, since, top, AlignmentParams.of(settings))


# --- what changed -------------------------------------------------------------------------------


def _pair_figures(statements: Sequence[Scored], t: dt.date, params: AlignmentParams) -> PairFigures:
    count, total, mean = _intensity(statements)
    return PairFigures(
        score=score_at(statements, t, params),
        statements=len(statements),
        intensity_statements=count,
        intensity_sum=total,
        intensity_mean=mean,
    )


def _edge_ends(key: str) -> tuple[RelationType, str, str]:
    source, type_value, target = key.split("|")
    return RelationType(type_value), source, target


def changes_from(
    statements: Sequence[ScoredStatement],
    since: dt.date,
    until: dt.date | None,
    actor: str | None,
    params: AlignmentParams,
    today: dt.date | None = None,
) -> Changes:
    """New edges, and pairs that strengthened, weakened or reversed sign, in ``since`` …
    ``until`` (None: no end; the day scored is then the latest of today and the last
    statement). ``statements`` are every statement (up to ``until``) of the edges with one
    in the period, each with its edge's pair key."""
    check_window(since, until)
    dated = [s for s in statements if until is None or s.when <= until]
    by_edge: dict[str, list[Scored]] = {}
    for stmt in dated:
        by_edge.setdefault(stmt.key, []).append(stmt)
    latest = max((s.when for s in dated), default=since)
    end = until or max(today or dt.date.today(), latest)
    refs: dict[str, ActorRef] = {}
    for stmt in dated:
        refs[stmt.subject.id] = stmt.subject
        refs[stmt.object.id] = stmt.object

    def in_period(s: Scored) -> bool:
        return s.when is not None and s.when >= since

    new: list[NewEdge] = []
    by_pair: dict[tuple[str, str], list[Scored]] = {}
    for key, members in by_edge.items():
        type_, source, target = _edge_ends(key)
        a, b = sorted((source, target))
        by_pair.setdefault((a, b), []).extend(members)
        first = min(s.when or since for s in members)
        if first < since:
            continue
        count, total, mean = _intensity(members)
        new.append(
            NewEdge(
                type=type_,
                source=refs.get(source, ActorRef(source, source)),
                target=refs.get(target, ActorRef(target, target)),
                figures=EdgeFigures(
                    statements=len(members),
                    weight=round(sum(s.confidence for s in members), 6),
                    intensity_statements=count,
                    intensity_sum=total,
                    intensity_mean=mean,
                    first_seen=first,
                    last_seen=max(s.when or since for s in members),
                ),
                evidence_ids=[s.id for s in _strongest(members, params)][
                    : params.evidence_per_period
                ],
            )
        )
    new.sort(key=lambda e: (-e.figures.first_seen.toordinal(), -e.figures.weight, e.source.id))
    grouped: dict[str, list[PairChange]] = {"strengthened": [], "weakened": [], "reversed": []}
    for (a, b), members in sorted(by_pair.items()):
        earlier = [s for s in members if not in_period(s)]
        recent = [s for s in members if in_period(s)]
        if not recent:
            continue
        before = _pair_figures(earlier, since, params)
        after = _pair_figures(members, end, params)
        if before.score is None or after.score is None:
            continue  # new pair (its edges are in `new`) or nothing scored
        delta = after.score - before.score
        if delta == 0.0 or abs(delta) < params.change_min_delta:
            continue
        kind: ChangeKind
        if before.score * after.score < 0:
            kind = "reversed"
        elif abs(after.score) > abs(before.score):
            kind = "strengthened"
        elif abs(after.score) < abs(before.score):
            kind = "weakened"
        else:
            continue
        grouped[kind].append(
            PairChange(
                kind=kind,
                a=refs.get(a, ActorRef(a, a)),
                b=refs.get(b, ActorRef(b, b)),
                before=before,
                after=after,
                delta=delta,
                types=sorted({s.type for s in recent}),
                statements_in_period=len(recent),
                evidence_ids=[s.id for s in _strongest(recent, params)][
                    : params.evidence_per_period
                ],
            )
        )
    for items in grouped.values():
        items.sort(key=lambda c: (-abs(c.delta), c.a.id, c.b.id))
    return Changes(
        since=since,
        until=until,
        actor=actor,
        new=new,
        strengthened=grouped["strengthened"],
        weakened=grouped["weakened"],
        reversed=grouped["reversed"],
    )


async def changes(
    reader: GraphReader,
    *,
    since: dt.date,
    until: dt.date | None = None,
    actor: str | None = None,
    settings: Settings,
    today: dt.date | None = None,
) -> Changes:
    """:func:`changes_from` over the statements of the edges active in the period."""
    check_window(since, until)
    statements = await reader.changed_edge_statements(since, until, actor)
    return changes_from(
        statements,
        since,
        until,
        actor,
        AlignmentParams.of(settings),
        today=today,
    )


NEW_EDGE_COLUMNS = ["source", "type", "target", "first_seen", "weight", "statements"]


def new_edge_rows(report: Changes, limit: int) -> list[dict[str, object]]:
    """The named query ``new_edges_since`` as a case of :func:`changes`: the new edges,
    newest first, then by weight, source and target, as its columns (JSON values, as
    the named queries answer)."""
    ordered = sorted(
        report.new,
        key=lambda e: (
            -e.figures.first_seen.toordinal(),
            -e.figures.weight,
            e.source.id,
            e.target.id,
        ),
    )
    return [
        {
            "source": e.source.id,
            "type": e.type.value,
            "target": e.target.id,
            "first_seen": e.figures.first_seen.isoformat(),
            "weight": e.figures.weight,
            "statements": e.figures.statements,
        }
        for e in ordered[:limit]
    ]
