"""Shared paths and loaders of the real-article evaluation set (bench/quality).

The article texts are third-party and never committed: they live in the git-ignored
``bench/quality/texts/`` (``fetch.py`` fills it from ``~/.cache/graph-service/quality``
or from the addresses). Committed: ``manifest/<lang>.jsonl`` (address, language, date,
title, outlet, region, genre, distractor, length and hash of the annotated text),
``gold/<lang>.jsonl`` (our annotation), ``gold2/<lang>.jsonl`` (a second, independent
annotation of a sample) and ``split.json`` (tuning and frozen test documents, made once).
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
TEXTS = HERE / "texts"
CACHE = (
    Path(os.environ.get("GRAPH_SERVICE_CACHE_DIR", Path.home() / ".cache" / "graph-service"))
    / "quality"
    / "texts"
)
SPLIT = HERE / "split.json"
LANGS = ("de", "en", "fr", "es", "ru", "it")


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = line.strip()
        if line and not line.startswith("#"):
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as error:
                raise SystemExit(f"{path}:{number}: not JSON: {error}") from error
    return rows


def manifest() -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for path in sorted((HERE / "manifest").glob("*.jsonl")):
        rows.extend(read_jsonl(path))
    return rows


def body_of(text: str) -> str:
    """The article text without its front matter (what was annotated)."""
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        if end >= 0:
            return text[end + 5 :]
    return text


def text_hash(body: str) -> str:
    return hashlib.sha256(body.strip().encode("utf-8")).hexdigest()


def rank(doc: str, salt: str) -> str:
    return hashlib.sha256(f"{salt}:{doc}".encode()).hexdigest()
