"""Hostile /cypher requests on the real Neo4j (issue 10): each is answered with the
expected status within the timeout plus 2 s, Neo4j stays up, connections are released,
and what an analyst needs (MATCH ... RETURN, the allow-listed procedures) still works."""

from __future__ import annotations

import time
from collections.abc import Iterator

import neo4j
import pytest
from fastapi.testclient import TestClient

from graph_service import neo4j_local
from graph_service.api.app import create_app
from graph_service.config import Settings
from graph_service.errors import QueryNotAllowedError, ReadOnlyViolationError
from graph_service.store.adhoc import check_plan, procedure_allowed
from tests.api.conftest import WRITE_KEY, api_settings

pytestmark = pytest.mark.neo4j
WRITE = {"X-API-Key": WRITE_KEY}
TIMEOUT = 2.0  # cypher_timeout_seconds of the test app (tests/api/conftest.py)
BOUND = TIMEOUT + 2.0


def _wait_until_idle(driver: neo4j.Driver, seconds: float = 300.0) -> None:
    """Until Neo4j answers and runs no transaction but this check (a cancelled query can
    keep the server busy for a while after the API has answered: one expression is not
    interrupted, and `long reduce` took over 120 s on a machine loaded 5 to 1)."""
    deadline = time.monotonic() + seconds
    last: Exception | None = None
    while time.monotonic() < deadline:
        try:
            records, _, _ = driver.execute_query(
                "SHOW TRANSACTIONS YIELD transactionId RETURN count(*) AS n"
            )
            if records[0]["n"] <= 1:
                return
        except neo4j.exceptions.Neo4jError as exc:  # busy, not down
            last = exc
        time.sleep(0.5)
    raise AssertionError(f"Neo4j still busy after {seconds:.0f} s ({last})")


def _post(client: TestClient, query: str) -> tuple[int, dict, float]:
    started = time.monotonic()
    response = client.post("/cypher", json={"query": query}, headers=WRITE)
    return response.status_code, response.json(), time.monotonic() - started


def _server_connections(driver: neo4j.Driver) -> int:
    records, _, _ = driver.execute_query(
        "CALL dbms.listConnections() YIELD connector WHERE connector = 'bolt' RETURN count(*)"
    )
    return int(records[0][0])


@pytest.fixture(scope="module")
def roomy_client(seeded: neo4j.Driver, neo4j_server: Settings) -> Iterator[TestClient]:
    """A client with a 10 s timeout, so the memory limit is what stops a query."""
    settings = api_settings(neo4j_server, cypher_timeout_seconds=10.0)
    with TestClient(create_app(settings)) as test_client:
        yield test_client


HUGE_LIST = "RETURN [x IN range(1, 50000000) | toString(x)] AS big"
HOSTILE = {
    "deep nesting 200": "RETURN " + "[" * 200 + "]" * 200,
    "deep nesting 500": "RETURN " + "[" * 500 + "]" * 500,
    "20000 terms": "RETURN " + "+".join(["1"] * 20000),
    "long reduce": 'RETURN size(reduce(s = "", i IN range(1, 1000000) | s + "x"))',
}


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_queries_answer_in_time_and_neo4j_survives(
    client: TestClient, seeded: neo4j.Driver, name: str
) -> None:
    status, body, seconds = _post(client, HOSTILE[name])
    print(f"{name}: {status} {body.get('error', {}).get('code')} in {seconds:.2f} s")
    assert seconds < BOUND, (name, status, body, seconds)
    if status != 200:  # a shallow nesting is a legal query
        assert status in (400, 408, 413), body
        assert body["error"]["field"] == "query"
    _wait_until_idle(seeded)
    ok = client.post("/cypher", json={"query": "RETURN 1 AS one"}, headers=WRITE)
    assert ok.status_code == 200 and ok.json()["rows"] == [{"one": 1}]


