"""Loading maps from the real Neo4j (graph_service.viz.maps over the store's read port) over the
hand-made sample."""

from __future__ import annotations

import datetime as dt

import neo4j
import pytest

from graph_service.config import Settings
from graph_service.errors import NotFoundError
from graph_service.models import DateKind, Document, RelationType, Statement
from graph_service.viz.model import MapFilters, MapGraph
from tests.browser.map_sample import XSS_SENTENCE, XSS_TITLE, XSS_URL, find_actor, load_map

pytestmark = pytest.mark.neo4j

P, S, OPP = RelationType.PARTNERSHIP, RelationType.SUPPLIES, RelationType.OPPOSES


def _edges(graph: MapGraph) -> set[tuple[str, str, str]]:
    return {(e.type.value, e.source, e.target) for e in graph.edges}


def test_whole_map_has_every_aggregated_edge_once(map_db: neo4j.Driver, settings: Settings) -> None:
    graph = load_map(settings, MapFilters())
    edges = _edges(graph)
    # PARTNERSHIP is stored once per unordered pair, lower id first.
    assert ("PARTNERSHIP", "IRN", "RUS") in edges
    assert ("PARTNERSHIP", "RUS", "IRN") not in edges
    assert ("SUPPLIES", "IRN", "RUS") in edges
    assert ("OPPOSES", "RUS", "UKR") in edges and ("OPPOSES", "UKR", "RUS") in edges
    assert len(edges) == len(graph.edges) == 14
    assert {n.id for n in graph.nodes} == {
        "RUS", "IRN", "CHN", "PRK", "USA", "UKR", "DEU", "GBR", "HEZ"
    }  # fmt: skip
    assert graph.omitted.nodes == 0 and graph.omitted.edges == 0


def test_partnership_evidence_comes_from_both_directions_with_documents(
    map_db: neo4j.Driver, settings: Settings
) -> None:
    graph = load_map(settings, MapFilters())
    edge = next(e for e in graph.edges if (e.type, e.source, e.target) == (P, "IRN", "RUS"))
    assert edge.statements == 2 and edge.evidence_total == 2
    sentences = [ev.sentence for ev in edge.evidence]
    assert XSS_SENTENCE in sentences  # IRN -> RUS
    assert "Russia and Iran sign a cooperation treaty." in sentences  # RUS -> IRN
    xss = next(ev for ev in edge.evidence if ev.sentence == XSS_SENTENCE)
    assert xss.title == XSS_TITLE and xss.url == XSS_URL and xss.date == dt.date(2024, 7, 7)
    # Best first: the treaty (0.8) comes after the 0.9 statement.
    assert sentences[0] == XSS_SENTENCE


def test_blocs_separate_the_camps(map_db: neo4j.Driver, settings: Settings) -> None:
    graph = load_map(settings, MapFilters())
    bloc = {n.id: n.bloc for n in graph.nodes}
    assert bloc["RUS"] is not None and bloc["UKR"] is not None
    assert bloc["RUS"] == bloc["IRN"] == bloc["PRK"]
    assert bloc["UKR"] == bloc["DEU"]
    assert bloc["RUS"] != bloc["UKR"]


def test_filters_types_period_and_confidence(map_db: neo4j.Driver, settings: Settings) -> None:
    only_opposes = load_map(settings, MapFilters(types=[OPP]))
    assert {e.type for e in only_opposes.edges} == {OPP}
    in_2023 = load_map(settings, MapFilters(until=dt.date(2023, 12, 31)))
    assert ("OPPOSES", "UKR", "RUS") not in _edges(in_2023)  # first seen 2024
    assert ("OPPOSES", "RUS", "UKR") in _edges(in_2023)
    since_2024 = load_map(settings, MapFilters(since=dt.date(2024, 1, 1)))
    assert ("SUPPLIES", "IRN", "RUS") not in _edges(since_2024)
    partnership = next(e for e in since_2024.edges if (e.source, e.target) == ("IRN", "RUS"))
    assert all(ev.date and ev.date >= dt.date(2024, 1, 1) for ev in partnership.evidence)
    confident = load_map(settings, MapFilters(min_confidence=0.5))
    assert ("SUPPLIES", "CHN", "RUS") not in _edges(confident)  # speculative, 0.35
    assert ("SUPPLIES", "CHN", "RUS") in _edges(load_map(settings, MapFilters()))


def test_limit_keeps_the_strongest_and_says_what_it_left_out(
    map_db: neo4j.Driver, settings: Settings
) -> None:
    graph = load_map(settings, MapFilters(limit=4))
    assert len(graph.nodes) <= 4
    assert graph.omitted.nodes == 9 - len(graph.nodes)
    assert graph.omitted.edges == 14 - len(graph.edges)
    assert graph.omitted.examples


def test_neighbourhood_depth_one_and_two(map_db: neo4j.Driver, settings: Settings) -> None:
    one = load_map(settings, MapFilters(), center="DEU", depth=1)
    assert one.center == "DEU"
    assert {n.id for n in one.nodes} == {"DEU", "UKR"}
    two = load_map(settings, MapFilters(), center="DEU", depth=2)
    assert {"USA", "GBR", "RUS"} <= {n.id for n in two.nodes}
    assert "IRN" not in {n.id for n in two.nodes}  # three steps away


def test_unknown_actor_is_not_found(map_db: neo4j.Driver, settings: Settings) -> None:
    with pytest.raises(NotFoundError):
        load_map(settings, MapFilters(), center="NOPE")


def test_find_actor_by_id_name_or_part(map_db: neo4j.Driver, settings: Settings) -> None:
    assert (found := find_actor(settings, "rus")) and found.id == "RUS"
    assert (found := find_actor(settings, "Germany")) and found.id == "DEU"
    assert (found := find_actor(settings, "north kor")) and found.id == "PRK"
    assert find_actor(settings, "Atlantis") is None


def test_edges_count_their_statements_by_month_of_their_time(
    map_db: neo4j.Driver, settings: Settings
) -> None:
    # A report of September 2024 about an event of March 2022: counted in March 2022.
    from tests.store_sync import write_documents

    later = Document(
        path="/corpus/look-back.md",
        text="Text of look-back.",
        title="Look back",
        date=dt.date(2024, 9, 1),
        url="https://news.example/look-back",
        lang="en",
    )
    statement = Statement(
        path=later.path,
        subject="UKR",
        type=P,
        object="DEU",
        evidence="In March 2022 Germany and Ukraine agreed to cooperate.",
        confidence=0.8,
        rule="test:hand-made",
        date=later.date,
        date_kind=DateKind.EVENT,
        event_date=dt.date(2022, 3, 1),
        event_date_end=dt.date(2022, 3, 31),
        date_text="In March 2022",
    )
    write_documents(settings, [(later, [statement])])
    months = {e.key: e.months for e in load_map(settings, MapFilters()).edges}
    assert months["PARTNERSHIP:DEU:UKR"] == {"2022-03": 1, "2024-06": 1}
    assert months["PARTNERSHIP:IRN:RUS"] == {"2024-02": 1, "2024-07": 1}
    assert months["SUPPLIES:IRN:RUS"] == {"2023-03": 1}
    # The period's statements only.
    since = load_map(settings, MapFilters(since=dt.date(2024, 7, 1)))
    assert {e.key: e.months for e in since.edges}["PARTNERSHIP:IRN:RUS"] == {"2024-07": 1}
