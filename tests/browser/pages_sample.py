"""Sample data for the actor and pair pages: hand-made statements with known dates and
intensities (no extractor), and one document whose title, URL, sentence and one actor's
name carry HTML and script payloads.

Russia and Iran, month by month in 2024 (confidence 1.0 everywhere, so a lone statement
scores its own intensity / 10): January a treaty (+8), March a drone supply (+7) and a
pact (+3.5, the hostile document), May a condemnation (-4); February and April have no
statement between them. Russia's other counterparts: China (+8, February), Ukraine (-10
in February, -9 in April), the United States (-8, March), the hostile group (+3.5, April).
"""

from __future__ import annotations

import asyncio
import datetime as dt

from graph_service.config import Settings
from graph_service.models import Actor, ActorKind, Document, RelationType, Statement
from graph_service.services import alignment as al
from graph_service.store.graph_store import GraphStore
from tests.browser.map_sample import XSS_ACTOR_NAME, XSS_SENTENCE, XSS_TITLE, XSS_URL

P, S, OPP = RelationType.PARTNERSHIP, RelationType.SUPPLIES, RelationType.OPPOSES
UNTIL = dt.date(2024, 5, 31)

ACTORS = [
    Actor(id="RUS", name="Russia", kind=ActorKind.STATE),
    Actor(id="IRN", name="Iran", kind=ActorKind.STATE),
    Actor(id="CHN", name="China", kind=ActorKind.STATE),
    Actor(id="UKR", name="Ukraine", kind=ActorKind.STATE),
    Actor(id="USA", name="United States", kind=ActorKind.STATE),
    Actor(id="HEZ", name=XSS_ACTOR_NAME, kind=ActorKind.GROUP),
    Actor(id="ISL", name="Iceland", kind=ActorKind.STATE),  # no statement at all
]


def _doc(name: str, day: dt.date, *, title: str | None = None, url: str | None = None) -> Document:
    return Document(
        path=f"/pages/{name}.md",
        text=f"Text of {name}.",
        title=title or f"Report {name}",
        date=day,
        url=url or f"https://news.example/{name}",
        source="Example News",
        lang="en",
    )


def _st(
    doc: Document, subject: str, type_: RelationType, obj: str, evidence: str, intensity: float
) -> Statement:
    return Statement(
        path=doc.path,
        subject=subject,
        type=type_,
        object=obj,
        evidence=evidence,
        confidence=1.0,
        rule="test:hand-made",
        date=doc.date,
        intensity=intensity,
    )


def sample_items() -> list[tuple[Document, list[Statement]]]:
    jan = _doc("jan", dt.date(2024, 1, 10))
    feb = _doc("feb", dt.date(2024, 2, 1))
    mar = _doc("mar", dt.date(2024, 3, 5))
    xss = _doc("xss", dt.date(2024, 3, 20), title=XSS_TITLE, url=XSS_URL)
    apr = _doc("apr", dt.date(2024, 4, 10))
    may = _doc("may", dt.date(2024, 5, 2))
    return [
        (jan, [_st(jan, "RUS", P, "IRN", "Russia and Iran sign a treaty.", 8.0)]),
        (
            feb,
            [
                _st(feb, "RUS", OPP, "UKR", "Russia attacks Ukraine.", -10.0),
                _st(feb, "RUS", P, "CHN", "Russia and China deepen their ties.", 8.0),
            ],
        ),
        (
            mar,
            [
                _st(mar, "IRN", S, "RUS", "Iran supplies drones to Russia.", 7.0),
                _st(mar, "USA", OPP, "RUS", "The United States sanctions Russia.", -8.0),
            ],
        ),
        (xss, [_st(xss, "RUS", P, "IRN", XSS_SENTENCE, 3.5)]),
        (
            apr,
            [
                _st(apr, "HEZ", P, "RUS", "The group backs Russia.", 3.5),
                _st(apr, "RUS", OPP, "UKR", "Russia shells Ukraine.", -9.0),
            ],
        ),
        (may, [_st(may, "IRN", OPP, "RUS", "Iran condemns Russia.", -4.0)]),
    ]


def write_pages_sample(settings: Settings) -> None:
    from tests.store_sync import upsert_actors, write_documents

    upsert_actors(settings, ACTORS)
    write_documents(settings, sample_items())


def pair_series(settings: Settings, a: str, b: str, **kwargs: object) -> al.PairSeries:
    """The alignment service over the store's read port, as the pages call it."""

    async def run() -> al.PairSeries:
        async with GraphStore(settings) as store, store.reader() as reader:
            return await al.pair_series(reader, a, b, settings=settings, **kwargs)  # type: ignore[arg-type]

    return asyncio.run(run())
