"""The map in Debian's headless Chromium: offline, drawn, clickable, filterable, and inert to
the HTML and scripts that news text carries."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import neo4j
import pytest
from typer.testing import CliRunner

from graph_service.cli import app as cli_app
from graph_service.config import Settings
from tests.browser.map_sample import XSS_ACTOR_NAME, XSS_SENTENCE, XSS_TITLE, Offline, open_map

pytestmark = [pytest.mark.browser, pytest.mark.neo4j]

XSS_CHECK = "() => ({xss: window.__xss === undefined ? null : window.__xss})"


def _write_file(tmp_path: Path, *args: str) -> Path:
    out = tmp_path / "map.html"
    result = CliRunner().invoke(cli_app, ["map", *args, "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out


def _coloured_pixels(page: Any) -> int:
    """Non-white pixels on the network's canvas (a blank map has none)."""
    return int(
        page.evaluate(
            """() => {
              const c = document.querySelector('#network canvas');
              const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
              let n = 0;
              for (let i = 0; i < d.length; i += 4) {
                if (d[i + 3] > 0 && (d[i] < 240 || d[i + 1] < 240 || d[i + 2] < 240)) n++;
              }
              return n;
            }"""
        )
    )


def _point_on_edge(page: Any, edge_id: str) -> dict[str, float]:
    """A page point where vis-network finds ``edge_id`` and no node."""
    point = page.evaluate(
        """(id) => {
          const net = window.allianceMap.network;
          const [a, b] = net.getConnectedNodes(id);
          const pos = net.getPositions([a, b]);
          for (const t of [0.5, 0.45, 0.55, 0.4, 0.6, 0.35, 0.65, 0.3, 0.7]) {
            const dom = net.canvasToDOM({x: pos[a].x + t * (pos[b].x - pos[a].x),
                                         y: pos[a].y + t * (pos[b].y - pos[a].y)});
            if (net.getNodeAt(dom) === undefined && net.getEdgeAt(dom) === id) return dom;
          }
          return null;
        }""",
        edge_id,
    )
    assert point is not None, f"edge {edge_id} is not clickable on screen"
    box = page.locator("#network").bounding_box()
    return {"x": box["x"] + point["x"], "y": box["y"] + point["y"]}


def _point_of_node(page: Any, node_id: str) -> dict[str, float]:
    point = page.evaluate(
        """(id) => {
          const net = window.allianceMap.network;
          return net.canvasToDOM(net.getPositions([id])[id]);
        }""",
        node_id,
    )
    box = page.locator("#network").bounding_box()
    return {"x": box["x"] + point["x"], "y": box["y"] + point["y"]}


def _drawn_edges(page: Any) -> list[str]:
    return sorted(page.evaluate("() => window.allianceMap.network.body.data.edges.getIds()"))


def _assert_inert(page: Any, offline: Offline) -> None:
    assert page.evaluate(XSS_CHECK) == {"xss": None}
    assert page.page_errors == []
    assert page.evaluate("() => document.querySelectorAll('img').length") == 0
    assert offline.blocked == []


# --- the standalone file -----------------------------------------------------------------------


def test_standalone_file_draws_offline_and_opens_evidence(
    map_db: neo4j.Driver, chromium: Any, tmp_path: Path
) -> None:
    out = _write_file(tmp_path)
    offline = Offline()  # file:// only; every http(s) request is aborted and recorded
    page = open_map(chromium, out.as_uri(), offline)

    assert offline.requests == [out.as_uri()]
    assert offline.blocked == []
    shot = tmp_path / "map.png"
    page.screenshot(path=str(shot))
    assert shot.stat().st_size > 20_000
    assert _coloured_pixels(page) > 5_000
    positions = page.evaluate("() => window.allianceMap.network.getPositions()")
    assert len(positions) == 9

    page.mouse.click(**_point_on_edge(page, "PARTNERSHIP:IRN:RUS"))
    panel = page.locator("#panel")
    panel.wait_for(state="visible")
    assert panel.get_attribute("data-id") == "PARTNERSHIP:IRN:RUS"
    text = panel.inner_text()
    assert "Russia and Iran sign a cooperation treaty." in text
    assert XSS_SENTENCE.split("\u2028")[0] in text  # shown as text, not markup
    assert XSS_TITLE.split("</title>")[0] in text
    # The javascript: URL did not become a link; real URLs did.
    hrefs = panel.locator("a").evaluate_all("els => els.map(e => e.getAttribute('href'))")
    assert hrefs and all(h.startswith("https://news.example/") for h in hrefs)
    _assert_inert(page, offline)


