"""MapGraph -> one self-contained HTML page (pure: no database, no network).

The page carries everything it needs: vis-network's JS and CSS inlined from the pyvis
package, the graph and its evidence as JSON in a ``<script type="application/json">`` block
(serialised so no text can close the block), and the page script. A Content-Security-Policy
allows only those inline scripts (by hash) and no network access at all, so the same page
works from the API and as a file on a machine without network.

Text from documents is untrusted: the JSON escapes ``<``, ``>`` and ``&``, the page script
renders every string with ``textContent``, and the few server-rendered strings go through
``html.escape``.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import html
import json
import logging
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import pyvis
from pyvis.network import Network

from graph_service.errors import ConfigurationError
from graph_service.models import ActorKind, RelationType
from graph_service.viz.model import MapEdge, MapGraph

logger = logging.getLogger(__name__)

VIS_VERSION = "9.1.2"
LOW_CONFIDENCE = 0.5

TYPE_COLORS: dict[RelationType, str] = {
    RelationType.PARTNERSHIP: "#2e8b57",
    RelationType.SUPPLIES: "#1f6fd1",
    RelationType.OPPOSES: "#d03a2f",
}
KIND_COLORS: dict[str, str] = {
    ActorKind.STATE.value: "#4e79a7",
    ActorKind.BLOC.value: "#f28e2b",
    ActorKind.ORGANIZATION.value: "#59a14f",
    ActorKind.GROUP.value: "#e15759",
    ActorKind.PERSON.value: "#b07aa1",
    "unknown": "#9c9c9c",
}
# Colour-blind-friendly-ish qualitative palette for blocs; cycled when there are more.
BLOC_PALETTE = (
    "#4e79a7",
    "#f28e2b",
    "#59a14f",
    "#e15759",
    "#b07aa1",
    "#76b7b2",
    "#edc948",
    "#ff9da7",
    "#9c755f",
    "#86bcb6",
    "#8cd17d",
    "#d4a6c8",
)
NO_BLOC_COLOR = "#c4c8cc"

_TEMPLATES = Path(__file__).resolve().parent / "templates"
_PLACEHOLDER = re.compile(r"@@([A-Z_]+)@@")


@dataclass(frozen=True)
class PageLinks:
    """Where the page's links point when the API serves it (a standalone file has none)."""

    home: str = "/"
    whole: str = "/map"
    docs: str = "/docs"
    queries: str = "/queries"
    actor_base: str = "/map/"
    actor_page_base: str = "/view/actors/"
    pair_page_base: str = "/view/alignment/"


def script_json(value: Any) -> str:
    """JSON that is safe inside a ``<script>`` element: no ``<``, ``>`` or ``&`` survive."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return (
        text.replace("&", "\\u0026")
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def _sha256(text: str) -> str:
    return base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


def vis_dir() -> Path:
    """pyvis's copy of vis-network (inlined, so the page needs no network)."""
    return Path(pyvis.__file__).resolve().parent / "lib" / f"vis-{VIS_VERSION}"


@lru_cache(maxsize=1)
def _assets() -> dict[str, str]:
    folder = vis_dir()
    try:
        assets = {
            "vis_js": (folder / "vis-network.min.js").read_text(encoding="utf-8"),
            "vis_css": (folder / "vis-network.css").read_text(encoding="utf-8"),
            "app_js": (_TEMPLATES / "map.js").read_text(encoding="utf-8"),
            "page": (_TEMPLATES / "map.html").read_text(encoding="utf-8"),
            "landing": (_TEMPLATES / "landing.html").read_text(encoding="utf-8"),
        }
    except FileNotFoundError as exc:
        raise ConfigurationError(f"map asset missing: {exc.filename}") from exc
    for name in ("vis_js", "app_js", "vis_css"):
        lowered = assets[name].lower()
        if "</script" in lowered or "<!--" in lowered or "</style" in lowered:
            raise ConfigurationError(f"{name} cannot be inlined: it contains a closing tag")
    return assets


def content_security_policy() -> str:
    """No network at all; only the page's own inline scripts run (inline handlers do not)."""
    assets = _assets()
    hashes = " ".join(f"'sha256-{_sha256(assets[k])}'" for k in ("vis_js", "app_js"))
    return (
        "default-src 'none'; "
        f"script-src {hashes}; "
        "style-src 'unsafe-inline'; "
        "img-src data:; "
        "connect-src 'none'; font-src 'none'; media-src 'none'; object-src 'none'; "
        "frame-src 'none'; worker-src 'none'; base-uri 'none'; form-action 'self'"
    )


def _fill(template: str, values: Mapping[str, str]) -> str:
    """Replace ``@@NAME@@`` markers in one pass (inserted text is never re-scanned)."""

    def repl(match: re.Match[str]) -> str:
        key = match.group(1)
        if key not in values:
            raise ConfigurationError(f"template marker @@{key}@@ has no value")
        return values[key]

    return _PLACEHOLDER.sub(repl, template)


