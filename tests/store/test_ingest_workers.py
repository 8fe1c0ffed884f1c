"""``ingest --workers N``: extraction in worker processes, one ordered writer. The graph
must be the same for any number of workers, and a document that fails to extract must be
recorded as failed in the processes as in the thread."""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import neo4j
import pytest

import graph_service.services.extract_pool as extract_pool
import graph_service.services.ingest as ingest_service
from graph_service.config import Settings
from graph_service.models import Document, Statement
from tests.conftest import wipe
from tests.store.store_helpers import comparable, edges, edges_from_scratch, q, snapshot
from tests.store_sync import ingest_paths

pytestmark = pytest.mark.neo4j

SAMPLE = Path(__file__).resolve().parents[2] / "graph_service" / "data" / "sample_corpus"
WRITTEN_AT = frozenset({"ingested_at"})  # the only property that differs between two runs
BROKEN = "THIS DOCUMENT BREAKS THE EXTRACTOR"
_real_extract = extract_pool.extract_statements


def _breaking_extract(document: Document, time_limit: float | None = None) -> list[Statement]:
    if BROKEN in document.text:
        raise ValueError("broken on purpose")
    return _real_extract(document, time_limit)


def _break_extractor_in_worker() -> None:
    """Pool initializer: the worker process's extractor fails on the marked document."""
    extract_pool._exit_with_parent()
    extract_pool.extract_statements = _breaking_extract


def _breaking_pool(workers: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(
        max_workers=workers,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_break_extractor_in_worker,
    )


def test_workers_write_the_same_graph_as_one(
    clean_db: neo4j.Driver, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    ticks: list[int] = []
    pools: list[int] = []

    def counted_pool(workers: int) -> ProcessPoolExecutor:
        pools.append(workers)
        return extract_pool.start_pool(workers)

    monkeypatch.setattr(ingest_service, "start_pool", counted_pool)
    one = ingest_paths([SAMPLE], settings, batch_size=20, workers=1)
    single = snapshot(clean_db, settings, ignore=WRITTEN_AT)
    assert one.new == 165 and one.failed == 0 and one.statements > 400

    wipe(clean_db, settings)
    two = ingest_paths(
        [SAMPLE],
        settings,
        batch_size=20,
        workers=2,
        progress=lambda p: ticks.append(p.processed),
    )
    assert two.model_dump(exclude={"seconds", "docs_per_second"}) == one.model_dump(
        exclude={"seconds", "docs_per_second"}
    )
    assert snapshot(clean_db, settings, ignore=WRITTEN_AT) == single
    assert pools == [2]  # workers=1 extracted in a thread, workers=2 in two processes
    assert comparable(edges(clean_db, settings)) == edges_from_scratch(clean_db, settings)
    # progress counts every document, never backwards, up to all of them
    assert ticks == sorted(ticks) and ticks[-1] == 165 and len(set(ticks)) > 10

    # a re-ingest with workers finds everything unchanged and starts no pool
    again = ingest_paths([SAMPLE], settings, batch_size=50, workers=2)
    assert (again.new, again.unchanged, again.statements) == (0, 165, 0)
    assert pools == [2]
    assert snapshot(clean_db, settings, ignore=WRITTEN_AT) == single


def test_a_failing_document_is_recorded_and_the_rest_written(
    clean_db: neo4j.Driver,
    settings: Settings,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(12):
        text = "Russland liefert Drohnen an den Iran." if i != 5 else f"Russland. {BROKEN}."
        (corpus / f"doc-{i:02d}.md").write_text(
            f"---\ntitle: Doc {i}\ndate: 2024-03-01\nurl: https://w.example/{i}\nlang: de\n---\n"
            + text
            + "\n",
            encoding="utf-8",
        )
    monkeypatch.setattr(ingest_service, "start_pool", _breaking_pool)
    monkeypatch.setattr(extract_pool, "extract_statements", _breaking_extract)  # workers=1

    results = {}
    for workers in (1, 2):
        wipe(clean_db, settings)
        summary = ingest_paths([corpus], settings, batch_size=4, workers=workers)
        assert (summary.new, summary.failed) == (11, 1), workers
        assert summary.errors[0].path is not None and summary.errors[0].path.endswith("doc-05.md")
        assert "broken on purpose" in summary.errors[0].message
        stored = q(clean_db, settings, "MATCH (d:Document) RETURN count(d) AS n")[0]["n"]
        assert stored == 11
        results[workers] = (summary.statements, snapshot(clean_db, settings, ignore=WRITTEN_AT))
    assert results[1] == results[2] and results[1][0] == 11
