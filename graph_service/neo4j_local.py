"""The project's own Neo4j server: fetched from Maven Central, run on Java 17 on loopback.

``install`` fetches ``org.neo4j:neo4j`` (the newest patch of the configured release line,
looked up once) and ``org.neo4j.client:neo4j-browser`` at exact versions into a cache
folder outside the work tree, one folder per version (``neo4j_fetch`` says how).
``start`` writes a minimal ``neo4j.conf`` under the data folder, sets the initial
password on first start, launches ``org.neo4j.server.CommunityEntryPoint`` in the
background and waits until Bolt answers. ``stop`` ends only the process this module
started (by its recorded pid).
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import logging
import os
import re
import shutil
import signal
import socket
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from graph_service.config import Settings
from graph_service.errors import GraphServiceError, Neo4jServerError, StoreAuthError
from graph_service.neo4j_fetch import (
    FetchProgress,
    ProgressHook,
    Resolved,
    fetch,
    is_exact,
    resolve_versions,
)
from graph_service.store.driver import verify_connectivity

logger = logging.getLogger(__name__)

ENTRY_POINT = "org.neo4j.server.CommunityEntryPoint"
ADMIN_TOOL = "org.neo4j.cli.AdminTool"
MIN_JAVA = 17
# -XX:+ExitOnOutOfMemoryError stays on by default (settings.neo4j_exit_on_out_of_memory).
# db.memory.transaction.max does not count the value of one expression and no timeout
# interrupts evaluating it: for RETURN [x IN range(1, 5e7) | toString(x)] SHOW
# TRANSACTIONS reported estimatedUsedHeapMemory 2 MB while the 1 GB heap filled (5.26.30).
# Without the flag (Neo4j's own default) the OutOfMemoryError usually ends just that query
# (Neo.TransientError.General.OutOfMemoryError after 11-44 s; three runs in a row, the
# same process answered writes, reads and timeouts afterwards), but it strikes whichever
# thread allocates next: once (load 5, a 104 s GC pause) it hit Bolt's network threads
# and left a live JVM that accepted no connection (171 in the listen backlog), which no
# supervisor notices. Exiting is the lesser harm; restarting is the supervisor's.
_EXIT_ON_OOM = "-XX:+ExitOnOutOfMemoryError"
_JVM_FLAGS = (
    "-XX:+UseG1GC",
    "-XX:-OmitStackTraceInFastThrow",
    "-Djdk.nio.maxCachedBufferSize=1024",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "-Dlog4j2.disable.jmx=true",
    "-Dfile.encoding=UTF-8",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
)

Reporter = Callable[[str], None]


def _quiet(_: str) -> None:
    return None


@dataclass(frozen=True)
class Installation:
    version: str
    lib_dir: Path
    browser: str | None


@dataclass(frozen=True)
class ServerStatus:
    running: bool
    uri: str
    version: str | None
    pid: int | None
    external: bool = False
    detail: str = ""


# --- layout --------------------------------------------------------------------------


def install_dir(settings: Settings, version: str) -> Path:
    """Where the exact ``version`` is (or would be) installed, shared by every checkout."""
    return settings.cache_dir / f"neo4j-{version}"


def home_dir(settings: Settings) -> Path:
    return settings.data_dir / "neo4j"


def _pid_file(settings: Settings) -> Path:
    return home_dir(settings) / "run" / "graph-service-neo4j.pid"


def _stop_marker(settings: Settings) -> Path:
    """Written by ``stop`` before it ends the server: the exit that follows is wanted."""
    return home_dir(settings) / "run" / "graph-service-neo4j.stopped"


# --- install -------------------------------------------------------------------------


def installations(settings: Settings) -> list[Installation]:
    """Every complete installation in the cache folder, oldest version first.

    Each folder's ``install.json`` says which version it holds (folders named after a
    release line, as earlier versions of this module wrote them, count too)."""
    found = []
    for manifest in settings.cache_dir.glob("neo4j-*/install.json"):
        try:
            data = json.loads(manifest.read_text(encoding="utf-8"))
            version = str(data["version"])
        except (OSError, ValueError, KeyError):
            continue
        lib = manifest.parent / "lib"
        if (lib / f"neo4j-{version}.jar").is_file():
            found.append(Installation(version=version, lib_dir=lib, browser=data.get("browser")))
    return sorted(found, key=lambda inst: _version_key(inst.version))


def _version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) if part.isdigit() else -1 for part in re.split(r"[.-]", version))


def installation(settings: Settings, spec: str | None = None) -> Installation | None:
    """The installation that serves ``spec`` (default: the configured version): that exact
    version, or for a release line its newest installed patch. No network."""
    spec = spec or settings.neo4j_version
    matching = [
        inst
        for inst in installations(settings)
        if inst.version == spec or (not is_exact(spec) and inst.version.startswith(spec + "."))
    ]
    return matching[-1] if matching else None


def install(
    settings: Settings,
    *,
    version: str | None = None,
    force: bool = False,
    upgrade: bool = False,
    report: Reporter = _quiet,
    progress: ProgressHook | None = None,
) -> Installation:
    """Fetch Neo4j ``version`` (default: the configured one) and Neo4j Browser.

    A release line is resolved to its newest patch on Maven Central once; after that the
    installed patch serves it without any network (a second call is a no-op) until
    ``upgrade`` looks for a newer patch. ``force`` fetches again."""
    spec = version or settings.neo4j_version
    existing = installation(settings, spec)
    if existing and not force and not (upgrade and not is_exact(spec)):
        report(f"Neo4j {existing.version} already installed in {existing.lib_dir}")
        return existing
    hook = progress or _text_progress(report)
    report(f"Looking up the newest Neo4j {spec} on {settings.maven_repository_url} ...")
    resolved = resolve_versions(spec, settings, hook)
    exact = installation(settings, resolved.neo4j)
    if exact and not force:
        report(f"Neo4j {exact.version} (the newest {spec}) already installed in {exact.lib_dir}")
        return exact
    target = install_dir(settings, resolved.neo4j)
    target.mkdir(parents=True, exist_ok=True)
    with (target / ".install.lock").open("a") as lock:
        # Two checkouts set up at once: the second waits, then finds the first's work.
        fcntl.flock(lock, fcntl.LOCK_EX)
        exact = installation(settings, resolved.neo4j)
        if exact and not force:
            report(f"Neo4j {exact.version} already installed in {exact.lib_dir}")
            return exact
        return _fetch_into(settings, resolved, target, force=force, report=report, hook=hook)


def _fetch_into(
    settings: Settings,
    resolved: Resolved,
    target: Path,
    *,
    force: bool,
    report: Reporter,
    hook: ProgressHook,
) -> Installation:
    staging = target / "lib.partial"
    if force:
        shutil.rmtree(staging, ignore_errors=True)
    report(
        f"Fetching Neo4j {resolved.neo4j}"
        + (f" and Neo4j Browser {resolved.browser}" if resolved.browser else "")
        + f" into {target}"
    )
    artifacts = fetch(resolved, staging, target, settings, hook)
    wanted = {a.filename for a in artifacts}
    for stray in staging.iterdir():  # left by an interrupted run of another tree
        if stray.name not in wanted:
            stray.unlink()
    installed = _server_version(staging)
    if installed != resolved.neo4j:
        raise Neo4jServerError(f"fetched neo4j-{installed}.jar, expected {resolved.neo4j}")
    lib = target / "lib"
    shutil.rmtree(lib, ignore_errors=True)
    staging.rename(lib)
    (target / "install.json").write_text(
        json.dumps(
            {
                "version": resolved.neo4j,
                "browser": resolved.browser,
                "artifacts": sorted(a.coordinates for a in artifacts),
            },
            indent=2,
        ),
        encoding="utf-8",
    )
    report(
        f"Installed Neo4j {resolved.neo4j}"
        + (f" with Neo4j Browser {resolved.browser}" if resolved.browser else "")
        + f" in {lib}"
    )
    if installation(settings) != installation(settings, resolved.neo4j):
        report(
            f"The configured version is {settings.neo4j_version}; to run this one, set "
            f"GRAPH_SERVICE_NEO4J_VERSION={resolved.neo4j}"
        )
    return Installation(version=resolved.neo4j, lib_dir=lib, browser=resolved.browser)


def _text_progress(report: Reporter, every_seconds: float = 3.0) -> ProgressHook:
    """Progress as a line now and then, for logs and callers without a terminal."""
    last_phase = ""
    last_at = 0.0

    def hook(state: FetchProgress) -> None:
        nonlocal last_phase, last_at
        now = time.monotonic()
        finished = state.total is not None and state.done == state.total
        if state.phase == last_phase and now - last_at < every_seconds and not finished:
            return
        last_phase, last_at = state.phase, now
        if state.phase == "tree" and state.done:
            report(f"  dependency tree: {state.done} POM files read")
        elif state.phase == "jars" and state.total is not None:
            total_mb = (state.bytes_total or 0) / 1e6
            report(
                f"  jars: {state.done}/{state.total} artifacts, "
                f"{state.bytes_done / 1e6:.1f}/{total_mb:.1f} MB"
            )

    return hook


def _server_version(lib: Path) -> str:
    for jar in lib.glob("neo4j-*.jar"):
        match = re.fullmatch(r"neo4j-(\d+\.\d+\.\d+)\.jar", jar.name)
        if match:
            return match.group(1)
    raise Neo4jServerError(f"no neo4j-<version>.jar among the fetched artifacts in {lib}")


# --- java ------------------------------------------------------------------------------


def java_binary() -> str:
    """The ``java`` to run Neo4j with: ``$JAVA_HOME/bin/java`` or the one on PATH, >= 17."""
    java_home = os.environ.get("JAVA_HOME")
    candidate = str(Path(java_home) / "bin" / "java") if java_home else shutil.which("java")
    if not candidate or not Path(candidate).exists():
        raise Neo4jServerError(f"Java {MIN_JAVA}+ is required but 'java' was not found")
    done = subprocess.run([candidate, "-version"], capture_output=True, text=True, check=False)
    match = re.search(r'version "(\d+)(?:\.(\d+))?', done.stderr + done.stdout)
    major = int(match.group(1)) if match else 0
    if major == 1 and match and match.group(2):
        major = int(match.group(2))
    if major < MIN_JAVA:
        raise Neo4jServerError(f"Java {MIN_JAVA}+ is required; {candidate} is Java {major}")
    return candidate


# --- configuration -------------------------------------------------------------------


def write_config(settings: Settings) -> Path:
    """Write ``neo4j.conf`` for this machine: loopback only, ports and memory from settings."""
    home = home_dir(settings)
    conf_dir = home / "conf"
    for sub in ("conf", "data", "logs", "plugins", "import", "run"):
        (home / sub).mkdir(parents=True, exist_ok=True)
    lines = {
        "server.default_listen_address": "127.0.0.1",
        "server.default_advertised_address": "127.0.0.1",
        "server.bolt.listen_address": f"127.0.0.1:{settings.neo4j_bolt_port}",
        "server.bolt.advertised_address": f"127.0.0.1:{settings.neo4j_bolt_port}",
        "server.http.listen_address": f"127.0.0.1:{settings.neo4j_http_port}",
        "server.http.advertised_address": f"127.0.0.1:{settings.neo4j_http_port}",
        "server.https.enabled": "false",
        "dbms.security.auth_enabled": "true",
        "dbms.usage_report.enabled": "false",
        "server.memory.heap.initial_size": settings.neo4j_heap_size,
        "server.memory.heap.max_size": settings.neo4j_heap_size,
        "server.memory.pagecache.size": settings.neo4j_pagecache_size,
        # Neo4j enforces the limits: a transaction past its memory cap or its time fails
        # with an error instead of exhausting the heap, and only allow-listed procedures
        # are loaded at all. The cap counts what operators hold (collect, ORDER BY,
        # DISTINCT, transaction state), not the value of one expression (see _EXIT_ON_OOM).
        "db.memory.transaction.max": settings.neo4j_transaction_memory_max,
        "dbms.memory.transaction.total.max": settings.neo4j_transaction_memory_total_max,
        "db.transaction.timeout": settings.neo4j_transaction_timeout,
        "dbms.security.procedures.allowlist": ",".join(settings.neo4j_procedures_allowlist),
        # Two cores: keep background work from starving the API and the tests.
        "server.threads.worker_count": "4",
        "db.logs.query.enabled": "OFF",
        "db.tx_log.rotation.retention_policy": "1 files",
        "server.directories.data": str(home / "data"),
        "server.directories.logs": str(home / "logs"),
        "server.directories.plugins": str(home / "plugins"),
        "server.directories.import": str(home / "import"),
        "server.directories.run": str(home / "run"),
    }
    path = conf_dir / "neo4j.conf"
    path.write_text(
        "# Written by graph-service on each start; edit the settings, not this file.\n"
        + "".join(f"{key}={value}\n" for key, value in lines.items()),
        encoding="utf-8",
    )
    return path


def _classpath(inst: Installation) -> str:
    return f"{inst.lib_dir}{os.sep}*"


def _set_initial_password(settings: Settings, inst: Installation, java: str) -> None:
    home = home_dir(settings)
    env = {**os.environ, "NEO4J_HOME": str(home), "NEO4J_CONF": str(home / "conf")}
    done = subprocess.run(
        [
            java,
            "-cp",
            _classpath(inst),
            ADMIN_TOOL,
            "dbms",
            "set-initial-password",
            settings.neo4j_password.get_secret_value(),
        ],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    if done.returncode != 0:
        raise Neo4jServerError(
            "setting the initial Neo4j password failed:\n" + (done.stdout + done.stderr)[-2000:]
        )


# --- process ---------------------------------------------------------------------------


def _read_pid(settings: Settings) -> int | None:
    """The recorded pid; without a pid file, a server of ours found among the processes."""
    try:
        return int(_pid_file(settings).read_text(encoding="utf-8").strip())
    except (FileNotFoundError, ValueError):
        pass
    # The pid file can be lost (a data folder cleaned by hand, a run killed between
    # start and write); the command line still says which data folder a server serves.
    proc = Path("/proc")
    if not proc.is_dir():
        return None
    for entry in proc.iterdir():
        if entry.name.isdigit() and _serves_our_home(int(entry.name), settings):
            logger.warning("pid file missing; found our Neo4j as pid %s", entry.name)
            _pid_file(settings).parent.mkdir(parents=True, exist_ok=True)
            _pid_file(settings).write_text(entry.name, encoding="utf-8")
            return int(entry.name)
    return None


def _serves_our_home(pid: int, settings: Settings) -> bool:
    try:
        args = Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace").split("\0")
    except OSError:
        return False
    return ENTRY_POINT in args and f"--home-dir={home_dir(settings)}" in args


def _is_our_server(pid: int, settings: Settings) -> bool:
    """True when ``pid`` is alive and is the Neo4j this project started for this data folder."""
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        try:
            os.kill(pid, 0)
        except OSError:
            return False
        return True  # no /proc (macOS): trust the pid file
    args = [part.decode(errors="replace") for part in cmdline]
    return ENTRY_POINT in args and f"--home-dir={home_dir(settings)}" in args


def _port_open(port: int, host: str = "127.0.0.1") -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(0.5)
        return sock.connect_ex((host, port)) == 0


def log_tail(settings: Settings, lines: int = 40) -> str:
    """The last lines of the server's logs, for error messages."""
    parts = []
    for name in ("neo4j.log", "console.log"):
        path = home_dir(settings) / "logs" / name
        if path.is_file():
            tail = path.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:]
            parts.append(f"--- {path} (last {len(tail)} lines)\n" + "\n".join(tail))
    return "\n".join(parts) or "(no Neo4j log written yet)"


