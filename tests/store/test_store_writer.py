"""write_documents against the real Neo4j: graph contract, idempotence, replacement,
negation, provenance, atomic batches."""

from __future__ import annotations

import datetime as dt

import neo4j
import pytest

from graph_service.config import Settings
from graph_service.models import Actor, ActorKind, DateKind, Modality, QuadClass, RelationType
from graph_service.store import catalog, writer
from graph_service.store.writer import WriteStatus, document_id
from tests.store.store_helpers import comparable, doc, edges, edges_from_scratch, q, snapshot, st
from tests.store_sync import upsert_actors, write_documents

pytestmark = pytest.mark.neo4j


def _corpus() -> list:  # type: ignore[type-arg]
    a = doc("pact", url="https://news.example/pact", date=dt.date(2024, 6, 19))
    b = doc("shells", url="https://news.example/shells", date=dt.date(2024, 9, 2), lang="en")
    c = doc("no-url", "Kein Link, nur Text.", date=None)
    return [
        (
            a,
            [
                st(
                    a,
                    "RUS",
                    "PARTNERSHIP",
                    "PRK",
                    sentence=0,
                    confidence=0.9,
                    subtype="treaty",
                    date_kind=DateKind.EVENT,
                    event_date=dt.date(2024, 6, 1),
                    event_date_end=dt.date(2024, 6, 30),
                    date_text="im Juni",
                    intensity=8.0,
                    quad_class=QuadClass.VERBAL_COOPERATION,
                ),
                st(a, "PRK", "SUPPLIES", "RUS", sentence=1, items=["missiles"]),
                st(a, "RUS", "OPPOSES", "UKR", sentence=2, confidence=0.7),
            ],
        ),
        (
            b,
            [
                # Same pact, told the other way round: same PARTNERSHIP edge.
                st(b, "PRK", "PARTNERSHIP", "RUS", sentence=0, confidence=0.6),
                st(b, "PRK", "SUPPLIES", "RUS", sentence=3, items=["artillery shells", "missiles"]),
                st(b, "IRN", "SUPPLIES", "RUS", sentence=4, negated=True, items=["drones"]),
            ],
        ),
        (c, [st(c, "RUS", "SUPPLIES", "ZZ_UNKNOWN_MILITIA", sentence=0, confidence=0.5)]),
    ]


