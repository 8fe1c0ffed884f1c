"""Throughput of the statement extractor on one core.

Generates a corpus of at least --mb MB (default 10) from the sentences of the dev
corpus and the held-out paragraphs: each synthetic document samples 12-30 sentences
of one language and swaps country names for random other states (CLDR names in that
language), so the vocabulary keeps changing the way real news does. Then it runs
``extract_statements`` over every document in this process and reports MB of text
per second and documents per second.

    .venv/bin/python bench/extract/run.py [--mb 10] [--seed 7] [--write]
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import re
import sys
import time
from pathlib import Path

from graph_service.extract import extract_statements, read_documents
from graph_service.extract.lexicon import RULE_LANGUAGES, _base_actors, language
from graph_service.extract.text import split_sentences
from graph_service.models import ActorKind, Document

ROOT = Path(__file__).resolve().parents[2]
SOURCES = [ROOT / "tests" / "data" / "corpus" / "dev", ROOT / "tests" / "data" / "heldout"]


def sentence_pool() -> dict[str, list[str]]:
    pool: dict[str, list[str]] = {}
    for doc in read_documents(SOURCES):
        if not isinstance(doc, Document) or not doc.lang:
            continue
        lx = language(doc.lang)
        pool.setdefault(doc.lang, []).extend(
            s.text for s in split_sentences(doc.text, lx.abbreviations)
        )
    return pool


def state_names(lang: str) -> list[str]:
    names = []
    for info in _base_actors().values():
        if info.kind is ActorKind.STATE and lang in info.names:
            names.extend(info.names[lang][:1])
    return names


def generate(target_bytes: int, seed: int) -> list[Document]:
    rng = random.Random(seed)
    pool = sentence_pool()
    langs = sorted(pool)
    swaps = {
        lang: (
            re.compile(
                r"\b("
                + "|".join(
                    map(re.escape, sorted(set(state_names(lang)), key=lambda n: (-len(n), n))[:150])
                )
                + r")\b"
            ),
            state_names(lang),
        )
        for lang in langs
        if lang in RULE_LANGUAGES
    }
    docs: list[Document] = []
    size = 0
    while size < target_bytes:
        lang = rng.choice(langs)
        sentences = rng.sample(pool[lang], k=min(len(pool[lang]), rng.randint(12, 30)))
        text = " ".join(sentences)
        if lang in swaps:
            rx, names = swaps[lang]
            text = rx.sub(lambda _m: rng.choice(names), text)  # noqa: B023
        docs.append(Document(path=f"bench/{len(docs):06d}.txt", text=text, lang=lang))
        size += len(text.encode("utf-8"))
    return docs


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--mb", type=float, default=10.0)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--write", action="store_true", help="write bench/extract/RESULTS.md")
    args = parser.parse_args()

    docs = generate(int(args.mb * 1024 * 1024), args.seed)
    total = sum(len(d.text.encode("utf-8")) for d in docs)
    for lang in RULE_LANGUAGES:  # load lexicons outside the timed part
        language(lang)
    start = time.perf_counter()
    cpu_start = time.process_time()
    n_statements = 0
    for doc in docs:
        n_statements += len(extract_statements(doc))
    cpu = time.process_time() - cpu_start
    wall = time.perf_counter() - start
    elapsed = cpu  # one core: CPU time of this process, robust to other load
    mb = total / 1024 / 1024
    lines = [
        f"corpus: {len(docs)} documents, {mb:.1f} MB (seed {args.seed})",
        f"time: {cpu:.2f} s CPU on one core, {wall:.2f} s wall "
        f"({platform.python_implementation()} {platform.python_version()}, "
        f"{platform.machine()}, load average {os.getloadavg()[0]:.1f})",
        f"throughput: {mb / elapsed:.2f} MB/s, {len(docs) / elapsed:.0f} documents/s (CPU time)",
        f"throughput (wall): {mb / wall:.2f} MB/s, {len(docs) / wall:.0f} documents/s",
        f"statements: {n_statements}",
    ]
    sys.stdout.write("\n".join(lines) + "\n")
    if args.write:
        out = Path(__file__).with_name("RESULTS.md")
        out.write_text(
            "# Extractor throughput\n\nMeasured with `.venv/bin/python bench/extract/run.py "
            f"--mb {args.mb:g} --write`.\n\n" + "\n".join(f"- {x}" for x in lines) + "\n",
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
