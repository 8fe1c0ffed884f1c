"""Every read endpoint against the real app and a real Neo4j, with the error paths."""

from __future__ import annotations

import csv
import io

import networkx as nx
import pytest
from fastapi.testclient import TestClient

pytestmark = pytest.mark.neo4j


def _error(response, status: int, code: str | None = None, field: str | None = None) -> dict:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"}
    assert {"code", "message"} <= set(body["error"])
    if code:
        assert body["error"]["code"] == code
    if field:
        assert body["error"]["field"] == field
    return body["error"]


def test_health_and_ready(client: TestClient) -> None:
    assert client.get("/health").json() == {"status": "ok"}
    ready = client.get("/ready")
    assert ready.status_code == 200
    assert ready.json()["status"] == "ready"
    assert ready.json()["neo4j"].startswith("Neo4j/")


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("Nordkorea", "PRK"),
        ("nordkorea", "PRK"),
        ("DPRK", "PRK"),
        ("Moskau", "RUS"),
        ("russland", "RUS"),
        ("Vereinigte", "USA"),
        ("prk", "PRK"),
    ],
)
def test_search_by_any_name(client: TestClient, q: str, expected: str) -> None:
    response = client.get("/actors", params={"q": q})
    assert response.status_code == 200
    assert expected in [a["id"] for a in response.json()["items"]]


def test_search_kind_and_pagination(client: TestClient) -> None:
    blocs = client.get("/actors", params={"kind": "bloc"}).json()["items"]
    assert [a["id"] for a in blocs] == ["NATO"]
    seen: list[str] = []
    cursor = None
    for _ in range(10):
        params = {"limit": 4, **({"cursor": cursor} if cursor else {})}
        page = client.get("/actors", params=params).json()
        seen += [a["id"] for a in page["items"]]
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert seen == sorted(seen)
    assert len(seen) == len(set(seen)) == 9


def test_page_size_is_capped(client: TestClient) -> None:
    page = client.get("/actors", params={"limit": 10**9}).json()
    assert len(page["items"]) == 9


@pytest.mark.parametrize("cursor", ["garbage", "eyJ4IjoxfQ", "WyJyZWxhdGlvbnMiLCJhIl0"])
def test_bad_cursor_is_422(client: TestClient, cursor: str) -> None:
    _error(client.get("/actors", params={"cursor": cursor}), 422, "invalid_parameter", "cursor")


def test_bad_parameters_are_422_with_field(client: TestClient) -> None:
    _error(client.get("/actors", params={"limit": 0}), 422, "validation_error", "limit")
    _error(client.get("/actors", params={"kind": "planet"}), 422, field="kind")
    _error(client.get("/actors/PRK/relations", params={"direction": "up"}), 422, field="direction")
    _error(client.get("/actors/PRK/relations", params={"since": "yesterday"}), 422, field="since")
    _error(
        client.get("/actors/PRK/relations", params={"since": "2024-02-01", "until": "2024-01-01"}),
        422,
        field="until",
    )
    _error(client.get("/graph", params={"depth": 3}), 422, field="depth")
    _error(client.get("/graph", params={"format": "pdf"}), 422, field="format")
    _error(client.get("/actors/bad id!"), 422, field="id")


def test_actor_detail_counts(client: TestClient) -> None:
    body = client.get("/actors/RUS").json()
    assert body["name"] == "Russia"
    assert "Russland" in body["names_de"]
    counts = {(c["type"], c["direction"]): c for c in body["relation_counts"]}
    assert counts[("PARTNERSHIP", "both")]["edges"] == 2  # PRK and CHN
    assert counts[("SUPPLIES", "in")] == {
        "type": "SUPPLIES",
        "direction": "in",
        "edges": 2,  # PRK, IRN (the negated CHN statement makes no edge)
        "statements": 3,
    }
    assert counts[("OPPOSES", "out")]["edges"] == 1
    assert counts[("OPPOSES", "in")]["edges"] == 1
    assert counts[("LEADS", "in")]["edges"] == 1  # the person fixture


def test_unknown_actor_is_404(client: TestClient) -> None:
    _error(client.get("/actors/NOPE"), 404, "not_found", "id")
    _error(client.get("/actors/NOPE/relations"), 404, "not_found", "id")
    _error(client.get("/graph", params={"center": "NOPE"}), 404, "not_found")