# --- vis-network data ----------------------------------------------------------------------


def stabilisation_iterations(node_count: int) -> int:
    """Bounded physics: fewer iterations for larger maps (each one costs O(n log n))."""
    if node_count <= 100:
        return 400
    if node_count <= 300:
        return 250
    return 150


def stabilisation_cap_ms(node_count: int) -> int:
    """Wall-clock cap after which the layout is frozen wherever it is."""
    return 2500 if node_count <= 300 else 6000


def is_dashed(edge: MapEdge) -> bool:
    return edge.speculative or edge.confidence < LOW_CONFIDENCE


def _smooth(edge_type: RelationType) -> dict[str, Any] | bool:
    # Static curves (no support nodes in the physics); the two directed types bend to
    # opposite sides so they do not hide a partnership between the same pair.
    if edge_type is RelationType.SUPPLIES:
        return {"enabled": True, "type": "curvedCW", "roundness": 0.18}
    if edge_type is RelationType.OPPOSES:
        return {"enabled": True, "type": "curvedCCW", "roundness": 0.18}
    return False


def vis_options(node_count: int) -> dict[str, Any]:
    large = node_count > 300
    return {
        "autoResize": True,
        "layout": {"randomSeed": 7, "improvedLayout": node_count <= 100},
        "nodes": {
            "shape": "dot",
            "scaling": {
                "min": 8,
                "max": 40,
                "label": {"enabled": True, "min": 11, "max": 22, "drawThreshold": 7},
            },
            "font": {"size": 13, "face": "system-ui, sans-serif", "strokeWidth": 3},
            "borderWidth": 1,
        },
        "edges": {
            "scaling": {"min": 1, "max": 8},
            "selectionWidth": 2,
            "hoverWidth": 1.5,
            "arrowStrikethrough": False,
        },
        "physics": {
            "enabled": True,
            "solver": "barnesHut",
            "barnesHut": {
                "gravitationalConstant": -4000,
                "centralGravity": 0.25,
                "springLength": 120,
                "springConstant": 0.03,
                "damping": 0.12,
                "avoidOverlap": 0.1,
            },
            "minVelocity": 1.0,
            "maxVelocity": 40,
            "timestep": 0.5,
            "adaptiveTimestep": True,
            "stabilization": {
                "enabled": True,
                "iterations": stabilisation_iterations(node_count),
                "updateInterval": 25,
                "fit": True,
            },
        },
        "interaction": {
            "hover": True,
            "tooltipDelay": 120,
            "hideEdgesOnDrag": large,
            "hideEdgesOnZoom": large,
            "navigationButtons": False,
            "keyboard": False,
        },
    }


def _bloc_color(index: int | None) -> str:
    return NO_BLOC_COLOR if index is None else BLOC_PALETTE[index % len(BLOC_PALETTE)]


def vis_network(graph: MapGraph) -> Network:
    """The pyvis network: node and edge styling (colour, size, arrows, dashes, width)."""
    net = Network(directed=True, cdn_resources="in_line")
    for node in graph.nodes:
        net.add_node(
            node.id,
            label=node.name,
            shape="dot",
            color=_bloc_color(node.bloc),
            value=max(node.weight, 0.1),
            borderWidth=3 if node.id == graph.center else 1,
        )
    for edge in graph.edges:
        net.add_edge(
            edge.source,
            edge.target,
            id=edge.key,
            color={"color": TYPE_COLORS[edge.type], "highlight": TYPE_COLORS[edge.type]},
            value=max(edge.evidence_total or edge.statements, 1),
            dashes=is_dashed(edge),
            arrows="" if edge.type.symmetric else "to",
            smooth=_smooth(edge.type),
        )
    net.options = vis_options(len(graph.nodes))
    return net


def _describe_filters(graph: MapGraph) -> str:
    f = graph.filters
    parts = []
    if set(f.types) != set(RelationType):
        parts.append("types " + ", ".join(t.value.lower() for t in f.types))
    if f.since:
        parts.append(f"since {f.since.isoformat()}")
    if f.until:
        parts.append(f"until {f.until.isoformat()}")
    if f.min_confidence:
        parts.append(f"confidence ≥ {f.min_confidence:g}")
    if f.min_weight:
        parts.append(f"weight ≥ {f.min_weight:g}")
    return ", ".join(parts)


