"""Hostile requests of issue 10 (points 1-4) against the API on the real Neo4j.

    GRAPH_SERVICE_...=... .venv/bin/python bench/hostile/run.py [--only NAME ...]

Starts ``graph-service serve`` in a subprocess with a write key and the default limits,
on the configured Neo4j (the project's own server: it must be running; it is not
restarted here, the API's supervisor would), sends each request of the issue one after
the other and prints a Markdown table: HTTP status, seconds, response bytes, the API
process's peak RSS during the request (``VmHWM`` of ``/proc/<pid>/status``, reset before
each request through ``/proc/<pid>/clear_refs``), what the answer said, and whether Neo4j
is still the same process and answers afterwards (with the seconds it took to answer
again: a refused query can keep Neo4j busy after the API has answered).

It deletes everything in the configured database first: run it on a data folder of its
own (``GRAPH_SERVICE_DATA_DIR``), not on a demo graph.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import neo4j

from graph_service import neo4j_local
from graph_service.config import Settings, get_settings
from graph_service.extract.lexicon import actor_catalog
from graph_service.store.graph_store import GraphStore

logger = logging.getLogger("bench.hostile")

KEY = "bench-hostile-key-0123456789"


def list_attack(chars: int) -> str:
    """Sentences of 30 states that supply weapons to 30 others, repeated to ``chars``
    (one sentence when ``chars`` is smaller than two): the list x list amplifier."""
    states = [a.name for a in actor_catalog().values() if a.kind.value == "state"][:60]
    sentence = " and ".join(states[:30]) + " supply weapons to " + " and ".join(states[30:])
    sentence += ". "
    return sentence * max(1, chars // len(sentence))


@dataclass(frozen=True)
class Case:
    name: str
    point: int
    path: str
    body: dict[str, Any]
    before: str
    """The issue's own figures for this request (before the fixes)."""


def cases() -> list[Case]:
    def cypher(name: str, point: int, query: str, before: str) -> Case:
        return Case(name, point, "/cypher", {"query": query}, before)

    sentence = list_attack(1)
    limit = get_settings().max_extract_chars
    return [
        cypher(
            "huge list",
            1,
            "RETURN [x IN range(1, 50000000) | toString(x)] AS big",
            "503 after 14 s; Neo4j exited, down until `neo4j start` by hand",
        ),
        cypher("nesting 200", 2, "RETURN " + "[" * 200 + "]" * 200, "no answer in 15 s"),
        cypher(
            "nesting 500",
            2,
            "RETURN " + "[" * 500 + "]" * 500,
            "503 after 241 s (Neo4j was up)",
        ),
        cypher("20,000 terms", 2, "RETURN " + "+".join(["1"] * 20000), "no answer in 45 s"),
        cypher(
            "reduce 1,000,000",
            2,
            'RETURN size(reduce(s = "", i IN range(1, 1000000) | s + "x"))',
            "408 after 42 s",
        ),
        cypher(
            "`dbms`.`listConfig`",
            3,
            "CALL `dbms`.`listConfig`()",
            "200: 171 settings with file paths",
        ),
        cypher(
            "`dbms`.`queryJmx`",
            3,
            'CALL `dbms`.`queryJmx`("java.lang:type=Runtime")',
            "200: JVM arguments",
        ),
        cypher(
            "`dbms`.`killConnection`",
            3,
            'CALL `dbms`.`killConnection`("bolt-15")',
            "200: killed one of the API's connections",
        ),
        cypher("db.clearQueryCaches", 3, "CALL db.clearQueryCaches()", "200 (accepted)"),
        cypher(
            "SHOW TRANSACTIONS",
            3,
            "SHOW TRANSACTIONS YIELD currentQuery, parameters",
            "200: other clients' queries and parameters",
        ),
        Case(
            "/extract one sentence",
            4,
            "/extract",
            {"text": sentence.strip(), "lang": "en"},
            "200: 870 statements, 0.9 MB",
        ),
        Case(
            f"/extract {limit // 1000} KB (its limit)",
            4,
            "/extract",
            {"text": list_attack(limit - 1000), "lang": "en"},
            "(no separate limit then)",
        ),
        Case(
            "/extract 981 KB",
            4,
            "/extract",
            {"text": list_attack(981_000), "lang": "en"},
            "200: 1.02 GB in 34 s, API peak 5.2 GB",
        ),
        Case(
            "/documents 39 KB",
            4,
            "/documents",
            {"text": list_attack(39_000), "lang": "en"},
            "18,240 statements written in 4.5 s",
        ),
        Case(
            "/documents 981 KB",
            4,
            "/documents",
            {"text": list_attack(981_000), "lang": "en"},
            "(not measured)",
        ),
    ]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _reset_peak(pid: int) -> None:
    # "5" resets the peak resident set size (VmHWM) to the current RSS (Linux >= 4.0).
    Path(f"/proc/{pid}/clear_refs").write_text("5", encoding="ascii")


def _peak_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text(encoding="ascii").splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmHWM for pid {pid}")


