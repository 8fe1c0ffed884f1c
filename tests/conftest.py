"""Shared fixtures.

Storage, API and map tests run against the real Neo4j the project manages. The
session starts it (``graph-service neo4j start`` semantics: a running server is
reused) and stops it at the end only if this session started it. With
``GRAPH_SERVICE_NEO4J_URI`` set, the external server is used as it is.
"""

from __future__ import annotations

from collections.abc import Iterator

import neo4j
import pytest

from graph_service import neo4j_local
from graph_service.config import Settings, get_settings
from tests.store_sync import apply_schema, delete_everything


@pytest.fixture(scope="session")
def settings() -> Settings:
    get_settings.cache_clear()
    return get_settings()


@pytest.fixture(scope="session")
def neo4j_server(settings: Settings) -> Iterator[Settings]:
    """A running Neo4j: the project's local server, started if needed, or the external one."""
    started_here = False
    if not settings.is_external_neo4j:
        started_here = neo4j_local.status(settings).pid is None
        neo4j_local.start(settings)
    yield settings
    if started_here:
        neo4j_local.stop(settings)


@pytest.fixture(scope="session")
def driver(neo4j_server: Settings) -> Iterator[neo4j.Driver]:
    # A synchronous driver of the tests' own, for the queries that check what the store wrote.
    auth = (neo4j_server.neo4j_user, neo4j_server.neo4j_password.get_secret_value())
    with neo4j.GraphDatabase.driver(neo4j_server.bolt_uri, auth=auth) as drv:
        drv.verify_connectivity()
        yield drv


def wipe(drv: neo4j.Driver, settings: Settings) -> None:
    """Delete every node and relationship, then (re)apply the schema."""
    delete_everything(settings)
    apply_schema(settings)


@pytest.fixture
def clean_db(driver: neo4j.Driver, neo4j_server: Settings) -> neo4j.Driver:
    """A database with the schema and no data, for one test."""
    wipe(driver, neo4j_server)
    return driver
