"""The records the store's read port returns: plain Python values, no driver types.

Everything above the store (the API's schemas, the maps, the exports) is built from these.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from graph_service.models import RelationType

ALL_TYPES: tuple[RelationType, ...] = tuple(RelationType)
SYMMETRIC_TYPES: list[str] = [t.value for t in RelationType if t.symmetric]


@dataclass(frozen=True, slots=True)
class ActorRef:
    id: str
    name: str
    kind: str | None = None


@dataclass(frozen=True, slots=True)
class ActorRecord:
    id: str
    name: str
    kind: str | None
    names_de: list[str] = field(default_factory=list)
    names_en: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    state: str | None = None
    role: str | None = None


@dataclass(frozen=True, slots=True)
class RelationCount:
    type: str
    direction: str  # out | in | both (symmetric)
    edges: int
    statements: int


@dataclass(frozen=True, slots=True)
class ActorDetail:
    actor: ActorRecord
    counts: list[RelationCount]


@dataclass(frozen=True, slots=True)
class EdgeStats:
    statements: int = 0
    documents: int = 0
    weight: float = 0.0
    confidence: float | None = None
    first_seen: dt.date | None = None
    last_seen: dt.date | None = None
    items: list[str] = field(default_factory=list)
    speculative: bool = False
    # intensity (issue 13) of the non-negated statements that have one
    intensity_statements: int = 0
    intensity_sum: float = 0.0
    intensity_mean: float | None = None


@dataclass(frozen=True, slots=True)
class ActorRelation:
    type: RelationType
    direction: str  # out | in | both
    counterpart: ActorRef
    stats: EdgeStats


@dataclass(frozen=True, slots=True)
class Edge:
    type: RelationType
    source: ActorRef
    target: ActorRef
    stats: EdgeStats


@dataclass(frozen=True, slots=True)
class DocumentRef:
    id: str
    title: str | None = None
    url: str | None = None
    date: dt.date | None = None
    source: str | None = None
    lang: str | None = None


@dataclass(frozen=True, slots=True)
class StatementRecord:
    id: str
    type: str
    subject: ActorRef
    object: ActorRef
    evidence: str
    confidence: float
    modality: str
    negated: bool
    subtype: str | None
    items: list[str]
    attributed_to: str | None
    rule: str | None
    date: dt.date | None
    span: tuple[int, int] | None
    sentence_index: int | None
    document: DocumentRef | None
    # time and strength (issue 13); None on statements stored before them
    date_kind: str | None = None
    event_date: dt.date | None = None
    event_date_end: dt.date | None = None
    date_text: str | None = None
    intensity: float | None = None
    quad_class: int | None = None

    @property
    def when(self) -> dt.date | None:
        """The statement's time for filters and series: the event's date, else the report's."""
        return self.event_date or self.date


@dataclass(frozen=True, slots=True)
class ScoredStatement:
    """A statement as the alignment scores read it (issue 13): who, what, when, how strong;
    no sentence (the pair series reads whole :class:`StatementRecord` for that)."""

    id: str
    type: str
    subject: ActorRef
    object: ActorRef
    when: dt.date
    confidence: float
    modality: str
    intensity: float | None
    key: str  # pair_key of the aggregated edge (subject|TYPE|object, PARTNERSHIP ordered)


@dataclass(frozen=True, slots=True)
class PeriodAggregate:
    """One calendar period of a pair's statements (``read/pair_periods``): counts,
    intensity, the decayed sums of the alignment score at the period's end and the ids of
    the strongest statements."""

    start: dt.date  # the calendar period's first day
    first: dt.date  # the first statement's day in it
    statements: int
    intensity_statements: int
    intensity_sum: float
    num: float
    den: float
    evidence_ids: list[str]
    evidence: list[StatementRecord] = field(default_factory=list)  # those statements


@dataclass(frozen=True, slots=True)
class SeriesQuery:
    """How ``read/pair_periods`` aggregates: the period unit and length in months, the
    half-life, the weight of speculative statements and how many evidence ids per period."""

    unit: str
    months: int
    half_life_days: float
    speculative_weight: float
    evidence: int


@dataclass(frozen=True, slots=True)
class EvidenceKey:
    """A statement as evidence of a change: id, signed strength (modality weight ·
    confidence · intensity/10) and day."""

    id: str
    strength: float
    day: dt.date


@dataclass(frozen=True, slots=True)
class EdgeAggregate:
    """One aggregated edge as /changes and an actor's alignment read it
    (``read/changed_edges``, ``read/actor_edges``): its statements up to the period's end,
    the part before the period, the decayed score sums before the period (at its first
    day) and at its end, and the strongest statements."""

    key: str
    type: str
    source: ActorRef
    target: ActorRef
    statements: int
    weight: float
    intensity_statements: int
    intensity_sum: float
    first_seen: dt.date
    last_seen: dt.date
    before_statements: int
    before_intensity_statements: int
    before_intensity_sum: float
    before_num: float
    before_den: float
    after_num: float
    after_den: float
    evidence: list[EvidenceKey]  # the strongest from ``since`` on
    evidence_all: list[EvidenceKey] = field(default_factory=list)  # the strongest of all


@dataclass(frozen=True, slots=True)
class Subgraph:
    nodes: list[ActorRef]
    edges: list[Edge]
    truncated: bool
    # Around a center: how many steps each actor is from it (the center 0); else empty.
    distance: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class QueryResult:
    columns: list[str]
    rows: list[dict[str, Any]]
    truncated: bool


@dataclass(frozen=True, slots=True)
class Readiness:
    reachable: bool
    server: str | None
    missing_schema: list[str]
    detail: str | None = None

    @property
    def ready(self) -> bool:
        return self.reachable and not self.missing_schema


@dataclass(frozen=True, slots=True)
class DateWindow:
    since: dt.date | None = None
    until: dt.date | None = None


@dataclass(frozen=True, slots=True)
class EdgeFilter:
    """Which aggregated edges a graph read keeps (the /graph and map filters)."""

    types: Sequence[RelationType] = ALL_TYPES
    window: DateWindow = field(default_factory=DateWindow)
    min_weight: float = 0.0
    min_confidence: float | None = None


@dataclass(frozen=True, slots=True)
class EvidenceRef:
    """One statement behind an edge, as a map shows it."""

    statement_id: str
    sentence: str
    confidence: float | None
    modality: str | None
    date: dt.date | None
    document: DocumentRef | None


@dataclass(frozen=True, slots=True)
class EvidenceSample:
    """The best statements behind one edge, and how many there are in the period."""

    total: int
    statements: list[EvidenceRef]
