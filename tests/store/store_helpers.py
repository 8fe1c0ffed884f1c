"""Hand-made documents and statements, and graph read-backs, for the storage tests.

Storage tests never depend on the extractor: they state exactly what was extracted.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import neo4j

from graph_service.config import Settings
from graph_service.models import Document, Modality, RelationType, Statement


def doc(
    name: str,
    text: str | None = None,
    *,
    url: str | None = None,
    date: dt.date | None = dt.date(2024, 6, 19),
    title: str | None = None,
    lang: str = "de",
) -> Document:
    return Document(
        path=f"/corpus/{name}.md",
        text=text if text is not None else f"Text of {name}.",
        title=title or name,
        date=date,
        url=url,
        source="Test Press",
        lang=lang,
    )


def st(
    d: Document,
    subject: str,
    type_: RelationType | str,
    obj: str,
    *,
    sentence: int = 0,
    confidence: float = 0.8,
    negated: bool = False,
    modality: Modality = Modality.ASSERTED,
    items: list[str] | None = None,
    evidence: str | None = None,
    subtype: str | None = None,
    **when_and_strength: Any,
) -> Statement:
    """``when_and_strength``: date_kind, event_date, event_date_end, date_text, intensity,
    quad_class (issue 13), as the extractor would set them."""
    return Statement(
        path=d.path,
        subject=subject,
        type=RelationType(type_),
        object=obj,
        evidence=evidence or f"Sentence {sentence} of {d.title}: {subject} {type_} {obj}.",
        confidence=confidence,
        negated=negated,
        modality=modality,
        items=items or [],
        subtype=subtype,
        rule="test",
        sentence_index=sentence,
        span=(10 * sentence, 10 * sentence + 9),
        **when_and_strength,
    )


def q(drv: neo4j.Driver, settings: Settings, query: str, **params: Any) -> list[dict[str, Any]]:
    records, _, _ = drv.execute_query(query, params, database_=settings.neo4j_database)  # type: ignore[arg-type]
    return [r.data() for r in records]


def _plain(value: Any) -> Any:
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value.to_native() if hasattr(value, "to_native") else value


def snapshot(
    drv: neo4j.Driver, settings: Settings, *, ignore: frozenset[str] = frozenset()
) -> dict[str, Any]:
    """Every node and relationship with all properties (but those named in ``ignore``,
    e.g. the time of writing), order-independent."""
    nodes = q(drv, settings, "MATCH (n) RETURN labels(n) AS labels, properties(n) AS props")
    rels = q(
        drv,
        settings,
        "MATCH (a)-[r]->(b) RETURN coalesce(a.id, elementId(a)) AS a, type(r) AS type, "
        "coalesce(b.id, elementId(b)) AS b, properties(r) AS props",
    )
    for row in (*nodes, *rels):
        row["props"] = {k: v for k, v in row["props"].items() if k not in ignore}
    node_set = sorted(
        repr((sorted(n["labels"]), sorted((k, _plain(v)) for k, v in n["props"].items())))
        for n in nodes
    )
    rel_set = sorted(
        repr((r["a"], r["type"], r["b"], sorted((k, _plain(v)) for k, v in r["props"].items())))
        for r in rels
    )
    props = sum(len(n["props"]) for n in nodes) + sum(len(r["props"]) for r in rels)
    return {
        "nodes": len(nodes),
        "rels": len(rels),
        "props": props,
        "node_set": node_set,
        "rel_set": rel_set,
    }


def edges(drv: neo4j.Driver, settings: Settings) -> dict[tuple[str, str, str], dict[str, Any]]:
    rows = q(
        drv,
        settings,
        "MATCH (a:Actor)-[r:PARTNERSHIP|SUPPLIES|OPPOSES]->(b:Actor) "
        "RETURN a.id AS a, type(r) AS type, b.id AS b, properties(r) AS props",
    )
    out: dict[tuple[str, str, str], dict[str, Any]] = {}
    for r in rows:
        key = (r["a"], r["type"], r["b"])
        assert key not in out, f"duplicate aggregated edge {key}"
        out[key] = {k: _plain(v) for k, v in r["props"].items()}
    return out


def edges_from_scratch(
    drv: neo4j.Driver, settings: Settings
) -> dict[tuple[str, str, str], dict[str, Any]]:
    """What the aggregated edges must be, computed from the statements alone."""
    rows = q(
        drv,
        settings,
        """
        MATCH (s:Statement)-[:SUBJECT]->(x:Actor), (s)-[:OBJECT]->(y:Actor), (s)-[:IN]->(d)
        WHERE NOT s.negated AND x <> y
        WITH CASE WHEN s.type = 'PARTNERSHIP' AND y.id < x.id THEN y.id ELSE x.id END AS a,
             CASE WHEN s.type = 'PARTNERSHIP' AND y.id < x.id THEN x.id ELSE y.id END AS b,
             s, d, coalesce(s.event_date, s.date) AS when
        RETURN a, s.type AS type, b, count(s) AS statements, count(DISTINCT d) AS documents,
               sum(s.confidence) AS weight, max(s.confidence) AS confidence,
               min(when) AS first_seen, max(when) AS last_seen,
               collect(s.items) AS items, collect(s.modality) AS modalities,
               count(s.intensity) AS intensities, sum(s.intensity) AS intensity_sum
        """,
    )
    out: dict[tuple[str, str, str], dict[str, Any]] = {}
    for r in rows:
        out[(r["a"], r["type"], r["b"])] = {
            "statements": r["statements"],
            "documents": r["documents"],
            "weight": round(r["weight"], 6),
            "confidence": r["confidence"],
            "first_seen": _plain(r["first_seen"]),
            "last_seen": _plain(r["last_seen"]),
            "items": sorted({i for lst in r["items"] for i in lst}),
            "speculative": all(m == "speculative" for m in r["modalities"]),
            "intensity_statements": r["intensities"],
            "intensity_sum": round(r["intensity_sum"], 6),
            "intensity_mean": round(r["intensity_sum"] / r["intensities"], 6)
            if r["intensities"]
            else None,
        }
    return out


def comparable(edge_map: dict[tuple[str, str, str], dict[str, Any]]) -> dict[Any, Any]:
    """Edges with items sorted and weight rounded, to compare with ``edges_from_scratch``."""
    return {
        k: {
            "first_seen": None,  # a null property is absent in Neo4j
            "last_seen": None,
            "intensity_mean": None,
            **v,
            "items": sorted(v["items"]),
            "weight": round(v["weight"], 6),
        }
        for k, v in edge_map.items()
    }
