"""The named analyst queries in ``cypher/queries``: their documentation and parameters.

Each file opens with a header comment::

    // name: allies_of
    // description: Actors in a partnership with an actor, strongest first.
    // param: actor string Canonical actor ID
    // param: limit integer(1..1000)=25 Maximum number of rows
    // param: since date? Optional date (null when not given)

A parameter type is ``string``, ``integer``, ``number``, ``boolean`` or ``date``;
``(min..max)`` bounds a number (a value outside answers 422 naming the parameter, not a
database error); ``=value`` gives a default, ``?`` makes it optional with null.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from graph_service.api.errors import InvalidParameterError
from graph_service.errors import ConfigurationError, NotFoundError
from graph_service.store import catalog

TYPES = ("string", "integer", "number", "boolean", "date")
_PARAM = re.compile(
    r"^(?P<name>[a-z_][a-z0-9_]*)\s+(?P<type>[a-z]+)"
    r"(?:\((?P<low>-?\d+)\.\.(?P<high>-?\d+)\))?(?P<opt>\?|=\S+)?\s*(?P<doc>.*)$"
)
_INT64 = 2**63
MAX_STRING = 10_000


@dataclass(frozen=True, slots=True)
class QueryParameter:
    name: str
    type: str
    description: str
    required: bool
    default: Any = None
    low: int | None = None
    high: int | None = None


@dataclass(frozen=True, slots=True)
class NamedQuery:
    name: str
    description: str
    parameters: tuple[QueryParameter, ...]


def _convert(param: QueryParameter, value: Any, where: str) -> Any:
    """``value`` (from JSON or a header default) as the declared type, or a 422."""
    kind = param.type
    ok = True
    result: Any = value
    if kind == "string":
        ok = isinstance(value, str) and len(value) <= MAX_STRING
    elif kind == "integer":
        if isinstance(value, str):
            try:
                result = int(value)
            except ValueError:
                ok = False
        ok = ok and isinstance(result, int) and not isinstance(result, bool)
        ok = ok and -_INT64 <= result < _INT64
    elif kind == "number":
        if isinstance(value, str):
            try:
                result = float(value)
            except ValueError:
                ok = False
        ok = ok and isinstance(result, int | float) and not isinstance(result, bool)
        ok = ok and math.isfinite(result) and abs(result) < _INT64
        if ok:
            result = float(result)
    elif kind == "boolean":
        if isinstance(value, str) and value in ("true", "false"):
            result = value == "true"
        ok = isinstance(result, bool)
    elif kind == "date":
        try:
            result = dt.date.fromisoformat(value) if isinstance(value, str) else None
        except ValueError:
            result = None
        ok = result is not None
    if not ok:
        raise InvalidParameterError(f"{where} must be of type {kind}", field=where)
    bounded = param.low is not None and param.high is not None
    if bounded and not param.low <= result <= param.high:
        raise InvalidParameterError(
            f"{where} must be between {param.low} and {param.high}, got {result}",
            field=where,
        )
    return result


def parse(name: str) -> NamedQuery:
    """Read the header of ``cypher/queries/<name>.cypher``."""
    description = ""
    declared_name = None
    params: list[QueryParameter] = []
    for line in catalog.header(f"queries/{name}"):
        key, _, rest = line.partition(":")
        rest = rest.strip()
        if key == "name":
            declared_name = rest
        elif key == "description":
            description = rest
        elif key == "param":
            match = _PARAM.match(rest)
            if not match or match["type"] not in TYPES:
                raise ConfigurationError(f"queries/{name}: bad parameter line {line!r}")
            opt = match["opt"] or ""
            bounds = (int(match["low"]), int(match["high"])) if match["low"] else (None, None)
            param = QueryParameter(
                name=match["name"],
                type=match["type"],
                description=match["doc"],
                required=opt == "",
                low=bounds[0],
                high=bounds[1],
            )
            if opt.startswith("="):
                default = _convert(param, opt[1:], match["name"])
                param = QueryParameter(
                    param.name, param.type, param.description, False, default, *bounds
                )
            params.append(param)
    if declared_name != name or not description:
        raise ConfigurationError(
            f"queries/{name}: header needs '// name: {name}' and a description"
        )
    return NamedQuery(name=name, description=description, parameters=tuple(params))


@lru_cache
def named_queries() -> dict[str, NamedQuery]:
    return {
        query.name: query
        for query in (parse(full.split("/", 1)[1]) for full in catalog.names("queries"))
    }


def get(name: str) -> NamedQuery:
    query = named_queries().get(name)
    if query is None:
        raise NotFoundError(f"no named query {name!r}; GET /queries lists them", field="name")
    return query


def bind(query: NamedQuery, given: dict[str, Any]) -> dict[str, Any]:
    """Validated values for every declared parameter (defaults filled in)."""
    declared = {p.name for p in query.parameters}
    for key in given:
        if key not in declared:
            raise InvalidParameterError(
                f"{query.name} has no parameter {key!r} (it takes: {', '.join(sorted(declared))})",
                field=f"parameters.{key}",
            )
    values: dict[str, Any] = {}
    for param in query.parameters:
        where = f"parameters.{param.name}"
        if param.name not in given or given[param.name] is None:
            if param.required:
                raise InvalidParameterError(f"{where} is required", field=where)
            values[param.name] = param.default
        else:
            values[param.name] = _convert(param, given[param.name], where)
    return values
