"""Fixtures for the map tests: sample data in the real Neo4j, a served API, Chromium."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import neo4j
import pytest

from graph_service.config import Settings
from tests.browser.map_sample import CHROMIUM, CHROMIUM_ARGS, make_app, write_sample
from tests.browser.pages_sample import write_pages_sample


@pytest.fixture
def map_db(clean_db: neo4j.Driver, neo4j_server: Settings) -> neo4j.Driver:
    write_sample(clean_db, neo4j_server)
    return clean_db


@pytest.fixture
def pages_db(clean_db: neo4j.Driver, neo4j_server: Settings) -> neo4j.Driver:
    write_pages_sample(neo4j_server)
    return clean_db


# --- a served API ------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@pytest.fixture
def served(map_db: neo4j.Driver, neo4j_server: Settings) -> Iterator[str]:
    """The API on 127.0.0.1 and a free port, over the map sample; yields its base URL."""
    yield from _serve(neo4j_server)


@pytest.fixture
def pages_served(pages_db: neo4j.Driver, neo4j_server: Settings) -> Iterator[str]:
    """The API over the pages sample; yields its base URL."""
    yield from _serve(neo4j_server)


def _serve(neo4j_server: Settings) -> Iterator[str]:
    import uvicorn

    port = _free_port()
    config = uvicorn.Config(
        make_app(neo4j_server), host="127.0.0.1", port=port, log_level="warning", lifespan="on"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the API did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


# --- Chromium ----------------------------------------------------------------------------------


@pytest.fixture
def chromium(tmp_path: Path) -> Iterator[Any]:
    """A persistent context on a fresh user-data-dir in Debian's Chromium."""
    if not Path(CHROMIUM).exists() or shutil.which(CHROMIUM) is None:
        pytest.skip("Debian's chromium is not installed")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            str(tmp_path / "profile"),
            executable_path=CHROMIUM,
            args=CHROMIUM_ARGS,
            headless=True,
            viewport={"width": 1400, "height": 900},
            service_workers="block",
        )
        try:
            yield context
        finally:
            context.close()
