"""Scoring extracted statements against gold, as ``../shared/tools/score_extraction.py``
defines it: a document's statements are the set of (subject, type, object), PARTNERSHIP
unordered, negated statements skipped; precision counts the predictions found in gold
(required or acceptable), recall the required gold statements found. Documents without
gold lines still count: whatever is predicted for them is a false positive.

Kept in the package so that the tests, ``bench/quality`` and the CLI score the same way
without ``../shared`` on the path.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

TYPES = frozenset({"PARTNERSHIP", "SUPPLIES", "OPPOSES"})
# the official scorer's aliases: spellings of the same actor that gold files use
ALIASES = {
    "THE_WEST": "WEST",
    "WESTERN_COUNTRIES": "WEST",
    "WESTERN_BLOC": "WEST",
    "EUROPEAN_UNION": "EU",
    "UNITED_NATIONS": "UN",
    "G_7": "G7",
    "HOUTHI": "HOUTHIS",
    "ANSAR_ALLAH": "HOUTHIS",
    "HEZBOLLA": "HEZBOLLAH",
    "WAGNER_GROUP": "WAGNER",
    "AFRICA_CORPS": "WAGNER",
    "AFRIKAKORPS": "WAGNER",
    "AFRIKA_KORPS": "WAGNER",
    "KARABAKH": "NAGORNO_KARABAKH",
    "ISLAMIC_STATE": "ISIS",
    "HEZBOLLAH_MILITIA": "HEZBOLLAH",
}

Key = tuple[str, str, str, str]  # (doc, subject, type, object)


def norm_id(value: object) -> str:
    text = re.sub(r"[\s\-.]+", "_", str(value or "").strip().upper()).strip("_")
    return ALIASES.get(text, text)


def statement_key(doc: str, subject: str, kind: str, obj: str) -> Key:
    subject, obj = norm_id(subject), norm_id(obj)
    if kind == "PARTNERSHIP" and obj < subject:
        subject, obj = obj, subject
    return (doc, subject, kind, obj)


@dataclass
class Gold:
    required: set[Key] = field(default_factory=set)
    acceptable: set[Key] = field(default_factory=set)
    docs: set[str] = field(default_factory=set)

    def only(self, docs: Iterable[str]) -> Gold:
        keep = set(docs)
        return Gold(
            {k for k in self.required if k[0] in keep},
            {k for k in self.acceptable if k[0] in keep},
            self.docs & keep,
        )


def read_gold(paths: Iterable[Path]) -> Gold:
    gold = Gold()
    for path in paths:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as error:
                raise ValueError(f"{path}:{number}: not JSON: {error}") from error
            item = statement_key(row["doc"], row["subject"], row["type"].upper(), row["object"])
            gold.docs.add(row["doc"])
            if row.get("status", "required") == "required":
                gold.required.add(item)
            else:
                gold.acceptable.add(item)
    gold.acceptable -= gold.required
    return gold


@dataclass
class Score:
    predicted: int
    required: int
    true_positives: int
    found: int
    missed: list[Key]
    wrong: list[Key]

    @property
    def precision(self) -> float:
        return self.true_positives / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.found / self.required if self.required else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score(gold: Gold, predicted: Iterable[Key]) -> Score:
    """Score predicted (doc, subject, type, object) keys; keys of documents outside the
    gold's documents are ignored, as the official scorer does."""
    pred = {statement_key(*k) for k in predicted if k[0] in gold.docs and k[2] in TYPES}
    good = gold.required | gold.acceptable
    return Score(
        predicted=len(pred),
        required=len(gold.required),
        true_positives=len(pred & good),
        found=len(pred & gold.required),
        missed=sorted(gold.required - pred),
        wrong=sorted(pred - good),
    )


def reliability(
    gold: Gold, predicted: Iterable[tuple[Key, float]], bands: Iterable[float]
) -> list[tuple[float, float, int, float]]:
    """Precision per confidence band: rows (low, high, statements, precision). A key
    predicted several times counts once, at its highest confidence."""
    best: dict[Key, float] = {}
    for k, conf in predicted:
        key = statement_key(*k)
        if key[0] in gold.docs and key[2] in TYPES:
            best[key] = max(conf, best.get(key, 0.0))
    good = gold.required | gold.acceptable
    edges = sorted(bands)
    rows = []
    for low, high in zip(edges, [*edges[1:], 1.01], strict=True):
        keys = [k for k, c in best.items() if low <= c < high]
        hits = sum(k in good for k in keys)
        rows.append((low, min(high, 1.0), len(keys), hits / len(keys) if keys else 0.0))
    return rows
