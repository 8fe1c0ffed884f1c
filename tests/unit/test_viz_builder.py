"""The page builder on given data: self-contained, offline, and untrusted text kept inert."""

from __future__ import annotations

import base64
import hashlib
import json
import re

import pytest

from graph_service.errors import InputError
from graph_service.models import RelationType
from graph_service.viz.builder import (
    ActorEntry,
    PageLinks,
    build_html,
    build_landing,
    script_json,
    timeline,
    vis_dir,
)
from graph_service.viz.model import (
    Evidence,
    MapEdge,
    MapFilters,
    MapGraph,
    MapNode,
    parse_types,
)
from graph_service.viz.shape import assemble
from graph_service.viz.synthetic import synthetic_map

EVIL = '<img src=x onerror="alert(1)"></script><script>alert(2)</script><!-- & \u2028'


def _evil_graph() -> MapGraph:
    actors = {
        "AAA": MapNode(id="AAA", name=EVIL),
        "BBB": MapNode(id="BBB", name="Bravo"),
    }
    edge = MapEdge(
        source="AAA",
        target="BBB",
        type=RelationType.PARTNERSHIP,
        weight=1.0,
        confidence=0.9,
        statements=1,
        documents=1,
        evidence=[
            Evidence(
                statement_id="s1",
                sentence=EVIL,
                title=EVIL,
                url="javascript:alert(3)",
                source=EVIL,
            )
        ],
    )
    return assemble(actors, [edge], MapFilters())


def _scripts(page: str) -> list[tuple[str, str]]:
    return re.findall(r"<script([^>]*)>(.*?)</script>", page, flags=re.S)


def test_script_json_cannot_close_its_element_and_round_trips() -> None:
    text = script_json({"t": EVIL})
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == {"t": EVIL}


def test_untrusted_text_never_reaches_the_markup() -> None:
    page = build_html(_evil_graph(), title=EVIL)
    assert "<img" not in page
    scripts = _scripts(page)
    # Exactly three script elements: the data block, vis-network, the page script.
    assert len(scripts) == 3
    data_attrs, data = scripts[0]
    assert 'type="application/json"' in data_attrs
    assert json.loads(data)["nodes"][0]["name"] in (EVIL, "Bravo")
    assert page.count("</script>") == 3
    assert "<title>&lt;img src=x" in page


def test_page_is_self_contained_with_vis_network_inlined() -> None:
    page = build_html(synthetic_map(30))
    vis_js = (vis_dir() / "vis-network.min.js").read_text(encoding="utf-8")
    assert vis_js in page and "@version 9.1.2" in page
    assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)=", page, flags=re.I)
    for cdn in ("jsdelivr", "unpkg", "cdnjs", "googleapis", "bootstrapcdn"):
        assert cdn not in page


def test_csp_allows_exactly_the_inline_scripts_and_no_network() -> None:
    page = build_html(synthetic_map(10))
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page)
    assert csp is not None
    policy = csp.group(1).replace("&#x27;", "'")
    assert "default-src 'none'" in policy and "connect-src 'none'" in policy
    hashes = set(re.findall(r"'sha256-([^']+)'", policy))
    executable = [body for attrs, body in _scripts(page) if "application/json" not in attrs]
    digests = {
        base64.b64encode(hashlib.sha256(b.encode("utf-8")).digest()).decode() for b in executable
    }
    assert digests == hashes
    assert "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]


def test_javascript_urls_are_data_the_page_script_refuses() -> None:
    page = build_html(_evil_graph())
    assert 'href="javascript' not in page
    assert 'parsed.protocol === "http:" || parsed.protocol === "https:"' in page


def test_served_page_carries_links_and_file_does_not() -> None:
    graph = synthetic_map(10)
    served = json.loads(_scripts(build_html(graph, links=PageLinks()))[0][1])
    standalone = json.loads(_scripts(build_html(graph))[0][1])
    assert served["meta"]["actor_link_base"] == "/map/"
    assert standalone["meta"]["links"] is None and standalone["meta"]["actor_link_base"] is None
    # The actor and pair pages are API routes: a standalone file does not link to them.
    assert served["meta"]["actor_page_base"] == "/view/actors/"
    assert served["meta"]["pair_page_base"] == "/view/alignment/"
    assert standalone["meta"]["actor_page_base"] is None
    assert standalone["meta"]["pair_page_base"] is None


def test_visual_language_types_arrows_dashes_widths() -> None:
    graph = synthetic_map(60, seed=3)
    data = json.loads(_scripts(build_html(graph))[0][1])
    by_id = {e["id"]: e for e in data["vis"]["edges"]}
    for edge in graph.edges:
        vis = by_id[edge.key]
        assert vis["arrows"] == ("" if edge.type is RelationType.PARTNERSHIP else "to")
        assert vis["dashes"] == (edge.speculative or edge.confidence < 0.5)
        assert vis["value"] == max(edge.evidence_total, 1)
    colours = {by_id[e.key]["color"]["color"] for e in graph.edges}
    assert len(colours) == 3
    assert data["vis"]["options"]["physics"]["stabilization"]["iterations"] <= 400


def test_landing_escapes_actor_names_and_links_everywhere() -> None:
    page = build_landing(
        [ActorEntry(id="X", name=EVIL, kind="group"), ActorEntry(id="RUS", name="Russia")],
        counts={"actors": 2},
        message=EVIL,
    )
    assert "<img" not in page and "<script" not in page
    for href in ('href="/map"', 'href="/docs"', 'href="/queries"'):
        assert href in page


def test_parse_types() -> None:
    assert parse_types(None) == list(RelationType)
    assert parse_types(["supplies,OPPOSES", "supplies"]) == [
        RelationType.SUPPLIES,
        RelationType.OPPOSES,
    ]
    with pytest.raises(InputError):
        parse_types(["friends"])


def _edge_with_months(source: str, target: str, months: dict[str, int]) -> MapEdge:
    return MapEdge(
        source=source,
        target=target,
        type=RelationType.SUPPLIES,
        statements=sum(months.values()),
        months=months,
    )


def test_timeline_holds_every_month_from_first_to_last_across_a_year_end() -> None:
    nodes = {i: MapNode(id=i, name=i) for i in ("AAA", "BBB", "CCC")}
    edges = [
        _edge_with_months("AAA", "BBB", {"2023-11": 2, "2024-02": 1}),
        _edge_with_months("BBB", "CCC", {"2023-12": 1}),
    ]
    graph = assemble(nodes, edges, MapFilters())
    assert timeline(graph) == ["2023-11", "2023-12", "2024-01", "2024-02"]
    data = json.loads(_scripts(build_html(graph))[0][1])
    assert data["meta"]["timeline"] == ["2023-11", "2023-12", "2024-01", "2024-02"]
    assert {e["id"]: e["months"] for e in data["edges"]}["SUPPLIES:AAA:BBB"] == {
        "2023-11": 2,
        "2024-02": 1,
    }


def test_timeline_is_empty_when_nothing_is_dated() -> None:
    nodes = {i: MapNode(id=i, name=i) for i in ("AAA", "BBB")}
    graph = assemble(nodes, [_edge_with_months("AAA", "BBB", {})], MapFilters())
    assert timeline(graph) == []
