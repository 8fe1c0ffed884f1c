"""Ingest benchmark on the real Neo4j.

For each N it generates N news-style documents (German and English sentences built from
templates the extractor understands, ~5 statements each) into a JSONL file, then measures
on the same server, in the same run:

- extract: reading and extracting all documents (no database);
- raw: the same document and statement rows (the statement row's ids of document, subject
  and object kept as extra properties) written with a plain
  ``UNWIND $rows ... CREATE`` (nodes and SUBJECT/OBJECT/IN relationships, no MERGE, no
  locking, no aggregated edges), in the same batches, each in a managed write transaction;
- write: ``GraphStore.write_documents`` on the same extracted items (MERGE, locks,
  aggregated edges);
- end to end: ``ingest_paths`` on the JSONL file into an empty graph (read, extract, write
  overlapped), and a second run over the same file (everything unchanged), once per
  number of extraction processes in ``--workers``.

Usage (with the GRAPH_SERVICE_* variables of the server to use)::

    .venv/bin/python bench/ingest/run.py --docs 1000 10000 --batch-size 500
    .venv/bin/python bench/ingest/run.py --docs 10000 --workers 1 2 --end-to-end-only

The database is emptied between measurements: never point it at data you want to keep.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any, LiteralString

import neo4j

from graph_service.config import Settings, get_settings
from graph_service.extract import actor_catalog, extract_statements, read_documents
from graph_service.models import Document, Statement
from graph_service.services.ingest import ingest_paths
from graph_service.store.graph_store import GraphStore
from graph_service.store.rows import document_id, document_row, statement_rows

NAMES = {
    "de": [
        "Russland",
        "China",
        "Iran",
        "Nordkorea",
        "Deutschland",
        "Frankreich",
        "Polen",
        "Belarus",
        "Indien",
        "Japan",
        "Großbritannien",
        "die Türkei",
    ],
    "en": [
        "Russia",
        "China",
        "Iran",
        "North Korea",
        "Germany",
        "France",
        "Poland",
        "Belarus",
        "India",
        "Japan",
        "Britain",
        "Turkey",
    ],
}
TEMPLATES = {
    "de": [
        "{A} liefert Drohnen und Raketen an {B}.",
        "{A} und {B} haben eine strategische Partnerschaft vereinbart.",
        "{A} verhängt neue Sanktionen gegen {B}.",
        "{A} bestreitet, Waffen an {B} geliefert zu haben.",
        "Experten zufolge dürfte {A} künftig Munition an {B} liefern.",
    ],
    "en": [
        "{A} supplies drones and missiles to {B}.",
        "{A} and {B} signed a defence pact.",
        "{A} imposed new sanctions on {B}.",
        "{A} denied supplying weapons to {B}.",
        "Analysts say {A} may send troops to {B}.",
    ],
}
FILLER = {
    "de": "Die Lage blieb nach Angaben von Beobachtern zunächst unübersichtlich.",
    "en": "Observers said the situation remained unclear for the time being.",
}

RAW_DOCUMENTS: LiteralString = """
UNWIND $rows AS row
CREATE (d:Document)
SET d = row, d.ingested_at = datetime()
"""
RAW_STATEMENTS: LiteralString = """
UNWIND $rows AS row
MATCH (d:Document {id: row.document_id})
MATCH (a:Actor {id: row.subject})
MATCH (b:Actor {id: row.object})
CREATE (s:Statement)
SET s = row
CREATE (s)-[:SUBJECT]->(a)
CREATE (s)-[:OBJECT]->(b)
CREATE (s)-[:IN]->(d)
"""

Item = tuple[Document, Sequence[Statement]]


def generate(n: int, folder: Path, seed: int = 42) -> Path:
    rnd = random.Random(seed)
    path = folder / f"bench-{n}.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            lang = "de" if i % 2 == 0 else "en"
            sentences = []
            for _ in range(rnd.randint(4, 6)):
                a, b = rnd.sample(NAMES[lang], 2)
                sentences.append(rnd.choice(TEMPLATES[lang]).format(A=a, B=b))
            sentences.insert(rnd.randint(0, len(sentences)), FILLER[lang])
            month, day = rnd.randint(1, 12), rnd.randint(1, 28)
            record = {
                "id": f"bench-{i}",
                "text": f"Meldung {i}. " + " ".join(sentences),
                "title": f"Bench document {i}",
                "date": f"2024-{month:02d}-{day:02d}",
                "url": f"https://bench.example/{n}/{i}",
                "lang": lang,
            }
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


class Bench:
    """The async store on one event loop for this synchronous script, and a sync driver of
    its own for the raw baseline and the counts."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.loop = asyncio.Runner()
        self.store: GraphStore = self.loop.run(self._open())
        auth = (settings.neo4j_user, settings.neo4j_password.get_secret_value())
        self.driver = neo4j.GraphDatabase.driver(settings.bolt_uri, auth=auth)

    async def _open(self) -> GraphStore:
        return GraphStore(self.settings, retry_seconds=15.0)

    def close(self) -> None:
        self.driver.close()
        self.loop.run(self.store.close())
        self.loop.close()

    def write_documents(self, items: list[Item], batch_size: int) -> Any:
        return self.loop.run(self.store.write_documents(items, batch_size=batch_size))

    def ingest(self, path: Path, size: int, workers: int | None = None) -> Any:
        return self.loop.run(
            ingest_paths([path], self.settings, batch_size=size, store=self.store, workers=workers)
        )


