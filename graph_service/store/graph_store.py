"""The store's entry point: one async driver per process, a read port per request or
command, the writes and the schema.

``async with GraphStore(settings) as store`` in the CLI (under ``asyncio.run``) and the
services; the API's lifespan starts and closes one. There is no synchronous copy.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Iterable, Sequence
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING

import neo4j

from graph_service.config import Settings
from graph_service.store import schema, writer
from graph_service.store.driver import create_async_driver, translated_errors
from graph_service.store.reader import GraphReader, Neo4jGraphReader
from graph_service.store.records import Readiness
from graph_service.store.writer import DocumentWriteResult

if TYPE_CHECKING:
    from graph_service.models import Actor, Document, Statement

logger = logging.getLogger(__name__)


class GraphStore:
    """The process-wide entry point: one async driver, sessions per request."""

    def __init__(self, settings: Settings, *, retry_seconds: float | None = None) -> None:
        """``retry_seconds`` bounds the retries of transient errors; by default the API's
        short ``api_store_retry_seconds`` (while Neo4j is down a request gets its 503
        quickly). Commands that write much pass longer."""
        self._settings = settings
        with translated_errors(settings):
            self._driver = create_async_driver(
                settings,
                max_retry_seconds=(
                    settings.api_store_retry_seconds if retry_seconds is None else retry_seconds
                ),
                quiet=True,
            )

    async def __aenter__(self) -> GraphStore:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()

    @property
    def settings(self) -> Settings:
        return self._settings

    async def start(self) -> None:
        """Verify connectivity and apply the schema; raises ``StoreUnavailableError``."""
        with translated_errors(self._settings):
            await self._driver.verify_connectivity()
        await self.apply_schema()

    async def close(self) -> None:
        await self._driver.close()

    # --- reads ---------------------------------------------------------------------------

    @asynccontextmanager
    async def reader(self) -> AsyncIterator[GraphReader]:
        """The read port over one session in read access mode, closed when the work ends."""
        session = self._driver.session(
            database=self._settings.neo4j_database,
            default_access_mode=neo4j.READ_ACCESS,
        )
        try:
            yield Neo4jGraphReader(session, self._settings)
        finally:
            with translated_errors(self._settings):
                await session.close()

    async def readiness(self) -> Readiness:
        """Whether Neo4j answers and the schema is present (a read: nothing is applied)."""
        try:
            with translated_errors(self._settings):
                info = await self._driver.get_server_info()
            missing = await self.missing_schema()
        except Exception as exc:  # reported as "not ready", never raised
            message = getattr(exc, "message", None) or str(exc)
            return Readiness(reachable=False, server=None, missing_schema=[], detail=message)
        return Readiness(reachable=True, server=str(info.agent), missing_schema=missing)

    async def unchanged_documents(
        self, docs: Sequence[Document]
    ) -> list[DocumentWriteResult | None]:
        """Per document, its result when the graph holds exactly this content, else None."""
        return await writer.unchanged_documents(self._driver, self._settings, docs)

    # --- writes and schema -----------------------------------------------------------------

    async def write_documents(
        self,
        items: Sequence[tuple[Document, Sequence[Statement]]],
        *,
        force: bool = False,
        batch_size: int | None = None,
    ) -> list[DocumentWriteResult]:
        """Write documents with their statements in atomic batches of ``batch_size``
        (default ``ingest_batch_size``) documents, one managed transaction each."""
        settings = self._settings
        if batch_size is not None:
            settings = settings.model_copy(update={"ingest_batch_size": batch_size})
        return await writer.write_documents(self._driver, settings, items, force=force)

    async def upsert_actors(self, actors: Iterable[Actor]) -> int:
        return await writer.upsert_actors(self._driver, self._settings, actors)

    async def apply_schema(self) -> list[str]:
        return await schema.apply_schema(self._driver, self._settings)

    async def missing_schema(self) -> list[str]:
        return await schema.missing_schema(self._driver, self._settings)

    async def delete_everything(self) -> None:
        await schema.delete_everything(self._driver, self._settings)
