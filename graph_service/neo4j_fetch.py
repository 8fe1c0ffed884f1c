"""Fetching Neo4j from Maven Central: exact versions, one resolution, visible progress.

Three steps, each cheap on an empty cache:

1. **Versions** (httpx): ``maven-metadata.xml`` of ``org.neo4j:neo4j`` and
   ``org.neo4j.client:neo4j-browser`` names every published version; a release line
   (``5.26``) becomes its newest patch (``5.26.30``) here, once. Maven never sees a range:
   given ``[5.26.0,5.27.0)`` it collects the dependency tree of *every* patch in it (about
   2,900 POM files, minutes, before the first jar).
2. **Dependency tree** (Maven, pinned): ``dependency:collect`` on a generated POM with the
   two exact versions reads the POMs (parents, BOMs, exclusions, nearest-wins: Maven's own
   rules, which no maintained Python library reproduces) without downloading a jar. Its
   local repository lives in the cache folder, so it never touches ``~/.m2``.
3. **Jars** (httpx, in parallel): every artifact of the tree, checked against the SHA-1
   that Maven Central publishes beside it, with artifacts and megabytes done / total
   reported as they arrive. Files already fetched by an interrupted run are kept.

Every network failure ends in :class:`~graph_service.errors.Neo4jServerError` naming the
address, the cause and the command to run again.
"""

from __future__ import annotations

import hashlib
import logging
import re
import shutil
import subprocess
import threading
import xml.etree.ElementTree as ET
from collections import deque
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import httpx

from graph_service.config import Settings
from graph_service.errors import Neo4jServerError

logger = logging.getLogger(__name__)

NEO4J = ("org.neo4j", "neo4j")
BROWSER = ("org.neo4j.client", "neo4j-browser")
# The browser is published on its own release train; the newest of this major goes with
# a 5.x server (the server's own version does not name a browser version).
BROWSER_MAJOR = "5"
DEPENDENCY_PLUGIN = "org.apache.maven.plugins:maven-dependency-plugin:3.8.1"
DOWNLOAD_THREADS = 8
_ATTEMPTS = 3
RETRY_COMMAND = "graph-service neo4j install"

_NUMERIC = re.compile(r"\d+(?:\.\d+)*")
_LINE = re.compile(r"\d+(?:\.\d+)?")


@dataclass(frozen=True)
class Artifact:
    """One jar of the tree, as Maven names it (``group:artifact:jar[:classifier]:version``)."""

    group: str
    artifact: str
    version: str
    classifier: str | None = None

    @property
    def filename(self) -> str:
        suffix = f"-{self.classifier}" if self.classifier else ""
        return f"{self.artifact}-{self.version}{suffix}.jar"

    def url(self, repository: str) -> str:
        group_path = self.group.replace(".", "/")
        return f"{repository}/{group_path}/{self.artifact}/{self.version}/{self.filename}"

    @property
    def coordinates(self) -> str:
        middle = f"jar:{self.classifier}" if self.classifier else "jar"
        return f"{self.group}:{self.artifact}:{middle}:{self.version}"


@dataclass
class FetchProgress:
    """What has been fetched so far; ``phase`` is ``versions``, ``tree`` or ``jars``."""

    phase: str
    done: int = 0
    total: int | None = None
    bytes_done: int = 0
    bytes_total: int | None = None


ProgressHook = Callable[[FetchProgress], None]


def _no_progress(_: FetchProgress) -> None:
    return None


def _unreachable(url: str, exc: Exception) -> Neo4jServerError:
    reason = str(exc) or type(exc).__name__
    return Neo4jServerError(
        f"cannot reach Maven Central at {url} ({reason}). Neo4j is fetched from there once "
        f"and then kept in the cache folder. Check the network (or set "
        f"GRAPH_SERVICE_MAVEN_REPOSITORY_URL to a mirror) and run again: {RETRY_COMMAND}"
    )


def _client() -> httpx.Client:
    return httpx.Client(
        timeout=httpx.Timeout(60.0, connect=10.0),
        follow_redirects=True,
        transport=httpx.HTTPTransport(retries=2),
        headers={"User-Agent": "graph-service (neo4j install)"},
    )


# --- versions --------------------------------------------------------------------------


def _numeric_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


def published_versions(client: httpx.Client, repository: str, group: str, name: str) -> list[str]:
    """Every version ``maven-metadata.xml`` lists for ``group:name``, as published."""
    url = f"{repository}/{group.replace('.', '/')}/{name}/maven-metadata.xml"
    try:
        response = client.get(url)
    except httpx.HTTPError as exc:
        raise _unreachable(url, exc) from exc
    if response.status_code != 200:
        raise Neo4jServerError(
            f"Maven Central answered {response.status_code} for {url}; run again later: "
            f"{RETRY_COMMAND}"
        )
    try:
        root = ET.fromstring(response.content)
    except ET.ParseError as exc:
        raise Neo4jServerError(f"unreadable Maven metadata at {url}: {exc}") from exc
    return [node.text.strip() for node in root.iter("version") if node.text]


