"""The actor and pair pages in Debian's headless Chromium: served by the API, offline, the
chart drawn with its points, a period's sentences one click (or Enter) away, and inert to
the HTML and scripts in news text and actor names."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.map_sample import XSS_ACTOR_NAME, XSS_SENTENCE, Offline, open_map
from tests.browser.pages_sample import UNTIL

pytestmark = [pytest.mark.browser, pytest.mark.neo4j]

XSS_CHECK = "() => window.__xss === undefined ? null : window.__xss"


def _open(chromium: Any, url: str, offline: Offline) -> Any:
    page = open_map(chromium, url, offline, ready=False)
    page.wait_for_load_state("load")
    return page


def _visible_periods(page: Any) -> list[str]:
    return list(
        page.evaluate(
            """() => [...document.querySelectorAll('section.period')]
                 .filter(s => s.getBoundingClientRect().height > 0)
                 .map(s => s.dataset.period)"""
        )
    )


def _assert_inert(page: Any, offline: Offline) -> None:
    assert page.evaluate(XSS_CHECK) is None
    assert page.page_errors == []
    assert page.evaluate("() => document.querySelectorAll('img, script').length") == 0
    assert offline.blocked == []


def test_pair_page_chart_and_the_sentences_of_a_clicked_period(
    pages_served: str, chromium: Any
) -> None:
    offline = Offline(allowed=pages_served)
    url = f"{pages_served}/view/alignment/RUS/IRN?until={UNTIL.isoformat()}"
    page = _open(chromium, url, offline)

    chart = page.locator("svg#pair-chart")
    box = chart.bounding_box()
    assert box is not None and box["width"] > 500 and box["height"] > 200
    assert chart.locator("circle.point").count() == 3  # the months with statements
    assert chart.locator("g.series").get_attribute("data-points") == "5"
    assert chart.locator("path.line").count() == 1
    assert _visible_periods(page) == ["2024-01", "2024-03", "2024-05"]

    # A click on the March point shows March's sentences only.
    chart.locator("circle.point[data-period='2024-03']").click()
    page.wait_for_url(url + "#p-2024-03")
    assert _visible_periods(page) == ["2024-03"]
    march = page.locator("#p-2024-03").inner_text()
    assert "Iran supplies drones to Russia." in march
    assert XSS_SENTENCE.split("\u2028")[0] in march  # the payload is visible text
    assert "Russia and Iran sign a treaty." not in page.locator("#periods").inner_text()

    # The keyboard reaches the points: focus the first link, Enter follows it.
    page.locator("a.point-link").first.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(url + "#p-2024-01")
    assert _visible_periods(page) == ["2024-01"]
    assert "Russia and Iran sign a treaty." in page.locator("#p-2024-01").inner_text()

    page.locator("#all-periods").click()
    assert _visible_periods(page) == ["2024-01", "2024-03", "2024-05"]
    # The hostile document's javascript: URL is no link; the others are.
    hrefs = page.locator("#periods a[rel]").evaluate_all("els => els.map(e => e.href)")
    assert hrefs and all(h.startswith("https://news.example/") for h in hrefs)
    page.wait_for_timeout(300)  # let any injected handler fire
    _assert_inert(page, offline)
    assert all(u.startswith(pages_served + "/") for u in offline.requests)


def test_actor_page_draws_one_line_per_counterpart_and_links_to_pair_periods(
    pages_served: str, chromium: Any
) -> None:
    offline = Offline(allowed=pages_served)
    page = _open(chromium, f"{pages_served}/view/actors/RUS?until={UNTIL.isoformat()}", offline)
    chart = page.locator("svg#actor-chart")
    assert chart.is_visible()
    assert chart.locator("g.series").count() == 5
    assert chart.locator("circle.point").count() == 8
    legend = chart.locator("g.legend").text_content() or ""
    assert "Ukraine" in legend and XSS_ACTOR_NAME[:20] in legend  # a name, not markup
    assert XSS_ACTOR_NAME in page.locator("#relations").inner_text()

    # Iran's March point opens the pair page at March.
    chart.locator("g.series[data-series='IRN'] circle.point[data-period='2024-03']").click()
    page.wait_for_url("**/view/alignment/RUS/IRN?**#p-2024-03")
    assert _visible_periods(page) == ["2024-03"]
    assert "Iran supplies drones to Russia." in page.locator("#p-2024-03").inner_text()

    page.go_back()
    page.locator("#relations tr[data-counterpart='UKR'] a", has_text="Ukraine").click()
    page.wait_for_url(f"{pages_served}/view/actors/UKR")
    assert page.locator("#page-title").inner_text() == "Ukraine"
    _assert_inert(page, offline)


def test_unknown_actor_page_is_a_404_page(pages_served: str, chromium: Any) -> None:
    offline = Offline(allowed=pages_served)
    page = open_map(chromium, f"{pages_served}/view/actors/NOPE", offline, ready=False)
    assert page.locator("#error").get_attribute("data-status") == "404"
    assert "NOPE" in page.locator("#error-message").inner_text()
    _assert_inert(page, offline)