def _survives(
    driver: neo4j.Driver, settings: Settings, pid: int | None, seconds: float = 300
) -> bool:
    """Wait until Neo4j is idle again (True) or its process has exited (False). On a
    loaded machine the JVM can spend minutes in GC before either."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if neo4j_local.status(settings).pid != pid:
            return False
        try:
            _wait_until_idle(driver, 5)
            return True
        except (AssertionError, neo4j.exceptions.DriverError, OSError):
            time.sleep(0.5)
    raise AssertionError(f"Neo4j neither recovered nor exited within {seconds:.0f} s")


def test_huge_list_answers_in_time_and_neo4j_comes_back(
    client: TestClient, seeded: neo4j.Driver, neo4j_server: Settings
) -> None:
    if neo4j_server.is_external_neo4j:
        pytest.skip("may take the server down; only run against the project's own Neo4j")
    pid = neo4j_local.status(neo4j_server).pid
    status, body, seconds = _post(client, HUGE_LIST)
    print(f"huge list: {status} {body.get('error', {}).get('code')} in {seconds:.2f} s")
    assert seconds < BOUND, (status, body, seconds)
    assert status in (408, 413), body
    if not _survives(seeded, neo4j_server, pid):
        # The values of one expression are not tracked by db.memory.transaction.max: the
        # heap can run out and the JVM exit (-XX:+ExitOnOutOfMemoryError, on purpose).
        # Nobody starts it here: the API's supervisor must bring it back by itself.
        deadline = time.monotonic() + 240
        while (ready := client.get("/ready")).status_code != 200:
            assert time.monotonic() < deadline, f"Neo4j not back: {ready.json()}"
            time.sleep(1)
        assert neo4j_local.status(neo4j_server).pid not in (None, pid)
        assert client.app.state.supervisor.restarts >= 1  # type: ignore[attr-defined]
    ok = client.post("/cypher", json={"query": "RETURN 1 AS one"}, headers=WRITE)
    assert ok.status_code == 200


def test_memory_limit_answers_413_not_503(roomy_client: TestClient, seeded: neo4j.Driver) -> None:
    query = "UNWIND range(1, 50000000) AS x WITH collect(x) AS xs RETURN size(xs) AS n"
    status, body, seconds = _post(roomy_client, query)
    print(f"collect 50M: {status} in {seconds:.2f} s")
    assert status == 413, body
    assert body["error"]["code"] == "query_too_large" and body["error"]["field"] == "query"
    assert seconds < 10.0 + 2.0
    _wait_until_idle(seeded)
    assert seeded.execute_query("RETURN 1 AS one").records[0]["one"] == 1


def test_cancelled_queries_release_their_connections(
    client: TestClient, seeded: neo4j.Driver
) -> None:
    _wait_until_idle(seeded)
    client.post("/cypher", json={"query": "RETURN 1"}, headers=WRITE)
    before = _server_connections(seeded)
    # Quadratic string building: no operator boundary, so only the client deadline stops it.
    slow = 'RETURN size(reduce(s = "", i IN range(1, 300000) | s + "x")) AS n'
    for _ in range(3):
        status, body, seconds = _post(client, slow)
        assert status == 408 and body["error"]["code"] == "query_timeout", body
        assert seconds < BOUND
    server_timeout = "UNWIND range(1, 1000000000) AS x WITH x WHERE x % 7 = 99 RETURN count(*)"
    for _ in range(5):
        status, _, seconds = _post(client, server_timeout)
        assert status == 408 and seconds < BOUND
    _wait_until_idle(seeded)
    deadline = time.monotonic() + 30
    while _server_connections(seeded) > before and time.monotonic() < deadline:
        time.sleep(0.5)
    assert _server_connections(seeded) <= before


@pytest.mark.parametrize(
    "query",
    [
        "CALL `dbms`.`listConfig`()",
        "CALL `dbms`.`listConfig`() YIELD name RETURN name",
        'CALL `dbms`.`queryJmx`("java.lang:type=Runtime")',
        'CALL `dbms`.`killConnection`("bolt-15")',
        "CALL dbms.listConnections()",
        "CALL db.clearQueryCaches()",
        'CALL db.resampleIndex("actor_id")',
        "CALL db.prepareForReplanning()",
        "CALL () { CALL `dbms`.`listConfig`() YIELD name RETURN name } RETURN name",
        "MATCH (a:Actor) WHERE EXISTS { CALL db.info() YIELD id RETURN id } RETURN a.id",
        "SHOW TRANSACTIONS YIELD currentQuery, parameters",
        "SHOW TRANSACTIONS",
        "SHOW SETTINGS",
        "SHOW PROCEDURES",
        "SHOW FUNCTIONS",
        "SHOW INDEXES",
        "SHOW DATABASES",
        "SHOW CURRENT USER",
        "TERMINATE TRANSACTIONS 'neo4j-transaction-1'",
        "LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row",
    ],
)
def test_procedures_and_commands_outside_the_allowlist_are_refused(
    client: TestClient, query: str
) -> None:
    status, body, _ = _post(client, query)
    assert status == 403, body
    assert body["error"]["code"] in ("read_only", "query_not_allowed")
    assert body["error"]["field"] == "query"


def test_analyst_queries_still_work(client: TestClient) -> None:
    def rows(query: str, **parameters: object) -> list[dict]:
        response = client.post(
            "/cypher", json={"query": query, "parameters": parameters}, headers=WRITE
        )
        assert response.status_code == 200, response.text
        return list(response.json()["rows"])

    assert rows(
        "MATCH (a:Actor {id: $id})-[:SUPPLIES]->(b) RETURN b.id AS id ORDER BY id", id="PRK"
    ) == [{"id": "RUS"}]
    labels = [r["label"] for r in rows("CALL db.labels() YIELD label RETURN label")]
    assert {"Actor", "Statement", "Document"} <= set(labels)
    types = [r["t"] for r in rows("CALL db.relationshipTypes() YIELD relationshipType AS t")]
    assert "SUPPLIES" in types
    keys = [r["k"] for r in rows("CALL db.propertyKeys() YIELD propertyKey AS k")]
    assert "id" in keys
    assert rows("CALL db.schema.visualization() YIELD nodes RETURN size(nodes) > 0 AS any")
    assert rows("CALL `db`.`labels`() YIELD label RETURN count(*) AS n")[0]["n"] >= 3
    status, body, _ = _post(client, "CALL dbms.components() YIELD name RETURN name")
    assert status == 403 and body["error"]["code"] == "read_only"  # DBMS mode: type "s"


def test_plan_check_decides_on_the_plan() -> None:
    allow = ["db.labels", "db.schema.*"]
    call = {"operatorType": "ProduceResults@neo4j", "args": {}, "children": []}

    def plan(operator: str, details: str = "") -> dict:
        return {**call, "children": [{"operatorType": operator, "args": {"Details": details}}]}

    check_plan("r", plan("ProcedureCall@neo4j", "db.labels() :: (label :: STRING)"), allow, "neo4j")
    check_plan(
        "r", plan("ProcedureCall@neo4j", "db.schema.nodeTypeProperties() :: ()"), allow, "neo4j"
    )
    with pytest.raises(QueryNotAllowedError):
        check_plan("r", plan("ProcedureCall@neo4j", "dbms.listConfig() :: ()"), allow, "neo4j")
    with pytest.raises(QueryNotAllowedError):
        check_plan("r", plan("ShowTransactions@neo4j"), allow, "neo4j")
    with pytest.raises(QueryNotAllowedError):
        check_plan("r", plan("AllNodesScan@system"), allow, "neo4j")
    with pytest.raises(QueryNotAllowedError):
        check_plan("r", None, allow, "neo4j")
    for query_type in ("w", "rw", "s", None):
        with pytest.raises(ReadOnlyViolationError):
            check_plan(query_type, plan("AllNodesScan@neo4j"), allow, "neo4j")
    assert procedure_allowed("db.schema.visualization", allow)
    assert not procedure_allowed("db.labelsX", allow)


def test_neo4j_runs_with_the_limits(seeded: neo4j.Driver, neo4j_server: Settings) -> None:
    if neo4j_server.is_external_neo4j:
        pytest.skip("an external server has its own configuration")
    records, _, _ = seeded.execute_query(
        "CALL dbms.listConfig() YIELD name, value WHERE name IN $names RETURN name, value",
        names=[
            "db.memory.transaction.max",
            "dbms.memory.transaction.total.max",
            "db.transaction.timeout",
            "dbms.security.procedures.allowlist",
        ],
    )
    values = {record["name"]: record["value"] for record in records}
    assert len(values) == 4, values
    assert values["db.memory.transaction.max"] != "0B"
    assert values["dbms.memory.transaction.total.max"] != "0B"
    assert values["db.transaction.timeout"] not in ("0s", "0")
    assert "db.labels" in values["dbms.security.procedures.allowlist"]
