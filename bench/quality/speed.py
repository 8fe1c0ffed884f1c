#!/usr/bin/env python3
"""Extraction speed on real news: the bench/quality texts, repeated to at least --mb MB.

    bench/quality/speed.py [--mb 5]

One process, one core, CPU time, lexicons and the ranker loaded before the clock
starts; prints MB/s, documents/s and the peak resident memory of the process.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import sys
import time

from common import REPO, TEXTS, manifest

sys.path.insert(0, str(REPO))
from graph_service.extract import extract_statements, read_documents
from graph_service.models import Document


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=5.0)
    args = parser.parse_args()
    files = [TEXTS / f"{r['doc']}.txt" for r in manifest()]
    missing = [f for f in files if not f.exists()]
    if missing:
        print(f"{len(missing)} texts missing: run bench/quality/fetch.py", file=sys.stderr)
        return 1
    base = [d for d in read_documents(files) if isinstance(d, Document)]
    for doc in base:
        extract_statements(doc)  # loads every lexicon and the ranker
    corpus: list[Document] = []
    size = 0
    while size < args.mb * 1e6:
        for doc in base:
            corpus.append(doc.model_copy(update={"path": f"{doc.path}#{len(corpus)}"}))
            size += len(doc.text.encode("utf-8"))
    t0 = time.process_time()
    statements = sum(len(extract_statements(doc)) for doc in corpus)
    seconds = time.process_time() - t0
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"corpus: {len(corpus)} documents, {size / 1e6:.1f} MB ({len(base)} real articles)")
    print(
        f"time: {seconds:.2f} s CPU on one core (CPython {platform.python_version()}, "
        f"load average {os.getloadavg()[0]:.1f})"
    )
    print(f"throughput: {size / 1e6 / seconds:.2f} MB/s, {len(corpus) / seconds:.0f} documents/s")
    print(f"statements: {statements}; peak memory {peak_mb:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
