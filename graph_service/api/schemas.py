"""Public API models (``...Public``, ``...Page``) and the mappers from store records."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Literal, Self

from pydantic import BaseModel, ConfigDict, Field, field_validator

from graph_service.models import DateKind, Modality, QuadClass, RelationType, Statement
from graph_service.store import records as rec

ACTOR_ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.:\-]{0,99}$"
QUERY_NAME_PATTERN = r"^[a-z0-9_]{1,64}$"
# Markup that has no place in an article's plain text (and is dangerous if echoed).
# Only real HTML elements (and comments) count: prose such as "3<x und y>2" or
# "JavaScript: Russland greift an" is text. A javascript: URL has no space after the colon.
_HTML_ELEMENTS = (
    "a|abbr|applet|area|article|aside|audio|b|base|basefont|bdi|bdo|blockquote|body|br|button|"
    "canvas|caption|center|cite|code|col|colgroup|data|datalist|dd|del|details|dfn|dialog|div|"
    "dl|dt|em|embed|fieldset|figcaption|figure|font|footer|form|frame|frameset|h[1-6]|head|"
    "header|hr|html|i|iframe|img|input|ins|kbd|label|legend|li|link|main|map|mark|marquee|math|"
    "menu|meta|meter|nav|noscript|object|ol|optgroup|option|output|p|param|picture|pre|"
    "progress|q|s|samp|script|section|select|slot|small|source|span|strong|style|sub|summary|"
    "sup|svg|table|tbody|td|template|textarea|tfoot|th|thead|time|title|tr|track|u|ul|var|"
    "video|wbr|xmp"
)
_MARKUP = re.compile(
    rf"<\s*/?\s*(?:{_HTML_ELEMENTS})(?=[\s/>])[^<>]*>|<!--|<!\[CDATA\[|<\?xml"
    r"|javascript:\S|vbscript:\S|data\s*:\s*text/html",
    re.IGNORECASE,
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class _Public(BaseModel):
    model_config = ConfigDict(extra="forbid")


class _FromRecord(_Public):
    """A public model whose fields are named as the store record's attributes: ``of`` copies
    them field for field (a record missing a required field fails validation)."""

    @classmethod
    def of(cls, record: object) -> Self:
        return cls.model_validate(record, from_attributes=True)


# --- errors ------------------------------------------------------------------------------


class ErrorBody(_Public):
    code: str = Field(description="Stable machine-readable error code.")
    message: str = Field(description="What went wrong, for a human.")
    field: str | None = Field(default=None, description="The input field that is wrong.")


class ErrorResponse(_Public):
    """The one error shape of the API."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {"error": {"code": "not_found", "message": "no actor with id 'XYZ'", "field": "id"}}
            ]
        }
    )
    error: ErrorBody


# --- health ------------------------------------------------------------------------------


class HealthPublic(_Public):
    model_config = ConfigDict(json_schema_extra={"examples": [{"status": "ok"}]})
    status: Literal["ok"] = "ok"


class ReadyPublic(_Public):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [{"status": "ready", "neo4j": "Neo4j/5.26.0", "missing_schema": []}]
        }
    )
    status: Literal["ready"] = "ready"
    neo4j: str | None = None
    missing_schema: list[str] = Field(default_factory=list)


# --- actors ------------------------------------------------------------------------------


class ActorRefPublic(_FromRecord):
    id: str = Field(examples=["PRK"])
    name: str = Field(examples=["North Korea"])
    kind: str | None = Field(default=None, examples=["state"])


_ACTOR_EXAMPLE: dict[str, Any] = {
    "id": "PRK",
    "name": "North Korea",
    "kind": "state",
    "names_de": ["Nordkorea"],
    "names_en": ["North Korea", "DPRK"],
    "aliases": ["Pjöngjang"],
    "state": None,
    "role": None,
}


class ActorPublic(_FromRecord):
    model_config = ConfigDict(json_schema_extra={"examples": [_ACTOR_EXAMPLE]})
    id: str
    name: str
    kind: str | None = None
    names_de: list[str] = Field(default_factory=list)
    names_en: list[str] = Field(default_factory=list)
    aliases: list[str] = Field(default_factory=list)
    state: str | None = None
    role: str | None = None


class ActorPage(_Public):
    items: list[ActorPublic]
    next_cursor: str | None = Field(
        default=None, description="Pass as `cursor` for the next page; null on the last page."
    )


class RelationCountPublic(_FromRecord):
    type: str = Field(examples=["SUPPLIES"], description="Relation type (or LEADS).")
    direction: Literal["out", "in", "both"] = Field(
        description="out: the actor is the source; in: the target; both: symmetric relation."
    )
    edges: int = Field(description="Number of counterparts.")
    statements: int = Field(description="Number of statements behind those edges.")


