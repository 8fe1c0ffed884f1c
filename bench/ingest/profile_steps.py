"""Where the write phase spends its time: per Cypher step, commit, pre-read and Python.

Generates N bench documents (bench/ingest/run.py's generator), extracts them, empties the
graph, then writes them with the writer's own batch steps while timing each query
(client wall time, and the server's ``result_available_after`` + ``result_consumed_after``),
the commit, the pre-read and the Python row building. Optionally prints the PROFILE plan of
each write query on a batch of the same data (``--plans``).

    .venv/bin/python bench/ingest/profile_steps.py --docs 2000 [--plans]

The database is emptied: never point it at data you want to keep.
"""

from __future__ import annotations

import argparse
import collections
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import neo4j

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import RAW_DOCUMENTS, RAW_STATEMENTS, Bench, extract_all, generate, reset

from graph_service.config import get_settings
from graph_service.store import writer


def _plan_lines(plan: Any, depth: int = 0) -> list[str]:
    if plan is None:
        return []
    args = plan.get("args", {}) if isinstance(plan, dict) else {}
    op = plan.get("operatorType", "?") if isinstance(plan, dict) else "?"
    hits = plan.get("dbHits", "") if isinstance(plan, dict) else ""
    rows = plan.get("rows", "") if isinstance(plan, dict) else ""
    detail = args.get("Details", "")
    lines = [f"{'  ' * depth}{op} rows={rows} dbHits={hits} {str(detail)[:110]}"]
    for child in plan.get("children", []):
        lines += _plan_lines(child, depth + 1)
    return lines


def _label(query: str) -> str:
    """A step's name in the report: the start of its first Cypher line."""
    lines = [line for line in query.splitlines() if line.strip()]
    return lines[0][:70] if lines else "?"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--batch-size", type=int, default=500)
    parser.add_argument("--plans", action="store_true", help="PROFILE each query once")
    args = parser.parse_args()
    settings = get_settings().model_copy(update={"ingest_batch_size": args.batch_size})
    client: dict[str, float] = collections.defaultdict(float)
    server: dict[str, float] = collections.defaultdict(float)
    plans: dict[str, list[str]] = {}
    b = Bench(settings)
    driver = b.driver
    with tempfile.TemporaryDirectory() as tmp:
        items = extract_all(generate(args.docs, Path(tmp)))
        # warm-up on other documents: plans compiled, as in a long-running ingest
        reset(b)
        b.write_documents(extract_all(generate(300, Path(tmp), seed=7)), args.batch_size)
        reset(b)

        def work(tx: neo4j.ManagedTransaction, batch: list[Any]) -> None:
            steps = writer._write_steps(batch)
            try:
                query, params = next(steps)
                while True:
                    started = time.perf_counter()
                    result = tx.run(query, params)
                    records = result.data()
                    summary = result.consume()
                    client[_label(query)] += time.perf_counter() - started
                    server[_label(query)] += (
                        (summary.result_available_after or 0) + (summary.result_consumed_after or 0)
                    ) / 1000
                    query, params = steps.send(records)
            except StopIteration:
                return

        def profile(tx: neo4j.ManagedTransaction, batch: list[Any]) -> None:
            steps = writer._write_steps(batch)
            try:
                query, params = next(steps)
                while True:
                    result = tx.run("PROFILE " + query, params)
                    records = result.data()
                    summary = result.consume()
                    plans.setdefault(_label(query), _plan_lines(summary.profile))
                    query, params = steps.send(records)
            except StopIteration:
                return

        total_started = time.perf_counter()
        size = args.batch_size
        with driver.session(database=settings.neo4j_database) as session:
            for start in range(0, len(items), size):
                t = time.perf_counter()
                batch = [p for _, p in next(writer._batches(items[start : start + size], size))]
                client["python: prepare rows"] += time.perf_counter() - t
                t = time.perf_counter()
                with session.begin_transaction() as tx:
                    inner = time.perf_counter()
                    work(tx, batch)  # type: ignore[arg-type]
                    c = time.perf_counter()
                    client["steps (sum)"] += c - inner
                    tx.commit()
                    client["commit"] += time.perf_counter() - c
                client["transaction total"] += time.perf_counter() - t
        total = time.perf_counter() - total_started
        reset(b)
        raw_started = time.perf_counter()
        with driver.session(database=settings.neo4j_database) as session:
            for start in range(0, len(items), size):
                t = time.perf_counter()
                batch = [p for _, p in next(writer._batches(items[start : start + size], size))]
                docs = [{k: v for k, v in p.doc_row.items() if v is not None} for p in batch]
                stmts = [r.as_param() for p in batch for r in p.statements]
                client["raw: python rows"] += time.perf_counter() - t
                with session.begin_transaction() as tx:
                    for name, text, rows in (
                        ("raw: documents", RAW_DOCUMENTS, docs),
                        ("raw: statements", RAW_STATEMENTS, stmts),
                    ):
                        t = time.perf_counter()
                        summary = tx.run(text, rows=rows).consume()
                        client[name] += time.perf_counter() - t
                        server[name] += (
                            (summary.result_available_after or 0)
                            + (summary.result_consumed_after or 0)
                        ) / 1000
                    t = time.perf_counter()
                    tx.commit()
                    client["raw: commit"] += time.perf_counter() - t
        raw_total = time.perf_counter() - raw_started
        if args.plans:
            reset(b)
            batch = [p for _, p in next(writer._batches(items[:size], size))]
            with driver.session(database=settings.neo4j_database) as session:
                session.execute_write(profile, batch)
            # a second batch: relationships to existing edges
            batch = [p for _, p in next(writer._batches(items[size : 2 * size], size))]
            with driver.session(database=settings.neo4j_database) as session:
                session.execute_write(profile, batch)
        reset(b)
    print(
        f"{args.docs} docs, {sum(len(s) for _, s in items)} statements, "
        f"write {total:.2f} s, raw {raw_total:.2f} s"
    )
    print(f"{'step':<45} {'client s':>9} {'server s':>9}")
    for name in client:
        print(f"{name:<45} {client[name]:9.3f} {server.get(name, 0):9.3f}")
    for name, lines in plans.items():
        print(f"\n== PROFILE {name}")
        print("\n".join(lines))


if __name__ == "__main__":
    main()
