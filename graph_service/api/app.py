"""The FastAPI application: ``create_app(settings)``.

One ``GraphStore`` (one async driver) per process, created in the lifespan. Start-up
checks connectivity and applies the schema when Neo4j answers; when it does not, the
app starts anyway, answers /health, and 503s (with Retry-After) until Neo4j is back.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from graph_service.api.errors import error_json, install_error_handlers
from graph_service.api.routes import (
    actors,
    alignment,
    cypher,
    documents,
    graph,
    health,
    maps,
    queries,
    relations,
    statements,
    views,
)
from graph_service.config import Settings, get_settings
from graph_service.errors import GraphServiceError
from graph_service.store.graph_store import GraphStore
from graph_service.supervisor import supervised

logger = logging.getLogger(__name__)

DESCRIPTION = """\
Alignment data from news: who partners with, supplies or opposes whom, with the
statements and documents behind every edge.

Reads are open unless the server closes them; `POST /documents` and `POST /cypher` need
an `X-API-Key` with write scope. Errors always look like
`{"error": {"code": ..., "message": ..., "field": ...}}`.
"""


class BodySizeLimit:
    """Refuse request bodies over ``max_bytes`` (413) before the app reads them."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length")
        if declared is not None:
            try:
                too_big = int(declared) > self.max_bytes
            except ValueError:
                too_big = True
            if too_big:
                await self._refuse(scope, receive, send)
                return
        if declared is not None or scope.get("method") in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        # A body without Content-Length (chunked): read it here, within the limit, then
        # hand it on as one message.
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                break
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                await self._refuse(scope, receive, send)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": b"".join(chunks), "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        response = error_json(
            413,
            "input_too_large",
            f"the request body exceeds {self.max_bytes} bytes",
            field="body",
        )
        await response(scope, receive, send)


class JsonBodyOnly:
    """Refuse (415) a request body that is declared as anything but JSON: every route that
    takes a body takes JSON, and a form or a text/plain body would otherwise surface as a
    confusing 422 about a missing object."""

    _METHODS = frozenset({"POST", "PUT", "PATCH"})

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope.get("method") in self._METHODS:
            headers = dict(scope.get("headers") or [])
            declared = headers.get(b"content-type", b"").decode("latin-1")
            media = declared.split(";", 1)[0].strip().lower()
            if media and media != "application/json" and not media.endswith("+json"):
                response = error_json(
                    415,
                    "unsupported_media_type",
                    f"the body must be application/json, not {media!r}; "
                    "send it with the header 'Content-Type: application/json'",
                    field="body",
                )
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


def create_app(settings: Settings | None = None) -> FastAPI:
    """The API for ``settings`` (default: the process settings from the environment)."""
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        store = GraphStore(settings)
        app.state.store = store
        try:
            await store.start()
            logger.info("connected to Neo4j at %s; schema applied", settings.bolt_uri)
        except GraphServiceError as exc:
            logger.warning(
                "Neo4j not available at start-up (%s); answering 503 until it is", exc.message
            )
        try:
            async with supervised(settings) as supervisor:
                app.state.supervisor = supervisor
                yield
        finally:
            await store.close()

    app = FastAPI(
        title="graph-service",
        version="0.1.0",
        description=DESCRIPTION,
        lifespan=lifespan,
    )
    app.state.settings = settings
    install_error_handlers(app)
    for module in (
        health,
        actors,
        alignment,
        relations,
        statements,
        graph,
        queries,
        cypher,
        documents,
        maps,
        views,
    ):
        app.include_router(module.router)

    app.add_middleware(JsonBodyOnly)
    app.add_middleware(BodySizeLimit, max_bytes=settings.max_request_bytes)
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_methods=["GET", "POST"],
            allow_headers=["Content-Type", "X-API-Key"],
        )
    return app
