"""The store's entry point: one async driver per process, a read port per request or
command, the writes, and the schema.

``GraphStore`` is used as ``async with GraphStore(settings) as store`` (the CLI, under
``asyncio.run``) or started and closed by the API's lifespan.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING

import neo4j

from graph_service.config import Settings
from graph_service.store.driver import create_async_driver, translated_errors
from graph_service.store.reader import GraphReader, Neo4jGraphReader
from graph_service.store.records import Readiness, WrittenDocument
from graph_service.store.schema import apply_schema_async, missing_schema_async

if TYPE_CHECKING:
    from graph_service.models import Document, Statement

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
        self.schema_checked = False

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
        await apply_schema_async(self._driver, self._settings)
        self.schema_checked = True

    async def close(self) -> None:
        await self._driver.close()

    async def readiness(self) -> Readiness:
        """Whether Neo4j answers and the schema is present (applied if it is missing)."""
        try:
            with translated_errors(self._settings):
                info = await self._driver.get_server_info()
            missing = await missing_schema_async(self._driver, self._settings)
            if missing:
                await apply_schema_async(self._driver, self._settings)
                missing = await missing_schema_async(self._driver, self._settings)
        except Exception as exc:  # reported as "not ready", never raised
            message = getattr(exc, "message", None) or str(exc)
            return Readiness(reachable=False, server=None, missing_schema=[], detail=message)
        self.schema_checked = not missing
        return Readiness(reachable=True, server=str(info.agent), missing_schema=missing)

    @asynccontextmanager
    async def reader(self) -> AsyncIterator[GraphReader]:
        """A reader over one session in read access mode, closed when the request ends."""
        session = self._driver.session(
            database=self._settings.neo4j_database,
            default_access_mode=neo4j.READ_ACCESS,
        )
        try:
            yield Neo4jGraphReader(session, self._settings)
        finally:
            with translated_errors(self._settings):
                await session.close()

    async def write_documents(
        self, items: Sequence[tuple[Document, Sequence[Statement]]]
    ) -> list[WrittenDocument]:
        """Write documents with their statements (managed write transactions)."""
        from graph_service.store.writer import write_documents_async

        with translated_errors(self._settings):
            results = await write_documents_async(
                self._driver, self._settings, [(doc, list(stmts)) for doc, stmts in items]
            )
        return [
            WrittenDocument(
                document_id=result.document_id,
                status=str(result.status),
                statements=int(result.statements),
            )
            for result in results
        ]