class ActorDetailPublic(ActorPublic):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    **_ACTOR_EXAMPLE,
                    "relation_counts": [
                        {"type": "PARTNERSHIP", "direction": "both", "edges": 2, "statements": 7},
                        {"type": "SUPPLIES", "direction": "out", "edges": 1, "statements": 12},
                    ],
                }
            ]
        }
    )
    relation_counts: list[RelationCountPublic] = Field(default_factory=list)

    @classmethod
    def of_detail(cls, detail: rec.ActorDetail) -> ActorDetailPublic:
        base = ActorPublic.of(detail.actor).model_dump()
        return cls(
            **base,
            relation_counts=[RelationCountPublic.of(c) for c in detail.counts],
        )


# --- relations ---------------------------------------------------------------------------


class _EdgeStatsPublic(_Public):
    statements: int = Field(description="Statements behind the edge.", examples=[12])
    documents: int = Field(description="Documents those statements come from.", examples=[5])
    weight: float = Field(description="Aggregated strength of the edge.", examples=[4.2])
    confidence: float | None = Field(default=None, examples=[0.81])
    first_seen: dt.date | None = Field(default=None, examples=["2023-09-13"])
    last_seen: dt.date | None = Field(default=None, examples=["2024-11-02"])
    items: list[str] = Field(default_factory=list, examples=[["artillery ammunition"]])
    speculative: bool = Field(default=False, description="Only speculative statements.")
    intensity_statements: int = Field(
        default=0, description="Statements behind the edge that have an intensity.", examples=[3]
    )
    intensity_sum: float = Field(
        default=0.0, description="Sum of their Goldstein intensities.", examples=[24.9]
    )
    intensity_mean: float | None = Field(
        default=None, description="Mean intensity (-10 … +10); null when none.", examples=[8.3]
    )

    @staticmethod
    def stats(stats: rec.EdgeStats) -> dict[str, Any]:
        return {
            "statements": stats.statements,
            "documents": stats.documents,
            "weight": stats.weight,
            "confidence": stats.confidence,
            "first_seen": stats.first_seen,
            "last_seen": stats.last_seen,
            "items": stats.items,
            "speculative": stats.speculative,
            "intensity_statements": stats.intensity_statements,
            "intensity_sum": stats.intensity_sum,
            "intensity_mean": stats.intensity_mean,
        }


class ActorRelationPublic(_EdgeStatsPublic):
    type: RelationType
    direction: Literal["out", "in", "both"]
    counterpart: ActorRefPublic

    @classmethod
    def of(cls, rel: rec.ActorRelation) -> ActorRelationPublic:
        return cls(
            type=rel.type,
            direction=rel.direction,
            counterpart=ActorRefPublic.of(rel.counterpart),
            **cls.stats(rel.stats),
        )


class ActorRelationList(_Public):
    actor: str = Field(examples=["PRK"])
    items: list[ActorRelationPublic]


class RelationPublic(_EdgeStatsPublic):
    type: RelationType
    source: ActorRefPublic
    target: ActorRefPublic
    evidence: str = Field(description="Path of the statements behind this edge.")

    @classmethod
    def of(cls, edge: rec.Edge) -> RelationPublic:
        return cls(
            type=edge.type,
            source=ActorRefPublic.of(edge.source),
            target=ActorRefPublic.of(edge.target),
            evidence=f"/relations/{edge.source.id}/{edge.type.value}/{edge.target.id}/evidence",
            **cls.stats(edge.stats),
        )


class RelationPage(_Public):
    items: list[RelationPublic]
    next_cursor: str | None = None


# --- statements --------------------------------------------------------------------------


class DocumentRefPublic(_FromRecord):
    id: str
    title: str | None = None
    url: str | None = None
    date: dt.date | None = None
    source: str | None = None
    lang: str | None = None