def _driver(settings: Settings) -> neo4j.Driver:
    """A driver of the bench's own for its checks (not the API's)."""
    auth = (settings.neo4j_user, settings.neo4j_password.get_secret_value())
    return neo4j.GraphDatabase.driver(settings.bolt_uri, auth=auth, connection_timeout=5)


def _answers_again(settings: Settings, pid: int | None, limit: float = 600) -> str:
    """Whether Neo4j is still the same process, and when it answers again (idle but for
    this check; after an exit, once the API's supervisor has started it again). Each look
    is a new connection and one auto-commit query, never retried: a connection Neo4j
    dropped while its heap was full must not be what answers."""
    started = time.monotonic()
    exited = False
    while time.monotonic() - started < limit:
        now = pid if settings.is_external_neo4j else neo4j_local.status(settings).pid
        exited = exited or now != pid
        try:
            with _driver(settings) as driver, driver.session() as session:
                record = session.run(
                    "SHOW TRANSACTIONS YIELD transactionId RETURN count(*) AS n"
                ).single(strict=True)
            if int(record["n"]) <= 1:
                after = time.monotonic() - started
                if exited:
                    return f"no: exited; restarted (pid {now}), answering after {after:.0f} s"
                return f"yes, same pid, idle after {after:.0f} s"
        except (neo4j.exceptions.Neo4jError, neo4j.exceptions.DriverError, OSError) as exc:
            logger.info("Neo4j not answering yet: %s", str(exc)[:200])
        time.sleep(1)
    return f"no answer within {limit:.0f} s" + (" (exited)" if exited else "")


def _said(case: Case, response: httpx.Response) -> str:
    try:
        data = response.json()
    except ValueError:
        return "(not JSON)"
    if "error" in data:
        error = data["error"]
        return f"{error.get('code')} ({error.get('field', '-')})"
    if case.path == "/cypher":
        return f"{len(data.get('rows', []))} rows"
    if case.path == "/extract":
        return f"{len(data.get('statements', []))} statements"
    items = data.get("items", [])
    return ", ".join(f"{item['status']}, {item['stored']} stored" for item in items)


def _statements(settings: Settings) -> int:
    with _driver(settings) as driver:
        records, _, _ = driver.execute_query("MATCH (s:Statement) RETURN count(s) AS n")
    return int(records[0]["n"])


async def _reset(settings: Settings) -> None:
    async with GraphStore(settings) as store:
        await store.delete_everything()
        await store.apply_schema()


def run(settings: Settings, only: list[str]) -> list[dict[str, str]]:
    if not settings.is_external_neo4j and neo4j_local.status(settings).pid is None:
        raise SystemExit("start Neo4j first: graph-service neo4j start")
    asyncio.run(_reset(settings))
    port = _free_port()
    env = {
        **os.environ,
        "GRAPH_SERVICE_API_PORT": str(port),
        "GRAPH_SERVICE_API_WRITE_KEYS": json.dumps([KEY]),
    }
    server = subprocess.Popen(
        [sys.executable, "-m", "graph_service.cli", "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    rows = []
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                if httpx.get(f"{base}/ready", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise SystemExit("the API did not become ready")
            time.sleep(0.5)
        with httpx.Client(base_url=base, timeout=600, headers={"X-API-Key": KEY}) as client:
            for case in cases():
                if only and case.name not in only:
                    continue
                neo4j_pid = neo4j_local.status(settings).pid
                written = _statements(settings)
                _reset_peak(server.pid)
                started = time.monotonic()
                response = client.post(case.path, json=case.body)
                seconds = time.monotonic() - started
                peak = _peak_mb(server.pid)
                said = _said(case, response)
                if case.path == "/documents":
                    said += f"; {_statements(settings) - written} in Neo4j"
                up = _answers_again(settings, neo4j_pid)
                row = {
                    "point": str(case.point),
                    "request": case.name,
                    "before": case.before,
                    "status": str(response.status_code),
                    "seconds": f"{seconds:.2f}",
                    "bytes": f"{len(response.content):,}",
                    "api_peak_mb": f"{peak:.0f}",
                    "answer": said,
                    "neo4j_up": up,
                }
                logger.info("%s", row)
                rows.append(row)
    finally:
        server.terminate()
        server.wait(timeout=30)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", default=[], help="Run only these requests.")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    logging.getLogger("neo4j").setLevel(logging.ERROR)
    logging.getLogger("httpx").setLevel(logging.WARNING)
    rows = run(get_settings(), args.only)
    header = (
        "| # | request | before (issue) | status | s | bytes | API peak MB | answer | Neo4j up |"
    )
    lines = [header, "| --- | --- | --- | ---: | ---: | ---: | ---: | --- | --- |"]
    for r in rows:
        lines.append(
            f"| {r['point']} | {r['request']} | {r['before']} | {r['status']} | {r['seconds']} "
            f"| {r['bytes']} | {r['api_peak_mb']} | {r['answer']} | {r['neo4j_up']} |"
        )
    sys.stdout.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
