"""Hostile /cypher requests on the real Neo4j (issue 10): each is answered with the
expected status within the timeout plus 2 s, Neo4j stays up, connections are released,
and what an analyst needs (MATCH ... RETURN, the allow-listed procedures) still works."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import neo4j
import pytest
from fastapi.testclient import TestClient

from graph_service import neo4j_local
from graph_service.api.app import create_app
from graph_service.config import Settings
from graph_service.errors import QueryNotAllowedError, ReadOnlyViolationError
from graph_service.store.adhoc import check_plan, procedure_allowed
from graph_service.store.driver import USER_AGENT
from tests.api.conftest import WRITE_KEY, api_settings

pytestmark = pytest.mark.neo4j
WRITE = {"X-API-Key": WRITE_KEY}
TIMEOUT = 2.0  # cypher_timeout_seconds of the test app (tests/api/conftest.py)
SLACK_CAP = 6.0
"""Most a loaded machine may add to TIMEOUT + 2 s: the bound stays under 10 s, far below
the hangs this suite exists for (15 s, 45 s, 241 s)."""


def _bound(client: TestClient, timeout: float = TIMEOUT) -> float:
    """The time a hostile /cypher call may take: ``timeout`` + 2 s (the issue's bound) plus
    what the machine adds right now, three times the slowest of three trivial /cypher
    round trips (each a connection, an EXPLAIN and a run), at most :data:`SLACK_CAP`.
    On an idle machine that adds a few hundredths of a second; at load 8 on two cores,
    where a fixed 2 s margin made these tests flaky, it grows with the machine."""
    slowest = 0.0
    for _ in range(3):
        started = time.monotonic()
        response = client.post("/cypher", json={"query": "RETURN 1 AS one"}, headers=WRITE)
        slowest = max(slowest, time.monotonic() - started)
        assert response.status_code == 200, response.text
    return timeout + 2.0 + min(3 * slowest, SLACK_CAP)


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
    """Bolt connections the service's drivers hold, as Neo4j counts them (the Python
    driver has no public view of its pool; the user agent tells ours from the tests')."""
    records, _, _ = driver.execute_query(
        "CALL dbms.listConnections() YIELD connector, userAgent "
        "WHERE connector = 'bolt' AND userAgent = $agent RETURN count(*)",
        agent=USER_AGENT,
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
    _wait_until_idle(seeded)
    bound = _bound(client)
    status, body, seconds = _post(client, HOSTILE[name])
    print(f"{name}: {status} {body.get('error', {}).get('code')} in {seconds:.2f} s")
    assert seconds < bound, (name, status, body, seconds, bound)
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
    loaded machine the JVM can spend minutes in GC before either. The driver retries, so
    the answer can come from a server the supervisor has started meanwhile: only the
    same pid after the answer counts as surviving."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if neo4j_local.status(settings).pid != pid:
            return False
        try:
            _wait_until_idle(driver, 5)
        except (AssertionError, neo4j.exceptions.DriverError, OSError):
            time.sleep(0.5)
            continue
        return neo4j_local.status(settings).pid == pid
    raise AssertionError(f"Neo4j neither recovered nor exited within {seconds:.0f} s")


SERVER_TIMEOUT = "UNWIND range(1, 1000000000) AS x WITH x WHERE x % 7 = 99 RETURN count(*)"


def test_huge_list_answers_in_time_and_neo4j_serves_after(
    client: TestClient, seeded: neo4j.Driver, neo4j_server: Settings
) -> None:
    """Neo4j counts no memory for one expression's value and no timeout interrupts it: the
    API's deadline answers, then the heap runs out. With -XX:+ExitOnOutOfMemoryError (the
    default) the JVM exits and the API's supervisor starts it again without anyone's help;
    without it the query's OutOfMemoryError may leave the same process up. Either way
    /ready comes back, and the limits still hold afterwards."""
    if neo4j_server.is_external_neo4j:
        pytest.skip("exhausts the server's heap; only run against the project's own Neo4j")
    pid = neo4j_local.status(neo4j_server).pid
    _wait_until_idle(seeded)
    bound = _bound(client)
    status, body, seconds = _post(client, HUGE_LIST)
    print(f"huge list: {status} {body.get('error', {}).get('code')} in {seconds:.2f} s")
    assert seconds < bound, (status, body, seconds, bound)
    assert status in (408, 413), body
    assert body["error"]["code"] in ("query_timeout", "query_too_large")
    assert body["error"]["field"] == "query"
    supervisor = client.app.state.supervisor  # type: ignore[attr-defined]
    if _survives(seeded, neo4j_server, pid):
        assert supervisor.restarts == 0
    else:
        # Nobody starts it here: the supervisor must bring it back by itself.
        deadline = time.monotonic() + 240
        while (ready := client.get("/ready")).status_code != 200:
            assert time.monotonic() < deadline, f"Neo4j not back: {ready.json()}"
            time.sleep(1)
        assert neo4j_local.status(neo4j_server).pid not in (None, pid)
        assert supervisor.restarts >= 1
    assert client.get("/ready").status_code == 200
    bound = _bound(client)
    status, body, seconds = _post(client, SERVER_TIMEOUT)
    assert (status, body["error"]["code"]) == (408, "query_timeout") and seconds < bound
    seeded.execute_query("CREATE (:HealthProbe) WITH 1 AS x MATCH (p:HealthProbe) DELETE p")


def test_memory_limit_answers_413_not_503(roomy_client: TestClient, seeded: neo4j.Driver) -> None:
    query = "UNWIND range(1, 50000000) AS x WITH collect(x) AS xs RETURN size(xs) AS n"
    bound = _bound(roomy_client, 10.0)
    status, body, seconds = _post(roomy_client, query)
    print(f"collect 50M: {status} in {seconds:.2f} s")
    assert status == 413, body
    assert body["error"]["code"] == "query_too_large" and body["error"]["field"] == "query"
    assert seconds < bound
    _wait_until_idle(seeded)
    assert seeded.execute_query("RETURN 1 AS one").records[0]["one"] == 1


REFUSED = [
    "CALL `dbms`.`listConfig`()",
    'CALL `dbms`.`queryJmx`("java.lang:type=Runtime")',
    'CALL `dbms`.`killConnection`("bolt-15")',
    "CALL db.clearQueryCaches()",
    "SHOW TRANSACTIONS YIELD currentQuery, parameters",
    "CREATE (:Intruder)",
    "LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row",
    "TERMINATE TRANSACTIONS 'neo4j-transaction-1'",
]
BROKEN = [
    "RETURN (",
    "RETURN nosuchfunction(1)",
    "MATCH (a:Actor) RETURN a.id / 0 AS x",
    "RETURN $missing AS x",
    "UNWIND [1, 'a'] AS x RETURN x + {} AS y",
]
# 100,000 times a 128 KB string: the collected list's estimate passes the memory cap at once.
TOO_LARGE = (
    "WITH reduce(s = 'x', i IN range(1, 17) | s + s) AS big "
    "UNWIND range(1, 100000) AS x WITH collect(big) AS xs RETURN size(xs)"
)
# Quadratic string building: no operator boundary, so only the API's deadline stops it.
UNINTERRUPTIBLE = 'RETURN size(reduce(s = "", i IN range(1, 300000) | s + "x")) AS n'


def test_a_hundred_hostile_calls_leak_no_connection(
    client: TestClient, seeded: neo4j.Driver
) -> None:
    """Refused, broken, too large, timed out by Neo4j and cancelled by the API: 100 calls,
    each a 4xx within its bound; afterwards the service holds no more Bolt connections
    than before and a trivial query is as quick as before."""
    _wait_until_idle(seeded)
    bound = _bound(client)
    baseline = bound - TIMEOUT - 2.0
    before = _server_connections(seeded)
    calls = (
        [(q, 403) for q in REFUSED] * 5  # 40
        + [(q, 400) for q in BROKEN] * 8  # 40
        + [(TOO_LARGE, 413)] * 7
        + [(SERVER_TIMEOUT, 408)] * 10
        + [(UNINTERRUPTIBLE, 408)] * 3
    )
    assert len(calls) == 100
    for query, expected in calls:
        status, body, seconds = _post(client, query)
        assert status == expected, (query, body)
        assert body["error"]["field"] == "query", (query, body)
        assert seconds < bound, (query, seconds, bound)
    _wait_until_idle(seeded)
    # Three trivial calls, as before counting the first time: the pool has a connection.
    later = _bound(client) - TIMEOUT - 2.0
    assert later < max(1.0, 3 * baseline), (baseline, later)
    deadline = time.monotonic() + 30
    while _server_connections(seeded) > before and time.monotonic() < deadline:
        time.sleep(0.5)
    after = _server_connections(seeded)
    assert 0 < after <= before, (before, after)


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
    # -XX:+ExitOnOutOfMemoryError as the settings say (on by default).
    pid = neo4j_local.status(neo4j_server).pid
    args = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    assert b"-Xmx" + neo4j_server.neo4j_heap_size.encode() in args
    exits = b"-XX:+ExitOnOutOfMemoryError" in args
    assert exits == neo4j_server.neo4j_exit_on_out_of_memory, args
