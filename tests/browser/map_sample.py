"""Sample map data written through the store's writer, and helpers for Chromium.

The data is hand-made (documents and statements stated exactly, no extractor): a few
actors in two camps, dated 2023 and 2024, and one document whose title, URL and evidence
carry HTML and script payloads next to real actor mentions.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from typing import Any

import neo4j

from graph_service.config import Settings
from graph_service.models import Actor, ActorKind, Document, Modality, RelationType, Statement
from graph_service.store.graph_store import GraphStore
from graph_service.viz import maps
from graph_service.viz.builder import ActorEntry
from graph_service.viz.model import MapFilters, MapGraph

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

P, S, OPP = RelationType.PARTNERSHIP, RelationType.SUPPLIES, RelationType.OPPOSES

# Every payload, if it ran, would bump window.__xss (or load an image from "x").
XSS_TITLE = (
    'Moscow & Tehran <img src=x onerror="window.__xss=(window.__xss||0)+1">'
    "<script>window.__xss=(window.__xss||0)+10</script></title><script>window.__xss=99</script>"
)
XSS_SENTENCE = (
    "Russia and Iran <img src=x onerror=window.__xss=(window.__xss||0)+100> signed a pact "
    "<script>window.__xss=(window.__xss||0)+1000</script>\u2028</script><!--"
)
XSS_URL = "javascript:window.__xss=(window.__xss||0)+10000"
XSS_ACTOR_NAME = '<img src=x onerror="window.__xss=(window.__xss||0)+7">Shadow</b>'

ACTORS = [
    Actor(id="RUS", name="Russia", kind=ActorKind.STATE),
    Actor(id="IRN", name="Iran", kind=ActorKind.STATE),
    Actor(id="CHN", name="China", kind=ActorKind.STATE),
    Actor(id="PRK", name="North Korea", kind=ActorKind.STATE),
    Actor(id="USA", name="United States", kind=ActorKind.STATE),
    Actor(id="UKR", name="Ukraine", kind=ActorKind.STATE),
    Actor(id="DEU", name="Germany", kind=ActorKind.STATE),
    Actor(id="GBR", name="United Kingdom", kind=ActorKind.STATE),
    Actor(id="HEZ", name=XSS_ACTOR_NAME, kind=ActorKind.GROUP),
]


def _doc(name: str, day: dt.date, *, title: str | None = None, url: str | None = None) -> Document:
    return Document(
        path=f"/corpus/{name}.md",
        text=f"Text of {name}.",
        title=title or f"Report {name}",
        date=day,
        url=url or f"https://news.example/{name}",
        source="Example News",
        lang="en",
    )


def _st(
    doc: Document,
    subject: str,
    type_: RelationType,
    obj: str,
    evidence: str,
    confidence: float = 0.8,
    **extra: Any,
) -> Statement:
    return Statement(
        path=doc.path,
        subject=subject,
        type=type_,
        object=obj,
        evidence=evidence,
        confidence=confidence,
        rule="test:hand-made",
        date=doc.date,
        **extra,
    )


def sample_items() -> list[tuple[Document, list[Statement]]]:
    d1 = _doc("east-2023", dt.date(2023, 3, 2))
    d2 = _doc("west-2023", dt.date(2023, 5, 10))
    d3 = _doc("east-2024", dt.date(2024, 2, 20))
    d4 = _doc("west-2024", dt.date(2024, 6, 1))
    xss = _doc("xss", dt.date(2024, 7, 7), title=XSS_TITLE, url=XSS_URL)
    return [
        (
            d1,
            [
                _st(d1, "RUS", P, "CHN", "Russia and China deepen their partnership."),
                _st(d1, "IRN", S, "RUS", "Iran supplies drones to Russia.", items=["drones"]),
                _st(d1, "PRK", S, "RUS", "North Korea ships shells to Russia.", items=["shells"]),
                _st(d1, "RUS", OPP, "UKR", "Russia attacks Ukraine.", 0.9),
            ],
        ),
        (
            d2,
            [
                _st(d2, "USA", S, "UKR", "The United States sends missiles to Ukraine."),
                _st(d2, "DEU", S, "UKR", "Germany delivers tanks to Ukraine.", items=["tanks"]),
                _st(d2, "USA", P, "GBR", "Washington and London reaffirm their alliance."),
                _st(d2, "USA", OPP, "RUS", "The United States sanctions Russia.", 0.7),
            ],
        ),
        (
            d3,
            [
                _st(d3, "RUS", P, "IRN", "Russia and Iran sign a cooperation treaty."),
                _st(
                    d3,
                    "CHN",
                    S,
                    "RUS",
                    "China might be supplying components to Russia, analysts speculate.",
                    0.35,
                    modality=Modality.SPECULATIVE,
                ),
                _st(d3, "HEZ", P, "IRN", "The group and Iran coordinate closely."),
            ],
        ),
        (
            d4,
            [
                _st(d4, "GBR", S, "UKR", "Britain supplies Storm Shadow missiles to Ukraine."),
                _st(d4, "DEU", P, "UKR", "Germany and Ukraine sign a security agreement."),
                _st(d4, "UKR", OPP, "RUS", "Ukraine strikes Russian refineries.", 0.85),
            ],
        ),
        (xss, [_st(xss, "IRN", P, "RUS", XSS_SENTENCE, 0.9)]),
    ]


def make_app(settings: Settings) -> Any:
    from graph_service.api.app import create_app

    return create_app(settings)


def load_map(
    settings: Settings, filters: MapFilters, *, center: str | None = None, depth: int = 1
) -> MapGraph:
    """The map service over the store's read port, as the CLI runs it."""

    async def run() -> MapGraph:
        async with GraphStore(settings) as store, store.reader() as reader:
            return await maps.load_map(reader, filters, center=center, depth=depth)

    return asyncio.run(run())