def test_actor_relations_filters(client: TestClient) -> None:
    items = client.get("/actors/RUS/relations").json()["items"]
    assert {(i["type"], i["direction"], i["counterpart"]["id"]) for i in items} == {
        ("PARTNERSHIP", "both", "PRK"),
        ("PARTNERSHIP", "both", "CHN"),
        ("SUPPLIES", "in", "PRK"),
        ("SUPPLIES", "in", "IRN"),
        ("OPPOSES", "out", "UKR"),
        ("OPPOSES", "in", "USA"),
    }
    weights = [i["weight"] for i in items]
    assert weights == sorted(weights, reverse=True)

    supplies = client.get("/actors/RUS/relations", params={"type": "SUPPLIES"}).json()["items"]
    prk = next(i for i in supplies if i["counterpart"]["id"] == "PRK")
    assert prk["statements"] == 2 and prk["documents"] == 2
    # last seen: the September delivery's event date, not its report (2024-10-01)
    assert prk["first_seen"] == "2023-09-13" and prk["last_seen"] == "2024-09-01"
    assert set(prk["items"]) == {"artillery ammunition", "missiles"}

    out = client.get("/actors/RUS/relations", params={"direction": "out"}).json()["items"]
    assert {(i["type"], i["counterpart"]["id"]) for i in out} == {
        ("PARTNERSHIP", "PRK"),
        ("PARTNERSHIP", "CHN"),
        ("OPPOSES", "UKR"),
    }
    recent = client.get("/actors/RUS/relations", params={"since": "2024-05-01"}).json()["items"]
    assert {i["counterpart"]["id"] for i in recent} == {"PRK", "UKR"}
    old = client.get("/actors/RUS/relations", params={"until": "2023-12-31"}).json()["items"]
    assert {(i["type"], i["counterpart"]["id"]) for i in old} == {
        ("SUPPLIES", "PRK"),
        ("SUPPLIES", "IRN"),
        ("PARTNERSHIP", "CHN"),
    }
    strong = client.get("/actors/RUS/relations", params={"min_confidence": 0.85}).json()["items"]
    assert all(i["confidence"] >= 0.85 for i in strong) and strong
    assert len(client.get("/actors/RUS/relations", params={"limit": 2}).json()["items"]) == 2


def test_edges_show_intensity(client: TestClient) -> None:
    # PRK -> RUS SUPPLIES: +8.3 (arms, 2024-10-01) and +7.0 (speculative, 2023-09-13)
    expected = {"intensity_statements": 2, "intensity_sum": 15.3, "intensity_mean": 7.65}
    (relation,) = client.get(
        "/relations", params={"type": "SUPPLIES", "source": "PRK", "target": "RUS"}
    ).json()["items"]
    assert {k: relation[k] for k in expected} == expected
    incoming = client.get("/actors/RUS/relations", params={"type": "SUPPLIES"}).json()["items"]
    prk = next(i for i in incoming if i["counterpart"]["id"] == "PRK")
    assert {k: prk[k] for k in expected} == expected
    graph = client.get("/graph", params={"center": "PRK"}).json()
    edge = next(e for e in graph["edges"] if e["type"] == "SUPPLIES")
    assert {k: edge[k] for k in expected} == expected
    # one statement of -10 (war); IRN -> RUS has none: count 0, no mean
    (war,) = client.get("/relations", params={"type": "OPPOSES", "source": "RUS"}).json()["items"]
    assert (war["intensity_statements"], war["intensity_sum"], war["intensity_mean"]) == (
        1,
        -10.0,
        -10.0,
    )
    (drones,) = client.get(
        "/relations", params={"type": "SUPPLIES", "source": "IRN", "target": "RUS"}
    ).json()["items"]
    assert (drones["intensity_statements"], drones["intensity_mean"]) == (0, None)


def test_relations_list_and_pages(client: TestClient) -> None:
    everything = client.get("/relations").json()
    assert everything["next_cursor"] is None
    assert len(everything["items"]) == 8
    paged: list[tuple[str, str, str]] = []
    cursor = None
    while True:
        params = {"limit": 3, **({"cursor": cursor} if cursor else {})}
        page = client.get("/relations", params=params).json()
        paged += [(i["type"], i["source"]["id"], i["target"]["id"]) for i in page["items"]]
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert paged == [(i["type"], i["source"]["id"], i["target"]["id"]) for i in everything["items"]]

    supplies = client.get("/relations", params={"type": "SUPPLIES", "target": "RUS"}).json()
    assert {i["source"]["id"] for i in supplies["items"]} == {"PRK", "IRN"}
    # PARTNERSHIP is symmetric: either order finds the edge.
    for source, target in (("PRK", "RUS"), ("RUS", "PRK")):
        found = client.get(
            "/relations", params={"type": "PARTNERSHIP", "source": source, "target": target}
        ).json()["items"]
        assert len(found) == 1
        assert found[0]["source"]["id"] == source
    assert (
        client.get("/relations", params={"since": "2024-09-01"}).json()["items"][0]["last_seen"]
        >= "2024-09-01"
    )