def pick_version(spec: str, versions: Iterable[str]) -> str:
    """``spec`` as an exact version: a release line (``5.26``, ``2025``) becomes its newest
    published patch (pre-releases never count); an exact version must be published."""
    available = list(versions)
    if spec in available and not _LINE.fullmatch(spec):
        return spec
    if not _LINE.fullmatch(spec):
        line = ".".join(spec.split(".")[:2]) + "."
        same_line = [v for v in available if v.startswith(line)] or available
        raise Neo4jServerError(
            f"Neo4j {spec} is not published on Maven Central (newest: "
            f"{', '.join(_newest(same_line, 5))})"
        )
    patches = [v for v in available if _NUMERIC.fullmatch(v) and v.startswith(spec + ".")]
    if not patches:
        raise Neo4jServerError(
            f"no Neo4j release of the line {spec} is published on Maven Central "
            f"(newest: {', '.join(_newest(available, 5))})"
        )
    return max(patches, key=_numeric_key)


def _newest(versions: list[str], count: int) -> list[str]:
    releases = sorted((v for v in versions if _NUMERIC.fullmatch(v)), key=_numeric_key)
    return releases[-count:][::-1]


def is_exact(spec: str) -> bool:
    """True for a full version (``5.26.30``), False for a line (``5.26``)."""
    return not _LINE.fullmatch(spec)


# --- the dependency tree -----------------------------------------------------------------


def _pom(roots: list[Artifact], repository: str) -> str:
    dependencies = "\n".join(
        f"    <dependency><groupId>{a.group}</groupId><artifactId>{a.artifact}</artifactId>"
        f"<version>{a.version}</version></dependency>"
        for a in roots
    )
    # `central` redefined: GRAPH_SERVICE_MAVEN_REPOSITORY_URL governs Maven and httpx alike
    # (a mirror in the user's settings.xml still wins, as Maven users expect).
    repo = f"<id>central</id><url>{repository}</url>"
    return f"""<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>graph-service</groupId><artifactId>neo4j-runtime</artifactId><version>1</version>
  <repositories><repository>{repo}</repository></repositories>
  <pluginRepositories><pluginRepository>{repo}</pluginRepository></pluginRepositories>
  <dependencies>
{dependencies}
  </dependencies>
</project>
"""


def parse_collected(text: str) -> list[Artifact]:
    """The runtime jars in ``dependency:collect`` output (``g:a:jar[:classifier]:v:scope``)."""
    artifacts = []
    for line in text.splitlines():
        token = line.strip().split(" ")[0]
        parts = token.split(":")
        if len(parts) not in (5, 6) or parts[2] != "jar":
            continue
        scope = parts[-1]
        if scope not in ("compile", "runtime"):
            continue
        classifier = parts[3] if len(parts) == 6 else None
        artifacts.append(Artifact(parts[0], parts[1], parts[-2], classifier))
    return artifacts


def collect_tree(
    roots: list[Artifact],
    work_dir: Path,
    maven_repo: Path,
    repository: str,
    progress: ProgressHook = _no_progress,
) -> list[Artifact]:
    """The runtime jars of ``roots`` (exact versions), as Maven resolves them; POMs only."""
    mvn = shutil.which("mvn")
    if mvn is None:
        raise Neo4jServerError(
            "Maven ('mvn') is not on PATH; install Maven 3.8+ (Debian: maven), then run "
            f"{RETRY_COMMAND}"
        )
    work_dir.mkdir(parents=True, exist_ok=True)
    pom = work_dir / "pom.xml"
    pom.write_text(_pom(roots, repository), encoding="utf-8")
    listing = work_dir / "dependencies.txt"
    listing.unlink(missing_ok=True)
    command = [
        mvn,
        "-B",
        f"-Dmaven.repo.local={maven_repo}",
        "-f",
        str(pom),
        f"{DEPENDENCY_PLUGIN}:collect",
        f"-DoutputFile={listing}",
        "-DincludeScope=runtime",
    ]
    state = FetchProgress("tree")
    tail: deque[str] = deque(maxlen=40)
    with subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
        text=True,
        errors="replace",
    ) as process:
        assert process.stdout is not None
        for line in process.stdout:
            tail.append(line.rstrip())
            if "Downloaded from" in line:
                state.done += 1
                progress(state)
    if process.returncode != 0 or not listing.is_file():
        output = "\n".join(tail)
        if "Could not transfer" in output or "UnknownHost" in output or "Connect" in output:
            raise Neo4jServerError(
                f"Maven could not reach {repository} while reading the dependency tree. "
                f"Check the network and run again: {RETRY_COMMAND}\n{output}"
            )
        raise Neo4jServerError(
            "Maven could not resolve the dependency tree:\n  " + " ".join(command) + "\n" + output
        )
    artifacts = parse_collected(listing.read_text(encoding="utf-8"))
    if not artifacts:
        raise Neo4jServerError(f"Maven listed no runtime jars in {listing}")
    return artifacts


# --- jars ---------------------------------------------------------------------------------