def test_hover_and_click_on_untrusted_text_run_nothing(
    map_db: neo4j.Driver, chromium: Any, tmp_path: Path
) -> None:
    out = _write_file(tmp_path, "--center", "IRN", "--depth", "1")
    offline = Offline()
    page = open_map(chromium, out.as_uri(), offline)

    page.mouse.move(**_point_of_node(page, "HEZ"))
    tooltip = page.locator("div.vis-tooltip")
    tooltip.wait_for(state="visible", timeout=5000)
    assert XSS_ACTOR_NAME in tooltip.inner_text()
    page.mouse.click(**_point_of_node(page, "HEZ"))
    page.locator("#panel[data-kind=node]").wait_for(state="visible")
    assert XSS_ACTOR_NAME in page.locator("#panel").inner_text()

    page.mouse.move(**_point_on_edge(page, "PARTNERSHIP:IRN:RUS"))
    tooltip.wait_for(state="visible", timeout=5000)
    page.mouse.click(**_point_on_edge(page, "PARTNERSHIP:IRN:RUS"))
    page.locator("#panel[data-kind=edge]").wait_for(state="visible")
    page.wait_for_timeout(300)  # let any injected onerror handler fire
    _assert_inert(page, offline)
    assert "onerror" in page.locator("#panel").inner_text()  # the payload is visible text


def test_filters_and_search_change_what_is_shown(
    map_db: neo4j.Driver, chromium: Any, tmp_path: Path
) -> None:
    page = open_map(chromium, _write_file(tmp_path).as_uri(), Offline())
    everything = _drawn_edges(page)
    assert len(everything) == 14

    page.locator("#type-filters input[value=OPPOSES]").uncheck()
    shown = _drawn_edges(page)
    assert shown and not any(e.startswith("OPPOSES:") for e in shown)
    assert len(shown) == 14 - 3

    page.locator("#reset-filters").click()
    page.locator("#min-conf").fill("0.5")
    assert "SUPPLIES:CHN:RUS" not in _drawn_edges(page)  # speculative, 0.35

    page.locator("#reset-filters").click()
    assert _drawn_edges(page) == everything
    page.locator("#until").fill("2023-12-31")
    page.locator("#until").dispatch_event("change")
    in_2023 = _drawn_edges(page)
    assert "OPPOSES:UKR:RUS" not in in_2023 and "OPPOSES:RUS:UKR" in in_2023
    assert "HEZ" not in page.evaluate("() => window.allianceMap.network.body.data.nodes.getIds()")

    page.locator("#reset-filters").click()
    page.locator("#search").fill("germ")
    page.locator("#search-form button").click()
    page.locator("#panel[data-kind=node]").wait_for(state="visible")
    assert page.evaluate("() => window.allianceMap.network.getSelectedNodes()") == ["DEU"]
    assert "Germany" in page.locator("#panel h3").inner_text()


# --- served by the API ---------------------------------------------------------------------------


def test_served_pages_make_no_foreign_request_and_link_to_actor_maps(
    served: str, chromium: Any, settings: Settings
) -> None:
    offline = Offline(allowed=served)
    landing = open_map(chromium, served + "/", offline, ready=False)
    assert landing.locator("a[href='/map']").count() >= 1
    assert landing.locator("a[href='/docs']").count() == 1
    assert landing.locator("a[href='/queries']").count() == 1
    assert landing.evaluate("() => document.querySelectorAll('img, script').length") == 0
    assert landing.evaluate(XSS_CHECK) == {"xss": None}

    landing.locator("input[name=actor]").fill("germany")
    landing.locator("form button").click()
    landing.wait_for_url(served + "/map/DEU?depth=1")
    landing.wait_for_selector("body[data-state=ready]")
    assert landing.evaluate("() => window.allianceMap.network.getPositions()").keys() == {
        "DEU",
        "UKR",
    }

    page = open_map(chromium, served + "/map", offline)
    assert _coloured_pixels(page) > 5_000
    page.mouse.click(**_point_of_node(page, "RUS"))
    link = page.locator("#own-map-link")
    link.wait_for(state="visible")
    assert link.get_attribute("href") == "/map/RUS"
    link.click()
    page.wait_for_url(served + "/map/RUS")
    page.wait_for_selector("body[data-state=ready]")
    assert "Russia" in page.locator("#map-title").inner_text()
    _assert_inert(page, offline)
    assert offline.blocked == []
    assert all(url.startswith(served + "/") for url in offline.requests)


