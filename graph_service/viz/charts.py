"""Alignment series -> inline SVG (pure: no database, no network, no script).

One chart shows one or more series over the same periods: a score in [-1, 1] per period
(``None`` where no statement fell into it), and how many statements stand behind it. The
pair page draws one series (with a strip of statement counts under the plot), the actor
page one line per counterpart with a legend. A point can link somewhere (the pair page's
list of sentences for that period); with no script in the chart, links are plain ``<a>``
elements, so they work with the keyboard and under a Content-Security-Policy without
``script-src``.

Labels (actor names) are untrusted: every text and attribute value goes through
``html.escape``; the markup around them is fixed here.
"""

from __future__ import annotations

import html
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict, Field

SERIES_COLORS = (
    "#2457a6",
    "#d03a2f",
    "#2e8b57",
    "#f28e2b",
    "#7b4fa6",
    "#1c9aa5",
    "#b5892b",
    "#e377c2",
    "#6b6b6b",
    "#8c564b",
)
GRID_SCORES = (-1.0, -0.5, 0.0, 0.5, 1.0)
LABEL_MAX_CHARS = 28


class ChartPoint(BaseModel):
    """One period of a series."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    period: str = Field(min_length=1, description="Period label: 2024-03, 2024-Q1, 2024.")
    score: float | None = Field(default=None, ge=-1.0, le=1.0)
    statements: int = Field(default=0, ge=0)


class ChartSeries(BaseModel):
    """One line: the alignment with one counterpart (``label`` is untrusted text)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    key: str = Field(min_length=1, description="Stable id of the series, e.g. the actor id.")
    label: str
    points: list[ChartPoint] = Field(default_factory=list)


PointHref = Callable[[ChartSeries, ChartPoint], str | None]


@dataclass(frozen=True, slots=True)
class _Frame:
    """Where things go: the plot box inside the SVG, in user units."""

    width: int
    height: int
    left: int
    right: int
    top: int
    plot_bottom: int
    counts_top: int
    counts_bottom: int
    labels_y: int
    legend_top: int

    def y(self, score: float) -> float:
        return self.top + (1.0 - score) / 2.0 * (self.plot_bottom - self.top)


def _esc(value: object) -> str:
    return html.escape(str(value), quote=True)


def _num(value: float) -> str:
    """A coordinate: short, and never an exponent or NaN."""
    if not math.isfinite(value):
        raise ValueError(f"coordinate {value!r} is not finite")
    return f"{value:.1f}".rstrip("0").rstrip(".")


def format_score(score: float | None) -> str:
    if score is None:
        return "no statements"
    if abs(score) < 0.005:
        return "0.00"
    return f"{score:+.2f}".replace("-", "\u2212")


def _short(label: str) -> str:
    return label if len(label) <= LABEL_MAX_CHARS else label[: LABEL_MAX_CHARS - 1] + "…"


def chart_periods(series: Sequence[ChartSeries]) -> list[str]:
    """The x axis: every period any series has, in order (labels sort as dates do)."""
    return sorted({p.period for s in series for p in s.points})


