"""API fixtures: hand-made actors, documents and statements written with the store's
writer (independent of the extractor), and clients over the real app with its lifespan."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import neo4j
import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr

from graph_service.api.app import create_app
from graph_service.config import Settings
from graph_service.models import (
    Actor,
    ActorKind,
    DateKind,
    Document,
    Modality,
    QuadClass,
    RelationType,
    Statement,
)
from tests.store_sync import apply_schema, delete_everything, upsert_actors, write_documents

WRITE_KEY = "test-write-key-0123456789"
READ_KEY = "test-read-key-0123456789"

ACTORS = [
    Actor(
        id="RUS",
        name="Russia",
        kind=ActorKind.STATE,
        names_de=["Russland"],
        names_en=["Russia", "Russian Federation"],
        aliases=["Kreml", "Moskau"],
    ),
    Actor(
        id="PRK",
        name="North Korea",
        kind=ActorKind.STATE,
        names_de=["Nordkorea"],
        names_en=["North Korea", "DPRK"],
        aliases=["Pjöngjang"],
    ),
    Actor(id="UKR", name="Ukraine", kind=ActorKind.STATE, names_de=["Ukraine"]),
    Actor(id="CHN", name="China", kind=ActorKind.STATE, names_de=["China", "Volksrepublik"]),
    Actor(id="IRN", name="Iran", kind=ActorKind.STATE, names_de=["Iran"]),
    Actor(
        id="USA",
        name="United States",
        kind=ActorKind.STATE,
        names_de=["Vereinigte Staaten"],
        aliases=["Washington"],
    ),
    Actor(id="NATO", name="NATO", kind=ActorKind.BLOC, names_de=["Nato"]),
    Actor(id="DEU", name="Germany", kind=ActorKind.STATE, names_de=["Deutschland"]),
    Actor(
        id="VLADIMIR_PUTIN",
        name="Vladimir Putin",
        kind=ActorKind.PERSON,
        names_de=["Wladimir Putin"],
        state="RUS",
        role="head of state",
    ),
]


def _statement(
    doc: Document,
    index: int,
    subject: str,
    type_: RelationType,
    obj: str,
    evidence: str,
    confidence: float,
    **extra: object,
) -> Statement:
    start = doc.text.find(evidence)
    return Statement(
        path=doc.path,
        subject=subject,
        type=type_,
        object=obj,
        evidence=evidence,
        confidence=confidence,
        sentence_index=index,
        span=(start, start + len(evidence)) if start >= 0 else None,
        rule="test",
        date=doc.date,
        lang=doc.lang,
        **extra,  # type: ignore[arg-type]
    )


def corpus() -> list[tuple[Document, list[Statement]]]:
    """Five documents, eleven statements (one negated), known aggregates."""
    p, s, o = RelationType.PARTNERSHIP, RelationType.SUPPLIES, RelationType.OPPOSES
    d1 = Document(
        path="t/d1.md",
        title="Pakt zwischen Moskau und Pjöngjang",
        url="https://example.org/news/pakt",
        date=dt.date(2024, 6, 19),
        lang="de",
        text="Russland und Nordkorea haben eine strategische Partnerschaft vereinbart.",
    )
    d2 = Document(
        path="t/d2.md",
        title="Munition aus Nordkorea",
        url="https://example.org/news/munition",
        date=dt.date(2024, 10, 1),
        lang="de",
        text="Nordkorea liefert Artilleriemunition an Russland. "
        "Russland führt einen Angriffskrieg gegen die Ukraine.",
    )
    d3 = Document(
        path="t/d3.md",
        title="Raketen und Drohnen",
        url="https://example.org/news/raketen",
        date=dt.date(2023, 9, 13),
        lang="de",
        text="Nordkorea dürfte Raketen an Russland liefern. Iran liefert Drohnen an Russland. "
        "China und Russland vertiefen ihre Partnerschaft.",
    )
    d4 = Document(
        path="t/d4.md",
        title="Aid to Ukraine",
        url="https://example.org/news/aid",
        date=dt.date(2024, 3, 1),
        lang="en",
        text="The United States supplies air defence to Ukraine. Washington sanctioned Russia. "
        "China denied supplying weapons to Russia.",
    )
    d5 = Document(
        path="t/d5.md",
        title="Undated",
        lang="en",
        text="NATO and Ukraine deepened their partnership.",
    )
    return [
        (d1, [_statement(d1, 0, "RUS", p, "PRK", d1.text, 0.9, subtype="alliance")]),
        (
            d2,
            [
                _statement(
                    d2,
                    0,
                    "PRK",
                    s,
                    "RUS",
                    "Nordkorea liefert Artilleriemunition an Russland.",
                    0.85,
                    items=["artillery ammunition"],
                    subtype="arms",
                    # as if the sentence dated it (issue 13): the event in September
                    date_kind=DateKind.EVENT,
                    event_date=dt.date(2024, 9, 1),
                    event_date_end=dt.date(2024, 9, 30),
                    date_text="im September",
                    intensity=8.3,
                    quad_class=QuadClass.MATERIAL_COOPERATION,
                ),
                _statement(
                    d2,
                    1,
                    "RUS",
                    o,
                    "UKR",
                    "Russland führt einen Angriffskrieg gegen die Ukraine.",
                    0.9,
                    subtype="war",
                    date_kind=DateKind.REPORTED,
                    intensity=-10.0,
                    quad_class=QuadClass.MATERIAL_CONFLICT,
                ),
            ],
        ),
        (
            d3,
            [
                _statement(
                    d3,
                    0,
                    "PRK",
                    s,
                    "RUS",
                    "Nordkorea dürfte Raketen an Russland liefern.",
                    0.6,
                    items=["missiles"],
                    modality=Modality.SPECULATIVE,
                    intensity=7.0,
                    quad_class=QuadClass.MATERIAL_COOPERATION,
                ),
                _statement(
                    d3,
                    1,
                    "IRN",
                    s,
                    "RUS",
                    "Iran liefert Drohnen an Russland.",
                    0.8,
                    items=["drones"],
                ),
                _statement(
                    d3,
                    2,
                    "CHN",
                    p,
                    "RUS",
                    "China und Russland vertiefen ihre Partnerschaft.",
                    0.8,
                ),
            ],
        ),
        (
            d4,
            [
                _statement(
                    d4,
                    0,
                    "USA",
                    s,
                    "UKR",
                    "The United States supplies air defence to Ukraine.",
                    0.9,
                    items=["air defence"],
                ),
                _statement(d4, 1, "USA", o, "RUS", "Washington sanctioned Russia.", 0.7),
                _statement(
                    d4,
                    2,
                    "CHN",
                    s,
                    "RUS",
                    "China denied supplying weapons to Russia.",
                    0.6,
                    negated=True,
                ),
            ],
        ),
        (d5, [_statement(d5, 0, "NATO", p, "UKR", d5.text, 0.6)]),
    ]


def seed(driver: neo4j.Driver, settings: Settings) -> None:
    delete_everything(settings)
    apply_schema(settings)
    upsert_actors(settings, ACTORS)
    write_documents(settings, corpus())


def api_settings(base: Settings, **overrides: object) -> Settings:
    values: dict[str, object] = {
        "api_write_keys": [SecretStr(WRITE_KEY)],
        "api_read_keys": [SecretStr(READ_KEY)],
        "max_batch_documents": 3,
        "max_document_chars": 5_000,
        "max_request_bytes": 100_000,
        "max_page_size": 50,
        "cypher_row_cap": 20,
        "cypher_timeout_seconds": 2.0,
        "api_retry_after_seconds": 3,
    }
    values.update(overrides)
    return base.model_copy(update=values)


@pytest.fixture(scope="module")
def seeded(driver: neo4j.Driver, neo4j_server: Settings) -> neo4j.Driver:
    """The test corpus, written once per module (read-only tests share it)."""
    seed(driver, neo4j_server)
    return driver


@pytest.fixture(scope="module")
def client(seeded: neo4j.Driver, neo4j_server: Settings) -> Iterator[TestClient]:
    """A client over the real app (lifespan run) on the seeded database."""
    with TestClient(create_app(api_settings(neo4j_server))) as test_client:
        yield test_client


@pytest.fixture
def write_client(driver: neo4j.Driver, neo4j_server: Settings) -> Iterator[TestClient]:
    """A client on a freshly seeded database, for tests that write."""
    seed(driver, neo4j_server)
    with TestClient(create_app(api_settings(neo4j_server))) as test_client:
        yield test_client
