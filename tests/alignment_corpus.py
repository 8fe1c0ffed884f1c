"""Documents with known dates and statements for the alignment tests on the real Neo4j
(API and CLI), written with the store's writer. The scenario of tests/unit/test_alignment.py,
half-life H = 30 days (set by the tests):

    s1 2024-01-01 RUS PARTNERSHIP PRK  I=+8 c=1.0
    s2 2024-01-31 PRK OPPOSES     RUS  I=-4 c=0.5  (event date; reported 2024-02-10)
    n1 2024-02-15 PRK SUPPLIES    RUS  negated: counts nowhere
    s3 2024-03-01 PRK SUPPLIES    RUS  I=+6 c=1.0
    u1 2024-01-01 RUS PARTNERSHIP USA  I=+8 c=1.0
    u2 2024-03-01 USA OPPOSES     RUS  I=-9 c=1.0
    c1 2023-12-02 CHN PARTNERSHIP RUS  I=+5 c=1.0
    c2 2024-03-01 CHN PARTNERSHIP RUS  I=+8 c=1.0
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import neo4j

from graph_service.config import Settings
from graph_service.models import DateKind, Document, RelationType, Statement
from tests.api.conftest import ACTORS
from tests.store_sync import apply_schema, delete_everything, upsert_actors, write_documents

PART, SUPP, OPP = RelationType.PARTNERSHIP, RelationType.SUPPLIES, RelationType.OPPOSES

# name: (report date, subject, type, object, intensity, confidence, sentence, extra)
ROWS: dict[str, tuple[dt.date, str, RelationType, str, float | None, float, str, dict[str, Any]]]
ROWS = {
    "s1": (dt.date(2024, 1, 1), "RUS", PART, "PRK", 8.0, 1.0, "Russia and North Korea ally.", {}),
    "s2": (
        dt.date(2024, 2, 10),
        "PRK",
        OPP,
        "RUS",
        -4.0,
        0.5,
        "North Korea protested to Russia on 31 January.",
        {
            "date_kind": DateKind.EVENT,
            "event_date": dt.date(2024, 1, 31),
            "event_date_end": dt.date(2024, 1, 31),
            "date_text": "on 31 January",
        },
    ),
    "n1": (
        dt.date(2024, 2, 15),
        "PRK",
        SUPP,
        "RUS",
        None,
        0.9,
        "North Korea denied sending shells to Russia.",
        {"negated": True},
    ),
    "s3": (
        dt.date(2024, 3, 1),
        "PRK",
        SUPP,
        "RUS",
        6.0,
        1.0,
        "North Korea ships shells to Russia.",
        {},
    ),
    "u1": (dt.date(2024, 1, 1), "RUS", PART, "USA", 8.0, 1.0, "Russia and the US sign a pact.", {}),
    "u2": (dt.date(2024, 3, 1), "USA", OPP, "RUS", -9.0, 1.0, "The US strikes Russian units.", {}),
    "c1": (dt.date(2023, 12, 2), "CHN", PART, "RUS", 5.0, 1.0, "China and Russia draw closer.", {}),
    "c2": (
        dt.date(2024, 3, 1),
        "CHN",
        PART,
        "RUS",
        8.0,
        1.0,
        "China and Russia sign a treaty.",
        {},
    ),
}


def documents() -> list[tuple[Document, list[Statement]]]:
    out = []
    for name, (day, subject, type_, obj, intensity, confidence, sentence, extra) in ROWS.items():
        doc = Document(
            path=f"align/{name}.md",
            title=f"Alignment test {name}",
            url=f"https://example.org/align/{name}",
            date=day,
            lang="en",
            text=sentence,
        )
        statement = Statement(
            path=doc.path,
            subject=subject,
            type=type_,
            object=obj,
            evidence=sentence,
            confidence=confidence,
            sentence_index=0,
            span=(0, len(sentence)),
            rule="test",
            date=day,
            lang="en",
            intensity=intensity,
            **extra,
        )
        out.append((doc, [statement]))
    return out


def seed(settings: Settings) -> None:
    delete_everything(settings)
    apply_schema(settings)
    upsert_actors(settings, ACTORS)
    write_documents(settings, documents())


def statement_ids(driver: neo4j.Driver, settings: Settings) -> dict[str, str]:
    """Test name → stored statement id, looked up by sentence (not computed by the code)."""
    records, _, _ = driver.execute_query(
        "MATCH (s:Statement) RETURN s.evidence AS sentence, s.id AS id",
        database_=settings.neo4j_database,
    )
    by_sentence = {r["sentence"]: r["id"] for r in records}
    return {name: by_sentence[row[6]] for name, row in ROWS.items()}
