"""The actor and pair pages over HTTP (no browser), on the pages sample in the real Neo4j:
status codes, what they show, escaping, and the HTML error pages."""

from __future__ import annotations

import re
from collections.abc import Iterator

import neo4j
import pytest
from fastapi.testclient import TestClient

from graph_service.config import Settings
from tests.browser.map_sample import XSS_ACTOR_NAME, make_app
from tests.browser.pages_sample import UNTIL, pair_series

pytestmark = pytest.mark.neo4j

UNTIL_Q = {"until": UNTIL.isoformat()}


# The figures below are computed by hand for the plain decayed mean (prior weight 0, as
# in the README's worked example); tests/unit/test_alignment.py checks the default prior.
PLAIN = {"alignment_prior_weight": 0.0}


@pytest.fixture
def plain_settings(neo4j_server: Settings) -> Settings:
    return neo4j_server.model_copy(update=PLAIN)


@pytest.fixture
def client(pages_db: neo4j.Driver, plain_settings: Settings) -> Iterator[TestClient]:
    with TestClient(make_app(plain_settings)) as test_client:
        yield test_client


def _attr(html: str, tag: str, cls: str, name: str) -> list[str]:
    return re.findall(rf'<{tag} class="{cls}"[^>]*?\s{name}="([^"]*)"', html)


def _assert_inert(html: str) -> None:
    assert "<script" not in html.lower() and "<img" not in html.lower()
    assert "javascript:" not in html.replace("javascript:window.__xss", "")  # only as text


def test_pair_page_draws_the_series_the_service_computes(
    client: TestClient, plain_settings: Settings
) -> None:
    response = client.get("/view/alignment/RUS/IRN", params=UNTIL_Q)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    policy = response.headers["content-security-policy"]
    assert "default-src 'none'" in policy and "script-src" not in policy
    html = response.text
    # Five months on the line; a marker where statements came (January, March, May).
    assert re.findall(r'<g class="series" [^>]*data-points="(\d+)"', html) == ["5"]
    assert _attr(html, "circle", "point", "data-period") == ["2024-01", "2024-03", "2024-05"]
    # The scores drawn are the service's (a lone treaty first: +8 / 10).
    expected = pair_series(plain_settings, "RUS", "IRN", until=UNTIL)
    assert [p.statements for p in expected.points] == [1, 0, 2, 0, 1]
    drawn = [float(v) for v in _attr(html, "circle", "point", "data-score")]
    assert drawn[0] == pytest.approx(0.8)
    assert drawn == pytest.approx([p.score for p in expected.points if p.statements], abs=1e-4)
    # Periods with statements link to their sentences; the others have no link.
    assert re.findall(r'<a class="point-link" href="([^"]*)"', html) == [
        "#p-2024-01", "#p-2024-03", "#p-2024-05"
    ]  # fmt: skip
    assert re.findall(r'<section class="period" id="([^"]*)"', html) == [
        "p-2024-01", "p-2024-03", "p-2024-05"
    ]  # fmt: skip
    march = html[html.index('id="p-2024-03"') : html.index('id="p-2024-05"')]
    assert "Iran supplies drones to Russia." in march
    assert "Russia and Iran sign a treaty." not in march
    _assert_inert(html)
    assert "&lt;script&gt;window.__xss" in march  # the sentence's payload, as text
    assert 'href="https://news.example/mar"' in march
    assert 'href="/view/actors/RUS"' in html and 'href="/view/actors/IRN"' in html
    assert "interval=quarter" in html


def test_pair_page_by_quarter_and_year(client: TestClient) -> None:
    quarter = client.get("/view/alignment/IRN/RUS", params={"interval": "quarter", **UNTIL_Q})
    assert quarter.status_code == 200
    assert _attr(quarter.text, "circle", "point", "data-period") == ["2024-Q1", "2024-Q2"]
    assert _attr(quarter.text, "circle", "point", "data-statements") == ["3", "1"]
    year = client.get("/view/alignment/IRN/RUS", params={"interval": "year", **UNTIL_Q})
    assert _attr(year.text, "circle", "point", "data-period") == ["2024"]


