"""Schema: constraints and indexes from ``cypher/schema/``, applied idempotently.

Each schema file is named after the constraint or index it creates, so presence is
checked by name. Applied by ``graph-service db init``, the ingest and the API's start-up.
"""

from __future__ import annotations

import logging

import neo4j

from graph_service.config import Settings
from graph_service.store import catalog
from graph_service.store.driver import translated_errors

logger = logging.getLogger(__name__)


def schema_names() -> list[str]:
    """Constraint/index names the schema folder defines."""
    return [name.split("/", 1)[1] for name in catalog.names("schema")]


async def apply_schema(driver: neo4j.AsyncDriver, settings: Settings) -> list[str]:
    """Create every constraint and index that is missing; return the names applied."""
    applied = []
    with translated_errors(settings):
        async with driver.session(database=settings.neo4j_database) as session:
            for name in catalog.names("schema"):
                # Schema commands cannot run inside an explicit transaction with other work;
                # each file is one auto-commit statement, idempotent through IF NOT EXISTS.
                result = await session.run(catalog.body(name))
                await result.consume()
                applied.append(name.split("/", 1)[1])
    logger.info("schema applied: %s", ", ".join(applied))
    return applied


async def missing_schema(driver: neo4j.AsyncDriver, settings: Settings) -> list[str]:
    """Names of schema elements that are not (yet) in the database (a read)."""
    with translated_errors(settings):
        records, _, _ = await driver.execute_query(
            catalog.body("read/list_schema_names"),
            database_=settings.neo4j_database,
            routing_=neo4j.RoutingControl.READ,
        )
    present = {record["name"] for record in records}
    return [name for name in schema_names() if name not in present]


_DELETE_BATCH = 5000  # relationships or nodes per transaction of delete_everything


async def delete_everything(driver: neo4j.AsyncDriver, settings: Settings) -> None:
    """Remove all nodes and relationships; the schema stays."""
    with translated_errors(settings):
        async with driver.session(database=settings.neo4j_database) as session:
            # relationships first, then nodes: bounded transactions, each within the
            # transaction memory limit however large the graph or its hub actors
            for name in ("write/delete_everything", "write/delete_all_nodes"):
                query = catalog.body(name)
                while True:
                    result = await session.run(query, batch=_DELETE_BATCH)
                    record = await result.single()
                    if record is None or record["deleted"] == 0:
                        break
