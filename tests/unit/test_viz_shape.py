"""Blocs and the node limit, on given edges (no database)."""

from __future__ import annotations

from graph_service.models import RelationType
from graph_service.viz.communities import compute_blocs
from graph_service.viz.model import MapEdge, MapFilters, MapNode
from graph_service.viz.shape import assemble, keep_strongest
from graph_service.viz.synthetic import synthetic_map

P, S, OPP = RelationType.PARTNERSHIP, RelationType.SUPPLIES, RelationType.OPPOSES


def _e(a: str, t: RelationType, b: str, w: float = 1.0) -> MapEdge:
    return MapEdge(source=a, target=b, type=t, weight=w, confidence=0.8, statements=1)


def test_two_camps_make_two_blocs_and_loners_none() -> None:
    edges = [
        _e("A", P, "B", 3),
        _e("B", S, "C", 2),
        _e("A", P, "C", 1),
        _e("X", P, "Y", 3),
        _e("Y", S, "Z", 2),
        _e("A", OPP, "X", 5),
        _e("L", OPP, "A", 1),
    ]
    ids = {n for e in edges for n in (e.source, e.target)}
    blocs, member = compute_blocs(ids, edges, {"A": "Alpha"})
    assert len(blocs) == 2
    assert member["A"] == member["B"] == member["C"]
    assert member["X"] == member["Y"] == member["Z"]
    assert member["A"] != member["X"]
    assert "L" not in member  # only opposes: in no bloc
    assert blocs[member["A"]].label == "B, Alpha +1"  # strongest members first, by name


def test_a_community_whose_members_oppose_each_other_is_split() -> None:
    # One dense positive cluster, but A and D oppose each other strongly.
    edges = [
        _e("A", P, "B", 2),
        _e("B", P, "C", 1),
        _e("C", P, "D", 2),
        _e("A", P, "C", 1),
        _e("D", P, "E", 2),
        _e("A", OPP, "D", 10),
    ]
    ids = {n for e in edges for n in (e.source, e.target)}
    _, member = compute_blocs(ids, edges)
    assert member.get("A") != member.get("D") or "A" not in member
    for pair in (("A", "B"), ("D", "E")):
        assert member[pair[0]] == member[pair[1]]


def test_blocs_are_reproducible() -> None:
    graph = synthetic_map(120, seed=5)
    again = synthetic_map(120, seed=5)
    assert [n.bloc for n in graph.nodes] == [n.bloc for n in again.nodes]


def test_keep_strongest_respects_the_limit_and_the_center() -> None:
    edges = [_e("A", P, "B", 9), _e("C", P, "D", 8), _e("E", P, "F", 1), _e("A", P, "E", 0.5)]
    kept, kept_edges, dropped = keep_strongest(edges, 4)
    assert kept == {"A", "B", "C", "D"} and dropped == {"E", "F"}
    assert [e.target for e in kept_edges] == ["B", "D"]
    kept, kept_edges, _ = keep_strongest(edges, 3, center="E", distance={"E": 0, "A": 1, "F": 1})
    assert "E" in kept and len(kept) <= 3
    assert all("E" in (e.source, e.target) for e in kept_edges)


def test_assemble_reports_what_it_left_out_and_weighs_nodes() -> None:
    actors = {i: MapNode(id=i, name=f"Name {i}") for i in "ABCDEF"}
    edges = [_e("A", P, "B", 9), _e("C", P, "D", 8), _e("E", P, "F", 1)]
    graph = assemble(actors, edges, MapFilters(limit=4))
    assert len(graph.nodes) == 4
    assert graph.omitted.nodes == 2 and graph.omitted.edges == 1
    assert set(graph.omitted.examples) == {"Name E", "Name F"}
    assert graph.node("A") is not None and graph.node("A").weight == 9  # type: ignore[union-attr]


def test_synthetic_maps_have_the_requested_size() -> None:
    graph = synthetic_map(300, seed=2)
    assert 280 <= len(graph.nodes) <= 300
    assert graph.blocs
