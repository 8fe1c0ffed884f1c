"""API benchmark: load 100,000 statements, serve the API with uvicorn, measure latency.

    GRAPH_SERVICE_...=... .venv/bin/python bench/api/run.py [--statements 100000]
        [--requests 1000] [--concurrency 8] [--reuse] [--suites alignment,changes]

Writes a synthetic corpus (skewed like news: a few actors in most statements) through the
store's writer, starts ``graph-service serve`` in a subprocess, and reports p50/p99 latency
(sequential requests) and requests/s (``--concurrency`` clients) for
/actors/{id}/relations, /relations/{s}/{type}/{t}/evidence, /graph?depth=2, the monthly
alignment series of a pair (/alignment/{a}/{b}) and a year of /changes (issue 13; every
statement carries the intensity of its type, as the extractor sets it).
It deletes everything in the configured database first (unless --reuse).
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import logging
import os
import random
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence

import httpx

from graph_service.config import get_settings
from graph_service.extract.intensity import intensity_of
from graph_service.models import Actor, ActorKind, Document, Modality, RelationType, Statement
from graph_service.store.graph_store import GraphStore

logger = logging.getLogger("bench.api")

HUBS = ["RUS", "UKR", "USA", "CHN", "PRK", "IRN", "DEU", "FRA", "GBR", "ISR", "EU", "NATO"]
STATEMENTS_PER_DOCUMENT = 5


def actors(count: int) -> list[Actor]:
    out = [Actor(id=hub, name=hub.title(), kind=ActorKind.STATE) for hub in HUBS]
    out += [
        Actor(id=f"X{i:03d}", name=f"Actor {i}", kind=ActorKind.STATE)
        for i in range(count - len(HUBS))
    ]
    return out


def corpus(
    n_statements: int, ids: Sequence[str], seed: int = 7
) -> list[tuple[Document, list[Statement]]]:
    rng = random.Random(seed)
    # Zipf-like weights: the hubs dominate, the tail is long.
    weights = [1.0 / (rank + 1) ** 1.1 for rank in range(len(ids))]
    types = list(RelationType)
    start = dt.date(2022, 1, 1)
    items: list[tuple[Document, list[Statement]]] = []
    for d in range(n_statements // STATEMENTS_PER_DOCUMENT):
        date = start + dt.timedelta(days=rng.randrange(1400))
        sentences = []
        statements = []
        for k in range(STATEMENTS_PER_DOCUMENT):
            subject, obj = rng.choices(ids, weights, k=2)
            while obj == subject:
                obj = rng.choices(ids, weights)[0]
            rel = rng.choice(types)
            strength = intensity_of(rel, None)
            sentence = f"Satz {k} von Dokument {d}: {subject} {rel.value.lower()} {obj}."
            sentences.append(sentence)
            statements.append(
                Statement(
                    path=f"bench/{d}.txt",
                    subject=subject,
                    type=rel,
                    object=obj,
                    evidence=sentence,
                    confidence=round(rng.uniform(0.5, 0.95), 2),
                    modality=Modality.SPECULATIVE if rng.random() < 0.1 else Modality.ASSERTED,
                    items=["ammunition"] if rel is RelationType.SUPPLIES else [],
                    rule="bench",
                    sentence_index=k,
                    date=date,
                    intensity=strength[0] if strength else None,
                    quad_class=strength[1] if strength else None,
                )
            )
        document = Document(
            path=f"bench/{d}.txt",
            text=" ".join(sentences),
            title=f"Bench document {d}",
            url=f"https://bench.example/{d}",
            date=date,
            lang="de",
        )
        items.append((document, statements))
    return items


def load(n_statements: int, n_actors: int) -> None:
    asyncio.run(_load(n_statements, n_actors))


async def _load(n_statements: int, n_actors: int) -> None:
    settings = get_settings()
    cast = actors(n_actors)
    items = corpus(n_statements, [a.id for a in cast])
    async with GraphStore(settings, retry_seconds=15.0) as store:
        await store.delete_everything()
        await store.apply_schema()
        await store.upsert_actors(cast)
        started = time.perf_counter()
        for offset in range(0, len(items), 2000):
            await store.write_documents(items[offset : offset + 2000])
        seconds = time.perf_counter() - started
    logger.info(
        "loaded %s statements in %s documents in %.1f s (%.0f statements/s)",
        n_statements,
        len(items),
        seconds,
        n_statements / seconds,
    )


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def percentile(values: Sequence[float], q: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
    return ordered[index]


async def measure(
    client: httpx.AsyncClient, urls: Sequence[str], concurrency: int
) -> tuple[list[float], float]:
    """Latencies of sequential requests, then requests/s with ``concurrency`` workers."""
    latencies = []
    for url in urls:
        t0 = time.perf_counter()
        response = await client.get(url)
        latencies.append((time.perf_counter() - t0) * 1000)
        response.raise_for_status()
    queue = list(urls)
    started = time.perf_counter()

    async def worker() -> None:
        while queue:
            (await client.get(queue.pop())).raise_for_status()

    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return latencies, len(urls) / (time.perf_counter() - started)


SUITES = ("relations", "evidence", "graph", "alignment", "changes")


async def bench(
    base: str, n_requests: int, concurrency: int, chosen: Sequence[str] = SUITES
) -> list[dict[str, object]]:
    rng = random.Random(11)
    async with httpx.AsyncClient(base_url=base, timeout=60) as client:
        relations = (await client.get("/relations", params={"limit": 500})).json()["items"]
        all_actors = (await client.get("/actors", params={"limit": 500})).json()["items"]
        ids = [a["id"] for a in all_actors]
        suites = {
            "/actors/{id}/relations": [
                f"/actors/{rng.choice(ids)}/relations" for _ in range(n_requests)
            ],
            "/relations/{s}/{type}/{t}/evidence": [
                f"/relations/{r['source']['id']}/{r['type']}/{r['target']['id']}/evidence"
                for r in (rng.choice(relations) for _ in range(n_requests))
            ],
            "/graph?depth=2": [
                f"/graph?center={rng.choice(ids)}&depth=2" for _ in range(max(50, n_requests // 5))
            ],
            # a pair that has statements, by month from its first statement (about 60 months)
            "/alignment/{a}/{b}": [
                f"/alignment/{r['source']['id']}/{r['target']['id']}?interval=month"
                for r in (rng.choice(relations) for _ in range(n_requests))
            ],
            # a calendar year of the four the corpus spans
            "/changes (a year)": [
                f"/changes?since={year}-01-01&until={year}-12-31&limit=100"
                for year in (rng.randrange(2022, 2026) for _ in range(max(50, n_requests // 10)))
            ],
        }
        keys = dict(zip(SUITES, suites, strict=True))
        results = []
        for name, urls in ((keys[s], suites[keys[s]]) for s in chosen):
            for url in urls[:20]:  # warm up caches and query plans
                await client.get(url)
            latencies, rps = await measure(client, urls, concurrency)
            results.append(
                {
                    "endpoint": name,
                    "requests": len(urls),
                    "p50_ms": round(statistics.median(latencies), 1),
                    "p99_ms": round(percentile(latencies, 0.99), 1),
                    "max_ms": round(max(latencies), 1),
                    "rps": round(rps, 1),
                }
            )
        return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--statements", type=int, default=100_000)
    parser.add_argument("--actors", type=int, default=200)
    parser.add_argument("--requests", type=int, default=1000)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--reuse", action="store_true", help="Keep the loaded database.")
    parser.add_argument(
        "--suites", default=",".join(SUITES), help=f"Comma-separated, of: {', '.join(SUITES)}."
    )
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    logging.getLogger("neo4j").setLevel(logging.ERROR)
    logging.getLogger("httpx").setLevel(logging.WARNING)
    if not args.reuse:
        load(args.statements, args.actors)
    port = _free_port()
    env = {**os.environ, "GRAPH_SERVICE_API_PORT": str(port)}
    server = subprocess.Popen(
        [sys.executable, "-m", "graph_service.cli", "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{base}/ready", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise SystemExit("the API did not become ready")
            time.sleep(0.5)
        chosen = [s.strip() for s in args.suites.split(",") if s.strip()]
        unknown = sorted(set(chosen) - set(SUITES))
        if unknown:
            raise SystemExit(f"unknown suites {unknown}; choose from {', '.join(SUITES)}")
        results = asyncio.run(bench(base, args.requests, args.concurrency, chosen))
    finally:
        server.terminate()
        server.wait(timeout=30)
    header = f"| endpoint | requests | p50 ms | p99 ms | max ms | req/s (c={args.concurrency}) |"
    lines = [header, "| --- | ---: | ---: | ---: | ---: | ---: |"]
    for r in results:
        lines.append(
            f"| {r['endpoint']} | {r['requests']} | {r['p50_ms']} | {r['p99_ms']} | "
            f"{r['max_ms']} | {r['rps']} |"
        )
    sys.stdout.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
