"""The project's own Neo4j: real server, started by the project, used for real."""

from __future__ import annotations

import os
import subprocess
import sys

import neo4j
import pytest

from graph_service import neo4j_local
from graph_service.config import Settings
from graph_service.store import catalog
from graph_service.store.schema import schema_names
from tests.store_sync import apply_schema, missing_schema

pytestmark = pytest.mark.neo4j


def test_write_and_read_back_a_node(clean_db: neo4j.Driver, settings: Settings) -> None:
    clean_db.execute_query(
        "CREATE (:Probe {name: $name, n: $n})",
        name="Pjöngjang",
        n=7,
        database_=settings.neo4j_database,
    )
    records, _, _ = clean_db.execute_query(
        "MATCH (p:Probe) RETURN p.name AS name, p.n AS n", database_=settings.neo4j_database
    )
    assert [(r["name"], r["n"]) for r in records] == [("Pjöngjang", 7)]


def test_server_is_the_pinned_release_on_loopback(neo4j_server: Settings) -> None:
    if neo4j_server.is_external_neo4j:
        pytest.skip("external server: its version is not ours to pin")
    state = neo4j_local.status(neo4j_server)
    assert state.running and state.version is not None
    assert state.version.startswith("5.26.")
    conf = (neo4j_local.home_dir(neo4j_server) / "conf" / "neo4j.conf").read_text()
    assert "server.default_listen_address=127.0.0.1" in conf
    assert f"server.bolt.listen_address=127.0.0.1:{neo4j_server.neo4j_bolt_port}" in conf


def test_start_twice_is_idempotent(neo4j_server: Settings) -> None:
    if neo4j_server.is_external_neo4j:
        pytest.skip("external server: nothing local is started")
    before = neo4j_local.status(neo4j_server)
    messages: list[str] = []
    after = neo4j_local.start(neo4j_server, report=messages.append)
    assert after.pid == before.pid and after.running
    assert any("already running" in m for m in messages)


def test_install_twice_is_a_no_op(neo4j_server: Settings) -> None:
    if neo4j_server.is_external_neo4j:
        pytest.skip("external server: nothing installed")
    messages: list[str] = []
    inst = neo4j_local.install(neo4j_server, report=messages.append)
    assert inst.version.startswith("5.26.")
    assert messages == [f"Neo4j {inst.version} already installed in {inst.lib_dir}"]


def test_db_init_twice_leaves_the_same_constraints(
    clean_db: neo4j.Driver, settings: Settings
) -> None:
    def constraints() -> list[tuple[str, str]]:
        records, _, _ = clean_db.execute_query(
            "SHOW CONSTRAINTS YIELD name, labelsOrTypes, properties "
            "RETURN name, labelsOrTypes[0] + '.' + properties[0] AS key ORDER BY name",
            database_=settings.neo4j_database,
        )
        return [(r["name"], r["key"]) for r in records]

    first = constraints()
    apply_schema(settings)
    apply_schema(settings)
    assert constraints() == first
    assert ("actor_id", "Actor.id") in first
    assert missing_schema(settings) == []


def test_uniqueness_constraint_is_enforced(clean_db: neo4j.Driver, settings: Settings) -> None:
    clean_db.execute_query("CREATE (:Actor {id: 'PRK'})", database_=settings.neo4j_database)
    with pytest.raises(neo4j.exceptions.ConstraintError):
        clean_db.execute_query("CREATE (:Actor {id: 'PRK'})", database_=settings.neo4j_database)


def _cli(*args: str, env_extra: dict[str, str]) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, **env_extra}
    return subprocess.run(
        [sys.executable, "-m", "graph_service.cli", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def test_wrong_password_gives_a_clear_message_not_a_traceback(neo4j_server: Settings) -> None:
    done = _cli("db", "init", env_extra={"GRAPH_SERVICE_NEO4J_PASSWORD": "definitely-wrong"})
    assert done.returncode == 2
    assert "rejected the credentials" in done.stderr
    assert "GRAPH_SERVICE_NEO4J_PASSWORD" in done.stderr
    assert "Traceback" not in done.stderr + done.stdout


def test_status_command_reports_running(neo4j_server: Settings) -> None:
    done = _cli("neo4j", "status", env_extra={})
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("running")
    assert neo4j_server.bolt_uri in done.stdout


def test_external_uri_starts_nothing_locally(tmp_path: object) -> None:
    external = Settings(neo4j_uri="bolt://127.0.0.1:1", data_dir=str(tmp_path))  # type: ignore[arg-type]
    messages: list[str] = []
    state = neo4j_local.start(external, report=messages.append)
    assert not state.running and state.external
    assert "nothing local is started" in messages[0]
    assert not (neo4j_local.home_dir(external) / "run").exists()


def test_every_schema_file_is_loadable() -> None:
    assert set(schema_names()) >= {"actor_id", "document_id", "statement_id"}
    for name in catalog.names("schema"):
        assert "IF NOT EXISTS" in catalog.body(name)


def test_a_lost_pid_file_is_recovered_from_the_process_table(neo4j_server: Settings) -> None:
    if neo4j_server.is_external_neo4j:
        pytest.skip("external server: no local process")
    before = neo4j_local.status(neo4j_server)
    pid_file = neo4j_local.home_dir(neo4j_server) / "run" / "graph-service-neo4j.pid"
    pid_file.unlink()
    after = neo4j_local.status(neo4j_server)
    assert after.running and after.pid == before.pid
    assert pid_file.read_text() == str(before.pid)