def status(settings: Settings) -> ServerStatus:
    if settings.is_external_neo4j:
        try:
            agent = verify_connectivity(settings)
            return ServerStatus(True, settings.bolt_uri, agent, None, external=True)
        except GraphServiceError as exc:
            return ServerStatus(False, settings.bolt_uri, None, None, True, exc.message)
    inst = installation(settings)
    version = inst.version if inst else None
    pid = _read_pid(settings)
    if pid is not None and _is_our_server(pid, settings):
        up = _port_open(settings.neo4j_bolt_port)
        return ServerStatus(
            up, settings.bolt_uri, version, pid, detail="" if up else "starting (Bolt not open)"
        )
    detail = "not installed" if inst is None else ""
    return ServerStatus(False, settings.bolt_uri, version, None, detail=detail)


def start(settings: Settings, *, report: Reporter = _quiet) -> ServerStatus:
    """Start the local server and wait until Bolt answers with the configured credentials."""
    if settings.is_external_neo4j:
        report(f"GRAPH_SERVICE_NEO4J_URI is set ({settings.bolt_uri}): nothing local is started")
        return status(settings)
    current = status(settings)
    if current.pid is not None:
        report(f"Neo4j is already running (pid {current.pid}) at {settings.bolt_uri}")
        if not current.running:
            _wait_ready(settings, current.pid, report)
        return status(settings)
    for port in (settings.neo4j_bolt_port, settings.neo4j_http_port):
        if _port_open(port):
            raise Neo4jServerError(
                f"port {port} on 127.0.0.1 is already taken by another process; "
                "stop it or choose other ports (GRAPH_SERVICE_NEO4J_BOLT_PORT, "
                "GRAPH_SERVICE_NEO4J_HTTP_PORT)"
            )
    inst = installation(settings) or install(settings, report=report)
    java = java_binary()
    write_config(settings)
    home = home_dir(settings)
    if not (home / "data" / "dbms").exists():
        _set_initial_password(settings, inst, java)
    command = [
        java,
        f"-Xms{settings.neo4j_heap_size}",
        f"-Xmx{settings.neo4j_heap_size}",
        *_JVM_FLAGS,
        *([_EXIT_ON_OOM] if settings.neo4j_exit_on_out_of_memory else []),
        "-cp",
        _classpath(inst),
        ENTRY_POINT,
        f"--home-dir={home}",
        f"--config-dir={home / 'conf'}",
    ]
    _stop_marker(settings).unlink(missing_ok=True)
    console = (home / "logs" / "console.log").open("ab")
    process = subprocess.Popen(
        command,
        stdin=subprocess.DEVNULL,
        stdout=console,
        stderr=subprocess.STDOUT,
        cwd=home,
        start_new_session=True,
    )
    console.close()
    _pid_file(settings).write_text(str(process.pid), encoding="utf-8")
    report(f"Starting Neo4j {inst.version} (pid {process.pid}) on {settings.bolt_uri} ...")
    _wait_ready(settings, process.pid, report, process)
    return status(settings)