def test_graph_contract(clean_db: neo4j.Driver, settings: Settings) -> None:
    items = _corpus()
    results = write_documents(settings, items)
    assert [r.status for r in results] == [WriteStatus.NEW] * 3
    assert [r.statements for r in results] == [3, 3, 1]
    assert [r.document_id for r in results] == [document_id(d) for d, _ in items]

    docs = q(clean_db, settings, "MATCH (d:Document) RETURN d ORDER BY d.date")
    assert len(docs) == 3
    pact = q(
        clean_db,
        settings,
        "MATCH (d:Document {url: 'https://news.example/pact'}) RETURN d.title AS title, "
        "d.date AS date, d.lang AS lang, d.source AS source, d.path AS path, "
        "d.text_hash AS h, d.ingested_at AS at, d.id AS id",
    )[0]
    assert pact["title"] == "pact" and pact["date"].to_native() == dt.date(2024, 6, 19)
    assert pact["lang"] == "de" and pact["source"] == "Test Press"
    assert pact["path"] == "/corpus/pact.md" and len(pact["h"]) == 64
    assert isinstance(pact["at"], neo4j.time.DateTime)
    assert pact["id"] == document_id(items[0][0])

    stmt = q(
        clean_db,
        settings,
        "MATCH (x:Actor)<-[:SUBJECT]-(s:Statement {type: 'SUPPLIES'})-[:OBJECT]->(y:Actor), "
        "(s)-[:IN]->(d:Document {url: 'https://news.example/pact'}) RETURN s, x.id AS x, y.id AS y",
    )
    assert len(stmt) == 1
    s = stmt[0]["s"]
    assert (stmt[0]["x"], stmt[0]["y"]) == ("PRK", "RUS")
    assert s["items"] == ["missiles"] and s["negated"] is False and s["modality"] == "asserted"
    assert s["rule"] == "test" and s["sentence_index"] == 1
    assert (s["span_start"], s["span_end"]) == (10, 19)
    assert s["date"].to_native() == dt.date(2024, 6, 19) and s["confidence"] == 0.8
    assert s["evidence"].startswith("Sentence 1 of pact")

    e = edges(clean_db, settings)
    assert set(e) == {
        ("PRK", "PARTNERSHIP", "RUS"),  # once per unordered pair, lower id first
        ("PRK", "SUPPLIES", "RUS"),
        ("RUS", "OPPOSES", "UKR"),
        ("RUS", "SUPPLIES", "ZZ_UNKNOWN_MILITIA"),
    }  # the negated IRN -> RUS statement makes no edge
    assert e[("PRK", "PARTNERSHIP", "RUS")] == {
        "statements": 2,
        "documents": 2,
        "weight": 1.5,
        "confidence": 0.9,
        # the treaty's event date ("im Juni": 2024-06-01), not its report date (06-19)
        "first_seen": dt.date(2024, 6, 1),
        "last_seen": dt.date(2024, 9, 2),
        "items": [],
        "speculative": False,
        "intensity_statements": 1,  # only the treaty of "pact" has an intensity
        "intensity_sum": 8.0,
        "intensity_mean": 8.0,
    }
    supplies = e[("PRK", "SUPPLIES", "RUS")]
    assert supplies["statements"] == 2 and supplies["documents"] == 2
    assert sorted(supplies["items"]) == ["artillery shells", "missiles"]
    no_date = e[("RUS", "SUPPLIES", "ZZ_UNKNOWN_MILITIA")]
    assert "first_seen" not in no_date and "last_seen" not in no_date  # null: absent

    unknown = q(clean_db, settings, "MATCH (a:Actor {id: 'ZZ_UNKNOWN_MILITIA'}) RETURN a")[0]["a"]
    assert unknown["name"] == "ZZ_UNKNOWN_MILITIA" and unknown["kind"] == "organization"
    assert unknown["search_names"] == ["zz_unknown_militia"]
    assert comparable(e) == edges_from_scratch(clean_db, settings)


def test_document_id_is_stable() -> None:
    a = doc("a", "Same text.", url=" HTTPS://News.Example/x#top")
    b = doc("b", "Other text.", url="https://news.example/x")
    assert document_id(a) == document_id(b)  # same URL: same document
    c = doc("c", "Same text.")
    d = doc("d", "Same text.", title="another title")
    assert document_id(c) == document_id(d) != document_id(a)  # no URL: by content
    assert document_id(doc("e", "Different.")) != document_id(c)
    # the source's own id, when there is no URL: same id, same document
    f = doc("f", "Same text.").model_copy(update={"id": "wire-1"})
    g = doc("g", "Changed text.").model_copy(update={"id": "wire-1"})
    assert document_id(f) == document_id(g) != document_id(c)


def test_reingest_changes_nothing(clean_db: neo4j.Driver, settings: Settings) -> None:
    items = _corpus()
    write_documents(settings, items)
    before = snapshot(clean_db, settings)
    again = write_documents(settings, _corpus())
    assert [r.status for r in again] == [WriteStatus.UNCHANGED] * 3
    assert [r.statements for r in again] == [3, 3, 1]
    after = snapshot(clean_db, settings)
    assert (after["nodes"], after["rels"], after["props"]) == (
        before["nodes"],
        before["rels"],
        before["props"],
    )
    assert after == before


