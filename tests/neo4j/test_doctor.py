"""``graph-service doctor`` against the real local Neo4j: good password, wrong password,
no server, a port taken by someone else."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from pydantic import SecretStr

from graph_service.config import Settings
from graph_service.doctor import Check, Verdict, run_checks

pytestmark = pytest.mark.neo4j


def _by_name(checks: list[Check]) -> dict[str, Check]:
    return {check.name: check for check in checks}


def _local_only(settings: Settings) -> None:
    if settings.is_external_neo4j:
        pytest.skip("external server: doctor checks no local ports or data folder")


def test_a_healthy_setup_has_no_failing_line(neo4j_server: Settings) -> None:
    _local_only(neo4j_server)
    checks = _by_name(run_checks(neo4j_server))
    assert [c.name for c in checks.values() if c.verdict is Verdict.fail] == []
    for name in ("Python", "Java", "Neo4j", "Bolt", "credentials", "data folder"):
        assert checks[name].verdict is Verdict.ok, checks[name]
    assert checks["Neo4j"].found.startswith("5.26.")
    assert "answers (Neo4j/5.26." in checks["Bolt"].found
    bolt_port = checks[f"port {neo4j_server.neo4j_bolt_port}"]
    assert "this project's Neo4j" in bolt_port.found
    assert "database created" in checks["data folder"].found


def test_a_wrong_password_names_the_setting_and_the_reset(neo4j_server: Settings) -> None:
    _local_only(neo4j_server)
    wrong = neo4j_server.model_copy(update={"neo4j_password": SecretStr("not-the-one")})
    checks = _by_name(run_checks(wrong))
    assert checks["Bolt"].verdict is Verdict.ok
    credentials = checks["credentials"]
    assert credentials.verdict is Verdict.fail
    assert "created with another password" in credentials.fix
    assert "GRAPH_SERVICE_NEO4J_PASSWORD" in credentials.fix
    assert f"rm -rf {neo4j_server.data_dir / 'neo4j' / 'data'}" in credentials.fix


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_no_server_says_how_to_start_it(neo4j_server: Settings, tmp_path: Path) -> None:
    _local_only(neo4j_server)
    down = neo4j_server.model_copy(update={"data_dir": tmp_path, "neo4j_bolt_port": _free_port()})
    checks = _by_name(run_checks(down))
    assert checks["Bolt"].verdict is Verdict.fail
    assert checks["Bolt"].fix.startswith("graph-service neo4j start")
    assert checks["credentials"].verdict is Verdict.skip
    assert "empty: the first start creates it" in checks["data folder"].found


def test_a_port_taken_by_another_process_is_named(neo4j_server: Settings, tmp_path: Path) -> None:
    _local_only(neo4j_server)
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        port = int(listener.getsockname()[1])
        taken = neo4j_server.model_copy(update={"data_dir": tmp_path, "neo4j_http_port": port})
        check = _by_name(run_checks(taken))[f"port {port}"]
    assert check.verdict is Verdict.fail
    assert "another process" in check.found
    assert "GRAPH_SERVICE_NEO4J_HTTP_PORT" in check.fix


def _doctor(**env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "graph_service.cli", "doctor"],
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": "200", **env},
        timeout=120,
        check=False,
    )


def test_doctor_command_exit_codes(neo4j_server: Settings) -> None:
    _local_only(neo4j_server)
    good = _doctor()
    assert good.returncode == 0, good.stderr
    assert "all good" in good.stderr
    bad = _doctor(GRAPH_SERVICE_NEO4J_PASSWORD="not-the-one")
    assert bad.returncode == 1
    assert "FAIL" in bad.stderr and "fix:" in bad.stderr
    assert "credentials" in bad.stderr.splitlines()[-1]
    assert "Traceback" not in bad.stderr