class StatementPublic(_Public):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": "st-8c1f",
                    "type": "SUPPLIES",
                    "subject": {"id": "PRK", "name": "North Korea", "kind": "state"},
                    "object": {"id": "RUS", "name": "Russia", "kind": "state"},
                    "sentence": "Nordkorea liefert Artilleriemunition an Russland.",
                    "subtype": "arms",
                    "items": ["artillery ammunition"],
                    "confidence": 0.85,
                    "modality": "asserted",
                    "negated": False,
                    "date": "2024-10-01",
                    "date_kind": "event",
                    "event_date": "2024-09-01",
                    "event_date_end": "2024-09-30",
                    "date_text": "im September",
                    "when": "2024-09-01",
                    "intensity": 7.0,
                    "quad_class": 2,
                    "document": {
                        "id": "doc-1",
                        "title": "Munition aus Pjöngjang",
                        "url": "https://example.org/a",
                        "date": "2024-10-01",
                    },
                }
            ]
        }
    )
    id: str
    type: str
    subject: ActorRefPublic
    object: ActorRefPublic
    sentence: str = Field(description="The evidence: the sentence or clause, verbatim.")
    subtype: str | None = None
    items: list[str] = Field(default_factory=list)
    confidence: float
    modality: str
    negated: bool = False
    attributed_to: str | None = None
    rule: str | None = None
    date: dt.date | None = Field(default=None, description="The report's (document's) date.")
    date_kind: str | None = Field(
        default=None, description="reported, event, period_start or period.", examples=["event"]
    )
    event_date: dt.date | None = Field(
        default=None, description="First day of the event or period the sentence dates."
    )
    event_date_end: dt.date | None = Field(
        default=None, description="Last day (inclusive); null for an open period ('since')."
    )
    date_text: str | None = Field(default=None, description="The date as the sentence writes it.")
    when: dt.date | None = Field(
        default=None, description="The statement's time: event_date when known, else date."
    )
    intensity: float | None = Field(
        default=None, description="Goldstein scale (-10 … +10); null when negated.", examples=[7.0]
    )
    quad_class: int | None = Field(
        default=None, description="CAMEO QuadClass 1-4; null when negated.", examples=[2]
    )
    span: list[int] | None = Field(default=None, description="[start, end] in the text.")
    sentence_index: int | None = None
    document: DocumentRefPublic | None = None

    @classmethod
    def of(cls, s: rec.StatementRecord) -> StatementPublic:
        return cls(
            id=s.id,
            type=s.type,
            subject=ActorRefPublic.of(s.subject),
            object=ActorRefPublic.of(s.object),
            sentence=s.evidence,
            subtype=s.subtype,
            items=s.items,
            confidence=s.confidence,
            modality=s.modality,
            negated=s.negated,
            attributed_to=s.attributed_to,
            rule=s.rule,
            date=s.date,
            date_kind=s.date_kind,
            event_date=s.event_date,
            event_date_end=s.event_date_end,
            date_text=s.date_text,
            when=s.when,
            intensity=s.intensity,
            quad_class=s.quad_class,
            span=list(s.span) if s.span else None,
            sentence_index=s.sentence_index,
            document=DocumentRefPublic.of(s.document) if s.document else None,
        )


class StatementPage(_Public):
    items: list[StatementPublic]
    next_cursor: str | None = None


class EvidencePage(_Public):
    source: str
    type: RelationType
    target: str
    items: list[StatementPublic]
    next_cursor: str | None = None


# --- graph -------------------------------------------------------------------------------


class GraphEdgePublic(_EdgeStatsPublic):
    source: str
    target: str
    type: RelationType

    @classmethod
    def of(cls, edge: rec.Edge) -> GraphEdgePublic:
        return cls(
            source=edge.source.id, target=edge.target.id, type=edge.type, **cls.stats(edge.stats)
        )


class GraphPublic(_Public):
    center: str | None = None
    depth: int | None = None
    nodes: list[ActorRefPublic]
    edges: list[GraphEdgePublic]
    truncated: bool = Field(description="True when the edge limit cut the graph.")


# --- named queries and ad hoc Cypher -----------------------------------------------------


class QueryParameterPublic(_Public):
    name: str = Field(examples=["actor"])
    type: Literal["string", "integer", "number", "boolean", "date"]
    description: str
    required: bool
    default: Any = None
    minimum: int | None = Field(default=None, description="Smallest accepted value (numbers).")
    maximum: int | None = Field(default=None, description="Largest accepted value (numbers).")


class NamedQueryPublic(_Public):
    name: str = Field(examples=["allies_of"])
    description: str
    parameters: list[QueryParameterPublic]


class NamedQueryList(_Public):
    items: list[NamedQueryPublic]


class NamedQueryRequest(_Public):
    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"examples": [{"parameters": {"actor": "RUS"}}]}
    )
    parameters: dict[str, Any] = Field(
        default_factory=dict, description="Values for the query's declared parameters."
    )


class CypherRequest(_Public):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "query": "MATCH (a:Actor {id: $id})-[r:SUPPLIES]->(b) RETURN b.id, r.weight",
                    "parameters": {"id": "PRK"},
                }
            ]
        },
    )
    query: str = Field(min_length=1, max_length=100_000, description="Read-only Cypher.")
    parameters: dict[str, Any] = Field(default_factory=dict)