def exited_unexpectedly(settings: Settings) -> int | None:
    """The recorded pid when that server has gone without ``stop`` (which removes the pid
    file): killed, crashed, or ended by ``-XX:+ExitOnOutOfMemoryError`` when that is on.
    ``None`` otherwise."""
    if _stop_marker(settings).exists():
        return None
    try:
        pid = int(_pid_file(settings).read_text(encoding="utf-8").strip())
    except (FileNotFoundError, ValueError):
        return None
    if _alive(pid) and _is_our_server(pid, settings):
        return None
    # /proc can read empty for an instant (the java launcher re-executing itself).
    time.sleep(0.5)
    if _alive(pid) and _is_our_server(pid, settings):
        return None
    return pid


def _has_exited(pid: int, settings: Settings, process: subprocess.Popen[bytes] | None) -> bool:
    if process is not None:
        return process.poll() is not None
    # Not our child: /proc can read empty for an instant (the java launcher re-executing
    # itself), so only a second look a moment later says it is gone.
    if _is_our_server(pid, settings):
        return False
    time.sleep(0.5)
    return not _is_our_server(pid, settings)


def _wait_ready(
    settings: Settings,
    pid: int,
    report: Reporter,
    process: subprocess.Popen[bytes] | None = None,
) -> None:
    deadline = time.monotonic() + settings.neo4j_start_timeout_seconds
    last_problem = "Bolt port not open yet"
    while time.monotonic() < deadline:
        if _has_exited(pid, settings, process):
            _pid_file(settings).unlink(missing_ok=True)
            raise Neo4jServerError(f"Neo4j exited during start-up.\n{log_tail(settings)}")
        if _port_open(settings.neo4j_bolt_port):
            try:
                verify_connectivity(settings)
            except StoreAuthError as exc:
                raise Neo4jServerError(
                    f"{exc.message}. The password is set on the first start only; to reset "
                    f"it, stop the server and delete {home_dir(settings) / 'data'}"
                ) from exc
            except GraphServiceError as exc:
                last_problem = exc.message
            else:
                report(f"Neo4j is ready at {settings.bolt_uri}")
                return
        time.sleep(0.5)
    _terminate(pid, settings)
    raise Neo4jServerError(
        f"Neo4j did not answer on {settings.bolt_uri} within "
        f"{settings.neo4j_start_timeout_seconds:.0f} s ({last_problem}); it was stopped.\n"
        f"{log_tail(settings)}"
    )