def _label_step(periods: int, plot_width: float) -> int:
    """Show every n-th period label so that labels (about 56 units wide) do not overlap."""
    fits = max(int(plot_width // 56), 1)
    return max(math.ceil(periods / fits), 1)


def alignment_chart(
    series: Sequence[ChartSeries],
    *,
    title: str,
    periods: Sequence[str] | None = None,
    point_href: PointHref | None = None,
    width: int = 760,
    height: int = 300,
    chart_id: str = "chart",
) -> str:
    """Inline SVG of ``series`` over ``periods`` (default: every period they have).

    A score of ``None``, or a period a series lacks, is a gap: the line stops and starts
    again after it. A point (a marker, with its tooltip and link) marks a period with
    statements; through periods without any the line carries the score on. With one
    series a strip of statement counts runs under the plot; with several, a legend names
    each line. ``point_href`` gives a point its link (or ``None``).
    """
    axis = list(periods) if periods is not None else chart_periods(series)
    single = len(series) == 1
    legend_rows = 0 if single else math.ceil(len(series) / 3)
    counts_height = 40 if single else 0
    frame = _Frame(
        width=width,
        height=height + legend_rows * 20,
        left=56,
        right=width - 16,
        top=14,
        plot_bottom=height - 50 - counts_height,
        counts_top=height - 44 - counts_height + 6,
        counts_bottom=height - 44,
        labels_y=height - 26,
        legend_top=height - 4,
    )
    cid = _esc(chart_id)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" id="{cid}" '
        f'viewBox="0 0 {frame.width} {frame.height}" width="{frame.width}" '
        f'height="{frame.height}" role="img" aria-labelledby="{cid}-title {cid}-desc" '
        f'data-periods="{len(axis)}" data-series-count="{len(series)}" '
        'font-family="system-ui, sans-serif" font-size="12">',
        f'<title id="{cid}-title">{_esc(title)}</title>',
        f'<desc id="{cid}-desc">{_esc(_describe(series, axis))}</desc>',
    ]
    if not axis:
        parts.append(
            f'<text class="empty" x="{frame.width // 2}" y="{frame.height // 2}" '
            'text-anchor="middle" fill="#5f6b76">No dated statements in this period.</text>'
        )
        parts.append("</svg>")
        return "".join(parts)

    band = (frame.right - frame.left) / len(axis)

    def x(index: int) -> float:
        return frame.left + band * (index + 0.5)

    parts.append(_grid(frame))
    parts.append(_period_labels(axis, frame, x, band))
    if single:
        parts.append(_count_strip(series[0], axis, frame, x, band))
    for index, one in enumerate(series):
        color = SERIES_COLORS[index % len(SERIES_COLORS)]
        parts.append(_series(one, axis, frame, x, color, point_href))
    if not single:
        parts.append(_legend(series, frame))
    parts.append("</svg>")
    return "".join(parts)


def _describe(series: Sequence[ChartSeries], axis: Sequence[str]) -> str:
    if not axis:
        return "No dated statements."
    span = axis[0] if len(axis) == 1 else f"{axis[0]} to {axis[-1]}"
    names = ", ".join(s.label for s in series)
    return (
        f"Alignment score per period, from -1 (hostile) to +1 (aligned), {span}; "
        f"{len(series)} series: {names}."
    )


def _grid(frame: _Frame) -> str:
    out = ['<g class="grid">']
    for score in GRID_SCORES:
        y = _num(frame.y(score))
        zero = score == 0.0
        out.append(
            f'<line class="{"zero" if zero else "gridline"}" x1="{frame.left}" '
            f'x2="{frame.right}" y1="{y}" y2="{y}" '
            f'stroke="{"#5f6b76" if zero else "#e3e7eb"}" stroke-width="{1.5 if zero else 1}"/>'
        )
        label = "0" if zero else f"{score:+g}".replace("-", "\u2212")
        out.append(
            f'<text class="score-label" x="{frame.left - 6}" y="{y}" dy="0.35em" '
            f'text-anchor="end" fill="#5f6b76">{label}</text>'
        )
    out.append(
        f'<text class="axis-note" x="{frame.left + 4}" y="{_num(frame.y(1.0) + 12)}" '
        'fill="#5f6b76" font-size="11">aligned</text>'
    )
    out.append(
        f'<text class="axis-note" x="{frame.left + 4}" y="{_num(frame.y(-1.0) - 4)}" '
        'fill="#5f6b76" font-size="11">hostile</text>'
    )
    out.append(
        f'<line class="axis" x1="{frame.left}" x2="{frame.left}" y1="{frame.top}" '
        f'y2="{frame.plot_bottom}" stroke="#9aa4ad"/>'
    )
    out.append("</g>")
    return "".join(out)


def _period_labels(
    axis: Sequence[str], frame: _Frame, x: Callable[[int], float], band: float
) -> str:
    step = _label_step(len(axis), frame.right - frame.left)
    out = ['<g class="periods">']
    for index, period in enumerate(axis):
        shown = index % step == 0
        tick_bottom = frame.plot_bottom + (5 if shown else 2)
        out.append(
            f'<line class="tick" x1="{_num(x(index))}" x2="{_num(x(index))}" '
            f'y1="{frame.plot_bottom}" y2="{tick_bottom}" stroke="#9aa4ad"/>'
        )
        if shown:
            out.append(
                f'<text class="period-label" x="{_num(x(index))}" y="{frame.labels_y}" '
                f'text-anchor="middle" fill="#1d2329">{_esc(period)}</text>'
            )
    out.append("</g>")
    return "".join(out)


def _count_strip(
    one: ChartSeries, axis: Sequence[str], frame: _Frame, x: Callable[[int], float], band: float
) -> str:
    counts = {p.period: p.statements for p in one.points}
    most = max(counts.values(), default=0)
    out = [
        '<g class="counts">',
        f'<text class="counts-label" x="{frame.left - 6}" y="{frame.counts_top}" dy="0.7em" '
        f'text-anchor="end" fill="#5f6b76" font-size="10">{most} st.</text>'
        if most
        else "",
    ]
    bar = max(min(band * 0.6, 24.0), 1.0)
    room = frame.counts_bottom - frame.counts_top
    for index, period in enumerate(axis):
        count = counts.get(period, 0)
        if not count:
            continue
        h = room * count / most
        out.append(
            f'<rect class="count" data-period="{_esc(period)}" data-statements="{count}" '
            f'x="{_num(x(index) - bar / 2)}" y="{_num(frame.counts_bottom - h)}" '
            f'width="{_num(bar)}" height="{_num(h)}" fill="#c4c8cc">'
            f"<title>{_esc(period)}: {count} statements</title></rect>"
        )
    out.append("</g>")
    return "".join(out)


def _runs(one: ChartSeries, axis: Sequence[str]) -> list[list[tuple[int, ChartPoint]]]:
    """Consecutive periods with a score; a null score or a missing period ends a run."""
    by_period = {p.period: p for p in one.points}
    runs: list[list[tuple[int, ChartPoint]]] = []
    current: list[tuple[int, ChartPoint]] = []
    for index, period in enumerate(axis):
        point = by_period.get(period)
        if point is None or point.score is None:
            if current:
                runs.append(current)
            current = []
        else:
            current.append((index, point))
    if current:
        runs.append(current)
    return runs


def _series(
    one: ChartSeries,
    axis: Sequence[str],
    frame: _Frame,
    x: Callable[[int], float],
    color: str,
    point_href: PointHref | None,
) -> str:
    runs = _runs(one, axis)
    scored = sum(len(run) for run in runs)  # the line's vertices
    out = [
        f'<g class="series" data-series="{_esc(one.key)}" data-label="{_esc(one.label)}" '
        f'data-points="{scored}" data-runs="{len(runs)}">'
    ]
    for run in runs:
        if len(run) < 2:
            continue
        path = " ".join(
            f"{'M' if i == 0 else 'L'}{_num(x(index))} {_num(frame.y(point.score or 0.0))}"
            for i, (index, point) in enumerate(run)
        )
        out.append(
            f'<path class="line" d="{path}" fill="none" stroke="{color}" stroke-width="2" '
            'stroke-linejoin="round"/>'
        )
    for run in runs:
        for index, point in run:
            if not point.statements:
                continue  # the score carries on (decayed); no new evidence to point at
            score = point.score or 0.0
            tip = (
                f"{one.label} · {point.period}: {format_score(point.score)} "
                f"({point.statements} statement{'s' if point.statements != 1 else ''})"
            )
            circle = (
                f'<circle class="point" data-period="{_esc(point.period)}" '
                f'data-score="{score:.4f}" data-statements="{point.statements}" '
                f'cx="{_num(x(index))}" cy="{_num(frame.y(score))}" r="4.5" fill="{color}" '
                f'stroke="#fff" stroke-width="1.5"><title>{_esc(tip)}</title></circle>'
            )
            href = point_href(one, point) if point_href else None
            if href:
                out.append(
                    f'<a class="point-link" href="{_esc(href)}" '
                    f'aria-label="{_esc(tip)}">{circle}</a>'
                )
            else:
                out.append(circle)
    out.append("</g>")
    return "".join(out)


def _legend(series: Sequence[ChartSeries], frame: _Frame) -> str:
    column = (frame.right - frame.left) / 3
    out = ['<g class="legend">']
    for index, one in enumerate(series):
        color = SERIES_COLORS[index % len(SERIES_COLORS)]
        row, col = divmod(index, 3)
        x0 = frame.left + col * column
        y0 = frame.legend_top + row * 20
        out.append(
            f'<g class="legend-item" data-series="{_esc(one.key)}">'
            f'<line x1="{_num(x0)}" x2="{_num(x0 + 22)}" y1="{y0 - 4}" y2="{y0 - 4}" '
            f'stroke="{color}" stroke-width="3"/>'
            f'<text x="{_num(x0 + 28)}" y="{y0}" fill="#1d2329">'
            f"<title>{_esc(one.label)}</title>{_esc(_short(one.label))}</text></g>"
        )
    out.append("</g>")
    return "".join(out)
