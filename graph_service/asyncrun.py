"""Running the (async) store from synchronous code: the CLI, the local server's checks."""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")


def run_sync(work: Coroutine[Any, Any, T]) -> T:
    """Run ``work`` to completion and return its result.

    ``asyncio.run`` in the calling thread; when that thread already runs an event loop (the
    CLI called in-process from async code, a notebook, Playwright's sync API), in a thread
    of its own, since one thread cannot run two loops."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(work)
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="run-sync") as pool:
        return pool.submit(asyncio.run, work).result()
