"""Ad hoc Cypher (``POST /cypher``): decided on Neo4j's own plan, run under hard limits.

The query is first ``EXPLAIN``-ed in the same read transaction, with the same
parameters. Neo4j's answer decides: only a read-only query type (``"r"``) whose plan
calls nothing but allow-listed procedures and no command operator (``SHOW ...``,
``TERMINATE ...``, administration, ``LOAD CSV``) runs. No text is matched, so quoting
(``CALL `dbms`.`listConfig`()``) changes nothing: the plan names the procedure.

Limits: the transaction carries the server-side timeout; a client-side deadline of
timeout + :data:`GRACE_SECONDS` covers what the server does not interrupt (parsing,
the evaluation of one huge expression, an error Neo4j fails to send back). When it
passes, the task is cancelled, the driver kills that connection (never returned to the
pool, never retried) and the caller gets a timeout. The explicit transaction is not
retried either: a syntax error, a memory limit or a timeout is answered as it is.
"""

from __future__ import annotations

import asyncio
import fnmatch
import logging
import re
from collections.abc import Mapping, Sequence
from typing import Any, LiteralString, cast

import neo4j
from neo4j import exceptions as neo4j_errors

from graph_service.config import Settings
from graph_service.errors import (
    QueryError,
    QueryNotAllowedError,
    QueryTimeoutError,
    QueryTooLargeError,
    ReadOnlyViolationError,
    StoreError,
)
from graph_service.store.convert import plain_row
from graph_service.store.driver import translated_errors
from graph_service.store.records import QueryResult

logger = logging.getLogger(__name__)

GRACE_SECONDS = 1.0
"""How long past its own timeout a query may take before the client gives up on it."""

READ_ONLY_QUERY_TYPE = "r"
# Plan operators that are commands rather than graph reads; refused whatever the query type.
_COMMAND_OPERATORS = ("Show", "Terminate", "Administration", "LoadCSV", "Schema")
_PROCEDURE_OPERATOR = "ProcedureCall"
# The JVM ran out of heap on an allocation the transaction memory limit does not track
# (one huge expression value): the query's fault, not a reason to call Neo4j unavailable.
_HEAP_EXHAUSTED = "Neo.TransientError.General.OutOfMemoryError"
_ADMIN_COMMAND = "Neo.ClientError.Statement.UnsupportedAdministrationCommand"


def procedure_allowed(name: str, allowlist: Sequence[str]) -> bool:
    """``name`` matches an entry of ``allowlist`` (``*`` is a wildcard, as in neo4j.conf)."""
    return any(fnmatch.fnmatchcase(name, pattern) for pattern in allowlist)