def test_time_slider_replays_the_map_by_month(
    map_db: neo4j.Driver, chromium: Any, tmp_path: Path
) -> None:
    offline = Offline()
    page = open_map(chromium, _write_file(tmp_path).as_uri(), offline)
    months = page.evaluate("() => window.allianceMap.timeline")
    assert len(months) == 17 and months[0] == "2023-03" and months[-1] == "2024-07"
    slider, label = page.locator("#time-slider"), page.locator("#time-label")
    assert label.inner_text() == "2024-07 (every month)"
    assert len(_drawn_edges(page)) == 14
    laid_out = page.evaluate("() => window.allianceMap.network.getPositions()")

    # Keyboard: Home goes to the first month, the arrows step one month.
    slider.focus()
    page.keyboard.press("Home")
    assert label.inner_text() == "2023-03"
    assert slider.get_attribute("aria-valuetext") == "2023-03"
    assert _drawn_edges(page) == [
        "OPPOSES:RUS:UKR",
        "PARTNERSHIP:CHN:RUS",
        "SUPPLIES:IRN:RUS",
        "SUPPLIES:PRK:RUS",
    ]
    assert "up to 2023-03" in page.locator("#summary").inner_text()
    page.keyboard.press("ArrowRight")
    assert label.inner_text() == "2023-04" and len(_drawn_edges(page)) == 4
    page.keyboard.press("ArrowRight")
    assert label.inner_text() == "2023-05" and len(_drawn_edges(page)) == 8

    # February 2024: the Russia-Iran partnership is there with its treaty, not yet the July
    # statement.
    slider.fill(str(months.index("2024-02")))
    assert label.inner_text() == "2024-02"
    shown = _drawn_edges(page)
    assert len(shown) == 11 and "PARTNERSHIP:IRN:RUS" in shown
    page.evaluate("() => window.allianceMap.showEdge('PARTNERSHIP:IRN:RUS')")
    panel = page.locator("#panel")
    assert "Russia and Iran sign a cooperation treaty." in panel.inner_text()
    assert "signed a pact" not in panel.inner_text()
    assert "1 of them up to 2024-02" in panel.inner_text()
    page.keyboard.press("End")  # the slider still has the focus
    assert len(_drawn_edges(page)) == 14
    # Actors hidden in between come back where the layout put them.
    assert page.evaluate("() => window.allianceMap.network.getPositions()") == laid_out
    assert "signed a pact" in panel.inner_text()  # the open panel follows the slider

    # Play from the start with the keyboard, pause, play on to the end.
    play = page.locator("#time-play")
    page.keyboard.press("Home")
    play.focus()
    page.keyboard.press("Space")
    assert play.get_attribute("aria-pressed") == "true"
    page.wait_for_function("() => Number(document.getElementById('time-slider').value) >= 2")
    page.keyboard.press("Space")
    assert play.get_attribute("aria-pressed") == "false"
    paused_at = label.inner_text()
    page.wait_for_timeout(1000)
    assert label.inner_text() == paused_at
    play.click()
    page.wait_for_function(
        "() => document.getElementById('time-label').textContent.includes('every month')",
        timeout=20_000,
    )
    assert play.get_attribute("aria-pressed") == "false"
    assert len(_drawn_edges(page)) == 14
    _assert_inert(page, offline)


def test_map_panels_link_to_the_actor_and_pair_pages(
    served: str, chromium: Any, settings: Settings
) -> None:
    offline = Offline(allowed=served)
    page = open_map(chromium, served + "/map", offline)
    page.evaluate("() => window.allianceMap.showEdge('PARTNERSHIP:IRN:RUS')")
    link = page.locator("#pair-page-link")
    assert link.get_attribute("href") == "/view/alignment/IRN/RUS"
    page.evaluate("() => window.allianceMap.showNode('RUS')")
    link = page.locator("#actor-page-link")
    assert link.get_attribute("href") == "/view/actors/RUS"
    link.click()
    page.wait_for_url(served + "/view/actors/RUS")
    assert page.locator("#page-title").inner_text() == "Russia"
    assert page.locator("#relations tr[data-counterpart]").count() == 8  # as on the map
    _assert_inert(page, offline)
