"""Keeps the project's own local Neo4j running while the API runs.

The local server runs with ``-XX:+ExitOnOutOfMemoryError`` (unless
``GRAPH_SERVICE_NEO4J_EXIT_ON_OUT_OF_MEMORY=false``): a query that exhausts the heap ends
the JVM rather than leaving it half broken; it can also be killed or crash. The API
process then brings it back: a background task looks at the server every few seconds
and, when the process recorded in the pid file has gone without ``graph-service neo4j
stop`` (which removes the pid file), starts it again (the same ``neo4j_local.start`` as
the command line), with exponential backoff between failed attempts and a log line for
each. A server stopped on purpose stays stopped. While it is down,
:attr:`Neo4jSupervisor.reason` says why, and ``/ready`` passes that on.

Two processes supervising one data folder (two API processes) take turns through a file
lock, so only one starts the server.
"""

from __future__ import annotations

import asyncio
import contextlib
import fcntl
import logging
import time
from collections.abc import AsyncIterator, Iterator
from enum import StrEnum
from pathlib import Path

from graph_service import neo4j_local
from graph_service.config import Settings
from graph_service.errors import GraphServiceError

logger = logging.getLogger(__name__)


class ServerState(StrEnum):
    running = "running"
    restarting = "restarting"
    failed = "failed"  # a restart failed; the next one waits for the backoff
    stopped = "stopped"  # stopped on purpose, or never started: not ours to start


class Neo4jSupervisor:
    """Watches the local server of ``settings`` and restarts it after an unexpected exit."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.interval = settings.neo4j_supervise_interval_seconds
        self.backoff_max = settings.neo4j_restart_backoff_max_seconds
        self.state = ServerState.running
        self.reason: str | None = None
        self.restarts = 0
        self._backoff = 1.0
        self._retry_at = 0.0
        self._up_since = time.monotonic()

    async def run(self) -> None:
        """Check forever (until cancelled)."""
        while True:
            try:
                await self.check_once()
            except Exception:  # the watcher must outlive any surprise
                logger.exception("Neo4j supervisor check failed")
            await asyncio.sleep(self.interval)

    async def check_once(self) -> ServerState:
        """One look at the server; restart it when it exited unexpectedly."""
        exited_pid = await asyncio.to_thread(neo4j_local.exited_unexpectedly, self.settings)
        running_pid = (await asyncio.to_thread(neo4j_local.status, self.settings)).pid
        if running_pid is not None:
            self._mark_running()
            return self.state
        if self.state is ServerState.failed:
            # Our own restart failed (its pid file is gone with it): retry on schedule.
            if time.monotonic() < self._retry_at:
                return self.state
        elif exited_pid is None:
            self.state = ServerState.stopped
            self.reason = (
                "the local Neo4j is not running (stopped on purpose or never started; "
                "not restarted): graph-service neo4j start"
            )
            return self.state
        else:
            logger.warning(
                "Neo4j (pid %s) exited unexpectedly; restarting it (logs in %s)",
                exited_pid,
                neo4j_local.home_dir(self.settings) / "logs",
            )
            self.reason = f"neo4j restarting after exit (pid {exited_pid} ended)"
        self.state = ServerState.restarting
        if self.reason is None or not self.reason.startswith("neo4j restart"):
            self.reason = "neo4j restarting after exit"
        await asyncio.to_thread(self._restart)
        return self.state

    def _mark_running(self) -> None:
        if self.state is not ServerState.running:
            self._up_since = time.monotonic()
        self.state = ServerState.running
        self.reason = None
        # Backoff is forgotten only once the server has stayed up a while: a crash loop
        # keeps waiting longer between attempts.
        if time.monotonic() - self._up_since > 60:
            self._backoff = 1.0

    def _restart(self) -> None:
        with _exclusive(neo4j_local.home_dir(self.settings) / "run" / "supervisor.lock") as got:
            if not got:
                return  # another process restarts it; the next check sees the result
            try:
                neo4j_local.start(self.settings)
            except GraphServiceError as exc:
                self.state = ServerState.failed
                self._retry_at = time.monotonic() + self._backoff
                self.reason = (
                    f"neo4j restart failed, next attempt in {self._backoff:.0f} s: "
                    + exc.message.splitlines()[0]
                )
                logger.error("restarting Neo4j failed (next in %.0f s): %s", self._backoff, exc)
                self._backoff = min(self._backoff * 2, self.backoff_max)
                return
        self.restarts += 1
        logger.warning("Neo4j restarted (restart %s of this process)", self.restarts)
        self._mark_running()


@contextlib.contextmanager
def _exclusive(path: Path) -> Iterator[bool]:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


@contextlib.asynccontextmanager
async def supervised(settings: Settings) -> AsyncIterator[Neo4jSupervisor | None]:
    """Run a supervisor for the life of the block when the local server is ours to keep."""
    if settings.is_external_neo4j or not settings.neo4j_supervise:
        yield None
        return
    supervisor = Neo4jSupervisor(settings)
    task = asyncio.create_task(supervisor.run(), name="neo4j-supervisor")
    try:
        yield supervisor
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
