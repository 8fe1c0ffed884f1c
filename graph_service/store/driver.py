"""Driver construction and translation of driver errors into the service's error tree.

``graph_service.store`` is the only package that imports ``neo4j``.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

import neo4j
from neo4j import exceptions as neo4j_errors

from graph_service import __version__
from graph_service.asyncrun import run_sync
from graph_service.config import Settings
from graph_service.errors import (
    GraphServiceError,
    QueryError,
    QueryTimeoutError,
    QueryTooLargeError,
    ReadOnlyViolationError,
    StoreAuthError,
    StoreError,
    StoreUnavailableError,
)

logger = logging.getLogger(__name__)

USER_AGENT = f"graph-service/{__version__}"
"""What the service's drivers tell Neo4j; ``dbms.listConnections()`` shows it per connection."""

_READ_ONLY_CODES = (
    "Neo.ClientError.Statement.AccessMode",
    "Neo.ClientError.Security.Forbidden",
    "Neo.ClientError.Statement.NotSystemDatabaseError",
)
_TIMEOUT_CODES = (
    "Neo.ClientError.Transaction.TransactionTimedOut",
    "Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration",
    "Neo.TransientError.Transaction.LockClientStopped",
)

# The transaction's memory cap (db.memory.transaction.max / the global pool): the query is
# at fault, not the server, and retrying it cannot help.
_MEMORY_LIMIT_CODES = (
    "Neo.ClientError.General.TransactionOutOfMemoryError",
    "Neo.TransientError.General.MemoryPoolOutOfMemoryError",
    "Neo.TransientError.General.TransactionMemoryLimit",
)


def _auth(settings: Settings) -> tuple[str, str]:
    return (settings.neo4j_user, settings.neo4j_password.get_secret_value())


def create_async_driver(
    settings: Settings, *, max_retry_seconds: float = 15.0, quiet: bool = False
) -> neo4j.AsyncDriver:
    """The driver (async: the store has no sync copy), one per process.

    ``max_retry_seconds`` bounds how long managed transactions retry transient errors;
    ``quiet`` turns off server notifications (unknown property keys on a sparse graph
    and the like), which are no news for API clients.
    """
    return neo4j.AsyncGraphDatabase.driver(
        settings.bolt_uri,
        auth=_auth(settings),
        connection_timeout=settings.neo4j_connect_timeout_seconds,
        connection_acquisition_timeout=settings.neo4j_connect_timeout_seconds * 2,
        max_transaction_retry_time=max_retry_seconds,
        user_agent=USER_AGENT,
        notifications_min_severity=(neo4j.NotificationMinimumSeverity.OFF if quiet else None),
    )


def translate_error(exc: BaseException, *, uri: str = "", user: str = "") -> GraphServiceError:
    """Map a driver exception to the service's error tree, with a message a user can act on."""
    if isinstance(exc, GraphServiceError):
        return exc
    if isinstance(exc, neo4j_errors.AuthError):
        return StoreAuthError(
            f"Neo4j at {uri or 'the configured URI'} rejected the credentials of user "
            f"{user or '?'!r}: check GRAPH_SERVICE_NEO4J_USER and GRAPH_SERVICE_NEO4J_PASSWORD"
        )
    if isinstance(exc, neo4j_errors.ServiceUnavailable | neo4j_errors.SessionExpired):
        return StoreUnavailableError(
            f"Neo4j at {uri or 'the configured URI'} is not reachable: {_first_line(exc)}"
        )
    if isinstance(exc, neo4j_errors.Neo4jError):
        code = exc.code or ""
        message = exc.message or str(exc)
        if code in _READ_ONLY_CODES or "read access mode" in message.lower():
            return ReadOnlyViolationError(f"not allowed in a read-only query: {message}")
        if code in _TIMEOUT_CODES:
            return QueryTimeoutError(f"query timed out and was terminated: {message}")
        if code in _MEMORY_LIMIT_CODES:
            return QueryTooLargeError(
                f"the query needs more memory than a transaction may use: {message}",
                field="query",
            )
        if code.startswith("Neo.ClientError.Statement") or code.startswith(
            "Neo.ClientError.Procedure"
        ):
            return QueryError(f"{code.rsplit('.', 1)[-1]}: {message}")
        if code.startswith("Neo.TransientError") or code.startswith(
            "Neo.ClientError.Database.DatabaseNotFound"
        ):
            return StoreUnavailableError(
                f"Neo4j is temporarily unable to answer: {message}",
                public_message="the database is temporarily unable to answer; retry later",
            )
        return StoreError(f"Neo4j error {code}: {message}")
    if isinstance(exc, neo4j_errors.DriverError):
        return StoreUnavailableError(
            f"Neo4j driver error: {_first_line(exc)}",
            public_message="the database connection failed; retry later",
        )
    if isinstance(exc, OSError):
        return StoreUnavailableError(f"Neo4j is not reachable: {exc}")
    return StoreError(f"unexpected storage error: {exc!r}")


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


@contextmanager
def translated_errors(settings: Settings | None = None) -> Iterator[None]:
    """Re-raise driver errors as ``GraphServiceError``; works around ``await`` too."""
    try:
        yield
    except (neo4j_errors.Neo4jError, neo4j_errors.DriverError, OSError) as exc:
        raise translate_error(
            exc,
            uri=settings.bolt_uri if settings else "",
            user=settings.neo4j_user if settings else "",
        ) from exc


def verify_connectivity(settings: Settings) -> str:
    """Connect and authenticate once; return the server's version string (for sync callers:
    the local server's start and status)."""
    return run_sync(_server_agent(settings))


async def _server_agent(settings: Settings) -> str:
    with translated_errors(settings):
        async with create_async_driver(settings, quiet=True) as driver:
            await driver.verify_connectivity()
            info = await driver.get_server_info()
            return str(info.agent)
