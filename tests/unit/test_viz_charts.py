"""The SVG chart renderer on given series: structure, gaps for null scores, escaped text."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from pydantic import ValidationError

from graph_service.viz.charts import (
    ChartPoint,
    ChartSeries,
    alignment_chart,
    chart_periods,
    format_score,
)

SVG = "{http://www.w3.org/2000/svg}"
HOSTILE = '<script>alert(1)</script><img src=x onerror="alert(2)"> & "Shadow" \'Front\''


def _parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)  # well-formed XML, or this raises


def _all(root: ET.Element, tag: str, cls: str | None = None) -> list[ET.Element]:
    found = root.iter(SVG + tag)
    return [e for e in found if cls is None or e.get("class") == cls]


def _series(key: str, label: str, scores: dict[str, float | None]) -> ChartSeries:
    return ChartSeries(
        key=key,
        label=label,
        points=[
            ChartPoint(period=p, score=s, statements=0 if s is None else 2)
            for p, s in scores.items()
        ],
    )


PAIR = _series("IRN", "Iran", {"2024-01": 0.5, "2024-02": None, "2024-03": -0.25, "2024-04": 0.75})


def _path_xs(path: ET.Element) -> list[float]:
    return [float(x) for x in re.findall(r"[ML]([-\d.]+) ", path.get("d", "") + " ")]


def test_one_series_has_axes_zero_line_period_labels_points_and_counts() -> None:
    root = _parse(alignment_chart([PAIR], title="Russia and Iran"))
    assert root.tag == SVG + "svg" and root.get("role") == "img"
    assert root.get("data-periods") == "4"
    assert root.find(SVG + "title") is not None
    assert root.find(SVG + "title").text == "Russia and Iran"  # type: ignore[union-attr]
    assert len(_all(root, "line", "gridline")) == 4 and len(_all(root, "line", "zero")) == 1
    labels = [t.text for t in _all(root, "text", "period-label")]
    assert labels == ["2024-01", "2024-02", "2024-03", "2024-04"]
    assert [t.text for t in _all(root, "text", "score-label")] == [
        "\u22121", "\u22120.5", "0", "+0.5", "+1"
    ]  # fmt: skip
    points = _all(root, "circle", "point")
    assert [p.get("data-period") for p in points] == ["2024-01", "2024-03", "2024-04"]
    # Scores map linearly onto the plot: +1 at the top line, 0 on the zero line, -1 below.
    zero_y = float(_all(root, "line", "zero")[0].get("y1", "nan"))
    top_y = min(float(g.get("y1", "nan")) for g in _all(root, "line", "gridline"))
    ys = {p.get("data-period"): float(p.get("cy", "nan")) for p in points}
    assert ys["2024-01"] == pytest.approx(zero_y - 0.5 * (zero_y - top_y), abs=0.1)
    assert ys["2024-03"] == pytest.approx(zero_y + 0.25 * (zero_y - top_y), abs=0.1)
    # A strip of statement counts for the single series; no legend.
    counts = _all(root, "rect", "count")
    assert [c.get("data-period") for c in counts] == ["2024-01", "2024-03", "2024-04"]
    assert not _all(root, "g", "legend")


def test_a_null_score_is_a_gap_in_the_line() -> None:
    root = _parse(alignment_chart([PAIR], title="t"))
    (series,) = _all(root, "g", "series")
    assert series.get("data-points") == "3" and series.get("data-runs") == "2"
    # The lone January point has no line; March-April is one line that does not reach back.
    (path,) = _all(root, "path", "line")
    xs = {p.get("data-period"): float(p.get("cx", "nan")) for p in _all(root, "circle", "point")}
    assert _path_xs(path) == [xs["2024-03"], xs["2024-04"]]
    # A period the series lacks is a gap too (the axis comes from the other series).
    other = _series("CHN", "China", {"2024-01": 0.1, "2024-02": 0.2, "2024-03": 0.3})
    lacking = _series("PRK", "North Korea", {"2024-01": 0.4, "2024-03": 0.6})
    root = _parse(alignment_chart([other, lacking], title="t"))
    runs = {g.get("data-series"): g.get("data-runs") for g in _all(root, "g", "series")}
    assert runs == {"CHN": "1", "PRK": "2"}
    assert len(_all(root, "path", "line")) == 1


def test_hostile_labels_stay_text_in_the_markup() -> None:
    series = [_series("X<1>", HOSTILE, {"2024-01": 0.2, "2024-02": -0.2}), PAIR]
    svg = alignment_chart(
        series,
        title=HOSTILE,
        point_href=lambda s, p: f'/view/alignment/RUS/{s.key}?x="1"#p-{p.period}',
    )
    assert "<script" not in svg and "<img" not in svg and 'x="1"#' not in svg
    root = _parse(svg)
    assert root.find(SVG + "title").text == HOSTILE  # type: ignore[union-attr]
    item = next(g for g in _all(root, "g", "legend-item") if g.get("data-series") == "X<1>")
    title = item.find(f"{SVG}text/{SVG}title")
    assert title is not None and title.text == HOSTILE  # the full name on hover
    shown = title.tail or ""  # the name as drawn, cut to fit the legend
    assert shown.endswith("…") and HOSTILE.startswith(shown[:-1]) and len(shown) == 28
    links = [a.get("href") for a in _all(root, "a", "point-link")]
    assert '/view/alignment/RUS/X<1>?x="1"#p-2024-01' in links
    tips = [t.text or "" for c in _all(root, "circle", "point") for t in c.iter(SVG + "title")]
    assert any(t.startswith(HOSTILE + " · 2024-01: +0.20") for t in tips)


def test_several_series_get_a_legend_and_their_own_colours() -> None:
    series = [
        _series(code, name, {"2023": 0.1 * i, "2024": -0.1 * i})
        for i, (code, name) in enumerate([("CHN", "China"), ("IRN", "Iran"), ("USA", "USA")])
    ] + [_series("PRK", "North Korea", {"2024": 0.9})]
    root = _parse(alignment_chart(series, title="Russia"))
    legend = _all(root, "g", "legend-item")
    assert [g.get("data-series") for g in legend] == ["CHN", "IRN", "USA", "PRK"]
    colours = {p.get("stroke") for p in _all(root, "path", "line")}
    assert len(colours) == 3  # PRK has one point, so no line
    assert not _all(root, "rect", "count")
    assert int(root.get("height", "0")) > 300  # two legend rows below the plot


def test_long_axes_thin_their_labels_and_empty_charts_say_so() -> None:
    months = [f"{2020 + i // 12}-{i % 12 + 1:02d}" for i in range(79)]
    series = _series("A", "A", dict.fromkeys(months, 0.5))
    root = _parse(alignment_chart([series], title="t", width=760))
    labels = [t.text for t in _all(root, "text", "period-label")]
    assert labels[0] == "2020-01" and 6 <= len(labels) <= 14
    assert len(_all(root, "circle", "point")) == 79
    empty = _parse(alignment_chart([], title="nothing"))
    assert [t.text for t in _all(empty, "text", "empty")] == ["No dated statements in this period."]
    assert chart_periods([]) == []


def test_scores_outside_the_scale_are_refused_and_formatted_with_signs() -> None:
    with pytest.raises(ValidationError):
        ChartPoint(period="2024", score=1.5)
    with pytest.raises(ValidationError):
        ChartPoint(period="2024", score=0.1, statements=-1)
    assert format_score(0.4217) == "+0.42"
    assert format_score(-0.3) == "\u22120.30"
    assert format_score(None) == "no statements"


def test_periods_without_statements_carry_the_line_but_get_no_marker() -> None:
    carried = ChartSeries(
        key="IRN",
        label="Iran",
        points=[
            ChartPoint(period="2024-01", score=0.8, statements=1),
            ChartPoint(period="2024-02", score=0.8, statements=0),  # carried on
            ChartPoint(period="2024-03", score=0.6, statements=2),
        ],
    )
    root = _parse(alignment_chart([carried], title="t", point_href=lambda s, p: "#x"))
    (series,) = _all(root, "g", "series")
    assert series.get("data-points") == "3" and series.get("data-runs") == "1"
    (path,) = _all(root, "path", "line")
    assert len(_path_xs(path)) == 3
    assert [c.get("data-period") for c in _all(root, "circle", "point")] == ["2024-01", "2024-03"]
    assert len(_all(root, "a", "point-link")) == 2
