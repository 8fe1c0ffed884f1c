"""Hostile input to POST /extract and POST /documents on the real app and Neo4j (issue 10,
point 4): a list x list attack answers with a bounded response or a 4xx, /extract has its
own smaller size limit, a CPU-time limit stops a request that costs too much, and a refused
request writes nothing."""

from __future__ import annotations

from collections.abc import Iterator

import neo4j
import pytest
from fastapi.testclient import TestClient

from graph_service.api.app import create_app
from graph_service.config import Settings, get_settings
from graph_service.extract.lexicon import actor_catalog
from tests.api.conftest import WRITE_KEY, api_settings, seed

pytestmark = pytest.mark.neo4j

WRITE = {"X-API-Key": WRITE_KEY}
MAX_RESPONSE_BYTES = 10_000_000


def _list_attack(chars: int) -> str:
    """Sentences of 30 states that supply weapons to 30 others, repeated to ``chars``."""
    states = [a.name for a in actor_catalog().values() if a.kind.value == "state"][:60]
    sentence = " and ".join(states[:30]) + " supply weapons to " + " and ".join(states[30:])
    sentence += ". "
    return sentence * (chars // len(sentence))


def _counts(driver: neo4j.Driver) -> tuple[int, int]:
    records, _, _ = driver.execute_query(
        "MATCH (n) RETURN count(n) AS nodes, COUNT { ()-[]->() } AS rels"
    )
    return int(records[0]["nodes"]), int(records[0]["rels"])


def _client(settings: Settings, **overrides: object) -> TestClient:
    roomy = {
        "max_document_chars": 1_000_000,
        "max_request_bytes": 10_000_000,
        "max_batch_documents": 10,
        **overrides,
    }
    return TestClient(create_app(api_settings(settings, **roomy)))


@pytest.fixture
def roomy(driver: neo4j.Driver, neo4j_server: Settings) -> Iterator[TestClient]:
    seed(driver, neo4j_server)
    with _client(neo4j_server) as client:
        yield client


def test_extract_has_its_own_smaller_limit(roomy: TestClient) -> None:
    limit = get_settings().max_extract_chars
    assert limit < 1_000_000
    response = roomy.post("/extract", json={"text": "a " * (limit // 2 + 1)})
    assert response.status_code == 413, response.text
    error = response.json()["error"]
    assert (error["code"], error["field"]) == ("input_too_large", "text")
    assert str(limit) in error["message"]


def test_extract_of_a_list_attack_is_bounded(roomy: TestClient) -> None:
    text = _list_attack(get_settings().max_extract_chars - 1000)
    response = roomy.post("/extract", json={"text": text, "lang": "en"})
    assert response.status_code in (200, 413), response.text
    assert len(response.content) < MAX_RESPONSE_BYTES
    if response.status_code == 200:
        statements = response.json()["statements"]
        assert 0 < len(statements) <= get_settings().max_statements_per_document


def test_documents_of_a_megabyte_list_attack_are_bounded(
    roomy: TestClient, driver: neo4j.Driver
) -> None:
    before = _counts(driver)
    text = _list_attack(990_000)
    response = roomy.post("/documents", json={"text": text, "lang": "en"}, headers=WRITE)
    assert response.status_code in (201, 413), response.text
    assert len(response.content) < MAX_RESPONSE_BYTES
    if response.status_code == 413:
        assert _counts(driver) == before
    else:
        [item] = response.json()["items"]
        cap = get_settings().max_statements_per_document
        assert 0 < item["stored"] <= cap
        assert len(item["statements"]) <= cap


def test_cpu_time_limit_answers_413_and_writes_nothing(
    driver: neo4j.Driver, neo4j_server: Settings
) -> None:
    seed(driver, neo4j_server)
    before = _counts(driver)
    with _client(neo4j_server, extract_time_limit_seconds=0.05) as client:
        text = _list_attack(990_000)
        response = client.post("/documents", json={"text": text, "lang": "en"}, headers=WRITE)
        assert response.status_code == 413, response.text
        error = response.json()["error"]
        assert (error["code"], error["field"]) == ("extraction_time_limit", "text")
        assert "smaller documents" in error["message"]
        # the extractor stopped itself: the next request is served at once
        ok = client.post("/extract", json={"text": "Russia supplies drones to Iran.", "lang": "en"})
        assert ok.status_code == 200
        assert [s["object"] for s in ok.json()["statements"]] == ["IRN"]
    assert _counts(driver) == before