def test_same_document_twice_in_one_call(clean_db: neo4j.Driver, settings: Settings) -> None:
    d = doc("twice", url="https://news.example/twice")
    items = [(d, [st(d, "RUS", "OPPOSES", "UKR")]), (d, [st(d, "RUS", "OPPOSES", "UKR")])]
    results = write_documents(settings, items)
    assert [r.status for r in results] == [WriteStatus.NEW, WriteStatus.UNCHANGED]
    assert edges(clean_db, settings)[("RUS", "OPPOSES", "UKR")]["statements"] == 1


def test_replaced_document_replaces_statements_and_recomputes_edges(
    clean_db: neo4j.Driver, settings: Settings
) -> None:
    write_documents(settings, _corpus())
    old = edges(clean_db, settings)
    assert old[("RUS", "OPPOSES", "UKR")]["statements"] == 1

    # The pact article was updated: now about a denial and an arms delivery.
    a = doc(
        "pact",
        "Updated text of the pact article.",
        url="https://news.example/pact",
        date=dt.date(2024, 6, 20),
    )
    new_statements = [
        st(a, "RUS", "PARTNERSHIP", "PRK", sentence=0, confidence=0.5),
        st(a, "RUS", "SUPPLIES", "PRK", sentence=5, items=["fighter jets"], confidence=0.4),
        st(a, "RUS", "OPPOSES", "UKR", sentence=6, negated=True),
    ]
    results = write_documents(settings, [(a, new_statements)])
    assert results[0].status is WriteStatus.REPLACED and results[0].statements == 3

    stored = q(
        clean_db,
        settings,
        "MATCH (s:Statement)-[:IN]->(d:Document {url: 'https://news.example/pact'}) "
        "RETURN s.sentence_index AS i ORDER BY i",
    )
    assert [r["i"] for r in stored] == [0, 5, 6]
    assert q(clean_db, settings, "MATCH (d:Document) RETURN count(d) AS n")[0]["n"] == 3
    title = q(clean_db, settings, "MATCH (d:Document {url: 'https://news.example/pact'}) RETURN d")
    assert title[0]["d"]["date"].to_native() == dt.date(2024, 6, 20)

    e = edges(clean_db, settings)
    # The only OPPOSES statement is now negated: the edge is gone.
    assert ("RUS", "OPPOSES", "UKR") not in e
    # PRK -> RUS supplies keeps only the other document's statement.
    assert e[("PRK", "SUPPLIES", "RUS")]["statements"] == 1
    assert e[("PRK", "SUPPLIES", "RUS")]["items"] == ["artillery shells", "missiles"]
    assert e[("RUS", "SUPPLIES", "PRK")]["items"] == ["fighter jets"]
    part = e[("PRK", "PARTNERSHIP", "RUS")]
    assert (part["statements"], part["confidence"], part["weight"]) == (2, 0.6, 1.1)
    assert part["first_seen"] == dt.date(2024, 6, 20)
    assert comparable(e) == edges_from_scratch(clean_db, settings)
    orphans = q(clean_db, settings, "MATCH (s:Statement) WHERE NOT (s)-[:IN]->() RETURN s")
    assert orphans == []


def test_negated_statements_are_stored_but_never_counted(
    clean_db: neo4j.Driver, settings: Settings
) -> None:
    d1 = doc("denial", url="https://news.example/denial")
    d2 = doc("claim", url="https://news.example/claim")
    write_documents(
        settings,
        [
            (d1, [st(d1, "CHN", "SUPPLIES", "RUS", negated=True, confidence=0.9)]),
            (
                d2,
                [
                    st(d2, "CHN", "SUPPLIES", "RUS", sentence=0, confidence=0.4),
                    st(d2, "CHN", "SUPPLIES", "RUS", sentence=1, negated=True, confidence=0.95),
                ],
            ),
        ],
    )
    counts = q(
        clean_db,
        settings,
        "MATCH (s:Statement) RETURN s.negated AS negated, count(*) AS n ORDER BY negated",
    )
    assert [(r["negated"], r["n"]) for r in counts] == [(False, 1), (True, 2)]
    e = edges(clean_db, settings)[("CHN", "SUPPLIES", "RUS")]
    assert (e["statements"], e["documents"], e["weight"], e["confidence"]) == (1, 1, 0.4, 0.4)

    # A pair with only negated statements has no edge at all.
    d3 = doc("only-denial", url="https://news.example/only-denial")
    write_documents(settings, [(d3, [st(d3, "IND", "SUPPLIES", "RUS", negated=True)])])
    assert ("IND", "SUPPLIES", "RUS") not in edges(clean_db, settings)


