"""The alignment endpoints on the real Neo4j, with documents whose dates and statements are
known (tests/alignment_corpus.py), against values computed by hand (half-life 30 days)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import neo4j
import pytest
from fastapi.testclient import TestClient

from graph_service.api.app import create_app
from graph_service.config import Settings
from graph_service.store import catalog
from tests import alignment_corpus
from tests.api.conftest import api_settings

pytestmark = pytest.mark.neo4j

PAIR = "/alignment/PRK/RUS"
WINDOW = {"since": "2024-01-01", "until": "2024-03-01"}


@pytest.fixture(scope="module")
def ids(driver: neo4j.Driver, neo4j_server: Settings) -> dict[str, str]:
    alignment_corpus.seed(neo4j_server)
    return alignment_corpus.statement_ids(driver, neo4j_server)


@pytest.fixture(scope="module")
def client(ids: dict[str, str], neo4j_server: Settings) -> Iterator[TestClient]:
    # the hand computations are the plain decayed mean (prior weight 0, see the README)
    settings = api_settings(neo4j_server, alignment_half_life_days=30.0, alignment_prior_weight=0.0)
    with TestClient(create_app(settings)) as test_client:
        yield test_client


def get(client: TestClient, path: str, **params: Any) -> Any:
    response = client.get(path, params=params)
    assert response.status_code == 200, response.text
    return response.json()


def error(client: TestClient, path: str, status: int, **params: Any) -> dict[str, Any]:
    response = client.get(path, params=params)
    assert response.status_code == status, response.text
    body: dict[str, Any] = response.json()["error"]
    return body


def test_pair_series_by_month(client: TestClient, ids: dict[str, str]) -> None:
    body = get(client, PAIR, interval="month", **WINDOW)
    assert (body["a"]["id"], body["b"]["id"], body["interval"]) == ("PRK", "RUS", "month")
    assert (body["since"], body["until"], body["half_life_days"]) == (
        "2024-01-01",
        "2024-03-01",
        30.0,
    )
    jan, feb, mar = body["points"]
    # January, scored on 01-31: s1 (01-01) is 30 days old, w = 0.5; s2 (event date 01-31,
    # reported 02-10) 0 days, w = 1:
    # (0.5·1.0·0.8 + 1·0.5·(−0.4)) / (0.5·1.0 + 1·0.5) = 0.2 / 1.0 = 0.2
    assert (jan["start"], jan["end"]) == ("2024-01-01", "2024-01-31")
    assert jan["score"] == pytest.approx(0.2)
    # two statements; intensity 8 + (−4) = 4, mean 2; strongest |0.8| before |−0.2|
    assert (jan["statements"], jan["intensity_sum"], jan["intensity_mean"]) == (2, 4.0, 2.0)
    assert jan["evidence_ids"] == [ids["s1"], ids["s2"]]
    assert [e["sentence"] for e in jan["evidence"]] == [
        "Russia and North Korea ally.",
        "North Korea protested to Russia on 31 January.",
    ]
    assert jan["evidence"][1]["when"] == "2024-01-31"
    assert jan["evidence"][1]["document"]["date"] == "2024-02-10"
    # February: only the negated n1, which counts nowhere; the score stays 0.2.
    assert (feb["statements"], feb["intensity_sum"], feb["evidence_ids"]) == (0, 0.0, [])
    assert feb["score"] == pytest.approx(0.2)
    # March (clipped to 03-01): s1 60 days old (w = 0.25), s2 30 (0.5), s3 0 (1):
    # (0.25·0.8 + 0.5·0.5·(−0.4) + 1·0.6) / (0.25 + 0.25 + 1) = 0.7 / 1.5 = 0.4667
    assert (mar["start"], mar["end"], mar["statements"], mar["scored_statements"]) == (
        "2024-03-01",
        "2024-03-01",
        1,
        3,
    )
    assert mar["score"] == pytest.approx(0.46667, abs=1e-5)
    assert mar["evidence_ids"] == [ids["s3"]] and mar["intensity_sum"] == 6.0
    assert body["statements"] == 3 and body["latest_score"] == mar["score"]
    # The other order of the two actors is the same series.
    swapped = get(client, "/alignment/RUS/PRK", interval="month", **WINDOW)
    assert [p["score"] for p in swapped["points"]] == [p["score"] for p in body["points"]]


def test_pair_series_by_quarter_and_defaults(client: TestClient, ids: dict[str, str]) -> None:
    body = get(client, PAIR, interval="quarter", since="2024-01-01", until="2024-03-31")
    (q1,) = body["points"]
    # Scored on 03-31: s1 90 days old (w = 0.125), s2 60 (0.25), s3 30 (0.5):
    # (0.125·0.8 + 0.25·0.5·(−0.4) + 0.5·0.6) / (0.125 + 0.125 + 0.5) = 0.35 / 0.75 = 0.4667
    assert (q1["start"], q1["end"], q1["statements"]) == ("2024-01-01", "2024-03-31", 3)
    assert q1["score"] == pytest.approx(0.46667, abs=1e-5)
    assert (q1["intensity_sum"], q1["intensity_mean"]) == (10.0, pytest.approx(10 / 3))
    assert q1["evidence_ids"] == [ids["s1"], ids["s3"], ids["s2"]]
    # Without since the series starts at the pair's first statement (2024-01-01).
    yearly = get(client, PAIR, interval="year", until="2024-12-31")
    assert [(p["start"], p["end"], p["statements"]) for p in yearly["points"]] == [
        ("2024-01-01", "2024-12-31", 3)
    ]
    # since after every statement: periods without a score
    later = get(client, PAIR, since="2024-04-01", until="2024-05-15")
    assert [(p["score"], p["statements"]) for p in later["points"]] == [(None, 0), (None, 0)]


def test_pair_series_refuses_bad_input(client: TestClient) -> None:
    assert error(client, PAIR, 422, since="2024-03-01", until="2024-01-01")["field"] == "until"
    assert error(client, PAIR, 422, interval="week")["field"] == "interval"
    assert error(client, PAIR, 422, since="June")["field"] == "since"
    too_long = error(client, PAIR, 422, since="1900-01-01", until="2024-01-01")
    assert too_long["field"] == "since" and "at most 240" in too_long["message"]
    assert error(client, "/alignment/PRK/PRK", 422)["field"] == "b"
    unknown = error(client, "/alignment/PRK/XXX", 404)
    assert (unknown["code"], unknown["field"]) == ("not_found", "b")
    assert error(client, "/alignment/XXX/PRK", 404)["field"] == "a"


def test_actor_alignment(client: TestClient, ids: dict[str, str]) -> None:
    body = get(client, "/actors/RUS/alignment", top=5, since="2024-01-31", until="2024-03-01")
    assert (body["actor"]["id"], body["as_of"], body["since"]) == (
        "RUS",
        "2024-03-01",
        "2024-01-31",
    )
    # CHN on 03-01: c1 90 days old (w = 0.125), c2 0: (0.125·0.5 + 0.8) / 1.125 = 0.7667;
    # PRK 0.4667 (as in the series); USA: u1 60 days (0.25), u2 0:
    # (0.25·0.8 − 0.9) / 1.25 = −0.56
    assert [(c["counterpart"]["id"], round(c["score"], 4)) for c in body["closest"]] == [
        ("CHN", 0.7667),
        ("PRK", 0.4667),
    ]
    assert [(c["counterpart"]["id"], round(c["score"], 4)) for c in body["hostile"]] == [
        ("USA", -0.56)
    ]
    assert body["hostile"][0]["evidence_ids"] == [ids["u2"], ids["u1"]]
    # Before 01-31 each had one statement: USA 0.8 → −0.56, PRK 0.8 → 0.4667, CHN 0.5 → 0.7667
    assert [(m["counterpart"]["id"], round(m["delta"], 4)) for m in body["moved"]] == [
        ("USA", -1.36),
        ("PRK", -0.3333),
        ("CHN", 0.2667),
    ]
    top1 = get(client, "/actors/RUS/alignment", top=1, until="2024-03-01")
    assert [c["counterpart"]["id"] for c in top1["closest"]] == ["CHN"] and top1["moved"] == []
    assert error(client, "/actors/XXX/alignment", 404)["field"] == "id"
    assert (
        error(client, "/actors/RUS/alignment", 422, since="2025-01-01", until="2024-01-01")["field"]
        == "until"
    )
    assert error(client, "/actors/RUS/alignment", 422, top=0)["field"] == "top"


def test_changes(client: TestClient, ids: dict[str, str]) -> None:
    body = get(client, "/changes", since="2024-01-31", until="2024-03-01")
    # New edges (first statement in the period), newest first, then weight, source:
    assert [(e["source"]["id"], e["type"], e["target"]["id"]) for e in body["new"]] == [
        ("PRK", "SUPPLIES", "RUS"),
        ("USA", "OPPOSES", "RUS"),
        ("PRK", "OPPOSES", "RUS"),
    ]
    supplies = body["new"][0]
    # s3 only (n1 is negated): 1 statement, weight 1.0, intensity 6
    assert supplies["figures"] == {
        "statements": 1,
        "weight": 1.0,
        "intensity_statements": 1,
        "intensity_sum": 6.0,
        "intensity_mean": 6.0,
        "first_seen": "2024-03-01",
        "last_seen": "2024-03-01",
    }
    assert supplies["evidence_ids"] == [ids["s3"]]
    # RUS–USA: 0.8 (u1 alone) → −0.56: reversed; intensity after 8 − 9 = −1
    (reversed_pair,) = body["reversed"]
    assert (reversed_pair["a"]["id"], reversed_pair["b"]["id"]) == ("RUS", "USA")
    assert reversed_pair["before"]["score"] == pytest.approx(0.8)
    assert reversed_pair["after"]["score"] == pytest.approx(-0.56)
    assert reversed_pair["delta"] == pytest.approx(-1.36)
    assert (reversed_pair["after"]["statements"], reversed_pair["after"]["intensity_sum"]) == (
        2,
        -1.0,
    )
    assert reversed_pair["evidence_ids"] == [ids["u2"]]
    # CHN–RUS 0.5 → 0.7667 strengthened; PRK–RUS 0.8 → 0.4667 weakened
    (stronger,) = body["strengthened"]
    assert (stronger["a"]["id"], stronger["b"]["id"]) == ("CHN", "RUS")
    assert stronger["delta"] == pytest.approx(0.26667, abs=1e-5)
    (weaker,) = body["weakened"]
    assert (weaker["a"]["id"], weaker["b"]["id"]) == ("PRK", "RUS")
    assert weaker["delta"] == pytest.approx(-0.33333, abs=1e-5)
    assert weaker["evidence_ids"] == [ids["s3"], ids["s2"]]
    assert body["truncated"] is False
    # One actor's changes only; a limit cuts each list.
    usa = get(client, "/changes", since="2024-01-31", until="2024-03-01", actor="USA")
    assert [e["source"]["id"] for e in usa["new"]] == ["USA"]
    assert [c["b"]["id"] for c in usa["reversed"]] == ["USA"]
    assert usa["strengthened"] == usa["weakened"] == []
    cut = get(client, "/changes", since="2024-01-31", until="2024-03-01", limit=1)
    assert len(cut["new"]) == 1 and cut["truncated"] is True
    # Nothing in the period: nothing changed.
    assert get(client, "/changes", since="2025-01-01")["new"] == []


def test_changes_refuses_bad_input(client: TestClient) -> None:
    assert error(client, "/changes", 422)["field"] == "since"
    assert (
        error(client, "/changes", 422, since="2024-02-01", until="2024-01-01")["field"] == "until"
    )
    assert error(client, "/changes", 404, since="2024-01-01", actor="XXX")["field"] == "actor"


def test_new_edges_since_is_the_new_list_of_changes(
    client: TestClient, driver: neo4j.Driver, neo4j_server: Settings
) -> None:
    response = client.post("/queries/new_edges_since", json={"parameters": {"since": "2024-01-31"}})
    assert response.status_code == 200, response.text
    rows = response.json()["rows"]
    changes = get(client, "/changes", since="2024-01-31")
    assert [(r["source"], r["type"], r["target"]) for r in rows] == [
        (e["source"]["id"], e["type"], e["target"]["id"]) for e in changes["new"]
    ]
    # ... and the same rows as the Cypher file on the aggregated edges (Neo4j Browser's).
    records, _, _ = driver.execute_query(
        catalog.body("queries/new_edges_since"),
        {"since": dt.date(2024, 1, 31), "limit": 50},
        database_=neo4j_server.neo4j_database,
    )
    direct = [{**r.data(), "first_seen": r["first_seen"].iso_format()} for r in records]
    assert rows == direct
