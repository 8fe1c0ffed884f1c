"""Ingest end to end and concurrency, against the real Neo4j."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import neo4j
import pytest

from graph_service.config import Settings
from graph_service.models import Document, Modality, Statement
from graph_service.store.writer import WriteStatus
from tests.store.store_helpers import comparable, doc, edges, edges_from_scratch, q, snapshot, st
from tests.store_sync import ingest_paths, write_documents

pytestmark = pytest.mark.neo4j

SAMPLE = Path(__file__).resolve().parents[2] / "graph_service" / "data" / "sample_corpus"
ACTORS = ["RUS", "PRK", "CHN", "IRN", "UKR", "USA", "DEU", "EU", "NATO", "HOUTHIS"]
TYPES = ["PARTNERSHIP", "SUPPLIES", "OPPOSES"]


def _random_corpus(n: int, seed: int = 7) -> list[tuple[Document, list[Statement]]]:
    rnd = random.Random(seed)
    out = []
    for i in range(n):
        d = doc(f"doc-{i}", f"Generated text number {i}.", url=f"https://news.example/gen/{i}")
        statements = []
        for sentence in range(rnd.randint(2, 6)):
            a, b = rnd.sample(ACTORS, 2)
            statements.append(
                st(
                    d,
                    a,
                    rnd.choice(TYPES),
                    b,
                    sentence=sentence,
                    confidence=round(rnd.uniform(0.3, 0.95), 2),
                    negated=rnd.random() < 0.1,
                    modality=rnd.choice(list(Modality)),
                    items=rnd.sample(["drones", "missiles", "shells", "oil"], rnd.randint(0, 2)),
                )
            )
        out.append((d, statements))
    return out


def test_ingest_sample_corpus_twice(clean_db: neo4j.Driver, settings: Settings) -> None:
    files = sorted(SAMPLE.glob("*.md"))
    assert len(files) == 165
    first = ingest_paths([SAMPLE], settings, batch_size=7)
    assert (first.new, first.unchanged, first.replaced, first.failed) == (len(files), 0, 0, 0)
    # 496 statements about 118 actors with the extractor of December 2026; bounds, so
    # that an extractor change does not break a storage test
    assert first.statements > 400 and first.actors > 100
    assert first.errors == [] and first.docs_per_second > 0

    counts = q(
        clean_db,
        settings,
        "MATCH (d:Document) RETURN count(d) AS docs, "
        "COUNT { MATCH (s:Statement) RETURN s } AS statements",
    )[0]
    assert counts == {"docs": len(files), "statements": first.statements}
    assert comparable(edges(clean_db, settings)) == edges_from_scratch(clean_db, settings)
    # The catalog is loaded: actors have their names, leaders their LEADS edge.
    rus = q(clean_db, settings, "MATCH (a:Actor {id: 'RUS'}) RETURN a.kind AS kind")
    assert rus == [{"kind": "state"}]
    leads = q(clean_db, settings, "MATCH (:Person)-[l:LEADS]->(:Actor) RETURN count(l) AS n")
    assert leads[0]["n"] > 10

    before = snapshot(clean_db, settings)
    again = ingest_paths([SAMPLE], settings, batch_size=3)
    assert (again.new, again.unchanged, again.replaced, again.statements) == (0, len(files), 0, 0)
    assert snapshot(clean_db, settings) == before


def test_changed_file_is_replaced(
    clean_db: neo4j.Driver, settings: Settings, tmp_path: Path
) -> None:
    article = tmp_path / "article.md"
    head = "---\ntitle: Test\ndate: 2024-03-01\nurl: https://news.example/changing\nlang: de\n---\n"
    article.write_text(
        head + "Russland und Nordkorea haben eine strategische Partnerschaft vereinbart.\n",
        encoding="utf-8",
    )
    first = ingest_paths([article], settings)
    assert first.new == 1
    article.write_text(
        head + "Der Iran liefert Drohnen an Russland. Die EU verhängt Sanktionen gegen Russland.\n",
        encoding="utf-8",
    )
    second = ingest_paths([article], settings)
    assert (second.new, second.replaced, second.unchanged) == (0, 1, 0)
    assert q(clean_db, settings, "MATCH (d:Document) RETURN count(d) AS n")[0]["n"] == 1
    evidence = q(clean_db, settings, "MATCH (s:Statement) RETURN s.evidence AS e")
    assert evidence and all("Nordkorea" not in r["e"] for r in evidence)
    assert comparable(edges(clean_db, settings)) == edges_from_scratch(clean_db, settings)


def test_unreadable_files_are_reported_and_skipped(
    clean_db: neo4j.Driver, settings: Settings, tmp_path: Path
) -> None:
    (tmp_path / "good.md").write_text(
        "---\ntitle: Gut\nlang: de\n---\nRussland führt Krieg gegen die Ukraine.\n",
        encoding="utf-8",
    )
    (tmp_path / "broken.txt").write_bytes(b"\x00\x01\x02 binary \xff\xfe garbage")
    summary = ingest_paths([tmp_path, tmp_path / "missing.md"], settings, batch_size=1)
    assert summary.new == 1
    assert summary.failed == 2
    messages = " ".join(e.message for e in summary.errors)
    assert "broken.txt" in messages and "missing.md" in messages

    env = {**os.environ}
    done = subprocess.run(
        [sys.executable, "-m", "graph_service.cli", "ingest", str(tmp_path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=180,
        check=False,
    )
    assert done.returncode == 1, done.stderr
    assert "broken.txt" in done.stderr
    assert "documents unchanged" in done.stderr and "Traceback" not in done.stderr


def test_concurrent_overlapping_ingests_leave_no_duplicates(
    clean_db: neo4j.Driver, settings: Settings
) -> None:
    corpus = _random_corpus(60)
    small = settings.model_copy(update={"ingest_batch_size": 4})
    left, right = corpus[:40], corpus[20:]
    start = threading.Barrier(2)
    failures: list[BaseException] = []
    statuses: list[list[WriteStatus]] = [[], []]

    def run(part: list[tuple[Document, list[Statement]]], slot: int) -> None:
        try:
            # Each writer has a driver (and an event loop) of its own, like separate processes.
            start.wait()
            statuses[slot] = [r.status for r in write_documents(small, part)]
        except BaseException as exc:  # reported in the main thread
            failures.append(exc)

    threads = [threading.Thread(target=run, args=(p, i)) for i, p in enumerate((left, right))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=300)
    assert failures == []
    # Every overlapping document was written once: new for one writer, unchanged for the other.
    assert sum(s.count(WriteStatus.NEW) for s in statuses) == 60
    assert sum(s.count(WriteStatus.UNCHANGED) for s in statuses) == 20

    dupes = q(
        clean_db,
        settings,
        """
        MATCH (s:Statement)
        WITH s, COUNT { (s)-[:SUBJECT]->() } AS subj, COUNT { (s)-[:OBJECT]->() } AS obj,
             COUNT { (s)-[:IN]->() } AS docs
        WHERE subj <> 1 OR obj <> 1 OR docs <> 1
        RETURN count(s) AS n
        """,
    )
    assert dupes == [{"n": 0}]
    concurrent = snapshot(clean_db, settings)
    concurrent_edges = comparable(edges(clean_db, settings))  # also asserts no duplicate edge
    assert concurrent_edges == edges_from_scratch(clean_db, settings)

    # The same documents written once, sequentially, give the same graph.
    clean_db.execute_query("MATCH (n) DETACH DELETE n", database_=settings.neo4j_database)
    write_documents(small, corpus)
    sequential = snapshot(clean_db, settings)
    assert (concurrent["nodes"], concurrent["rels"], concurrent["props"]) == (
        sequential["nodes"],
        sequential["rels"],
        sequential["props"],
    )
    assert comparable(edges(clean_db, settings)) == concurrent_edges


def _extractable_jsonl(path: Path, n: int) -> None:
    rnd = random.Random(11)
    names = ["Russia", "China", "Iran", "North Korea", "Germany", "France", "Japan", "India"]
    templates = [
        "{A} supplies drones and missiles to {B}.",
        "{A} and {B} signed a defence pact.",
        "{A} imposed new sanctions on {B}.",
        "{A} denied supplying weapons to {B}.",
    ]
    lines = []
    for i in range(n):
        text = " ".join(
            rnd.choice(templates).format(A=a, B=b)
            for a, b in (rnd.sample(names, 2) for _ in range(4))
        )
        record = {"id": str(i), "text": f"Report {i}. {text}", "url": f"https://k.example/{i}"}
        lines.append(json.dumps(record))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_killed_ingest_is_completed_by_a_rerun(
    clean_db: neo4j.Driver, settings: Settings, tmp_path: Path
) -> None:
    n = 1500
    corpus = tmp_path / "many.jsonl"
    _extractable_jsonl(corpus, n)
    proc = subprocess.Popen(
        [sys.executable, "-m", "graph_service.cli", "ingest", str(corpus), "--batch-size", "10"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ},
    )
    try:
        deadline = time.monotonic() + 120
        written = 0
        while time.monotonic() < deadline and proc.poll() is None:
            written = q(clean_db, settings, "MATCH (d:Document) RETURN count(d) AS n")[0]["n"]
            if written >= 50:
                break
            time.sleep(0.05)
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    assert written >= 50, "the ingest did not get going"

    # Whatever was committed is complete: no document without its content hash, no
    # statement without its subject, object and document.
    partial = q(
        clean_db,
        settings,
        "MATCH (d:Document) RETURN count(d) AS docs, "
        "count(CASE WHEN d.text_hash IS NULL THEN 1 END) AS half",
    )[0]
    assert partial["half"] == 0 and partial["docs"] < n
    assert comparable(edges(clean_db, settings)) == edges_from_scratch(clean_db, settings)

    rerun = ingest_paths([corpus], settings, batch_size=100)
    assert rerun.new + rerun.unchanged == n and rerun.failed == 0
    assert rerun.unchanged >= partial["docs"]
    completed = snapshot(clean_db, settings)
    completed_edges = comparable(edges(clean_db, settings))
    assert completed_edges == edges_from_scratch(clean_db, settings)

    clean_db.execute_query("MATCH (n) DETACH DELETE n", database_=settings.neo4j_database)
    ingest_paths([corpus], settings, batch_size=100)
    fresh = snapshot(clean_db, settings)
    assert (completed["nodes"], completed["rels"], completed["props"]) == (
        fresh["nodes"],
        fresh["rels"],
        fresh["props"],
    )
    assert comparable(edges(clean_db, settings)) == completed_edges
