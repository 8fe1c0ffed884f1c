#!/usr/bin/env python3
"""Extraction quality on the real-article evaluation set, per part and language.

    bench/quality/run.py                 the table: frozen test part first, then tuning
    bench/quality/run.py --verbose       also list misses and false positives of the
                                         TUNING part (the test part is never listed)
    bench/quality/run.py --write         also write RESULTS.md
    bench/quality/run.py --internal      add the project's own sets (tests/data, sample)

Texts come from bench/quality/texts/ (run fetch.py first). The frozen test part is scored
to report, never read to write rules.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

from common import HERE, LANGS, REPO, SPLIT, TEXTS, manifest

sys.path.insert(0, str(REPO))
from graph_service.extract import extract_statements, read_documents
from graph_service.extract.scoring import (
    Gold,
    Key,
    read_gold,
    reliability,
    score,
)
from graph_service.models import Document

BANDS = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9)
INTERNAL = ("corpus/dev", "heldout", "blind2", "blind3", "blind4", "blind5")


def extract_folder(paths: list[Path]) -> tuple[list[tuple[Key, float]], int]:
    out: list[tuple[Key, float]] = []
    chars = 0
    for doc in read_documents(paths):
        if not isinstance(doc, Document):
            continue
        chars += len(doc.text)
        for st in extract_statements(doc):
            if not st.negated:
                key = (Path(st.path).stem, st.subject, st.type.value, st.object)
                out.append((key, st.confidence))
    return out, chars


def row(name: str, lang: str, docs: int, gold: Gold, pred: list[tuple[Key, float]]) -> str:
    s = score(gold, [k for k, _c in pred])
    return (
        f"| {name} | {lang} | {docs} | {s.precision:.3f} | {s.recall:.3f} | {s.f1:.3f} "
        f"| {s.predicted} | {s.required} |"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument("--write", action="store_true")
    parser.add_argument("--internal", action="store_true")
    parser.add_argument("--min-confidence", type=float, default=0.0)
    parser.add_argument(
        "--tune-only", action="store_true", help="while developing: hide the frozen test part"
    )
    args = parser.parse_args()

    rows = manifest()
    split = json.loads(SPLIT.read_text())
    part_of = {d: p for p in ("test", "tune") for d in split[p]}
    gold = read_gold(sorted((HERE / "gold").glob("*.jsonl")))
    gold.docs |= {r["doc"] for r in rows}
    files = [TEXTS / f"{r['doc']}.txt" for r in rows]
    missing = [f.stem for f in files if not f.exists()]
    if missing:
        print(f"{len(missing)} texts missing (run bench/quality/fetch.py): {missing[:5]}")
        return 1
    pred, chars = extract_folder(files)  # the first pass also loads the six lexicons
    t0 = time.process_time()
    extract_folder(files)
    seconds = time.process_time() - t0
    pred = [(k, c) for k, c in pred if c >= args.min_confidence]
    lang_of = {r["doc"]: r["lang"] for r in rows}

    lines = [
        "| set | lang | docs | P | R | F1 | predicted | required |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for part in ("tune",) if args.tune_only else ("test", "tune"):
        part_docs = [d for d in lang_of if part_of.get(d) == part]
        for lang in [*LANGS, "all"]:
            docs = [d for d in part_docs if lang in ("all", lang_of[d])]
            if not docs:
                continue
            sub = gold.only(docs)
            sub_pred = [(k, c) for k, c in pred if k[0] in sub.docs]
            lines.append(row(f"real-{part}", lang, len(docs), sub, sub_pred))
    if args.internal:
        for name in INTERNAL:
            folder = REPO / "tests" / "data" / name
            g = read_gold([folder / "gold.jsonl"])
            g.docs |= {p.stem for p in folder.iterdir() if p.suffix in (".txt", ".md")}
            p, _n = extract_folder([folder])
            lines.append(row(name, "mixed", len(g.docs), g, p))
        sample = REPO / "graph_service" / "data" / "sample_corpus"
        sample_gold = REPO / "tests" / "data" / "sample_corpus_gold.jsonl"
        if sample_gold.exists():
            g = read_gold([sample_gold])
            g.docs |= {p.stem for p in sample.iterdir() if p.suffix in (".txt", ".md")}
            p, _n = extract_folder([sample])
            lines.append(row("sample corpus", "mixed", len(g.docs), g, p))

    test_docs = [d for d in lang_of if part_of.get(d) == ("tune" if args.tune_only else "test")]
    test_gold = gold.only(test_docs)
    bands = reliability(test_gold, [(k, c) for k, c in pred if k[0] in test_gold.docs], BANDS)
    lines += [
        "",
        f"Reliability on the {'tuning' if args.tune_only else 'frozen test'} part "
        "(precision per confidence band):",
        "",
        "| confidence | statements | precision |",
        "| --- | ---: | ---: |",
    ]
    lines += [f"| {lo:.1f}–{hi:.2f} | {n} | {p:.3f} |" for lo, hi, n, p in bands]
    hi_keys = [k for k, c in pred if c >= 0.8 and k[0] in test_gold.docs]
    s_hi = score(test_gold, hi_keys)
    lines.append(f"| ≥ 0.8 | {s_hi.predicted} | {s_hi.precision:.3f} |")

    second = sorted((HERE / "gold2").glob("*.jsonl"))
    if second:
        g2 = read_gold(second)
        sample = sorted(set(split.get("second_annotation", [])) & {r["doc"] for r in rows})
        a, b = gold.only(sample), g2.only(sample)
        a.docs = b.docs = set(sample)
        s_ab = score(a, b.required)  # second's required found in first (req or acc)
        s_ba = score(b, a.required)
        p, r = s_ab.precision, s_ba.precision
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        strict = score(Gold(a.required, set(), a.docs), b.required)
        every_a, every_b = a.required | a.acceptable, b.required | b.acceptable
        both = len(every_a & every_b)
        lines_f1 = 2 * both / (len(every_a) + len(every_b)) if every_a or every_b else 0.0
        lines += [
            "",
            f"Inter-annotator agreement on {len(sample)} documents (second annotation "
            f"blind to the first): F1 {f1:.3f} (required lines of each found among the "
            f"other's lines; precision {p:.3f}, recall {r:.3f}); strict F1 on required "
            f"lines only {strict.f1:.3f}; F1 on all lines regardless of status "
            f"{lines_f1:.3f}.",
        ]
    lines.append("")
    lines.append(
        f"{len(files)} documents, {chars:,} characters extracted in {seconds:.2f} s CPU "
        f"({chars / 1e6 / seconds if seconds else 0:.2f} MB/s, lexicons loaded)."
    )
    print("\n".join(lines))

    if args.verbose:
        tune_docs = [d for d in lang_of if part_of.get(d) == "tune"]
        s = score(gold.only(tune_docs), [k for k, _c in pred])
        by_doc: dict[str, list[str]] = defaultdict(list)
        for k in s.missed:
            by_doc[k[0]].append(f"  missed {k[1]} -{k[2]}-> {k[3]}")
        for k in s.wrong:
            by_doc[k[0]].append(f"  WRONG  {k[1]} -{k[2]}-> {k[3]}")
        for doc in sorted(by_doc):
            print(doc)
            print("\n".join(by_doc[doc]))
    if args.write:
        (HERE / "RESULTS.md").write_text(
            "# Extraction quality on real articles\n\n"
            f"`bench/quality/run.py{' --internal' if args.internal else ''}`\n\n"
            + "\n".join(lines)
            + "\n",
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
