"""The storage mappers, without a database: ids, keys and per-edge aggregates."""

from __future__ import annotations

import datetime as dt

import pytest

from graph_service.models import Actor, ActorKind, Modality, RelationType
from graph_service.store import catalog, rows
from graph_service.store.writer import Q
from tests.store.store_helpers import doc, st


def test_statement_ids_are_deterministic_and_partnership_is_unordered() -> None:
    d = doc("a", url="https://news.example/a")
    did = rows.document_id(d)
    one = rows.statement_id(did, st(d, "RUS", "PARTNERSHIP", "PRK", sentence=2))
    other_way = rows.statement_id(did, st(d, "PRK", "PARTNERSHIP", "RUS", sentence=2))
    assert one == other_way
    supplies = rows.statement_id(did, st(d, "PRK", "SUPPLIES", "RUS", sentence=2))
    reverse = rows.statement_id(did, st(d, "RUS", "SUPPLIES", "PRK", sentence=2))
    assert len({one, supplies, reverse}) == 3
    next_sentence = rows.statement_id(did, st(d, "PRK", "SUPPLIES", "RUS", sentence=3))
    assert next_sentence != supplies
    other_doc = rows.statement_id("doc_other", st(d, "PRK", "SUPPLIES", "RUS", sentence=2))
    assert other_doc != supplies


def test_duplicate_statements_in_a_document_collapse_to_the_best_reading() -> None:
    d = doc("a")
    did = rows.document_id(d)
    out = rows.statement_rows(
        d,
        did,
        [
            st(d, "RUS", "PARTNERSHIP", "PRK", confidence=0.5),
            st(d, "PRK", "PARTNERSHIP", "RUS", confidence=0.9),
            st(d, "CHN", "SUPPLIES", "RUS", negated=True, confidence=0.99),
            st(d, "CHN", "SUPPLIES", "RUS", confidence=0.4),
        ],
    )
    assert len(out) == 2
    by_type = {r.type: r for r in out}
    assert by_type[RelationType.PARTNERSHIP].confidence == 0.9
    assert by_type[RelationType.SUPPLIES].negated is False
    assert by_type[RelationType.PARTNERSHIP].param["pair_key"] == "PRK|PARTNERSHIP|RUS"
    assert by_type[RelationType.SUPPLIES].param["pair_key"] == "CHN|SUPPLIES|RUS"


def test_edge_deltas_skip_negated_and_self_loops() -> None:
    d1 = doc("a", date=dt.date(2024, 1, 5))
    d2 = doc("b", date=dt.date(2024, 3, 1))
    statements = [
        *rows.statement_rows(
            d1,
            "d1",
            [
                st(
                    d1,
                    "IRN",
                    "SUPPLIES",
                    "RUS",
                    items=["drones"],
                    modality=Modality.SPECULATIVE,
                    intensity=7.0,
                ),
                # negated: no intensity kept, nothing aggregated
                st(
                    d1,
                    "IRN",
                    "SUPPLIES",
                    "RUS",
                    sentence=1,
                    negated=True,
                    confidence=1.0,
                    intensity=8.3,
                ),
                st(d1, "RUS", "OPPOSES", "RUS", sentence=2),
            ],
        ),
        *rows.statement_rows(
            d2, "d2", [st(d2, "IRN", "SUPPLIES", "RUS", items=["missiles", "drones"])]
        ),
    ]
    deltas = rows.edge_deltas(statements)
    assert deltas[RelationType.OPPOSES] == [] and deltas[RelationType.PARTNERSHIP] == []
    assert deltas[RelationType.SUPPLIES] == [
        {
            "a": "IRN",
            "b": "RUS",
            "statements": 2,
            "documents": 2,
            "weight": 1.6,
            "confidence": 0.8,
            "first_seen": dt.date(2024, 1, 5),
            "last_seen": dt.date(2024, 3, 1),
            "items": ["drones", "missiles"],
            "speculative": False,
            "intensity_statements": 1,  # the d2 statement has none
            "intensity_sum": 7.0,
            "intensity_mean": 7.0,
        }
    ]


def test_actor_rows_carry_lowercased_search_names() -> None:
    actor = Actor(
        id="PRK",
        name="North Korea",
        kind=ActorKind.STATE,
        names_de=["Nordkorea", "Pjöngjang"],
        names_en=["North Korea", "DPRK"],
    )
    row = rows.actor_row(actor)
    assert row["search_names"] == ["prk", "north korea", "nordkorea", "pjöngjang", "dprk"]
    assert rows.leader_row(actor) is None


def test_edge_templates_are_filled_with_each_relation_type() -> None:
    for type_ in RelationType:
        for name in (Q.ADD_EDGES, Q.DELETE_EDGES):
            query = catalog.for_type(name, type_)
            assert f"[r:{type_.value}]->" in query
            assert "{{" not in query
    assert all(q.value.startswith("write/") for q in Q)


def test_templates_take_only_members_of_the_relation_type_enum() -> None:
    with pytest.raises(ValueError):
        catalog.for_type(Q.ADD_EDGES, "KNOWS]->(x) DETACH DELETE x //")  # type: ignore[arg-type]
