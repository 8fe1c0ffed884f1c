"""Fetching Neo4j: exact versions from Maven metadata, the tree as Maven lists it, jars
checked and kept across interrupted runs, and a clear error when Maven Central is away."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from graph_service import neo4j_fetch
from graph_service.config import Settings
from graph_service.errors import Neo4jServerError
from graph_service.neo4j_fetch import Artifact, FetchProgress, parse_collected, pick_version

PUBLISHED = ["5.25.1", "5.26.0", "5.26.9", "5.26.10", "5.27.0-alpha01", "5.26.11-rc1", "2025.01.0"]


def test_a_release_line_is_its_newest_numeric_patch() -> None:
    assert pick_version("5.26", PUBLISHED) == "5.26.10"  # 10 > 9, pre-releases never count
    assert pick_version("2025", PUBLISHED) == "2025.01.0"
    assert pick_version("5.26.9", PUBLISHED) == "5.26.9"


def test_an_unpublished_version_names_the_newest_of_its_line() -> None:
    with pytest.raises(Neo4jServerError, match=r"5\.26\.99 is not published .*5\.26\.10"):
        pick_version("5.26.99", PUBLISHED)
    with pytest.raises(Neo4jServerError, match=r"no Neo4j release of the line 6\.1"):
        pick_version("6.1", PUBLISHED)


def test_collect_output_gives_runtime_jars_with_classifiers() -> None:
    text = """
The following files have been resolved:
   org.neo4j:neo4j:jar:5.26.30:compile
   io.netty:netty-transport-native-epoll:jar:linux-x86_64:4.1.137.Final:compile -- module x
   org.example:tool:jar:1.0:test
   org.example:bom:pom:1.0:import
   org.scala-lang:scala-library:jar:2.13.11:runtime (optional)
"""
    assert parse_collected(text) == [
        Artifact("org.neo4j", "neo4j", "5.26.30"),
        Artifact("io.netty", "netty-transport-native-epoll", "4.1.137.Final", "linux-x86_64"),
        Artifact("org.scala-lang", "scala-library", "2.13.11"),
    ]
    epoll = parse_collected(text)[1]
    assert epoll.filename == "netty-transport-native-epoll-4.1.137.Final-linux-x86_64.jar"
    assert epoll.url("https://r").startswith("https://r/io/netty/netty-transport-native-epoll/")


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_unreachable_repository_says_what_to_run_again(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "GRAPH_SERVICE_CACHE_DIR": str(tmp_path / "cache"),
        "GRAPH_SERVICE_MAVEN_REPOSITORY_URL": f"http://127.0.0.1:{_closed_port()}/maven2",
    }
    done = subprocess.run(
        [sys.executable, "-m", "graph_service.cli", "neo4j", "install"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    message = " ".join(done.stderr.split())
    assert done.returncode == 2, done.stderr
    assert "cannot reach Maven Central" in message
    assert "run again: graph-service neo4j install" in message
    assert "Traceback" not in done.stderr
    assert not list((tmp_path / "cache").glob("neo4j-*/lib"))


# --- against Maven Central itself (the registry this project fetches Neo4j from) ------


def test_the_configured_line_resolves_from_maven_metadata(tmp_path: Path) -> None:
    settings = Settings(cache_dir=tmp_path)
    resolved = neo4j_fetch.resolve_versions("5.26", settings)
    assert resolved.neo4j.startswith("5.26.")
    assert int(resolved.neo4j.split(".")[2]) >= 30
    assert resolved.browser is not None and resolved.browser.startswith("5.")


def test_jars_are_checked_and_kept_across_runs(tmp_path: Path) -> None:
    jar = Artifact("org.neo4j", "annotations", "5.26.30")
    states: list[FetchProgress] = []
    size = neo4j_fetch.download([jar], tmp_path, Settings().maven_repository_url, states.append)
    path = tmp_path / jar.filename
    assert path.stat().st_size == size > 0
    assert states[-1].done == states[-1].total == 1 and states[-1].bytes_done == size
    before = path.stat().st_mtime_ns
    again: list[FetchProgress] = []
    neo4j_fetch.download([jar], tmp_path, Settings().maven_repository_url, again.append)
    assert path.stat().st_mtime_ns == before  # verified by its SHA-1, not fetched again
    assert again[-1].bytes_done == size
    path.write_bytes(b"broken")
    neo4j_fetch.download([jar], tmp_path, Settings().maven_repository_url)
    assert path.stat().st_size == size  # a damaged file is replaced
