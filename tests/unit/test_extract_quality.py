"""Precision and recall on the dev corpus and the held-out paragraphs.

Same scoring as ../shared/tools/score_extraction.py (kept here so the test runs
without ../shared): a document's statements are the set of (subject, type, object),
PARTNERSHIP unordered, negated statements skipped; precision counts predictions
found in gold (required or acceptable), recall the required ones found.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from graph_service.extract import extract_statements, read_documents
from graph_service.models import Document

DATA = Path(__file__).resolve().parents[1] / "data"
ALIASES = {"THE_WEST": "WEST", "EUROPEAN_UNION": "EU", "UNITED_NATIONS": "UN"}


def _norm(value: str) -> str:
    text = re.sub(r"[\s\-.]+", "_", value.strip().upper()).strip("_")
    return ALIASES.get(text, text)


def _key(doc: str, s: str, t: str, o: str) -> tuple[str, str, str, str]:
    if t == "PARTNERSHIP" and o < s:
        s, o = o, s
    return (doc, s, t, o)


def score(folder: Path) -> tuple[float, float, list[str]]:
    required: set[tuple[str, str, str, str]] = set()
    acceptable: set[tuple[str, str, str, str]] = set()
    for line in (folder / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            item = _key(row["doc"], _norm(row["subject"]), row["type"], _norm(row["object"]))
            (required if row.get("status", "required") == "required" else acceptable).add(item)
    predicted: set[tuple[str, str, str, str]] = set()
    for doc in read_documents([folder]):
        assert isinstance(doc, Document), doc
        for st in extract_statements(doc):
            if not st.negated:
                predicted.add(_key(Path(st.path).stem, st.subject, st.type.value, st.object))
    tp = predicted & (required | acceptable)
    precision = len(tp) / len(predicted) if predicted else 0.0
    recall = len(predicted & required) / len(required)
    wrong = sorted(" ".join(x) for x in predicted - required - acceptable)
    return precision, recall, wrong


@pytest.mark.parametrize(
    ("folder", "min_precision", "min_recall"),
    [
        # the thresholds: precision >= 0.85 and recall >= 0.75, on the dev
        # corpus and on the held-out paragraphs (h11-h20 were scored blind before any
        # rule was tuned on them)
        (DATA / "corpus" / "dev", 0.85, 0.75),
        (DATA / "heldout", 0.85, 0.75),
        # blind2: 16 paragraphs written with their gold before any run (blind score
        # P 0.971 R 0.673); tuned only with general lexicon entries
        (DATA / "blind2", 0.85, 0.75),
        # blind3: 16 paragraphs written with their gold before any run (blind score
        # P 0.900 R 0.327); tuned only with general rules and lexicon entries
        (DATA / "blind3", 0.85, 0.75),
        # blind4: 12 news paragraphs written with their gold before any run (blind score
        # P 0.656 R 0.455); tuned only with general rules and lexicon entries (P 0.875
        # R 0.758)
        (DATA / "blind4", 0.85, 0.75),
        # blind5: 10 news paragraphs (4 de, 4 en, 1 fr, 1 es) written with their gold
        # before any run (blind score P 0.854 R 0.674); tuned only with general rules
        # and lexicon entries (P 0.978 R 0.935)
        (DATA / "blind5", 0.85, 0.75),
    ],
)
def test_quality(folder: Path, min_precision: float, min_recall: float) -> None:
    precision, recall, wrong = score(folder)
    print(f"{folder.name}: precision={precision:.3f} recall={recall:.3f}")
    assert precision >= min_precision, wrong
    assert recall >= min_recall
