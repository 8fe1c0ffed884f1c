"""POST /extract and POST /documents: what is written, and bad input that writes nothing."""

from __future__ import annotations

import json
from collections.abc import Iterator

import neo4j
import pytest
from fastapi.testclient import TestClient

import graph_service.extract
import graph_service.services.ingest
from graph_service.models import Document, RelationType, Statement
from tests.api.conftest import READ_KEY, WRITE_KEY

pytestmark = pytest.mark.neo4j
WRITE = {"X-API-Key": WRITE_KEY}
TEXT = "Nordkorea liefert Artilleriemunition an Russland."


def _stub_extractor(document: Document, time_limit: float | None = None) -> list[Statement]:
    """Deterministic extraction: one SUPPLIES statement per text mentioning 'liefert'."""
    if "liefert" not in document.text:
        return []
    return [
        Statement(
            path=document.path,
            subject="PRK",
            type=RelationType.SUPPLIES,
            object="RUS",
            evidence=document.text,
            confidence=0.8,
            rule="stub",
            sentence_index=0,
            date=document.date,
        )
    ]


@pytest.fixture
def stub_extractor(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(graph_service.extract, "extract_statements", _stub_extractor)
    # the ingest service holds its own reference to the extractor
    monkeypatch.setattr(graph_service.services.ingest, "extract_statements", _stub_extractor)
    yield


def _counts(driver: neo4j.Driver) -> tuple[int, int]:
    records, _, _ = driver.execute_query(
        "MATCH (n) RETURN count(n) AS nodes, COUNT { ()-[]->() } AS rels"
    )
    return int(records[0]["nodes"]), int(records[0]["rels"])


def test_extract_writes_nothing(write_client: TestClient, driver: neo4j.Driver) -> None:
    before = _counts(driver)
    response = write_client.post(
        "/extract", json={"text": TEXT + " Russland und Nordkorea vereinbarten ein Bündnis."}
    )
    assert response.status_code == 200, response.text
    statements = response.json()["statements"]
    assert isinstance(statements, list)
    for statement in statements:  # the real extractor: shape, not content
        assert {"subject", "type", "object", "evidence", "confidence", "rule"} <= set(statement)
    assert _counts(driver) == before


def test_extract_shows_event_date_and_intensity(write_client: TestClient) -> None:
    text = (
        "Nordkorea liefert seit Juni 2023 Artilleriemunition an Russland. "
        "China hat keine Waffen an Russland geliefert."
    )
    response = write_client.post("/extract", json={"text": text, "date": "2024-10-01"})
    assert response.status_code == 200, response.text
    by_subject = {s["subject"]: s for s in response.json()["statements"]}
    supply, denied = by_subject["PRK"], by_subject["CHN"]
    assert (supply["type"], supply["negated"]) == ("SUPPLIES", False)
    assert (supply["date_kind"], supply["event_date"], supply["event_date_end"]) == (
        "period_start",
        "2023-06-01",
        None,
    )
    assert (supply["date"], supply["when"]) == ("2024-10-01", "2023-06-01")
    assert supply["date_text"] == "seit Juni 2023"
    # arms: CAMEO 072 "provide military aid", Goldstein +8.3, material cooperation
    assert (supply["intensity"], supply["quad_class"]) == (8.3, 2)
    assert denied["negated"] is True
    assert (denied["intensity"], denied["quad_class"]) == (None, None)
    assert (denied["date_kind"], denied["when"]) == ("reported", "2024-10-01")


def test_post_one_document(
    write_client: TestClient, driver: neo4j.Driver, stub_extractor: None
) -> None:
    doc = {
        "text": TEXT,
        "title": "Neue Lieferung",
        "url": "https://example.org/news/neu",
        "date": "2025-01-15",
        "lang": "de",
    }
    response = write_client.post("/documents", json=doc, headers=WRITE)
    assert response.status_code == 201, response.text
    [item] = response.json()["items"]
    assert item["status"] == "new" and item["stored"] == 1
    assert item["statements"][0]["subject"] == "PRK"
    evidence = write_client.get("/statements", params={"document": item["document_id"]}).json()[
        "items"
    ]
    assert [s["document"]["title"] for s in evidence] == ["Neue Lieferung"]
    relation = write_client.get("/actors/PRK/relations", params={"type": "SUPPLIES"}).json()
    assert relation["items"][0]["statements"] == 3
    assert relation["items"][0]["last_seen"] == "2025-01-15"
    again = write_client.post("/documents", json=doc, headers=WRITE).json()["items"][0]
    assert again["status"] == "unchanged" and again["document_id"] == item["document_id"]


def test_client_id_is_the_document_identity(
    write_client: TestClient, driver: neo4j.Driver, stub_extractor: None
) -> None:
    before = _counts(driver)
    ids = set()
    for n in range(8):  # one id, eight texts: one document, replaced each time
        body = {"id": "wire-4711", "text": f"{TEXT} Fassung {n}."}
        item = write_client.post("/documents", json=body, headers=WRITE).json()["items"][0]
        assert item["status"] == ("new" if n == 0 else "replaced"), item
        ids.add(item["document_id"])
    assert len(ids) == 1
    [doc_id] = ids
    stored = write_client.get("/statements", params={"document": doc_id}).json()["items"]
    assert [s["sentence"] for s in stored] == [f"{TEXT} Fassung 7."]
    nodes, _ = _counts(driver)
    assert nodes == before[0] + 2  # one document and its one statement
    other = {"id": "wire-4712", "text": f"{TEXT} Fassung 7."}
    item = write_client.post("/documents", json=other, headers=WRITE).json()["items"][0]
    assert item["status"] == "new" and item["document_id"] != doc_id


def test_post_batch(write_client: TestClient, stub_extractor: None) -> None:
    docs = [{"text": f"{TEXT} Teil {i}."} for i in range(3)]
    response = write_client.post("/documents", json={"documents": docs}, headers=WRITE)
    assert response.status_code == 201, response.text
    items = response.json()["items"]
    assert [i["status"] for i in items] == ["new"] * 3
    assert len({i["document_id"] for i in items}) == 3


@pytest.mark.parametrize(
    ("body", "status", "field"),
    [
        ({"text": ""}, 422, "text"),
        ({"text": "   \n  "}, 422, "text"),
        ({"text": "x" * 5_001}, 413, "text"),
        ({"text": "PDF\x00\x01\x02binary"}, 422, "text"),
        ({"text": "Hallo <script>alert(1)</script> Welt"}, 422, "text"),
        ({"text": "Klick <img src=x onerror=alert(1)>"}, 422, "text"),
        ({"text": TEXT, "title": "<iframe src=//evil>"}, 422, "title"),
        ({"text": TEXT, "url": "javascript:alert(1)"}, 422, "url"),
        ({"text": TEXT, "date": "someday"}, 422, "date"),
        ({"text": TEXT, "colour": "red"}, 422, "colour"),
        ({"documents": []}, 422, "documents"),
        ({"documents": [{"text": TEXT}] * 4}, 413, "documents"),
        ({"documents": [{"text": TEXT}, {"text": ""}]}, 422, "documents[1].text"),
        ({"documents": [{"text": TEXT}, {"text": "y" * 5_001}]}, 413, "documents[1].text"),
        ([1, 2], 422, None),
    ],
)
def test_bad_documents_write_nothing(
    write_client: TestClient,
    driver: neo4j.Driver,
    stub_extractor: None,
    body: object,
    status: int,
    field: str | None,
) -> None:
    before = _counts(driver)
    response = write_client.post("/documents", json=body, headers=WRITE)
    assert response.status_code == status, response.text
    error = response.json()["error"]
    if field:
        assert error["field"] == field
    assert "Traceback" not in response.text
    assert _counts(driver) == before


@pytest.mark.parametrize(
    ("content", "content_type", "status", "code"),
    [
        (b'{"text": "unterminated', "application/json", 400, "malformed_json"),
        (b'{"text": "caf\xe9 in Latin-1"}', "application/json", 400, "malformed_json"),
        (b'{"text": "\xff\xfe not UTF-8"}', "application/json", 400, "malformed_json"),
        (b"[" * 1000 + b"]" * 1000, "application/json", 400, "malformed_json"),
        (b"\x89PNG\r\n\x1a\n\x00\x00binary", "application/json", 400, "malformed_json"),
        (TEXT.encode(), "text/plain", 415, "unsupported_media_type"),
        (b"text=Russland", "application/x-www-form-urlencoded", 415, "unsupported_media_type"),
        (b"", "application/json", 422, "validation_error"),
    ],
)
def test_malformed_bodies_write_nothing(
    write_client: TestClient,
    driver: neo4j.Driver,
    content: bytes,
    content_type: str,
    status: int,
    code: str,
) -> None:
    before = _counts(driver)
    response = write_client.post(
        "/documents", content=content, headers={**WRITE, "Content-Type": content_type}
    )
    assert response.status_code == status, response.text
    error = response.json()["error"]
    assert error["code"] == code
    assert error["field"] == "body"
    assert _counts(driver) == before


def test_json_with_a_charset_or_a_json_suffix_is_json(
    write_client: TestClient, stub_extractor: None
) -> None:
    for content_type in ("application/json; charset=utf-8", "application/ld+json"):
        response = write_client.post(
            "/extract",
            content=json.dumps({"text": TEXT}).encode(),
            headers={**WRITE, "Content-Type": content_type},
        )
        assert response.status_code == 200, (content_type, response.text)


def test_request_body_limit(write_client: TestClient, driver: neo4j.Driver) -> None:
    before = _counts(driver)
    huge = b'{"text": "' + b"a" * 200_000 + b'"}'
    response = write_client.post(
        "/documents", content=huge, headers={**WRITE, "Content-Type": "application/json"}
    )
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "input_too_large"

    def chunks() -> Iterator[bytes]:  # no Content-Length: counted while reading
        yield b'{"text": "'
        for _ in range(30):
            yield b"a" * 10_000
        yield b'"}'

    chunked = write_client.post(
        "/documents", content=chunks(), headers={**WRITE, "Content-Type": "application/json"}
    )
    assert chunked.status_code == 413
    assert _counts(driver) == before


def test_documents_need_a_write_key(
    write_client: TestClient, driver: neo4j.Driver, stub_extractor: None
) -> None:
    before = _counts(driver)
    for headers, status in (
        ({}, 401),
        ({"X-API-Key": "wrong"}, 401),
        ({"X-API-Key": READ_KEY}, 403),
    ):
        response = write_client.post("/documents", json={"text": TEXT}, headers=headers)
        assert response.status_code == status
        assert response.json()["error"]["field"] == "X-API-Key"
        assert "wrong" not in response.text and READ_KEY not in response.text
    assert _counts(driver) == before