def test_speculative_edge(clean_db: neo4j.Driver, settings: Settings) -> None:
    d1 = doc("maybe", url="https://news.example/maybe")
    d2 = doc("sure", url="https://news.example/sure")
    write_documents(
        settings,
        [(d1, [st(d1, "IRN", "SUPPLIES", "RUS", modality=Modality.SPECULATIVE)])],
    )
    assert edges(clean_db, settings)[("IRN", "SUPPLIES", "RUS")]["speculative"] is True
    write_documents(settings, [(d2, [st(d2, "IRN", "SUPPLIES", "RUS")])])
    assert edges(clean_db, settings)[("IRN", "SUPPLIES", "RUS")]["speculative"] is False


def test_provenance_from_edge_to_every_sentence_and_document(
    clean_db: neo4j.Driver, settings: Settings
) -> None:
    items = _corpus()
    write_documents(settings, items)
    rows = q(
        clean_db,
        settings,
        """
        MATCH (a:Actor {id: 'PRK'})-[r:SUPPLIES]->(b:Actor {id: 'RUS'})
        MATCH (a)<-[:SUBJECT]-(s:Statement {type: 'SUPPLIES'})-[:OBJECT]->(b)
        WHERE NOT s.negated
        MATCH (s)-[:IN]->(d:Document)
        RETURN r.statements AS n, s.evidence AS evidence, d.url AS url
        ORDER BY url
        """,
    )
    expected = [
        (stmt.evidence, d.url)
        for d, stmts in items
        for stmt in stmts
        if (stmt.subject, stmt.type, stmt.object) == ("PRK", "SUPPLIES", "RUS")
    ]
    assert len(rows) == rows[0]["n"] == len(expected) == 2
    assert sorted((r["evidence"], r["url"]) for r in rows) == sorted(expected)

    # The same through the indexed pair key, and for the symmetric edge in both directions.
    part = q(
        clean_db,
        settings,
        "MATCH (:Actor {id: 'PRK'})-[r:PARTNERSHIP]-(:Actor {id: 'RUS'}) "
        "MATCH (s:Statement {pair_key: 'PRK|PARTNERSHIP|RUS'})-[:IN]->(d) "
        "RETURN r.documents AS docs, collect(DISTINCT d.id) AS ids",
    )
    assert len(part[0]["ids"]) == part[0]["docs"] == 2