def reset(bench: Bench) -> None:
    async def run() -> None:
        await bench.store.delete_everything()
        await bench.store.apply_schema()
        await bench.store.upsert_actors(actor_catalog().values())

    bench.loop.run(run())


def extract_all(path: Path) -> list[Item]:
    items: list[Item] = []
    for doc in read_documents([path]):
        if isinstance(doc, Document):
            items.append((doc, extract_statements(doc)))
    return items


def raw_write(driver: neo4j.Driver, settings: Settings, items: list[Item], size: int) -> None:
    def work(tx: neo4j.ManagedTransaction, docs: list[Any], stmts: list[Any]) -> None:
        tx.run(RAW_DOCUMENTS, rows=docs).consume()
        tx.run(RAW_STATEMENTS, rows=stmts).consume()

    with driver.session(database=settings.neo4j_database) as session:
        for start in range(0, len(items), size):
            docs, stmts = [], []
            for doc, statements in items[start : start + size]:
                did = document_id(doc)
                docs.append({k: v for k, v in document_row(doc, did).items() if v is not None})
                stmts.extend(r.as_param() for r in statement_rows(doc, did, statements))
            session.execute_write(work, docs, stmts)


def count(driver: neo4j.Driver, settings: Settings) -> dict[str, int]:
    records, _, _ = driver.execute_query(
        "MATCH (d:Document) WITH count(d) AS docs "
        "MATCH (s:Statement) RETURN docs, count(s) AS statements",
        database_=settings.neo4j_database,
    )
    return dict(records[0].data())


def timed(label: str, func: Any, *args: Any, **kwargs: Any) -> tuple[float, Any]:
    started = time.perf_counter()
    result = func(*args, **kwargs)
    seconds = time.perf_counter() - started
    print(f"  {label}: {seconds:.2f} s", file=sys.stderr, flush=True)
    return seconds, result


def bench(n: int, size: int, folder: Path, b: Bench, workers: Sequence[int], full: bool) -> list:  # type: ignore[type-arg]
    driver, settings = b.driver, b.settings
    print(f"N = {n}", file=sys.stderr)
    path = generate(n, folder)
    phases: dict[str, Any] = {}
    if full:
        t_extract, items = timed("read + extract", extract_all, path)
        reset(b)
        t_raw, _ = timed("raw UNWIND CREATE", raw_write, driver, settings, items, size)
        raw_counts = count(driver, settings)

        reset(b)
        t_write, results = timed("write_documents", b.write_documents, items, size)
        ours = count(driver, settings)
        assert ours == raw_counts, (ours, raw_counts)
        assert all(r.status == "new" for r in results)
        phases = {
            "extract_s": round(t_extract, 2),
            "raw_write_s": round(t_raw, 2),
            "write_s": round(t_write, 2),
            "write_statements_per_s": round(ours["statements"] / t_write),
            "raw_statements_per_s": round(ours["statements"] / t_raw),
            "write_to_raw_ratio": round(t_write / t_raw, 2),
        }

    rows = []
    for w in workers:
        reset(b)
        t_e2e, summary = timed(f"ingest_paths --workers {w} (end to end)", b.ingest, path, size, w)
        load = os.getloadavg()[0]
        stored = count(driver, settings)
        t_again, again = timed("ingest_paths again (unchanged)", b.ingest, path, size, w)
        assert summary.new == n and again.unchanged == n and again.statements == 0
        rows.append(
            {
                "load_1m": round(load, 1),
                "documents": n,
                "workers": w,
                "statements": summary.statements,
                "stored_statements": stored["statements"],
                "batch_size": size,
                **phases,
                "end_to_end_s": round(t_e2e, 2),
                "end_to_end_docs_per_s": round(n / t_e2e),
                "end_to_end_statements_per_s": round(summary.statements / t_e2e),
                "reingest_unchanged_s": round(t_again, 2),
            }
        )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--batch-size", type=int, default=500)
    parser.add_argument(
        "--workers",
        type=int,
        nargs="+",
        default=[1],
        help="Extraction processes of the end-to-end ingest; one row per number.",
    )
    parser.add_argument(
        "--end-to-end-only",
        action="store_true",
        help="Skip the extract / raw / write phases (only ingest_paths end to end).",
    )
    parser.add_argument("--json", type=Path, help="Also write the results as JSON here.")
    args = parser.parse_args()
    settings = get_settings()
    rows = []
    b = Bench(settings)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            # Warm-up: query plans and JIT, so the first measurement is not penalised.
            warm = generate(200, Path(tmp), seed=1)
            reset(b)
            items = extract_all(warm)
            raw_write(b.driver, settings, items, args.batch_size)
            reset(b)
            b.write_documents(items, args.batch_size)
            for n in args.docs:
                rows.extend(
                    bench(n, args.batch_size, Path(tmp), b, args.workers, not args.end_to_end_only)
                )
            reset(b)
    finally:
        b.close()
    header = list(rows[0])
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for row in rows:
        print("| " + " | ".join(str(row[h]) for h in header) + " |")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
