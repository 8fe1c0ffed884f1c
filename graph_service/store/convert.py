"""Shared by the store's read modules: relation-type lists and driver values (Neo4j dates,
lists, numbers) as plain Python."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping
from typing import Any

import neo4j
import neo4j.graph
import neo4j.spatial
import neo4j.time

from graph_service.dates import parse_date
from graph_service.models import RelationType


def type_values(types: Iterable[RelationType]) -> list[str]:
    """Relation types as the strings a Cypher ``$types`` parameter holds."""
    return [t.value for t in types]


def to_date(value: Any) -> dt.date | None:
    """A Neo4j ``Date``/``DateTime``, a Python date or an ISO string as a date; else None."""
    if hasattr(value, "to_native"):
        value = value.to_native()
    return parse_date(value)


def str_list(value: Any) -> list[str]:
    """A list property as strings (a lone string is a list of one)."""
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value]


def finite_float(value: Any, default: float = 0.0) -> float:
    """A number, or ``default`` when it is missing, not a number, NaN or infinite."""
    try:
        result = float(value)
    except (TypeError, ValueError):
        return default
    return result if math.isfinite(result) else default


def plain(value: Any) -> Any:
    """A driver value as JSON-compatible Python (nodes, paths, temporal and spatial types)."""
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, neo4j.graph.Node):
        return {
            "element_id": value.element_id,
            "labels": sorted(value.labels),
            "properties": {k: plain(v) for k, v in value.items()},
        }
    if isinstance(value, neo4j.graph.Relationship):
        return {
            "element_id": value.element_id,
            "type": value.type,
            "start": value.start_node.element_id if value.start_node else None,
            "end": value.end_node.element_id if value.end_node else None,
            "properties": {k: plain(v) for k, v in value.items()},
        }
    if isinstance(value, neo4j.graph.Path):
        return {
            "nodes": [plain(n) for n in value.nodes],
            "relationships": [plain(r) for r in value.relationships],
        }
    if isinstance(value, neo4j.time.Date | neo4j.time.DateTime | neo4j.time.Time):
        return value.iso_format()
    if isinstance(value, neo4j.time.Duration):
        return value.iso_format()
    if isinstance(value, dt.date | dt.datetime | dt.time):
        return value.isoformat()
    if isinstance(value, dt.timedelta):
        return value.total_seconds()
    if isinstance(value, neo4j.spatial.Point):
        return {"srid": value.srid, "coordinates": [plain(c) for c in value]}
    if isinstance(value, bytes | bytearray):
        return value.hex()
    if isinstance(value, Mapping):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    return str(value)


def plain_row(record: neo4j.Record) -> dict[str, Any]:
    """A result record as a JSON-compatible row (column -> :func:`plain` value)."""
    return {key: plain(value) for key, value in zip(record.keys(), record.values(), strict=True)}
