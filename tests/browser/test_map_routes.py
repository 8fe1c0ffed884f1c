"""The map routes over HTTP (no browser): status codes, headers, downloads, redirects."""

from __future__ import annotations

from collections.abc import Iterator

import neo4j
import pytest
from fastapi.testclient import TestClient

from graph_service.config import Settings
from tests.browser.map_sample import make_app

pytestmark = pytest.mark.neo4j


@pytest.fixture
def client(map_db: neo4j.Driver, neo4j_server: Settings) -> Iterator[TestClient]:
    with TestClient(make_app(neo4j_server)) as test_client:
        yield test_client


def test_map_pages_are_html_with_a_no_network_policy(client: TestClient) -> None:
    for url in ("/map", "/map/RUS?depth=2", "/map?types=supplies,opposes&since=2024-01-01"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response.headers["content-type"].startswith("text/html")
        assert "connect-src 'none'" in response.headers["content-security-policy"]
        assert "vis-network" in response.text


def test_landing_page_lists_actors_and_links(client: TestClient) -> None:
    response = client.get("/")
    assert response.status_code == 200
    assert 'value="Russia"' in response.text
    assert "&lt;img src=x" in response.text and "<img" not in response.text
    assert "written for the demo, not real reporting" in response.text


def test_search_redirects_to_the_actor_map_or_says_nothing_matched(client: TestClient) -> None:
    params = {"actor": "north korea", "depth": 2}
    response = client.get("/map", params=params, follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/map/PRK?depth=2"
    missing = client.get("/map", params={"actor": "Atlantis"})
    assert missing.status_code == 404 and "No actor matches" in missing.text


def test_bad_input_and_unknown_actor(client: TestClient) -> None:
    assert client.get("/map", params={"types": "friends"}).status_code == 400
    assert client.get("/map", params={"min_confidence": 2}).status_code in (400, 422)
    assert client.get("/map/RUS", params={"depth": 3}).status_code in (400, 422)
    assert client.get("/map/NOPE").status_code == 404


def test_download_is_a_standalone_attachment(client: TestClient) -> None:
    response = client.get("/map/RUS", params={"download": "true"})
    assert response.status_code == 200
    assert 'filename="alliance-map-RUS.html"' in response.headers["content-disposition"]
    assert '"actor_link_base":null' in response.text