def find_actor(settings: Settings, text: str) -> ActorEntry | None:
    async def run() -> ActorEntry | None:
        async with GraphStore(settings) as store, store.reader() as reader:
            return await maps.find_actor(reader, text)

    return asyncio.run(run())


def write_sample(driver: neo4j.Driver, settings: Settings) -> None:
    from tests.store_sync import upsert_actors, write_documents

    upsert_actors(settings, ACTORS)
    write_documents(settings, sample_items())


# --- Chromium ----------------------------------------------------------------------------------


class Offline:
    """Blocks every request that is not to ``allowed`` (or a file/data URL) and records it."""

    def __init__(self, allowed: str | None = None) -> None:
        self.allowed = allowed
        self.blocked: list[str] = []
        self.requests: list[str] = []

    def ok(self, url: str) -> bool:
        if url.startswith(("data:", "about:", "blob:")):
            return True
        if url.startswith("file:"):
            return self.allowed is None
        return self.allowed is not None and url.startswith(self.allowed + "/")

    def handle(self, route: Any) -> None:
        url = route.request.url
        if self.ok(url):
            route.continue_()
        else:
            self.blocked.append(url)
            route.abort("internetdisconnected")


def open_map(
    context: Any, url: str, offline: Offline, *, ready: bool = True, timeout_ms: int = 30_000
) -> Any:
    """Open a page with every foreign request blocked; for a map, wait until its layout froze."""
    if not getattr(context, "offline_routed", False):
        context.route("**/*", offline.handle)
        context.offline_routed = True
    page = context.new_page()
    page.on("request", lambda request: offline.requests.append(request.url))
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))

    def on_dialog(dialog: Any) -> None:  # alert(), confirm(): a script ran
        errors.append(f"dialog: {dialog.message}")
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.goto(url)
    if ready:
        page.wait_for_selector("body[data-state=ready]", timeout=timeout_ms)
    page.page_errors = errors
    return page
