"""What a map shows: actors, aggregated relations and their evidence, plus what was left out.

The map service fills a :class:`MapGraph` (``graph_service.viz.maps``); the builder turns it into
one self-contained HTML page (``graph_service.viz.builder``). Nothing here knows Neo4j or HTML.
"""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field

from graph_service.errors import InputError
from graph_service.models import ActorKind, Modality, RelationType

DEFAULT_LIMIT = 300
MAX_LIMIT = 5000
DEFAULT_EVIDENCE_PER_EDGE = 20


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class MapFilters(_Strict):
    """The filters a map was drawn with (query parameters of /map, options of the CLI)."""

    types: list[RelationType] = Field(default_factory=lambda: list(RelationType))
    since: dt.date | None = Field(
        default=None, description="Keep relations last seen on or after this date."
    )
    until: dt.date | None = Field(
        default=None, description="Keep relations first seen on or before this date."
    )
    min_confidence: float = Field(default=0.0, ge=0.0, le=1.0)
    min_weight: float = Field(default=0.0, ge=0.0)
    limit: int = Field(
        default=DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description="Most actors on one map."
    )
    evidence_per_edge: int = Field(default=DEFAULT_EVIDENCE_PER_EDGE, ge=0, le=200)


class Evidence(_Strict):
    """One sentence behind a relation, with the document it came from (untrusted text)."""

    statement_id: str
    sentence: str
    confidence: float | None = None
    modality: Modality | None = None
    date: dt.date | None = None
    document_id: str | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None


class MapNode(_Strict):
    id: str
    name: str
    kind: ActorKind | None = None
    weight: float = Field(default=0.0, description="Sum of the weights of its shown relations.")
    bloc: int | None = Field(default=None, description="Index into MapGraph.blocs.")


class MapEdge(_Strict):
    """An aggregated relation. PARTNERSHIP is undirected (stored lower id -> higher id)."""

    source: str
    target: str
    type: RelationType
    weight: float = 0.0
    confidence: float = 0.0
    statements: int = 0
    documents: int = 0
    first_seen: dt.date | None = None
    last_seen: dt.date | None = None
    items: list[str] = Field(default_factory=list)
    speculative: bool = False
    evidence: list[Evidence] = Field(default_factory=list)
    evidence_total: int = Field(default=0, description="Statements behind it, shown or not.")
    months: dict[str, int] = Field(
        default_factory=dict,
        description="Its statements in the period counted by month (YYYY-MM of their time: "
        "the event date when known, else the report date); the map's time slider.",
    )

    @property
    def key(self) -> str:
        return f"{self.type.value}:{self.source}:{self.target}"


class Bloc(_Strict):
    """An alignment bloc: actors tied by partnership and supply, with no opposition inside."""

    index: int
    label: str
    members: list[str]


class Omitted(_Strict):
    """What a map left out to stay within its node limit."""

    nodes: int = 0
    edges: int = 0
    examples: list[str] = Field(default_factory=list, description="Names of left-out actors.")


class MapGraph(_Strict):
    nodes: list[MapNode] = Field(default_factory=list)
    edges: list[MapEdge] = Field(default_factory=list)
    blocs: list[Bloc] = Field(default_factory=list)
    center: str | None = None
    depth: int | None = None
    filters: MapFilters = Field(default_factory=MapFilters)
    omitted: Omitted = Field(default_factory=Omitted)
    generated_at: dt.datetime | None = None

    def node(self, node_id: str) -> MapNode | None:
        return next((n for n in self.nodes if n.id == node_id), None)


def parse_types(values: list[str] | None) -> list[RelationType]:
    """Relation types from user input: repeated or comma-separated, any case; all when empty."""
    names = [v.strip() for value in values or [] for v in value.split(",") if v.strip()]
    if not names:
        return list(RelationType)
    chosen: list[RelationType] = []
    for name in names:
        try:
            type_ = RelationType(name.upper())
        except ValueError:
            allowed = ", ".join(t.value.lower() for t in RelationType)
            raise InputError(
                f"unknown relation type {name!r}; use {allowed}", field="types"
            ) from None
        if type_ not in chosen:
            chosen.append(type_)
    return chosen
