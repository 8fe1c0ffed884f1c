"""The supervised local server: killed with SIGKILL under a running API, it comes back by
itself, and /ready says why it is down meanwhile; a server stopped on purpose stays down."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import time
from pathlib import Path

import neo4j
import pytest
from fastapi.testclient import TestClient

from graph_service import neo4j_local
from graph_service.api.app import create_app
from graph_service.config import Settings
from graph_service.supervisor import Neo4jSupervisor, ServerState

pytestmark = pytest.mark.neo4j


def _dead_pid() -> int:
    child = subprocess.Popen(["sleep", "0"])
    child.wait()
    return child.pid


def test_an_exit_is_unexpected_unless_stop_said_so(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path)
    run = neo4j_local.home_dir(settings) / "run"
    run.mkdir(parents=True)
    assert neo4j_local.exited_unexpectedly(settings) is None  # never started
    pid = _dead_pid()
    (run / "graph-service-neo4j.pid").write_text(str(pid))
    assert neo4j_local.exited_unexpectedly(settings) == pid
    (run / "graph-service-neo4j.stopped").touch()  # what `neo4j stop` leaves
    assert neo4j_local.exited_unexpectedly(settings) is None


def test_a_server_never_started_or_stopped_is_not_started(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path, neo4j_bolt_port=1)
    supervisor = Neo4jSupervisor(settings)
    assert asyncio.run(supervisor.check_once()) is ServerState.stopped
    assert supervisor.reason is not None and "not restarted" in supervisor.reason
    assert supervisor.restarts == 0
    assert not (neo4j_local.home_dir(settings) / "run" / "graph-service-neo4j.pid").exists()


def test_a_killed_server_comes_back_by_itself(neo4j_server: Settings, driver: neo4j.Driver) -> None:
    if neo4j_server.is_external_neo4j:
        pytest.skip("kills the project's own local server only")
    driver.execute_query("MERGE (:SupervisorProbe {name: 'survives'})")
    settings = neo4j_server.model_copy(update={"neo4j_supervise_interval_seconds": 0.5})
    with TestClient(create_app(settings)) as client:
        assert client.get("/ready").status_code == 200
        pid = neo4j_local.status(settings).pid
        assert pid is not None
        os.kill(pid, signal.SIGKILL)
        messages: list[str] = []
        deadline = time.monotonic() + 240
        while (ready := client.get("/ready")).status_code != 200:
            assert ready.status_code == 503 and "Retry-After" in ready.headers
            messages.append(ready.json()["error"]["message"])
            assert time.monotonic() < deadline, f"not back after 240 s: {messages[-3:]}"
            time.sleep(0.5)
        assert any(m.startswith("neo4j restarting after exit") for m in messages), messages
        assert client.app.state.supervisor.restarts == 1  # type: ignore[attr-defined]
        assert client.get("/actors/PRK").status_code in (200, 404)  # answers, no 503
    after = neo4j_local.status(neo4j_server)
    assert after.running and after.pid not in (None, pid)
    records, _, _ = driver.execute_query("MATCH (p:SupervisorProbe) RETURN p.name AS name")
    assert [r["name"] for r in records] == ["survives"]
    driver.execute_query("MATCH (p:SupervisorProbe) DELETE p")