def _terminate(pid: int, settings: Settings, timeout: float = 60.0) -> None:
    """SIGTERM, wait until the process is really gone (not just unreadable), then SIGKILL."""
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and _alive(pid):
        time.sleep(0.3)
    if _alive(pid):
        logger.warning("Neo4j (pid %s) ignored SIGTERM for %.0f s; killing it", pid, timeout)
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
        while _alive(pid):
            time.sleep(0.2)
    _pid_file(settings).unlink(missing_ok=True)


def _alive(pid: int) -> bool:
    """True until the process has exited; a zombie child of ours is reaped and counts as gone."""
    _reap(pid)
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="utf-8", errors="replace")
    except FileNotFoundError:
        return False
    except OSError:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        return True
    # The state letter follows the parenthesised command name.
    return stat.rsplit(")", 1)[-1].split()[0] != "Z"


def _reap(pid: int) -> None:
    """Collect the exit status when this very process started the server."""
    with contextlib.suppress(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)


def stop(settings: Settings, *, report: Reporter = _quiet) -> bool:
    """Stop the server this project started; return False when none was running."""
    if settings.is_external_neo4j:
        report("GRAPH_SERVICE_NEO4J_URI is set: the external server is not ours to stop")
        return False
    pid = _read_pid(settings)
    if pid is None or not _is_our_server(pid, settings):
        _pid_file(settings).unlink(missing_ok=True)
        report("Neo4j is not running")
        return False
    report(f"Stopping Neo4j (pid {pid}) ...")
    _stop_marker(settings).touch()
    _terminate(pid, settings)
    report("Neo4j stopped")
    return True