def test_actor_page_shows_relations_chart_and_evidence(client: TestClient) -> None:
    response = client.get("/view/actors/RUS", params=UNTIL_Q)
    assert response.status_code == 200
    html = response.text
    assert '<h1 id="page-title">Russia</h1>' in html
    # One line per counterpart, most statements first (Iran 4, Ukraine 2), then the
    # strongest scores either way (China +0.8 and the United States -0.8, then the group).
    keys = re.findall(r'<g class="series" data-series="([^"]*)"', html)
    assert keys == ["IRN", "UKR", "CHN", "USA", "HEZ"]
    vertices = re.findall(r'<g class="series" [^>]*data-points="(\d+)"', html)
    assert vertices == ["5", "4", "4", "3", "2"]  # from each one's first statement to May
    assert len(_attr(html, "circle", "point", "data-period")) == 3 + 2 + 1 + 1 + 1
    assert len(re.findall(r'<g class="legend-item"', html)) == 5
    # Points link to the pair page at their period.
    assert (
        '<a class="point-link" href="/view/alignment/RUS/IRN?interval=month&amp;until=2024-05-31'
        '#p-2024-03"' in html
    )
    # Relations: both directions, each with its counterpart's page and the pair page.
    rows = re.findall(r'<tr data-counterpart="([^"]*)">', html)
    assert sorted(rows) == ["CHN", "HEZ", "IRN", "IRN", "IRN", "UKR", "USA"]
    assert "supplied by" in html and "opposed by" in html
    assert 'href="/view/actors/UKR"' in html and 'href="/map/RUS"' in html
    # The hostile name is text everywhere (table, legend, evidence headings).
    assert XSS_ACTOR_NAME not in html
    assert html.count("&lt;img src=x onerror=") >= 3
    assert "Russia shells Ukraine." in html
    _assert_inert(html)


def test_actor_page_top_and_an_actor_without_statements(client: TestClient) -> None:
    two = client.get("/view/actors/RUS", params={"top": 2, **UNTIL_Q})
    assert re.findall(r'<g class="series" data-series="([^"]*)"', two.text) == ["IRN", "UKR"]
    # The tables keep the top of each list.
    closest = re.findall(r'<td class="num pos">', two.text)
    assert len(closest) == 2
    lonely = client.get("/view/actors/ISL", params=UNTIL_Q)
    assert lonely.status_code == 200
    assert 'id="no-alignment"' in lonely.text and "<svg" not in lonely.text


def test_unknown_actors_and_bad_parameters_get_html_error_pages(client: TestClient) -> None:
    for url, status in [
        ("/view/actors/NOPE", 404),
        ("/view/alignment/RUS/NOPE", 404),
        ("/view/alignment/RUS/RUS", 422),
        ("/view/alignment/RUS/IRN?interval=week", 422),
        ("/view/actors/RUS?interval=day", 422),
        ("/view/alignment/RUS/IRN?since=2024-05-01&until=2024-01-01", 422),
        ("/view/alignment/RUS/IRN?since=1900-01-01&until=2024-01-01", 422),
    ]:
        response = client.get(url)
        assert response.status_code == status, url
        assert response.headers["content-type"].startswith("text/html"), url
        assert f'data-status="{status}"' in response.text, url
    missing = client.get("/view/actors/NOPE")
    assert "NOPE" in missing.text and 'href="/"' in missing.text
    # Malformed values are refused by the schema before any read (the API's JSON 422).
    assert client.get("/view/actors/RUS", params={"top": 0}).status_code == 422
    assert client.get("/view/actors/RUS", params={"until": "soon"}).status_code == 422
    hostile = client.get("/view/actors/%3Cscript%3E")
    assert hostile.status_code == 422 and "<script>" not in hostile.text


def test_the_pages_json_links_answer_the_same_data(client: TestClient) -> None:
    pair = client.get("/view/alignment/RUS/IRN", params=UNTIL_Q).text
    (json_link,) = re.findall(r'<a href="([^"]*)">JSON</a>', pair)
    response = client.get(json_link.replace("&amp;", "&"))
    assert response.status_code == 200 and response.headers["content-type"] == "application/json"
    drawn = [float(v) for v in _attr(pair, "circle", "point", "data-score")]
    scores = [p["score"] for p in response.json()["points"] if p["statements"]]
    assert drawn == pytest.approx(scores, abs=1e-4)
    actor = client.get("/view/actors/RUS", params=UNTIL_Q).text
    (json_link,) = re.findall(r'<a href="([^"]*)">JSON</a>', actor)
    assert client.get(json_link).status_code == 200


def test_actor_page_since_starts_the_series_and_lists_who_moved(client: TestClient) -> None:
    html = client.get("/view/actors/RUS", params={"since": "2024-03-01", **UNTIL_Q}).text
    assert re.findall(r'<text class="period-label"[^>]*>([^<]*)</text>', html) == [
        "2024-03", "2024-04", "2024-05"
    ]  # fmt: skip
    moved = html[html.index('<ul id="moved">') : html.index("</ul>", html.index('id="moved"'))]
    # Iran went from the January treaty (+0.80) to +0.30 with the three statements since.
    assert "Iran</a>: +0.80 → +0.30 (3 statements since)" in " ".join(moved.split())
    assert "since=2024-03-01" in html  # the pair links keep the period