def test_evidence(client: TestClient) -> None:
    body = client.get("/relations/PRK/SUPPLIES/RUS/evidence").json()
    assert [s["date"] for s in body["items"]] == ["2024-10-01", "2023-09-13"]
    first = body["items"][0]
    assert first["sentence"] == "Nordkorea liefert Artilleriemunition an Russland."
    assert first["modality"] == "asserted"
    assert first["confidence"] == 0.85
    assert first["document"]["title"] == "Munition aus Nordkorea"
    assert first["document"]["url"] == "https://example.org/news/munition"
    assert first["document"]["date"] == "2024-10-01"
    assert body["items"][1]["modality"] == "speculative"

    page1 = client.get("/relations/PRK/SUPPLIES/RUS/evidence", params={"limit": 1}).json()
    page2 = client.get(
        "/relations/PRK/SUPPLIES/RUS/evidence",
        params={"limit": 1, "cursor": page1["next_cursor"]},
    ).json()
    assert [page1["items"][0]["id"], page2["items"][0]["id"]] == [s["id"] for s in body["items"]]
    assert page2["next_cursor"] is None
    # A cursor of another edge is refused.
    _error(
        client.get("/relations/IRN/SUPPLIES/RUS/evidence", params={"cursor": page1["next_cursor"]}),
        422,
        field="cursor",
    )


def test_statements_show_event_date_and_intensity(client: TestClient) -> None:
    (arms,) = client.get("/statements", params={"subject": "PRK", "modality": "asserted"}).json()[
        "items"
    ]
    assert {k: arms[k] for k in _TIME_AND_STRENGTH} == {
        "date": "2024-10-01",  # the report's
        "date_kind": "event",
        "event_date": "2024-09-01",
        "event_date_end": "2024-09-30",
        "date_text": "im September",
        "when": "2024-09-01",
        "intensity": 8.3,
        "quad_class": 2,
    }
    evidence = client.get("/relations/PRK/SUPPLIES/RUS/evidence").json()["items"]
    assert {k: evidence[0][k] for k in _TIME_AND_STRENGTH} == {
        k: arms[k] for k in _TIME_AND_STRENGTH
    }
    (war,) = client.get("/statements", params={"type": "OPPOSES", "subject": "RUS"}).json()["items"]
    assert (war["date_kind"], war["when"], war["intensity"], war["quad_class"]) == (
        "reported",
        "2024-10-01",
        -10.0,
        4,
    )
    # the date filters use the event date when known: reported in October, done in September
    september = client.get("/statements", params={"since": "2024-09-01", "until": "2024-09-30"})
    assert [s["id"] for s in september.json()["items"]] == [arms["id"]]
    october = client.get("/statements", params={"since": "2024-10-01", "until": "2024-10-31"})
    assert [s["id"] for s in october.json()["items"]] == [war["id"]]

    # and so do the edges' first/last seen, hence the edge filters: last seen 2024-09-01
    def supplies_since(day: str) -> set[tuple[str, str]]:
        items = client.get("/relations", params={"since": day, "type": "SUPPLIES"}).json()["items"]
        return {(i["source"]["id"], i["target"]["id"]) for i in items}

    assert ("PRK", "RUS") in supplies_since("2024-09-01")
    assert ("PRK", "RUS") not in supplies_since("2024-09-15")
    (denied,) = client.get("/statements", params={"negated": "true"}).json()["items"]
    assert (denied["intensity"], denied["quad_class"], denied["event_date"]) == (None, None, None)
    assert denied["when"] == "2024-03-01"


_TIME_AND_STRENGTH = (
    "date",
    "date_kind",
    "event_date",
    "event_date_end",
    "date_text",
    "when",
    "intensity",
    "quad_class",
)


def test_evidence_of_symmetric_edge_in_either_order(client: TestClient) -> None:
    for path in (
        "/relations/PRK/PARTNERSHIP/RUS/evidence",
        "/relations/RUS/PARTNERSHIP/PRK/evidence",
    ):
        items = client.get(path).json()["items"]
        assert [i["subject"]["id"] for i in items] == ["RUS"]


def test_evidence_negated_only_on_request(client: TestClient) -> None:
    _error(client.get("/relations/CHN/SUPPLIES/RUS/evidence"), 404, "not_found")
    items = client.get(
        "/relations/CHN/SUPPLIES/RUS/evidence", params={"include_negated": "true"}
    ).json()["items"]
    assert [i["negated"] for i in items] == [True]