def timeline(graph: MapGraph) -> list[str]:
    """Every month (``YYYY-MM``) from the first to the last statement on the map, gaps
    included: the positions of the page's time slider (empty when nothing is dated)."""
    months = sorted({m for e in graph.edges for m in e.months})
    if not months:
        return []
    year, month = (int(part) for part in months[0].split("-"))
    last = months[-1]
    out: list[str] = []
    while (current := f"{year:04d}-{month:02d}") <= last:
        out.append(current)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def page_data(graph: MapGraph, links: PageLinks | None = None) -> dict[str, Any]:
    """Everything the page script reads, JSON-ready."""
    net = vis_network(graph)
    vis_nodes, vis_edges, _, _, _, _ = net.get_network_data()
    generated = graph.generated_at or dt.datetime.now(dt.UTC)
    return {
        "meta": {
            "center": graph.center,
            "depth": graph.depth,
            "limit": graph.filters.limit,
            "omitted": graph.omitted.model_dump(mode="json"),
            "server_filters": _describe_filters(graph),
            "generated_at": generated.strftime("%Y-%m-%d %H:%M UTC"),
            "stabilise_cap_ms": stabilisation_cap_ms(len(graph.nodes)),
            "timeline": timeline(graph),
            "kind_colors": KIND_COLORS,
            "no_bloc_color": NO_BLOC_COLOR,
            "links": (
                {
                    "home": links.home,
                    "whole": links.whole,
                    "docs": links.docs,
                    "queries": links.queries,
                }
                if links
                else None
            ),
            "actor_link_base": links.actor_base if links else None,
            "actor_page_base": links.actor_page_base if links else None,
            "pair_page_base": links.pair_page_base if links else None,
        },
        "nodes": [
            {
                "id": n.id,
                "name": n.name,
                "kind": n.kind.value if n.kind else None,
                "weight": n.weight,
                "bloc": n.bloc,
                "bloc_color": _bloc_color(n.bloc),
                "kind_color": KIND_COLORS[n.kind.value if n.kind else "unknown"],
            }
            for n in graph.nodes
        ],
        "edges": [
            {
                "id": e.key,
                "from": e.source,
                "to": e.target,
                "type": e.type.value,
                "weight": e.weight,
                "confidence": e.confidence,
                "statements": e.statements,
                "documents": e.documents,
                "first_seen": e.first_seen.isoformat() if e.first_seen else None,
                "last_seen": e.last_seen.isoformat() if e.last_seen else None,
                "items": e.items,
                "speculative": e.speculative,
                "evidence_total": max(e.evidence_total, len(e.evidence)),
                "months": e.months,
            }
            for e in graph.edges
        ],
        "evidence": {
            e.key: [
                ev.model_dump(mode="json", exclude={"statement_id", "document_id"})
                for ev in e.evidence
            ]
            for e in graph.edges
        },
        "blocs": [
            {"index": b.index, "label": b.label, "size": len(b.members), "color": _bloc_color(i)}
            for i, b in enumerate(graph.blocs)
        ],
        "vis": {"nodes": vis_nodes, "edges": vis_edges, "options": vis_options(len(graph.nodes))},
    }


def default_title(graph: MapGraph) -> str:
    if graph.center:
        node = graph.node(graph.center)
        return f"Alliance map: {node.name if node else graph.center}"
    return "Alliance map"


def build_html(graph: MapGraph, *, title: str | None = None, links: PageLinks | None = None) -> str:
    """The whole page. ``links`` when the API serves it; ``None`` for a standalone file."""
    assets = _assets()
    data = page_data(graph, links)
    page = _fill(
        assets["page"],
        {
            "CSP": html.escape(content_security_policy(), quote=True),
            "TITLE": html.escape(title or default_title(graph)),
            "VIS_CSS": assets["vis_css"],
            "VIS_JS": assets["vis_js"],
            "APP_JS": assets["app_js"],
            "DATA": script_json(data),
            "LOW_CONF": f"{LOW_CONFIDENCE:g}",
            **{f"C_{t.value}": c for t, c in TYPE_COLORS.items()},
        },
    )
    logger.debug(
        "map page: %d nodes, %d edges, %d bytes", len(graph.nodes), len(graph.edges), len(page)
    )
    return page


# --- landing page --------------------------------------------------------------------------


@dataclass(frozen=True)
class ActorEntry:
    id: str
    name: str
    kind: str | None = None


def build_landing(
    actors: Iterable[ActorEntry],
    *,
    counts: Mapping[str, int] | None = None,
    message: str | None = None,
    links: PageLinks | None = None,
) -> str:
    """GET /: search an actor, links to the whole map, the API docs and the named queries."""
    links = links or PageLinks()
    options = "\n".join(
        f'<option value="{html.escape(a.name, quote=True)}">'
        f"{html.escape(a.id)}{' · ' + html.escape(a.kind) if a.kind else ''}</option>"
        for a in sorted(actors, key=lambda a: a.name.casefold())
    )
    stats = ""
    if counts:
        stats = " · ".join(f"{value:,} {html.escape(key)}" for key, value in counts.items())
    return _fill(
        _assets()["landing"],
        {
            "CSP": html.escape(
                "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
                "base-uri 'none'; form-action 'self'",
                quote=True,
            ),
            "OPTIONS": options,
            "STATS": stats,
            "MESSAGE": f'<p class="msg">{html.escape(message)}</p>' if message else "",
            "HOME": html.escape(links.home, quote=True),
            "WHOLE": html.escape(links.whole, quote=True),
            "DOCS": html.escape(links.docs, quote=True),
            "QUERIES": html.escape(links.queries, quote=True),
        },
    )