class QueryResultPublic(_Public):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "columns": ["id", "weight"],
                    "rows": [{"id": "RUS", "weight": 4.2}],
                    "row_count": 1,
                    "truncated": False,
                }
            ]
        }
    )
    name: str | None = None
    columns: list[str]
    rows: list[dict[str, Any]]
    row_count: int
    truncated: bool = Field(description="True when the row cap cut the result.")

    @classmethod
    def of(cls, result: rec.QueryResult, name: str | None = None) -> QueryResultPublic:
        return cls(
            name=name,
            columns=result.columns,
            rows=result.rows,
            row_count=len(result.rows),
            truncated=result.truncated,
        )


# --- documents and extraction ------------------------------------------------------------


def _clean_text(value: str, what: str) -> str:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ValueError(f"{what} is not valid Unicode text") from exc
    if _CONTROL.search(value):
        raise ValueError(f"{what} holds control characters: it looks binary, not text")
    if _MARKUP.search(value):
        raise ValueError(f"{what} contains HTML markup or script; send the plain text")
    return value


class DocumentIn(_Public):
    """One article as plain text, with optional metadata."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "text": "Russland und Nordkorea haben eine strategische Partnerschaft "
                    "vereinbart.",
                    "title": "Pakt zwischen Moskau und Pjöngjang",
                    "url": "https://example.org/news/1",
                    "date": "2024-06-19",
                    "lang": "de",
                }
            ]
        },
    )
    text: str = Field(min_length=1, description="The article text (plain text, UTF-8).")
    title: str | None = Field(default=None, max_length=1000)
    url: str | None = Field(default=None, max_length=2000, pattern=r"^https?://[^\s<>\"]+$")
    date: dt.date | None = None
    lang: str | None = Field(default=None, pattern=r"^[a-z]{2,3}$")
    source: str | None = Field(default=None, max_length=200)
    id: str | None = Field(default=None, pattern=r"^[A-Za-z0-9_.:/\-]{1,200}$")

    @field_validator("text")
    @classmethod
    def _text(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("text is empty")
        return _clean_text(value, "text")

    @field_validator("title", "source")
    @classmethod
    def _meta(cls, value: str | None) -> str | None:
        return None if value is None else _clean_text(value, "the value")


class DocumentBatchIn(_Public):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [{"documents": [{"text": "Nordkorea liefert Raketen an Russland."}]}]
        },
    )
    documents: list[DocumentIn] = Field(min_length=1)


# A domain Statement as the API shows it, mapped in ``of`` (the one place). Deliberately its own
# declaration, not a subclass: the public contract leaves out the input path and the sentence
# index, gives the span as a list, and must not change when the domain model does.
class ExtractedStatementPublic(_Public):
    subject: str
    type: RelationType
    object: str
    evidence: str
    confidence: float
    subtype: str | None = None
    items: list[str] = Field(default_factory=list)
    negated: bool = False
    modality: Modality = Modality.ASSERTED
    attributed_to: str | None = None
    lang: str | None = None
    date: dt.date | None = None
    date_kind: DateKind | None = None
    event_date: dt.date | None = None
    event_date_end: dt.date | None = None
    date_text: str | None = None
    when: dt.date | None = Field(default=None, description="event_date when known, else date.")
    intensity: float | None = Field(default=None, description="Goldstein scale; null when negated.")
    quad_class: QuadClass | None = Field(default=None, description="CAMEO QuadClass 1-4.")
    span: list[int] | None = None
    rule: str

    @classmethod
    def of(cls, s: Statement) -> ExtractedStatementPublic:
        return cls(
            subject=s.subject,
            type=s.type,
            object=s.object,
            evidence=s.evidence,
            confidence=s.confidence,
            subtype=s.subtype,
            items=list(s.items),
            negated=s.negated,
            modality=s.modality,
            attributed_to=s.attributed_to,
            lang=s.lang,
            date=s.date,
            date_kind=s.date_kind,
            event_date=s.event_date,
            event_date_end=s.event_date_end,
            date_text=s.date_text,
            when=s.when,
            intensity=None if s.negated else s.intensity,
            quad_class=None if s.negated else s.quad_class,
            span=list(s.span) if s.span else None,
            rule=s.rule,
        )


class ExtractResult(_Public):
    statements: list[ExtractedStatementPublic]


class DocumentWritten(_Public):
    document_id: str
    status: str = Field(examples=["new"], description="new, unchanged or replaced.")
    stored: int = Field(description="Statements stored for the document.")
    statements: list[ExtractedStatementPublic]


class DocumentsWritten(_Public):
    items: list[DocumentWritten]
