"""Alignment over time (issue 13): a score in [-1, 1] between two actors per period, an
actor's closest and most hostile counterparts, and what changed in a period.

The three ``async`` entry points read sums the database computes per period or per edge
(``cypher/read/pair_periods``, ``changed_edges``, ``actor_edges``) through the store's read
port and finish the arithmetic here (``*_from_periods`` / ``*_from_edges``). The same sums in
Python (:func:`aggregate_periods`, :func:`aggregate_edges`) make the ``*_from`` functions,
the reference the unit tests check by hand and the database's answers are compared with.

**The score.** At a day ``t``, over the non-negated statements ``i`` between ``a`` and ``b``
(both directions, every relation type) whose time ``t_i`` (the event's date when the
sentence gives one, else the report's) is on or before ``t`` (and on or after ``since``
in a series)::

    score(t) = Σ w_i · m_i · c_i · (I_i / 10)  /  (Σ w_i · m_i · c_i + K)
    w_i = 0.5 ** ((t − t_i) / H)

``I_i`` is the statement's intensity (Goldstein scale, −10 … +10), ``c_i`` its confidence,
``m_i`` its modality weight (1 for asserted and reported statements,
``alignment_speculative_weight``, default 0.5, for speculative ones), ``H`` the
half-life in days (``alignment_half_life_days``, default 180) and ``K`` the prior weight
(``alignment_prior_weight``, default 1): neutral evidence that never ages, so a lone
statement scores less than its ``I/10`` and a score fades toward 0 without news. With
``K = 0`` the score is the plain decayed mean of ``I/10``, whose day factor cancels out
(it keeps its value without news). The score stays in [-1, 1]. Statements
without an intensity (stored before intensities existed) count as statements but not in
the score; a period with no scored statement so far has no score (None).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal, Protocol, get_args

from graph_service.config import Settings
from graph_service.errors import InvalidParameterError
from graph_service.models import Modality, RelationType
from graph_service.store.reader import GraphReader
from graph_service.store.records import (
    ActorRef,
    DocumentRef,
    EdgeAggregate,
    EvidenceKey,
    PeriodAggregate,
    ScoredStatement,
    SeriesQuery,
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
    prior_weight: float = 1.0

    @classmethod
    def of(cls, settings: Settings) -> AlignmentParams:
        return cls(
            half_life_days=settings.alignment_half_life_days,
            speculative_weight=settings.alignment_speculative_weight,
            max_periods=settings.alignment_max_periods,
            evidence_per_period=settings.alignment_evidence_per_period,
            change_min_delta=settings.alignment_change_min_delta,
            prior_weight=settings.alignment_prior_weight,
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
    # with a prior the ages count from t itself: old evidence fades toward 0
    latest = t if params.prior_weight > 0 else max(s.when or t for s in scored)
    num = den = 0.0
    for stmt in scored:
        w = decay((latest - (stmt.when or t)).days, params)
        w *= modality_weight(stmt.modality, params)
        num += w * stmt.confidence * (stmt.intensity or 0.0) / 10.0
        den += w * stmt.confidence
    return _ratio(num, den, params)


def _ratio(num: float, den: float, params: AlignmentParams) -> float | None:
    """``num / (den + K)`` within [-1, 1], ``K`` the prior weight; None without evidence.
    Ranking rounds it to 9 places, so that equal scores computed in a different order
    (Python, the database) rank the same."""
    if den + params.prior_weight <= 0.0:
        return None
    return max(-1.0, min(1.0, num / (den + params.prior_weight)))


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


def series_query(interval: str, params: AlignmentParams) -> SeriesQuery:
    """What ``read/pair_periods`` needs to aggregate like :func:`aggregate_periods`."""
    return SeriesQuery(
        unit=check_interval(interval),
        months=_MONTHS[interval],
        half_life_days=params.half_life_days,
        speculative_weight=params.speculative_weight,
        evidence=params.evidence_per_period,
    )


def aggregate_periods(
    statements: Iterable[Scored],
    interval: str,
    since: dt.date | None,
    until: dt.date,
    params: AlignmentParams,
) -> list[PeriodAggregate]:
    """Per calendar period, what ``cypher/read/pair_periods`` computes in the database:
    counts, intensity, ``num = Σ w·I/10`` and ``den = Σ w`` with ``w`` the statement's weight
    decayed to the period's end (clipped to ``until``), and the strongest statements' ids."""
    groups: dict[dt.date, list[Scored]] = {}
    for stmt in statements:
        if stmt.when is None or stmt.when > until or (since is not None and stmt.when < since):
            continue
        groups.setdefault(period_start(stmt.when, interval), []).append(stmt)
    out: list[PeriodAggregate] = []
    for start in sorted(groups):
        members = groups[start]
        following = next_period(start, interval)
        end = until if following is None else min(following - dt.timedelta(days=1), until)
        num = den = 0.0
        for stmt in members:
            if stmt.intensity is None:
                continue
            w = decay((end - (stmt.when or end)).days, params)
            w *= modality_weight(stmt.modality, params) * stmt.confidence
            num += w * stmt.intensity / 10.0
            den += w
        count, total, _ = _intensity(members)
        out.append(
            PeriodAggregate(
                start=start,
                first=min(s.when or start for s in members),
                statements=len(members),
                intensity_statements=count,
                intensity_sum=total,
                num=num,
                den=den,
                evidence_ids=[s.id for s in _strongest(members, params)][
                    : params.evidence_per_period
                ],
            )
        )
    return out


def series_from_periods(
    a: ActorRef,
    b: ActorRef,
    aggregates: Sequence[PeriodAggregate],
    evidence: Mapping[str, Scored],
    interval: str,
    since: dt.date,
    until: dt.date,
    params: AlignmentParams,
) -> PairSeries:
    """The series from per-period aggregates: the decayed sums are carried from one period
    end to the next (multiplied by ``0.5 ** (days / H)``), which is exactly the sum over
    every statement so far. Without new statements the ratio stays as it is (the factor is
    common to both sums), so the sums are decayed only when statements are added.
    ``evidence`` holds the statements behind the aggregates' evidence ids."""
    check_interval(interval)
    check_window(since, until)
    by_start = {agg.start: agg for agg in aggregates}
    points: list[SeriesPoint] = []
    num = den = 0.0
    scored = 0
    updated: dt.date | None = None  # the period end the sums were last decayed to
    for start, end in periods(since, until, interval):
        agg = by_start.get(period_start(start, interval))
        fresh = agg is not None and agg.intensity_statements
        if updated is not None and (fresh or params.prior_weight > 0):
            # with a prior weight the score fades without news; without one the factor
            # would cancel out of the ratio, so the sums are decayed only when added to
            factor = decay((end - updated).days, params)
            num, den = num * factor, den * factor
            updated = end
        if agg is not None and fresh:
            num, den = num + agg.num, den + agg.den
            scored += agg.intensity_statements
            updated = end
        count = agg.intensity_statements if agg else 0
        total = agg.intensity_sum if agg else 0.0
        points.append(
            SeriesPoint(
                start=start,
                end=end,
                score=_ratio(num, den, params) if scored else None,
                statements=agg.statements if agg else 0,
                intensity_statements=count,
                intensity_sum=total,
                intensity_mean=round(total / count, 6) if count else None,
                scored_statements=scored,
                evidence=[
                    _evidence(evidence[i], params)
                    for i in (agg.evidence_ids if agg else [])
                    if i in evidence
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


def series_from(
    a: ActorRef,
    b: ActorRef,
    statements: Sequence[Scored],
    interval: str,
    since: dt.date,
    until: dt.date,
    params: AlignmentParams,
) -> PairSeries:
    """The series of ``statements`` (those of the pair) per period of ``since`` … ``until``."""
    check_interval(interval)
    check_window(since, until)
    aggregates = aggregate_periods(statements, interval, since, until, params)
    return series_from_periods(
        a, b, aggregates, {s.id: s for s in statements}, interval, since, until, params
    )


def _too_many(since: dt.date, end: dt.date, interval: str, params: AlignmentParams) -> None:
    count = count_periods(since, end, interval)
    if count > params.max_periods:
        raise InvalidParameterError(
            f"{count} {interval} periods from since to until; at most {params.max_periods}: "
            "a later since or a longer interval",
            field="since",
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
    periods; an explicit ``since`` that needs more periods is a 422 naming ``since``).
    The database aggregates per period (``read/pair_periods``, with the evidence)."""
    params = AlignmentParams.of(settings)
    query = series_query(interval, params)
    check_window(since, until)
    if a == b:
        raise InvalidParameterError("a and b must be two different actors", field="b")
    end = until or today or dt.date.today()
    if since is not None:
        if since > end:
            raise InvalidParameterError(
                "since must not be after until (default: today)", field="until"
            )
        _too_many(since, end, interval, params)
    ref_a, ref_b, aggregates = await reader.pair_periods(a, b, since, end, query)
    start = since
    if start is None:
        start = min((agg.first for agg in aggregates), default=end)
        if count_periods(start, end, interval) > params.max_periods:
            start = period_start(end, interval)
            for _ in range(params.max_periods - 1):
                start = period_start(start - dt.timedelta(days=1), interval)
            aggregates = [agg for agg in aggregates if agg.start >= start]
    evidence = {s.id: s for agg in aggregates for s in agg.evidence}
    return series_from_periods(ref_a, ref_b, aggregates, evidence, interval, start, end, params)


# --- an actor and its counterparts ---------------------------------------------------------------


def actor_alignment_from_edges(
    actor: ActorRef,
    edges: Sequence[EdgeAggregate],
    as_of: dt.date,
    since: dt.date | None,
    top: int,
    params: AlignmentParams,
) -> ActorAlignment:
    """Closest (highest positive score) and most hostile (lowest negative) counterparts at
    ``as_of``, and with ``since`` who moved most (largest ``|delta|``) from the score at
    ``since`` (statements before it) to the score at ``as_of``; from the actor's edges
    aggregated up to ``as_of`` and split at ``since``."""
    check_window(since, as_of)
    limit = params.evidence_per_period
    by_counterpart: dict[str, list[EdgeAggregate]] = {}
    refs: dict[str, ActorRef] = {}
    for edge in edges:
        other = edge.target if edge.source.id == actor.id else edge.source
        if other.id == actor.id:
            continue
        refs[other.id] = other
        by_counterpart.setdefault(other.id, []).append(edge)
    standing: list[CounterpartScore] = []
    moved: list[Movement] = []
    for other_id, members in by_counterpart.items():
        scored = sum(e.intensity_statements for e in members)
        after_den = sum(e.after_den for e in members)
        score = _ratio(sum(e.after_num for e in members), after_den, params) if scored else None
        if score is not None:
            standing.append(
                CounterpartScore(
                    counterpart=refs[other_id],
                    score=score,
                    statements=sum(e.statements for e in members),
                    last_seen=max(e.last_seen for e in members),
                    evidence_ids=_strongest_keys(
                        (k for e in members for k in e.evidence_all), limit
                    ),
                )
            )
        recent = sum(e.statements - e.before_statements for e in members)
        if since is None or not recent:
            continue
        before_scored = sum(e.before_intensity_statements for e in members)
        before = (
            _ratio(sum(e.before_num for e in members), sum(e.before_den for e in members), params)
            if before_scored
            else None
        )
        moved.append(
            Movement(
                counterpart=refs[other_id],
                before=before,
                after=score,
                delta=(score or 0.0) - (before or 0.0),
                statements_since=recent,
                evidence_ids=_strongest_keys((k for e in members for k in e.evidence), limit),
            )
        )
    closest = sorted(
        (c for c in standing if c.score > 0),
        key=lambda c: (-round(c.score, 9), -c.statements, c.counterpart.id),
    )
    hostile = sorted(
        (c for c in standing if c.score < 0),
        key=lambda c: (round(c.score, 9), -c.statements, c.counterpart.id),
    )
    moved.sort(key=lambda m: (-round(abs(m.delta), 9), m.counterpart.id))
    return ActorAlignment(
        actor=actor,
        as_of=as_of,
        since=since,
        closest=closest[:top],
        hostile=hostile[:top],
        moved=[m for m in moved if m.delta != 0.0][:top],
    )


def actor_alignment_from(
    actor: ActorRef,
    statements: Sequence[ScoredStatement],
    as_of: dt.date,
    since: dt.date | None,
    top: int,
    params: AlignmentParams,
) -> ActorAlignment:
    """:func:`actor_alignment_from_edges` of :func:`aggregate_edges` over the actor's
    statements (others are left out)."""
    check_window(since, as_of)
    own = [s for s in statements if actor.id in (s.subject.id, s.object.id)]
    edges = aggregate_edges(own, since, as_of, as_of, params)
    return actor_alignment_from_edges(actor, edges, as_of, since, top, params)


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
    """:func:`actor_alignment_from_edges` over the actor's edges aggregated in the database
    (``read/actor_edges``); ``until`` (the day scored, "now") defaults to today."""
    if top < 1:
        raise InvalidParameterError("top must be at least 1", field="top")
    as_of = until or today or dt.date.today()
    check_window(since, as_of)
    params = AlignmentParams.of(settings)
    actor, edges = await reader.actor_edges(actor_id, since, as_of, series_query("month", params))
    return actor_alignment_from_edges(actor, edges, as_of, since, top, params)


# --- what changed -------------------------------------------------------------------------------


def aggregate_edges(
    statements: Sequence[ScoredStatement],
    since: dt.date | None,
    until: dt.date | None,
    end: dt.date,
    params: AlignmentParams,
) -> list[EdgeAggregate]:
    """Per edge (pair key), what ``cypher/read/changed_edges`` computes in the database
    from the statements (up to ``until``) of the pairs active in the period: counts,
    weight, intensity, first and last day, the same before ``since``, the decayed sums
    before ``since`` (at ``since``) and of all (at ``end``; a statement after ``end``
    counts undecayed), and the period's strongest statements."""
    groups: dict[str, list[ScoredStatement]] = {}
    for stmt in statements:
        if until is None or stmt.when <= until:
            groups.setdefault(stmt.key, []).append(stmt)
    out: list[EdgeAggregate] = []
    for key in sorted(groups):
        members = groups[key]
        source, type_value, target = key.split("|")
        before = [s for s in members if since is not None and s.when < since]
        count, total, _ = _intensity(members)
        before_count, before_total, _ = _intensity(before)
        num_b = den_b = num_a = den_a = 0.0
        for stmt in members:
            if stmt.intensity is None:
                continue
            mc = modality_weight(stmt.modality, params) * stmt.confidence
            after_w = decay((end - stmt.when).days, params) * mc
            num_a, den_a = num_a + after_w * stmt.intensity / 10.0, den_a + after_w
            if since is not None and stmt.when < since:
                before_w = decay((since - stmt.when).days, params) * mc
                num_b, den_b = num_b + before_w * stmt.intensity / 10.0, den_b + before_w
        refs = {s.subject.id: s.subject for s in members} | {s.object.id: s.object for s in members}
        recent = [s for s in members if since is None or s.when >= since]
        out.append(
            EdgeAggregate(
                key=key,
                type=type_value,
                source=refs[source],
                target=refs[target],
                statements=len(members),
                weight=round(sum(s.confidence for s in members), 6),
                intensity_statements=count,
                intensity_sum=total,
                first_seen=min(s.when for s in members),
                last_seen=max(s.when for s in members),
                before_statements=len(before),
                before_intensity_statements=before_count,
                before_intensity_sum=before_total,
                before_num=num_b,
                before_den=den_b,
                after_num=num_a,
                after_den=den_a,
                evidence=_keys(recent, params),
                evidence_all=_keys(members, params),
            )
        )
    return out


def _keys(statements: Sequence[ScoredStatement], params: AlignmentParams) -> list[EvidenceKey]:
    ranked = sorted(
        statements, key=lambda s: (-abs(contribution(s, params)), -s.when.toordinal(), s.id)
    )
    return [EvidenceKey(s.id, contribution(s, params), s.when) for s in ranked][
        : params.evidence_per_period
    ]


def _strongest_keys(keys: Iterable[EvidenceKey], limit: int) -> list[str]:
    ranked = sorted(keys, key=lambda k: (-abs(k.strength), -k.day.toordinal(), k.id))
    return [k.id for k in ranked[:limit]]


def _figures(
    statements: int,
    intensity_statements: int,
    intensity_sum: float,
    num: float,
    den: float,
    params: AlignmentParams,
) -> PairFigures:
    intensity_sum = round(intensity_sum, 6)
    return PairFigures(
        score=_ratio(num, den, params) if intensity_statements else None,
        statements=statements,
        intensity_statements=intensity_statements,
        intensity_sum=intensity_sum,
        intensity_mean=round(intensity_sum / intensity_statements, 6)
        if intensity_statements
        else None,
    )


def changes_from_edges(
    edges: Sequence[EdgeAggregate],
    since: dt.date,
    until: dt.date | None,
    actor: str | None,
    params: AlignmentParams,
) -> Changes:
    """New edges (first seen on or after ``since``), and the pairs seen before ``since``
    whose score moved by at least ``change_min_delta`` from ``since`` to the period's end:
    reversed (the sign changed), strengthened (further from 0), weakened (closer to 0)."""
    check_window(since, until)
    limit = params.evidence_per_period
    new: list[NewEdge] = []
    by_pair: dict[tuple[str, str], list[EdgeAggregate]] = {}
    for edge in edges:
        a, b = sorted((edge.source.id, edge.target.id))
        by_pair.setdefault((a, b), []).append(edge)
        if edge.before_statements or edge.statements == 0:
            continue
        new.append(
            NewEdge(
                type=RelationType(edge.type),
                source=edge.source,
                target=edge.target,
                figures=EdgeFigures(
                    statements=edge.statements,
                    weight=edge.weight,
                    intensity_statements=edge.intensity_statements,
                    intensity_sum=edge.intensity_sum,
                    intensity_mean=round(edge.intensity_sum / edge.intensity_statements, 6)
                    if edge.intensity_statements
                    else None,
                    first_seen=edge.first_seen,
                    last_seen=edge.last_seen,
                ),
                evidence_ids=_strongest_keys(edge.evidence, limit),
            )
        )
    new.sort(
        key=lambda e: (
            -e.figures.first_seen.toordinal(),
            -e.figures.weight,
            e.source.id,
            e.target.id,
        )
    )
    grouped: dict[str, list[PairChange]] = {"strengthened": [], "weakened": [], "reversed": []}
    for (a, b), members in sorted(by_pair.items()):
        in_period = sum(e.statements - e.before_statements for e in members)
        if not in_period:
            continue
        before = _figures(
            sum(e.before_statements for e in members),
            sum(e.before_intensity_statements for e in members),
            sum(e.before_intensity_sum for e in members),
            sum(e.before_num for e in members),
            sum(e.before_den for e in members),
            params,
        )
        after = _figures(
            sum(e.statements for e in members),
            sum(e.intensity_statements for e in members),
            sum(e.intensity_sum for e in members),
            sum(e.after_num for e in members),
            sum(e.after_den for e in members),
            params,
        )
        if before.score is None or after.score is None:
            continue  # a new pair (its edges are in `new`) or nothing scored
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
        refs = {e.source.id: e.source for e in members} | {e.target.id: e.target for e in members}
        grouped[kind].append(
            PairChange(
                kind=kind,
                a=refs[a],
                b=refs[b],
                before=before,
                after=after,
                delta=delta,
                types=sorted({e.type for e in members if e.statements > e.before_statements}),
                statements_in_period=in_period,
                evidence_ids=_strongest_keys((k for e in members for k in e.evidence), limit),
            )
        )
    for items in grouped.values():
        items.sort(key=lambda c: (-round(abs(c.delta), 9), c.a.id, c.b.id))
    return Changes(
        since=since,
        until=until,
        actor=actor,
        new=new,
        strengthened=grouped["strengthened"],
        weakened=grouped["weakened"],
        reversed=grouped["reversed"],
    )


def changes_from(
    statements: Sequence[ScoredStatement],
    since: dt.date,
    until: dt.date | None,
    actor: str | None,
    params: AlignmentParams,
    today: dt.date | None = None,
) -> Changes:
    """:func:`changes_from_edges` of :func:`aggregate_edges` (the day scored is ``until``,
    else today). ``statements``: every statement (up to ``until``) of the pairs of actors
    with one in the period, each with its edge's pair key."""
    check_window(since, until)
    end = until or today or dt.date.today()
    return changes_from_edges(
        aggregate_edges(statements, since, until, end, params), since, until, actor, params
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
    """What changed in ``since`` … ``until`` (None: no end; scored at today), aggregated per
    edge in the database (``read/changed_edges``)."""
    check_window(since, until)
    params = AlignmentParams.of(settings)
    end = until or today or dt.date.today()
    edges = await reader.changed_edges(since, until, end, actor, series_query("month", params))
    return changes_from_edges(edges, since, until, actor, params)


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
