"""How strong a statement is: the Goldstein value and CAMEO QuadClass of its type and
subtype, from the table in ``graph_service/data/intensity.yaml`` (whose header cites the
published values). A negated statement ("X denied supplying Y") carries none."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

from graph_service.errors import ConfigurationError
from graph_service.extract import schema
from graph_service.models import QuadClass, RelationType

INTENSITY_FILE = Path(__file__).resolve().parent.parent / "data" / "intensity.yaml"


@cache
def table() -> dict[RelationType, dict[str, schema.Intensity]]:
    """The table, read and validated once: relation type -> subtype (and ``default``)."""
    try:
        data = yaml.safe_load(INTENSITY_FILE.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise ConfigurationError(f"{INTENSITY_FILE.name}: not valid YAML: {error}") from error
    schema.validate(INTENSITY_FILE.name, data, schema.IntensityFile)
    return schema.IntensityFile.model_validate(data).relations


@cache
def intensity_of(
    type_: RelationType, subtype: str | None, negated: bool = False
) -> tuple[float, QuadClass] | None:
    """(Goldstein value, QuadClass) of a statement; its type's default row for a subtype
    the table does not list; None when the statement is negated."""
    if negated:
        return None
    rows = table()[type_]
    row = rows.get(subtype or "default") or rows["default"]
    return row.goldstein, QuadClass(row.quad_class)