def test_a_failed_batch_writes_nothing_and_a_rerun_completes(
    clean_db: neo4j.Driver, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    items = _corpus()
    real_steps = writer._write_steps

    def crash_after_statements(batch, force=False):  # type: ignore[no-untyped-def]
        steps = real_steps(batch, force)
        records = None
        while True:
            query, params = steps.send(records) if records is not None else next(steps)
            if query in {catalog.for_type(writer.Q.ADD_EDGES, t) for t in RelationType}:
                raise RuntimeError("killed mid-batch")
            records = yield query, params

    monkeypatch.setattr(writer, "_write_steps", crash_after_statements)
    with pytest.raises(RuntimeError, match="killed mid-batch"):
        write_documents(settings, items)
    assert snapshot(clean_db, settings)["nodes"] == 0

    monkeypatch.undo()
    results = write_documents(settings, items)
    assert [r.status for r in results] == [WriteStatus.NEW] * 3
    assert comparable(edges(clean_db, settings)) == edges_from_scratch(clean_db, settings)


def test_small_batches_give_the_same_graph(clean_db: neo4j.Driver, settings: Settings) -> None:
    write_documents(settings, _corpus())
    whole = snapshot(clean_db, settings)
    clean_db.execute_query("MATCH (n) DETACH DELETE n", database_=settings.neo4j_database)
    one_by_one = settings.model_copy(update={"ingest_batch_size": 1})
    write_documents(one_by_one, _corpus())
    small = snapshot(clean_db, settings)
    assert (small["nodes"], small["rels"], small["props"]) == (
        whole["nodes"],
        whole["rels"],
        whole["props"],
    )
    assert small["rel_set"] == whole["rel_set"]


def test_upsert_actors_with_leaders(clean_db: neo4j.Driver, settings: Settings) -> None:
    actors = [
        Actor(
            id="RUS",
            name="Russia",
            kind=ActorKind.STATE,
            names_de=["Russland"],
            names_en=["Russia", "Russian Federation"],
        ),
        Actor(
            id="VLADIMIR_PUTIN",
            name="Vladimir Putin",
            kind=ActorKind.PERSON,
            aliases=["Wladimir Putin", "Putin"],
            state="RUS",
            role="head of state",
        ),
    ]
    assert upsert_actors(settings, actors) == 2
    first = snapshot(clean_db, settings)
    assert upsert_actors(settings, actors) == 2
    assert snapshot(clean_db, settings) == first

    rus = q(clean_db, settings, "MATCH (a:Actor {id: 'RUS'}) RETURN a")[0]["a"]
    assert rus["search_names"] == ["rus", "russia", "russland", "russian federation"]
    leads = q(
        clean_db,
        settings,
        "MATCH (p:Actor:Person)-[l:LEADS]->(s:Actor) RETURN p.id AS p, s.id AS s, l.role AS role",
    )
    assert leads == [{"p": "VLADIMIR_PUTIN", "s": "RUS", "role": "head of state"}]

    # A statement about a catalog actor keeps the catalog's name and kind.
    d = doc("x", url="https://news.example/x")
    write_documents(settings, [(d, [st(d, "RUS", "OPPOSES", "UKR")])])
    rus = q(clean_db, settings, "MATCH (a:Actor {id: 'RUS'}) RETURN a")[0]["a"]
    assert (rus["name"], rus["kind"]) == ("Russia", "state")


def test_force_replaces_unchanged_documents(clean_db: neo4j.Driver, settings: Settings) -> None:
    d = doc("same", url="https://news.example/same")
    write_documents(settings, [(d, [st(d, "RUS", "OPPOSES", "UKR")])])
    # An improved extractor finds something else in the very same text.
    better = [(d, [st(d, "RUS", "SUPPLIES", "PRK", sentence=1)])]
    assert write_documents(settings, better)[0].status is WriteStatus.UNCHANGED
    assert set(edges(clean_db, settings)) == {("RUS", "OPPOSES", "UKR")}
    forced = write_documents(settings, better, force=True)
    assert forced[0].status is WriteStatus.REPLACED
    assert set(edges(clean_db, settings)) == {("RUS", "SUPPLIES", "PRK")}
    assert comparable(edges(clean_db, settings)) == edges_from_scratch(clean_db, settings)


def _relationships_per_statement(drv: neo4j.Driver, settings: Settings) -> list[int]:
    rows = q(drv, settings, "MATCH (s:Statement) RETURN COUNT { (s)-->() } AS n ORDER BY s.id")
    return [r["n"] for r in rows]


def test_forced_rewrite_of_the_same_statements_creates_no_extra_relationships(
    clean_db: neo4j.Driver, settings: Settings
) -> None:
    # Statement relationships are CREATEd: the writer must have removed the old statements
    # of a replaced document first, or they would be doubled.
    items = _corpus()
    write_documents(settings, items)
    first = snapshot(clean_db, settings)
    assert _relationships_per_statement(clean_db, settings) == [3] * 7
    again = write_documents(settings, items, force=True)
    assert [r.status for r in again] == [WriteStatus.REPLACED] * 3
    assert _relationships_per_statement(clean_db, settings) == [3] * 7
    after = snapshot(clean_db, settings)
    assert (after["nodes"], after["rels"], after["props"]) == (
        first["nodes"],
        first["rels"],
        first["props"],
    )
    assert comparable(edges(clean_db, settings)) == edges_from_scratch(clean_db, settings)


def test_document_held_without_content_but_with_statements_is_replaced(
    clean_db: neo4j.Driver, settings: Settings
) -> None:
    # Not something the writer leaves behind (a batch is atomic), but data loaded by other
    # means: its statements are replaced, not written a second time.
    items = _corpus()
    write_documents(settings, items[:1])
    did = document_id(items[0][0])
    q(clean_db, settings, "MATCH (d:Document {id: $id}) REMOVE d.text_hash", id=did)
    results = write_documents(settings, items[:1])
    assert results[0].status is WriteStatus.REPLACED and results[0].statements == 3
    assert _relationships_per_statement(clean_db, settings) == [3] * 3
    assert comparable(edges(clean_db, settings)) == edges_from_scratch(clean_db, settings)


def test_event_date_and_intensity_round_trip(clean_db: neo4j.Driver, settings: Settings) -> None:
    d = doc("since", url="https://news.example/since", date=dt.date(2024, 10, 1))
    dated = st(
        d,
        "PRK",
        "SUPPLIES",
        "RUS",
        sentence=0,
        subtype="arms",
        date_kind=DateKind.PERIOD_START,
        event_date=dt.date(2023, 9, 1),
        date_text="seit September 2023",
        intensity=8.3,
        quad_class=QuadClass.MATERIAL_COOPERATION,
    )
    reported = st(d, "RUS", "OPPOSES", "UKR", sentence=1, date_kind=DateKind.REPORTED)
    # an extractor that forgot the rule: the store still keeps no strength for a negation
    negated = st(d, "CHN", "SUPPLIES", "RUS", sentence=2, negated=True, intensity=7.0, quad_class=2)
    write_documents(settings, [(d, [dated, reported, negated])])
    rows = q(
        clean_db,
        settings,
        "MATCH (s:Statement) RETURN s.sentence_index AS i, s.date AS date, "
        "s.date_kind AS kind, s.event_date AS first, s.event_date_end AS last, "
        "s.date_text AS text, s.intensity AS intensity, s.quad_class AS quad ORDER BY i",
    )
    got = [{k: v.to_native() if hasattr(v, "to_native") else v for k, v in r.items()} for r in rows]
    report = dt.date(2024, 10, 1)
    assert got == [
        {
            "i": 0,
            "date": report,
            "kind": "period_start",
            "first": dt.date(2023, 9, 1),
            "last": None,
            "text": "seit September 2023",
            "intensity": 8.3,
            "quad": 2,
        },
        {
            "i": 1,
            "date": report,
            "kind": "reported",
            "first": None,
            "last": None,
            "text": None,
            "intensity": None,
            "quad": None,
        },
        {
            "i": 2,
            "date": report,
            "kind": None,
            "first": None,
            "last": None,
            "text": None,
            "intensity": None,
            "quad": None,
        },
    ]
    before = snapshot(clean_db, settings)
    again = write_documents(settings, [(d, [dated, reported, negated])])
    assert [r.status for r in again] == [WriteStatus.UNCHANGED]
    assert snapshot(clean_db, settings) == before


def test_edges_aggregate_intensity(clean_db: neo4j.Driver, settings: Settings) -> None:
    one = doc("one", url="https://news.example/one", date=dt.date(2024, 1, 5))
    two = doc("two", url="https://news.example/two", date=dt.date(2024, 2, 5))
    three = doc("three", url="https://news.example/three", date=dt.date(2024, 3, 5))
    items = [
        (one, [st(one, "PRK", "SUPPLIES", "RUS", intensity=8.3, quad_class=2)]),
        (
            two,
            [
                st(two, "PRK", "SUPPLIES", "RUS", sentence=0, intensity=7.0, quad_class=2),
                # negated: stored, but neither counted nor summed
                st(two, "PRK", "SUPPLIES", "RUS", sentence=1, negated=True),
                st(two, "RUS", "OPPOSES", "UKR", sentence=2, intensity=-10.0, quad_class=4),
                st(two, "RUS", "OPPOSES", "UKR", sentence=3, intensity=-9.0, quad_class=4),
            ],
        ),
        # a statement without an intensity counts as a statement, not in the mean
        (three, [st(three, "PRK", "SUPPLIES", "RUS")]),
    ]
    write_documents(settings, items)
    e = edges(clean_db, settings)
    supplies, opposes = e[("PRK", "SUPPLIES", "RUS")], e[("RUS", "OPPOSES", "UKR")]
    assert supplies["statements"] == 3
    # 8.3 + 7.0 = 15.3 over 2 statements with an intensity: mean 7.65
    assert (
        supplies["intensity_statements"],
        supplies["intensity_sum"],
        supplies["intensity_mean"],
    ) == (2, 15.3, 7.65)
    # -10 + -9 = -19 over 2: mean -9.5
    assert (
        opposes["intensity_statements"],
        opposes["intensity_sum"],
        opposes["intensity_mean"],
    ) == (2, -19.0, -9.5)
    assert comparable(e) == edges_from_scratch(clean_db, settings)

    # "two" replaced: its edges are recomputed from the stored statements
    two_b = doc("two", "Changed text.", url="https://news.example/two", date=dt.date(2024, 2, 6))
    write_documents(settings, [(two_b, [st(two_b, "PRK", "SUPPLIES", "RUS", intensity=8.3)])])
    e = edges(clean_db, settings)
    assert ("RUS", "OPPOSES", "UKR") not in e
    supplies = e[("PRK", "SUPPLIES", "RUS")]
    # 8.3 + 8.3 = 16.6 over 2: mean 8.3
    assert (
        supplies["intensity_statements"],
        supplies["intensity_sum"],
        supplies["intensity_mean"],
    ) == (2, 16.6, 8.3)
    assert comparable(e) == edges_from_scratch(clean_db, settings)

    # an edge whose statements have no intensity: count 0, sum 0, no mean
    four = doc("four", url="https://news.example/four")
    write_documents(settings, [(four, [st(four, "IRN", "SUPPLIES", "RUS")])])
    plain = edges(clean_db, settings)[("IRN", "SUPPLIES", "RUS")]
    assert (plain["intensity_statements"], plain["intensity_sum"]) == (0, 0.0)
    assert "intensity_mean" not in plain  # null: absent


def test_delete_everything_works_in_bounded_batches(
    clean_db: neo4j.Driver, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a hub with many relationships and more nodes than one batch: the reset repeats
    # bounded transactions (one transaction over a 270,000-node graph exceeded
    # db.memory.transaction.max) until nothing is left
    from graph_service.store import schema as store_schema
    from tests.store_sync import delete_everything

    q(
        clean_db,
        settings,
        "CREATE (hub:Hub) WITH hub UNWIND range(1, 40) AS i CREATE (hub)-[:R]->(:Leaf {i: i})",
    )
    before = q(clean_db, settings, "MATCH (n) RETURN count(n) AS nodes")
    assert before == [{"nodes": 41}]
    monkeypatch.setattr(store_schema, "_DELETE_BATCH", 7)
    delete_everything(settings)
    assert q(clean_db, settings, "MATCH (n) RETURN count(n) AS nodes") == [{"nodes": 0}]
    assert q(clean_db, settings, "MATCH ()-[r]->() RETURN count(r) AS rels") == [{"rels": 0}]
