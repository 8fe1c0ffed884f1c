"""Shared by the store's read modules: relation-type lists and driver values (Neo4j dates,
lists, numbers) as plain Python."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable
from typing import Any

from graph_service.dates import parse_date
from graph_service.models import RelationType

ALL_TYPES: tuple[RelationType, ...] = tuple(RelationType)
SYMMETRIC_TYPES: list[str] = [t.value for t in RelationType if t.symmetric]


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