def test_evidence_errors(client: TestClient) -> None:
    _error(client.get("/relations/PRK/OPPOSES/RUS/evidence"), 404, "not_found")
    _error(client.get("/relations/NOPE/SUPPLIES/RUS/evidence"), 404, "not_found", "source")
    _error(client.get("/relations/PRK/LIKES/RUS/evidence"), 422, field="type")


def test_statements_filters_and_pages(client: TestClient) -> None:
    everything = client.get("/statements", params={"limit": 50}).json()["items"]
    assert len(everything) == 10
    ids: list[str] = []
    cursor = None
    while True:
        page = client.get(
            "/statements", params={"limit": 4, **({"cursor": cursor} if cursor else {})}
        ).json()
        ids += [s["id"] for s in page["items"]]
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert ids == [s["id"] for s in everything]

    def ids_for(**params: object) -> set[tuple[str, str, str]]:
        items = client.get("/statements", params=params).json()["items"]
        return {(s["subject"]["id"], s["type"], s["object"]["id"]) for s in items}

    assert ids_for(subject="PRK") == {("PRK", "SUPPLIES", "RUS")}
    assert ids_for(actor="UKR", type="OPPOSES") == {("RUS", "OPPOSES", "UKR")}
    assert ids_for(negated="true") == {("CHN", "SUPPLIES", "RUS")}
    assert ids_for(modality="speculative") == {("PRK", "SUPPLIES", "RUS")}
    assert ids_for(since="2024-06-01", until="2024-06-30") == {("RUS", "PARTNERSHIP", "PRK")}
    assert ("IRN", "SUPPLIES", "RUS") not in ids_for(min_confidence=0.85)
    doc = everything[0]["document"]["id"]
    assert all(
        s["document"]["id"] == doc
        for s in client.get("/statements", params={"document": doc}).json()["items"]
    )


def test_graph_json(client: TestClient) -> None:
    one = client.get("/graph", params={"center": "PRK"}).json()
    assert {n["id"] for n in one["nodes"]} == {"PRK", "RUS"}
    two = client.get("/graph", params={"center": "PRK", "depth": 2}).json()
    assert {n["id"] for n in two["nodes"]} == {"PRK", "RUS", "CHN", "IRN", "UKR", "USA"}
    assert two["truncated"] is False
    supplies = client.get(
        "/graph", params={"center": "PRK", "depth": 2, "types": ["SUPPLIES"]}
    ).json()
    assert {e["type"] for e in supplies["edges"]} == {"SUPPLIES"}
    assert {n["id"] for n in supplies["nodes"]} == {"PRK", "RUS", "IRN"}
    strong = client.get("/graph", params={"min_weight": 1.0}).json()
    assert [(e["source"], e["target"]) for e in strong["edges"]] == [("PRK", "RUS")]
    whole = client.get("/graph").json()
    assert len(whole["edges"]) == 8
    alone = client.get("/graph", params={"center": "DEU"}).json()
    assert [n["id"] for n in alone["nodes"]] == ["DEU"] and alone["edges"] == []


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_graph_files_open_in_networkx(client: TestClient, fmt: str) -> None:
    response = client.get("/graph", params={"center": "PRK", "depth": 2, "format": fmt})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(f"application/{fmt}+xml")
    reader = nx.read_graphml if fmt == "graphml" else nx.read_gexf
    g = reader(io.BytesIO(response.content))
    assert set(g.nodes) == {"PRK", "RUS", "CHN", "IRN", "UKR", "USA"}
    assert g.number_of_edges() == 7


def test_graph_csv(client: TestClient) -> None:
    response = client.get("/graph", params={"format": "csv"})
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert len(rows) == 8
    assert {"source", "target", "type", "weight", "first_seen"} <= set(rows[0])


def test_unknown_route_and_method_use_the_error_shape(client: TestClient) -> None:
    _error(client.get("/nowhere"), 404, "not_found")
    _error(client.delete("/actors"), 405, "method_not_allowed")


def test_openapi_documents_every_endpoint(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    for path in (
        "/health",
        "/ready",
        "/actors",
        "/actors/{id}",
        "/actors/{id}/relations",
        "/relations",
        "/relations/{source}/{type}/{target}/evidence",
        "/statements",
        "/graph",
        "/queries",
        "/queries/{name}",
        "/cypher",
        "/extract",
        "/documents",
    ):
        assert path in spec["paths"], path
    error = spec["paths"]["/actors/{id}"]["get"]["responses"]["422"]
    assert error["content"]["application/json"]["schema"]["$ref"].endswith("/ErrorResponse")
