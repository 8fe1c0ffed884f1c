#!/usr/bin/env python3
"""Split the evaluation set once, by document: a frozen test part (42 % of each
language's documents) and a tuning part, plus a 20 % sample for the second, independent
annotation. Documents already in split.json keep their part; only documents new to the
manifest are assigned (by the same hash rule), so the split is made once.

    bench/quality/split.py            write split.json
"""

from __future__ import annotations

import json
import math
import sys
from collections import defaultdict

from common import SPLIT, manifest, rank

TEST_SHARE = 0.42
SECOND_SHARE = 0.20


def main() -> int:
    old = json.loads(SPLIT.read_text()) if SPLIT.exists() else {}
    known = {d: part for part in ("test", "tune") for d in old.get(part, [])}
    second = set(old.get("second_annotation", []))
    by_lang: dict[str, list[str]] = defaultdict(list)
    for row in manifest():
        by_lang[row["lang"]].append(row["doc"])
    parts: dict[str, set[str]] = {"test": set(), "tune": set()}
    for doc, part in known.items():
        parts[part].add(doc)
    for _lang, docs in sorted(by_lang.items()):
        new = sorted((d for d in docs if d not in known), key=lambda d: rank(d, "split"))
        n_test = math.ceil(TEST_SHARE * len(docs)) - sum(d in parts["test"] for d in docs)
        for i, doc in enumerate(new):
            parts["test" if i < n_test else "tune"].add(doc)
        if not any(d in second for d in docs):
            sample = sorted(docs, key=lambda d: rank(d, "second"))
            second.update(sample[: math.ceil(SECOND_SHARE * len(docs))])
    out = {
        "rule": "per language, documents ordered by sha256('split:'+doc); the first 42 % "
        "are the frozen test part; second_annotation: the first 20 % by sha256('second:'+doc)",
        "test": sorted(parts["test"]),
        "tune": sorted(parts["tune"]),
        "second_annotation": sorted(second),
    }
    SPLIT.write_text(json.dumps(out, indent=1, ensure_ascii=False) + "\n")
    print(f"test {len(out['test'])}, tune {len(out['tune'])}, second {len(second)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
