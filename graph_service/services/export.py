"""Subgraphs as files: GraphML and GEXF (Gephi) and CSV (spreadsheets, one row per edge).

Used by ``GET /graph?format=...``; built from the read port's :class:`Subgraph`.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from typing import Any, Literal

import networkx as nx

from graph_service.store.records import Edge, Subgraph

FileFormat = Literal["graphml", "gexf", "csv"]

MEDIA_TYPES: dict[FileFormat, str] = {
    "graphml": "application/graphml+xml",
    "gexf": "application/gexf+xml",
    "csv": "text/csv; charset=utf-8",
}
CSV_COLUMNS = [
    "source",
    "target",
    "type",
    "statements",
    "documents",
    "weight",
    "confidence",
    "first_seen",
    "last_seen",
    "items",
    "speculative",
    "intensity_statements",
    "intensity_sum",
    "intensity_mean",
]


@dataclass(frozen=True, slots=True)
class ExportFile:
    body: bytes
    media_type: str
    filename: str


def _edge_attributes(edge: Edge) -> dict[str, Any]:
    """Flat attributes GraphML and GEXF can hold (no lists, no nulls)."""
    stats = edge.stats
    return {
        "type": edge.type.value,
        "statements": stats.statements,
        "documents": stats.documents,
        "weight": stats.weight,
        "confidence": stats.confidence if stats.confidence is not None else 0.0,
        "first_seen": stats.first_seen.isoformat() if stats.first_seen else "",
        "last_seen": stats.last_seen.isoformat() if stats.last_seen else "",
        "items": "; ".join(stats.items),
        "speculative": stats.speculative,
        "intensity_statements": stats.intensity_statements,
        "intensity_sum": stats.intensity_sum,
        # no nulls in GraphML/GEXF: 0.0 when no statement has an intensity (count 0)
        "intensity_mean": stats.intensity_mean if stats.intensity_mean is not None else 0.0,
    }


def _networkx(graph: Subgraph) -> nx.MultiDiGraph:
    g: nx.MultiDiGraph = nx.MultiDiGraph()
    for node in graph.nodes:
        g.add_node(node.id, label=node.name, kind=node.kind or "")
    for edge in graph.edges:
        g.add_edge(edge.source.id, edge.target.id, key=edge.type.value, **_edge_attributes(edge))
    return g


def export_subgraph(graph: Subgraph, fmt: FileFormat, center: str | None) -> ExportFile:
    """The subgraph as a file in ``fmt``, named after its center (or ``all``)."""
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(CSV_COLUMNS)
        for edge in graph.edges:
            attrs = _edge_attributes(edge)
            writer.writerow([edge.source.id, edge.target.id, *(attrs[c] for c in CSV_COLUMNS[2:])])
        body = buffer.getvalue().encode("utf-8")
    else:
        out = io.BytesIO()
        if fmt == "graphml":
            nx.write_graphml(_networkx(graph), out, encoding="utf-8")
        else:
            nx.write_gexf(_networkx(graph), out, encoding="utf-8")
        body = out.getvalue()
    return ExportFile(body, MEDIA_TYPES[fmt], f"graph-{center or 'all'}.{fmt}")
