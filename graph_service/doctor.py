"""``graph-service doctor``: what this machine has, what the service would use, and the
fix for each line that fails.

Each check is a :class:`Check` (a name, what was found, whether it is fine, and the
command or setting that fixes it). Nothing here changes anything; the checks run in order
and later ones read what earlier ones found (no Bolt check without a server).
"""

from __future__ import annotations

import platform
import re
import shutil
import socket
import subprocess
import sys
from dataclasses import dataclass
from enum import StrEnum

from graph_service import neo4j_local
from graph_service.config import Settings
from graph_service.errors import GraphServiceError, StoreAuthError
from graph_service.store.driver import verify_connectivity

MIN_PYTHON = (3, 11)


class Verdict(StrEnum):
    ok = "ok"
    warn = "warn"  # works, but something is worth knowing
    fail = "fail"
    skip = "skip"  # not applicable (an external server has no local ports)


@dataclass(frozen=True)
class Check:
    name: str
    verdict: Verdict
    found: str
    fix: str = ""


def _python() -> Check:
    found = f"{platform.python_version()} ({sys.executable})"
    if sys.version_info[:2] >= MIN_PYTHON:
        return Check("Python", Verdict.ok, found)
    return Check("Python", Verdict.fail, found, "install Python 3.11+ and run scripts/setup")


def _java() -> Check:
    try:
        java = neo4j_local.java_binary()
    except GraphServiceError as exc:
        return Check(
            "Java",
            Verdict.fail,
            exc.message,
            "install a Java 17+ runtime (Debian: apt-get install openjdk-17-jre-headless) "
            "or point JAVA_HOME at one",
        )
    done = subprocess.run([java, "-version"], capture_output=True, text=True, check=False)
    first = (done.stderr or done.stdout).strip().splitlines()[:1]
    return Check("Java", Verdict.ok, f"{first[0] if first else '?'} ({java})")


def _maven(installed: bool) -> Check:
    mvn = shutil.which("mvn")
    if mvn is None:
        need = "" if installed else "; it reads Neo4j's dependency tree on install"
        return Check(
            "Maven",
            Verdict.warn if installed else Verdict.fail,
            "not on PATH" + (" (only needed to fetch another Neo4j version)" if installed else ""),
            "install Maven 3.8+ (Debian: apt-get install maven)" + need,
        )
    done = subprocess.run([mvn, "--version"], capture_output=True, text=True, check=False)
    match = re.search(r"Apache Maven ([0-9][0-9A-Za-z.-]*)", done.stdout)
    return Check("Maven", Verdict.ok, f"{match.group(1) if match else '?'} ({mvn})")


def _neo4j_installed(settings: Settings) -> tuple[Check, neo4j_local.Installation | None]:
    inst = neo4j_local.installation(settings)
    wanted = f"GRAPH_SERVICE_NEO4J_VERSION={settings.neo4j_version}"
    if inst is None:
        others = ", ".join(i.version for i in neo4j_local.installations(settings)) or "none"
        return (
            Check(
                "Neo4j",
                Verdict.fail,
                f"{wanted}: not installed in {settings.cache_dir} (installed: {others})",
                "graph-service neo4j install",
            ),
            None,
        )
    browser = f", Neo4j Browser {inst.browser}" if inst.browser else ", no Neo4j Browser"
    return Check("Neo4j", Verdict.ok, f"{inst.version}{browser} ({wanted}, {inst.lib_dir})"), inst


def _port_owner(port: int, settings: Settings, our_pid: int | None) -> Check:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(0.5)
        taken = sock.connect_ex(("127.0.0.1", port)) == 0
    if not taken:
        return Check(f"port {port}", Verdict.ok, "free (the local server listens here)")
    if our_pid is not None:
        return Check(f"port {port}", Verdict.ok, f"in use by this project's Neo4j (pid {our_pid})")
    variable = (
        "GRAPH_SERVICE_NEO4J_BOLT_PORT"
        if port == settings.neo4j_bolt_port
        else "GRAPH_SERVICE_NEO4J_HTTP_PORT"
    )
    return Check(
        f"port {port}",
        Verdict.fail,
        "taken by another process (not the Neo4j of this data folder)",
        f"stop that process, or choose another port: {variable}=<port>",
    )


def _data_folder(settings: Settings) -> Check:
    home = neo4j_local.home_dir(settings)
    if (home / "data" / "dbms").exists():
        return Check("data folder", Verdict.ok, f"{home} (database created)")
    return Check(
        "data folder",
        Verdict.ok,
        f"{home} (empty: the first start creates it with GRAPH_SERVICE_NEO4J_PASSWORD)",
    )


def _bolt_and_credentials(settings: Settings, server_running: bool) -> list[Check]:
    uri = settings.bolt_uri
    start_fix = (
        "check the server at GRAPH_SERVICE_NEO4J_URI"
        if settings.is_external_neo4j
        else "graph-service neo4j start (graph-service neo4j logs says why it stopped)"
    )
    if not settings.is_external_neo4j and not server_running:
        return [
            Check("Bolt", Verdict.fail, f"{uri}: no server of this data folder runs", start_fix),
            Check("credentials", Verdict.skip, "not checked (no server)"),
        ]
    try:
        agent = verify_connectivity(settings)
    except StoreAuthError:
        reset = (
            f"graph-service neo4j stop; rm -rf {neo4j_local.home_dir(settings) / 'data'}; "
            "graph-service neo4j start (this deletes the local graph)"
        )
        fix = (
            "set GRAPH_SERVICE_NEO4J_USER / GRAPH_SERVICE_NEO4J_PASSWORD to the external "
            "server's credentials"
            if settings.is_external_neo4j
            else "the data folder was created with another password: set "
            "GRAPH_SERVICE_NEO4J_PASSWORD to that one, or reset the database: " + reset
        )
        return [
            Check("Bolt", Verdict.ok, f"{uri} answers"),
            Check(
                "credentials",
                Verdict.fail,
                f"user {settings.neo4j_user!r} rejected with the configured password",
                fix,
            ),
        ]
    except GraphServiceError as exc:
        return [
            Check("Bolt", Verdict.fail, exc.message, start_fix),
            Check("credentials", Verdict.skip, "not checked (Bolt does not answer)"),
        ]
    return [
        Check("Bolt", Verdict.ok, f"{uri} answers ({agent})"),
        Check("credentials", Verdict.ok, f"user {settings.neo4j_user!r} accepted"),
    ]


def run_checks(settings: Settings) -> list[Check]:
    """Every check, in the order ``doctor`` prints them."""
    checks = [_python(), _java()]
    if settings.is_external_neo4j:
        checks.append(Check("Neo4j", Verdict.skip, f"external server {settings.bolt_uri}"))
        checks.extend(_bolt_and_credentials(settings, server_running=True))
        return checks
    neo4j_check, inst = _neo4j_installed(settings)
    checks.extend([_maven(inst is not None), neo4j_check])
    state = neo4j_local.status(settings)
    for port in (settings.neo4j_bolt_port, settings.neo4j_http_port):
        checks.append(_port_owner(port, settings, state.pid))
    checks.append(_data_folder(settings))
    bolt = _bolt_and_credentials(settings, server_running=state.pid is not None)
    checks.extend(bolt)
    running = re.search(r"\(Neo4j/([^)]+)\)", bolt[0].found)
    if inst is not None and running and running.group(1) != inst.version:
        checks.append(
            Check(
                "version",
                Verdict.warn,
                f"the server runs Neo4j {running.group(1)}, {inst.version} is installed",
                "graph-service neo4j stop && graph-service neo4j start (uses the new one)",
            )
        )
    return checks
