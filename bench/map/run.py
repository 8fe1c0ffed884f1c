"""Benchmark: time to generate and to stabilise alliance maps of 100, 300 and 1,000 nodes.

Generate: blocs + node limit + HTML (``assemble`` and ``build_html``) on synthetic maps.
Stabilise: the page opened from file:// in Debian's headless Chromium with every request
blocked; times come from the page itself (performance.now(), from navigation start):
script start (the inlined vis-network parsed), physics frozen, first frozen frame drawn.

    .venv/bin/python bench/map/run.py [--sizes 100 300 1000] [--repeat 3]

Writes a Markdown table to stdout. Keep runs short: the machine is shared.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from graph_service.viz.builder import build_html
from graph_service.viz.synthetic import synthetic_map

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
TARGET_300_MS = 3000


def generate(nodes: int, seed: int) -> tuple[str, float, float, int, int]:
    t0 = time.perf_counter()
    graph = synthetic_map(nodes, seed=seed)
    t1 = time.perf_counter()
    page = build_html(graph)
    t2 = time.perf_counter()
    return page, (t1 - t0) * 1000, (t2 - t1) * 1000, len(graph.nodes), len(graph.edges)


def measure_page(context: Any, path: Path) -> dict[str, Any]:
    blocked: list[str] = []

    def handle(route: Any) -> None:
        if route.request.url.startswith("file:"):
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    page = context.new_page()
    page.route("**/*", handle)
    page.goto(path.as_uri())
    page.wait_for_selector("body[data-state=ready]", timeout=60_000)
    result: dict[str, Any] = page.evaluate(
        """() => ({script: allianceMap.scriptStartMs, stabilise: allianceMap.stabiliseMs,
                  drawn: allianceMap.drawnMs, capped: allianceMap.capped,
                  iterations: allianceMap.iterations})"""
    )
    result["blocked"] = blocked
    page.close()
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 300, 1000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    rows = []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            str(Path(tmp) / "profile"),
            executable_path=CHROMIUM,
            args=ARGS,
            headless=True,
            viewport={"width": 1400, "height": 900},
        )
        for size in args.sizes:
            runs = []
            for rep in range(args.repeat):
                page, t_graph, t_html, n_nodes, n_edges = generate(size, seed=rep + 1)
                path = Path(tmp) / f"map-{size}-{rep}.html"
                path.write_text(page, encoding="utf-8")
                browser = measure_page(context, path)
                if browser["blocked"]:
                    print(f"network requests were made: {browser['blocked']}", file=sys.stderr)
                    return 1
                runs.append((t_graph, t_html, n_nodes, n_edges, len(page), browser))
            med = statistics.median
            rows.append(
                {
                    "size": size,
                    "nodes": med(r[2] for r in runs),
                    "edges": med(r[3] for r in runs),
                    "kib": med(r[4] for r in runs) / 1024,
                    "graph_ms": med(r[0] for r in runs),
                    "html_ms": med(r[1] for r in runs),
                    "script_ms": med(r[5]["script"] for r in runs),
                    "stabilise_ms": med(r[5]["stabilise"] for r in runs),
                    "interactive_ms": med(r[5]["script"] + r[5]["drawn"] for r in runs),
                    "iterations": med(r[5]["iterations"] for r in runs),
                    "capped": sum(1 for r in runs if r[5]["capped"]),
                    "repeat": len(runs),
                }
            )
        context.close()

    print(
        "| target nodes | nodes | edges | page KiB | blocs+limit ms | HTML ms | vis-network "
        "parsed ms | layout frozen ms | interactive ms | iterations | time-capped |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        print(
            f"| {r['size']} | {r['nodes']:.0f} | {r['edges']:.0f} | {r['kib']:.0f} "
            f"| {r['graph_ms']:.0f} | {r['html_ms']:.0f} | {r['script_ms']:.0f} "
            f"| {r['stabilise_ms']:.0f} | {r['interactive_ms']:.0f} | {r['iterations']:.0f} "
            f"| {r['capped']}/{r['repeat']} |"
        )
    three = next((r for r in rows if r["size"] == 300), None)
    if three is not None:
        verdict = "met" if three["interactive_ms"] < TARGET_300_MS else "MISSED"
        print(
            f"\n300 nodes interactive in {three['interactive_ms']:.0f} ms "
            f"(target < {TARGET_300_MS} ms): {verdict}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
