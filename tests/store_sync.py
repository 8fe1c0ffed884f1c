"""The async store called from synchronous tests: each helper opens a GraphStore (a driver
of its own, like a separate process) and runs one operation to completion."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, TypeVar

from graph_service.asyncrun import run_sync
from graph_service.config import Settings
from graph_service.models import Actor, Document, Statement
from graph_service.services.ingest import IngestSummary
from graph_service.services.ingest import ingest_paths as _ingest_paths
from graph_service.store.graph_store import GraphStore
from graph_service.store.writer import DocumentWriteResult

T = TypeVar("T")


def with_store(settings: Settings, work: Callable[[GraphStore], Awaitable[T]]) -> T:
    async def run() -> T:
        async with GraphStore(settings, retry_seconds=15.0) as store:
            return await work(store)

    return run_sync(run())


def write_documents(
    settings: Settings,
    items: Sequence[tuple[Document, Sequence[Statement]]],
    *,
    force: bool = False,
) -> list[DocumentWriteResult]:
    return with_store(settings, lambda store: store.write_documents(items, force=force))


def upsert_actors(settings: Settings, actors: Iterable[Actor]) -> int:
    return with_store(settings, lambda store: store.upsert_actors(actors))


def apply_schema(settings: Settings) -> list[str]:
    return with_store(settings, lambda store: store.apply_schema())


def missing_schema(settings: Settings) -> list[str]:
    return with_store(settings, lambda store: store.missing_schema())


def delete_everything(settings: Settings) -> None:
    with_store(settings, lambda store: store.delete_everything())


def ingest_paths(paths: Sequence[Path | str], settings: Settings, **options: Any) -> IngestSummary:
    return run_sync(_ingest_paths(paths, settings, **options))