def _sha1_of(path: Path) -> str:
    digest = hashlib.sha1(usedforsecurity=False)
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


class _Downloader:
    def __init__(
        self, client: httpx.Client, repository: str, dest: Path, progress: ProgressHook
    ) -> None:
        self.client = client
        self.repository = repository
        self.dest = dest
        self.progress = progress
        self.state = FetchProgress("jars")
        self.lock = threading.Lock()

    def _advance(self, nbytes: int = 0, done: int = 0) -> None:
        with self.lock:
            self.state.bytes_done += nbytes
            self.state.done += done
            snapshot = FetchProgress(**vars(self.state))
        self.progress(snapshot)

    def size(self, artifact: Artifact) -> int:
        url = artifact.url(self.repository)
        try:
            response = self.client.head(url)
        except httpx.HTTPError as exc:
            raise _unreachable(url, exc) from exc
        if response.status_code != 200:
            raise Neo4jServerError(
                f"Maven Central answered {response.status_code} for {url}; run again: "
                f"{RETRY_COMMAND}"
            )
        return int(response.headers.get("content-length", 0))

    def expected_sha1(self, artifact: Artifact) -> str:
        url = artifact.url(self.repository) + ".sha1"
        response = self.client.get(url)
        response.raise_for_status()
        return response.text.strip().split()[0].lower()

    def fetch(self, artifact: Artifact) -> None:
        url = artifact.url(self.repository)
        target = self.dest / artifact.filename
        last: Exception | None = None
        for attempt in range(1, _ATTEMPTS + 1):
            counted = 0
            try:
                expected = self.expected_sha1(artifact)
                if target.is_file() and _sha1_of(target) == expected:
                    self._advance(target.stat().st_size, 1)  # kept from an interrupted run
                    return
                partial = target.with_name(target.name + ".part")
                digest = hashlib.sha1(usedforsecurity=False)
                with self.client.stream("GET", url) as response:
                    response.raise_for_status()
                    with partial.open("wb") as handle:
                        for chunk in response.iter_bytes(1 << 16):
                            handle.write(chunk)
                            digest.update(chunk)
                            counted += len(chunk)
                            self._advance(len(chunk))
                if digest.hexdigest() != expected:
                    raise Neo4jServerError(f"SHA-1 mismatch for {url}")
                partial.rename(target)
                self._advance(done=1)
                return
            except (httpx.HTTPError, Neo4jServerError) as exc:
                last = exc
                self._advance(-counted)
                logger.warning("fetching %s failed (attempt %s): %s", url, attempt, exc)
        assert last is not None
        if isinstance(last, httpx.HTTPError):
            raise _unreachable(url, last) from last
        raise last


def download(
    artifacts: list[Artifact],
    dest: Path,
    repository: str,
    progress: ProgressHook = _no_progress,
    threads: int = DOWNLOAD_THREADS,
) -> int:
    """Fetch ``artifacts`` into ``dest`` in parallel (SHA-1 checked); return the bytes."""
    dest.mkdir(parents=True, exist_ok=True)
    with _client() as client, ThreadPoolExecutor(max_workers=threads) as pool:
        downloader = _Downloader(client, repository, dest, progress)
        sizes = list(pool.map(downloader.size, artifacts))
        downloader.state.total = len(artifacts)
        downloader.state.bytes_total = sum(sizes)
        progress(FetchProgress(**vars(downloader.state)))
        list(pool.map(downloader.fetch, artifacts))
    return sum(sizes)


# --- the whole fetch ----------------------------------------------------------------------


@dataclass(frozen=True)
class Resolved:
    neo4j: str
    browser: str | None


def resolve_versions(
    spec: str, settings: Settings, progress: ProgressHook = _no_progress
) -> Resolved:
    """The exact server (and browser) versions for ``spec``, from Maven metadata."""
    progress(FetchProgress("versions"))
    repository = settings.maven_repository_url.rstrip("/")
    with _client() as client:
        neo4j = pick_version(spec, published_versions(client, repository, *NEO4J))
        browser = None
        if settings.neo4j_with_browser:
            try:
                browser = pick_version(
                    BROWSER_MAJOR, published_versions(client, repository, *BROWSER)
                )
            except Neo4jServerError as exc:
                logger.warning("no Neo4j Browser (%s); installing the server without it", exc)
    return Resolved(neo4j, browser)


def fetch(
    resolved: Resolved,
    lib: Path,
    work_dir: Path,
    settings: Settings,
    progress: ProgressHook = _no_progress,
) -> list[Artifact]:
    """Resolve the tree of the exact versions and fetch its jars into ``lib``."""
    repository = settings.maven_repository_url.rstrip("/")
    roots = [Artifact(*NEO4J, resolved.neo4j)]
    if resolved.browser:
        roots.append(Artifact(*BROWSER, resolved.browser))
    artifacts = collect_tree(
        roots, work_dir, settings.cache_dir / "maven-repository", repository, progress
    )
    download(artifacts, lib, repository, progress)
    return artifacts