def _operators(plan: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    found = [plan]
    for child in plan.get("children") or []:
        found.extend(_operators(child))
    return found


def check_plan(
    query_type: str | None,
    plan: Mapping[str, Any] | None,
    allowlist: Sequence[str],
    database: str,
) -> None:
    """Refuse what Neo4j's ``EXPLAIN`` says is not a plain, allow-listed read."""
    if query_type != READ_ONLY_QUERY_TYPE:
        kind = {"w": "writes", "rw": "reads and writes", "s": "changes schema or administers"}
        raise ReadOnlyViolationError(
            f"/cypher runs read-only queries; this one {kind.get(str(query_type), 'is no read')} "
            f"(query type {query_type!r})",
            field="query",
        )
    if not plan:
        raise QueryNotAllowedError("Neo4j returned no plan for this query", field="query")
    for operator in _operators(plan):
        name, _, where = str(operator.get("operatorType") or "").partition("@")
        details = str((operator.get("args") or {}).get("Details") or "")
        if where and where != database:
            raise QueryNotAllowedError(
                f"/cypher reads the {database!r} database only; the plan runs on {where!r}",
                field="query",
            )
        if name.startswith(_COMMAND_OPERATORS):
            raise QueryNotAllowedError(
                f"/cypher does not run commands ({name}); use a MATCH ... RETURN query",
                field="query",
            )
        if _PROCEDURE_OPERATOR in name:
            procedure = details.split("(", 1)[0].strip()
            if not procedure or not procedure_allowed(procedure, allowlist):
                allowed = ", ".join(allowlist) or "none"
                raise QueryNotAllowedError(
                    f"procedure {procedure or '?'} is not allowed in /cypher (allowed: {allowed})",
                    field="query",
                )


async def run_adhoc(
    session: neo4j.AsyncSession,
    settings: Settings,
    text: str,
    parameters: Mapping[str, Any],
) -> QueryResult:
    """EXPLAIN, check, run in one read transaction; answer within timeout + grace."""
    timeout = settings.cypher_timeout_seconds
    try:
        async with asyncio.timeout(timeout + GRACE_SECONDS):
            return await _explain_and_run(session, settings, text, dict(parameters))
    except TimeoutError as exc:
        # Our deadline, not the server's: Neo4j was still parsing or evaluating. The
        # cancelled task's connection was killed (it goes back to no pool).
        logger.warning("/cypher query cancelled after %.1f s without an answer", timeout)
        raise QueryTimeoutError(
            f"the query did not finish within {timeout:g} s and was cancelled", field="query"
        ) from exc
    except StoreError as exc:
        # A client error the driver layer has no better class for (a transaction
        # command, an unknown procedure mode, ...): the caller's query is at fault.
        cause = exc.__cause__
        if type(exc) is StoreError and isinstance(cause, neo4j_errors.ClientError):
            raise QueryError(f"{cause.code}: {cause.message}", field="query") from cause
        raise
    except QueryError as exc:
        # A syntax, type or runtime error, or Neo4j's own timeout: the query is at fault.
        if exc.field is None:
            exc.field = "query"
        raise


async def _explain_and_run(
    session: neo4j.AsyncSession, settings: Settings, text: str, params: dict[str, Any]
) -> QueryResult:
    cap = settings.cypher_row_cap
    # Ad hoc Cypher is the analyst's own text by design; it runs only after Neo4j's plan
    # said it is an allow-listed read. Nothing from it reaches a label or type slot of ours.
    query = cast(LiteralString, text)
    try:
        with translated_errors(settings):
            # An explicit transaction: never retried (execute_read would retry a
            # transient memory error), rolled back on leaving; read access mode.
            tx = await session.begin_transaction(timeout=settings.cypher_timeout_seconds)
            async with tx:
                explained = await tx.run("EXPLAIN " + query, params)
                summary = await explained.consume()
                check_plan(
                    summary.query_type,
                    summary.plan,
                    settings.neo4j_procedures_allowlist,
                    settings.neo4j_database,
                )
                result = await tx.run(query, params)
                columns = list(result.keys())
                records = await result.fetch(cap + 1)
                rows = [plain_row(record) for record in records]
                # Rolled back, never committed: nothing to keep. The server discards the
                # unfetched rest (still under the transaction's timeout and our deadline).
                await tx.close()
                return QueryResult(columns=columns, rows=rows[:cap], truncated=len(rows) > cap)
    except (StoreError, QueryError) as exc:
        cause = exc.__cause__
        code = cause.code if isinstance(cause, neo4j_errors.Neo4jError) else None
        if code == _HEAP_EXHAUSTED:
            raise QueryTooLargeError(
                "the query needs more memory than the server can give it", field="query"
            ) from cause
        if code == _ADMIN_COMMAND:
            # EXPLAIN of an administration command this edition lacks (STOP DATABASE):
            # refused as what it is, not reported as a malformed query.
            raise ReadOnlyViolationError(
                "/cypher runs read-only queries; administration commands are refused",
                field="query",
            ) from cause
        if isinstance(exc, QueryError):
            # positions in a syntax error are the analyst's, not those of our EXPLAIN
            exc.message = without_explain(exc.message)
            exc.args = (exc.message,)
        raise


_PREFIX = "EXPLAIN "
_POSITION = re.compile(r"\(line (\d+), column (\d+) \(offset: (\d+)\)\)")


def without_explain(message: str) -> str:
    """Neo4j's error for ``EXPLAIN <query>`` as if the query had been sent alone: the
    quoted first line loses the prefix, and line 1 columns, offsets and the caret move
    back by its length."""
    shift = len(_PREFIX)
    first_line = False

    def position(m: re.Match[str]) -> str:
        nonlocal first_line
        line, column, offset = (int(g) for g in m.groups())
        first_line = line == 1
        column = max(1, column - shift) if first_line else column
        return f"(line {line}, column {column} (offset: {max(0, offset - shift)}))"

    text = _POSITION.sub(position, message)
    quoted = '"' + _PREFIX
    if quoted not in text:
        return text
    text = text.replace(quoted, '"', 1)
    if first_line:
        # the caret under the quoted line: as many spaces fewer
        text = re.sub(rf"\n {{{shift}}}( *\^)", r"\n\1", text, count=1)
    return text
