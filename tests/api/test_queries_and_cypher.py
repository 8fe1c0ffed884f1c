"""Named analyst queries and ad hoc read-only Cypher: results, validation, refusals."""

from __future__ import annotations

import neo4j
import pytest
from fastapi.testclient import TestClient

from graph_service.api import named_queries
from tests.api.conftest import READ_KEY, WRITE_KEY

pytestmark = pytest.mark.neo4j
WRITE = {"X-API-Key": WRITE_KEY}


def _count(driver: neo4j.Driver, query: str) -> int:
    records, _, _ = driver.execute_query(query)
    return int(records[0][0])


def test_named_queries_are_listed_with_typed_parameters(client: TestClient) -> None:
    items = {q["name"]: q for q in client.get("/queries").json()["items"]}
    assert {
        "allies_of",
        "suppliers_of",
        "recipients_of",
        "opponents_of",
        "alignment_path",
        "common_allies",
        "top_supply_flows",
        "new_edges_since",
    } <= set(items)
    params = {p["name"]: p for p in items["allies_of"]["parameters"]}
    assert params["actor"] == {
        "name": "actor",
        "type": "string",
        "description": "Canonical actor ID, e.g. RUS",
        "required": True,
        "default": None,
        "minimum": None,
        "maximum": None,
    }
    assert params["limit"]["type"] == "integer" and params["limit"]["default"] == 25
    assert (params["limit"]["minimum"], params["limit"]["maximum"]) == (1, 1000)


@pytest.mark.parametrize(
    ("name", "parameters", "column", "expected"),
    [
        ("allies_of", {"actor": "RUS"}, "id", ["PRK", "CHN"]),
        ("suppliers_of", {"actor": "RUS"}, "id", ["PRK", "IRN"]),
        ("recipients_of", {"actor": "PRK"}, "id", ["RUS"]),
        ("opponents_of", {"actor": "RUS"}, "id", ["USA"]),
        ("alignment_path", {"source": "PRK", "target": "IRN"}, "actors", [["PRK", "RUS", "IRN"]]),
        ("common_allies", {"first": "PRK", "second": "CHN"}, "id", ["RUS"]),
        ("top_supply_flows", {"limit": 2}, "supplier", ["PRK", "USA"]),
        ("top_supply_flows", {"since": "2024-01-01"}, "supplier", ["PRK", "USA"]),
        ("new_edges_since", {"since": "2024-06-01"}, "source", ["RUS", "PRK"]),
    ],
)
def test_named_queries_run(
    client: TestClient, name: str, parameters: dict, column: str, expected: list
) -> None:
    response = client.post(f"/queries/{name}", json={"parameters": parameters})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["name"] == name
    assert [row[column] for row in body["rows"]] == expected


def test_named_query_validation(client: TestClient) -> None:
    def error(name: str, parameters: object) -> dict:
        response = client.post(f"/queries/{name}", json={"parameters": parameters})
        assert response.status_code in (404, 422), response.text
        return {"status": response.status_code, **response.json()["error"]}

    assert error("allies_of", {})["field"] == "parameters.actor"
    assert error("allies_of", {"actor": 5})["field"] == "parameters.actor"
    assert error("allies_of", {"actor": "RUS", "limit": "many"})["field"] == "parameters.limit"
    assert error("allies_of", {"actor": "RUS", "limit": True})["field"] == "parameters.limit"
    assert error("allies_of", {"actor": "RUS", "colour": "red"})["field"] == "parameters.colour"
    # out of the declared range: 422 naming the parameter, not Neo4j's ArgumentError
    for limit in (-1, 0, 1001, 2**62):
        refused = error("allies_of", {"actor": "RUS", "limit": limit})
        assert (refused["status"], refused["field"]) == (422, "parameters.limit"), refused
        assert "between 1 and 1000" in refused["message"]
    assert error("new_edges_since", {"since": "last week"})["field"] == "parameters.since"
    assert error("no_such_query", {})["status"] == 404
    bad = client.post("/queries/allies_of", json={"parameters": []})
    assert bad.status_code == 422 and bad.json()["error"]["field"] == "parameters"


def test_header_parsing() -> None:
    query = named_queries.get("top_supply_flows")
    since, limit = query.parameters
    assert (since.name, since.type, since.required, since.default) == ("since", "date", False, None)
    assert (limit.type, limit.default, limit.low, limit.high) == ("integer", 20, 1, 1000)
    assert named_queries.bind(query, {"limit": "5"}) == {"since": None, "limit": 5}


