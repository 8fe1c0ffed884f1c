"""The Cypher catalog: every query lives in ``cypher/<group>/<name>.cypher``, one statement
per file, and is loaded by name from here (never assembled from strings in code).

A query that must name one relation type in its pattern (indexes stay usable, unlike a
dynamic type) is one template file with the slots ``{{type}}`` and ``{{arrow}}``;
:func:`for_type` fills them from a :class:`RelationType` member (``->`` for a directed type,
``-`` for a symmetric one) and caches the text. Only enum members reach a slot, never text
from a document or a user."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import LiteralString, cast

from graph_service.errors import ConfigurationError
from graph_service.models import RelationType

_PACKAGE_DIR = Path(__file__).resolve().parent.parent
_HEADER = re.compile(r"^//\s?(.*)$")
TYPE_SLOT = "{{type}}"
ARROW_SLOT = "{{arrow}}"


@lru_cache
def cypher_dir() -> Path:
    """The folder holding the ``.cypher`` files: inside the wheel, or the repo's top level."""
    for candidate in (_PACKAGE_DIR / "cypher", _PACKAGE_DIR.parent / "cypher"):
        if (candidate / "schema").is_dir():
            return candidate
    raise ConfigurationError("cypher/ folder not found next to the graph_service package")


@lru_cache(maxsize=512)
def load(name: str) -> LiteralString:
    """Return the Cypher text of ``cypher/<name>.cypher`` (``name`` like ``write/upsert_x``)."""
    if ".." in name or name.startswith("/"):
        raise ConfigurationError(f"invalid Cypher file name {name!r}")
    path = cypher_dir() / f"{name}.cypher"
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise ConfigurationError(f"no Cypher file {path}") from exc
    # The text comes from a file shipped with the package, never from users: it is
    # as trusted as a literal, which is what the driver's LiteralString asks for.
    return cast(LiteralString, text.strip())


def names(group: str) -> list[str]:
    """All query names of one group (``schema``, ``write``, ``queries``, ``read``), sorted."""
    folder = cypher_dir() / group
    return sorted(f"{group}/{p.stem}" for p in folder.glob("*.cypher"))


def header(name: str) -> list[str]:
    """The leading ``//`` comment lines of a file, without the slashes (its documentation)."""
    lines: list[str] = []
    for line in load(name).splitlines():
        match = _HEADER.match(line.strip())
        if not match:
            break
        lines.append(match.group(1))
    return lines


@lru_cache(maxsize=512)
def body(name: str) -> LiteralString:
    """The statement without its header comment."""
    return cast(
        LiteralString,
        "\n".join(
            line for line in load(name).splitlines() if not line.strip().startswith("//")
        ).strip(),
    )


@lru_cache(maxsize=128)
def for_type(name: str, rel_type: RelationType) -> LiteralString:
    """The template ``cypher/<name>.cypher`` with ``rel_type`` written into its slots."""
    member = RelationType(rel_type)  # a member of the closed enum, or ValueError
    template = body(name)
    if TYPE_SLOT not in template:
        raise ConfigurationError(f"Cypher file {name!r} is not a template (no {TYPE_SLOT})")
    text = template.replace(TYPE_SLOT, member.value)
    text = text.replace(ARROW_SLOT, "-" if member.symmetric else "->")
    # Filled from a closed enum and a shipped file: as trusted as a literal.
    return cast(LiteralString, text)
