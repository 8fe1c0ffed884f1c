"""``graph-service alignment`` and ``graph-service changes`` on the real Neo4j, on the
documents of tests/alignment_corpus.py (half-life 30 days; values computed by hand there and
in tests/api/test_alignment_api.py)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

import neo4j
import pytest
from typer.testing import CliRunner

from graph_service.cli import app
from graph_service.config import Settings, get_settings
from tests import alignment_corpus

pytestmark = pytest.mark.neo4j


@pytest.fixture(scope="module")
def ids(driver: neo4j.Driver, neo4j_server: Settings) -> dict[str, str]:
    alignment_corpus.seed(neo4j_server)
    return alignment_corpus.statement_ids(driver, neo4j_server)


@pytest.fixture
def half_life_30(monkeypatch: pytest.MonkeyPatch, neo4j_server: Settings) -> Iterator[None]:
    monkeypatch.setenv("GRAPH_SERVICE_ALIGNMENT_HALF_LIFE_DAYS", "30")
    monkeypatch.setenv("GRAPH_SERVICE_ALIGNMENT_PRIOR_WEIGHT", "0")
    get_settings.cache_clear()
    yield
    monkeypatch.undo()
    get_settings.cache_clear()


def run(*args: str) -> tuple[int, str, str]:
    # wide enough that rich does not wrap a sentence
    result = CliRunner().invoke(app, list(args), env={"COLUMNS": "200"})
    return result.exit_code, result.stdout, result.stderr


def test_alignment_csv(ids: dict[str, str], half_life_30: None) -> None:
    code, out, err = run(
        "alignment", "PRK", "Russia", "--since", "2024-01-01", "--until", "2024-03-01", "--csv"
    )
    assert code == 0, err
    rows = list(csv.DictReader(io.StringIO(out)))
    # January 0.2, February 0.2 (nothing new), March 0.7 / 1.5 = 0.466667 (see the API test)
    assert [(r["start"], r["score"], r["statements"], r["intensity_sum"]) for r in rows] == [
        ("2024-01-01", "0.2", "2", "4.0"),
        ("2024-02-01", "0.2", "0", "0.0"),
        ("2024-03-01", "0.466667", "1", "6.0"),
    ]
    assert rows[0]["evidence_ids"] == f"{ids['s1']} {ids['s2']}"


def test_alignment_table_and_quarters(ids: dict[str, str], half_life_30: None) -> None:
    code, out, err = run(
        "alignment", "RUS", "PRK", "-i", "quarter", "--since", "2024-01-01", "--until", "2024-03-31"
    )
    assert code == 0, err
    # one quarter: 0.35 / 0.75 = +0.4667, 3 statements, intensity 8 − 4 + 6 = 10
    assert "+0.4667" in out and "2024-01-01 … 2024-03-31" in out
    assert "Russia and North Korea ally." in out  # the quarter's strongest statement (s1)


def test_alignment_errors() -> None:
    code, _, err = run("alignment", "PRK", "Atlantis")
    assert code == 2 and "no actor matches 'Atlantis'" in err
    code, _, err = run("alignment", "PRK", "RUS", "--since", "June")
    assert code == 2 and "--since" in err
    code, _, err = run("alignment", "PRK", "RUS", "--interval", "week")
    assert code == 2 and "interval must be one of month, quarter, year" in err
    code, _, err = run("alignment", "PRK", "RUS", "--since", "2024-03-01", "--until", "2024-01-01")
    assert code == 2 and "until must not be before since" in err


def test_changes_csv(ids: dict[str, str], half_life_30: None) -> None:
    code, out, err = run("changes", "--since", "2024-01-31", "--until", "2024-03-01", "--csv")
    assert code == 0, err
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [(r["kind"], r["source"], r["type"], r["target"], r["delta"]) for r in rows] == [
        ("new", "PRK", "SUPPLIES", "RUS", ""),
        ("new", "USA", "OPPOSES", "RUS", ""),
        ("new", "PRK", "OPPOSES", "RUS", ""),
        # 0.8 → −0.56, 0.5 → 0.7667, 0.8 → 0.4667 (hand-computed in the API test)
        ("reversed", "RUS", "OPPOSES", "USA", "-1.3600"),
        ("strengthened", "CHN", "PARTNERSHIP", "RUS", "+0.2667"),
        ("weakened", "PRK", "OPPOSES+SUPPLIES", "RUS", "-0.3333"),
    ]
    assert rows[3]["before"] == "+0.8000" and rows[3]["after"] == "-0.5600"
    assert rows[0]["evidence_ids"] == ids["s3"]
    code, out, err = run("changes", "--since", "2024-01-31", "--actor", "CHN")
    assert code == 0, err
    assert "strengthened" in out and "USA" not in out


def test_changes_errors() -> None:
    code, _, err = run("changes")
    assert code == 2 and "--since" in err
    code, _, err = run("changes", "--since", "2024-13-01")
    assert code == 2 and "--since" in err
    code, _, err = run("changes", "--since", "2024-01-01", "--actor", "Atlantis")
    assert code == 2 and "no actor matches 'Atlantis'" in err
