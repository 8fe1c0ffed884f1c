"""Neo4j down: the app starts, /health answers, everything else is 503 with Retry-After,
and it recovers by itself when Neo4j is back. Closed reads need a key."""

from __future__ import annotations

import socket
import time

import neo4j
import pytest
from fastapi.testclient import TestClient

from graph_service import neo4j_local
from graph_service.api.app import create_app
from graph_service.config import Settings
from tests.api.conftest import READ_KEY, WRITE_KEY, api_settings

pytestmark = pytest.mark.neo4j


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _assert_unavailable(response) -> None:  # type: ignore[no-untyped-def]
    assert response.status_code == 503, response.text
    assert response.json()["error"]["code"] == "store_unavailable"
    assert int(response.headers["Retry-After"]) == 3
    assert "Traceback" not in response.text
    # no internals: the URI, the port and the driver's words stay in the server log
    assert "bolt://" not in response.text and "127.0.0.1" not in response.text


def test_starts_and_answers_without_neo4j(settings: Settings) -> None:
    dead = api_settings(
        settings, neo4j_uri=f"bolt://127.0.0.1:{_free_port()}", api_store_retry_seconds=0.2
    )
    with TestClient(create_app(dead)) as client:
        assert client.get("/health").json() == {"status": "ok"}
        ready = client.get("/ready")
        assert ready.status_code == 503 and "Retry-After" in ready.headers
        _assert_unavailable(client.get("/actors", params={"q": "Nordkorea"}))
        _assert_unavailable(client.get("/relations/PRK/SUPPLIES/RUS/evidence"))
        _assert_unavailable(
            client.post("/cypher", json={"query": "RETURN 1"}, headers={"X-API-Key": WRITE_KEY})
        )
        assert client.get("/openapi.json").status_code == 200


@pytest.mark.skipif(
    "GRAPH_SERVICE_NEO4J_URI" in __import__("os").environ,
    reason="stops and restarts the project's own local server only",
)
def test_neo4j_stopped_then_back(seeded: neo4j.Driver, neo4j_server: Settings) -> None:
    """The real thing: stop our own Neo4j under a running app, then start it again."""
    app_settings = api_settings(neo4j_server, api_store_retry_seconds=0.5)
    with TestClient(create_app(app_settings)) as client:
        assert client.get("/actors/PRK").status_code == 200
        neo4j_local.stop(neo4j_server)
        try:
            _assert_unavailable(client.get("/actors/PRK"))
            assert client.get("/ready").status_code == 503
            assert client.get("/health").status_code == 200
        finally:
            neo4j_local.start(neo4j_server)
        deadline = time.monotonic() + 90
        while client.get("/ready").status_code != 200:
            assert time.monotonic() < deadline, "the API did not recover"
            time.sleep(1)
        recovered = client.get("/actors/PRK")
        assert recovered.status_code == 200
        assert recovered.json()["name"] == "North Korea"


def test_reads_can_be_closed(seeded: neo4j.Driver, neo4j_server: Settings) -> None:
    closed = api_settings(neo4j_server, api_reads_require_key=True)
    with TestClient(create_app(closed)) as client:
        missing = client.get("/actors/PRK")
        assert missing.status_code == 401 and missing.json()["error"]["field"] == "X-API-Key"
        assert client.get("/actors/PRK", headers={"X-API-Key": "guess"}).status_code == 401
        assert client.get("/actors/PRK", headers={"X-API-Key": READ_KEY}).status_code == 200
        assert client.get("/graph", headers={"X-API-Key": WRITE_KEY}).status_code == 200
        assert client.get("/health").status_code == 200  # liveness stays open


def test_open_reads_by_default(client: TestClient) -> None:
    assert client.get("/actors/PRK").status_code == 200


def test_cors_origins_are_configurable(seeded: neo4j.Driver, neo4j_server: Settings) -> None:
    cors = api_settings(neo4j_server, cors_origins=["https://dash.example.org"])
    with TestClient(create_app(cors)) as client:
        allowed = client.get("/health", headers={"Origin": "https://dash.example.org"})
        assert allowed.headers["access-control-allow-origin"] == "https://dash.example.org"
        other = client.get("/health", headers={"Origin": "https://evil.example"})
        assert "access-control-allow-origin" not in other.headers