def test_cypher_reads_with_row_cap(client: TestClient) -> None:
    ok = client.post(
        "/cypher",
        json={
            "query": "MATCH (a:Actor {id: $id}) RETURN a.name AS name",
            "parameters": {"id": "PRK"},
        },
        headers=WRITE,
    )
    assert ok.status_code == 200, ok.text
    assert ok.json()["rows"] == [{"name": "North Korea"}]
    capped = client.post(
        "/cypher", json={"query": "UNWIND range(1, 100) AS x RETURN x"}, headers=WRITE
    )
    body = capped.json()
    assert body["row_count"] == 20 and body["truncated"] is True  # cypher_row_cap in tests
    values = client.post(
        "/cypher",
        json={
            "query": "MATCH p = (:Actor {id: 'PRK'})-[:SUPPLIES]->(b) "
            "RETURN p, b, date() AS d, 0.0/0.0 AS nan"
        },
        headers=WRITE,
    ).json()["rows"][0]
    assert values["b"]["properties"]["id"] == "RUS"
    assert values["p"]["relationships"][0]["type"] == "SUPPLIES"
    assert values["nan"] is None


@pytest.mark.parametrize(
    "query",
    [
        "CREATE (n:Hack) RETURN n",
        "MATCH (a:Actor) SET a.hacked = true",
        "MATCH (n) DETACH DELETE n",
        "MERGE (a:Actor {id: 'HACK'})",
        "CALL { CREATE (:Hack) } IN TRANSACTIONS",
        "CREATE INDEX hack IF NOT EXISTS FOR (n:Hack) ON (n.x)",
        "DROP CONSTRAINT actor_id",
        "CREATE USER bob SET PASSWORD 'secretsecret'",
        "STOP DATABASE neo4j",
        "CALL db.createLabel('Hack')",
    ],
)
def test_cypher_writes_are_refused_by_the_database(
    client: TestClient, seeded: neo4j.Driver, query: str
) -> None:
    before = _count(seeded, "MATCH (n) RETURN count(n)")
    response = client.post("/cypher", json={"query": query}, headers=WRITE)
    assert response.status_code == 403, response.text
    assert response.json()["error"]["code"] == "read_only"
    assert _count(seeded, "MATCH (n) RETURN count(n)") == before
    assert _count(seeded, "MATCH (a:Actor) WHERE a.hacked RETURN count(a)") == 0
    assert (
        _count(seeded, "SHOW CONSTRAINTS YIELD name WHERE name = 'actor_id' RETURN count(*)") == 1
    )
    assert _count(seeded, "SHOW INDEXES YIELD name WHERE name = 'hack' RETURN count(*)") == 0


@pytest.mark.parametrize(
    "query",
    [
        "LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row",
        "SHOW USERS",
        "TERMINATE TRANSACTIONS 'neo4j-transaction-1'",
        "CALL dbms.listConfig() YIELD name RETURN name",
    ],
)
def test_cypher_admin_and_server_reads_are_refused(client: TestClient, query: str) -> None:
    response = client.post("/cypher", json={"query": query}, headers=WRITE)
    assert response.status_code == 403
    assert response.json()["error"]["field"] == "query"


def test_cypher_errors(client: TestClient) -> None:
    bad = client.post("/cypher", json={"query": "THIS IS NOT CYPHER"}, headers=WRITE)
    assert bad.status_code == 400 and bad.json()["error"]["code"] == "query_error"
    # Positions are the analyst's query's, not those of the EXPLAIN the API runs first.
    message = bad.json()["error"]["message"]
    assert "EXPLAIN" not in message and "(line 1, column 1 (offset: 0))" in message, message
    assert '"THIS IS NOT CYPHER"\n ^' in message, message
    later = client.post("/cypher", json={"query": "MATCH (n)\nRETURN n.x +"}, headers=WRITE)
    assert "(line 2, column 13 (offset: 22))" in later.json()["error"]["message"], later.text
    slow = client.post(
        "/cypher",
        json={"query": "UNWIND range(1, 1000000000) AS x WITH x WHERE x % 7 = 99 RETURN count(*)"},
        headers=WRITE,
    )
    assert slow.status_code == 408, slow.text
    assert slow.json()["error"]["code"] == "query_timeout"
    huge = client.post(
        "/cypher", json={"query": "RETURN $x", "parameters": {"x": 2**70}}, headers=WRITE
    )
    assert huge.status_code == 422 and huge.json()["error"]["field"] == "parameters.x"
    empty = client.post("/cypher", json={"query": ""}, headers=WRITE)
    assert empty.status_code == 422 and empty.json()["error"]["field"] == "query"


def test_cypher_needs_a_write_key(client: TestClient) -> None:
    body = {"query": "RETURN 1 AS one"}
    missing = client.post("/cypher", json=body)
    assert missing.status_code == 401 and missing.json()["error"]["code"] == "unauthenticated"
    wrong = client.post("/cypher", json=body, headers={"X-API-Key": "nope"})
    assert wrong.status_code == 401
    read_only = client.post("/cypher", json=body, headers={"X-API-Key": READ_KEY})
    assert read_only.status_code == 403 and read_only.json()["error"]["code"] == "forbidden"
