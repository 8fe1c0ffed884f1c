"""Every Cypher file is used by code, every name the code loads has a file, and every
file holds one parameterised statement."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from graph_service.store import catalog

PACKAGE = Path(__file__).resolve().parents[2] / "graph_service"
# Groups whose files are found by listing the folder rather than by name.
LISTED_GROUPS = ("schema", "queries")
REFERENCE = re.compile(r"""["']((?:write|read|schema|queries)/[a-z0-9_]+)["']""")


def _names_referenced_in_code() -> set[str]:
    found: set[str] = set()
    for path in PACKAGE.rglob("*.py"):
        found.update(REFERENCE.findall(path.read_text(encoding="utf-8")))
    return found


def _all_files() -> list[str]:
    root = catalog.cypher_dir()
    return sorted(f"{p.parent.name}/{p.stem}" for p in root.glob("*/*.cypher"))


def test_every_name_the_code_loads_has_a_file() -> None:
    files = set(_all_files())
    missing = sorted(_names_referenced_in_code() - files)
    assert missing == [], f"code loads Cypher files that do not exist: {missing}"


def test_every_file_has_a_loader() -> None:
    used = _names_referenced_in_code()
    unused = [
        name
        for name in _all_files()
        if name.split("/", 1)[0] not in LISTED_GROUPS and name not in used
    ]
    assert unused == [], f"Cypher files no code loads: {unused}"


@pytest.mark.parametrize("name", _all_files())
def test_one_statement_per_file_and_values_are_parameters(name: str) -> None:
    body = catalog.body(name)
    assert body, f"{name} is empty"
    # One statement: no statement separator except possibly a trailing one.
    assert ";" not in body.rstrip(";"), f"{name} holds more than one statement"
    # Values come in as $parameters: no string literals quoted inside the query text,
    # except in schema files, which name constraints and indexes.
    if not name.startswith("schema/"):
        literals = re.findall(r"'[^']*'|\"[^\"]*\"", body)
        assert literals == [], f"{name} has literal values {literals}; use $parameters"


def test_loading_refuses_paths_outside_the_catalog() -> None:
    from graph_service.errors import ConfigurationError

    with pytest.raises(ConfigurationError):
        catalog.load("../pyproject")
